//go:build js && wasm

package visual

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"

	"github.com/aimath/playground/core/figure"
)

// renderer draws figures onto ebiten images. It keeps what is costly to
// make: font faces per size, raster images per Raster.Key, one path buffer.
type renderer struct {
	regular, bold *opentype.Font
	faces         map[faceKey]text.Face
	rasters       map[string]*rasterEntry
	labels        map[labelKey]*label
	pixels        []byte
	sh            *shapes
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
	reg, err := opentype.Parse(goregular.TTF)
	if err != nil {
		panic("visual: embedded font: " + err.Error())
	}
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		panic("visual: embedded font: " + err.Error())
	}
	return &renderer{
		regular: reg, bold: bold,
		faces:   map[faceKey]text.Face{},
		rasters: map[string]*rasterEntry{},
		labels:  map[labelKey]*label{},
		sh:      newShapes(),
		scale:   1,
	}
}

// draw renders f onto dst, which is f.W×f.H CSS pixels at r.scale.
func (r *renderer) draw(dst *ebiten.Image, f *figure.Figure) {
	dst.Fill(figure.Paper.RGBA())
	for _, e := range r.rasters {
		e.used = false
	}
	for _, l := range r.labels {
		l.used = false
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
	r.flush()
	// Labels and rasters this figure did not use are released; the rest
	// stay cached for the next figure, which is usually much the same.
	for k, l := range r.labels {
		if !l.used {
			if l.img != nil {
				l.img.Deallocate()
			}
			delete(r.labels, k)
		}
	}
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
		r.flush()
		r.text(dst, v, t)
	case figure.Raster:
		r.flush()
		r.raster(dst, v, t)
	}
}

func alphaOf(s figure.Style) float64 {
	if s.Alpha == 0 {
		return 1
	}
	return s.Alpha
}

// pxPolyline fills and strokes a polyline given in CSS pixels, through the
// triangle batch (see shapes).
func (r *renderer) pxPolyline(dst *ebiten.Image, pts [][2]float64, closed bool, st figure.Style) {
	if len(pts) < 2 {
		return
	}
	r.sh.on(dst)
	if st.FillAlpha > 0 && len(pts) >= 3 {
		dev := make([][2]float64, len(pts))
		for i, p := range pts {
			dev[i] = [2]float64{p[0] * r.scale, p[1] * r.scale}
		}
		r.sh.fill(dev, st.Fill.RGBA(), st.FillAlpha)
	}
	if st.Width > 0 {
		r.sh.stroke(pts, closed, st, r.scale)
	}
}

// flush draws the batched shapes; call it before anything else draws.
func (r *renderer) flush() { r.sh.flush() }

func (r *renderer) ellipse(dst *ebiten.Image, cx, cy, rx, ry float64, st figure.Style) {
	if st.Width == 0 && st.FillAlpha > 0 && math.Abs(rx-ry) < 0.01 {
		// An unstroked dot: a disc keeps its rim anti-aliased.
		r.sh.on(dst)
		r.sh.disc(cx*r.scale, cy*r.scale, rx*r.scale, st.Fill.RGBA(), st.FillAlpha)
		return
	}
	n := int(math.Max(24, math.Min(180, (rx+ry)*r.scale)))
	pts := make([][2]float64, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / float64(n)
		pts[i] = [2]float64{cx + rx*math.Cos(a), cy + ry*math.Sin(a)}
	}
	r.pxPolyline(dst, pts, true, st)
}

