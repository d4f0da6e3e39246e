package prob

import (
	"math"

	"github.com/aimath/playground/core/figure"
)

// Colours of the joint view: marginals Blue, the slice p(x, y) at x
// Purple, the conditional p(y | x) Orange.
const (
	colMarg  = figure.Blue
	colSlice = figure.Purple
	colCond  = figure.Orange
)

// jointFrames lays out the joint view: the heatmap (square) with p(x)
// above it and p(y) on its right, and the conditional beside the three
// on a wide canvas or below them on a narrow one.
func jointFrames(w, h float64) (heat, px, py, cond figure.Rect) {
	const gap = 6
	wide := w >= 600 && w >= 1.1*h
	var block, rest figure.Rect
	if wide {
		split := math.Round(0.56 * w)
		block = figure.Rect{X0: 0, Y0: 0, X1: split, Y1: h}
		rest = figure.Rect{X0: split + figure.PanelGap, Y0: 0, X1: w, Y1: h}
	} else {
		split := math.Round(0.6 * h)
		block = figure.Rect{X0: 0, Y0: 0, X1: w, Y1: split}
		rest = figure.Rect{X0: 0, Y0: split + figure.PanelGap, X1: w, Y1: h}
	}
	marg := math.Round(math.Min(110, 0.2*math.Min(block.W(), block.H())))
	availW := block.W() - figure.MarginLeft - figure.MarginRight - marg - gap
	availH := block.H() - figure.MarginTop - figure.MarginBottom - marg - gap
	side := math.Max(20, math.Floor(math.Min(availW, availH)))
	x0 := block.X0 + figure.MarginLeft + math.Floor((availW-side)/2)
	y0 := block.Y0 + figure.MarginTop + marg + gap + math.Floor((availH-side)/2)
	heat = figure.Rect{X0: x0, Y0: y0, X1: x0 + side, Y1: y0 + side}
	px = figure.Rect{X0: heat.X0, Y0: heat.Y0 - gap - marg, X1: heat.X1, Y1: heat.Y0 - gap}
	py = figure.Rect{X0: heat.X1 + gap, Y0: heat.Y0, X1: heat.X1 + gap + marg, Y1: heat.Y1}
	cond = figure.Inset(rest, figure.MarginLeft, figure.MarginTop, figure.MarginRight, figure.MarginBottom)
	return heat, px, py, cond
}

func (s *jointView) panels(w, h float64) []*figure.Panel {
	heat, px, py, cond := jointFrames(w, h)
	if s.kind == jointTable {
		return []*figure.Panel{s.tableHeat(heat), s.tablePX(px), s.tablePY(py), s.tableCond(cond)}
	}
	return []*figure.Panel{s.normalHeat(heat), s.normalPX(px), s.normalPY(py), s.normalCond(cond)}
}

// phi is the standard normal density.
func phi(x float64) float64 { return math.Exp(-x*x/2) / math.Sqrt(2*math.Pi) }

var jointWorld = figure.Rect{X0: -sliceLimit, Y0: -sliceLimit, X1: sliceLimit, Y1: sliceLimit}

func (s *jointView) normalHeat(frame figure.Rect) *figure.Panel {
	p := &figure.Panel{ID: panelJoint, Frame: frame, World: jointWorld,
		Axes: figure.Axes{Ticks: true, XLabel: "x", YLabel: "y", Box: true}}
	top := bvnDensity(0, 0, s.rho)
	items := []figure.Item{
		figure.Raster{Key: s.gridKey, R: jointWorld, W: jointCells, H: jointCells, Values: s.grid, Min: 0, Max: top, Map: figure.Viridis, Smooth: true},
		figure.Text{At: figure.Vec{X: -sliceLimit, Y: sliceLimit}, S: "p(x, y)", Size: 12, Bold: true, Anchor: figure.Left | figure.Top, DX: 5, DY: 4, Color: figure.Paper},
	}
	items = append(items, s.sliceItems(s.slice, -sliceLimit, sliceLimit)...)
	p.Items = items
	return p
}

