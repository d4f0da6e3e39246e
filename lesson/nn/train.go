package nn

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/aimath/playground/core/nn"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// The train view is the playground: a network of core/nn trained by
// mini-batch SGD on a data set of the plane, as TensorFlow Playground
// does it, drawn with every neuron's output over the plane.
//
// The network. Inputs are the chosen features, hidden layers the layers
// parameter, all of the chosen activation; the output and its loss come
// from the output parameter (tanh + ½(y − t)² as TensorFlow Playground,
// sigmoid + binary cross-entropy, softmax + cross-entropy with one output
// per class, linear + ½(y − t)²). The output must fit the data, and one
// rule makes it so: multi-class data (spiral3, blobs4) needs softmax, and
// regression data cannot have sigmoid or softmax (it gets linear); reset
// switches the output parameter itself (v.Set, so the page shows the
// changed control and the URL holds it) and says so in the note readout.
// Weights are core/nn's Init(seed): uniform in [−0.5, 0.5), biases 0.1.
//
// The data. nn.Dataset(name, 500, noise/100, seed) split at train_ratio
// percent, as TensorFlow Playground. The custom data set is the student's
// own points (the hidden points parameter): all of them are training
// points, there is no test set, and the test readouts are left out. A
// click on the output plot adds a point of class 1 (primary button) or
// class 0 (right button or long press: the pointer events carry no
// shift key), a click on a point removes it.
//
// Training. One epoch is one pass over the training points in their
// order, an update per batch (the last batch may be shorter), exactly
// nn.SGD.Epoch; unit (the step button) trains one epoch. Play trains
// speed × trEpochsPerSecond epochs a second, carrying fractions between
// ticks and bounding the work of a tick (trTrainWork): an epoch too big for
// one tick is spread over several, batch by batch. The losses are
// computed at the epoch boundary that ends the tick's training, so the
// readouts and the chart always show whole epochs. A loss or parameter
// that is not finite is divergence: the status readout says so and play
// stops (reset or change a setting to start again).
//
// Grids. The output and every neuron over a 100×100 grid of the plane
// cost more than a tick can spare, so while playing they are refreshed
// at most every trGridEvery ticks (15 a second), from a copy of the
// parameters taken at an epoch boundary, in bands of rows spread over
// ticks (trGridWork), and shown only when complete (see traingrid.go).
//
// The gradient check is in traincheck.go; the figure in trainfig.go;
// pointer input in trainpointer.go.
//
// Keeping the training: the lesson resets the train view on every
// structural change, whatever the view. A reset that leaves every
// setting of the network and its data as it was keeps the trained
// network, unless it is the reset action of the train view itself (the
// view was the train view before and after). So switching to the
// backprop view and back, or changing a backprop setting, does not lose
// the training.

// Readout values and notes of the train view (the page translates them,
// value.<key>).
const (
	trDiverged = "diverged" // status: a loss above trHuge, NaN or infinite, or a parameter not finite

	trNoteSoftmax    = "output_softmax" // multi-class data: output set to softmax
	trNoteLinear     = "output_linear"  // regression data: output set to linear
	trNoteNoPoints   = "no_points"      // custom data set without points
	trNoteNoFeatures = "no_features"    // no input feature chosen
	trNoteFull       = "points_full"    // custom data set: no room for more points
)

const (
	// trEpochsPerSecond is the epochs a second at speed 1: TensorFlow
	// Playground trains one epoch per animation frame, about 30 a second
	// when its grids keep it busy.
	trEpochsPerSecond = 30
	// trTicksPerSecond is the runner's tick rate.
	trTicksPerSecond = 60
	// trMaxBacklog bounds the epochs carried into a tick that the work
	// budget could not fit, so that play does not race to catch up.
	trMaxBacklog = 2
	// trGridN is the side of the grid the output and the neurons are
	// computed on (TensorFlow Playground's DENSITY).
	trGridN = 100
	// trThumb: the thumbnails take every trThumbStep-th grid point, a
	// trThumbN × trThumbN picture ((trGridN − 1)/trThumbStep + 1 = 34, so
	// the corners are the grid's).
	trThumbStep = 3
	trThumbN    = (trGridN-1)/trThumbStep + 1
	// trMaxHist: the loss chart keeps at most 2·trMaxHist epochs, halving
	// them (every other one) when full.
	trMaxHist = 1000
	// trHuge: a loss above it counts as diverged, as NaN and ±Inf do.
	trHuge = 1e12
)

