package rnn

import (
	"math"

	"github.com/aimath/playground/core/param"
	core "github.com/aimath/playground/core/rnn"
	"github.com/aimath/playground/lesson"
)

// The gradients view: the freshly initialised net runs over the task's
// first training sequence, the loss is on the last output only (LastMSE),
// and BPTT carries its gradient back to h_1. ‖∂L/∂h_t‖ is plotted against
// t on a log scale with the size of each step's term of ∂L/∂W_h. With one
// linear unit and W_h = ρ the ratio ‖∂L/∂h_1‖/‖∂L/∂h_T‖ is exactly
// |ρ|^(T−1). Nothing is trained: the view is still, and every number is
// computed on reset (and again when truncate or clip change).
type gradView struct {
	set    setup
	k      knobs
	net    *core.Net
	status string
	xs, tg [][]float64
	tr     core.Trace
	g      core.Grad // the gradient BPTT gives with truncation k
	full   core.Grad // the exact gradient (for the check, and trunc_err)
	loss   float64
	radius float64 // spectral radius of W_h, as computed (NaN if it failed)
	fd     float64
	check  checker
}

func (s *gradView) reset(v *param.Values) {
	s.set = readSetup(v)
	s.k = readKnobs(v)
	s.net, s.status = s.set.newNet()
	s.xs, s.tg = s.set.sequence(1, s.set.T)
	s.net.Forward(&s.tr, s.xs)
	target := s.tg[s.set.T-1]
	s.loss = core.LastMSE(s.tr.DY, s.tr.Y, target)
	s.net.Backward(&s.full, &s.tr, s.tr.DY, 0)
	r, err := core.SpectralRadius(s.set.hidden, s.net.Wh)
	if err != nil {
		r = math.NaN()
	}
	s.radius = r
	s.check.pick(s.set, len(s.net.Flat()))
	s.fd = s.check.relErr(s.net, s.xs, lastLoss(target), s.full.Flat())
	s.backward()
}

// backward computes the gradient with the current truncation (the trace
// and dY of the last output are those of reset).
func (s *gradView) backward() {
	s.net.Backward(&s.g, &s.tr, s.tr.DY, s.k.trunc)
}

func (s *gradView) tune(name string, v *param.Values) {
	s.k = readKnobs(v)
	if name == pTruncate {
		s.backward()
	}
}

func (s *gradView) step(*param.Values) bool { return false }
func (s *gradView) unit(*param.Values) bool { return false }

// truncated reports whether truncation changes anything (0 < k < T).
func (s *gradView) truncated() bool { return s.k.trunc > 0 && s.k.trunc < s.set.T }

// ratio is ‖∂L/∂h_1‖/‖∂L/∂h_T‖ (NaN when the last is 0).
func (s *gradView) ratio() float64 {
	return gradRatio(s.g.DHNorm)
}

func gradRatio(n []float64) float64 {
	last := n[len(n)-1]
	if last == 0 {
		return math.NaN()
	}
	return n[0] / last
}

// perStep is the geometric mean factor ratio^(1/(T−1)) by which the
// gradient changes per step back in time.
func (s *gradView) perStep() float64 {
	return math.Pow(s.ratio(), 1/float64(s.set.T-1))
}

// derivProduct is Π_{t=2}^{T} φ′(z_t) for one hidden unit: with W_h = w,
// ∂L/∂h_1 = ∂L/∂h_T · w^(T−1) · Π φ′(z_t) exactly.
func (s *gradView) derivProduct() float64 {
	p := 1.0
	for t := 1; t < s.set.T; t++ {
		p *= s.set.act.Deriv(s.tr.Z[t][0])
	}
	return p
}

// meanDeriv is the mean of φ′(z_t) over the units and the steps 2…T, the
// diagonal factors of the Jacobians the gradient passes through.
func (s *gradView) meanDeriv() float64 {
	sum, n := 0.0, 0
	for t := 1; t < s.set.T; t++ {
		for _, z := range s.tr.Z[t] {
			sum += s.set.act.Deriv(z)
			n++
		}
	}
	return sum / float64(n)
}

// rhoPow is ρ(W_h)^(T−1).
func (s *gradView) rhoPow() float64 { return math.Pow(s.radius, float64(s.set.T-1)) }

// clipped is the gradient's norm after clipping.
func (s *gradView) clipped() float64 {
	n := s.g.Norm()
	if s.k.clip > 0 {
		return math.Min(n, s.k.clip)
	}
	return n
}

func (s *gradView) readouts() []lesson.Readout {
	n := s.g.DHNorm
	ro := []lesson.Readout{
		lesson.Value("loss", s.loss),
		lesson.Num("epoch", 0),
		lesson.Value("grad_first", n[0]),
		lesson.Value("grad_last", n[len(n)-1]),
		lesson.Value("grad_ratio", s.ratio()),
		lesson.Value("step_factor", s.perStep()),
		lesson.Value("spectral_radius", s.radius),
		lesson.Value("rho_pow", s.rhoPow()),
		lesson.Value("grad_norm", s.g.Norm()),
		lesson.Value("grad_norm_clipped", s.clipped()),
		lesson.Value("grad_check_max_rel_err", s.fd),
	}
	if s.truncated() {
		ro = append(ro, lesson.Value("trunc_err", truncErr(&s.g, &s.full)))
	}
	if s.status != "" {
		ro = append(ro, lesson.Str("status", s.status))
	}
	return ro
}

// data is one row per step: t, ‖∂L/∂h_t‖ and ‖δ_t h_{t−1}ᵀ‖_F.
func (s *gradView) data() lesson.Table {
	rows := make([][]float64, s.set.T)
	for t := range rows {
		rows[t] = []float64{float64(t + 1), s.g.DHNorm[t], s.g.WhNorm[t]}
	}
	return lesson.Table{Columns: []string{"t", "grad_norm", "wh_contrib"}, Rows: rows}
}
