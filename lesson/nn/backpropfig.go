package nn

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/nn"
	"github.com/aimath/playground/lesson"
)

// Panel IDs and the prefix of the links' item IDs ("w:3", parameter 3).
const (
	bpPanelNet   = "net"
	bpPanelTable = "grads"
	bpLinkID     = "w:"
)

// Colours: inputs Blue, the forward pass Green, the backward pass
// (δ, gradients) Vermillion and Purple, positive weights Blue and negative
// ones Orange as in TensorFlow Playground.
const (
	bpColIn   = figure.Blue
	bpColFwd  = figure.Green
	bpColBwd  = figure.Vermillion
	bpColGrad = figure.Purple
	bpColPos  = figure.Blue
	bpColNeg  = figure.Orange
)

// Pixel sizes of the figure.
const (
	bpPad         = 8
	bpTitle       = 26 // above each frame (the panel titles)
	bpLineH       = 17 // the formula's second line
	bpMaxR        = 26 // the neurons' largest radius
	bpSmallR      = 17 // smaller neurons get shorter numbers …
	bpTinyR       = 13 // … and these fewer labels
	bpDotsH       = 18 // the stage dots at the bottom of the network
	bpLossW       = 84 // the loss box
	bpLossWNarrow = 66 // … on a panel narrower than bpNarrow
	bpNarrow      = 500
	bpLabelDX     = 90   // columns closer than this label links on hover only
	bpLabelDY     = 60   // … and rows closer than this
	bpLossH       = 40   // the loss box's height
	bpMaxRowGap   = 170  // neurons of a layer are at most this far apart
	bpCharEm      = 0.6  // a character's width per font pixel, about
	bpTableCols   = 54   // characters across the table
	bpLinkAt      = 0.65 // gradient labels sit this far along their links …
	bpLabelOff    = 9    // … and this far beside them
	bpMaxLabels   = 9    // steps with more links label them only on hover
	bpWideRatio   = 1.15
	bpWideMin     = 640
)

// bpGeom is where the last figure put the network and the table, for the
// pointer.
type bpGeom struct {
	node [][]figure.Vec // neuron centres by layer, in the network's pixels
	r    float64        // their radius
	font float64
	// dx and dy are the distances between the columns and between the
	// neurons of the largest layer.
	dx, dy float64

	// The table: rows first … first+shown−1 from the top at rowTop, each
	// rowH high.
	rowTop, rowH float64
	first, shown int
}

// paramAt returns the parameter under the pointer: a link it hits or a
// row of the table, or −1.
func (g bpGeom) paramAt(p lesson.Pointer, n int) int {
	if k, ok := strings.CutPrefix(p.Hit, bpLinkID); ok && p.Panel == bpPanelNet {
		if i, err := strconv.Atoi(k); err == nil && i >= 0 && i < n {
			return i
		}
	}
	if p.Panel != bpPanelTable || !(g.rowH > 0) {
		return -1
	}
	row := int(math.Floor((g.rowTop - p.At.Y) / g.rowH))
	if row < 0 || row >= g.shown || g.first+row >= n {
		return -1
	}
	return g.first + row
}

// bpFrames splits the canvas: the network and the table side by side
// when the canvas is wide, else the network above the table.
func bpFrames(w, h float64) (net, table figure.Rect) {
	if w >= bpWideMin && w > bpWideRatio*h {
		split := math.Round(0.6 * w)
		net = figure.Rect{X0: bpPad, Y0: bpTitle, X1: split - bpPad, Y1: h - bpPad}
		table = figure.Rect{X0: split + bpPad, Y0: bpTitle, X1: w - bpPad, Y1: h - bpPad}
		return net, table
	}
	split := math.Round(0.62 * h)
	net = figure.Rect{X0: bpPad, Y0: bpTitle, X1: w - bpPad, Y1: split - bpPad}
	table = figure.Rect{X0: bpPad, Y0: split + bpTitle - bpPad, X1: w - bpPad, Y1: h - bpPad}
	return net, table
}

func (s *backpropView) panels(w, h float64) []*figure.Panel {
	fn, ft := bpFrames(w, h)
	s.lay = bpGeom{}
	return []*figure.Panel{s.netPanel(fn), s.tablePanel(ft)}
}

