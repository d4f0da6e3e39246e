package rnn

import (
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/aimath/playground/core/figure"
	core "github.com/aimath/playground/core/rnn"
)

// Panels of the unroll view.
const (
	unPanelNet  = "net"   // the unrolled network
	unPanelSeq  = "seq"   // the whole sequence: targets and outputs
	unPanelGrad = "grads" // log₁₀ ‖∂L/∂h_t‖ over the whole sequence
)

// Geometry of the unrolled network, in CSS pixels.
const (
	unSlotPx   = 62 // a time step needs about this much width
	unMaxCols  = 15
	unMinCols  = 3
	unTopBand  = 16 // the targets, above the outputs
	unIdxBand  = 15 // the step numbers, under the inputs
	unMinGap   = 18 // the shortest vertical arrow
	unOverview = 360
)

// unrollGeom places the columns of the unrolled net in the net panel,
// whose world is its pixels (y up).
type unrollGeom struct {
	cols       []int // the steps shown, left to right; the elided one is virtual
	virtual    int   // index in cols of the column standing for the elided steps, or −1
	sw, bw     float64
	yY, yH, yX float64 // centres of the output, hidden and input rows
	by, hb     float64 // heights of the x and y boxes, and of the h box
}

func (g *unrollGeom) cx(slot int) float64 { return (float64(slot) + 0.5) * g.sw }

// columns chooses the steps shown in w pixels: all of them when they fit,
// else the first and last few with one column between them that stands
// for the elided steps and shows cur (the step of the animation) while
// it is among them.
func columns(T int, w float64, cur int) (cols []int, virtual int) {
	n := max(unMinCols, min(unMaxCols, int(w/unSlotPx)-1))
	if T <= n {
		cols = make([]int, T)
		for i := range cols {
			cols[i] = i + 1
		}
		return cols, -1
	}
	head := (n - 1) / 2
	tail := n - 1 - head
	for t := 1; t <= head; t++ {
		cols = append(cols, t)
	}
	mid := min(max(cur, head+1), T-tail)
	cols = append(cols, mid)
	for t := T - tail + 1; t <= T; t++ {
		cols = append(cols, t)
	}
	return cols, head
}

func (s *unrollView) geom(f figure.Rect) unrollGeom {
	cur, _ := s.current()
	if s.focus > 0 {
		cur = s.focus
	}
	g := unrollGeom{}
	g.cols, g.virtual = columns(s.set.T, f.W(), cur)
	g.sw = f.W() / float64(len(g.cols)+1)
	g.bw = math.Max(16, math.Min(54, 0.5*g.sw))
	H := f.H()
	g.by = math.Max(14, math.Min(30, 0.12*H))
	g.hb = math.Max(20, math.Min(76, 0.24*H))
	fixed := float64(unTopBand + unIdxBand)
	if rest := H - fixed - 2*g.by - g.hb; rest < 2*unMinGap {
		k := math.Max(0.2, (H-fixed-2*unMinGap)/(2*g.by+g.hb))
		g.by *= k
		g.hb *= k
	}
	gap := (H - fixed - 2*g.by - g.hb) / 2
	g.yY = H - unTopBand - g.by/2
	g.yH = g.yY - g.by/2 - gap - g.hb/2
	g.yX = g.yH - g.hb/2 - gap - g.by/2
	return g
}

func (s *unrollView) panels(w, h float64) []*figure.Panel {
	all := figure.Rect{X1: w, Y1: h}
	if h < unOverview {
		return []*figure.Panel{s.netPanel(figure.Inset(all, 6, figure.MarginTop, 6, 4))}
	}
	top, bottom := split(all, 0.66, false)
	ps := []*figure.Panel{s.netPanel(figure.Inset(top, 6, figure.MarginTop, 6, 0))}
	if w >= 560 {
		a, b := split(bottom, 0.5, true)
		return append(ps, s.seqPanel(plotFrame(a)), s.gradPanel(plotFrame(b)))
	}
	return append(ps, s.gradPanel(plotFrame(bottom)))
}

// hLimit is the colour range ±lim of the hidden states: 1 for the
// squashing activations, the largest |h| for the others.
func (s *unrollView) hLimit() float64 {
	if s.set.act == core.Tanh || s.set.act == core.Sigmoid {
		return 1
	}
	m := 0.0
	for _, h := range s.l.tr.H {
		for _, v := range h {
			if a := math.Abs(v); a > m && !math.IsInf(a, 0) {
				m = a
			}
		}
	}
	if m == 0 {
		return 1
	}
	return m
}

