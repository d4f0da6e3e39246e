package prob

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat/distuv"
)

// The families, in the course's order: the discrete ones first.
const (
	Bernoulli   = "bernoulli"
	Binomial    = "binomial"
	Categorical = "categorical"
	Poisson     = "poisson"
	Geometric   = "geometric"
	Uniform     = "uniform"
	Normal      = "normal"
	Laplace     = "laplace"
	Exponential = "exponential"
	Beta        = "beta"
	Gamma       = "gamma"
	LogNormal   = "lognormal"
	StudentT    = "t"
)

var families = []string{Bernoulli, Binomial, Categorical, Poisson, Geometric,
	Uniform, Normal, Laplace, Exponential, Beta, Gamma, LogNormal, StudentT}

// Families returns the names of the families New knows, discrete first.
func Families() []string { return append([]string(nil), families...) }

// IsDiscrete reports whether the family takes integer values.
func IsDiscrete(family string) bool {
	switch family {
	case Bernoulli, Binomial, Categorical, Poisson, Geometric:
		return true
	}
	return false
}

// Uses returns the fields of Params the family reads, by the names of
// the prob lesson's parameters ("p", "n", "mu", "sigma", "alpha", "beta",
// "lambda", "k", "probs", "nu", "a", "b"), nil for an unknown family.
func Uses(family string) []string {
	switch family {
	case Bernoulli, Geometric:
		return []string{"p"}
	case Binomial:
		return []string{"n", "p"}
	case Categorical:
		return []string{"probs", "k"}
	case Poisson, Exponential:
		return []string{"lambda"}
	case Uniform:
		return []string{"a", "b"}
	case Normal, Laplace, LogNormal:
		return []string{"mu", "sigma"}
	case Beta, Gamma:
		return []string{"alpha", "beta"}
	case StudentT:
		return []string{"mu", "sigma", "nu"}
	}
	return nil
}

// Params are the parameters of every family; each family reads its own
// (see Uses) and ignores the rest.
type Params struct {
	P      float64 // success probability: Bernoulli, binomial, geometric
	N      int     // number of trials: binomial
	Mu     float64 // location: normal, Laplace, Student t; the mean of ln X for the log-normal
	Sigma  float64 // scale: normal σ, Laplace b, Student t; the σ of ln X for the log-normal
	Alpha  float64 // beta α, gamma shape α
	Beta   float64 // beta β, gamma rate β
	Lambda float64 // Poisson mean λ, exponential rate λ
	// Weights are the categorical probabilities of 0, 1, …, up to a
	// common factor; nil means K equal ones.
	Weights []float64
	K       int     // categorical: the number of categories when Weights is nil
	Nu      float64 // Student t: degrees of freedom ν
	A, B    float64 // uniform on [A, B]
}

// Errors of New.
var (
	ErrFamily = errors.New("unknown distribution")
	ErrParam  = errors.New("bad parameter")
)

// Bounds New enforces beyond what the families need, so that sums over a
// support stay short.
const (
	MaxTrials     = 1 << 20 // binomial n
	MaxCategories = 1000
	MaxLambda     = 1e6 // Poisson λ
)

// univariate is what every family offers: gonum's distuv types and
// geometric.
type univariate interface {
	Prob(x float64) float64
	CDF(x float64) float64
	Rand() float64
}

// quantiler is implemented by the continuous families (and Bernoulli).
type quantiler interface {
	Quantile(p float64) float64
}

// Dist is one distribution of one of the families.
type Dist struct {
	family   string
	discrete bool
	lo, hi   float64 // the support
	u        univariate
	weights  []float64 // categorical: normalised

	mean, variance, skew, entropy float64
}

