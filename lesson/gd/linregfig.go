package gd

import (
	"math"

	"github.com/aimath/playground/core/contour"
	"github.com/aimath/playground/core/figure"
)

// Panels of linreg.
const (
	panelData = "data"
	panelLoss = "loss"
	panelWB   = "wb"
)

// Colours of linreg: data Blue, the moving fit Orange (its line, its loss
// curve and its path in (w, b)), the least-squares target Green.
const (
	colData   = figure.Blue
	colFit    = figure.Orange
	colTarget = figure.Green
)

// maxLossPts bounds the vertices of the loss curve: beyond it the curve is
// drawn as the lowest and highest loss per bin, which keeps SGD's jitter
// visible.
const maxLossPts = 600

// frames3 lays out the data panel and the two small ones (loss curve,
// (w, b) plane): data on the left and the small ones stacked on the right
// when the canvas is wide; three stacked on a tall canvas; otherwise data
// above the two side by side.
func frames3(w, h float64) (data, loss, wb figure.Rect) {
	in := func(r figure.Rect) figure.Rect {
		return figure.Inset(r, figure.MarginLeft, figure.MarginTop, figure.MarginRight, figure.MarginBottom)
	}
	g := float64(figure.PanelGap)
	switch {
	case w >= 1.25*h:
		split := math.Round(0.55 * w)
		mid := math.Round(h / 2)
		return in(figure.Rect{X0: 0, Y0: 0, X1: split, Y1: h}),
			in(figure.Rect{X0: split + g, Y0: 0, X1: w, Y1: mid}),
			in(figure.Rect{X0: split + g, Y0: mid + g, X1: w, Y1: h})
	case h >= 1.5*w:
		a, b := math.Round(0.4*h), math.Round(0.7*h)
		return in(figure.Rect{X0: 0, Y0: 0, X1: w, Y1: a}),
			in(figure.Rect{X0: 0, Y0: a + g, X1: w, Y1: b}),
			in(figure.Rect{X0: 0, Y0: b + g, X1: w, Y1: h})
	}
	split := math.Round(0.55 * h)
	mid := math.Round(w / 2)
	return in(figure.Rect{X0: 0, Y0: 0, X1: w, Y1: split}),
		in(figure.Rect{X0: 0, Y0: split + g, X1: mid, Y1: h}),
		in(figure.Rect{X0: mid + g, Y0: split + g, X1: w, Y1: h})
}

func (m *linreg) figure(w, h float64) []*figure.Panel {
	fd, fl, fw := frames3(w, h)
	return []*figure.Panel{m.dataPanel(fd), m.lossPanel(fl), m.wbPanel(fw)}
}

// line returns the segment of y = w·x + b across [x0, x1].
func line(w, b, x0, x1 float64) []figure.Vec {
	return []figure.Vec{{X: x0, Y: w*x0 + b}, {X: x1, Y: w*x1 + b}}
}

