package stats

import (
	"math"
	"strconv"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/fit"
)

// Panels of the mle view, and the handle of the current iterate.
const (
	panelData   = "data"
	panelLik    = "lik"
	panelLogLik = "loglik"
	handleTheta = "theta"
)

// Colours of the mle view: the closed-form MLE Green (the answer), the
// ascent Orange, its earlier iterates Purple, the truth Sky.
const (
	colAscent = figure.Orange
	colTrail  = figure.Purple
)

func (m *mleView) panels(w, h float64) []*figure.Panel {
	fr := frames(w, h)
	if len(fr) == 2 {
		// On a phone: the log-likelihood, where the ascent happens, and
		// the data.
		return []*figure.Panel{m.logLikPanel(fr[0]), m.dataPanel(fr[1])}
	}
	return []*figure.Panel{m.dataPanel(fr[0]), m.likPanel(fr[1]), m.logLikPanel(fr[2])}
}

// symbol is the estimated parameter's letter.
func (m *mleView) symbol() string {
	switch m.est {
	case estMu:
		return "μ"
	case estSigma:
		return "σ"
	}
	return "p"
}

// model is the distribution at θ (the other normal parameter at its MLE).
func (m *mleView) model(t float64) fit.Dist {
	switch m.est {
	case estP:
		return fit.NewDist(fit.Bernoulli, t)
	case estMu:
		return fit.NewDist(fit.Normal, t, m.sigma)
	}
	return fit.NewDist(fit.Normal, m.mean, t)
}

// window is the range of θ shown: [0, 1] for p; around the MLE for μ and
// σ, grown to hold the start and the iterates (up to a limit).
func (m *mleView) window() (lo, hi float64) {
	switch m.est {
	case estP:
		return 0, 1
	case estMu:
		lo, hi = m.mean-3*m.sigma, m.mean+3*m.sigma
	default:
		lo, hi = 0, 3*m.sigma
	}
	limit := 20 * math.Max(m.sigma, 1e-3)
	for _, t := range m.path {
		if math.Abs(t-m.hat()) < limit {
			lo, hi = math.Min(lo, t), math.Max(hi, t)
		}
	}
	pad := 0.06 * (hi - lo)
	if m.est == estSigma {
		return math.Max(0, lo-pad), hi + pad
	}
	return lo - pad, hi + pad
}

// curve samples ℓ over the window (finite values only).
func (m *mleView) curve(lo, hi float64) []figure.Vec {
	pts := make([]figure.Vec, 0, curvePts+1)
	for i := range curvePts + 1 {
		t := lo + (hi-lo)*float64(i)/curvePts
		if y := m.ll(t); finite(y) {
			pts = append(pts, figure.Vec{X: t, Y: y})
		}
	}
	return pts
}

// dataPanel draws the data (a histogram, two bars for Bernoulli) with
// the model at the current iterate and at the MLE.
func (m *mleView) dataPanel(fr figure.Rect) *figure.Panel {
	p := &figure.Panel{ID: panelData, Frame: fr, Axes: figure.Axes{Grid: true, Ticks: true, XLabel: "x"}}
	x0, x1 := m.hist.lo, m.hist.hi()
	if m.est == estP {
		x0, x1 = -0.5, 1.5
	} else {
		x0, x1 = math.Min(x0, m.mean-3.5*math.Max(m.sigma, 0.5)), math.Max(x1, m.mean+3.5*math.Max(m.sigma, 0.5))
	}
	top := m.hist.peak()
	if m.status != stDegen {
		top = math.Max(top, math.Min(3*top, curveMax(m.model(m.theta()), x0, x1)))
		top = math.Max(top, curveMax(m.model(m.hat()), x0, x1))
	}
	p.World = figure.Rect{X0: x0, X1: x1, Y0: 0, Y1: 1.15 * math.Max(top, 1e-9)}
	p.Items = m.hist.boxes(colData, "")
	ymax := 2 * p.World.Y1
	// Bernoulli's probabilities stand side by side: truth, MLE, iterate.
	dx := 0.0
	if m.est == estP {
		dx = 0.12
	}
	p.Items = append(p.Items, densityItemsAt(m.truth, x0, x1, ymax, colAlt, thinW, true, -dx)...)
	if m.status != stDegen {
		p.Items = append(p.Items, densityItemsAt(m.model(m.hat()), x0, x1, ymax, colFit, curveW, true, 0)...)
		p.Items = append(p.Items, densityItemsAt(m.model(m.theta()), x0, x1, ymax, colAscent, curveW, false, dx)...)
	}
	p.Title = "n = " + strconv.Itoa(len(m.xs))
	if m.est == estP {
		p.Title += ",  Σx = " + strconv.Itoa(int(math.Round(m.mean*m.n)))
	} else {
		p.Title += ",  Σx/n = " + fmtNum(m.mean)
	}
	return p
}

