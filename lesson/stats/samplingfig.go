package stats

import (
	"math"
	"strconv"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/fit"
)

// Panels of the sampling view.
const (
	panelPop   = "population"
	panelMeans = "means"
	panelVar   = "variance"
)

// Colours of the variances: divisor n Orange (biased), n − 1 Blue.
const (
	colVarN  = figure.Orange
	colVarN1 = figure.Blue
)

func (s *samplingView) panels(w, h float64) []*figure.Panel {
	fr := frames(w, h)
	ps := []*figure.Panel{s.popPanel(fr[0]), s.meansPanel(fr[1])}
	if len(fr) > 2 {
		ps = append(ps, s.varPanel(fr[2]))
	}
	return ps
}

// popRange is the x range of the population panel: the data's for pasted
// data; otherwise from the 0.1% to the 99.5% quantile (the support's ends
// when nearer), the whole numbers for a discrete population.
func (s *samplingView) popRange() (x0, x1 float64) {
	if s.values != nil {
		lo, hi := s.popHist.lo, s.popHist.hi()
		pad := 0.05 * (hi - lo)
		return lo - pad, hi + pad
	}
	d := s.pop
	if d.Family.Discrete() {
		hi := 1.0
		for k := 0.0; k < 1000 && d.CDF(k) < 0.999; k++ {
			hi = k + 1
		}
		return -0.6, hi + 0.6
	}
	x0, x1 = d.Quantile(0.001), d.Quantile(0.995)
	if lo, hi := d.Support(); d.Family == fit.Uniform || d.Family == fit.Beta {
		x0, x1 = lo, hi
	}
	pad := 0.05 * (x1 - x0)
	return x0 - pad, x1 + pad
}

// popPanel draws the population with its mean μ, and the last sample as
// dots along the bottom with its mean x̄.
func (s *samplingView) popPanel(fr figure.Rect) *figure.Panel {
	p := &figure.Panel{ID: panelPop, Frame: fr, Axes: figure.Axes{Grid: true, Ticks: true, XLabel: "x"},
		World: figure.Rect{X0: 0, X1: 1, Y0: 0, Y1: 1}}
	if s.problem != "" {
		return p
	}
	x0, x1 := s.popRange()
	var top float64
	if s.values != nil {
		top = s.popHist.peak()
		p.Items = s.popHist.boxes(colFit, "")
		p.Title = "N = " + strconv.Itoa(len(s.values)) + ",  μ = " + fmtNum(s.mu) + ",  σ = " + fmtNum(math.Sqrt(s.sigma2))
	} else {
		top = curveMax(s.pop, x0, x1)
		if !s.pop.Family.Discrete() {
			// A pole (the U-shaped beta) is cut at five times the density
			// at the median.
			top = math.Min(top, 5*s.pop.Prob(s.pop.Quantile(0.5)))
		}
		p.Title = distLabel(s.pop) + ":  μ = " + fmtNum(s.mu) + ",  σ = " + fmtNum(math.Sqrt(s.sigma2))
	}
	top = math.Max(top, 1e-9)
	// The dots of the last sample take the bottom 15% of the panel.
	band := 0.18 * top
	p.World = figure.Rect{X0: x0, X1: x1, Y0: -band, Y1: 1.12 * top}
	if s.values == nil {
		p.Items = append(p.Items, densityItems(s.pop, x0, x1, 2*p.World.Y1, colFit, curveW, false)...)
	}
	p.Items = append(p.Items,
		vline(s.mu, 0, p.World.Y1, figure.Style{Stroke: colFit, Width: thinW, Dash: true}),
		textAt(figure.Vec{X: s.mu, Y: p.World.Y1}, "μ", figure.Left|figure.Top, 4, 2, colFit))
	if len(s.last) > 0 {
		for i, x := range s.last {
			// A fixed jitter by index (the golden ratio's), so that equal
			// values stay visible side by side.
			y := -band * (0.15 + 0.7*math.Mod(float64(i)*0.6180339887, 1))
			p.Items = append(p.Items, figure.Point{P: figure.Vec{X: x, Y: y}, Size: 2.5, Style: figure.Style{Fill: colProbe, FillAlpha: 0.8}})
		}
		p.Items = append(p.Items,
			vline(s.lastMean, -band, p.World.Y1, figure.Style{Stroke: colProbe, Width: 2}),
			textAt(figure.Vec{X: s.lastMean, Y: 0.8 * p.World.Y1}, "Σx/n", figure.Right|figure.Middle, -4, 0, colProbe))
	}
	return p
}