// Work per tick, in multiply-add equivalents (see trainView.fwdCost;
// one is about 2.3 ns under wasm, BenchmarkStepTrain): training gets up
// to trTrainWork (about 1 ms), the grid refresh up to trGridWork of what
// is left of trTickWork (about 2.6 ms in all), the gradient check the
// rest, up to trCheckWork.
const (
	trTickWork  = trTrainWork + trGridWork + trCheckWork
	trTrainWork = 4e5
	trGridWork  = 5e5
	trCheckWork = 2.5e5
	// trActCost is what one activation costs, in multiply-adds.
	trActCost = 4
	// trGridEvery: ticks between the starts of two grid refreshes while
	// playing (60/4 = 15 refreshes a second at most).
	trGridEvery = 4
)

// trainView is the state of the train view.
type trainView struct {
	key      string // the settings the network and data were built from
	lastView string // the view at the last reset
	runs     int    // bumped on every rebuild, for raster keys
	ver      int    // bumped whenever the parameters change
	tick     int    // ticks played

	// Settings read at reset and by tune.
	dataset    string
	seed       int
	fs         []nn.Feature
	custom     bool
	points     []point // the custom points
	showTest   bool
	discretize bool
	switched   string // why reset switched the output ("" if it did not)
	full       bool   // the last click found no room for another custom point

	// The data and the training.
	all           nn.Data // every point: the training points, then the test points
	trainD, testD nn.Data
	net           *nn.Net // nil when there is no network (no features)
	train, test   nn.Set
	sgd           nn.SGD
	order         []int   // 0 … train.N−1: the order of the examples in an epoch
	pos           int     // the next example of the epoch in progress (0: none)
	acc           float64 // epochs due, carried between ticks
	epoch         int     // epochs done
	status        string  // "" or trDiverged

	// The losses and accuracies at evalEpoch, and the chart.
	pTrain, pTest       nn.Pass
	lossTrain, lossTest float64
	accTr, accTe        float64
	evalEpoch           int
	hist                []trHist

	grid  trGrid  // the pictures of the neurons (traingrid.go)
	check trCheck // the gradient check (traincheck.go)

	// Pointer state and what it shows (trainpointer.go).
	hover, pin       trNode // the neuron shown on the output plot
	sel              trLink // the selected link
	drag             trDrag
	press            trPress   // the last primary press, for long presses
	focus            []float64 // the focused neuron's full picture
	focusKey         string    // its raster key: the neuron and the grids' generation
	focusLo, focusHi float64

	// Every feature over the grid, computed once: the input nodes'
	// thumbnails, their full pictures, and their largest |value|.
	inThumb, inFull [][]float64
	inLim           []float64
}

// trHist is one point of the loss chart.
type trHist struct {
	epoch           float64
	train, test     float64
	hasTest, finite bool
}

// trainKey is what the network and its data are built from.
func trainKey(v *param.Values) string {
	k := fmt.Sprintf("%s|%s|%s|%s|%s|%d|%d|%d", v.String(pDataset), v.String(pFeatures), v.String(pLayers),
		v.String(pActivation), v.String(pOutput), v.Int(pTrainRatio), v.Int(pNoise), v.Int(pSeed))
	if v.String(pDataset) == datasetCustom {
		k += "|" + v.String(pPoints)
	}
	return k
}

