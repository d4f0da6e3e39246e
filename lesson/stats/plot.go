package stats

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/fit"
)

// Colours shared by the views: data Blue, fitted models (results) Green,
// what the pointer or gradient ascent proposes Orange, the truth Muted,
// warnings and test statistics Vermillion.
const (
	colData  = figure.Blue
	colFit   = figure.Green
	colProbe = figure.Orange
	colTruth = figure.Purple
	colWarn  = figure.Vermillion
	colAlt   = figure.Sky
)

// Pixel sizes.
const (
	curveW     = 2.5
	thinW      = 1.5
	pointPx    = 5
	handlePx   = 7
	labelSize  = 12
	curvePts   = 240 // samples of a density curve
	minPanelW  = 340 // a panel's width, margins included, in a row of three
	tinyCanvas = 500 // narrower canvases show two panels, not three
)

// frames lays out the views' panels: three in a row on a wide canvas;
// otherwise the first across the top and the other two side by side
// below; on a phone-sized canvas only the first two, stacked (the third
// is a refinement whose numbers are in the readouts anyway).
func frames(w, h float64) []figure.Rect {
	inset := func(r figure.Rect) figure.Rect {
		return figure.Inset(r, figure.MarginLeft, figure.MarginTop, figure.MarginRight, figure.MarginBottom)
	}
	gap := float64(figure.PanelGap)
	switch {
	case w >= 3*minPanelW+2*gap && w >= 1.7*h:
		cw := (w - 2*gap) / 3
		out := make([]figure.Rect, 3)
		for i := range out {
			x := float64(i) * (cw + gap)
			out[i] = inset(figure.Rect{X0: math.Round(x), Y0: 0, X1: math.Round(x + cw), Y1: h})
		}
		return out
	case w < tinyCanvas:
		split := math.Round(h / 2)
		return []figure.Rect{
			inset(figure.Rect{X0: 0, Y0: 0, X1: w, Y1: split}),
			inset(figure.Rect{X0: 0, Y0: split + gap, X1: w, Y1: h}),
		}
	}
	split := math.Round(0.52 * h)
	half := math.Round((w - gap) / 2)
	return []figure.Rect{
		inset(figure.Rect{X0: 0, Y0: 0, X1: w, Y1: split}),
		inset(figure.Rect{X0: 0, Y0: split + gap, X1: half, Y1: h}),
		inset(figure.Rect{X0: half + gap, Y0: split + gap, X1: w, Y1: h}),
	}
}

// histogram is a data set binned for drawing: equal bins from edges[0]
// with the given width, as densities (count/(n·width)) so that a density
// curve can be laid over it.
type histogram struct {
	lo, width float64
	dens      []float64
	unit      bool // one bin per whole number (discrete data)
}

// maxBins bounds the number of bins however spread out the data are.
const maxBins = 100

// autoBins returns numpy's 'auto' bins of the sorted data
// (np.histogram_bin_edges(x, bins='auto')): the smaller of the
// Freedman–Diaconis width 2·IQR·n^(−1/3) and Sturges' range/(log₂ n + 1),
// or Sturges' alone when the IQR is 0; the count ⌈range/width⌉ (at most
// maxBins) and the edges evenly from the minimum to the maximum (±0.5 for
// identical values).
func autoBins(x []float64) (lo, hi float64, nb int) {
	n := len(x)
	lo, hi = x[0], x[n-1]
	ptp := hi - lo
	if lo == hi {
		lo, hi = lo-0.5, hi+0.5
	}
	sturges := ptp / (math.Log2(float64(n)) + 1)
	fd := 2 * (percentile(x, 75) - percentile(x, 25)) * math.Pow(float64(n), -1.0/3)
	width := sturges
	if fd > 0 {
		width = math.Min(fd, sturges)
	}
	nb = 1
	if width > 0 {
		nb = int(math.Ceil((hi - lo) / width))
	}
	return lo, hi, max(1, min(nb, maxBins))
}

// percentile is numpy's percentile of sorted x with linear interpolation.
func percentile(x []float64, q float64) float64 {
	pos := q / 100 * float64(len(x)-1)
	i := int(math.Floor(pos))
	if i >= len(x)-1 {
		return x[len(x)-1]
	}
	f := pos - float64(i)
	return x[i] + f*(x[i+1]-x[i])
}

// newHistogram bins the sorted data: one bin per whole number when they
// are all whole numbers no more than maxBins apart, numpy's 'auto' bins
// otherwise.
func newHistogram(x []float64) histogram {
	if len(x) == 0 {
		return histogram{lo: 0, width: 1}
	}
	whole := true
	for _, v := range x {
		whole = whole && v == math.Floor(v)
	}
	var h histogram
	if whole && x[len(x)-1]-x[0] < maxBins {
		h = histogram{lo: x[0] - 0.5, width: 1, dens: make([]float64, int(x[len(x)-1]-x[0])+1), unit: true}
	} else {
		lo, hi, nb := autoBins(x)
		h = histogram{lo: lo, width: (hi - lo) / float64(nb), dens: make([]float64, nb)}
	}
	for _, v := range x {
		i := int(math.Floor((v - h.lo) / h.width))
		h.dens[max(0, min(i, len(h.dens)-1))]++ // the maximum lands on the last edge
	}
	for i := range h.dens {
		h.dens[i] /= float64(len(x)) * h.width
	}
	return h
}

// hi is the right edge of the last bin.
func (h histogram) hi() float64 { return h.lo + h.width*float64(len(h.dens)) }

