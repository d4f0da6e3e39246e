package rnn

import (
	"math"

	"github.com/aimath/playground/core/param"
	core "github.com/aimath/playground/core/rnn"
	"github.com/aimath/playground/lesson"
)

// The unroll view: the net drawn unrolled over the T steps of one
// training sequence, and one training step animated stage by stage. A
// cycle has 2T+2 stages: 0 shows the inputs and targets (ready), 1…T
// compute h_t and y_t left to right (forward), T+1…2T carry ∂L/∂h_t back
// from t = T to t = 1 (backward), and 2T+1 applies the update θ ← θ −
// η·clip(∂L/∂θ) (update). The next stage starts a new cycle on the next
// training sequence with the new weights. Everything is computed when a
// cycle starts; the stages only reveal it, so play costs nothing per tick
// but the cycle's start and its update (one training step). Cycle k uses
// the sequence and the update of the train view's step k, so the same
// settings give the same nets in both views.

const (
	// unrollCycle is how long a cycle of play takes at speed 1, in
	// seconds, unless that is faster than unrollMinPace stages a second.
	unrollCycle   = 8.0
	unrollMinPace = 4.0
	ticksPerSec   = 60.0
)

type unrollView struct {
	set    setup
	k      knobs
	l      learner
	status string // keyDiverged, or ""
	warn   string // keyEigen, or ""

	xs, tg     [][]float64
	loss       float64 // of the current weights on xs
	lossBefore float64 // at the start of the cycle
	clipped    bool    // the update's gradient was clipped
	full       core.Grad
	fd         float64
	check      checker
	ev         core.Trace

	stage int
	frac  float64
	cycle int // grows with every cycle (raster keys)
	focus int // the step the pointer is on in the overview panels, or 0
}

func (s *unrollView) reset(v *param.Values) {
	s.set = readSetup(v)
	s.k = readKnobs(v)
	s.warn = s.l.init(s.set)
	s.status = ""
	s.check.pick(s.set, len(s.l.net.Flat()))
	s.focus = 0
	s.startCycle()
}

// pointer: on the overview panels under the net, the step under the
// pointer is shown in the net (in the column that stands for the elided
// steps, when it is one of them) and marked; elsewhere the mark goes.
func (s *unrollView) pointer(p lesson.Pointer) bool {
	focus := s.focus
	switch {
	case p.Panel == unPanelSeq || p.Panel == unPanelGrad:
		focus = min(max(int(math.Round(p.At.X)), 1), s.set.T)
	case p.Phase != lesson.Up:
		focus = 0
	}
	changed := focus != s.focus
	s.focus = focus
	return changed
}

// last is the update stage, 2T+1.
func (s *unrollView) last() int { return 2*s.set.T + 1 }

// startCycle draws the next training sequence and computes the forward
// pass, the (possibly truncated) gradient and its check.
func (s *unrollView) startCycle() {
	s.cycle++
	s.stage, s.frac = 0, 0
	s.xs, s.tg = s.set.sequence(uint64(s.l.epoch)+1, s.set.T)
	s.lossBefore = s.l.gradient(s.xs, s.tg, s.k.trunc)
	s.loss = s.lossBefore
	s.clipped = false
	s.l.net.Backward(&s.full, &s.l.tr, s.l.tr.DY, 0)
	s.fd = s.check.relErr(s.l.net, s.xs, seqLoss(s.tg), s.full.Flat())
}

// update applies the cycle's gradient; a step that diverges is undone.
func (s *unrollView) update() {
	s.clipped = s.l.update(s.k)
	s.l.net.Forward(&s.ev, s.xs)
	after := core.SeqMSE(s.ev.DY, s.ev.Y, s.tg)
	if s.l.blewUp(after) {
		s.l.undo()
		s.status = keyDiverged
		return
	}
	s.l.epoch++
	s.loss = after
}

func (s *unrollView) tune(name string, v *param.Values) {
	s.k = readKnobs(v)
	switch name {
	case pLR, pClip:
		if s.status == keyDiverged {
			s.status = ""
		}
	case pTruncate:
		if s.stage < s.last() { // after the update the gradient was used
			s.l.net.Backward(&s.l.g, &s.l.tr, s.l.tr.DY, s.k.trunc)
			s.l.norm = s.l.g.Norm()
		}
	}
}

