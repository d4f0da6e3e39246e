package prob

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/aimath/playground/core/expr"
	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/core/prob"
	"github.com/aimath/playground/lesson"
)

// Views and parameter names (the bridge contract: tests outside the
// project set these names).
const (
	viewDist       = "dist"
	viewJoint      = "joint"
	viewExpect     = "expect"
	viewMonteCarlo = "montecarlo"
	viewLoss       = "loss"

	pView     = "view"
	pDist     = "dist"
	pP        = "p"
	pN        = "n"
	pMu       = "mu"
	pSigma    = "sigma"
	pAlpha    = "alpha"
	pBeta     = "beta"
	pLambda   = "lambda"
	pK        = "k"
	pProbs    = "probs"
	pNu       = "nu"
	pA        = "a"
	pB        = "b"
	pF        = "f"
	pIntegral = "integral"
	pSamples  = "samples"
	pSeed     = "seed"
	pSpeed    = "speed"
	pJoint    = "joint"
	pRho      = "rho"
	pTable    = "table"
	pSlice    = "slice"
	pSlope    = "slope"
	pInter    = "intercept"
	pCenters  = "centers"
	pScale    = "scale"

	// Values of integral (montecarlo view).
	integralGauss = "gauss" // the course's ∫₋₁¹ e^(−x²) dx
	integralPi    = "pi"    // π from points in the unit circle
	integralF     = "f"     // the typed f on [a, b]

	// Values of joint.
	jointNormal = "normal"
	jointTable  = "table"
)

// Bounds of the parameters.
const (
	maxSamples  = 100000
	maxSeed     = 9999
	maxTrials   = 100 // binomial n
	maxK        = 10  // categories from k
	maxProbs    = 12  // categories typed as a list
	sliceLimit  = 4   // the joint view's window is [−4, 4]²
	maxTableDim = 5
	maxCount    = 100 // a cell of the joint table
	lineLimit   = 5   // slope and intercept of the loss view's line
	centerLimit = 4   // the loss view's classification window is [−4, 4]
)

// Info registers the lesson.
var Info = lesson.Info{
	ID:       "prob",
	Params:   specs(),
	Animated: true,
	Still:    []string{viewJoint, viewLoss},
	New:      func() lesson.Lesson { return new(Lesson) },
}

// onFamily is the Show condition of a distribution parameter: the views
// that draw a distribution, and the families that read it (prob.Uses).
func onFamily(name string) string {
	var fams []string
	for _, f := range prob.Families() {
		if slices.Contains(prob.Uses(f), name) {
			fams = append(fams, f)
		}
	}
	return "view=dist|expect&dist=" + strings.Join(fams, "|")
}