// reset rebuilds the network and its data from v (see the view's doc for
// when the trained network is kept).
func (s *trainView) reset(v *param.Values) {
	view := v.String(pView)
	s.fitOutput(v)
	key := trainKey(v)
	keep := s.key != "" && key == s.key && (view != viewTrain || s.lastView != viewTrain)
	s.lastView = view
	s.showTest, s.discretize = v.Bool(pShowTest), v.Bool(pDiscretize)
	if keep {
		if view == viewTrain && s.net != nil {
			if s.grid.shownVer != s.ver {
				s.refresh()
			}
			if !s.check.valid {
				s.runCheck()
			}
		}
		return
	}
	s.key = key
	s.build(v)
	if view == viewTrain {
		s.refresh()
	}
}

// fitOutput applies the view's rule that the output fits the data: softmax
// for more than two classes, and no sigmoid or softmax for regression.
func (s *trainView) fitOutput(v *param.Values) {
	s.switched = ""
	out := v.String(pOutput)
	switch classes := trClasses(v.String(pDataset)); {
	case classes > 2 && out != outSoftmax:
		v.Set(pOutput, outSoftmax)
		s.switched = trNoteSoftmax
	case classes == 0 && (out == outSoftmax || out == outSigmoid):
		v.Set(pOutput, outLinear)
		s.switched = trNoteLinear
	}
}

// trClasses returns the number of classes of the data set called name, 0
// for regression.
func trClasses(name string) int {
	if name == datasetCustom {
		return 2
	}
	d, err := nn.Dataset(name, 1, 0, 0)
	if err != nil {
		return 2 // cannot happen: the choices are the core's names
	}
	return d.Classes
}

// build makes the data, the network and the training sets from v, and
// starts the training over.
func (s *trainView) build(v *param.Values) {
	s.runs++
	s.ver++
	s.seed = v.Int(pSeed)
	s.full = false
	s.grid.clearShown()
	s.dataset = v.String(pDataset)
	s.custom = s.dataset == datasetCustom
	s.epoch, s.pos, s.acc, s.status, s.tick = 0, 0, 0, "", 0
	s.hist = s.hist[:0]
	s.sel, s.drag, s.hover, s.pin = trLink{}, trDrag{}, trNode{}, trNode{}
	s.check.cancel()
	s.check.valid = false
	s.inputs()

	var err error
	s.fs, err = nn.ParseFeatures(v.List(pFeatures))
	if err != nil {
		panic(err) // cannot happen: the choices are the core's names
	}
	s.points, _ = parsePoints(v.String(pPoints)) // checked by the spec
	if s.custom {
		s.all = trCustomData(s.points)
		s.trainD, s.testD = s.all, nn.Data{Classes: 2}
	} else {
		s.all, err = nn.Dataset(s.dataset, maxPoints, float64(v.Int(pNoise))/100, uint64(v.Int(pSeed)))
		if err != nil {
			panic(err) // cannot happen: the name and the noise are the spec's
		}
		s.trainD, s.testD = s.all.Split(float64(v.Int(pTrainRatio)) / 100)
	}
	s.net = nil
	if len(s.fs) == 0 {
		return
	}
	sizes, _ := parseLayers(v.String(pLayers)) // checked by the spec
	act, err := nn.ParseActivation(v.String(pActivation))
	if err != nil {
		panic(err) // cannot happen: the choices are the core's names
	}
	c := nn.Config{Hidden: act}
	k := 1
	switch v.String(pOutput) {
	case outTanh:
		c.Output, c.Loss = nn.Tanh, nn.MSE
	case outSigmoid:
		c.Output, c.Loss = nn.Linear, nn.BCE // the loss reads logits
	case outSoftmax:
		c.Output, c.Loss = nn.Linear, nn.CE
		k = max(s.all.Classes, 2)
	case outLinear:
		c.Output, c.Loss = nn.Linear, nn.MSE
	}
	c.Sizes = append(append([]int{len(s.fs)}, sizes...), k)
	s.net, err = nn.New(c, uint64(v.Int(pSeed)))
	if err != nil {
		panic(err) // cannot happen: sizes ≥ 1, and CE has k ≥ 2 outputs
	}
	s.tuneAll(v)
	if s.train, err = s.trainD.Set(s.net, s.fs); err != nil {
		panic(err) // cannot happen: fitOutput made the output fit the data
	}
	if s.test, err = s.testD.Set(s.net, s.fs); err != nil {
		panic(err) // cannot happen: the same data set as the training points
	}
	s.order = s.order[:0]
	for p := range s.train.N {
		s.order = append(s.order, p)
	}
	s.evaluate()
	if v.String(pView) == viewTrain {
		s.runCheck()
	}
}

