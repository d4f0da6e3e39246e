package matrix

import (
	"math"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/linalg"
)

// Colours of the map view: x is the course's Blue and results (Ax) Green;
// the images of e₁ and e₂ are Orange and Sky; eigen-directions Purple; a
// flip or a collapse Vermillion; the Aᵀ and A⁻¹ outlines Ink and Green,
// dashed.
const (
	colE1    = figure.Orange
	colE2    = figure.Sky
	colX     = figure.Blue
	colAX    = figure.Green
	colEig   = figure.Purple
	colWarn  = figure.Vermillion
	colTrans = figure.Ink
	colInv   = figure.Green
)

// Pixel sizes.
const (
	vecWidth   = 2.5
	basisWidth = 3
	handleSize = 7
	arcPx      = 24 // radius of the orientation arc
	labelGap   = 9  // from a vector's tip to its label
	cornerPad  = 8  // text in the panel's corner
)

type cornerLine struct {
	s   string
	col figure.Color
}

type mapDrawing struct {
	w     figure.Rect // world shown
	px    float64     // world units per pixel
	items []figure.Item
}

func (d *mapDrawing) add(it ...figure.Item) { d.items = append(d.items, it...) }

func vec(a [2]float64) figure.Vec { return figure.Vec{X: a[0], Y: a[1]} }

func (m *mapView) figure(frame figure.Rect) *figure.Panel {
	p := &figure.Panel{
		ID:    mapPanel,
		Frame: frame,
		World: figure.Rect{X0: -mapHalf, Y0: -mapHalf, X1: mapHalf, Y1: mapHalf},
		Equal: true,
		Axes:  figure.Axes{Lines: true, Ticks: true},
	}
	vw := p.View()
	sx, _ := vw.Scale()
	d := &mapDrawing{w: vw.World, px: 1 / sx}

	mt := m.at()
	c1 := [2]float64{mt[0][0], mt[1][0]}
	c2 := [2]float64{mt[0][1], mt[1][1]}
	detT := tidy(linalg.Det2(mt), maxAbs(mt)*maxAbs(mt))
	singT := linalg.Singular2(mt)
	if singT {
		detT = 0
	}

	d.unitGrid()
	if singT {
		d.collapse(c1, c2)
	} else {
		d.grid(c1, c2, detT)
	}
	d.square(c1, c2, detT)
	if m.showT {
		d.ghost([2]float64{m.a[0][0], m.a[0][1]}, [2]float64{m.a[1][0], m.a[1][1]}, colTrans, "Aᵀ")
	}
	// Lines of text in the top-left corner, for what has no place on the
	// plane: complex eigenvalues, "every vector", no inverse.
	var corner []cornerLine
	if m.showEig {
		if s := d.eigen(m); s != "" {
			corner = append(corner, cornerLine{s, colEig})
		}
	}
	if m.showInv {
		if m.singular {
			corner = append(corner, cornerLine{"det A = 0: no A⁻¹", colWarn})
		} else {
			d.ghost([2]float64{m.inv[0][0], m.inv[1][0]}, [2]float64{m.inv[0][1], m.inv[1][1]}, colInv, "A⁻¹")
		}
	}
	if !singT {
		d.orientation(c1, c2, detT)
	}

	// Vectors: x and its image under M(t), then A⁻¹x when asked.
	mx := linalg.Mul2(mt, m.x)
	d.arrow(m.x, colX, "x", vecWidth, false)
	d.arrow(mx, colAX, "Ax", vecWidth, false)
	if m.showInv && !m.singular {
		d.arrow(linalg.Mul2(m.inv, m.x), colInv, "A⁻¹x", vecWidth, true)
	}
	d.arrow(c2, colE2, "Ae₂", basisWidth, false)
	d.arrow(c1, colE1, "Ae₁", basisWidth, false)
	d.detLabel(c1, c2, detT, singT)
	for i, c := range corner {
		d.add(figure.Text{At: figure.Vec{X: d.w.X0, Y: d.w.Y1}, S: c.s, Anchor: figure.Left | figure.Top,
			DX: cornerPad, DY: cornerPad + 18*float64(i), Color: c.col, Bold: true})
	}

	// Handles last, so that they are on top for hits: i_hat above j_hat
	// above x.
	d.add(
		figure.Point{ID: hX, P: vec(m.x), Size: handleSize - 1, Style: figure.Style{Fill: colX, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}},
		figure.Point{ID: hJ, P: vec(c2), Size: handleSize, Style: figure.Style{Fill: colE2, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}},
		figure.Point{ID: hI, P: vec(c1), Size: handleSize, Style: figure.Style{Fill: colE1, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}},
	)
	p.Items = d.items
	return p
}

