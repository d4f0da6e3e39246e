package conv

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

func TestPoolNumpy(t *testing.T) {
	// want computed with /usr/bin/python3 on seqInput's X:
	//   from numpy.lib.stride_tricks import sliding_window_view as swv
	//   win = swv(X, (s, s), axis=(1, 2))[:, ::st, ::st]
	//   win.max(axis=(-1, -2)), win.mean(axis=(-1, -2))
	// and argmax the flat index into X of win.reshape(..., -1).argmax(-1)
	// (numpy's argmax takes the first maximum, as MaxPool does).
	for i, tc := range []struct {
		size, stride, oh, ow int
		max                  []float64
		arg                  []int
		avg                  []float64
	}{
		{2, 2, 2, 3,
			[]float64{1.0, 1.25, 0.25, 0.5, 1.25, 1.0, 1.25, 1.0, 0.5, 0.75, 1.0, 1.25},
			[]int{6, 3, 4, 12, 14, 17, 36, 39, 34, 42, 50, 47},
			[]float64{0.0625, 0.125, -0.5, -0.25, 0.5, -0.125, 0.3125, -0.3125, -0.25, 0.0, 0.0625, 0.125}},
		{3, 1, 3, 4,
			[]float64{1.25, 1.25, 1.25, 1.25, 1.25, 1.25, 1.25, 1.0, 1.25, 1.25, 1.25, 1.0, 1.25, 1.0, 1.0, 1.25, 1.25, 1.0, 1.0, 1.25, 1.0, 1.0, 1.25, 1.25},
			[]int{14, 3, 3, 3, 14, 14, 14, 17, 14, 14, 14, 17, 36, 39, 39, 47, 36, 39, 39, 47, 50, 50, 58, 47},
			[]float64{0.0, 0.2222222222222222, 0.1388888888888889, 0.05555555555555555, 0.1111111111111111, 0.027777777777777776, -0.05555555555555555, -0.1388888888888889, 0.2222222222222222, 0.1388888888888889, 0.05555555555555555, -0.027777777777777776, -0.05555555555555555, -0.1388888888888889, -0.2222222222222222, 0.0, 0.05555555555555555, -0.027777777777777776, -0.1111111111111111, 0.1111111111111111, -0.1388888888888889, -0.2222222222222222, 0.0, 0.2222222222222222}},
		{2, 3, 2, 2,
			[]float64{1.0, 1.25, 1.25, 1.0, 1.25, 1.0, 0.25, 1.25},
			[]int{6, 3, 25, 28, 36, 39, 48, 58},
			[]float64{0.0625, 0.5, -0.0625, -0.3125, 0.3125, 0.0625, -0.5, -0.0625}},
	} {
		x := seqInput()
		var mx, av Tensor
		arg, err := MaxPool(&mx, x, tc.size, tc.stride)
		if err != nil {
			t.Fatalf("%d: MaxPool error %v", i, err)
		}
		if err := AvgPool(&av, x, tc.size, tc.stride); err != nil {
			t.Fatalf("%d: AvgPool error %v", i, err)
		}
		if mx.C != 2 || mx.H != tc.oh || mx.W != tc.ow || av.H != tc.oh || av.W != tc.ow {
			t.Fatalf("%d: pool shapes %d×%d×%d and %d×%d×%d, want 2×%d×%d", i, mx.C, mx.H, mx.W, av.C, av.H, av.W, tc.oh, tc.ow)
		}
		for n := range tc.max {
			if !near(mx.Data[n], tc.max[n]) || arg[n] != tc.arg[n] || !near(av.Data[n], tc.avg[n]) {
				t.Errorf("%d: pools(%d, %d)[%d] = max %g at %d, mean %g, want %g at %d, %g", i, tc.size, tc.stride, n, mx.Data[n], arg[n], av.Data[n], tc.max[n], tc.arg[n], tc.avg[n])
			}
		}
	}
}

