package main

import (
	"bytes"
	"flag"
	"fmt"
	"image/color"
	"log"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/nn"
)

// Picture geometry: a side×side picture, the square [−Radius, Radius]²
// mapped into it with margin pixels around.
const (
	side   = 64
	margin = 3
	dotR   = 2
	points = 200 // enough to show a set's shape, few enough for a small file
	seed   = 1   // the lesson's default seed
)

// custom is the name of the picture of the student's own points, which
// has no generator in core/nn.
const custom = "custom"

// names returns the names of every picture, in the order of the lesson's
// dataset choices.
func names() []string { return append(nn.DatasetNames(), custom) }

// fileName is the file of the picture of data set name.
func fileName(name string) string { return "dataset-" + name + ".svg" }

func main() {
	dir := flag.String("dir", filepath.Join("web", "img"), "folder to write the pictures to")
	flag.Parse()
	if err := write(*dir); err != nil {
		log.Fatal(err)
	}
}

// write writes every picture into dir.
func write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, name := range names() {
		b, err := render(name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, fileName(name)), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// render returns the SVG picture of data set name.
func render(name string) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d">`+"\n", side, side, side, side)
	fmt.Fprintf(&b, `<rect x="0.5" y="0.5" width="%d" height="%d" rx="4" fill="#ffffff" stroke="%s"/>`+"\n", side-1, side-1, hex(figure.Grid.RGBA()))
	if name == custom {
		writeCustom(&b)
	} else {
		d, err := nn.Dataset(name, points, 0, seed)
		if err != nil {
			return nil, err
		}
		writeData(&b, d)
	}
	b.WriteString("</svg>\n")
	return b.Bytes(), nil
}

// classColors are the colours of classes 0 … 3, as lesson nn draws them
// (trClassColors): for two classes, 0 is the label −1 (blue) and 1 the
// label +1 (orange), the ends of the figure.Diverge colormap.
var classColors = []figure.Color{figure.Blue, figure.Orange, figure.Green, figure.Purple}

func writeData(b *bytes.Buffer, d nn.Data) {
	if d.Classes == 0 {
		// Regression: orange for positive values, blue for negative, as
		// lesson nn, more opaque the larger the value relative to the
		// set's largest (so that the small bumps of reg-gauss show).
		top := 0.0
		for _, y := range d.Y {
			top = math.Max(top, math.Abs(y))
		}
		b.WriteString(`<g stroke="#ffffff" stroke-width="0.4">` + "\n")
		for i := range d.Len() {
			fill, opacity := valueFill(d.Y[i] / top)
			dot(b, d.X1[i], d.X2[i], fmt.Sprintf(`fill="%s" fill-opacity="%s"`, fill, strconv.FormatFloat(opacity, 'f', -1, 64)))
		}
		b.WriteString("</g>\n")
		return
	}
	// Classification: a group per class, drawn in class order.
	for c := range d.Classes {
		fmt.Fprintf(b, `<g fill="%s" stroke="#ffffff" stroke-width="0.4">`+"\n", hex(classColors[c].RGBA()))
		for i := range d.Len() {
			if d.Class(i) == c {
				dot(b, d.X1[i], d.X2[i], "")
			}
		}
		b.WriteString("</g>\n")
	}
}

// dot writes a point of the plane [−Radius, Radius]² (x2 up) as a circle
// with the attributes attrs (none: the group's fill).
func dot(b *bytes.Buffer, x1, x2 float64, attrs string) {
	x, y := toPicture(x1, x2)
	b.WriteString(`<circle cx="` + coord(x) + `" cy="` + coord(y) + `" r="` + coord(dotR) + `"`)
	if attrs != "" {
		b.WriteString(" " + attrs)
	}
	b.WriteString("/>\n")
}

func toPicture(x1, x2 float64) (x, y float64) {
	s := (side - 2*margin) / (2 * nn.Radius)
	return margin + (x1+nn.Radius)*s, margin + (nn.Radius-x2)*s
}

// coord writes a picture coordinate to one decimal, the picture's scale
// being far coarser than a tenth of a pixel.
func coord(x float64) string { return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64) }

// valueFill returns the fill of a regression value v ∈ [−1, 1]: orange
// for v ≥ 0, blue below, with lesson nn's opacity 0.25 + |v| (at most 1),
// to two decimals.
func valueFill(v float64) (fill string, opacity float64) {
	c := figure.Orange
	if v < 0 {
		c = figure.Blue
	}
	return hex(c.RGBA()), math.Round(math.Min(1, 0.25+math.Abs(v))*100) / 100
}

func hex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// customPoints are a few hand-placed points, as a student might draw them.
var customPoints = []struct {
	x1, x2 float64
	class  int
}{
	{-4, 3.5, 0}, {-2.6, 4.4, 0}, {-4.4, 1.6, 0}, {-1.2, 2.8, 0}, {-3, 0.4, 0},
	{2.4, -1.6, 1}, {4, -3.2, 1}, {1.4, -3.6, 1}, {3.6, -0.6, 1}, {4.6, -4.6, 1},
}

// writeCustom draws the student's own points: a few hand-placed points and
// a pencil.
func writeCustom(b *bytes.Buffer) {
	for c := range 2 {
		fmt.Fprintf(b, `<g fill="%s" stroke="#ffffff" stroke-width="0.4">`+"\n", hex(classColors[c].RGBA()))
		for _, p := range customPoints {
			if p.class == c {
				x, y := toPicture(p.x1, p.x2)
				b.WriteString(`<circle cx="` + coord(x) + `" cy="` + coord(y) + `" r="2.6"/>` + "\n")
			}
		}
		b.WriteString("</g>\n")
	}
	// A pencil from the bottom left towards the top right, tip at (14, 50):
	// body, ferrule, eraser, wood and lead, all one rotated group.
	ink := hex(figure.Ink.RGBA())
	fmt.Fprintf(b, `<g transform="rotate(-45 14 50)" stroke="%s" stroke-width="1.2" stroke-linejoin="round">`+"\n", ink)
	fmt.Fprintf(b, `<polygon points="14,50 22,46 22,54" fill="#f5deb3"/>`+"\n")
	fmt.Fprintf(b, `<polygon points="14,50 17,48.5 17,51.5" fill="%s"/>`+"\n", ink)
	fmt.Fprintf(b, `<rect x="22" y="46" width="24" height="8" fill="%s"/>`+"\n", hex(figure.Yellow.RGBA()))
	fmt.Fprintf(b, `<rect x="46" y="46" width="4" height="8" fill="%s"/>`+"\n", hex(figure.Axis.RGBA()))
	fmt.Fprintf(b, `<rect x="50" y="46" width="5" height="8" rx="1.5" fill="%s"/>`+"\n", hex(figure.Purple.RGBA()))
	b.WriteString("</g>\n")
}
