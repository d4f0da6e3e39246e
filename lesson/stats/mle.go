package stats

import (
	"math"

	"github.com/aimath/playground/core/fit"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// The mle view's data: Bernoulli(0.3) for p, N(2, 1) for μ and σ.
var (
	mleBernoulli = fit.NewDist(fit.Bernoulli, 0.3)
	mleNormal    = fit.NewDist(fit.Normal, 2, 1)
)

// Pace and limits of gradient ascent.
const (
	ascentPace = 6    // ticks per step while playing: ten steps a second
	maxIter    = 2000 // steps before giving up
	gradTol    = 1e-6 // |(1/n) dℓ/dθ| below this is converged
	divergeAt  = 1e6  // |θ| beyond this has diverged
	pMin       = 0.01 // the start is kept inside the parameter space
	sigmaMin   = 0.05
)

// Statuses of the ascent (readout "status").
const (
	stRunning   = "running"
	stConverged = "converged"
	stDiverged  = "diverged"
	stLeft      = "left_space"
	stMaxIter   = "max_iter"
	stBoundary  = "boundary"   // p̂ is 0 or 1, where the log-likelihood has no top
	stDegen     = "degenerate" // σ̂ = 0: one value, or identical ones
)

// mleView shows the likelihood and the log-likelihood of one parameter
// with the data fixed, its maximum in closed form, and gradient ascent
// climbing to it.
type mleView struct {
	est    string
	xs     []float64 // the data
	n      float64
	mean   float64 // x̄ (p̂ for Bernoulli)
	ss     float64 // Σ(x − x̄)²
	sigma  float64 // σ̂ = √(ss/n)
	truth  fit.Dist
	hist   histogram
	lr     float64
	path   []float64 // θ₀, θ₁, …
	status string
	ticks  int
	held   bool
}

func (m *mleView) reset(v *param.Values) {
	*m = mleView{est: v.String(pEstimate), lr: v.Float(pLR), status: stRunning}
	m.truth = mleNormal
	if m.est == estP {
		m.truth = mleBernoulli
	}
	m.xs = draw(m.truth, v.Int(pN), v.Int(pSeed), streamMLE)
	s := fit.NewSample(m.xs)
	m.n, m.mean = float64(len(m.xs)), s.Mean()
	m.ss = s.Var() * m.n
	m.sigma = math.Sqrt(s.Var())
	m.hist = newHistogram(s.X)
	start := m.clampStart(v.Float(pStart))
	if start != v.Float(pStart) {
		v.Set(pStart, start)
	}
	m.path = []float64{start}
	if m.est != estP && !(m.sigma > 0) {
		m.status = stDegen
		return
	}
	m.check()
}

// clampStart keeps a start inside the parameter space: p in [0.01, 0.99],
// σ at least 0.05, snapped to 0.01.
func (m *mleView) clampStart(t float64) float64 {
	t = param.Snap(t, 0.01)
	switch m.est {
	case estP:
		return math.Max(pMin, math.Min(1-pMin, t))
	case estSigma:
		return math.Max(sigmaMin, t)
	}
	return t
}

// hat is the closed-form MLE of the estimated parameter: p̂ = x̄ (the
// fraction of ones), μ̂ = x̄, σ̂ = √(Σ(x − x̄)²/n).
func (m *mleView) hat() float64 {
	if m.est == estSigma {
		return m.sigma
	}
	return m.mean
}

// valid reports whether θ is in the parameter space.
func (m *mleView) valid(t float64) bool {
	switch m.est {
	case estP:
		return t > 0 && t < 1
	case estSigma:
		return t > 0
	}
	return finite(t)
}

// ll is the log-likelihood ℓ(θ) of the data, the other normal parameter
// held at its MLE:
//
//	p:  k log p + (n − k) log(1 − p)                (k = n·x̄ ones)
//	μ:  −n/2·log 2π − n log σ̂ − (Σ(x − x̄)² + n(x̄ − μ)²)/2σ̂²
//	σ:  −n/2·log 2π − n log σ − Σ(x − x̄)²/2σ²
func (m *mleView) ll(t float64) float64 {
	const log2pi = 1.8378770664093453
	n := m.n
	switch m.est {
	case estP:
		if t < 0 || t > 1 {
			return math.NaN()
		}
		k := n * m.mean
		return xlogy(k, t) + xlogy(n-k, 1-t)
	case estMu:
		d := m.mean - t
		return -n/2*log2pi - n*math.Log(m.sigma) - (m.ss+n*d*d)/(2*m.sigma*m.sigma)
	}
	if t <= 0 {
		return math.NaN()
	}
	return -n/2*log2pi - n*math.Log(t) - m.ss/(2*t*t)
}

// xlogy is x·log y with 0·log 0 = 0.
func xlogy(x, y float64) float64 {
	if x == 0 {
		return 0
	}
	return x * math.Log(y)
}

// grad is the derivative of the mean log-likelihood ℓ(θ)/n, the step
// gradient ascent takes (times η):
//
//	p:  x̄/p − (1 − x̄)/(1 − p)
//	μ:  (x̄ − μ)/σ̂²
//	σ:  −1/σ + (Σ(x − x̄)²/n)/σ³
func (m *mleView) grad(t float64) float64 {
	switch m.est {
	case estP:
		return m.mean/t - (1-m.mean)/(1-t)
	case estMu:
		return (m.mean - t) / (m.sigma * m.sigma)
	}
	return -1/t + m.ss/m.n/(t*t*t)
}

// theta is the current iterate.
func (m *mleView) theta() float64 { return m.path[len(m.path)-1] }

// check sets the status for the current iterate.
func (m *mleView) check() {
	t := m.theta()
	g := m.grad(t)
	switch {
	case !finite(t, g) || math.Abs(t) > divergeAt:
		m.status = stDiverged
	case math.Abs(g) < gradTol:
		m.status = stConverged
	case len(m.path) > maxIter:
		m.status = stMaxIter
	default:
		m.status = stRunning
	}
}

// next is the iterate after the current one: θ + η·(1/n)·dℓ/dθ.
func (m *mleView) next() float64 {
	t := m.theta()
	return t + m.lr*m.grad(t)
}

// ascend takes one step of gradient ascent, unless the run has stopped.
func (m *mleView) ascend() bool {
	if m.status != stRunning {
		return false
	}
	t := m.next()
	if !m.valid(t) {
		m.status = stLeft
		if m.est == estP && (m.mean == 0 || m.mean == 1) {
			m.status = stBoundary
		}
		return false
	}
	m.path = append(m.path, t)
	m.check()
	return m.status == stRunning
}

func (m *mleView) tune(name string, v *param.Values) {
	if name != pLR {
		return
	}
	m.lr = v.Float(pLR)
	if m.status == stDegen {
		return
	}
	// A new learning rate runs the ascent again from the start, so that
	// runs with different rates compare.
	m.path = m.path[:1]
	m.ticks = 0
	m.check()
}

func (m *mleView) step(*param.Values) bool {
	m.ticks++
	if m.ticks%ascentPace != 0 {
		return m.status == stRunning
	}
	return m.ascend()
}

func (m *mleView) unit(*param.Values) bool { return m.ascend() }

// pointer lets the student drag the start along either curve; the ascent
// starts again from there.
func (m *mleView) pointer(p lesson.Pointer, v *param.Values) bool {
	if p.Phase == lesson.Up {
		m.held = false
		return false
	}
	onCurve := p.Panel == panelLik || p.Panel == panelLogLik
	if p.Phase == lesson.Down && p.Button == 0 && onCurve {
		m.held = true
	}
	if !m.held || !onCurve || p.Phase == lesson.Move && !p.Held {
		return false
	}
	t := m.clampStart(p.At.X)
	if m.status == stDegen || t == v.Float(pStart) && len(m.path) == 1 {
		return false
	}
	v.Set(pStart, t)
	m.path = []float64{t}
	m.ticks = 0
	m.check()
	return true
}

func (m *mleView) readouts() []lesson.Readout {
	ros := []lesson.Readout{num("mle_1", m.mean)}
	if m.est != estP {
		ros = append(ros, num("mle_2", m.sigma))
	}
	if m.status == stDegen {
		return append(ros, lesson.Str("status", m.status))
	}
	lmax := m.ll(m.hat())
	ros = append(ros, num("loglik", lmax))
	if lmax < -745 { // e^ℓ is below the smallest float64
		ros = append(ros, lesson.Str("lik_max", msg("underflow", "l", lmax)))
	} else {
		ros = append(ros, num("lik_max", math.Exp(lmax)))
	}
	t := m.theta()
	ros = append(ros,
		num("ascent", t),
		num("ascent_loglik", m.ll(t)),
		num("grad", m.grad(t)),
		lesson.Num("iter", float64(len(m.path)-1)),
		lesson.Str("status", m.status))
	return ros
}

// data is the data set, one value a row.
func (m *mleView) data() lesson.Table {
	rows := make([][]float64, len(m.xs))
	for i, x := range m.xs {
		rows[i] = []float64{x}
	}
	return lesson.Table{Columns: []string{"x"}, Rows: rows}
}
