package prob

import (
	"math"

	"github.com/aimath/playground/core/figure"
)

// conv describes a convergence plot: a running Monte Carlo estimate
// against n on a logarithmic axis, with its ±2 standard-error band, the
// exact value, and the band exact ± 2σ/√n that the estimate should stay
// in about 95% of the time, narrowing as 1/√n.
type conv struct {
	id, title string
	r         *running
	total     int     // the number of samples when all are shown
	exact     float64 // NaN when unknown
	sigma     float64 // the spread of one value (times the factor), from all samples
	center    float64 // the middle of the y window
	half      float64 // its half height
	exactName string  // the exact value's symbol, like "I" or "E[f(X)]"
}

// window fixes the y range from the full sample, so that it stays put
// while the samples are revealed: wide enough for the band at n = 10.
func (c *conv) window(final float64) {
	c.center = c.exact
	if math.IsNaN(c.center) || math.IsInf(c.center, 0) {
		c.center = final
	}
	if math.IsNaN(c.center) || math.IsInf(c.center, 0) {
		c.center = 0
	}
	c.half = 2.5 * c.sigma / math.Sqrt(10)
	if !(c.half > 0) || math.IsInf(c.half, 0) {
		c.half = math.Max(0.1, 0.1*math.Abs(c.center))
	}
}

func (c *conv) panel(frame figure.Rect) *figure.Panel {
	xmax := math.Max(1, math.Log10(float64(max(c.total, 1))))
	world := figure.Rect{X0: 0, Y0: c.center - c.half, X1: xmax, Y1: c.center + c.half}
	// x is log₁₀ n, so that 1 to 100 000 samples share the axis fairly.
	p := plotPanel(c.id, frame, world, c.title, "log₁₀ n")
	p.Axes.Lines = false
	var items []figure.Item
	lo, hi := world.Y0, world.Y1
	if finite(c.exact) {
		if c.sigma > 0 && finite(c.sigma) {
			// The theoretical band exact ± 2σ/√n.
			var up, down []figure.Vec
			for i := 0; i <= 100; i++ {
				x := xmax * float64(i) / 100
				d := 2 * c.sigma / math.Sqrt(math.Pow(10, x))
				up = append(up, figure.Vec{X: x, Y: clampY(c.exact+d, lo, hi)})
				down = append(down, figure.Vec{X: x, Y: clampY(c.exact-d, lo, hi)})
			}
			band := figure.Style{Stroke: colExact, Width: 1.25, Dash: true, Alpha: 0.7}
			items = append(items, figure.Path{Pts: up, Style: band}, figure.Path{Pts: down, Style: band})
		}
		items = append(items, figure.Path{Pts: []figure.Vec{{X: 0, Y: c.exact}, {X: xmax, Y: c.exact}},
			Style: figure.Style{Stroke: colExact, Width: 2}})
	}

	tr := c.r.last()
	// The estimate's own band ±2·SE, from n = 2 on.
	var top, bottom []figure.Vec
	for _, t := range tr {
		if !finite(t.se) || !finite(t.est) {
			continue
		}
		x := math.Log10(t.n)
		top = append(top, figure.Vec{X: x, Y: clampY(t.est+2*t.se, lo, hi)})
		bottom = append(bottom, figure.Vec{X: x, Y: clampY(t.est-2*t.se, lo, hi)})
	}
	if len(top) > 1 {
		poly := append([]figure.Vec(nil), top...)
		for i := len(bottom) - 1; i >= 0; i-- {
			poly = append(poly, bottom[i])
		}
		items = append(items, figure.Path{Pts: poly, Closed: true, Style: figure.Style{Fill: colEst, FillAlpha: 0.22}})
	}
	var line []figure.Vec
	for _, t := range tr {
		if finite(t.est) {
			line = append(line, figure.Vec{X: math.Log10(t.n), Y: clampY(t.est, lo, hi)})
		}
	}
	if len(line) > 0 {
		items = append(items, figure.Path{Pts: line, Style: figure.Style{Stroke: colEst, Width: 2}})
		end := line[len(line)-1]
		items = append(items, figure.Point{P: end, Size: 4, Style: figure.Style{Fill: colEst, FillAlpha: 1, Stroke: figure.Paper, Width: 1}})
	}
	// Texts in the corners: the exact value (top left), the estimate with
	// its standard error (top right).
	if finite(c.exact) {
		items = append(items, label(figure.Vec{X: 0, Y: hi}, c.exactName+" = "+figNum(c.exact), figure.Left|figure.Top, colExact, 6, 4))
	}
	if est := c.r.estimate(); finite(est) {
		s := figNum(est)
		if se := c.r.stderr(); finite(se) {
			s += " ± " + figNum(2*se)
		}
		items = append(items, label(figure.Vec{X: xmax, Y: hi}, s, figure.Right|figure.Top, colEst, -6, 4))
	}
	p.Items = items
	return p
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