// bpFeatureLabel is an input's symbol.
var bpFeatureLabel = map[nn.Feature]string{
	nn.X1: "x₁", nn.X2: "x₂", nn.X1Sq: "x₁²", nn.X2Sq: "x₂²", nn.X1X2: "x₁x₂", nn.SinX1: "sin x₁", nn.SinX2: "sin x₂",
}

// bpActName is an activation's name in the formulas.
func bpActName(a nn.Activation) string {
	switch a {
	case nn.Sigmoid:
		return "σ"
	case nn.ReLU:
		return "ReLU"
	case nn.LeakyReLU:
		return "LReLU"
	case nn.ELU:
		return "ELU"
	case nn.GELU:
		return "GELU"
	}
	return a.String()
}

// formula is what the current stage computes, in one or two lines.
func (s *backpropView) formula() []string {
	L := s.layers()
	net := s.net
	act := func(l int) nn.Activation {
		if l == L {
			return net.Output
		}
		return net.Hidden
	}
	sub := subscript
	aL := "a" + sub(L)
	switch ph := s.phase(); ph {
	case 0:
		return []string{"a₀ = x = (" + figNum(s.x1) + ", " + figNum(s.x2) + ")"}
	case 1:
		l := s.stage
		z := "z" + sub(l) + " = W" + sub(l) + "a" + sub(l-1) + " + b" + sub(l)
		a := "a" + sub(l) + " = " + bpActName(act(l)) + "(z" + sub(l) + ")"
		if act(l) == nn.Linear {
			a = "a" + sub(l) + " = z" + sub(l)
		}
		return []string{z + ",   " + a}
	case 2:
		return []string{s.lossFormula(aL)}
	case 3:
		l := s.lastStage() - s.stage
		dz := ""
		if act(l) != nn.Linear {
			dz = " ⊙ " + bpActName(act(l)) + "′(z" + sub(l) + ")"
		}
		var d string
		if l == L {
			d = "δ" + sub(l) + " = " + s.lossGrad(aL) + dz
		} else {
			d = "δ" + sub(l) + " = (W" + sub(l+1) + "ᵀδ" + sub(l+1) + ")" + dz
		}
		return []string{d, "∂L/∂W" + sub(l) + " = δ" + sub(l) + "a" + sub(l-1) + "ᵀ,   ∂L/∂b" + sub(l) + " = δ" + sub(l)}
	}
	return []string{"θ ← θ − η·∂L/∂θ,   η = " + figNum(s.lr), "L: " + figNum(s.loss) + " → " + figNum(s.after)}
}

// lossFormula is the loss of the network's output aL.
func (s *backpropView) lossFormula(aL string) string {
	var f string
	switch s.net.Loss {
	case nn.BCE:
		f = "L = −t·log σ(" + aL + ") − (1 − t)·log(1 − σ(" + aL + "))"
	case nn.CE:
		f = "L = −log softmax(" + aL + ")ₜ"
	default:
		f = "L = ½(" + aL + " − t)²"
	}
	if s.net.Reg != nn.NoReg && s.net.RegRate > 0 {
		f += " + λ·R(W)"
	}
	return f
}

// lossGrad is ∂L/∂a at the output.
func (s *backpropView) lossGrad(aL string) string {
	switch s.net.Loss {
	case nn.BCE:
		return "(σ(" + aL + ") − t)"
	case nn.CE:
		return "(softmax(" + aL + ") − t)"
	}
	return "(" + aL + " − t)"
}

