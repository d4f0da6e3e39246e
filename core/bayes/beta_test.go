package bayes

import (
	"math"
	"testing"
)

// Reference values: scipy.stats.beta(a, b).mean(), .ppf(0.025),
// .ppf(0.975) and .pdf(0.3) (SciPy 1.x, Debian's python3-scipy).
func TestBetaAgainstScipy(t *testing.T) {
	for i, tc := range []struct {
		a, b                float64
		mean, lo, hi, pdf03 float64
	}{
		{8, 4, 0.6666666666666666, 0.39025744042757876, 0.8907365561809019, 0.09901861199999991},
		{0.5, 0.5, 0.5, 0.001541333133436012, 0.9984586668665639, 0.6946091180428566},
		{0.1, 3.1, 0.03125, 2.1730466919183486e-17, 0.30585169474724905, 0.16200553685263025},
		{700.5, 300.5, 0.6998001998001998, 0.6710503460752892, 0.7277938420638388, 1.7750421135679933e-146},
		{1, 1, 0.5, 0.025, 0.975, 0.9999999999999996},
		{2, 1, 0.6666666666666666, 0.15811388300841897, 0.9874208829065749, 0.5999999999999999},
		{1, 2, 0.3333333333333333, 0.01257911709342505, 0.841886116991581, 1.4000000000000004},
		{0.1, 0.1, 0.5, 8.458405166196453e-14, 0.9999999999999154, 0.20663971537325293},
		{35.5, 20.5, 0.6339285714285714, 0.5048848587385106, 0.7539083184972291, 1.1755269521737177e-05},
	} {
		if got := Mean(tc.a, tc.b); !near(got, tc.mean, 1e-14) {
			t.Errorf("%d: Mean(%v, %v) = %v, want %v", i, tc.a, tc.b, got, tc.mean)
		}
		lo, hi := Interval(tc.a, tc.b, 0.95)
		if !near(lo, tc.lo, 1e-9) || !near(hi, tc.hi, 1e-9) {
			t.Errorf("%d: Interval(%v, %v, 0.95) = %v, %v, want %v, %v", i, tc.a, tc.b, lo, hi, tc.lo, tc.hi)
		}
		if got := PDF(nil, tc.a, tc.b, []float64{0.3})[0]; !near(got, tc.pdf03, 1e-10) {
			t.Errorf("%d: PDF(%v, %v, 0.3) = %v, want %v", i, tc.a, tc.b, got, tc.pdf03)
		}
	}
}

func TestMode(t *testing.T) {
	for i, tc := range []struct {
		a, b float64
		mode float64 // NaN: none
		kind ModeKind
	}{
		{8, 4, 7.0 / 10, ModeOne}, // (8 − 1)/(8 + 4 − 2)
		{2, 2, 0.5, ModeOne},
		{1, 1, math.NaN(), ModeFlat},
		{0.5, 0.5, math.NaN(), ModeBothEnds},
		{0.5, 3, 0, ModeOne}, // density θ^−0.5 (1 − θ)² is unbounded at 0
		{1, 3, 0, ModeOne},   // 3(1 − θ)², largest at 0
		{0.5, 1, 0, ModeOne}, // 0.5 θ^−0.5
		{3, 0.5, 1, ModeOne},
		{3, 1, 1, ModeOne},   // 3θ²
		{1, 0.5, 1, ModeOne}, // gonum's Mode says NaN here
		{1.5, 1.5, 0.5, ModeOne},
	} {
		got, kind := Mode(tc.a, tc.b)
		if kind != tc.kind || !(got == tc.mode || math.IsNaN(got) && math.IsNaN(tc.mode)) {
			t.Errorf("%d: Mode(%v, %v) = %v, %v, want %v, %v", i, tc.a, tc.b, got, kind, tc.mode, tc.kind)
		}
	}
}

// TestModeIsArgmax checks Mode against the density on a fine grid.
func TestModeIsArgmax(t *testing.T) {
	xs := make([]float64, 2001)
	for i := range xs {
		xs[i] = float64(i) / 2000
	}
	for _, ab := range [][2]float64{{8, 4}, {2, 30}, {1.2, 1.1}, {1, 3}, {3, 1}, {0.4, 2}, {2, 0.4}} {
		m, _ := Mode(ab[0], ab[1])
		pdf := PDF(nil, ab[0], ab[1], xs)
		best := 0
		for i := range pdf {
			if pdf[i] > pdf[best] {
				best = i
			}
		}
		if math.Abs(xs[best]-m) > 1e-3 {
			t.Errorf("Mode(%v, %v) = %v, but the density on a grid is largest at %v", ab[0], ab[1], m, xs[best])
		}
	}
}

func TestUpdateAndMLE(t *testing.T) {
	a, b := Update(1, 1, 7, 3)
	if a != 8 || b != 4 {
		t.Errorf("Update(1, 1, 7, 3) = %v, %v, want 8, 4", a, b)
	}
	if got := MLE(7, 3); got != 0.7 {
		t.Errorf("MLE(7, 3) = %v, want 0.7", got)
	}
	if got := MLE(0, 0); !math.IsNaN(got) {
		t.Errorf("MLE(0, 0) = %v, want NaN", got)
	}
}

// At the ends of [0, 1] the density is +Inf, finite or 0 as the exponent
// a − 1 (or b − 1) is negative, 0 or positive; outside it is 0.
func TestPDFEnds(t *testing.T) {
	xs := []float64{-0.1, 0, 1, 1.1}
	for i, tc := range []struct {
		a, b float64
		want [4]float64
	}{
		{0.5, 2, [4]float64{0, math.Inf(1), 0, 0}},
		{1, 3, [4]float64{0, 3, 0, 0}}, // 3(1 − θ)²
		{2, 1, [4]float64{0, 0, 2, 0}}, // 2θ
		{1, 1, [4]float64{0, 1, 1, 0}},
		{2, 0.5, [4]float64{0, 0, math.Inf(1), 0}},
	} {
		got := PDF(nil, tc.a, tc.b, xs)
		for j := range xs {
			if !(got[j] == tc.want[j] || near(got[j], tc.want[j], 1e-14)) {
				t.Errorf("%d: PDF(%v, %v, %v) = %v, want %v", i, tc.a, tc.b, xs[j], got[j], tc.want[j])
			}
		}
	}
}
