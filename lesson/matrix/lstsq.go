package matrix

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/linalg"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// Parameters and bounds of the lstsq view.
const (
	pN       = "n"
	pNoise   = "noise"
	pSquares = "show_squares"
	pPts     = "pts"

	minPoints = 2
	maxPoints = 200
	ptLimit   = 50 // |coordinate| bound of a point

	// The points are drawn around the line y = trueSlope·x + trueIntercept
	// for x uniform in [0, xSpan], rounded to ptRound.
	trueSlope     = 0.8
	trueIntercept = 1
	xSpan         = 10
	ptRound       = 0.01
	saltPts       = 0x4c53

	lsPanel   = "lstsq"
	ptPrefix  = "p" // point handles are p0, p1, ...
	keyRank   = "rank_deficient"
	keyMinPts = "min_points"
	keyUndef  = "undefined"
	keyInf    = "inf"
)

// genKey is what generated points depend on.
type genKey struct {
	n     int
	noise float64
	seed  int
}

// lsView is the state of the lstsq view: the points (a copy of pts), their
// fit, and the drag in progress.
type lsView struct {
	x, y    []float64
	fit     linalg.LineFit
	fitOK   bool
	squares bool

	gen     genKey // what the stored points were generated from
	genOK   bool   // gen is known (false until the first reset)
	held    int    // index of the dragged point, or −1
	frozen  figure.Rect
	refused bool // the last press tried to remove one of the last two points
}

func (s *lsView) reset(v *param.Values) {
	s.held, s.refused = -1, false
	s.load(v)
}

// load regenerates the points when n, noise or seed changed since they
// were generated, or when the stored points do not fit n (a URL that sets
// only n, or the [[0, 0]] placeholder); otherwise it keeps them.
func (s *lsView) load(v *param.Values) {
	key := genKey{v.Int(pN), v.Float(pNoise), v.Int(pSeed)}
	pts := v.Matrix(pPts)
	if (s.genOK && key != s.gen) || len(pts) != key.n || len(pts[0]) != 2 {
		pts = generate(key)
		v.Set(pPts, pts)
	}
	s.gen, s.genOK = key, true
	s.squares = v.Bool(pSquares)
	s.use(pts)
}

// tune follows a live change: the squares toggle, or points set from
// outside (the bridge), which become the data set (n follows) when they
// are at least two points with two coordinates.
func (s *lsView) tune(name string, v *param.Values) {
	if name == pPts {
		pts := v.Matrix(pPts)
		if len(pts) >= minPoints && len(pts[0]) == 2 {
			v.Set(pN, float64(len(pts)))
			s.gen.n = v.Int(pN)
		}
	}
	s.load(v)
}

// generate draws key.n points: x uniform in [0, xSpan], y on the true line
// plus noise·N(0, 1). The draws for point i do not depend on n or noise,
// so that more points extend the set and more noise stretches it.
func generate(key genKey) [][]float64 {
	rng := rand.New(rand.NewPCG(uint64(key.seed), saltPts))
	pts := make([][]float64, key.n)
	for i := range pts {
		x := roundTo(xSpan*rng.Float64(), ptRound)
		z := rng.NormFloat64()
		pts[i] = []float64{x, roundTo(trueSlope*x+trueIntercept+key.noise*z, ptRound)}
	}
	return pts
}

func (s *lsView) use(pts [][]float64) {
	s.x, s.y = make([]float64, len(pts)), make([]float64, len(pts))
	for i, p := range pts {
		s.x[i], s.y[i] = p[0], p[1]
	}
	f, err := linalg.FitLine(s.x, s.y)
	s.fit, s.fitOK = f, err == nil
}

func (s *lsView) points() [][]float64 {
	pts := make([][]float64, len(s.x))
	for i := range pts {
		pts[i] = []float64{s.x[i], s.y[i]}
	}
	return pts
}

// store writes the points back (and n, which counts them).
func (s *lsView) store(v *param.Values) {
	v.Set(pPts, s.points())
	v.Set(pN, float64(len(s.x)))
	s.gen.n = len(s.x)
	s.use(v.Matrix(pPts))
}

// pointer: drag a point; press on the plane to add one (and keep dragging
// it); the secondary button on a point removes it, unless only two are
// left.
func (s *lsView) pointer(p lesson.Pointer, v *param.Values) bool {
	switch p.Phase {
	case lesson.Down:
		s.held = -1
		if p.Panel != lsPanel {
			return false
		}
		view := s.world()
		wasRefused := s.refused
		s.refused = false
		idx := pointIndex(p.Hit, len(s.x))
		switch {
		case p.Button == 2 && idx >= 0:
			if len(s.x) <= minPoints {
				s.refused = true
				return true
			}
			s.x = append(s.x[:idx], s.x[idx+1:]...)
			s.y = append(s.y[:idx], s.y[idx+1:]...)
			s.store(v)
			return true
		case p.Button != 0:
			return wasRefused
		case idx >= 0:
			s.held = idx
		case len(s.x) < maxPoints:
			s.x = append(s.x, snapTo(p.At.X))
			s.y = append(s.y, snapTo(p.At.Y))
			s.store(v)
			s.held = len(s.x) - 1
		default:
			return wasRefused
		}
		s.frozen = view
		return true
	case lesson.Up:
		changed := s.held >= 0
		s.held = -1
		return changed // the view may unfreeze
	}
	if s.held < 0 {
		return false
	}
	x, y := snapTo(p.At.X), snapTo(p.At.Y)
	if x == s.x[s.held] && y == s.y[s.held] {
		return false
	}
	s.x[s.held], s.y[s.held] = x, y
	s.store(v)
	return true
}

// pointIndex parses a point handle ID ("p7"), or returns −1.
func pointIndex(id string, n int) int {
	rest, ok := strings.CutPrefix(id, ptPrefix)
	if !ok {
		return -1
	}
	i, err := strconv.Atoi(rest)
	if err != nil || i < 0 || i >= n {
		return -1
	}
	return i
}

func (s *lsView) readouts() []lesson.Readout {
	f := &s.fit
	if !s.fitOK {
		out := []lesson.Readout{}
		for _, name := range []string{"beta0", "beta1", "rss", "r2", "cond"} {
			out = append(out, lesson.Str(name, keyUndef))
		}
		return out
	}
	out := []lesson.Readout{num("beta0", f.Beta0), num("beta1", f.Beta1), num("rss", f.RSS)}
	if math.IsNaN(f.R2) {
		out = append(out, lesson.Str("r2", keyUndef))
	} else {
		out = append(out, num("r2", f.R2))
	}
	if math.IsInf(f.Cond, 1) {
		out = append(out, lesson.Str("cond", keyInf))
	} else {
		out = append(out, num("cond", f.Cond))
	}
	out = append(out,
		num("xtx11", f.XtX[0][0]), num("xtx12", f.XtX[0][1]), num("xtx22", f.XtX[1][1]),
		num("xty1", f.XtY[0]), num("xty2", f.XtY[1]),
	)
	switch {
	case s.refused:
		out = append(out, lesson.Str("note", keyMinPts))
	case f.Rank < 2:
		out = append(out, lesson.Str("note", keyRank))
	}
	return out
}

func (s *lsView) data() lesson.Table {
	t := lesson.Table{Columns: []string{"x", "y", "fitted", "residual"}, Rows: make([][]float64, len(s.x))}
	for i := range s.x {
		fit := s.fit.Beta0 + s.fit.Beta1*s.x[i]
		t.Rows[i] = []float64{s.x[i], s.y[i], fit, s.y[i] - fit}
	}
	return t
}
