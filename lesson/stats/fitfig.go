package stats

import (
	"math"
	"sort"
	"strconv"

	"github.com/aimath/playground/core/contour"
	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/fit"
)

// Panels of the fit view.
const (
	panelHist    = "hist"
	panelSurface = "surface"
	panelECDF    = "ecdf"
)

func (f *fitView) panels(w, h float64) []*figure.Panel {
	fr := frames(w, h)
	x0, x1 := f.xRange()
	ps := []*figure.Panel{f.histPanel(fr[0], x0, x1), f.surfacePanel(fr[1])}
	if len(fr) > 2 {
		ps = append(ps, f.ecdfPanel(fr[2], x0, x1))
	}
	return ps
}

// xRange is the data's range with a margin (the histogram's bins), wide
// enough for a discrete family's probabilities at 0.
func (f *fitView) xRange() (x0, x1 float64) {
	if f.s == nil {
		return 0, 1
	}
	x0, x1 = f.hist.lo, f.hi()
	pad := 0.05 * (x1 - x0)
	return x0 - pad, x1 + pad
}

func (f *fitView) hi() float64 { return f.hist.hi() }

// histPanel draws the data's histogram (as densities) with the fitted
// density over it, the truth when revealed and the member of the family
// under the pointer.
func (f *fitView) histPanel(fr figure.Rect, x0, x1 float64) *figure.Panel {
	p := &figure.Panel{ID: panelHist, Frame: fr, Axes: figure.Axes{Grid: true, Ticks: true, XLabel: "x"},
		World: figure.Rect{X0: x0, X1: x1, Y0: 0, Y1: 1}, Title: "n = " + strconv.Itoa(len(f.xs))}
	if f.s == nil {
		return p
	}
	peak := f.hist.peak()
	top := peak
	// A density with a pole (a gamma with k < 1) is cut at 2.5 times the
	// tallest bar, so that the bars stay readable.
	limit := 2.5 * math.Max(peak, 1e-300)
	if f.problem == "" {
		top = math.Max(top, math.Min(limit, curveMax(f.d, x0, x1)))
	}
	showTruth := f.reveal && f.known
	if showTruth {
		top = math.Max(top, math.Min(limit, curveMax(f.truth, x0, x1)))
	}
	p.World.Y1 = 1.12 * math.Max(top, 1e-9)
	ymax := 2 * p.World.Y1
	p.Items = f.hist.boxes(colData, "")
	if showTruth {
		p.Items = append(p.Items, densityItems(f.truth, x0, x1, ymax, colTruth, thinW, true)...)
	}
	if f.refused != nil {
		p.Items = append(p.Items, f.refusedItems(p.World)...)
	}
	if f.problem != "" {
		return p
	}
	p.Items = append(p.Items, densityItems(f.d, x0, x1, ymax, colFit, curveW, false)...)
	if f.probe != nil {
		p.Items = append(p.Items, densityItems(f.at(f.probe[0], f.probe[1]), x0, x1, ymax, colProbe, curveW, true)...)
	}
	p.Title = "n = " + strconv.Itoa(len(f.xs)) + ",  " + distLabel(f.d)
	return p
}

// refusedItems shade where the data leave the family's support (for the
// families that need values above 0, at least 0, or in (0, 1)) and mark
// the first value that does.
func (f *fitView) refusedItems(w figure.Rect) []figure.Item {
	shade := figure.Style{Fill: colWarn, FillAlpha: 0.12}
	var items []figure.Item
	box := func(x0, x1 float64) {
		if x1 > w.X0 && x0 < w.X1 {
			items = append(items, figure.Box{R: figure.Rect{X0: math.Max(x0, w.X0), X1: math.Min(x1, w.X1), Y0: w.Y0, Y1: w.Y1}, Style: shade})
		}
	}
	switch f.refused.Need {
	case fit.Positive, fit.NonNegative:
		box(w.X0, 0)
	case fit.Unit:
		box(w.X0, 0)
		box(1, w.X1)
	}
	x := f.refused.Value
	return append(items, vline(x, w.Y0, w.Y1, figure.Style{Stroke: colWarn, Width: 2}),
		sideLabel(x, w.Y1, w, "x = "+fmtNum(x), figure.Top, 3, colWarn))
}