// unitGrid draws the integer grid of the plane before the map.
func (d *mapDrawing) unitGrid() {
	st := figure.Style{Stroke: figure.Grid, Width: 1}
	for k := math.Ceil(d.w.X0); k <= d.w.X1; k++ {
		d.add(figure.Path{Pts: []figure.Vec{{X: k, Y: d.w.Y0}, {X: k, Y: d.w.Y1}}, Style: st})
	}
	for k := math.Ceil(d.w.Y0); k <= d.w.Y1; k++ {
		d.add(figure.Path{Pts: []figure.Vec{{X: d.w.X0, Y: k}, {X: d.w.X1, Y: k}}, Style: st})
	}
}

// grid draws the images of the lines x = k (through k·c1 along c2) and
// y = k (through k·c2 along c1), as many as reach the window: the line
// through k·c1 along c2 is |k|·|det|/‖c2‖ from the origin.
func (d *mapDrawing) grid(c1, c2 [2]float64, det float64) {
	r := math.Hypot(math.Max(-d.w.X0, d.w.X1), math.Max(-d.w.Y0, d.w.Y1))
	thin := figure.Style{Stroke: figure.Muted, Width: 1, Alpha: 0.35}
	axis := figure.Style{Stroke: figure.Muted, Width: 1.5, Alpha: 0.8}
	for _, fam := range [2][2][2]float64{{c1, c2}, {c2, c1}} {
		base, dir := fam[0], fam[1]
		kmax := int(math.Min(maxGridLines, math.Ceil(r*math.Hypot(dir[0], dir[1])/math.Abs(det))))
		for k := -kmax; k <= kmax; k++ {
			p0 := [2]float64{float64(k) * base[0], float64(k) * base[1]}
			a, b, ok := clipLine(p0, dir, d.w)
			if !ok {
				continue
			}
			st := thin
			if k == 0 {
				st = axis
			}
			d.add(figure.Path{Pts: []figure.Vec{a, b}, Style: st})
		}
	}
}

// collapse draws what a singular M(t) leaves of the plane: the line its
// columns span, or the origin when both are zero.
func (d *mapDrawing) collapse(c1, c2 [2]float64) {
	dir := c1
	if math.Hypot(c2[0], c2[1]) > math.Hypot(c1[0], c1[1]) {
		dir = c2
	}
	if a, b, ok := clipLine([2]float64{}, dir, d.w); ok && (dir[0] != 0 || dir[1] != 0) {
		d.add(figure.Path{Pts: []figure.Vec{a, b}, Style: figure.Style{Stroke: colWarn, Width: 3, Alpha: 0.8}})
		return
	}
	d.add(figure.Point{P: figure.Vec{}, Size: 6, Style: figure.Style{Fill: colWarn, FillAlpha: 1}})
}

// square draws the image of the unit square, Vermillion when flipped.
func (d *mapDrawing) square(c1, c2 [2]float64, det float64) {
	col := figure.Blue
	if det < 0 {
		col = colWarn
	}
	d.add(figure.Path{
		Pts:    []figure.Vec{{}, vec(c1), {X: c1[0] + c2[0], Y: c1[1] + c2[1]}, vec(c2)},
		Closed: true,
		Style:  figure.Style{Stroke: col, Width: 1.5, Fill: col, FillAlpha: 0.18},
	})
}

// ghost outlines the image of the unit square under another matrix with
// columns c1, c2 (Aᵀ or A⁻¹), labelled at its far corner.
func (d *mapDrawing) ghost(c1, c2 [2]float64, col figure.Color, label string) {
	far := [2]float64{c1[0] + c2[0], c1[1] + c2[1]}
	d.add(figure.Path{
		Pts:    []figure.Vec{{}, vec(c1), vec(far), vec(c2)},
		Closed: true,
		Style:  figure.Style{Stroke: col, Width: 1.5, Dash: true},
	})
	d.label(far, far, label, col)
}

// eigen draws the real eigen-directions of A as dashed lines through the
// origin and returns the corner text for the cases without two lines.
func (d *mapDrawing) eigen(m *mapView) string {
	if !m.eigReal {
		return "λ = " + canvasText(real(m.l1)) + " ± " + canvasText(math.Abs(imag(m.l1))) + "i"
	}
	if m.l1 == m.l2 && m.v1 != m.v2 {
		return "Av = " + canvasText(real(m.l1)) + "v"
	}
	st := figure.Style{Stroke: colEig, Width: 1.5, Dash: true}
	reach := 0.8 * math.Min(d.w.X1, d.w.Y1)
	for i, e := range []struct {
		l complex128
		v [2]float64
	}{{m.l1, m.v1}, {m.l2, m.v2}} {
		if i == 1 && m.v2 == m.v1 {
			break
		}
		a, b, ok := clipLine([2]float64{}, e.v, d.w)
		if !ok {
			continue
		}
		d.add(figure.Path{Pts: []figure.Vec{a, b}, Style: st})
		name := "λ₁ = "
		if i == 1 {
			name = "λ₂ = "
		}
		if m.l1 == m.l2 {
			name = "λ = "
		}
		tip := [2]float64{reach * e.v[0], reach * e.v[1]}
		// The label sits beside the line, on its counter-clockwise side.
		d.label(tip, [2]float64{-e.v[1], e.v[0]}, name+canvasText(real(e.l)), colEig)
	}
	return ""
}

