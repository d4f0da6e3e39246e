package rnn

import (
	"fmt"
	"math"

	"github.com/aimath/playground/core/figure"
)

// Panels of the gradients view.
const (
	gradPanelPlot  = "grad"  // log₁₀ ‖∂L/∂h_t‖ against t
	gradPanelChain = "chain" // the product of Jacobians, with the numbers
)

func (s *gradView) panels(w, h float64) []*figure.Panel {
	all := figure.Rect{X1: w, Y1: h}
	row := w >= 560
	frac := 0.64
	if !row {
		frac = 0.58
	}
	a, b := split(all, frac, row)
	return []*figure.Panel{s.plotPanel(plotFrame(a)), s.chainPanel(textFrame(b))}
}

// plotPanel plots ‖∂L/∂h_t‖ (and each step's term of ∂L/∂W_h) on a log
// axis, with ρ^(T−t)·‖∂L/∂h_T‖ for reference and the truncated steps
// shaded.
func (s *gradView) plotPanel(f figure.Rect) *figure.Panel {
	T := s.set.T
	g, wh := s.g.DHNorm, s.g.WhNorm[1:]
	ref := make([]float64, T)
	gT := g[T-1]
	for i := range ref {
		ref[i] = gT * math.Pow(s.radius, float64(T-1-i))
	}
	lo, hi := logRange(g, wh)
	if rlo, rhi := logRange(ref); gT > 0 && s.radius > 0 {
		lo, hi = math.Min(lo, rlo), math.Max(hi, rhi)
	}
	world := figure.Rect{X0: 0.5, Y0: lo, X1: float64(T) + 0.5, Y1: hi}
	var items []figure.Item
	if s.truncated() {
		cut := float64(T-s.k.trunc) + 0.5
		items = append(items,
			figure.Box{R: figure.Rect{X0: world.X0, Y0: lo, X1: cut, Y1: hi}, Style: figure.Style{Fill: colGrad, FillAlpha: 0.07}},
			figure.Path{Pts: []figure.Vec{{X: cut, Y: lo}, {X: cut, Y: hi}}, Style: figure.Style{Stroke: colGrad, Width: 1.5, Dash: true}},
			figure.Text{At: figure.Vec{X: cut, Y: lo}, S: fmt.Sprintf("k = %d", s.k.trunc), Size: 11, Bold: true,
				Anchor: figure.Right | figure.Bottom, DX: -4, DY: -4, Color: colGrad})
	}
	series := func(vals []float64, t0 int) (pts, zeros []figure.Vec) {
		for i, x := range vals {
			t := float64(t0 + i)
			if x > 0 {
				pts = append(pts, figure.Vec{X: t, Y: clampY(log10(x), lo, hi)})
			} else {
				zeros = append(zeros, figure.Vec{X: t, Y: lo})
			}
		}
		return pts, zeros
	}
	if gT > 0 && s.radius > 0 {
		refPts, _ := series(ref, 1)
		items = append(items, polyline(refPts, figure.Muted, 1.25, true))
		if len(refPts) > 0 {
			// Named at its start, above the line where it rises to the
			// right, below it where it falls.
			anchor, dy := figure.Left|figure.Bottom, -4.0
			if s.radius > 1 {
				anchor, dy = figure.Left|figure.Top, 4
			}
			items = append(items, figure.Text{At: refPts[0], S: fmt.Sprintf("%s^(T−t)", rhoSym(s.set.hidden)), Size: 11,
				Bold: true, Anchor: anchor, DX: 4, DY: dy, Color: figure.Muted})
		}
	}
	whPts, _ := series(wh, 2)
	gPts, gZeros := series(g, 1)
	items = append(items, polyline(whPts, colWh, 1.75, false), polyline(gPts, colGrad, 2.25, false))
	if T <= 60 {
		items = append(items, dots(whPts, colWh, 2.5)...)
		items = append(items, dots(gPts, colGrad, 3)...)
	}
	for _, z := range gZeros {
		items = append(items, figure.Point{P: z, Size: 3, Style: figure.Style{Stroke: colGrad, Width: 1.25}})
	}
	for _, t := range []int{1, T} {
		if g[t-1] > 0 {
			items = append(items, figure.Point{P: figure.Vec{X: float64(t), Y: log10(g[t-1])}, Size: 5.5,
				Style: figure.Style{Fill: colGrad, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}})
		}
	}
	p := &figure.Panel{ID: gradPanelPlot, Frame: f, World: world,
		Axes: figure.Axes{Grid: true, Ticks: true, XLabel: "t", YLabel: "log₁₀"}}
	labels := []string{"‖∂L/∂h_t‖", "‖δ_t h_t−1‖"}
	colors := []figure.Color{colGrad, colWh}
	// The legend goes under the end where the gradient is larger, where
	// the plot is empty.
	corner := bottomRight
	if g[0] > gT {
		corner = bottomLeft
	}
	p.Items = append(items, legend(p.View().World, corner, labels, colors)...)
	return p
}

