package cnn

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aimath/playground/core/conv"
	"github.com/aimath/playground/core/figure"
)

// Geometry of the slide view's figure, in CSS pixels.
const (
	slideTop     = 22  // above each frame: its title
	slideSide    = 8   // left and right of each frame
	slideBottom  = 4   // below each frame
	slideLabel   = 16  // a grid's name above it in the arithmetic
	slideVGap    = 8   // between rows of grids in the arithmetic
	slideMaxCell = 56  // the arithmetic's cells need be no larger
	slideGridPx  = 6   // draw lines between pixels at least this large
	slideValPx   = 28  // write the values into pixels at least this large
	slideMaxVals = 400 // … when there are at most this many
	slideInset   = 4   // room between a frame and the maps in it
	slideRingPx  = 6   // a window or cell smaller than this gets a ring …
	slideRingR   = 11  // … of this radius, to be found
	slideCharEm  = 0.58
	slideLineEm  = 1.35
)

// slideLayout is where the panels go on a canvas.
type slideLayout struct {
	in, ar, out, fin figure.Rect // frames; fin is unused without a final panel
	scale            float64     // pixels per input pixel, the same in every map
	below            float64     // pixels under the maps for their formulas
	outFont, finFont float64
	arith            slideArithGeom
}

// slideArithGeom places the arithmetic of one position in the arith panel,
// whose world coordinates are its pixels (y up, origin bottom left):
// three k×k grids (the input under the window, the kernel, their
// products) and lines of text under them.
type slideArithGeom struct {
	k     int
	cell  float64
	org   [3]figure.Vec // top-left corners of the patch, kernel and products grids
	ops   []figure.Text // "·" and "=" between the grids
	text  figure.Vec    // top centre of the text lines
	font  float64
	lineH float64
}

// cellRect is the rectangle of tap (u, v) in grid g.
func (g slideArithGeom) cellRect(grid, u, v int) figure.Rect {
	o := g.org[grid]
	x0, y1 := o.X+float64(v)*g.cell, o.Y-float64(u)*g.cell
	return figure.Rect{X0: x0, Y0: y1 - g.cell, X1: x0 + g.cell, Y1: y1}
}

// tapAt returns the tap u·k+v of the grid cell at the point at, or −1.
func (g slideArithGeom) tapAt(at figure.Vec) int {
	if !(g.cell > 0) {
		return -1
	}
	for _, o := range g.org {
		u := int(math.Floor((o.Y - at.Y) / g.cell))
		v := int(math.Floor((at.X - o.X) / g.cell))
		if o.Y-at.Y >= 0 && at.X-o.X >= 0 && u < g.k && v < g.k {
			return u*g.k + v
		}
	}
	return -1
}

// arithLines is how many text lines the arithmetic needs: the sum, the
// output with the bias, ReLU when on, and the tap under the pointer.
func (s *slideView) arithLines() int {
	if s.in.relu {
		return 4
	}
	return 3
}

// Arrangements of the arithmetic's three grids.
const (
	slideGridsRow = iota // side by side
	slideGridsTwo        // the patch and the kernel, their products below
	slideGridsCol        // one above the other
)

// slideFitArith lays out the grids in a row, in two rows or in a column,
// whichever gives the largest cells in a w×h frame (the first of equals).
func slideFitArith(w, h float64, k, lines int) slideArithGeom {
	g := slideArithGeom{k: k}
	kf := float64(k)
	g.font = slideClamp((w-8)/(slideCharEm*34), 9, 13)
	g.lineH = slideLineEm * g.font
	text := float64(lines)*g.lineH + 6
	fits := [...]float64{
		slideGridsRow: math.Min(w/(3*kf+1.6), (h-slideLabel-text)/kf),
		slideGridsTwo: math.Min(w/(2*kf+0.8), (h-2*slideLabel-slideVGap-text)/(2*kf)),
		slideGridsCol: math.Min(w/kf, (h-3*slideLabel-2*slideVGap-text)/(3*kf)),
	}
	how := slideGridsRow
	for a, c := range fits {
		if slideClamp(c, 2, slideMaxCell) > slideClamp(fits[how], 2, slideMaxCell) {
			how = a
		}
	}
	c := slideClamp(fits[how], 2, slideMaxCell)
	g.cell = c
	side, gap := kf*c, 0.8*c
	var blockW, gridsH float64
	switch how {
	case slideGridsRow:
		blockW, gridsH = 3*side+2*gap, slideLabel+side
	case slideGridsTwo:
		blockW, gridsH = 2*side+gap, 2*(slideLabel+side)+slideVGap
	default:
		blockW, gridsH = side, 3*(slideLabel+side)+2*slideVGap
	}
	top := h - slideInset
	left := (w - blockW) / 2
	opSize := slideClamp(0.6*c, 12, 24)
	op := func(s string, x, y float64) figure.Text {
		return figure.Text{At: figure.Vec{X: x, Y: y}, S: s, Size: opSize, Anchor: figure.Center | figure.Middle, Color: figure.Ink, Bold: true}
	}
	if how == slideGridsCol {
		opSize = 14 // beside the grids' names, as large as they are
	}
	y0 := top - slideLabel
	switch how {
	case slideGridsRow:
		for i := range g.org {
			g.org[i] = figure.Vec{X: left + float64(i)*(side+gap), Y: y0}
		}
		g.ops = []figure.Text{op("·", left+side+gap/2, y0-side/2), op("=", left+2*side+1.5*gap, y0-side/2)}
	case slideGridsTwo:
		g.org[0] = figure.Vec{X: left, Y: y0}
		g.org[1] = figure.Vec{X: left + side + gap, Y: y0}
		g.org[2] = figure.Vec{X: left + (blockW-side)/2, Y: y0 - side - slideVGap - slideLabel}
		g.ops = []figure.Text{op("·", left+side+gap/2, y0-side/2), op("=", g.org[2].X-gap/2, g.org[2].Y-side/2)}
	default:
		for i := range g.org {
			g.org[i] = figure.Vec{X: left, Y: y0 - float64(i)*(side+slideVGap+slideLabel)}
		}
		// Beside the names of the kernel and the products.
		g.ops = []figure.Text{op("·", left+side/2-24, g.org[1].Y+slideLabel/2), op("=", left+side/2-28, g.org[2].Y+slideLabel/2)}
	}
	g.text = figure.Vec{X: w / 2, Y: top - gridsH - 6}
	return g
}

func slideClamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

// slideTextFont is the font size (8 to 12 pixels) at which the longest of
// lines fits in w pixels, as far as 8 pixels allow.
func slideTextFont(lines []string, w float64) float64 {
	n := 1
	for _, l := range lines {
		n = max(n, utf8.RuneCountInString(l))
	}
	return slideClamp((w-4)/(slideCharEm*float64(n)), 8, 12)
}

// finalShown reports whether there is a fourth panel after the output.
func (s *slideView) finalShown() bool { return s.in.relu || s.in.pool != poolNone }

// extents are the sizes, in pixels of the input, of what the input, the
// output and the final panel show.
func (s *slideView) extents() (ex [3][2]float64) {
	x, p := s.in.gray, s.in.p.Pad
	ex[0] = [2]float64{float64(x.W + 2*p), float64(x.H + 2*p)}
	ex[1] = [2]float64{float64(s.ow), float64(s.oh)}
	if o := s.pl.out; o != nil {
		ex[2] = [2]float64{float64(o.W), float64(o.H)}
	} else {
		ex[2] = ex[1]
	}
	return ex
}

// layout tries a few arrangements of the panels and keeps the one with
// the largest maps whose arithmetic stays readable: cells too small for
// their numbers count against it.
func (s *slideView) layout(w, h float64) slideLayout {
	fin := s.finalShown()
	full := figure.Rect{X0: 0, Y0: 0, X1: w, Y1: h}
	var cands [][]figure.Rect // in, ar, out[, fin]
	for _, a := range []float64{0.8, 1, 1.3} {
		ws := []float64{1, a, 1}
		if fin {
			ws = append(ws, 1)
		}
		cands = append(cands, slideSplit(full, ws, true), slideSplit(full, ws, false))
	}
	imgW := []float64{1, 1}
	if fin {
		imgW = append(imgW, 1)
	}
	pack := func(imgs []figure.Rect, ar figure.Rect) []figure.Rect {
		return append([]figure.Rect{imgs[0], ar}, imgs[1:]...)
	}
	for _, a := range []float64{0.34, 0.42, 0.5} {
		top, bot := slideCut(full, 1-a, false)
		cands = append(cands, pack(slideSplit(top, imgW, true), bot))
		left, right := slideCut(full, 1-a, true)
		cands = append(cands, pack(slideSplit(left, imgW, false), right))
	}
	if fin {
		top, bot := slideCut(full, 0.5, false)
		t, b := slideSplit(top, []float64{1, 1}, true), slideSplit(bot, []float64{1, 1}, true)
		cands = append(cands, []figure.Rect{t[0], t[1], b[0], b[1]})
	}
	var best slideLayout
	bestScore := math.Inf(-1)
	for _, c := range cands {
		l := s.tryLayout(c)
		img := l.scale * math.Max(float64(s.in.gray.W+2*s.in.p.Pad), float64(s.in.gray.H+2*s.in.p.Pad))
		score := img * math.Min(1, l.arith.cell/slideReadable(s.k.H))
		if score > bestScore {
			best, bestScore = l, score
		}
	}
	return best
}