// likPanel draws the likelihood L(θ) = e^ℓ(θ); when that underflows
// (ℓ̂ < −700), L(θ)/L(θ̂) instead.
func (m *mleView) likPanel(fr figure.Rect) *figure.Panel {
	sym := m.symbol()
	p := &figure.Panel{ID: panelLik, Frame: fr, Axes: figure.Axes{Grid: true, Ticks: true, XLabel: sym},
		Title: "L(" + sym + ")", World: figure.Rect{X0: 0, X1: 1, Y0: 0, Y1: 1}}
	if m.status == stDegen {
		return p
	}
	lo, hi := m.window()
	lmax := m.ll(m.hat())
	shift := 0.0
	if lmax < -700 {
		shift = lmax
		p.Title = "L(" + sym + ") / max L"
	}
	pts := m.curve(lo, hi)
	for i := range pts {
		pts[i].Y = math.Exp(pts[i].Y - shift)
	}
	top := math.Exp(lmax - shift)
	p.World = figure.Rect{X0: lo, X1: hi, Y0: 0, Y1: 1.15 * math.Max(top, 1e-300)}
	L := func(t float64) float64 { return math.Exp(m.ll(t) - shift) }
	p.Items = append(p.Items,
		vline(m.truth.P[m.truthIndex()], 0, p.World.Y1, figure.Style{Stroke: colAlt, Width: thinW, Dash: true}),
		figure.Path{Pts: pts, Style: figure.Style{Stroke: colData, Width: curveW}},
		vline(m.hat(), 0, top, figure.Style{Stroke: colFit, Width: 1, Dash: true}),
		figure.Point{P: figure.Vec{X: m.hat(), Y: top}, Size: 6, Style: figure.Style{Fill: colFit, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}})
	t := m.theta()
	if y := L(t); finite(y) {
		p.Items = append(p.Items, figure.Point{ID: handleTheta, P: figure.Vec{X: t, Y: y}, Size: handlePx,
			Style: figure.Style{Fill: colAscent, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}})
	}
	return p
}

// truthIndex is the index of the estimated parameter in the truth's.
func (m *mleView) truthIndex() int {
	if m.est == estSigma {
		return 1
	}
	return 0
}

// logLikPanel draws ℓ(θ) with the closed-form maximum, the iterates of
// gradient ascent so far, the tangent at the current one and the next
// step η·(1/n)·dℓ/dθ as an arrow.
func (m *mleView) logLikPanel(fr figure.Rect) *figure.Panel {
	sym := m.symbol()
	p := &figure.Panel{ID: panelLogLik, Frame: fr, Axes: figure.Axes{Grid: true, Ticks: true, XLabel: sym},
		Title: "ℓ(" + sym + ") = log L(" + sym + ")", World: figure.Rect{X0: 0, X1: 1, Y0: 0, Y1: 1}}
	if m.status == stDegen {
		return p
	}
	lo, hi := m.window()
	lmax := m.ll(m.hat())
	// Low enough for every iterate in view and a drop of 5 at least; the
	// curve's steep walls may leave the frame.
	y0 := lmax - 5
	for _, t := range m.path {
		if y := m.ll(t); finite(y) && t >= lo && t <= hi {
			y0 = math.Min(y0, y)
		}
	}
	span := lmax - y0
	p.World = figure.Rect{X0: lo, X1: hi, Y0: y0 - 0.08*span, Y1: lmax + 0.12*span}
	w := p.World
	p.Items = append(p.Items,
		vline(m.truth.P[m.truthIndex()], w.Y0, w.Y1, figure.Style{Stroke: colAlt, Width: thinW, Dash: true}),
		figure.Path{Pts: m.curve(lo, hi), Style: figure.Style{Stroke: colData, Width: curveW}},
		vline(m.hat(), w.Y0, lmax, figure.Style{Stroke: colFit, Width: 1, Dash: true}),
		figure.Point{P: figure.Vec{X: m.hat(), Y: lmax}, Size: 6, Style: figure.Style{Fill: colFit, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}},
		footLabel(m.hat(), w, sym+" = "+fmtNum(m.hat()), colFit))
	// Earlier iterates, joined in order.
	trail := make([]figure.Vec, 0, len(m.path))
	for _, t := range m.path {
		if y := m.ll(t); finite(y) {
			trail = append(trail, figure.Vec{X: t, Y: math.Max(y, w.Y0)})
		}
	}
	p.Items = append(p.Items, figure.Path{Pts: trail, Style: figure.Style{Stroke: colTrail, Width: 1, Alpha: 0.6}})
	for _, q := range trail[:max(0, len(trail)-1)] {
		p.Items = append(p.Items, figure.Point{P: q, Size: 3, Style: figure.Style{Fill: colTrail, FillAlpha: 0.7}})
	}
	t := m.theta()
	y := m.ll(t)
	if !finite(y) {
		return p
	}
	here := figure.Vec{X: t, Y: y}
	g := m.grad(t)
	// The tangent, of slope dℓ/dθ = n·g, a fifth of the window either side.
	half := 0.2 * (hi - lo)
	if slope := m.n * g; slope != 0 {
		half = math.Min(half, 2*w.H()/math.Abs(slope))
	}
	p.Items = append(p.Items, figure.Path{Pts: []figure.Vec{{X: t - half, Y: y - m.n*g*half}, {X: t + half, Y: y + m.n*g*half}},
		Style: figure.Style{Stroke: figure.Muted, Width: 1.5, Dash: true}})
	if m.status == stRunning {
		next := m.next()
		to := math.Max(w.X0-w.W(), math.Min(w.X1+w.W(), next))
		if sx, _ := p.View().Scale(); math.Abs(to-t)*sx >= 3 {
			p.Items = append(p.Items,
				figure.Arrow{From: here, To: figure.Vec{X: to, Y: y}, Head: 8, Style: figure.Style{Stroke: colAscent, Width: 2.5, Fill: colAscent, FillAlpha: 1}},
				textAt(figure.Vec{X: (t + math.Max(w.X0, math.Min(w.X1, to))) / 2, Y: y}, "η·g", figure.Center|figure.Top, 0, 6, colAscent))
		}
	}
	p.Items = append(p.Items, figure.Point{ID: handleTheta, P: here, Size: handlePx,
		Style: figure.Style{Fill: colAscent, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}})
	return p
}