// valueLabel writes a step's input, output or target: the number, or the
// character for "chars".
func (s *unrollView) valueLabel(v []float64) string {
	if s.set.task == "chars" {
		return charLabel(core.CharOf(v))
	}
	return boxNum(v[0])
}

// gradWidth maps ‖∂L/∂h_t‖ to an arrow width, on a log scale over the
// cycle's gradients.
type gradWidth struct{ lo, hi float64 }

func (s *unrollView) gradScale() gradWidth {
	lo, hi := logRange(s.l.g.DHNorm)
	return gradWidth{lo, hi}
}

func (gw gradWidth) width(g float64) float64 {
	if !(g > 0) {
		return 0
	}
	f := (log10(g) - gw.lo) / (gw.hi - gw.lo)
	return 1 + 6*math.Max(0, math.Min(1, f))
}

func (gw gradWidth) alpha(g float64) float64 {
	f := (log10(g) - gw.lo) / (gw.hi - gw.lo)
	return 0.35 + 0.65*math.Max(0, math.Min(1, f))
}

// netPanel draws the unrolled net: per step the input x_t, the hidden
// state h_t (its units as a strip of colours) and the output y_t, the
// shared weights W_x, W_h, W_y on every copy of their edge, the target
// above each output, and, as the backward pass reaches them, ∂L/∂h_t as
// arrows whose width grows with log ‖∂L/∂h_t‖.
func (s *unrollView) netPanel(f figure.Rect) *figure.Panel {
	g := s.geom(f)
	T := s.set.T
	fw, bk := s.forwardTo(), s.backTo()
	cur, _ := s.current()
	lim := s.hLimit()
	gw := s.gradScale()
	font := math.Max(8, math.Min(12, 0.42*g.by))
	wfont := math.Max(8, math.Min(11, 0.2*g.sw))
	var items []figure.Item

	box := func(cx, cy, w, h float64) figure.Rect {
		return figure.Rect{X0: cx - w/2, Y0: cy - h/2, X1: cx + w/2, Y1: cy + h/2}
	}
	text := func(at figure.Vec, str string, c figure.Color, anchor figure.Anchor, size float64) figure.Text {
		return figure.Text{At: at, S: str, Size: size, Anchor: anchor, Color: c}
	}
	// inBox fits a value's text to the width of a box.
	inBox := func(str string) float64 {
		return math.Max(6, math.Min(font, (g.bw-3)/(charEm*float64(utf8.RuneCountInString(str)))))
	}
	edge := func(from, to figure.Vec, c figure.Color, on, dashed bool) figure.Arrow {
		st := figure.Style{Stroke: c, Width: 1.75, Dash: dashed}
		if !on {
			st = figure.Style{Stroke: figure.Axis, Width: 1.25, Dash: dashed}
		}
		return figure.Arrow{From: from, To: to, Head: 7, Style: st}
	}

	// The current step's column, highlighted; the one pointed at, framed.
	for i, t := range g.cols {
		cx := g.cx(i + 1)
		band := figure.Rect{X0: cx - g.sw/2 + 2, Y0: 0, X1: cx + g.sw/2 - 2, Y1: f.H()}
		if t == cur && cur > 0 {
			items = append(items, figure.Box{R: band, Style: figure.Style{Fill: figure.Yellow, FillAlpha: 0.22}})
		}
		if t == s.focus {
			items = append(items, figure.Box{R: band, Style: figure.Style{Stroke: figure.Muted, Width: 1.5, Dash: true}})
		}
	}

	// h_0 and the row names.
	x0 := g.cx(0)
	h0 := box(x0, g.yH, g.bw, g.hb)
	items = append(items,
		figure.Box{R: h0, Style: figure.Style{Stroke: figure.Muted, Width: 1.25, Fill: figure.Paper, FillAlpha: 1}},
		text(figure.Vec{X: x0, Y: g.yH}, "0", figure.Muted, figure.Center|figure.Middle, font),
		text(figure.Vec{X: x0, Y: h0.Y0}, "h₀", figure.Muted, figure.Center|figure.Top, wfont),
		figure.Text{At: figure.Vec{X: x0, Y: g.yY}, S: "y_t", Size: wfont + 1, Bold: true, Anchor: figure.Center | figure.Middle, Color: colY},
		figure.Text{At: figure.Vec{X: x0, Y: g.yX}, S: "x_t", Size: wfont + 1, Bold: true, Anchor: figure.Center | figure.Middle, Color: colX},
	)

	prevRight := h0.X1
	for i, t := range g.cols {
		slot := i + 1
		cx := g.cx(slot)
		virtual := i == g.virtual
		done := t <= fw
		xr := box(cx, g.yX, g.bw, g.by)
		hr := box(cx, g.yH, g.bw, g.hb)
		yr := box(cx, g.yY, g.bw, g.by)
		dashIn := virtual || (i > 0 && i-1 == g.virtual)

		// Edges: x → h (W_x), h_{t−1} → h (W_h), h → y (W_y).
		items = append(items,
			edge(figure.Vec{X: cx, Y: xr.Y1}, figure.Vec{X: cx, Y: hr.Y0}, colX, done, false),
			edge(figure.Vec{X: prevRight, Y: g.yH + 0.18*g.hb}, figure.Vec{X: hr.X0, Y: g.yH + 0.18*g.hb}, colWh, done, dashIn),
			edge(figure.Vec{X: cx, Y: hr.Y1}, figure.Vec{X: cx, Y: yr.Y0}, colY, done, false),
		)
		if dashIn {
			items = append(items, text(figure.Vec{X: (prevRight + hr.X0) / 2, Y: g.yH - 0.18*g.hb}, "…", figure.Muted, figure.Center|figure.Middle, 14))
		}
		items = append(items,
			weightLabel(figure.Vec{X: cx, Y: (xr.Y1 + hr.Y0) / 2}, "W_x", colX, done, wfont, figure.Right|figure.Middle, -4, 0),
			weightLabel(figure.Vec{X: (prevRight + hr.X0) / 2, Y: g.yH + 0.18*g.hb}, "W_h", colWh, done, wfont, figure.Center|figure.Bottom, 0, -3),
			weightLabel(figure.Vec{X: cx, Y: (hr.Y1 + yr.Y0) / 2}, "W_y", colY, done, wfont, figure.Right|figure.Middle, -4, 0),
		)
		prevRight = hr.X1

		// The input (data: always shown) and the step number.
		xl := s.valueLabel(s.xs[t-1])
		boxStyle := func(c figure.Color, on bool) figure.Style {
			st := figure.Style{Stroke: c, Width: 1.5, Fill: figure.Paper, FillAlpha: 1, Dash: virtual}
			if !on {
				st.Stroke, st.Width = figure.Axis, 1.25
			}
			return st
		}
		items = append(items,
			figure.Box{R: xr, Style: boxStyle(colX, true)},
			text(figure.Vec{X: cx, Y: g.yX}, xl, figure.Ink, figure.Center|figure.Middle, inBox(xl)),
			figure.Text{At: figure.Vec{X: cx, Y: xr.Y0}, S: fmt.Sprint(t), Size: wfont, Anchor: figure.Center | figure.Top, DY: 2,
				Color: figure.Muted, Bold: t == cur})
		if tg := s.tg[t-1]; tg != nil {
			tl := s.valueLabel(tg)
			items = append(items, figure.Text{At: figure.Vec{X: cx, Y: yr.Y1}, S: tl, Size: math.Min(font, (g.sw-4)/(charEm*float64(utf8.RuneCountInString(tl)))),
				Anchor: figure.Center | figure.Bottom, DY: -2, Color: colTrue, Bold: true})
		}

		// The hidden state and the output, once computed.
		if done {
			h := s.l.tr.H[t-1]
			items = append(items, figure.Raster{Key: fmt.Sprintf("h-%d-%d", s.cycle, t), R: hr, W: 1, H: len(h),
				Values: h, Min: -lim, Max: lim, Map: figure.Diverge})
			if len(h) == 1 {
				c := figure.Ink
				if math.Abs(h[0]) > 0.6*lim {
					c = figure.Paper
				}
				hl := boxNum(h[0])
				items = append(items, text(figure.Vec{X: cx, Y: g.yH}, hl, c, figure.Center|figure.Middle, inBox(hl)))
			}
			yl := s.valueLabel(s.l.tr.Y[t-1])
			items = append(items,
				figure.Box{R: yr, Style: boxStyle(colY, true)},
				text(figure.Vec{X: cx, Y: g.yY}, yl, colY, figure.Center|figure.Middle, inBox(yl)))
		} else {
			items = append(items, figure.Box{R: yr, Style: boxStyle(colY, false)})
		}
		hst := figure.Style{Stroke: figure.Ink, Width: 1.5, Dash: virtual} // over the raster
		if !done {
			hst = boxStyle(figure.Ink, false)
		}
		items = append(items, figure.Box{R: hr, Style: hst})

		// The backward pass: ∂L/∂y_t into h_t, and ∂L/∂h_t on to h_{t−1}.
		if t >= bk {
			gn := s.l.g.DHNorm[t-1]
			if dy := s.l.tr.DY[t-1]; !allZeroRow(dy) {
				items = append(items, figure.Arrow{From: figure.Vec{X: cx + 7, Y: yr.Y0}, To: figure.Vec{X: cx + 7, Y: hr.Y1},
					Head: 6, Style: figure.Style{Stroke: colGrad, Width: 1.5}})
			}
			if gn > 0 && t > 1 {
				left := g.cx(slot-1) + g.bw/2
				y := g.yH - 0.22*g.hb
				items = append(items, figure.Arrow{From: figure.Vec{X: hr.X0, Y: y}, To: figure.Vec{X: left, Y: y},
					Head: 6 + gw.width(gn), Style: figure.Style{Stroke: colGrad, Width: gw.width(gn), Alpha: gw.alpha(gn), Dash: dashIn}})
			}
			items = append(items, figure.Text{At: figure.Vec{X: cx + 3, Y: hr.Y0}, S: sig2(gn), Size: wfont,
				Anchor: figure.Left | figure.Top, DY: 2, Color: colGrad, Bold: true})
		}
	}
	return &figure.Panel{ID: unPanelNet, Frame: f, World: pixelWorld(f), Equal: true, Title: s.title(T), Items: items}
}

