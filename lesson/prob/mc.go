package prob

import (
	"errors"
	"math"
	"math/rand/v2"
	"strconv"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/core/prob"
	"github.com/aimath/playground/lesson"
)

// The montecarlo view: an integral estimated by throwing points uniformly
// into a box of area A around the graph ("hit or miss"). A point between
// the x axis and the curve counts +1 above the axis and −1 below it, 0
// elsewhere; the estimate is A times the average count, with standard
// error A·s/√n. Three integrals: the course's ∫₋₁¹ e^(−x²) dx = √π·erf(1),
// π as the area of the unit circle in the square [−1, 1]², and the typed
// f on [a, b], whose exact value is core/prob.Integrate's.

// Panel ID of the points.
const panelPoints = "points"

// Notes of the montecarlo view (message keys).
const (
	noteUnbounded  = "f_unbounded"  // f is not finite somewhere on [a, b]: no box holds its graph
	noteIntDiverge = "int_diverges" // the integral itself diverges or is undefined
)

// mcRasterW is the width in cells of the raster the points are painted
// into (its height follows the box's shape): a cell is a dot of 2 to 3
// pixels on a laptop.
const mcRasterW = 160

// mcPoint is a point thrown into the box and what it counts.
type mcPoint struct {
	x, y float64
	c    int8
}

// mcView is the state of the montecarlo view.
type mcView struct {
	kind  string
	note  string
	f     func(float64) float64
	ftext string
	box   figure.Rect
	area  float64
	exact float64
	pts   []mcPoint
	curve [][]figure.Vec

	pace   pacer
	speed  float64
	r      running
	hits   int // the sum of the shown counts
	conv   conv
	rw, rh int
	// The shown points are painted into one of two buffers (premultiplied
	// RGBA). A buffer handed to a figure is not painted again while that
	// figure may be on screen: the next point copies it to the other
	// buffer and paints there.
	bufs   [2][]byte
	cur    int
	handed bool
	gen    int // bumped whenever the raster is cleared, for its key
}

func (s *mcView) reset(v *param.Values) {
	s.kind = v.String(pIntegral)
	s.speed = v.Float(pSpeed)
	s.note, s.pts, s.curve = "", s.pts[:0], nil
	s.r.restart(1)
	s.pace.full(0)
	s.gen++
	switch s.kind {
	case integralPi:
		s.f, s.ftext = nil, ""
		s.box = figure.Rect{X0: -1, Y0: -1, X1: 1, Y1: 1}
		s.exact = math.Pi
	case integralF:
		if !s.typed(v) {
			s.area = s.box.W() * s.box.H()
			return
		}
	default:
		s.f = func(x float64) float64 { return math.Exp(-x * x) }
		s.ftext = "e^(−x²)"
		s.box = figure.Rect{X0: -1, Y0: 0, X1: 1, Y1: 1}
		s.exact = math.Sqrt(math.Pi) * math.Erf(1)
	}
	if s.f != nil {
		s.curve = curve(s.f, s.box.X0, s.box.X1, curveSteps, s.box.Y0, s.box.Y1)
	}
	s.area = s.box.W() * s.box.H()
	s.r.restart(s.area)
	s.throw(v.Int(pSamples), v.Int(pSeed))
	s.rw = mcRasterW
	s.rh = max(40, min(mcRasterW, int(math.Round(mcRasterW*s.box.H()/s.box.W()))))
	s.clearRaster()
	for _, p := range s.pts {
		s.show(p)
	}
	s.pace.full(len(s.pts))
	s.conv = conv{id: panelConv, title: "A·(1/n) Σ c_i", r: &s.r, total: len(s.pts), exact: s.exact,
		sigma: math.Sqrt(s.r.variance()) * s.area, exactName: "I"}
	if s.kind == integralPi {
		s.conv.exactName = "π"
	}
	s.conv.window(s.r.estimate())
}

// typed sets up the typed f on [a, b]: the box from 0 to f's extremes on a
// fine grid (5% higher, so that a peak between grid points stays inside)
// and the exact value. It reports false, with a note, when there is
// nothing to throw points at.
func (s *mcView) typed(v *param.Values) bool {
	e, err := parseF(v.String(pF))
	if err != nil { // Check refused it: keep the default
		e, _ = parseF("x^2")
	}
	fn := e.Compile("x")
	s.f, s.ftext = fn.Eval1, e.String()
	a, b := v.Float(pA), v.Float(pB)
	if !(a < b) {
		s.note = msg("empty_interval", "a", figNum(a), "b", figNum(b))
		s.box = figure.Rect{X0: math.Min(a, b) - 0.5, Y0: 0, X1: math.Max(a, b) + 0.5, Y1: 1}
		s.exact = 0
		return false
	}
	lo, hi := 0.0, 0.0
	bounded := true
	for i := 0; i <= 4*curveSteps; i++ {
		y := s.f(a + (b-a)*float64(i)/(4*curveSteps))
		if !finite(y) {
			bounded = false
			continue
		}
		lo, hi = math.Min(lo, y), math.Max(hi, y)
	}
	if hi-lo == 0 {
		hi = 1
	}
	pad := 0.05 * (hi - lo)
	if lo < 0 {
		lo -= pad
	}
	if hi > 0 {
		hi += pad
	}
	s.box = figure.Rect{X0: a, Y0: lo, X1: b, Y1: hi}
	exact, ierr := prob.Integrate(s.f, a, b)
	s.exact = exact
	switch {
	case errors.Is(ierr, prob.ErrUndefined) || (ierr != nil && !bounded):
		s.exact = math.NaN()
		s.note = noteIntDiverge
	case ierr != nil:
		s.note = noteIntDiverge
	}
	if !bounded {
		if s.note == "" {
			s.note = noteUnbounded
		}
		s.curve = curve(s.f, a, b, curveSteps, lo, hi)
		return false
	}
	return true
}