// New returns the distribution of family with parameters p, drawing from
// src. It refuses an unknown family (ErrFamily) and a parameter out of
// its family's range (ErrParam, with the reason).
func New(family string, p Params, src rand.Source) (*Dist, error) {
	d := &Dist{family: family, discrete: IsDiscrete(family)}
	bad := func(format string, args ...any) (*Dist, error) {
		return nil, fmt.Errorf("%w: "+format, append([]any{ErrParam}, args...)...)
	}
	pos := func(x float64) bool { return x > 0 && !math.IsInf(x, 1) }
	inf := math.Inf(1)
	switch family {
	case Bernoulli:
		if !(p.P >= 0 && p.P <= 1) {
			return bad("p = %v is not in [0, 1]", p.P)
		}
		b := distuv.Bernoulli{P: p.P, Src: src}
		d.u, d.lo, d.hi = b, 0, 1
		d.mean, d.variance, d.skew, d.entropy = b.Mean(), b.Variance(), b.Skewness(), b.Entropy()
	case Binomial:
		if !(p.P >= 0 && p.P <= 1) {
			return bad("p = %v is not in [0, 1]", p.P)
		}
		if p.N < 1 || p.N > MaxTrials {
			return bad("n = %d is not in [1, %d]", p.N, MaxTrials)
		}
		b := distuv.Binomial{N: float64(p.N), P: p.P, Src: src}
		d.u, d.lo, d.hi = b, 0, float64(p.N)
		if p.N <= maxTable && src != nil {
			d.u = newInverted(b, p.N, src)
		}
		d.mean, d.variance, d.skew = b.Mean(), b.Variance(), b.Skewness()
		d.entropy = d.sumEntropy()
	case Categorical:
		w, err := categoricalWeights(p)
		if err != nil {
			return nil, err
		}
		d.weights = w
		d.u, d.lo, d.hi = distuv.NewCategorical(w, src), 0, float64(len(w)-1)
		d.mean, d.variance, d.skew = d.sumMoments()
		d.entropy = d.sumEntropy()
	case Poisson:
		if !pos(p.Lambda) || p.Lambda > MaxLambda {
			return bad("λ = %v is not in (0, %v]", p.Lambda, MaxLambda)
		}
		q := distuv.Poisson{Lambda: p.Lambda, Src: src}
		d.u, d.lo, d.hi = q, 0, inf
		d.mean, d.variance, d.skew = q.Mean(), q.Variance(), q.Skewness()
		d.entropy = d.sumEntropy()
	case Geometric:
		if !(p.P > 0 && p.P <= 1) {
			return bad("p = %v is not in (0, 1]", p.P)
		}
		g := geometric{p: p.P, rng: newRand(src)}
		d.u, d.lo, d.hi = g, 1, inf
		d.mean, d.variance, d.skew, d.entropy = g.moments()
	case Uniform:
		if !(p.A < p.B) || math.IsInf(p.A, 0) || math.IsInf(p.B, 0) {
			return bad("a = %v is not below b = %v", p.A, p.B)
		}
		u := distuv.Uniform{Min: p.A, Max: p.B, Src: src}
		d.u, d.lo, d.hi = u, p.A, p.B
		d.mean, d.variance, d.skew, d.entropy = u.Mean(), u.Variance(), u.Skewness(), u.Entropy()
	case Normal:
		if !pos(p.Sigma) {
			return bad("σ = %v is not positive", p.Sigma)
		}
		n := distuv.Normal{Mu: p.Mu, Sigma: p.Sigma, Src: src}
		d.u, d.lo, d.hi = n, -inf, inf
		d.mean, d.variance, d.skew, d.entropy = n.Mean(), n.Variance(), n.Skewness(), n.Entropy()
	case Laplace:
		if !pos(p.Sigma) {
			return bad("b = %v is not positive", p.Sigma)
		}
		l := distuv.Laplace{Mu: p.Mu, Scale: p.Sigma, Src: src}
		d.u, d.lo, d.hi = l, -inf, inf
		d.mean, d.variance, d.skew, d.entropy = l.Mean(), l.Variance(), l.Skewness(), l.Entropy()
	case Exponential:
		if !pos(p.Lambda) {
			return bad("λ = %v is not positive", p.Lambda)
		}
		e := distuv.Exponential{Rate: p.Lambda, Src: src}
		d.u, d.lo, d.hi = e, 0, inf
		d.mean, d.variance, d.skew, d.entropy = e.Mean(), e.Variance(), e.Skewness(), e.Entropy()
	case Beta:
		if !pos(p.Alpha) || !pos(p.Beta) {
			return bad("α = %v and β = %v must be positive", p.Alpha, p.Beta)
		}
		b := distuv.Beta{Alpha: p.Alpha, Beta: p.Beta, Src: src}
		d.u, d.lo, d.hi = b, 0, 1
		a, c := p.Alpha, p.Beta
		d.mean, d.variance, d.entropy = b.Mean(), b.Variance(), b.Entropy()
		d.skew = 2 * (c - a) * math.Sqrt(a+c+1) / ((a + c + 2) * math.Sqrt(a*c))
	case Gamma:
		if !pos(p.Alpha) || !pos(p.Beta) {
			return bad("α = %v and β = %v must be positive", p.Alpha, p.Beta)
		}
		g := distuv.Gamma{Alpha: p.Alpha, Beta: p.Beta, Src: src}
		d.u, d.lo, d.hi = g, 0, inf
		a := p.Alpha
		lg, _ := math.Lgamma(a)
		d.mean, d.variance = g.Mean(), g.Variance()
		d.skew = 2 / math.Sqrt(a)
		d.entropy = a - math.Log(p.Beta) + lg + (1-a)*mathext.Digamma(a)
	case LogNormal:
		if !pos(p.Sigma) {
			return bad("σ = %v is not positive", p.Sigma)
		}
		l := distuv.LogNormal{Mu: p.Mu, Sigma: p.Sigma, Src: src}
		d.u, d.lo, d.hi = l, 0, inf
		d.mean, d.variance, d.skew, d.entropy = l.Mean(), l.Variance(), l.Skewness(), l.Entropy()
	case StudentT:
		if !pos(p.Sigma) || !pos(p.Nu) {
			return bad("σ = %v and ν = %v must be positive", p.Sigma, p.Nu)
		}
		t := distuv.StudentsT{Mu: p.Mu, Sigma: p.Sigma, Nu: p.Nu, Src: src}
		d.u, d.lo, d.hi = t, -inf, inf
		d.mean, d.skew, d.entropy = tMoments(p.Mu, p.Sigma, p.Nu)
		d.variance = t.Variance()
	default:
		return nil, fmt.Errorf("%w %q", ErrFamily, family)
	}
	if d.variance == 0 {
		d.skew = math.NaN() // a point mass: E[(X − μ)³]/σ³ is 0/0
	}
	return d, nil
}

