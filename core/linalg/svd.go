package linalg

import (
	"errors"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Errors for runtime conditions; caller bugs panic instead.
var (
	// ErrNotFinite is returned when an input holds NaN or ±Inf.
	ErrNotFinite = errors.New("linalg: input has NaN or infinite entries")
	// ErrSVD is returned when the singular value decomposition fails to
	// converge.
	ErrSVD = errors.New("linalg: SVD did not converge")
)

const (
	eps         = 0x1p-52 // float64 machine epsilon, numpy.finfo(float64).eps
	badRcond    = "linalg: rcond must be a non-negative number"
	badLength   = "linalg: length mismatch"
	emptyInputs = "linalg: no data"
)

// DefaultRcond is numpy.linalg.lstsq's default cut-off for an m×n matrix:
// singular values at most max(m, n)·ε·σmax count as zero.
func DefaultRcond(m, n int) float64 { return float64(max(m, n)) * eps }

// Pinv stores in dst the Moore–Penrose pseudo-inverse A⁺ of the m×n matrix
// a, an n×m matrix: with the thin SVD A = UΣVᵀ, A⁺ = VΣ⁺Uᵀ, where Σ⁺ inverts
// the singular values σ > rcond·σmax and sets the others to zero (numpy's
// pinv keeps the same σ). A zero matrix has the zero matrix as its inverse.
//
// Pinv panics if rcond is negative or NaN, or if dst is non-empty and not
// n×m. It returns ErrNotFinite or ErrSVD, leaving dst unchanged, when the
// decomposition cannot be made.
func Pinv(dst *mat.Dense, a mat.Matrix, rcond float64) error {
	_, err := pinv(dst, a, rcond)
	return err
}

// pinv is Pinv that also returns the singular values, largest first.
func pinv(dst *mat.Dense, a mat.Matrix, rcond float64) ([]float64, error) {
	if !(rcond >= 0) {
		panic(badRcond)
	}
	s, u, v, err := thinSVD(a)
	if err != nil {
		return nil, err
	}
	n, k := v.Dims()
	cut := rcond * s[0]
	// V·Σ⁺ scales column j of V by 1/σⱼ, or zeroes it.
	for j, sj := range s[:k] {
		f := 0.0
		if sj > cut {
			f = 1 / sj
		}
		for i := range n {
			v.Set(i, j, v.At(i, j)*f)
		}
	}
	dst.Mul(v, u.T())
	return s, nil
}

// thinSVD factorizes a after checking that its entries are finite (LAPACK
// has no defined answer for NaN).
func thinSVD(a mat.Matrix) (s []float64, u, v *mat.Dense, err error) {
	if !finite(a) {
		return nil, nil, nil, ErrNotFinite
	}
	var svd mat.SVD
	if !svd.Factorize(a, mat.SVDThin) {
		return nil, nil, nil, ErrSVD
	}
	u, v = new(mat.Dense), new(mat.Dense)
	svd.UTo(u)
	svd.VTo(v)
	return svd.Values(nil), u, v, nil
}

func finite(a mat.Matrix) bool {
	r, c := a.Dims()
	for i := range r {
		for j := range c {
			x := a.At(i, j)
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return false
			}
		}
	}
	return true
}

// Lstsq returns the minimum-norm least-squares solution β = X⁺y of Xβ ≈ y,
// with the pseudo-inverse cut at DefaultRcond; it is what
// numpy.linalg.lstsq(X, y, rcond=None)[0] computes. When X has full column
// rank this is the unique minimiser of ‖Xβ − y‖²; otherwise it is the
// minimiser of smallest ‖β‖.
//
// Lstsq panics if len(y) is not the number of rows of x.
func Lstsq(x mat.Matrix, y []float64) (beta []float64, err error) {
	m, n := x.Dims()
	if len(y) != m {
		panic(badLength)
	}
	for _, f := range y {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, ErrNotFinite
		}
	}
	var p mat.Dense
	if _, err := pinv(&p, x, DefaultRcond(m, n)); err != nil {
		return nil, err
	}
	beta = make([]float64, n)
	mat.NewVecDense(n, beta).MulVec(&p, mat.NewVecDense(m, y))
	return beta, nil
}