// tryLayout fills in a layout for the given slots (in, ar, out[, fin]).
func (s *slideView) tryLayout(slots []figure.Rect) slideLayout {
	var l slideLayout
	fr := make([]figure.Rect, len(slots))
	for i, r := range slots {
		fr[i] = figure.Inset(r, slideSide, slideTop, slideSide, slideBottom)
		fr[i] = figure.Rect{X0: math.Round(fr[i].X0), Y0: math.Round(fr[i].Y0), X1: math.Round(fr[i].X1), Y1: math.Round(fr[i].Y1)}
	}
	l.in, l.ar, l.out = fr[0], fr[1], fr[2]
	outLines := s.sizeLines()
	l.outFont = slideTextFont(outLines, l.out.W())
	l.below = float64(len(outLines))*slideLineEm*l.outFont + 8
	imgs := []figure.Rect{l.in, l.out}
	if len(fr) > 3 {
		l.fin = fr[3]
		finLines := s.finalLines()
		l.finFont = slideTextFont(finLines, l.fin.W())
		l.below = math.Max(l.below, float64(len(finLines))*slideLineEm*l.finFont+8)
		imgs = append(imgs, l.fin)
	}
	ex := s.extents()
	l.scale = math.Inf(1)
	for i, f := range imgs {
		l.scale = math.Min(l.scale, math.Min((f.W()-2*slideInset)/ex[i][0], (f.H()-l.below-slideInset)/ex[i][1]))
	}
	l.scale = math.Max(l.scale, 0.01)
	l.arith = slideFitArith(l.ar.W(), l.ar.H(), s.k.H, s.arithLines())
	return l
}

// slideReadable is the cell size, in pixels, at which the arithmetic of a
// k×k kernel is readable enough: large kernels make do with less (their
// numbers show on hover).
func slideReadable(k int) float64 {
	switch {
	case k <= 3:
		return 30
	case k <= 5:
		return 24
	}
	return 18
}

// slideSplit divides r into parts side by side (row) or stacked, in
// proportion to weights.
func slideSplit(r figure.Rect, weights []float64, row bool) []figure.Rect {
	var total float64
	for _, w := range weights {
		total += w
	}
	out := make([]figure.Rect, len(weights))
	at := 0.0
	for i, w := range weights {
		a, b := at/total, (at+w)/total
		at += w
		if row {
			out[i] = figure.Rect{X0: r.X0 + a*r.W(), Y0: r.Y0, X1: r.X0 + b*r.W(), Y1: r.Y1}
		} else {
			out[i] = figure.Rect{X0: r.X0, Y0: r.Y0 + a*r.H(), X1: r.X1, Y1: r.Y0 + b*r.H()}
		}
	}
	return out
}

// slideCut splits r at fraction f across (vertical cut) or down (horizontal).
func slideCut(r figure.Rect, f float64, across bool) (figure.Rect, figure.Rect) {
	parts := slideSplit(r, []float64{f, 1 - f}, across)
	return parts[0], parts[1]
}

// slideMapWorld is the world of an image panel with frame f at scale pixels
// per cell, showing content (a world rectangle) centred across and at
// the top.
func slideMapWorld(f, content figure.Rect, scale float64) figure.Rect {
	cx := (content.X0 + content.X1) / 2
	y1 := content.Y1 + slideInset/scale
	hw := f.W() / 2 / scale
	return figure.Rect{X0: cx - hw, Y0: y1 - f.H()/scale, X1: cx + hw, Y1: y1}
}

func (s *slideView) panels(w, h float64) []*figure.Panel {
	if s.oh == 0 {
		return s.problemPanels(w, h)
	}
	l := s.layout(w, h)
	s.ar = l.arith
	ps := []*figure.Panel{s.inputPanel(l.in, l.scale), s.arithPanel(l.ar, l.arith), s.outputPanel(l)}
	if s.finalShown() {
		ps = append(ps, s.finalPanel(l))
	}
	return ps
}

// Styles of the slide view.
var (
	slideStyleWindow  = figure.Style{Stroke: figure.Orange, Width: 2.5, Fill: figure.Orange, FillAlpha: 0.12}
	slideStyleCurrent = figure.Style{Stroke: figure.Orange, Width: 2.5}
	slideStyleHover   = figure.Style{Stroke: figure.Sky, Width: 2.5}
	slideStyleField   = figure.Style{Stroke: figure.Sky, Width: 2, Dash: true, Fill: figure.Sky, FillAlpha: 0.15}
	slideStyleTap     = figure.Style{Stroke: figure.Blue, Width: 2.5}
	slideStylePad     = figure.Style{Stroke: figure.Axis, Width: 1, Dash: true, Fill: figure.Grid, FillAlpha: 1}
	slideStyleFrame   = figure.Style{Stroke: figure.Axis, Width: 1}
	slideStyleLines   = figure.Style{Stroke: figure.Axis, Width: 0.5, Alpha: 0.5}
	slideStyleCover   = figure.Style{Fill: figure.Paper, FillAlpha: 1, Stroke: figure.Muted, Width: 1.25, Dash: true}
)

