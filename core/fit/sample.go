package fit

import (
	"math"
	"slices"
	"sort"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mathext"
)

// Sample is a data set with the statistics that the families'
// log-likelihoods depend on, so that LogLik costs O(1) (O(log n) for
// Laplace) whatever the size of the data: a surface of log-likelihoods
// over a grid of parameters is cheap.
type Sample struct {
	X    []float64 // the data, sorted
	Kind Support

	n, sum, mean, ss float64 // Σx, x̄, Σ(x − x̄)²
	min, max         float64
	// Over log x when every x > 0 (NaN otherwise): Σ log x, its mean and
	// Σ(log x − mean)².
	sumLog, logMean, logSS float64
	sumLog1m               float64   // Σ log(1 − x) when every x < 1
	sumLogFact             float64   // Σ log x! for counts
	prefix                 []float64 // prefix[i] = x_(0) + … + x_(i−1), for Σ|x − μ|
}

// NewSample returns the sample of data (which it copies and sorts). The
// values must be finite.
func NewSample(data []float64) *Sample {
	x := slices.Clone(data)
	slices.Sort(x)
	s := &Sample{X: x, Kind: Classify(x), n: float64(len(x))}
	s.prefix = make([]float64, len(x)+1)
	for i, v := range x {
		s.prefix[i+1] = s.prefix[i] + v
	}
	if len(x) == 0 {
		s.mean, s.min, s.max = math.NaN(), math.NaN(), math.NaN()
		s.logMean, s.sumLog, s.logSS = math.NaN(), math.NaN(), math.NaN()
		s.sumLog1m = math.NaN()
		return s
	}
	s.min, s.max = x[0], x[len(x)-1]
	s.sum = s.prefix[len(x)]
	s.mean = meanOf(x)
	for _, v := range x {
		s.ss += (v - s.mean) * (v - s.mean)
	}
	s.sumLog, s.logMean, s.logSS = math.NaN(), math.NaN(), math.NaN()
	if s.min > 0 {
		logs := make([]float64, len(x))
		s.sumLog = 0
		for i, v := range x {
			logs[i] = math.Log(v)
			s.sumLog += logs[i]
		}
		s.logMean = meanOf(logs)
		s.logSS = 0
		for _, l := range logs {
			s.logSS += (l - s.logMean) * (l - s.logMean)
		}
	}
	s.sumLog1m = math.NaN()
	if s.max < 1 {
		s.sumLog1m = 0
		for _, v := range x {
			s.sumLog1m += math.Log1p(-v)
		}
	}
	if s.Kind == Binary || s.Kind == Counts {
		for _, v := range x {
			lf, _ := math.Lgamma(v + 1)
			s.sumLogFact += lf
		}
	}
	return s
}

// meanOf is Σx/n.
func meanOf(x []float64) float64 { return floats.Sum(x) / float64(len(x)) }

// N is the number of values.
func (s *Sample) N() int { return len(s.X) }

// Mean is x̄.
func (s *Sample) Mean() float64 { return s.mean }

// Var is the variance with divisor n (numpy's var(ddof=0)).
func (s *Sample) Var() float64 { return s.ss / s.n }

// Min and Max are the extreme values.
func (s *Sample) Min() float64 { return s.min }

// Max is the largest value.
func (s *Sample) Max() float64 { return s.max }

// Median is numpy's median: the middle value, or the mean of the two
// middle values.
func (s *Sample) Median() float64 {
	n := len(s.X)
	if n == 0 {
		return math.NaN()
	}
	if n%2 == 1 {
		return s.X[n/2]
	}
	return (s.X[n/2-1] + s.X[n/2]) / 2
}

// absDev is Σ|x − μ|, from the prefix sums.
func (s *Sample) absDev(mu float64) float64 {
	i := sort.SearchFloat64s(s.X, mu) // values below μ
	below := s.prefix[i]
	above := s.prefix[len(s.X)] - below
	fi := float64(i)
	return (mu*fi - below) + (above - mu*(s.n-fi))
}

// LogLik is the log-likelihood ℓ = Σ log p(x_i) of the sample under d:
// −Inf when a value lies outside d's support, NaN for parameters outside
// the family's parameter space, 0 for no data.
func (s *Sample) LogLik(d Dist) float64 {
	if !d.Valid() {
		return math.NaN()
	}
	if len(s.X) == 0 {
		return 0
	}
	if lo, hi := d.Support(); s.min < lo || s.max > hi {
		return math.Inf(-1)
	}
	n := s.n
	a, b := d.P[0], d.P[1]
	const log2pi = 1.8378770664093453 // log(2π)
	switch d.Family {
	case Normal:
		dm := s.mean - a
		return -n/2*log2pi - n*math.Log(b) - (s.ss+n*dm*dm)/(2*b*b)
	case Laplace:
		return -n*math.Log(2*b) - s.absDev(a)/b
	case Exponential:
		return n*math.Log(a) - a*s.sum
	case Gamma:
		if s.min <= 0 {
			return math.Inf(-1)
		}
		lg, _ := math.Lgamma(a)
		return (a-1)*s.sumLog - s.sum/b - n*a*math.Log(b) - n*lg
	case LogNormal:
		if s.min <= 0 {
			return math.Inf(-1)
		}
		dm := s.logMean - a
		return -n/2*log2pi - n*math.Log(b) - s.sumLog - (s.logSS+n*dm*dm)/(2*b*b)
	case Beta:
		if s.min <= 0 || s.max >= 1 {
			return math.Inf(-1)
		}
		return (a-1)*s.sumLog + (b-1)*s.sumLog1m - n*mathext.Lbeta(a, b)
	case Uniform:
		return -n * math.Log(b-a)
	case Bernoulli:
		if s.Kind != Binary {
			return math.Inf(-1)
		}
		return xlogy(s.sum, a) + xlogy(n-s.sum, 1-a)
	case Poisson:
		if s.Kind != Binary && s.Kind != Counts {
			return math.Inf(-1)
		}
		return xlogy(s.sum, a) - n*a - s.sumLogFact
	}
	return math.NaN()
}

// xlogy is x·log y with 0·log 0 = 0 (scipy.special.xlogy).
func xlogy(x, y float64) float64 {
	if x == 0 {
		return 0
	}
	return x * math.Log(y)
}

// AIC is Akaike's information criterion 2k − 2ℓ for a fit with k free
// parameters and log-likelihood ℓ.
func AIC(k int, loglik float64) float64 { return 2*float64(k) - 2*loglik }