// dataPanel: the points, the true line (gray, dashed), the least-squares
// line (green, dashed), the current fit (orange) and the last
// mini-batch's points ringed.
func (m *linreg) dataPanel(frame figure.Rect) *figure.Panel {
	lo, hi := yRange(m.y, trueW*xLo+trueB, trueW*xHi+trueB)
	p := &figure.Panel{ID: panelData, Frame: frame,
		World: figure.Rect{X0: xLo - 0.3, Y0: lo, X1: xHi + 0.3, Y1: hi},
		Axes:  figure.Axes{Grid: true, Lines: true, Ticks: true, XLabel: "x", YLabel: "y"}}
	wd := p.View().World
	items := []figure.Item{
		figure.Path{Pts: line(trueW, trueB, wd.X0, wd.X1), Style: figure.Style{Stroke: figure.Muted, Width: 1.25, Dash: true, Alpha: 0.7}},
	}
	if m.fitOK {
		items = append(items, figure.Path{Pts: line(m.fit.Beta1, m.fit.Beta0, wd.X0, wd.X1),
			Style: figure.Style{Stroke: colTarget, Width: 2, Dash: true}})
	}
	if finite(m.wb[0], m.wb[1]) {
		pts := line(m.wb[0], m.wb[1], wd.X0, wd.X1)
		for i := range pts {
			pts[i].Y = clampY(pts[i].Y, wd)
		}
		items = append(items, figure.Path{Pts: pts, Style: figure.Style{Stroke: colFit, Width: 2.75}})
	}
	for _, i := range m.cur {
		items = append(items, figure.Point{P: figure.Vec{X: m.x[i], Y: m.y[i]}, Size: 7.5, Style: figure.Style{Stroke: colFit, Width: 2}})
	}
	pt := figure.Style{Fill: colData, FillAlpha: 0.9, Stroke: figure.Paper, Width: 1}
	for i := range m.x {
		items = append(items, figure.Point{P: figure.Vec{X: m.x[i], Y: m.y[i]}, Size: 4, Style: pt})
	}
	corner := func(i int, s string, col figure.Color) figure.Item {
		return figure.Text{At: figure.Vec{X: wd.X0, Y: wd.Y1}, S: s, Anchor: figure.Left | figure.Top,
			DX: cornerPad, DY: cornerPad + lineGap*float64(i), Color: col, Bold: true}
	}
	items = append(items, corner(0, "w = "+short(m.wb[0])+",  b = "+short(m.wb[1]), colFit))
	if m.fitOK {
		items = append(items, corner(1, "w* = "+short(m.fit.Beta1)+",  b* = "+short(m.fit.Beta0), colTarget))
	}
	p.Items = items
	return p
}

// lossPanel: the loss over all the data after each update, against
// epochs, with the least-squares minimum L* dashed.
func (m *linreg) lossPanel(frame figure.Rect) *figure.Panel {
	l0 := m.losses[0].Y
	top := l0
	for _, q := range m.losses {
		if finite(q.Y) {
			top = math.Max(top, math.Min(q.Y, 10*l0))
		}
	}
	if !(top > 0) || !finite(top) {
		top = 1
	}
	right := math.Max(5, m.epoch*1.05)
	p := &figure.Panel{ID: panelLoss, Frame: frame,
		World: figure.Rect{X0: 0, Y0: 0, X1: right, Y1: top * 1.08},
		Axes:  figure.Axes{Grid: true, Ticks: true, XLabel: "epoch"},
		Title: "L(w, b)"}
	w := p.View().World
	items := []figure.Item{}
	if m.fitOK {
		items = append(items,
			figure.Path{Pts: []figure.Vec{{X: w.X0, Y: m.lossStar}, {X: w.X1, Y: m.lossStar}}, Style: figure.Style{Stroke: colTarget, Width: 1.5, Dash: true}},
			figure.Text{At: figure.Vec{X: w.X0, Y: m.lossStar}, S: "L*", Anchor: figure.Left | figure.Bottom, DX: 4, DY: -3, Color: colTarget, Bold: true},
		)
	}
	if pts := decimate(m.losses, w, frame.W()); len(pts) > 1 {
		items = append(items, figure.Path{Pts: pts, Style: figure.Style{Stroke: colFit, Width: 1.75}})
	}
	last := m.losses[len(m.losses)-1]
	if finite(last.Y) {
		items = append(items, figure.Point{P: figure.Vec{X: last.X, Y: clampY(last.Y, w)}, Size: 4, Style: figure.Style{Fill: colFit, FillAlpha: 1}})
	}
	p.Items = items
	return p
}

