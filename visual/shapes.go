//go:build js && wasm

package visual

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"github.com/aimath/playground/core/figure"
)

// shapes gathers strokes and fills as coloured triangles and draws them in
// one DrawTriangles32 call. A stroke is a quad per segment with a feather
// of one device pixel on each side whose alpha falls to zero: the vertex
// colours, interpolated by the GPU, anti-alias the edges. This costs a few
// vertices per segment and touches only the pixels a line covers, where
// ebiten's vector package renders every path eight times into a stencil
// buffer as large as its bounds (too slow for a grid of lines redrawn each
// frame in a software-rendered browser).
//
// Convex fills are triangle fans; the rare concave fill goes through
// vector.FillPath. The batch is drawn before anything else touches its
// image (text, rasters), so the figure's drawing order holds.
type shapes struct {
	dst   *ebiten.Image
	vs    []ebiten.Vertex
	is    []uint32
	white *ebiten.Image // a 1×1 white source for the triangles
	path  vector.Path   // for concave fills
}

func newShapes() *shapes {
	w := ebiten.NewImage(3, 3)
	w.Fill(color.White)
	return &shapes{white: w.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)}
}

// on makes the batch draw onto dst, flushing what it holds for another image.
func (b *shapes) on(dst *ebiten.Image) {
	if b.dst != dst {
		b.flush()
		b.dst = dst
	}
}

// flush draws the batched triangles.
func (b *shapes) flush() {
	if b.dst != nil && len(b.is) > 0 {
		b.dst.DrawTriangles32(b.vs, b.is, b.white, nil)
	}
	b.vs, b.is = b.vs[:0], b.is[:0]
}

// vertex appends a vertex of colour c with alpha a (straight alpha).
func (b *shapes) vertex(x, y float64, c color.RGBA, a float64) uint32 {
	b.vs = append(b.vs, ebiten.Vertex{
		DstX: float32(x), DstY: float32(y), SrcX: 1, SrcY: 1,
		ColorR: float32(c.R) / 255, ColorG: float32(c.G) / 255, ColorB: float32(c.B) / 255, ColorA: float32(a),
	})
	return uint32(len(b.vs) - 1)
}

// segment strokes the segment p–q (device pixels) with width w.
func (b *shapes) segment(p, q [2]float64, w float64, c color.RGBA, alpha float64) {
	dx, dy := q[0]-p[0], q[1]-p[1]
	l := math.Hypot(dx, dy)
	if l < 1e-9 || math.IsNaN(l) || math.IsInf(l, 0) {
		return
	}
	ux, uy := dx/l, dy/l
	nx, ny := -uy, ux
	// The core keeps full alpha out to half the width less half a pixel;
	// the feather ramps to zero half a pixel beyond the edge. Lines thinner
	// than a pixel fade instead of thinning.
	inner := math.Max(0, w/2-0.5)
	outer := w/2 + 0.5
	coreA := alpha
	if w < 1 {
		coreA = alpha * w
		inner, outer = 0, 1
	}
	// Half a pixel past each end hides the seams where segments meet.
	ax, ay := p[0]-ux*0.5, p[1]-uy*0.5
	bx, by := q[0]+ux*0.5, q[1]+uy*0.5
	var idx [8]uint32
	for i, off := range [4]struct{ d, a float64 }{{-outer, 0}, {-inner, coreA}, {inner, coreA}, {outer, 0}} {
		idx[i] = b.vertex(ax+nx*off.d, ay+ny*off.d, c, off.a)
		idx[i+4] = b.vertex(bx+nx*off.d, by+ny*off.d, c, off.a)
	}
	for i := range 3 {
		b.is = append(b.is, idx[i], idx[i+1], idx[i+4], idx[i+1], idx[i+5], idx[i+4])
	}
}

// polyline strokes pts (device pixels), closing it if closed.
func (b *shapes) polyline(pts [][2]float64, closed bool, w float64, c color.RGBA, alpha float64) {
	for i := 1; i < len(pts); i++ {
		b.segment(pts[i-1], pts[i], w, c, alpha)
	}
	if closed && len(pts) > 2 {
		b.segment(pts[len(pts)-1], pts[0], w, c, alpha)
	}
	if w >= 2.5 {
		// Thick lines get round joins and ends: a disc at every point.
		for _, p := range pts {
			b.disc(p[0], p[1], w/2, c, alpha)
		}
	}
}

