package gd

import (
	"fmt"
	"math"

	"github.com/aimath/playground/core/expr"
	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/optim"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// Modes and parameter names (the bridge contract: tests outside the
// project set these names).
const (
	mode1D     = "1d"
	mode2D     = "2d"
	modeLinreg = "linreg"

	pMode    = "mode"
	pPreset1 = "preset1"
	pF       = "f"
	pX0      = "x0"
	pPreset2 = "preset2"
	pF2      = "f2"
	pStart   = "start"
	pOpts    = "optimizers"
	pLR      = "lr"
	pBeta    = "beta"
	pRho     = "rho"
	pBeta1   = "beta1"
	pBeta2   = "beta2"
	pEps     = "eps"
	pMaxIter = "max_iter"
	pN       = "n"
	pNoise   = "noise"
	pSeed    = "seed"
	pBatch   = "batch"
	pSpeed   = "speed"

	custom = "custom" // the preset of a function typed by hand
)

// Readout status values (message keys the page translates).
const (
	stRunning   = "running"
	stConverged = "converged"
	stDiverged  = "diverged"
	stMaxIter   = "max_iter"
	stInvalid   = "invalid"
)

// Bounds of the parameters.
const (
	x0Limit    = 10
	startLimit = 5
	maxIter1D  = 10000
	maxPoints  = 200
	maxSeed    = 9999
	// divergeLimit is where an iterate counts as run away (optim.Diverged's
	// limit): far beyond every window the lesson draws.
	divergeLimit = 1e6
)

// Info registers the lesson.
var Info = lesson.Info{
	ID:       "gd",
	Params:   specs(),
	Animated: true,
	New:      func() lesson.Lesson { return new(Lesson) },
}

func specs() []param.Spec {
	on1 := "mode=1d"
	on2 := "mode=2d"
	onLin := "mode=linreg"
	return []param.Spec{
		{Name: pMode, Kind: param.Choice, Choices: []string{mode1D, mode2D, modeLinreg}, Default: mode1D},

		{Name: pPreset1, Kind: param.Choice, Choices: preset1Names(), Default: presets1[0].name, Show: on1},
		{Name: pF, Kind: param.Text, MaxLen: expr.MaxLen, Default: presets1[0].f, Show: on1},
		{Name: pX0, Kind: param.Number, Min: -x0Limit, Max: x0Limit, Step: snap, Default: presets1[0].x0, Show: on1},

		{Name: pPreset2, Kind: param.Choice, Choices: preset2Names(), Default: presets2[0].name, Show: on2},
		{Name: pF2, Kind: param.Text, MaxLen: expr.MaxLen, Default: presets2[0].f, Show: on2},
		{Name: pStart, Kind: param.Vec2, Min: -startLimit, Max: startLimit, Step: snap, Default: presets2[0].start, Show: on2},
		{Name: pOpts, Kind: param.Multi, Choices: optim.Names(), Default: "gd,momentum,adam", Show: on2},

		// One learning rate for every mode: a preset or a switch of mode
		// loads a suitable one (see Lesson.Reset).
		{Name: pLR, Kind: param.Number, Min: 1e-4, Max: 2, Default: presets1[0].lr, Live: true, Log: true},
		{Name: pBeta, Kind: param.Number, Min: 0, Max: 0.99, Step: 0.01, Default: optim.DefaultBeta, Live: true, Show: on2},
		{Name: pRho, Kind: param.Number, Min: 0, Max: 0.999, Step: 0.001, Default: optim.DefaultRho, Live: true, Show: on2},
		{Name: pBeta1, Kind: param.Number, Min: 0, Max: 0.999, Step: 0.001, Default: optim.DefaultBeta1, Live: true, Show: on2},
		{Name: pBeta2, Kind: param.Number, Min: 0, Max: 0.9999, Step: 0.0001, Default: optim.DefaultBeta2, Live: true, Show: on2},
		{Name: pEps, Kind: param.Number, Min: 1e-8, Max: 1, Default: 1e-4, Live: true, Log: true, Show: "mode=1d|2d"},
		{Name: pMaxIter, Kind: param.Int, Min: 1, Max: maxIter1D, Step: 1, Default: 200.0, Live: true, Show: on1},

		{Name: pN, Kind: param.Int, Min: 2, Max: maxPoints, Step: 1, Default: 30.0, Show: onLin},
		{Name: pNoise, Kind: param.Number, Min: 0, Max: 3, Step: 0.1, Default: 1.0, Show: onLin},
		{Name: pSeed, Kind: param.Int, Min: 0, Max: maxSeed, Step: 1, Default: 1.0, Show: onLin},
		{Name: pBatch, Kind: param.Int, Min: 1, Max: maxPoints, Step: 1, Default: 5.0, Show: onLin},

		// speed multiplies the mode's normal pace (updates per second while
		// playing), which suits the function: a race on Rosenbrock needs
		// thousands of steps, a 1-D descent is best watched step by step.
		{Name: pSpeed, Kind: param.Number, Min: 0.1, Max: 10, Default: 1.0, Live: true, Log: true},
	}
}

// Lesson is the gradient-descent lesson: one of three models, chosen by
// the mode, plus what Reset needs to tell a newly chosen preset (or mode)
// from a typed function.
type Lesson struct {
	mode string
	one  oneD
	two  twoD
	lin  linreg

	pace float64 // updates per second while playing
	acc  float64 // updates owed to the next tick

	opened                   bool // Reset has run once (the state of the URL is loaded)
	lastPreset1, lastPreset2 string
}

var _ lesson.Lesson = (*Lesson)(nil)
var _ lesson.UnitStepper = (*Lesson)(nil)

// Reset implements lesson.Lesson. Before the models are rebuilt, the
// presets and the functions are reconciled:
//   - A preset that changed since the last Reset loads its function, its
//     start and (in its own mode) its learning rate; a function edited by
//     hand turns its preset to "custom" (a function counts as the preset's
//     when it parses to the same tree, so spacing does not matter). Moving
//     the start or the rate keeps the preset: it names the function.
//   - On the first Reset (the state of a URL) nothing the URL says is
//     overwritten: only a preset named without its function (the function
//     still at its default) loads that function, and the start and the
//     learning rate where they too are at their defaults.
//   - A switch of mode loads the learning rate of the new mode's preset
//     (0.1 for linreg), since a rate that suits one problem is rarely right
//     for another (Rosenbrock needs 0.001, the course's parabola 0.1).
func (l *Lesson) Reset(v *param.Values) {
	mode := v.String(pMode)
	first := !l.opened
	if !first && mode != l.mode {
		setFloat(v, pLR, modeLR(mode, v))
	}
	l.reconcile1(v, first, mode)
	l.reconcile2(v, first, mode)
	l.opened = true
	l.mode = mode
	l.acc = 0
	switch mode {
	case mode1D:
		l.one.reset(v)
		l.pace = pace1D
	case mode2D:
		l.two.reset(v)
		l.pace = l.two.pace
	default:
		l.lin.reset(v)
		l.pace = paceLinreg
	}
}

// modeLR is the learning rate suggested for a mode: its preset's.
func modeLR(mode string, v *param.Values) float64 {
	switch mode {
	case mode1D:
		if p, ok := findPreset1(v.String(pPreset1)); ok {
			return p.lr
		}
	case mode2D:
		if p, ok := findPreset2(v.String(pPreset2)); ok {
			return p.lr
		}
	}
	return defaultLR
}

// defaultLR is the rate a switch of mode loads for linreg and for a typed
// function.
const defaultLR = 0.1

func (l *Lesson) reconcile1(v *param.Values, first bool, mode string) {
	name, f := v.String(pPreset1), v.String(pF)
	p, isPreset := findPreset1(name)
	switch {
	case !isPreset || sameFunc(f, p.f, "x"):
	case first && f == specDefault(pF).(string):
		setString(v, pF, p.f)
		if v.Float(pX0) == specDefault(pX0).(float64) {
			setFloat(v, pX0, p.x0)
		}
		if mode == mode1D && v.Float(pLR) == specDefault(pLR).(float64) {
			setFloat(v, pLR, p.lr)
		}
	case !first && name != l.lastPreset1:
		setString(v, pF, p.f)
		setFloat(v, pX0, p.x0)
		if mode == mode1D {
			setFloat(v, pLR, p.lr)
		}
	default:
		setString(v, pPreset1, custom)
	}
	l.lastPreset1 = v.String(pPreset1)
}

func (l *Lesson) reconcile2(v *param.Values, first bool, mode string) {
	name, f := v.String(pPreset2), v.String(pF2)
	p, isPreset := findPreset2(name)
	switch {
	case !isPreset || sameFunc(f, p.f, "x", "y"):
	case first && f == specDefault(pF2).(string):
		setString(v, pF2, p.f)
		if v.Vec2(pStart) == specDefault(pStart).([2]float64) {
			v.Set(pStart, p.start)
		}
		if mode == mode2D && v.Float(pLR) == specDefault(pLR).(float64) {
			setFloat(v, pLR, p.lr)
		}
	case !first && name != l.lastPreset2:
		setString(v, pF2, p.f)
		v.Set(pStart, p.start)
		if mode == mode2D {
			setFloat(v, pLR, p.lr)
		}
	default:
		setString(v, pPreset2, custom)
	}
	l.lastPreset2 = v.String(pPreset2)
}

// sameFunc reports whether the typed function a parses to the same tree
// as the preset's b.
func sameFunc(a, b string, vars ...string) bool {
	if a == b {
		return true
	}
	ea, err := expr.Parse(a, vars...)
	if err != nil {
		return false
	}
	eb, err := expr.Parse(b, vars...)
	return err == nil && ea.Equal(eb)
}

var specIndex = func() map[string]param.Spec {
	m := map[string]param.Spec{}
	for _, s := range Info.Params {
		m[s.Name] = s
	}
	return m
}()

func specDefault(name string) any { return specIndex[name].Default }

// setFloat and setString write values the lesson chose itself, which are
// always valid (numbers are clamped into range).
func setFloat(v *param.Values, name string, x float64) { v.Set(name, x) }

func setString(v *param.Values, name, s string) { v.Set(name, s) }

// Tune implements lesson.Lesson for the live parameters: the learning
// rate, the optimizers' hyper-parameters, the stop rule and the speed
// change without losing the path so far.
func (l *Lesson) Tune(name string, v *param.Values) {
	if name == pSpeed {
		return
	}
	switch l.mode {
	case mode1D:
		l.one.tune(v)
	case mode2D:
		l.two.tune(v)
	default:
		l.lin.tune(v)
	}
}

// maxPerTick bounds the updates of one tick, so that a frame never stalls
// whatever the speed.
const maxPerTick = 100

// Step implements lesson.Lesson: while playing, the mode's pace times the
// speed sets how many updates a tick owes (a fraction accumulates, so a
// slow pace makes one update every few ticks). It returns false once the
// run has stopped (converged, diverged, out of iterations) or while a
// handle is held.
func (l *Lesson) Step(v *param.Values) bool {
	if l.held() {
		return false
	}
	l.acc += l.pace * v.Float(pSpeed) / ticksPerSecond
	n := int(l.acc)
	l.acc -= float64(n)
	n = min(n, maxPerTick)
	for range n {
		if !l.update() {
			return false
		}
	}
	return l.running()
}

// ticksPerSecond is the runner's tick rate.
const ticksPerSecond = 60

// StepUnit implements lesson.UnitStepper: exactly one update (one
// iteration in 1d, one step of every racing optimizer in 2d, one
// mini-batch in linreg).
func (l *Lesson) StepUnit(*param.Values) bool {
	if l.held() {
		return false
	}
	l.update()
	return l.running()
}

func (l *Lesson) update() bool {
	switch l.mode {
	case mode1D:
		return l.one.step()
	case mode2D:
		return l.two.step()
	}
	return l.lin.step()
}

func (l *Lesson) running() bool {
	switch l.mode {
	case mode1D:
		return l.one.status == stRunning
	case mode2D:
		return l.two.running()
	}
	return l.lin.status == stRunning
}

func (l *Lesson) held() bool {
	switch l.mode {
	case mode1D:
		return l.one.held
	case mode2D:
		return l.two.held
	}
	return false
}

// Act implements lesson.Lesson; the lesson has no actions of its own.
func (l *Lesson) Act(name string, _ *param.Values) error {
	return fmt.Errorf("gd: unknown action %q", name)
}

// Pointer implements lesson.Lesson.
func (l *Lesson) Pointer(p lesson.Pointer, v *param.Values) bool {
	switch l.mode {
	case mode1D:
		return l.one.pointer(p, v)
	case mode2D:
		return l.two.pointer(p, v)
	}
	return false
}

// Figure implements lesson.Lesson.
func (l *Lesson) Figure(w, h float64) *figure.Figure {
	var ps []*figure.Panel
	switch l.mode {
	case mode1D:
		ps = l.one.figure(w, h)
	case mode2D:
		ps = l.two.figure(w, h)
	default:
		ps = l.lin.figure(w, h)
	}
	return &figure.Figure{W: w, H: h, Panels: ps}
}

// Readouts implements lesson.Lesson.
func (l *Lesson) Readouts() []lesson.Readout {
	switch l.mode {
	case mode1D:
		return l.one.readouts()
	case mode2D:
		return l.two.readouts()
	}
	return l.lin.readouts()
}

// Data implements lesson.Lesson: the path (1d, 2d) or the data (linreg).
func (l *Lesson) Data() lesson.Table {
	switch l.mode {
	case mode1D:
		return l.one.data()
	case mode2D:
		return l.two.data()
	}
	return l.lin.data()
}

// snap is the grid of dragged handles, so that URL values stay readable.
const snap = 0.1

// snapTo rounds to the drag grid as the URL will show it.
func snapTo(x float64) float64 { return param.Snap(x, snap) }

// finite reports whether every x is a finite number.
func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// num is lesson.Value: a number, or a key for NaN and infinities.
func num(name string, x float64) lesson.Readout { return lesson.Value(name, x) }

// short formats a number for the canvas (figure.Num).
func short(x float64) string { return figure.Num(x) }

// ellipsis shortens a typed function for a panel title.
func ellipsis(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