// categoricalWeights returns the normalised weights of a categorical
// distribution.
func categoricalWeights(p Params) ([]float64, error) {
	w := p.Weights
	if w == nil {
		if p.K < 1 || p.K > MaxCategories {
			return nil, fmt.Errorf("%w: k = %d is not in [1, %d]", ErrParam, p.K, MaxCategories)
		}
		w = make([]float64, p.K)
		for i := range w {
			w[i] = 1
		}
	}
	if len(w) == 0 || len(w) > MaxCategories {
		return nil, fmt.Errorf("%w: %d probabilities, want 1 to %d", ErrParam, len(w), MaxCategories)
	}
	sum := 0.0
	for _, x := range w {
		if !(x >= 0) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("%w: probability %v is not a number ≥ 0", ErrParam, x)
		}
		sum += x
	}
	if !(sum > 0) || math.IsInf(sum, 0) {
		return nil, fmt.Errorf("%w: the probabilities add up to %v", ErrParam, sum)
	}
	out := make([]float64, len(w))
	for i, x := range w {
		out[i] = x / sum
	}
	return out, nil
}

// tMoments are the mean, skewness and entropy of Student's t with
// location mu, scale sigma and ν degrees of freedom. The mean exists for
// ν > 1, the skewness for ν > 3 (and is 0); the entropy is
// (ν+1)/2·(ψ((ν+1)/2) − ψ(ν/2)) + ln(√ν·B(ν/2, 1/2)) + ln σ.
func tMoments(mu, sigma, nu float64) (mean, skew, entropy float64) {
	mean, skew = math.NaN(), math.NaN()
	if nu > 1 {
		mean = mu
	}
	if nu > 3 {
		skew = 0
	}
	entropy = (nu+1)/2*(mathext.Digamma((nu+1)/2)-mathext.Digamma(nu/2)) +
		0.5*math.Log(nu) + mathext.Lbeta(nu/2, 0.5) + math.Log(sigma)
	return mean, skew, entropy
}