// trCustomData returns the student's points as a two-class data set
// (labels −1 and +1, TensorFlow Playground's).
func trCustomData(pts []point) nn.Data {
	d := nn.Data{Classes: 2, X1: make([]float64, len(pts)), X2: make([]float64, len(pts)), Y: make([]float64, len(pts))}
	for i, p := range pts {
		d.X1[i], d.X2[i], d.Y[i] = p.X1, p.X2, float64(2*p.Class-1)
	}
	return d
}

// tuneAll reads the live settings of the training.
func (s *trainView) tuneAll(v *param.Values) {
	s.sgd.LR, s.sgd.Batch = v.Float(pLR), v.Int(pBatch)
	reg := nn.NoReg
	switch v.String(pReg) {
	case regL1:
		reg = nn.L1
	case regL2:
		reg = nn.L2
	}
	s.net.Reg, s.net.RegRate = reg, v.Float(pRegRate)
}

// tune applies a live setting. A new penalty changes the objective, so
// the gradient check is done again.
func (s *trainView) tune(name string, v *param.Values) {
	switch name {
	case pShowTest:
		s.showTest = v.Bool(pShowTest)
	case pDiscretize:
		s.discretize = v.Bool(pDiscretize)
		s.grid.shade(s)
	}
	if s.net == nil {
		return
	}
	s.tuneAll(v)
	if name == pReg || name == pRegRate {
		s.runCheck()
	}
}

// trainable reports whether there is something to train.
func (s *trainView) trainable() bool {
	return s.net != nil && s.status == "" && s.train.N > 0
}

// fwdCost is the work of one example's forward pass, in multiply-add
// equivalents: a multiply-add per weight and bias, trActCost per neuron.
func (s *trainView) fwdCost() float64 {
	units := 0
	for _, n := range s.net.Sizes[1:] {
		units += n
	}
	return float64(len(s.net.Params) + trActCost*units)
}

// batches runs the epoch in progress on, one batch at a time, until it
// ends or budget is spent: a batch is run if it fits in budget, with the
// losses after it when it is the epoch's last (evalCost), or if it is the
// first. It returns the work done and whether the epoch ended.
func (s *trainView) batches(budget float64) (used float64, done bool) {
	n := s.train.N
	b := min(max(s.sgd.Batch, 1), n)
	perBatch := 3 * float64(b) * s.fwdCost() // forward, then backward at twice its cost
	for s.pos < n {
		hi := min(s.pos+b, n)
		need := perBatch
		if hi == n {
			need += s.evalCost()
		}
		if used > 0 && used+need > budget {
			break
		}
		s.sgd.Step(s.net, s.train, s.order[s.pos:hi])
		s.pos = hi
		used += perBatch
	}
	if s.pos < n {
		return used, false
	}
	s.pos = 0
	s.epoch++
	s.ver++
	return used, true
}

// evalCost is the work of the losses: a forward pass over every point.
func (s *trainView) evalCost() float64 {
	return float64(s.train.N+s.test.N) * s.fwdCost()
}

// epochCost is the work of one epoch and of the losses after it.
func (s *trainView) epochCost() float64 {
	return 3*float64(s.train.N)*s.fwdCost() + s.evalCost()
}

