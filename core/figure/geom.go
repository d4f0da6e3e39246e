package figure

import "math"

// Pixel geometry shared by the renderers (WriteSVG here, ebiten in visual/)
// and by Hit, so that what is drawn and what is hit agree.

const (
	defaultHead  = 10   // arrow head length in pixels when Arrow.Head is 0
	headHalfW    = 0.4  // arrow head half-width as a fraction of its length
	defaultPoint = 4    // Point radius in pixels when Point.Size is 0
	defaultText  = 13   // Text size in pixels when Text.Size is 0
	arcSagitta   = 0.25 // largest gap in pixels between an arc's chords and its circle
	maxArcSegs   = 512

	// worldLimit bounds the world coordinates that are drawn: a point
	// further out (only a diverged computation gets there) counts as
	// missing, so pixel arithmetic never overflows.
	worldLimit = 1e150
	// guardPx is how far around its frame a panel's paths are kept. Paths
	// are cut at this box, so no coordinate handed to a renderer is huge,
	// and since items are clipped to the frame the cut never shows.
	guardPx = 1000
)

// px returns the canvas pixel of a world point, and false when the point is
// not finite or beyond worldLimit.
func (v View) px(p Vec) ([2]float64, bool) {
	if !(math.Abs(p.X) <= worldLimit && math.Abs(p.Y) <= worldLimit) {
		return [2]float64{}, false
	}
	x, y := v.ToPx(p)
	if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return [2]float64{}, false
	}
	return [2]float64{x, y}, true
}

// guard returns the box around the frame that paths are cut to.
func (v View) guard() Rect {
	return Inset(v.Frame, -guardPx, -guardPx, -guardPx, -guardPx)
}

// RectPx returns the canvas pixels covered by a world rectangle (y down,
// so the world's top edge R.Y1 becomes the pixel Y0).
func (v View) RectPx(r Rect) Rect {
	x0, y0 := v.ToPx(Vec{r.X0, r.Y1})
	x1, y1 := v.ToPx(Vec{r.X1, r.Y0})
	return Rect{math.Min(x0, x1), math.Min(y0, y1), math.Max(x0, x1), math.Max(y0, y1)}
}

// CirclePx returns the pixel centre and radii of a circle: an ellipse when
// the panel's two axes have different scales.
func (v View) CirclePx(c Circle) (cx, cy, rx, ry float64) {
	cx, cy = v.ToPx(c.C)
	r := math.Abs(c.R)
	return cx, cy, r * v.sx, r * v.sy
}

// ArrowPx returns an arrow in pixels: the shaft from From to the base of
// the head, and the head, a triangle whose first corner is the tip at To.
// The head is a.Head pixels long (10 when 0), shortened to the arrow's
// length if longer, and 0.8 times as wide as long. ok is false when the
// arrow has zero length in pixels or an end is not finite.
func (v View) ArrowPx(a Arrow) (shaft [2][2]float64, head [3][2]float64, ok bool) {
	p, okp := v.px(a.From)
	q, okq := v.px(a.To)
	if !okp || !okq {
		return shaft, head, false
	}
	dx, dy := q[0]-p[0], q[1]-p[1]
	d := math.Hypot(dx, dy)
	if d == 0 {
		return shaft, head, false
	}
	l := a.Head
	if !(l > 0) || math.IsInf(l, 0) {
		l = defaultHead
	}
	l = math.Min(l, d)
	ux, uy := dx/d, dy/d
	base := [2]float64{q[0] - l*ux, q[1] - l*uy}
	wx, wy := -uy*l*headHalfW, ux*l*headHalfW // half-width across the shaft
	head = [3][2]float64{q, {base[0] + wx, base[1] + wy}, {base[0] - wx, base[1] - wy}}
	return [2][2]float64{p, base}, head, true
}

// ArcPx returns a polyline, in pixels, along the arc a: RPx pixels from
// the centre, from the world direction at angle A0 to the one at A1
// (counter-clockwise in the world, y up; clockwise when A1 < A0). Each
// point lies along the world direction of its angle as the panel draws it,
// so an angle marker meets the vectors it marks even when the axes have
// different scales. Chords stay within a quarter pixel of the circle. The
// sweep is at most one turn; a zero sweep, a radius that is not positive,
// or a centre that is not finite give nil.
func (v View) ArcPx(a Arc) [][2]float64 {
	c, ok := v.px(a.C)
	sweep := a.A1 - a.A0
	if !ok || !(a.RPx > 0) || math.IsInf(a.RPx, 0) || sweep == 0 || math.IsNaN(sweep) || math.IsInf(sweep, 0) {
		return nil
	}
	sweep = math.Max(-2*math.Pi, math.Min(2*math.Pi, sweep))
	// The chord of angle s sits r(1-cos(s/2)) inside the circle.
	s := 2 * math.Acos(math.Max(-1, 1-arcSagitta/a.RPx))
	// Unequal scales squeeze some pixel angles by up to this factor.
	squeeze := math.Max(v.sx, v.sy) / math.Min(v.sx, v.sy)
	if !(squeeze < 64) {
		squeeze = 64
	}
	n := int(math.Min(maxArcSegs, math.Max(2, math.Ceil(math.Abs(sweep)/s*squeeze))))
	pts := make([][2]float64, 0, n+1)
	for i := 0; i <= n; i++ {
		t := a.A0 + sweep*float64(i)/float64(n)
		dx, dy := v.sx*math.Cos(t), v.sy*math.Sin(t)
		d := math.Hypot(dx, dy)
		if !(d > 0) || math.IsInf(d, 0) {
			return nil // a degenerate frame: no direction to draw along
		}
		pts = append(pts, [2]float64{c[0] + a.RPx*dx/d, c[1] - a.RPx*dy/d})
	}
	return pts
}

