package gd

import (
	"math"
	"slices"

	"github.com/aimath/playground/core/figure"
)

// Colours of the 1d mode: f Blue, f′ Orange, the current point Ink, the
// step (what gradient descent does) Green, earlier iterates Purple, the
// tangent gray, warnings Vermillion.
const (
	colF     = figure.Blue
	colDF    = figure.Orange
	colStep  = figure.Green
	colTrail = figure.Purple
	colWarn  = figure.Vermillion
	colTan   = figure.Muted
)

// Pixel sizes.
const (
	handlePx  = 7
	cornerPad = 8
	lineGap   = 17 // between lines of corner text
	minBandPx = 3  // the |f′| < ε band is never thinner than this
)

// baseHalf is the half-width of the smallest x window: the presets' action
// happens in [−2, 2] (wider, x⁴ − 3x² + x would dwarf its two minima).
const baseHalf = 2.0

// window returns the x range shown: [−2, 2], grown to hold the path
// and the next iterate (up to the divergence limit), with a margin. It is
// frozen while x₀ is dragged.
func (o *oneD) window() [2]float64 {
	if o.held {
		return o.frozen
	}
	lo, hi := -baseHalf, baseHalf
	grow := func(x float64) {
		if finite(x) && math.Abs(x) <= divergeLimit {
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
	}
	for _, x := range o.xs {
		grow(x)
	}
	if len(o.xs) > 0 && o.status == stRunning {
		x1, _ := o.next()
		grow(x1)
	}
	pad := 0.08 * (hi - lo)
	return [2]float64{lo - pad, hi + pad}
}

// frames1D stacks the f panel (three fifths) over the f′ panel.
func frames1D(w, h float64) (top, bottom figure.Rect) {
	split := math.Round(0.6 * h)
	top = figure.Inset(figure.Rect{X0: 0, Y0: 0, X1: w, Y1: split}, figure.MarginLeft, figure.MarginTop, figure.MarginRight, figure.MarginBottom)
	bottom = figure.Inset(figure.Rect{X0: 0, Y0: split + figure.PanelGap, X1: w, Y1: h}, figure.MarginLeft, figure.MarginTop, figure.MarginRight, figure.MarginBottom)
	return top, bottom
}

// curve samples f and f′ at n points of [x0, x1].
type curve struct {
	xs, fs, ds []float64
}

func (o *oneD) sample(x0, x1 float64, n int) curve {
	c := curve{xs: make([]float64, n), fs: make([]float64, n), ds: make([]float64, n)}
	for i := range n {
		x := x0 + (x1-x0)*float64(i)/float64(n-1)
		c.xs[i] = x
		c.fs[i], c.ds[i] = o.eval(x)
	}
	return c
}

// yRange returns a range for the finite values ys and the extra values
// (points that must be in view), padded; an outlying tail (a pole, an
// exponential) is cut at the 2nd or 98th percentile so that the rest of
// the curve keeps its shape.
func yRange(ys []float64, extra ...float64) (lo, hi float64) {
	var s []float64
	for _, y := range ys {
		if finite(y) {
			s = append(s, y)
		}
	}
	lo, hi = math.Inf(1), math.Inf(-1)
	if len(s) > 0 {
		slices.Sort(s)
		q := func(p float64) float64 { return s[int(p*float64(len(s)-1))] }
		lo, hi = s[0], s[len(s)-1]
		q02, q98 := q(0.02), q(0.98)
		body := q98 - q02
		if hi-q98 > 4*body {
			hi = q98
		}
		if q02-lo > 4*body {
			lo = q02
		}
	}
	for _, y := range extra {
		if finite(y) && math.Abs(y) < 1e300 {
			lo, hi = math.Min(lo, y), math.Max(hi, y)
		}
	}
	if !finite(lo, hi) {
		return -1, 1
	}
	if hi-lo < 1e-9*math.Max(1, math.Abs(hi)) {
		d := math.Max(1, math.Abs(hi)*0.1)
		return lo - d, hi + d
	}
	pad := 0.08 * (hi - lo)
	return lo - pad, hi + pad
}

// polylines splits the sampled curve into pieces of finite values, with
// values far outside [lo, hi] pulled in (the part outside the frame is
// clipped anyway, and renderers need modest coordinates). A jump from far
// above the window to far below it (or back) between two samples is a
// pole, as 1/x has at 0, and breaks the curve there too.
func polylines(xs, ys []float64, lo, hi float64) [][]figure.Vec {
	span := hi - lo
	side := func(y float64) int {
		switch {
		case y > hi+span:
			return 1
		case y < lo-span:
			return -1
		}
		return 0
	}
	var out [][]figure.Vec
	var cur []figure.Vec
	prev := 0
	for i, y := range ys {
		s := side(y)
		if !finite(y) || (len(cur) > 0 && s != 0 && s == -prev) {
			if len(cur) > 1 {
				out = append(out, cur)
			}
			cur = nil
			if !finite(y) {
				continue
			}
		}
		prev = s
		cur = append(cur, figure.Vec{X: xs[i], Y: math.Max(lo-2*span, math.Min(hi+2*span, y))})
	}
	if len(cur) > 1 {
		out = append(out, cur)
	}
	return out
}

func (o *oneD) figure(w, h float64) []*figure.Panel {
	if o.e == nil {
		return []*figure.Panel{invalidPanel(w, h, "f(x) = ", o.src, o.err)}
	}
	top, bottom := frames1D(w, h)
	win := o.window()
	n := int(math.Max(120, math.Min(600, top.W()/2)))
	c := o.sample(win[0], win[1], n)
	k := len(o.xs) - 1
	x, fx, dfx := o.xs[k], o.fs[k], o.ds[k]
	x1, dx := o.next()
	f1, d1 := math.NaN(), math.NaN()
	showNext := o.status == stRunning && finite(x1)
	if showNext {
		f1, d1 = o.eval(x1)
	}
	// The y ranges hold the curves and every iterate in the window.
	inView := func(a float64) bool { return a >= win[0] && a <= win[1] }
	var extraF, extraD []float64
	for i, xi := range o.xs {
		if inView(xi) {
			extraF, extraD = append(extraF, o.fs[i]), append(extraD, o.ds[i])
		}
	}
	if showNext && inView(x1) {
		extraF, extraD = append(extraF, f1), append(extraD, d1)
	}
	flo, fhi := yRange(c.fs, extraF...)
	dlo, dhi := yRange(c.ds, append(extraD, 0)...)

	pf := &figure.Panel{
		ID: panelF, Frame: top,
		World: figure.Rect{X0: win[0], Y0: flo, X1: win[1], Y1: fhi},
		Axes:  figure.Axes{Grid: true, Lines: true, Ticks: true},
		Title: "f(x) = " + ellipsis(o.e.String(), 60),
	}
	pd := &figure.Panel{
		ID: panelDF, Frame: bottom,
		World: figure.Rect{X0: win[0], Y0: dlo, X1: win[1], Y1: dhi},
		Axes:  figure.Axes{Grid: true, Lines: true, Ticks: true, XLabel: "x"},
		Title: "f′(x) = " + ellipsis(o.d.String(), 60),
	}
	o.drawF(pf, c, x, fx, dfx, x1, dx, f1, showNext)
	o.drawDF(pd, c, x, dfx, x1, d1, showNext)
	return []*figure.Panel{pf, pd}
}

// drawF draws f, the trail of iterates, the tangent at x, the step
// −lr·f′(x) as an arrow along x and the point it leads to, and the
// current point (a handle).
func (o *oneD) drawF(p *figure.Panel, c curve, x, fx, dfx, x1, dx, f1 float64, showNext bool) {
	w := p.View().World
	sx, _ := p.View().Scale()
	items := []figure.Item{}
	for _, pts := range polylines(c.xs, c.fs, w.Y0, w.Y1) {
		items = append(items, figure.Path{Pts: pts, Style: figure.Style{Stroke: colF, Width: thickLine}})
	}
	items = append(items, o.trail(o.fs, w)...)
	here := finite(x, fx) && math.Abs(x) <= divergeLimit
	if here && finite(dfx) {
		// The tangent, a fifth of the window wide on each side, and never
		// more than two window heights above or below the point.
		half := 0.2 * w.W()
		if dfx != 0 {
			half = math.Min(half, 2*w.H()/math.Abs(dfx))
		}
		items = append(items, figure.Path{
			Pts:   []figure.Vec{{X: x - half, Y: fx - dfx*half}, {X: x + half, Y: fx + dfx*half}},
			Style: figure.Style{Stroke: colTan, Width: 1.5, Dash: true},
		})
	}
	if here && showNext && math.Abs(dx)*sx >= 2 {
		step := figure.Style{Stroke: colStep, Width: 2.5, Fill: colStep, FillAlpha: 1}
		// An arrow that leaves the window ends a window's width beyond it.
		to := math.Max(w.X0-w.W(), math.Min(w.X1+w.W(), x1))
		mid := (math.Max(w.X0, math.Min(x, to)) + math.Min(w.X1, math.Max(x, to))) / 2
		items = append(items,
			figure.Arrow{From: figure.Vec{X: x, Y: fx}, To: figure.Vec{X: to, Y: fx}, Head: 9, Style: step},
			figure.Text{At: figure.Vec{X: mid, Y: fx}, S: "−η·f′(x) = " + short(dx),
				Anchor: figure.Center | figure.Bottom, DY: -7, Color: colStep, Bold: true},
		)
		if finite(f1) && to == x1 {
			items = append(items,
				figure.Path{Pts: []figure.Vec{{X: x1, Y: fx}, {X: x1, Y: clampY(f1, w)}}, Style: figure.Style{Stroke: colStep, Width: 1, Dash: true}},
				figure.Point{P: figure.Vec{X: x1, Y: clampY(f1, w)}, Size: 5, Style: figure.Style{Stroke: colStep, Width: 2, Fill: figure.Paper, FillAlpha: 1}},
			)
		}
	}
	items = append(items, o.marks(w, x)...)
	switch {
	case here:
		items = append(items,
			figure.Point{ID: handleX, P: figure.Vec{X: x, Y: fx}, Size: handlePx,
				Style: figure.Style{Fill: figure.Ink, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}},
			sideLabel(w, figure.Vec{X: x, Y: fx}, "x = "+short(x), figure.Top, 6),
		)
	case finite(x) && math.Abs(x) <= divergeLimit:
		// f is undefined here: the point sits on the axis, still a handle.
		items = append(items, figure.Point{ID: handleX, P: figure.Vec{X: x, Y: math.Max(w.Y0, math.Min(w.Y1, 0))}, Size: handlePx,
			Style: figure.Style{Fill: colWarn, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}})
	}
	items = append(items, o.statusText(w)...)
	p.Items = items
}

// trail draws the earlier iterates on the curve ys (f or f′), joined in
// order, fading toward the oldest.
func (o *oneD) trail(ys []float64, w figure.Rect) []figure.Item {
	k := len(o.xs) - 1
	if k < 1 {
		return nil
	}
	var items []figure.Item
	var pts []figure.Vec
	first := max(0, k-maxTrailDots)
	for i := first; i <= k; i++ {
		if finite(o.xs[i], ys[i]) && math.Abs(o.xs[i]) <= divergeLimit {
			pts = append(pts, figure.Vec{X: o.xs[i], Y: clampY(ys[i], w)})
		}
	}
	if len(pts) > 1 {
		items = append(items, figure.Path{Pts: pts, Style: figure.Style{Stroke: colTrail, Width: 1.25, Alpha: 0.8}})
	}
	for i, pt := range pts[:max(0, len(pts)-1)] {
		alpha := 0.35 + 0.65*float64(i+1)/float64(len(pts))
		items = append(items, figure.Point{P: pt, Size: 3.5, Style: figure.Style{Fill: colTrail, FillAlpha: alpha}})
	}
	return items
}

// maxTrailDots bounds the dots drawn for earlier iterates.
const maxTrailDots = 400

func clampY(y float64, w figure.Rect) float64 {
	span := w.H()
	return math.Max(w.Y0-2*span, math.Min(w.Y1+2*span, y))
}

// sideLabel puts a label beside a point, on the side of the window with
// more room, dy pixels down (anchored by its top) or centred (Middle).
func sideLabel(w figure.Rect, at figure.Vec, s string, v figure.Anchor, dy float64) figure.Text {
	t := figure.Text{At: at, S: s, Anchor: figure.Left | v, DX: 10, DY: dy, Color: figure.Ink, Bold: true}
	if at.X > w.X0+0.7*w.W() {
		t.Anchor, t.DX = figure.Right|v, -10
	}
	return t
}

// marks says on the canvas what Check found at x: f undefined (a dashed
// line across the panel), no derivative (a kink) or an overflow.
func (o *oneD) marks(w figure.Rect, x float64) []figure.Item {
	var label string
	switch issueNote(o.issue) {
	case noteUndefined:
		label = "f(x) undefined"
	case noteKink:
		label = "no f′(x) here"
	case noteOverflow:
		label = "overflow"
	default:
		return nil
	}
	at := figure.Vec{X: x, Y: w.Y1}
	items := []figure.Item{}
	if finite(x) && x >= w.X0 && x <= w.X1 {
		items = append(items, figure.Path{Pts: []figure.Vec{{X: x, Y: w.Y0}, {X: x, Y: w.Y1}}, Style: figure.Style{Stroke: colWarn, Width: 1.5, Dash: true}})
	} else {
		at.X = (w.X0 + w.X1) / 2
	}
	anchor := figure.Left | figure.Top
	dx := 6.0
	if at.X > (w.X0+w.X1)/2 {
		anchor, dx = figure.Right|figure.Top, -6
	}
	return append(items, figure.Text{At: at, S: label, Anchor: anchor, DX: dx, DY: cornerPad, Color: colWarn, Bold: true})
}

// statusText writes the stop reason in the top-right corner.
func (o *oneD) statusText(w figure.Rect) []figure.Item {
	var s string
	col := colStep
	switch o.status {
	case stConverged:
		s = "|f′(x)| < ε: stop"
	case stDiverged:
		s, col = "diverged", colWarn
	case stMaxIter:
		s, col = "max_iter", figure.Muted
	default:
		return nil
	}
	return []figure.Item{figure.Text{At: figure.Vec{X: w.X1, Y: w.Y1}, S: s, Anchor: figure.Right | figure.Top,
		DX: -cornerPad, DY: cornerPad, Color: col, Bold: true, Size: 14}}
}

// drawDF draws f′ with the band |f′| < ε (strong once the rule stops the
// descent), the trail on f′, and the current slope as a dashed bar from 0.
func (o *oneD) drawDF(p *figure.Panel, c curve, x, dfx, x1, d1 float64, showNext bool) {
	v := p.View()
	w := v.World
	_, sy := v.Scale()
	half := math.Max(o.eps, minBandPx/2/sy)
	band := figure.Style{Fill: colStep, FillAlpha: 0.18}
	if o.status == stConverged {
		band.FillAlpha = 0.45
	}
	items := []figure.Item{
		figure.Box{R: figure.Rect{X0: w.X0, Y0: -half, X1: w.X1, Y1: half}, Style: band},
		figure.Text{At: figure.Vec{X: w.X1, Y: half}, S: "|f′| < ε", Anchor: figure.Right | figure.Bottom, DX: -cornerPad, DY: -3, Color: colStep, Bold: true, Size: 11},
	}
	for _, pts := range polylines(c.xs, c.ds, w.Y0, w.Y1) {
		items = append(items, figure.Path{Pts: pts, Style: figure.Style{Stroke: colDF, Width: 2}})
	}
	items = append(items, o.trail(o.ds, w)...)
	if finite(x, dfx) && math.Abs(x) <= divergeLimit {
		items = append(items,
			figure.Path{Pts: []figure.Vec{{X: x, Y: 0}, {X: x, Y: clampY(dfx, w)}}, Style: figure.Style{Stroke: colDF, Width: 1.5, Dash: true}},
		)
		if showNext && finite(x1, d1) {
			items = append(items, figure.Point{P: figure.Vec{X: x1, Y: clampY(d1, w)}, Size: 4,
				Style: figure.Style{Stroke: colStep, Width: 2, Fill: figure.Paper, FillAlpha: 1}})
		}
		items = append(items,
			figure.Point{ID: handleX, P: figure.Vec{X: x, Y: clampY(dfx, w)}, Size: handlePx - 1,
				Style: figure.Style{Fill: figure.Ink, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}},
			sideLabel(w, figure.Vec{X: x, Y: clampY(dfx, w)}, "f′(x) = "+short(dfx), figure.Middle, 0),
		)
	}
	p.Items = items
}

// invalidPanel shows a function that does not parse: what was typed and
// where the parser stopped, and nothing else.
func invalidPanel(w, h float64, prefix, src string, err error) *figure.Panel {
	frame := figure.Layout(w, h, 1)[0]
	p := &figure.Panel{ID: "invalid", Frame: frame, World: figure.Rect{X0: 0, Y0: 0, X1: 1, Y1: 1}}
	msg := "?"
	if err != nil {
		msg = ellipsis(err.Error(), 60)
	}
	p.Items = []figure.Item{
		figure.Text{At: figure.Vec{X: 0.5, Y: 0.5}, S: prefix + ellipsis(src, 48), Anchor: figure.Center | figure.Bottom, DY: -6,
			Color: figure.Ink, Size: 16, Bold: true},
		figure.Text{At: figure.Vec{X: 0.5, Y: 0.5}, S: msg, Anchor: figure.Center | figure.Top, DY: 6, Color: colWarn, Size: 14},
	}
	return p
}