// step is one tick of play: the epochs due and their losses (within
// trTrainWork, unless a single batch and the losses after it need more),
// then rows of the grid refresh and parameters of the gradient check
// within what is left of trTickWork. It reports whether play goes on.
func (s *trainView) step(v *param.Values) bool {
	if !s.trainable() {
		return false
	}
	s.tick++
	speed := v.Float(pSpeed) * trEpochsPerSecond / trTicksPerSecond
	s.acc = math.Min(s.acc+speed, math.Max(speed, trMaxBacklog))
	left, train := float64(trTickWork), float64(trTrainWork)
	for s.status == "" {
		if s.pos == 0 {
			if s.acc < 1 {
				break
			}
			s.acc--
		}
		used, done := s.batches(train)
		train -= used
		left -= used
		if !done {
			break // the epoch goes on in the next tick
		}
		if s.acc >= 1 && train >= s.epochCost() {
			continue // another whole epoch fits: no need for the losses in between
		}
		s.evaluate()
		left -= s.evalCost()
		break
	}
	if s.status != "" {
		s.refresh() // show the diverged network once
		return false
	}
	if s.pos == 0 {
		left -= s.grid.play(s, math.Min(trGridWork, left))
		s.check.play(s, math.Min(trCheckWork, left))
	} else {
		left -= s.grid.advance(s, math.Min(trGridWork, left))
		s.check.advance(s, math.Min(trCheckWork, left))
	}
	return true
}

// unit is one epoch (finishing the one in progress, if any), then the
// losses and the grids of the new parameters, and the gradient check when
// it is due (see traincheck.go).
func (s *trainView) unit(*param.Values) bool {
	if !s.trainable() {
		return false
	}
	for {
		if _, done := s.batches(math.Inf(1)); done {
			break
		}
	}
	s.acc = 0
	s.evaluate()
	s.refresh()
	if s.status == "" && (s.check.busy || s.check.due(s)) {
		s.runCheck()
	}
	return s.status == ""
}

// evaluate computes the losses and accuracies of the current parameters,
// records them on the chart and checks for divergence.
func (s *trainView) evaluate() {
	if s.net == nil {
		return
	}
	s.evalEpoch = s.epoch
	s.net.Forward(&s.pTrain, s.train.X)
	s.lossTrain = s.net.DataLoss(&s.pTrain, s.train.T)
	s.lossTest, s.accTr, s.accTe = 0, 0, 0
	if s.train.Class != nil {
		s.accTr = s.net.Accuracy(&s.pTrain, s.train.Class)
	}
	if s.test.N > 0 {
		s.net.Forward(&s.pTest, s.test.X)
		s.lossTest = s.net.DataLoss(&s.pTest, s.test.T)
		if s.test.Class != nil {
			s.accTe = s.net.Accuracy(&s.pTest, s.test.Class)
		}
	}
	if s.train.N > 0 {
		s.record()
	}
	if !trFiniteLoss(s.lossTrain) || !trFiniteLoss(s.lossTest) || !trFiniteAll(s.net.Params) {
		s.status = trDiverged
	}
}

// trFiniteLoss reports whether a loss is a number below trHuge.
func trFiniteLoss(l float64) bool { return l <= trHuge } // NaN fails every comparison

