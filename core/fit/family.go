package fit

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// Family is a parametric family of distributions.
type Family uint8

// The families, continuous first.
const (
	Normal Family = iota
	Laplace
	Exponential
	Gamma
	LogNormal
	Beta
	Uniform
	Bernoulli
	Poisson
	numFamilies
)

var familyNames = [numFamilies]string{
	Normal: "normal", Laplace: "laplace", Exponential: "exponential", Gamma: "gamma",
	LogNormal: "lognormal", Beta: "beta", Uniform: "uniform", Bernoulli: "bernoulli", Poisson: "poisson",
}

// paramNames are the parameters' symbols, for labels.
var paramNames = [numFamilies][]string{
	Normal: {"μ", "σ"}, Laplace: {"μ", "b"}, Exponential: {"λ"}, Gamma: {"k", "θ"},
	LogNormal: {"μ", "σ"}, Beta: {"α", "β"}, Uniform: {"a", "b"}, Bernoulli: {"p"}, Poisson: {"λ"},
}

// Families returns every family, in order.
func Families() []Family {
	fs := make([]Family, numFamilies)
	for i := range fs {
		fs[i] = Family(i)
	}
	return fs
}

// Names returns the families' names, in order.
func Names() []string { return familyNames[:] }

// String returns the family's name ("normal", "lognormal", …).
func (f Family) String() string {
	if f >= numFamilies {
		return "unknown"
	}
	return familyNames[f]
}

// Parse returns the family named name.
func Parse(name string) (Family, bool) {
	for i, s := range familyNames {
		if s == name {
			return Family(i), true
		}
	}
	return 0, false
}

// Params returns the symbols of the family's parameters, in order.
func (f Family) Params() []string {
	if f >= numFamilies {
		return nil
	}
	return paramNames[f]
}

// NumParams is the number of free parameters k (in AIC = 2k − 2ℓ).
func (f Family) NumParams() int { return len(f.Params()) }

// Discrete reports whether the family lives on integers.
func (f Family) Discrete() bool { return f == Bernoulli || f == Poisson }

// Dist is one member of a family.
type Dist struct {
	Family Family
	P      [2]float64 // the parameters, in Family.Params order; P[1] unused for one
}

// NewDist returns the member of f with parameters ps (one or two).
func NewDist(f Family, ps ...float64) Dist {
	d := Dist{Family: f}
	copy(d.P[:], ps)
	return d
}

// Valid reports whether the parameters are inside the family's parameter
// space (a Bernoulli p of 0 or 1 and a Poisson λ of 0 are: they are the
// MLE of data that are all 0, or all 1).
func (d Dist) Valid() bool {
	a, b := d.P[0], d.P[1]
	fin := !math.IsNaN(a) && !math.IsInf(a, 0) && !math.IsNaN(b) && !math.IsInf(b, 0)
	if !fin {
		return false
	}
	switch d.Family {
	case Normal, Laplace, LogNormal:
		return b > 0
	case Exponential:
		return a > 0
	case Gamma, Beta:
		return a > 0 && b > 0
	case Uniform:
		return b > a
	case Bernoulli:
		return a >= 0 && a <= 1
	case Poisson:
		return a >= 0
	}
	return false
}

// Support returns the closed hull [lo, hi] of the distribution's support.
func (d Dist) Support() (lo, hi float64) {
	switch d.Family {
	case Exponential, Gamma, LogNormal:
		return 0, math.Inf(1)
	case Beta:
		return 0, 1
	case Uniform:
		return d.P[0], d.P[1]
	case Bernoulli:
		lo, hi = 0, 1
		if d.P[0] == 0 {
			hi = 0
		}
		if d.P[0] == 1 {
			lo = 1
		}
		return lo, hi
	case Poisson:
		if d.P[0] == 0 {
			return 0, 0
		}
		return 0, math.Inf(1)
	}
	return math.Inf(-1), math.Inf(1)
}

// uv is the gonum distribution behind d.
type uv interface {
	CDF(float64) float64
	LogProb(float64) float64
	Rand() float64
	Mean() float64
	Variance() float64
}