// rhoSym is how the recurrent factor is written: w for one unit (W_h is
// the number w), ρ for the spectral radius of a matrix.
func rhoSym(hidden int) string {
	if hidden == 1 {
		return "w"
	}
	return "ρ"
}

// chainPanel writes the product of Jacobians that takes ∂L/∂h_T back to
// ∂L/∂h_1, with the numbers of the current net.
func (s *gradView) chainPanel(f figure.Rect) *figure.Panel {
	T := s.set.T
	g := s.g.DHNorm
	n := T - 1
	lines := []line{
		{s: fmt.Sprintf("∂L/∂h₁ = ∂L/∂h%s · J%s … J₂", sub(T), sub(T)), c: figure.Ink, bold: true, prio: 1},
		{s: fmt.Sprintf("‖∂L/∂h%s‖ = %s", sub(T), figure.Num(g[T-1])), c: colGrad, space: 0.4, prio: 1},
		{s: fmt.Sprintf("‖∂L/∂h₁‖ = %s", figure.Num(g[0])), c: colGrad, prio: 1},
		{s: fmt.Sprintf("‖∂L/∂h₁‖ / ‖∂L/∂h%s‖ = %s", sub(T), figure.Num(s.ratio())), c: figure.Ink, bold: true},
		{s: fmt.Sprintf("(…)^(1/%d) = %s", n, figure.Num(s.perStep())), c: figure.Ink},
	}
	if s.set.hidden == 1 {
		wn := math.Abs(s.net.Wh[0])
		pd := s.derivProduct()
		lines = append(lines,
			line{s: fmt.Sprintf("J_t = φ′(z_t)·w,  w = %s", figure.Num(s.net.Wh[0])), c: figure.Ink, space: 0.4, prio: 2},
			line{s: fmt.Sprintf("|w|%s = %s", sup(n), figure.Num(s.rhoPow())), c: figure.Ink},
			line{s: fmt.Sprintf("Π φ′(z_t) = %s", figure.Num(pd)), c: figure.Ink, prio: 1},
			line{s: fmt.Sprintf("|w|%s · |Π φ′| = %s", sup(n), figure.Num(math.Pow(wn, float64(n))*math.Abs(pd))), c: figure.Ink, bold: true, prio: 1})
	} else {
		lines = append(lines,
			line{s: "J_t = diag(φ′(z_t)) W_h", c: figure.Ink, space: 0.4, prio: 2},
			line{s: fmt.Sprintf("ρ(W_h) = %s,  ρ%s = %s", figure.Num(s.radius), sup(n), figure.Num(s.rhoPow())), c: figure.Ink},
			line{s: fmt.Sprintf("E[φ′(z_t)] = %s", figure.Num(s.meanDeriv())), c: figure.Ink, prio: 1})
	}
	norm := s.g.Norm()
	clip := line{s: fmt.Sprintf("‖∂L/∂θ‖ = %s", figure.Num(norm)), c: figure.Ink, space: 0.4}
	if s.k.clip > 0 && norm > s.k.clip {
		clip.s += " → " + figure.Num(s.k.clip)
		clip.bold = true
	}
	lines = append(lines, clip)
	if s.truncated() {
		lines = append(lines,
			line{s: fmt.Sprintf("k = %d: ∂L/∂h_t = 0, t ≤ %d", s.k.trunc, T-s.k.trunc), c: colGrad, bold: true},
			line{s: fmt.Sprintf("k = ∞: ‖∂L/∂h₁‖ / ‖∂L/∂h%s‖ = %s", sub(T), figure.Num(gradRatio(s.full.DHNorm))), c: figure.Muted, prio: 1})
	}
	return &figure.Panel{ID: gradPanelChain, Frame: f, World: pixelWorld(f), Equal: true,
		Items: textBlock(lines, f.W(), f.H())}
}
