package prob

import (
	"math"

	"github.com/aimath/playground/core/figure"
)

// displayBins are the bin counts a continuous histogram is shown with
// (divisors of fineBins), chosen from the number of samples by the rule
// of thumb 2·n^(1/3), so that bars stay meaningful for a few samples and
// grow fine for many.
var displayBins = []int{12, 16, 20, 24, 30, 40, 48, 60, 80}

func binsFor(n int) int {
	want := 2 * math.Cbrt(float64(n))
	best := displayBins[0]
	for _, b := range displayBins {
		if float64(b) <= want {
			best = b
		}
	}
	return best
}

func (s *distView) panels(w, h float64) []*figure.Panel {
	fr := figure.Layout(w, h, 2)
	if s.d == nil {
		world := figure.Rect{X0: 0, Y0: 0, X1: 1, Y1: 1}
		return []*figure.Panel{plotPanel(panelPDF, fr[0], world, "p(x)", "x"), plotPanel(panelCDF, fr[1], world, "F(x)", "x")}
	}
	if s.d.Discrete() {
		return []*figure.Panel{s.pmfPanel(fr[0]), s.cdfPanel(fr[1])}
	}
	return []*figure.Panel{s.pdfPanel(fr[0]), s.cdfPanel(fr[1])}
}

// pdfPanel draws the histogram of the shown samples as densities
// (count/(n·width)) under the exact density.
func (s *distView) pdfPanel(frame figure.Rect) *figure.Panel {
	world := figure.Rect{X0: s.x0, Y0: 0, X1: s.x1, Y1: s.ymax}
	p := plotPanel(panelPDF, frame, world, s.name+",  n = "+figNum(float64(s.pace.shown)), "x")
	p.Axes.YLabel = "p(x)"
	h := &s.hist
	var items []figure.Item
	if h.n > 0 {
		bins := binsFor(h.n)
		group := fineBins / bins
		width := (h.x1 - h.x0) / float64(bins)
		bar := figure.Style{Fill: colSample, FillAlpha: 0.55, Stroke: colSample, Width: 1}
		for b := range bins {
			c := 0
			for _, k := range h.counts[b*group : (b+1)*group] {
				c += k
			}
			if c == 0 {
				continue
			}
			x := h.x0 + float64(b)*width
			y := math.Min(float64(c)/(float64(h.n)*width), 1.5*s.ymax)
			items = append(items, figure.Box{R: figure.Rect{X0: x, Y0: 0, X1: x + width, Y1: y}, Style: bar})
		}
	}
	if s.hasCursor {
		items = append(items, s.areaUnder())
	}
	for _, pts := range s.pdf {
		items = append(items, figure.Path{Pts: pts, Style: figure.Style{Stroke: colDist, Width: 2.5}})
	}
	items = append(items, s.sampleMarks()...)
	if s.hasCursor {
		px := s.d.Prob(s.cursor)
		items = append(items, s.cursorLine(world),
			figure.Point{P: figure.Vec{X: s.cursor, Y: clampY(px, 0, s.ymax)}, Size: 4, Style: figure.Style{Fill: colDist, FillAlpha: 1}},
			s.cursorText(world, "p("+figNum(s.cursor)+") = "+figNum(px)+",  F = "+figNum(s.d.CDF(s.cursor))))
	}
	p.Items = items
	return p
}

// areaUnder shades the density from the left of the window to the
// cursor: its area is F(x).
func (s *distView) areaUnder() figure.Item {
	poly := []figure.Vec{{X: s.x0, Y: 0}}
	for _, pts := range s.pdf {
		for _, q := range pts {
			if q.X <= s.cursor {
				poly = append(poly, q)
			}
		}
	}
	poly = append(poly, figure.Vec{X: s.cursor, Y: clampY(s.d.Prob(s.cursor), 0, s.ymax)}, figure.Vec{X: s.cursor, Y: 0})
	return figure.Path{Pts: poly, Closed: true, Style: figure.Style{Fill: colDist, FillAlpha: 0.18}}
}

// pmfPanel draws the relative frequencies of the shown samples as bars
// beside the exact masses as stems; beyond maxBars values, both are
// grouped into bars of several values (frequency per value) and the
// masses drawn as a line.
func (s *distView) pmfPanel(frame figure.Rect) *figure.Panel {
	world := figure.Rect{X0: s.x0, Y0: 0, X1: s.x1, Y1: s.ymax}
	p := plotPanel(panelPDF, frame, world, s.name+",  n = "+figNum(float64(s.pace.shown)), "k")
	h := &s.hist
	nv := len(h.counts)
	group := (nv + maxBars - 1) / maxBars
	var items []figure.Item
	bar := figure.Style{Fill: colSample, FillAlpha: 0.55, Stroke: colSample, Width: 1}
	if h.n > 0 {
		for i := 0; i < nv; i += group {
			c, m := 0, 0
			for j := i; j < min(i+group, nv); j++ {
				c += h.counts[j]
				m++
			}
			if c == 0 {
				continue
			}
			k := s.k0 + float64(i)
			half := 0.35
			x0, x1 := k-half, k+half
			if group > 1 {
				x0, x1 = k-0.5, k+float64(m)-0.5
			}
			y := math.Min(float64(c)/float64(h.n*m), 1.5*s.ymax)
			items = append(items, figure.Box{R: figure.Rect{X0: x0, Y0: 0, X1: x1, Y1: y}, Style: bar})
		}
	}
	stem := figure.Style{Stroke: colDist, Width: 2.5}
	if group == 1 {
		for k := s.k0; k <= s.k1; k++ {
			pk := s.d.Prob(k)
			col := colDist
			if s.hasCursor && k <= s.cursor {
				col = figure.Purple // the masses that make up F(x)
			}
			items = append(items,
				figure.Path{Pts: []figure.Vec{{X: k, Y: 0}, {X: k, Y: pk}}, Style: figure.Style{Stroke: col, Width: stem.Width}},
				figure.Point{P: figure.Vec{X: k, Y: pk}, Size: 4, Style: figure.Style{Fill: col, FillAlpha: 1}})
		}
	} else {
		line := make([]figure.Vec, 0, nv)
		for k := s.k0; k <= s.k1; k++ {
			line = append(line, figure.Vec{X: k, Y: s.d.Prob(k)})
		}
		items = append(items, figure.Path{Pts: line, Style: stem})
	}
	items = append(items, s.sampleMarks()...)
	if s.hasCursor {
		items = append(items, s.cursorLine(world),
			s.cursorText(world, "P(X = "+figNum(s.cursor)+") = "+figNum(s.d.Prob(s.cursor))+",  F = "+figNum(s.d.CDF(s.cursor))))
	}
	p.Items = items
	return p
}

