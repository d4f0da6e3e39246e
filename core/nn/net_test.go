package nn

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats/scalar"
)

// randomBatch returns n inputs in [−2, 2] for net and targets fitting its
// loss: any number in [−1, 1] for MSE, in [0, 1] for BCE, and for CE
// nonnegative numbers summing to 1 per example (soft targets, so that the
// general gradient p·Σt − t is tested, not only p − t).
func randomBatch(net *Net, n int, rng *rand.Rand) (x, t []float64) {
	in, k := net.Sizes[0], net.Sizes[len(net.Sizes)-1]
	x = make([]float64, in*n)
	for q := range x {
		x[q] = 4*rng.Float64() - 2
	}
	t = make([]float64, k*n)
	for q := range t {
		switch net.Loss {
		case MSE:
			t[q] = 2*rng.Float64() - 1
		default:
			t[q] = rng.Float64()
		}
	}
	if net.Loss == CE {
		for p := range n {
			s := 0.0
			for c := range k {
				s += t[c*n+p]
			}
			for c := range k {
				t[c*n+p] /= s
			}
		}
	}
	return x, t
}

// Backward's gradient is the gradient of Objective, by central finite
// differences, for every hidden activation × output activation × loss ×
// regularisation, on a 3-4-3-2 network (two hidden layers, so that δ is
// carried back through a hidden layer) and a batch of 3. L1's |w| has a
// kink at 0, so every weight is kept at least 0.05 away from it, much
// farther than the finite difference's step.
func TestGradientFiniteDifferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	settings := &fd.Settings{Formula: fd.Central, Step: 1e-6}
	for hidden := range numActivations {
		for output := range numActivations {
			for loss := range numLosses {
				for reg := range numRegs {
					c := Config{Sizes: []int{3, 4, 3, 2}, Hidden: hidden, Output: output, Loss: loss, Reg: reg, RegRate: 0.05}
					net, err := New(c, rng.Uint64())
					if err != nil {
						t.Fatalf("New(%+v) error %v", c, err)
					}
					for _, w := range net.W {
						for k, v := range w {
							if math.Abs(v) < 0.05 {
								w[k] = math.Copysign(0.05, v)
							}
						}
					}
					x, tt := randomBatch(net, 3, rng)
					var p Pass
					net.Forward(&p, x)
					net.Backward(&p, tt)
					got := slices.Clone(p.Grad)

					theta := slices.Clone(net.Params)
					var q Pass
					want := fd.Gradient(nil, func(th []float64) float64 {
						copy(net.Params, th)
						net.Forward(&q, x)
						return net.Objective(&q, tt)
					}, theta, settings)
					copy(net.Params, theta)
					for k := range got {
						if !scalar.EqualWithinAbsOrRel(got[k], want[k], 1e-7, 1e-6) {
							t.Errorf("%s/%s/%s/%s: ∂J/∂θ[%d] = %.10g, want %.10g (finite differences)",
								hidden, output, loss, reg, k, got[k], want[k])
						}
					}
				}
			}
		}
	}
}

// referenceNet is the 2-3-2 network of testdata/reference.py.
func referenceNet(t *testing.T, c Config) *Net {
	t.Helper()
	net, err := New(c, 0)
	if err != nil {
		t.Fatalf("New(%+v) error %v", c, err)
	}
	copy(net.Params, []float64{
		0.3, -0.7, 0.9, 0.2, -0.4, 0.6, // W0, 3×2
		0.1, -0.2, 0.05, // b0
		0.5, -0.8, 0.35, -0.6, 0.25, 0.9, // W1, 2×3
		0.02, -0.1, // b1
	})
	return net
}

