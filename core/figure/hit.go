package figure

import "math"

// Slop is how many pixels a pointer may miss a thin item by and still hit
// it: about half a fingertip.
const Slop = 8

// Hit finds what is under the canvas pixel (x, y). p is the panel whose
// Frame contains the pixel (the last such panel; nil if none), at the world
// point there, and id the ID of the top-most (last drawn) item with a
// non-empty ID under the pointer, or "" if none. Distances are in pixels,
// with Slop for touch:
//   - Point: within Size+Slop of its centre;
//   - Arrow: within Slop of its shaft or tip;
//   - Circle: inside it, or within Slop of its edge;
//   - Box and Raster: inside;
//   - Path: within Slop of a segment, or inside it when Closed and filled;
//   - Arc and Text: never (they are labels).
func (f *Figure) Hit(x, y float64) (p *Panel, at Vec, id string) {
	if f == nil {
		return nil, Vec{}, ""
	}
	for i := len(f.Panels) - 1; i >= 0; i-- {
		p = f.Panels[i]
		if p == nil || !p.Frame.Contains(x, y) {
			continue
		}
		v := p.View()
		at = v.ToWorld(x, y)
		for j := len(p.Items) - 1; j >= 0; j-- {
			it := Concrete(p.Items[j])
			if id := itemID(it); id != "" && v.hits(it, x, y) {
				return p, at, id
			}
		}
		return p, at, ""
	}
	return nil, Vec{}, ""
}

// itemID returns the ID of a concrete item ("" for nil).
func itemID(it Item) string {
	switch t := it.(type) {
	case Path:
		return t.ID
	case Box:
		return t.ID
	case Circle:
		return t.ID
	case Point:
		return t.ID
	case Arrow:
		return t.ID
	case Arc:
		return t.ID
	case Text:
		return t.ID
	case Raster:
		return t.ID
	}
	return ""
}

// hits reports whether the pixel (x, y) is on the concrete item it.
func (v View) hits(it Item, x, y float64) bool {
	q := [2]float64{x, y}
	switch t := it.(type) {
	case Point:
		c, ok := v.px(t.P)
		size := t.Size
		if !(size > 0) {
			size = defaultPoint
		}
		return ok && math.Hypot(x-c[0], y-c[1]) <= size+Slop
	case Arrow:
		a, oka := v.px(t.From)
		b, okb := v.px(t.To)
		return oka && okb && segDist(q, a, b) <= Slop
	case Circle:
		cx, cy, rx, ry := v.CirclePx(t)
		// Inside the circle grown by Slop: exact for a circle, close for the
		// ellipse of unequal scales.
		dx, dy := (x-cx)/(rx+Slop), (y-cy)/(ry+Slop)
		return dx*dx+dy*dy <= 1
	case Box:
		return v.RectPx(t.R).Contains(x, y)
	case Raster:
		return v.RectPx(t.R).Contains(x, y)
	case Path:
		runs := v.PathPx(t)
		if t.Closed && t.FillAlpha > 0 && len(runs) == 1 && inside(q, runs[0]) {
			return true
		}
		for _, r := range runs {
			if len(r) == 1 && math.Hypot(x-r[0][0], y-r[0][1]) <= Slop {
				return true
			}
			for i := 1; i < len(r); i++ {
				if segDist(q, r[i-1], r[i]) <= Slop {
					return true
				}
			}
			if t.Closed && len(r) > 2 && segDist(q, r[len(r)-1], r[0]) <= Slop {
				return true
			}
		}
	}
	return false
}

// segDist returns the distance from p to the segment ab.
func segDist(p, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := 0.0
	if l2 := dx*dx + dy*dy; l2 > 0 {
		t = math.Max(0, math.Min(1, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/l2))
	}
	return math.Hypot(p[0]-a[0]-t*dx, p[1]-a[1]-t*dy)
}

// inside reports whether p lies inside the polygon by the nonzero winding
// rule, SVG's default fill-rule.
func inside(p [2]float64, poly [][2]float64) bool {
	wind := 0
	for i := range poly {
		a, b := poly[i], poly[(i+1)%len(poly)]
		// Dan Sunday's winding test; y down mirrors the sign of wind, not
		// whether it is zero.
		cross := (b[0]-a[0])*(p[1]-a[1]) - (p[0]-a[0])*(b[1]-a[1])
		switch {
		case a[1] <= p[1] && b[1] > p[1] && cross > 0:
			wind++
		case a[1] > p[1] && b[1] <= p[1] && cross < 0:
			wind--
		}
	}
	return wind != 0
}
