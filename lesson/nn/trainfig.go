package nn

import (
	"math"
	"strconv"
	"strings"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/nn"
)

// Panels of the train view.
const (
	trPanelNet  = "net"  // the network: inputs, neurons with thumbnails, links
	trPanelOut  = "out"  // the output (or the focused neuron) over the plane, with the points
	trPanelLoss = "loss" // the losses over the epochs
)

// Colours: positive values and weights Orange, negative Blue (the ends of
// the Diverge colormap, so a link has the colour of what it adds to the
// next neuron's picture); class 1 Orange, class 0 Blue. TensorFlow
// Playground has them the other way round (blue positive), but its
// colormap too; ours keeps each colour meaning one sign throughout.
const (
	trColPos   = figure.Orange
	trColNeg   = figure.Blue
	trColTrain = figure.Ink
	trColTest  = figure.Muted
)

// Pixel sizes of the network drawing.
const (
	trGap       = 8  // between panels
	trLabelW    = 40 // room left of the inputs for their names
	trMaxNode   = 56 // largest thumbnail side
	trMinAllIn  = 20 // smallest row pitch at which the unused inputs are drawn too
	trScrubPx   = 50 // pixels of vertical drag per unit of weight
	trFontNet   = 11
	trFontSmall = 9
)

func (s *trainView) panels(w, h float64) []*figure.Panel {
	lay := trLayout(w, h)
	return []*figure.Panel{s.netPanel(lay.net), s.outPanel(lay), s.lossPanel(lay)}
}

// trLay is where the panels go.
type trLay struct {
	net, out, loss       figure.Rect
	outTicks, lossTicks  bool
	pointSize, pointEdge float64
}

// trLayout places the panels. Wide canvases: the network on the left,
// the output plot (square) and the loss chart under it on the right, as
// TensorFlow Playground. Narrow ones (phones): the output and the loss
// side by side on top, the network below. Tick labels only where there
// is room for them.
func trLayout(w, h float64) trLay {
	var lay trLay
	if w >= 1.2*h {
		so := math.Floor(math.Min(0.58*h, 0.4*w)) // the output plot's side
		lay.outTicks = so >= 200
		ml, mt, mr, mb := trMargins(lay.outTicks)
		x0 := w - mr - so
		lay.out = figure.Rect{X0: x0, Y0: mt, X1: x0 + so, Y1: mt + so}
		lt := h-(lay.out.Y1+mb) >= 110
		lay.lossTicks = lt
		_, lmt, _, lmb := trMargins(lt)
		lay.loss = figure.Rect{X0: x0, Y0: lay.out.Y1 + mb + lmt, X1: x0 + so, Y1: h - lmb}
		lay.net = figure.Rect{X0: 2, Y0: 2, X1: x0 - ml - trGap, Y1: h - 2}
	} else {
		top := math.Floor(math.Min(0.5*h, 0.55*w))
		lay.outTicks = top >= 240
		ml, mt, mr, mb := trMargins(lay.outTicks)
		so := top - mt - mb
		lay.out = figure.Rect{X0: ml, Y0: mt, X1: ml + so, Y1: mt + so}
		lt := w-(lay.out.X1+mr) >= 200
		lay.lossTicks = lt
		lml, lmt, lmr, lmb := trMargins(lt)
		lay.loss = figure.Rect{X0: lay.out.X1 + mr + trGap + lml, Y0: lmt, X1: w - lmr, Y1: top - lmb}
		lay.net = figure.Rect{X0: 2, Y0: top + trGap, X1: w - 2, Y1: h - 2}
	}
	lay.pointSize, lay.pointEdge = 3.5, 1
	if lay.out.W() < 200 {
		lay.pointSize, lay.pointEdge = 2.2, 0.6
	}
	return lay
}

// trMargins returns the room around a plot: figure's margins with tick
// labels, a few pixels without.
func trMargins(ticks bool) (left, top, right, bottom float64) {
	if ticks {
		return figure.MarginLeft, figure.MarginTop, figure.MarginRight, figure.MarginBottom
	}
	return 6, 20, 6, 6
}

// trKey makes a raster key from its parts.
func trKey(kind string, parts ...int) string {
	var b strings.Builder
	b.WriteString("nn-train-")
	b.WriteString(kind)
	for _, p := range parts {
		b.WriteByte('-')
		b.WriteString(strconv.Itoa(p))
	}
	return b.String()
}

// trGridRect is the rectangle a grid picture covers: its cells centred on
// the grid points, so the picture's outer half cells fall outside
// [−6, 6]², clipped by the panel.
func trGridRect() figure.Rect {
	half := nn.Radius / float64(trGridN-1)
	return figure.Rect{X0: -nn.Radius - half, Y0: -nn.Radius - half, X1: nn.Radius + half, Y1: nn.Radius + half}
}

