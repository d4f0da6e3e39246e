package vector

import (
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/aimath/playground/core/figure"
)

// Colours: x and y keep the course's Blue and Orange, results are Green,
// and each norm has one colour for its level set and its distance, so the
// purple Manhattan path belongs to the purple diamond.
const (
	colX    = figure.Blue
	colY    = figure.Orange
	colProj = figure.Green
	colL1   = figure.Purple
	colL2   = figure.Sky
	colInf  = figure.Vermillion
)

// Pixel sizes.
const (
	vecWidth   = 2.5
	handleSize = 7
	arcRadius  = 30        // the angle arc, shrunk for short vectors
	markerSize = 10        // right-angle markers
	half       = limit + 1 // the world shown is at least [-half, half]²
)

// Figure implements lesson.Lesson: one panel with equal axes around the
// origin, big enough for any x and y in range.
func (l *Lesson) Figure(w, h float64) *figure.Figure {
	p := &figure.Panel{
		ID:    panelID,
		Frame: figure.Layout(w, h, 1)[0],
		World: figure.Rect{X0: -half, Y0: -half, X1: half, Y1: half},
		Equal: true,
		Axes:  figure.Axes{Grid: true, Lines: true, Ticks: true},
	}
	f := &figure.Figure{W: w, H: h, Panels: []*figure.Panel{p}}
	vw := p.View()
	px, _ := vw.Scale()
	if !(px > 0) {
		return f // no room to draw (a hidden canvas)
	}
	d := drawing{m: &l.m, px: 1 / px, world: vw.World}
	if l.proj {
		d.span()
	}
	if l.norms {
		d.levelSets()
	}
	if l.dist {
		d.distances()
	}
	if l.proj {
		d.projection()
	}
	if l.showAngle {
		d.angle()
	}
	d.vector(d.m.y, d.m.yL2, handleY, "y", colY, -0.6)
	d.vector(d.m.x, d.m.xL2, handleX, "x", colX, 0.6)
	p.Items = d.items
	return f
}

// drawing collects the items of the panel.
type drawing struct {
	m     *measures
	px    float64 // world units per CSS pixel
	world figure.Rect
	items []figure.Item
}

func (d *drawing) add(it ...figure.Item) { d.items = append(d.items, it...) }

func vec(a [2]float64) figure.Vec { return figure.Vec{X: a[0], Y: a[1]} }

// outward returns a text anchor and pixel offset that put a label r pixels
// from its point in the direction (cx, cy) (a unit vector, y up), with the
// text on the far side so it never covers the point.
func outward(cx, cy, r float64) (figure.Anchor, float64, float64) {
	a := figure.Center
	switch {
	case cx > 0.38:
		a = figure.Left
	case cx < -0.38:
		a = figure.Right
	}
	switch {
	case cy > 0.38:
		a |= figure.Bottom
	case cy < -0.38:
		a |= figure.Top
	default:
		a |= figure.Middle
	}
	return a, r * cx, -r * cy
}

func (d *drawing) label(at figure.Vec, s string, cx, cy, r float64, c figure.Color, size float64, bold bool) {
	a, dx, dy := outward(cx, cy, r)
	d.add(figure.Text{At: at, S: s, Size: size, Anchor: a, DX: dx, DY: dy, Color: c, Bold: bold})
}

// vector draws an arrow from the origin with its handle at the tip: a
// translucent ring that leaves the arrowhead visible. A zero vector is its
// handle around a dot, labelled in the direction zx (x and y use opposite
// sides, so two zero vectors keep apart labels).
func (d *drawing) vector(a [2]float64, n float64, id, name string, c figure.Color, zx float64) {
	tip := vec(a)
	if n/d.px > handleSize { // shorter arrows would hide under the handle
		d.add(figure.Arrow{From: figure.Vec{}, To: tip, Head: 12, Style: figure.Style{Stroke: c, Width: vecWidth}})
	} else {
		d.add(figure.Point{P: tip, Size: 3.5, Style: figure.Style{Fill: c, FillAlpha: 1}})
	}
	d.add(figure.Point{ID: id, P: tip, Size: handleSize, Style: figure.Style{Stroke: c, Width: 1.5, Fill: c, FillAlpha: 0.25}})
	cx, cy := zx, 0.8
	if n > 0 {
		cx, cy = a[0]/n, a[1]/n
	}
	d.label(tip, name, cx, cy, handleSize+5, c, 16, true)
}

// levelSets draws {v : ‖v‖ = ‖x‖} for the three norms. Each is labelled on
// a diagonal of its own quadrant, skipping the quadrant of x, where all three
// curves meet.
func (d *drawing) levelSets() {
	m := d.m
	if m.xL2 == 0 {
		return
	}
	dashed := func(c figure.Color) figure.Style { return figure.Style{Stroke: c, Width: 1.5, Dash: true} }
	r1, r2, ri := m.xL1, m.xL2, m.xInf
	d.add(
		figure.Path{Pts: []figure.Vec{{X: r1}, {Y: r1}, {X: -r1}, {Y: -r1}}, Closed: true, Style: dashed(colL1)},
		figure.Circle{R: r2, Style: dashed(colL2)},
		figure.Box{R: figure.Rect{X0: -ri, Y0: -ri, X1: ri, Y1: ri}, Style: dashed(colInf)},
	)
	if ri/d.px < 24 {
		return // too small to label without clutter
	}
	q := math.Floor(math.Atan2(m.x[1], m.x[0]) / (math.Pi / 2))
	for k, l := range []struct {
		s string
		r float64 // where the curve crosses the diagonal (±r, ±r)
		c figure.Color
	}{{"L1", r1 / 2, colL1}, {"L2", r2 / math.Sqrt2, colL2}, {"L∞", ri, colInf}} {
		a := math.Pi/4 + (q+float64(k)+1)*math.Pi/2
		cx, cy := math.Cos(a), math.Sin(a)
		d.label(figure.Vec{X: l.r * math.Sqrt2 * cx, Y: l.r * math.Sqrt2 * cy}, l.s, cx, cy, 6, l.c, 13, true)
	}
}