func specs() []param.Spec {
	const (
		onDist    = "view=dist|expect"
		onSamples = "view=dist|expect|montecarlo"
		onAB      = "view=dist|expect|montecarlo"
		onF       = "view=expect|montecarlo"
		onMC      = "view=montecarlo"
		onJoint   = "view=joint"
		onLoss    = "view=loss"
	)
	return []param.Spec{
		{Name: pView, Kind: param.Choice, Choices: []string{viewDist, viewJoint, viewExpect, viewMonteCarlo, viewLoss}, Default: viewDist},

		{Name: pDist, Kind: param.Choice, Choices: prob.Families(), Default: prob.Normal, Show: onDist},
		{Name: pP, Kind: param.Number, Min: 0.01, Max: 0.99, Step: 0.01, Default: 0.3, Show: onFamily(pP)},
		{Name: pN, Kind: param.Int, Min: 1, Max: maxTrials, Step: 1, Default: 10.0, Show: onFamily(pN)},
		{Name: pMu, Kind: param.Number, Min: -5, Max: 5, Step: 0.1, Default: 0.0, Show: onFamily(pMu)},
		{Name: pSigma, Kind: param.Number, Min: 0.1, Max: 5, Step: 0.05, Default: 1.0, Show: "view=dist|expect|loss"},
		{Name: pAlpha, Kind: param.Number, Min: 0.1, Max: 20, Step: 0.1, Default: 2.0, Show: onFamily(pAlpha)},
		{Name: pBeta, Kind: param.Number, Min: 0.1, Max: 20, Step: 0.1, Default: 5.0, Show: onFamily(pBeta)},
		{Name: pLambda, Kind: param.Number, Min: 0.1, Max: 30, Step: 0.1, Default: 3.0, Show: onFamily(pLambda)},
		{Name: pK, Kind: param.Int, Min: 1, Max: maxK, Step: 1, Default: 4.0, Show: onFamily(pK)},
		{Name: pProbs, Kind: param.Text, MaxLen: 120, Default: "", Check: checkProbs, Show: onFamily(pProbs)},
		{Name: pNu, Kind: param.Number, Min: 0.5, Max: 100, Default: 5.0, Log: true, Show: onFamily(pNu)},
		{Name: pA, Kind: param.Number, Min: -10, Max: 10, Step: 0.1, Default: 0.0, Show: onAB},
		{Name: pB, Kind: param.Number, Min: -10, Max: 10, Step: 0.1, Default: 1.0, Show: onAB},

		{Name: pF, Kind: param.Text, MaxLen: expr.MaxLen, Default: "x^2", Check: checkF, Show: onF},
		{Name: pIntegral, Kind: param.Choice, Choices: []string{integralGauss, integralPi, integralF}, Default: integralGauss, Show: onMC},
		{Name: pSamples, Kind: param.Int, Min: 1, Max: maxSamples, Step: 1, Default: 1000.0, Log: true, Show: onSamples},
		{Name: pSeed, Kind: param.Int, Min: 0, Max: maxSeed, Step: 1, Default: 1.0, Show: "view=dist|expect|montecarlo|loss"},
		{Name: pSpeed, Kind: param.Number, Min: 0.1, Max: 10, Default: 1.0, Live: true, Log: true, Show: onSamples},

		{Name: pJoint, Kind: param.Choice, Choices: []string{jointNormal, jointTable}, Default: jointNormal, Show: onJoint},
		{Name: pRho, Kind: param.Number, Min: -0.99, Max: 0.99, Step: 0.01, Default: 0.6, Live: true, Show: onJoint},
		{Name: pTable, Kind: param.Matrix, Min: 0, Max: maxCount, Step: 1, MaxRows: maxTableDim, MaxCols: maxTableDim,
			Default: [][]float64{{4, 2, 1}, {2, 8, 2}, {1, 2, 6}}, Live: true, Show: onJoint},
		{Name: pSlice, Kind: param.Number, Min: -sliceLimit, Max: sliceLimit, Step: 0.1, Default: 1.0, Live: true, Show: onJoint},

		{Name: pSlope, Kind: param.Number, Min: -lineLimit, Max: lineLimit, Step: 0.01, Default: 0.5, Live: true, Show: onLoss},
		{Name: pInter, Kind: param.Number, Min: -lineLimit, Max: lineLimit, Step: 0.01, Default: 0.0, Live: true, Show: onLoss},
		{Name: pCenters, Kind: param.Matrix, Min: -centerLimit, Max: centerLimit, Step: 0.1, MaxRows: 1, MaxCols: lossClasses,
			Default: [][]float64{{-1, 0, 1}}, Live: true, Show: onLoss},
		{Name: pScale, Kind: param.Number, Min: 0.1, Max: 10, Default: 1.0, Log: true, Live: true, Show: onLoss},
	}
}

// view is one of the lesson's five views.
type view interface {
	// reset rebuilds the view from v: on open, after a structural change
	// and on the reset action.
	reset(v *param.Values)
	// tune applies the live parameter name without starting over.
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

// Lesson is the probability lesson.
type Lesson struct {
	dist   distView
	joint  jointView
	expect expectView
	mc     mcView
	loss   lossView
	cur    view
}

var (
	_ lesson.Lesson      = (*Lesson)(nil)
	_ lesson.UnitStepper = (*Lesson)(nil)
)

func (l *Lesson) viewFor(name string) view {
	switch name {
	case viewJoint:
		return &l.joint
	case viewExpect:
		return &l.expect
	case viewMonteCarlo:
		return &l.mc
	case viewLoss:
		return &l.loss
	}
	return &l.dist
}

// Reset implements lesson.Lesson.
func (l *Lesson) Reset(v *param.Values) {
	l.cur = l.viewFor(v.String(pView))
	l.cur.reset(v)
}

// Tune implements lesson.Lesson.
func (l *Lesson) Tune(name string, v *param.Values) { l.cur.tune(name, v) }

// Step implements lesson.Lesson.
func (l *Lesson) Step(v *param.Values) bool { return l.cur.step(v) }

// StepUnit implements lesson.UnitStepper: one more sample.
func (l *Lesson) StepUnit(v *param.Values) bool { return l.cur.unit(v) }

// Act implements lesson.Lesson; the lesson has no actions of its own.
func (l *Lesson) Act(name string, _ *param.Values) error {
	return fmt.Errorf("prob: unknown action %q", name)
}

// Pointer implements lesson.Lesson.
func (l *Lesson) Pointer(p lesson.Pointer, v *param.Values) bool { return l.cur.pointer(p, v) }

// Figure implements lesson.Lesson.
func (l *Lesson) Figure(w, h float64) *figure.Figure {
	return &figure.Figure{W: w, H: h, Panels: l.cur.panels(w, h)}
}

// Readouts implements lesson.Lesson.
func (l *Lesson) Readouts() []lesson.Readout { return l.cur.readouts() }

// Data implements lesson.Lesson: the samples (dist, expect), the points
// (montecarlo), the joint distribution (joint) or the data sets (loss).
func (l *Lesson) Data() lesson.Table { return l.cur.data() }

// num is lesson.Value: a number, or a key for NaN and infinities.
func num(name string, x float64) lesson.Readout { return lesson.Value(name, x) }

// parseProbs reads the categorical probabilities "0.2,0.5,0.3": 1 to 12
// numbers ≥ 0, not all 0 (they are weights, divided by their sum). The
// empty text means k equal probabilities.
func parseProbs(s string) ([]float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
	if len(parts) == 0 || len(parts) > maxProbs {
		return nil, fmt.Errorf("want 1 to %d probabilities separated by commas, like 0.2,0.5,0.3", maxProbs)
	}
	w := make([]float64, len(parts))
	sum := 0.0
	for i, p := range parts {
		x, err := strconv.ParseFloat(p, 64)
		if err != nil || !(x >= 0) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("probability %d: %q is not a number ≥ 0", i+1, p)
		}
		w[i] = x
		sum += x
	}
	if !(sum > 0) || math.IsInf(sum, 0) {
		return nil, fmt.Errorf("the probabilities are all 0")
	}
	return w, nil
}

