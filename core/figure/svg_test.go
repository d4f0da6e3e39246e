package figure

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"flag"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// basicFigure uses every item type, on two panels laid out for a laptop.
func basicFigure() *Figure {
	frames := Layout(800, 500, 2)
	var curve []Vec
	for x := -3.0; x <= 3; x += 0.25 {
		curve = append(curve, Vec{x, x*x/2 - 2})
	}
	values := []float64{0, 0.5, 1, 1.5, 2, 2.5, 3, math.NaN()} // 4×2, the last cell NaN
	rgba := []byte{
		0xff, 0, 0, 0xff, 0, 0xff, 0, 0xff,
		0, 0, 0xff, 0xff, 0x80, 0x80, 0x80, 0x80, // premultiplied half-transparent gray
	}
	v, w := Vec{2, 1}, Vec{-1, 2}
	return &Figure{W: 800, H: 500, Panels: []*Panel{
		{ID: "vectors", Frame: frames[0], World: Rect{-3, -3, 3, 3}, Equal: true, Title: "v + w",
			Axes: Axes{Grid: true, Lines: true, Ticks: true, Box: true, XLabel: "x", YLabel: "y"},
			Items: []Item{
				Box{ID: "sel", R: Rect{0.5, -2.5, 1.5, -1.5}, Style: Style{Fill: Yellow, FillAlpha: 0.4, Stroke: Orange, Width: 1}},
				Path{ID: "curve", Pts: curve, Style: Style{Stroke: Blue, Width: 2}},
				Path{ID: "tri", Closed: true, Pts: []Vec{{-2.5, -2.5}, {-1, -2.5}, {-1.75, -1}},
					Style: Style{Fill: Green, FillAlpha: 0.2, Stroke: Green, Width: 1.5, Dash: true, Alpha: 0.8}},
				Path{Pts: []Vec{{1, -1}, {1.5, -1}, {math.NaN(), 0}, {2, -1}, {2.5, -0.5}}, Style: Style{Stroke: Purple, Width: 1}},
				Circle{ID: "unit", R: 1, Style: Style{Stroke: Muted, Width: 1, Dash: true}},
				Arrow{ID: "v", To: v, Style: Style{Stroke: Blue, Width: 2}},
				Arrow{ID: "w", To: w, Head: 14, Style: Style{Stroke: Vermillion, Width: 2, Alpha: 0.7}},
				Arc{RPx: 24, A0: math.Atan2(v.Y, v.X), A1: math.Atan2(w.Y, w.X),
					Style: Style{Stroke: Ink, Width: 1, Fill: Purple, FillAlpha: 0.25}},
				Point{ID: "handle", P: v, Size: 6, Style: Style{Fill: Blue, FillAlpha: 1, Stroke: Paper, Width: 2}},
				Text{At: v, S: "v & <w>", DX: 8, DY: -8, Anchor: Left | Bottom, Color: Blue, Bold: true},
				Text{At: w, S: "w", DX: -10, Anchor: Center | Middle, Size: 15, Color: Vermillion},
				Text{At: Vec{0, -2.8}, S: "θ", Anchor: Right | Top},
				Point{P: Vec{math.Inf(1), 0}, Style: Style{Fill: Ink, FillAlpha: 1}}, // left out
			}},
		{ID: "loss", Frame: frames[1], World: Rect{-2, -1, 2, 1}, Title: "L(w)",
			Axes: Axes{Ticks: true, Box: true, XLabel: "w1"},
			Items: []Item{
				Raster{ID: "heat", Key: "1", R: Rect{-2, -1, 2, 1}, W: 4, H: 2, Values: values, Min: 0, Max: 3, Map: Viridis},
				Raster{Key: "2", R: Rect{0.5, 0.25, 1.5, 0.75}, W: 2, H: 2, RGBA: rgba, Smooth: true},
				Circle{ID: "ellipse", R: 0.5, Style: Style{Stroke: Ink, Width: 1}},
				&Point{ID: `a&b"`, P: Vec{-1, 0.5}, Style: Style{Fill: Orange, FillAlpha: 1}},
			}},
	}}
}

func TestWriteSVGGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteSVG(&buf, basicFigure()); err != nil {
		t.Fatalf("WriteSVG: %v", err)
	}
	got := buf.Bytes()
	path := filepath.Join("testdata", "basic.svg")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("WriteSVG differs from %s (run go test -update and look at the diff):\n%s", path, firstDiff(got, want))
	}
	var again bytes.Buffer
	if err := WriteSVG(&again, basicFigure()); err != nil || !bytes.Equal(again.Bytes(), got) {
		t.Errorf("WriteSVG twice gave different bytes")
	}
}

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return "line " + strconv.Itoa(i+1) + ":\n got  " + la[i] + "\n want " + lb[i]
		}
	}
	return "lengths differ: " + strconv.Itoa(len(la)) + " and " + strconv.Itoa(len(lb)) + " lines"
}

