package bayes

import (
	"math"
	"strconv"
	"strings"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// Panel IDs of the confounding view.
const (
	panelBars    = "rates"
	panelDiagram = "diagram"
)

// Colours of the confounding view: treatment A Blue, B Orange, a reversed
// comparison Vermillion.
var colTreat = [2]figure.Color{figure.Blue, figure.Orange}

const colReversal = figure.Vermillion

// Pixel sizes of the bars panel.
const (
	barsPadLeft   = 30
	barsPadRight  = 4
	barsPadTop    = 22 // the legend and the values above the bars
	barsPadBottom = 36 // two rows of labels under the groups
)

// barGeom maps the bars panel: 4 groups of 2 bars (small stones, large
// stones, pooled, adjusted) over rates from 0 to 1.
type barGeom struct {
	x0, x1, y0, y1 float64 // the plot area, pixels with y up
	font           float64
}

const barGroups = 4

func newBarGeom(frame figure.Rect) barGeom {
	g := barGeom{x0: barsPadLeft, x1: math.Max(barsPadLeft+1, frame.W()-barsPadRight),
		y0: barsPadBottom, y1: math.Max(barsPadBottom+1, frame.H()-barsPadTop)}
	g.font = math.Max(9, math.Min(12, (g.x1-g.x0)/barGroups/7))
	return g
}

// group is the width of one group.
func (g barGeom) group() float64 { return (g.x1 - g.x0) / barGroups }

// bar is the x span of bar j (0 A, 1 B) of group k.
func (g barGeom) bar(k, j int) (float64, float64) {
	w := g.group()
	half := math.Min(34, 0.3*w) / 2
	cx := g.x0 + (float64(k)+0.5)*w + (float64(j)-0.5)*(2*half+3)
	return cx - half, cx + half
}

// y is the height of rate r.
func (g barGeom) y(r float64) float64 { return g.y0 + clamp01(r)*(g.y1-g.y0) }

// rate is the rate at height y.
func (g barGeom) rate(y float64) float64 { return (y - g.y0) / (g.y1 - g.y0) }

func (s *confoundingView) panels(w, h float64) []*figure.Panel {
	fr := splitFrames(w, h, 0.45) // stacked, the diagram needs the room
	s.geom = newBarGeom(fr[0])
	return []*figure.Panel{s.barsPanel(fr[0]), s.diagramPanel(fr[1])}
}

// barsPanel draws the success rates of A and B within each stone size,
// pooled (naive) and adjusted, with the comparison under each group. The
// per-stratum bars have handles: dragging one changes its successes.
func (s *confoundingView) barsPanel(frame figure.Rect) *figure.Panel {
	p := pixelPanel(panelBars, "P(Y=1 | …)", frame)
	g := s.geom
	items := []figure.Item{}
	for _, r := range []float64{0, 0.25, 0.5, 0.75, 1} {
		y := g.y(r)
		items = append(items, figure.Path{Pts: []figure.Vec{{X: g.x0, Y: y}, {X: g.x1, Y: y}}, Style: figure.Style{Stroke: figure.Grid, Width: 1}})
		if r == 0 || r == 0.5 || r == 1 {
			items = append(items, text(g.x0-4, y, strconv.FormatFloat(r, 'g', -1, 64), 11, figure.Right|figure.Middle, figure.Muted, false))
		}
	}
	// Each group's two rates (NaN where a cell is invalid) and its name.
	type groupRates struct {
		r    [2]float64
		name string
	}
	groups := [barGroups]groupRates{{name: "Z = S"}, {name: "Z = L"}, {name: "P(Y|T)"}, {name: "P(Y|do(T))"}}
	for i := range 2 {
		for z := range 2 {
			groups[z].r[i] = math.NaN()
			if s.t[i][z].Valid() {
				groups[z].r[i] = s.t.Rate(i, z)
			}
		}
		groups[2].r[i], groups[3].r[i] = math.NaN(), math.NaN()
		if s.valid(i) {
			groups[2].r[i], groups[3].r[i] = s.t.Naive(i), s.t.Adjusted(i)
		}
	}
	// The pooled comparison is the one that reverses, when the paradox
	// occurs.
	reversed := s.valid(0) && s.valid(1) && strings.HasPrefix(s.paradox(), keySimpson)
	for k, gr := range groups {
		cx := g.x0 + (float64(k)+0.5)*g.group()
		for j := range 2 {
			items = append(items, s.barItems(k, j, gr.r[j])...)
		}
		items = append(items, text(cx, g.y0-4, gr.name, g.font, figure.Center|figure.Top, figure.Ink, k >= 2))
		cmp, col := "", figure.Muted
		switch a, b := gr.r[0], gr.r[1]; {
		case math.IsNaN(a) || math.IsNaN(b):
			cmp = "s > n"
			col = colReversal
		case a > b:
			cmp = "A > B"
		case a < b:
			cmp = "A < B"
		default:
			cmp = "A = B"
		}
		if reversed && k == 2 {
			col = colReversal
		}
		items = append(items, text(cx, g.y0-6-g.font*1.3, cmp, g.font, figure.Center|figure.Top, col, reversed && k == 2))
	}
	// A divider between the strata and the two summaries, and the legend.
	xd := g.x0 + 2*g.group()
	items = append(items, figure.Path{Pts: []figure.Vec{{X: xd, Y: 0}, {X: xd, Y: g.y1}}, Style: figure.Style{Stroke: figure.Axis, Width: 1, Dash: true}})
	for j, name := range []string{"A", "B"} {
		x := g.x1 - 52 + 28*float64(j)
		y := frame.H() - 9
		items = append(items,
			figure.Box{R: figure.Rect{X0: x, Y0: y - 5, X1: x + 10, Y1: y + 5}, Style: figure.Style{Fill: colTreat[j], FillAlpha: 0.85}},
			text(x+13, y, name, 12, figure.Left|figure.Middle, figure.Ink, true))
	}
	p.Items = items
	return p
}

// barItems draws bar j of group k at rate r: for the strata, a handle at
// its top and the counts inside it.
func (s *confoundingView) barItems(k, j int, r float64) []figure.Item {
	g := s.geom
	xa, xb := g.bar(k, j)
	if math.IsNaN(r) {
		return nil
	}
	col := colTreat[j]
	st := figure.Style{Fill: col, FillAlpha: 0.85, Stroke: col, Width: 1}
	if k == 2 {
		st = figure.Style{Fill: col, FillAlpha: 0.35, Stroke: col, Width: 1.5}
	}
	id := ""
	if k < 2 {
		id = cells[j][k].name
	}
	items := []figure.Item{
		figure.Box{ID: id, R: figure.Rect{X0: xa, Y0: g.y0, X1: xb, Y1: math.Max(g.y0+0.5, g.y(r))}, Style: st},
	}
	lift := 3.0
	if k < 2 {
		lift = 8 // above the handle
		items = append(items, figure.Point{ID: id, P: figure.Vec{X: (xa + xb) / 2, Y: g.y(r)}, Size: 4.5,
			Style: figure.Style{Fill: figure.Paper, FillAlpha: 1, Stroke: figure.Ink, Width: 1.5}})
	}
	return append(items, text((xa+xb)/2, g.y(r)+lift, round3(r), g.font-1, figure.Center|figure.Bottom, figure.Ink, k == 3))
}

// cellAt returns the stratum bar (2·treatment + stratum) under the pixel
// x of the bars panel, or −1.
func (s *confoundingView) cellAt(x float64) int {
	for k := range 2 {
		for j := range 2 {
			if xa, xb := s.geom.bar(k, j); x >= xa-4 && x <= xb+4 {
				return 2*j + k
			}
		}
	}
	return -1
}

// pointer drags a stratum's bar: its successes follow the pointer.
func (s *confoundingView) pointer(p lesson.Pointer, v *param.Values) bool {
	switch p.Phase {
	case lesson.Down:
		s.drag = -1
		if p.Button != 0 || p.Panel != panelBars {
			return false
		}
		k := s.cellAt(p.At.X)
		if k < 0 || !s.t[k/2][k%2].Valid() {
			return false
		}
		s.drag = k
		return s.setRate(k, s.geom.rate(p.At.Y), v)
	case lesson.Move:
		if s.drag < 0 || !p.Held {
			return false
		}
		return s.setRate(s.drag, s.geom.rate(p.At.Y), v)
	case lesson.Up:
		s.drag = -1
	}
	return false
}

// diagramPanel draws the causal diagram twice, as observed (Z → T, Z → Y,
// T → Y) and under the intervention do(T) (no arrow into T), each with
// the formula of its rate and the numbers.
func (s *confoundingView) diagramPanel(frame figure.Rect) *figure.Panel {
	p := pixelPanel(panelDiagram, "Z → T, Z → Y, T → Y", frame)
	W, H := frame.W(), frame.H()
	lines := s.formulaLines()
	var longest []string
	for _, l := range lines {
		longest = append(longest, l.s)
	}
	font := fitSize(W-8, 8, 14, longest...)
	lineH := font * 1.35
	block := float64(len(lines))*lineH + 4
	var items []figure.Item
	y := block - lineH/2
	for _, l := range lines {
		items = append(items, text(4, y, l.s, font, figure.Left|figure.Middle, l.col, l.bold))
		y -= lineH
	}
	// The diagrams: a triangle wider than high, centred in the room
	// above the formulas.
	room := H - block - 6
	dw := W * 0.4
	dh := math.Min(room, 0.75*dw)
	if dh >= 40 {
		r := math.Min(18, dh/4.5)
		y0 := block + 6 + (room-dh)/2
		for i, do := range []bool{false, true} {
			cx := W * (0.25 + 0.5*float64(i))
			items = append(items, diagram(cx, y0, math.Min(dw, 2.6*dh), dh, r, do)...)
		}
	}
	p.Items = items
	return p
}

// formulaLine is a line of text in a colour.
type formulaLine struct {
	s    string
	col  figure.Color
	bold bool
}

// formulaLines are P(Y | T) = Σ_z P(Y | T, z) P(z | T) and P(Y | do(T))
// = Σ_z P(Y | T, z) P(z) with the numbers, for each valid treatment.
func (s *confoundingView) formulaLines() []formulaLine {
	var out []formulaLine
	for _, do := range []bool{false, true} {
		for i, t := range []string{"A", "B"} {
			if !s.valid(i) {
				continue
			}
			lhs, w0, w1, res := "P(Y|"+t+") = ", s.t.PZGiven(0, i), s.t.PZGiven(1, i), s.t.Naive(i)
			if do {
				lhs, w0, w1, res = "P(Y|do("+t+")) = ", s.t.PZ(0), s.t.PZ(1), s.t.Adjusted(i)
			}
			line := lhs + round3(s.t.Rate(i, 0)) + "·" + round3(w0) + " + " + round3(s.t.Rate(i, 1)) + "·" + round3(w1) + " = " + round3(res)
			out = append(out, formulaLine{line, colTreat[i], do})
		}
	}
	return out
}

// diagram draws Z above T and Y in a w×h box whose bottom centre is (cx,
// y0): arrows Z → T, Z → Y, T → Y, and for do(T) the arrow into T cut and
// T a square (set, not caused).
func diagram(cx, y0, w, h, r float64, do bool) []figure.Item {
	z := figure.Vec{X: cx, Y: y0 + h - r - 14}
	t := figure.Vec{X: cx - w/2 + r, Y: y0 + r + 2}
	yv := figure.Vec{X: cx + w/2 - r, Y: y0 + r + 2}
	// edge is an arrow between two nodes' rims; none when they touch.
	edge := func(a, b figure.Vec, st figure.Style) []figure.Item {
		d := math.Hypot(b.X-a.X, b.Y-a.Y)
		if d < 2*r+4 {
			return nil
		}
		ux, uy := (b.X-a.X)/d, (b.Y-a.Y)/d
		return []figure.Item{figure.Arrow{From: figure.Vec{X: a.X + ux*(r+2), Y: a.Y + uy*(r+2)},
			To: figure.Vec{X: b.X - ux*(r+3), Y: b.Y - uy*(r+3)}, Head: 8, Style: st}}
	}
	solid := figure.Style{Stroke: figure.Ink, Width: 1.75, Fill: figure.Ink, FillAlpha: 1}
	items := append(edge(z, yv, solid), edge(t, yv, solid)...)
	title := "P(Y|T)"
	if do {
		title = "P(Y|do(T))"
		cut := figure.Style{Stroke: figure.Axis, Width: 1.25, Dash: true, Fill: figure.Axis, FillAlpha: 1}
		mid := figure.Vec{X: (z.X + t.X) / 2, Y: (z.Y + t.Y) / 2}
		items = append(items, edge(z, t, cut)...)
		items = append(items, text(mid.X, mid.Y, "×", 16, figure.Center|figure.Middle, colReversal, true))
	} else {
		items = append(items, edge(z, t, solid)...)
	}
	node := func(c figure.Vec, name string, square bool) []figure.Item {
		st := figure.Style{Fill: figure.Paper, FillAlpha: 1, Stroke: figure.Ink, Width: 1.75}
		var shape figure.Item = figure.Point{P: c, Size: r, Style: st}
		if square {
			shape = figure.Box{R: figure.Rect{X0: c.X - r, Y0: c.Y - r, X1: c.X + r, Y1: c.Y + r}, Style: st}
		}
		return []figure.Item{shape, text(c.X, c.Y, name, math.Max(10, r), figure.Center|figure.Middle, figure.Ink, true)}
	}
	items = append(items, node(z, "Z", false)...)
	items = append(items, node(t, "T", do)...)
	items = append(items, node(yv, "Y", false)...)
	items = append(items, text(cx, y0+h, title, 12, figure.Center|figure.Top, figure.Ink, true))
	return items
}