// netPanel draws the network: links coloured by sign and sized by weight,
// the neurons lit in the order the passes reach them with z, a and δ
// written beside them, ∂L/∂w on the links of the steps backpropagated,
// the loss box and the stage dots.
func (s *backpropView) netPanel(frame figure.Rect) *figure.Panel {
	W, H := frame.W(), frame.H()
	p := &figure.Panel{ID: bpPanelNet, Frame: frame, World: figure.Rect{X0: 0, Y0: 0, X1: W, Y1: H}}
	sizes := s.net.Sizes
	L := s.layers()
	maxN := 1
	for _, n := range sizes {
		maxN = max(maxN, n)
	}
	lines := s.formula()
	p.Title = lines[0]
	font := 11.0
	top := H - float64(len(lines)-1)*bpLineH - font - 6 // room for the second line and z labels
	bottom := bpDotsH + font + 6                        // room for the δ labels and the dots
	// The inputs' labels left of the first column, the loss box right of
	// the last: the columns share what is between.
	label := 0
	for _, f := range s.fs {
		label = max(label, utf8.RuneCountInString(bpFeatureLabel[f]))
	}
	lossW := float64(bpLossW)
	if W < bpNarrow {
		lossW = bpLossWNarrow
	}
	rFor := func(left float64) (float64, float64) {
		dx := (W - left - lossW/2 - 6) / float64(L+1)
		return dx, math.Max(9, math.Min(bpMaxR, 0.3*math.Min(dx, (top-bottom)/float64(maxN))))
	}
	_, r := rFor(2 * bpMaxR)
	left := r + 6 + bpCharEm*(font+1)*float64(label)
	dx, r2 := rFor(left)
	r = math.Min(r, r2)
	dy := 0.0
	if maxN > 1 {
		dy = math.Min(bpMaxRowGap, (top-bottom-2*r)/float64(maxN-1))
	}
	if r < 14 {
		font = 9
	}
	mid := (top + bottom) / 2
	g := &s.lay
	g.r, g.font, g.dx, g.dy = r, font, dx, dy
	g.node = make([][]figure.Vec, len(sizes))
	for l, n := range sizes {
		g.node[l] = make([]figure.Vec, n)
		for j := range n {
			g.node[l][j] = figure.Vec{X: left + float64(l)*dx, Y: mid + (float64(n-1)/2-float64(j))*dy}
		}
	}
	lossAt := figure.Vec{X: left + float64(L+1)*dx - 6, Y: mid}

	items := make([]figure.Item, 0, 8*len(s.params)+64)
	items = append(items, s.links(g)...)
	// The loss box, linked to the outputs.
	lossOn := s.stage >= s.lossStage()
	lossCol := figure.Muted
	if lossOn {
		lossCol = figure.Ink
	}
	for _, o := range g.node[L] {
		items = append(items, figure.Path{Pts: []figure.Vec{{X: o.X + r, Y: o.Y}, {X: lossAt.X - lossW/2, Y: lossAt.Y}},
			Style: figure.Style{Stroke: lossCol, Width: 1, Dash: true}})
	}
	box := figure.Rect{X0: lossAt.X - lossW/2, Y0: lossAt.Y - bpLossH/2, X1: lossAt.X + lossW/2, Y1: lossAt.Y + bpLossH/2}
	boxStyle := figure.Style{Stroke: lossCol, Width: 1.5, Fill: figure.Paper, FillAlpha: 1}
	if s.stage == s.lossStage() {
		boxStyle.Width, boxStyle.Stroke = 3, bpColBwd
	}
	items = append(items, figure.Box{R: box, Style: boxStyle})
	lossText := "L"
	if lossOn {
		lossText = "L = " + figNum(s.loss)
	}
	items = append(items,
		figure.Text{At: lossAt, S: lossText, Size: font + 1, Bold: true, Anchor: figure.Center | figure.Bottom, DY: -1, Color: lossCol},
		figure.Text{At: lossAt, S: "t = " + figNum(s.target), Size: font, Anchor: figure.Center | figure.Top, DY: 3, Color: figure.Orange})
	if s.phase() == 4 {
		items = append(items, figure.Text{At: figure.Vec{X: lossAt.X, Y: box.Y0}, S: "→ " + figNum(s.after), Size: font, Bold: true,
			Anchor: figure.Center | figure.Top, DY: 4, Color: bpColFwd})
	}
	items = append(items, s.neurons(g)...)
	// The stage's formula: the title and a second line under it; the
	// stage dots at the bottom.
	for _, line := range lines[1:] {
		items = append(items, figure.Text{At: figure.Vec{X: 0, Y: H}, S: line, Size: 12,
			Anchor: figure.Left | figure.Top, DY: 1, Color: figure.Ink})
	}
	for st := range s.lastStage() + 1 {
		style := figure.Style{Stroke: figure.Muted, Width: 1, Fill: figure.Paper, FillAlpha: 1}
		size := 3.5
		if st <= s.stage {
			style.Fill, style.Stroke = figure.Ink, figure.Ink
		}
		if st == s.stage {
			size = 5
		}
		items = append(items, figure.Point{P: figure.Vec{X: 8 + float64(st)*14, Y: bpDotsH / 2}, Size: size, Style: style})
	}
	if s.status != "" {
		items = append(items, figure.Text{At: figure.Vec{X: W, Y: bpDotsH / 2}, S: "2-2-1", Size: 11, Bold: true,
			Anchor: figure.Right | figure.Middle, DX: -4, Color: bpColBwd})
	}
	p.Items = items
	return p
}

