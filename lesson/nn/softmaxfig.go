package nn

import (
	"math"
	"strconv"
	"strings"

	"github.com/aimath/playground/core/figure"
)

// Colours of the softmax view: logits Blue (the input), probabilities
// Green (the result), the target class Orange (y), the gradient Purple.
const (
	softmaxColZ    = figure.Blue
	softmaxColP    = figure.Green
	softmaxColY    = figure.Orange
	softmaxColGrad = figure.Purple
)

// Pixel sizes of the bar panels: room inside each frame for the y labels
// (left), the class labels and gradients (bottom) and the value labels
// (top).
const (
	barPadLeft   = 38
	barPadRight  = 6
	barPadTop    = 18
	barPadBottom = 34
	barFill      = 0.5 // a bar's share of its column
	barMaxW      = 64
	barCETop     = 16 // more room at the top of the probabilities for CE
	barArrowGap  = 7  // between a bar and its gradient arrow
	barMinArrow  = 3  // shorter arrows are not drawn
)

// softmaxBars maps the values of a bar chart to its panel, whose world
// coordinates are its pixels (y up): n columns of bars over the value
// range [lo, hi].
type softmaxBars struct {
	n                        int
	x0, x1, y0, y1           float64 // the plot area
	lo, hi                   float64
	font                     float64
	frameW, frameH, colWidth float64
}

func newSoftmaxBars(frame figure.Rect, n int, lo, hi, top float64) softmaxBars {
	g := softmaxBars{n: n, lo: lo, hi: hi, frameW: frame.W(), frameH: frame.H()}
	g.x0, g.x1 = barPadLeft, math.Max(barPadLeft+1, frame.W()-barPadRight)
	g.y0, g.y1 = barPadBottom, math.Max(barPadBottom+1, frame.H()-barPadTop-top)
	g.colWidth = (g.x1 - g.x0) / float64(n)
	g.font = math.Max(9, math.Min(12, g.colWidth/5))
	return g
}

// cx is the centre of column i.
func (g softmaxBars) cx(i int) float64 { return g.x0 + (float64(i)+0.5)*g.colWidth }

// half is half a bar's width.
func (g softmaxBars) half() float64 { return math.Min(barMaxW, barFill*g.colWidth) / 2 }

// y is the height of the value v, clamped a little beyond the plot.
func (g softmaxBars) y(v float64) float64 {
	y := g.y0 + (v-g.lo)/(g.hi-g.lo)*(g.y1-g.y0)
	return math.Max(g.y0-2, math.Min(g.y1+2, y))
}

// value is the value at height y.
func (g softmaxBars) value(y float64) float64 {
	return g.lo + (y-g.y0)/(g.y1-g.y0)*(g.hi-g.lo)
}

// column returns the column under x, and whether x is over the plot.
func (g softmaxBars) column(x float64) (int, bool) {
	if !(g.colWidth > 0) || x < g.x0 || x > g.x1 {
		return 0, false
	}
	return min(int((x-g.x0)/g.colWidth), g.n-1), true
}

// world is the panel's world rectangle: its pixels.
func (g softmaxBars) world() figure.Rect {
	return figure.Rect{X0: 0, Y0: 0, X1: g.frameW, Y1: g.frameH}
}

// yAxis draws grid lines and labels at round values, and the zero line.
func (g softmaxBars) yAxis(maxTicks int) []figure.Item {
	ticks, step := figure.NiceTicks(g.lo, g.hi, maxTicks)
	items := make([]figure.Item, 0, 2*len(ticks)+1)
	for _, t := range ticks {
		y := g.y(t)
		items = append(items,
			figure.Path{Pts: []figure.Vec{{X: g.x0, Y: y}, {X: g.x1, Y: y}}, Style: figure.Style{Stroke: figure.Grid, Width: 1}},
			figure.Text{At: figure.Vec{X: g.x0, Y: y}, S: figure.TickLabel(t, step), Size: 11, Anchor: figure.Right | figure.Middle, DX: -5, Color: figure.Muted})
	}
	if g.lo <= 0 && g.hi >= 0 {
		items = append(items, figure.Path{Pts: []figure.Vec{{X: g.x0, Y: g.y(0)}, {X: g.x1, Y: g.y(0)}}, Style: figure.Style{Stroke: figure.Axis, Width: 1.25}})
	}
	return items
}

