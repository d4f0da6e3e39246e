package cnn

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/aimath/playground/core/conv"
	"github.com/aimath/playground/core/figure"
)

// The channels view is drawn as a grid of square tiles, one map each,
// over a panel (chPanelNet) that spans the canvas in pixel units and holds
// the labels, operators and kernel slices. Logical row 0 holds the input
// and its channels, row k+1 kernel k; logical column 0 the input and the
// kernels, columns 1..C the channels and partial maps, then Y, ReLU(Y)
// and the pooled map. The grid is transposed on tall canvases when that
// gives larger tiles. A line of arithmetic for kernel 1 at the position
// runs along the bottom.

// Sizes in pixels.
const (
	chMargin  = 6
	chMinFont = 9
	chMaxFont = 12
	// chCharW is a character's average advance in font sizes: an estimate
	// for fitting labels, since the figure knows no font metrics.
	chCharW = 0.6
	// chNumChars is the room kept for one number in the arithmetic line,
	// so that its layout does not jump as the numbers change.
	chNumChars = 8
)

// chColors are the canvas colours of the colour channels' labels.
var chColors = [3]figure.Color{figure.Vermillion, figure.Green, figure.Blue}

// chGrid is where the tiles go.
type chGrid struct {
	h      float64 // canvas height, to turn pixels into the net's world
	tall   bool    // logical rows are drawn as columns
	x0, y0 float64 // top-left corner of the grid
	cw, ch float64 // a cell's size
	t      float64 // a tile's side
	lh     float64 // the label strip above each tile
	fs     float64 // font size of labels
}

// chLayout fits rows×cols cells into a w×h canvas above eqH pixels for
// the arithmetic, as is or transposed, whichever gives larger tiles.
func chLayout(w, h, eqH float64, rows, cols int) chGrid {
	var best chGrid
	for _, tall := range []bool{false, true} {
		pr, pc := rows, cols
		if tall {
			pr, pc = cols, rows
		}
		g := chGrid{h: h, tall: tall, x0: chMargin, y0: chMargin}
		g.cw = (w - 2*chMargin) / float64(pc)
		g.ch = (h - 2*chMargin - eqH) / float64(pr)
		g.fs = math.Max(chMinFont, math.Min(chMaxFont, math.Floor(math.Min(g.cw, g.ch)/9)))
		g.lh = g.fs + 5
		// Operators sit in the gaps along a logical row.
		gx, gy := g.fs+5, 4.0
		if tall {
			gx, gy = 6, g.fs+5
		}
		g.t = math.Max(1, math.Floor(math.Min(g.cw-gx, g.ch-g.lh-gy)))
		if !tall || g.t > best.t {
			best = g
		}
	}
	return best
}

// cell returns the pixel rectangle of logical cell (r, c).
func (g chGrid) cell(r, c int) figure.Rect {
	if g.tall {
		r, c = c, r
	}
	x, y := g.x0+float64(c)*g.cw, g.y0+float64(r)*g.ch
	return figure.Rect{X0: x, Y0: y, X1: x + g.cw, Y1: y + g.ch}
}

// tile returns the pixel rectangle of the tile in cell (r, c): whole
// pixels, below its label strip.
func (g chGrid) tile(r, c int) figure.Rect {
	cl := g.cell(r, c)
	x := math.Round(cl.X0 + (g.cw-g.t)/2)
	y := math.Round(cl.Y0 + (g.ch-g.lh-g.t)/2 + g.lh)
	return figure.Rect{X0: x, Y0: y, X1: x + g.t, Y1: y + g.t}
}

// pt is the net panel's world point at canvas pixel (x, y).
func (g chGrid) pt(x, y float64) figure.Vec { return figure.Vec{X: x, Y: g.h - y} }

// world is the net panel's world rectangle over pixel rectangle r.
func (g chGrid) world(r figure.Rect) figure.Rect {
	return figure.Rect{X0: r.X0, Y0: g.h - r.Y1, X1: r.X1, Y1: g.h - r.Y0}
}

// between is where the operator between cells (r, c) and (r, c+1) goes.
func (g chGrid) between(r, c int) figure.Vec {
	a, b := g.tile(r, c), g.tile(r, c+1)
	if g.tall {
		return g.pt((a.X0+a.X1)/2, (a.Y1+b.Y0-g.lh)/2)
	}
	return g.pt((a.X1+b.X0)/2, (a.Y0+a.Y1)/2)
}