// sliceItems draws the slice at x over a heatmap from y0 to y1, with its
// handle at the top.
func (s *jointView) sliceItems(x, y0, y1 float64) []figure.Item {
	return []figure.Item{
		figure.Path{Pts: []figure.Vec{{X: x, Y: y0}, {X: x, Y: y1}}, Style: figure.Style{Stroke: figure.Paper, Width: 2.5, Alpha: 0.9}},
		figure.Path{Pts: []figure.Vec{{X: x, Y: y0}, {X: x, Y: y1}}, Style: figure.Style{Stroke: colSlice, Width: 1.5, Dash: true}},
		figure.Point{ID: idSlice, P: figure.Vec{X: x, Y: y1}, Size: 6, Style: figure.Style{Fill: colSlice, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}},
	}
}

func (s *jointView) normalPX(frame figure.Rect) *figure.Panel {
	top := 1.2 * phi(0)
	world := figure.Rect{X0: -sliceLimit, Y0: 0, X1: sliceLimit, Y1: top}
	p := &figure.Panel{ID: panelPX, Frame: frame, World: world, Title: "p(x)"}
	pts := curve(phi, -sliceLimit, sliceLimit, 200, 0, top)[0]
	poly := append([]figure.Vec{{X: -sliceLimit, Y: 0}}, pts...)
	poly = append(poly, figure.Vec{X: sliceLimit, Y: 0})
	at := phi(s.slice)
	p.Items = []figure.Item{
		figure.Path{Pts: poly, Closed: true, Style: figure.Style{Fill: colMarg, FillAlpha: 0.2, Stroke: colMarg, Width: 2}},
		figure.Path{Pts: []figure.Vec{{X: s.slice, Y: 0}, {X: s.slice, Y: at}}, Style: figure.Style{Stroke: colSlice, Width: 2}},
		figure.Point{ID: idSlice, P: figure.Vec{X: s.slice, Y: at}, Size: 5, Style: figure.Style{Fill: colSlice, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}},
		figure.Text{At: figure.Vec{X: sliceLimit, Y: top}, S: "p(" + figNum(s.slice) + ") = " + figNum(at), Size: 11, Anchor: figure.Right | figure.Top, DX: -2, DY: 2, Color: colSlice, Bold: true},
	}
	return p
}

func (s *jointView) normalPY(frame figure.Rect) *figure.Panel {
	top := 1.2 * phi(0)
	world := figure.Rect{X0: 0, Y0: -sliceLimit, X1: top, Y1: sliceLimit}
	p := &figure.Panel{ID: panelPY, Frame: frame, World: world, Title: "p(y)"}
	var pts []figure.Vec
	for i := 0; i <= 200; i++ {
		y := -sliceLimit + 2*sliceLimit*float64(i)/200
		pts = append(pts, figure.Vec{X: phi(y), Y: y})
	}
	poly := append([]figure.Vec{{X: 0, Y: -sliceLimit}}, pts...)
	poly = append(poly, figure.Vec{X: 0, Y: sliceLimit})
	p.Items = []figure.Item{figure.Path{Pts: poly, Closed: true, Style: figure.Style{Fill: colMarg, FillAlpha: 0.2, Stroke: colMarg, Width: 2}}}
	return p
}

// normalCond draws p(y | x) = N(ρx, 1 − ρ²) over the marginal p(y)
// (dashed) and the slice p(x, y) itself (shaded), which the conditional
// rescales by 1/p(x).
func (s *jointView) normalCond(frame figure.Rect) *figure.Panel {
	mean, variance := s.conditional(s.slice)
	sd := math.Sqrt(variance)
	peak := 1 / (sd * math.Sqrt(2*math.Pi))
	top := 1.45 * math.Max(peak, phi(0))
	world := figure.Rect{X0: -sliceLimit, Y0: 0, X1: sliceLimit, Y1: top}
	p := plotPanel(panelCond, frame, world, "p(y | x = "+figNum(s.slice)+")", "y")
	cond := func(y float64) float64 { return phi((y-mean)/sd) / sd }
	slice := func(y float64) float64 { return bvnDensity(s.slice, y, s.rho) }
	sl := curve(slice, -sliceLimit, sliceLimit, 200, 0, top)[0]
	poly := append([]figure.Vec{{X: -sliceLimit, Y: 0}}, sl...)
	poly = append(poly, figure.Vec{X: sliceLimit, Y: 0})
	items := []figure.Item{
		figure.Path{Pts: poly, Closed: true, Style: figure.Style{Fill: colSlice, FillAlpha: 0.25, Stroke: colSlice, Width: 1.5}},
		figure.Path{Pts: curve(phi, -sliceLimit, sliceLimit, 200, 0, top)[0], Style: figure.Style{Stroke: colMarg, Width: 2, Dash: true}},
		figure.Path{Pts: curve(cond, -sliceLimit, sliceLimit, 200, 0, top)[0], Style: figure.Style{Stroke: colCond, Width: 2.75}},
	}
	lines := []figure.Text{
		condText(0, "p(y | x) = p(x, y) / p(x)", colCond),
		condText(1, "N(ρx, 1 − ρ²) = N("+figNum(mean)+", "+figNum(variance)+")", colCond),
	}
	lines = append(lines, indepText(s.rho == 0))
	for _, t := range condLines(lines, frame) {
		t.At = figure.Vec{X: world.X0, Y: world.Y1}
		items = append(items, t)
	}
	p.Items = items
	return p
}

