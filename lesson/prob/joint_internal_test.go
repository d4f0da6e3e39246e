package prob

import (
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distmv"
)

// TestBVNDensity: the closed form the raster uses agrees with scipy and
// with gonum's distmv.Normal.
func TestBVNDensity(t *testing.T) {
	// stats.multivariate_normal([0,0], [[1,0.6],[0.6,1]]).pdf([1,0.5])
	if got, want := bvnDensity(1, 0.5, 0.6), 0.11972641487750363; !scalar.EqualWithinAbsOrRel(got, want, 1e-14, 1e-14) {
		t.Errorf("bvnDensity(1, 0.5, 0.6) = %v, want %v", got, want)
	}
	for _, rho := range []float64{-0.99, -0.5, 0, 0.3, 0.95} {
		n, ok := distmv.NewNormal([]float64{0, 0}, mat.NewSymDense(2, []float64{1, rho, rho, 1}), nil)
		if !ok {
			t.Fatal("not positive definite")
		}
		for _, p := range [][2]float64{{0, 0}, {1, -2}, {-3.5, -3.9}, {2.2, 0.7}} {
			got, want := bvnDensity(p[0], p[1], rho), n.Prob(p[:])
			if !scalar.EqualWithinAbsOrRel(got, want, 1e-15, 1e-12) {
				t.Errorf("bvnDensity(%v, %v, ρ = %v) = %v, distmv %v", p[0], p[1], rho, got, want)
			}
		}
	}
}