// face returns the font face of a size in CSS pixels. Faces come from
// golang.org/x/image's OpenType rasterizer (text.GoXFace): canvas labels are
// short and need no complex shaping, and shaping each new label with
// HarfBuzz costs far more per frame in wasm.
func (r *renderer) face(size float64, bold bool) text.Face {
	k := faceKey{size * r.scale, bold}
	f, ok := r.faces[k]
	if !ok {
		src := r.regular
		if bold {
			src = r.bold
		}
		xf, err := opentype.NewFace(src, &opentype.FaceOptions{Size: k.size, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			panic("visual: font face: " + err.Error()) // the embedded fonts are valid at any size
		}
		f = text.NewGoXFace(xf)
		r.faces[k] = f
	}
	return f
}

// glyphFallbacks replaces the few symbols the Go fonts lack (the SVG
// export keeps the originals).
var glyphFallbacks = strings.NewReplacer("‖", "||", "ᵀ", "^T", "⟨", "<", "⟩", ">", "∇", "grad ",
	"⌊", "floor(", "⌋", ")", "⋆", "*", "⊙", "·", "∘", "·", "⊗", "×", "ʰ", "^h", "ᵏ", "^k", "ₜ", "_t")

// labelKey identifies a rendered label: the same text, size, weight and
// colour is drawn once and then reused from its image.
type labelKey struct {
	s     string
	size  float64 // device pixels
	bold  bool
	color figure.Color
}

// label is a text pre-rendered with its halo; (w, h) is the text box
// (without the halo padding) in device pixels.
type label struct {
	img    *ebiten.Image
	w, h   float64
	ascent float64
	pad    float64
	used   bool
}

// label returns the cached image of a text, rendering it the first time.
// A paper-coloured halo keeps labels readable where they cross lines.
func (r *renderer) label(k labelKey) *label {
	if l, ok := r.labels[k]; ok {
		return l
	}
	face := r.face(k.size/r.scale, k.bold)
	s := glyphFallbacks.Replace(k.s)
	w, h := text.Measure(s, face, 0)
	pad := math.Ceil(1.25 * r.scale)
	l := &label{w: w, h: h, ascent: face.Metrics().HAscent, pad: pad}
	if w > 0 && h > 0 {
		l.img = ebiten.NewImage(int(math.Ceil(w+2*pad)), int(math.Ceil(h+2*pad)))
		op := &text.DrawOptions{}
		op.ColorScale.ScaleWithColor(haloColor(k.color))
		for _, o := range haloOffsets {
			op.GeoM.Reset()
			op.GeoM.Translate(pad+math.Round(o[0]*pad), pad+math.Round(o[1]*pad))
			text.Draw(l.img, s, face, op)
		}
		op.GeoM.Reset()
		op.GeoM.Translate(pad, pad)
		op.ColorScale.Reset()
		op.ColorScale.ScaleWithColor(k.color.RGBA())
		text.Draw(l.img, s, face, op)
	}
	r.labels[k] = l
	return l
}

// haloColor is paper behind dark text and ink behind light text (white
// numbers on dark cells), so that the halo never thickens the glyphs;
// only near-white text counts as light (orange labels keep a paper halo).
func haloColor(c figure.Color) color.Color {
	if rgb := c.RGBA(); 0.299*float64(rgb.R)+0.587*float64(rgb.G)+0.114*float64(rgb.B) > 220 {
		return figure.Ink.RGBA()
	}
	return figure.Paper.RGBA()
}

var haloOffsets = [][2]float64{{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-1, -1}, {1, -1}, {-1, 1}, {1, 1}}

func (r *renderer) text(dst *ebiten.Image, v figure.View, t figure.Text) {
	size := t.Size
	if size == 0 {
		size = 13
	}
	l := r.label(labelKey{t.S, size * r.scale, t.Bold, t.Color})
	l.used = true
	if l.img == nil {
		return
	}
	x, y := v.ToPx(t.At)
	x, y = (x+t.DX)*r.scale, (y+t.DY)*r.scale
	switch t.Anchor.H() {
	case figure.Center:
		x -= l.w / 2
	case figure.Right:
		x -= l.w
	}
	switch t.Anchor.V() {
	case figure.Middle:
		y -= l.h / 2
	case figure.Bottom:
		y -= l.ascent // on the baseline, as SVG's "alphabetic"
	}
	op := &ebiten.DrawImageOptions{}
	// Whole device pixels keep the glyphs as crisp as they were rendered.
	op.GeoM.Translate(math.Round(x-l.pad), math.Round(y-l.pad))
	dst.DrawImage(l.img, op)
}

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
