package rnn

import (
	"math"

	"github.com/aimath/playground/core/param"
	core "github.com/aimath/playground/core/rnn"
	"github.com/aimath/playground/lesson"
)

// The train view: stochastic gradient descent on the chosen task, one
// fresh sequence per step (sequence k+1 at step k, drawn with the seed),
// BPTT truncated at k steps when asked, the gradient clipped to norm c
// when c > 0. The net is judged on a fixed window (sequence seqWindow):
// its loss after every step is the loss curve, its predictions are drawn
// against the truth, and after the window the net runs free, each output
// fed back as the next input. "memory" has one target a sequence, so it
// is judged on memEval sequences instead, drawn as y_T against x_1. For the series tasks an AR(τ) model, fitted
// by least squares to a long series of the same task (seqAR), predicts
// the same window from the τ values before each step: the window is
// preceded by arPrefix values of its series so that the AR model has a
// history from the first step, while the RNN starts from h_0 = 0.

const (
	// trainPace: training steps per tick at speed 1.
	trainPace = 4
	// tickBudget bounds the multiply-adds of play in one tick (about
	// 2 ms under wasm; see BenchmarkStepTrain).
	tickBudget = 2e6
	// arPrefix values of the window's series come before it (the most τ
	// can ask for).
	arPrefix = maxTau
	// arLen is the length of the series the AR model is fitted to.
	arLen = 400
	// emaRate is the weight of the newest step in the average training
	// loss.
	emaRate = 0.05
	// maxHist: the loss curve keeps at most 2·maxHist points, dropping
	// every other one when full.
	maxHist = 1000
	// memEval: the memory task is judged on this many sequences (one
	// target each), sequence seqWindow and seqAR−1, seqAR−2, ….
	memEval = 16
)

// seqPair is a sequence's inputs and targets.
type seqPair struct{ xs, tg [][]float64 }

// histPoint is one point of the loss curves.
type histPoint struct {
	epoch       int
	loss, train float64 // train is NaN before the first step
}

type trainView struct {
	set    setup
	k      knobs
	tau    int
	gen    int
	l      learner
	status string // keyDiverged, or ""
	warn   string // keyEigen, or ""
	acc    stepAcc

	// The window: all holds the inputs and targets of the whole sequence
	// (prefix, window, what comes after), xs and tg the window's T steps.
	prefix         int
	allX, allT     [][]float64
	xs, tg         [][]float64
	series         []float64 // series tasks: s_0 … s_N of the whole sequence
	evals          []seqPair // what the loss is measured on: the window, or memEval sequences
	memPred        []float64 // memory: y_T of each of evals
	ev             core.Trace
	loss           float64 // on the window
	trainLoss      float64 // average of the training losses (emaRate)
	clips          int     // steps whose gradient was clipped
	hist           []histPoint
	arPred, arGen  []float64
	arLoss, arGenL float64

	// Refreshed when needed, after the weights change: the free-running
	// generation, and the window's gradient with its check.
	genFresh  bool
	rnnGen    [][]float64
	genLoss   float64
	gradFresh bool
	wg, full  core.Grad
	fd        float64
	check     checker
}

func (s *trainView) reset(v *param.Values) {
	s.set = readSetup(v)
	s.k = readKnobs(v)
	s.tau, s.gen = v.Int(pTau), v.Int(pGenerate)
	s.warn = s.l.init(s.set)
	s.status = ""
	s.acc = stepAcc{}
	s.prefix = 0
	if s.set.scalar() {
		s.prefix = arPrefix
	}
	s.loadWindow()
	s.fitAR()
	s.loss = s.evalLoss()
	s.trainLoss, s.clips = math.NaN(), 0
	s.hist = s.hist[:0]
	s.record()
	s.check.pick(s.set, len(s.l.net.Flat()))
	s.genFresh, s.gradFresh = false, false
}

// generating is how many steps the net runs free after the window: none
// for "memory", whose target is not its next input.
func (s *trainView) generating() int {
	if s.set.task == "memory" {
		return 0
	}
	return s.gen
}

// loadWindow draws the window's sequence with its prefix and what comes
// after it.
func (s *trainView) loadWindow() {
	n := s.prefix + s.set.T + s.generating()
	s.allX, s.allT = s.set.sequence(seqWindow, n)
	s.xs = s.allX[s.prefix : s.prefix+s.set.T]
	s.tg = s.allT[s.prefix : s.prefix+s.set.T]
	s.series = nil
	s.evals = append(s.evals[:0], seqPair{s.xs, s.tg})
	if s.set.task == "memory" {
		for j := 1; j < memEval; j++ {
			xs, tg := s.set.sequence(seqAR-uint64(j), s.set.T)
			s.evals = append(s.evals, seqPair{xs, tg})
		}
	}
	if s.set.scalar() {
		s.series = make([]float64, n+1)
		for i, x := range s.allX {
			s.series[i] = x[0]
		}
		s.series[n] = s.allT[n-1][0]
	}
}

