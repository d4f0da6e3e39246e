package cnn

import (
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/aimath/playground/core/conv"
	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
)

func TestParseKernel(t *testing.T) {
	for i, tc := range []struct {
		in      string
		want    [][]float64
		errPart string
	}{
		{"sobel-x", [][]float64{{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}}, ""},
		{" 1, 0,-1; 2,0,-2 ;1,0,-1 ", [][]float64{{1, 0, -1}, {2, 0, -2}, {1, 0, -1}}, ""},
		{"2.5", [][]float64{{2.5}}, ""},
		{"1,2;3,4;", [][]float64{{1, 2}, {3, 4}}, ""},
		{"1e2,0;0,-100", [][]float64{{100, 0}, {0, -100}}, ""},
		{"", nil, "empty kernel"},
		{"sobel", nil, "unknown kernel"},
		{"1,2;3", nil, "row 2 has 1 numbers"},
		{"1,2,3", nil, "row 1 has 3 numbers"},
		{"1,x;3,4", nil, `row 1, column 2: "x" is not a number`},
		{"1,NaN;3,4", nil, "not a number"},
		{"1,Inf;3,4", nil, "not a number"},
		{"101", nil, "outside"},
		{strings.Repeat("1,1,1,1,1,1,1,1;", 8), nil, "8 rows: at most 7"},
	} {
		got, err := parseKernel(tc.in)
		if tc.errPart != "" {
			if err == nil || !strings.Contains(err.Error(), tc.errPart) {
				t.Errorf("%d: parseKernel(%q) error = %v, want one containing %q", i, tc.in, err, tc.errPart)
			}
			continue
		}
		if err != nil || !sameRows(got, tc.want) {
			t.Errorf("%d: parseKernel(%q) = %v, %v; want %v", i, tc.in, got, err, tc.want)
		}
		if back, err := parseKernel(formatKernel(got)); err != nil || !sameRows(back, got) {
			t.Errorf("%d: formatKernel(%v) = %q does not parse back (%v, %v)", i, got, formatKernel(got), back, err)
		}
	}
	// Every preset is a valid kernel value.
	for _, p := range presets() {
		if err := checkKernel(p.Name); err != nil {
			t.Errorf("checkKernel(%q) = %v", p.Name, err)
		}
	}
}

func sameRows(a, b [][]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if a[i][j] != b[i][j] {
				return false
			}
		}
	}
	return true
}

func TestDrawingRoundTrip(t *testing.T) {
	blank := decodeDrawing("")
	if encodeDrawing(blank) != "" {
		t.Errorf("encodeDrawing(blank) = %q, want empty", encodeDrawing(blank))
	}
	d := decodeDrawing("")
	for i := range d.Data {
		d.Data[i] = float64(i%16) / drawLevels
	}
	s := encodeDrawing(d)
	if len(s) > drawingMaxLen || checkDrawing(s) != nil {
		t.Fatalf("encodeDrawing gives %d characters (max %d), check %v", len(s), drawingMaxLen, checkDrawing(s))
	}
	back := decodeDrawing(s)
	for i := range d.Data {
		if back.Data[i] != d.Data[i] {
			t.Fatalf("pixel %d: %v after a round trip, want %v", i, back.Data[i], d.Data[i])
		}
	}
	for _, bad := range []string{"abc", "!!!!", s[:len(s)-4]} {
		if checkDrawing(bad) == nil {
			t.Errorf("checkDrawing(%q) = nil, want an error", bad)
		}
	}
}

func TestPaint(t *testing.T) {
	v := param.New(Info.Params)
	var in input
	// A stroke at the centre of the 28×28 canvas (world y grows upwards).
	centre := lesson.Pointer{Phase: lesson.Down, Panel: panelInput, At: figure.Vec{X: 14, Y: 14}}
	if !in.paint(centre, v) {
		t.Fatal("paint on a blank canvas changed nothing")
	}
	d := decodeDrawing(v.String(pDrawing))
	if d.At(0, 13, 13) != 1 || d.At(0, 13, 14) != 1 || d.At(0, 0, 0) != 0 {
		t.Errorf("after one dab: centre %v %v, corner %v; want 1, 1, 0", d.At(0, 13, 13), d.At(0, 13, 14), d.At(0, 0, 0))
	}
	if in.paint(centre, v) {
		t.Error("painting the same dab again reported a change")
	}
	// The top-left pixel is row 0, column 0: world (0.5, 27.5).
	in.paint(lesson.Pointer{Phase: lesson.Down, At: figure.Vec{X: 0.5, Y: 27.5}}, v)
	if d := decodeDrawing(v.String(pDrawing)); d.At(0, 0, 0) != 1 {
		t.Errorf("a dab at world (0.5, 27.5) left row 0, column 0 at %v", d.At(0, 0, 0))
	}
	// The secondary button erases.
	in.paint(lesson.Pointer{Phase: lesson.Down, At: figure.Vec{X: 14, Y: 14}, Button: 2}, v)
	if d := decodeDrawing(v.String(pDrawing)); d.At(0, 13, 13) != 0 {
		t.Errorf("erasing left %v", d.At(0, 13, 13))
	}
	// Far outside the canvas nothing happens.
	if in.paint(lesson.Pointer{Phase: lesson.Down, At: figure.Vec{X: -50, Y: 90}}, v) {
		t.Error("a dab outside the canvas changed it")
	}
}