// sampleMarks shows the latest sample on the axis while they come one
// at a time.
func (s *distView) sampleMarks() []figure.Item {
	var items []figure.Item
	if i := s.pace.shown; i > 0 && i < s.pace.n && i <= 100 {
		x := s.s.xs[i-1]
		items = append(items,
			figure.Point{P: figure.Vec{X: x, Y: 0}, Size: 6, Style: figure.Style{Fill: colEst, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}},
			figure.Text{At: figure.Vec{X: x, Y: 0}, S: "x" + subscript(i) + " = " + figNum(x), Size: 12, Bold: true,
				Anchor: figure.Center | figure.Bottom, DY: -10, Color: colEst})
	}
	return items
}

func (s *distView) cursorLine(world figure.Rect) figure.Item {
	return figure.Path{Pts: []figure.Vec{{X: s.cursor, Y: world.Y0}, {X: s.cursor, Y: world.Y1}},
		Style: figure.Style{Stroke: figure.Ink, Width: 1, Dash: true, Alpha: 0.6}}
}

// cursorText is the cursor's reading at the top left of a plot.
func (s *distView) cursorText(world figure.Rect, text string) figure.Item {
	return label(figure.Vec{X: world.X0, Y: world.Y1}, text, figure.Left|figure.Top, figure.Ink, 6, 4)
}

// cdfPanel draws the exact CDF and the empirical one of the shown
// samples (the share of them ≤ x).
func (s *distView) cdfPanel(frame figure.Rect) *figure.Panel {
	world := figure.Rect{X0: s.x0, Y0: 0, X1: s.x1, Y1: 1.05}
	xl := "x"
	if s.d.Discrete() {
		xl = "k"
	}
	p := plotPanel(panelCDF, frame, world, "F(x) = P(X ≤ x)", xl)
	h := &s.hist
	var items []figure.Item
	if h.n > 0 {
		items = append(items, figure.Path{Pts: s.ecdf(), Style: figure.Style{Stroke: colSample, Width: 3.5, Alpha: 0.8}})
	}
	if s.d.Discrete() {
		items = append(items, figure.Path{Pts: s.cdfSteps(), Style: figure.Style{Stroke: colDist, Width: 2}})
	} else {
		for _, pts := range s.cdf {
			items = append(items, figure.Path{Pts: pts, Style: figure.Style{Stroke: colDist, Width: 2}})
		}
	}
	if s.hasCursor {
		f := s.d.CDF(s.cursor)
		items = append(items, s.cursorLine(world),
			figure.Path{Pts: []figure.Vec{{X: world.X0, Y: f}, {X: s.cursor, Y: f}}, Style: figure.Style{Stroke: figure.Purple, Width: 1.5, Dash: true}},
			figure.Point{P: figure.Vec{X: s.cursor, Y: f}, Size: 4.5, Style: figure.Style{Fill: figure.Purple, FillAlpha: 1}},
			s.cursorText(world, "F("+figNum(s.cursor)+") = "+figNum(f)))
	}
	p.Items = items
	return p
}

// cdfSteps is the staircase of a discrete CDF over the window.
func (s *distView) cdfSteps() []figure.Vec {
	pts := []figure.Vec{{X: s.x0, Y: s.d.CDF(s.x0)}}
	for k := s.k0; k <= s.k1; k++ {
		pts = append(pts, figure.Vec{X: k, Y: s.d.CDF(k - 1)}, figure.Vec{X: k, Y: s.d.CDF(k)})
	}
	return append(pts, figure.Vec{X: s.x1, Y: s.d.CDF(s.x1)})
}

// ecdf is the empirical CDF: a staircase at each value (discrete), or its
// value at each fine bin's edge joined by lines (continuous).
func (s *distView) ecdf() []figure.Vec {
	h := &s.hist
	n := float64(h.n)
	c := float64(h.below)
	if h.discrete {
		pts := []figure.Vec{{X: s.x0, Y: c / n}}
		for i, k := range h.counts {
			x := s.k0 + float64(i)
			pts = append(pts, figure.Vec{X: x, Y: c / n})
			c += float64(k)
			pts = append(pts, figure.Vec{X: x, Y: c / n})
		}
		return append(pts, figure.Vec{X: s.x1, Y: c / n})
	}
	width := (h.x1 - h.x0) / float64(len(h.counts))
	pts := make([]figure.Vec, 0, len(h.counts)+1)
	pts = append(pts, figure.Vec{X: h.x0, Y: c / n})
	for i, k := range h.counts {
		c += float64(k)
		pts = append(pts, figure.Vec{X: h.x0 + float64(i+1)*width, Y: c / n})
	}
	return pts
}