// decimate returns the curve with values pulled into view, and with more
// than maxLossPts points thinned to the first, lowest, highest and last of
// each of about px/3 bins along x.
func decimate(pts []figure.Vec, w figure.Rect, px float64) []figure.Vec {
	out := make([]figure.Vec, 0, min(len(pts), maxLossPts))
	keep := func(q figure.Vec) {
		if finite(q.X, q.Y) {
			out = append(out, figure.Vec{X: q.X, Y: clampY(q.Y, w)})
		}
	}
	if len(pts) <= maxLossPts {
		for _, q := range pts {
			keep(q)
		}
		return out
	}
	bins := max(2, int(px/3))
	width := (pts[len(pts)-1].X - pts[0].X) / float64(bins)
	for i := 0; i < len(pts); {
		end := i + 1
		for end < len(pts) && pts[end].X < pts[i].X+width {
			end++
		}
		lo, hi := i, i
		for j := i; j < end; j++ {
			if pts[j].Y < pts[lo].Y {
				lo = j
			}
			if pts[j].Y > pts[hi].Y {
				hi = j
			}
		}
		keep(pts[i])
		a, b := min(lo, hi), max(lo, hi)
		for _, j := range []int{a, b, end - 1} {
			if j > i {
				keep(pts[j])
			}
		}
		i = end
	}
	return out
}

// wbWindow is the part of the (w, b) plane shown: the start (0, 0) and the
// target with room around them.
func (m *linreg) wbWindow() figure.Rect {
	tw, tb := m.fit.Beta1, m.fit.Beta0
	if !m.fitOK {
		tw, tb = trueW, trueB
	}
	r := figure.Rect{X0: math.Min(0, tw), Y0: math.Min(0, tb), X1: math.Max(0, tw), Y1: math.Max(0, tb)}
	pad := 0.45 * math.Max(1, math.Max(r.W(), r.H()))
	return figure.Rect{X0: r.X0 - pad, Y0: r.Y0 - pad, X1: r.X1 + pad, Y1: r.Y1 + pad}
}

// wbPanel: the loss over the (w, b) plane as a filled contour map, the path
// of the fit from (0, 0), and the least-squares target.
func (m *linreg) wbPanel(frame figure.Rect) *figure.Panel {
	p := &figure.Panel{ID: panelWB, Frame: frame, World: m.wbWindow(), Equal: true,
		Axes:  figure.Axes{Ticks: true, Box: true, XLabel: "w", YLabel: "b"},
		Title: "(w, b)"}
	v := p.View()
	w := v.World
	if m.cache.stale("", w, frame) {
		nx, ny := gridSize(frame)
		m.cache.fill("gdlin:", contour.Sample(nil, nx, ny, w, m.lossAt), nx, ny)
	}
	sx, _ := v.Scale()
	items := make([]figure.Item, 0, len(m.cache.lines)+8)
	items = append(items, m.cache.raster)
	items = append(items, m.cache.lines...)
	if m.fitOK {
		star := figure.Vec{X: m.fit.Beta1, Y: m.fit.Beta0}
		items = append(items, cross(star, 5/sx, colTarget)...)
	}
	// The path, without points less than trailStepPx from the last one
	// kept (SGD makes tens of thousands of updates).
	pts := make([]figure.Vec, 0, min(len(m.path), 4096))
	minStep := trailStepPx / sx
	for i, q := range m.path {
		if !finite(q.X, q.Y) {
			break
		}
		q = figure.Vec{X: math.Max(w.X0-w.W(), math.Min(w.X1+w.W(), q.X)), Y: clampY(q.Y, w)}
		if n := len(pts); n > 0 && i < len(m.path)-1 && math.Hypot(q.X-pts[n-1].X, q.Y-pts[n-1].Y) < minStep {
			continue
		}
		pts = append(pts, q)
	}
	if len(pts) > 1 {
		items = append(items, figure.Path{Pts: pts, Style: figure.Style{Stroke: colFit, Width: 2}})
	}
	items = append(items, figure.Point{P: figure.Vec{}, Size: 4, Style: figure.Style{Fill: figure.Ink, FillAlpha: 1}})
	if len(pts) > 0 {
		items = append(items, figure.Point{P: pts[len(pts)-1], Size: 5.5, Style: figure.Style{Fill: colFit, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}})
	}
	p.Items = items
	return p
}
