//go:build js && wasm

package visual

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/aimath/playground/core/figure"
)

// renderer draws figures onto ebiten images. It keeps what is costly to
// make: font faces per size, raster images per Raster.Key, one path buffer.
type renderer struct {
	regular, bold *text.GoTextFaceSource
	faces         map[faceKey]*text.GoTextFace
	rasters       map[string]*rasterEntry
	pixels        []byte
	path          vector.Path
	scale         float64 // device pixels per CSS pixel
}

type faceKey struct {
	size float64
	bold bool
}

type rasterEntry struct {
	img  *ebiten.Image
	used bool
}

func newRenderer() *renderer {
	reg, err := text.NewGoTextFaceSource(bytes.NewReader(goregular.TTF))
	if err != nil {
		panic("visual: embedded font: " + err.Error())
	}
	bold, err := text.NewGoTextFaceSource(bytes.NewReader(gobold.TTF))
	if err != nil {
		panic("visual: embedded font: " + err.Error())
	}
	return &renderer{
		regular: reg, bold: bold,
		faces:   map[faceKey]*text.GoTextFace{},
		rasters: map[string]*rasterEntry{},
		scale:   1,
	}
}

// draw renders f onto dst, which is f.W×f.H CSS pixels at r.scale.
func (r *renderer) draw(dst *ebiten.Image, f *figure.Figure) {
	dst.Fill(figure.Paper.RGBA())
	for _, e := range r.rasters {
		e.used = false
	}
	for _, p := range f.Panels {
		v := p.View()
		fr := v.Frame
		clip := dst.SubImage(image.Rect(
			int(math.Floor(fr.X0*r.scale)), int(math.Floor(fr.Y0*r.scale)),
			int(math.Ceil(fr.X1*r.scale)), int(math.Ceil(fr.Y1*r.scale)),
		)).(*ebiten.Image)
		for _, it := range p.Underlay() {
			r.item(clip, v, it)
		}
		for _, it := range p.Items {
			r.item(clip, v, it)
		}
		for _, it := range p.Overlay() {
			r.item(dst, v, it)
		}
	}
	// Rasters no figure uses any more are released; the rest stay cached.
	for k, e := range r.rasters {
		if !e.used {
			e.img.Deallocate()
			delete(r.rasters, k)
		}
	}
}

func (r *renderer) item(dst *ebiten.Image, v figure.View, it figure.Item) {
	// The cases mirror figure.WriteSVG, so both renderers draw the same.
	switch t := figure.Concrete(it).(type) {
	case figure.Path:
		for _, run := range v.PathPx(t) {
			r.pxPolyline(dst, run, t.Closed, t.Style)
		}
	case figure.Box:
		b := v.RectPx(t.R)
		r.pxPolyline(dst, [][2]float64{{b.X0, b.Y0}, {b.X1, b.Y0}, {b.X1, b.Y1}, {b.X0, b.Y1}}, true, t.Style)
	case figure.Circle:
		cx, cy, rx, ry := v.CirclePx(t)
		r.ellipse(dst, cx, cy, rx, ry, t.Style)
	case figure.Point:
		x, y := v.ToPx(t.P)
		size := t.Size
		if !(size > 0) {
			size = 4
		}
		r.ellipse(dst, x, y, size, size, t.Style)
	case figure.Arrow:
		shaft, head, ok := v.ArrowPx(t)
		if !ok {
			return
		}
		r.pxPolyline(dst, shaft[:], false, t.Style)
		fill := figure.Style{Fill: t.Stroke, FillAlpha: alphaOf(t.Style)}
		r.pxPolyline(dst, head[:], true, fill)
	case figure.Arc:
		pts := v.ArcPx(t)
		if t.FillAlpha > 0 && len(pts) > 1 {
			// A filled arc is a wedge from the centre; only the arc is stroked.
			cx, cy := v.ToPx(t.C)
			wedge := append([][2]float64{{cx, cy}}, pts...)
			r.pxPolyline(dst, wedge, true, figure.Style{Fill: t.Fill, FillAlpha: t.FillAlpha})
		}
		st := t.Style
		st.FillAlpha = 0
		r.pxPolyline(dst, pts, false, st)
	case figure.Text:
		r.text(dst, v, t)
	case figure.Raster:
		r.raster(dst, v, t)
	}
}