// links draws every weight: colour by sign, width by size, lit while the
// forward pass crosses it, and labelled with ∂L/∂w once the backward pass
// has.
func (s *backpropView) links(g *bpGeom) []figure.Item {
	wmax := 0.0
	for k, q := range s.params {
		if q.From >= 0 && bpFinite(s.net.Params[k]) {
			wmax = math.Max(wmax, math.Abs(s.net.Params[k]))
		}
	}
	var items, labels []figure.Item
	for k, q := range s.params {
		if q.From < 0 {
			continue
		}
		w := s.net.Params[k]
		a, b := g.node[q.Layer][q.From], g.node[q.Layer+1][q.To]
		d := math.Hypot(b.X-a.X, b.Y-a.Y)
		if !(d > 2*g.r) {
			continue
		}
		ux, uy := (b.X-a.X)/d, (b.Y-a.Y)/d
		from := figure.Vec{X: a.X + ux*g.r, Y: a.Y + uy*g.r}
		to := figure.Vec{X: b.X - ux*g.r, Y: b.Y - uy*g.r}
		col := bpColPos
		if w < 0 {
			col = bpColNeg
		}
		width := 1.0
		if wmax > 0 && bpFinite(w) {
			width = 0.75 + 3.25*math.Abs(w)/wmax
		}
		alpha := 0.45
		if s.stage == q.Layer+1 || s.bwdShown(q.Layer+1) && s.phase() == 3 && s.lastStage()-s.stage == q.Layer+1 {
			alpha = 1
		}
		if k == s.hover {
			width, alpha = width+2.5, 1
		}
		items = append(items, figure.Path{ID: bpLinkID + strconv.Itoa(k), Pts: []figure.Vec{from, to},
			Style: figure.Style{Stroke: col, Width: width, Alpha: alpha}})
		perStep := s.net.Sizes[q.Layer] * s.net.Sizes[q.Layer+1]
		roomy := perStep <= bpMaxLabels && g.dx >= bpLabelDX && (g.dy >= bpLabelDY || s.net.Sizes[q.Layer+1] == 1)
		if s.bwdShown(q.Layer+1) && (roomy || k == s.hover) {
			// Beside the link, on its upper side.
			at := figure.Vec{X: from.X + bpLinkAt*(to.X-from.X), Y: from.Y + bpLinkAt*(to.Y-from.Y)}
			nx, ny := -uy, ux
			if ny < 0 {
				nx, ny = -nx, -ny
			}
			labels = append(labels, figure.Text{At: at, S: figNum(s.grad[k]), Size: g.font - 1, Bold: k == s.hover,
				Anchor: figure.Center | figure.Middle, DX: bpLabelOff * nx, DY: -bpLabelOff * ny, Color: bpColGrad})
		}
	}
	return append(items, labels...)
}

