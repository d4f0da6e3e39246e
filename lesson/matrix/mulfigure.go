package matrix

import (
	"math"
	"strconv"

	"github.com/aimath/playground/core/figure"
)

const (
	mulPanel = "multiply"
	mulGap   = 0.8 // cells between X and XY, and between Y and XY
	// Room around the grids, in pixels: shape labels and the expression
	// line below, Y's label and column numbers above, row numbers left.
	mulBelowPx = 50
	mulAbovePx = 38
	mulLeftPx  = 22
	mulRightPx = 6
	mulMaxCell = 72 // pixels; a 1×1 product need not fill the screen
)

// mulDrawing lays out the grids in cell units: X at [0, n]×[0, m], XY at
// [n+gap, n+gap+p]×[0, m] and Y above XY from y = m+gap; row 0 is on top.
type mulDrawing struct {
	u      *mulView
	cx     float64 // left edge of XY and Y
	cy     float64 // bottom edge of Y
	cellPx float64
	items  []figure.Item
}

func (d *mulDrawing) add(it ...figure.Item) { d.items = append(d.items, it...) }

func (d *mulDrawing) xCell(i, k int) figure.Rect {
	m := float64(d.u.m)
	return figure.Rect{X0: float64(k), Y0: m - float64(i) - 1, X1: float64(k) + 1, Y1: m - float64(i)}
}

func (d *mulDrawing) yCell(k, j int) figure.Rect {
	top := d.cy + float64(d.u.ny)
	return figure.Rect{X0: d.cx + float64(j), Y0: top - float64(k) - 1, X1: d.cx + float64(j) + 1, Y1: top - float64(k)}
}

func (d *mulDrawing) cCell(i, j int) figure.Rect {
	m := float64(d.u.m)
	return figure.Rect{X0: d.cx + float64(j), Y0: m - float64(i) - 1, X1: d.cx + float64(j) + 1, Y1: m - float64(i)}
}

func centre(r figure.Rect) figure.Vec { return figure.Vec{X: (r.X0 + r.X1) / 2, Y: (r.Y0 + r.Y1) / 2} }

func (u *mulView) figure(frame figure.Rect) *figure.Panel {
	d := &mulDrawing{u: u, cx: float64(u.n) + mulGap, cy: float64(u.m) + mulGap}
	coreW := d.cx + float64(u.p)
	coreH := d.cy + float64(u.ny)
	s := math.Min((frame.W()-mulLeftPx-mulRightPx)/coreW, (frame.H()-mulBelowPx-mulAbovePx)/coreH)
	s = math.Max(4, math.Min(mulMaxCell, s))
	d.cellPx = s
	p := &figure.Panel{
		ID:    mulPanel,
		Frame: frame,
		World: figure.Rect{X0: -mulLeftPx / s, Y0: -mulBelowPx / s, X1: coreW + mulRightPx/s, Y1: coreH + mulAbovePx/s},
		Equal: true,
	}
	fi, fj, terms, focused := u.focus()
	if focused {
		d.highlight(fi, fj, terms)
	}
	d.grid(u.x, d.xCell)
	d.grid(u.y, d.yCell)
	if u.c != nil {
		d.product(fi, fj, terms, focused)
	} else {
		d.mismatch()
	}
	d.labels()
	if focused {
		// The inner product written out, under the grids.
		d.add(figure.Text{At: figure.Vec{X: 0, Y: 0}, S: cellName(fi, fj) + " = " + u.expression(fi, fj, terms, canvasText),
			Anchor: figure.Left | figure.Top, DY: 28, Color: figure.Ink, Size: 13})
	}
	p.Items = d.items
	return p
}

// fontPx is the size of the numbers in the cells.
func (d *mulDrawing) fontPx() float64 { return math.Max(9, math.Min(22, 0.42*d.cellPx)) }

// grid draws a matrix's cells and numbers.
func (d *mulDrawing) grid(a [][]float64, cell func(int, int) figure.Rect) {
	st := figure.Style{Stroke: figure.Axis, Width: 1}
	for i, row := range a {
		for j, x := range row {
			r := cell(i, j)
			d.add(figure.Box{R: r, Style: st},
				figure.Text{At: centre(r), S: canvasText(x), Size: d.fontPx(), Anchor: figure.Center | figure.Middle, Color: figure.Ink})
		}
	}
}

// highlight shades row i of X, column j of Y and cell (i, j) of XY, the
// terms added so far lightly and the newest one strongly, with guides
// from the row and the column toward the cell they meet in.
func (d *mulDrawing) highlight(i, j, terms int) {
	u := d.u
	band := figure.Style{Fill: figure.Sky, FillAlpha: 0.22}
	d.add(figure.Box{R: figure.Rect{X0: 0, Y0: d.xCell(i, 0).Y0, X1: float64(u.n), Y1: d.xCell(i, 0).Y1}, Style: band})
	d.add(figure.Box{R: figure.Rect{X0: d.yCell(0, j).X0, Y0: d.cy, X1: d.yCell(0, j).X1, Y1: d.cy + float64(u.ny)}, Style: band})
	for k := range terms {
		st := figure.Style{Fill: figure.Orange, FillAlpha: 0.18}
		if k == terms-1 && u.anim && u.k < u.n {
			st.FillAlpha = 0.55
		}
		d.add(figure.Box{R: d.xCell(i, k), Style: st}, figure.Box{R: d.yCell(k, j), Style: st})
	}
	c := d.cCell(i, j)
	d.add(figure.Box{R: c, Style: figure.Style{Fill: figure.Green, FillAlpha: 0.3}})
	// The guides cross only the gaps, never the numbers of other cells.
	guide := figure.Style{Stroke: figure.Muted, Width: 1, Dash: true}
	mid := centre(c)
	d.add(
		figure.Path{Pts: []figure.Vec{{X: float64(u.n), Y: mid.Y}, {X: d.cx, Y: mid.Y}}, Style: guide},
		figure.Path{Pts: []figure.Vec{{X: mid.X, Y: d.cy}, {X: mid.X, Y: float64(u.m)}}, Style: guide},
	)
}

