package nn

import (
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/gonum/diff/fd"

	"github.com/aimath/playground/core/nn"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// The backprop view: one training point pushed through a small network,
// one stage at a time (play walks the stages, step is one stage):
//
//	stage 0          the input a₀ = x
//	stages 1 … L     the forward pass, layer by layer: z_l = W_l a_{l−1} + b_l, a_l = φ(z_l)
//	stage L+1        the loss
//	stages L+2 … 2L+1 the backward pass from the output: δ_l, ∂L/∂W_l = δ_l a_{l−1}ᵀ
//	stage 2L+2       one SGD step θ ← θ − η·∂L/∂θ and the loss after it
//
// L being the number of weight layers. Beside the network, a table lists
// every parameter with backpropagation's ∂L/∂θ, the central finite
// difference and their relative error. The network is one of two:
//
//   - bp_net=small: 2-2-1 with tanh everywhere and TensorFlow
//     Playground's loss ½(a − t)², its parameters core/nn's Init(1)
//     (weights uniform in [−0.5, 0.5), biases 0.1), fed point bp_point of
//     the xor set Dataset("xor", 500, 0, seed 1) with its label ±1 as the
//     target: the same numbers on every machine, whatever the train
//     view's settings.
//   - bp_net=current: a copy of the train view's network (its loss and
//     penalty included), fed the train view's training point bp_point (the
//     last one if there are fewer), when it has at most bpMaxNodes neurons
//     with the inputs; otherwise the small network, with the status
//     "too_big" ("no_point" when the train view has no training point).
//
// The parameters are never changed: the last stage shows the SGD step
// without taking it, so that every pass shows the same numbers.

// bpMaxNodes is the largest network drawn, inputs included.
const bpMaxNodes = 12

// The gradient check, as the train view's: central differences with step
// bpCheckStep, and the error |g − ĝ| / max(|g|, |ĝ|, bpCheckFloor), relative
// but absolute (scaled) for gradients below the floor, whose differences
// have no more digits than their absolute error of about 1e-10.
const (
	bpCheckStep  = 1e-5
	bpCheckFloor = 1e-3
)

// Play spends bpStageSeconds on each stage at speed 1.
const (
	bpStageSeconds = 1.2
	bpTicks        = 60 // ticks a second, the runner's rate
)

// The small network's data set: the xor set's points, seeded.
const (
	bpSmallSet  = "xor"
	bpSmallSeed = 1
)

// Status keys of the backprop view (value.<key> in the i18n files).
const (
	bpTooBig  = "too_big"
	bpNoPoint = "no_point"
)

// Phase keys, the readout "phase" (value.<key>).
var bpPhaseKeys = [...]string{"bp_input", "bp_forward", "bp_loss", "bp_backward", "bp_update"}

// bpParam names one parameter: in the step from layer Layer to Layer+1
// (0-based, as core/nn's W[Layer]), the weight from neuron From to
// neuron To, or the bias of To when From is −1.
type bpParam struct{ Layer, From, To int }

// backpropView is the state of the backprop view.
type backpropView struct {
	train *trainView // set by the Lesson; read for bp_net=current

	net    *nn.Net // a copy: never trained here
	fs     []nn.Feature
	status string
	point  int     // the training point's index
	x1, x2 float64 // the point
	x, t   []float64
	target float64 // the target (one output) or the class (several)

	pass   nn.Pass
	params []bpParam
	loss   float64
	grad   []float64 // ∂J/∂θ, a copy of pass.Grad
	fd     []float64 // the central differences
	rel    []float64 // their relative errors
	maxRel float64
	lr     float64
	after  float64 // the loss after one SGD step

	stage int
	ticks int // ticks of play spent on the stage
	speed float64

	hover int    // the parameter under the pointer, or −1
	lay   bpGeom // where the last figure put things
}

func (s *backpropView) reset(v *param.Values) {
	s.lr = v.Float(pLR)
	s.speed = v.Float(pSpeed)
	s.status = ""
	if v.String(pBPNet) != bpCurrent || !s.useCurrent(v.Int(pBPPoint)) {
		s.useSmall(v.Int(pBPPoint))
	}
	s.params = bpParams(s.net.Sizes, s.params[:0])
	s.compute()
	s.stage, s.ticks, s.hover = 0, 0, -1
}

// useSmall sets up the 2-2-1 network on point i of the xor set.
func (s *backpropView) useSmall(i int) {
	cfg := nn.Config{Sizes: []int{2, 2, 1}, Hidden: nn.Tanh, Output: nn.Tanh, Loss: nn.MSE}
	s.net, _ = nn.New(cfg, bpSmallSeed) // a valid configuration: no error
	s.fs = []nn.Feature{nn.X1, nn.X2}
	d, _ := nn.Dataset(bpSmallSet, maxPoints, 0, bpSmallSeed) // valid arguments
	i = min(max(i, 0), d.Len()-1)
	s.point, s.x1, s.x2, s.target = i, d.X1[i], d.X2[i], d.Y[i]
	s.setBatch()
}

// useCurrent copies the train view's network and takes its training
// point i (the last one if i is beyond them); it reports false, with a
// status, when the network is too big or there is no point.
func (s *backpropView) useCurrent(i int) bool {
	if s.train == nil {
		return false
	}
	src, fs, ok := s.train.network()
	if !ok {
		s.status = bpNoPoint
		return false
	}
	nodes := 0
	for _, n := range src.Sizes {
		nodes += n
	}
	if nodes > bpMaxNodes {
		s.status = bpTooBig
		return false
	}
	x1, x2, t, ok := s.train.point(i)
	if !ok {
		i = s.lastPoint(i)
		x1, x2, t, ok = s.train.point(i)
	}
	if !ok {
		s.status = bpNoPoint
		return false
	}
	cfg := src.Config
	cfg.Sizes = slices.Clone(src.Sizes)
	net, err := nn.New(cfg, 0)
	if err != nil { // src was made from this configuration
		s.status = bpNoPoint
		return false
	}
	copy(net.Params, src.Params)
	s.net, s.fs = net, slices.Clone(fs)
	s.point, s.x1, s.x2, s.target = i, x1, x2, t
	s.setBatch()
	return true
}

// lastPoint finds the train view's last training point below i by
// bisection on point's ok (0 if there is none), the interface the train
// view offers having no count.
func (s *backpropView) lastPoint(i int) int {
	lo, hi := 0, i // point(lo) may fail; point(hi) fails
	if _, _, _, ok := s.train.point(0); !ok {
		return 0
	}
	for hi-lo > 1 {
		m := (lo + hi) / 2
		if _, _, _, ok := s.train.point(m); ok {
			lo = m
		} else {
			hi = m
		}
	}
	return lo
}

// setBatch sets the input and target of the one-example batch.
func (s *backpropView) setBatch() {
	s.x = nn.Inputs(s.x, s.fs, []float64{s.x1}, []float64{s.x2})
	k := s.net.Sizes[len(s.net.Sizes)-1]
	s.t = fitFloats(s.t, k)
	if k == 1 {
		s.t[0] = s.target
		return
	}
	clear(s.t)
	s.t[min(max(int(s.target), 0), k-1)] = 1 // one-hot class
}

// bpParams lists the parameters in core/nn's order: each step's weights
// row by row, then its biases.
func bpParams(sizes []int, dst []bpParam) []bpParam {
	for l := range len(sizes) - 1 {
		for i := range sizes[l+1] {
			for j := range sizes[l] {
				dst = append(dst, bpParam{l, j, i})
			}
		}
		for i := range sizes[l+1] {
			dst = append(dst, bpParam{l, -1, i})
		}
	}
	return dst
}

// compute runs the forward and backward pass, the gradient check and the
// SGD step's loss.
func (s *backpropView) compute() {
	net := s.net
	net.Forward(&s.pass, s.x)
	s.loss = net.Objective(&s.pass, s.t)
	net.Backward(&s.pass, s.t)
	s.grad = append(s.grad[:0], s.pass.Grad...)

	theta := slices.Clone(net.Params)
	var scratch nn.Pass
	objective := func(p []float64) float64 {
		copy(net.Params, p)
		net.Forward(&scratch, s.x)
		return net.Objective(&scratch, s.t)
	}
	s.fd = fd.Gradient(fitFloats(s.fd, len(theta)), objective, theta, &fd.Settings{Formula: fd.Central, Step: bpCheckStep})
	s.rel = fitFloats(s.rel, len(theta))
	s.maxRel = 0
	for k, g := range s.grad {
		s.rel[k] = math.Abs(g-s.fd[k]) / max(math.Abs(g), math.Abs(s.fd[k]), bpCheckFloor)
		if !(s.rel[k] <= s.maxRel) { // NaN too
			s.maxRel = s.rel[k]
		}
	}
	s.after = s.afterStep(theta)
	copy(net.Params, theta)
	// The passes above overwrote nothing in s.pass: it still holds the
	// forward and backward pass at θ.
}

// afterStep returns the loss after θ ← θ − η·∂J/∂θ (net's parameters are
// left moved; the caller restores them).
func (s *backpropView) afterStep(theta []float64) float64 {
	for k, th := range theta {
		s.net.Params[k] = th - s.lr*s.grad[k]
	}
	var p nn.Pass
	s.net.Forward(&p, s.x)
	return s.net.Objective(&p, s.t)
}

func (s *backpropView) tune(name string, v *param.Values) {
	switch name {
	case pSpeed:
		s.speed = v.Float(pSpeed)
	case pLR:
		s.lr = v.Float(pLR)
		theta := slices.Clone(s.net.Params)
		s.after = s.afterStep(theta)
		copy(s.net.Params, theta)
	}
}

// Stages: see the top of the file.
func (s *backpropView) layers() int    { return len(s.net.Sizes) - 1 }
func (s *backpropView) lastStage() int { return 2*s.layers() + 2 }
func (s *backpropView) lossStage() int { return s.layers() + 1 }

// fwdShown reports whether layer l's z and a are shown.
func (s *backpropView) fwdShown(l int) bool { return s.stage >= l }

// bwdShown reports whether layer l's δ, and the gradient of the step into
// it, are shown.
func (s *backpropView) bwdShown(l int) bool { return l >= 1 && s.stage >= 2*s.layers()+2-l }

// phase is the kind of the current stage: 0 input, 1 forward, 2 loss, 3
// backward, 4 update.
func (s *backpropView) phase() int {
	switch L := s.layers(); {
	case s.stage == 0:
		return 0
	case s.stage <= L:
		return 1
	case s.stage == L+1:
		return 2
	case s.stage < s.lastStage():
		return 3
	}
	return 4
}

// step advances play by a tick: one stage every bpStageSeconds/speed. A
// play started at the end starts over.
func (s *backpropView) step(*param.Values) bool {
	if s.stage >= s.lastStage() {
		s.stage, s.ticks = 0, 0
		return true
	}
	s.ticks++
	if float64(s.ticks) >= math.Round(bpStageSeconds*bpTicks/s.speed) {
		s.ticks = 0
		s.stage++
	}
	return s.stage < s.lastStage()
}

// unit is one stage; after the last it starts over.
func (s *backpropView) unit(*param.Values) bool {
	s.ticks = 0
	if s.stage >= s.lastStage() {
		s.stage = 0
	} else {
		s.stage++
	}
	return s.stage < s.lastStage()
}

// pointer: hovering a link or a row of the table picks out that
// parameter in both.
func (s *backpropView) pointer(p lesson.Pointer, _ *param.Values) bool {
	if p.Phase == lesson.Up || p.Held && p.Phase == lesson.Move {
		return false
	}
	k := s.lay.paramAt(p, len(s.params))
	if k == s.hover {
		return false
	}
	s.hover = k
	return true
}

func (s *backpropView) readouts() []lesson.Readout {
	ro := []lesson.Readout{
		lesson.Num("stage", float64(s.stage)),
		lesson.Str("phase", bpPhaseKeys[s.phase()]),
		lesson.Num("point", float64(s.point)),
		num("x1", s.x1),
		num("x2", s.x2),
		num("target", s.target),
	}
	if s.net.Sizes[len(s.net.Sizes)-1] == 1 {
		ro = append(ro, num("output", s.pass.Out[0]))
	}
	ro = append(ro, num("loss", s.loss))
	if s.stage >= s.lastStage() {
		ro = append(ro, num("loss_after", s.after))
	}
	ro = append(ro, num("grad_check_max_rel_err", s.maxRel))
	if s.status != "" {
		ro = append(ro, lesson.Str("status", s.status))
	}
	return ro
}

// data is one row per parameter: the step (1 for input → first hidden
// layer), the neurons it joins (1-based; from 0 is the bias), its value,
// ∂L/∂θ by backpropagation, the central difference and their relative
// error.
func (s *backpropView) data() lesson.Table {
	rows := make([][]float64, len(s.params))
	for k, q := range s.params {
		rows[k] = []float64{float64(q.Layer + 1), float64(q.From + 1), float64(q.To + 1),
			s.net.Params[k], s.grad[k], s.fd[k], s.rel[k]}
	}
	return lesson.Table{Columns: []string{"layer", "from", "to", "w", "grad", "fd", "rel_err"}, Rows: rows}
}

// paramName is the parameter's label: W₁[i,j] or b₁[i], 1-based as in
// the course's notation (the step into layer l is W_l).
func paramName(q bpParam) string {
	l := subscript(q.Layer + 1)
	if q.From < 0 {
		return "b" + l + "[" + strconv.Itoa(q.To+1) + "]"
	}
	return "W" + l + "[" + strconv.Itoa(q.To+1) + "," + strconv.Itoa(q.From+1) + "]"
}