// Family returns the distribution's family.
func (d *Dist) Family() string { return d.family }

// Discrete reports whether the distribution takes integer values.
func (d *Dist) Discrete() bool { return d.discrete }

// Support returns the smallest interval holding every value (the ends may
// be infinite).
func (d *Dist) Support() (lo, hi float64) { return d.lo, d.hi }

// Prob returns the density at x, or for a discrete distribution the mass
// P(X = x) (0 off the integers).
func (d *Dist) Prob(x float64) float64 {
	if d.discrete && (x != math.Floor(x) || x < d.lo || x > d.hi) {
		return 0
	}
	if !d.discrete && (x < d.lo || x > d.hi) {
		return 0 // gonum's log-normal and gamma are not all defined below 0
	}
	return d.u.Prob(x)
}

// CDF returns P(X ≤ x).
func (d *Dist) CDF(x float64) float64 {
	switch {
	case x < d.lo:
		return 0
	case x >= d.hi:
		return 1
	}
	return d.u.CDF(x)
}

// Rand draws a value from the source given to New.
func (d *Dist) Rand() float64 { return d.u.Rand() }

// Mean returns E[X] (NaN where it does not exist).
func (d *Dist) Mean() float64 { return d.mean }

// Variance returns Var[X] (+Inf where it diverges, NaN where the mean
// does not exist).
func (d *Dist) Variance() float64 { return d.variance }

// Skewness returns E[(X − μ)³]/σ³ (NaN where it does not exist or σ = 0).
func (d *Dist) Skewness() float64 { return d.skew }

// Entropy returns the entropy −E[ln p(X)] in nats: the Shannon entropy of
// a discrete distribution, the differential entropy of a continuous one.
func (d *Dist) Entropy() float64 { return d.entropy }

// Weights returns the normalised probabilities of a categorical
// distribution (nil for the other families).
func (d *Dist) Weights() []float64 { return append([]float64(nil), d.weights...) }

// Quantile returns the smallest x with P(X ≤ x) ≥ p, for p in [0, 1]; for
// p = 0 the lower end of the support, for p = 1 the upper.
func (d *Dist) Quantile(p float64) float64 {
	switch {
	case !(p > 0):
		return d.lo
	case p >= 1:
		return d.hi
	}
	if q, ok := d.u.(quantiler); ok && !d.discrete {
		return q.Quantile(p)
	}
	if g, ok := d.u.(geometric); ok {
		return g.quantile(p)
	}
	// A discrete support: step up from the lower end until the CDF
	// reaches p (galloping, then bisection on the integers).
	lo := d.lo
	if d.CDF(lo) >= p {
		return lo
	}
	step := 1.0
	hi := lo + step
	for d.CDF(hi) < p {
		lo = hi
		step *= 2
		hi = math.Min(lo+step, d.hi)
	}
	for hi-lo > 1 { // CDF(lo) < p ≤ CDF(hi)
		m := math.Floor((lo + hi) / 2)
		if d.CDF(m) < p {
			lo = m
		} else {
			hi = m
		}
	}
	return hi
}

// Scale returns a typical spread of the distribution: the interquartile
// range divided by 1.349 (the standard deviation for a normal one), or 1
// when that is 0.
func (d *Dist) Scale() float64 {
	s := (d.Quantile(0.75) - d.Quantile(0.25)) / 1.349
	if !(s > 0) || math.IsInf(s, 0) {
		return 1
	}
	return s
}

// sumMoments are the mean, variance and skewness of a discrete
// distribution with finite support, summed over it.
func (d *Dist) sumMoments() (mean, variance, skew float64) {
	for k := d.lo; k <= d.hi; k++ {
		mean += k * d.Prob(k)
	}
	var m2, m3 float64
	for k := d.lo; k <= d.hi; k++ {
		c := k - mean
		m2 += c * c * d.Prob(k)
		m3 += c * c * c * d.Prob(k)
	}
	return mean, m2, m3 / math.Pow(m2, 1.5)
}