// disc fills a circle of radius r with an anti-aliased rim.
func (b *shapes) disc(cx, cy, r float64, c color.RGBA, alpha float64) {
	n := int(math.Max(8, math.Min(64, r*2)))
	centre := b.vertex(cx, cy, c, alpha)
	first := uint32(len(b.vs))
	for i := range n {
		a := 2 * math.Pi * float64(i) / float64(n)
		cs, sn := math.Cos(a), math.Sin(a)
		b.vertex(cx+cs*math.Max(0, r-0.5), cy+sn*math.Max(0, r-0.5), c, alpha)
		b.vertex(cx+cs*(r+0.5), cy+sn*(r+0.5), c, 0)
	}
	for i := range n {
		j := (i + 1) % n
		in0, out0 := first+uint32(2*i), first+uint32(2*i+1)
		in1, out1 := first+uint32(2*j), first+uint32(2*j+1)
		b.is = append(b.is, centre, in0, in1, in0, out0, out1, in0, out1, in1)
	}
}

// fill fills the polygon pts (device pixels): a fan when convex, else
// through vector.FillPath (after drawing what is batched, to keep order).
func (b *shapes) fill(pts [][2]float64, c color.RGBA, alpha float64) {
	if len(pts) < 3 {
		return
	}
	if convex(pts) {
		first := uint32(len(b.vs))
		for _, p := range pts {
			b.vertex(p[0], p[1], c, alpha)
		}
		for i := 1; i+1 < len(pts); i++ {
			b.is = append(b.is, first, first+uint32(i), first+uint32(i+1))
		}
		return
	}
	b.flush()
	b.path.Reset()
	for i, p := range pts {
		if i == 0 {
			b.path.MoveTo(float32(p[0]), float32(p[1]))
		} else {
			b.path.LineTo(float32(p[0]), float32(p[1]))
		}
	}
	b.path.Close()
	var cs ebiten.ColorScale
	cs.ScaleWithColor(c)
	cs.ScaleAlpha(float32(alpha))
	vector.FillPath(b.dst, &b.path, nil, &vector.DrawPathOptions{AntiAlias: true, ColorScale: cs})
}

// convex reports whether the polygon turns the same way at every corner.
func convex(pts [][2]float64) bool {
	sign := 0.0
	n := len(pts)
	for i := range n {
		a, p, q := pts[i], pts[(i+1)%n], pts[(i+2)%n]
		cross := (p[0]-a[0])*(q[1]-p[1]) - (p[1]-a[1])*(q[0]-p[0])
		if math.Abs(cross) < 1e-9 {
			continue
		}
		if sign == 0 {
			sign = cross
		} else if (cross > 0) != (sign > 0) {
			return false
		}
	}
	return true
}

// dashSegments cuts a polyline into on/off dashes (lengths in device
// pixels) and returns the "on" pieces as segments.
func dashSegments(pts [][2]float64, closed bool, on, off float64) [][2][2]float64 {
	if closed && len(pts) > 1 {
		pts = append(pts[:len(pts):len(pts)], pts[0])
	}
	var out [][2][2]float64
	drawing, left := true, on
	for i := 1; i < len(pts); i++ {
		x0, y0 := pts[i-1][0], pts[i-1][1]
		dx, dy := pts[i][0]-x0, pts[i][1]-y0
		seg := math.Hypot(dx, dy)
		for pos := 0.0; pos < seg; {
			step := math.Min(left, seg-pos)
			if drawing {
				a, c := pos/seg, (pos+step)/seg
				out = append(out, [2][2]float64{{x0 + a*dx, y0 + a*dy}, {x0 + c*dx, y0 + c*dy}})
			}
			pos += step
			left -= step
			if left <= 1e-9 {
				drawing = !drawing
				left = off
				if drawing {
					left = on
				}
			}
		}
	}
	return out
}

// stroke strokes or dashes a polyline in CSS pixels with a figure style.
func (b *shapes) stroke(pts [][2]float64, closed bool, st figure.Style, scale float64) {
	w := st.Width * scale
	c := st.Stroke.RGBA()
	a := alphaOf(st)
	dev := make([][2]float64, len(pts))
	for i, p := range pts {
		dev[i] = [2]float64{p[0] * scale, p[1] * scale}
	}
	if st.Dash {
		for _, s := range dashSegments(dev, closed, 6*scale, 4*scale) {
			b.segment(s[0], s[1], w, c, a)
		}
		return
	}
	b.polyline(dev, closed, w, c, a)
}
