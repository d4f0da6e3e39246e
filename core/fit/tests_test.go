package fit

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// TestChiSquareDiscrete checks the cells and the test of a Poisson fit to
// x = np.random.default_rng(11).poisson(3.2, 200), whose counts of
// 0, 1, …, 8 are np.bincount(x) below. The cells are this package's rule
// (the last value takes the tail; the smallest cell under 5 is merged with
// its smaller neighbour), here merging 7 and 8 into "7 or more"; the test
// is scipy.stats.chisquare(obs, exp, ddof=1) of those cells, with
// exp = 200·scipy.stats.poisson.pmf(k, x.mean()).
func TestChiSquareDiscrete(t *testing.T) {
	hist := []int{11, 26, 49, 41, 37, 12, 16, 6, 2}
	var data []float64
	for k, c := range hist {
		for range c {
			data = append(data, float64(k))
		}
	}
	s := NewSample(data)
	d, err := Fit(Poisson, s)
	if err != nil || !scalar.EqualWithinAbsOrRel(d.P[0], 3.045, 1e-15, 1e-15) {
		t.Fatalf("Fit(Poisson) = %v, %v, want λ = 3.045", d, err)
	}
	got, cells := ChiSquareDiscrete(s, d)
	want := []Cell{
		{0, 0, 11, 9.519262397506063}, {1, 1, 26, 28.98615400040596}, {2, 2, 49, 44.13141946561808},
		{3, 3, 41, 44.79339075760236}, {4, 4, 37, 34.09896871422479}, {5, 5, 12, 20.766271946962895},
		{6, 6, 16, 10.538883013083671}, {7, math.Inf(1), 8, 7.165649704596173},
	}
	if len(cells) != len(want) {
		t.Fatalf("Cells = %v, want %v", cells, want)
	}
	for i, c := range cells {
		w := want[i]
		if c.Lo != w.Lo || c.Hi != w.Hi || c.Obs != w.Obs || !scalar.EqualWithinAbsOrRel(c.Exp, w.Exp, 1e-12, 1e-12) {
			t.Errorf("cell %d = %v, want %v", i, c, w)
		}
	}
	if got.DF != 6 || !scalar.EqualWithinAbsOrRel(got.Stat, 8.270751159502739, 1e-12, 1e-12) ||
		!scalar.EqualWithinAbsOrRel(got.P, 0.2189308923840154, 1e-12, 1e-11) {
		t.Errorf("ChiSquareDiscrete = %+v, want χ² = 8.270751159502739, df = 6, p = 0.2189308923840154", got)
	}
	// A Bernoulli fit leaves no degree of freedom: 2 cells − 1 − 1.
	b := NewSample(testData["binary"])
	db, _ := Fit(Bernoulli, b)
	if r, _ := ChiSquareDiscrete(b, db); r.DF != 0 || !math.IsNaN(r.P) || r.Stat > 1e-12 {
		t.Errorf("ChiSquareDiscrete(Bernoulli) = %+v, want χ² = 0, df = 0, p NaN", r)
	}
	// Continuous families and continuous data have no cells.
	if c := Cells(NewSample(testData["real"]), NewDist(Poisson, 2)); c != nil {
		t.Errorf("Cells(real data) = %v, want none", c)
	}
}