// PathPx returns a path in pixels, ready to draw. An open path becomes
// polylines: one per run of points that are finite (and within 1e150),
// each cut where it leaves a box 1000 px around the frame. A closed path
// becomes one polygon: its usable points, clipped to that box. Both keep
// every pixel the frame would show. A path with nothing to draw gives nil.
func (v View) PathPx(p Path) [][][2]float64 {
	g := v.guard()
	if p.Closed {
		poly := make([][2]float64, 0, len(p.Pts))
		for _, w := range p.Pts {
			if q, ok := v.px(w); ok {
				poly = append(poly, q)
			}
		}
		poly = clipPoly(poly, g)
		if len(poly) == 0 {
			return nil
		}
		return [][][2]float64{poly}
	}
	var runs [][][2]float64
	var run [][2]float64
	flush := func() {
		if len(run) > 0 {
			runs = append(runs, run)
			run = nil
		}
	}
	if len(p.Pts) == 1 {
		if q, ok := v.px(p.Pts[0]); ok && g.Contains(q[0], q[1]) {
			return [][][2]float64{{q}}
		}
		return nil
	}
	for i := 1; i < len(p.Pts); i++ {
		a, oka := v.px(p.Pts[i-1])
		b, okb := v.px(p.Pts[i])
		if !oka || !okb {
			flush()
			continue
		}
		c, d, ok := clipSeg(a, b, g)
		if !ok {
			flush()
			continue
		}
		if c != a || len(run) == 0 {
			flush()
			run = append(run, c)
		}
		run = append(run, d)
		if d != b {
			flush()
		}
	}
	flush()
	return runs
}

// clipSeg clips the segment ab to r (Liang–Barsky); ok is false when no
// part of it lies in r.
func clipSeg(a, b [2]float64, r Rect) (c, d [2]float64, ok bool) {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t0, t1 := 0.0, 1.0
	for _, e := range [4][2]float64{{-dx, a[0] - r.X0}, {dx, r.X1 - a[0]}, {-dy, a[1] - r.Y0}, {dy, r.Y1 - a[1]}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return c, d, false // parallel to this edge and outside it
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
	}
	if t0 > t1 {
		return c, d, false
	}
	c, d = a, b
	if t0 > 0 {
		c = [2]float64{a[0] + t0*dx, a[1] + t0*dy}
	}
	if t1 < 1 {
		d = [2]float64{a[0] + t1*dx, a[1] + t1*dy}
	}
	return c, d, true
}

// clipPoly clips a polygon to r (Sutherland–Hodgman, one edge of r at a
// time), which is exact since r is convex.
func clipPoly(poly [][2]float64, r Rect) [][2]float64 {
	edges := [4]struct {
		in  func(p [2]float64) bool
		cut func(a, b [2]float64) [2]float64
	}{
		{func(p [2]float64) bool { return p[0] >= r.X0 }, func(a, b [2]float64) [2]float64 { return atX(a, b, r.X0) }},
		{func(p [2]float64) bool { return p[0] <= r.X1 }, func(a, b [2]float64) [2]float64 { return atX(a, b, r.X1) }},
		{func(p [2]float64) bool { return p[1] >= r.Y0 }, func(a, b [2]float64) [2]float64 { return atY(a, b, r.Y0) }},
		{func(p [2]float64) bool { return p[1] <= r.Y1 }, func(a, b [2]float64) [2]float64 { return atY(a, b, r.Y1) }},
	}
	for _, e := range edges {
		if len(poly) == 0 {
			return nil
		}
		out := make([][2]float64, 0, len(poly)+4)
		prev := poly[len(poly)-1]
		for _, p := range poly {
			switch pin, qin := e.in(p), e.in(prev); {
			case pin && !qin:
				out = append(out, e.cut(prev, p), p)
			case pin:
				out = append(out, p)
			case qin:
				out = append(out, e.cut(prev, p))
			}
			prev = p
		}
		poly = out
	}
	return poly
}

// atX returns the point of segment ab at x (a and b on either side of x).
func atX(a, b [2]float64, x float64) [2]float64 {
	t := (x - a[0]) / (b[0] - a[0])
	return [2]float64{x, a[1] + t*(b[1]-a[1])}
}

// atY returns the point of segment ab at y (a and b on either side of y).
func atY(a, b [2]float64, y float64) [2]float64 {
	t := (y - a[1]) / (b[1] - a[1])
	return [2]float64{a[0] + t*(b[0]-a[0]), y}
}

// Concrete returns the value an Item holds, dereferencing the pointer forms
// (*Path and so on also satisfy Item) so that one type switch serves both;
// a nil pointer gives nil.
func Concrete(it Item) Item {
	switch t := it.(type) {
	case *Path:
		if t != nil {
			return *t
		}
	case *Box:
		if t != nil {
			return *t
		}
	case *Circle:
		if t != nil {
			return *t
		}
	case *Point:
		if t != nil {
			return *t
		}
	case *Arrow:
		if t != nil {
			return *t
		}
	case *Arc:
		if t != nil {
			return *t
		}
	case *Text:
		if t != nil {
			return *t
		}
	case *Raster:
		if t != nil {
			return *t
		}
	default:
		return it
	}
	return nil
}
