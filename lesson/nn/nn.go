package nn

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/nn"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// Views and parameter names (the bridge contract: tests outside the
// project set these names).
const (
	viewSoftmax    = "softmax"
	viewActivation = "activation"
	viewTrain      = "train"
	viewBackprop   = "backprop"

	pView        = "view"
	pLogits      = "logits"
	pTemperature = "temperature"
	pTarget      = "target"
	pActivation  = "activation"
	pDerivative  = "derivative"
	pDataset     = "dataset"
	pFeatures    = "features"
	pLayers      = "layers"
	pOutput      = "output"
	pLR          = "lr"
	pReg         = "reg"
	pRegRate     = "reg_rate"
	pBatch       = "batch"
	pTrainRatio  = "train_ratio"
	pNoise       = "noise"
	pSeed        = "seed"
	pShowTest    = "show_test"
	pDiscretize  = "discretize"
	pPoints      = "points"
	pBPNet       = "bp_net"
	pBPPoint     = "bp_point"
	pSpeed       = "speed"

	// dataset value of the student's own points (the hidden "points").
	datasetCustom = "custom"

	// Values of output: the output activation and its loss.
	outTanh    = "tanh"    // tanh and ½(y − t)², as TensorFlow Playground
	outSigmoid = "sigmoid" // sigmoid and binary cross-entropy
	outSoftmax = "softmax" // softmax and cross-entropy, for several classes
	outLinear  = "linear"  // identity and ½(y − t)², for regression

	// Values of reg.
	regNone = "none"
	regL1   = "l1"
	regL2   = "l2"

	// Values of bp_net.
	bpSmall   = "small"   // a 2-2-1 network
	bpCurrent = "current" // the train view's network, when small enough

	// Actions.
	actRegenerate = "regenerate"

	// Exports.
	exportJSON  = "json"
	exportNumPy = "numpy"
)

// Bounds of the parameters.
const (
	maxClasses   = 6 // softmax view: 2 to 6 logits
	maxLogit     = 10
	maxLayers    = 6
	maxNeurons   = 16
	maxBatch     = 30
	maxSeed      = 9999
	maxPoints    = 500 // the data set size, as TensorFlow Playground's
	maxCustom    = 200 // points a student may draw
	maxPointText = 16 * maxCustom
)

// Info registers the lesson.
var Info = lesson.Info{
	ID:       "nn",
	Params:   specs(),
	Actions:  []string{actRegenerate},
	Animated: true,
	Still:    []string{viewSoftmax, viewActivation},
	Exports:  []string{exportJSON, exportNumPy},
	New:      func() lesson.Lesson { return new(Lesson) },
}

