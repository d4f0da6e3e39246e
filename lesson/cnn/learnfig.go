package cnn

import (
	"fmt"
	"math"

	"github.com/aimath/playground/core/figure"
)

// Panels of the learn view (besides panelInput).
const (
	lnPanelOut     = "out"     // X ⋆ W + c
	lnPanelTarget  = "target"  // T = X ⋆ Kₜ
	lnPanelWeights = "weights" // W next to Kₜ, as numbers
	lnPanelLoss    = "loss"    // the loss curve
)

// Colours of the learn view: the learner Orange, the target Green.
const (
	lnColLearner = figure.Orange
	lnColTarget  = figure.Green
)

// lnLogSpan: the loss axis is logarithmic when the curve spans more than
// this factor.
const lnLogSpan = 100

func (s *learnView) panels(w, h float64) []*figure.Panel {
	x := s.in.gray
	input := &figure.Panel{ID: panelInput, World: imageWorld(x.H, x.W), Equal: true, Title: "X",
		Items: []figure.Item{raster("", fmt.Sprintf("lx-%d", s.in.gen), x, 0, figure.Gray, 0, 1)}}
	if s.problem != "" {
		imgs, _ := gradFrames(w, h, 1, nil, 1)
		input.Frame = imgs[0]
		return []*figure.Panel{input}
	}
	lim := s.tLim
	out := &figure.Panel{ID: lnPanelOut, World: imageWorld(s.y.H, s.y.W), Equal: true, Title: "X ⋆ W + c",
		Items: []figure.Item{figure.Raster{Key: fmt.Sprintf("ly-%d-%d", s.runs, s.snaps), R: imageWorld(s.y.H, s.y.W),
			W: s.y.W, H: s.y.H, Values: s.shown, Min: -lim, Max: lim, Map: figure.Diverge}}}
	target := &figure.Panel{ID: lnPanelTarget, World: imageWorld(s.t.H, s.t.W), Equal: true, Title: "T = X ⋆ Kₜ",
		Items: []figure.Item{raster("", fmt.Sprintf("lt-%d", s.runs), &s.t, 0, figure.Diverge, -lim, lim)}}
	imgs, band := gradFrames(w, h, 3, []bool{false, true}, 0.55)
	input.Frame, out.Frame, target.Frame = imgs[0], imgs[1], imgs[2]
	return []*figure.Panel{input, out, target, s.weightsPanel(band[0]), s.lossPanel(band[1])}
}

// weightsPanel shows W and Kₜ side by side on one colour scale, with c
// and the largest difference below.
func (s *learnView) weightsPanel(frame figure.Rect) *figure.Panel {
	k := s.kt.H
	kf := float64(k)
	gap := 1.0
	u := math.Max(1, kf/5)
	world := figure.Rect{X0: 0, Y0: -1.6 * u, X1: 2*kf + gap, Y1: kf + 0.9*u}
	px := gradScale(frame, world)
	size := math.Min(12, 0.5*u*px)
	lim := symRange(s.kt.Data)
	x1 := kf + gap
	items := gradGrid(fmt.Sprintf("lw-%d-%d", s.runs, s.iter), 0, s.w[0].Data, k, lim, px, nil)
	items = append(items, gradGrid(fmt.Sprintf("lk-%d", s.runs), x1, s.kt.Data, k, lim, px, nil)...)
	if size >= 7 {
		y0 := -0.25 * u
		wpx := (kf + gap) * px
		items = append(items, gradLabels(kf/2, kf, y0, 0, size, wpx, "W", "c = "+figure.Num(s.c[0]))...)
		items = append(items, gradLabels(x1+kf/2, kf, y0, 0, size, wpx, "Kₜ", "max|W − Kₜ| = "+figure.Num(s.kernelErr()))...)
	}
	return &figure.Panel{ID: lnPanelWeights, Frame: frame, World: world, Equal: true, Items: items}
}

// lossPanel plots L against the iteration, on a log₁₀ axis when it
// spans decades; a divergence is an arrow off the top.
func (s *learnView) lossPanel(frame figure.Rect) *figure.Panel {
	lo, hi := math.Inf(1), 0.0
	for _, q := range s.hist {
		if q.Y > 0 {
			lo = math.Min(lo, q.Y)
		}
		hi = math.Max(hi, q.Y)
	}
	logY := hi > 0 && hi/lo > lnLogSpan
	f := func(l float64) float64 { return l }
	ylabel := "L"
	if logY {
		floor := lo // a loss of exactly 0 is drawn at the lowest positive one
		f = func(l float64) float64 { return math.Log10(math.Max(l, floor)) }
		ylabel = "log₁₀ L"
	}
	y0, y1 := f(lo), f(hi)
	if !logY {
		y0 = 0
	}
	if !(y1 > y0) {
		y1 = y0 + 1
	}
	padY := 0.06 * (y1 - y0)
	world := figure.Rect{X0: 0, Y0: y0 - padY, X1: math.Max(10, float64(s.iter)) * 1.03, Y1: y1 + padY}
	pts := make([]figure.Vec, len(s.hist))
	for n, q := range s.hist {
		pts[n] = figure.Vec{X: q.X, Y: f(q.Y)}
	}
	last := pts[len(pts)-1]
	items := []figure.Item{
		figure.Path{Pts: pts, Style: figure.Style{Stroke: lnColLearner, Width: 2}},
		figure.Point{P: last, Size: 4, Style: figure.Style{Fill: lnColLearner, FillAlpha: 1}},
	}
	if s.state == lnDiverged {
		items = append(items, figure.Arrow{From: last, To: figure.Vec{X: last.X, Y: world.Y1},
			Style: figure.Style{Stroke: figure.Vermillion, Width: 2.5}})
	}
	if s.state == lnConverged {
		items = append(items, figure.Point{P: last, Size: 7, Style: figure.Style{Stroke: lnColTarget, Width: 2}})
	}
	return &figure.Panel{ID: lnPanelLoss, Frame: frame, World: world,
		Axes: figure.Axes{Grid: true, Ticks: true, XLabel: "t", YLabel: ylabel}, Items: items}
}
