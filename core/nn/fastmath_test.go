package nn

import (
	"math"
	"runtime"
	"testing"
)

// exp and tanh are math.Exp and math.Tanh: bit for bit under
// WebAssembly (the same pure-Go algorithms), within 2 ulp elsewhere
// (amd64's math.Exp is assembly, another algorithm with an error of its
// own), special values included.
func TestFastMath(t *testing.T) {
	ulps := 2.0
	if runtime.GOARCH == "wasm" {
		ulps = 0
	}
	check := func(name string, got, want float64, x float64) {
		t.Helper()
		if got == want || math.IsNaN(got) && math.IsNaN(want) {
			return
		}
		ulp := math.Abs(math.Nextafter(want, math.Inf(1)) - want)
		if !(math.Abs(got-want) <= ulps*ulp) {
			t.Errorf("%s(%v) = %v, want %v", name, x, got, want)
		}
	}
	xs := []float64{0, math.Copysign(0, -1), 1e-300, -1e-9, 0.625, -0.625, 0.6249999, 44, 44.01, 100,
		-707.9, -708, -708.1, 708.9, 709, 709.7, 710, -745, -746, math.Inf(1), math.Inf(-1), math.NaN()}
	for i := -200000; i <= 200000; i++ {
		xs = append(xs, float64(i)*3.7e-4, float64(i)*3.55e-3)
	}
	for _, x := range xs {
		check("exp", exp(x), math.Exp(x), x)
		check("tanh", tanh(x), math.Tanh(x), x)
	}
	if got := tanh(math.Copysign(0, -1)); !math.Signbit(got) {
		t.Errorf("tanh(−0) = %v, want −0", got)
	}
}

// BenchmarkExp compares exp with math.Exp over 10,000 values in [−8, 8].
func BenchmarkExp(b *testing.B) {
	x := make([]float64, 10000)
	for p := range x {
		x[p] = float64(p%1600)/100 - 8
	}
	y := make([]float64, len(x))
	for _, f := range []struct {
		name string
		f    func(float64) float64
	}{{"exp", exp}, {"math.Exp", math.Exp}, {"tanh", tanh}, {"math.Tanh", math.Tanh}} {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				for p, v := range x {
					y[p] = f.f(v)
				}
			}
		})
	}
}