// Forward values, loss, objective and gradient of a fixed 2-3-2 network on
// two examples, from `/usr/bin/python3 testdata/reference.py`, which writes
// the objective in SymPy and differentiates it with sympy.diff (no
// backpropagation of its own), checking the forward values with NumPy.
func TestReference(t *testing.T) {
	// Inputs (0.5, −1.2) and (−0.3, 0.8), unit by unit.
	x := []float64{0.5, -0.3, -1.2, 0.8}
	for i, tc := range []struct {
		c         Config
		t         [][2]float64 // targets, one row per example
		s         [][2]float64 // output layer values, one row per example
		loss, obj float64
		grad      []float64
	}{
		{
			Config{Hidden: Tanh, Output: Tanh, Loss: MSE, Reg: L2, RegRate: 0.01},
			[][2]float64{{0.6, -0.4}, {-0.9, 0.2}},
			[][2]float64{{0.16347825884390849, -0.8357362254134376}, {0.20713309808501457, 0.5646992170787727}},
			0.434791626113172, 0.45576662611317204,
			[]float64{-0.05199718438187801, 0.13640856637408594, 0.19295554814865215, -0.46808110896745925, -0.09793341686174048, 0.24744694228954162, 0.11831210838781824, -0.20384477191657793, 0.13226800270380884, -0.42946283335178537, -0.16930066751590928, 0.4553714214693476, -0.12051764748065137, -0.03547154115789055, 0.1260801891500327, 0.31738844520394505, 0.05850398443320688},
		},
		{
			Config{Hidden: GELU, Output: Linear, Loss: CE, Reg: L1, RegRate: 0.003},
			[][2]float64{{1, 0}, {0, 1}},
			[][2]float64{{0.4273265168514481, -0.8130354367474564}, {0.20258465451300975, 0.4009259847599299}},
			0.4264847082870913, 0.4459847082870913,
			[]float64{-0.07263300153040278, 0.18055210831675203, 0.0513991054383016, -0.11808591411909335, 0.030985510175152726, -0.08800295213948664, -0.11060791018509811, -0.001763010466787099, -0.1207835340320965, -0.1385029029855563, -0.029984278512794844, 0.1304333706364565, 0.1385029029855563, 0.029984278512794844, -0.1244333706364565, 0.11310179801584341, -0.11310179801584341},
		},
		{
			Config{Hidden: Softplus, Output: Linear, Loss: BCE},
			[][2]float64{{0.8, 0.1}, {0.3, 1}},
			[][2]float64{{0.2738646983362869, -0.43843891680607083}, {0.18217609907664756, 0.7272822848641197}},
			1.1449424649581048, 1.1449424649581048,
			[]float64{-0.07195283337943695, 0.1773432892861946, 0.050116097469805346, -0.12497999098753437, 0.0338444192114103, -0.08667495173939928, -0.050775883247954866, 0.006205053739579779, -0.04127807421747063, -0.10413996069850912, -0.013468246728204514, 0.09072240986898536, 0.12733714831780846, 0.01235990251823705, -0.12319957337056005, 0.006729958481618018, -0.01683919373033674},
		},
		{
			Config{Hidden: LeakyReLU, Output: Sigmoid, Loss: MSE, Reg: L1, RegRate: 0.02},
			[][2]float64{{1, 0}, {0, 1}},
			[][2]float64{{0.6350526935156855, 0.3187917481341758}, {0.5614945924682911, 0.6195232125197345}},
			0.17371336959275885, 0.30371336959275885,
			[]float64{-0.0011414548200029428, 0.03078866573746717, 0.04144249765997785, -0.03151520286093411, -0.015069071118607988, 0.006872658845942157, -0.0412994262508037, 0.04182082578021047, -0.016000379011556237, -0.026476543817954647, -0.02063719032215091, 0.06529927534809549, 0.01797695529721825, 0.020485159632121698, -0.009448379519336381, 0.026834919946183915, -0.010226914138315966},
		},
		{
			Config{Hidden: ELU, Output: Tanh, Loss: MSE},
			[][2]float64{{0.6, -0.4}, {-0.9, 0.2}},
			[][2]float64{{0.3395935664732342, -0.8549974418565914}, {0.24418280967642983, 0.5864198318694761}},
			0.4333271927848139, 0.4333271927848139,
			[]float64{-0.043832422328735875, 0.11410267741518601, 0.126151941351564, -0.32615823897495466, -0.110696770039825, 0.2898629426582093, 0.0904324318669266, -0.21556771192089347, 0.26242035117293555, -0.35314725447137346, -0.14455216731743614, 0.4166168325249237, -0.12032871651660987, -0.0344021348384333, 0.11795453250028749, 0.4227926266394027, 0.0655748383739172},
		},
	} {
		tc.c.Sizes = []int{2, 3, 2}
		net := referenceNet(t, tc.c)
		tt := []float64{tc.t[0][0], tc.t[1][0], tc.t[0][1], tc.t[1][1]}
		var p Pass
		net.Forward(&p, x)
		net.Backward(&p, tt)
		name := tc.c.Hidden.String() + "/" + tc.c.Output.String() + "/" + tc.c.Loss.String() + "/" + tc.c.Reg.String()
		for e := range 2 {
			for k := range 2 {
				if got := p.A[2][k*2+e]; !scalar.EqualWithinAbsOrRel(got, tc.s[e][k], 1e-15, 1e-14) {
					t.Errorf("%d %s: s[example %d][%d] = %v, want %v", i, name, e, k, got, tc.s[e][k])
				}
			}
		}
		if got := net.DataLoss(&p, tt); !scalar.EqualWithinAbsOrRel(got, tc.loss, 1e-15, 1e-14) {
			t.Errorf("%d %s: DataLoss = %v, want %v", i, name, got, tc.loss)
		}
		if got := net.Objective(&p, tt); !scalar.EqualWithinAbsOrRel(got, tc.obj, 1e-15, 1e-14) {
			t.Errorf("%d %s: Objective = %v, want %v", i, name, got, tc.obj)
		}
		for k, want := range tc.grad {
			if got := p.Grad[k]; !scalar.EqualWithinAbsOrRel(got, want, 1e-15, 1e-13) {
				t.Errorf("%d %s: Grad[%d] = %v, want %v", i, name, k, got, want)
			}
		}
	}
}