// inputPanel shows the gray input, its padding, the window and the
// receptive field of a hovered output.
func (s *slideView) inputPanel(f figure.Rect, scale float64) *figure.Panel {
	x, p := s.in.gray, s.in.p
	padded := figure.Rect{X0: float64(-p.Pad), Y0: float64(-p.Pad), X1: float64(x.W + p.Pad), Y1: float64(x.H + p.Pad)}
	pn := &figure.Panel{ID: panelInput, Frame: f, World: slideMapWorld(f, padded, scale), Equal: true,
		Title: fmt.Sprintf("X %d×%d", x.H, x.W)}
	pn.Items = s.inputItems(padded, scale)
	i, j := s.cur/s.ow, s.cur%s.ow
	if s.hover >= 0 && s.hover != s.cur {
		pn.Items = append(pn.Items, figure.Box{R: s.windowRect(s.hover/s.ow, s.hover%s.ow), Style: slideStyleField})
	}
	win := s.windowRect(i, j)
	if d := p.Dilation; d > 1 {
		top, left := i*p.Stride-p.Pad, j*p.Stride-p.Pad
		for u := range s.k.H {
			for v := range s.k.W {
				pn.Items = append(pn.Items, figure.Box{R: cellRect(x.H, top+u*d, left+v*d),
					Style: figure.Style{Fill: figure.Orange, FillAlpha: 0.45}})
			}
		}
	}
	pn.Items = append(pn.Items, figure.Box{ID: slideWindow, R: win, Style: slideStyleWindow})
	pn.Items = append(pn.Items, slideRingAround(win, scale)...)
	if s.tap >= 0 {
		d := s.shown()
		di, dj := d/s.ow, d%s.ow
		u, v := s.tap/s.k.W, s.tap%s.k.W
		r := cellRect(x.H, di*p.Stride-p.Pad+u*p.Dilation, dj*p.Stride-p.Pad+v*p.Dilation)
		pn.Items = append(pn.Items, figure.Box{R: r, Style: slideStyleTap})
	}
	return pn
}

// inputItems are the padding, the image, its grid and its values.
func (s *slideView) inputItems(padded figure.Rect, scale float64) []figure.Item {
	x, pad := s.in.gray, s.in.p.Pad
	var items []figure.Item
	if pad > 0 {
		items = append(items, figure.Box{R: padded, Style: slideStylePad})
	}
	items = append(items, raster("", fmt.Sprintf("slide-x-%d", s.in.gen), x, 0, figure.Gray, 0, 1))
	n := (x.W + 2*pad) * (x.H + 2*pad)
	if scale >= slideGridPx {
		items = append(items, slideGridLines(padded, x.H+2*pad, x.W+2*pad, slideStyleLines)...)
	}
	if scale >= slideValPx && n <= slideMaxVals {
		items = append(items, slideValues(x.Data, x.H, x.W, x.H*x.W, scale, func(v float64) bool { return v < 0.5 })...)
		size, chars := slideCellFont(scale)
		for r := -pad; r < x.H+pad; r++ {
			for c := -pad; c < x.W+pad; c++ {
				if r < 0 || r >= x.H || c < 0 || c >= x.W {
					items = append(items, slideCellLabel(cellRect(x.H, r, c), slideCellText(0, chars), size, figure.Muted))
				}
			}
		}
	}
	return append(items, figure.Box{R: imageWorld(x.H, x.W), Style: slideStyleFrame})
}

// slideRingAround circles r when it is too small to find at scale pixels per unit.
func slideRingAround(r figure.Rect, scale float64) []figure.Item {
	if r.W()*scale >= slideRingPx {
		return nil
	}
	return []figure.Item{figure.Circle{C: slideCentre(r), R: slideRingR / scale, Style: figure.Style{Stroke: figure.Orange, Width: 1.5}}}
}

// slideGridLines are the lines between the rows×cols cells of r.
func slideGridLines(r figure.Rect, rows, cols int, st figure.Style) []figure.Item {
	items := make([]figure.Item, 0, rows+cols-2)
	for c := 1; c < cols; c++ {
		x := r.X0 + float64(c)*r.W()/float64(cols)
		items = append(items, figure.Path{Pts: []figure.Vec{{X: x, Y: r.Y0}, {X: x, Y: r.Y1}}, Style: st})
	}
	for q := 1; q < rows; q++ {
		y := r.Y0 + float64(q)*r.H()/float64(rows)
		items = append(items, figure.Path{Pts: []figure.Vec{{X: r.X0, Y: y}, {X: r.X1, Y: y}}, Style: st})
	}
	return items
}

// slideCellFont returns the font size for numbers in cells of px pixels and
// how many characters fit; size 0 when none do.
func slideCellFont(px float64) (size float64, chars int) {
	size = math.Min(16, 0.34*px)
	if size < 7 {
		return 0, 0
	}
	return size, int((px - 4) / (slideCharEm * size))
}