func TestPoolErrors(t *testing.T) {
	x := seqInput()
	var y Tensor
	for i, tc := range []struct {
		size, stride int
		want         error
	}{
		{6, 1, ErrKernel}, // taller than the 5 rows
		{2, 0, ErrStride},
		{0, 1, ErrShape},
	} {
		if _, err := MaxPool(&y, x, tc.size, tc.stride); !errors.Is(err, tc.want) {
			t.Errorf("%d: MaxPool(%d, %d) error %v, want %v", i, tc.size, tc.stride, err, tc.want)
		}
		if err := AvgPool(&y, x, tc.size, tc.stride); !errors.Is(err, tc.want) {
			t.Errorf("%d: AvgPool(%d, %d) error %v, want %v", i, tc.size, tc.stride, err, tc.want)
		}
	}
}

func TestMaxPoolNaN(t *testing.T) {
	x := FromRows([][]float64{{1, math.NaN()}, {3, 2}})
	var y Tensor
	arg, err := MaxPool(&y, x, 2, 2)
	if err != nil || !math.IsNaN(y.Data[0]) || arg[0] != 1 {
		t.Errorf("MaxPool([[1 NaN] [3 2]]) = %v at %v, %v, want NaN at 1", y.Data, arg, err)
	}
}

// TestPoolBackwardFiniteDifferences checks the pooling and ReLU
// gradients against central differences of L = ½‖Y − T‖². Random inputs
// have no ties, so the maximum does not move under a step of 1e-6.
func TestPoolBackwardFiniteDifferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i, tc := range []struct{ size, stride int }{{2, 2}, {3, 1}, {2, 3}, {3, 2}} {
		for _, kind := range []string{"max", "avg", "relu"} {
			x := randTensor(rng, 2, 7, 6)
			var argmax []int
			forward := func(y *Tensor) {
				var err error
				switch kind {
				case "max":
					argmax, err = MaxPool(y, x, tc.size, tc.stride)
				case "avg":
					err = AvgPool(y, x, tc.size, tc.stride)
				default:
					ReLU(y, x)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			var y Tensor
			forward(&y)
			target := randTensor(rng, y.C, y.H, y.W)
			dY := New(y.C, y.H, y.W)
			for n, v := range y.Data {
				dY.Data[n] = v - target.Data[n]
			}
			var dX *Tensor
			switch kind {
			case "max":
				dX = MaxPoolBackward(x, argmax, dY)
			case "avg":
				dX = AvgPoolBackward(x, tc.size, tc.stride, dY)
			default:
				dX = ReLUBackward(x, dY)
			}
			loss := func() float64 {
				var y Tensor
				forward(&y)
				var l float64
				for n, v := range y.Data {
					l += (v - target.Data[n]) * (v - target.Data[n]) / 2
				}
				return l
			}
			const h = 1e-6
			for n := range x.Data {
				old := x.Data[n]
				x.Data[n] = old + h
				lp := loss()
				x.Data[n] = old - h
				lm := loss()
				x.Data[n] = old
				if want := (lp - lm) / (2 * h); !scalar.EqualWithinAbsOrRel(dX.Data[n], want, 1e-7, 1e-6) {
					t.Errorf("%d %s(%d, %d): dX[%d] = %.10g, want %.10g (finite differences)", i, kind, tc.size, tc.stride, n, dX.Data[n], want)
				}
			}
		}
	}
}

func TestReLU(t *testing.T) {
	x := FromRows([][]float64{{-2, 0, 3}})
	var y Tensor
	ReLU(&y, x)
	if want := []float64{0, 0, 3}; !equal(y.Data, want) {
		t.Errorf("ReLU(%v) = %v, want %v", x.Data, y.Data, want)
	}
	ReLU(x, x)
	if want := []float64{0, 0, 3}; !equal(x.Data, want) {
		t.Errorf("ReLU in place = %v, want %v", x.Data, want)
	}
	// The derivative at 0 is taken as 0, as in PyTorch.
	dX := ReLUBackward(FromRows([][]float64{{-2, 0, 3}}), FromRows([][]float64{{5, 6, 7}}))
	if want := []float64{0, 0, 7}; !equal(dX.Data, want) {
		t.Errorf("ReLUBackward = %v, want %v", dX.Data, want)
	}
}
