package rnn

import (
	"fmt"
	"math"

	"github.com/aimath/playground/core/figure"
	core "github.com/aimath/playground/core/rnn"
)

// Panels of the train view.
const (
	trPanelSeq  = "seq"  // the window: truth, RNN and AR, and what follows
	trPanelLoss = "loss" // the loss curves
)

const (
	// trMaxDecades: the loss axis spans at most this many decades below
	// its top (an AR model that fits exactly is drawn at the bottom edge).
	trMaxDecades = 8
	// trCharPx: the chars task wraps its text at about this many pixels a
	// character.
	trCharPx = 12
)

func (s *trainView) panels(w, h float64) []*figure.Panel {
	s.refreshGen()
	all := figure.Rect{X1: w, Y1: h}
	row := w >= 640
	frac := 0.6
	if !row {
		frac = 0.55
	}
	a, b := split(all, frac, row)
	var seq *figure.Panel
	switch {
	case s.set.scalar():
		seq = s.seriesPanel(plotFrame(a))
	case s.set.task == "chars":
		seq = s.charsPanel(textFrame(a))
	default:
		seq = s.memoryPanel(plotFrame(a))
	}
	return []*figure.Panel{seq, s.lossPanel(plotFrame(b))}
}

// arLabel names the AR model with its order.
func (s *trainView) arLabel() string { return fmt.Sprintf("AR(%d)", s.tau) }

