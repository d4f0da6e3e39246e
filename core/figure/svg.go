package figure

import (
	"bytes"
	"encoding/base64"
	"errors"
	"image"
	"image/png"
	"io"
	"math"
	"strconv"
)

// maxRasterSide bounds a raster's width and height in cells; a larger one
// is a bug in the lesson and is not drawn.
const maxRasterSide = 1 << 14

// WriteSVG writes f as a standalone SVG 1.1 document of f.W×f.H pixels:
// white paper, then per panel its Underlay, its Items clipped to its Frame
// and its Overlay. The output is deterministic (the same figure gives the
// same bytes), with coordinates rounded to 1/100 pixel. Items with an ID
// carry it as a data-id attribute; geometry that is not finite is left
// out. It returns the writer's error.
func WriteSVG(w io.Writer, f *Figure) error {
	if f == nil {
		return errors.New("figure: WriteSVG of a nil Figure")
	}
	var s svgWriter
	s.figure(f)
	_, err := w.Write(s.b.Bytes())
	return err
}

type svgWriter struct {
	b   bytes.Buffer
	tmp []byte // scratch for numbers
}

func (s *svgWriter) figure(f *Figure) {
	s.str(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	s.str(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1"`)
	s.attr("width", f.W)
	s.attr("height", f.H)
	s.str(` viewBox="0 0 `)
	s.num(f.W)
	s.str(" ")
	s.num(f.H)
	s.str("\">\n<rect")
	s.attr("width", f.W)
	s.attr("height", f.H)
	s.color("fill", Paper)
	s.str("/>\n<defs>\n")
	for i, p := range f.Panels {
		if p == nil {
			continue
		}
		s.str(`<clipPath id="clip` + strconv.Itoa(i) + `"><rect`)
		s.attr("x", p.Frame.X0)
		s.attr("y", p.Frame.Y0)
		s.attr("width", p.Frame.W())
		s.attr("height", p.Frame.H())
		s.str("/></clipPath>\n")
	}
	s.str("</defs>\n")
	for i, p := range f.Panels {
		if p == nil {
			continue
		}
		v := p.View()
		s.str("<g")
		s.sattr("data-panel", p.ID)
		s.str(">\n")
		for _, it := range p.Underlay() {
			s.item(v, it)
		}
		s.str(`<g clip-path="url(#clip` + strconv.Itoa(i) + ")\">\n")
		for _, it := range p.Items {
			s.item(v, it)
		}
		s.str("</g>\n")
		for _, it := range p.Overlay() {
			s.item(v, it)
		}
		s.str("</g>\n")
	}
	s.str("</svg>\n")
}

func (s *svgWriter) item(v View, it Item) {
	g := v.guard()
	switch t := Concrete(it).(type) {
	case Path:
		tag := "<polyline"
		if t.Closed {
			tag = "<polygon"
		}
		for _, run := range v.PathPx(t) {
			s.str(tag)
			s.id(t.ID)
			s.points(run)
			s.style(t.Style)
			s.str("/>\n")
		}
	case Box:
		r := v.RectPx(t.R)
		// Cutting the box at the guard box moves only edges nobody sees.
		r = Rect{math.Max(r.X0, g.X0), math.Max(r.Y0, g.Y0), math.Min(r.X1, g.X1), math.Min(r.Y1, g.Y1)}
		if !(r.X0 <= r.X1 && r.Y0 <= r.Y1) {
			return
		}
		s.str("<rect")
		s.id(t.ID)
		s.attr("x", r.X0)
		s.attr("y", r.Y0)
		s.attr("width", r.W())
		s.attr("height", r.H())
		s.style(t.Style)
		s.str("/>\n")
	case Circle:
		cx, cy, rx, ry := v.CirclePx(t)
		if !finite(cx, cy, rx, ry) || cx+rx < g.X0 || cx-rx > g.X1 || cy+ry < g.Y0 || cy-ry > g.Y1 {
			return
		}
		if math.Abs(rx-ry) < 0.005 { // the same at the precision written
			s.str("<circle")
			s.id(t.ID)
			s.attr("cx", cx)
			s.attr("cy", cy)
			s.attr("r", rx)
		} else {
			s.str("<ellipse")
			s.id(t.ID)
			s.attr("cx", cx)
			s.attr("cy", cy)
			s.attr("rx", rx)
			s.attr("ry", ry)
		}
		s.style(t.Style)
		s.str("/>\n")
	case Point:
		c, ok := v.px(t.P)
		if !ok || !g.Contains(c[0], c[1]) {
			return
		}
		r := t.Size
		if !(r > 0) || math.IsInf(r, 0) {
			r = defaultPoint
		}
		s.str("<circle")
		s.id(t.ID)
		s.attr("cx", c[0])
		s.attr("cy", c[1])
		s.attr("r", r)
		s.style(t.Style)
		s.str("/>\n")
	case Arrow:
		shaft, head, ok := v.ArrowPx(t)
		if !ok {
			return
		}
		if a, b, ok := clipSeg(shaft[0], shaft[1], g); ok && t.Width > 0 && a != b {
			s.str("<line")
			s.id(t.ID)
			s.attr("x1", a[0])
			s.attr("y1", a[1])
			s.attr("x2", b[0])
			s.attr("y2", b[1])
			s.stroke(t.Style)
			s.str("/>\n")
		}
		if g.Contains(head[0][0], head[0][1]) {
			s.str("<polygon")
			s.id(t.ID)
			s.points(head[:])
			s.color("fill", t.Stroke)
			if a := t.Alpha; a > 0 && a < 1 {
				s.attr("fill-opacity", a)
			}
			s.str("/>\n")
		}
	case Arc:
		c, ok := v.px(t.C)
		pts := v.ArcPx(t)
		if !ok || pts == nil || !g.Contains(c[0], c[1]) {
			return
		}
		if t.FillAlpha > 0 {
			// A filled arc is the sector from the centre: an angle marker.
			s.str("<polygon")
			s.id(t.ID)
			s.points(append([][2]float64{c}, pts...))
			s.style(Style{Fill: t.Fill, FillAlpha: t.FillAlpha})
			s.str("/>\n")
		}
		if t.Width > 0 {
			s.str("<polyline")
			s.id(t.ID)
			s.points(pts)
			s.style(Style{Stroke: t.Stroke, Width: t.Width, Dash: t.Dash, Alpha: t.Alpha})
			s.str("/>\n")
		}
	case Text:
		c, ok := v.px(t.At)
		x, y := c[0]+t.DX, c[1]+t.DY
		if !ok || !g.Contains(x, y) || t.S == "" {
			return
		}
		size := t.Size
		if !(size > 0) || math.IsInf(size, 0) {
			size = defaultText
		}
		s.str("<text")
		s.id(t.ID)
		s.attr("x", x)
		s.attr("y", y)
		s.str(` font-family="Go, sans-serif"`)
		s.attr("font-size", size)
		s.str(` text-anchor="` + textAnchor(t.Anchor) + `" dominant-baseline="` + baseline(t.Anchor) + `"`)
		if t.Bold {
			s.str(` font-weight="bold"`)
		}
		s.color("fill", t.Color)
		s.str(">")
		s.escape(t.S)
		s.str("</text>\n")
	case Raster:
		r := v.RectPx(t.R)
		pix := rasterRGBA(t)
		if pix == nil || !finite(r.X0, r.Y0, r.X1, r.Y1) {
			return
		}
		img := &image.RGBA{Pix: pix, Stride: 4 * t.W, Rect: image.Rect(0, 0, t.W, t.H)}
		var enc bytes.Buffer
		if err := png.Encode(&enc, img); err != nil {
			return // unreachable for an in-memory RGBA image; draw nothing
		}
		s.str("<image")
		s.id(t.ID)
		s.attr("x", r.X0)
		s.attr("y", r.Y0)
		s.attr("width", r.W())
		s.attr("height", r.H())
		s.str(` preserveAspectRatio="none"`)
		if !t.Smooth {
			s.str(` image-rendering="pixelated"`)
		}
		s.str(` xlink:href="data:image/png;base64,`)
		s.str(base64.StdEncoding.EncodeToString(enc.Bytes()))
		s.str("\"/>\n")
	}
}

// rasterRGBA returns the W×H pixels of a raster, from Values through its
// colormap or from RGBA, or nil when it has neither in full.
func rasterRGBA(t Raster) []byte {
	if t.W <= 0 || t.H <= 0 || t.W > maxRasterSide || t.H > maxRasterSide {
		return nil
	}
	n := t.W * t.H
	switch {
	case len(t.Values) >= n:
		pix := make([]byte, 4*n)
		t.Map.Fill(pix, t.Values[:n], t.Min, t.Max)
		return pix
	case len(t.RGBA) >= 4*n:
		return t.RGBA[:4*n]
	}
	return nil
}

func textAnchor(a Anchor) string {
	switch a.H() {
	case Center:
		return "middle"
	case Right:
		return "end"
	}
	return "start"
}

func baseline(a Anchor) string {
	switch a.V() {
	case Middle:
		return "central"
	case Top:
		return "hanging"
	}
	return "alphabetic"
}

func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// style writes the fill and stroke attributes of st.
func (s *svgWriter) style(st Style) {
	if st.FillAlpha > 0 {
		s.color("fill", st.Fill)
		if st.FillAlpha < 1 {
			s.attr("fill-opacity", st.FillAlpha)
		}
	} else {
		s.str(` fill="none"`)
	}
	s.stroke(st)
}

// stroke writes the stroke attributes of st; a Width that is not positive
// draws no stroke (SVG's default).
func (s *svgWriter) stroke(st Style) {
	if !(st.Width > 0) || math.IsInf(st.Width, 0) {
		return
	}
	s.color("stroke", st.Stroke)
	s.attr("stroke-width", st.Width)
	if st.Dash {
		s.str(` stroke-dasharray="6 4"`)
	}
	if st.Alpha > 0 && st.Alpha < 1 {
		s.attr("stroke-opacity", st.Alpha)
	}
	s.str(` stroke-linejoin="round"`)
}

func (s *svgWriter) str(x string) { s.b.WriteString(x) }

// num writes x with at most two decimals and no trailing zeros; "-0"
// becomes "0", and a number that is not finite (which callers leave out)
// becomes 0 rather than breaking the document.
func (s *svgWriter) num(x float64) {
	if !finite(x) {
		x = 0
	}
	b := strconv.AppendFloat(s.tmp[:0], x, 'f', 2, 64)
	b = bytes.TrimRight(b, "0")
	b = bytes.TrimSuffix(b, []byte("."))
	if string(b) == "-0" {
		b = b[1:]
	}
	s.tmp = b
	s.b.Write(b)
}

func (s *svgWriter) attr(name string, x float64) {
	s.str(" " + name + `="`)
	s.num(x)
	s.str(`"`)
}

// sattr writes a string attribute, escaped; an empty value is left out.
func (s *svgWriter) sattr(name, val string) {
	if val == "" {
		return
	}
	s.str(" " + name + `="`)
	s.escape(val)
	s.str(`"`)
}

func (s *svgWriter) id(id string) { s.sattr("data-id", id) }

// escape writes x as XML character data (valid in attributes too, since
// quotes are escaped); invalid UTF-8 becomes U+FFFD.
//
// It writes what encoding/xml's EscapeText writes; that package would add
// about a megabyte to the wasm for this one function.
func (s *svgWriter) escape(x string) {
	for _, r := range x { // invalid UTF-8 ranges as U+FFFD
		switch r {
		case '"':
			s.str("&#34;")
		case '\'':
			s.str("&#39;")
		case '&':
			s.str("&amp;")
		case '<':
			s.str("&lt;")
		case '>':
			s.str("&gt;")
		case '\t':
			s.str("&#x9;")
		case '\n':
			s.str("&#xA;")
		case '\r':
			s.str("&#xD;")
		default:
			if !xmlChar(r) {
				r = '\uFFFD'
			}
			s.b.WriteRune(r)
		}
	}
}

// xmlChar reports whether r may appear in an XML document (the Char
// production of XML 1.0).
func xmlChar(r rune) bool {
	return r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

func (s *svgWriter) color(name string, c Color) {
	const hex = "0123456789abcdef"
	rgb := c.RGBA()
	s.str(" " + name + `="#`)
	for _, v := range [3]uint8{rgb.R, rgb.G, rgb.B} {
		s.b.WriteByte(hex[v>>4])
		s.b.WriteByte(hex[v&15])
	}
	s.str(`"`)
}

func (s *svgWriter) points(pts [][2]float64) {
	s.str(` points="`)
	for i, p := range pts {
		if i > 0 {
			s.str(" ")
		}
		s.num(p[0])
		s.str(",")
		s.num(p[1])
	}
	s.str(`"`)
}
