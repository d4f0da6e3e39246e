package param

import (
	"math"
	"strconv"
)

// Snap rounds x to a multiple of step (a power of ten: 0.1, 0.01, 1) and
// returns the float64 of that decimal, so that a snapped value reads as
// typed in the URL (3·0.1 is 0.30000000000000004 in float64; Snap gives
// 0.3). It never returns a negative zero, which the URL would show as "-0".
func Snap(x, step float64) float64 {
	dec := max(0, int(math.Ceil(-math.Log10(step)-1e-9)))
	r, err := strconv.ParseFloat(strconv.FormatFloat(math.Round(x/step)*step, 'f', dec, 64), 64)
	if err != nil || r == 0 {
		return 0
	}
	return r
}
