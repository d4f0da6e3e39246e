package linalg

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"
)

func dense(rows [][]float64) *mat.Dense {
	m := mat.NewDense(len(rows), len(rows[0]), nil)
	for i, r := range rows {
		m.SetRow(i, r)
	}
	return m
}

func sameMatrix(got mat.Matrix, want [][]float64, tol float64) bool {
	r, c := got.Dims()
	if r != len(want) || c != len(want[0]) {
		return false
	}
	for i := range r {
		for j := range c {
			if !scalar.EqualWithinAbsOrRel(got.At(i, j), want[i][j], tol, tol) {
				return false
			}
		}
	}
	return true
}

func sameSlice(got, want []float64, tol float64) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if !scalar.EqualWithinAbsOrRel(got[i], want[i], tol, tol) {
			return false
		}
	}
	return true
}

func TestPinv(t *testing.T) {
	for i, tc := range []struct {
		name  string
		a     [][]float64
		rcond float64
		want  [][]float64
		tol   float64
	}{
		// np.linalg.pinv(np.array([[1,2],[3,4],[5,6]], float))
		{"tall full rank", [][]float64{{1, 2}, {3, 4}, {5, 6}}, 1e-15,
			[][]float64{{-1.3333333333333337, -0.33333333333333287, 0.6666666666666665},
				{1.0833333333333335, 0.3333333333333329, -0.4166666666666665}}, 1e-12},
		// np.linalg.pinv(np.array([[1,2,3],[4,5,6],[7,8,9]], float)): rank 2.
		{"rank deficient", [][]float64{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}, 1e-15,
			[][]float64{{-6.3888888888888828e-01, -1.6666666666666599e-01, 3.0555555555555508e-01},
				{-5.5555555555555601e-02, 0, 5.5555555555555580e-02},
				{5.2777777777777712e-01, 1.6666666666666610e-01, -1.9444444444444398e-01}}, 1e-12},
		// np.linalg.pinv(np.array([[1,0,2],[0,1,-1]], float))
		{"wide", [][]float64{{1, 0, 2}, {0, 1, -1}}, 1e-15,
			[][]float64{{0.3333333333333331, 0.3333333333333332},
				{0.3333333333333332, 0.8333333333333331},
				{0.333333333333333, -0.16666666666666669}}, 1e-12},
		// np.linalg.pinv(np.zeros((2, 3)))
		{"zero", [][]float64{{0, 0, 0}, {0, 0, 0}}, 1e-15,
			[][]float64{{0, 0}, {0, 0}, {0, 0}}, 0},
		// np.linalg.pinv(np.array([[1,1],[1,1+1e-10]])): cond ≈ 4e10, so only
		// about 16−10 digits survive in either implementation.
		{"ill-conditioned", [][]float64{{1, 1}, {1, 1 + 1e-10}}, 1e-15,
			[][]float64{{9.999986926112608e+09, -9.999986925112608e+09},
				{-9.999986925112612e+09, 9.999986925112612e+09}}, 1e-5},
		// np.linalg.pinv(np.array([[1,1],[1,1+1e-10]]), rcond=1e-8): σ₂ is cut.
		{"ill-conditioned, cut", [][]float64{{1, 1}, {1, 1 + 1e-10}}, 1e-8,
			[][]float64{{0.24999999998124994, 0.24999999999375005},
				{0.2499999999937499, 0.25000000000625}}, 1e-12},
	} {
		var got mat.Dense
		if err := Pinv(&got, dense(tc.a), tc.rcond); err != nil {
			t.Errorf("%d %s: Pinv(%v) error %v", i, tc.name, tc.a, err)
			continue
		}
		if !sameMatrix(&got, tc.want, tc.tol) {
			t.Errorf("%d %s: Pinv(%v) = %v, want %v", i, tc.name, tc.a, mat.Formatted(&got), tc.want)
		}
	}
}