// With a linear output, the output layer's δ is p − t for the
// cross-entropies with one-hot targets, and s − t for MSE.
func TestOutputDelta(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i, loss := range []Loss{MSE, BCE, CE} {
		net, _ := New(Config{Sizes: []int{2, 5, 3}, Hidden: Tanh, Output: Linear, Loss: loss}, 9)
		x, _ := randomBatch(net, 4, rng)
		tt := make([]float64, 3*4)
		for p := range 4 {
			tt[(p%3)*4+p] = 1 // example p is of class p mod 3
		}
		var p Pass
		net.Forward(&p, x)
		net.Backward(&p, tt)
		for q := range tt {
			want := p.A[2][q] - tt[q]
			switch loss {
			case BCE:
				want = 1/(1+math.Exp(-p.A[2][q])) - tt[q]
			case CE:
				want = p.Out[q] - tt[q]
			}
			if got := p.Delta[2][q]; !scalar.EqualWithinAbsOrRel(got, want, 1e-15, 1e-15) {
				t.Errorf("%d %s: δ[%d] = %v, want %v", i, loss, q, got, want)
			}
		}
		if loss == CE {
			for q := range 4 {
				s := []float64{p.A[2][q], p.A[2][4+q], p.A[2][8+q]}
				want := Softmax(nil, s)
				for c := range 3 {
					if got := p.Out[c*4+q]; !scalar.EqualWithinAbsOrRel(got, want[c], 1e-15, 1e-15) {
						t.Errorf("CE: Out[class %d, example %d] = %v, want Softmax = %v", c, q, got, want[c])
					}
				}
			}
		}
	}
}

// The cross-entropies are computed from logits, so that they stay finite
// and exact where a probability rounds to 0 or 1: −ln σ(−1000) = 1000,
// and the CE of logits (1000, 0) for class 1 is 1000.
func TestLossLargeLogits(t *testing.T) {
	for i, tc := range []struct {
		loss   Loss
		s0, s1 float64 // logits, set as the biases of a net without weights
		t      []float64
		want   float64
	}{
		{BCE, 1000, -1000, []float64{0, 1}, 2000},
		{BCE, 1000, -1000, []float64{1, 0}, 0},
		{CE, 1000, 0, []float64{0, 1}, 1000},
		{CE, 1000, 0, []float64{1, 0}, 0},
		{CE, -1000, -1001, []float64{1, 0}, 0.31326168751822286}, // ln(1 + e^−1): numpy.log1p(numpy.exp(-1))
		{MSE, 3, -1, []float64{1, 1}, 4},                         // ½(2² + 2²)
	} {
		net, _ := New(Config{Sizes: []int{1, 2}, Output: Linear, Loss: tc.loss}, 0)
		clear(net.W[0])
		net.B[0][0], net.B[0][1] = tc.s0, tc.s1
		var p Pass
		net.Forward(&p, []float64{0.5})
		if got := net.DataLoss(&p, tc.t); !scalar.EqualWithinAbsOrRel(got, tc.want, 1e-15, 1e-15) {
			t.Errorf("%d: %s of logits (%g, %g), targets %v = %v, want %v", i, tc.loss, tc.s0, tc.s1, tc.t, got, tc.want)
		}
		net.Backward(&p, tc.t)
		for _, g := range p.Grad {
			if math.IsNaN(g) || math.IsInf(g, 0) {
				t.Errorf("%d: %s gradient %v is not finite", i, tc.loss, p.Grad)
				break
			}
		}
	}
}

