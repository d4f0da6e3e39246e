package conv

import (
	"errors"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// seqInput is the 2×5×6 input of the scipy references below:
// X[c,y,x] = ((c*30 + y*6 + x)*7 % 11 − 5)/4, in Python
// X = np.array([[[((c*H*W + y*W + x)*7 % 11 - 5)/4 for x in range(W)] for y in range(H)] for c in range(C)])
// with C, H, W = 2, 5, 6.
func seqInput() *Tensor {
	x := New(2, 5, 6)
	for i := range x.Data {
		x.Data[i] = float64(i*7%11-5) / 4
	}
	return x
}

// seqKernels are two 2×3×3 kernels: K[k][c,i,j] = (k*18 + c*9 + i*3 + j)*5 % 7 − 3,
// in Python Ker = np.array([[[[((kk*C*k*k + c*k*k + i*k + j)*5 % 7) - 3 ...]]]])
// with K, k = 2, 3.
func seqKernels() []Tensor {
	ks := make([]Tensor, 2)
	for k := range ks {
		ks[k] = *New(2, 3, 3)
		for i := range ks[k].Data {
			ks[k].Data[i] = float64((k*18+i)*5%7 - 3)
		}
	}
	return ks
}

var seqBias = []float64{0.5, -1}

func near(a, b float64) bool { return scalar.EqualWithinAbsOrRel(a, b, 1e-12, 1e-12) }

func TestForwardScipy(t *testing.T) {
	// want computed with /usr/bin/python3, scipy 1.x:
	//   from scipy.signal import correlate2d
	//   def dil(m, D): out = np.zeros((D*(m.shape[0]-1)+1,)*2); out[::D, ::D] = m; return out
	//   Y = np.array([sum(correlate2d(np.pad(X[c], P), dil(Ker[kk,c], D), mode='valid')
	//                     for c in range(C))[::S, ::S] + b[kk] for kk in range(K)])
	// with b = [0.5, -1.0]: scipy's correlate2d does not flip the kernel,
	// np.pad adds P zeros per side, dil inserts D−1 zeros between taps and
	// [::S, ::S] keeps every S-th output.
	for i, tc := range []struct {
		p      Params
		oh, ow int
		want   []float64
	}{
		{Params{0, 1, 1}, 3, 4, []float64{10.75, -13.75, 5.75, -2.25, 1.25, 4.25, 1.75, -6.25, -13.75, 5.75, -2.25, -4.75, -7.75, 3.25, 3.25, -7.75, -10.5, 11.5, -10.5, -2.25, 3.25, 3.25, -7.75, 6.0}},
		{Params{1, 1, 1}, 5, 6, []float64{-7.5, 4.0, 7.0, 1.75, -0.75, 2.75, 1.25, 10.75, -13.75, 5.75, -2.25, -6.25, 1.25, 1.25, 4.25, 1.75, -6.25, 1.25, 6.75, -13.75, 5.75, -2.25, -4.75, 6.0, 1.5, 7.5, 0.25, -9.75, 5.0, 2.75, 1.75, 1.75, -11.0, 9.25, -6.25, -4.5, 3.0, -7.75, 3.25, 3.25, -7.75, 3.0, -3.5, -10.5, 11.5, -10.5, -2.25, 4.0, -1.75, 3.25, 3.25, -7.75, 6.0, -3.25, -6.5, 9.25, -11.0, 1.75, 3.5, -9.0}},
		{Params{1, 2, 1}, 3, 3, []float64{-7.5, 7.0, -0.75, 1.25, 4.25, -6.25, 1.5, 0.25, 5.0, 1.75, -11.0, -6.25, -3.5, 11.5, -2.25, -6.5, -11.0, 3.5}},
		{Params{0, 1, 2}, 1, 2, []float64{9.5, -1.25, -2.5, 3.0}},
		{Params{2, 2, 2}, 3, 3, []float64{1.5, -3.75, 0.0, 6.0, 9.5, -6.25, -6.25, 0.75, -2.0, 3.5, 9.25, -5.5, -6.0, -2.5, -6.0, -5.5, 9.25, 3.5}},
	} {
		x, ks := seqInput(), seqKernels()
		var y Tensor
		if err := Forward(&y, x, ks, seqBias, tc.p); err != nil {
			t.Errorf("%d: Forward(%+v) error %v", i, tc.p, err)
			continue
		}
		if y.C != 2 || y.H != tc.oh || y.W != tc.ow {
			t.Errorf("%d: Forward(%+v) shape %d×%d×%d, want 2×%d×%d", i, tc.p, y.C, y.H, y.W, tc.oh, tc.ow)
			continue
		}
		for n, want := range tc.want {
			if !near(y.Data[n], want) {
				t.Errorf("%d: Forward(%+v).Data[%d] = %g, want %g", i, tc.p, n, y.Data[n], want)
			}
		}

		// Terms and Products give the same sums, bias aside, bit for bit.
		var terms []Term
		var prods Tensor
		for k := range ks {
			for oy := 0; oy < y.H; oy++ {
				for ox := 0; ox < y.W; ox++ {
					var s, sp float64
					var err error
					terms, s, err = Terms(terms, x, &ks[k], tc.p, oy, ox)
					if err != nil {
						t.Fatalf("%d: Terms(%+v, %d, %d) error %v", i, tc.p, oy, ox, err)
					}
					if sp, err = Products(&prods, x, &ks[k], tc.p, oy, ox); err != nil {
						t.Fatalf("%d: Products(%+v, %d, %d) error %v", i, tc.p, oy, ox, err)
					}
					if got, want := s+seqBias[k], y.At(k, oy, ox); got != want || sp != s {
						t.Errorf("%d: kernel %d at (%d, %d): Terms sum + bias = %g, Products sum = %g, want %g and %g", i, k, oy, ox, got, sp, want, s)
					}
					if len(terms) != 18 || len(prods.Data) != 18 {
						t.Fatalf("%d: %d terms, %d products, want 18", i, len(terms), len(prods.Data))
					}
					for n, tm := range terms {
						if tm.Prod != prods.Data[n] || tm.Pad && (tm.In != 0 || tm.Prod != 0) {
							t.Errorf("%d: term %+v, product %g", i, tm, prods.Data[n])
						}
						if !tm.Pad && (tm.In != x.At(tm.C, tm.Y, tm.X) || tm.K != ks[k].At(tm.C, tm.I, tm.J)) {
							t.Errorf("%d: term %+v does not match input %g and kernel %g", i, tm, x.At(tm.C, tm.Y, tm.X), ks[k].At(tm.C, tm.I, tm.J))
						}
					}
				}
			}
		}
	}
}

func TestTermsPadding(t *testing.T) {
	// With padding 1, the window of output (0, 0) starts one row and one
	// column before the input: 5 of its 9 taps lie on the padding.
	x := seqInput()
	ks := seqKernels()
	k := &ks[0]
	k1 := Tensor{C: 1, H: 3, W: 3, Data: k.Data[:9]}
	x1 := Tensor{C: 1, H: 5, W: 6, Data: x.Data[:30]}
	terms, _, err := Terms(nil, &x1, &k1, Params{Pad: 1, Stride: 1, Dilation: 1}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	pads := 0
	for _, tm := range terms {
		if tm.Pad {
			pads++
			if tm.Y >= 0 && tm.X >= 0 {
				t.Errorf("Terms: %+v marked as padding", tm)
			}
		}
	}
	if pads != 5 || terms[0].Y != -1 || terms[0].X != -1 || terms[4].Y != 0 || terms[4].X != 0 {
		t.Errorf("Terms(pad 1, (0, 0)) = %+v, want 5 padding taps starting at (−1, −1)", terms)
	}
	for i, pos := range [][2]int{{-1, 0}, {0, 6}, {5, 0}} {
		if _, _, err := Terms(nil, &x1, &k1, Params{Pad: 1, Stride: 1, Dilation: 1}, pos[0], pos[1]); !errors.Is(err, ErrPosition) {
			t.Errorf("%d: Terms at %v error %v, want ErrPosition", i, pos, err)
		}
	}
}

func TestForwardErrors(t *testing.T) {
	x, ks := seqInput(), seqKernels()
	one := Params{Stride: 1, Dilation: 1}
	for i, tc := range []struct {
		x    *Tensor
		ks   []Tensor
		bias []float64
		p    Params
		want error
	}{
		{x, ks, seqBias, Params{}, ErrStride},
		{x, ks, seqBias, Params{Stride: 1}, ErrDilation},
		{x, ks, seqBias, Params{Pad: -1, Stride: 1, Dilation: 1}, ErrPad},
		{x, []Tensor{*New(2, 7, 7)}, nil, one, ErrKernel},
		{x, []Tensor{*New(2, 3, 3)}, nil, Params{Stride: 1, Dilation: 3}, ErrKernel},
		{x, nil, nil, one, ErrShape},
		{x, []Tensor{*New(1, 3, 3)}, nil, one, ErrShape},
		{x, []Tensor{*New(2, 3, 3), *New(2, 2, 2)}, nil, one, ErrShape},
		{x, ks, []float64{1}, one, ErrShape},
		{New(2, 0, 6), ks, nil, one, ErrShape},
	} {
		var y Tensor
		if err := Forward(&y, tc.x, tc.ks, tc.bias, tc.p); !errors.Is(err, tc.want) {
			t.Errorf("%d: Forward(%+v) error %v, want %v", i, tc.p, err, tc.want)
		}
	}
}

func TestForwardReusesDst(t *testing.T) {
	x, ks := seqInput(), seqKernels()
	y := New(1, 10, 10)
	data := &y.Data[0]
	if err := Forward(y, x, ks, nil, Params{Stride: 1, Dilation: 1}); err != nil {
		t.Fatal(err)
	}
	if &y.Data[0] != data || len(y.Data) != 24 {
		t.Errorf("Forward into a 100-value dst: len %d, reused %v, want 24, true", len(y.Data), &y.Data[0] == data)
	}
	if got := testing.AllocsPerRun(10, func() { _ = Forward(y, x, ks, nil, Params{Stride: 1, Dilation: 1}) }); got != 0 {
		t.Errorf("allocations per Forward = %v, want 0", got)
	}
}

// randTensor returns a c×h×w tensor of uniform values in [−1, 1).
func randTensor(rng *rand.Rand, c, h, w int) *Tensor {
	t := New(c, h, w)
	for i := range t.Data {
		t.Data[i] = 2*rng.Float64() - 1
	}
	return t
}

// TestBackwardFiniteDifferences checks dX, dK and dB against central
// differences of L = ½‖Y − T‖², whose upstream gradient is dY = Y − T.
func TestBackwardFiniteDifferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i, tc := range []struct {
		c, h, w, k, kh, kw int
		p                  Params
	}{
		{1, 5, 5, 1, 3, 3, Params{0, 1, 1}},
		{2, 6, 5, 3, 3, 3, Params{1, 1, 1}},
		{3, 7, 6, 2, 3, 2, Params{1, 2, 1}},
		{2, 8, 8, 2, 3, 3, Params{2, 3, 2}},
		{2, 6, 7, 2, 2, 3, Params{0, 1, 2}},
	} {
		x := randTensor(rng, tc.c, tc.h, tc.w)
		ks := make([]Tensor, tc.k)
		for k := range ks {
			ks[k] = *randTensor(rng, tc.c, tc.kh, tc.kw)
		}
		bias := randTensor(rng, 1, 1, tc.k).Data
		var y Tensor
		if err := Forward(&y, x, ks, bias, tc.p); err != nil {
			t.Fatalf("%d: Forward error %v", i, err)
		}
		target := randTensor(rng, y.C, y.H, y.W)
		loss := func() float64 {
			var y Tensor
			if err := Forward(&y, x, ks, bias, tc.p); err != nil {
				t.Fatal(err)
			}
			var l float64
			for n, v := range y.Data {
				l += (v - target.Data[n]) * (v - target.Data[n]) / 2
			}
			return l
		}
		dY := New(y.C, y.H, y.W)
		for n, v := range y.Data {
			dY.Data[n] = v - target.Data[n]
		}
		dX, dK, dB := Backward(x, ks, tc.p, dY)

		const h = 1e-6
		fd := func(v *float64) float64 {
			old := *v
			*v = old + h
			lp := loss()
			*v = old - h
			lm := loss()
			*v = old
			return (lp - lm) / (2 * h)
		}
		check := func(what string, n int, got, want float64) {
			if !scalar.EqualWithinAbsOrRel(got, want, 1e-7, 1e-6) {
				t.Errorf("%d %+v: Backward %s[%d] = %.10g, want %.10g (finite differences)", i, tc.p, what, n, got, want)
			}
		}
		for n := range x.Data {
			check("dX", n, dX.Data[n], fd(&x.Data[n]))
		}
		for k := range ks {
			for n := range ks[k].Data {
				check("dK", k*len(ks[k].Data)+n, dK[k].Data[n], fd(&ks[k].Data[n]))
			}
			check("dB", k, dB[k], fd(&bias[k]))
		}
	}
}

// TestBackwardIdentities checks, at stride 1, the two formulas a lesson
// states: ∂L/∂K[k][c] = pad(X[c], P) ⋆ dY[k] (valid correlation) and
// ∂L/∂X[c] = Σ_k dY[k] ⋆ flip(K[k][c]) with padding kh−1−P, which is the
// full convolution of dY[k] with K[k][c] when P = 0.
func TestBackwardIdentities(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i, pad := range []int{0, 1, 2} {
		const c, h, w, kn, ks = 2, 6, 5, 3, 3
		p := Params{Pad: pad, Stride: 1, Dilation: 1}
		x := randTensor(rng, c, h, w)
		kernels := make([]Tensor, kn)
		for k := range kernels {
			kernels[k] = *randTensor(rng, c, ks, ks)
		}
		oh, _ := OutSize(h, ks, p)
		ow, _ := OutSize(w, ks, p)
		dY := randTensor(rng, kn, oh, ow)
		dX, dK, _ := Backward(x, kernels, p, dY)

		// dK[k][c]: channel c of x as a one-channel input, dY[k] as kernel.
		for k := range kernels {
			g := Tensor{C: 1, H: oh, W: ow, Data: dY.Channel(k)}
			for ch := 0; ch < c; ch++ {
				xc := Tensor{C: 1, H: h, W: w, Data: x.Channel(ch)}
				var got Tensor
				if err := Forward(&got, &xc, []Tensor{g}, nil, p); err != nil {
					t.Fatalf("%d: %v", i, err)
				}
				for n, v := range got.Data {
					if want := dK[k].Channel(ch)[n]; !scalar.EqualWithinAbsOrRel(v, want, 1e-12, 1e-12) {
						t.Errorf("%d: pad(X[%d]) ⋆ dY[%d] [%d] = %g, want dK %g", i, ch, k, n, v, want)
					}
				}
			}
		}

		// dX: dY (K channels) correlated with flipped kernels, kernel c
		// holding K[k][c] flipped in its channel k.
		flipped := make([]Tensor, c)
		for ch := range flipped {
			flipped[ch] = *New(kn, ks, ks)
			for k := range kernels {
				var f Tensor
				Flip(&f, &Tensor{C: 1, H: ks, W: ks, Data: kernels[k].Channel(ch)})
				copy(flipped[ch].Channel(k), f.Data)
			}
		}
		var got Tensor
		if err := Forward(&got, dY, flipped, nil, Params{Pad: ks - 1 - pad, Stride: 1, Dilation: 1}); err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		if got.C != c || got.H != h || got.W != w {
			t.Fatalf("%d: full convolution shape %d×%d×%d, want %d×%d×%d", i, got.C, got.H, got.W, c, h, w)
		}
		for n, v := range got.Data {
			if !scalar.EqualWithinAbsOrRel(v, dX.Data[n], 1e-12, 1e-12) {
				t.Errorf("%d: Σ_k dY[k] ⋆ flip(K[k]) [%d] = %g, want dX %g", i, n, v, dX.Data[n])
			}
		}
	}
}

func TestFlip(t *testing.T) {
	var got Tensor
	Flip(&got, FromRows([][]float64{{1, 2, 3}, {4, 5, 6}}))
	if want := []float64{6, 5, 4, 3, 2, 1}; got.H != 2 || got.W != 3 || !equal(got.Data, want) {
		t.Errorf("Flip([[1 2 3] [4 5 6]]) = %v, want %v", got.Data, want)
	}
}

func equal(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !near(a[i], b[i]) {
			return false
		}
	}
	return true
}