// neurons draws the neurons: inputs with their symbols and values, then
// every other neuron with a inside, z above and δ below once known.
func (s *backpropView) neurons(g *bpGeom) []figure.Item {
	var items []figure.Item
	cur := -1 // the layer the current stage works on
	switch s.phase() {
	case 1:
		cur = s.stage
	case 3:
		cur = s.lastStage() - s.stage
	}
	for l, row := range g.node {
		for j, c := range row {
			style := figure.Style{Stroke: figure.Muted, Width: 1.5, Fill: figure.Paper, FillAlpha: 1}
			switch {
			case l == 0:
				style.Stroke, style.Fill, style.FillAlpha = bpColIn, bpColIn, 0.15
			case s.bwdShown(l):
				style.Stroke, style.Fill, style.FillAlpha = bpColBwd, bpColFwd, 0.15
			case s.fwdShown(l):
				style.Stroke, style.Fill, style.FillAlpha = bpColFwd, bpColFwd, 0.15
			}
			if l == cur {
				style.Width = 3.5
			}
			items = append(items, figure.Circle{C: c, R: g.r, Style: style})
			if l == 0 {
				items = append(items, figure.Text{At: c, S: bpFeatureLabel[s.fs[j]], Size: g.font + 1, Bold: true,
					Anchor: figure.Right | figure.Middle, DX: -g.r - 4, Color: bpColIn})
			}
			if !s.fwdShown(l) {
				continue
			}
			// Small neurons (on a phone) get two decimals; tiny ones (a
			// crowded network) no z either.
			compact := g.r < bpTinyR
			val, zPre, dPre := figNum, "z = ", "δ = "
			if g.r < bpSmallR {
				val = bpNum2
			}
			if compact {
				dPre = "δ "
			}
			items = append(items, figure.Text{At: c, S: val(s.pass.A[l][j]), Size: g.font, Bold: true,
				Anchor: figure.Center | figure.Middle, Color: figure.Ink})
			if l > 0 && !compact {
				items = append(items, figure.Text{At: figure.Vec{X: c.X, Y: c.Y + g.r}, S: zPre + val(s.pass.Z[l][j]), Size: g.font,
					Anchor: figure.Center | figure.Bottom, DY: -2, Color: figure.Muted})
			}
			if l > 0 && s.bwdShown(l) {
				items = append(items, figure.Text{At: figure.Vec{X: c.X, Y: c.Y - g.r}, S: dPre + val(s.pass.Delta[l][j]), Size: g.font, Bold: l == cur,
					Anchor: figure.Center | figure.Top, DY: 2, Color: bpColBwd})
			}
		}
	}
	return items
}

