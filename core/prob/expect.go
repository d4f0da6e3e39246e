package prob

import (
	"errors"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// maxTerms bounds a sum over an infinite support: a geometric
// distribution with p = 0.01 needs about 70 000 terms before its masses
// underflow, and a sum still going after a million is taken to diverge.
const maxTerms = 1 << 20

// Expect returns E[f(X)] and Var[f(X)] for X with distribution d: sums
// over the support of a discrete d, integrals against the density of a
// continuous one. The variance is E[(f(X) − E[f(X)])²], summed or
// integrated again, so it keeps its digits when the mean is large. err is
// ErrUndefined when f is NaN where X has positive probability (E[ln X]
// for a normal X), and ErrDiverge when a sum or integral diverges (E[X²]
// of a Cauchy X); the results are then NaN or ±Inf.
func Expect(d *Dist, f func(float64) float64) (mean, variance float64, err error) {
	mean, err = d.expect(f)
	if err != nil {
		return mean, math.NaN(), err
	}
	variance, err = d.expect(func(x float64) float64 {
		v := f(x) - mean
		return v * v
	})
	if err != nil {
		variance = math.Inf(1)
		if errors.Is(err, ErrUndefined) {
			variance = math.NaN()
		}
	}
	return mean, variance, err
}

// expect is E[f(X)].
func (d *Dist) expect(f func(float64) float64) (float64, error) {
	if d.discrete {
		return d.sum(f)
	}
	// f·p, with f not called where the density is 0, so that f's overflow
	// far out in a tail (exp(x) at x = 800) does not count.
	fp := func(p func(float64) float64, x float64) float64 {
		px := p(x)
		if px == 0 {
			return 0
		}
		return f(x) * px
	}
	if d.family == Beta {
		return d.expectBeta(f)
	}
	g := func(x float64) float64 { return fp(d.Prob, x) }
	var total float64
	var errs []error
	for _, piece := range d.pieces() {
		v, err := integrateScaled(g, piece[0], piece[1], d.Scale())
		total += v
		errs = append(errs, err)
	}
	return finish(total, errors.Join(errs...))
}

// pieces splits the support where the integrand may have a kink: at the
// median of a distribution with two infinite ends (the Laplace density's
// peak), and at 0 (where abs, relu and step bend).
func (d *Dist) pieces() [][2]float64 {
	cuts := []float64{d.lo, d.hi}
	if math.IsInf(d.lo, -1) && math.IsInf(d.hi, 1) {
		cuts = append(cuts, d.Quantile(0.5))
	}
	if d.lo < 0 && 0 < d.hi {
		cuts = append(cuts, 0)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	out := make([][2]float64, 0, len(cuts)-1)
	for i := 1; i < len(cuts); i++ {
		out = append(out, [2]float64{cuts[i-1], cuts[i]})
	}
	return out
}

// expectBeta integrates over [0, ½] and, reflected, over (½, 1]: there
// x = 1 − y and the density is Beta(β, α)'s at y, so that a singularity
// at 1 (β < 1) becomes one at 0, where the nodes can approach it without
// rounding onto it.
func (d *Dist) expectBeta(f func(float64) float64) (float64, error) {
	b := d.u.(distuv.Beta)
	r := distuv.Beta{Alpha: b.Beta, Beta: b.Alpha}
	lower := func(x float64) float64 {
		p := b.Prob(x)
		if p == 0 {
			return 0
		}
		return f(x) * p
	}
	upper := func(y float64) float64 {
		p := r.Prob(y)
		if p == 0 {
			return 0
		}
		return f(1-y) * p
	}
	l, err1 := integrateScaled(lower, 0, 0.5, 1)
	u, err2 := integrateScaled(upper, 0, 0.5, 1)
	return finish(l+u, errors.Join(err1, err2))
}

// sum is E[f(X)] over a discrete support: every value of a finite one.
// An infinite one is summed into its tail until the masses are below
// 1e-16 of the largest and the terms have stayed below 1e-17 of the total
// for tailRun values in a row (so a growing f is followed as long as it
// matters), or the masses underflow.
func (d *Dist) sum(f func(float64) float64) (float64, error) {
	const tailRun = 16
	var total, pmax float64
	small := 0
	for i, k := 0, d.lo; k <= d.hi; i, k = i+1, k+1 {
		if i == maxTerms || math.IsInf(total, 0) {
			return finish(total, ErrDiverge)
		}
		p := d.Prob(k)
		pmax = math.Max(pmax, p)
		if p == 0 {
			if k > d.mean {
				break // the tail has underflowed
			}
			continue
		}
		term := f(k) * p
		total += term
		if math.IsNaN(total) {
			return math.NaN(), ErrUndefined
		}
		if math.IsInf(d.hi, 1) && k > d.mean && p < 1e-16*pmax && math.Abs(term) <= 1e-17*math.Abs(total) {
			if small++; small == tailRun {
				break
			}
		} else {
			small = 0
		}
	}
	return finish(total, nil)
}

// finish classifies a result: an infinite one diverges.
func finish(v float64, err error) (float64, error) {
	switch {
	case errors.Is(err, ErrUndefined) || math.IsNaN(v):
		return math.NaN(), ErrUndefined
	case err != nil:
		return math.Copysign(math.Inf(1), v), ErrDiverge
	case math.IsInf(v, 0):
		return v, ErrDiverge
	}
	return v, nil
}
