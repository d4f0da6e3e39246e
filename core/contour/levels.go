package contour

import (
	"math"

	"github.com/aimath/playground/core/figure"
)

// Levels returns at most n round levels strictly between the minimum and
// maximum of the finite values: the multiples of the smallest step of 1, 2
// or 5 times a power of ten that gives no more than n of them there
// (figure.NiceTicks' steps, so level labels read as axis ticks do). It
// returns nil when n < 1 or the finite values are fewer than two distinct
// numbers.
func Levels(values []float64, n int) []float64 {
	lo, hi, ok := finiteRange(values)
	if !ok || n < 1 || !(hi > lo) {
		return nil
	}
	// NiceTicks may put ticks on lo and hi, where a contour degenerates to
	// the extreme nodes; asking for up to two more leaves room to drop them.
	for m := n + 2; ; m-- {
		ticks, _ := figure.NiceTicks(lo, hi, m)
		inside := ticks[:0]
		for _, v := range ticks {
			if v > lo && v < hi {
				inside = append(inside, v)
			}
		}
		if len(inside) <= n { // certain by m = n
			return inside
		}
	}
}

// maxDecades bounds the span of LogLevels' offsets: below a millionth of
// the range, iso-lines are specks around the minimum's node.
const maxDecades = 6

// LogLevels returns at most n levels spaced geometrically above the
// minimum m of the finite values, for fields whose range spans decades
// (Rosenbrock's banana: 0 at its minimum, thousands at the corners). The
// levels are b + d for round offsets d — per decade 1, 2, 5; else 1, 3;
// else 1; else every second, third, … power of ten, counted down from the
// largest — the densest sequence giving no more than n levels strictly
// below the maximum M. The offsets start at d0, the smallest positive
// offset v − m of a value (up to float noise) but no less than
// (M − m)·1e-6. The base b is m rounded down to a multiple of the power of
// ten at or below d0, so that levels read as round numbers where m is not
// one (a grid rarely hits a minimum exactly), while every level stays
// above m.
//
// When the range is too narrow for that (fewer than min(n, 3) offsets of 1,
// 2, 5 fit), LogLevels returns Levels(values, n). It returns nil when n < 1
// or the finite values are fewer than two distinct numbers.
func LogLevels(values []float64, n int) []float64 {
	lo, hi, ok := finiteRange(values)
	if !ok || n < 1 || !(hi > lo) {
		return nil
	}
	span := hi - lo
	d0 := span
	for _, v := range values {
		if finite(v) && v > lo {
			d0 = min(d0, v-lo)
		}
	}
	d0 = max(d0, span*math.Pow10(-maxDecades))
	e0 := int(math.Floor(math.Log10(d0)))
	base := pow10(math.Floor(pow10(lo, -e0)), e0)
	if !(base <= lo && lo-base < d0) { // lo/10^e0 too large to round, or overflowed
		base = lo
	}
	levels := offsetLevels(base, d0, hi, []float64{1, 2, 5})
	if len(levels) < min(n, 3) {
		return Levels(values, n)
	}
	for _, mant := range [][]float64{{1, 3}, {1}} {
		if len(levels) <= n {
			return levels
		}
		levels = offsetLevels(base, d0, hi, mant)
	}
	if len(levels) <= n {
		return levels
	}
	// Powers of ten alone are too many: keep every stride-th, from the
	// largest down.
	stride := (len(levels) + n - 1) / n
	kept := make([]float64, 0, n)
	for i := (len(levels) - 1) % stride; i < len(levels); i += stride {
		kept = append(kept, levels[i])
	}
	return kept
}

// offsetLevels returns base + d for the offsets d = mant·10^e with
// d >= d0 and base + d < hi, in increasing order.
func offsetLevels(base, d0, hi float64, mant []float64) []float64 {
	var levels []float64
	// From a decade early, in case Log10 rounds d0 up across a power of ten.
	for e := int(math.Floor(math.Log10(d0))) - 1; e <= int(math.Floor(math.Log10(hi-base))); e++ {
		for _, m := range mant {
			d := pow10(m, e)
			if d >= d0*(1-1e-9) && base+d < hi { // d0 may carry float noise
				levels = append(levels, base+d)
			}
		}
	}
	return levels
}

// pow10 returns m·10^e rounded once: dividing by an exact power of ten for
// e < 0 gives 0.3 for 3·10⁻¹, where 3·0.1 is 0.30000000000000004.
func pow10(m float64, e int) float64 {
	if e < 0 {
		return m / math.Pow10(-e)
	}
	return m * math.Pow10(e)
}