func alphaOf(s figure.Style) float64 {
	if s.Alpha == 0 {
		return 1
	}
	return s.Alpha
}

func colorScale(c figure.Color, alpha float64) ebiten.ColorScale {
	var cs ebiten.ColorScale
	cs.ScaleWithColor(c.RGBA())
	cs.ScaleAlpha(float32(alpha))
	return cs
}

func (r *renderer) polyline(dst *ebiten.Image, v figure.View, pts []figure.Vec, closed bool, st figure.Style) {
	px := make([][2]float64, len(pts))
	for i, p := range pts {
		px[i][0], px[i][1] = v.ToPx(p)
	}
	r.pxPolyline(dst, px, closed, st)
}

// pxPolyline fills and strokes a polyline given in CSS pixels.
func (r *renderer) pxPolyline(dst *ebiten.Image, pts [][2]float64, closed bool, st figure.Style) {
	if len(pts) < 2 {
		return
	}
	s := r.scale
	if st.FillAlpha > 0 && len(pts) >= 3 {
		r.path.Reset()
		for i, p := range pts {
			if i == 0 {
				r.path.MoveTo(float32(p[0]*s), float32(p[1]*s))
			} else {
				r.path.LineTo(float32(p[0]*s), float32(p[1]*s))
			}
		}
		r.path.Close()
		vector.FillPath(dst, &r.path, nil, &vector.DrawPathOptions{AntiAlias: true, ColorScale: colorScale(st.Fill, st.FillAlpha)})
	}
	if st.Width <= 0 {
		return
	}
	r.path.Reset()
	if st.Dash {
		dashes(&r.path, pts, closed, 6, 4, s)
	} else {
		for i, p := range pts {
			if i == 0 {
				r.path.MoveTo(float32(p[0]*s), float32(p[1]*s))
			} else {
				r.path.LineTo(float32(p[0]*s), float32(p[1]*s))
			}
		}
		if closed {
			r.path.Close()
		}
	}
	vector.StrokePath(dst, &r.path, &vector.StrokeOptions{
		Width: float32(st.Width * s), LineJoin: vector.LineJoinRound, LineCap: vector.LineCapRound,
	}, &vector.DrawPathOptions{AntiAlias: true, ColorScale: colorScale(st.Stroke, alphaOf(st))})
}