// weightLabel names a weight on its edge, muted until the edge is used.
func weightLabel(at figure.Vec, name string, c figure.Color, on bool, size float64, anchor figure.Anchor, dx, dy float64) figure.Text {
	if !on {
		c = figure.Muted
	}
	return figure.Text{At: at, S: name, Size: size, Anchor: anchor, DX: dx, DY: dy, Color: c, Bold: on}
}

func allZeroRow(r []float64) bool {
	for _, v := range r {
		if v != 0 {
			return false
		}
	}
	return true
}

// title says what the stage computes, with its numbers.
func (s *unrollView) title(T int) string {
	t, phase := s.current()
	phi := s.set.act.String()
	switch phase {
	case phaseForward:
		return fmt.Sprintf("h%s = %s(W_x x%s + W_h h%s + b),  y%s = W_y h%s + c", sub(t), phi, sub(t), sub(t-1), sub(t), sub(t))
	case phaseBackward:
		return fmt.Sprintf("‖∂L/∂h%s‖ = %s", sub(t), figure.Num(s.l.g.DHNorm[t-1]))
	case phaseUpdate:
		clip := ""
		if s.clipped {
			clip = fmt.Sprintf(",  ‖∂L/∂θ‖ = %s → %s", figure.Num(s.l.norm), figure.Num(s.k.clip))
		}
		return fmt.Sprintf("θ ← θ − η ∂L/∂θ:  L = %s → %s%s", figure.Num(s.lossBefore), figure.Num(s.loss), clip)
	}
	return fmt.Sprintf("h₀ = 0,  T = %d,  L = %s", T, figure.Num(s.loss))
}

