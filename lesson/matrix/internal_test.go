package matrix

import (
	"math"
	"testing"

	"github.com/aimath/playground/core/figure"
)

// readoutText must read as web/util.js formatNumber does for numbers.
func TestReadoutText(t *testing.T) {
	for i, tc := range []struct {
		x    float64
		want string
	}{
		{0, "0"}, {1e-13, "0"}, {0.5, "0.5"}, {0.7999999999999999, "0.8"}, {-0.8660254037844386, "−0.866"},
		{2.5, "2.5"}, {3.14159265, "3.1416"}, {-12, "−12"}, {1.2e-7, "1.2e-7"}, {-3.5e9, "−3.5e9"}, {1e7, "1e7"},
	} {
		if got := readoutText(tc.x); got != tc.want {
			t.Errorf("%d: readoutText(%v) = %q, want %q", i, tc.x, got, tc.want)
		}
	}
}

func TestCanvasText(t *testing.T) {
	for i, tc := range []struct {
		x    float64
		want string
	}{
		{2.5, "2.5"}, {-1, "−1"}, {-0.001, "0"}, {1.005001, "1.01"}, {0.30000000000000004, "0.3"}, {-12.345, "−12.35"},
	} {
		if got := canvasText(tc.x); got != tc.want {
			t.Errorf("%d: canvasText(%v) = %q, want %q", i, tc.x, got, tc.want)
		}
	}
}

func TestRoundTo(t *testing.T) {
	for i, tc := range []struct {
		x, step, want float64
	}{
		{0.27, 0.1, 0.3}, {-0.04, 0.1, 0}, {1.234, 0.01, 1.23}, {-2.96, 0.1, -3}, {0.35, 0.01, 0.35}, {7.77, 1, 8},
	} {
		got := roundTo(tc.x, tc.step)
		if got != tc.want || math.Signbit(got) != math.Signbit(tc.want) {
			t.Errorf("%d: roundTo(%v, %v) = %v, want %v", i, tc.x, tc.step, got, tc.want)
		}
	}
}

func TestClipLine(t *testing.T) {
	r := figure.Rect{X0: -1, Y0: -1, X1: 1, Y1: 1}
	for i, tc := range []struct {
		p, dir [2]float64
		a, b   figure.Vec
		ok     bool
	}{
		{[2]float64{0, 0}, [2]float64{1, 0}, figure.Vec{X: -1}, figure.Vec{X: 1}, true},
		{[2]float64{0, 0.5}, [2]float64{2, 2}, figure.Vec{X: -1, Y: -0.5}, figure.Vec{X: 0.5, Y: 1}, true},
		{[2]float64{0, 3}, [2]float64{1, 0}, figure.Vec{}, figure.Vec{}, false},
		{[2]float64{0, 0}, [2]float64{0, 0}, figure.Vec{}, figure.Vec{}, false},
	} {
		a, b, ok := clipLine(tc.p, tc.dir, r)
		if ok != tc.ok || (ok && (math.Abs(a.X-tc.a.X) > 1e-12 || math.Abs(a.Y-tc.a.Y) > 1e-12 ||
			math.Abs(b.X-tc.b.X) > 1e-12 || math.Abs(b.Y-tc.b.Y) > 1e-12)) {
			t.Errorf("%d: clipLine(%v, %v) = %v, %v, %v, want %v, %v, %v", i, tc.p, tc.dir, a, b, ok, tc.a, tc.b, tc.ok)
		}
	}
}