func TestTensorPanics(t *testing.T) {
	for i, f := range []func(){
		func() { New(-1, 2, 2) },
		func() { New(1, 2, 2).At(0, 2, 0) },
		func() { New(1, 2, 2).Set(1, 0, 0, 1) },
		func() { FromRows([][]float64{{1, 2}, {3}}) },
		func() { x := seqInput(); _ = Forward(x, x, seqKernels(), nil, Params{Stride: 1, Dilation: 1}) },
		func() { _ = Forward(nil, seqInput(), seqKernels(), nil, Params{Stride: 1, Dilation: 1}) },
		func() {
			_ = Forward(new(Tensor), &Tensor{C: 1, H: 2, W: 2}, seqKernels(), nil, Params{Stride: 1, Dilation: 1})
		},
		func() { Backward(seqInput(), seqKernels(), Params{Stride: 1, Dilation: 1}, New(2, 2, 2)) },
		func() { Backward(seqInput(), seqKernels(), Params{}, New(2, 3, 4)) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%d: no panic", i)
				}
			}()
			f()
		}()
	}
}

// naiveBackward is the scatter of Backward's doc comment, one tap at a
// time with range tests, as the reference for the row-wise fast paths.
func naiveBackward(x *Tensor, ks []Tensor, p Params, dY *Tensor) (*Tensor, []Tensor) {
	dX := New(x.C, x.H, x.W)
	dK := make([]Tensor, len(ks))
	for k := range ks {
		kh, kw := ks[k].H, ks[k].W
		dK[k] = *New(x.C, kh, kw)
		for oy := 0; oy < dY.H; oy++ {
			for ox := 0; ox < dY.W; ox++ {
				g := dY.At(k, oy, ox)
				for c := 0; c < x.C; c++ {
					for i := 0; i < kh; i++ {
						for j := 0; j < kw; j++ {
							iy, ix := oy*p.Stride-p.Pad+i*p.Dilation, ox*p.Stride-p.Pad+j*p.Dilation
							if iy >= 0 && iy < x.H && ix >= 0 && ix < x.W {
								dK[k].Data[(c*kh+i)*kw+j] += g * x.At(c, iy, ix)
								dX.Data[(c*x.H+iy)*x.W+ix] += g * ks[k].At(c, i, j)
							}
						}
					}
				}
			}
		}
	}
	return dX, dK
}