// The pseudo-inverse is characterised by the four Penrose conditions; check
// them on a rank-deficient matrix, where the inverse is not just A⁻¹.
func TestPinvPenrose(t *testing.T) {
	a := dense([][]float64{{1, 2, 3}, {2, 4, 6}, {1, 0, 1}, {0, 1, 1}})
	var p mat.Dense
	if err := Pinv(&p, a, DefaultRcond(4, 3)); err != nil {
		t.Fatal(err)
	}
	var ap, pa, apa, pap mat.Dense
	ap.Mul(a, &p)
	pa.Mul(&p, a)
	apa.Mul(&ap, a)
	pap.Mul(&pa, &p)
	for _, c := range []struct {
		name      string
		got, want mat.Matrix
	}{
		{"A A⁺ A = A", &apa, a},
		{"A⁺ A A⁺ = A⁺", &pap, &p},
		{"(A A⁺)ᵀ = A A⁺", ap.T(), &ap},
		{"(A⁺ A)ᵀ = A⁺ A", pa.T(), &pa},
	} {
		if !mat.EqualApprox(c.got, c.want, 1e-12) {
			t.Errorf("%s fails: %v vs %v", c.name, mat.Formatted(c.got), mat.Formatted(c.want))
		}
	}
}

func TestPinvErrors(t *testing.T) {
	var dst mat.Dense
	if err := Pinv(&dst, dense([][]float64{{1, math.NaN()}}), 0); !errors.Is(err, ErrNotFinite) {
		t.Errorf("Pinv(NaN) error = %v, want ErrNotFinite", err)
	}
	if !dst.IsEmpty() {
		t.Errorf("Pinv(NaN) touched dst")
	}
	if err := Pinv(&dst, dense([][]float64{{math.Inf(1), 1}}), 0); !errors.Is(err, ErrNotFinite) {
		t.Errorf("Pinv(Inf) error = %v, want ErrNotFinite", err)
	}
	for _, f := range []func(){
		func() { _ = Pinv(&dst, dense([][]float64{{1}}), -1) },
		func() { _ = Pinv(&dst, dense([][]float64{{1}}), math.NaN()) },
		func() { _ = Pinv(mat.NewDense(2, 2, nil), dense([][]float64{{1, 2, 3}}), 0) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("caller bug did not panic")
				}
			}()
			f()
		}()
	}
}

func TestLstsq(t *testing.T) {
	for i, tc := range []struct {
		name string
		x    [][]float64
		y    []float64
		want []float64
	}{
		// np.linalg.lstsq(np.column_stack([np.ones(5), [0,1,2,3,4]]), [1.1,1.9,3.2,3.9,5.1], rcond=None)[0]
		{"line", [][]float64{{1, 0}, {1, 1}, {1, 2}, {1, 3}, {1, 4}}, []float64{1.1, 1.9, 3.2, 3.9, 5.1},
			[]float64{1.0399999999999994, 1.0000000000000002}},
		// np.linalg.lstsq(np.array([[1,2],[2,4],[3,6]], float), [1,2,2], rcond=None)[0]: rank 1, minimum norm.
		{"rank 1", [][]float64{{1, 2}, {2, 4}, {3, 6}}, []float64{1, 2, 2},
			[]float64{0.1571428571428571, 0.3142857142857143}},
		// np.linalg.lstsq(np.array([[1,0,0],[1,1,1],[1,2,2],[1,3,3]], float), [1,3,2,5], rcond=None)[0]: a repeated column.
		{"repeated column", [][]float64{{1, 0, 0}, {1, 1, 1}, {1, 2, 2}, {1, 3, 3}}, []float64{1, 3, 2, 5},
			[]float64{1.0999999999999994, 0.5499999999999999, 0.55}},
		// np.linalg.lstsq(np.array([[1,2,3]], float), [6], rcond=None)[0]: underdetermined.
		{"underdetermined", [][]float64{{1, 2, 3}}, []float64{6},
			[]float64{0.4285714285714286, 0.8571428571428572, 1.285714285714286}},
	} {
		got, err := Lstsq(dense(tc.x), tc.y)
		if err != nil || !sameSlice(got, tc.want, 1e-12) {
			t.Errorf("%d %s: Lstsq(%v, %v) = %v, %v, want %v", i, tc.name, tc.x, tc.y, got, err, tc.want)
		}
	}
	if _, err := Lstsq(dense([][]float64{{1}, {2}}), []float64{1, math.NaN()}); !errors.Is(err, ErrNotFinite) {
		t.Errorf("Lstsq(y with NaN) error = %v, want ErrNotFinite", err)
	}
}

