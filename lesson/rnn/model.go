package rnn

import (
	"math"
	"math/rand/v2"
	"strings"

	"gonum.org/v1/gonum/floats"

	"github.com/aimath/playground/core/param"
	core "github.com/aimath/playground/core/rnn"
	"github.com/aimath/playground/lesson"
)

// Streams and sequence numbers. A task's sequences are drawn with
// core.Task from the seed taskSeed(seed, i): i = seqWindow is the train
// view's window, training step k (k = 0, 1, …) uses i = k+1 in the
// unroll and train views alike (so the same settings train the same net
// in both), and i = seqAR is the long series the AR model is fitted to.
const (
	initStream = 0x696e6974 // "init": the PCG stream of the weights
	fdStream   = 0x6664     // "fd": the parameters the check picks
	seqWindow  = 0
	seqAR      = math.MaxUint32
)

const (
	// lossHuge: a step that makes the loss larger (or NaN, or infinite)
	// counts as diverged and is undone.
	lossHuge = 1e12
	// fdH is the step of the central differences.
	fdH = 1e-5
	// fdBudget bounds the multiply-adds of one finite-difference check
	// (about 3 ms under wasm); fdMin parameters are checked at least.
	fdBudget = 2e6
	fdMin    = 4
	// actCost is what one activation costs, in multiply-adds, for the
	// work estimates (a tanh under wasm costs about as much as 20).
	actCost = 20
)

// taskSeed is the seed core.Task gets for sequence i.
func taskSeed(seed int, i uint64) uint64 { return uint64(seed)<<32 | i }

// setup is what a view builds its net and data from: the structural
// parameters.
type setup struct {
	task   string
	width  int // In = Out: 1, or one unit per character for "chars"
	hidden int
	T      int
	rho    float64
	act    core.Activation
	seed   int
}

func readSetup(v *param.Values) setup {
	act, err := core.ParseActivation(v.String(pActivation))
	if err != nil {
		panic(err) // cannot happen: the spec's choices are the names
	}
	s := setup{
		task:   v.String(pTask),
		width:  1,
		hidden: v.Int(pHidden),
		T:      v.Int(pSeqLen),
		rho:    v.Float(pRho),
		act:    act,
		seed:   v.Int(pSeed),
	}
	if s.task == "chars" {
		s.width = len(core.Alphabet)
	}
	return s
}

// sequence returns the inputs and targets of sequence i, n steps long.
func (s setup) sequence(i uint64, n int) (xs, tg [][]float64) {
	xs, tg, err := core.Task(s.task, n, taskSeed(s.seed, i))
	if err != nil {
		panic(err) // cannot happen: n ≥ 1 and the spec's choices are the names
	}
	return xs, tg
}

// scalar reports whether the task is a series of numbers (an AR model
// and a plot of values make sense).
func (s setup) scalar() bool { return s.task == "sine" || s.task == "sines" }

// newNet returns the initial net: weights drawn from the seed, W_h of
// spectral radius ρ. status is keyEigen if that failed (never seen in
// practice; the net is then usable but W_h is not scaled).
func (s setup) newNet() (net *core.Net, status string) {
	net = core.New(s.width, s.hidden, s.width, s.act)
	if err := net.Init(rand.New(rand.NewPCG(uint64(s.seed), initStream)), s.rho); err != nil {
		return net, keyEigen
	}
	return net, ""
}

// forwardCost estimates the multiply-adds of one forward pass.
func (s setup) forwardCost() float64 {
	return float64(s.T) * float64(s.hidden) * float64(s.hidden+2*s.width+actCost)
}

// stepCost estimates one training step: the forward pass, the backward
// pass (twice the forward, plus T·(k−1) extra recurrent steps when
// truncated at k), and the forward pass over the window that follows.
func (s setup) stepCost(trunc int) float64 {
	c := 4 * s.forwardCost()
	if trunc > 0 && trunc < s.T {
		c += float64(s.T) * float64(trunc-1) * float64(s.hidden*s.hidden)
	}
	return c
}

// knobs are the live parameters of training.
type knobs struct {
	trunc int
	clip  float64 // 0: no clipping
	lr    float64
}

func readKnobs(v *param.Values) knobs {
	return knobs{trunc: v.Int(pTruncate), clip: v.Float(pClip), lr: v.Float(pLR)}
}

// learner is a net with what one training step needs: the forward trace,
// the gradient, and the last weights whose loss was still sane (to go back
// to when training diverges).
type learner struct {
	net   *core.Net
	tr    core.Trace
	g     core.Grad
	good  []float64 // the latest weights with a loss ≤ saneFactor × the first loss
	first float64   // the loss at the first gradient (NaN before it)
	epoch int       // training steps taken
	norm  float64   // ‖∂L/∂θ‖ of the last gradient, before clipping
}

// saneFactor bounds the losses whose weights a divergence falls back to:
// a run that blows up passes through ever larger losses first, and going
// back only one step would keep weights already far gone (a loss of 1e11,
// say), from which clipping cannot bring the run back.
const saneFactor = 10

func (l *learner) init(s setup) string {
	var status string
	l.net, status = s.newNet()
	l.good = append(l.good[:0], l.net.Flat()...)
	l.first = math.NaN()
	l.epoch, l.norm = 0, 0
	return status
}

