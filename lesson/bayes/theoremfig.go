package bayes

import (
	"math"
	"strconv"

	"github.com/aimath/playground/core/figure"
)

// Panel IDs of the theorem view.
const (
	panelDots    = "dots"
	panelFormula = "formula"
)

// Colours of the theorem view: the ill Vermillion, the healthy Blue; a
// positive test is a filled dot, a negative one an outline (ill) or a
// faint dot (healthy).
const (
	colIll     = figure.Vermillion
	colHealthy = figure.Blue
)

// The four groups of dots, in the order they fill the grid.
var dotGroups = [4]struct {
	label string
	style figure.Style
}{
	{"D, +", figure.Style{Fill: colIll, FillAlpha: 1}},
	{"D, −", figure.Style{Stroke: colIll, Width: 1.25}},
	{"¬D, +", figure.Style{Fill: colHealthy, FillAlpha: 1}},
	{"¬D, −", figure.Style{Fill: figure.Axis, FillAlpha: 0.45}},
}

func (s *theoremView) panels(w, h float64) []*figure.Panel {
	fr := splitFrames(w, h, 0.55)
	return []*figure.Panel{s.dotsPanel(fr[0]), s.formulaPanel(fr[1])}
}

// dotGrid returns the number of columns and the cell size (pixels) of the
// largest square cells that fit n of them in a w×h area.
func dotGrid(w, h float64, n int) (cols int, cell float64) {
	cell = math.Sqrt(w * h / float64(n))
	for cell > 1 {
		c, r := math.Floor(w/cell), math.Floor(h/cell)
		if c*r >= float64(n) {
			return int(c), cell
		}
		cell *= 0.98
	}
	return max(1, int(w)), 1
}

// dotsPanel draws the population: one dot per person, the groups in
// order, and a legend with their counts under it.
func (s *theoremView) dotsPanel(frame figure.Rect) *figure.Panel {
	p := pixelPanel(panelDots, "N = 1000", frame)
	W, H := frame.W(), frame.H()
	font := math.Max(10, math.Min(13, W/28))
	legendH := 2*font + 14
	areaH := math.Max(10, H-legendH-4)
	cols, cell := dotGrid(W, areaH, population)
	rows := (population + cols - 1) / cols
	x0 := (W - float64(cols)*cell) / 2
	y1 := H - (areaH-float64(rows)*cell)/2 // the top of the grid
	r := math.Max(1, 0.36*cell)
	counts := [4]int{s.counts.tp, s.counts.fn, s.counts.fp, s.counts.tn}
	items := make([]figure.Item, 0, population+12)
	i := 0
	for g, n := range counts {
		st := dotGroups[g].style
		for range n {
			col, row := i%cols, i/cols
			c := figure.Vec{X: x0 + (float64(col)+0.5)*cell, Y: y1 - (float64(row)+0.5)*cell}
			items = append(items, figure.Point{P: c, Size: r, Style: st})
			i++
		}
	}
	// The legend: two columns of two entries.
	for g, n := range counts {
		x := W * (0.04 + 0.5*float64(g/2))
		y := legendH - 4 - float64(g%2)*(font+6) - font/2
		items = append(items,
			figure.Point{P: figure.Vec{X: x + 5, Y: y}, Size: 5, Style: dotGroups[g].style},
			text(x+16, y, dotGroups[g].label+":  "+strconv.Itoa(n), font, figure.Left|figure.Middle, figure.Ink, g == 0 || g == 2))
	}
	p.Items = items
	return p
}

// formulaPanel writes Bayes' theorem with the numbers, the natural
// frequencies, P(D | −), and the history of updates as a small chart.
func (s *theoremView) formulaPanel(frame figure.Rect) *figure.Panel {
	p := pixelPanel(panelFormula, "P(D|+) = P(+|D) P(D) / P(+)", frame)
	W, H := frame.W(), frame.H()
	prior := s.prior
	sens, fpr := s.test.Sensitivity, s.test.FPR
	num := short(sens) + " × " + short(prior)
	den := num + " + " + short(fpr) + " × " + short(1-prior)
	numN := short(1-sens) + " × " + short(prior)
	denN := numN + " + " + short(1-fpr) + " × " + short(1-prior)
	res := "= " + resultText(s.post)
	resN := "= " + resultText(s.postNeg)
	lhs, lhsN := "P(D|+) = ", "P(D|−) = "
	font := fitSize(W-8, 9, 16, lhs+den+" "+res, lhsN+denN+" "+resN)
	line := font * 1.35
	var items []figure.Item
	// y is the middle of the next fraction; each is 2.2 lines high.
	y := H - 1.15*line
	frac := func(lhs, num, den, res string, numCol figure.Color) {
		x := 4.0
		items = append(items, text(x, y, lhs, font, figure.Left|figure.Middle, figure.Ink, true))
		x += textWidth(lhs, font)
		fw := math.Max(textWidth(num, font), textWidth(den, font))
		cx := x + fw/2
		items = append(items,
			text(cx, y+line*0.55, num, font, figure.Center|figure.Middle, numCol, false),
			figure.Path{Pts: []figure.Vec{{X: x, Y: y}, {X: x + fw, Y: y}}, Style: figure.Style{Stroke: figure.Ink, Width: 1}},
			text(cx, y-line*0.55, den, font, figure.Center|figure.Middle, figure.Ink, false),
			text(x+fw+font*0.5, y, res, font, figure.Left|figure.Middle, figure.Ink, true))
		y -= 2.4 * line
	}
	frac(lhs, num, den, res, colIll)
	// The natural frequencies: the ill among the positives, counted.
	c := s.counts
	freqRes := "= " + resultText(float64(c.tp)/float64(c.tp+c.fp))
	if c.tp+c.fp == 0 {
		freqRes = "= ?"
	}
	frac("≈ ", strconv.Itoa(c.tp), strconv.Itoa(c.tp)+" + "+strconv.Itoa(c.fp), freqRes, colIll)
	if y-1.1*line >= 0 {
		frac(lhsN, numN, denN, resN, colIll)
	}
	items = append(items, s.historyItems(figure.Rect{X0: 4, Y0: 2, X1: W - 6, Y1: y + 1.2*line}, font)...)
	p.Items = items
	return p
}