// label is the text above the tile of cell (r, c).
func (g chGrid) label(r, c int, s string, col figure.Color, bold bool) figure.Text {
	t := g.tile(r, c)
	return figure.Text{At: g.pt((t.X0+t.X1)/2, t.Y0-3), S: s, Size: g.fs, Anchor: figure.Center | figure.Bottom,
		Color: col, Bold: bold}
}

// chWidth estimates the width in pixels of s at font size fs.
func chWidth(s string, fs float64) float64 {
	return float64(utf8.RuneCountInString(s)) * chCharW * fs
}

// chFit returns the first of the candidates that fits in width pixels at
// font size fs, or "" if none does.
func chFit(width, fs float64, candidates ...string) string {
	for _, s := range candidates {
		if chWidth(s, fs) <= width {
			return s
		}
	}
	return ""
}

// chSub returns n (1 to 9) as a subscript digit.
func chSub(n int) string { return string(rune('₀' + n)) }

// chToken is one piece of the arithmetic line.
type chToken struct {
	s     string
	col   figure.Color
	bold  bool
	slots int // characters of room: its text, numbers counted as chNumChars
}

// equation is the arithmetic of kernel 1 at the position: each channel's
// partial sum, the bias and Y₁ = Σ + b.
func (s *channelsView) equation() []chToken {
	if s.part == nil {
		return nil
	}
	i, j := s.at()
	head := fmt.Sprintf("Y%s[%d, %d]:", chSub(1), i, j)
	toks := []chToken{{s: head, col: figure.Ink, bold: true, slots: utf8.RuneCountInString(head)}}
	for c := range s.in.x.C {
		name, col := "X", figure.Ink
		if s.in.x.C == 3 {
			name, col = chNames[c], chColors[c]
		}
		toks = append(toks, chToken{s: name + ": " + figure.Num(s.part[0].At(c, i, j)), col: col, slots: 3 + chNumChars})
	}
	toks = append(toks,
		chToken{s: "b: " + figure.Num(s.in.bias), col: figure.Muted, slots: 3 + chNumChars},
		chToken{s: "Σ + b = " + figure.Num(s.pl.conv.At(0, i, j)), col: figure.Ink, bold: true, slots: 8 + chNumChars})
	return toks
}

// chPlace lays tokens out in lines of width pixels at font size fs; it
// returns each token's line and x offset and the number of lines.
func chPlace(toks []chToken, width, fs float64) (line []int, x []float64, lines int) {
	gap := 2 * chCharW * fs
	cur, n := 0.0, 0
	for _, t := range toks {
		tw := float64(t.slots) * chCharW * fs
		if cur > 0 && cur+tw > width {
			cur, n = 0, n+1
		}
		line = append(line, n)
		x = append(x, cur)
		cur += tw + gap
	}
	if len(toks) > 0 {
		lines = n + 1
	}
	return line, x, lines
}

// chMark outlines r (world) in ink over a paper halo, visible on dark and
// light pixels alike.
func chMark(id string, r figure.Rect, width float64) []figure.Item {
	return []figure.Item{
		figure.Box{R: r, Style: figure.Style{Stroke: figure.Paper, Width: width + 2}},
		figure.Box{ID: id, R: r, Style: figure.Style{Stroke: figure.Ink, Width: width}},
	}
}

// padWorld is the world of a tile showing an h×w input with p pixels of
// padding around it.
func padWorld(h, w, p int) figure.Rect {
	return figure.Rect{X0: float64(-p), Y0: float64(-p), X1: float64(w + p), Y1: float64(h + p)}
}

// imageItems are what the input and channel tiles show over their
// raster: the image's outline, the padding, and the receptive field of
// the position (the ID goes on the input's field, which can be dragged).
func (s *channelsView) imageItems(items []figure.Item, id string) []figure.Item {
	x := s.in.x
	p := s.in.p
	items = append(items, figure.Box{R: imageWorld(x.H, x.W), Style: figure.Style{Stroke: figure.Axis, Width: 1}})
	if p.Pad > 0 {
		items = append(items, figure.Box{R: padWorld(x.H, x.W, p.Pad),
			Style: figure.Style{Stroke: figure.Muted, Width: 1, Dash: true}})
	}
	if s.oh == 0 {
		return items
	}
	i, j := s.at()
	k := len(s.in.kernel)
	r0, c0 := i*p.Stride-p.Pad, j*p.Stride-p.Pad
	span := conv.Span(k, p.Dilation)
	if p.Dilation > 1 {
		for a := range k {
			for b := range k {
				items = append(items, figure.Box{R: cellRect(x.H, r0+a*p.Dilation, c0+b*p.Dilation),
					Style: figure.Style{Stroke: figure.Orange, Width: 1}})
			}
		}
	}
	field := figure.Rect{X0: float64(c0), Y0: float64(x.H - r0 - span), X1: float64(c0 + span), Y1: float64(x.H - r0)}
	return append(items, chMark(id, field, 2)...)
}

