package matrix

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// Views and parameter names.
const (
	viewMap      = "map"
	viewMultiply = "multiply"
	viewLstsq    = "lstsq"

	pView = "view"
	pSeed = "seed"

	actRandomize = "randomize"
)

// Info registers the lesson.
var Info = lesson.Info{
	ID:       "matrix",
	Params:   specs(),
	Actions:  []string{actRandomize},
	Animated: true,
	Still:    []string{viewLstsq},
	New:      func() lesson.Lesson { return new(Lesson) },
}

func specs() []param.Spec {
	onMap := "view=map"
	onMul := "view=multiply"
	onLs := "view=lstsq"
	s := []param.Spec{
		{Name: pView, Kind: param.Choice, Choices: []string{viewMap, viewMultiply, viewLstsq}, Default: viewMap},
	}
	for i, name := range []string{pA11, pA12, pA21, pA22} {
		s = append(s, param.Spec{Name: name, Kind: param.Number, Min: -aLimit, Max: aLimit, Step: snap,
			Default: defaultA[i/2][i%2], Live: true, Show: onMap})
	}
	s = append(s,
		param.Spec{Name: pT, Kind: param.Number, Min: 0, Max: 1, Step: tStep, Default: 1.0, Live: true, Show: onMap},
		param.Spec{Name: pX, Kind: param.Vec2, Min: -xLimit, Max: xLimit, Step: snap, Default: defaultX, Live: true, Show: onMap},
		param.Spec{Name: pShowT, Kind: param.Bool, Default: false, Live: true, Show: onMap},
		param.Spec{Name: pShowInv, Kind: param.Bool, Default: false, Live: true, Show: onMap},
		param.Spec{Name: pShowEig, Kind: param.Bool, Default: true, Live: true, Show: onMap},

		param.Spec{Name: pRows, Kind: param.Int, Min: 1, Max: maxDim, Step: 1, Default: 2.0, Show: onMul},
		param.Spec{Name: pInner, Kind: param.Int, Min: 1, Max: maxDim, Step: 1, Default: 3.0, Show: onMul},
		param.Spec{Name: pCols, Kind: param.Int, Min: 1, Max: maxDim, Step: 1, Default: 2.0, Show: onMul},
		param.Spec{Name: pMismatch, Kind: param.Bool, Default: false, Show: onMul},
		param.Spec{Name: pX1, Kind: param.Matrix, Min: -entryLimit, Max: entryLimit, Step: 1,
			MaxRows: maxDim, MaxCols: maxDim, Default: clone(defaultX1), Live: true, Show: onMul},
		param.Spec{Name: pY1, Kind: param.Matrix, Min: -entryLimit, Max: entryLimit, Step: 1,
			MaxRows: maxDim, MaxCols: maxDim, Default: clone(defaultY1), Live: true, Show: onMul},

		param.Spec{Name: pN, Kind: param.Int, Min: minPoints, Max: maxPoints, Step: 1, Default: 20.0, Show: onLs},
		param.Spec{Name: pNoise, Kind: param.Number, Min: 0, Max: 3, Step: 0.1, Default: 1.0, Show: onLs},
		param.Spec{Name: pSquares, Kind: param.Bool, Default: false, Live: true, Show: onLs},
		// The points; [[0, 0]] (too few to fit) means "not generated yet".
		param.Spec{Name: pPts, Kind: param.Matrix, Min: -ptLimit, Max: ptLimit, Step: snap,
			MaxRows: maxPoints, MaxCols: 2, Default: [][]float64{{0, 0}}, Live: true, Hidden: true},

		param.Spec{Name: pSeed, Kind: param.Int, Min: 0, Max: maxSeed, Step: 1, Default: 1.0, Show: "view=multiply|lstsq"},
	)
	return s
}

const maxSeed = 9999

// Lesson holds the three views' derived state; the views share nothing but
// the seed.
type Lesson struct {
	view string
	mp   mapView
	mul  mulView
	ls   lsView
}

var _ lesson.Lesson = (*Lesson)(nil)

// Reset implements lesson.Lesson. Every view is loaded, not only the shown
// one, so that the stored state is always consistent (X and Y fit their
// shapes, the points fit n) whichever view a URL opens.
func (l *Lesson) Reset(v *param.Values) {
	l.view = v.String(pView)
	l.mp.reset(v)
	l.mul.reset(v)
	l.ls.reset(v)
}

// Tune implements lesson.Lesson for the live parameters.
func (l *Lesson) Tune(name string, v *param.Values) {
	switch name {
	case pX1, pY1:
		l.mul.tune(v)
	case pPts, pSquares:
		l.ls.tune(name, v)
	default:
		l.mp.load(v)
	}
}

// Step implements lesson.Lesson: the map view plays t from 0 to 1, the
// multiply view walks the product's entries; lstsq has nothing to play.
func (l *Lesson) Step(v *param.Values) bool {
	switch l.view {
	case viewMap:
		return l.mp.step(v)
	case viewMultiply:
		return l.mul.step()
	}
	return false
}

