package optim

import (
	"errors"
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats/scalar"
)

// quadGrad is the gradient Ax of f(x) = ½xᵀAx with A = [[3, 0.5], [0.5, 1]]
// (eigenvalues 2 ± √1.25, both positive: a convex bowl with its minimum at 0).
func quadGrad(dst, x []float64) {
	dst[0] = 3*x[0] + 0.5*x[1]
	dst[1] = 0.5*x[0] + x[1]
}

func quad(x []float64) float64 {
	return 0.5 * (3*x[0]*x[0] + x[0]*x[1] + x[1]*x[1])
}

// rosen is Rosenbrock's banana (1 − x)² + 100(y − x²)², minimum 0 at (1, 1).
func rosen(x []float64) float64 {
	a, b := 1-x[0], x[1]-x[0]*x[0]
	return a*a + 100*b*b
}

func rosenGrad(dst, x []float64) {
	b := x[1] - x[0]*x[0]
	dst[0] = -2*(1-x[0]) - 400*x[0]*b
	dst[1] = 200 * b
}

// The test gradients agree with central finite differences of their
// functions.
func TestGradients(t *testing.T) {
	for i, tc := range []struct {
		name string
		f    func([]float64) float64
		g    Grad
	}{
		{"quad", quad, quadGrad},
		{"rosen", rosen, rosenGrad},
	} {
		for _, x := range [][]float64{{1.5, -1}, {-1.2, 1}, {0.3, 0.7}, {2, 3.5}} {
			want := fd.Gradient(nil, tc.f, x, &fd.Settings{Formula: fd.Central})
			got := make([]float64, 2)
			tc.g(got, x)
			for k := range got {
				if !scalar.EqualWithinAbsOrRel(got[k], want[k], 1e-6, 1e-6) {
					t.Errorf("%d %s: grad(%v) = %v, want %v (finite differences)", i, tc.name, x, got, want)
				}
			}
		}
	}
}

// The first three iterates on the quadratic from (1.5, -1) with lr = 0.1
// and New's defaults, from `/usr/bin/python3 testdata/reference.py`, which
// writes the update rules independently in numpy.
func TestFirstIterates(t *testing.T) {
	for i, tc := range []struct {
		name string
		want [][2]float64
	}{
		{"gd", [][2]float64{{1.1, -0.975}, {0.8187500000000001, -0.9325}, {0.61975, -0.8801875}}},
		{"momentum", [][2]float64{{1.1, -0.975}, {0.45875, -0.91}, {-0.21050000000000002, -0.7834375}}},
		{"nesterov", [][2]float64{{1.1, -0.975}, {0.565625, -0.89425}, {0.10036, -0.743651875}}},
		{"rmsprop", [][2]float64{{1.183772236483162, -0.6837722739831569}, {0.9795628985475598, -0.5695314932491723}, {0.8244494528655782, -0.470295554169708}}},
		{"adam", [][2]float64{{1.40000000025, -0.9000000039999998}, {1.3002200715979362, -0.8011874277993792}, {1.2008300926950242, -0.7048400842958749}}},
	} {
		o, err := New(tc.name, 0.1)
		if err != nil {
			t.Fatalf("%d: New(%q, 0.1) error %v", i, tc.name, err)
		}
		x := []float64{1.5, -1}
		for k, want := range tc.want {
			o.Step(x, quadGrad)
			for c := range x {
				if !scalar.EqualWithinAbsOrRel(x[c], want[c], 1e-14, 1e-12) {
					t.Errorf("%d %s: iterate %d = %v, want %v", i, tc.name, k+1, x, want)
					break
				}
			}
		}
	}
}

// Nesterov's look-ahead point x − lr·β·v follows PyTorch's reformulation
// (torch.optim.SGD, nesterov=True), written out here, step for step: the
// two are the same method. Rosenbrock, not a quadratic, so that a method
// that only matches on linear gradients would fail.
func TestNesterovIsTorchNesterov(t *testing.T) {
	const lr, beta = 1e-3, 0.9
	o := &Nesterov{LR: lr, Beta: beta}
	x := []float64{-1.2, 1}
	p := slices.Clone(x) // PyTorch's parameters
	b := make([]float64, 2)
	g := make([]float64, 2)
	for k := range 200 {
		o.Step(x, rosenGrad)
		rosenGrad(g, p)
		for i := range p {
			b[i] = beta*b[i] + g[i]
			p[i] -= lr * (g[i] + beta*b[i])
		}
		for i := range p {
			ahead := x[i] - lr*beta*o.v[i]
			if !scalar.EqualWithinAbsOrRel(ahead, p[i], 1e-12, 1e-10) {
				t.Fatalf("step %d: look-ahead point %v, want PyTorch's %v", k+1, []float64{x[0] - lr*beta*o.v[0], x[1] - lr*beta*o.v[1]}, p)
			}
		}
	}
}