// bar is the box of column i from 0 to v.
func (g softmaxBars) bar(i int, v float64) figure.Rect {
	a, b := g.y(0), g.y(v)
	return figure.Rect{X0: g.cx(i) - g.half(), Y0: math.Min(a, b), X1: g.cx(i) + g.half(), Y1: math.Max(a, b)}
}

// arrow is a vertical arrow beside bar i from value a to b; none when it
// is shorter than a few pixels.
func (g softmaxBars) arrow(i int, a, b float64, col figure.Color) []figure.Item {
	ya, yb := g.y(a), g.y(b)
	if math.Abs(yb-ya) < barMinArrow {
		return nil
	}
	x := g.cx(i) + g.half() + barArrowGap
	return []figure.Item{figure.Arrow{From: figure.Vec{X: x, Y: ya}, To: figure.Vec{X: x, Y: yb},
		Head: math.Min(8, math.Abs(yb-ya)), Style: figure.Style{Stroke: col, Width: 2, Fill: col, FillAlpha: 1}}}
}

// label writes a bar's value at its end, gap pixels away: above a
// positive bar, below a negative one.
func (g softmaxBars) label(i int, v float64, s string, gap float64) figure.Text {
	t := figure.Text{At: figure.Vec{X: g.cx(i), Y: g.y(v)}, S: s, Size: g.font, Anchor: figure.Center | figure.Bottom, DY: -gap, Color: figure.Ink}
	if v < 0 {
		t.Anchor, t.DY = figure.Center|figure.Top, gap
	}
	return t
}

// under writes a text in row 0 (the class) or 1 under column i.
func (g softmaxBars) under(i, row int, s string, col figure.Color, bold bool) figure.Text {
	return figure.Text{At: figure.Vec{X: g.cx(i), Y: g.y0}, S: s, Size: g.font, Anchor: figure.Center | figure.Top,
		DY: 4 + float64(row)*(g.font+3), Color: col, Bold: bold}
}

// softmaxTicks is how many y labels fit in a plot h pixels high.
func softmaxTicks(h float64) int { return max(2, 1+int(h/40)) }

// frames are the two panels' frames: figure.Layout's, grown into its
// margins (the bar panels draw their own labels inside) except at the
// top, where the title goes.
func softmaxFrames(w, h float64) [2]figure.Rect {
	f := figure.Layout(w, h, 2)
	var out [2]figure.Rect
	for i := range out {
		out[i] = figure.Inset(f[i], 4-figure.MarginLeft, 0, 2-figure.MarginRight, 2-figure.MarginBottom)
	}
	return out
}

// geom returns the geometry the last figure gave the bars of a panel, nil
// if it has none for the current logits.
func (s *softmaxView) geom(panel string) *softmaxBars {
	var g *softmaxBars
	switch panel {
	case softmaxPanelZ:
		g = &s.zgeom
	case softmaxPanelP:
		g = &s.pgeom
	}
	if g == nil || g.n != len(s.z) {
		return nil
	}
	return g
}

func (s *softmaxView) panels(w, h float64) []*figure.Panel {
	fr := softmaxFrames(w, h)
	n := len(s.z)
	s.zgeom = newSoftmaxBars(fr[0], n, -s.zlim, s.zlim, 0)
	s.pgeom = newSoftmaxBars(fr[1], n, 0, 1, barCETop)
	return []*figure.Panel{s.logitPanel(fr[0]), s.probPanel(fr[1])}
}

