package fit

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/optimize"
)

// gradTol is where the numerical fits stop: the largest partial
// derivative of the mean log-likelihood with respect to the logarithms of
// the parameters.
const gradTol = 1e-13

// Fit returns the maximum-likelihood member of f for the sample, as
// scipy.stats' fit does (with floc=0 for the families on (0, ∞) and
// floc=0, fscale=1 for beta):
//
//	normal       μ̂ = x̄, σ̂² = Σ(x − x̄)²/n                 norm.fit
//	Laplace      μ̂ = median, b̂ = Σ|x − μ̂|/n               laplace.fit
//	exponential  λ̂ = 1/x̄                                  1/expon.fit(floc=0)[1]
//	gamma        log k̂ − ψ(k̂) = log x̄ − mean(log x),  θ̂ = x̄/k̂   gamma.fit(floc=0)
//	log-normal   μ̂, σ̂ of log x (divisor n)               lognorm.fit(floc=0)
//	beta         ψ(α̂) − ψ(α̂+β̂) = mean(log x), ψ(β̂) − ψ(α̂+β̂) = mean(log(1−x))   beta.fit(floc=0, fscale=1)
//	uniform      â = min, b̂ = max                         uniform.fit
//	Bernoulli    p̂ = x̄;  Poisson λ̂ = x̄.
//
// Gamma and beta are found by maximising the log-likelihood numerically
// (gonum's Newton method over the logarithms of the parameters, from
// the method-of-moments estimate). It returns a *SupportError for data the
// family cannot describe and ErrDegenerate when the maximum sits on the
// edge of the parameter space (identical values for a normal, say).
func Fit(f Family, s *Sample) (Dist, error) {
	if s.N() == 0 {
		return Dist{}, ErrNoData
	}
	if err := Check(f, s.X); err != nil {
		return Dist{}, err
	}
	n := s.n
	var d Dist
	switch f {
	case Normal:
		d = NewDist(f, s.mean, math.Sqrt(s.ss/n))
	case Laplace:
		mu := s.Median()
		d = NewDist(f, mu, s.absDev(mu)/n)
	case Exponential:
		d = NewDist(f, 1/s.mean)
	case Gamma:
		k, theta, err := fitGamma(s)
		if err != nil {
			return Dist{}, err
		}
		d = NewDist(f, k, theta)
	case LogNormal:
		d = NewDist(f, s.logMean, math.Sqrt(s.logSS/n))
	case Beta:
		a, b, err := fitBeta(s)
		if err != nil {
			return Dist{}, err
		}
		d = NewDist(f, a, b)
	case Uniform:
		d = NewDist(f, s.min, s.max)
	case Bernoulli, Poisson:
		d = NewDist(f, s.mean)
	default:
		return Dist{}, fmt.Errorf("fit: unknown family %d", f)
	}
	if !d.Valid() {
		return Dist{}, ErrDegenerate
	}
	return d, nil
}

// ErrNoConvergence is returned when a numerical fit does not converge.
var ErrNoConvergence = errors.New("fit: the numerical maximisation did not converge")

// maximise minimises the negative mean log-likelihood nll over the
// logarithms u = log a, v = log b of two positive parameters, from
// (a0, b0), by Newton's method (gonum's, which keeps the Hessian positive
// definite), and returns (a, b). deriv gives the gradient (f_a, f_b) and
// the Hessian (f_aa, f_ab, f_bb) of nll in the parameters themselves.
func maximise(a0, b0 float64, nll func(a, b float64) float64, deriv func(a, b float64) (g [2]float64, h [3]float64)) (a, b float64, err error) {
	prob := optimize.Problem{
		Func: func(x []float64) float64 { return nll(math.Exp(x[0]), math.Exp(x[1])) },
		Grad: func(grad, x []float64) {
			a, b := math.Exp(x[0]), math.Exp(x[1])
			g, _ := deriv(a, b)
			grad[0], grad[1] = a*g[0], b*g[1]
		},
		Hess: func(hess *mat.SymDense, x []float64) {
			a, b := math.Exp(x[0]), math.Exp(x[1])
			g, h := deriv(a, b)
			// The chain rule for a = e^u: ∂²f/∂u² = a·f_a + a²·f_aa.
			hess.SetSym(0, 0, a*g[0]+a*a*h[0])
			hess.SetSym(0, 1, a*b*h[1])
			hess.SetSym(1, 1, b*g[1]+b*b*h[2])
		},
	}
	settings := &optimize.Settings{GradientThreshold: gradTol, MajorIterations: 200}
	res, _ := optimize.Minimize(prob, []float64{math.Log(a0), math.Log(b0)}, settings, &optimize.Newton{})
	if res == nil {
		return 0, 0, ErrNoConvergence
	}
	// Near the maximum the line search cannot see the function decrease
	// any more (the change falls below its rounding), which can stop it
	// with a gradient of 1e-11; full Newton steps on the gradient alone
	// take it to rounding level.
	x := res.X
	g := make([]float64, 2)
	gnorm := func(x []float64) float64 {
		prob.Grad(g, x)
		return math.Max(math.Abs(g[0]), math.Abs(g[1]))
	}
	h := mat.NewSymDense(2, nil)
	for range 3 {
		g0 := gnorm(x)
		prob.Hess(h, x)
		det := h.At(0, 0)*h.At(1, 1) - h.At(0, 1)*h.At(0, 1)
		if !(det > 0) || g0 == 0 {
			break
		}
		next := []float64{
			x[0] - (h.At(1, 1)*g[0]-h.At(0, 1)*g[1])/det,
			x[1] - (h.At(0, 0)*g[1]-h.At(0, 1)*g[0])/det,
		}
		if !(gnorm(next) < g0) {
			break
		}
		x = next
	}
	if !(gnorm(x) <= 1e-9) {
		return 0, 0, ErrNoConvergence
	}
	return math.Exp(x[0]), math.Exp(x[1]), nil
}