// fitAR fits AR(τ) to a long series of the task and predicts the window
// (one step ahead, from the true history) and what follows it (free
// running). It does nothing for tasks that are not series.
func (s *trainView) fitAR() {
	s.arPred, s.arGen = nil, nil
	if !s.set.scalar() {
		return
	}
	xs, tg := s.set.sequence(seqAR, arLen)
	train := make([]float64, 0, arLen+1)
	for _, x := range xs {
		train = append(train, x[0])
	}
	train = append(train, tg[arLen-1][0])
	ar, err := core.FitAR(train, s.tau)
	if err != nil {
		panic(err) // cannot happen: 401 values and τ ≤ 20
	}
	P, T := s.prefix, s.set.T
	s.arPred = make([]float64, T)
	s.arLoss = 0
	for t := range T {
		p := ar.Predict(s.series[:P+t+1])
		s.arPred[t] = p
		e := p - s.series[P+t+1]
		s.arLoss += e * e / 2 / float64(T)
	}
	s.arGen = ar.Generate(s.series[:P+T+1], s.generating())
	s.arGenL = meanSqErr(s.arGen, s.series[P+T+1:])
}

// meanSqErr is the mean of ½(p − q)² (0 for no values).
func meanSqErr(p, q []float64) float64 {
	if len(p) == 0 {
		return 0
	}
	sum := 0.0
	for i, x := range p {
		e := x - q[i]
		sum += e * e / 2
	}
	return sum / float64(len(p))
}

// evalLoss runs the net over the window (for "memory", its memEval
// sequences) and returns the mean loss.
func (s *trainView) evalLoss() float64 {
	s.memPred = s.memPred[:0]
	sum := 0.0
	for _, e := range s.evals {
		s.l.net.Forward(&s.ev, e.xs)
		sum += core.SeqMSE(s.ev.DY, s.ev.Y, e.tg)
		s.memPred = append(s.memPred, s.ev.Y[s.set.T-1][0])
	}
	return sum / float64(len(s.evals))
}

// record appends the current losses to the history, halving it when full.
func (s *trainView) record() {
	if len(s.hist) >= 2*maxHist {
		last := s.hist[len(s.hist)-1]
		half := s.hist[:0]
		for i := 0; i < len(s.hist); i += 2 {
			half = append(half, s.hist[i])
		}
		if half[len(half)-1] != last {
			half = append(half, last)
		}
		s.hist = half
	}
	s.hist = append(s.hist, histPoint{s.l.epoch, s.loss, s.trainLoss})
}

// once takes one training step; a step that diverges is undone, and the
// view stops with status diverged.
func (s *trainView) once() bool {
	if s.status != "" {
		return false
	}
	xs, tg := s.set.sequence(uint64(s.l.epoch)+1, s.set.T)
	l := s.l.gradient(xs, tg, s.k.trunc)
	clipped := s.l.update(s.k)
	loss := s.evalLoss()
	if s.l.blewUp(loss) {
		s.l.undo()
		s.loss = s.evalLoss()
		s.status = keyDiverged
		return false
	}
	s.l.epoch++
	if clipped {
		s.clips++
	}
	s.loss = loss
	if math.IsNaN(s.trainLoss) {
		s.trainLoss = l
	} else {
		s.trainLoss += emaRate * (l - s.trainLoss)
	}
	s.record()
	s.genFresh, s.gradFresh = false, false
	return true
}

func (s *trainView) tune(name string, v *param.Values) {
	s.k = readKnobs(v)
	switch name {
	case pLR, pClip:
		if s.status == keyDiverged {
			s.status = "" // another try from the last finite weights
		}
	case pTruncate:
		s.gradFresh = false
	case pTau:
		s.tau = v.Int(pTau)
		s.fitAR()
	case pGenerate:
		s.gen = v.Int(pGenerate)
		s.loadWindow()
		s.fitAR()
		s.genFresh = false
	}
}

// step does speed·trainPace steps a tick, as far as tickBudget allows.
func (s *trainView) step(v *param.Values) bool {
	if s.status != "" {
		return false
	}
	cost := s.set.stepCost(s.k.trunc) + float64(len(s.evals)-1)*s.set.forwardCost()
	n := s.acc.take(v.Float(pSpeed)*trainPace, cost, tickBudget)
	for range n {
		if !s.once() {
			break
		}
	}
	return s.status == ""
}

// unit is exactly one training step.
func (s *trainView) unit(*param.Values) bool {
	s.once()
	return s.status == ""
}

// refreshGen runs the net free after the window.
func (s *trainView) refreshGen() {
	if s.genFresh {
		return
	}
	s.genFresh = true
	n := s.generating()
	if n == 0 {
		s.rnnGen, s.genLoss = nil, 0
		return
	}
	var feed core.Feed
	if s.set.task == "chars" {
		feed = core.FeedOneHot
	}
	s.rnnGen = s.l.net.Generate(s.xs, n+1, feed)[1:]
	T := s.prefix + s.set.T
	sum := 0.0
	for i, y := range s.rnnGen {
		for o, v := range y {
			e := v - s.allT[T+i][o]
			sum += e * e / 2
		}
	}
	s.genLoss = sum / float64(n)
}