// slideCellText writes x in at most n characters, with as many decimals (up
// to 3) as fit, no trailing zeros and a true minus sign; "≈0" for a
// number too small to show (1/256 is not 0), and "" if even the whole
// number does not fit.
func slideCellText(x float64, n int) string {
	for d := 3; d >= 0; d-- {
		s := strconv.FormatFloat(x, 'f', d, 64)
		if strings.Contains(s, ".") {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
		if s == "0" || s == "-0" {
			if x == 0 {
				return "0"
			}
			s = "≈0"
		}
		s = strings.Replace(s, "-", "−", 1)
		if utf8.RuneCountInString(s) <= n {
			return s
		}
	}
	return ""
}

func slideCellLabel(r figure.Rect, s string, size float64, c figure.Color) figure.Item {
	return figure.Text{At: slideCentre(r), S: s, Size: size, Anchor: figure.Center | figure.Middle, Color: c}
}

// slideValues writes the first n values (row-major) of an h×w map into
// their cells, light on dark cells.
func slideValues(vals []float64, h, w, n int, px float64, dark func(float64) bool) []figure.Item {
	size, chars := slideCellFont(px)
	if size == 0 {
		return nil
	}
	var items []figure.Item
	for idx := range min(n, h*w) {
		t := slideCellText(vals[idx], chars)
		if t == "" {
			continue
		}
		c := figure.Ink
		if dark(vals[idx]) {
			c = figure.Paper
		}
		items = append(items, slideCellLabel(cellRect(h, idx/w, idx%w), t, size, c))
	}
	return items
}

// arithPanel writes out the multiply-adds of the position shown.
func (s *slideView) arithPanel(f figure.Rect, g slideArithGeom) *figure.Panel {
	d := s.shown()
	i, j := d/s.ow, d%s.ow
	pn := &figure.Panel{ID: slideArith, Frame: f, World: figure.Rect{X1: f.W(), Y1: f.H()}, Equal: true,
		Title: fmt.Sprintf("(i, j) = (%d, %d)", i, j)}
	var sum float64
	s.terms, sum, _ = conv.Terms(s.terms, s.in.gray, s.k, s.in.p, i, j)
	k := s.k.H
	patch, prod := make([]float64, k*k), make([]float64, k*k)
	for n, t := range s.terms {
		patch[n], prod[n] = t.In, t.Prod
	}
	side := float64(k) * g.cell
	box := func(grid int) figure.Rect {
		o := g.org[grid]
		return figure.Rect{X0: o.X, Y0: o.Y - side, X1: o.X + side, Y1: o.Y}
	}
	items := []figure.Item{
		figure.Raster{Key: fmt.Sprintf("slide-patch-%d-%d", s.runs, d), R: box(0), W: k, H: k, Values: patch, Min: 0, Max: 1, Map: figure.Gray},
		figure.Raster{Key: fmt.Sprintf("slide-k-%d", s.runs), R: box(1), W: k, H: k, Values: s.k.Data, Min: -s.kmax, Max: s.kmax, Map: figure.Diverge},
		figure.Raster{Key: fmt.Sprintf("slide-prod-%d-%d", s.runs, d), R: box(2), W: k, H: k, Values: prod, Min: -s.kmax, Max: s.kmax, Map: figure.Diverge},
	}
	size, chars := slideCellFont(g.cell)
	for n, t := range s.terms {
		u, v := n/k, n%k
		if t.Pad {
			items = append(items, figure.Box{R: g.cellRect(0, u, v), Style: slideStylePad}, figure.Box{R: g.cellRect(2, u, v), Style: slideStylePad})
		}
		if size == 0 {
			continue
		}
		ink := func(dark bool) figure.Color {
			if dark {
				return figure.Paper
			}
			return figure.Ink
		}
		pc := ink(t.In < 0.5)
		if t.Pad {
			pc = figure.Muted
		}
		items = append(items,
			slideCellLabel(g.cellRect(0, u, v), slideCellText(t.In, chars), size, pc),
			slideCellLabel(g.cellRect(1, u, v), slideCellText(t.K, chars), size, ink(math.Abs(t.K) > 0.55*s.kmax)),
			slideCellLabel(g.cellRect(2, u, v), slideCellText(t.Prod, chars), size, ink(math.Abs(t.Prod) > 0.55*s.kmax)))
	}
	names := []string{"X", "K", "X·K"}
	for grid := range 3 {
		r := box(grid)
		items = append(items, slideGridLines(r, k, k, figure.Style{Stroke: figure.Paper, Width: 1.5})...)
		items = append(items, figure.Box{R: r, Style: slideStyleFrame},
			figure.Text{At: figure.Vec{X: (r.X0 + r.X1) / 2, Y: r.Y1}, S: names[grid], Size: 12, Bold: true,
				Anchor: figure.Center | figure.Bottom, DY: -4, Color: figure.Ink})
		if s.tap >= 0 {
			items = append(items, figure.Box{R: g.cellRect(grid, s.tap/k, s.tap%k), Style: slideStyleTap})
		}
	}
	for _, op := range g.ops {
		items = append(items, op)
	}
	y := s.pl.conv.Data[d]
	lines := []string{
		"Σ X·K = " + figure.Num(sum),
		fmt.Sprintf("Y[%d, %d] = %s %s = %s", i, j, figure.Num(sum), slideSigned(s.in.bias), figure.Num(y)),
	}
	colors := []figure.Color{figure.Ink, figure.Green}
	if s.in.relu {
		lines = append(lines, fmt.Sprintf("ReLU(%s) = %s", figure.Num(y), figure.Num(math.Max(0, y))))
		colors = append(colors, figure.Ink)
	}
	if s.tap >= 0 && s.tap < len(s.terms) {
		t := s.terms[s.tap]
		lines = append(lines, fmt.Sprintf("X[%d, %d]·K[%d, %d] = %s·%s = %s",
			t.Y, t.X, t.I, t.J, figure.Num(t.In), slideParen(t.K), figure.Num(t.Prod)))
		colors = append(colors, figure.Blue)
	}
	for n, line := range lines {
		size := g.font
		if need := slideCharEm * size * float64(utf8.RuneCountInString(line)); need > f.W()-4 {
			size = math.Max(7, size*(f.W()-4)/need)
		}
		items = append(items, figure.Text{At: g.text, S: line, Size: size, Anchor: figure.Center | figure.Top,
			DY: float64(n) * g.lineH, Color: colors[n], Bold: n == 1})
	}
	pn.Items = items
	return pn
}

// slideSigned writes "+ b" or "− |b|".
func slideSigned(b float64) string {
	if b < 0 {
		return "− " + figure.Num(-b)
	}
	return "+ " + figure.Num(b)
}

// slideParen writes x, in parentheses when negative (a factor of a product).
func slideParen(x float64) string {
	if x < 0 {
		return "(" + figure.Num(x) + ")"
	}
	return figure.Num(x)
}

// slideItoa writes n with a true minus sign.
func slideItoa(n int) string { return strings.Replace(strconv.Itoa(n), "-", "−", 1) }

// slideFloorDiv is ⌊a/b⌋ for b > 0.
func slideFloorDiv(a, b int) int { return int(math.Floor(float64(a) / float64(b))) }

// sizeLines are the output-size formula and its numbers for each axis
// (one line when the input is square); a result below 1 is marked.
func (s *slideView) sizeLines() []string {
	x, p, k := s.in.gray, s.in.p, s.k.H
	span := conv.Span(k, p.Dilation)
	sym := "k"
	if p.Dilation > 1 {
		sym = "k′"
	}
	var lines []string
	if p.Dilation > 1 {
		lines = append(lines, fmt.Sprintf("k′ = D·(k − 1) + 1 = %d·%d + 1 = %d", p.Dilation, k-1, span))
	}
	lines = append(lines, "O = ⌊(H + 2P − "+sym+")/S⌋ + 1")
	axis := func(n int) string {
		o := slideFloorDiv(n+2*p.Pad-span, p.Stride) + 1
		t := fmt.Sprintf("⌊(%d + %d − %d)/%d⌋ + 1 = %s", n, 2*p.Pad, span, p.Stride, slideItoa(o))
		if o < 1 {
			t += " < 1"
		}
		return t
	}
	if x.H == x.W {
		return append(lines, "= "+axis(x.H))
	}
	return append(lines, "H: "+axis(x.H), "W: "+axis(x.W))
}

// finalLines are the lines under the final map: ReLU's definition, or
// the pooled size's formula with its numbers.
func (s *slideView) finalLines() []string {
	if s.in.pool == poolNone {
		return []string{"max(0, Y)"}
	}
	sz, st := s.in.poolSz, s.in.poolSt
	axis := func(n int) string {
		o := slideFloorDiv(n-sz, st) + 1
		t := fmt.Sprintf("⌊(%d − %d)/%d⌋ + 1 = %s", n, sz, st, slideItoa(o))
		if o < 1 {
			t += " < 1"
		}
		return t
	}
	if s.oh == s.ow {
		return []string{axis(s.oh)}
	}
	return []string{"H: " + axis(s.oh), "W: " + axis(s.ow)}
}

// slideCover hides the cells of an h×w map not yet computed, all after
// the first rows full rows and cols cells of the next, under one outlined
// staircase, so that computed zeros (near white) stay apart from it.
func slideCover(h, w, rows, cols int) []figure.Item {
	if rows >= h {
		return nil
	}
	y := float64(h - rows) // top of the first row not complete
	c, wf := float64(cols), float64(w)
	var pts []figure.Vec
	switch {
	case cols == 0:
		pts = []figure.Vec{{X: 0, Y: y}, {X: wf, Y: y}, {X: wf, Y: 0}, {X: 0, Y: 0}}
	case rows+1 == h:
		pts = []figure.Vec{{X: c, Y: y}, {X: wf, Y: y}, {X: wf, Y: 0}, {X: c, Y: 0}}
	default:
		pts = []figure.Vec{{X: c, Y: y}, {X: wf, Y: y}, {X: wf, Y: 0}, {X: 0, Y: 0}, {X: 0, Y: y - 1}, {X: c, Y: y - 1}}
	}
	return []figure.Item{figure.Path{Pts: pts, Closed: true, Style: slideStyleCover}}
}

// mapItems draw an output map (filled cells computed, the rest covered),
// its grid and values where they fit.
func (s *slideView) mapItems(key string, t *conv.Tensor, rows, cols int, scale float64) []figure.Item {
	items := []figure.Item{raster("", key, t, 0, figure.Diverge, -s.ymax, s.ymax)}
	items = append(items, slideCover(t.H, t.W, rows, cols)...)
	world := imageWorld(t.H, t.W)
	if scale >= slideGridPx {
		items = append(items, slideGridLines(world, t.H, t.W, slideStyleLines)...)
	}
	if scale >= slideValPx && t.H*t.W <= slideMaxVals {
		items = append(items, slideValues(t.Data, t.H, t.W, min(rows*t.W+cols, t.H*t.W), scale,
			func(v float64) bool { return math.Abs(v) > 0.55*s.ymax })...)
	}
	return append(items, figure.Box{R: world, Style: slideStyleFrame})
}

// slideFormula writes lines under a map whose bottom centre is at.
func slideFormula(at figure.Vec, lines []string, size float64, c figure.Color) []figure.Item {
	items := make([]figure.Item, len(lines))
	for n, line := range lines {
		items[n] = figure.Text{At: at, S: line, Size: size, Anchor: figure.Center | figure.Top,
			DY: 8 + float64(n)*slideLineEm*size, Color: c}
	}
	return items
}

// outputPanel shows the output map filling in, the current position and
// the size formula.
func (s *slideView) outputPanel(l slideLayout) *figure.Panel {
	f := l.out
	world := imageWorld(s.oh, s.ow)
	pn := &figure.Panel{ID: slideOutput, Frame: f, World: slideMapWorld(f, world, l.scale), Equal: true,
		Title: fmt.Sprintf("Y %d×%d", s.oh, s.ow)}
	rows, cols := s.filled/s.ow, s.filled%s.ow
	pn.Items = s.mapItems(fmt.Sprintf("slide-y-%d", s.runs), s.pl.conv, rows, cols, l.scale)
	if s.hoverPool >= 0 && s.pl.out != nil {
		r, c := s.hoverPool/s.pl.out.W, s.hoverPool%s.pl.out.W
		st, sz := s.in.poolSt, s.in.poolSz
		pn.Items = append(pn.Items, figure.Box{R: figure.Rect{X0: float64(c * st), Y0: float64(s.oh - r*st - sz),
			X1: float64(c*st + sz), Y1: float64(s.oh - r*st)}, Style: slideStyleField})
	}
	cell := cellRect(s.oh, s.cur/s.ow, s.cur%s.ow)
	pn.Items = append(pn.Items, figure.Box{R: cell, Style: slideStyleCurrent})
	pn.Items = append(pn.Items, slideRingAround(cell, l.scale)...)
	if s.hover >= 0 {
		pn.Items = append(pn.Items, figure.Box{R: cellRect(s.oh, s.hover/s.ow, s.hover%s.ow), Style: slideStyleHover})
	}
	pn.Items = append(pn.Items, slideFormula(figure.Vec{X: float64(s.ow) / 2}, s.sizeLines(), l.outFont, figure.Ink)...)
	return pn
}

// finalTitle names what the final panel shows.
func (s *slideView) finalTitle() string {
	var ops []string
	if s.in.relu {
		ops = append(ops, "ReLU")
	}
	if s.in.pool != poolNone {
		ops = append(ops, fmt.Sprintf("%s %d×%d", s.in.pool, s.in.poolSz, s.in.poolSz))
	}
	if len(ops) == 1 && s.in.relu {
		return "ReLU(Y)"
	}
	return strings.Join(ops, " → ")
}

// finalPanel shows the map after ReLU and pooling, filled in as far as
// the convolution has got, or why the pooling window does not fit.
func (s *slideView) finalPanel(l slideLayout) *figure.Panel {
	f, out := l.fin, s.pl.out
	pn := &figure.Panel{ID: slideFinal, Frame: f, Equal: true, Title: s.finalTitle()}
	if out == nil {
		pn.World = figure.Rect{X1: f.W(), Y1: f.H()}
		bad := fmt.Sprintf("%d×%d > %d×%d", s.in.poolSz, s.in.poolSz, s.oh, s.ow)
		c := figure.Vec{X: f.W() / 2, Y: f.H()/2 + 20}
		pn.Items = append([]figure.Item{figure.Text{At: c, S: bad, Size: 15, Bold: true, Anchor: figure.Center | figure.Bottom, Color: figure.Vermillion}},
			slideFormula(c, s.finalLines(), l.finFont, figure.Vermillion)...)
		return pn
	}
	pn.World = slideMapWorld(f, imageWorld(out.H, out.W), l.scale)
	rows, cols := s.filled/s.ow, s.filled%s.ow
	cur := []int{s.cur}
	hover := s.hover
	if s.in.pool != poolNone {
		rows, cols = s.pooledDone()
		cur = s.poolsOf(s.cur)
		hover = s.hoverPool
	}
	pn.Items = s.mapItems(fmt.Sprintf("slide-f-%d", s.runs), out, rows, cols, l.scale)
	for _, c := range cur {
		pn.Items = append(pn.Items, figure.Box{R: cellRect(out.H, c/out.W, c%out.W), Style: slideStyleCurrent})
	}
	if hover >= 0 {
		pn.Items = append(pn.Items, figure.Box{R: cellRect(out.H, hover/out.W, hover%out.W), Style: slideStyleHover})
	}
	pn.Items = append(pn.Items, slideFormula(figure.Vec{X: float64(out.W) / 2}, s.finalLines(), l.finFont, figure.Ink)...)
	return pn
}

// pooledDone returns how far the pooled map is computed: rows full rows
// and cols cells of the next. A pooled cell is done once the last
// position of its window is; in row-major order that is a full rows,
// then a prefix of one row.
func (s *slideView) pooledDone() (rows, cols int) {
	out, sz, st := s.pl.out, s.in.poolSz, s.in.poolSt
	last := s.filled - 1
	fi, fj := last/s.ow, last%s.ow
	for a := range out.H {
		switch r := a*st + sz - 1; {
		case r < fi:
			rows++
		case r == fi:
			for b := range out.W {
				if b*st+sz-1 <= fj {
					cols++
				}
			}
			return rows, cols
		default:
			return rows, 0
		}
	}
	return rows, 0
}

// poolsOf returns the pooled cells whose window holds output position idx.
func (s *slideView) poolsOf(idx int) []int {
	out, sz, st := s.pl.out, s.in.poolSz, s.in.poolSt
	i, j := idx/s.ow, idx%s.ow
	var cells []int
	for a := max(0, (i-sz+st)/st); a <= min(i/st, out.H-1); a++ {
		for b := max(0, (j-sz+st)/st); b <= min(j/st, out.W-1); b++ {
			cells = append(cells, a*out.W+b)
		}
	}
	return cells
}

// problemPanels show, for settings with no output, the input with the
// kernel's span sticking out of it and the inequality that fails.
func (s *slideView) problemPanels(w, h float64) []*figure.Panel {
	x, p := s.in.gray, s.in.p
	span := s.span()
	a, b := slideCut(figure.Rect{X1: w, Y1: h}, 0.5, w >= h)
	fa := figure.Inset(a, slideSide, slideTop, slideSide, slideBottom)
	fb := figure.Inset(b, slideSide, slideTop, slideSide, slideBottom)
	padded := figure.Rect{X0: float64(-p.Pad), Y0: float64(-p.Pad), X1: float64(x.W + p.Pad), Y1: float64(x.H + p.Pad)}
	kr := figure.Rect{X0: padded.X0, Y0: padded.Y1 - float64(span), X1: padded.X0 + float64(span), Y1: padded.Y1}
	content := figure.Rect{X0: padded.X0, Y0: math.Min(padded.Y0, kr.Y0), X1: math.Max(padded.X1, kr.X1), Y1: padded.Y1}
	scale := math.Max(0.01, math.Min((fa.W()-2*slideInset)/content.W(), (fa.H()-2*slideInset)/content.H()))
	in := &figure.Panel{ID: panelInput, Frame: fa, World: slideMapWorld(fa, content, scale), Equal: true,
		Title: fmt.Sprintf("X %d×%d", x.H, x.W)}
	in.Items = append(s.inputItems(padded, scale),
		figure.Box{R: kr, Style: figure.Style{Stroke: figure.Vermillion, Width: 2.5, Dash: true, Fill: figure.Vermillion, FillAlpha: 0.1}})
	if d := p.Dilation; d > 1 {
		for u := range s.k.H {
			for v := range s.k.W {
				in.Items = append(in.Items, figure.Box{R: cellRect(x.H, u*d-p.Pad, v*d-p.Pad),
					Style: figure.Style{Fill: figure.Vermillion, FillAlpha: 0.3}})
			}
		}
	}
	pr := &figure.Panel{ID: slideProblem, Frame: fb, World: figure.Rect{X1: fb.W(), Y1: fb.H()}, Equal: true}
	var bad []string
	lhs := fmt.Sprintf("k = %d", s.k.H)
	if p.Dilation > 1 {
		lhs = fmt.Sprintf("D·(k − 1) + 1 = %d", span)
	}
	if span > x.H+2*p.Pad {
		bad = append(bad, fmt.Sprintf("%s > H + 2P = %d", lhs, x.H+2*p.Pad))
	}
	if x.W != x.H && span > x.W+2*p.Pad {
		bad = append(bad, fmt.Sprintf("%s > W + 2P = %d", lhs, x.W+2*p.Pad))
	}
	lines := s.sizeLines()
	big := math.Min(16, slideTextFont(bad, fb.W())+3)
	small := slideTextFont(lines, fb.W())
	c := figure.Vec{X: fb.W() / 2, Y: fb.H()/2 + float64(len(bad))*slideLineEm*big}
	for n, t := range bad {
		pr.Items = append(pr.Items, figure.Text{At: c, S: t, Size: big, Bold: true, Anchor: figure.Center | figure.Top,
			DY: float64(n) * slideLineEm * big, Color: figure.Vermillion})
	}
	pr.Items = append(pr.Items, slideFormula(figure.Vec{X: c.X, Y: c.Y - float64(len(bad))*slideLineEm*big}, lines, small, figure.Ink)...)
	return []*figure.Panel{in, pr}
}