// Cond returns the 2-norm condition number σmax/σmin of a (over its
// min(m, n) singular values, as numpy.linalg.cond(a) does). It is +Inf
// when a is singular, that is when σmin ≤ DefaultRcond·σmax (numpy then
// returns a huge finite number or inf, depending on rounding), and NaN when
// a has non-finite entries or the SVD fails.
func Cond(a mat.Matrix) float64 {
	if !finite(a) {
		return math.NaN()
	}
	var svd mat.SVD
	if !svd.Factorize(a, mat.SVDNone) {
		return math.NaN()
	}
	m, n := a.Dims()
	return cond(svd.Values(nil), DefaultRcond(m, n))
}

func cond(s []float64, rcond float64) float64 {
	lo := s[len(s)-1]
	if lo <= rcond*s[0] {
		return math.Inf(1)
	}
	return s[0] / lo
}

// LineFit is the least-squares line y ≈ β₀ + β₁x through points (xᵢ, yᵢ):
// β = X⁺y for the design matrix X with rows [1, xᵢ].
type LineFit struct {
	Beta0, Beta1 float64
	// RSS is the residual sum of squares Σ(yᵢ − β₀ − β₁xᵢ)².
	RSS float64
	// R2 is the coefficient of determination 1 − RSS/TSS, with
	// TSS = Σ(yᵢ − ȳ)²; NaN when every yᵢ is the same (TSS = 0).
	R2 float64
	// Rank is the rank of X: 2, or 1 when every xᵢ is the same (the line's
	// slope is then not determined and β is the minimum-norm solution).
	Rank int
	// Cond is the condition number of X, +Inf when Rank < 2.
	Cond float64
	// XtX and XtY are the two sides of the normal equations XᵀXβ = Xᵀy:
	// XᵀX = [[n, Σx], [Σx, Σx²]], Xᵀy = [Σy, Σxy].
	XtX [2][2]float64
	XtY [2]float64
}

// FitLine fits y ≈ β₀ + β₁x by least squares through the pseudo-inverse.
// It panics if x and y differ in length or are empty, and returns
// ErrNotFinite or ErrSVD when the fit cannot be made.
func FitLine(x, y []float64) (LineFit, error) {
	n := len(x)
	if len(y) != n {
		panic(badLength)
	}
	if n == 0 {
		panic(emptyInputs)
	}
	var f LineFit
	X := mat.NewDense(n, 2, nil)
	constX := true
	for i, xi := range x {
		X.Set(i, 0, 1)
		X.Set(i, 1, xi)
		constX = constX && xi == x[0]
		f.XtX[0][1] += xi
		f.XtX[1][1] += xi * xi
		f.XtY[0] += y[i]
		f.XtY[1] += xi * y[i]
	}
	f.XtX[0][0] = float64(n)
	f.XtX[1][0] = f.XtX[0][1]

	rcond := DefaultRcond(n, 2)
	if constX {
		// The columns [1] and [c] are exactly parallel; make sure rounding in
		// the SVD cannot leave a tiny σ₂ that would blow β up.
		rcond = math.Max(rcond, 1e-8)
	}
	for _, yi := range y {
		if math.IsNaN(yi) || math.IsInf(yi, 0) {
			return LineFit{}, ErrNotFinite
		}
	}
	var p mat.Dense
	s, err := pinv(&p, X, rcond)
	if err != nil {
		return LineFit{}, err
	}
	for i, yi := range y {
		f.Beta0 += p.At(0, i) * yi
		f.Beta1 += p.At(1, i) * yi
	}
	f.Rank = 2
	f.Cond = cond(s, rcond)
	if len(s) < 2 || math.IsInf(f.Cond, 1) {
		f.Rank = 1
		f.Cond = math.Inf(1)
	}

	mean := f.XtY[0] / float64(n)
	var tss float64
	constY := true
	for i, yi := range y {
		r := yi - f.Beta0 - f.Beta1*x[i]
		f.RSS += r * r
		d := yi - mean
		tss += d * d
		constY = constY && yi == y[0]
	}
	if constY {
		f.R2 = math.NaN()
	} else {
		f.R2 = 1 - f.RSS/tss
	}
	return f, nil
}
