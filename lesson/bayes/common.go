package bayes

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/lesson"
)

// num is lesson.Value: a number, or a key for NaN and infinities.
func num(name string, x float64) lesson.Readout { return lesson.Value(name, x) }

// msg writes a message key with values: key{name=value,…}. The page
// translates "value.<key>" and fills in {name}.
func msg(key string, kv ...any) string {
	var b strings.Builder
	b.WriteString(key)
	b.WriteByte('{')
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%v=%v", kv[i], kv[i+1])
	}
	b.WriteByte('}')
	return b.String()
}

// short formats a probability or a rate for the canvas: at most four
// significant digits (figure.Num), so 0.0917431… is 0.09174.
func short(x float64) string { return figure.Num(x) }

// round3 formats a probability with at most three decimals (0.931,
// 0.5, 0.0011 keeps two significant digits), for the dense labels.
func round3(x float64) string {
	if a := math.Abs(x); a > 0 && a < 0.01 {
		return figure.Num(math.Round(x*1e4) / 1e4)
	}
	s := strconv.FormatFloat(x, 'f', 3, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return strings.Replace(s, "-", "−", 1)
}

// textWidth estimates the width in pixels of s in the canvas font at size
// px: the Go font's digits and letters are about 0.6 em wide.
func textWidth(s string, size float64) float64 {
	return 0.6 * size * float64(len([]rune(s)))
}

// fitSize is the largest font size (from lo to hi) at which every line
// fits in w pixels.
func fitSize(w, lo, hi float64, lines ...string) float64 {
	n := 1
	for _, s := range lines {
		n = max(n, len([]rune(s)))
	}
	return math.Max(lo, math.Min(hi, w/(0.6*float64(n))))
}

// pixelPanel is a panel whose world coordinates are its pixels (y up),
// for views that place their own labels.
func pixelPanel(id, title string, frame figure.Rect) *figure.Panel {
	return &figure.Panel{ID: id, Frame: frame, Title: title,
		World: figure.Rect{X0: 0, Y0: 0, X1: frame.W(), Y1: frame.H()}}
}

// tightFrames are figure.Layout's frames grown into its left, right and
// bottom margins, for panels that draw their labels inside; the top keeps
// room for the title.
func tightFrames(w, h float64, n int) []figure.Rect {
	fr := figure.Layout(w, h, n)
	for i := range fr {
		fr[i] = figure.Inset(fr[i], 6-figure.MarginLeft, 0, 4-figure.MarginRight, 4-figure.MarginBottom)
	}
	return fr
}

// splitFrames are two tightFrames; stacked (a narrow canvas), the first
// gets the share first of the height.
func splitFrames(w, h, first float64) []figure.Rect {
	fr := tightFrames(w, h, 2)
	if fr[1].Y0 <= fr[0].Y0 { // side by side
		return fr
	}
	gap := fr[1].Y0 - fr[0].Y1
	avail := fr[1].Y1 - fr[0].Y0 - gap
	fr[0].Y1 = math.Round(fr[0].Y0 + first*avail)
	fr[1].Y0 = fr[0].Y1 + gap
	return fr
}

// text is a label in a pixel panel.
func text(x, y float64, s string, size float64, anchor figure.Anchor, col figure.Color, bold bool) figure.Text {
	return figure.Text{At: figure.Vec{X: x, Y: y}, S: s, Size: size, Anchor: anchor, Color: col, Bold: bold}
}

// clamp01 clamps x to [0, 1].
func clamp01(x float64) float64 { return math.Max(0, math.Min(1, x)) }
