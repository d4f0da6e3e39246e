package cnn

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/aimath/playground/core/conv"
	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/lesson"
)

// Panel IDs shared by the views. Every view calls the panel showing the
// (gray or colour) input panelInput, with world coordinates in pixels:
// column c spans X from c to c+1 and row r (0 at the top) spans Y from
// H−r−1 to H−r (see imageWorld, cellAt, cellRect), so that the drawing
// brush and hit tests agree across views.
const (
	panelInput = "input"
)

// imageWorld is the world rectangle of an h×w map drawn as pixels.
func imageWorld(h, w int) figure.Rect {
	return figure.Rect{X0: 0, Y0: 0, X1: float64(w), Y1: float64(h)}
}

// cellRect is the world rectangle of row r, column c of an h-row map.
func cellRect(h, r, c int) figure.Rect {
	return figure.Rect{X0: float64(c), Y0: float64(h - r - 1), X1: float64(c + 1), Y1: float64(h - r)}
}

// cellAt returns the row and column of an h×w map under the world point
// at, and whether it is inside the map.
func cellAt(at figure.Vec, h, w int) (r, c int, ok bool) {
	c = int(math.Floor(at.X))
	r = h - 1 - int(math.Floor(at.Y))
	return r, c, r >= 0 && r < h && c >= 0 && c < w
}

// raster draws channel ch of t over its pixel world through a colour map;
// key must change whenever the values do.
func raster(id, key string, t *conv.Tensor, ch int, cm figure.Colormap, lo, hi float64) figure.Raster {
	return figure.Raster{ID: id, Key: key, R: imageWorld(t.H, t.W), W: t.W, H: t.H,
		Values: t.Channel(ch), Min: lo, Max: hi, Map: cm}
}

// symRange returns a range symmetric about 0 that holds every finite
// value of xs (1 if they are all 0), for diverging colour maps.
func symRange(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		if a := math.Abs(x); a > m && !math.IsInf(a, 0) {
			m = a
		}
	}
	if m == 0 {
		return 1
	}
	return m
}

// mapStats are the out_* readouts of an output map (all its channels).
func mapStats(t *conv.Tensor) []lesson.Readout {
	lo, hi, sum := math.Inf(1), math.Inf(-1), 0.0
	for _, x := range t.Data {
		lo = math.Min(lo, x)
		hi = math.Max(hi, x)
		sum += x
	}
	if len(t.Data) == 0 {
		lo, hi = math.NaN(), math.NaN()
	}
	return []lesson.Readout{
		lesson.Num("out_h", float64(t.H)),
		lesson.Num("out_w", float64(t.W)),
		num("out_min", lo),
		num("out_max", hi),
		num("out_mean", sum/float64(len(t.Data))),
		num("out_sum", sum),
	}
}

// inSize are the in_h and in_w readouts.
func inSize(x *conv.Tensor) []lesson.Readout {
	return []lesson.Readout{lesson.Num("in_h", float64(x.H)), lesson.Num("in_w", float64(x.W))}
}

// mapTable is an output map as a table: one row per output row, channels
// one after another; columns are named c1, c2, ….
func mapTable(t *conv.Tensor) lesson.Table {
	if t == nil {
		return lesson.Table{Columns: []string{}, Rows: [][]float64{}}
	}
	cols := make([]string, t.W)
	for j := range cols {
		cols[j] = fmt.Sprintf("c%d", j+1)
	}
	rows := make([][]float64, 0, t.C*t.H)
	for c := range t.C {
		ch := t.Channel(c)
		for y := range t.H {
			rows = append(rows, append([]float64(nil), ch[y*t.W:(y+1)*t.W]...))
		}
	}
	return lesson.Table{Columns: cols, Rows: rows}
}

// problem returns the message for settings under which the convolution
// (or the pooling after it) has no output, as a message key with values
// the page fills in: "kernel_too_big{k=7,span=7,h=5,w=5,p=0}". It is ""
// when the settings work.
func problem(err error, x *conv.Tensor, k int, p conv.Params) string {
	if err == nil {
		return ""
	}
	span := conv.Span(k, p.Dilation)
	if errors.Is(err, conv.ErrKernel) {
		return msg("kernel_too_big", "k", k, "span", span, "h", x.H+2*p.Pad, "w", x.W+2*p.Pad, "p", p.Pad)
	}
	return msg("impossible", "error", strings.TrimPrefix(err.Error(), "conv: "))
}

// poolProblem returns the message for a pool window larger than the map.
func poolProblem(size, h, w int) string {
	return msg("pool_too_big", "s", size, "h", h, "w", w)
}

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