// condText is line i of the texts at the top left of the conditional.
func condText(i int, s string, col figure.Color) figure.Text {
	return figure.Text{S: s, Size: 12, Bold: true, Anchor: figure.Left | figure.Top, DX: 6, DY: 4 + 17*float64(i), Color: col}
}

// condLines keeps the texts a conditional plot has room for: on a short
// one (a phone) only the last, whether X and Y are independent, moved to
// the first line.
func condLines(lines []figure.Text, frame figure.Rect) []figure.Text {
	if frame.H() >= 150 {
		return lines
	}
	last := lines[len(lines)-1]
	last.DY = condText(0, "", 0).DY
	return []figure.Text{last}
}

// indepText says whether p(x, y) = p(x)p(y).
func indepText(indep bool) figure.Text {
	if indep {
		return condText(2, "p(x, y) = p(x) p(y)", colExact)
	}
	return condText(2, "p(x, y) ≠ p(x) p(y)", colWarn)
}

// tableWorld is the table's world: X = i from 0 to m − 1, Y = j from 0
// to n − 1, each cell a unit square around its value.
func (s *jointView) tableWorld() figure.Rect {
	return figure.Rect{X0: -0.5, Y0: -0.5, X1: float64(len(s.p)) - 0.5, Y1: float64(len(s.p[0])) - 0.5}
}

func (s *jointView) tableHeat(frame figure.Rect) *figure.Panel {
	world := s.tableWorld()
	m, n := len(s.p), len(s.p[0])
	p := &figure.Panel{ID: panelJoint, Frame: frame, World: world, Axes: figure.Axes{Ticks: true, XLabel: "x", YLabel: "y", Box: true}}
	vals := make([]float64, m*n)
	top := 0.0
	for i := range m {
		for j := range n {
			vals[(n-1-j)*m+i] = s.p[i][j] // row 0 of the raster is the largest y
			top = math.Max(top, s.p[i][j])
		}
	}
	items := []figure.Item{
		figure.Raster{Key: s.tableKey(), R: world, W: m, H: n, Values: vals, Min: 0, Max: top, Map: figure.Viridis},
	}
	cellPx := frame.W() / float64(m)
	if cellPx >= 34 {
		for i := range m {
			for j := range n {
				col := figure.Paper
				if s.p[i][j] > 0.6*top {
					col = figure.Ink // viridis is light at the top
				}
				items = append(items, figure.Text{At: figure.Vec{X: float64(i), Y: float64(j)}, S: figNum(s.p[i][j]),
					Size: math.Min(13, cellPx/4), Anchor: figure.Center | figure.Middle, Color: col})
			}
		}
	}
	c := float64(s.column())
	items = append(items, figure.Box{R: figure.Rect{X0: c - 0.5, Y0: world.Y0, X1: c + 0.5, Y1: world.Y1},
		Style: figure.Style{Stroke: colCond, Width: 3}})
	items = append(items, figure.Point{ID: idSlice, P: figure.Vec{X: c, Y: world.Y1}, Size: 6,
		Style: figure.Style{Fill: colSlice, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}})
	p.Items = items
	return p
}