func (d Dist) uv(src rand.Source) uv {
	a, b := d.P[0], d.P[1]
	switch d.Family {
	case Normal:
		return distuv.Normal{Mu: a, Sigma: b, Src: src}
	case Laplace:
		return distuv.Laplace{Mu: a, Scale: b, Src: src}
	case Exponential:
		return distuv.Exponential{Rate: a, Src: src}
	case Gamma:
		return distuv.Gamma{Alpha: a, Beta: 1 / b, Src: src}
	case LogNormal:
		return distuv.LogNormal{Mu: a, Sigma: b, Src: src}
	case Beta:
		return distuv.Beta{Alpha: a, Beta: b, Src: src}
	case Uniform:
		return distuv.Uniform{Min: a, Max: b, Src: src}
	case Bernoulli:
		return distuv.Bernoulli{P: a, Src: src}
	}
	return distuv.Poisson{Lambda: a, Src: src}
}

// LogProb is the log density (continuous) or log probability (discrete)
// at x; −Inf outside the support, NaN for invalid parameters.
func (d Dist) LogProb(x float64) float64 {
	if !d.Valid() {
		return math.NaN()
	}
	switch d.Family {
	case Poisson:
		if x < 0 || x != math.Floor(x) {
			return math.Inf(-1)
		}
		if d.P[0] == 0 { // 0^0 = 1: all the mass at 0
			if x == 0 {
				return 0
			}
			return math.Inf(-1)
		}
	case Exponential:
		if x < 0 {
			return math.Inf(-1)
		}
	case Gamma, LogNormal:
		if x <= 0 {
			return math.Inf(-1)
		}
	case Beta:
		if x <= 0 || x >= 1 {
			return math.Inf(-1)
		}
	case Uniform:
		if x < d.P[0] || x > d.P[1] {
			return math.Inf(-1)
		}
	}
	return d.uv(nil).LogProb(x)
}

// Prob is exp(LogProb(x)).
func (d Dist) Prob(x float64) float64 { return math.Exp(d.LogProb(x)) }

// CDF is P(X ≤ x).
func (d Dist) CDF(x float64) float64 {
	if !d.Valid() {
		return math.NaN()
	}
	switch d.Family {
	case Exponential, Gamma, LogNormal:
		if x <= 0 {
			return 0
		}
	case Beta:
		if x <= 0 {
			return 0
		}
		if x >= 1 {
			return 1
		}
	case Poisson:
		if x < 0 {
			return 0
		}
		if d.P[0] == 0 {
			return 1
		}
	}
	return d.uv(nil).CDF(x)
}

// Quantile is the inverse CDF of a continuous distribution (NaN for a
// discrete one).
func (d Dist) Quantile(p float64) float64 {
	if !d.Valid() || d.Family.Discrete() || p < 0 || p > 1 {
		return math.NaN()
	}
	a, b := d.P[0], d.P[1]
	switch d.Family {
	case Normal:
		return distuv.Normal{Mu: a, Sigma: b}.Quantile(p)
	case Laplace:
		return distuv.Laplace{Mu: a, Scale: b}.Quantile(p)
	case Exponential:
		return distuv.Exponential{Rate: a}.Quantile(p)
	case Gamma:
		return distuv.Gamma{Alpha: a, Beta: 1 / b}.Quantile(p)
	case LogNormal:
		return distuv.LogNormal{Mu: a, Sigma: b}.Quantile(p)
	case Beta:
		return distuv.Beta{Alpha: a, Beta: b}.Quantile(p)
	}
	return distuv.Uniform{Min: a, Max: b}.Quantile(p)
}

// Mean is E[X].
func (d Dist) Mean() float64 {
	if !d.Valid() {
		return math.NaN()
	}
	if d.Family == Poisson && d.P[0] == 0 {
		return 0
	}
	return d.uv(nil).Mean()
}

// Variance is Var[X].
func (d Dist) Variance() float64 {
	if !d.Valid() {
		return math.NaN()
	}
	if d.Family == Poisson && d.P[0] == 0 {
		return 0
	}
	return d.uv(nil).Variance()
}

// Sampler draws from d with the randomness of src.
type Sampler struct{ u uv }

// Sampler returns a sampler of d; d must be Valid.
func (d Dist) Sampler(src rand.Source) Sampler {
	if d.Family == Poisson && d.P[0] == 0 {
		return Sampler{zero{}}
	}
	return Sampler{d.uv(src)}
}

// Rand draws one value.
func (s Sampler) Rand() float64 { return s.u.Rand() }

// zero is the distribution with all its mass at 0 (Poisson with λ = 0).
type zero struct{}

func (zero) CDF(x float64) float64 {
	if x < 0 {
		return 0
	}
	return 1
}
func (zero) LogProb(x float64) float64 {
	if x == 0 {
		return 0
	}
	return math.Inf(-1)
}
func (zero) Rand() float64     { return 0 }
func (zero) Mean() float64     { return 0 }
func (zero) Variance() float64 { return 0 }