// Every method reaches the minimum of the convex quadratic from (1.5, -1),
// lr = 0.1, in 1000 steps. RMSProp only gets within lr of it: without
// bias correction or decay of lr its steps stay about lr long, and it ends
// in a cycle at |x| ≈ lr/√2 (its doc says so).
func TestConverges(t *testing.T) {
	for i, tc := range []struct {
		name string
		tol  float64
	}{
		{"gd", 1e-12},
		{"momentum", 1e-12},
		{"nesterov", 1e-12},
		{"rmsprop", 0.1},
		{"adam", 1e-12},
	} {
		o, _ := New(tc.name, 0.1)
		x := []float64{1.5, -1}
		for range 1000 {
			o.Step(x, quadGrad)
		}
		if d := math.Hypot(x[0], x[1]); !(d < tc.tol) {
			t.Errorf("%d %s: |x| after 1000 steps = %g, want < %g", i, tc.name, d, tc.tol)
		}
	}
}

// Adam's first step is lr·g/(|g| + ε): about lr in every coordinate,
// whatever the scale of the gradient (Kingma & Ba 2015, section 2.1).
func TestAdamFirstStep(t *testing.T) {
	for i, scale := range []float64{1e-3, 1, 1e3} {
		const lr = 0.05
		o, _ := New("adam", lr)
		x := []float64{0.7, -0.4, 2}
		x0 := slices.Clone(x)
		o.Step(x, func(dst, x []float64) {
			for k := range dst {
				dst[k] = scale * (x[k] + 0.1*float64(k)) // 0.7, -0.3, 2.2 times scale
			}
		})
		for k := range x {
			want := -lr * math.Copysign(1, x0[k]+0.1*float64(k))
			if got := x[k] - x0[k]; !scalar.EqualWithinAbsOrRel(got, want, 0, 1e-4) {
				t.Errorf("%d: scale %g: Adam's first step[%d] = %g, want %g", i, scale, k, got, want)
			}
		}
	}
}

// Momentum with β = 0 is GD, to the bit.
func TestMomentumBetaZeroIsGD(t *testing.T) {
	m := &Momentum{LR: 1e-3}
	g := &GD{LR: 1e-3}
	xm, xg := []float64{-1.2, 1}, []float64{-1.2, 1}
	for k := range 100 {
		m.Step(xm, rosenGrad)
		g.Step(xg, rosenGrad)
		if !slices.Equal(xm, xg) {
			t.Fatalf("step %d: Momentum{β=0} = %v, want GD's %v", k+1, xm, xg)
		}
	}
}

// Reset makes the next steps repeat those from a fresh optimizer, and a
// Step with a new length starts afresh the same way.
func TestResetAndResize(t *testing.T) {
	run := func(o Optimizer, x []float64, n int) []float64 {
		for range n {
			o.Step(x, rosenGrad)
		}
		return x
	}
	for i, name := range Names() {
		fresh, _ := New(name, 1e-3)
		want := run(fresh, []float64{-1.2, 1}, 5)

		o, _ := New(name, 1e-3)
		run(o, []float64{0.5, 0.5}, 7)
		o.Reset()
		if got := run(o, []float64{-1.2, 1}, 5); !slices.Equal(got, want) {
			t.Errorf("%d %s: after Reset, 5 steps = %v, want %v", i, name, got, want)
		}

		o, _ = New(name, 1e-3)
		run(o, []float64{0.5, 0.5, 0.5}, 7) // 3-D: a different length
		if got := run(o, []float64{-1.2, 1}, 5); !slices.Equal(got, want) {
			t.Errorf("%d %s: after a length change, 5 steps = %v, want %v", i, name, got, want)
		}
	}
}

// Step allocates nothing once its buffers exist.
func TestStepAllocs(t *testing.T) {
	for i, name := range Names() {
		o, _ := New(name, 1e-3)
		x := []float64{-1.2, 1}
		o.Step(x, rosenGrad)
		if got := testing.AllocsPerRun(100, func() { o.Step(x, rosenGrad) }); got != 0 {
			t.Errorf("%d %s: allocations per Step = %v, want 0", i, name, got)
		}
	}
}