func TestWriteSVGWellFormed(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteSVG(&buf, basicFigure()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	// Every byte parses as XML.
	d := xml.NewDecoder(strings.NewReader(out))
	var texts []string
	inText := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "text"
		case xml.CharData:
			if inText {
				texts = append(texts, string(tok))
			}
		case xml.EndElement:
			inText = false
		}
	}
	for _, want := range []string{"v & <w>", "w", "θ", "v + w", "L(w)", "x", "y", "w1", "-3", "0", "3"} {
		if !slices.Contains(texts, want) {
			t.Errorf("the SVG's texts %q lack %q", texts, want)
		}
	}
	for _, want := range []string{
		`<rect width="800" height="500" fill="#ffffff"/>`,
		`<clipPath id="clip0"><rect x="44" y="26" width="340" height="440"/></clipPath>`,
		`<g clip-path="url(#clip1)">`,
		`stroke-dasharray="6 4"`,
		`stroke-opacity="0.7"`,
		`fill="#009e73" fill-opacity="0.2"`,
		`data-id="a&amp;b&#34;"`,
		`<ellipse data-id="ellipse"`,
		`<circle data-id="unit"`,
		`font-family="Go, sans-serif"`,
		`text-anchor="middle" dominant-baseline="central"`,
		`text-anchor="end" dominant-baseline="hanging"`,
		`text-anchor="start" dominant-baseline="alphabetic" font-weight="bold"`,
		`preserveAspectRatio="none" image-rendering="pixelated" xlink:href="data:image/png;base64,`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the SVG lacks %s", want)
		}
	}
	if n := strings.Count(out, "image-rendering"); n != 1 {
		t.Errorf("image-rendering appears %d times, want once (the smooth raster has none)", n)
	}
	if strings.Contains(out, "NaN") || strings.Contains(out, "Inf") {
		t.Errorf("the SVG contains a non-finite number")
	}
	// The NaN splits the purple path in two.
	if n := strings.Count(out, `stroke="#cc79a7"`); n != 2 {
		t.Errorf("the path with a NaN gives %d polylines, want 2", n)
	}
}

// TestWriteSVGRaster decodes the PNG of the value raster: its cells take
// the colormap's colours, row 0 at the top.
func TestWriteSVGRaster(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteSVG(&buf, basicFigure()); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`data-id="heat"[^>]*base64,([^"]*)"`).FindStringSubmatch(buf.String())
	if m == nil {
		t.Fatal("no image for the raster heat")
	}
	data, err := base64.StdEncoding.DecodeString(m[1])
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 4 || b.Dy() != 2 {
		t.Fatalf("raster image is %v, want 4×2", b)
	}
	for _, tc := range []struct {
		i, j int
		t    float64
	}{{0, 0, 0}, {2, 0, 1.0 / 3}, {0, 1, 2.0 / 3}, {2, 1, 1}, {3, 1, math.NaN()}} {
		r, g, b, _ := img.At(tc.i, tc.j).RGBA()
		want := Viridis.At(tc.t)
		if got := (color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff}); !near(got, want, 1) {
			t.Errorf("cell (%d, %d) = %v, want %v", tc.i, tc.j, got, want)
		}
	}
}

func TestWriteSVGErrors(t *testing.T) {
	if err := WriteSVG(io.Discard, nil); err == nil {
		t.Errorf("WriteSVG(nil Figure) = nil, want an error")
	}
	errBroken := errors.New("broken")
	if err := WriteSVG(failWriter{errBroken}, basicFigure()); !errors.Is(err, errBroken) {
		t.Errorf("WriteSVG to a failing writer = %v, want %v", err, errBroken)
	}
}

// TestWriteSVGDegenerate checks that broken input still gives a valid
// document: an empty figure, nil panels and items, bad rasters.
func TestWriteSVGDegenerate(t *testing.T) {
	f := &Figure{W: math.NaN(), H: 100, Panels: []*Panel{nil, {Frame: Rect{0, 0, 50, 50}, World: Rect{0, 0, 1, 1},
		Items: []Item{nil, (*Box)(nil),
			Raster{R: Rect{0, 0, 1, 1}, W: 3, H: 3, Values: []float64{1}}, // too few values
			Raster{R: Rect{0, 0, 1, 1}, W: -1, H: 3},
			Raster{R: Rect{0, 0, 1, 1}, W: 1 << 20, H: 1 << 20, Values: []float64{1}},
			Circle{C: Vec{0.5, 0.5}, R: math.Inf(1)},
			Box{R: Rect{math.Inf(-1), 0, math.Inf(1), 0.5}, Style: Style{Fill: Sky, FillAlpha: 1}},
			Text{At: Vec{0.5, 0.5}, S: "bad\xffutf8 \x01"},
			Arc{RPx: 10, A0: 0, A1: 1},
		}}}}
	var buf bytes.Buffer
	if err := WriteSVG(&buf, f); err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(bytes.NewReader(buf.Bytes()))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
	}
	out := buf.String()
	if strings.Contains(out, "<image") || strings.Contains(out, "NaN") || strings.Contains(out, "Inf") {
		t.Errorf("degenerate figure gave:\n%s", out)
	}
	// The infinite box is cut to the guard box, 1000 px around the frame.
	if !strings.Contains(out, `<rect x="-1000" y="25" width="2050" height="25" fill="#56b4e9"/>`) {
		t.Errorf("the infinite box is not cut to the guard box:\n%s", out)
	}
}

type failWriter struct{ err error }

func (w failWriter) Write([]byte) (int, error) { return 0, w.err }

// TestEscapeMatchesXML checks the writer's escaping against encoding/xml.
func TestEscapeMatchesXML(t *testing.T) {
	for _, in := range []string{"plain", `a<b>&"c'`, "tab\tnl\nret\r", "nul\x00bell\x07", "bad\xffutf8", "θ = 45°", "\uFFFE\U0001F600"} {
		var want bytes.Buffer
		_ = xml.EscapeText(&want, []byte(in))
		var s svgWriter
		s.escape(in)
		if got := s.b.String(); got != want.String() {
			t.Errorf("escape(%q) = %q, want %q", in, got, want.String())
		}
	}
}
