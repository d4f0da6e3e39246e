package gd

import (
	"math"

	"github.com/aimath/playground/core/expr"
	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/optim"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// Panel and handle of the 2d mode.
const (
	panelMap    = "map"
	handleStart = "start"
)

// maxIter2 bounds each racer's iterations (and so its stored path).
const maxIter2 = 20000

// racer is one optimizer on the race from the common start.
type racer struct {
	name   string
	index  int // position in optim.Names(): the racer's colour and its column in Data
	opt    optim.Optimizer
	x      []float64 // the current iterate
	iter   int
	f      float64
	g      [2]float64
	status string
	// path holds every iterate (x, y, f), for Data; trail only those at
	// least trailStep apart, for drawing.
	path  [][3]float64
	trail []figure.Vec
}

// twoD races the selected optimizers on a typed f(x, y) from a common
// start. Each update steps every racer still running once; a racer stops
// on its own when ‖∇f‖ < eps, when it diverges, or after maxIter2 steps.
type twoD struct {
	src    string
	e      *expr.Expr
	fn     *expr.Func // outputs f, ∂f/∂x, ∂f/∂y
	err    error
	preset preset2
	named  bool // the function is preset's (not custom)

	start  [2]float64
	eps    float64
	pace   float64
	racers []*racer
	grad   optim.Grad

	held   bool
	frozen figure.Rect
	out    [3]float64

	cache mapCache
}

func (t *twoD) reset(v *param.Values) {
	t.held = false
	t.src = v.String(pF2)
	t.start = v.Vec2(pStart)
	t.eps = v.Float(pEps)
	t.preset, t.named = findPreset2(v.String(pPreset2))
	t.pace = pace2DOwn
	if t.named {
		t.pace = t.preset.pace
	}
	t.e, t.fn, t.racers = nil, nil, nil
	e, err := expr.Parse(t.src, "x", "y")
	t.err = err
	if err != nil {
		return
	}
	t.e = e
	t.fn = expr.CompileAll([]*expr.Expr{e, expr.Diff(e, "x"), expr.Diff(e, "y")}, "x", "y")
	t.grad = func(dst, x []float64) {
		t.fn.EvalAll(t.out[:], x[0], x[1])
		dst[0], dst[1] = t.out[1], t.out[2]
	}
	for _, name := range v.List(pOpts) {
		opt, err := optim.New(name, v.Float(pLR))
		if err != nil {
			continue // the Multi parameter admits only optim.Names()
		}
		r := &racer{name: name, index: nameIndex(name), opt: opt, x: make([]float64, 2)}
		t.racers = append(t.racers, r)
	}
	t.tune(v)
	t.restart()
}

func nameIndex(name string) int {
	for i, n := range optim.Names() {
		if n == name {
			return i
		}
	}
	return -1
}

// restart puts every racer at the start with a fresh state.
func (t *twoD) restart() {
	for _, r := range t.racers {
		r.opt.Reset()
		r.x[0], r.x[1] = t.start[0], t.start[1]
		r.iter = 0
		r.path, r.trail = r.path[:0], r.trail[:0]
		t.record(r)
	}
}

// record evaluates f and ∇f at the racer's iterate, appends it to the
// path and judges it.
func (t *twoD) record(r *racer) {
	t.fn.EvalAll(t.out[:], r.x[0], r.x[1])
	r.f, r.g = t.out[0], [2]float64{t.out[1], t.out[2]}
	r.path = append(r.path, [3]float64{r.x[0], r.x[1], r.f})
	p := figure.Vec{X: r.x[0], Y: r.x[1]}
	if n := len(r.trail); finite(p.X, p.Y) && (n == 0 || math.Hypot(p.X-r.trail[n-1].X, p.Y-r.trail[n-1].Y) >= t.trailStep()) {
		r.trail = append(r.trail, p)
	}
	t.judge(r)
}

// trailStep is the smallest distance between drawn trail points: a few
// hundredths of a percent of the window, far below a pixel.
func (t *twoD) trailStep() float64 {
	w := t.window()
	return math.Hypot(w.W(), w.H()) / 1500
}

func (t *twoD) judge(r *racer) {
	switch {
	case !finite(r.f, r.g[0], r.g[1]) || optim.Diverged(r.x, divergeLimit):
		r.status = stDiverged
	case math.Hypot(r.g[0], r.g[1]) < t.eps:
		r.status = stConverged
	case r.iter >= maxIter2:
		r.status = stMaxIter
	default:
		r.status = stRunning
	}
}

// tune applies the live hyper-parameters to every racer (an optimizer
// reads them afresh at each step) and the stop rule.
func (t *twoD) tune(v *param.Values) {
	lr, beta := v.Float(pLR), v.Float(pBeta)
	t.eps = v.Float(pEps)
	for _, r := range t.racers {
		switch o := r.opt.(type) {
		case *optim.GD:
			o.LR = lr
		case *optim.Momentum:
			o.LR, o.Beta = lr, beta
		case *optim.Nesterov:
			o.LR, o.Beta = lr, beta
		case *optim.RMSProp:
			o.LR, o.Beta = lr, v.Float(pRho)
		case *optim.Adam:
			o.LR, o.Beta1, o.Beta2 = lr, v.Float(pBeta1), v.Float(pBeta2)
		}
		if len(r.path) > 0 {
			t.judge(r)
		}
	}
}

// step moves every running racer by one step of its optimizer.
func (t *twoD) step() bool {
	for _, r := range t.racers {
		if r.status != stRunning {
			continue
		}
		r.opt.Step(r.x, t.grad)
		r.iter++
		t.record(r)
	}
	return t.running()
}

func (t *twoD) running() bool {
	for _, r := range t.racers {
		if r.status == stRunning {
			return true
		}
	}
	return false
}

// window is the part of the plane shown: the preset's, or for a typed
// function the smallest of a few squares around the origin that holds
// the start well inside. It is frozen while the start is dragged.
func (t *twoD) window() figure.Rect {
	if t.held {
		return t.frozen
	}
	if t.named {
		return t.preset.window
	}
	m := math.Max(math.Abs(t.start[0]), math.Abs(t.start[1]))
	half := 6.0
	for _, h := range []float64{2, 3, 4} {
		if m <= 0.85*h {
			half = h
			break
		}
	}
	return figure.Rect{X0: -half, Y0: -half, X1: half, Y1: half}
}

// pointer: the start is a handle, and a press anywhere on the map moves
// the start there; every move restarts the race.
func (t *twoD) pointer(p lesson.Pointer, v *param.Values) bool {
	if t.e == nil {
		t.held = false
		return false
	}
	switch p.Phase {
	case lesson.Down:
		t.held = false
		if p.Button != 0 || p.Panel != panelMap {
			return false
		}
		t.frozen = t.window()
		t.held = true
		if p.Hit == handleStart {
			return true
		}
		return t.moveStart(p.At, v)
	case lesson.Up:
		changed := t.held
		t.held = false
		return changed
	}
	if !t.held || (p.Panel == "" && p.At == figure.Vec{}) {
		return false
	}
	return t.moveStart(p.At, v)
}

func (t *twoD) moveStart(at figure.Vec, v *param.Values) bool {
	s := [2]float64{snapTo(at.X), snapTo(at.Y)}
	if s == t.start && t.fresh() {
		return false
	}
	if _, _, err := v.Set(pStart, s); err != nil {
		return false
	}
	t.start = v.Vec2(pStart)
	t.restart()
	return true
}

// fresh reports whether no racer has moved yet.
func (t *twoD) fresh() bool {
	for _, r := range t.racers {
		if r.iter > 0 {
			return false
		}
	}
	return true
}

// readouts: per racer, in the order of optim.Names(), its iterate, f, the
// gradient's norm, the iterations and the status.
func (t *twoD) readouts() []lesson.Readout {
	if t.e == nil {
		return parseReadouts(t.err)
	}
	if len(t.racers) == 0 {
		return []lesson.Readout{lesson.Str("note", noteNoOpt)}
	}
	var out []lesson.Readout
	for _, r := range t.racers {
		out = append(out,
			num(r.name+"_x", r.x[0]),
			num(r.name+"_y", r.x[1]),
			num(r.name+"_f", r.f),
			num(r.name+"_gnorm", math.Hypot(r.g[0], r.g[1])),
			lesson.Num(r.name+"_iter", float64(r.iter)),
			lesson.Str(r.name+"_status", r.status),
		)
	}
	return out
}

// data is every racer's path with finite numbers: the optimizer's index
// in optim.Names() (0 gd, 1 momentum, 2 nesterov, 3 rmsprop, 4 adam), the
// iteration, x, y and f.
func (t *twoD) data() lesson.Table {
	tb := lesson.Table{Columns: []string{"optimizer", "iter", "x", "y", "f"}, Rows: [][]float64{}}
	for _, r := range t.racers {
		for k, p := range r.path {
			if finite(p[0], p[1], p[2]) {
				tb.Rows = append(tb.Rows, []float64{float64(r.index), float64(k), p[0], p[1], p[2]})
			}
		}
	}
	return tb
}
