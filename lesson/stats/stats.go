package stats

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/fit"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// Views and parameter names (the bridge contract: tests outside the
// project set these names).
const (
	viewFit      = "fit"
	viewSampling = "sampling"
	viewMLE      = "mle"

	pView     = "view"
	pFamily   = "family"
	pData     = "data"
	pSeed     = "seed"
	pN        = "n"
	pSource   = "source"
	pReveal   = "reveal"
	pReps     = "reps"
	pEstimate = "estimate"
	pLR       = "lr"
	pStart    = "start"

	// Values of source beyond the families' names.
	sourceMystery = "mystery" // a family and parameters chosen by the seed
	sourcePasted  = "pasted"  // the student's numbers (the data parameter)

	// Values of estimate (the mle view).
	estP     = "p"     // Bernoulli p
	estMu    = "mu"    // normal μ, σ held at σ̂
	estSigma = "sigma" // normal σ, μ held at μ̂

	// actRegenerate draws new data: the next seed.
	actRegenerate = "regenerate"
)

// Bounds of the parameters.
const (
	maxSeed   = 9999
	maxN      = 5000 // data points, and the sample size of the sampling view
	maxValues = 5000 // pasted values
	maxReps   = 100000
	dataLen   = 60000 // bytes of pasted text
)

// Info registers the lesson.
var Info = lesson.Info{
	ID:       "stats",
	Params:   specs(),
	Actions:  []string{actRegenerate},
	Animated: true,
	Still:    []string{viewFit},
	New:      func() lesson.Lesson { return new(Lesson) },
}

func sources() []string {
	return append([]string{sourceMystery}, append(fit.Names(), sourcePasted)...)
}

func specs() []param.Spec {
	const (
		onFit      = "view=fit"
		onData     = "view=fit|sampling"
		onSampling = "view=sampling"
		onMLE      = "view=mle"
	)
	return []param.Spec{
		{Name: pView, Kind: param.Choice, Choices: []string{viewFit, viewSampling, viewMLE}, Default: viewFit},
		{Name: pSource, Kind: param.Choice, Choices: sources(), Default: "exponential", Show: onData},
		{Name: pData, Kind: param.Text, MaxLen: dataLen, Default: "", Check: checkData, Show: onData},
		{Name: pFamily, Kind: param.Choice, Choices: fit.Names(), Default: "normal", Show: onFit},
		{Name: pN, Kind: param.Int, Min: 1, Max: maxN, Step: 1, Default: 30.0, Log: true},
		{Name: pSeed, Kind: param.Int, Min: 0, Max: maxSeed, Step: 1, Default: 1.0},
		{Name: pReveal, Kind: param.Bool, Default: false, Live: true, Show: onFit},
		{Name: pReps, Kind: param.Int, Min: 10, Max: maxReps, Step: 1, Default: 10000.0, Log: true, Live: true, Show: onSampling},
		{Name: pEstimate, Kind: param.Choice, Choices: []string{estP, estMu, estSigma}, Default: estP, Show: onMLE},
		{Name: pLR, Kind: param.Number, Min: 0.001, Max: 3, Default: 0.1, Live: true, Log: true, Show: onMLE},
		{Name: pStart, Kind: param.Number, Min: -100, Max: 100, Default: 0.5, Hidden: true},
	}
}

// view is one of the lesson's three views.
type view interface {
	// reset rebuilds the view from v: on open, after a structural change
	// and on the reset action.
	reset(v *param.Values)
	// tune applies the live parameter name without losing progress.
	tune(name string, v *param.Values)
	// step is one tick of play, unit one press of "step"; both report
	// whether there is more to do.
	step(v *param.Values) bool
	unit(v *param.Values) bool
	pointer(p lesson.Pointer, v *param.Values) bool
	panels(w, h float64) []*figure.Panel
	readouts() []lesson.Readout
	data() lesson.Table
}

// Lesson is the statistics lesson.
type Lesson struct {
	fit      fitView
	sampling samplingView
	mle      mleView
	cur      view
	opened   bool
	lastData string // the data text at the last reset, to notice a paste
}

var (
	_ lesson.Lesson      = (*Lesson)(nil)
	_ lesson.UnitStepper = (*Lesson)(nil)
)

func (l *Lesson) viewFor(name string) view {
	switch name {
	case viewSampling:
		return &l.sampling
	case viewMLE:
		return &l.mle
	}
	return &l.fit
}

// Reset implements lesson.Lesson. Pasting numbers into the data box
// switches the source to them, so that a paste is fitted at once; a URL
// that opens with data and another source is obeyed.
func (l *Lesson) Reset(v *param.Values) {
	data := v.String(pData)
	if l.opened && data != l.lastData && strings.TrimSpace(data) != "" {
		v.Set(pSource, sourcePasted)
	}
	l.opened, l.lastData = true, data
	l.cur = l.viewFor(v.String(pView))
	l.cur.reset(v)
}

// Tune implements lesson.Lesson.
func (l *Lesson) Tune(name string, v *param.Values) { l.cur.tune(name, v) }

// Step implements lesson.Lesson.
func (l *Lesson) Step(v *param.Values) bool { return l.cur.step(v) }

// StepUnit implements lesson.UnitStepper.
func (l *Lesson) StepUnit(v *param.Values) bool { return l.cur.unit(v) }

// Act implements lesson.Lesson: "regenerate" draws new data (the next
// seed).
func (l *Lesson) Act(name string, v *param.Values) error {
	if name != actRegenerate {
		return fmt.Errorf("stats: unknown action %q", name)
	}
	v.Set(pSeed, float64((v.Int(pSeed)+1)%(maxSeed+1)))
	l.Reset(v)
	return nil
}

// Pointer implements lesson.Lesson.
func (l *Lesson) Pointer(p lesson.Pointer, v *param.Values) bool { return l.cur.pointer(p, v) }

// Figure implements lesson.Lesson.
func (l *Lesson) Figure(w, h float64) *figure.Figure {
	return &figure.Figure{W: w, H: h, Panels: l.cur.panels(w, h)}
}

// Readouts implements lesson.Lesson.
func (l *Lesson) Readouts() []lesson.Readout { return l.cur.readouts() }

// Data implements lesson.Lesson: the data set (fit and mle views) or one
// row per repeated sample (sampling view).
func (l *Lesson) Data() lesson.Table { return l.cur.data() }

// num is lesson.Value: a number, or a key for NaN and infinities.
func num(name string, x float64) lesson.Readout { return lesson.Value(name, x) }

// msg writes a message key with values, key{name=value,…}; the page
// translates "value.<key>" and fills in {name}. Numbers are written as
// the canvas writes them.
func msg(key string, kv ...any) string {
	var b strings.Builder
	b.WriteString(key)
	b.WriteByte('{')
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		val := kv[i+1]
		switch x := val.(type) {
		case float64:
			val = figure.Num(x)
		case int:
			val = strconv.Itoa(x)
		}
		fmt.Fprintf(&b, "%v=%v", kv[i], val)
	}
	b.WriteByte('}')
	return b.String()
}