// throw draws n points uniformly in the box from the seed's point stream.
func (s *mcView) throw(n, seed int) {
	rng := rand.New(source(seed, streamPoints))
	for range n {
		x := s.box.X0 + s.box.W()*rng.Float64()
		y := s.box.Y0 + s.box.H()*rng.Float64()
		s.pts = append(s.pts, mcPoint{x, y, s.count(x, y)})
	}
}

// count is what the point (x, y) adds: +1 between 0 and a positive f(x)
// (inside the circle, for π), −1 between a negative f(x) and 0.
func (s *mcView) count(x, y float64) int8 {
	if s.f == nil {
		if x*x+y*y <= 1 {
			return 1
		}
		return 0
	}
	fx := s.f(x)
	switch {
	case y >= 0 && y <= fx:
		return 1
	case y < 0 && y >= fx:
		return -1
	}
	return 0
}

func (s *mcView) clearRaster() {
	n := 4 * s.rw * s.rh
	for i := range s.bufs {
		if cap(s.bufs[i]) < n {
			s.bufs[i] = make([]byte, n)
		}
		s.bufs[i] = s.bufs[i][:n]
	}
	if s.handed {
		s.cur, s.handed = 1-s.cur, false
	}
	clear(s.bufs[s.cur])
	s.hits = 0
	s.gen++
}

// raster returns the painted points for a figure; they stay as they are
// until the next figure.
func (s *mcView) raster() []byte {
	s.handed = true
	return s.bufs[s.cur]
}

// show adds a revealed point to the estimate and paints it.
func (s *mcView) show(p mcPoint) {
	s.r.add(float64(p.c))
	s.hits += int(p.c)
	i := int((p.x - s.box.X0) / s.box.W() * float64(s.rw))
	j := int((s.box.Y1 - p.y) / s.box.H() * float64(s.rh))
	i, j = max(0, min(s.rw-1, i)), max(0, min(s.rh-1, j))
	col := figure.Muted.RGBA()
	switch p.c {
	case 1:
		col = colExact.RGBA()
	case -1:
		col = colWarn.RGBA()
	}
	if s.handed {
		next := 1 - s.cur
		copy(s.bufs[next], s.bufs[s.cur])
		s.cur, s.handed = next, false
	}
	buf := s.bufs[s.cur]
	o := 4 * (j*s.rw + i)
	buf[o], buf[o+1], buf[o+2], buf[o+3] = col.R, col.G, col.B, 0xff
}

func (s *mcView) tune(name string, v *param.Values) {
	if name == pSpeed {
		s.speed = v.Float(pSpeed)
	}
}

func (s *mcView) restart() {
	s.pace.restart()
	s.r.restart(s.area)
	s.clearRaster()
}

func (s *mcView) reveal(k int) {
	for range k {
		s.show(s.pts[s.pace.shown])
		s.pace.shown++
	}
}

func (s *mcView) step(*param.Values) bool {
	if s.pace.n == 0 {
		return false
	}
	if s.pace.done() {
		s.restart()
	}
	s.reveal(s.pace.tick(s.speed))
	return !s.pace.done()
}

func (s *mcView) unit(*param.Values) bool {
	if s.pace.n == 0 {
		return false
	}
	if s.pace.done() {
		s.restart()
	}
	s.reveal(1)
	return !s.pace.done()
}

func (s *mcView) pointer(lesson.Pointer, *param.Values) bool { return false }

func (s *mcView) readouts() []lesson.Readout {
	est := s.r.estimate()
	ros := []lesson.Readout{
		num("exact", s.exact),
		lesson.Num("area", s.area),
		lesson.Num("drawn", float64(s.pace.shown)),
		lesson.Num("hits", float64(s.hits)),
		num("estimate", est),
		num("stderr", s.r.stderr()),
		num("error", math.Abs(est-s.exact)),
	}
	if s.note != "" {
		ros = append(ros, lesson.Str("note", s.note))
	}
	return ros
}

// data is the shown points and what each counts.
func (s *mcView) data() lesson.Table {
	rows := make([][]float64, s.pace.shown)
	for i := range rows {
		p := s.pts[i]
		rows[i] = []float64{p.x, p.y, float64(p.c)}
	}
	return lesson.Table{Columns: []string{"x", "y", "count"}, Rows: rows}
}

// rasterKey names the raster's content: the generation and the number of
// points painted.
func (s *mcView) rasterKey() string {
	return "mc:" + strconv.Itoa(s.gen) + ":" + strconv.Itoa(s.pace.shown)
}