// orientation draws an arc from Ae₁ to Ae₂ with a head at Ae₂: counter-
// clockwise when det > 0, clockwise when the map flips the plane.
func (d *mapDrawing) orientation(c1, c2 [2]float64, det float64) {
	t1 := math.Atan2(c1[1], c1[0])
	t2 := math.Atan2(c2[1], c2[0])
	span := mod2pi(t2 - t1) // counter-clockwise from c1 to c2, in (0, π) when det > 0
	a0, a1, dir := t1, t1+span, 1.0
	if det < 0 {
		span = mod2pi(t1 - t2)
		a0, a1, dir = t2, t2+span, -1.0
	}
	col := figure.Blue
	if det < 0 {
		col = colWarn
	}
	d.add(figure.Arc{C: figure.Vec{}, RPx: arcPx, A0: a0, A1: a1, Style: figure.Style{Stroke: col, Width: 1.5}})
	r := arcPx * d.px
	back := t2 - dir*math.Min(0.3, span/2)
	d.add(figure.Arrow{
		From:  figure.Vec{X: r * math.Cos(back), Y: r * math.Sin(back)},
		To:    figure.Vec{X: r * math.Cos(t2), Y: r * math.Sin(t2)},
		Head:  7,
		Style: figure.Style{Stroke: col, Width: 1.5, Fill: col, FillAlpha: 1},
	})
}

func mod2pi(a float64) float64 { return a - 2*math.Pi*math.Floor(a/(2*math.Pi)) }

func (d *mapDrawing) arrow(to [2]float64, col figure.Color, label string, width float64, dash bool) {
	d.add(figure.Arrow{To: vec(to), Style: figure.Style{Stroke: col, Width: width, Fill: col, FillAlpha: 1, Dash: dash}})
	d.label(to, to, label, col)
}

// label puts s next to the point at, pushed away in the direction dir (y
// up), with the text on the far side so that it never covers the point.
func (d *mapDrawing) label(at, dir [2]float64, s string, col figure.Color) {
	n := math.Hypot(dir[0], dir[1])
	ux, uy := 0.7071, 0.7071
	if n > 0 {
		ux, uy = dir[0]/n, dir[1]/n
	}
	anchor := figure.Center
	switch {
	case ux > 0.38:
		anchor = figure.Left
	case ux < -0.38:
		anchor = figure.Right
	}
	switch {
	case uy > 0.38:
		anchor |= figure.Bottom
	case uy < -0.38:
		anchor |= figure.Top
	default:
		anchor |= figure.Middle
	}
	d.add(figure.Text{At: vec(at), S: s, Anchor: anchor, DX: labelGap * ux, DY: -labelGap * uy, Color: col, Bold: true})
}

// detLabel writes det M(t) inside the image of the unit square, or next to
// the origin when the square has collapsed.
func (d *mapDrawing) detLabel(c1, c2 [2]float64, det float64, singular bool) {
	if singular {
		d.add(figure.Text{At: figure.Vec{}, S: "det = 0", Anchor: figure.Left | figure.Top, DX: 8, DY: 8, Color: colWarn, Bold: true})
		return
	}
	col := figure.Ink
	if det < 0 {
		col = colWarn
	}
	mid := figure.Vec{X: (c1[0] + c2[0]) / 2, Y: (c1[1] + c2[1]) / 2}
	d.add(figure.Text{At: mid, S: "det = " + canvasText(det), Anchor: figure.Center | figure.Middle, Color: col, Bold: true})
}

// clipLine returns the part of the line p + s·dir inside r, or ok = false
// when it misses r or dir is zero.
func clipLine(p, dir [2]float64, r figure.Rect) (a, b figure.Vec, ok bool) {
	lo, hi := math.Inf(-1), math.Inf(1)
	for i, bounds := range [2][2]float64{{r.X0, r.X1}, {r.Y0, r.Y1}} {
		if dir[i] == 0 {
			if p[i] < bounds[0] || p[i] > bounds[1] {
				return a, b, false
			}
			continue
		}
		s0, s1 := (bounds[0]-p[i])/dir[i], (bounds[1]-p[i])/dir[i]
		lo, hi = math.Max(lo, math.Min(s0, s1)), math.Min(hi, math.Max(s0, s1))
	}
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) || lo >= hi {
		return a, b, false
	}
	return figure.Vec{X: p[0] + lo*dir[0], Y: p[1] + lo*dir[1]}, figure.Vec{X: p[0] + hi*dir[0], Y: p[1] + hi*dir[1]}, true
}
