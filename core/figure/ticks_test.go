package figure

import (
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

func TestNiceTicks(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for i, tc := range []struct {
		lo, hi float64
		maxN   int
		ticks  []float64
		step   float64
	}{
		{0, 1, 6, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}, 0.2},
		{0, 1, 5, []float64{0, 0.5, 1}, 0.5}, // 0.2 would give 6
		{-5, 5, 11, []float64{-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5}, 1},
		{5, -5, 3, []float64{-5, 0, 5}, 5}, // either order
		{0.1, 0.7, 4, []float64{0.2, 0.4, 0.6}, 0.2},
		{0.1, 0.35, 3, []float64{0.1, 0.2, 0.3}, 0.1}, // 0.3, not 0.30000000000000004
		{-1, 2.5, 8, []float64{-1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5}, 0.5},
		{0, 1e6, 5, []float64{0, 5e5, 1e6}, 5e5},
		{1e-9, 5e-9, 5, []float64{1e-9, 2e-9, 3e-9, 4e-9, 5e-9}, 1e-9},
		{1e12, 1e12 + 10, 3, []float64{1e12, 1e12 + 5, 1e12 + 10}, 5},
		{-0.3, -0.1, 3, []float64{-0.3, -0.2, -0.1}, 0.1},                     // -0.3/0.1 is -2.9999999999999996
		{-1e308, 1e308, 5, []float64{-1e308, -5e307, 0, 5e307, 1e308}, 5e307}, // the span overflows
		{0.55, 0.95, 1, []float64{0.8}, 0.2},                                  // no multiple of 0.5 inside
		{-0.3, -0.1, 2, []float64{-0.2}, 0.2},
		{1, 1, 5, []float64{1}, 0},
		{1, 1 + 1e-15, 5, []float64{1}, 0},       // too narrow to split
		{1e15, 1e15 + 10, 5, []float64{1e15}, 0}, // 1e-14 of its magnitude
		{math.Copysign(0, -1), 0, 4, []float64{0}, 0},
		{nan, 1, 5, nil, 0},
		{0, inf, 5, nil, 0},
		{-inf, 0, 5, nil, 0},
		{0, 1, 0, nil, 0},
	} {
		ticks, step := NiceTicks(tc.lo, tc.hi, tc.maxN)
		if !slices.Equal(ticks, tc.ticks) || step != tc.step {
			t.Errorf("%d: NiceTicks(%g, %g, %d) = %v, %g, want %v, %g", i, tc.lo, tc.hi, tc.maxN, ticks, step, tc.ticks, tc.step)
		}
		for _, v := range ticks {
			if math.Signbit(v) && v == 0 {
				t.Errorf("%d: NiceTicks(%g, %g, %d) has -0", i, tc.lo, tc.hi, tc.maxN)
			}
		}
	}
}

// TestNiceTicksProperties checks the contract over many ranges: at most
// maxN ticks, inside [lo, hi], evenly spaced by a 1-2-5 step, and no
// smaller 1-2-5 step would have fit.
func TestNiceTicksProperties(t *testing.T) {
	for _, lo := range []float64{-1234.5, -3, -0.01, 0, 0.2, 7, 1e6} {
		for _, span := range []float64{1e-6, 0.03, 0.7, 1, 2.5, 9.99, 10, 333, 1e5, 4e9} {
			for _, maxN := range []int{1, 2, 3, 5, 8, 13} {
				hi := lo + span
				ticks, step := NiceTicks(lo, hi, maxN)
				if len(ticks) == 0 || len(ticks) > maxN {
					t.Fatalf("NiceTicks(%g, %g, %d) = %v, want 1 to %d ticks", lo, hi, maxN, ticks, maxN)
				}
				m := step / math.Pow10(exp10(step))
				if !slices.ContainsFunc([]float64{1, 2, 5}, func(x float64) bool { return scalar.EqualWithinAbsOrRel(m, x, 1e-12, 1e-12) }) {
					t.Errorf("NiceTicks(%g, %g, %d) step = %g, want 1, 2 or 5 times a power of ten", lo, hi, maxN, step)
				}
				for j, v := range ticks {
					if v < lo || v > hi {
						t.Errorf("NiceTicks(%g, %g, %d) tick %g outside the range", lo, hi, maxN, v)
					}
					if j > 0 && !scalar.EqualWithinAbsOrRel(v-ticks[j-1], step, 1e-9, 1e-6) {
						t.Errorf("NiceTicks(%g, %g, %d) ticks %g, %g not %g apart", lo, hi, maxN, ticks[j-1], v, step)
					}
				}
				// The next smaller 1-2-5 step gives more than maxN ticks, counted
				// generously so that float noise never flags a right answer.
				smaller := map[float64]float64{1: 0.5, 2: 1, 5: 2}[math.Round(m)] * math.Pow10(exp10(step))
				a, b := lo/smaller, hi/smaller
				n := math.Floor(b+1e-9*math.Max(1, math.Abs(b))) - math.Ceil(a-1e-9*math.Max(1, math.Abs(a))) + 1
				if maxN > 1 && n <= float64(maxN) {
					t.Errorf("NiceTicks(%g, %g, %d) step = %g, but %g gives %g ticks", lo, hi, maxN, step, smaller, n)
				}
			}
		}
	}
}

