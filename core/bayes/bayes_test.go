package bayes

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

func near(a, b, tol float64) bool { return scalar.EqualWithinAbsOrRel(a, b, tol, tol) }

// The test of Gigerenzer et al. (2007), "Helping doctors and patients make
// sense of health statistics": prevalence 1 %, sensitivity 90 %,
// false-positive rate 9 %. In odds form the prior odds are 1/99 and the
// likelihood ratios are 0.9/0.09 = 10 for + and 0.1/0.91 = 10/91 for −,
// so P(D | +) = 10/109, P(D | +, +) = 100/199 and P(D | +, +, −) =
// 1000/10009 (fractions.Fraction arithmetic in Python agrees).
func TestPosterior(t *testing.T) {
	tst := Test{Sensitivity: 0.9, FPR: 0.09}
	for i, tc := range []struct {
		prior    float64
		positive bool
		post, ev float64
	}{
		{0.01, true, 10.0 / 109, 0.0981},                 // 0.9·0.01 + 0.09·0.99
		{0.01, false, 0.001108770373655616, 0.9019},      // 0.1·0.01/(0.1·0.01 + 0.91·0.99)
		{10.0 / 109, true, 100.0 / 199, 0.1643119266055}, // 0.9·10/109 + 0.09·99/109
		{0, true, 0, 0.09},
		{1, false, 1, 0.1},
	} {
		if got := tst.Posterior(tc.prior, tc.positive); !near(got, tc.post, 1e-12) {
			t.Errorf("%d: Posterior(%v, %v) = %v, want %v", i, tc.prior, tc.positive, got, tc.post)
		}
		if got := tst.Evidence(tc.prior, tc.positive); !near(got, tc.ev, 1e-12) {
			t.Errorf("%d: Evidence(%v, %v) = %v, want %v", i, tc.prior, tc.positive, got, tc.ev)
		}
	}
	if got := tst.Specificity(); !near(got, 0.91, 1e-15) {
		t.Errorf("Specificity() = %v, want 0.91", got)
	}
	// Another classic: prevalence 0.1 %, sensitivity 99 %, false
	// positives 5 %: 0.99·0.001/(0.99·0.001 + 0.05·0.999) = 0.019434628975265017.
	if got := (Test{0.99, 0.05}).Posterior(0.001, true); !near(got, 0.019434628975265017, 1e-12) {
		t.Errorf("Posterior(0.001, +) = %v, want 0.019434628975265017", got)
	}
}

func TestImpossibleResult(t *testing.T) {
	for i, tc := range []struct {
		tst      Test
		prior    float64
		positive bool
	}{
		{Test{0, 0}, 0.5, true},  // nobody tests positive
		{Test{1, 1}, 0.5, false}, // nobody tests negative
		{Test{0.9, 0}, 0, true},  // nobody is ill and the healthy never test positive
		{Test{1, 0.2}, 1, false}, // everyone is ill and the ill always test positive
	} {
		if got := tc.tst.Posterior(tc.prior, tc.positive); !math.IsNaN(got) {
			t.Errorf("%d: Posterior(%v, %v) = %v, want NaN", i, tc.prior, tc.positive, got)
		}
		if got := tc.tst.Evidence(tc.prior, tc.positive); got != 0 {
			t.Errorf("%d: Evidence(%v, %v) = %v, want 0", i, tc.prior, tc.positive, got)
		}
	}
}

func TestChain(t *testing.T) {
	tst := Test{Sensitivity: 0.9, FPR: 0.09}
	got := tst.Chain(0.01, []bool{true, true, false})
	want := []float64{0.01, 10.0 / 109, 100.0 / 199, 1000.0 / 10009} // see TestPosterior
	if len(got) != len(want) {
		t.Fatalf("Chain = %v, want %v", got, want)
	}
	for i := range want {
		if !near(got[i], want[i], 1e-12) {
			t.Errorf("Chain[%d] = %v, want %v", i, got[i], want[i])
		}
	}
	// A perfect-specificity test: one positive makes D certain, after which
	// a negative result of a perfectly sensitive test cannot happen.
	got = (Test{1, 0}).Chain(0.2, []bool{true, false, true})
	if len(got) != 2 || got[1] != 1 {
		t.Errorf("Chain(perfect test) = %v, want [0.2 1]", got)
	}
}
