package cnn

import (
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"math"
	"strconv"
	"strings"

	"golang.org/x/image/draw"

	"github.com/aimath/playground/core/conv"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// input is what every view shares: the image as loaded, its gray version,
// the chosen kernel and the settings, rebuilt on every Reset.
type input struct {
	x      *conv.Tensor // the image: 1 channel, or 3 (red, green, blue)
	gray   *conv.Tensor // one channel: x itself, or its luma
	kernel [][]float64  // the kernel parameter's rows (k×k)
	target [][]float64  // the target parameter's rows (k×k)
	p      conv.Params
	bias   float64
	relu   bool
	pool   string
	poolSz int
	poolSt int
	// note is a message key for the page about the input itself (for
	// example "no_upload": image=upload before any upload); "" if none.
	note string
	// gen grows whenever x changes, for raster cache keys.
	gen int
}

// load rebuilds the input from v (and the user's upload, if any).
func (in *input) load(v *param.Values, up *lesson.Image) {
	in.gen++
	in.note = ""
	size := v.Int(pSize)
	switch name := v.String(pImage); name {
	case imageDraw:
		in.x = decodeDrawing(v.String(pDrawing))
	case imageUpload:
		if up == nil {
			in.note = "no_upload"
			in.x, _ = conv.Image("digit", size)
			break
		}
		in.x = fromImage(up, size)
	default:
		var err error
		if in.x, err = conv.Image(name, size); err != nil { // cannot happen: image is a checked choice
			in.x, _ = conv.Image("digit", size)
		}
	}
	in.gray = luma(in.x)
	in.kernel, _ = parseKernel(v.String(pKernel))
	in.target, _ = parseKernel(v.String(pTarget))
	in.p = conv.Params{Pad: v.Int(pPadding), Stride: v.Int(pStride), Dilation: v.Int(pDilation)}
	in.bias = v.Float(pBias)
	in.relu = v.Bool(pReLU)
	in.pool = v.String(pPool)
	in.poolSz = v.Int(pPoolSize)
	in.poolSt = v.Int(pPoolStride)
}

// kernelTensor returns rows as a 1×k×k kernel.
func kernelTensor(rows [][]float64) *conv.Tensor { return conv.FromRows(rows) }

// luma returns a one-channel tensor: x itself if it has one channel, else
// the Rec. 601 luma 0.299 R + 0.587 G + 0.114 B.
func luma(x *conv.Tensor) *conv.Tensor {
	if x.C == 1 {
		return x
	}
	g := conv.New(1, x.H, x.W)
	r, gr, b := x.Channel(0), x.Channel(1), x.Channel(2)
	for i := range g.Data {
		g.Data[i] = 0.299*r[i] + 0.587*gr[i] + 0.114*b[i]
	}
	return g
}

// fromImage scales the user's image so that its longer side is at most
// size pixels (never enlarging it), over white where it is transparent,
// and returns its three colour channels in [0, 1].
func fromImage(up *lesson.Image, size int) *conv.Tensor {
	src := &image.NRGBA{Pix: up.Pix, Stride: 4 * up.W, Rect: image.Rect(0, 0, up.W, up.H)}
	w, h := up.W, up.H
	if long := max(w, h); long > size {
		w = max(1, int(math.Round(float64(w)*float64(size)/float64(long))))
		h = max(1, int(math.Round(float64(h)*float64(size)/float64(long))))
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Over, nil)
	t := conv.New(3, h, w)
	for y := range h {
		for x := range w {
			o := dst.PixOffset(x, y)
			for c := range 3 {
				t.Data[(c*h+y)*w+x] = float64(dst.Pix[o+c]) / 255
			}
		}
	}
	return t
}

// Kernels are written as rows "a,b,c;d,e,f;g,h,i" or named by a preset.

// parseKernel returns the rows of a preset name or of a typed kernel: a
// square of 1×1 to 7×7 finite numbers of size at most 100.
func parseKernel(s string) ([][]float64, error) {
	s = strings.TrimSpace(s)
	if rows, err := conv.Preset(s); err == nil {
		return rows, nil
	}
	if s == "" {
		return nil, fmt.Errorf("empty kernel: name a preset or type rows like 1,0,-1;2,0,-2;1,0,-1")
	}
	if !strings.ContainsAny(s, "0123456789") {
		return nil, fmt.Errorf("unknown kernel %q: name a preset or type rows like 1,0,-1;2,0,-2;1,0,-1", s)
	}
	lines := strings.Split(strings.TrimSuffix(s, ";"), ";")
	k := len(lines)
	if k > maxKernel {
		return nil, fmt.Errorf("kernel has %d rows: at most %d", k, maxKernel)
	}
	rows := make([][]float64, k)
	for i, line := range lines {
		cells := strings.Split(line, ",")
		if len(cells) != k {
			return nil, fmt.Errorf("row %d has %d numbers: a %d×%d kernel needs %d in every row", i+1, len(cells), k, k, k)
		}
		rows[i] = make([]float64, k)
		for j, c := range cells {
			f, err := strconv.ParseFloat(strings.TrimSpace(c), 64)
			if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
				return nil, fmt.Errorf("row %d, column %d: %q is not a number", i+1, j+1, strings.TrimSpace(c))
			}
			if math.Abs(f) > maxWeight {
				return nil, fmt.Errorf("row %d, column %d: %g is outside −%d to %d", i+1, j+1, f, maxWeight, maxWeight)
			}
			rows[i][j] = f
		}
	}
	return rows, nil
}

