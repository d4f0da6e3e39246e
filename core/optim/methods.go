package optim

import "math"

// Compile-time checks that every method is an Optimizer.
var (
	_ Optimizer = (*GD)(nil)
	_ Optimizer = (*Momentum)(nil)
	_ Optimizer = (*Nesterov)(nil)
	_ Optimizer = (*RMSProp)(nil)
	_ Optimizer = (*Adam)(nil)
)

// GD is plain gradient descent: x ← x − lr·∇f(x).
type GD struct {
	LR float64 // learning rate

	g []float64
}

// Step takes one gradient step.
func (o *GD) Step(x []float64, grad Grad) {
	if len(o.g) != len(x) {
		o.g = make([]float64, len(x))
	}
	grad(o.g, x)
	for i, g := range o.g {
		x[i] -= o.LR * g
	}
}

// Reset does nothing: gradient descent has no state.
func (o *GD) Reset() {}

// Momentum is gradient descent with heavy-ball momentum, in PyTorch's
// convention (torch.optim.SGD with momentum=β, dampening=0; see the note
// in its documentation):
//
//	v ← β·v + ∇f(x)
//	x ← x − lr·v
//
// with v = 0 at the start. Sutskever et al. (2013) write v ← β·v − lr·∇f,
// x ← x + v instead; with a fixed lr the iterates are the same (their v is
// −lr times ours). Ours keeps v in gradient units, so changing lr live
// rescales the next step rather than only the new gradient's share.
// With β = 0 it is GD.
type Momentum struct {
	LR   float64 // learning rate
	Beta float64 // momentum β in [0, 1)

	g, v []float64
}

// Step takes one momentum step.
func (o *Momentum) Step(x []float64, grad Grad) {
	if len(o.g) != len(x) {
		o.g, o.v = make([]float64, len(x)), make([]float64, len(x))
	}
	grad(o.g, x)
	for i, g := range o.g {
		o.v[i] = o.Beta*o.v[i] + g
		x[i] -= o.LR * o.v[i]
	}
}

// Reset sets the velocity to zero.
func (o *Momentum) Reset() { clear(o.v) }

// Nesterov is Nesterov's accelerated gradient (Nesterov 1983) in the
// momentum form of Sutskever et al., "On the importance of initialization
// and momentum in deep learning" (ICML 2013), eq. 3–4, written with
// PyTorch's velocity convention as Momentum is: the gradient is taken at
// the look-ahead point, where the momentum alone would carry x,
//
//	g ← ∇f(x − lr·β·v)
//	v ← β·v + g
//	x ← x − lr·v
//
// with v = 0 at the start. Its iterates x are the textbook ones. PyTorch's
// reformulation (torch.optim.SGD with nesterov=True: v ← β·v + ∇f(p),
// p ← p − lr·(∇f(p) + β·v)) tracks the look-ahead point p = x − lr·β·v
// instead: with a fixed lr and β both produce the same sequence of v, and
// PyTorch's p is this type's look-ahead point (the tests check it). Step
// costs one gradient evaluation, as Momentum's does.
type Nesterov struct {
	LR   float64 // learning rate
	Beta float64 // momentum β in [0, 1)

	g, v, ahead []float64
}

// Step takes one Nesterov step.
func (o *Nesterov) Step(x []float64, grad Grad) {
	if len(o.g) != len(x) {
		o.g, o.v, o.ahead = make([]float64, len(x)), make([]float64, len(x)), make([]float64, len(x))
	}
	for i := range x {
		o.ahead[i] = x[i] - o.LR*o.Beta*o.v[i]
	}
	grad(o.g, o.ahead)
	for i, g := range o.g {
		o.v[i] = o.Beta*o.v[i] + g
		x[i] -= o.LR * o.v[i]
	}
}

// Reset sets the velocity to zero.
func (o *Nesterov) Reset() { clear(o.v) }

// RMSProp divides each coordinate's step by a running root mean square of
// its gradients (Hinton, Neural Networks for Machine Learning, lecture 6e),
// as torch.optim.RMSprop does (alpha = ρ, not centred, no momentum):
//
//	s ← ρ·s + (1 − ρ)·g²
//	x ← x − lr·g / (√s + ε)
//
// per coordinate, with g = ∇f(x) and s = 0 at the start. Since s starts at
// zero, the first step is about lr/√(1 − ρ) per coordinate (3.16·lr with
// ρ = 0.9): RMSProp has no bias correction, unlike Adam. Its steps stay
// about lr long however small the gradient gets, so with a fixed lr it
// does not settle at a minimum but keeps circling it at a distance of the
// order of lr.
type RMSProp struct {
	LR   float64 // learning rate
	Beta float64 // decay ρ of the mean square, in [0, 1)
	Eps  float64 // ε, keeps the division finite where s is 0

	g, s []float64
}

// Step takes one RMSProp step.
func (o *RMSProp) Step(x []float64, grad Grad) {
	if len(o.g) != len(x) {
		o.g, o.s = make([]float64, len(x)), make([]float64, len(x))
	}
	grad(o.g, x)
	for i, g := range o.g {
		o.s[i] = o.Beta*o.s[i] + (1-o.Beta)*g*g
		x[i] -= o.LR * g / (math.Sqrt(o.s[i]) + o.Eps)
	}
}

// Reset sets the mean square to zero.
func (o *RMSProp) Reset() { clear(o.s) }

// Adam is Kingma and Ba, "Adam: A method for stochastic optimization"
// (ICLR 2015), Algorithm 1, as torch.optim.Adam implements it (no weight
// decay, no amsgrad): at step t = 1, 2, …, with g = ∇f(x),
//
//	m ← β₁·m + (1 − β₁)·g
//	v ← β₂·v + (1 − β₂)·g²
//	m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
//	x ← x − lr·m̂ / (√v̂ + ε)
//
// per coordinate, with m = v = 0 at the start. The bias correction makes
// the first step lr·g/(|g| + ε), about lr in every coordinate whatever the
// gradient's scale. β₁ᵗ and β₂ᵗ are computed from the current β₁, β₂, so a
// live change of them takes effect at once.
type Adam struct {
	LR    float64 // learning rate
	Beta1 float64 // decay β₁ of the first moment, in [0, 1)
	Beta2 float64 // decay β₂ of the second moment, in [0, 1)
	Eps   float64 // ε, keeps the division finite where v̂ is 0

	t       int
	g, m, v []float64
}

// Step takes one Adam step.
func (o *Adam) Step(x []float64, grad Grad) {
	if len(o.g) != len(x) {
		o.g, o.m, o.v = make([]float64, len(x)), make([]float64, len(x)), make([]float64, len(x))
		o.t = 0
	}
	grad(o.g, x)
	o.t++
	c1 := 1 - math.Pow(o.Beta1, float64(o.t))
	c2 := 1 - math.Pow(o.Beta2, float64(o.t))
	for i, g := range o.g {
		o.m[i] = o.Beta1*o.m[i] + (1-o.Beta1)*g
		o.v[i] = o.Beta2*o.v[i] + (1-o.Beta2)*g*g
		x[i] -= o.LR * (o.m[i] / c1) / (math.Sqrt(o.v[i]/c2) + o.Eps)
	}
}

// Reset sets both moments and the step count to zero.
func (o *Adam) Reset() {
	clear(o.m)
	clear(o.v)
	o.t = 0
}
