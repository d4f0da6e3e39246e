package fit

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// TestKL compares with scipy: continuous pairs by
//
//	scipy.integrate.quad(lambda x: p.pdf(x)*(p.logpdf(x) - q.logpdf(x)), lo, hi,
//	                     epsabs=1e-14, epsrel=1e-12)
//
// over p's support (for Laplace and normal p over [−40, 40] with a break
// at the Laplace's peak, where the pdf would underflow); the normal pair
// also has the closed form log(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/2σ₂² − ½ =
// log 2 + 2/8 − ½; discrete pairs by
// scipy.stats.entropy(p.pmf(np.arange(200)), q.pmf(np.arange(200))).
func TestKL(t *testing.T) {
	for i, tc := range []struct {
		p, q Dist
		want float64
	}{
		{NewDist(Normal, 0, 1), NewDist(Normal, 1, 2), 0.4431471805599453},
		{NewDist(Gamma, 2.5, 1.3), NewDist(LogNormal, 0.9, 0.6), 0.06833656433863011},
		{NewDist(Beta, 2, 5), NewDist(Beta, 1.78, 4.35), 0.0046604630517033665},
		{NewDist(Exponential, 1.5), NewDist(Gamma, 1.2, 0.5), 0.01818388936818692},
		{NewDist(Laplace, 0, 1), NewDist(Normal, 0, 1.2), 0.10255735388312429},
		{NewDist(Uniform, 0, 2), NewDist(Normal, 1, 0.6), 0.1779286918416997},
		{NewDist(Uniform, 0, 2), NewDist(Uniform, -0.5, 3), 0.5596157879354228},
		{NewDist(LogNormal, 0, 1), NewDist(Gamma, 1.5, 1.1), 0.10208201768486785},
		{NewDist(Beta, 0.5, 0.5), NewDist(Beta, 1, 1), 0.24156447524856153},
		{NewDist(Normal, 2, 1.5), NewDist(Laplace, 1.8, 1.1), 0.06173514569406819},
		{NewDist(Poisson, 3.2), NewDist(Poisson, 3.25), 0.00038660308491129773},
		{NewDist(Bernoulli, 0.3), NewDist(Bernoulli, 0.35), 0.005630376559427816},
		{NewDist(Bernoulli, 0.3), NewDist(Poisson, 0.35), 0.05408233529470967},
		{NewDist(Normal, 0, 1), NewDist(Normal, 0, 1), 0},
		// q has no mass where p has some.
		{NewDist(Poisson, 0.3), NewDist(Bernoulli, 0.35), math.Inf(1)},
		{NewDist(Normal, 5, 1), NewDist(Exponential, 0.2), math.Inf(1)},
		{NewDist(Uniform, 0, 2), NewDist(Uniform, 0.1, 2), math.Inf(1)},
		{NewDist(Bernoulli, 0.3), NewDist(Bernoulli, 0), math.Inf(1)},
	} {
		got := KL(tc.p, tc.q)
		if got != tc.want && !scalar.EqualWithinAbsOrRel(got, tc.want, 1e-12, 1e-10) {
			t.Errorf("%d: KL(%v ‖ %v) = %v, want %v", i, tc.p, tc.q, got, tc.want)
		}
	}
	// Densities against different measures have no KL divergence.
	if got := KL(NewDist(Poisson, 3), NewDist(Normal, 3, 2)); !math.IsNaN(got) {
		t.Errorf("KL(Poisson ‖ normal) = %v, want NaN", got)
	}
}