// trigamma is ψ′(x), the Hurwitz zeta function ζ(2, x).
func trigamma(x float64) float64 { return mathext.Zeta(2, x) }

// fitGamma maximises the gamma log-likelihood
// ℓ/n = (k − 1)·mean(log x) − x̄/θ − k log θ − log Γ(k) over k and θ.
func fitGamma(s *Sample) (k, theta float64, err error) {
	xbar, lbar := s.mean, s.logMean
	sg := math.Log(xbar) - lbar // > 0 by Jensen's inequality unless all equal
	if !(sg > 1e-13) {
		return 0, 0, ErrDegenerate
	}
	// Thom's (1958) approximation, scipy's starting point too.
	k0 := (3 - sg + math.Sqrt((sg-3)*(sg-3)+24*sg)) / (12 * sg)
	nll := func(k, th float64) float64 {
		lg, _ := math.Lgamma(k)
		return -((k-1)*lbar - xbar/th - k*math.Log(th) - lg)
	}
	deriv := func(k, th float64) (g [2]float64, h [3]float64) {
		g = [2]float64{-lbar + math.Log(th) + digamma(k), -xbar/(th*th) + k/th}
		h = [3]float64{trigamma(k), 1 / th, 2*xbar/(th*th*th) - k/(th*th)}
		return g, h
	}
	return maximise(k0, xbar/k0, nll, deriv)
}

// fitBeta maximises the beta log-likelihood
// ℓ/n = (α − 1)·mean(log x) + (β − 1)·mean(log(1 − x)) − log B(α, β).
func fitBeta(s *Sample) (a, b float64, err error) {
	v := s.ss / s.n
	if !(v > 0) {
		return 0, 0, ErrDegenerate
	}
	l1, l2 := s.sumLog/s.n, s.sumLog1m/s.n
	// The method of moments, as scipy starts; (1, 1) when it has no answer.
	m := s.mean
	a0, b0 := 1.0, 1.0
	if fac := m*(1-m)/v - 1; fac > 0 {
		a0, b0 = m*fac, (1-m)*fac
	}
	nll := func(a, b float64) float64 {
		return -((a-1)*l1 + (b-1)*l2 - mathext.Lbeta(a, b))
	}
	deriv := func(a, b float64) (g [2]float64, h [3]float64) {
		ab, tab := digamma(a+b), trigamma(a+b)
		g = [2]float64{-l1 + digamma(a) - ab, -l2 + digamma(b) - ab}
		h = [3]float64{trigamma(a) - tab, -tab, trigamma(b) - tab}
		return g, h
	}
	return maximise(a0, b0, nll, deriv)
}

// digamma is ψ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to
// x ≥ 10, then the asymptotic series
// ψ(x) = log x − 1/2x − Σ B₂ₖ/(2k·x²ᵏ), whose terms up to x⁻¹⁴ leave an
// error below 1e-16 there. gonum's mathext.Digamma errs by about 2e-11,
// which would move the gamma and beta fits by 1e-9 from scipy's.
func digamma(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 1) {
		if math.IsInf(x, 1) {
			return x
		}
		return math.NaN()
	}
	var acc float64
	for x < 10 {
		acc -= 1 / x
		x++
	}
	// B₂ₖ/2k for k = 7, …, 1.
	coef := [...]float64{1.0 / 12, -691.0 / 32760, 1.0 / 132, -1.0 / 240, 1.0 / 252, -1.0 / 120, 1.0 / 12}
	z := 1 / (x * x)
	var poly float64
	for _, c := range coef {
		poly = poly*z + c
	}
	return acc + math.Log(x) - 0.5/x - z*poly
}