// surfacePanel draws ℓ over the parameters: a heatmap with contour lines,
// the 95% likelihood-ratio region and the MLE for two parameters; the
// curve with the 95% interval for one.
func (f *fitView) surfacePanel(fr figure.Rect) *figure.Panel {
	names := f.family.Params()
	title := "ℓ(" + names[0]
	if len(names) == 2 {
		title += ", " + names[1]
	}
	title += ")"
	p := &figure.Panel{ID: panelSurface, Frame: fr, Title: title,
		Axes:  figure.Axes{Box: true},
		World: figure.Rect{X0: 0, Y0: 0, X1: 1, Y1: 1}}
	if f.problem != "" {
		return p
	}
	p.Axes = figure.Axes{Ticks: true, Box: true, XLabel: names[0]}
	s := &f.surf
	mle := figure.Vec{X: f.d.P[0], Y: f.d.P[1]}
	mark := figure.Style{Fill: colFit, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}
	probe := figure.Style{Fill: colProbe, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}
	if len(names) == 1 {
		p.Axes.Grid = true
		lo := f.loglik
		for _, q := range s.curve {
			lo = math.Min(lo, q.Y)
		}
		span := math.Max(f.loglik-lo, 2*lrDrop1)
		p.World = figure.Rect{X0: s.r.X0, X1: s.r.X1, Y0: f.loglik - span, Y1: f.loglik + 0.1*span}
		cut := f.loglik - lrDrop1
		p.Items = append(p.Items,
			figure.Box{R: figure.Rect{X0: s.ci[0], X1: s.ci[1], Y0: p.World.Y0, Y1: p.World.Y1}, Style: figure.Style{Fill: colFit, FillAlpha: 0.12}},
			figure.Path{Pts: []figure.Vec{{X: s.r.X0, Y: cut}, {X: s.r.X1, Y: cut}}, Style: figure.Style{Stroke: colFit, Width: 1, Dash: true}},
			figure.Path{Pts: s.curve, Style: figure.Style{Stroke: colData, Width: curveW}},
			vline(mle.X, p.World.Y0, f.loglik, figure.Style{Stroke: colFit, Width: 1, Dash: true}),
			figure.Point{P: figure.Vec{X: mle.X, Y: f.loglik}, Size: 6, Style: mark},
			footLabel(mle.X, p.World, names[0]+" = "+fmtNum(mle.X), colFit),
		)
		if f.probe != nil {
			q := figure.Vec{X: f.probe[0], Y: f.s.LogLik(f.at(f.probe[0], 0))}
			if finite(q.Y) {
				q.Y = math.Max(q.Y, p.World.Y0)
				p.Items = append(p.Items, vline(q.X, p.World.Y0, q.Y, figure.Style{Stroke: colProbe, Width: 1, Dash: true}),
					figure.Point{P: q, Size: 5, Style: probe})
			}
		}
		if f.reveal && f.truth.Family == f.family {
			p.Items = append(p.Items, vline(f.truth.P[0], p.World.Y0, p.World.Y1, figure.Style{Stroke: colTruth, Width: thinW, Dash: true}))
		}
		return p
	}
	p.Axes.YLabel = names[1]
	p.World = s.r
	p.Items = append(p.Items, figure.Raster{Key: s.key, R: contour.RasterRect(s.r, surfN, surfN),
		W: surfN, H: surfN, Values: s.vals, Min: s.lo, Max: s.hi, Map: figure.Viridis, Smooth: true})
	for _, l := range s.lines {
		p.Items = append(p.Items, figure.Path{Pts: l, Style: figure.Style{Stroke: figure.Paper, Width: 1, Alpha: 0.45}})
	}
	for _, l := range s.region {
		p.Items = append(p.Items, figure.Path{Pts: l, Style: figure.Style{Stroke: colProbe, Width: 2}})
	}
	if f.reveal && f.truth.Family == f.family {
		t := figure.Vec{X: f.truth.P[0], Y: f.truth.P[1]}
		p.Items = append(p.Items, figure.Point{P: t, Size: 5, Style: figure.Style{Stroke: figure.Paper, Width: 2, Fill: colTruth, FillAlpha: 1}})
	}
	p.Items = append(p.Items,
		figure.Point{P: mle, Size: 6, Style: mark},
		textAt(mle, "("+fmtNum(mle.X)+", "+fmtNum(mle.Y)+")", labelAnchor(mle.X, s.r), 0, -10, figure.Ink))
	if f.probe != nil {
		p.Items = append(p.Items, figure.Point{P: figure.Vec{X: f.probe[0], Y: f.probe[1]}, Size: 5, Style: probe})
	}
	return p
}

// footLabel writes a value at the foot of a vertical line at x.
func footLabel(x float64, w figure.Rect, s string, col figure.Color) figure.Text {
	return sideLabel(x, w.Y0, w, s, figure.Bottom, -4, col)
}