// product draws XY: during the animation, entries before the cursor are
// done, the cursor's entry shows its partial sum, later ones are empty.
// Each cell is a handle ("c12") that explains itself when clicked.
func (d *mulDrawing) product(fi, fj, terms int, focused bool) {
	u := d.u
	for i := range u.m {
		for j := range u.p {
			r := d.cCell(i, j)
			d.add(figure.Box{ID: cellID(i, j), R: r, Style: figure.Style{Stroke: figure.Ink, Width: 1.25}})
			idx := i*u.p + j
			if u.anim && idx > u.cur {
				continue
			}
			val, col, bold := u.c[i][j], figure.Ink, true
			if focused && i == fi && j == fj && terms < u.n {
				val, col, bold = u.partial(i, j, terms), figure.Muted, false
			}
			d.add(figure.Text{At: centre(r), S: canvasText(val), Size: d.fontPx(), Anchor: figure.Center | figure.Middle, Color: col, Bold: bold})
		}
	}
}

// mismatch marks where XY would be with the unequal inner sizes.
func (d *mulDrawing) mismatch() {
	u := d.u
	r := figure.Rect{X0: d.cx, Y0: 0, X1: d.cx + float64(u.p), Y1: float64(u.m)}
	d.add(figure.Box{R: r, Style: figure.Style{Stroke: colWarn, Width: 1.5, Dash: true}})
	d.add(figure.Text{At: centre(r), S: strconv.Itoa(u.n) + " ≠ " + strconv.Itoa(u.ny), Size: math.Max(13, d.fontPx()),
		Anchor: figure.Center | figure.Middle, Color: colWarn, Bold: true})
}

// labels names the grids with their shapes, the inner sizes in Green when
// they agree and Vermillion when they do not, and numbers X's rows and Y's
// columns (the i and j of an entry).
func (d *mulDrawing) labels() {
	u := d.u
	inner := figure.Green
	if u.mismatch {
		inner = colWarn
	}
	ink := figure.Ink
	d.tokens(figure.Vec{X: float64(u.n) / 2, Y: 0}, figure.Top, 6,
		token{"X", ink, true}, token{" ", ink, false}, token{strconv.Itoa(u.m), ink, false}, token{"×", ink, false}, token{strconv.Itoa(u.n), inner, true})
	d.tokens(figure.Vec{X: d.cx + float64(u.p)/2, Y: d.cy + float64(u.ny)}, figure.Bottom, -18,
		token{"Y", ink, true}, token{" ", ink, false}, token{strconv.Itoa(u.ny), inner, true}, token{"×", ink, false}, token{strconv.Itoa(u.p), ink, false})
	if !u.mismatch {
		d.tokens(figure.Vec{X: d.cx + float64(u.p)/2, Y: 0}, figure.Top, 6,
			token{"XY", ink, true}, token{" ", ink, false}, token{strconv.Itoa(u.m), ink, false}, token{"×", ink, false}, token{strconv.Itoa(u.p), ink, false})
	}
	small := figure.Muted
	for i := range u.m {
		d.add(figure.Text{At: figure.Vec{X: 0, Y: centre(d.xCell(i, 0)).Y}, S: strconv.Itoa(i + 1), Size: 11,
			Anchor: figure.Right | figure.Middle, DX: -6, Color: small})
	}
	for j := range u.p {
		d.add(figure.Text{At: figure.Vec{X: centre(d.yCell(0, j)).X, Y: d.cy + float64(u.ny)}, S: strconv.Itoa(j + 1), Size: 11,
			Anchor: figure.Center | figure.Bottom, DY: -3, Color: small})
	}
}

type token struct {
	s    string
	col  figure.Color
	bold bool
}

// tokens writes a short label of differently coloured pieces centred at
// at, shifted dy pixels down; piece widths are estimated at 0.62 em per
// character, which suits digits, × and capitals of the canvas font.
func (d *mulDrawing) tokens(at figure.Vec, v figure.Anchor, dy float64, ts ...token) {
	const size = 13
	w := func(t token) float64 { return 0.62 * size * float64(len([]rune(t.s))) }
	var total float64
	for _, t := range ts {
		total += w(t)
	}
	x := -total / 2
	for _, t := range ts {
		if t.s != " " {
			d.add(figure.Text{At: at, S: t.s, Size: size, Anchor: figure.Center | v, DX: x + w(t)/2, DY: dy, Color: t.col, Bold: t.bold})
		}
		x += w(t)
	}
}