// trNodeGeom is where one neuron is drawn: its box in the network panel.
type trNodeGeom struct {
	n     trNode
	r     figure.Rect
	input int // for an input, its index among the chosen features (−1: unused)
}

// netGeom places the neurons in a panel of w×h pixels (world units are
// pixels, y up): one column per layer, the inputs first. All seven
// features are drawn when the rows leave room, the unused ones faded;
// otherwise only the chosen ones.
func (s *trainView) netGeom(w, h float64) (cols [][]trNodeGeom, side float64) {
	sizes := s.net.Sizes
	allIn := h/float64(max(len(nn.FeatureNames()), maxInt(sizes[1:]))) >= trMinAllIn
	var inputs []trNodeGeom
	for f := range len(nn.FeatureNames()) {
		idx := s.trFeatureIndex(nn.Feature(f))
		if idx >= 0 || allIn {
			inputs = append(inputs, trNodeGeom{n: trNode{on: true, l: 0, j: f}, input: idx})
		}
	}
	counts := []int{len(inputs)}
	counts = append(counts, sizes[1:]...)
	most := maxInt(counts)
	pitch := (h - 14) / float64(most) // room for the layer sizes on top
	colPitch := (w - trLabelW - 8) / float64(len(counts))
	side = math.Floor(math.Min(math.Min(0.8*pitch, 0.5*colPitch), trMaxNode))
	cols = make([][]trNodeGeom, len(counts))
	for c, n := range counts {
		x := trLabelW + colPitch*(float64(c)+0.5)
		top := h - 14 - (float64(most-n) * pitch / 2)
		col := make([]trNodeGeom, n)
		for k := range n {
			y := top - pitch*(float64(k)+0.5)
			g := trNodeGeom{n: trNode{on: true, l: c, j: k}, input: -1}
			if c == 0 {
				g = inputs[k]
			}
			g.r = figure.Rect{X0: x - side/2, Y0: y - side/2, X1: x + side/2, Y1: y + side/2}
			col[k] = g
		}
		cols[c] = col
	}
	return cols, side
}

