package gd

import (
	"errors"
	"math"

	"github.com/aimath/playground/core/expr"
	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// Panels and handles of the 1d mode.
const (
	panelF  = "f"
	panelDF = "df"
	handleX = "x" // the current iterate; dragging it sets x₀
)

// Note keys: what Check finds at the current point, and parse errors.
const (
	noteUndefined = "undefined_here"
	noteKink      = "not_differentiable"
	noteOverflow  = "overflow"
	noteParse     = "parse_"       // + the expr.Error code
	noteNoOpt     = "no_optimizer" // 2d with nothing selected
)

// oneD is gradient descent on a typed f(x): x ← x − lr·f′(x) from x₀ until
// |f′(x)| < eps, divergence, or max_iter iterations.
type oneD struct {
	src  string
	e, d *expr.Expr // f and f′; nil when src does not parse
	fn   *expr.Func // outputs f and f′
	err  error

	lr, eps float64
	maxIter int

	// The path: x_k, f(x_k) and f′(x_k) for k = 0 … iter.
	xs, fs, ds []float64
	status     string
	issue      expr.Issue // at the current point

	held   bool // the current point is being dragged
	frozen [2]float64
	out    [2]float64 // EvalAll's destination
}

func (o *oneD) reset(v *param.Values) {
	o.held = false
	o.src = v.String(pF)
	o.lr, o.eps, o.maxIter = v.Float(pLR), v.Float(pEps), v.Int(pMaxIter)
	o.e, o.d, o.fn = nil, nil, nil
	e, err := expr.Parse(o.src, "x")
	o.err = err
	if err != nil {
		o.xs, o.fs, o.ds = o.xs[:0], o.fs[:0], o.ds[:0]
		o.status = stInvalid
		return
	}
	o.e, o.d = e, expr.Diff(e, "x")
	o.fn = expr.CompileAll([]*expr.Expr{o.e, o.d}, "x")
	o.restart(v.Float(pX0))
}

// restart begins a new path at x₀.
func (o *oneD) restart(x0 float64) {
	o.xs, o.fs, o.ds = o.xs[:0], o.fs[:0], o.ds[:0]
	o.push(x0)
}

// eval returns f(x) and f′(x).
func (o *oneD) eval(x float64) (f, d float64) {
	o.fn.EvalAll(o.out[:], x)
	return o.out[0], o.out[1]
}

// push appends x to the path and judges the new point.
func (o *oneD) push(x float64) {
	f, d := o.eval(x)
	o.xs, o.fs, o.ds = append(o.xs, x), append(o.fs, f), append(o.ds, d)
	o.issue = expr.Issue{}
	if finite(x) {
		o.issue = o.e.Check(x)
	}
	o.judge()
}

// judge sets the status of the current point: divergence first (a value
// that is not a number, or an iterate past the limit), then the stop rule
// |f′(x)| < eps, then the iteration budget.
func (o *oneD) judge() {
	if o.e == nil {
		o.status = stInvalid
		return
	}
	k := len(o.xs) - 1
	x, f, d := o.xs[k], o.fs[k], o.ds[k]
	switch {
	case !finite(x, f, d) || math.Abs(x) > divergeLimit:
		o.status = stDiverged
	case math.Abs(d) < o.eps:
		o.status = stConverged
	case k >= o.maxIter:
		o.status = stMaxIter
	default:
		o.status = stRunning
	}
}

func (o *oneD) tune(v *param.Values) {
	o.lr, o.eps, o.maxIter = v.Float(pLR), v.Float(pEps), v.Int(pMaxIter)
	if o.e != nil {
		o.judge()
	}
}

// next returns the next iterate x − lr·f′(x) and the step −lr·f′(x).
func (o *oneD) next() (x1, dx float64) {
	k := len(o.xs) - 1
	dx = -o.lr * o.ds[k]
	return o.xs[k] + dx, dx
}

// step takes one iteration while the status is running.
func (o *oneD) step() bool {
	if o.status != stRunning {
		return false
	}
	x1, _ := o.next()
	o.push(x1)
	return o.status == stRunning
}

// pointer: the current point is a handle, and a press anywhere on either
// panel moves x₀ there; while x₀ is dragged the path starts afresh from it
// and the window stays as it was, so that the point follows the pointer.
func (o *oneD) pointer(p lesson.Pointer, v *param.Values) bool {
	if o.e == nil {
		o.held = false
		return false
	}
	switch p.Phase {
	case lesson.Down:
		o.held = false
		if p.Button != 0 || (p.Panel != panelF && p.Panel != panelDF) {
			return false
		}
		o.frozen = o.window()
		o.held = true
		if p.Hit == handleX {
			return true // the window freezes; the value moves with the pointer
		}
		return o.moveTo(p.At.X, v)
	case lesson.Up:
		changed := o.held
		o.held = false
		return changed
	}
	if !o.held || (p.Panel == "" && p.At == figure.Vec{}) {
		return false
	}
	return o.moveTo(p.At.X, v)
}

// moveTo sets x₀ (snapped, clamped) and starts the path there.
func (o *oneD) moveTo(x float64, v *param.Values) bool {
	x = snapTo(x)
	if len(o.xs) == 1 && x == o.xs[0] {
		return false
	}
	if _, _, err := v.Set(pX0, x); err != nil {
		return false
	}
	o.restart(v.Float(pX0))
	return true
}

func (o *oneD) readouts() []lesson.Readout {
	if o.e == nil {
		return parseReadouts(o.err)
	}
	k := len(o.xs) - 1
	_, dx := o.next()
	out := []lesson.Readout{
		lesson.Num("iter", float64(k)),
		num("x", o.xs[k]),
		num("fx", o.fs[k]),
		num("dfx", o.ds[k]),
		lesson.Str("derivative", o.d.String()),
		num("next_step", dx),
		lesson.Str("status", o.status),
	}
	if n := issueNote(o.issue); n != "" {
		out = append(out, lesson.Str("note", n))
	}
	return out
}

// parseReadouts say that a typed function does not parse: status invalid,
// the parser's message (English, with the column) and a key explaining it.
func parseReadouts(err error) []lesson.Readout {
	note := noteParse + "error"
	var pe *expr.Error
	if errors.As(err, &pe) && pe.Code != "" {
		note = noteParse + pe.Code
	}
	return []lesson.Readout{
		lesson.Str("status", stInvalid),
		lesson.Str("error", err.Error()),
		lesson.Str("note", note),
	}
}

// issueNote is the note key for what Check found, or "".
func issueNote(is expr.Issue) string {
	switch is.Kind {
	case expr.Undefined:
		return noteUndefined
	case expr.NotDifferentiable:
		return noteKink
	case expr.Overflow:
		return noteOverflow
	}
	return ""
}

// data is the path, one row per iterate with finite numbers: k, x_k,
// f(x_k), f′(x_k).
func (o *oneD) data() lesson.Table {
	t := lesson.Table{Columns: []string{"iter", "x", "fx", "dfx"}, Rows: [][]float64{}}
	for k := range o.xs {
		if finite(o.xs[k], o.fs[k], o.ds[k]) {
			t.Rows = append(t.Rows, []float64{float64(k), o.xs[k], o.fs[k], o.ds[k]})
		}
	}
	return t
}