func TestFromImage(t *testing.T) {
	// A 40×20 image: left half red, right half transparent (over white).
	const w, h = 40, 20
	pix := make([]byte, 4*w*h)
	for y := range h {
		for x := range w {
			o := 4 * (y*w + x)
			if x < w/2 {
				pix[o], pix[o+3] = 255, 255
			}
		}
	}
	got := fromImage(&lesson.Image{W: w, H: h, Pix: pix}, 10)
	if got.C != 3 || got.W != 10 || got.H != 5 {
		t.Fatalf("fromImage(40×20, 10) is %d×%d×%d, want 3×5×10", got.C, got.H, got.W)
	}
	for _, tc := range []struct {
		x       int
		r, g, b float64
	}{{0, 1, 0, 0}, {9, 1, 1, 1}} {
		rgb := [3]float64{got.At(0, 2, tc.x), got.At(1, 2, tc.x), got.At(2, 2, tc.x)}
		if !scalar.EqualWithinAbs(rgb[0], tc.r, 1e-9) || !scalar.EqualWithinAbs(rgb[1], tc.g, 1e-9) || !scalar.EqualWithinAbs(rgb[2], tc.b, 1e-9) {
			t.Errorf("pixel (2, %d) = %v, want (%v, %v, %v)", tc.x, rgb, tc.r, tc.g, tc.b)
		}
	}
	// Small images are not enlarged.
	if small := fromImage(&lesson.Image{W: 3, H: 2, Pix: make([]byte, 24)}, 30); small.W != 3 || small.H != 2 {
		t.Errorf("fromImage(3×2, 30) is %d×%d, want 3×2", small.H, small.W)
	}
	// Luma, Rec. 601: 0.299 R + 0.587 G + 0.114 B.
	if g := luma(got); !scalar.EqualWithinAbs(g.At(0, 2, 0), 0.299, 1e-12) || !scalar.EqualWithinAbs(g.At(0, 2, 9), 1, 1e-12) {
		t.Errorf("luma = %v, %v; want 0.299, 1", g.At(0, 2, 0), g.At(0, 2, 9))
	}
}

func TestLessonInputs(t *testing.T) {
	r := lesson.NewRunner([]lesson.Info{Info})
	if _, err := r.Open("cnn", "image=upload"); err != nil {
		t.Fatal(err)
	}
	if ros := lessontest.Readouts(t, r); ros["note"] != "no_upload" {
		t.Errorf("image=upload before an upload: note = %v, want no_upload", ros["note"])
	}
	pix := make([]byte, 4*300*150)
	for i := range pix {
		pix[i] = 200
	}
	if err := r.Upload(lesson.Image{W: 300, H: 150, Pix: pix}, true); err != nil {
		t.Fatal(err)
	}
	if _, _, err := r.Set(pSize, 256.0); err != nil {
		t.Fatal(err)
	}
	ros := lessontest.Readouts(t, r)
	if ros["in_h"] != 128.0 || ros["in_w"] != 256.0 || ros["note"] != nil {
		t.Errorf("after a 300×150 upload at size 256: in %v×%v, note %v; want 128×256 and no note", ros["in_h"], ros["in_w"], ros["note"])
	}
	// Entering the channels view with a gray image loads the colour one;
	// the weights matrix follows the number of kernels.
	if _, _, err := r.Set(pImage, "digit"); err != nil {
		t.Fatal(err)
	}
	r.Set(pKernels, 3.0)
	r.Set(pView, viewChannels)
	v, _ := r.Values()
	if v.String(pImage) != "color" || len(v.Matrix(pWeights)) != 3 {
		t.Errorf("channels view: image %q, %d weight rows; want color and 3", v.String(pImage), len(v.Matrix(pWeights)))
	}
	// A URL that asks for a gray image in the channels view is obeyed,
	// but the default image gives way to the colour one.
	r.Open("cnn", "view=channels&image=circle")
	if v, _ := r.Values(); v.String(pImage) != "circle" {
		t.Errorf("view=channels&image=circle opened with image %q", v.String(pImage))
	}
	r.Open("cnn", "view=channels")
	if v, _ := r.Values(); v.String(pImage) != "color" {
		t.Errorf("view=channels opened with image %q, want color", v.String(pImage))
	}
	// "clear" empties the drawing and shows it.
	r.Open("cnn", "image=digit&drawing="+encodeDrawing(filled()))
	if err := r.Act(actClear); err != nil {
		t.Fatal(err)
	}
	if v, _ := r.Values(); v.String(pDrawing) != "" || v.String(pImage) != imageDraw {
		t.Errorf("after clear: drawing %q, image %q", v.String(pDrawing), v.String(pImage))
	}
	// Painting on the input panel of the drawing.
	r.Pointer(lesson.Pointer{Phase: lesson.Down, Panel: panelInput, At: figure.Vec{X: 10, Y: 10}})
	r.Pointer(lesson.Pointer{Phase: lesson.Move, Held: true, Panel: panelInput, At: figure.Vec{X: 18, Y: 12}})
	if v, _ := r.Values(); v.String(pDrawing) == "" {
		t.Error("dragging on the drawing painted nothing")
	}
	// Bad kernels are refused and keep the old value.
	if _, _, err := r.Set(pKernel, "1,2;3"); err == nil {
		t.Error("Set(kernel, 1,2;3) = nil, want an error")
	}
	if v, _ := r.Values(); v.String(pKernel) != "sobel-x" {
		t.Errorf("kernel = %q after a refused value", v.String(pKernel))
	}
}

func filled() *conv.Tensor {
	d := decodeDrawing("")
	for i := range d.Data {
		d.Data[i] = 1
	}
	return d
}