func TestCond(t *testing.T) {
	inf := math.Inf(1)
	for i, tc := range []struct {
		name string
		a    [][]float64
		want float64
		tol  float64
	}{
		// np.linalg.cond(np.array([[1,2],[3,4]], float))
		{"2×2", [][]float64{{1, 2}, {3, 4}}, 14.933034373659268, 1e-12},
		// np.linalg.cond(np.array([[1,2],[3,4],[5,6]], float))
		{"3×2", [][]float64{{1, 2}, {3, 4}, {5, 6}}, 18.521305341258135, 1e-12},
		// np.linalg.cond(scipy.linalg.hilbert(5))
		{"Hilbert 5", [][]float64{
			{1, 1. / 2, 1. / 3, 1. / 4, 1. / 5}, {1. / 2, 1. / 3, 1. / 4, 1. / 5, 1. / 6},
			{1. / 3, 1. / 4, 1. / 5, 1. / 6, 1. / 7}, {1. / 4, 1. / 5, 1. / 6, 1. / 7, 1. / 8},
			{1. / 5, 1. / 6, 1. / 7, 1. / 8, 1. / 9}}, 476607.2502425855, 1e-9},
		// np.linalg.cond(np.array([[1,1],[1,1+1e-10]])): σmin is 1e-10 relative,
		// itself known to about 6 digits.
		{"ill-conditioned", [][]float64{{1, 1}, {1, 1 + 1e-10}}, 3.9999947702450424e+10, 1e-5},
		// np.linalg.cond(np.array([[1,2],[2,4]], float)) is 2.517588727560788e+16:
		// σmin is rounding noise, which Cond calls singular.
		{"singular", [][]float64{{1, 2}, {2, 4}}, inf, 0},
		// np.linalg.cond(np.array([[1,2,3],[4,5,6],[7,8,9]], float)) is 3.8e16 for the same reason.
		{"rank 2 of 3", [][]float64{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}, inf, 0},
		{"zero", [][]float64{{0, 0}, {0, 0}}, inf, 0},
	} {
		got := Cond(dense(tc.a))
		if !scalar.EqualWithinAbsOrRel(got, tc.want, tc.tol, tc.tol) {
			t.Errorf("%d %s: Cond(%v) = %v, want %v", i, tc.name, tc.a, got, tc.want)
		}
	}
	if got := Cond(dense([][]float64{{math.NaN(), 1}})); !math.IsNaN(got) {
		t.Errorf("Cond(NaN) = %v, want NaN", got)
	}
}