// seriesPanel plots the window's targets s_t, the RNN's predictions
// (teacher-forced, then free running: dashed) and the AR model's (one step
// ahead, then free running), with the part after the window shaded.
func (s *trainView) seriesPanel(f figure.Rect) *figure.Panel {
	T, P, n := s.set.T, s.prefix, s.generating()
	end := T + n
	truth := make([]figure.Vec, 0, end+1)
	for t := 0; t <= end; t++ {
		truth = append(truth, figure.Vec{X: float64(t), Y: s.series[P+t]})
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, q := range truth {
		lo, hi = math.Min(lo, q.Y), math.Max(hi, q.Y)
	}
	pad := 0.12 * (hi - lo)
	lo, hi = lo-pad, headroom(lo-pad, hi+pad, f.H(), 3)
	s.l.net.Forward(&s.ev, s.xs)
	rnnIn, rnnOut := make([]figure.Vec, 0, T), make([]figure.Vec, 0, n+1)
	arIn, arOut := make([]figure.Vec, 0, T), make([]figure.Vec, 0, n+1)
	for t := 1; t <= T; t++ {
		rnnIn = append(rnnIn, figure.Vec{X: float64(t), Y: clampY(s.ev.Y[t-1][0], lo, hi)})
		arIn = append(arIn, figure.Vec{X: float64(t), Y: clampY(s.arPred[t-1], lo, hi)})
	}
	rnnOut = append(rnnOut, rnnIn[T-1])
	arOut = append(arOut, arIn[T-1])
	for i := range n {
		t := float64(T + 1 + i)
		rnnOut = append(rnnOut, figure.Vec{X: t, Y: clampY(s.rnnGen[i][0], lo, hi)})
		arOut = append(arOut, figure.Vec{X: t, Y: clampY(s.arGen[i], lo, hi)})
	}
	world := figure.Rect{X0: -0.5, Y0: lo, X1: float64(end) + 0.5, Y1: hi}
	var items []figure.Item
	if n > 0 {
		edge := float64(T) + 0.5
		items = append(items,
			figure.Box{R: figure.Rect{X0: edge, Y0: lo, X1: world.X1, Y1: hi}, Style: figure.Style{Fill: figure.Grid, FillAlpha: 0.6}},
			figure.Path{Pts: []figure.Vec{{X: edge, Y: lo}, {X: edge, Y: hi}}, Style: figure.Style{Stroke: figure.Muted, Width: 1.25, Dash: true}})
	}
	items = append(items, polyline(truth, colTrue, 1.5, false))
	if end <= 80 {
		items = append(items, dots(truth, colTrue, 2.5)...)
	}
	items = append(items,
		polyline(arIn, colAR, 1.75, false), polyline(arOut, colAR, 1.75, true),
		polyline(rnnIn, colY, 2.25, false), polyline(rnnOut, colY, 2.25, true))
	p := &figure.Panel{ID: trPanelSeq, Frame: f, World: world,
		Axes: figure.Axes{Grid: true, Ticks: true, XLabel: "t", Lines: true}}
	p.Items = append(items, legend(p.View().World, topRight, []string{"s_t", "RNN", s.arLabel()}, []figure.Color{colTrue, colY, colAR})...)
	return p
}

// memoryPanel plots, for each of the memEval sequences the memory task
// is judged on, the output y_T against its target x_1: a net that
// remembers puts them on the diagonal.
func (s *trainView) memoryPanel(f figure.Rect) *figure.Panel {
	const lim = 1.15
	items := []figure.Item{
		figure.Path{Pts: []figure.Vec{{X: -lim, Y: -lim}, {X: lim, Y: lim}}, Style: figure.Style{Stroke: colTrue, Width: 1.5, Dash: true}},
	}
	for j, e := range s.evals {
		x1 := e.xs[0][0]
		y := clampY(s.memPred[j], -lim, lim)
		items = append(items,
			figure.Path{Pts: []figure.Vec{{X: x1, Y: x1}, {X: x1, Y: y}}, Style: figure.Style{Stroke: colGrad, Width: 1, Alpha: 0.6}},
			figure.Point{P: figure.Vec{X: x1, Y: y}, Size: 4, Style: figure.Style{Fill: colY, FillAlpha: 1}})
	}
	return &figure.Panel{ID: trPanelSeq, Frame: f, World: figure.Rect{X0: -lim, Y0: -lim, X1: lim, Y1: lim}, Equal: true,
		Axes: figure.Axes{Grid: true, Ticks: true, Lines: true, XLabel: "x₁", YLabel: fmt.Sprintf("y%s", sub(s.set.T))}, Items: items}
}

// charsPanel writes the window's next characters (the targets) and the
// RNN's guesses under them, wrong guesses marked, then what the net
// writes running free (shaded), wrapped into lines; with too little room
// per character, coloured marks say only right or wrong.
func (s *trainView) charsPanel(f figure.Rect) *figure.Panel {
	T, P, n := s.set.T, s.prefix, s.generating()
	s.l.net.Forward(&s.ev, s.xs)
	N := T + n
	perRow := max(8, int(f.W()/trCharPx))
	rows := (N + perRow - 1) / perRow
	cw := f.W() / float64(min(N, perRow))
	size := math.Min(16, 1.25*cw)
	rowH := 1.5 * size
	pairH := 2*rowH + 0.6*rowH
	if k := f.H() / (float64(rows) * pairH); k < 1 {
		size, rowH, pairH = size*k, rowH*k, pairH*k
	}
	top := f.H()/2 + float64(rows)*pairH/2
	guess := func(t int) []float64 {
		if t < T {
			return s.ev.Y[t]
		}
		return s.rnnGen[t-T]
	}
	p := &figure.Panel{ID: trPanelSeq, Frame: f, World: pixelWorld(f), Equal: true}
	for t := range N {
		r, c := t/perRow, t%perRow
		x0, y1 := float64(c)*cw, top-float64(r)*pairH
		cell := func(row int) figure.Rect {
			return figure.Rect{X0: x0, Y0: y1 - float64(row+1)*rowH, X1: x0 + cw, Y1: y1 - float64(row)*rowH}
		}
		if t >= T {
			p.Items = append(p.Items, figure.Box{R: figure.Rect{X0: x0, Y0: y1 - 2*rowH, X1: x0 + cw, Y1: y1},
				Style: figure.Style{Fill: figure.Grid, FillAlpha: 0.6}})
		}
		if t == T {
			p.Items = append(p.Items, figure.Path{Pts: []figure.Vec{{X: x0, Y: y1 - 2*rowH}, {X: x0, Y: y1}},
				Style: figure.Style{Stroke: figure.Muted, Width: 1.5, Dash: true}})
		}
		want := charIndex(s.allT[P+t])
		got := charIndex(guess(t))
		col := colY
		if got != want {
			col = colGrad
			p.Items = append(p.Items, figure.Box{R: cell(1), Style: figure.Style{Fill: colGrad, FillAlpha: 0.15}})
		}
		if size < minFont {
			in := figure.Inset(cell(1), 0.1*cw, 0.15*rowH, 0.1*cw, 0.15*rowH)
			p.Items = append(p.Items, figure.Box{R: in, Style: figure.Style{Fill: col, FillAlpha: 0.9}})
			continue
		}
		mid := func(r figure.Rect) figure.Vec { return figure.Vec{X: (r.X0 + r.X1) / 2, Y: (r.Y0 + r.Y1) / 2} }
		p.Items = append(p.Items,
			figure.Text{At: mid(cell(0)), S: charLabel(core.Alphabet[want]), Size: size, Bold: true,
				Anchor: figure.Center | figure.Middle, Color: colTrue},
			figure.Text{At: mid(cell(1)), S: charLabel(core.Alphabet[got]), Size: size, Bold: true,
				Anchor: figure.Center | figure.Middle, Color: col})
	}
	return p
}

// lossPanel plots log₁₀ of the loss on the window after every step, the
// running average of the training losses, and the AR model's loss on the
// window as a horizontal line; a divergence is an arrow off the top.
func (s *trainView) lossPanel(f figure.Rect) *figure.Panel {
	var ls, trs []float64
	for _, q := range s.hist {
		ls = append(ls, q.loss)
		if !math.IsNaN(q.train) {
			trs = append(trs, q.train)
		}
	}
	ar := s.set.scalar()
	var arVals []float64
	if ar {
		arVals = []float64{s.arLoss}
	}
	lo, hi := logRange(ls, trs, arVals)
	lo = math.Max(lo, hi-trMaxDecades)
	world := figure.Rect{X0: 0, Y0: lo, X1: math.Max(10, float64(s.l.epoch)) * 1.03, Y1: hi}
	var items []figure.Item
	if ar {
		y := math.Max(lo, log10(s.arLoss))
		items = append(items,
			figure.Path{Pts: []figure.Vec{{X: world.X0, Y: y}, {X: world.X1, Y: y}}, Style: figure.Style{Stroke: colAR, Width: 1.75, Dash: true}},
			figure.Text{At: figure.Vec{X: world.X0, Y: y}, S: s.arLabel() + " " + figure.Num(s.arLoss), Size: 11, Bold: true,
				Anchor: figure.Left | figure.Bottom, DX: 4, DY: -3, Color: colAR})
	}
	var lPts, tPts []figure.Vec
	for _, q := range s.hist {
		x := float64(q.epoch)
		lPts = append(lPts, figure.Vec{X: x, Y: clampY(log10(q.loss), lo, hi)})
		if !math.IsNaN(q.train) {
			tPts = append(tPts, figure.Vec{X: x, Y: clampY(log10(q.train), lo, hi)})
		}
	}
	items = append(items, polyline(tPts, colWh, 1.25, false), polyline(lPts, colY, 2, false))
	last := lPts[len(lPts)-1]
	items = append(items, figure.Point{P: last, Size: 4, Style: figure.Style{Fill: colY, FillAlpha: 1}})
	if s.status == keyDiverged {
		items = append(items, figure.Arrow{From: last, To: figure.Vec{X: last.X, Y: hi},
			Style: figure.Style{Stroke: colGrad, Width: 2.5}})
	}
	p := &figure.Panel{ID: trPanelLoss, Frame: f, World: world,
		Axes: figure.Axes{Grid: true, Ticks: true, XLabel: "k", YLabel: "log₁₀ L"}}
	p.Items = append(items, legend(p.View().World, topRight, []string{"L", "L_train"}, []figure.Color{colY, colWh})...)
	return p
}
