package cnn

import (
	"fmt"
	"slices"

	"github.com/aimath/playground/core/conv"
	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// Views and parameter names (the bridge contract: tests outside the
// project set these names).
const (
	viewSlide    = "slide"
	viewChannels = "channels"
	viewBackward = "backward"
	viewLearn    = "learn"

	pView       = "view"
	pImage      = "image"
	pSize       = "size"
	pKernel     = "kernel"
	pPadding    = "padding"
	pStride     = "stride"
	pDilation   = "dilation"
	pBias       = "bias"
	pReLU       = "relu"
	pPool       = "pool"
	pPoolSize   = "pool_size"
	pPoolStride = "pool_stride"
	pKernels    = "kernels"
	pWeights    = "weights"
	pLoss       = "loss"
	pTarget     = "target"
	pLR         = "lr"
	pInit       = "init"
	pSeed       = "seed"
	pSpeed      = "speed"
	pDrawing    = "drawing"

	// Values of image beyond conv.ImageNames.
	imageDraw   = "draw"
	imageUpload = "upload"

	// Values of pool.
	poolNone = "none"
	poolMax  = "max"
	poolAvg  = "avg"

	// Values of loss (backward view).
	lossTarget = "target"
	lossPixel  = "pixel"

	// Values of init (learn view).
	initZeros  = "zeros"
	initRandom = "random"

	// actClear clears the drawing.
	actClear = "clear"
)

// Bounds of the parameters.
const (
	maxKernel   = 7 // custom kernels are 1×1 to 7×7
	maxWeight   = 100
	maxPad      = 6
	maxStride   = 8
	maxDilation = 4
	maxPool     = 4
	maxKernels  = 4
	maxSeed     = 9999
	defaultSize = 30 // the course's 30×30 input: a 3×3 kernel gives 28×28
)

// Info registers the lesson.
var Info = lesson.Info{
	ID:       "cnn",
	Params:   specs(),
	Actions:  []string{actClear},
	Animated: true,
	New:      func() lesson.Lesson { return new(Lesson) },
}

var specIndex = func() map[string]param.Spec {
	m := map[string]param.Spec{}
	for _, s := range Info.Params {
		m[s.Name] = s
	}
	return m
}()

func images() []string {
	return append(conv.ImageNames(), imageDraw, imageUpload)
}

func presets() []param.Preset {
	var ps []param.Preset
	for _, name := range conv.PresetNames() {
		rows, _ := conv.Preset(name)
		ps = append(ps, param.Preset{Name: name, Rows: rows})
	}
	return ps
}

func specs() []param.Spec {
	const (
		onPipeline = "view=slide|channels"
		onChannels = "view=channels"
		onLoss     = "view=backward|learn"
		onBackward = "view=backward"
		onLearn    = "view=learn"
		onKernel   = "view=slide|channels|backward"
	)
	return []param.Spec{
		{Name: pView, Kind: param.Choice, Choices: []string{viewSlide, viewChannels, viewBackward, viewLearn}, Default: viewSlide},
		{Name: pImage, Kind: param.Choice, Choices: images(), Default: "digit"},
		{Name: pSize, Kind: param.Int, Min: conv.MinImageSize, Max: conv.MaxImageSize, Step: 1, Default: float64(defaultSize)},
		{Name: pKernel, Kind: param.Text, MaxLen: 400, Default: "sobel-x", Check: checkKernel, Presets: presets(), Show: onKernel},
		{Name: pPadding, Kind: param.Int, Min: 0, Max: maxPad, Step: 1, Default: 0.0},
		{Name: pStride, Kind: param.Int, Min: 1, Max: maxStride, Step: 1, Default: 1.0},
		{Name: pDilation, Kind: param.Int, Min: 1, Max: maxDilation, Step: 1, Default: 1.0},
		{Name: pBias, Kind: param.Number, Min: -5, Max: 5, Step: 0.1, Default: 0.0, Live: true, Show: onKernel},
		{Name: pReLU, Kind: param.Bool, Default: false, Show: onPipeline},
		{Name: pPool, Kind: param.Choice, Choices: []string{poolNone, poolMax, poolAvg}, Default: poolNone, Show: onPipeline},
		{Name: pPoolSize, Kind: param.Int, Min: 1, Max: maxPool, Step: 1, Default: 2.0, Show: onPipeline},
		{Name: pPoolStride, Kind: param.Int, Min: 1, Max: maxPool, Step: 1, Default: 2.0, Show: onPipeline},
		{Name: pKernels, Kind: param.Int, Min: 1, Max: maxKernels, Step: 1, Default: 2.0, Show: onChannels},
		{Name: pWeights, Kind: param.Matrix, Min: -5, Max: 5, Step: 0.1, MaxRows: maxKernels, MaxCols: 3,
			Default: defaultWeights(2), Show: onChannels},
		{Name: pLoss, Kind: param.Choice, Choices: []string{lossTarget, lossPixel}, Default: lossTarget, Show: onBackward},
		{Name: pTarget, Kind: param.Text, MaxLen: 400, Default: "sobel-y", Check: checkKernel, Presets: presets(), Show: onLoss},
		{Name: pLR, Kind: param.Number, Min: 1e-3, Max: 10, Default: 0.3, Live: true, Log: true, Show: onLearn},
		{Name: pInit, Kind: param.Choice, Choices: []string{initZeros, initRandom}, Default: initZeros, Show: onLearn},
		{Name: pSeed, Kind: param.Int, Min: 0, Max: maxSeed, Step: 1, Default: 1.0, Show: onLearn},
		{Name: pSpeed, Kind: param.Number, Min: 0.1, Max: 100, Default: 1.0, Live: true, Log: true},
		{Name: pDrawing, Kind: param.Text, MaxLen: drawingMaxLen, Default: "", Check: checkDrawing, Hidden: true},
	}
}

// channelWeights are the default rows of the weights matrix: kernel k of
// the channels view is the chosen 2-D kernel times weights[k][c] on input
// channel c.
var channelWeights = [maxKernels][3]float64{
	{1, 1, 1},  // brightness: every colour alike
	{1, -1, 0}, // red against green
	{0, 0, 1},  // blue only
	{1, 0, -1}, // red against blue
}

func defaultWeights(k int) [][]float64 {
	m := make([][]float64, k)
	for i := range m {
		m[i] = append([]float64(nil), channelWeights[i][:]...)
	}
	return m
}

// view is one of the lesson's four views. The Lesson keeps what they share
// (the input, the kernel, the settings) in an input, rebuilt on every
// Reset, and hands it to the view.
type view interface {
	// reset rebuilds the view from in. restart is true after a change of
	// settings or the reset action (start over: window back to the first
	// position, training from the start) and false after a stroke on the
	// drawing, which should keep the student's place where it still fits.
	reset(in *input, v *param.Values, restart bool)
	// tune applies a live parameter (bias, lr, speed).
	tune(name string, in *input, v *param.Values)
	// step is one tick of play; unit one press of "step". Both report
	// whether there is more to do.
	step(v *param.Values) bool
	unit(v *param.Values) bool
	pointer(p lesson.Pointer, v *param.Values) bool
	panels(w, h float64) []*figure.Panel
	readouts() []lesson.Readout
	data() lesson.Table
}

// Lesson is the CNN lesson.
type Lesson struct {
	name   string
	in     input
	upload *lesson.Image // the user's image, kept across resets
	views  map[string]view
	cur    view
	opened bool
}

var (
	_ lesson.Lesson      = (*Lesson)(nil)
	_ lesson.UnitStepper = (*Lesson)(nil)
	_ lesson.Uploader    = (*Lesson)(nil)
)

func (l *Lesson) viewFor(name string) view {
	if l.views == nil {
		l.views = map[string]view{
			viewSlide:    new(slideView),
			viewChannels: new(channelsView),
			viewBackward: new(backwardView),
			viewLearn:    new(learnView),
		}
	}
	return l.views[name]
}

// Reset implements lesson.Lesson. Switching to the channels view with a
// one-channel image loads the colour image, since that view is about
// colour channels; so does opening it with the default image (a link
// "view=channels" shows colours). A URL that asks for another gray image
// in the channels view is obeyed.
func (l *Lesson) Reset(v *param.Values) {
	name := v.String(pView)
	switching := l.opened && name != l.name && isGray(v.String(pImage))
	opening := !l.opened && v.String(pImage) == specIndex[pImage].Default
	if name == viewChannels && (switching || opening) {
		v.Set(pImage, "color")
	}
	l.opened = true
	l.resizeWeights(v)
	l.name = name
	l.in.load(v, l.upload)
	l.cur = l.viewFor(name)
	l.cur.reset(&l.in, v, true)
}

// isGray reports whether an image choice gives one channel.
func isGray(image string) bool { return image != "color" && image != imageUpload }

// resizeWeights gives the weights matrix one row per kernel, keeping the
// rows there are and taking new ones from the defaults.
func (l *Lesson) resizeWeights(v *param.Values) {
	k := v.Int(pKernels)
	m := v.Matrix(pWeights)
	if len(m) == k && len(m[0]) == 3 {
		return
	}
	out := defaultWeights(k)
	for i := range min(k, len(m)) {
		copy(out[i], m[i])
	}
	v.Set(pWeights, out)
}

// Tune implements lesson.Lesson.
func (l *Lesson) Tune(name string, v *param.Values) {
	if name == pBias {
		l.in.bias = v.Float(pBias)
	}
	l.cur.tune(name, &l.in, v)
}

// Step implements lesson.Lesson.
func (l *Lesson) Step(v *param.Values) bool { return l.cur.step(v) }

// StepUnit implements lesson.UnitStepper.
func (l *Lesson) StepUnit(v *param.Values) bool { return l.cur.unit(v) }

// Act implements lesson.Lesson: "clear" empties the drawing (and switches
// the input to it).
func (l *Lesson) Act(name string, v *param.Values) error {
	if name != actClear {
		return fmt.Errorf("cnn: unknown action %q", name)
	}
	v.Set(pDrawing, "")
	v.Set(pImage, imageDraw)
	l.Reset(v)
	return nil
}

// SetImage implements lesson.Uploader: a fresh upload becomes the input.
func (l *Lesson) SetImage(img *lesson.Image, fresh bool, v *param.Values) {
	l.upload = img
	if fresh {
		v.Set(pImage, imageUpload)
	}
}

// Pointer implements lesson.Lesson. On the input panel of a drawing,
// dragging paints (right button: erases) unless the view claims the
// pointer first (dragging its kernel window, say).
func (l *Lesson) Pointer(p lesson.Pointer, v *param.Values) bool {
	if l.cur.pointer(p, v) {
		return true
	}
	if p.Panel == panelInput && v.String(pImage) == imageDraw && (p.Phase == lesson.Down || p.Held) {
		if l.in.paint(p, v) {
			l.in.load(v, l.upload)
			l.cur.reset(&l.in, v, false)
			return true
		}
	}
	return false
}

// Figure implements lesson.Lesson.
func (l *Lesson) Figure(w, h float64) *figure.Figure {
	return &figure.Figure{W: w, H: h, Panels: l.cur.panels(w, h)}
}

// Readouts implements lesson.Lesson: the view's, and the note about the
// input (an upload asked for before any) if the view left it out.
func (l *Lesson) Readouts() []lesson.Readout {
	ros := l.cur.readouts()
	if l.in.note == "" || slices.ContainsFunc(ros, func(r lesson.Readout) bool { return r.Name == "note" }) {
		return ros
	}
	return append(ros, lesson.Str("note", l.in.note))
}

// Data implements lesson.Lesson: the output map, one row per output row.
func (l *Lesson) Data() lesson.Table { return l.cur.data() }

// num is lesson.Value: a number, or a key for NaN and infinities.
func num(name string, x float64) lesson.Readout { return lesson.Value(name, x) }