func TestFitLine(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for i, tc := range []struct {
		name string
		x, y []float64
		want LineFit
		tol  float64
	}{
		// b = np.linalg.lstsq(X, y, rcond=None)[0] with X = np.column_stack([np.ones(5), x]);
		// res = y - X@b; rss = res@res; r2 = 1 - rss/((y-y.mean())@(y-y.mean()));
		// np.linalg.cond(X); X.T@X; X.T@y.
		{"line", []float64{0, 1, 2, 3, 4}, []float64{1.1, 1.9, 3.2, 3.9, 5.1},
			LineFit{Beta0: 1.0399999999999994, Beta1: 1.0000000000000002, RSS: 0.07200000000000002,
				R2: 0.9928514694201748, Rank: 2, Cond: 4.738720018687269,
				XtX: [2][2]float64{{5, 10}, {10, 30}}, XtY: [2]float64{15.2, 40.4}}, 1e-12},
		// The same with x = [2,2,2], y = [1,2,4]: rank 1, minimum-norm β, R² = 0
		// because the fitted values are ȳ.
		{"all x equal", []float64{2, 2, 2}, []float64{1, 2, 4},
			LineFit{Beta0: 0.46666666666666684, Beta1: 0.9333333333333337, RSS: 4.666666666666666,
				R2: 0, Rank: 1, Cond: inf,
				XtX: [2][2]float64{{3, 6}, {6, 12}}, XtY: [2]float64{7, 14}}, 1e-12},
		// x = 1000 + np.arange(6)*0.001, y = [1.0,1.2,1.1,1.5,1.4,1.7]: cond(X) ≈ 5.9e8,
		// X.T@X, X.T@y; numpy gives β = [-128570.43334150228, 128.57142857959747] (exact, by sympy:
		// -128570.4333333…, 128.5714285714…); both agree to about 1e-10.
		{"ill-conditioned", []float64{1000, 1000.001, 1000.002, 1000.003, 1000.004, 1000.005},
			[]float64{1.0, 1.2, 1.1, 1.5, 1.4, 1.7},
			LineFit{Beta0: -128570.43333333333, Beta1: 128.57142857142857, RSS: 0.05904761904554018,
				R2: 0.8304853041754827, Rank: 2, Cond: 585543557.0492806,
				XtX: [2][2]float64{{6, 6000.015}, {6000.015, 6000030.000055}}, XtY: [2]float64{7.9, 7900.022}}, 1e-6},
		{"all y equal", []float64{0, 1, 2}, []float64{3, 3, 3},
			LineFit{Beta0: 3, Beta1: 0, RSS: 0, R2: nan, Rank: 2, Cond: Cond(dense([][]float64{{1, 0}, {1, 1}, {1, 2}})),
				XtX: [2][2]float64{{3, 3}, {3, 5}}, XtY: [2]float64{9, 9}}, 1e-12},
		{"one point", []float64{2}, []float64{5},
			LineFit{Beta0: 1, Beta1: 2, RSS: 0, R2: nan, Rank: 1, Cond: inf,
				XtX: [2][2]float64{{1, 2}, {2, 4}}, XtY: [2]float64{5, 10}}, 1e-12},
	} {
		got, err := FitLine(tc.x, tc.y)
		if err != nil {
			t.Errorf("%d %s: FitLine error %v", i, tc.name, err)
			continue
		}
		w := tc.want
		eq := func(a, b float64) bool {
			if math.IsNaN(b) {
				return math.IsNaN(a)
			}
			return a == b || scalar.EqualWithinAbsOrRel(a, b, tc.tol, tc.tol)
		}
		ok := eq(got.Beta0, w.Beta0) && eq(got.Beta1, w.Beta1) && eq(got.RSS, w.RSS) &&
			eq(got.R2, w.R2) && got.Rank == w.Rank && eq(got.Cond, w.Cond) &&
			eq(got.XtY[0], w.XtY[0]) && eq(got.XtY[1], w.XtY[1])
		for r := range 2 {
			for c := range 2 {
				ok = ok && eq(got.XtX[r][c], w.XtX[r][c])
			}
		}
		if !ok {
			t.Errorf("%d %s: FitLine(%v, %v) = %+v, want %+v", i, tc.name, tc.x, tc.y, got, w)
		}
	}
}

// Rounding must never hide that x is constant: over many values and sizes
// the fit stays rank 1 with finite β and fitted values ȳ.
func TestFitLineConstantX(t *testing.T) {
	for _, c := range []float64{0, 0.1, 0.3, 1, 2.7, -4.9, 10, 123.456} {
		for n := 2; n <= 200; n += 9 {
			x := make([]float64, n)
			y := make([]float64, n)
			var mean float64
			for i := range x {
				x[i] = c
				y[i] = float64(i%7) * 0.3
				mean += y[i] / float64(n)
			}
			f, err := FitLine(x, y)
			if err != nil || f.Rank != 1 || math.IsInf(f.Beta0, 0) || math.IsNaN(f.Beta1) {
				t.Errorf("FitLine(x = %v ×%d) = %+v, %v, want rank 1", c, n, f, err)
				continue
			}
			if fit := f.Beta0 + f.Beta1*c; !scalar.EqualWithinAbsOrRel(fit, mean, 1e-9, 1e-9) {
				t.Errorf("FitLine(x = %v ×%d) fits %v, want ȳ = %v", c, n, fit, mean)
			}
		}
	}
}

func TestFitLineErrors(t *testing.T) {
	if _, err := FitLine([]float64{0, 1}, []float64{1, math.Inf(1)}); !errors.Is(err, ErrNotFinite) {
		t.Errorf("FitLine(y with Inf) error = %v, want ErrNotFinite", err)
	}
	if _, err := FitLine([]float64{math.NaN(), 1}, []float64{1, 2}); !errors.Is(err, ErrNotFinite) {
		t.Errorf("FitLine(x with NaN) error = %v, want ErrNotFinite", err)
	}
}

func BenchmarkFitLine200(b *testing.B) {
	x := make([]float64, 200)
	y := make([]float64, 200)
	for i := range x {
		x[i] = float64(i) / 20
		y[i] = 0.8*x[i] + 1 + math.Sin(float64(i))
	}
	for b.Loop() {
		if _, err := FitLine(x, y); err != nil {
			b.Fatal(err)
		}
	}
}
