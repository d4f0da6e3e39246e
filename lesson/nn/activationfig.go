package nn

import (
	"math"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/nn"
)

// Colours of the activation view: φ Blue and φ′ Orange (as f and f′ in
// the gd lesson), the other activations faint, the vanishing region
// Vermillion.
const (
	actColF      = figure.Blue
	actColD      = figure.Orange
	actColFaint  = figure.Muted
	actColVanish = figure.Vermillion
	actTangent   = 1.5 // the tangent reaches this far either side of z
)

// actFormula are the titles: each activation's φ and φ′ in symbols.
var actFormula = map[nn.Activation][2]string{
	nn.Linear:    {"φ(z) = z", "φ′(z) = 1"},
	nn.Sigmoid:   {"σ(z) = 1/(1 + exp(−z))", "σ′(z) = σ(z)(1 − σ(z))"},
	nn.Tanh:      {"φ(z) = tanh z", "φ′(z) = 1 − tanh² z"},
	nn.ReLU:      {"φ(z) = max(0, z)", "φ′(z) = 1 (z > 0), 0 (z ≤ 0)"},
	nn.LeakyReLU: {"φ(z) = max(0.01z, z)", "φ′(z) = 1 (z > 0), 0.01 (z ≤ 0)"},
	nn.ELU:       {"φ(z) = z (z > 0), exp z − 1 (z ≤ 0)", "φ′(z) = 1 (z > 0), exp z (z ≤ 0)"},
	nn.Softplus:  {"φ(z) = log(1 + exp z)", "φ′(z) = σ(z)"},
	nn.GELU:      {"φ(z) = z·Φ(z)", "φ′(z) = Φ(z) + z·Φ′(z)"},
}

func (s *activationView) panels(w, h float64) []*figure.Panel {
	n := 1
	if s.deriv {
		n = 2
	}
	fr := figure.Layout(w, h, n)
	axes := figure.Axes{Grid: true, Lines: true, Ticks: true, XLabel: "z"}
	titles := actFormula[s.act]
	pf := &figure.Panel{ID: actPanelF, Frame: fr[0], Axes: axes, Title: titles[0],
		World: figure.Rect{X0: -actZMax, Y0: actFLo, X1: actZMax, Y1: actFHi}}
	pf.Items = s.curveItems(0, actColF, pf.World)
	ps := []*figure.Panel{pf}
	if s.deriv {
		pd := &figure.Panel{ID: actPanelD, Frame: fr[1], Axes: axes, Title: titles[1],
			World: figure.Rect{X0: -actZMax, Y0: actDLo, X1: actZMax, Y1: actDHi}}
		pd.Items = s.curveItems(1, actColD, pd.World)
		ps = append(ps, pd)
	}
	return ps
}

// curveItems draws panel k (0 φ, 1 φ′): the vanishing region, the other
// activations faint, the chosen one, and the cursor.
func (s *activationView) curveItems(k int, col figure.Color, w figure.Rect) []figure.Item {
	items := make([]figure.Item, 0, len(s.curves)+12)
	shade := figure.Style{Fill: actColVanish, FillAlpha: 0.1}
	for i, iv := range s.vanish {
		items = append(items, figure.Box{R: figure.Rect{X0: iv[0], Y0: w.Y0, X1: iv[1], Y1: w.Y1}, Style: shade})
		if i == 0 && (k == 1 || !s.deriv) {
			t := figure.Text{At: figure.Vec{X: iv[0], Y: w.Y1}, S: "|φ′| < 0.1", Size: 11, Anchor: figure.Left | figure.Top,
				DX: 4, DY: 4, Color: actColVanish, Bold: true}
			if iv[0] > 0 { // a region on the right only: the label inside its right end
				t.At.X, t.Anchor, t.DX = iv[1], figure.Right|figure.Top, -4
			}
			items = append(items, t)
		}
	}
	if k == 1 {
		items = append(items, figure.Path{Pts: []figure.Vec{{X: w.X0, Y: actVanish}, {X: w.X1, Y: actVanish}},
			Style: figure.Style{Stroke: actColVanish, Width: 1, Dash: true, Alpha: 0.6}})
	}
	for a, c := range s.curves {
		if nn.Activation(a) == s.act {
			continue
		}
		for _, pts := range c[k] {
			items = append(items, figure.Path{ID: actCurveID + nn.Activation(a).String(), Pts: pts,
				Style: figure.Style{Stroke: actColFaint, Width: 1.25, Alpha: 0.4}})
		}
	}
	for _, pts := range s.curves[s.act][k] {
		items = append(items, figure.Path{ID: actCurveID + s.act.String(), Pts: pts, Style: figure.Style{Stroke: col, Width: 2.75}})
	}
	if k == 1 && actJumps(s.act) {
		// The jump at 0: φ′(0) is the left value (PyTorch's choice), the
		// right limit an open dot.
		dot := func(y float64, fill figure.Color) figure.Item {
			return figure.Point{P: figure.Vec{X: 0, Y: y}, Size: 4, Style: figure.Style{Stroke: col, Width: 2, Fill: fill, FillAlpha: 1}}
		}
		items = append(items, dot(s.act.D(0), col), dot(s.act.D(math.SmallestNonzeroFloat64), figure.Paper))
	}
	return append(items, s.cursorItems(k, col, w)...)
}

// cursorItems draws the cursor: a dashed line at z, the point on the
// chosen curve with its value, and in the φ panel the tangent of slope
// φ′(z) and the value of z.
func (s *activationView) cursorItems(k int, col figure.Color, w figure.Rect) []figure.Item {
	z, f, d := s.z, s.act.F(s.z), s.act.D(s.z)
	y, label := f, "φ(z) = "+figNum(f)
	if k == 1 {
		y, label = d, "φ′(z) = "+figNum(d)
	}
	items := []figure.Item{
		figure.Path{Pts: []figure.Vec{{X: z, Y: w.Y0}, {X: z, Y: w.Y1}}, Style: figure.Style{Stroke: figure.Ink, Width: 1, Dash: true, Alpha: 0.6}},
	}
	if k == 0 {
		items = append(items,
			figure.Path{Pts: []figure.Vec{{X: z - actTangent, Y: f - d*actTangent}, {X: z + actTangent, Y: f + d*actTangent}},
				Style: figure.Style{Stroke: actColD, Width: 1.5, Dash: true}},
			figure.Text{At: figure.Vec{X: z, Y: w.Y0}, S: "z = " + figNum(z), Size: 12, Anchor: figure.Left | figure.Bottom, DX: 5, DY: -5, Color: figure.Ink, Bold: true})
	}
	t := figure.Text{At: figure.Vec{X: z, Y: y}, S: label, Size: 12, Anchor: figure.Left | figure.Top, DX: 9, DY: 5, Color: col, Bold: true}
	if z > 0.35*actZMax {
		t.Anchor, t.DX = figure.Right|figure.Top, -9
	}
	return append(items, t,
		figure.Point{ID: actCursorID, P: figure.Vec{X: z, Y: y}, Size: 5,
			Style: figure.Style{Fill: figure.Ink, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}})
}