func TestNew(t *testing.T) {
	if got, want := Names(), []string{"gd", "momentum", "nesterov", "rmsprop", "adam"}; !slices.Equal(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	for i, tc := range []struct {
		name string
		want Optimizer
	}{
		{"gd", &GD{LR: 0.02}},
		{"momentum", &Momentum{LR: 0.02, Beta: 0.9}},
		{"nesterov", &Nesterov{LR: 0.02, Beta: 0.9}},
		{"rmsprop", &RMSProp{LR: 0.02, Beta: 0.9, Eps: 1e-8}},
		{"adam", &Adam{LR: 0.02, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}},
	} {
		got, err := New(tc.name, 0.02)
		if err != nil {
			t.Errorf("%d: New(%q, 0.02) error %v", i, tc.name, err)
			continue
		}
		if !equalParams(got, tc.want) {
			t.Errorf("%d: New(%q, 0.02) = %+v, want %+v", i, tc.name, got, tc.want)
		}
	}
	for _, name := range []string{"", "Adam", "sgd", "adam "} {
		if o, err := New(name, 0.1); !errors.Is(err, ErrUnknown) || o != nil {
			t.Errorf("New(%q, 0.1) = %v, %v, want nil, ErrUnknown", name, o, err)
		}
	}
}

// equalParams compares the hyper-parameters of two fresh optimizers.
func equalParams(a, b Optimizer) bool {
	switch a := a.(type) {
	case *GD:
		b, ok := b.(*GD)
		return ok && a.LR == b.LR
	case *Momentum:
		b, ok := b.(*Momentum)
		return ok && a.LR == b.LR && a.Beta == b.Beta
	case *Nesterov:
		b, ok := b.(*Nesterov)
		return ok && a.LR == b.LR && a.Beta == b.Beta
	case *RMSProp:
		b, ok := b.(*RMSProp)
		return ok && a.LR == b.LR && a.Beta == b.Beta && a.Eps == b.Eps
	case *Adam:
		b, ok := b.(*Adam)
		return ok && a.LR == b.LR && a.Beta1 == b.Beta1 && a.Beta2 == b.Beta2 && a.Eps == b.Eps
	}
	return false
}

func TestDiverged(t *testing.T) {
	for i, tc := range []struct {
		x     []float64
		limit float64
		want  bool
	}{
		{nil, 1, false},
		{[]float64{0.5, -1}, 1, false},
		{[]float64{0.5, -1.0000001}, 1, true},
		{[]float64{1e300, 0}, math.Inf(1), false},
		{[]float64{math.Inf(-1), 0}, math.Inf(1), true},
		{[]float64{0, math.NaN()}, 1e6, true},
		{[]float64{math.NaN()}, math.NaN(), true},
	} {
		if got := Diverged(tc.x, tc.limit); got != tc.want {
			t.Errorf("%d: Diverged(%v, %v) = %v, want %v", i, tc.x, tc.limit, got, tc.want)
		}
	}
}

// Too large a learning rate sends GD and the momentum methods to Inf or
// NaN without a panic, and Diverged sees it; RMSProp and Adam take steps of
// about lr whatever the gradient, so they wander but stay finite.
func TestLargeLR(t *testing.T) {
	for i, tc := range []struct {
		name  string
		limit float64 // the bound Diverged is asked about
		want  bool
	}{
		{"gd", 1e6, true},
		{"momentum", 1e6, true},
		{"nesterov", 1e6, true},
		{"rmsprop", math.Inf(1), false},
		{"adam", math.Inf(1), false},
	} {
		o, _ := New(tc.name, 10)
		x := []float64{-1.2, 1}
		for range 2000 {
			o.Step(x, rosenGrad)
		}
		if got := Diverged(x, tc.limit); got != tc.want {
			t.Errorf("%d %s: lr 10 on Rosenbrock ends at %v: Diverged(x, %g) = %v, want %v", i, tc.name, x, tc.limit, got, tc.want)
		}
	}
}

func BenchmarkStep(b *testing.B) {
	for _, name := range Names() {
		b.Run(name, func(b *testing.B) {
			o, _ := New(name, 1e-3)
			x := []float64{-1.2, 1}
			for b.Loop() {
				o.Step(x, rosenGrad)
			}
		})
	}
}