// unit moves one stage: the update at stage 2T+1, a new cycle after it.
func (s *unrollView) unit(*param.Values) bool {
	if s.status != "" {
		return false
	}
	switch s.stage {
	case s.last():
		s.startCycle()
	case s.last() - 1:
		s.stage++
		s.update()
	default:
		s.stage++
	}
	return s.stage < s.last() && s.status == ""
}

// step plays a cycle: a cycle of 2T+2 stages takes unrollCycle seconds at
// speed 1 (at least unrollMinPace stages a second). Play stops after the
// update; playing again starts the next cycle.
func (s *unrollView) step(v *param.Values) bool {
	if s.status != "" {
		return false
	}
	if s.stage == s.last() {
		s.startCycle()
	}
	pace := math.Max(unrollMinPace, float64(s.last()+1)/unrollCycle)
	s.frac += v.Float(pSpeed) * pace / ticksPerSec
	for s.frac >= 1 && s.stage < s.last() && s.status == "" {
		s.frac--
		s.unit(v)
	}
	return s.stage < s.last() && s.status == ""
}

// forwardTo is the last step whose h_t and y_t are computed (0 … T).
func (s *unrollView) forwardTo() int { return min(s.stage, s.set.T) }

// backTo is the earliest step ∂L/∂h_t has reached (T+1: not started).
func (s *unrollView) backTo() int {
	if s.stage <= s.set.T {
		return s.set.T + 1
	}
	return max(1, s.last()-s.stage)
}

// current is the step of the stage shown (0 when ready or after the
// update), and the phase.
func (s *unrollView) current() (t int, phase string) {
	T := s.set.T
	switch {
	case s.stage == 0:
		return 0, phaseReady
	case s.stage <= T:
		return s.stage, phaseForward
	case s.stage < s.last():
		return s.last() - s.stage, phaseBackward
	}
	return 0, phaseUpdate
}

func (s *unrollView) readouts() []lesson.Readout {
	n := s.l.g.DHNorm
	t, phase := s.current()
	ro := []lesson.Readout{
		lesson.Value("loss", s.loss),
		lesson.Num("epoch", float64(s.l.epoch)),
		lesson.Str("phase", phase),
	}
	if t > 0 {
		ro = append(ro, lesson.Num("t", float64(t)))
	}
	ro = append(ro,
		lesson.Value("grad_first", n[0]),
		lesson.Value("grad_last", n[len(n)-1]),
		lesson.Value("grad_ratio", gradRatio(n)),
		lesson.Value("grad_norm", s.l.norm),
		lesson.Value("grad_check_max_rel_err", s.fd),
	)
	if s.k.trunc > 0 && s.k.trunc < s.set.T && s.stage < s.last() {
		ro = append(ro, lesson.Value("trunc_err", truncErr(&s.l.g, &s.full)))
	}
	return append(ro, statusReadout(s.status, s.warn)...)
}

// data is one row per step of the cycle's sequence: t, the input, the
// output y_t and its target (indices into core.Alphabet for "chars";
// "memory" has no target column), ‖∂L/∂h_t‖ and ‖δ_t h_{t−1}ᵀ‖_F.
func (s *unrollView) data() lesson.Table {
	cols := []string{"t", "x", "y", "target", "grad_norm", "wh_contrib"}
	memory := s.set.task == "memory"
	if memory {
		cols = []string{"t", "x", "y", "grad_norm", "wh_contrib"}
	}
	rows := make([][]float64, s.set.T)
	for t := range rows {
		x, y := s.l.tr.X[t], s.l.tr.Y[t]
		row := []float64{float64(t + 1)}
		switch {
		case s.set.task == "chars":
			row = append(row, float64(charIndex(x)), float64(charIndex(y)), float64(charIndex(s.tg[t])))
		case memory:
			row = append(row, x[0], y[0])
		default:
			row = append(row, x[0], y[0], s.tg[t][0])
		}
		rows[t] = append(row, s.l.g.DHNorm[t], s.l.g.WhNorm[t])
	}
	return lesson.Table{Columns: cols, Rows: rows}
}
