package matrix

import (
	"math"
	"math/rand/v2"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/linalg"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// Parameters, handles and bounds of the map view.
const (
	pA11     = "a11"
	pA12     = "a12"
	pA21     = "a21"
	pA22     = "a22"
	pT       = "t"
	pX       = "x"
	pShowT   = "show_transpose"
	pShowInv = "show_inverse"
	pShowEig = "show_eigen"

	aLimit  = 3    // |a_ij| bound
	xLimit  = 5    // |x_i| bound
	tStep   = 0.01 // t per tick: I → A in 100 ticks
	mapHalf = 4.5  // the world shown is at least [-mapHalf, mapHalf]²

	mapPanel = "map"
	hI       = "i_hat"
	hJ       = "j_hat"
	hX       = "x"

	maxGridLines = 60 // per family and side: enough for strong contractions
)

// The default A has clean eigenpairs: λ = 2.5 along (2, 1) and λ = 1 along
// (1, −1), with det A = 2.5.
var (
	defaultA = [2][2]float64{{2, 1}, {0.5, 1.5}}
	defaultX = [2]float64{-2, 1}
)

// mapView is the state of the map view, all derived from the parameters
// except the drag in progress and the randomize counter.
type mapView struct {
	a                       [2][2]float64
	t                       float64
	x                       [2]float64
	showT, showInv, showEig bool

	det, tr  float64
	singular bool
	inv      [2][2]float64
	ax       [2]float64
	l1, l2   complex128
	v1, v2   [2]float64
	eigReal  bool

	held  string
	draws uint64
}

func (m *mapView) reset(v *param.Values) {
	m.held = ""
	m.load(v)
}

func (m *mapView) load(v *param.Values) {
	m.a = [2][2]float64{{v.Float(pA11), v.Float(pA12)}, {v.Float(pA21), v.Float(pA22)}}
	m.t = v.Float(pT)
	m.x = v.Vec2(pX)
	m.showT, m.showInv, m.showEig = v.Bool(pShowT), v.Bool(pShowInv), v.Bool(pShowEig)

	a := m.a
	scale := maxAbs(a)
	m.tr = linalg.Trace2(a)
	var ok bool
	m.inv, ok = linalg.Inv2(a)
	m.singular = !ok
	m.det = 0
	if !m.singular {
		m.det = linalg.Det2(a)
	}
	ax := linalg.Mul2(a, m.x)
	m.ax = [2]float64{
		tidy(ax[0], math.Abs(a[0][0]*m.x[0])+math.Abs(a[0][1]*m.x[1])),
		tidy(ax[1], math.Abs(a[1][0]*m.x[0])+math.Abs(a[1][1]*m.x[1])),
	}
	m.l1, m.l2, m.v1, m.v2, m.eigReal = linalg.Eig2(a)
	if m.eigReal {
		m.l1 = complex(tidy(real(m.l1), scale), 0)
		m.l2 = complex(tidy(real(m.l2), scale), 0)
	}
}

func maxAbs(a [2][2]float64) float64 {
	return math.Max(math.Max(math.Abs(a[0][0]), math.Abs(a[0][1])), math.Max(math.Abs(a[1][0]), math.Abs(a[1][1])))
}

// at returns M(t) = (1−t)I + tA, the matrix the figure shows.
func (m *mapView) at() [2][2]float64 {
	t := m.t
	return [2][2]float64{
		{1 - t + t*m.a[0][0], t * m.a[0][1]},
		{t * m.a[1][0], 1 - t + t*m.a[1][1]},
	}
}

// step moves t toward 1 by tStep; at 1 it starts again from 0, so that
// pressing play replays I → A. A drag in progress stops the animation.
func (m *mapView) step(v *param.Values) bool {
	if m.held != "" {
		return false
	}
	t := 0.0
	if m.t < 1 {
		t = math.Min(1, roundTo(m.t+tStep, tStep))
	}
	if _, _, err := v.Set(pT, t); err != nil {
		return false
	}
	m.t = v.Float(pT)
	return m.t < 1
}

// randomize draws A with entries in {−2, −1.5, …, 2}, each draw from its
// own stream of the seed so that pressing again gives a new matrix.
func (m *mapView) randomize(v *param.Values) error {
	rng := rand.New(rand.NewPCG(uint64(v.Int(pSeed)), 0x6d6170_0000+m.draws))
	m.draws++
	for _, name := range []string{pA11, pA12, pA21, pA22} {
		if _, _, err := v.Set(name, float64(rng.IntN(9))/2-2); err != nil {
			return err
		}
	}
	m.load(v)
	return nil
}

// pointer: the images of e₁ and e₂ are handles that write A's columns (and
// show the full map, t = 1); x is a handle, and a press on the plane away
// from the handles moves x there.
func (m *mapView) pointer(p lesson.Pointer, v *param.Values) bool {
	switch p.Phase {
	case lesson.Down:
		m.held = ""
		if p.Button != 0 || p.Panel != mapPanel {
			return false
		}
		switch p.Hit {
		case hI, hJ:
			m.held = p.Hit
			if m.t != 1 {
				v.Set(pT, 1.0)
				m.load(v)
				return true
			}
			return false
		case hX:
			m.held = hX
			return false
		}
		m.held = hX
		return m.drag(p.At, v)
	case lesson.Up:
		m.held = ""
		return false
	}
	if m.held == "" {
		return false
	}
	return m.drag(p.At, v)
}

func (m *mapView) drag(at figure.Vec, v *param.Values) bool {
	s := [2]float64{snapTo(at.X), snapTo(at.Y)}
	var changed bool
	switch m.held {
	case hI:
		changed = setPair(v, pA11, pA21, s)
	case hJ:
		changed = setPair(v, pA12, pA22, s)
	default:
		old := v.Vec2(pX)
		v.Set(pX, s)
		changed = v.Vec2(pX) != old
	}
	m.load(v)
	return changed
}

// setPair writes a column of A and reports whether it changed.
func setPair(v *param.Values, n1, n2 string, s [2]float64) bool {
	old := [2]float64{v.Float(n1), v.Float(n2)}
	v.Set(n1, s[0])
	v.Set(n2, s[1])
	return [2]float64{v.Float(n1), v.Float(n2)} != old
}

// Readout keys of the map view.
const (
	keySingular      = "singular"
	keyCollapseLine  = "collapse_line"
	keyCollapsePoint = "collapse_point"
	keyFlip          = "flip"
	keyNoRealEig     = "no_real_eigenvector"
	keyOneEig        = "one_eigenvector"
	keyAllEig        = "all_eigenvectors"
)

func (m *mapView) readouts() []lesson.Readout {
	out := []lesson.Readout{num("det", m.det), num("trace", m.tr)}
	names := [4]string{"inv11", "inv12", "inv21", "inv22"}
	for i, name := range names {
		if m.singular {
			out = append(out, lesson.Str(name, keySingular))
		} else {
			out = append(out, num(name, m.inv[i/2][i%2]))
		}
	}
	out = append(out, num("ax_1", m.ax[0]), num("ax_2", m.ax[1]))
	if m.eigReal {
		out = append(out, num("eig1", real(m.l1)), num("eig2", real(m.l2)))
	} else {
		out = append(out, lesson.Str("eig1", complexText(m.l1)), lesson.Str("eig2", complexText(m.l2)))
	}
	if note := m.note(); note != "" {
		out = append(out, lesson.Str("note", note))
	}
	return out
}

// note says what is special about A, most important first.
func (m *mapView) note() string {
	switch {
	case m.singular && maxAbs(m.a) == 0:
		return keyCollapsePoint
	case m.singular:
		return keyCollapseLine
	case m.det < 0:
		return keyFlip
	case !m.eigReal:
		return keyNoRealEig
	case m.l1 == m.l2 && m.v1 == m.v2:
		return keyOneEig
	case m.l1 == m.l2:
		return keyAllEig
	}
	return ""
}

// complexText writes a + bi with the readouts' number format.
func complexText(z complex128) string {
	re, im := real(z), imag(z)
	sign := " + "
	if im < 0 {
		sign = " − "
	}
	return readoutText(re) + sign + readoutText(math.Abs(im)) + "i"
}

func (m *mapView) data() lesson.Table {
	return lesson.Table{
		Columns: []string{"col1", "col2"},
		Rows:    [][]float64{{m.a[0][0], m.a[0][1]}, {m.a[1][0], m.a[1][1]}},
	}
}