// logitPanel draws the logits as bars with handles at their ends, beside
// each an arrow of −∂CE/∂z_i (the way gradient descent moves it, with a
// learning rate of 1), and ∂CE/∂z_i under the class.
func (s *softmaxView) logitPanel(frame figure.Rect) *figure.Panel {
	g := s.zgeom
	items := g.yAxis(softmaxTicks(g.y1 - g.y0))
	for i, z := range s.z {
		id := "z" + strconv.Itoa(i)
		col := softmaxColZ
		if i == s.target {
			col = softmaxColY
		}
		items = append(items, figure.Box{ID: id, R: g.bar(i, z), Style: figure.Style{Fill: col, FillAlpha: 0.8, Stroke: col, Width: 1}})
		items = append(items, g.arrow(i, z, z-s.grad[i], softmaxColGrad)...)
		items = append(items,
			figure.Point{ID: id, P: figure.Vec{X: g.cx(i), Y: g.y(z)}, Size: 5,
				Style: figure.Style{Fill: figure.Paper, FillAlpha: 1, Stroke: figure.Ink, Width: 1.5}},
			g.label(i, z, figNum(z), 8),
			g.under(i, 0, "z"+subscript(i), col, i == s.target),
			g.under(i, 1, figNum(s.grad[i]), softmaxColGrad, false))
	}
	return &figure.Panel{ID: softmaxPanelZ, Frame: frame, World: g.world(), Title: "z,  ∂CE/∂z = (p − y)/T", Items: items}
}

// probPanel draws the probabilities as bars, the one-hot target y as a
// dashed outline, the arrow from p_i to y_i (−(p − y)) beside each bar
// and CE in the corner.
func (s *softmaxView) probPanel(frame figure.Rect) *figure.Panel {
	g := s.pgeom
	items := g.yAxis(min(5, softmaxTicks(g.y1-g.y0)))
	for i, p := range s.p {
		y := 0.0
		col := figure.Ink
		if i == s.target {
			y, col = 1, softmaxColY
			items = append(items, figure.Box{R: g.bar(i, 1), Style: figure.Style{Stroke: softmaxColY, Width: 2, Dash: true}})
		}
		items = append(items, figure.Box{ID: "p" + strconv.Itoa(i), R: g.bar(i, p), Style: figure.Style{Fill: softmaxColP, FillAlpha: 0.8, Stroke: softmaxColP, Width: 1}})
		items = append(items, g.arrow(i, p, y, softmaxColGrad)...)
		items = append(items,
			g.label(i, p, figNum(p), 3),
			g.under(i, 0, "p"+subscript(i), col, i == s.target),
			g.under(i, 1, "y = "+strconv.Itoa(int(y)), col, false))
	}
	items = append(items, figure.Text{At: figure.Vec{X: g.x1, Y: g.frameH}, S: "CE = −log p" + subscript(s.target) + " = " + figNum(s.ce),
		Size: 13, Bold: true, Anchor: figure.Right | figure.Top, DX: -4, DY: 2, Color: figure.Ink})
	title := "p = softmax(z/T),  T = " + figNum(s.temp)
	return &figure.Panel{ID: softmaxPanelP, Frame: frame, World: g.world(), Title: title, Items: items}
}

// subscript writes a non-negative integer in subscript digits.
func subscript(i int) string {
	var b strings.Builder
	for _, r := range strconv.Itoa(i) {
		b.WriteRune('₀' + r - '0')
	}
	return b.String()
}

// figNum formats a number for a label: three decimals (trailing zeros
// dropped) from 0.001 up, figure.Num's four digits and exponents beyond.
func figNum(x float64) string {
	if a := math.Abs(x); a >= 1e-3 && a < 1e4 {
		s := strconv.FormatFloat(a, 'f', 3, 64)
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		if s == "0" {
			return "0"
		}
		if x < 0 {
			return "−" + s
		}
		return s
	}
	return figure.Num(x)
}