// mapTile is the panel of channel ch of map t, with the cell (i, j)
// marked when mark is true.
func mapTile(id, key string, fr figure.Rect, t *conv.Tensor, ch int, lim float64, i, j int, mark bool) *figure.Panel {
	p := &figure.Panel{ID: id, Frame: fr, World: imageWorld(t.H, t.W), Equal: true}
	p.Items = []figure.Item{
		raster(id, key, t, ch, figure.Diverge, -lim, lim),
		figure.Box{R: imageWorld(t.H, t.W), Style: figure.Style{Stroke: figure.Axis, Width: 1}},
	}
	if mark {
		p.Items = append(p.Items, chMark("", cellRect(t.H, i, j), 1.5)...)
	}
	return p
}

// poolCell returns the pooled cell whose window holds (i, j) of the map
// before pooling (the last one, where windows overlap).
func (s *channelsView) poolCell(i, j int) (r, c int, ok bool) {
	out := s.pl.out
	if out == nil || s.in.pool == poolNone {
		return 0, 0, false
	}
	st, sz := s.in.poolSt, s.in.poolSz
	r, c = min(i/st, out.H-1), min(j/st, out.W-1)
	return r, c, i-r*st < sz && j-c*st < sz
}

func (s *channelsView) panels(w, h float64) []*figure.Panel {
	x := s.in.x
	nc, nk := x.C, len(s.kernels)
	cols := 2 + nc // kernels, channels, Y
	colReLU, colPool := -1, -1
	if s.in.relu {
		colReLU = cols
		cols++
	}
	if s.in.pool != poolNone {
		colPool = cols
		cols++
	}
	colConv := 1 + nc

	toks := s.equation()
	eqFs := math.Max(10, math.Min(13, math.Floor(w/64)))
	tokLine, tokX, lines := chPlace(toks, w-2*chMargin, eqFs)
	eqH := 0.0
	if lines > 0 {
		eqH = float64(lines)*(eqFs+6) + 4
	}
	g := chLayout(w, h, eqH, 1+nk, cols)

	net := &figure.Panel{ID: chPanelNet, Frame: figure.Rect{X1: w, Y1: h}, World: figure.Rect{X1: w, Y1: h}}
	panels := make([]*figure.Panel, 1, 2+nc+nk*(nc+3))
	panels[0] = net
	items := make([]figure.Item, 0, 16+nk*(6+5*nc))
	op := func(r, c int, s string) {
		if g.tall && s == "→" {
			s = "↓"
		}
		items = append(items, figure.Text{At: g.between(r, c), S: s, Size: g.fs + 2, Anchor: figure.Center | figure.Middle,
			Color: figure.Muted, Bold: true})
	}
	room := g.t + 4 // width a tile's label may take

	// Row 0: the input and its channels.
	i, j := s.at()
	size := fmt.Sprintf("%d×%d", x.H, x.W)
	if nc == 3 {
		in := &figure.Panel{ID: panelInput, Frame: g.tile(0, 0), World: padWorld(x.H, x.W, s.in.p.Pad), Equal: true}
		in.Items = s.imageItems([]figure.Item{figure.Raster{ID: "x", Key: fmt.Sprintf("x-%d", s.gen),
			R: imageWorld(x.H, x.W), W: x.W, H: x.H, RGBA: s.rgba}}, chField)
		panels = append(panels, in)
		items = append(items, g.label(0, 0, chFit(room, g.fs, "X  3×"+size, "X"), figure.Ink, true))
		op(0, 0, "→")
		for c := range 3 {
			ch := &figure.Panel{ID: fmt.Sprintf("%s-%d", chPanelChan, c), Frame: g.tile(0, 1+c),
				World: padWorld(x.H, x.W, s.in.p.Pad), Equal: true}
			ch.Items = s.imageItems([]figure.Item{figure.Raster{ID: ch.ID, Key: fmt.Sprintf("xc-%d-%d", s.gen, c),
				R: imageWorld(x.H, x.W), W: x.W, H: x.H, RGBA: s.tint[c]}}, "")
			panels = append(panels, ch)
			items = append(items, g.label(0, 1+c, chNames[c], chColors[c], true))
		}
	} else {
		in := &figure.Panel{ID: panelInput, Frame: g.tile(0, 1), World: padWorld(x.H, x.W, s.in.p.Pad), Equal: true}
		in.Items = s.imageItems([]figure.Item{raster("x", fmt.Sprintf("x-%d", s.in.gen), x, 0, figure.Gray, 0, 1)}, chField)
		panels = append(panels, in)
		items = append(items, g.label(0, 1, chFit(room, g.fs, "X  "+size, "X"), figure.Ink, true))
	}

	// Row 0 beyond the channels: what each later column does, and why
	// it has no output when the window does not fit.
	type head struct {
		col   int
		lines []string
		warn  string
	}
	hc := head{col: colConv, lines: []string{"Σ + b", fmt.Sprintf("%d×%d", s.oh, s.ow)}}
	if s.oh == 0 {
		span := conv.Span(len(s.in.kernel), s.in.p.Dilation)
		pad := 2 * s.in.p.Pad
		hc.lines = hc.lines[:1]
		hc.warn = chFit(room, g.fs, fmt.Sprintf("%d×%d > %d×%d", span, span, x.H+pad, x.W+pad), fmt.Sprintf("%d > %d", span, min(x.H, x.W)+pad))
	}
	heads := []head{hc}
	if colReLU >= 0 {
		heads = append(heads, head{col: colReLU, lines: []string{"ReLU"}})
	}
	if colPool >= 0 {
		sz := s.in.poolSz
		hp := head{col: colPool, lines: []string{chFit(room, g.fs, fmt.Sprintf("%s %d×%d", s.in.pool, sz, sz), s.in.pool),
			"s=" + strconv.Itoa(s.in.poolSt)}}
		switch out := s.pl.out; {
		case out != nil:
			hp.lines = append(hp.lines, chFit(room, g.fs, fmt.Sprintf("%d×%d → %d×%d", s.oh, s.ow, out.H, out.W), fmt.Sprintf("→ %d×%d", out.H, out.W)))
		case s.oh > 0:
			hp.warn = chFit(room, g.fs, fmt.Sprintf("%d×%d > %d×%d", sz, sz, s.oh, s.ow), fmt.Sprintf("%d > %d", sz, min(s.oh, s.ow)))
		}
		heads = append(heads, hp)
	}
	for _, hd := range heads {
		cl := g.cell(0, hd.col)
		lh := g.fs + 3
		lines := hd.lines
		if hd.warn != "" {
			lines = slices.Concat(hd.lines, []string{hd.warn})
		}
		y := cl.Y1 - 4 - float64(len(lines)-1)*lh // the last line at the cell's foot
		if g.tall {
			y = (cl.Y0+cl.Y1)/2 - float64(len(lines)-2)*lh/2
		}
		for n, line := range lines {
			col := figure.Ink
			if n == len(hd.lines) {
				col = figure.Vermillion
			}
			items = append(items, figure.Text{At: g.pt((cl.X0+cl.X1)/2, y+float64(n)*lh), S: line, Size: g.fs,
				Anchor: figure.Center | figure.Bottom, Color: col, Bold: n == 0})
		}
	}

	// One row per kernel.
	pr, pc, pooled := s.poolCell(i, j)
	for k := range nk {
		r := k + 1
		sub := chSub(k + 1)
		items = append(items, g.label(r, 0, chFit(room, g.fs, fmt.Sprintf("K%s  %d×%d×%d", sub, nc, len(s.in.kernel), len(s.in.kernel)), "K"+sub), figure.Ink, true))
		items = s.sliceItems(items, g, k)
		op(r, 0, "*")
		if s.part == nil {
			continue
		}
		for c := range nc {
			id := fmt.Sprintf("%s-%d-%d", chPanelPart, k, c)
			panels = append(panels, mapTile(id, fmt.Sprintf("p-%d-%d-%d", s.partRuns, k, c), g.tile(r, 1+c),
				s.part[k], c, s.partLim, i, j, true))
			v := figure.Num(s.part[k].At(c, i, j))
			name, col := "", figure.Ink
			if nc == 3 {
				name, col = chNames[c]+" ", chColors[c]
			}
			items = append(items, g.label(r, 1+c, chFit(room, g.fs, name+v, v), col, false))
			if c < nc-1 {
				op(r, 1+c, "+")
			}
		}
		op(r, nc, "→")
		pl := s.pl
		panels = append(panels, mapTile(fmt.Sprintf("%s-%d", chPanelConv, k), fmt.Sprintf("y-%d-%d", s.runs, k),
			g.tile(r, colConv), pl.conv, k, s.outLim, i, j, true))
		v := figure.Num(pl.conv.At(k, i, j))
		items = append(items, g.label(r, colConv, chFit(room, g.fs, "Y"+sub+" "+v, v), figure.Ink, true))
		// The pooling window is outlined on the map it pools.
		last := colConv
		if colReLU >= 0 {
			op(r, last, "→")
			t := mapTile(fmt.Sprintf("%s-%d", chPanelReLU, k), fmt.Sprintf("a-%d-%d", s.runs, k),
				g.tile(r, colReLU), pl.act, k, s.outLim, i, j, true)
			panels = append(panels, t)
			items = append(items, g.label(r, colReLU, figure.Num(pl.act.At(k, i, j)), figure.Ink, false))
			last = colReLU
		}
		if colPool < 0 {
			continue
		}
		op(r, last, "→")
		if pooled {
			st, sz := s.in.poolSt, s.in.poolSz
			win := figure.Rect{X0: float64(pc * st), Y0: float64(s.oh - pr*st - sz), X1: float64(pc*st + sz), Y1: float64(s.oh - pr*st)}
			p := panels[len(panels)-1]
			p.Items = append(p.Items, figure.Box{R: win, Style: figure.Style{Stroke: figure.Ink, Width: 1, Dash: true}})
		}
		if pl.out == nil {
			continue
		}
		panels = append(panels, mapTile(fmt.Sprintf("%s-%d", chPanelPool, k), fmt.Sprintf("q-%d-%d", s.runs, k),
			g.tile(r, colPool), pl.out, k, s.outLim, pr, pc, pooled))
		if pooled {
			items = append(items, g.label(r, colPool, figure.Num(pl.out.At(k, pr, pc)), figure.Ink, false))
		}
	}

	// The arithmetic line.
	lineH := eqFs + 6
	top := h - chMargin - eqH + 4
	for n, t := range toks {
		items = append(items, figure.Text{At: g.pt(chMargin+tokX[n], top+float64(tokLine[n])*lineH), S: t.s, Size: eqFs,
			Anchor: figure.Left | figure.Top, Color: t.col, Bold: t.bold})
	}
	net.Items = items
	return panels
}