// sideLabel writes s beside the point (x, y), on the side of x with more
// room in the window w; v is the vertical anchor, dy its offset.
func sideLabel(x, y float64, w figure.Rect, s string, v figure.Anchor, dy float64, col figure.Color) figure.Text {
	t := textAt(figure.Vec{X: x, Y: y}, s, figure.Left|v, 5, dy, col)
	if x > w.X0+0.6*w.W() {
		t.Anchor, t.DX = figure.Right|v, -5
	}
	return t
}

// labelAnchor places a label above a point, leaning away from the nearer
// side of the window.
func labelAnchor(x float64, r figure.Rect) figure.Anchor {
	switch {
	case x < r.X0+0.25*r.W():
		return figure.Left | figure.Bottom
	case x > r.X1-0.25*r.W():
		return figure.Right | figure.Bottom
	}
	return figure.Center | figure.Bottom
}

// ecdfPanel draws the empirical CDF of the data and the fitted CDF, and
// the Kolmogorov–Smirnov statistic D where the two are furthest apart.
func (f *fitView) ecdfPanel(fr figure.Rect, x0, x1 float64) *figure.Panel {
	p := &figure.Panel{ID: panelECDF, Frame: fr, Axes: figure.Axes{Grid: true, Ticks: true, XLabel: "x"},
		World: figure.Rect{X0: x0, X1: x1, Y0: -0.03, Y1: 1.06}, Title: "Fₙ(x), F(x)"}
	if f.s == nil {
		return p
	}
	xs := f.s.X
	n := float64(len(xs))
	pts := make([]figure.Vec, 0, 2*len(xs)+2)
	pts = append(pts, figure.Vec{X: x0, Y: 0})
	for i := 0; i < len(xs); {
		j := i
		for j < len(xs) && xs[j] == xs[i] {
			j++
		}
		pts = append(pts, figure.Vec{X: xs[i], Y: float64(i) / n}, figure.Vec{X: xs[i], Y: float64(j) / n})
		i = j
	}
	pts = append(pts, figure.Vec{X: x1, Y: 1})
	p.Items = append(p.Items, figure.Path{Pts: pts, Style: figure.Style{Stroke: colData, Width: 2}})
	if f.problem != "" {
		return p
	}
	p.Items = append(p.Items, figure.Path{Pts: cdfPoints(f.d, x0, x1), Style: figure.Style{Stroke: colFit, Width: curveW}})
	// The gap D: between F(x) and Fₙ just after x (D⁺) or just before (D⁻).
	at := f.ks.At
	fx := f.d.CDF(at)
	var other float64
	if f.ks.Sign > 0 {
		other = float64(sort.Search(len(xs), func(i int) bool { return xs[i] > at })) / n
	} else {
		other = float64(sort.SearchFloat64s(xs, at)) / n
	}
	a := figure.Vec{X: at, Y: fx}
	b := figure.Vec{X: at, Y: other}
	label := textAt(figure.Vec{X: at, Y: (fx + other) / 2}, "D", figure.Left|figure.Middle, 6, 0, colWarn)
	if at > p.World.X0+0.6*p.World.W() {
		label.Anchor, label.DX = figure.Right|figure.Middle, -6
	}
	p.Items = append(p.Items, figure.Path{Pts: []figure.Vec{a, b}, Style: figure.Style{Stroke: colWarn, Width: 3}}, label)
	p.Title = "Fₙ(x), F(x):  D = " + fmtNum(f.ks.D) + ",  p = " + fmtNum(f.ks.P)
	return p
}

// cdfPoints samples d's CDF over [x0, x1]: a curve, or steps at the
// whole numbers for a discrete d.
func cdfPoints(d fit.Dist, x0, x1 float64) []figure.Vec {
	if d.Family.Discrete() {
		pts := []figure.Vec{{X: x0, Y: d.CDF(x0)}}
		for k := math.Max(0, math.Ceil(x0)); k <= x1; k++ {
			pts = append(pts, figure.Vec{X: k, Y: d.CDF(k - 1)}, figure.Vec{X: k, Y: d.CDF(k)})
		}
		return append(pts, figure.Vec{X: x1, Y: d.CDF(x1)})
	}
	pts := make([]figure.Vec, curvePts+1)
	for i := range pts {
		x := x0 + (x1-x0)*float64(i)/curvePts
		pts[i] = figure.Vec{X: x, Y: d.CDF(x)}
	}
	return pts
}