// trFiniteAll reports whether every value is finite.
func trFiniteAll(xs []float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// record appends the losses to the chart, halving it when full.
func (s *trainView) record() {
	h := trHist{epoch: float64(s.epoch), train: s.lossTrain, test: s.lossTest, hasTest: s.test.N > 0}
	h.finite = trFiniteLoss(h.train) && (!h.hasTest || trFiniteLoss(h.test))
	if n := len(s.hist); n > 0 && s.hist[n-1].epoch == h.epoch {
		s.hist[n-1] = h // an edited weight or new points at the same epoch
		return
	}
	if len(s.hist) >= 2*trMaxHist {
		last := s.hist[len(s.hist)-1]
		half := s.hist[:0]
		for i := 0; i < len(s.hist); i += 2 {
			half = append(half, s.hist[i])
		}
		if half[len(half)-1].epoch != last.epoch {
			half = append(half, last)
		}
		s.hist = half
	}
	s.hist = append(s.hist, h)
}

// changed is what follows an edit of the parameters or the data outside
// training (a dragged weight, new points): the losses, and the grids at
// once, since nothing may be playing.
func (s *trainView) changed() {
	s.status = ""
	s.evaluate()
	s.refresh()
}

// network returns the current network and its input features, for the
// backprop view; ok is false when there is none.
func (s *trainView) network() (*nn.Net, []nn.Feature, bool) {
	return s.net, s.fs, s.net != nil
}

// point returns the i-th training point and its target: the value the
// output is trained towards when there is one output (±1 or 0/1 for two
// classes as nn.Data.Set codes them, the label for regression), the class
// when there is one output per class. ok is false if there is no such
// point.
func (s *trainView) point(i int) (x1, x2, target float64, ok bool) {
	if s.net == nil || i < 0 || i >= s.train.N {
		return 0, 0, 0, false
	}
	target = s.train.T[i]
	if s.net.Sizes[len(s.net.Sizes)-1] > 1 {
		target = float64(s.train.Class[i])
	}
	return s.trainD.X1[i], s.trainD.X2[i], target, true
}

func (s *trainView) readouts() []lesson.Readout {
	ro := []lesson.Readout{lesson.Num("epoch", float64(s.epoch))}
	if s.net != nil && s.train.N > 0 {
		ro = append(ro, num("loss_train", s.lossTrain))
		if s.test.N > 0 {
			ro = append(ro, num("loss_test", s.lossTest))
		}
		if s.train.Class != nil {
			ro = append(ro, num("acc_train", s.accTr))
			if s.test.N > 0 {
				ro = append(ro, num("acc_test", s.accTe))
			}
		}
		if s.check.valid {
			ro = append(ro, num("grad_check_max_rel_err", s.check.maxRel),
				lesson.Num("grad_check_epoch", float64(s.check.doneEpoch)))
		}
	}
	if s.net != nil {
		ro = append(ro, lesson.Num("params", float64(len(s.net.Params))))
	}
	if s.status != "" {
		ro = append(ro, lesson.Str("status", s.status))
	}
	if note := s.note(); note != "" {
		ro = append(ro, lesson.Str("note", note))
	}
	if s.sel.on && s.net != nil {
		ro = append(ro, lesson.Str("link", s.sel.name()), num("link_weight", s.weight(s.sel)))
	}
	return ro
}

// note returns what the note readout says: what is missing, else why
// the output was switched.
func (s *trainView) note() string {
	switch {
	case s.net == nil:
		return trNoteNoFeatures
	case s.custom && len(s.points) == 0:
		return trNoteNoPoints
	case s.full:
		return trNoteFull
	}
	return s.switched
}

// data is the data set: coordinates, label (the class, or the value for
// regression), split (1 training, 0 test) and, unless the network has
// diverged or there is none, its prediction (the class, or the output).
func (s *trainView) data() lesson.Table {
	cols := []string{"x1", "x2", "label", "split"}
	pred := s.net != nil && s.status == ""
	if pred {
		cols = append(cols, "prediction")
	}
	t := lesson.Table{Columns: cols, Rows: make([][]float64, 0, s.all.Len())}
	add := func(d nn.Data, set nn.Set, split float64) {
		var p nn.Pass
		var cls []int
		if pred {
			s.net.Forward(&p, set.X)
			cls = s.net.Classify(nil, &p)
		}
		for i := range d.Len() {
			label := d.Y[i]
			if d.Classes > 0 {
				label = float64(d.Class(i))
			}
			row := []float64{d.X1[i], d.X2[i], label, split}
			if pred {
				y := p.Out[i]
				if d.Classes > 0 {
					y = float64(cls[i])
				}
				row = append(row, y)
			}
			t.Rows = append(t.Rows, row)
		}
	}
	add(s.trainD, s.train, 1)
	add(s.testD, s.test, 0)
	return t
}

// export returns the network as JSON (nn.Net's form, with the features
// and the data set added, so that nn.Net.UnmarshalJSON still reads it) or
// the NumPy code of its forward pass.
func (s *trainView) export(kind string) (string, error) {
	if s.net == nil {
		return "", errors.New("there is no network: choose at least one input feature")
	}
	switch kind {
	case exportJSON:
		b, err := s.net.MarshalJSON()
		if err != nil {
			return "", err
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			return "", err
		}
		names := make([]string, len(s.fs))
		for j, f := range s.fs {
			names[j] = f.String()
		}
		m["features"], m["dataset"], m["epoch"] = names, s.dataset, s.epoch
		out, err := json.MarshalIndent(m, "", " ")
		return string(out) + "\n", err
	case exportNumPy:
		var b bytes.Buffer
		if err := s.net.WriteNumPy(&b, s.fs); err != nil {
			return "", err
		}
		return b.String(), nil
	}
	return "", fmt.Errorf("no export %q: want %s or %s", kind, exportJSON, exportNumPy)
}

// inputs computes every feature over the grid once: the input nodes'
// thumbnails and the full pictures hovering shows.
func (s *trainView) inputs() {
	if s.inFull != nil {
		return
	}
	s.grid.coords()
	names := nn.FeatureNames()
	fs, _ := nn.ParseFeatures(names)
	s.inFull = make([][]float64, len(fs))
	s.inThumb = make([][]float64, len(fs))
	s.inLim = make([]float64, len(fs))
	for k, f := range fs {
		full := make([]float64, trGridN*trGridN)
		for p := range full {
			full[p] = f.Eval(s.grid.x1[p], s.grid.x2[p])
			s.inLim[k] = math.Max(s.inLim[k], math.Abs(full[p]))
		}
		s.inFull[k] = full
		s.inThumb[k] = trThumbOf(full)
	}
}

// trThumbOf returns the thumbnail of a full grid picture: every
// trThumbStep-th point in each direction.
func trThumbOf(full []float64) []float64 {
	t := make([]float64, 0, trThumbN*trThumbN)
	for r := 0; r < trGridN; r += trThumbStep {
		for c := 0; c < trGridN; c += trThumbStep {
			t = append(t, full[r*trGridN+c])
		}
	}
	return t
}

// weight returns the value of a link's weight.
func (s *trainView) weight(k trLink) float64 {
	return s.net.W[k.l][k.i*s.net.Sizes[k.l]+k.j]
}

// trLink is a link of the network: the weight from neuron j of layer l to
// neuron i of layer l+1.
type trLink struct {
	on      bool
	l, i, j int
}

// name is how the link readout shows it: w[l+1][j→i], layers counted
// from the inputs (0) and neurons from 1.
func (k trLink) name() string {
	return "w[" + strconv.Itoa(k.l+1) + "][" + strconv.Itoa(k.j+1) + "→" + strconv.Itoa(k.i+1) + "]"
}

// trNode is a neuron: layer l (0 the inputs), neuron j; for an input, j
// is the feature (nn.Feature), shown whether chosen or not.
type trNode struct {
	on   bool
	l, j int
}

// trDrag is a weight being scrubbed by a vertical drag.
type trDrag struct {
	on     bool
	y0, w0 float64
}

// trFeatureIndex returns where f is among the chosen features, or −1.
func (s *trainView) trFeatureIndex(f nn.Feature) int { return slices.Index(s.fs, f) }

// trRange returns the colour range of a neuron's picture: the inputs
// their own largest |value| (x1 to ±6, x1² to ±36), the others [−1, 1]
// as TensorFlow Playground, but a probability [0, 1].
func (s *trainView) trRange(n trNode) (lo, hi float64) {
	if n.l == 0 {
		return -s.inLim[n.j], s.inLim[n.j]
	}
	if n.l == len(s.net.Sizes)-1 && (s.net.Loss == nn.BCE || s.net.Loss == nn.CE) {
		return 0, 1
	}
	return -1, 1
}