// sliceItems draws kernel k's slices side by side in its cell, each a
// k×k grid (with its numbers when they fit) over its weight w_kc.
func (s *channelsView) sliceItems(items []figure.Item, g chGrid, k int) []figure.Item {
	t := g.tile(k+1, 0)
	kt := &s.kernels[k]
	nc := kt.C
	const sp = 4
	side := math.Floor(math.Min((t.W()-sp*float64(nc-1))/float64(nc), t.H()-g.fs-6))
	if side < 3 {
		return items
	}
	x0 := t.X0 + (t.W()-(side*float64(nc)+sp*float64(nc-1)))/2
	y0 := t.Y0 + (t.H()-side-g.fs-4)/2
	cell := side / float64(kt.W)
	nfs := math.Min(10, math.Floor(cell*0.5))
	for c := range nc {
		r := figure.Rect{X0: x0 + float64(c)*(side+sp), Y0: y0}
		r.X1, r.Y1 = r.X0+side, y0+side
		items = append(items,
			figure.Raster{Key: fmt.Sprintf("k-%d-%d-%d", s.partRuns, k, c), R: g.world(r), W: kt.W, H: kt.H,
				Values: kt.Channel(c), Min: -s.kernLim, Max: s.kernLim, Map: figure.Diverge},
			figure.Box{R: g.world(r), Style: figure.Style{Stroke: figure.Muted, Width: 1}})
		if nfs >= 7 {
			for n, v := range kt.Channel(c) {
				str := figure.Num(v)
				if chWidth(str, nfs) > cell-2 {
					continue
				}
				col := figure.Ink
				if math.Abs(v) > 0.6*s.kernLim {
					col = figure.Paper
				}
				cx := r.X0 + (float64(n%kt.W)+0.5)*cell
				cy := r.Y0 + (float64(n/kt.W)+0.5)*cell
				items = append(items, figure.Text{At: g.pt(cx, cy), S: str, Size: nfs, Anchor: figure.Center | figure.Middle, Color: col})
			}
		}
		col := figure.Ink
		if nc == 3 {
			col = chColors[c]
		}
		w := "×" + figure.Num(s.weights[k][c])
		wfs := g.fs
		for chWidth(w, wfs) > side+sp-2 && wfs > 7 {
			wfs--
		}
		if chWidth(w, wfs) <= side+sp-2 {
			items = append(items, figure.Text{At: g.pt((r.X0+r.X1)/2, r.Y1+3), S: w,
				Size: wfs, Anchor: figure.Center | figure.Top, Color: col})
		}
	}
	return items
}