// gradient runs the net over xs, and BPTT (truncated at k) on the mean
// squared error against tg; it returns the loss. The trace and the
// gradient stay in l.tr and l.g.
func (l *learner) gradient(xs, tg [][]float64, k int) float64 {
	l.net.Forward(&l.tr, xs)
	loss := core.SeqMSE(l.tr.DY, l.tr.Y, tg)
	if math.IsNaN(l.first) {
		l.first = loss
	}
	if loss <= saneFactor*l.first && allFinite(l.net.Flat()) {
		copy(l.good, l.net.Flat())
	}
	l.net.Backward(&l.g, &l.tr, l.tr.DY, k)
	l.norm = l.g.Norm()
	return loss
}

// update takes one step of gradient descent, θ ← θ − η·clip(∂L/∂θ), on
// the gradient in l.g. It reports whether clipping scaled the gradient
// down.
func (l *learner) update(k knobs) (clipped bool) {
	if k.clip > 0 {
		clipped = l.g.ClipNorm(k.clip) > k.clip
	}
	l.net.AddScaled(-k.lr, &l.g.Weights)
	return clipped
}

// undo puts back the latest weights whose loss was sane (see saneFactor).
func (l *learner) undo() { copy(l.net.Flat(), l.good) }

// blewUp reports whether loss (after a step) or the weights show
// divergence: NaN, an infinity, or a loss above lossHuge.
func (l *learner) blewUp(loss float64) bool {
	return !(loss <= lossHuge) || !allFinite(l.net.Flat())
}

// statusReadout is the status readout, if any: a divergence, else a
// warning about the net.
func statusReadout(status, warn string) []lesson.Readout {
	switch {
	case status != "":
		return []lesson.Readout{lesson.Str("status", status)}
	case warn != "":
		return []lesson.Readout{lesson.Str("status", warn)}
	}
	return nil
}

func allFinite(xs []float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// checker compares a gradient with central differences of the loss on a
// bounded set of parameters: all of them when 2·n forward passes fit in
// fdBudget multiply-adds, else as many as fit (at least fdMin), drawn
// with the seed.
type checker struct {
	idx []int
	tr  core.Trace
}

func (c *checker) pick(s setup, n int) {
	m := max(fdMin, int(fdBudget/(2*s.forwardCost())))
	if m >= n {
		c.idx = c.idx[:0]
		for i := range n {
			c.idx = append(c.idx, i)
		}
		return
	}
	rng := rand.New(rand.NewPCG(uint64(s.seed), fdStream))
	c.idx = rng.Perm(n)[:m]
}

// relErr returns max_i |FD_i − grad_i| / max_i |grad_i| over the picked
// parameters i, with FD_i = (L(θ + h·e_i) − L(θ − h·e_i))/(2h) and
// loss(tr) the loss of the net's forward pass in tr (max_i |FD_i| when
// the gradient is 0 there). net's weights are restored.
func (c *checker) relErr(net *core.Net, xs [][]float64, loss func(*core.Trace) float64, grad []float64) float64 {
	w := net.Flat()
	var diff, scale float64
	for _, i := range c.idx {
		wi := w[i]
		w[i] = wi + fdH
		net.Forward(&c.tr, xs)
		lp := loss(&c.tr)
		w[i] = wi - fdH
		net.Forward(&c.tr, xs)
		lm := loss(&c.tr)
		w[i] = wi
		fd := (lp - lm) / (2 * fdH)
		diff = math.Max(diff, math.Abs(fd-grad[i]))
		scale = math.Max(scale, math.Abs(grad[i]))
	}
	if scale == 0 {
		return diff
	}
	return diff / scale
}

// seqLoss and lastLoss are the two losses as functions of a trace.
func seqLoss(tg [][]float64) func(*core.Trace) float64 {
	return func(tr *core.Trace) float64 { return core.SeqMSE(tr.DY, tr.Y, tg) }
}

func lastLoss(target []float64) func(*core.Trace) float64 {
	return func(tr *core.Trace) float64 { return core.LastMSE(tr.DY, tr.Y, target) }
}

// truncErr is ‖g_k − g‖/‖g‖: how far the truncated gradient is from the
// exact one (0 when both are 0).
func truncErr(trunc, full *core.Grad) float64 {
	n := full.Norm()
	d := floats.Distance(trunc.Flat(), full.Flat(), 2)
	if n == 0 {
		return d
	}
	return d / n
}

// charIndex is the index in core.Alphabet of a one-hot (or output)
// vector's largest entry.
func charIndex(y []float64) int { return strings.IndexByte(core.Alphabet, core.CharOf(y)) }

// charLabel is how a character is written on the canvas (a space as a
// middle dot, which stays visible).
func charLabel(c byte) string {
	if c == ' ' {
		return "·"
	}
	return string(c)
}

// stepAcc accumulates play: speed·pace units a tick, as far as a budget
// of multiply-adds allows. A unit dearer than the budget waits until the
// credit of several ticks covers it, so the work per tick stays bounded
// on average.
type stepAcc struct {
	units  float64 // units owed
	credit float64 // multiply-adds available
}

// take returns how many units to do this tick, each costing cost, at
// rate units per tick, with budget multiply-adds a tick.
func (a *stepAcc) take(rate, cost, budget float64) int {
	a.units = math.Min(a.units+rate, math.Max(rate, 1))
	a.credit = math.Min(a.credit+budget, math.Max(budget, cost))
	n := 0
	for a.units >= 1 && a.credit >= cost {
		a.units--
		a.credit -= cost
		n++
	}
	return n
}