func specs() []param.Spec {
	const (
		onSoftmax  = "view=softmax"
		onAct      = "view=activation|train"
		onActOnly  = "view=activation"
		onTrain    = "view=train"
		onBackprop = "view=backprop"
	)
	return []param.Spec{
		{Name: pView, Kind: param.Choice, Choices: []string{viewSoftmax, viewActivation, viewTrain, viewBackprop}, Default: viewTrain},

		{Name: pLogits, Kind: param.Text, MaxLen: 120, Default: "2,1,0.1", Check: checkLogits, Show: onSoftmax},
		{Name: pTemperature, Kind: param.Number, Min: 0.1, Max: 10, Default: 1.0, Live: true, Log: true, Show: onSoftmax},
		{Name: pTarget, Kind: param.Int, Min: 0, Max: maxClasses - 1, Step: 1, Default: 0.0, Live: true, Show: onSoftmax},

		{Name: pActivation, Kind: param.Choice, Choices: nn.ActivationNames(), Default: "tanh", Show: onAct},
		{Name: pDerivative, Kind: param.Bool, Default: true, Live: true, Show: onActOnly},

		{Name: pDataset, Kind: param.Choice, Choices: append(nn.DatasetNames(), datasetCustom), Default: "circle", Show: onTrain, Control: "thumbnails"},
		{Name: pFeatures, Kind: param.Multi, Choices: nn.FeatureNames(), Default: "x1,x2", Show: onTrain},
		{Name: pLayers, Kind: param.Text, MaxLen: 40, Default: "4,2", Check: checkLayers, Show: onTrain, Control: "layers"},
		{Name: pOutput, Kind: param.Choice, Choices: []string{outTanh, outSigmoid, outSoftmax, outLinear}, Default: outTanh, Show: onTrain},
		{Name: pLR, Kind: param.Number, Min: 1e-5, Max: 10, Default: 0.03, Live: true, Log: true, Show: "view=train|backprop"},
		{Name: pReg, Kind: param.Choice, Choices: []string{regNone, regL1, regL2}, Default: regNone, Live: true, Show: onTrain},
		{Name: pRegRate, Kind: param.Number, Min: 1e-5, Max: 10, Default: 0.001, Live: true, Log: true, Show: onTrain},
		{Name: pBatch, Kind: param.Int, Min: 1, Max: maxBatch, Step: 1, Default: 10.0, Live: true, Show: onTrain},
		{Name: pTrainRatio, Kind: param.Int, Min: 10, Max: 90, Step: 10, Default: 50.0, Show: onTrain},
		{Name: pNoise, Kind: param.Int, Min: 0, Max: 50, Step: 5, Default: 0.0, Show: onTrain},
		{Name: pSeed, Kind: param.Int, Min: 0, Max: maxSeed, Step: 1, Default: 1.0, Show: onTrain},
		{Name: pShowTest, Kind: param.Bool, Default: false, Live: true, Show: onTrain},
		{Name: pDiscretize, Kind: param.Bool, Default: false, Live: true, Show: onTrain},
		{Name: pPoints, Kind: param.Text, MaxLen: maxPointText, Default: "", Check: checkPoints, Hidden: true},

		{Name: pBPNet, Kind: param.Choice, Choices: []string{bpSmall, bpCurrent}, Default: bpSmall, Show: onBackprop},
		{Name: pBPPoint, Kind: param.Int, Min: 0, Max: maxPoints - 1, Step: 1, Default: 0.0, Show: onBackprop},

		{Name: pSpeed, Kind: param.Number, Min: 0.1, Max: 10, Default: 1.0, Live: true, Log: true, Show: "view=train|backprop"},
	}
}

// view is one of the lesson's four views. The train view owns the
// network; the backprop view may read it (bp_net=current).
type view interface {
	// reset rebuilds the view from v: on open, after a structural change
	// and on the reset action.
	reset(v *param.Values)
	// tune applies the live parameter name without losing progress.
	tune(name string, v *param.Values)
	// step is one tick of play; unit one press of "step" (in train, one
	// epoch). Both report whether there is more to do.
	step(v *param.Values) bool
	unit(v *param.Values) bool
	pointer(p lesson.Pointer, v *param.Values) bool
	panels(w, h float64) []*figure.Panel
	readouts() []lesson.Readout
	data() lesson.Table
}

// Lesson is the neural-network lesson.
type Lesson struct {
	softmax    softmaxView
	activation activationView
	train      trainView
	backprop   backpropView
	cur        view
}

var (
	_ lesson.Lesson      = (*Lesson)(nil)
	_ lesson.UnitStepper = (*Lesson)(nil)
	_ lesson.Exporter    = (*Lesson)(nil)
)

func (l *Lesson) viewFor(name string) view {
	switch name {
	case viewSoftmax:
		return &l.softmax
	case viewActivation:
		return &l.activation
	case viewBackprop:
		l.backprop.train = &l.train
		return &l.backprop
	}
	return &l.train
}

// Reset implements lesson.Lesson. The train view's network is rebuilt
// whatever the view, so that the backprop view and the exports always
// have it.
func (l *Lesson) Reset(v *param.Values) {
	l.cur = l.viewFor(v.String(pView))
	if l.cur != &l.train {
		l.train.reset(v)
	}
	l.cur.reset(v)
}

// Tune implements lesson.Lesson.
func (l *Lesson) Tune(name string, v *param.Values) { l.cur.tune(name, v) }

// Step implements lesson.Lesson.
func (l *Lesson) Step(v *param.Values) bool { return l.cur.step(v) }

// StepUnit implements lesson.UnitStepper.
func (l *Lesson) StepUnit(v *param.Values) bool { return l.cur.unit(v) }