// meansPanel draws the histogram of the sample means (as densities) with
// the normal density N(μ, σ²/n) that the central limit theorem predicts.
func (s *samplingView) meansPanel(fr figure.Rect) *figure.Panel {
	p := &figure.Panel{ID: panelMeans, Frame: fr, Axes: figure.Axes{Grid: true, Ticks: true, XLabel: "Σx/n"},
		World: figure.Rect{X0: 0, X1: 1, Y0: 0, Y1: 1}, Title: "Σx/n"}
	if s.problem != "" {
		return p
	}
	m := len(s.means)
	x0, x1 := s.lo, s.lo+s.w*float64(len(s.counts))
	se := math.Sqrt(s.sigma2 / float64(s.n))
	peak := 0.0
	if se > 0 {
		peak = 1 / (se * math.Sqrt(2*math.Pi))
	}
	dens := make([]float64, len(s.counts))
	for i, c := range s.counts {
		if m > 0 {
			dens[i] = c / (float64(m) * s.w)
		}
		peak = math.Max(peak, dens[i])
	}
	p.World = figure.Rect{X0: x0, X1: x1, Y0: 0, Y1: 1.15 * math.Max(peak, 1e-9)}
	h := histogram{lo: s.lo, width: s.w, dens: dens}
	p.Items = append(p.Items, h.boxes(colData, "")...)
	if se > 0 {
		norm := fit.NewDist(fit.Normal, s.mu, se)
		p.Items = append(p.Items, densityItems(norm, x0, x1, 2*p.World.Y1, colFit, curveW, false)...)
		// σ/√n as a bar from μ at the height where the normal density is
		// e^(−1/2) of its peak: exactly one standard deviation out.
		y := math.Exp(-0.5) / (se * math.Sqrt(2*math.Pi))
		p.Items = append(p.Items,
			figure.Arrow{From: figure.Vec{X: s.mu, Y: y}, To: figure.Vec{X: s.mu + se, Y: y}, Head: 7,
				Style: figure.Style{Stroke: colFit, Width: 2, Fill: colFit, FillAlpha: 1}},
			textAt(figure.Vec{X: s.mu + se, Y: y}, "σ/√n", figure.Left|figure.Middle, 6, 0, colFit))
	}
	p.Items = append(p.Items, vline(s.mu, 0, p.World.Y1, figure.Style{Stroke: colFit, Width: thinW, Dash: true}))
	if m > 0 {
		p.Items = append(p.Items, vline(s.lastMean, 0, p.World.Y1, figure.Style{Stroke: colProbe, Width: 2}))
	}
	p.Title = "Σx/n:  M = " + strconv.Itoa(m) + ",  n = " + strconv.Itoa(s.n)
	return p
}

// varPanel draws the running averages of the sample variances with
// divisors n and n − 1 against the number of samples, and σ² and
// (n − 1)σ²/n, where each settles.
func (s *samplingView) varPanel(fr figure.Rect) *figure.Panel {
	p := &figure.Panel{ID: panelVar, Frame: fr, Axes: figure.Axes{Grid: true, Ticks: true, XLabel: "M"},
		World: figure.Rect{X0: 0, X1: 1, Y0: 0, Y1: 1}, Title: "s²"}
	if s.problem != "" {
		return p
	}
	m := float64(len(s.means))
	top := 1.6 * s.sigma2
	if !(top > 0) {
		top = 1
	}
	p.World = figure.Rect{X0: 0, X1: math.Max(10, m), Y0: 0, Y1: top}
	biased := s.sigma2 * float64(s.n-1) / float64(s.n)
	p.Items = append(p.Items,
		figure.Path{Pts: []figure.Vec{{X: 0, Y: s.sigma2}, {X: p.World.X1, Y: s.sigma2}}, Style: figure.Style{Stroke: colFit, Width: thinW, Dash: true}},
		textAt(figure.Vec{X: p.World.X1, Y: s.sigma2}, "σ²", figure.Right|figure.Bottom, -4, -3, colFit),
		figure.Path{Pts: []figure.Vec{{X: 0, Y: biased}, {X: p.World.X1, Y: biased}}, Style: figure.Style{Stroke: colVarN, Width: 1, Dash: true}},
		textAt(figure.Vec{X: p.World.X1, Y: biased}, "(n−1)σ²/n", figure.Right|figure.Top, -4, 3, colVarN))
	clip := func(y float64) float64 { return math.Min(y, 2*top) }
	var pn, pn1 []figure.Vec
	for _, t := range s.trace {
		pn = append(pn, figure.Vec{X: t.m, Y: clip(t.vn)})
		if s.n > 1 {
			pn1 = append(pn1, figure.Vec{X: t.m, Y: clip(t.vn1)})
		}
	}
	if m > 0 { // the latest averages, between thinned points
		pn = append(pn, figure.Vec{X: m, Y: clip(s.sumVN / m)})
		if s.n > 1 {
			pn1 = append(pn1, figure.Vec{X: m, Y: clip(s.sumVN1 / m)})
		}
	}
	p.Items = append(p.Items,
		figure.Path{Pts: pn, Style: figure.Style{Stroke: colVarN, Width: curveW}},
		figure.Path{Pts: pn1, Style: figure.Style{Stroke: colVarN1, Width: curveW}})
	p.Title = "s²ₙ, s²ₙ₋₁"
	return p
}