// The same seed gives the same parameters, drawn as TensorFlow Playground
// draws them: weights in [−0.5, 0.5), biases 0.1.
func TestInit(t *testing.T) {
	c := Config{Sizes: []int{2, 8, 8, 1}, Hidden: Tanh, Output: Tanh}
	a, _ := New(c, 42)
	b, _ := New(c, 42)
	d, _ := New(c, 43)
	if !slices.Equal(a.Params, b.Params) {
		t.Errorf("New with seed 42 twice gives different parameters")
	}
	if slices.Equal(a.Params, d.Params) {
		t.Errorf("New with seeds 42 and 43 gives the same parameters")
	}
	if got, want := len(a.Params), 2*8+8+8*8+8+8+1; got != want {
		t.Errorf("len(Params) = %d, want %d", got, want)
	}
	for l := range a.W {
		for _, w := range a.W[l] {
			if !(w >= -0.5 && w < 0.5) {
				t.Errorf("weight %v outside [−0.5, 0.5)", w)
			}
		}
		for _, v := range a.B[l] {
			if v != 0.1 {
				t.Errorf("bias %v, want 0.1", v)
			}
		}
	}
	// W and B are views of Params.
	a.W[1][3] = 7
	if a.Params[2*8+8+3] != 7 {
		t.Errorf("W[1][3] is not Params[%d]", 2*8+8+3)
	}
	a.Init(42)
	if !slices.Equal(a.Params, b.Params) {
		t.Errorf("Init(42) does not restore New(c, 42)'s parameters")
	}
	// New copies Sizes.
	sizes := []int{2, 3, 1}
	n, _ := New(Config{Sizes: sizes}, 0)
	sizes[1] = 99
	if n.Sizes[1] != 3 {
		t.Errorf("New keeps the caller's Sizes slice")
	}
}

func TestNewErrors(t *testing.T) {
	for i, tc := range []struct {
		c    Config
		want error
	}{
		{Config{}, ErrShape},
		{Config{Sizes: []int{2}}, ErrShape},
		{Config{Sizes: []int{2, 0, 1}}, ErrShape},
		{Config{Sizes: []int{0, 1}}, ErrShape},
		{Config{Sizes: []int{2, 3, 1}, Loss: CE}, ErrShape},
		{Config{Sizes: []int{2, 1}, Hidden: numActivations}, ErrUnknown},
		{Config{Sizes: []int{2, 1}, Output: -1}, ErrUnknown},
		{Config{Sizes: []int{2, 1}, Loss: numLosses}, ErrUnknown},
		{Config{Sizes: []int{2, 1}, Reg: numRegs}, ErrUnknown},
		{Config{Sizes: []int{2, 1}, RegRate: -0.1}, ErrRange},
		{Config{Sizes: []int{2, 1}, RegRate: math.NaN()}, ErrRange},
		{Config{Sizes: []int{2, 1}, RegRate: math.Inf(1)}, ErrRange},
	} {
		if net, err := New(tc.c, 1); !errors.Is(err, tc.want) || net != nil {
			t.Errorf("%d: New(%+v) = %v, %v, want nil, %v", i, tc.c, net, err, tc.want)
		}
	}
}

// Caller bugs panic with an "nn: " message.
func TestPanics(t *testing.T) {
	net, _ := New(Config{Sizes: []int{2, 3, 1}, Hidden: Tanh, Output: Tanh}, 1)
	other, _ := New(Config{Sizes: []int{2, 4, 1}}, 1)
	var fresh Pass
	var p Pass
	net.Forward(&p, []float64{1, 2, 3, 4})
	for i, f := range []func(){
		func() { net.Forward(&p, []float64{1, 2, 3}) },
		func() { net.Backward(&fresh, []float64{1}) },
		func() { net.Backward(&p, []float64{1}) },
		func() { net.DataLoss(&p, []float64{1, 2, 3}) },
		func() { other.Backward(&p, []float64{1, 2}) },
		func() { Softmax(make([]float64, 1), []float64{1, 2}) },
		func() { Activation(-1).F(0) },
		func() { net.Accuracy(&p, []int{1}) },
	} {
		func() {
			defer func() {
				r := recover()
				if s, ok := r.(string); !ok || len(s) < 4 || s[:4] != "nn: " {
					t.Errorf("%d: panic %v, want an \"nn: \" message", i, r)
				}
			}()
			f()
		}()
	}
}

