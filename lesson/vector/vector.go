package vector

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// Parameter names. The toggles only choose what the figure draws.
const (
	paramX     = "x"
	paramY     = "y"
	paramNorms = "show_norms"
	paramDist  = "show_dist"
	paramProj  = "show_proj"
	paramAngle = "show_angle"
)

// The handles at the tips of x and y have the IDs of the parameters they
// set, so Pointer writes the held handle's ID.
const (
	handleX = paramX
	handleY = paramY
)

const (
	actSwap        = "swap"
	keyUndefined   = "undefined"   // the page translates it
	angleUndefined = "θ undefined" // canvas text: symbols and ASCII only
	panelID        = "plane"
	limit          = 5   // the bound of each component of x and y
	snap           = 0.1 // the drag grid
)

// Info registers the lesson.
var Info = lesson.Info{
	ID: "vector",
	Params: []param.Spec{
		{Name: paramX, Kind: param.Vec2, Min: -limit, Max: limit, Step: snap, Default: [2]float64{3, 1}, Live: true},
		{Name: paramY, Kind: param.Vec2, Min: -limit, Max: limit, Step: snap, Default: [2]float64{2, 4}, Live: true},
		{Name: paramNorms, Kind: param.Bool, Default: true, Live: true},
		{Name: paramDist, Kind: param.Bool, Default: false, Live: true},
		{Name: paramProj, Kind: param.Bool, Default: true, Live: true},
		{Name: paramAngle, Kind: param.Bool, Default: true, Live: true},
	},
	Actions: []string{actSwap},
	New:     func() lesson.Lesson { return new(Lesson) },
}

// Lesson is the vector lesson's state: the current values and the handle
// being dragged.
type Lesson struct {
	m                            measures
	norms, dist, proj, showAngle bool
	held                         string // handle ID between Down and Up, or ""
}

var _ lesson.Lesson = (*Lesson)(nil)

// measures are the lesson's numbers for one pair (x, y).
type measures struct {
	x, y           [2]float64
	xL1, xL2, xInf float64
	yL1, yL2, yInf float64
	dot            float64
	dist1, dist2   float64
	// angleOK is false when x or y is the zero vector.
	angleOK bool
	cos     float64
	theta   float64 // radians, in [0, π]
	turn    float64 // ±θ: the counter-clockwise turn from x to y
	// projOK is false when y is the zero vector.
	projOK bool
	proj   [2]float64
}

func unit(v [2]float64, n float64) [2]float64 { return [2]float64{v[0] / n, v[1] / n} }

// scaled returns a·2⁻ᵏ, with k chosen to bring a's largest component inf
// into [0.5, 1). Scaling by a power of two is exact, so a dot product that
// is exactly zero stays zero (perpendicular vectors give cos θ = 0, not
// 1e-17), and products of tiny vectors cannot underflow to 0/0.
func scaled(a [2]float64, inf float64) ([2]float64, int) {
	_, k := math.Frexp(inf)
	return [2]float64{math.Ldexp(a[0], -k), math.Ldexp(a[1], -k)}, k
}

func measure(x, y [2]float64) measures {
	m := measures{x: x, y: y}
	inf := math.Inf(1)
	m.xL1, m.xL2, m.xInf = floats.Norm(x[:], 1), floats.Norm(x[:], 2), floats.Norm(x[:], inf)
	m.yL1, m.yL2, m.yInf = floats.Norm(y[:], 1), floats.Norm(y[:], 2), floats.Norm(y[:], inf)
	m.dot = floats.Dot(x[:], y[:])
	m.dist1, m.dist2 = floats.Distance(x[:], y[:], 1), floats.Distance(x[:], y[:], 2)
	xs, kx := scaled(x, m.xInf)
	ys, _ := scaled(y, m.yInf)
	dot := floats.Dot(xs[:], ys[:]) // ⟨x,y⟩ up to a power of two
	if m.yInf > 0 {
		// (⟨x,y⟩/⟨y,y⟩)y is unchanged by scaling y; scaling x scales it.
		c := dot / floats.Dot(ys[:], ys[:])
		m.projOK = true
		m.proj = [2]float64{math.Ldexp(c*ys[0], kx), math.Ldexp(c*ys[1], kx)}
	}
	if m.xInf > 0 && m.yInf > 0 {
		m.angleOK = true
		// One square root of the product (rather than a product of two
		// roots) rounds once, so parallel vectors give exactly ±1.
		xx, yy := floats.Dot(xs[:], xs[:]), floats.Dot(ys[:], ys[:])
		m.cos = math.Max(-1, math.Min(1, dot/math.Sqrt(xx*yy)))
		// atan2 of sine and cosine rather than arccos: arccos turns the
		// rounding error of cos ≈ ±1 into a visible angle (1e-6° for
		// parallel vectors) and is NaN if cos rounds past 1.
		m.turn = math.Atan2(xs[0]*ys[1]-xs[1]*ys[0], dot)
		m.theta = math.Abs(m.turn)
	}
	return m
}

