package prob

import "github.com/aimath/playground/core/figure"

// Colours of the expect view: f Purple over the distribution's density
// (Blue, scaled into the bottom of the plot), the samples' values Orange.
const (
	colF       = figure.Purple
	maxFDots   = 300  // samples drawn as points (x, f(x))
	densityTop = 0.35 // the density's height, as a share of the plot
)

func (s *expectView) panels(w, h float64) []*figure.Panel {
	fr := figure.Layout(w, h, 2)
	if s.base.d == nil {
		world := figure.Rect{X0: 0, Y0: 0, X1: 1, Y1: 1}
		return []*figure.Panel{plotPanel(panelF, fr[0], world, "f(x)", "x"), plotPanel(panelConv, fr[1], world, "", "n")}
	}
	return []*figure.Panel{s.fPanel(fr[0]), s.conv.panel(fr[1])}
}

// fPanel draws f over the distribution's window with the density (or the
// masses) scaled into the bottom of the plot, the shown samples as points
// on f, and the lines y = E[f(X)] and y = the estimate.
func (s *expectView) fPanel(frame figure.Rect) *figure.Panel {
	b := &s.base
	world := figure.Rect{X0: b.x0, Y0: s.ylo, X1: b.x1, Y1: s.yhi}
	p := plotPanel(panelF, frame, world, "f(x) = "+s.ftext, "x")
	scale := densityTop * (s.yhi - s.ylo) / b.ymax
	base := s.ylo
	var items []figure.Item
	if b.d.Discrete() {
		shade := figure.Style{Fill: colDist, FillAlpha: 0.22}
		for k := b.k0; k <= b.k1; k++ {
			items = append(items, figure.Box{R: figure.Rect{X0: k - 0.3, Y0: base, X1: k + 0.3, Y1: base + scale*b.d.Prob(k)}, Style: shade})
		}
		var pts []figure.Vec
		for k := b.k0; k <= b.k1; k++ {
			if y := s.f.Eval1(k); finite(y) {
				pts = append(pts, figure.Vec{X: k, Y: clampY(y, s.ylo, s.yhi)})
			}
		}
		if len(pts) > 1 {
			items = append(items, figure.Path{Pts: pts, Style: figure.Style{Stroke: colF, Width: 1.25, Alpha: 0.5}})
		}
		for _, q := range pts {
			items = append(items, figure.Point{P: q, Size: 4, Style: figure.Style{Fill: colF, FillAlpha: 1}})
		}
	} else {
		for _, pts := range b.pdf {
			poly := make([]figure.Vec, 0, len(pts)+2)
			poly = append(poly, figure.Vec{X: pts[0].X, Y: base})
			for _, q := range pts {
				poly = append(poly, figure.Vec{X: q.X, Y: base + scale*q.Y})
			}
			poly = append(poly, figure.Vec{X: pts[len(pts)-1].X, Y: base})
			items = append(items, figure.Path{Pts: poly, Closed: true, Style: figure.Style{Fill: colDist, FillAlpha: 0.18, Stroke: colDist, Width: 1, Alpha: 0.6}})
		}
		for _, pts := range curve(s.f.Eval1, b.x0, b.x1, curveSteps, s.ylo, s.yhi) {
			items = append(items, figure.Path{Pts: pts, Style: figure.Style{Stroke: colF, Width: 2.5}})
		}
	}
	// The first samples as points on f, each with a tick on the axis.
	n := min(s.pace.shown, maxFDots)
	dot := figure.Style{Fill: colEst, FillAlpha: 0.8}
	for i := range n {
		y := s.fx[i]
		if !finite(y) {
			continue
		}
		items = append(items, figure.Point{P: figure.Vec{X: b.s.xs[i], Y: clampY(y, s.ylo, s.yhi)}, Size: 2.5, Style: dot})
	}
	// The lines' labels need room; on a short plot (a phone) the
	// convergence plot beside it says the same numbers.
	roomy := frame.H() >= 150
	if finite(s.exact) {
		items = append(items, figure.Path{Pts: []figure.Vec{{X: b.x0, Y: s.exact}, {X: b.x1, Y: s.exact}}, Style: figure.Style{Stroke: colExact, Width: 2}})
		if roomy {
			items = append(items, label(figure.Vec{X: b.x0, Y: s.exact}, "E[f(X)] = "+figNum(s.exact), figure.Left|figure.Bottom, colExact, 6, -4))
		}
	}
	if est := s.r.estimate(); finite(est) {
		y := clampY(est, s.ylo, s.yhi)
		items = append(items, figure.Path{Pts: []figure.Vec{{X: b.x0, Y: y}, {X: b.x1, Y: y}}, Style: figure.Style{Stroke: colEst, Width: 1.5, Dash: true}})
		if roomy {
			items = append(items, label(figure.Vec{X: b.x1, Y: y}, "(1/n) Σ f(x_i) = "+figNum(est), figure.Right|estAnchor(est, s.exact), colEst, -6, estDY(est, s.exact)))
		}
	}
	items = append(items, label(figure.Vec{X: b.x1, Y: s.yhi}, "n = "+figNum(float64(s.pace.shown)), figure.Right|figure.Top, colEst, -6, 4))
	p.Items = items
	return p
}

// estAnchor puts the estimate's label on the side of its line away from
// the exact value's, so that the two do not overlap.
func estAnchor(est, exact float64) figure.Anchor {
	if finite(exact) && est < exact {
		return figure.Top
	}
	return figure.Bottom
}

func estDY(est, exact float64) float64 {
	if finite(exact) && est < exact {
		return 4
	}
	return -4
}