func checkProbs(s string) error { _, err := parseProbs(s); return err }

// parseF reads f(x).
func parseF(s string) (*expr.Expr, error) { return expr.Parse(s, "x") }

func checkF(s string) error { _, err := parseF(s); return err }

// distParams gathers the parameters of every family.
func distParams(v *param.Values) prob.Params {
	w, _ := parseProbs(v.String(pProbs)) // Check refused anything else
	return prob.Params{
		P: v.Float(pP), N: v.Int(pN), Mu: v.Float(pMu), Sigma: v.Float(pSigma),
		Alpha: v.Float(pAlpha), Beta: v.Float(pBeta), Lambda: v.Float(pLambda),
		Weights: w, K: v.Int(pK), Nu: v.Float(pNu), A: v.Float(pA), B: v.Float(pB),
	}
}

// msg writes a message key with values: key{name=value,…}. The page
// translates "value.<key>" and fills in {name}.
func msg(key string, kv ...any) string {
	var b strings.Builder
	b.WriteString(key)
	b.WriteByte('{')
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%v=%v", kv[i], kv[i+1])
	}
	b.WriteByte('}')
	return b.String()
}

// notation writes the distribution and its parameters as textbooks do,
// "Gamma(α = 2, β = 5)": the canvas's legend of which parameters apply.
func notation(v *param.Values) string {
	f := func(name string) string { return figNum(v.Float(name)) }
	switch v.String(pDist) {
	case prob.Bernoulli:
		return "Bern(p = " + f(pP) + ")"
	case prob.Binomial:
		return "Bin(n = " + f(pN) + ", p = " + f(pP) + ")"
	case prob.Categorical:
		w, _ := parseProbs(v.String(pProbs))
		switch {
		case w == nil:
			return "Cat(k = " + strconv.Itoa(v.Int(pK)) + ")"
		case len(w) > 6:
			return "Cat(k = " + strconv.Itoa(len(w)) + ")"
		}
		sum := 0.0
		for _, x := range w {
			sum += x
		}
		parts := make([]string, len(w))
		for i, x := range w {
			parts[i] = figNum(x / sum)
		}
		return "Cat(" + strings.Join(parts, ", ") + ")"
	case prob.Poisson:
		return "Poisson(λ = " + f(pLambda) + ")"
	case prob.Geometric:
		return "Geom(p = " + f(pP) + ")"
	case prob.Uniform:
		return "U(a = " + f(pA) + ", b = " + f(pB) + ")"
	case prob.Laplace:
		return "Laplace(μ = " + f(pMu) + ", b = " + f(pSigma) + ")"
	case prob.Exponential:
		return "Exp(λ = " + f(pLambda) + ")"
	case prob.Beta:
		return "Beta(α = " + f(pAlpha) + ", β = " + f(pBeta) + ")"
	case prob.Gamma:
		return "Gamma(α = " + f(pAlpha) + ", β = " + f(pBeta) + ")"
	case prob.LogNormal:
		return "LogN(μ = " + f(pMu) + ", σ = " + f(pSigma) + ")"
	case prob.StudentT:
		return "t(ν = " + f(pNu) + ", μ = " + f(pMu) + ", σ = " + f(pSigma) + ")"
	}
	return "N(μ = " + f(pMu) + ", σ = " + f(pSigma) + ")"
}