// tablePanel lists the parameters: value, ∂L/∂θ by backpropagation, the
// central difference and the relative error, filled in as the backward
// pass reaches each step; rows that do not fit scroll to the step being
// backpropagated (or the hovered parameter).
func (s *backpropView) tablePanel(frame figure.Rect) *figure.Panel {
	W, H := frame.W(), frame.H()
	p := &figure.Panel{ID: bpPanelTable, Frame: frame, World: figure.Rect{X0: 0, Y0: 0, X1: W, Y1: H},
		Title: "∂L/∂θ,  (L(θ + h) − L(θ − h))/2h"}
	font := math.Max(8, math.Min(12, W/(bpCharEm*bpTableCols)))
	rowH := font + 6
	g := &s.lay
	g.rowH = rowH
	g.rowTop = H - rowH - 2
	n := len(s.params)
	avail := max(1, int((g.rowTop-rowH-4)/rowH))
	g.shown = min(n, avail)
	focus := 0
	switch {
	case s.hover >= 0:
		focus = s.hover
	case s.phase() == 3:
		focus = s.firstParam(s.lastStage() - s.stage - 1)
	case s.phase() == 4:
		focus = 0
	}
	if n > avail {
		g.first = min(max(0, focus-1), n-avail)
	}
	// Columns: the name on the left, the numbers right-aligned.
	cw := bpCharEm * font
	right := []float64{20 * cw, 32 * cw, 44 * cw, math.Min(W-4, 53*cw)}
	head := []string{"θ", "∂L/∂θ", "FD", "rel"}
	items := make([]figure.Item, 0, 6*g.shown+12)
	hy := H - 2
	items = append(items, figure.Path{Pts: []figure.Vec{{X: 0, Y: hy - rowH}, {X: W, Y: hy - rowH}}, Style: figure.Style{Stroke: figure.Axis, Width: 1}})
	for c, hd := range head {
		items = append(items, figure.Text{At: figure.Vec{X: right[c], Y: hy}, S: hd, Size: font, Bold: true,
			Anchor: figure.Right | figure.Top, Color: figure.Ink})
	}
	for row := range g.shown {
		k := g.first + row
		q := s.params[k]
		y := g.rowTop - float64(row)*rowH
		if k == s.hover {
			items = append(items, figure.Box{R: figure.Rect{X0: 0, Y0: y - rowH, X1: W, Y1: y}, Style: figure.Style{Fill: figure.Yellow, FillAlpha: 0.35}})
		} else if s.phase() == 3 && q.Layer+1 == s.lastStage()-s.stage {
			items = append(items, figure.Box{R: figure.Rect{X0: 0, Y0: y - rowH, X1: W, Y1: y}, Style: figure.Style{Fill: bpColGrad, FillAlpha: 0.1}})
		}
		cell := func(x float64, s string, col figure.Color, a figure.Anchor) figure.Text {
			return figure.Text{At: figure.Vec{X: x, Y: y - rowH/2}, S: s, Size: font, Anchor: a | figure.Middle, Color: col}
		}
		items = append(items,
			cell(4, paramName(q), figure.Ink, figure.Left),
			cell(right[0], figNum(s.net.Params[k]), figure.Ink, figure.Right))
		if !s.bwdShown(q.Layer + 1) {
			for c := 1; c < 4; c++ {
				items = append(items, cell(right[c], "·", figure.Muted, figure.Right))
			}
			continue
		}
		items = append(items,
			cell(right[1], bpNum(s.grad[k]), bpColGrad, figure.Right),
			cell(right[2], bpNum(s.fd[k]), figure.Ink, figure.Right),
			cell(right[3], bpErrText(s.rel[k]), bpErrColor(s.rel[k]), figure.Right))
	}
	foot := "max rel " + bpErrText(s.maxRel)
	if !strings.HasPrefix(foot, "max rel <") {
		foot = "max rel = " + bpErrText(s.maxRel)
	}
	if !s.bwdShown(1) {
		foot = "max rel ·"
	}
	if n > g.shown {
		foot = strconv.Itoa(g.first+1) + "–" + strconv.Itoa(g.first+g.shown) + " / " + strconv.Itoa(n) + "    " + foot
	}
	items = append(items, figure.Text{At: figure.Vec{X: 4, Y: g.rowTop - float64(g.shown)*rowH}, S: foot, Size: font,
		Anchor: figure.Left | figure.Top, DY: 4, Color: figure.Ink, Bold: true})
	p.Items = items
	return p
}

// firstParam is the index of the first parameter of step l.
func (s *backpropView) firstParam(l int) int {
	for k, q := range s.params {
		if q.Layer == l {
			return k
		}
	}
	return 0
}

// bpNum writes a gradient with five significant digits, enough to see
// backpropagation and the finite difference agree.
func bpNum(x float64) string {
	if a := math.Abs(x); a == 0 || a >= 1e-4 && a < 1e4 {
		s := strconv.FormatFloat(x, 'g', 5, 64)
		return strings.Replace(s, "-", "−", 1)
	}
	return figure.Num(x)
}

// bpNum2 writes a number with two decimals at most.
func bpNum2(x float64) string {
	if a := math.Abs(x); a < 5e-3 || a >= 1e4 {
		return figNum(x)
	}
	return figNum(math.Round(x*100) / 100)
}

// bpErrText writes a relative error: below 1e-3, where it is rounding,
// as the power of ten it is under ("< 1e-9"), whose digits do not depend
// on how a machine rounds; 0 and larger ones as they are.
func bpErrText(e float64) string {
	if !(e >= 1e-300) || e >= 1e-3 {
		return figure.Num(e)
	}
	return "< 1e" + strconv.Itoa(int(math.Ceil(math.Log10(e)+1e-12)))
}

// bpErrColor marks a relative error: green when backpropagation and the
// difference agree to rounding, orange when only roughly, vermillion
// beyond.
func bpErrColor(e float64) figure.Color {
	switch {
	case e < 1e-6:
		return figure.Green
	case e < 1e-3:
		return figure.Orange
	}
	return figure.Vermillion
}

func bpFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
