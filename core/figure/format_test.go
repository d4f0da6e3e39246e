package figure

import (
	"math"
	"testing"
)

func TestNum(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{
		{0, "0"}, {math.Copysign(0, -1), "0"}, {1, "1"}, {-2.5, "−2.5"}, {1.0 / 3, "0.3333"},
		{12345, "12345"}, {123456, "1.23e5"}, {0.0001234, "1.23e-4"}, {1e-14, "0"},
		{math.NaN(), "?"}, {math.Inf(1), "∞"}, {math.Inf(-1), "−∞"}, {-0.001, "−0.001"},
	} {
		if got := Num(c.x); got != c.want {
			t.Errorf("Num(%v) = %q, want %q", c.x, got, c.want)
		}
	}
}
