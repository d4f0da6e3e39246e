package linalg

import (
	"math"
	"math/cmplx"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

func TestDet2Inv2(t *testing.T) {
	for i, tc := range []struct {
		a    [2][2]float64
		det  float64
		inv  [2][2]float64
		ok   bool
		note string
	}{
		// np.linalg.det(A), np.linalg.inv(A) for each A below.
		{[2][2]float64{{2, 1}, {0.5, 1.5}}, 2.5, [2][2]float64{{0.6, -0.4}, {-0.2, 0.8}}, true, ""},
		{[2][2]float64{{1, 2}, {3, 4}}, -2.0000000000000004,
			[2][2]float64{{-1.9999999999999996, 0.9999999999999998}, {1.4999999999999998, -0.4999999999999999}}, true, ""},
		{[2][2]float64{{0, -1}, {1, 0}}, 1, [2][2]float64{{0, 1}, {-1, 0}}, true, "rotation"},
		{[2][2]float64{{-1.5, 0.3}, {2.2, 0.7}}, -1.7099999999999997,
			[2][2]float64{{-0.40935672514619886, 0.17543859649122806}, {1.2865497076023393, 0.8771929824561404}}, true, ""},
		// np.linalg.det([[0.3,0.6],[0.1,0.2]]) is 0.0 and np.linalg.inv raises
		// "Singular matrix"; the rounded product can leave ~1e-18 here.
		{[2][2]float64{{0.3, 0.6}, {0.1, 0.2}}, 0, [2][2]float64{}, false, "singular, one decimal"},
		{[2][2]float64{{1, 2}, {2, 4}}, 0, [2][2]float64{}, false, "singular"},
		{[2][2]float64{{0, 0}, {0, 0}}, 0, [2][2]float64{}, false, "zero"},
		// Tiny but well-conditioned: invertible, whatever its scale.
		{[2][2]float64{{1e-20, 0}, {0, 1e-20}}, 1e-40, [2][2]float64{{1e20, 0}, {0, 1e20}}, true, "tiny"},
	} {
		if got := Det2(tc.a); !scalar.EqualWithinAbsOrRel(got, tc.det, 1e-15, 1e-12) {
			t.Errorf("%d %s: Det2(%v) = %v, want %v", i, tc.note, tc.a, got, tc.det)
		}
		inv, ok := Inv2(tc.a)
		if ok != tc.ok {
			t.Errorf("%d %s: Inv2(%v) ok = %v, want %v", i, tc.note, tc.a, ok, tc.ok)
			continue
		}
		for r := range 2 {
			for c := range 2 {
				if !scalar.EqualWithinAbsOrRel(inv[r][c], tc.inv[r][c], 1e-15, 1e-12) {
					t.Errorf("%d %s: Inv2(%v) = %v, want %v", i, tc.note, tc.a, inv, tc.inv)
				}
			}
		}
		if got := Singular2(tc.a); got == tc.ok {
			t.Errorf("%d %s: Singular2(%v) = %v, want %v", i, tc.note, tc.a, got, !tc.ok)
		}
	}
}

// Every one-decimal matrix with entries in [-3, 3] is classified as its
// exact value is: singular exactly when a₁₁a₂₂ = a₁₂a₂₁ in integers
// (entries scaled by 10).
func TestSingular2OneDecimal(t *testing.T) {
	for a := -30; a <= 30; a += 3 {
		for b := -30; b <= 30; b++ {
			for c := -30; c <= 30; c += 2 {
				for d := -30; d <= 30; d++ {
					m := [2][2]float64{{float64(a) / 10, float64(b) / 10}, {float64(c) / 10, float64(d) / 10}}
					if got, want := Singular2(m), a*d == b*c; got != want {
						t.Fatalf("Singular2(%v) = %v, want %v", m, got, want)
					}
				}
			}
		}
	}
}

func TestMul2Trace2(t *testing.T) {
	a := [2][2]float64{{2, 1}, {0.5, 1.5}}
	if got, want := Mul2(a, [2]float64{-1, 0.5}), [2]float64{-1.5, 0.25}; got != want {
		t.Errorf("Mul2(%v, [-1 0.5]) = %v, want %v", a, got, want)
	}
	if got := Trace2(a); got != 3.5 {
		t.Errorf("Trace2(%v) = %v, want 3.5", a, got)
	}
}

func TestEig2(t *testing.T) {
	s := math.Sqrt2 / 2
	for i, tc := range []struct {
		name   string
		a      [2][2]float64
		l1, l2 complex128
		v1, v2 [2]float64 // up to sign, as numpy's columns
		real   bool
	}{
		// w, v = np.linalg.eig(A) for each A below; v's columns are compared up to sign.
		{"distinct", [2][2]float64{{2, 1}, {0.5, 1.5}}, 2.5, 1,
			[2]float64{0.8944271909999159, 0.4472135954999579}, [2]float64{-s, s}, true},
		{"singular", [2][2]float64{{1, 2}, {2, 4}}, 5, 0,
			[2]float64{-0.4472135954999579, -0.8944271909999159}, [2]float64{-0.8944271909999159, 0.4472135954999579}, true},
		{"negative", [2][2]float64{{1, 2}, {3, 4}}, 5.372281323269014, -0.3722813232690143,
			[2]float64{-0.4159735579192842, -0.9093767091321241}, [2]float64{-0.8245648401323938, 0.5657674649689923}, true},
		{"reflection", [2][2]float64{{0, 1}, {1, 0}}, 1, -1, [2]float64{s, s}, [2]float64{-s, s}, true},
		{"rotation", [2][2]float64{{0, -1}, {1, 0}}, 1i, -1i, [2]float64{}, [2]float64{}, false},
		{"rotation-scaling", [2][2]float64{{0.5, -0.8}, {0.8, 0.5}}, 0.5 + 0.7999999999999999i, 0.5 - 0.7999999999999999i,
			[2]float64{}, [2]float64{}, false},
		// numpy returns two parallel columns [1, 0] and [-1, 2.2e-16]: one direction.
		{"shear", [2][2]float64{{1, 1}, {0, 1}}, 1, 1, [2]float64{1, 0}, [2]float64{1, 0}, true},
		{"scalar", [2][2]float64{{2, 0}, {0, 2}}, 2, 2, [2]float64{1, 0}, [2]float64{0, 1}, true},
		{"zero", [2][2]float64{}, 0, 0, [2]float64{1, 0}, [2]float64{0, 1}, true},
		// Exact discriminant 0.1² − 0.1·0.1 = 0: numpy gives w = [1.1, 1.1] and
		// nearly opposite columns ±[0.7071, -0.7071]. Rounding of the entries
		// must not make it a complex pair.
		{"repeated, one decimal", [2][2]float64{{1.2, 0.1}, {-0.1, 1.0}}, 1.1, 1.1,
			[2]float64{s, -s}, [2]float64{s, -s}, true},
		// Close but distinct eigenvalues stay distinct (numpy: w = [1, 1.00000001]).
		{"close", [2][2]float64{{1, 0}, {0, 1 + 1e-8}}, 1 + 1e-8, 1, [2]float64{0, 1}, [2]float64{1, 0}, true},
	} {
		l1, l2, v1, v2, isReal := Eig2(tc.a)
		if isReal != tc.real {
			t.Errorf("%d %s: Eig2(%v) real = %v, want %v", i, tc.name, tc.a, isReal, tc.real)
			continue
		}
		if cmplx.Abs(l1-tc.l1) > 1e-12 || cmplx.Abs(l2-tc.l2) > 1e-12 {
			t.Errorf("%d %s: Eig2(%v) = %v, %v, want %v, %v", i, tc.name, tc.a, l1, l2, tc.l1, tc.l2)
		}
		for k, c := range []struct {
			l         complex128
			got, want [2]float64
		}{{l1, v1, tc.v1}, {l2, v2, tc.v2}} {
			if !isReal {
				if c.got != ([2]float64{}) {
					t.Errorf("%d %s: Eig2(%v) v%d = %v, want zero for complex eigenvalues", i, tc.name, tc.a, k+1, c.got)
				}
				continue
			}
			same := math.Abs(c.got[0]-c.want[0]) < 1e-9 && math.Abs(c.got[1]-c.want[1]) < 1e-9
			flip := math.Abs(c.got[0]+c.want[0]) < 1e-9 && math.Abs(c.got[1]+c.want[1]) < 1e-9
			if !same && !flip {
				t.Errorf("%d %s: Eig2(%v) v%d = %v, want ±%v", i, tc.name, tc.a, k+1, c.got, c.want)
			}
			av := Mul2(tc.a, c.got)
			if math.Abs(av[0]-real(c.l)*c.got[0]) > 1e-12 || math.Abs(av[1]-real(c.l)*c.got[1]) > 1e-12 {
				t.Errorf("%d %s: A·v%d = %v, want λ·v = %v·%v", i, tc.name, k+1, av, c.l, c.got)
			}
			if n := math.Hypot(c.got[0], c.got[1]); math.Abs(n-1) > 1e-14 {
				t.Errorf("%d %s: ‖v%d‖ = %v, want 1", i, tc.name, k+1, n)
			}
		}
	}
}

// Over every one-decimal matrix with entries in [-3, 3] (a coarse sample),
// Eig2 is classified as the exact discriminant says, and its eigenpairs hold.
func TestEig2OneDecimal(t *testing.T) {
	for a := -30; a <= 30; a += 2 {
		for b := -30; b <= 30; b += 3 {
			for c := -30; c <= 30; c += 3 {
				for d := -30; d <= 30; d += 2 {
					m := [2][2]float64{{float64(a) / 10, float64(b) / 10}, {float64(c) / 10, float64(d) / 10}}
					// 400·disc = (a−d)² + 4bc in integers.
					disc := (a-d)*(a-d) + 4*b*c
					l1, l2, v1, v2, isReal := Eig2(m)
					if isReal != (disc >= 0) {
						t.Fatalf("Eig2(%v) real = %v, want %v", m, isReal, disc >= 0)
					}
					if disc == 0 && l1 != l2 {
						t.Fatalf("Eig2(%v) = %v, %v, want a repeated eigenvalue", m, l1, l2)
					}
					if disc < 0 && (imag(l1) <= 0 || l2 != cmplx.Conj(l1)) {
						t.Fatalf("Eig2(%v) = %v, %v, want a conjugate pair, positive imaginary part first", m, l1, l2)
					}
					if !isReal {
						continue
					}
					if real(l1) < real(l2) {
						t.Fatalf("Eig2(%v) = %v, %v, want the larger first", m, l1, l2)
					}
					for _, p := range []struct {
						l complex128
						v [2]float64
					}{{l1, v1}, {l2, v2}} {
						av := Mul2(m, p.v)
						if math.Abs(av[0]-real(p.l)*p.v[0]) > 1e-7 || math.Abs(av[1]-real(p.l)*p.v[1]) > 1e-7 {
							t.Fatalf("Eig2(%v): A·v = %v, want %v·%v", m, av, p.l, p.v)
						}
					}
				}
			}
		}
	}
}
