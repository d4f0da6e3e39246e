package nn

import (
	"math"
	"strconv"
	"strings"

	"github.com/aimath/playground/core/nn"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// The softmax view: 2 to 6 logits z, a temperature T and a target class
// t. It shows p = softmax(z/T) (core/nn's Softmax, shifted by the maximum
// so that z/T = ±100 cannot overflow), the cross-entropy CE = −log p_t and
// its gradient ∂CE/∂z_i = (p_i − y_i)/T, y the one-hot target. Dragging a
// logit's bar changes it (the logits parameter, to 0.1); clicking a
// probability's bar makes it the target. Nothing plays.

// Panel IDs of the softmax view.
const (
	softmaxPanelZ = "logits" // the logits, draggable
	softmaxPanelP = "probs"  // the probabilities, the target and p − y
)

// Dragged logits snap to 1/softmaxSnap (0.1), so that the URL stays
// readable.
const softmaxSnap = 10

// softmaxView is the state of the softmax view.
type softmaxView struct {
	z      []float64 // the logits
	temp   float64   // T
	target int       // the target parameter, clamped to the logits

	s    []float64 // z/T
	p    []float64 // softmax(z/T)
	logp []float64 // log p, computed without forming p (log-softmax)
	grad []float64 // ∂CE/∂z = (p − y)/T
	ce   float64   // −log p_target
	ent  float64   // the entropy −Σ p log p
	pred int       // the class of the largest probability

	zlim float64 // the logit panel shows [−zlim, zlim]; frozen while dragging
	drag int     // the logit held by the pointer, or −1
	grab float64 // the held logit minus the value at the pointer

	zgeom, pgeom softmaxBars // where the last figure put the bars
}

func (s *softmaxView) reset(v *param.Values) {
	z, err := parseLogits(v.String(pLogits))
	if err != nil { // the spec's Check keeps such text out; the default then
		z = []float64{2, 1, 0.1}
	}
	s.z = z
	s.temp = v.Float(pTemperature)
	s.drag = -1
	s.setTarget(v)
	s.compute()
	s.zlim = softmaxZLim(s.z)
}

func (s *softmaxView) tune(name string, v *param.Values) {
	switch name {
	case pTemperature:
		s.temp = v.Float(pTemperature)
	case pTarget:
		s.setTarget(v)
	default:
		return
	}
	s.compute()
}

// setTarget reads the target class; one beyond the last logit means the
// last (the parameter allows 6 classes whatever their number).
func (s *softmaxView) setTarget(v *param.Values) {
	s.target = min(max(v.Int(pTarget), 0), len(s.z)-1)
}

// compute sets p, log p, the gradient, CE and the entropy. log p_i is
// (s_i − m) − log1p(Σ_{j≠k} e^(s_j − m)) with m = s_k the largest of s:
// no exponential overflows, and a probability that rounds to 1 still
// has its tiny log (CE of the winning class at T = 0.1 is about 1e-87,
// not 0).
func (s *softmaxView) compute() {
	n := len(s.z)
	s.s = fitFloats(s.s, n)
	s.p = fitFloats(s.p, n)
	s.logp = fitFloats(s.logp, n)
	s.grad = fitFloats(s.grad, n)
	k := 0
	for i, z := range s.z {
		s.s[i] = z / s.temp
		if s.s[i] > s.s[k] {
			k = i
		}
	}
	nn.Softmax(s.p, s.s)
	m, rest := s.s[k], 0.0
	for i, x := range s.s {
		if i != k {
			rest += math.Exp(x - m)
		}
	}
	l1p := math.Log1p(rest)
	s.ent = 0
	for i, x := range s.s {
		s.logp[i] = (x - m) - l1p
		s.ent -= s.p[i] * s.logp[i]
		y := 0.0
		if i == s.target {
			y = 1
		}
		s.grad[i] = (s.p[i] - y) / s.temp
	}
	s.ce = -s.logp[s.target]
	s.pred = k
}

// fitFloats returns xs with length n, reusing its memory when it can.
func fitFloats(xs []float64, n int) []float64 {
	if cap(xs) < n {
		return make([]float64, n)
	}
	return xs[:n]
}

// softmaxZLim is the half-height of the logit panel: room for the
// largest logit and a unit more, at least ±3.
func softmaxZLim(z []float64) float64 {
	m := 2.0
	for _, x := range z {
		m = math.Max(m, math.Abs(x))
	}
	return math.Ceil(m) + 1
}

func (s *softmaxView) step(*param.Values) bool { return false }
func (s *softmaxView) unit(*param.Values) bool { return false }

// pointer: pressing a logit's bar or handle drags it; pressing elsewhere
// in its column sets it to the height pressed, then drags it; pressing in
// a probability's column makes that class the target.
func (s *softmaxView) pointer(p lesson.Pointer, v *param.Values) bool {
	switch p.Phase {
	case lesson.Down:
		if p.Button != 0 {
			return false
		}
		g := s.geom(p.Panel)
		if g == nil {
			return false
		}
		i, ok := g.column(p.At.X)
		if !ok {
			return false
		}
		if p.Panel == softmaxPanelP {
			if i == s.target {
				return false
			}
			if _, _, err := v.Set(pTarget, float64(i)); err != nil {
				return false
			}
			s.setTarget(v)
			s.compute()
			return true
		}
		s.drag, s.grab = i, 0
		if p.Hit == "z"+strconv.Itoa(i) { // the bar or its handle: keep the offset
			s.grab = s.z[i] - g.value(p.At.Y)
			return true
		}
		s.setLogit(i, g.value(p.At.Y), v)
		return true
	case lesson.Move:
		if s.drag < 0 || !p.Held || p.Panel != softmaxPanelZ {
			return false
		}
		return s.setLogit(s.drag, s.zgeom.value(p.At.Y)+s.grab, v)
	case lesson.Up:
		if s.drag < 0 {
			return false
		}
		s.drag = -1
		s.zlim = softmaxZLim(s.z) // the window may grow or shrink now
		return true
	}
	return false
}

// setLogit sets logit i to x, snapped to 0.1 within ±10, writes the
// logits parameter and reports whether anything changed.
func (s *softmaxView) setLogit(i int, x float64, v *param.Values) bool {
	// k/10 rather than k·0.1, which would write 0.30000000000000004.
	x = math.Max(-maxLogit, math.Min(maxLogit, math.Round(x*softmaxSnap)/softmaxSnap))
	if x == s.z[i] {
		return false
	}
	s.z[i] = x
	if _, _, err := v.Set(pLogits, formatLogits(s.z)); err != nil {
		return false
	}
	s.compute()
	return true
}

// formatLogits writes logits in the parameter's form, as briefly as they
// read back exactly.
func formatLogits(z []float64) string {
	parts := make([]string, len(z))
	for i, x := range z {
		if x == 0 {
			x = 0 // no "-0"
		}
		parts[i] = strconv.FormatFloat(x, 'f', -1, 64)
	}
	return strings.Join(parts, ",")
}

// readouts: p0 … p(n−1), the cross-entropy, the gradient, the entropy
// and the predicted class.
func (s *softmaxView) readouts() []lesson.Readout {
	n := len(s.z)
	ro := make([]lesson.Readout, 0, 2*n+3)
	for i, p := range s.p {
		ro = append(ro, num("p"+strconv.Itoa(i), p))
	}
	ro = append(ro, num("ce", s.ce))
	for i, g := range s.grad {
		ro = append(ro, num("grad"+strconv.Itoa(i), g))
	}
	return append(ro, num("entropy", s.ent), lesson.Num("pred", float64(s.pred)))
}

// data is one row per class: its logit, probability and ∂CE/∂z.
func (s *softmaxView) data() lesson.Table {
	rows := make([][]float64, len(s.z))
	for i := range rows {
		rows[i] = []float64{float64(i), s.z[i], s.p[i], s.grad[i]}
	}
	return lesson.Table{Columns: []string{"class", "logit", "p", "grad"}, Rows: rows}
}
