package fit

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// TestKolmogorovSF compares with scipy.stats.kstwo.sf(d, n) (scipy 1.10),
// at (n, d) that take every branch of the algorithm: Ruben–Gambino at both
// ends, Durbin–Marsaglia–Tsang–Wang, Pomeranz, twice the Smirnov
// probability, and Pelz–Good.
func TestKolmogorovSF(t *testing.T) {
	for i, tc := range []struct {
		n    int
		d    float64
		want float64 // float(scipy.stats.kstwo.sf(d, n))
	}{
		{1, 0.3, 1.0},
		{1, 0.75, 0.5},
		{5, 0.15, 0.9988},
		{5, 0.25, 0.8446},
		{10, 0.05, 1.0},
		{10, 0.08, 0.9999978058034054},
		{10, 0.2, 0.7487190399999999},
		{10, 0.35, 0.1339605462624991},
		{10, 0.6, 0.0005681672000000003},
		{10, 0.95, 1.9531250000000172e-13},
		{30, 0.1, 0.8960782680050898},
		{30, 0.2, 0.15796916101547398},
		{30, 0.3, 0.006852243362913235},
		{100, 0.05, 0.9532159710635725},
		{100, 0.08, 0.5182193645480672},
		{100, 0.15, 0.019839242125641813},
		{100, 0.25, 5.408871776434847e-06},
		{140, 0.07, 0.4776228287946577},
		{141, 0.05, 0.8548456930096628},
		{141, 0.15, 0.0031058623613645147},
		{200, 0.03, 0.991436524714942},
		{200, 0.05, 0.6802625495871704},
		{500, 0.02, 0.9859871786857471},
		{500, 0.04, 0.3902508696049749},
		{500, 0.07, 0.01416832020019071},
		{1000, 0.01, 0.9999496745370611},
		{1000, 0.03, 0.3226902143914636},
		{1000, 0.06, 0.001428597887952891},
		{5000, 0.004, 0.9999977369528622},
		{5000, 0.01, 0.6954557253913853},
		{5000, 0.02, 0.03613941395325637},
		{5000, 0.3, 0.0},
		{20, 0.6, 2.0483011649719853e-07},
		{200, 0.7, 9.389465176622686e-99},
		{50, 0.021, 1.0},
		{300, 0.0018, 1.0},
	} {
		got := KolmogorovSF(tc.n, tc.d)
		if !scalar.EqualWithinAbsOrRel(got, tc.want, 1e-300, 1e-9) {
			t.Errorf("%d: KolmogorovSF(%d, %v) = %v, want %v", i, tc.n, tc.d, got, tc.want)
		}
	}
	for _, bad := range []float64{math.NaN()} {
		if got := KolmogorovSF(10, bad); !math.IsNaN(got) {
			t.Errorf("KolmogorovSF(10, %v) = %v, want NaN", bad, got)
		}
	}
	if got := KolmogorovSF(0, 0.5); !math.IsNaN(got) {
		t.Errorf("KolmogorovSF(0, 0.5) = %v, want NaN", got)
	}
}

// TestSmirnov compares with scipy.special.smirnov(n, d).
func TestSmirnov(t *testing.T) {
	for i, tc := range []struct {
		n    int
		d    float64
		want float64 // float(scipy.special.smirnov(n, d))
	}{
		{1, 0.3, 0.7},
		{10, 0.2, 0.39676169159999997},
		{10, 0.6, 0.0002840836000000002},
		{100, 0.15, 0.009919628413308524},
		{1000, 0.06, 0.0007142989439764456},
		{5000, 0.02, 0.01806981293722266},
		{5000, 0.3, 0.0},
		{3, 0.9, 0.0009999999999999994},
	} {
		got := Smirnov(tc.n, tc.d)
		if !scalar.EqualWithinAbsOrRel(got, tc.want, 1e-300, 1e-10) {
			t.Errorf("%d: Smirnov(%d, %v) = %v, want %v", i, tc.n, tc.d, got, tc.want)
		}
	}
}

// TestKSTest checks the statistic, where it is reached and its side
// against scipy.stats.kstest(x, scipy.stats.uniform(0, 3).cdf) (statistic,
// pvalue, statistic_location, statistic_sign), with ties in the data and
// between D⁺ and D⁻ (scipy then reports D⁻).
func TestKSTest(t *testing.T) {
	cdf := func(x float64) float64 { return math.Max(0, math.Min(1, x/3)) }
	for i, tc := range []struct {
		x       []float64
		d, p    float64
		at      float64
		sign    int
		dp, dmi float64
	}{
		{[]float64{1, 1, 2}, 0.33333333333333337, 0.7777777777777778, 2, 1, 0.33333333333333337, 1.0 / 3},
		{[]float64{2.5, 0.5}, 0.33333333333333337, 0.9444444444444444, 2.5, -1, 1.0 / 3, 0.33333333333333337},
	} {
		got := KSTest(tc.x, cdf)
		if !scalar.EqualWithinAbsOrRel(got.D, tc.d, 1e-15, 1e-15) || !scalar.EqualWithinAbsOrRel(got.P, tc.p, 1e-14, 1e-14) ||
			got.At != tc.at || got.Sign != tc.sign {
			t.Errorf("%d: KSTest(%v) = %+v, want D = %v, p = %v at %v, sign %d", i, tc.x, got, tc.d, tc.p, tc.at, tc.sign)
		}
		if !scalar.EqualWithinAbsOrRel(got.DPlus, tc.dp, 1e-15, 1e-15) || !scalar.EqualWithinAbsOrRel(got.DMinus, tc.dmi, 1e-15, 1e-15) {
			t.Errorf("%d: D⁺, D⁻ = %v, %v, want %v, %v", i, got.DPlus, got.DMinus, tc.dp, tc.dmi)
		}
	}
	if got := KSTest(nil, cdf); got.D != 0 || !math.IsNaN(got.P) {
		t.Errorf("KSTest(no data) = %+v, want D = 0, p NaN", got)
	}
}
