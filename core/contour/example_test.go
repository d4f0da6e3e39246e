package contour_test

import (
	"fmt"
	"math"

	"github.com/aimath/playground/core/contour"
	"github.com/aimath/playground/core/figure"
)

// Contours of the bowl x² + y² on a 41×41 grid over [-2, 2]²: one closed
// circle per level, of radius √level.
func ExampleLines() {
	r := figure.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}
	values := contour.Sample(nil, 41, 41, r, func(x, y float64) float64 { return x*x + y*y })
	for _, level := range []float64{0.5, 1, 2, 3} {
		lines := contour.Lines(values, 41, 41, r, level)
		line := lines[0]
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, p := range line {
			lo, hi = min(lo, math.Hypot(p.X, p.Y)), max(hi, math.Hypot(p.X, p.Y))
		}
		fmt.Printf("level %g: %d line, %d points, closed %v, radius %.3f to %.3f (√level %.3f)\n",
			level, len(lines), len(line), line[0] == line[len(line)-1], lo, hi, math.Sqrt(level))
	}
	// Output:
	// level 0.5: 1 line, 57 points, closed true, radius 0.705 to 0.707 (√level 0.707)
	// level 1: 1 line, 73 points, closed true, radius 0.999 to 1.000 (√level 1.000)
	// level 2: 1 line, 111 points, closed true, radius 1.413 to 1.414 (√level 1.414)
	// level 3: 1 line, 141 points, closed true, radius 1.731 to 1.732 (√level 1.732)
}

// Rosenbrock's banana spans four decades over the usual window: linear
// levels crowd the steep walls and miss the valley, geometric ones above
// the minimum show both.
func ExampleLogLevels() {
	r := figure.Rect{X0: -2, Y0: -1, X1: 2, Y1: 3}
	values := contour.Sample(nil, 200, 200, r, func(x, y float64) float64 {
		return (1-x)*(1-x) + 100*(y-x*x)*(y-x*x)
	})
	fmt.Println("linear:   ", contour.Levels(values, 8))
	fmt.Println("geometric:", contour.LogLevels(values, 8))
	// Output:
	// linear:    [500 1000 1500 2000 2500]
	// geometric: [0.01 0.1 1 10 100 1000]
}
