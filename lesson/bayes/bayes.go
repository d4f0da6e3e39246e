package bayes

import (
	"fmt"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// Views and parameter names (the bridge contract: tests outside the
// project set these names).
const (
	viewTheorem     = "theorem"
	viewBeta        = "beta"
	viewConfounding = "confounding"

	pView = "view"

	// The theorem view.
	pPrevalence  = "prevalence"
	pSensitivity = "sensitivity"
	pFPR         = "fpr"
	pResult      = "result"  // the result "test again" applies
	pHistory     = "history" // hidden: the results applied so far, "p" and "n"

	// The beta view.
	pAlpha     = "alpha"
	pBeta      = "beta"
	pTrueP     = "true_p"
	pShowTruth = "show_truth"
	pFlips     = "flips" // how many coins "flip_n" flips
	pSeed      = "seed"
	pFlipped   = "flipped" // hidden: how many coins have been flipped

	// The confounding view: successes and patients of treatment A or B
	// with small or large stones.
	pASmallS = "a_small_s"
	pASmallN = "a_small_n"
	pALargeS = "a_large_s"
	pALargeN = "a_large_n"
	pBSmallS = "b_small_s"
	pBSmallN = "b_small_n"
	pBLargeS = "b_large_s"
	pBLargeN = "b_large_n"

	// Values of result.
	resultPositive = "positive"
	resultNegative = "negative"

	// Actions.
	actTestAgain = "test_again"
	actFlip      = "flip"
	actFlipN     = "flip_n"
)

// Bounds of the parameters.
const (
	maxUpdates = 12    // tests in a history
	maxFlips   = 10000 // coins flipped in all
	maxFlipN   = 1000  // coins flip_n flips at once
	maxSeed    = 9999
	maxCount   = 1000 // patients in a cell of the confounding table
	probStep   = 0.001
)

// Info registers the lesson.
var Info = lesson.Info{
	ID:       "bayes",
	Params:   specs(),
	Actions:  []string{actTestAgain, actFlip, actFlipN},
	Animated: true,
	Still:    []string{viewTheorem, viewConfounding},
	New:      func() lesson.Lesson { return new(Lesson) },
}

// cells are the confounding table's parameters, [treatment][stratum]
// {successes, patients}, with the defaults of Charig et al. (1986).
var cells = [2][2]struct {
	s, n         string
	sDef, nDef   float64
	name, letter string
}{
	{{pASmallS, pASmallN, 81, 87, "a_small", "A"}, {pALargeS, pALargeN, 192, 263, "a_large", "A"}},
	{{pBSmallS, pBSmallN, 234, 270, "b_small", "B"}, {pBLargeS, pBLargeN, 55, 80, "b_large", "B"}},
}

// Every parameter but the view is live: Reset runs only on open, on a
// switch of view and on the reset action, so a Reset in the same view is
// the reset action (see Lesson.Reset).
func specs() []param.Spec {
	const (
		onTheorem = "view=theorem"
		onBeta    = "view=beta"
		onConf    = "view=confounding"
	)
	ps := []param.Spec{
		{Name: pView, Kind: param.Choice, Choices: []string{viewTheorem, viewBeta, viewConfounding}, Default: viewTheorem},

		{Name: pPrevalence, Kind: param.Number, Min: 0, Max: 1, Step: probStep, Default: 0.01, Live: true, Show: onTheorem},
		{Name: pSensitivity, Kind: param.Number, Min: 0, Max: 1, Step: probStep, Default: 0.9, Live: true, Show: onTheorem},
		{Name: pFPR, Kind: param.Number, Min: 0, Max: 1, Step: probStep, Default: 0.09, Live: true, Show: onTheorem},
		{Name: pResult, Kind: param.Choice, Choices: []string{resultPositive, resultNegative}, Default: resultPositive, Live: true, Show: onTheorem},
		{Name: pHistory, Kind: param.Text, MaxLen: maxUpdates, Default: "", Check: checkHistory, Live: true, Hidden: true},

		{Name: pAlpha, Kind: param.Number, Min: 0.1, Max: 50, Step: 0.1, Default: 1.0, Live: true, Show: onBeta},
		{Name: pBeta, Kind: param.Number, Min: 0.1, Max: 50, Step: 0.1, Default: 1.0, Live: true, Show: onBeta},
		{Name: pTrueP, Kind: param.Number, Min: 0, Max: 1, Step: 0.01, Default: 0.7, Live: true, Show: onBeta},
		{Name: pShowTruth, Kind: param.Bool, Default: false, Live: true, Show: onBeta},
		{Name: pFlips, Kind: param.Int, Min: 1, Max: maxFlipN, Step: 1, Default: 10.0, Live: true, Show: onBeta},
		{Name: pSeed, Kind: param.Int, Min: 0, Max: maxSeed, Step: 1, Default: 1.0, Live: true, Show: onBeta},
		{Name: pFlipped, Kind: param.Int, Min: 0, Max: maxFlips, Step: 1, Default: 0.0, Live: true, Hidden: true},
	}
	for _, row := range cells {
		for _, c := range row {
			ps = append(ps,
				param.Spec{Name: c.s, Kind: param.Int, Min: 0, Max: maxCount, Step: 1, Default: c.sDef, Live: true, Show: onConf},
				param.Spec{Name: c.n, Kind: param.Int, Min: 1, Max: maxCount, Step: 1, Default: c.nDef, Live: true, Show: onConf})
		}
	}
	return ps
}

// view is one of the lesson's three views.
type view interface {
	// reset loads the view from v; clear starts it over (the reset
	// action): the history of tests, the flips, the table's defaults.
	reset(v *param.Values, clear bool)
	// tune applies a change of the parameter name.
	tune(name string, v *param.Values)
	// step is one tick of play and unit one press of "step"; both report
	// whether there is more to do.
	step(v *param.Values) bool
	unit(v *param.Values) bool
	pointer(p lesson.Pointer, v *param.Values) bool
	panels(w, h float64) []*figure.Panel
	readouts() []lesson.Readout
	data() lesson.Table
}

// Lesson is the Bayesian-statistics lesson.
type Lesson struct {
	theorem theoremView
	beta    betaView
	conf    confoundingView
	cur     view
	name    string // the current view's name
	opened  bool
}

var (
	_ lesson.Lesson      = (*Lesson)(nil)
	_ lesson.UnitStepper = (*Lesson)(nil)
)

func (l *Lesson) viewFor(name string) view {
	switch name {
	case viewBeta:
		return &l.beta
	case viewConfounding:
		return &l.conf
	}
	return &l.theorem
}

// Reset implements lesson.Lesson. Since every parameter but the view is
// live, the runner resets only to open the lesson, to switch views and
// for the reset action; a Reset that finds the view unchanged is the
// reset action, and clears the view's own state (which lives in the
// parameters, so that the URL reproduces it).
func (l *Lesson) Reset(v *param.Values) {
	name := v.String(pView)
	clear := l.opened && name == l.name
	l.opened, l.name = true, name
	l.cur = l.viewFor(name)
	l.cur.reset(v, clear)
}

// Tune implements lesson.Lesson.
func (l *Lesson) Tune(name string, v *param.Values) { l.cur.tune(name, v) }

// Step implements lesson.Lesson.
func (l *Lesson) Step(v *param.Values) bool { return l.cur.step(v) }

// StepUnit implements lesson.UnitStepper.
func (l *Lesson) StepUnit(v *param.Values) bool { return l.cur.unit(v) }

// Act implements lesson.Lesson. The page shows every action in every
// view, so an action switches to its view first: "flip" pressed in the
// theorem view opens the beta view with one more coin.
func (l *Lesson) Act(name string, v *param.Values) error {
	switch name {
	case actTestAgain:
		l.switchTo(viewTheorem, v)
		l.theorem.testAgain(v)
	case actFlip:
		l.switchTo(viewBeta, v)
		l.beta.flip(v, 1)
	case actFlipN:
		l.switchTo(viewBeta, v)
		l.beta.flip(v, v.Int(pFlips))
	default:
		return fmt.Errorf("bayes: unknown action %q", name)
	}
	return nil
}

func (l *Lesson) switchTo(name string, v *param.Values) {
	if l.name == name {
		return
	}
	v.Set(pView, name)
	l.name = name
	l.cur = l.viewFor(name)
	l.cur.reset(v, false)
}

// Pointer implements lesson.Lesson.
func (l *Lesson) Pointer(p lesson.Pointer, v *param.Values) bool { return l.cur.pointer(p, v) }

// Figure implements lesson.Lesson.
func (l *Lesson) Figure(w, h float64) *figure.Figure {
	return &figure.Figure{W: w, H: h, Panels: l.cur.panels(w, h)}
}

// Readouts implements lesson.Lesson.
func (l *Lesson) Readouts() []lesson.Readout { return l.cur.readouts() }

// Data implements lesson.Lesson.
func (l *Lesson) Data() lesson.Table { return l.cur.data() }