// sumEntropy is −Σ p ln p over the support of a discrete distribution,
// from the lower end until the masses beyond the mean are too small to
// count.
func (d *Dist) sumEntropy() float64 {
	h := 0.0
	for k := d.lo; k <= d.hi; k++ {
		p := d.Prob(k)
		if p > 0 {
			h -= p * math.Log(p)
		}
		if k > d.mean && p < 1e-300 {
			break
		}
	}
	return h
}

// geometric is the number of Bernoulli(p) trials up to and including the
// first success: P(X = k) = (1 − p)^(k−1)·p for k = 1, 2, …
type geometric struct {
	p   float64
	rng *rand.Rand // nil: the global source
}

// newRand wraps a source once (gonum's discrete families make a
// rand.Rand for every draw); nil stays nil.
func newRand(src rand.Source) *rand.Rand {
	if src == nil {
		return nil
	}
	return rand.New(src)
}

func (g geometric) Prob(x float64) float64 {
	if x < 1 || x != math.Floor(x) {
		return 0
	}
	return math.Exp((x-1)*math.Log1p(-g.p)) * g.p
}

func (g geometric) CDF(x float64) float64 {
	if x < 1 {
		return 0
	}
	return -math.Expm1(math.Floor(x) * math.Log1p(-g.p))
}

// Rand inverts the CDF: the smallest k with 1 − (1 − p)^k ≥ U.
func (g geometric) Rand() float64 {
	var u float64
	if g.rng == nil {
		u = rand.Float64()
	} else {
		u = g.rng.Float64()
	}
	return g.quantile(u)
}

// maxTable bounds the supports whose CDF is tabulated for sampling.
const maxTable = 10000

// inverted draws a distribution on 0, 1, …, n by inverting its CDF,
// tabulated once: one uniform number and a binary search a draw. gonum's
// binomial sampler is exact too, but runs a rejection loop and makes a
// rand.Rand every draw, ten times slower for the lesson's 100 000 samples.
type inverted struct {
	univariate
	cdf []float64 // cdf[k] = P(X ≤ k), the last exactly 1
	rng *rand.Rand
}

func newInverted(u univariate, n int, src rand.Source) inverted {
	cdf := make([]float64, n+1)
	c := 0.0
	for k := range cdf {
		c += u.Prob(float64(k))
		cdf[k] = c
	}
	for k := range cdf {
		cdf[k] /= c
	}
	cdf[n] = 1
	return inverted{univariate: u, cdf: cdf, rng: rand.New(src)}
}

// Rand returns the smallest k with P(X ≤ k) ≥ U for U uniform on [0, 1).
func (v inverted) Rand() float64 {
	return float64(sort.SearchFloat64s(v.cdf, v.rng.Float64()))
}

// quantile is the smallest k ≥ 1 with 1 − (1 − p)^k ≥ u.
func (g geometric) quantile(u float64) float64 {
	if g.p == 1 || !(u > 0) {
		return 1
	}
	k := math.Max(1, math.Ceil(math.Log1p(-u)/math.Log1p(-g.p)))
	// Rounding in the logarithms may leave k one off.
	if k > 1 && g.CDF(k-1) >= u {
		k--
	} else if g.CDF(k) < u {
		k++
	}
	return k
}

// moments are the geometric distribution's mean 1/p, variance (1 − p)/p²,
// skewness (2 − p)/√(1 − p) and entropy (−(1 − p)ln(1 − p) − p ln p)/p.
func (g geometric) moments() (mean, variance, skew, entropy float64) {
	p, q := g.p, 1-g.p
	mean = 1 / p
	variance = q / (p * p)
	skew = (2 - p) / math.Sqrt(q)
	if q > 0 {
		entropy = (-q*math.Log(q) - p*math.Log(p)) / p
	}
	return mean, variance, skew, entropy
}