// dashes adds on/off segments of a polyline (lengths in CSS pixels) to p.
func dashes(p *vector.Path, pts [][2]float64, closed bool, on, off, s float64) {
	if closed {
		pts = append(pts[:len(pts):len(pts)], pts[0])
	}
	drawing, left := true, on
	for i := 1; i < len(pts); i++ {
		x0, y0 := pts[i-1][0], pts[i-1][1]
		dx, dy := pts[i][0]-x0, pts[i][1]-y0
		seg := math.Hypot(dx, dy)
		for pos := 0.0; pos < seg; {
			step := math.Min(left, seg-pos)
			if drawing {
				a, b := pos/seg, (pos+step)/seg
				p.MoveTo(float32((x0+a*dx)*s), float32((y0+a*dy)*s))
				p.LineTo(float32((x0+b*dx)*s), float32((y0+b*dy)*s))
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
}

func (r *renderer) ellipse(dst *ebiten.Image, cx, cy, rx, ry float64, st figure.Style) {
	n := int(math.Max(24, math.Min(180, (rx+ry)*r.scale)))
	pts := make([][2]float64, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / float64(n)
		pts[i] = [2]float64{cx + rx*math.Cos(a), cy + ry*math.Sin(a)}
	}
	r.pxPolyline(dst, pts, true, st)
}

func (r *renderer) face(size float64, bold bool) *text.GoTextFace {
	k := faceKey{size * r.scale, bold}
	f, ok := r.faces[k]
	if !ok {
		src := r.regular
		if bold {
			src = r.bold
		}
		f = &text.GoTextFace{Source: src, Size: k.size}
		r.faces[k] = f
	}
	return f
}

// glyphFallbacks replaces the few symbols the Go fonts lack.
var glyphFallbacks = strings.NewReplacer("‖", "||", "ᵀ", "^T", "⟨", "<", "⟩", ">", "∇", "grad ")

func (r *renderer) text(dst *ebiten.Image, v figure.View, t figure.Text) {
	size := t.Size
	if size == 0 {
		size = 13
	}
	x, y := v.ToPx(t.At)
	x, y = x+t.DX, y+t.DY
	op := &text.DrawOptions{}
	op.GeoM.Translate(x*r.scale, y*r.scale)
	op.ColorScale.ScaleWithColor(t.Color.RGBA())
	switch t.Anchor.H() {
	case figure.Center:
		op.PrimaryAlign = text.AlignCenter
	case figure.Right:
		op.PrimaryAlign = text.AlignEnd
	}
	switch t.Anchor.V() {
	case figure.Middle:
		op.SecondaryAlign = text.AlignCenter
	case figure.Top:
		op.SecondaryAlign = text.AlignStart
	default:
		op.SecondaryAlign = text.AlignEnd
	}
	s, face := glyphFallbacks.Replace(t.S), r.face(size, t.Bold)
	// A paper-coloured halo keeps labels readable where they cross lines.
	halo := *op
	halo.ColorScale = ebiten.ColorScale{}
	halo.ColorScale.ScaleWithColor(figure.Paper.RGBA())
	d := 1.25 * r.scale
	for _, o := range haloOffsets {
		h := halo
		h.GeoM.Translate(o[0]*d, o[1]*d)
		text.Draw(dst, s, face, &h)
	}
	text.Draw(dst, s, face, op)
}

var haloOffsets = [][2]float64{{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-0.7, -0.7}, {0.7, -0.7}, {-0.7, 0.7}, {0.7, 0.7}}

func (r *renderer) raster(dst *ebiten.Image, v figure.View, t figure.Raster) {
	if t.W <= 0 || t.H <= 0 {
		return
	}
	n := t.W * t.H * 4
	key := t.Key
	if key == "" {
		// No key: identify the data by its storage (see figure.Raster).
		key = fmt.Sprintf("%s@%p%p", t.ID, t.Values, t.RGBA)
	}
	e, ok := r.rasters[key]
	if !ok || e.img.Bounds().Dx() != t.W || e.img.Bounds().Dy() != t.H {
		var pix []byte
		switch {
		case len(t.RGBA) == n:
			pix = t.RGBA
		case len(t.Values) == t.W*t.H:
			if cap(r.pixels) < n {
				r.pixels = make([]byte, n)
			}
			pix = r.pixels[:n]
			t.Map.Fill(pix, t.Values, t.Min, t.Max)
		default:
			return // malformed raster: nothing sensible to draw
		}
		if ok {
			e.img.Deallocate()
		}
		e = &rasterEntry{img: ebiten.NewImage(t.W, t.H)}
		e.img.WritePixels(pix)
		r.rasters[key] = e
	}
	e.used = true
	x0, y0 := v.ToPx(figure.Vec{X: t.R.X0, Y: t.R.Y1})
	x1, y1 := v.ToPx(figure.Vec{X: t.R.X1, Y: t.R.Y0})
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Scale((x1-x0)*r.scale/float64(t.W), (y1-y0)*r.scale/float64(t.H))
	op.GeoM.Translate(x0*r.scale, y0*r.scale)
	if t.Smooth {
		op.Filter = ebiten.FilterLinear
	}
	dst.DrawImage(e.img, op)
}

// errorColor is the background of the message shown when a lesson fails.
var errorColor = color.RGBA{0xfe, 0xf2, 0xf2, 0xff}