// Reset implements lesson.Lesson.
func (l *Lesson) Reset(v *param.Values) {
	l.held = ""
	l.load(v)
}

// Tune implements lesson.Lesson: every parameter is live and the state is
// only the values, so tuning reloads them.
func (l *Lesson) Tune(_ string, v *param.Values) { l.load(v) }

func (l *Lesson) load(v *param.Values) {
	l.m = measure(v.Vec2(paramX), v.Vec2(paramY))
	l.norms, l.dist = v.Bool(paramNorms), v.Bool(paramDist)
	l.proj, l.showAngle = v.Bool(paramProj), v.Bool(paramAngle)
}

// Step implements lesson.Lesson; the lesson is not animated.
func (l *Lesson) Step(*param.Values) bool { return false }

// Act implements lesson.Lesson: "swap" exchanges x and y, which leaves the
// dot product, angle and distances alone but not the projection.
func (l *Lesson) Act(name string, v *param.Values) error {
	if name != actSwap {
		return fmt.Errorf("vector: unknown action %q", name)
	}
	x, y := v.Vec2(paramX), v.Vec2(paramY)
	if _, _, err := v.Set(paramX, y); err != nil {
		return err
	}
	if _, _, err := v.Set(paramY, x); err != nil {
		return err
	}
	l.load(v)
	return nil
}

// Pointer implements lesson.Lesson: the tips of x and y are handles that
// snap to a 0.1 grid; a press anywhere else does nothing. A drag lasts from
// Down to Up whatever Move's Held says, so a drag survives a missed button
// state.
func (l *Lesson) Pointer(p lesson.Pointer, v *param.Values) bool {
	switch p.Phase {
	case lesson.Down:
		l.held = ""
		if p.Button == 0 && (p.Hit == handleX || p.Hit == handleY) {
			l.held = p.Hit
		}
		return false
	case lesson.Up:
		l.held = ""
		return false
	}
	// Outside every panel's frame (in the tick margins, say) figure.Hit
	// reports no panel and a zero At, which would throw the vector to the
	// origin: keep the handle where it was until the pointer comes back.
	if l.held == "" || (p.Panel == "" && p.At == figure.Vec{}) {
		return false
	}
	to := [2]float64{snapTo(p.At.X), snapTo(p.At.Y)}
	old := v.Vec2(l.held)
	if _, _, err := v.Set(l.held, to); err != nil {
		return false
	}
	l.load(v)
	return v.Vec2(l.held) != old
}

// snapTo rounds to the drag grid as the URL will show it.
func snapTo(a float64) float64 { return param.Snap(a, snap) }

// Readouts implements lesson.Lesson.
func (l *Lesson) Readouts() []lesson.Readout {
	m := &l.m
	out := []lesson.Readout{
		num("x_l1", m.xL1), num("x_l2", m.xL2), num("x_linf", m.xInf),
		num("y_l1", m.yL1), num("y_l2", m.yL2), num("y_linf", m.yInf),
		num("dot", m.dot),
	}
	if m.angleOK {
		out = append(out, num("cos", m.cos), num("angle_deg", m.theta*180/math.Pi))
	} else {
		out = append(out, lesson.Str("cos", keyUndefined), lesson.Str("angle_deg", keyUndefined))
	}
	out = append(out, num("dist_l1", m.dist1), num("dist_l2", m.dist2))
	if m.projOK {
		out = append(out, num("proj_1", m.proj[0]), num("proj_2", m.proj[1]))
	} else {
		out = append(out, lesson.Str("proj_1", keyUndefined), lesson.Str("proj_2", keyUndefined))
	}
	return out
}

// num is lesson.Num without negative zeros, which would show as "-0".
func num(name string, a float64) lesson.Readout {
	if a == 0 {
		a = 0
	}
	return lesson.Num(name, a)
}

// Data implements lesson.Lesson: one row per vector, numbered in the
// "vector" column: 1 is x, 2 is y, 3 is x − y (whose norms are the L1 and
// L2 distances) and 4 is proj_y x (absent when y = 0).
func (l *Lesson) Data() lesson.Table {
	m := &l.m
	row := func(k float64, a [2]float64) []float64 {
		inf := math.Inf(1)
		return []float64{k, a[0], a[1], floats.Norm(a[:], 1), floats.Norm(a[:], 2), floats.Norm(a[:], inf)}
	}
	t := lesson.Table{
		Columns: []string{"vector", "v1", "v2", "l1", "l2", "linf"},
		Rows: [][]float64{
			row(1, m.x),
			row(2, m.y),
			row(3, [2]float64{m.x[0] - m.y[0], m.x[1] - m.y[1]}),
		},
	}
	if m.projOK {
		t.Rows = append(t.Rows, row(4, m.proj))
	}
	return t
}
