package rnn

import (
	"fmt"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	core "github.com/aimath/playground/core/rnn"
	"github.com/aimath/playground/lesson"
)

// Views and parameter names (the bridge contract: tests outside the
// project set these names).
const (
	viewUnroll    = "unroll"
	viewGradients = "gradients"
	viewTrain     = "train"

	pView       = "view"
	pTask       = "task"
	pHidden     = "hidden"
	pSeqLen     = "seq_len"
	pRho        = "rho"
	pActivation = "activation"
	pTruncate   = "truncate"
	pClip       = "clip"
	pLR         = "lr"
	pSeed       = "seed"
	pTau        = "tau"
	pGenerate   = "generate"
	pSpeed      = "speed"

	// actOneUnit sets one hidden unit and the linear activation: the case
	// where the gradient ratio is exactly |ρ|^(T−1).
	actOneUnit = "one_unit"
)

// Values of string readouts (the page translates value.<key>).
const (
	keyDiverged = "diverged" // status: a step made the loss NaN, infinite or above lossHuge
	keyEigen    = "eigen"    // status: the eigenvalues of the drawn W_h could not be computed
	keyNoAR     = "no_ar"    // ar_loss: the task is not a series of numbers

	phaseReady    = "ready"
	phaseForward  = "forward"
	phaseBackward = "backward"
	phaseUpdate   = "update"
)

// Bounds and defaults of the parameters.
const (
	maxHidden   = 64
	maxSeqLen   = 200
	maxRho      = 2
	maxTruncate = 50 // truncated BPTT costs T·k backward steps: see doc.go
	maxClip     = 10
	maxSeed     = 9999
	maxTau      = 20
	maxGenerate = 200
)

// Info registers the lesson.
var Info = lesson.Info{
	ID:       "rnn",
	Params:   specs(),
	Actions:  []string{actOneUnit},
	Animated: true,
	Still:    []string{viewGradients},
	New:      func() lesson.Lesson { return new(Lesson) },
}

func specs() []param.Spec {
	const (
		onPlay  = "view=unroll|train"
		onTrain = "view=train"
	)
	return []param.Spec{
		{Name: pView, Kind: param.Choice, Choices: []string{viewUnroll, viewGradients, viewTrain}, Default: viewUnroll},
		{Name: pTask, Kind: param.Choice, Choices: core.TaskNames(), Default: "sine"},
		{Name: pHidden, Kind: param.Int, Min: 1, Max: maxHidden, Step: 1, Default: 16.0},
		{Name: pSeqLen, Kind: param.Int, Min: 2, Max: maxSeqLen, Step: 1, Default: 30.0},
		{Name: pRho, Kind: param.Number, Min: 0, Max: maxRho, Step: 0.01, Default: 0.9},
		{Name: pActivation, Kind: param.Choice, Choices: core.ActivationNames(), Default: "tanh"},
		{Name: pTruncate, Kind: param.Int, Min: 0, Max: maxTruncate, Step: 1, Default: 0.0, Live: true},
		{Name: pClip, Kind: param.Number, Min: 0, Max: maxClip, Step: 0.1, Default: 1.0, Live: true},
		{Name: pLR, Kind: param.Number, Min: 1e-4, Max: 1, Default: 0.1, Live: true, Log: true, Show: onPlay},
		{Name: pSeed, Kind: param.Int, Min: 0, Max: maxSeed, Step: 1, Default: 1.0},
		{Name: pTau, Kind: param.Int, Min: 1, Max: maxTau, Step: 1, Default: 4.0, Live: true, Show: onTrain},
		{Name: pGenerate, Kind: param.Int, Min: 0, Max: maxGenerate, Step: 1, Default: 30.0, Live: true, Show: onTrain},
		{Name: pSpeed, Kind: param.Number, Min: 0.1, Max: 100, Default: 1.0, Live: true, Log: true, Show: onPlay},
	}
}

// view is one of the lesson's three views. Each builds its own net from
// the parameters on reset.
type view interface {
	reset(v *param.Values)
	// tune applies a live parameter (truncate, clip, lr, tau, generate,
	// speed) without losing the view's progress.
	tune(name string, v *param.Values)
	// step is one tick of play, unit one press of "step"; both report
	// whether there is more to do.
	step(v *param.Values) bool
	unit(v *param.Values) bool
	panels(w, h float64) []*figure.Panel
	readouts() []lesson.Readout
	data() lesson.Table
}

// Lesson is the RNN lesson.
type Lesson struct {
	views map[string]view
	cur   view
}

var (
	_ lesson.Lesson      = (*Lesson)(nil)
	_ lesson.UnitStepper = (*Lesson)(nil)
)

func (l *Lesson) viewFor(name string) view {
	if l.views == nil {
		l.views = map[string]view{
			viewUnroll:    new(unrollView),
			viewGradients: new(gradView),
			viewTrain:     new(trainView),
		}
	}
	return l.views[name]
}

// Reset implements lesson.Lesson: the view builds a fresh net.
func (l *Lesson) Reset(v *param.Values) {
	l.cur = l.viewFor(v.String(pView))
	l.cur.reset(v)
}

// Tune implements lesson.Lesson.
func (l *Lesson) Tune(name string, v *param.Values) { l.cur.tune(name, v) }

// Step implements lesson.Lesson.
func (l *Lesson) Step(v *param.Values) bool { return l.cur.step(v) }

// StepUnit implements lesson.UnitStepper: one stage of the animation in
// the unroll view, exactly one training step in the train view.
func (l *Lesson) StepUnit(v *param.Values) bool { return l.cur.unit(v) }

// Act implements lesson.Lesson: "one_unit" sets one hidden unit with the
// linear activation, the case the gradients view explains exactly.
func (l *Lesson) Act(name string, v *param.Values) error {
	if name != actOneUnit {
		return fmt.Errorf("rnn: unknown action %q", name)
	}
	v.Set(pHidden, 1.0)
	v.Set(pActivation, core.Linear.String())
	l.Reset(v)
	return nil
}

// Pointer implements lesson.Lesson: in the unroll view, pointing at a
// step in the panels under the net shows it in the net.
func (l *Lesson) Pointer(p lesson.Pointer, _ *param.Values) bool {
	if u, ok := l.cur.(*unrollView); ok {
		return u.pointer(p)
	}
	return false
}

// Figure implements lesson.Lesson.
func (l *Lesson) Figure(w, h float64) *figure.Figure {
	return &figure.Figure{W: w, H: h, Panels: l.cur.panels(w, h)}
}

// Readouts implements lesson.Lesson.
func (l *Lesson) Readouts() []lesson.Readout { return l.cur.readouts() }

// Data implements lesson.Lesson.
func (l *Lesson) Data() lesson.Table { return l.cur.data() }
