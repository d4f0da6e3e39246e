package prob

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/core/prob"
)

// Streams of the PCG generator, one per use of the seed, so that the
// samples of the dist and expect views are the same draws and the Monte
// Carlo points and the loss view's data are others.
const (
	streamSamples = 1
	streamPoints  = 2
	streamLoss    = 3
)

func source(seed int, stream uint64) *rand.PCG { return rand.NewPCG(uint64(seed), stream) }

// The pace of play: samples appear one at a time at first (revealFirst a
// second) and then ever faster, each tick adding 1/revealGrowth of those
// shown, so that 1 000 samples take about four seconds and 100 000 about
// seven, at speed 1.
const (
	revealFirst  = 10.0
	revealGrowth = 40.0
	ticksPerSec  = 60.0
)

// pacer reveals n precomputed items over the ticks of play. A Reset shows
// them all; play starts over from none when they are all shown.
type pacer struct {
	n, shown int
	acc      float64 // items owed to the next tick
}

func (p *pacer) full(n int) { p.n, p.shown, p.acc = n, n, 0 }

func (p *pacer) done() bool { return p.shown >= p.n }

// restart hides every item.
func (p *pacer) restart() { p.shown, p.acc = 0, 0 }

// tick returns how many more items to show this tick at the given speed.
func (p *pacer) tick(speed float64) int {
	p.acc += speed * math.Max(revealFirst/ticksPerSec, float64(p.shown)/revealGrowth)
	k := min(int(p.acc), p.n-p.shown)
	p.acc -= float64(k)
	return k
}

// sampleSet is n draws from a distribution, the same for the same seed.
type sampleSet struct {
	d  *prob.Dist
	xs []float64
}

// draw fills s with n draws of d from the seed's sample stream. The
// distribution keeps the source, so draw must come right after the
// distribution is made.
func (s *sampleSet) draw(d *prob.Dist, n int) {
	s.d = d
	s.xs = s.xs[:0]
	for range n {
		s.xs = append(s.xs, d.Rand())
	}
}

// newDist makes the distribution the parameters describe, drawing from
// the seed's sample stream.
func newDist(v *param.Values) (*prob.Dist, error) {
	return prob.New(v.String(pDist), distParams(v), source(v.Int(pSeed), streamSamples))
}

// running is a running mean and variance (Welford's update) of the values
// of a Monte Carlo estimate, scaled by factor, with a trace of the
// estimate and its standard error at log-spaced n for the convergence
// plot.
type running struct {
	factor   float64
	n        int
	mean, m2 float64
	next     float64 // the n of the next trace point
	trace    []tracePoint
}

type tracePoint struct {
	n, est, se float64
}

// traceStep spaces the trace points: every n up to 50, then 2% apart.
const traceStep = 1.02

func (r *running) restart(factor float64) {
	*r = running{factor: factor, next: 1, trace: r.trace[:0]}
}

func (r *running) add(x float64) {
	r.n++
	d := x - r.mean
	r.mean += d / float64(r.n)
	r.m2 += d * (x - r.mean)
	if float64(r.n) >= r.next {
		r.trace = append(r.trace, tracePoint{float64(r.n), r.estimate(), r.stderr()})
		r.next = math.Max(float64(r.n)+1, math.Ceil(float64(r.n)*traceStep))
	}
}

// estimate is factor times the mean (NaN before any value).
func (r *running) estimate() float64 {
	if r.n == 0 {
		return math.NaN()
	}
	return r.factor * r.mean
}

// variance is the sample variance of the values (n − 1), NaN below two.
func (r *running) variance() float64 {
	if r.n < 2 {
		return math.NaN()
	}
	return r.m2 / float64(r.n-1)
}

// stderr is the estimate's standard error: factor·s/√n.
func (r *running) stderr() float64 {
	return math.Abs(r.factor) * math.Sqrt(r.variance()/float64(r.n))
}

// last is the trace with the current point, for drawing.
func (r *running) last() []tracePoint {
	if r.n == 0 {
		return nil
	}
	t := r.trace
	if len(t) == 0 || t[len(t)-1].n != float64(r.n) {
		t = append(t[:len(t):len(t)], tracePoint{float64(r.n), r.estimate(), r.stderr()})
	}
	return t
}

// Colours shared by the views: the distribution Blue, samples Sky,
// estimates Orange, exact values Green, errors and warnings Vermillion.
const (
	colDist   = figure.Blue
	colSample = figure.Sky
	colEst    = figure.Orange
	colExact  = figure.Green
	colWarn   = figure.Vermillion
)

// plotPanel is a panel with grid and ticks over world.
func plotPanel(id string, frame, world figure.Rect, title, xlabel string) *figure.Panel {
	return &figure.Panel{ID: id, Frame: frame, World: world, Title: title,
		Axes: figure.Axes{Grid: true, Lines: true, Ticks: true, XLabel: xlabel}}
}

// clampY keeps a curve's value drawable: non-finite or far beyond the
// window values are pinned just outside it, where the panel clips them.
func clampY(y, lo, hi float64) float64 {
	span := hi - lo
	switch {
	case math.IsNaN(y):
		return lo - span
	case y > hi+span:
		return hi + span
	case y < lo-span:
		return lo - span
	}
	return y
}

// curve samples f at n+1 points of [x0, x1], clamped to [lo, hi], split
// where f is not a number.
func curve(f func(float64) float64, x0, x1 float64, n int, lo, hi float64) [][]figure.Vec {
	var out [][]figure.Vec
	var cur []figure.Vec
	for i := 0; i <= n; i++ {
		x := x0 + (x1-x0)*float64(i)/float64(n)
		y := f(x)
		if math.IsNaN(y) {
			if len(cur) > 1 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, figure.Vec{X: x, Y: clampY(y, lo, hi)})
	}
	if len(cur) > 1 {
		out = append(out, cur)
	}
	return out
}

// label is a short bold text at a corner of a panel's world.
func label(at figure.Vec, s string, anchor figure.Anchor, col figure.Color, dx, dy float64) figure.Text {
	return figure.Text{At: at, S: s, Size: 12, Anchor: anchor, DX: dx, DY: dy, Color: col, Bold: true}
}

// figNum formats a number for a label: three decimals (trailing zeros
// dropped) from 0.001 up, figure.Num's four digits and exponents beyond.
func figNum(x float64) string {
	if a := math.Abs(x); a >= 1e-3 && a < 1e4 {
		s := strconv.FormatFloat(a, 'f', 3, 64)
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		if s == "0" {
			return "0"
		}
		if x < 0 {
			return "−" + s
		}
		return s
	}
	return figure.Num(x)
}

// subscript writes a non-negative integer in subscript digits.
func subscript(i int) string {
	var b strings.Builder
	for _, r := range strconv.Itoa(i) {
		b.WriteRune('₀' + r - '0')
	}
	return b.String()
}