func TestNiceTicksCap(t *testing.T) {
	ticks, step := NiceTicks(0, 10, 1<<40)
	if len(ticks) > maxTicks || step != 0.02 {
		t.Errorf("NiceTicks(0, 10, 1<<40) = %d ticks, step %g, want at most %d, step 0.02", len(ticks), step, maxTicks)
	}
}

func TestTickLabel(t *testing.T) {
	for i, tc := range []struct {
		v, step float64
		want    string
	}{
		{0.30000000000000004, 0.1, "0.3"},
		{0.1 + 0.2, 0.1, "0.3"},
		{-1e-17, 0.1, "0"}, // would print "-0.0"
		{math.Copysign(0, -1), 1, "0"},
		{0, 0, "0"},
		{1, 0.5, "1"},
		{1.5, 0.5, "1.5"},
		{-2.5, 0.5, "-2.5"},
		{0.25, 0.25, "0.25"},
		{20, 10, "20"},
		{1234, 1, "1234"},
		{99999, 1, "99999"},
		{0.0002, 0.0001, "0.0002"},
		{1.00005, 1e-5, "1.00005"},
		{5e-5, 1e-5, "0.00005"},
		{5e-6, 1e-6, "5e-6"},
		{1.000001, 1e-6, "1.000001"}, // e-notation, but e0 goes
		{0.999999, 1e-6, "9.99999e-1"},
		{1.5e-7, 5e-8, "1.5e-7"},
		{1e-7, -1e-7, "1e-7"}, // the step's sign does not matter
		{1e6, 5e5, "1e6"},
		{1.5e6, 5e5, "1.5e6"},
		{2e5, 1e5, "2e5"},
		{-3e9, 1e9, "-3e9"},
		{0, 5e5, "0"},
		{1e15 + 5, 5, "1.000000000000005e15"},
		{1e6, 0, "1e6"}, // no step: shortest exact form
		{0.1, 0, "0.1"},
		{123456, 0, "123456"},
		{1234567, 0, "1.234567e6"},
		{1e-5, math.NaN(), "1e-5"},
		{math.NaN(), 1, "NaN"},
		{math.Inf(1), 1, "∞"},
		{math.Inf(-1), 1, "-∞"},
	} {
		if got := TickLabel(tc.v, tc.step); got != tc.want {
			t.Errorf("%d: TickLabel(%v, %v) = %q, want %q", i, tc.v, tc.step, got, tc.want)
		}
	}
}

// TestTickLabelsOfTicks checks the labels of whole axes: distinct, short,
// and all in one notation.
func TestTickLabelsOfTicks(t *testing.T) {
	for _, r := range [][2]float64{
		{0, 1}, {-0.3, 0.3}, {0.1, 0.9}, {-7e-6, 3e-6}, {0, 2e6}, {-1, 1}, {99.5, 100.5},
		{0.0009, 0.0011}, {0.00009, 0.00011}, {0.000009, 0.000011}, {9e4, 1.1e5}, {-2e5, 2e5},
	} {
		ticks, step := NiceTicks(r[0], r[1], 7)
		var labels []string
		exps := 0
		for _, v := range ticks {
			l := TickLabel(v, step)
			if len(l) > 8 {
				t.Errorf("TickLabel(%v, %v) = %q, want at most 8 characters", v, step, l)
			}
			if strings.Contains(l, "e") {
				exps++
			}
			labels = append(labels, l)
		}
		if len(slices.Compact(slices.Clone(labels))) != len(labels) {
			t.Errorf("labels of NiceTicks(%g, %g, 7) = %q, want distinct", r[0], r[1], labels)
		}
		zero := 0
		if slices.Contains(labels, "0") {
			zero = 1
		}
		if exps != 0 && exps != len(labels)-zero {
			t.Errorf("labels of NiceTicks(%g, %g, 7) = %q, want one notation", r[0], r[1], labels)
		}
	}
}