// seqPanel shows the whole sequence: the targets, and the outputs as far
// as the forward pass has got ("chars": whether each output's largest
// entry is the target character).
func (s *unrollView) seqPanel(f figure.Rect) *figure.Panel {
	T := s.set.T
	fw := s.forwardTo()
	p := &figure.Panel{ID: unPanelSeq, Frame: f, Axes: figure.Axes{Grid: true, Ticks: true, XLabel: "t"}}
	var truth, ys, xs []figure.Vec
	for t := 1; t <= T; t++ {
		if tg := s.tg[t-1]; tg != nil && s.set.task != "chars" {
			truth = append(truth, figure.Vec{X: float64(t), Y: tg[0]})
		}
		if s.set.task == "memory" {
			xs = append(xs, figure.Vec{X: float64(t), Y: s.xs[t-1][0]})
		}
		if t <= fw && s.set.task != "chars" {
			ys = append(ys, figure.Vec{X: float64(t), Y: s.l.tr.Y[t-1][0]})
		}
	}
	if s.set.task == "chars" {
		p.World = figure.Rect{X0: 0.5, Y0: 0, X1: float64(T) + 0.5, Y1: 1}
		p.Axes.Ticks, p.Axes.Grid = false, false
		p.Axes.Box = true
		p.Items = s.markers(0, 1)
		for t := 1; t <= fw; t++ {
			c := colGrad
			if charIndex(s.l.tr.Y[t-1]) == charIndex(s.tg[t-1]) {
				c = colTrue
			}
			p.Items = append(p.Items, figure.Box{R: figure.Rect{X0: float64(t) - 0.45, Y0: 0.1, X1: float64(t) + 0.45, Y1: 0.9},
				Style: figure.Style{Fill: c, FillAlpha: 0.8}})
		}
		return p
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, set := range [][]figure.Vec{truth, xs} {
		for _, q := range set {
			lo, hi = math.Min(lo, q.Y), math.Max(hi, q.Y)
		}
	}
	if !(hi > lo) {
		lo, hi = lo-1, hi+1
	}
	span := hi - lo
	for _, q := range ys { // the outputs widen the range by one span at most
		lo = math.Min(lo, math.Max(q.Y, lo-span))
		hi = math.Max(hi, math.Min(q.Y, hi+span))
	}
	pad := 0.12 * (hi - lo)
	lo, hi = lo-pad, headroom(lo-pad, hi+pad, f.H(), 2)
	for i := range ys {
		ys[i].Y = clampY(ys[i].Y, lo, hi)
	}
	p.World = figure.Rect{X0: 0.5, Y0: lo, X1: float64(T) + 0.5, Y1: hi}
	p.Items = append(p.Items, s.markers(lo, hi)...)
	small := 2.0
	if T > 60 {
		small = 0
	}
	if len(xs) > 0 {
		p.Items = append(p.Items, polyline(xs, colX, 1.25, false))
		if small > 0 {
			p.Items = append(p.Items, dots(xs, colX, small)...)
		}
	}
	if len(truth) > 1 {
		p.Items = append(p.Items, polyline(truth, colTrue, 1.5, false))
	}
	if small > 0 || len(truth) == 1 {
		p.Items = append(p.Items, dots(truth, colTrue, math.Max(small, 3.5))...)
	}
	if len(ys) > 1 {
		p.Items = append(p.Items, polyline(ys, colY, 1.75, false))
	}
	if small > 0 || s.set.task == "memory" {
		p.Items = append(p.Items, dots(ys, colY, math.Max(small, 2.5))...)
	}
	labels, colors := []string{"s_t", "y_t"}, []figure.Color{colTrue, colY}
	if s.set.task == "memory" {
		labels, colors = []string{"x_t", "y_t"}, []figure.Color{colX, colY}
	}
	p.Items = append(p.Items, legend(p.View().World, topRight, labels, colors)...)
	return p
}

// markers are the vertical lines of an overview panel spanning lo…hi:
// the animated step (yellow) and the step pointed at (dashed).
func (s *unrollView) markers(lo, hi float64) []figure.Item {
	var items []figure.Item
	if cur, _ := s.current(); cur > 0 {
		items = append(items, figure.Path{Pts: []figure.Vec{{X: float64(cur), Y: lo}, {X: float64(cur), Y: hi}},
			Style: figure.Style{Stroke: figure.Yellow, Width: 3}})
	}
	if s.focus > 0 {
		items = append(items, figure.Path{Pts: []figure.Vec{{X: float64(s.focus), Y: lo}, {X: float64(s.focus), Y: hi}},
			Style: figure.Style{Stroke: figure.Muted, Width: 1.5, Dash: true}})
	}
	return items
}

// gradPanel plots log₁₀ ‖∂L/∂h_t‖ over the whole sequence as the
// backward pass reveals it, on axes fixed for the cycle.
func (s *unrollView) gradPanel(f figure.Rect) *figure.Panel {
	T := s.set.T
	n := s.l.g.DHNorm
	lo, hi := logRange(n)
	p := &figure.Panel{ID: unPanelGrad, Frame: f, World: figure.Rect{X0: 0.5, Y0: lo, X1: float64(T) + 0.5, Y1: hi},
		Title: "log₁₀ ‖∂L/∂h_t‖", Axes: figure.Axes{Grid: true, Ticks: true, XLabel: "t"}}
	p.Items = append(p.Items, s.markers(lo, hi)...)
	var pts []figure.Vec
	for t := T; t >= s.backTo(); t-- {
		if n[t-1] > 0 {
			pts = append(pts, figure.Vec{X: float64(t), Y: log10(n[t-1])})
		}
	}
	p.Items = append(p.Items, polyline(pts, colGrad, 2, false))
	if T <= 60 {
		p.Items = append(p.Items, dots(pts, colGrad, 2.5)...)
	}
	return p
}
