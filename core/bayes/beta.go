package bayes

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// ModeKind says what the mode of a Beta distribution is.
type ModeKind uint8

// The kinds of mode.
const (
	// ModeOne: the density is largest at one θ in [0, 1] (at 0 or 1 it may
	// grow without bound there).
	ModeOne ModeKind = iota
	// ModeFlat: Beta(1, 1) is uniform; every θ is a mode.
	ModeFlat
	// ModeBothEnds: with a, b < 1 the density grows without bound at both
	// 0 and 1; there is no single mode.
	ModeBothEnds
)

// Mode returns the θ where the Beta(a, b) density is largest (the MAP
// estimate when Beta(a, b) is a posterior) and its kind. For a, b > 1 it
// is (a − 1)/(a + b − 2). Otherwise the density is monotone or U-shaped:
// it is largest at 0 when a ≤ 1 ≤ b (not both 1), at 1 when b ≤ 1 ≤ a;
// Beta(1, 1) is flat and a, b < 1 has two modes, and then the mode is NaN.
// (gonum's distuv.Beta.Mode gives NaN for every a, b ≤ 1, also for
// Beta(1, 0.5), whose density grows without bound at 1 only.)
func Mode(a, b float64) (float64, ModeKind) {
	switch {
	case a > 1 && b > 1:
		return (a - 1) / (a + b - 2), ModeOne
	case a == 1 && b == 1:
		return math.NaN(), ModeFlat
	case a < 1 && b < 1:
		return math.NaN(), ModeBothEnds
	case a <= 1 && b >= 1:
		return 0, ModeOne
	}
	return 1, ModeOne
}

// Mean is a/(a + b).
func Mean(a, b float64) float64 { return a / (a + b) }

// Interval returns the equal-tailed credible interval of Beta(a, b) with
// the given probability (0.95: the 2.5 % and 97.5 % quantiles).
func Interval(a, b, level float64) (lo, hi float64) {
	d := distuv.Beta{Alpha: a, Beta: b}
	return d.Quantile((1 - level) / 2), d.Quantile((1 + level) / 2)
}

// PDF writes the Beta(a, b) density at each x into dst (allocated when
// nil or short) and returns it: distuv.Beta's Prob, with the normalising
// constant computed once. At 0 or 1 it may be +Inf (a < 1 or b < 1); it
// is 0 outside [0, 1].
func PDF(dst []float64, a, b float64, xs []float64) []float64 {
	if cap(dst) < len(xs) {
		dst = make([]float64, len(xs))
	}
	dst = dst[:len(xs)]
	lab, _ := math.Lgamma(a + b)
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	c := lab - la - lb
	for i, x := range xs {
		if x < 0 || x > 1 {
			dst[i] = 0
			continue
		}
		l := c
		if a != 1 {
			l += (a - 1) * math.Log(x)
		}
		if b != 1 {
			l += (b - 1) * math.Log1p(-x)
		}
		dst[i] = math.Exp(l)
	}
	return dst
}

// Update is the conjugate update of a Beta(a, b) prior on a coin's bias
// after heads and tails: the posterior is Beta(a + heads, b + tails).
func Update(a, b float64, heads, tails int) (float64, float64) {
	return a + float64(heads), b + float64(tails)
}

// MLE is the maximum-likelihood estimate heads/(heads + tails), NaN before
// any flip.
func MLE(heads, tails int) float64 {
	if heads+tails == 0 {
		return math.NaN()
	}
	return float64(heads) / float64(heads+tails)
}
