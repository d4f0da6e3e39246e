package bayes

import (
	"math"
	"strconv"

	"github.com/aimath/playground/core/bayes"
	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// Panel and item IDs of the beta view.
const (
	panelDensity = "density"
	panelTraj    = "trajectory"
	idTruth      = "truth" // the true-bias marker, draggable when shown
)

// Colours of the beta view: the prior Purple, the likelihood and the MLE
// Orange (the data), the posterior Blue, the true bias Green.
const (
	colPrior = figure.Purple
	colLike  = figure.Orange
	colPost  = figure.Blue
	colTruth = figure.Green
)

// truthSnap is the grid the dragged true bias snaps to; rugY is the room
// above 1 and below 0 of the trajectory panel where the flips are drawn.
const (
	truthSnap = 0.01
	rugY      = 0.05
	rugMax    = 400 // flips drawn one by one, at most
	grabPx    = 24  // a press this close to the true-bias line grabs it
)

func (s *betaView) panels(w, h float64) []*figure.Panel {
	fr := figure.Layout(w, h, 2)
	return []*figure.Panel{s.densityPanel(fr[0]), s.trajPanel(fr[1])}
}

// ymax is the top of the density panel: above every finite value of the
// three curves (a density that is infinite at 0 or 1 is cut off).
func (s *betaView) ymax() float64 {
	m := 1.0
	for _, c := range [][]float64{s.prior, s.like, s.pst} {
		for _, y := range c {
			if !math.IsInf(y, 0) && y > m {
				m = y
			}
		}
	}
	return 1.1 * m
}

// curve is a density on s.xs, cut off at top.
func (s *betaView) curve(ys []float64, top float64, st figure.Style) figure.Path {
	pts := make([]figure.Vec, len(ys))
	for i, y := range ys {
		pts[i] = figure.Vec{X: s.xs[i], Y: math.Min(y, top)}
	}
	return figure.Path{Pts: pts, Style: st}
}

func (s *betaView) densityPanel(frame figure.Rect) *figure.Panel {
	s.densityW = frame.W()
	top := s.ymax()
	p := &figure.Panel{ID: panelDensity, Frame: frame, World: figure.Rect{X0: 0, Y0: 0, X1: 1, Y1: top},
		Axes:  figure.Axes{Grid: true, Ticks: true, XLabel: "θ"},
		Title: "p(θ|x) = Beta(" + short(s.a) + ", " + short(s.b) + ")"}
	var items []figure.Item
	// The credible interval: the area under the posterior between its
	// quantiles.
	band := []figure.Vec{{X: s.lo, Y: 0}}
	for i, x := range s.xs {
		if x > s.lo && x < s.hi {
			band = append(band, figure.Vec{X: x, Y: math.Min(s.pst[i], top)})
		}
	}
	band = append(band, figure.Vec{X: s.hi, Y: 0})
	items = append(items, figure.Path{Pts: band, Closed: true, Style: figure.Style{Fill: colPost, FillAlpha: 0.15}})
	items = append(items,
		s.curve(s.pst, top, figure.Style{Stroke: colPost, Width: 2.75}),
		// Over the posterior, which equals the prior before any flip and
		// the likelihood under a flat prior.
		s.curve(s.prior, top, figure.Style{Stroke: colPrior, Width: 2, Dash: true}),
		s.curve(s.like, top, figure.Style{Stroke: colLike, Width: 1.5}))
	at := func(x float64) float64 { return math.Min(top, bayesPDF(s.a, s.b, x)) }
	items = append(items, figure.Path{Pts: []figure.Vec{{X: s.mean, Y: 0}, {X: s.mean, Y: at(s.mean)}},
		Style: figure.Style{Stroke: colPost, Width: 1.5, Dash: true}})
	if s.modeKind == bayes.ModeOne {
		items = append(items, figure.Point{P: figure.Vec{X: s.mode, Y: at(s.mode)}, Size: 4.5,
			Style: figure.Style{Fill: colPost, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}})
	}
	if mle := bayes.MLE(s.heads, s.tails); !math.IsNaN(mle) {
		items = append(items, figure.Path{Pts: []figure.Vec{{X: mle, Y: 0}, {X: mle, Y: top}},
			Style: figure.Style{Stroke: colLike, Width: 1.25, Dash: true}})
	}
	if s.show {
		items = append(items,
			figure.Path{Pts: []figure.Vec{{X: s.trueP, Y: 0}, {X: s.trueP, Y: top}}, Style: figure.Style{Stroke: colTruth, Width: 2, Dash: true}},
			// The handle sits just above the axis, inside the frame, so
			// that a pointer on it is in the panel.
			figure.Point{ID: idTruth, P: figure.Vec{X: s.trueP, Y: 8 * top / frame.H()}, Size: 6,
				Style: figure.Style{Fill: colTruth, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}},
			figure.Text{At: figure.Vec{X: s.trueP, Y: top}, S: "θ* = " + short(s.trueP), Size: 12, Bold: true,
				Anchor: figure.Left | figure.Top, DX: 4, DY: 4, Color: colTruth})
	}
	items = append(items, s.legend(frame, top)...)
	p.Items = items
	return p
}

// bayesPDF is the Beta(a, b) density at x.
func bayesPDF(a, b, x float64) float64 { return bayes.PDF(nil, a, b, []float64{x})[0] }

// legend names the curves in the top corner away from the posterior's
// mean; frame gives the pixel size of world units.
func (s *betaView) legend(frame figure.Rect, top float64) []figure.Item {
	entries := []struct {
		label string
		st    figure.Style
	}{
		{"p(θ) = Beta(" + short(s.a0) + ", " + short(s.b0) + ")", figure.Style{Stroke: colPrior, Width: 2, Dash: true}},
		{"L(θ): h = " + strconv.Itoa(s.heads) + ", t = " + strconv.Itoa(s.tails), figure.Style{Stroke: colLike, Width: 1.5}},
		{"p(θ|x)", figure.Style{Stroke: colPost, Width: 2.75}},
	}
	px, py := 1/frame.W(), top/frame.H() // world units per pixel
	size, line := 12.0, 22.0
	if frame.H() < 200 {
		size, line = 10, 16
	}
	row := size + 5
	var items []figure.Item
	for i, e := range entries {
		y := top - (12+row*float64(i))*py
		x0, x1 := 8*px, (8+line)*px
		t := figure.Text{At: figure.Vec{X: x1 + 6*px, Y: y}, S: e.label, Size: size, Anchor: figure.Left | figure.Middle, Color: figure.Ink}
		if s.mean < 0.5 {
			x0, x1 = 1-(8+line)*px, 1-8*px
			t.At.X, t.Anchor = x0-6*px, figure.Right|figure.Middle
		}
		items = append(items, figure.Path{Pts: []figure.Vec{{X: x0, Y: y}, {X: x1, Y: y}}, Style: e.st}, t)
	}
	return items
}

func (s *betaView) trajPanel(frame figure.Rect) *figure.Panel {
	xmax := math.Max(10, float64(s.n))
	// A margin above 1 and below 0 for the flips drawn there.
	p := &figure.Panel{ID: panelTraj, Frame: frame, World: figure.Rect{X0: 0, Y0: -rugY, X1: xmax, Y1: 1 + rugY},
		Axes:  figure.Axes{Grid: true, Ticks: true, XLabel: "n"},
		Title: "E[θ|x], 95 %"}
	var items []figure.Item
	band := make([]figure.Vec, 0, 2*len(s.traj))
	for _, t := range s.traj {
		band = append(band, figure.Vec{X: float64(t.n), Y: t.hi})
	}
	for i := len(s.traj) - 1; i >= 0; i-- {
		band = append(band, figure.Vec{X: float64(s.traj[i].n), Y: s.traj[i].lo})
	}
	items = append(items, figure.Path{Pts: band, Closed: true, Style: figure.Style{Fill: colPost, FillAlpha: 0.15}})
	if len(s.traj) == 1 { // no flips: the prior's interval as a bar
		items = append(items, figure.Path{Pts: []figure.Vec{{X: 0, Y: s.traj[0].lo}, {X: 0, Y: s.traj[0].hi}},
			Style: figure.Style{Stroke: colPost, Width: 6, Alpha: 0.3}})
	}
	if s.show {
		items = append(items, figure.Path{Pts: []figure.Vec{{X: 0, Y: s.trueP}, {X: xmax, Y: s.trueP}},
			Style: figure.Style{Stroke: colTruth, Width: 2, Dash: true}})
	}
	var mle, mean []figure.Vec
	for _, t := range s.traj {
		mean = append(mean, figure.Vec{X: float64(t.n), Y: t.mean})
		if t.n > 0 {
			mle = append(mle, figure.Vec{X: float64(t.n), Y: float64(t.heads) / float64(t.n)})
		}
	}
	items = append(items,
		figure.Path{Pts: mle, Style: figure.Style{Stroke: colLike, Width: 1.25}},
		figure.Path{Pts: mean, Style: figure.Style{Stroke: colPost, Width: 2.5}})
	// The flips themselves along the top (heads) and the bottom (tails),
	// while there are few enough to tell apart.
	if s.n <= rugMax {
		for i := range s.n {
			y, st := -rugY/2, figure.Style{Fill: figure.Paper, FillAlpha: 1, Stroke: figure.Ink, Width: 1}
			if s.isHeads(i) {
				y, st = 1+rugY/2, figure.Style{Fill: figure.Ink, FillAlpha: 1}
			}
			items = append(items, figure.Point{P: figure.Vec{X: float64(i) + 1, Y: y}, Size: 2.5, Style: st})
		}
	}
	last := s.traj[len(s.traj)-1]
	lbl := figure.Text{At: figure.Vec{X: float64(last.n), Y: last.mean}, S: short(last.mean), Size: 12, Bold: true,
		Anchor: figure.Right | figure.Bottom, DX: -6, DY: -6, Color: colPost}
	items = append(items, figure.Point{P: figure.Vec{X: float64(last.n), Y: last.mean}, Size: 4.5,
		Style: figure.Style{Fill: colPost, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}}, lbl)
	p.Items = items
	return p
}

// pointer drags the true bias along θ when it is shown: its marker or its
// line.
func (s *betaView) pointer(p lesson.Pointer, v *param.Values) bool {
	switch p.Phase {
	case lesson.Down:
		// The marker, or anywhere near its line (a finger is wider than
		// the marker).
		near := s.densityW > 0 && math.Abs(p.At.X-s.trueP)*s.densityW <= grabPx
		s.drag = s.show && p.Button == 0 && p.Panel == panelDensity && (p.Hit == idTruth || near)
		return false
	case lesson.Move:
		if !s.drag || !p.Held {
			return false
		}
		x := param.Snap(clamp01(p.At.X), truthSnap)
		if x == s.trueP {
			return false
		}
		v.Set(pTrueP, x)
		s.load(v)
		return true
	case lesson.Up:
		s.drag = false
	}
	return false
}
