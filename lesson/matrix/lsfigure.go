package matrix

import (
	"math"
	"strconv"

	"github.com/aimath/playground/core/figure"
)

// The world of the lstsq view: this window, grown to hold every point.
var lsBase = figure.Rect{X0: -0.5, Y0: -2, X1: xSpan + 0.5, Y1: 12}

const lsPad = 0.5 // world units around the outermost points

// world returns the window for the current points; while a point is being
// dragged the window stays as it was when the drag began, so that the
// point does not run away from the pointer.
func (s *lsView) world() figure.Rect {
	if s.held >= 0 {
		return s.frozen
	}
	w := lsBase
	for i := range s.x {
		w.X0, w.X1 = math.Min(w.X0, s.x[i]-lsPad), math.Max(w.X1, s.x[i]+lsPad)
		w.Y0, w.Y1 = math.Min(w.Y0, s.y[i]-lsPad), math.Max(w.Y1, s.y[i]+lsPad)
	}
	return w
}

// figure draws the points (handles p0, p1, ...), the fitted line, the
// residuals as vertical segments and, when asked, as squares (their areas
// add up to the RSS that the line minimises), and the centroid (x̄, ȳ),
// which the fitted line always passes through.
func (s *lsView) figure(frame figure.Rect) *figure.Panel {
	p := &figure.Panel{
		ID:    lsPanel,
		Frame: frame,
		World: s.world(),
		// Equal axes keep the residuals' squares square.
		Equal: true,
		Axes:  figure.Axes{Grid: true, Lines: true, Ticks: true, XLabel: "x", YLabel: "y"},
	}
	w := p.View().World
	f := &s.fit
	n := len(s.x)
	items := make([]figure.Item, 0, 3*n+8)
	if s.fitOK {
		mean := figure.Vec{X: f.XtX[0][1] / float64(n), Y: f.XtY[0] / float64(n)}
		if f.Rank < 2 {
			// Every line through (x̄, ȳ) fits equally well; a fan of them
			// shows that the data cannot choose, and pinv chose the one of
			// smallest ‖β‖.
			fan := figure.Style{Stroke: figure.Muted, Width: 1, Dash: true, Alpha: 0.6}
			for _, db := range []float64{-1.5, -0.6, 0.6, 1.5} {
				b := f.Beta1 + db
				items = append(items, figure.Path{
					Pts:   []figure.Vec{{X: w.X0, Y: mean.Y + b*(w.X0-mean.X)}, {X: w.X1, Y: mean.Y + b*(w.X1-mean.X)}},
					Style: fan,
				})
			}
		}
		if s.squares {
			sq := figure.Style{Stroke: colWarn, Width: 1, Alpha: 0.45, Fill: colWarn, FillAlpha: 0.12}
			for i := range s.x {
				yh := f.Beta0 + f.Beta1*s.x[i]
				r := math.Abs(s.y[i] - yh)
				items = append(items, figure.Box{R: figure.Rect{X0: s.x[i], Y0: math.Min(yh, s.y[i]), X1: s.x[i] + r, Y1: math.Max(yh, s.y[i])}, Style: sq})
			}
		}
		items = append(items, figure.Path{
			Pts:   []figure.Vec{{X: w.X0, Y: f.Beta0 + f.Beta1*w.X0}, {X: w.X1, Y: f.Beta0 + f.Beta1*w.X1}},
			Style: figure.Style{Stroke: colAX, Width: 2.5},
		})
		resid := figure.Style{Stroke: colWarn, Width: 1.5}
		for i := range s.x {
			yh := f.Beta0 + f.Beta1*s.x[i]
			items = append(items, figure.Path{Pts: []figure.Vec{{X: s.x[i], Y: s.y[i]}, {X: s.x[i], Y: yh}}, Style: resid})
		}
		items = append(items,
			figure.Point{P: mean, Size: 5, Style: figure.Style{Stroke: figure.Ink, Width: 1.5, Fill: figure.Paper, FillAlpha: 1}},
			figure.Text{At: figure.Vec{X: w.X0, Y: w.Y1}, S: lineText(f.Beta0, f.Beta1), Anchor: figure.Left | figure.Top,
				DX: cornerPad, DY: cornerPad, Color: colAX, Bold: true},
		)
	}
	pt := figure.Style{Fill: colX, FillAlpha: 1, Stroke: figure.Paper, Width: 1}
	for i := range s.x {
		items = append(items, figure.Point{ID: ptPrefix + strconv.Itoa(i), P: figure.Vec{X: s.x[i], Y: s.y[i]}, Size: 5, Style: pt})
	}
	p.Items = items
	return p
}

// lineText is "y = 1.02 + 0.79x".
func lineText(b0, b1 float64) string {
	op := " + "
	if b1 < 0 {
		op, b1 = " − ", -b1
	}
	return "y = " + canvasText(b0) + op + canvasText(b1) + "x"
}