// TestUnitStride checks the stride-1 row loops (3×3 fused, other kernel
// rows, padding wider than the kernel, inputs narrower than the padded
// kernel) against Terms and the naive scatter.
func TestUnitStride(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i, tc := range []struct{ c, h, w, k, kh, kw, pad int }{
		{1, 9, 11, 1, 3, 3, 0},
		{2, 7, 8, 2, 3, 3, 1},
		{1, 6, 5, 1, 3, 3, 2},
		{1, 4, 2, 2, 3, 3, 3},
		{2, 8, 9, 2, 3, 5, 1},
		{1, 7, 6, 1, 2, 4, 2},
		{1, 5, 5, 1, 1, 1, 0},
		{3, 6, 7, 2, 5, 3, 2},
		{1, 2, 2, 1, 3, 3, 1},
	} {
		p := Params{Pad: tc.pad, Stride: 1, Dilation: 1}
		x := randTensor(rng, tc.c, tc.h, tc.w)
		ks := make([]Tensor, tc.k)
		for k := range ks {
			ks[k] = *randTensor(rng, tc.c, tc.kh, tc.kw)
		}
		var y Tensor
		if err := Forward(&y, x, ks, nil, p); err != nil {
			t.Fatalf("%d: Forward error %v", i, err)
		}
		var terms []Term
		for k := range ks {
			for oy := 0; oy < y.H; oy++ {
				for ox := 0; ox < y.W; ox++ {
					var s float64
					terms, s, _ = Terms(terms, x, &ks[k], p, oy, ox)
					if got := y.At(k, oy, ox); got != s {
						t.Errorf("%d %+v: Forward at (%d, %d, %d) = %g, want %g (Terms sum)", i, tc, k, oy, ox, got, s)
					}
				}
			}
		}
		dY := randTensor(rng, y.C, y.H, y.W)
		dX, dK, _ := Backward(x, ks, p, dY)
		wantX, wantK := naiveBackward(x, ks, p, dY)
		if !equal(dX.Data, wantX.Data) {
			t.Errorf("%d %+v: Backward dX = %v, want %v", i, tc, dX.Data, wantX.Data)
		}
		for k := range ks {
			if !equal(dK[k].Data, wantK[k].Data) {
				t.Errorf("%d %+v: Backward dK[%d] = %v, want %v", i, tc, k, dK[k].Data, wantK[k].Data)
			}
		}
	}
}