// StepUnit implements lesson.UnitStepper: one press of "step" moves t a
// tenth of the way from I to A (map), or adds one whole term to the entry
// being computed (multiply), rather than one frame of the animation.
func (l *Lesson) StepUnit(v *param.Values) bool {
	switch l.view {
	case viewMap:
		more := true
		for range 10 {
			if more = l.mp.step(v); !more || l.mp.t == 0 {
				break
			}
		}
		return more
	case viewMultiply:
		u := &l.mul
		if !u.anim {
			return u.step()
		}
		for {
			more := u.step()
			if !more || u.tick == 0 {
				return more
			}
		}
	}
	return false
}

// Act implements lesson.Lesson: "randomize" draws a new matrix A (map), or
// moves to the next seed and draws new X and Y (multiply) or new points
// (lstsq).
func (l *Lesson) Act(name string, v *param.Values) error {
	if name != actRandomize {
		return fmt.Errorf("matrix: unknown action %q", name)
	}
	if l.view == viewMap {
		return l.mp.randomize(v)
	}
	if _, _, err := v.Set(pSeed, float64((v.Int(pSeed)+1)%(maxSeed+1))); err != nil {
		return err
	}
	l.Reset(v)
	return nil
}

// Pointer implements lesson.Lesson.
func (l *Lesson) Pointer(p lesson.Pointer, v *param.Values) bool {
	switch l.view {
	case viewMap:
		return l.mp.pointer(p, v)
	case viewMultiply:
		return l.mul.pointer(p)
	}
	return l.ls.pointer(p, v)
}

// Figure implements lesson.Lesson.
func (l *Lesson) Figure(w, h float64) *figure.Figure {
	var p *figure.Panel
	frame := figure.Layout(w, h, 1)[0]
	switch l.view {
	case viewMap:
		p = l.mp.figure(frame)
	case viewMultiply:
		p = l.mul.figure(frame)
	default:
		p = l.ls.figure(frame)
	}
	return &figure.Figure{W: w, H: h, Panels: []*figure.Panel{p}}
}

// Readouts implements lesson.Lesson.
func (l *Lesson) Readouts() []lesson.Readout {
	switch l.view {
	case viewMap:
		return l.mp.readouts()
	case viewMultiply:
		return l.mul.readouts()
	}
	return l.ls.readouts()
}

// Data implements lesson.Lesson: A's rows (map), XY's rows (multiply) or
// the points with their fitted values and residuals (lstsq).
func (l *Lesson) Data() lesson.Table {
	switch l.view {
	case viewMap:
		return l.mp.data()
	case viewMultiply:
		return l.mul.data()
	}
	return l.ls.data()
}

// snap is the grid of dragged handles, so that URL values stay readable.
const snap = 0.1

// snapTo rounds to the drag grid, without a negative zero (which the URL
// would show as "-0").
func snapTo(a float64) float64 { return roundTo(a, snap) }

// roundTo rounds x to a multiple of step (a power of ten) as the URL
// will show it.
func roundTo(x, step float64) float64 { return param.Snap(x, step) }

// tidy returns 0 for |x| ≤ 1e-12·scale: the rounding residue of a sum that
// is exactly zero for the typed entries (0.3·2 − 0.6·1), which should
// neither read "5.6e-17" nor flip a sign-dependent colour.
func tidy(x, scale float64) float64 {
	if math.Abs(x) <= 1e-12*scale {
		return 0
	}
	return x
}

// num is lesson.Num without negative zeros, which would read "-0".
func num(name string, a float64) lesson.Readout {
	if a == 0 {
		a = 0
	}
	return lesson.Num(name, a)
}

// readoutText formats a number for a text readout the way the page formats
// numeric ones (web/util.js formatNumber): four decimals for ordinary
// sizes, four significant digits below 1, exponent form for tiny or huge
// values, and a true minus sign.
func readoutText(x float64) string {
	a := math.Abs(x)
	var s string
	switch {
	case a < 1e-12:
		return "0"
	case a < 1e-4 || a >= 1e7:
		m, e, _ := strings.Cut(strconv.FormatFloat(a, 'e', 3, 64), "e")
		k, _ := strconv.Atoi(e)
		s = trimZeros(m) + "e" + strconv.Itoa(k)
	case a < 1:
		s = trimZeros(strconv.FormatFloat(a, 'g', 4, 64))
	default:
		s = trimZeros(strconv.FormatFloat(a, 'f', 4, 64))
	}
	if x < 0 {
		return "−" + s
	}
	return s
}

// canvasText formats a number for the canvas: at most two decimals.
func canvasText(x float64) string {
	s := trimZeros(strconv.FormatFloat(x, 'f', 2, 64))
	if s == "-0" {
		return "0"
	}
	return strings.Replace(s, "-", "−", 1)
}

func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	return strings.TrimRight(strings.TrimRight(s, "0"), ".")
}

func clone(m [][]float64) [][]float64 {
	c := make([][]float64, len(m))
	for i, r := range m {
		c[i] = append([]float64(nil), r...)
	}
	return c
}