// peak is the highest density.
func (h histogram) peak() float64 {
	if len(h.dens) == 0 {
		return 0
	}
	return slices.Max(h.dens)
}

// boxes draws the bins.
func (h histogram) boxes(col figure.Color, id string) []figure.Item {
	items := make([]figure.Item, 0, len(h.dens))
	// Whole numbers are bars of a bar chart, with gaps between them.
	inset := 0.0
	if h.unit {
		inset = 0.3 * h.width
	}
	for i, d := range h.dens {
		if d == 0 {
			continue
		}
		x0 := h.lo + float64(i)*h.width
		items = append(items, figure.Box{ID: id, R: figure.Rect{X0: x0 + inset, Y0: 0, X1: x0 + h.width - inset, Y1: d},
			Style: figure.Style{Fill: col, FillAlpha: 0.35, Stroke: col, Width: 1}})
	}
	return items
}

// densityItems draws a density over [x0, x1]: a curve for a continuous
// d, dots on stems at the whole numbers for a discrete one. Values are
// capped at ymax so that a density with a pole stays drawable.
func densityItems(d fit.Dist, x0, x1, ymax float64, col figure.Color, width float64, dash bool) []figure.Item {
	return densityItemsAt(d, x0, x1, ymax, col, width, dash, 0)
}

// densityItemsAt is densityItems with a discrete d's stems moved by dx,
// so that several pmfs stand side by side.
func densityItemsAt(d fit.Dist, x0, x1, ymax float64, col figure.Color, width float64, dash bool, dx float64) []figure.Item {
	st := figure.Style{Stroke: col, Width: width, Dash: dash}
	if d.Family.Discrete() {
		var items []figure.Item
		for k := math.Max(0, math.Ceil(x0)); k <= x1; k++ {
			p := math.Min(d.Prob(k), ymax)
			if !(p > 0) {
				continue
			}
			items = append(items,
				figure.Path{Pts: []figure.Vec{{X: k + dx, Y: 0}, {X: k + dx, Y: p}}, Style: st},
				figure.Point{P: figure.Vec{X: k + dx, Y: p}, Size: 4, Style: figure.Style{Fill: col, FillAlpha: 1, Stroke: figure.Paper, Width: 1}})
		}
		return items
	}
	pts := make([]figure.Vec, 0, curvePts+1)
	var out []figure.Item
	flush := func() {
		if len(pts) > 1 {
			out = append(out, figure.Path{Pts: slices.Clone(pts), Style: st})
		}
		pts = pts[:0]
	}
	for i := range curvePts + 1 {
		x := x0 + (x1-x0)*float64(i)/curvePts
		y := d.Prob(x)
		if math.IsNaN(y) {
			flush()
			continue
		}
		pts = append(pts, figure.Vec{X: x, Y: math.Min(y, ymax)})
	}
	flush()
	return out
}

// curveMax is the largest value of d's density over [x0, x1] (its pmf
// at the whole numbers for a discrete d), for y ranges.
func curveMax(d fit.Dist, x0, x1 float64) float64 {
	m := 0.0
	if d.Family.Discrete() {
		for k := math.Max(0, math.Ceil(x0)); k <= x1; k++ {
			m = math.Max(m, d.Prob(k))
		}
		return m
	}
	for i := range curvePts + 1 {
		if y := d.Prob(x0 + (x1-x0)*float64(i)/curvePts); y > m && !math.IsInf(y, 0) {
			m = y
		}
	}
	return m
}

// fmtNum writes a number for a canvas label with 3 significant digits
// (figure.Num's four are too many next to a symbol).
func fmtNum(x float64) string {
	if a := math.Abs(x); a >= 1e-3 && a < 1e5 {
		s := strconv.FormatFloat(a, 'g', 3, 64)
		if strings.Contains(s, "e") {
			s = strconv.FormatFloat(a, 'f', 0, 64)
		}
		if x < 0 {
			return "−" + s
		}
		return s
	}
	return figure.Num(x)
}

// distLabel writes a distribution as symbols: "N(μ = 1.23, σ = 0.5)".
func distLabel(d fit.Dist) string {
	names := d.Family.Params()
	var b strings.Builder
	b.WriteString(familySymbol[d.Family])
	b.WriteByte('(')
	for i, n := range names {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(n + " = " + fmtNum(d.P[i]))
	}
	b.WriteByte(')')
	return b.String()
}

// familySymbol names a family in mathematical notation, as on a
// blackboard.
var familySymbol = map[fit.Family]string{
	fit.Normal: "N", fit.Laplace: "Laplace", fit.Exponential: "Exp", fit.Gamma: "Γ",
	fit.LogNormal: "LN", fit.Beta: "Beta", fit.Uniform: "U", fit.Bernoulli: "Bern", fit.Poisson: "Pois",
}

// finite reports whether every x is a finite number.
func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// textAt is a label at a world point.
func textAt(at figure.Vec, s string, anchor figure.Anchor, dx, dy float64, col figure.Color) figure.Text {
	return figure.Text{At: at, S: s, Size: labelSize, Anchor: anchor, DX: dx, DY: dy, Color: col, Bold: true}
}

// vline is a vertical line at x over [y0, y1].
func vline(x, y0, y1 float64, st figure.Style) figure.Path {
	return figure.Path{Pts: []figure.Vec{{X: x, Y: y0}, {X: x, Y: y1}}, Style: st}
}
