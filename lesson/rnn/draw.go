package rnn

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aimath/playground/core/figure"
)

// Figure helpers shared by the views.

const (
	charEm   = 0.58 // width of a character, in font sizes
	lineEm   = 1.4  // height of a line, in font sizes
	textPad  = 8    // margin of a text panel
	maxFont  = 13
	minFont  = 8
	logFloor = -320 // log₁₀ of zero is drawn at the bottom, at most this low
)

// Colours of the lesson: inputs Blue, outputs (the RNN's predictions)
// Orange, targets and the truth Green, the AR model Purple, gradients and
// warnings Vermillion, the recurrent weight W_h Sky.
const (
	colX    = figure.Blue
	colY    = figure.Orange
	colTrue = figure.Green
	colAR   = figure.Purple
	colGrad = figure.Vermillion
	colWh   = figure.Sky
)

// split cuts r in two at frac of its width (row) or height (column).
func split(r figure.Rect, frac float64, row bool) (a, b figure.Rect) {
	a, b = r, r
	if row {
		x := math.Round(r.X0 + frac*r.W())
		a.X1, b.X0 = x-figure.PanelGap/2, x+figure.PanelGap/2
	} else {
		y := math.Round(r.Y0 + frac*r.H())
		a.Y1, b.Y0 = y-figure.PanelGap/2, y+figure.PanelGap/2
	}
	return a, b
}

// plotFrame insets a cell for a panel with axes: room for tick labels,
// axis labels and the title.
func plotFrame(r figure.Rect) figure.Rect {
	return figure.Inset(r, figure.MarginLeft, figure.MarginTop, figure.MarginRight, figure.MarginBottom)
}

// textFrame insets a cell for a panel of text or boxes.
func textFrame(r figure.Rect) figure.Rect { return figure.Inset(r, textPad, textPad, textPad, textPad) }

// pixelWorld is a world rectangle in which one unit is one pixel of f,
// with the origin at its bottom left.
func pixelWorld(f figure.Rect) figure.Rect { return figure.Rect{X1: f.W(), Y1: f.H()} }

// digits writes n ≥ 0 with the given ten digit runes (sub- or
// superscripts).
func digits(n int, set string) string {
	ds := []rune(set)
	var b strings.Builder
	for _, c := range strconv.Itoa(n) {
		b.WriteRune(ds[c-'0'])
	}
	return b.String()
}

const (
	subDigits = "₀₁₂₃₄₅₆₇₈₉"
	supDigits = "⁰¹²³⁴⁵⁶⁷⁸⁹"
)

func sub(n int) string { return digits(n, subDigits) }
func sup(n int) string { return digits(n, supDigits) }

// fitFont returns the font size at which the longest line fits in w
// pixels, between minFont and top.
func fitFont(lines []string, w, top float64) float64 {
	n := 1
	for _, l := range lines {
		n = max(n, utf8.RuneCountInString(l))
	}
	return math.Max(minFont, math.Min(top, w/(charEm*float64(n))))
}

// line is a line of text with its colour.
type line struct {
	s     string
	c     figure.Color
	bold  bool
	space float64 // extra room above, in lines
	prio  int     // lines of the highest prio are left out first when room is short
}

// readableFont: a text block leaves lines out rather than shrink below it.
const readableFont = 10

// textBlock writes lines from the top left of a panel of pixel world
// size w×h, in the largest font (up to maxFont) at which they fit,
// leaving out the lines of the highest prio while that font would be
// smaller than readableFont.
func textBlock(lines []line, w, h float64) []figure.Item {
	var size float64
	for {
		strs := make([]string, len(lines))
		gaps, worst := 0.0, 0
		for i, l := range lines {
			strs[i] = l.s
			gaps += l.space
			worst = max(worst, l.prio)
		}
		size = fitFont(strs, w, maxFont)
		if rows := float64(len(lines)) + gaps; rows*lineEm*size > h {
			size = math.Max(minFont, h/(rows*lineEm))
		}
		if size >= readableFont || worst == 0 {
			break
		}
		kept := lines[:0:0]
		for _, l := range lines {
			if l.prio < worst {
				kept = append(kept, l)
			}
		}
		lines = kept
	}
	items := make([]figure.Item, 0, len(lines))
	y := 0.0
	for _, l := range lines {
		y += l.space * lineEm * size
		items = append(items, figure.Text{At: figure.Vec{X: 0, Y: h}, S: l.s, Size: size, Bold: l.bold,
			Anchor: figure.Left | figure.Top, DY: y, Color: l.c})
		y += lineEm * size
	}
	return items
}

// log10 is the log of x for a log axis, with 0 (and underflow) at
// logFloor.
func log10(x float64) float64 {
	if !(x > 0) {
		return logFloor
	}
	return math.Max(logFloor, math.Log10(x))
}

