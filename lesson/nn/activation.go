package nn

import (
	"math"
	"strings"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/nn"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// The activation view: every activation of core/nn plotted over
// z ∈ [−5, 5], the chosen one highlighted and the others faint, with the
// derivatives in a second panel (the derivative toggle). A cursor follows
// the pointer and reads φ(z) and φ′(z) there, with the tangent of slope
// φ′(z); where |φ′| < 0.1 the gradient all but vanishes (sigmoid and tanh
// for large |z|, ReLU for z < 0), and that region is shaded. Clicking a
// faint curve chooses its activation. Nothing plays.

// Panel IDs of the activation view and the prefix of the curves' item
// IDs ("act:relu").
const (
	actPanelF   = "f"
	actPanelD   = "df"
	actCurveID  = "act:"
	actCursorID = "cursor"
)

// The plotted window and the threshold of the shaded region.
const (
	actZMax     = 5.0
	actSamples  = 201 // samples over [−5, 5]: every 0.05
	actVanish   = 0.1 // |φ′| below this counts as vanishing
	actFLo      = -1.5
	actFHi      = 3.5
	actDLo      = -0.25
	actDHi      = 1.25
	actBisectIt = 52 // halvings of a sample step: to the last bit
)

// activationView is the state of the activation view.
type activationView struct {
	act   nn.Activation
	deriv bool
	z     float64 // the cursor

	// curves[a] are activation a's φ and φ′ at the samples, computed
	// once, each in one or more pieces.
	curves [][2][][]figure.Vec
	// vanish are the intervals of [−5, 5] where |φ′| < 0.1 for act.
	vanish [][2]float64
}

func (s *activationView) reset(v *param.Values) {
	act, err := nn.ParseActivation(v.String(pActivation))
	if err != nil { // the spec's choices are nn.ActivationNames()
		act = nn.Tanh
	}
	s.act = act
	s.deriv = v.Bool(pDerivative)
	if s.curves == nil {
		s.curves = actSample()
	}
	s.vanish = actVanishing(act, -actZMax, actZMax)
}

func (s *activationView) tune(name string, v *param.Values) {
	if name == pDerivative {
		s.deriv = v.Bool(pDerivative)
	}
}

func (s *activationView) step(*param.Values) bool { return false }
func (s *activationView) unit(*param.Values) bool { return false }

// actSample samples every activation and its derivative, each curve in
// pieces: ReLU's and LeakyReLU's derivatives jump at 0 and are drawn in
// two, the right piece starting at the limit from the right.
func actSample() [][2][][]figure.Vec {
	names := nn.ActivationNames()
	out := make([][2][][]figure.Vec, len(names))
	for a := range names {
		act := nn.Activation(a)
		f, d := make([]figure.Vec, actSamples), make([]figure.Vec, actSamples)
		for i := range actSamples {
			z := actSampleZ(i)
			f[i] = figure.Vec{X: z, Y: act.F(z)}
			d[i] = figure.Vec{X: z, Y: act.D(z)}
		}
		out[a][0] = [][]figure.Vec{f}
		out[a][1] = [][]figure.Vec{d}
		if actJumps(act) {
			mid := actSamples / 2 // z = 0
			right := append([]figure.Vec{{X: 0, Y: act.D(math.SmallestNonzeroFloat64)}}, d[mid+1:]...)
			out[a][1] = [][]figure.Vec{d[:mid+1], right}
		}
	}
	return out
}

// actJumps reports whether φ′ jumps at z = 0.
func actJumps(act nn.Activation) bool { return act == nn.ReLU || act == nn.LeakyReLU }

// actSampleZ is sample i of [−5, 5].
func actSampleZ(i int) float64 {
	return -actZMax + 2*actZMax*float64(i)/float64(actSamples-1)
}

// actVanishing returns the intervals of [lo, hi] where |φ′| < 0.1: runs
// of samples, their ends found by bisection between a sample inside and
// one outside.
func actVanishing(act nn.Activation, lo, hi float64) [][2]float64 {
	in := func(z float64) bool { return math.Abs(act.D(z)) < actVanish }
	edge := func(a, b float64) float64 { // in(a) ≠ in(b)
		ia := in(a)
		for range actBisectIt {
			m := (a + b) / 2
			if in(m) == ia {
				a = m
			} else {
				b = m
			}
		}
		return (a + b) / 2
	}
	const n = 4 * actSamples
	var out [][2]float64
	start, inside := lo, in(lo)
	prev := lo
	for i := 1; i <= n; i++ {
		z := lo + (hi-lo)*float64(i)/n
		if now := in(z); now != inside {
			e := edge(prev, z)
			if inside {
				out = append(out, [2]float64{start, e})
			}
			start, inside = e, now
		}
		prev = z
	}
	if inside {
		out = append(out, [2]float64{start, hi})
	}
	return out
}

// actDMax is sup φ′ over all z: sigmoid's ¼ and tanh's 1 at z = 0, GELU's
// at z = √2 (where GELU″(z) = φ_N(z)(2 − z²) vanishes), 1 for the others
// (softplus's σ(z) only tends to it).
func actDMax(act nn.Activation) float64 {
	switch act {
	case nn.Sigmoid, nn.Tanh:
		return act.D(0)
	case nn.GELU:
		return act.D(math.Sqrt2)
	}
	return 1
}

// pointer: the cursor follows the pointer over either panel (hover, or a
// press and drag on a touch screen); a press on a faint curve chooses its
// activation.
func (s *activationView) pointer(p lesson.Pointer, v *param.Values) bool {
	if p.Panel != actPanelF && p.Panel != actPanelD {
		return false
	}
	chose := false
	if p.Phase == lesson.Down && p.Button == 0 && strings.HasPrefix(p.Hit, actCurveID) {
		name := strings.TrimPrefix(p.Hit, actCurveID)
		if name != s.act.String() {
			if _, _, err := v.Set(pActivation, name); err == nil {
				s.reset(v)
				chose = true
			}
		}
	}
	if p.Phase == lesson.Up {
		return false
	}
	z := math.Round(math.Max(-actZMax, math.Min(actZMax, p.At.X))*100) / 100
	if z == s.z || math.IsNaN(z) {
		return chose
	}
	s.z = z
	return true
}

// readouts: the cursor's z, φ(z) and φ′(z), and the largest slope.
func (s *activationView) readouts() []lesson.Readout {
	return []lesson.Readout{
		num("z", s.z),
		num("f", s.act.F(s.z)),
		num("df", s.act.D(s.z)),
		num("df_max", actDMax(s.act)),
	}
}

// data is the chosen activation sampled every 0.05 over [−5, 5].
func (s *activationView) data() lesson.Table {
	rows := make([][]float64, actSamples)
	for i := range rows {
		z := actSampleZ(i)
		rows[i] = []float64{z, s.act.F(z), s.act.D(z)}
	}
	return lesson.Table{Columns: []string{"z", "f", "df"}, Rows: rows}
}