func maxInt(xs []int) int {
	m := 0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

// trFeatureLabels are the features' names on the canvas.
var trFeatureLabels = []string{"x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin x₁", "sin x₂"}

// netPanel draws the network: every link, coloured and as wide as its
// weight, then every neuron as its thumbnail.
func (s *trainView) netPanel(frame figure.Rect) *figure.Panel {
	p := &figure.Panel{ID: trPanelNet, Frame: frame, World: figure.Rect{X1: frame.W(), Y1: frame.H()}}
	if s.net == nil {
		return p
	}
	cols, side := s.netGeom(frame.W(), frame.H())
	var items []figure.Item
	// Links, from each drawn neuron of column l to each of column l+1.
	var selected []figure.Item
	for l := 0; l+1 < len(cols); l++ {
		for _, to := range cols[l+1] {
			for _, from := range cols[l] {
				j := from.n.j
				if l == 0 {
					if from.input < 0 {
						continue
					}
					j = from.input
				}
				k := trLink{on: true, l: l, i: to.n.j, j: j}
				a := figure.Vec{X: from.r.X1, Y: (from.r.Y0 + from.r.Y1) / 2}
				b := figure.Vec{X: to.r.X0, Y: (to.r.Y0 + to.r.Y1) / 2}
				wt := s.weight(k)
				id := "w:" + strconv.Itoa(l) + ":" + strconv.Itoa(k.i) + ":" + strconv.Itoa(j)
				st := trLinkStyle(wt)
				if s.sel.on && s.sel == k {
					halo := figure.Style{Stroke: figure.Ink, Width: st.Width + 4, Alpha: 0.35}
					selected = append(selected,
						figure.Path{Pts: []figure.Vec{a, b}, Style: halo},
						figure.Path{ID: id, Pts: []figure.Vec{a, b}, Style: st},
						figure.Text{At: figure.Vec{X: (a.X + b.X) / 2, Y: (a.Y + b.Y) / 2}, S: figure.Num(wt), Size: trFontNet, Anchor: figure.Center | figure.Bottom, DY: -4, Color: figure.Ink, Bold: true})
					continue
				}
				items = append(items, figure.Path{ID: id, Pts: []figure.Vec{a, b}, Style: st})
			}
		}
	}
	items = append(items, selected...)
	// Neurons.
	focus := s.focused()
	font := float64(trFontNet)
	if side < 22 {
		font = trFontSmall
	}
	for c, col := range cols {
		for _, g := range col {
			items = append(items, s.nodeItems(g, focus)...)
			if c == 0 {
				items = append(items, figure.Text{At: figure.Vec{X: g.r.X0, Y: (g.r.Y0 + g.r.Y1) / 2}, S: trFeatureLabels[g.n.j],
					Size: font, Anchor: figure.Right | figure.Middle, DX: -4, Color: figure.Ink})
			}
		}
		if c > 0 && c < len(cols)-1 && len(col) > 0 {
			items = append(items, figure.Text{At: figure.Vec{X: (col[0].r.X0 + col[0].r.X1) / 2, Y: frame.H() - 2},
				S: strconv.Itoa(len(col)), Size: font, Anchor: figure.Center | figure.Top, Color: figure.Muted})
		}
	}
	p.Items = items
	return p
}

// trLinkStyle draws a weight: Orange positive, Blue negative, wider and
// more opaque the larger |w|; a weight that is not a number thin and
// dashed.
func trLinkStyle(w float64) figure.Style {
	if math.IsNaN(w) || math.IsInf(w, 0) {
		return figure.Style{Stroke: figure.Muted, Width: 1, Dash: true}
	}
	col := trColPos
	if w < 0 {
		col = trColNeg
	}
	a := math.Abs(w)
	return figure.Style{Stroke: col, Width: math.Min(0.5+1.2*a, 4), Alpha: math.Min(0.3+0.5*a, 1)}
}

// nodeItems draws one neuron: its thumbnail in a box that the pointer
// can hit.
func (s *trainView) nodeItems(g trNodeGeom, focus trNode) []figure.Item {
	var vals []float64
	var key string
	if g.n.l == 0 {
		vals, key = s.inThumb[g.n.j], trKey("in", g.n.j)
	} else if s.grid.thumbs != nil && g.n.l < len(s.grid.thumbs) && g.n.j < len(s.grid.thumbs[g.n.l]) {
		vals, key = s.grid.thumbs[g.n.l][g.n.j], trKey("t", s.runs, s.grid.gen, g.n.l, g.n.j)
	}
	lo, hi := s.trRange(g.n)
	var items []figure.Item
	if vals != nil {
		items = append(items, figure.Raster{Key: key, R: g.r, W: trThumbN, H: trThumbN, Values: vals, Min: lo, Max: hi, Map: figure.Diverge, Smooth: true})
	}
	box := figure.Style{Stroke: figure.Muted, Width: 1}
	if focus.on && focus == g.n {
		box = figure.Style{Stroke: figure.Ink, Width: 2.5}
	}
	if g.n.l == 0 && g.input < 0 {
		// An unused input: faded.
		box = figure.Style{Stroke: figure.Grid, Width: 1, Fill: figure.Paper, FillAlpha: 0.7}
	}
	id := "n:" + strconv.Itoa(g.n.l) + ":" + strconv.Itoa(g.n.j)
	if g.n.l == 0 {
		id = "x:" + strconv.Itoa(g.n.j)
	}
	return append(items, figure.Box{ID: id, R: g.r, Style: box})
}

// outPanel shows the output over the plane (or the focused neuron's
// value) with the data points.
func (s *trainView) outPanel(lay trLay) *figure.Panel {
	world := figure.Rect{X0: -nn.Radius, Y0: -nn.Radius, X1: nn.Radius, Y1: nn.Radius}
	p := &figure.Panel{ID: trPanelOut, Frame: lay.out, World: world, Equal: true,
		Axes: figure.Axes{Ticks: lay.outTicks, Box: true, Lines: false}}
	var items []figure.Item
	focus := s.focused()
	switch {
	case s.net == nil:
	case focus.on && s.focus != nil:
		items = append(items, figure.Raster{Key: s.focusKey, R: trGridRect(), W: trGridN, H: trGridN,
			Values: s.focus, Min: s.focusLo, Max: s.focusHi, Map: figure.Diverge, Smooth: true})
		p.Title = s.nodeTitle(focus)
	case s.grid.outRGBA != nil:
		items = append(items, figure.Raster{Key: trKey("o", s.runs, s.grid.gen, s.grid.shadeGen), R: trGridRect(),
			W: trGridN, H: trGridN, RGBA: s.grid.outRGBA, Smooth: !s.discretize})
		p.Title = "ŷ"
	case s.grid.out != nil:
		items = append(items, figure.Raster{Key: trKey("o", s.runs, s.grid.gen, s.grid.shadeGen), R: trGridRect(),
			W: trGridN, H: trGridN, Values: s.grid.out, Min: s.grid.outLo, Max: s.grid.outHi, Map: figure.Diverge, Smooth: !s.discretize})
		p.Title = "ŷ"
	}
	items = s.pointItems(items, s.trainD, lay, figure.Paper, s.custom)
	if s.showTest {
		items = s.pointItems(items, s.testD, lay, figure.Ink, false)
	}
	p.Items = items
	return p
}

// nodeTitle names a neuron on the output plot: the feature, or a⁽ˡ⁾ⱼ
// (layer l from the inputs, neuron j from 1), ŷ for the output.
func (s *trainView) nodeTitle(n trNode) string {
	if n.l == 0 {
		return trFeatureLabels[n.j]
	}
	if s.net != nil && n.l == len(s.net.Sizes)-1 {
		if s.net.Sizes[n.l] == 1 {
			return "ŷ"
		}
		return "ŷ" + trSub(n.j+1)
	}
	return "a" + trSup(n.l) + trSub(n.j+1)
}

// trSub and trSup write n as subscript and parenthesised superscript digits.
func trSub(n int) string { return trDigits(n, "₀₁₂₃₄₅₆₇₈₉") }
func trSup(n int) string { return "⁽" + trDigits(n, "⁰¹²³⁴⁵⁶⁷⁸⁹") + "⁾" }

func trDigits(n int, set string) string {
	digits := []rune(set)
	var b strings.Builder
	for _, r := range strconv.Itoa(n) {
		b.WriteRune(digits[r-'0'])
	}
	return b.String()
}

// pointItems appends the points of d: filled with their class's colour
// (regression: the sign's, as opaque as |y|), edged with edge. Custom
// points carry IDs so that a click can remove them.
func (s *trainView) pointItems(items []figure.Item, d nn.Data, lay trLay, edge figure.Color, ids bool) []figure.Item {
	for i := range d.Len() {
		st := figure.Style{Stroke: edge, Width: lay.pointEdge, FillAlpha: 1}
		switch {
		case d.Classes > 0:
			st.Fill = trClassColors[d.Class(i)%len(trClassColors)]
		case d.Y[i] >= 0:
			st.Fill, st.FillAlpha = trColPos, math.Min(1, 0.25+math.Abs(d.Y[i]))
		default:
			st.Fill, st.FillAlpha = trColNeg, math.Min(1, 0.25+math.Abs(d.Y[i]))
		}
		pt := figure.Point{P: figure.Vec{X: d.X1[i], Y: d.X2[i]}, Size: lay.pointSize, Style: st}
		if ids {
			pt.ID = "p:" + strconv.Itoa(i)
		}
		items = append(items, pt)
	}
	return items
}

// lossPanel plots the training loss (solid) and the test loss (dashed)
// against the epoch.
func (s *trainView) lossPanel(lay trLay) *figure.Panel {
	p := &figure.Panel{ID: trPanelLoss, Frame: lay.loss, Axes: figure.Axes{Grid: true, Ticks: lay.lossTicks, Box: !lay.lossTicks}}
	if lay.lossTicks {
		p.Axes.YLabel = "L"
	}
	hi := 0.0
	for _, q := range s.hist {
		if q.finite {
			hi = math.Max(hi, q.train)
			if q.hasTest {
				hi = math.Max(hi, q.test)
			}
		}
	}
	if !(hi > 0) {
		hi = 1
	}
	last := float64(s.epoch)
	p.World = figure.Rect{X0: 0, Y0: 0, X1: math.Max(10, last) * 1.03, Y1: hi * 1.08}
	var train, test [][]figure.Vec // runs of finite losses
	add := func(runs [][]figure.Vec, x, y float64) [][]figure.Vec {
		if !trFiniteLoss(y) {
			return append(runs, nil) // the line breaks there
		}
		if len(runs) == 0 {
			runs = append(runs, nil)
		}
		runs[len(runs)-1] = append(runs[len(runs)-1], figure.Vec{X: x, Y: y})
		return runs
	}
	for _, q := range s.hist {
		train = add(train, q.epoch, q.train)
		if q.hasTest {
			test = add(test, q.epoch, q.test)
		}
	}
	for _, run := range test {
		if len(run) > 0 {
			p.Items = append(p.Items, figure.Path{Pts: run, Style: figure.Style{Stroke: trColTest, Width: 1.5, Dash: true}})
		}
	}
	var lastOK *figure.Vec
	for _, run := range train {
		if len(run) > 0 {
			p.Items = append(p.Items, figure.Path{Pts: run, Style: figure.Style{Stroke: trColTrain, Width: 1.8}})
			lastOK = &run[len(run)-1]
		}
	}
	if s.status == trDiverged && lastOK != nil {
		// Divergence: an arrow off the top from the last finite loss.
		p.Items = append(p.Items, figure.Arrow{From: *lastOK, To: figure.Vec{X: lastOK.X, Y: p.World.Y1},
			Style: figure.Style{Stroke: figure.Vermillion, Width: 2.5}})
	}
	return p
}