// resultText writes a posterior, "?" when it is undefined.
func resultText(x float64) string {
	if math.IsNaN(x) {
		return "?"
	}
	return short(x)
}

// historyItems draws the chain of priors in r: P(D) after k updates over
// k, the result of each test on its segment, and the next test (the
// chosen result) dashed. It draws nothing where r is too small.
func (s *theoremView) historyItems(r figure.Rect, font float64) []figure.Item {
	size := math.Max(9, font-2)
	if r.H() < 3*size+16 || r.W() < 80 {
		return nil
	}
	next := s.test.Posterior(s.prior, s.positive)
	pts := append([]float64(nil), s.chain...)
	n := len(pts) // drawn solid; the next one dashed
	if !math.IsNaN(next) {
		pts = append(pts, next)
	}
	plot := figure.Rect{X0: r.X0 + textWidth("0", size) + 8, Y0: r.Y0 + size + 6,
		X1: r.X1 - textWidth("0.000", size)/2, Y1: r.Y1 - 2*size - 6}
	if plot.H() < 10 {
		return nil
	}
	gap := plot.W() / float64(max(len(pts)-1, 4))
	at := func(k int, p float64) figure.Vec {
		return figure.Vec{X: plot.X0 + float64(k)*gap, Y: plot.Y0 + p*plot.H()}
	}
	grid := figure.Style{Stroke: figure.Grid, Width: 1}
	items := []figure.Item{
		figure.Path{Pts: []figure.Vec{{X: plot.X0, Y: plot.Y0}, {X: plot.X1, Y: plot.Y0}}, Style: grid},
		figure.Path{Pts: []figure.Vec{{X: plot.X0, Y: plot.Y1}, {X: plot.X1, Y: plot.Y1}}, Style: grid},
		text(plot.X0-4, plot.Y0, "0", size, figure.Right|figure.Middle, figure.Muted, false),
		text(plot.X0-4, plot.Y1, "1", size, figure.Right|figure.Middle, figure.Muted, false),
		text(r.X0, r.Y1, "P(D): k = 0, …, "+strconv.Itoa(len(s.history)), size, figure.Left|figure.Top, figure.Ink, true),
	}
	line := make([]figure.Vec, n)
	for k := range n {
		line[k] = at(k, pts[k])
	}
	items = append(items, figure.Path{Pts: line, Style: figure.Style{Stroke: figure.Purple, Width: 2}})
	if len(pts) > n {
		items = append(items, figure.Path{Pts: []figure.Vec{line[n-1], at(n, pts[n])},
			Style: figure.Style{Stroke: figure.Purple, Width: 1.5, Dash: true}})
	}
	labelEvery := 1
	if w := textWidth("0.000", size) + 4; gap < w {
		labelEvery = int(math.Ceil(w / gap))
	}
	for k, p := range pts {
		st := figure.Style{Fill: figure.Purple, FillAlpha: 1}
		if k >= n {
			st = figure.Style{Fill: figure.Paper, FillAlpha: 1, Stroke: figure.Purple, Width: 1.5}
		}
		items = append(items, figure.Point{P: at(k, p), Size: 4, Style: st})
		if k%labelEvery == 0 || k == len(pts)-1 {
			t := text(at(k, p).X, at(k, p).Y, round3(p), size, figure.Center|figure.Bottom, figure.Ink, k == n-1)
			t.DY = -6
			if p > 0.75 {
				t.Anchor, t.DY = figure.Center|figure.Top, 6
			}
			items = append(items, t)
		}
		// The result that led to this prior, under the segment.
		if k > 0 {
			pos := k <= len(s.history) && s.history[k-1] || k > len(s.history) && s.positive
			sign, col := "+", colIll
			if !pos {
				sign, col = "−", colHealthy
			}
			mid := figure.Vec{X: at(k, 0).X - gap/2, Y: plot.Y0}
			items = append(items, text(mid.X, mid.Y-4, sign, size+1, figure.Center|figure.Top, col, true))
		}
	}
	return items
}