// TestBackwardInto checks that BackwardInto gives what Backward returns,
// reuses destinations of the right size without allocating, and returns
// errors for shapes that do not fit.
func TestBackwardInto(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for i, p := range []Params{{0, 1, 1}, {1, 1, 1}, {1, 2, 1}, {2, 1, 2}} {
		x := randTensor(rng, 2, 9, 8)
		ks := []Tensor{*randTensor(rng, 2, 3, 3), *randTensor(rng, 2, 3, 3)}
		oh, _ := OutSize(9, 3, p)
		ow, _ := OutSize(8, 3, p)
		dY := randTensor(rng, 2, oh, ow)
		wantX, wantK, wantB := Backward(x, ks, p, dY)
		// Stale values and oversized buffers must not leak into the result.
		dX := randTensor(rng, 1, 20, 20)
		dK := []Tensor{*randTensor(rng, 3, 3, 3), {}}
		dB := []float64{7, 7}
		if err := BackwardInto(dX, dK, dB, x, ks, p, dY); err != nil {
			t.Fatalf("%d: BackwardInto(%+v) error %v", i, p, err)
		}
		if dX.C != 2 || dX.H != 9 || dX.W != 8 || !equal(dX.Data, wantX.Data) {
			t.Errorf("%d: BackwardInto(%+v) dX = %d×%d×%d %v, want %v", i, p, dX.C, dX.H, dX.W, dX.Data, wantX.Data)
		}
		for k := range ks {
			if dK[k].C != 2 || dK[k].H != 3 || dK[k].W != 3 || !equal(dK[k].Data, wantK[k].Data) {
				t.Errorf("%d: BackwardInto(%+v) dK[%d] = %v, want %v", i, p, k, dK[k].Data, wantK[k].Data)
			}
		}
		if !equal(dB, wantB) {
			t.Errorf("%d: BackwardInto(%+v) dB = %v, want %v", i, p, dB, wantB)
		}
		if got := testing.AllocsPerRun(10, func() { _ = BackwardInto(dX, dK, dB, x, ks, p, dY) }); got != 0 {
			t.Errorf("%d: allocations per BackwardInto(%+v) = %v, want 0", i, p, got)
		}
	}

	x, ks := seqInput(), seqKernels()
	p := Params{Stride: 1, Dilation: 1}
	for i, tc := range []struct {
		dK []Tensor
		dB []float64
		dY *Tensor
	}{
		{make([]Tensor, 2), make([]float64, 2), New(2, 3, 3)},
		{make([]Tensor, 1), make([]float64, 2), New(2, 3, 4)},
		{make([]Tensor, 2), make([]float64, 3), New(2, 3, 4)},
	} {
		if err := BackwardInto(new(Tensor), tc.dK, tc.dB, x, ks, p, tc.dY); !errors.Is(err, ErrShape) {
			t.Errorf("%d: BackwardInto error %v, want ErrShape", i, err)
		}
	}
	if err := BackwardInto(new(Tensor), make([]Tensor, 2), make([]float64, 2), x, ks, Params{Stride: 0, Dilation: 1}, New(2, 3, 4)); !errors.Is(err, ErrStride) {
		t.Errorf("BackwardInto(stride 0) error %v, want ErrStride", err)
	}
}