// Act implements lesson.Lesson: "regenerate" draws a new data set (the
// next seed), as TensorFlow Playground's button does.
func (l *Lesson) Act(name string, v *param.Values) error {
	if name != actRegenerate {
		return fmt.Errorf("nn: unknown action %q", name)
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

// Data implements lesson.Lesson: the data set (train and backprop views),
// the probabilities (softmax) or the function's samples (activation).
func (l *Lesson) Data() lesson.Table { return l.cur.data() }

// Export implements lesson.Exporter: the train view's network as JSON, or
// the NumPy code of its forward pass.
func (l *Lesson) Export(kind string) (string, error) { return l.train.export(kind) }

// num is lesson.Value: a number, or a key for NaN and infinities.
func num(name string, x float64) lesson.Readout { return lesson.Value(name, x) }

// parseLogits reads 2 to 6 numbers "2,1,0.1" of size at most 10.
func parseLogits(s string) ([]float64, error) {
	parts := strings.Split(s, ",")
	if len(parts) < 2 || len(parts) > maxClasses {
		return nil, fmt.Errorf("want 2 to %d numbers separated by commas, like 2,1,0.1", maxClasses)
	}
	z := make([]float64, len(parts))
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("logit %d: %q is not a number", i+1, strings.TrimSpace(p))
		}
		if math.Abs(f) > maxLogit {
			return nil, fmt.Errorf("logit %d: %g is outside −%d to %d", i+1, f, maxLogit, maxLogit)
		}
		z[i] = f
	}
	return z, nil
}

func checkLogits(s string) error { _, err := parseLogits(s); return err }

// parseLayers reads the hidden layers "8,8": 0 to 6 layers ("" is none)
// of 1 to 16 neurons.
func parseLayers(s string) ([]int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	if len(parts) > maxLayers {
		return nil, fmt.Errorf("%d hidden layers: at most %d", len(parts), maxLayers)
	}
	sizes := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 1 || n > maxNeurons {
			return nil, fmt.Errorf("layer %d: %q is not a number of neurons from 1 to %d", i+1, strings.TrimSpace(p), maxNeurons)
		}
		sizes[i] = n
	}
	return sizes, nil
}

func checkLayers(s string) error { _, err := parseLayers(s); return err }

// point is one of the student's own data points: a position in
// [−6, 6]² and a class (0 or 1; 0 is TensorFlow Playground's −1).
type point struct {
	X1, X2 float64
	Class  int
}

// parsePoints reads "x1,x2,c;x1,x2,c;…" (at most 200 points, coordinates
// in [−6, 6], classes 0 or 1).
func parsePoints(s string) ([]point, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	items := strings.Split(strings.TrimSuffix(s, ";"), ";")
	if len(items) > maxCustom {
		return nil, fmt.Errorf("%d points: at most %d", len(items), maxCustom)
	}
	pts := make([]point, len(items))
	for i, it := range items {
		f := strings.Split(it, ",")
		if len(f) != 3 {
			return nil, fmt.Errorf("point %d: want x1,x2,class", i+1)
		}
		var v [3]float64
		for j := range f {
			x, err := strconv.ParseFloat(strings.TrimSpace(f[j]), 64)
			if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
				return nil, fmt.Errorf("point %d: %q is not a number", i+1, strings.TrimSpace(f[j]))
			}
			v[j] = x
		}
		if math.Abs(v[0]) > nn.Radius || math.Abs(v[1]) > nn.Radius {
			return nil, fmt.Errorf("point %d: (%g, %g) is outside the square −%g to %g", i+1, v[0], v[1], nn.Radius, nn.Radius)
		}
		if v[2] != 0 && v[2] != 1 {
			return nil, fmt.Errorf("point %d: class %g, want 0 or 1", i+1, v[2])
		}
		pts[i] = point{v[0], v[1], int(v[2])}
	}
	return pts, nil
}

func checkPoints(s string) error { _, err := parsePoints(s); return err }

// formatPoints writes points in the parameter's form, coordinates to two
// decimals so that URLs stay short.
func formatPoints(pts []point) string {
	var b strings.Builder
	for i, p := range pts {
		if i > 0 {
			b.WriteByte(';')
		}
		fmt.Fprintf(&b, "%s,%s,%d", strconv.FormatFloat(p.X1, 'f', -1, 64), strconv.FormatFloat(p.X2, 'f', -1, 64), p.Class)
	}
	return b.String()
}