// logRange returns the range of log₁₀ of the positive, finite values in
// xs (−1 … 1 when there are none), padded by 6 %, with at least one
// decade.
func logRange(xs ...[]float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, s := range xs {
		for _, x := range s {
			if x > 0 && !math.IsInf(x, 0) {
				lx := log10(x)
				lo, hi = math.Min(lo, lx), math.Max(hi, lx)
			}
		}
	}
	if lo > hi {
		return -1, 1
	}
	if hi-lo < 1 {
		mid := (lo + hi) / 2
		lo, hi = mid-0.5, mid+0.5
	}
	pad := 0.06 * (hi - lo)
	return lo - pad, hi + pad
}

// Corners of a panel, for legends.
const (
	topRight = iota
	topLeft
	bottomRight
	bottomLeft
)

// legendLine is the height of a legend's line, in pixels.
const legendLine = 15

// legend writes labels in their colours in a corner of a panel whose
// visible world is w, one under the other.
func legend(w figure.Rect, corner int, labels []string, colors []figure.Color) []figure.Item {
	at := figure.Vec{X: w.X1, Y: w.Y1}
	anchor, dx := figure.Right|figure.Top, -6.0
	if corner == topLeft || corner == bottomLeft {
		at.X, anchor, dx = w.X0, figure.Left|figure.Top, 6
	}
	dy := 4.0
	if corner == bottomRight || corner == bottomLeft {
		at.Y = w.Y0
		dy = -4 - legendLine*float64(len(labels))
	}
	items := make([]figure.Item, len(labels))
	for i, s := range labels {
		items[i] = figure.Text{At: at, S: s, Size: 11, Bold: true, Anchor: anchor, DX: dx, DY: dy + legendLine*float64(i), Color: colors[i]}
	}
	return items
}

// headroom returns the top of a y range [lo, hi] raised so that n legend
// lines fit above the data in a frame h pixels high.
func headroom(lo, hi, h float64, n int) float64 {
	f := math.Min(0.45, (legendLine*float64(n)+6)/math.Max(h, 1))
	return hi + f/(1-f)*(hi-lo)
}

// polyline is a path through pts, skipping none.
func polyline(pts []figure.Vec, c figure.Color, width float64, dash bool) figure.Path {
	return figure.Path{Pts: pts, Style: figure.Style{Stroke: c, Width: width, Dash: dash}}
}

// dots are small filled points.
func dots(pts []figure.Vec, c figure.Color, size float64) []figure.Item {
	items := make([]figure.Item, len(pts))
	for i, p := range pts {
		items[i] = figure.Point{P: p, Size: size, Style: figure.Style{Fill: c, FillAlpha: 1}}
	}
	return items
}

// clampY keeps plotted values inside a band around the world's y range,
// so that a huge value draws as a line leaving the frame, not as a
// coordinate the renderers cannot handle.
func clampY(y, lo, hi float64) float64 {
	span := hi - lo
	if math.IsNaN(y) {
		return lo - span
	}
	return math.Max(lo-span, math.Min(hi+span, y))
}

// boxNum writes a value inside a small box: two decimals below 10, whole
// numbers below 1000, else a one-digit mantissa and exponent.
func boxNum(x float64) string {
	a := math.Abs(x)
	var s string
	switch {
	case math.IsNaN(x):
		return "?"
	case math.IsInf(x, 0):
		s = "∞"
	case a < 9.995:
		s = strconv.FormatFloat(a, 'f', 2, 64)
	case a < 999.5:
		s = strconv.FormatFloat(a, 'f', 0, 64)
	default:
		s = expForm(strconv.FormatFloat(a, 'e', 0, 64))
	}
	if x < 0 && s != "0.00" {
		return "−" + s
	}
	return s
}

// sig2 writes a non-negative magnitude with two significant digits:
// 0.031, 5.3, 534, 3.1e−5.
func sig2(a float64) string {
	switch {
	case math.IsNaN(a):
		return "?"
	case math.IsInf(a, 0):
		return "∞"
	case a == 0:
		return "0"
	case a < 0.01 || a >= 1e4:
		return expForm(strconv.FormatFloat(a, 'e', 1, 64))
	case a >= 100:
		return strconv.FormatFloat(a, 'f', 0, 64)
	}
	return strconv.FormatFloat(a, 'g', 2, 64)
}

// expForm turns Go's "3.1e-05" into "3.1e−5".
func expForm(s string) string {
	m, e, _ := strings.Cut(s, "e")
	k, _ := strconv.Atoi(e)
	if k < 0 {
		return m + "e−" + strconv.Itoa(-k)
	}
	return m + "e" + strconv.Itoa(k)
}