// refreshGrad computes the window's gradient (with truncation, for the
// per-step norms) and checks the exact one by finite differences.
func (s *trainView) refreshGrad() {
	if s.gradFresh {
		return
	}
	s.gradFresh = true
	net := s.l.net
	net.Forward(&s.ev, s.xs)
	core.SeqMSE(s.ev.DY, s.ev.Y, s.tg)
	net.Backward(&s.full, &s.ev, s.ev.DY, 0)
	net.Backward(&s.wg, &s.ev, s.ev.DY, s.k.trunc)
	s.fd = s.check.relErr(net, s.xs, seqLoss(s.tg), s.full.Flat())
}

// accuracy is the fraction of steps whose largest output is the target
// character ("chars").
func accuracy(ys, tg [][]float64) float64 {
	right := 0
	for t, y := range ys {
		if charIndex(y) == charIndex(tg[t]) {
			right++
		}
	}
	return float64(right) / float64(len(ys))
}

func (s *trainView) readouts() []lesson.Readout {
	s.refreshGen()
	s.refreshGrad()
	n := s.wg.DHNorm
	ro := []lesson.Readout{
		lesson.Value("loss", s.loss),
		lesson.Num("epoch", float64(s.l.epoch)),
	}
	if s.l.epoch > 0 {
		ro = append(ro, lesson.Value("train_loss", s.trainLoss))
	}
	switch {
	case s.set.scalar():
		ro = append(ro, lesson.Value("ar_loss", s.arLoss))
		if s.generating() > 0 {
			ro = append(ro, lesson.Value("gen_loss", s.genLoss), lesson.Value("ar_gen_loss", s.arGenL))
		}
	default:
		ro = append(ro, lesson.Str("ar_loss", keyNoAR))
	}
	if s.set.task == "chars" {
		s.l.net.Forward(&s.ev, s.xs)
		ro = append(ro, lesson.Num("accuracy", accuracy(s.ev.Y, s.tg)))
		if g := s.generating(); g > 0 {
			T := s.prefix + s.set.T
			ro = append(ro, lesson.Num("gen_accuracy", accuracy(s.rnnGen, s.allT[T:T+g])))
		}
	}
	ro = append(ro,
		lesson.Value("grad_first", n[0]),
		lesson.Value("grad_last", n[len(n)-1]),
		lesson.Value("grad_ratio", gradRatio(n)),
		lesson.Value("grad_norm", s.wg.Norm()),
	)
	if s.k.clip > 0 && s.l.epoch > 0 {
		ro = append(ro, lesson.Num("clip_rate", float64(s.clips)/float64(s.l.epoch)))
	}
	ro = append(ro, lesson.Value("grad_check_max_rel_err", s.fd))
	if s.k.trunc > 0 && s.k.trunc < s.set.T {
		ro = append(ro, lesson.Value("trunc_err", truncErr(&s.wg, &s.full)))
	}
	return append(ro, statusReadout(s.status, s.warn)...)
}

// data is the window and what follows it, one row per step t: the input
// x_t, the target, the RNN's output (teacher-forced in the window, free
// running after it) and the AR model's prediction (series tasks); for
// "chars" the values are indices into core.Alphabet. For "memory" it is
// what the figure shows: one row per judged sequence, its target x_1 and
// the output y_T.
func (s *trainView) data() lesson.Table {
	if s.set.task == "memory" {
		rows := make([][]float64, len(s.evals))
		for j, e := range s.evals {
			rows[j] = []float64{float64(j + 1), e.xs[0][0], s.memPred[j]}
		}
		return lesson.Table{Columns: []string{"sequence", "target", "rnn"}, Rows: rows}
	}
	s.refreshGen()
	s.l.net.Forward(&s.ev, s.xs)
	T, P := s.set.T, s.prefix
	cols := []string{"t", "x", "target", "rnn"}
	if s.set.scalar() {
		cols = append(cols, "ar")
	}
	var rows [][]float64
	for t := range T + s.generating() {
		var y []float64
		var ar float64
		if t < T {
			y = s.ev.Y[t]
		} else {
			y = s.rnnGen[t-T]
		}
		if s.set.scalar() && t < T {
			ar = s.arPred[t]
		} else if s.set.scalar() {
			ar = s.arGen[t-T]
		}
		x, tg := s.allX[P+t], s.allT[P+t]
		if s.set.scalar() {
			rows = append(rows, []float64{float64(t + 1), x[0], tg[0], y[0], ar})
		} else {
			rows = append(rows, []float64{float64(t + 1), float64(charIndex(x)), float64(charIndex(tg)), float64(charIndex(y))})
		}
	}
	return lesson.Table{Columns: cols, Rows: rows}
}