func (s *jointView) tablePX(frame figure.Rect) *figure.Panel {
	w := s.tableWorld()
	top := 1.25 * maxOf(s.px)
	world := figure.Rect{X0: w.X0, Y0: 0, X1: w.X1, Y1: top}
	p := &figure.Panel{ID: panelPX, Frame: frame, World: world, Title: "P(X = x)"}
	c := s.column()
	for i, q := range s.px {
		col := colMarg
		if i == c {
			col = colSlice
		}
		p.Items = append(p.Items,
			figure.Box{R: figure.Rect{X0: float64(i) - 0.3, Y0: 0, X1: float64(i) + 0.3, Y1: q}, Style: figure.Style{Fill: col, FillAlpha: 0.6, Stroke: col, Width: 1}},
			figure.Text{At: figure.Vec{X: float64(i), Y: q}, S: figNum(q), Size: 11, Anchor: figure.Center | figure.Bottom, DY: -2, Color: col})
	}
	return p
}

func (s *jointView) tablePY(frame figure.Rect) *figure.Panel {
	w := s.tableWorld()
	top := 1.25 * maxOf(s.py)
	world := figure.Rect{X0: 0, Y0: w.Y0, X1: top, Y1: w.Y1}
	p := &figure.Panel{ID: panelPY, Frame: frame, World: world, Title: "P(Y = y)"}
	for j, q := range s.py {
		p.Items = append(p.Items,
			figure.Box{R: figure.Rect{X0: 0, Y0: float64(j) - 0.3, X1: q, Y1: float64(j) + 0.3}, Style: figure.Style{Fill: colMarg, FillAlpha: 0.6, Stroke: colMarg, Width: 1}},
			figure.Text{At: figure.Vec{X: 0, Y: float64(j) + 0.3}, S: figNum(q), Size: 11, Anchor: figure.Left | figure.Bottom, DX: 1, DY: -2, Color: colMarg})
	}
	return p
}

// tableCond draws P(Y = y | X = x) (bars) beside P(Y = y) (dashed
// outlines) and the slice P(X = x, Y = y) (thin bars).
func (s *jointView) tableCond(frame figure.Rect) *figure.Panel {
	i := s.column()
	n := len(s.p[0])
	world := figure.Rect{X0: -0.5, Y0: 0, X1: float64(n) - 0.5, Y1: 1.35}
	p := plotPanel(panelCond, frame, world, "P(Y = y | X = "+figNum(float64(i))+")", "y")
	p.Axes.Lines = false // y = 0 is a bar's centre, not an axis
	var items []figure.Item
	for j := range n {
		y := float64(j)
		items = append(items, figure.Box{R: figure.Rect{X0: y - 0.36, Y0: 0, X1: y + 0.36, Y1: s.py[j]},
			Style: figure.Style{Stroke: colMarg, Width: 1.5, Dash: true}})
		if s.px[i] > 0 {
			c := s.p[i][j] / s.px[i]
			items = append(items,
				figure.Box{R: figure.Rect{X0: y - 0.25, Y0: 0, X1: y + 0.25, Y1: c}, Style: figure.Style{Fill: colCond, FillAlpha: 0.75, Stroke: colCond, Width: 1}},
				figure.Text{At: figure.Vec{X: y, Y: c}, S: figNum(c), Size: 11, Anchor: figure.Center | figure.Bottom, DY: -2, Color: colCond})
		}
		items = append(items, figure.Box{R: figure.Rect{X0: y - 0.08, Y0: 0, X1: y + 0.08, Y1: s.p[i][j]},
			Style: figure.Style{Fill: colSlice, FillAlpha: 0.9}})
	}
	_, _, _, _, indep := s.tableStats()
	lines := []figure.Text{
		condText(0, "P(y | x) = P(x, y) / P(x)", colCond),
		condText(1, "P(x) = "+figNum(s.px[i]), colSlice),
		indepText(indep),
	}
	for _, t := range condLines(lines, frame) {
		t.At = figure.Vec{X: world.X0, Y: world.Y1}
		items = append(items, t)
	}
	p.Items = items
	return p
}

func maxOf(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = math.Max(m, x)
	}
	if m == 0 {
		return 1
	}
	return m
}