// A pass reused for batches of the same or a smaller size allocates
// nothing, and one re-laid out for a larger size gives the same values as
// a fresh one.
func TestPassReuse(t *testing.T) {
	net, _ := New(Config{Sizes: []int{2, 8, 8, 3}, Hidden: ReLU, Output: Linear, Loss: CE, Reg: L2, RegRate: 0.01}, 5)
	rng := rand.New(rand.NewPCG(1, 1))
	x, tt := randomBatch(net, 10, rng)
	var p Pass
	net.Forward(&p, x)
	net.Backward(&p, tt)
	if got := testing.AllocsPerRun(50, func() {
		net.Forward(&p, x)
		net.Backward(&p, tt)
	}); got != 0 {
		t.Errorf("Forward+Backward allocations = %v, want 0", got)
	}
	x3, t3 := randomBatch(net, 3, rng)
	net.Forward(&p, x3)
	net.Backward(&p, t3)
	var q Pass
	net.Forward(&q, x3)
	net.Backward(&q, t3)
	if !slices.Equal(p.Grad, q.Grad) || !slices.Equal(p.Out, q.Out) {
		t.Errorf("a reused pass gives %v, a fresh one %v", p.Grad, q.Grad)
	}
	if p.N != 3 || len(p.Unit(1, 7)) != 3 {
		t.Errorf("after a batch of 3: N = %d, len(Unit(1, 7)) = %d, want 3, 3", p.N, len(p.Unit(1, 7)))
	}
}

// The gradient of a batch is the mean of the examples' gradients, plus
// the penalty's once.
func TestBatchMean(t *testing.T) {
	net, _ := New(Config{Sizes: []int{2, 4, 1}, Hidden: Sigmoid, Output: Tanh, Loss: MSE, Reg: L2, RegRate: 0.1}, 2)
	rng := rand.New(rand.NewPCG(5, 6))
	x, tt := randomBatch(net, 4, rng)
	var p, q Pass
	net.Forward(&p, x)
	net.Backward(&p, tt)
	mean := make([]float64, len(net.Params))
	for e := range 4 {
		net.Forward(&q, []float64{x[e], x[4+e]})
		net.Backward(&q, []float64{tt[e]})
		for k, g := range q.Grad {
			mean[k] += g / 4
		}
	}
	for k := range mean {
		if !scalar.EqualWithinAbsOrRel(p.Grad[k], mean[k], 1e-15, 1e-13) {
			t.Errorf("Grad[%d] of the batch = %v, want the mean of the examples' %v", k, p.Grad[k], mean[k])
		}
	}
}

// An empty batch has loss 0, accuracy 0 and only the penalty's gradient,
// not NaN.
func TestEmptyBatch(t *testing.T) {
	net, _ := New(Config{Sizes: []int{2, 3, 1}, Hidden: Tanh, Output: Tanh, Reg: L2, RegRate: 0.5}, 1)
	var p Pass
	net.Forward(&p, nil)
	net.Backward(&p, nil)
	if got := net.DataLoss(&p, nil); got != 0 {
		t.Errorf("DataLoss of no examples = %v, want 0", got)
	}
	if got := net.Accuracy(&p, nil); got != 0 {
		t.Errorf("Accuracy of no examples = %v, want 0", got)
	}
	for l := range net.W {
		for k, w := range net.W[l] {
			if got, want := p.GW[l][k], 0.5*w; got != want {
				t.Errorf("∂J/∂W[%d][%d] of no examples = %v, want the penalty's %v", l, k, got, want)
			}
		}
		for k, g := range p.GB[l] {
			if g != 0 {
				t.Errorf("∂J/∂B[%d][%d] of no examples = %v, want 0", l, k, g)
			}
		}
	}
}
