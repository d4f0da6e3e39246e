package figure

import (
	"math"
	"strconv"
	"strings"
)

// Num formats a number for a canvas label: four significant digits, an
// exponent for tiny or huge values, "?" for NaN, "∞" for infinities, a
// true minus sign and never a negative zero.
func Num(x float64) string {
	if math.IsNaN(x) {
		return "?"
	}
	if math.IsInf(x, 0) {
		if x > 0 {
			return "∞"
		}
		return "−∞"
	}
	a := math.Abs(x)
	var s string
	switch {
	case a < 5e-13:
		return "0"
	case a < 1e-3 || a >= 1e5:
		m, e, _ := strings.Cut(strconv.FormatFloat(a, 'e', 2, 64), "e")
		k, _ := strconv.Atoi(e)
		s = trimZeros(m) + "e" + strconv.Itoa(k)
	default:
		s = trimZeros(strconv.FormatFloat(a, 'g', 4, 64))
		if strings.Contains(s, "e") { // 'g' chose an exponent for 1e4 ≤ a < 1e5
			s = strconv.FormatFloat(a, 'f', 0, 64)
		}
	}
	if x < 0 {
		return "−" + s
	}
	return s
}
