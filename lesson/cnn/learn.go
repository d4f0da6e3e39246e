package cnn

import (
	"math"
	"math/rand/v2"
	"slices"

	"github.com/aimath/playground/core/conv"
	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// The learn view: gradient descent on a kernel W and a bias c so that
// X ⋆ W + c reproduces T = X ⋆ Kₜ, the output of the target kernel on the
// gray input. The loss is L = ½·mean((X ⋆ W + c − T)²), so ∂L/∂Y is
// (Y − T)/N for N outputs and conv.BackwardInto turns it into ∂L/∂W and
// ∂L/∂c. L is quadratic in (W, c) with Hessian AᵀA/N (A: one row per
// output, the input window and a 1), so gradient descent converges for
// lr < 2/λ_max of it and diverges above: about 0.96 for the digit at
// 30×30 with a 3×3 kernel, smaller for bigger kernels and brighter
// images.
//
// One update at 256×256 with a 7×7 kernel takes a few milliseconds
// natively and over ten under wasm, more than a frame can spare, so an
// update runs in bands of output rows spread over ticks: first the
// gradient, band by band (conv.BackwardInto on the input rows under the
// band), then the output of the new kernel, band by band (conv.Forward).
// The input is padded once with zeros so that every band is an ordinary
// convolution without padding. Readouts and the figure show only whole
// updates.

// Values of the learn view's status readout.
const (
	lnDiverged  = "diverged"
	lnConverged = "converged"
)

const (
	// lnTol: a loss below it is converged (play stops).
	lnTol = 1e-10
	// lnHuge: a loss above it counts as diverged, like NaN and ±Inf.
	lnHuge = 1e12
	// lnInitSD is the standard deviation of the random initial values.
	lnInitSD = 0.1
	// lnStream is the second word of the PCG seed (the first is seed).
	lnStream = 0x6c6561726e // "learn"
	// lnWork bounds the multiply-adds of updates in one tick (about 1 ms
	// under wasm): an output row costs 2·k²·OW for the gradient (∂L/∂W
	// and ∂L/∂X) and k²·OW for the forward pass; at least one row is done.
	lnWork = 6e5
	// lnMaxHist: the loss curve keeps at most 2·lnMaxHist points, halving
	// them (every other one) when full.
	lnMaxHist = 1000
)

type learnView struct {
	in      *input
	kt      *conv.Tensor // the target kernel Kₜ
	t       conv.Tensor  // T = X ⋆ Kₜ
	problem string       // why there is no output ("" if there is)
	tLim    float64      // the colour range of T and the output (symRange of T)

	xp conv.Tensor // the gray input with P rows and columns of zeros around
	q  conv.Params // the settings without padding, for xp

	w, wNext []conv.Tensor // W, and W after the update in progress (one each)
	c, cNext []float64     // c, and c after the update in progress (one each)
	y, yNext conv.Tensor   // X ⋆ W + c, and after the update in progress
	dy       conv.Tensor   // ∂L/∂Y
	l        float64       // L at (W, c)

	// The update in progress: its phase, the next output row of the
	// phase, ∂L/∂W and ∂L/∂c summed over the bands done (gw, gc), the
	// squared errors of the new output summed so far (se), and scratch
	// for one band's gradients.
	phase  int
	row    int
	gw     []float64
	gc     float64
	se     float64
	bandDX conv.Tensor
	bandDW []conv.Tensor // one
	bandDC []float64     // one

	iter  int          // updates done
	hist  []figure.Vec // (iteration, L), thinned when long
	state string       // "", lnDiverged or lnConverged
	acc   float64      // fractional updates carried between ticks

	// shown is the copy of y the figure draws, taken a few times a second
	// while playing; snaps counts the copies, sinceSnap the ticks since.
	shown     []float64
	snaps     int
	sinceSnap int
	runs      int // bumped on every reset, for raster keys
}

// reset computes T and, on a restart (or when the kernel size changed),
// starts the learner again from init; a stroke on the drawing keeps the
// learner and its history and goes on with the new data.
func (s *learnView) reset(in *input, v *param.Values, restart bool) {
	s.in = in
	s.runs++
	s.kt = kernelTensor(in.target)
	s.problem = ""
	if err := conv.Forward(&s.t, in.gray, []conv.Tensor{*s.kt}, nil, in.p); err != nil {
		s.problem = problem(err, in.gray, s.kt.H, in.p)
		return
	}
	s.tLim = symRange(s.t.Data)
	k := s.kt.H
	if restart || s.w == nil || s.w[0].H != k {
		s.start(k, v.String(pInit), v.Int(pSeed))
	}
	s.state, s.phase = "", lnIdle
	s.pad()
	n := len(s.t.Data)
	s.dy = conv.Tensor{C: 1, H: s.t.H, W: s.t.W, Data: gradResize(s.dy.Data, n)}
	s.yNext = conv.Tensor{C: 1, H: s.t.H, W: s.t.W, Data: gradResize(s.yNext.Data, n)}
	if err := conv.Forward(&s.y, in.gray, s.w, s.c, in.p); err != nil {
		panic(err) // cannot happen: T has the same shape and was computed
	}
	s.l = lnSqErr(s.y.Data, s.t.Data) / 2 / float64(n)
	s.record()
	s.settle()
	s.snapshot()
}

// start sets W and c to zeros or to N(0, lnInitSD²) draws from seed.
func (s *learnView) start(k int, init string, seed int) {
	s.w = []conv.Tensor{*conv.New(1, k, k)}
	s.wNext = []conv.Tensor{*conv.New(1, k, k)}
	s.c, s.cNext = []float64{0}, []float64{0}
	s.gw = make([]float64, k*k)
	s.bandDW, s.bandDC = make([]conv.Tensor, 1), make([]float64, 1)
	if init == initRandom {
		rng := rand.New(rand.NewPCG(uint64(seed), lnStream))
		for i := range s.w[0].Data {
			s.w[0].Data[i] = lnInitSD * rng.NormFloat64()
		}
		s.c[0] = lnInitSD * rng.NormFloat64()
	}
	s.iter, s.acc = 0, 0
	s.hist = make([]figure.Vec, 0, 2*lnMaxHist+1)
}

// pad makes xp, the gray input inside P rows and columns of zeros, and
// q, the settings for it.
func (s *learnView) pad() {
	x, p := s.in.gray, s.in.p
	w := x.W + 2*p.Pad
	h := x.H + 2*p.Pad
	s.xp = conv.Tensor{C: 1, H: h, W: w, Data: gradResize(s.xp.Data, h*w)}
	clear(s.xp.Data)
	for r := range x.H {
		copy(s.xp.Data[(r+p.Pad)*w+p.Pad:], x.Data[r*x.W:(r+1)*x.W])
	}
	s.q = conv.Params{Stride: p.Stride, Dilation: p.Dilation}
}

// lnSqErr returns Σ (y − t)².
func lnSqErr(y, t []float64) float64 {
	var sum float64
	for i, yv := range y {
		r := yv - t[i]
		sum += r * r
	}
	return sum
}

// record appends the current loss to the history, halving it when full.
func (s *learnView) record() {
	if n := len(s.hist); n > 0 && s.hist[n-1].X == float64(s.iter) {
		s.hist[n-1].Y = s.l // a stroke on the drawing at the same iteration
		return
	}
	if len(s.hist) >= 2*lnMaxHist {
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
	s.hist = append(s.hist, figure.Vec{X: float64(s.iter), Y: s.l})
}

// settle marks a loss below lnTol as converged.
func (s *learnView) settle() {
	if s.state == "" && s.l < lnTol {
		s.state = lnConverged
	}
}

// Phases of an update.
const (
	lnIdle = iota // no update in progress
	lnGrad        // summing ∂L/∂W and ∂L/∂c over bands of output rows
	lnFwd         // computing the new output over bands of output rows
)

// band returns the rows of xp under output rows r0 … r1−1.
func (s *learnView) band(r0, r1 int) conv.Tensor {
	a := r0 * s.q.Stride
	b := (r1-1)*s.q.Stride + conv.Span(s.kt.H, s.q.Dilation)
	return conv.Tensor{C: 1, H: b - a, W: s.xp.W, Data: s.xp.Data[a*s.xp.W : b*s.xp.W]}
}

// advance moves the update in progress on by as many output rows as
// budget multiply-adds allow (at least one), starting an update if none
// is in progress; lr is the learning rate of a step taken now. It
// returns the work done and whether an update was completed (taken, or
// refused as diverged: the learner keeps its last finite values).
func (s *learnView) advance(budget, lr float64) (used float64, completed bool) {
	oh, ow := s.y.H, s.y.W
	perRow := float64(len(s.w[0].Data) * ow)
	switch s.phase {
	case lnIdle:
		s.phase, s.row = lnGrad, 0
		clear(s.gw)
		s.gc = 0
		return 0, false
	case lnGrad:
		rows := max(1, int(math.Min(budget/(2*perRow), float64(oh-s.row))))
		r0, r1 := s.row, s.row+rows
		n := float64(len(s.y.Data))
		for i := r0 * ow; i < r1*ow; i++ {
			s.dy.Data[i] = (s.y.Data[i] - s.t.Data[i]) / n
		}
		xb := s.band(r0, r1)
		dy := conv.Tensor{C: 1, H: rows, W: ow, Data: s.dy.Data[r0*ow : r1*ow]}
		if err := conv.BackwardInto(&s.bandDX, s.bandDW, s.bandDC, &xb, s.w, s.q, &dy); err != nil {
			panic(err) // cannot happen: the forward pass with these shapes worked
		}
		for i, g := range s.bandDW[0].Data {
			s.gw[i] += g
		}
		s.gc += s.bandDC[0]
		s.row = r1
		if s.row == oh {
			for i, g := range s.gw {
				s.wNext[0].Data[i] = s.w[0].Data[i] - lr*g
			}
			s.cNext[0] = s.c[0] - lr*s.gc
			s.phase, s.row, s.se = lnFwd, 0, 0
		}
		return float64(rows) * 2 * perRow, false
	}
	rows := max(1, int(math.Min(budget/perRow, float64(oh-s.row))))
	r0, r1 := s.row, s.row+rows
	xb := s.band(r0, r1)
	yb := conv.Tensor{Data: s.yNext.Data[r0*ow : r1*ow]}
	if err := conv.Forward(&yb, &xb, s.wNext, s.cNext, s.q); err != nil {
		panic(err) // cannot happen: the forward pass with these shapes worked
	}
	s.se += lnSqErr(yb.Data, s.t.Data[r0*ow:r1*ow])
	s.row = r1
	if s.row < oh {
		return float64(rows) * perRow, false
	}
	s.phase = lnIdle
	l := s.se / 2 / float64(len(s.y.Data))
	if !(l <= lnHuge) { // NaN fails every comparison
		s.state = lnDiverged
		return float64(rows) * perRow, true
	}
	s.w, s.wNext = s.wNext, s.w
	s.c, s.cNext = s.cNext, s.c
	s.y, s.yNext = s.yNext, s.y
	s.l = l
	s.iter++
	s.record()
	s.settle()
	return float64(rows) * perRow, true
}

// update does (or finishes) one whole step of gradient descent with
// learning rate lr and reports whether there is more to do. A step that
// would make the loss NaN, infinite or above lnHuge is not taken: the
// learner keeps its last finite values and the state is diverged.
func (s *learnView) update(lr float64) bool {
	for {
		if _, done := s.advance(math.Inf(1), lr); done {
			return s.state == ""
		}
	}
}

// tune: a new learning rate gives a diverged learner another try from
// its last finite values; speed is read on every tick.
func (s *learnView) tune(name string, _ *input, _ *param.Values) {
	if name == pLR && s.state == lnDiverged {
		s.state = ""
	}
}

// step does speed updates per tick (fractions carried over), as far as
// lnWork multiply-adds allow: a large update is spread over several ticks.
func (s *learnView) step(v *param.Values) bool {
	if s.problem != "" || s.state != "" {
		return false
	}
	speed, lr := v.Float(pSpeed), v.Float(pLR)
	s.acc = math.Min(s.acc+speed, math.Max(speed, 1))
	changed := false
	for budget := float64(lnWork); budget > 0 && s.state == ""; {
		if s.phase == lnIdle {
			if s.acc < 1 {
				break
			}
			s.acc--
		}
		used, done := s.advance(budget, lr)
		budget -= used
		changed = changed || done
	}
	s.sinceSnap++
	if changed && (s.state != "" || s.sinceSnap >= max(1, min(8, len(s.y.Data)/8192))) {
		s.snapshot()
	}
	return s.state == ""
}

// unit is exactly one update (it finishes the one in progress, if any).
func (s *learnView) unit(v *param.Values) bool {
	if s.problem != "" || s.state != "" {
		return false
	}
	more := s.update(v.Float(pLR))
	s.snapshot()
	return more
}

// snapshot copies the learner's output for the figure (a fresh slice, so
// that a figure already handed out never changes).
func (s *learnView) snapshot() {
	s.shown = slices.Clone(s.y.Data)
	s.snaps++
	s.sinceSnap = 0
}

func (s *learnView) pointer(lesson.Pointer, *param.Values) bool { return false }

// kernelErr is max |W − Kₜ| over the cells.
func (s *learnView) kernelErr() float64 {
	var e float64
	for i, w := range s.w[0].Data {
		e = math.Max(e, math.Abs(w-s.kt.Data[i]))
	}
	return e
}

func (s *learnView) readouts() []lesson.Readout {
	ro := inSize(s.in.gray)
	if s.problem != "" {
		ro = append(ro, lesson.Str("status", s.problem))
	} else {
		ro = append(ro, mapStats(&s.y)...)
		ro = append(ro,
			lesson.Num("iter", float64(s.iter)),
			num("loss", s.l),
			num("kernel_err", s.kernelErr()),
			num("bias_c", s.c[0]),
		)
		if s.state != "" {
			ro = append(ro, lesson.Str("status", s.state))
		}
	}
	if s.in.note != "" {
		ro = append(ro, lesson.Str("note", s.in.note))
	}
	return ro
}

// data is the learner's output map.
func (s *learnView) data() lesson.Table {
	if s.problem != "" {
		return mapTable(nil)
	}
	return mapTable(&s.y)
}
