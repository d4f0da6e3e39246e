package figure

import (
	"math"
	"strconv"
	"strings"
)

// maxTicks caps NiceTicks' maxN: more ticks would be unreadable, and the
// cap bounds what a wrong maxN can allocate.
const maxTicks = 1000

// NiceTicks returns at most maxN round numbers in [lo, hi]: the multiples
// of step there, where step is 1, 2 or 5 times a power of ten, the smallest
// such that they number no more than maxN. lo and hi may come in either
// order.
//
// A range that is empty or too narrow to split (under 1e-13 of its
// magnitude, or under 1e-290) gives the one tick lo and step 0. NaN or
// infinite bounds, or maxN < 1, give no ticks; maxN is capped at 1000.
func NiceTicks(lo, hi float64, maxN int) (ticks []float64, step float64) {
	maxN = min(maxN, maxTicks)
	if maxN < 1 || math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return nil, 0
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	half := hi/2 - lo/2 // half the span: unlike hi-lo, it cannot overflow
	if !(half > 1e-290) || half < 1e-13*math.Max(math.Abs(lo), math.Abs(hi)) {
		return []float64{lo + 0}, 0 // + 0 turns -0 into 0
	}
	// Start a decade below span/maxN, where every step gives too many ticks.
	e := int(math.Floor(math.Log10(half)+math.Log10(2/float64(maxN)))) - 1
	var prev []float64 // the ticks of the previous, too small, step
	var prevStep float64
	for ; ; e++ {
		for _, m := range [...]float64{1, 2, 5} {
			s := multiple(1, m, e)
			// A bound that is a multiple up to float noise (-0.3/0.1 is
			// -2.9999999999999996) counts as one; between drops a tick
			// that really is outside.
			k0, k1 := math.Ceil(lo/s-noise(lo/s)), math.Floor(hi/s+noise(hi/s))
			if k1-k0+1 > float64(maxN+2) { // too many even if both ends drop
				prev, prevStep = nil, s
				continue
			}
			ticks = between(lo, hi, k0, k1, m, e)
			switch {
			case len(ticks) > maxN:
				prev, prevStep = ticks, s
				continue
			case len(ticks) > 0:
				return ticks, s
			case len(prev) > 0:
				// Only with maxN = 1: no multiple of s lies inside, so take
				// the middle tick of the previous step.
				return prev[len(prev)/2 : len(prev)/2+1], prevStep
			}
			// No multiple of either step lies inside: the range sits between
			// two round numbers and is narrower than their distance.
			return []float64{lo + 0}, 0
		}
	}
}

// between returns the multiples k·m·10^e for k in [k0, k1] that lie in
// [lo, hi]. Rounding may push an end one just outside, or make two
// neighbours equal near the precision limit: those are dropped.
func between(lo, hi, k0, k1, m float64, e int) []float64 {
	ticks := make([]float64, 0, int(k1-k0+1))
	for k := k0; k <= k1; k++ {
		v := multiple(k, m, e)
		if v < lo || v > hi || (len(ticks) > 0 && v == ticks[len(ticks)-1]) {
			continue
		}
		ticks = append(ticks, v)
	}
	return ticks
}

// noise returns how far float noise may move a quotient x (a few ulps, at
// most half a unit, beyond which floats are sparse anyway).
func noise(x float64) float64 { return math.Min(0.5, 64*0x1p-52*math.Abs(x)) }

// multiple returns k·m·10^e rounded once: dividing by an exact power of ten
// gives 0.3 for 3·10^-1, where multiplying by 0.1 would give
// 0.30000000000000004.
func multiple(k, m float64, e int) float64 {
	if e >= 0 {
		return k*m*math.Pow10(e) + 0
	}
	return k*m/math.Pow10(-e) + 0
}

// TickLabel formats a tick value compactly with the precision that step
// implies: TickLabel(0.30000000000000004, 0.1) is "0.3", TickLabel(1, 0.5)
// is "1", TickLabel(1.5e6, 5e5) is "1.5e6". The notation depends on the
// step alone, so that the labels of one axis agree: steps of 1e5 and more,
// and steps needing more than 5 decimals, use e-notation ("2e5", "5e-6");
// so do values of 1e15 and more, whose fixed form would be unreadable. A
// step that is not a positive number formats v as briefly as it can be
// read back exactly. It never returns "-0".
func TickLabel(v, step float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return "-∞"
	case v == 0:
		return "0"
	}
	step = math.Abs(step)
	if !(step > 0) || math.IsInf(step, 0) {
		return notZero(compactExp(strconv.FormatFloat(v, 'g', -1, 64)))
	}
	es := exp10(step)
	extra := decimals(step / math.Pow10(es)) // digits of step after its first
	a := math.Abs(v)
	if d := extra - es; step >= 1e5 || d > 5 || a >= 1e15 {
		prec := max(0, exp10(a)-es+extra)
		return notZero(compactExp(strconv.FormatFloat(v, 'e', prec, 64)))
	}
	return notZero(trimZeros(strconv.FormatFloat(v, 'f', max(0, extra-es), 64)))
}

// exp10 returns the exponent of the leading decimal digit of x > 0:
// floor(log10(x)), corrected where Log10 rounds across an integer.
func exp10(x float64) int {
	e := int(math.Floor(math.Log10(x)))
	if math.Pow10(e) > x {
		e--
	} else if math.Pow10(e+1) <= x {
		e++
	}
	return e
}

// decimals returns how many decimals x >= 0 needs (at most 15), ignoring
// float noise: 2.5 needs 1, 0.30000000000000004 needs 1.
func decimals(x float64) int {
	for d := 0; d < 15; d++ {
		y := x * math.Pow10(d)
		if math.Abs(y-math.Round(y)) <= 1e-9*math.Max(1, y) {
			return d
		}
	}
	return 15
}

// trimZeros drops trailing zeros after a decimal point, and the point.
func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	return strings.TrimRight(strings.TrimRight(s, "0"), ".")
}

// compactExp rewrites strconv's exponent form for people: "1.50e+06"
// becomes "1.5e6", "1e-05" becomes "1e-5", "1.5e+00" becomes "1.5". Other
// strings pass unchanged.
func compactExp(s string) string {
	i := strings.IndexByte(s, 'e')
	if i < 0 {
		return s
	}
	mant, exp := trimZeros(s[:i]), s[i+1:]
	sign := ""
	if exp[0] == '-' {
		sign = "-"
	}
	exp = strings.TrimLeft(exp[1:], "0")
	if exp == "" {
		return mant
	}
	return mant + "e" + sign + exp
}

// notZero turns a label that reads as zero ("-0", "-0e0") into "0".
func notZero(s string) string {
	if f, err := strconv.ParseFloat(s, 64); err == nil && f == 0 {
		return "0"
	}
	return s
}
