package bayes

import (
	"errors"
	"testing"
)

// kidney is the kidney-stone study of Charig et al. (1986), BMJ 292:879:
// open surgery (A) and percutaneous nephrolithotomy (B), small and large
// stones.
var kidney = Strata{
	{{81, 87}, {192, 263}},
	{{234, 270}, {55, 80}},
}

// The numbers of Pearl, Glymour and Jewell, "Causal Inference in
// Statistics: A Primer" (2016), §3.2, computed exactly: P(small) =
// (87 + 270)/700 = 0.51; naive rates 273/350 = 0.78 and 289/350 =
// 0.825714…; adjusted 81/87·0.51 + 192/263·0.49 = 0.832546… and
// 234/270·0.51 + 55/80·0.49 = 0.778875 (the Primer rounds them to 0.832
// and 0.7818 after rounding the rates).
func TestKidneyStones(t *testing.T) {
	if err := kidney.Check(); err != nil {
		t.Fatal(err)
	}
	for i, tc := range []struct {
		name      string
		got, want float64
	}{
		{"Rate(A, small)", kidney.Rate(0, 0), 81.0 / 87},
		{"Rate(A, large)", kidney.Rate(0, 1), 192.0 / 263},
		{"Rate(B, small)", kidney.Rate(1, 0), 234.0 / 270},
		{"Rate(B, large)", kidney.Rate(1, 1), 55.0 / 80},
		{"Naive(A)", kidney.Naive(0), 0.78},
		{"Naive(B)", kidney.Naive(1), 289.0 / 350},
		{"PZ(small)", kidney.PZ(0), 0.51},
		{"PZ(large)", kidney.PZ(1), 0.49},
		{"PZGiven(small, A)", kidney.PZGiven(0, 0), 87.0 / 350},
		{"PZGiven(small, B)", kidney.PZGiven(0, 1), 270.0 / 350},
		{"Adjusted(A)", kidney.Adjusted(0), 81.0/87*0.51 + 192.0/263*0.49},
		{"Adjusted(A) decimal", kidney.Adjusted(0), 0.8325462173856037}, // 81/87*0.51 + 192/263*0.49 in Python
		{"Adjusted(B)", kidney.Adjusted(1), 0.778875},
	} {
		if !near(tc.got, tc.want, 1e-12) {
			t.Errorf("%d: %s = %v, want %v", i, tc.name, tc.got, tc.want)
		}
	}
	// Naive is the weighted sum with P(z | t) as weights.
	for tr := range 2 {
		sum := kidney.Rate(tr, 0)*kidney.PZGiven(0, tr) + kidney.Rate(tr, 1)*kidney.PZGiven(1, tr)
		if !near(kidney.Naive(tr), sum, 1e-14) {
			t.Errorf("Naive(%d) = %v, want Σ_z rate·P(z|t) = %v", tr, kidney.Naive(tr), sum)
		}
	}
}

func TestCheck(t *testing.T) {
	for i, tc := range []struct {
		s     Strata
		shape bool // want ErrShape
		bad   bool // want another error
	}{
		{kidney, false, false},
		{Strata{}, true, false},
		{Strata{{}}, true, false},
		{Strata{{{1, 2}, {1, 2}}, {{1, 2}}}, true, false},
		{Strata{{{3, 2}}}, false, true},
		{Strata{{{0, 0}}}, false, true},
		{Strata{{{-1, 2}}}, false, true},
		{Strata{{{0, 1}}}, false, false},
	} {
		err := tc.s.Check()
		switch {
		case tc.shape && !errors.Is(err, ErrShape):
			t.Errorf("%d: Check(%v) = %v, want ErrShape", i, tc.s, err)
		case tc.bad && (err == nil || errors.Is(err, ErrShape)):
			t.Errorf("%d: Check(%v) = %v, want a cell error", i, tc.s, err)
		case !tc.shape && !tc.bad && err != nil:
			t.Errorf("%d: Check(%v) = %v, want nil", i, tc.s, err)
		}
	}
}