// checkKernel is the kernel parameters' Check.
func checkKernel(s string) error {
	_, err := parseKernel(s)
	return err
}

// formatKernel writes rows in the parameter's form.
func formatKernel(rows [][]float64) string {
	var b strings.Builder
	for i, r := range rows {
		if i > 0 {
			b.WriteByte(';')
		}
		for j, x := range r {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
		}
	}
	return b.String()
}

// The drawing is drawSide×drawSide gray levels 0..15, two pixels a byte,
// in URL-safe base64 without padding ("" is a blank canvas): 524
// characters, so a drawing travels in the URL.
const (
	drawSide      = 28 // MNIST's digits are 28×28
	drawLevels    = 15
	drawBytes     = drawSide * drawSide / 2
	drawingMaxLen = (drawBytes*8 + 5) / 6
	brushRadius   = 1.6 // pixels
)

func decodeDrawing(s string) *conv.Tensor {
	t := conv.New(1, drawSide, drawSide)
	if s == "" {
		return t
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) != drawBytes {
		return t // cannot happen: the parameter is checked
	}
	for i, x := range b {
		t.Data[2*i] = float64(x>>4) / drawLevels
		t.Data[2*i+1] = float64(x&15) / drawLevels
	}
	return t
}

func encodeDrawing(t *conv.Tensor) string {
	b := make([]byte, drawBytes)
	blank := true
	for i := range b {
		hi := byte(math.Round(t.Data[2*i] * drawLevels))
		lo := byte(math.Round(t.Data[2*i+1] * drawLevels))
		b[i] = hi<<4 | lo
		blank = blank && b[i] == 0
	}
	if blank {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func checkDrawing(s string) error {
	if s == "" {
		return nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) != drawBytes {
		return fmt.Errorf("not a %d×%d drawing", drawSide, drawSide)
	}
	return nil
}

// paint applies the brush at the pointer (the secondary button erases) to
// the drawing in v. It reports whether any pixel changed. The input panel
// must show the drawing with world coordinates in pixels (see cellAt).
func (in *input) paint(p lesson.Pointer, v *param.Values) bool {
	t := decodeDrawing(v.String(pDrawing))
	cx, cy := p.At.X, float64(drawSide)-p.At.Y // column and row, fractional
	changed := false
	for r := max(0, int(cy-brushRadius-1)); r < min(drawSide, int(cy+brushRadius+2)); r++ {
		for c := max(0, int(cx-brushRadius-1)); c < min(drawSide, int(cx+brushRadius+2)); c++ {
			d := math.Hypot(float64(c)+0.5-cx, float64(r)+0.5-cy)
			ink := math.Min(1, math.Max(0, brushRadius+0.5-d)) // soft edge one pixel wide
			if ink <= 0 {
				continue
			}
			old := t.Data[r*drawSide+c]
			nv := math.Max(old, ink)
			if p.Button == 2 {
				nv = math.Min(old, 1-ink)
			}
			nv = math.Round(nv*drawLevels) / drawLevels
			if nv != old {
				t.Data[r*drawSide+c] = nv
				changed = true
			}
		}
	}
	if changed {
		v.Set(pDrawing, encodeDrawing(t))
	}
	return changed
}
