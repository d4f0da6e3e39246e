package linalg

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// singularTol is the relative size of det A below which Inv2 calls a 2×2
// matrix singular: |det A| ≤ singularTol·‖A‖²_F. For 2×2 matrices
// |det A|/‖A‖²_F ≈ σmin/σmax, so this means a condition number beyond about
// 10¹², far above rounding of one-decimal entries (≈10⁻¹⁶) and far below the
// smallest such determinant that is not zero (0.01/36 for entries in [-3, 3]).
const singularTol = 1e-12

// Det2 returns the determinant a₁₁a₂₂ − a₁₂a₂₁.
func Det2(a [2][2]float64) float64 {
	return a[0][0]*a[1][1] - a[0][1]*a[1][0]
}

// Trace2 returns a₁₁ + a₂₂.
func Trace2(a [2][2]float64) float64 { return a[0][0] + a[1][1] }

// Singular2 reports whether a is singular to working precision:
// |det A| ≤ 10⁻¹²·‖A‖²_F (the zero matrix included).
func Singular2(a [2][2]float64) bool {
	f2 := a[0][0]*a[0][0] + a[0][1]*a[0][1] + a[1][0]*a[1][0] + a[1][1]*a[1][1]
	return math.Abs(Det2(a)) <= singularTol*f2
}

// Inv2 returns A⁻¹ = (1/det A)·[[a₂₂, −a₁₂], [−a₂₁, a₁₁]]. ok is false, and
// inv zero, when a is singular in the sense of Singular2.
func Inv2(a [2][2]float64) (inv [2][2]float64, ok bool) {
	if Singular2(a) {
		return inv, false
	}
	d := Det2(a)
	return [2][2]float64{
		{a[1][1] / d, -a[0][1] / d},
		{-a[1][0] / d, a[0][0] / d},
	}, true
}

// Mul2 returns the product A·x.
func Mul2(a [2][2]float64, x [2]float64) [2]float64 {
	return [2]float64{a[0][0]*x[0] + a[0][1]*x[1], a[1][0]*x[0] + a[1][1]*x[1]}
}

// Eig2 returns the eigenvalues of a and, when they are real, unit
// eigenvectors: A·v1 = l1·v1 and A·v2 = l2·v2.
//
// Real eigenvalues come largest first; a complex pair comes with the
// positive imaginary part first, and then v1 and v2 are zero and isReal is
// false. Each eigenvector is scaled to length 1 with its larger component
// positive. A repeated eigenvalue λ has either every direction as an
// eigenvector (A = λI: v1 = e₁, v2 = e₂) or a single one (a defective
// matrix such as a shear: v1 = v2).
//
// The eigenvalues are λ = tr/2 ± √disc with disc = ((a₁₁−a₂₂)/2)² + a₁₂a₂₁.
// Whether disc is positive, zero or negative is decided with a tolerance
// of 16ε relative to the terms that make it up, so that rounding of the
// entries never turns a repeated eigenvalue into a complex pair with a tiny
// imaginary part. Otherwise the values and vectors come from gonum's
// mat.Eigen (LAPACK dgeev).
func Eig2(a [2][2]float64) (l1, l2 complex128, v1, v2 [2]float64, isReal bool) {
	p := (a[0][0] - a[1][1]) / 2
	q := a[0][1] * a[1][0]
	disc := p*p + q
	tol := 16 * eps * (math.Abs(p)*(math.Abs(a[0][0])+math.Abs(a[1][1])) + p*p + math.Abs(q))
	if math.Abs(disc) > tol {
		var e mat.Eigen
		if e.Factorize(mat.NewDense(2, 2, []float64{a[0][0], a[0][1], a[1][0], a[1][1]}), mat.EigenRight) {
			vals := e.Values(nil)
			lapackReal := imag(vals[0]) == 0 && imag(vals[1]) == 0
			// LAPACK decides real or complex with its own rounding; past the
			// tolerance it agrees with the sign of disc. Should it not, the
			// eigenvalue is numerically repeated: fall through to that case.
			switch {
			case disc < 0 && !lapackReal:
				if imag(vals[0]) < 0 {
					vals[0], vals[1] = vals[1], vals[0]
				}
				return vals[0], vals[1], v1, v2, false
			case disc > 0 && lapackReal:
				var vecs mat.CDense
				e.VectorsTo(&vecs)
				i, j := 0, 1
				if real(vals[1]) > real(vals[0]) {
					i, j = 1, 0
				}
				v1 = unit(real(vecs.At(0, i)), real(vecs.At(1, i)))
				v2 = unit(real(vecs.At(0, j)), real(vecs.At(1, j)))
				return vals[i], vals[j], v1, v2, true
			}
		}
	}
	// Repeated eigenvalue λ = tr/2: the eigenvectors span the null space of
	// A − λI, all of the plane if it is zero, else the line orthogonal to its
	// larger row.
	lam := (a[0][0] + a[1][1]) / 2
	m := [2][2]float64{{a[0][0] - lam, a[0][1]}, {a[1][0], a[1][1] - lam}}
	scale := math.Max(math.Max(math.Abs(a[0][0]), math.Abs(a[0][1])), math.Max(math.Abs(a[1][0]), math.Abs(a[1][1])))
	r := m[0]
	if math.Hypot(m[1][0], m[1][1]) > math.Hypot(r[0], r[1]) {
		r = m[1]
	}
	if math.Hypot(r[0], r[1]) <= 64*eps*scale {
		return complex(lam, 0), complex(lam, 0), [2]float64{1, 0}, [2]float64{0, 1}, true
	}
	v1 = unit(-r[1], r[0])
	return complex(lam, 0), complex(lam, 0), v1, v1, true
}

// unit scales (x, y) to length 1 with its larger component positive.
func unit(x, y float64) [2]float64 {
	h := math.Hypot(x, y)
	if math.Abs(y) > math.Abs(x) {
		h = math.Copysign(h, y)
	} else {
		h = math.Copysign(h, x)
	}
	return [2]float64{x / h, y / h}
}