// distances draws the Manhattan path from x to y (first along the first
// axis, then along the second) and the straight segment.
func (d *drawing) distances() {
	m := d.m
	if m.dist2 == 0 {
		return
	}
	corner := figure.Vec{X: m.y[0], Y: m.x[1]}
	d.add(
		figure.Path{Pts: []figure.Vec{vec(m.x), corner, vec(m.y)}, Style: figure.Style{Stroke: colL1, Width: 2}},
		figure.Path{Pts: []figure.Vec{vec(m.x), vec(m.y)}, Style: figure.Style{Stroke: colL2, Width: 2}},
	)
}

// span draws the line through the origin along y, on which the projection
// lies, across the whole visible world.
func (d *drawing) span() {
	m := d.m
	if m.yL2 == 0 {
		return
	}
	r := math.Hypot(math.Max(-d.world.X0, d.world.X1), math.Max(-d.world.Y0, d.world.Y1))
	v := unit(m.y, m.yL2)
	d.add(figure.Path{
		Pts:   []figure.Vec{{X: -r * v[0], Y: -r * v[1]}, {X: r * v[0], Y: r * v[1]}},
		Style: figure.Style{Stroke: figure.Muted, Width: 1, Alpha: 0.6},
	})
}

// projection draws proj_y x as a wide green arrow under y, the dashed
// perpendicular from x and a right-angle marker at its foot.
func (d *drawing) projection() {
	m := d.m
	if !m.projOK || m.xL2 == 0 {
		return
	}
	p := vec(m.proj)
	pn := math.Hypot(p.X, p.Y)
	v := unit(m.y, m.yL2)
	if pn/d.px > 2 {
		d.add(figure.Arrow{From: figure.Vec{}, To: p, Head: 14, Style: figure.Style{Stroke: colProj, Width: 5}})
	}
	e := [2]float64{m.x[0] - p.X, m.x[1] - p.Y} // x − p, perpendicular to y
	en := math.Hypot(e[0], e[1])
	if en/d.px < 2 {
		d.label(p, "p", -v[1], v[0], 10, colProj, 14, true)
		return // x lies on the span of y: p = x
	}
	n := unit(e, en)
	d.add(figure.Path{Pts: []figure.Vec{vec(m.x), p}, Style: figure.Style{Stroke: colProj, Width: 1.5, Dash: true}})
	// The marker's arm along the span points back towards the origin.
	along := v
	if m.dot > 0 {
		along = [2]float64{-v[0], -v[1]}
	}
	s := math.Min(markerSize*d.px, en/2)
	d.add(figure.Path{Pts: []figure.Vec{
		{X: p.X + s*along[0], Y: p.Y + s*along[1]},
		{X: p.X + s*(along[0]+n[0]), Y: p.Y + s*(along[1]+n[1])},
		{X: p.X + s*n[0], Y: p.Y + s*n[1]},
	}, Style: figure.Style{Stroke: colProj, Width: 1.5}})
	d.label(p, "p", -n[0], -n[1], 10, colProj, 14, true)
}

// angle draws the arc θ from the direction of x to that of y the short way
// round, or a right-angle marker at 90°, with the value in degrees.
func (d *drawing) angle() {
	m := d.m
	if !m.angleOK {
		d.add(figure.Text{S: angleUndefined, Size: 13, Anchor: figure.Left | figure.Top, DX: 8, DY: 8, Color: figure.Vermillion})
		return
	}
	ax := math.Atan2(m.x[1], m.x[0])
	a0, a1 := ax, ax+m.turn
	if m.turn < 0 {
		a0, a1 = a1, a0
	}
	r := math.Max(14, math.Min(arcRadius, 0.6*math.Min(m.xL2, m.yL2)/d.px))
	style := figure.Style{Stroke: figure.Ink, Width: 1.5}
	if math.Abs(m.cos) < 1e-12 {
		u, v := unit(m.x, m.xL2), unit(m.y, m.yL2)
		s := 0.6 * r * d.px
		d.add(figure.Path{Pts: []figure.Vec{
			{X: s * u[0], Y: s * u[1]}, {X: s * (u[0] + v[0]), Y: s * (u[1] + v[1])}, {X: s * v[0], Y: s * v[1]},
		}, Style: style})
	} else {
		d.add(figure.Arc{RPx: r, A0: a0, A1: a1, Style: style})
	}
	d.angleLabel(fmt.Sprintf("θ = %.1f°", m.theta*180/math.Pi), a0, a1, r)
}

// angleLabel centres s on the bisector of the arc from a0 to a1, far enough
// out that its box clears both vectors; when the angle is too narrow for
// that, it goes to the other side of the origin, where neither vector is.
func (d *drawing) angleLabel(s string, a0, a1, r float64) {
	const size = 13
	w := 0.55 * size * float64(utf8.RuneCountInString(s)) // rough text width
	rho := math.Hypot(w/2, size/2)                        // the box's half-diagonal
	mid := (a0 + a1) / 2
	dist := math.Max(r+4+rho, rho/math.Sin((a1-a0)/2))
	if dist > 100 {
		mid += math.Pi
		dist = r + 4 + rho
	}
	d.add(figure.Text{S: s, Size: size, Anchor: figure.Center | figure.Middle,
		DX: dist * math.Cos(mid), DY: -dist * math.Sin(mid), Color: figure.Ink})
}
