package prob

import (
	"math"
	"slices"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/core/prob"
	"github.com/aimath/playground/lesson"
)

// The dist view: one distribution of the thirteen, its pmf or pdf and its
// CDF, its moments and entropy, and `samples` draws binned into a
// histogram that approaches the density as they accumulate (play reveals
// them from the first; a reset shows them all). Hovering or touching a
// plot reads p(x) and F(x) there and shades the area under the density up
// to x, which is F(x).

// Panel IDs of the dist view.
const (
	panelPDF = "pdf"
	panelCDF = "cdf"
)

// Plot sizes of the dist view.
const (
	curveSteps   = 400 // segments of a plotted density or CDF
	fineBins     = 240 // the histogram's bins; shown merged to a divisor
	maxBars      = 60  // a discrete plot groups values beyond this many
	fullSupport  = 40  // finite discrete supports up to this wide are shown whole
	minValues    = 6   // a discrete window shows at least this many values
	tailQuantile = 0.001
)

// histogram counts the shown samples: per value of a discrete window
// (k0, k0+1, …) or in fineBins equal bins of a continuous one.
type histogram struct {
	discrete     bool
	x0, x1       float64 // continuous: the binned range
	k0           float64 // discrete: the first value
	counts       []int
	below, above int
	n            int
}

func (h *histogram) reset(discrete bool, x0, x1 float64, k0 float64, bins int) {
	h.discrete, h.x0, h.x1, h.k0 = discrete, x0, x1, k0
	h.counts = slices.Grow(h.counts[:0], bins)[:bins]
	clear(h.counts)
	h.below, h.above, h.n = 0, 0, 0
}

func (h *histogram) add(x float64) {
	h.n++
	var i int
	if h.discrete {
		i = int(x - h.k0)
		if x < h.k0 {
			i = -1
		}
	} else {
		i = int(math.Floor((x - h.x0) / (h.x1 - h.x0) * float64(len(h.counts))))
		if x < h.x0 {
			i = -1
		}
	}
	switch {
	case i < 0:
		h.below++
	case i >= len(h.counts):
		h.above++
	default:
		h.counts[i]++
	}
}

// distView is the state of the dist view.
type distView struct {
	note  string // a message key when the parameters describe no distribution
	d     *prob.Dist
	s     sampleSet
	pace  pacer
	speed float64
	mom   running // the sample mean and variance of the shown samples
	hist  histogram

	// The plot window: x in [x0, x1] (the support's relevant part, padded),
	// densities up to ymax; for a discrete distribution the values k0…k1.
	x0, x1, ymax float64
	k0, k1       float64
	pdf, cdf     [][]figure.Vec // the exact curves (continuous)

	cursor    float64
	hasCursor bool
	name      string // the distribution in symbols, for the title
}

func (s *distView) reset(v *param.Values) {
	s.speed = v.Float(pSpeed)
	s.hasCursor = false
	d, err := newDist(v)
	if err != nil {
		// Only the uniform's interval can be empty within the specs' ranges.
		s.note, s.d = msg("empty_interval", "a", figNum(v.Float(pA)), "b", figNum(v.Float(pB))), nil
		s.s.xs = s.s.xs[:0]
		s.pace.full(0)
		return
	}
	s.note = ""
	s.name = "X ~ " + notation(v)
	s.s.draw(d, v.Int(pSamples))
	s.d = d
	s.window()
	if d.Discrete() {
		s.hist.reset(true, 0, 0, s.k0, int(s.k1-s.k0)+1)
	} else {
		// The bins cover the window, or the support where it ends inside
		// (so that the uniform's edges fall on bin edges).
		lo, hi := d.Support()
		s.hist.reset(false, math.Max(s.x0, lo), math.Min(s.x1, hi), 0, fineBins)
		s.sampleCurves()
	}
	s.mom.restart(1)
	for _, x := range s.s.xs {
		s.show(x)
	}
	s.pace.full(len(s.s.xs))
}

// show adds one revealed sample to the statistics.
func (s *distView) show(x float64) {
	s.hist.add(x)
	s.mom.add(x)
}

// window chooses what the plots show: a discrete support whole when it is
// short, else the values between the 0.05% and 99.95% quantiles; for a
// continuous distribution the 0.1% to 99.9% quantiles, no wider than 8
// interquartile ranges either side of the median (Student's t with ν = 1
// has quantiles in the hundreds), reaching to an end of the support when
// it is near, and padded by 5%.
func (s *distView) window() {
	d := s.d
	lo, hi := d.Support()
	if d.Discrete() {
		a, b := lo, hi
		if hi-lo > fullSupport {
			a, b = d.Quantile(tailQuantile/2), d.Quantile(1-tailQuantile/2)
			b = math.Min(hi, math.Max(b, a+minValues-1))
		}
		s.k0, s.k1 = a, b
		s.x0, s.x1 = a-0.7, b+0.7
		pmax := 0.0
		for k := a; k <= b; k++ {
			pmax = math.Max(pmax, d.Prob(k))
		}
		s.ymax = 1.3 * pmax
		return
	}
	a, b := d.Quantile(tailQuantile), d.Quantile(1-tailQuantile)
	med := d.Quantile(0.5)
	iqr := d.Quantile(0.75) - d.Quantile(0.25)
	a, b = math.Max(a, med-8*iqr), math.Min(b, med+8*iqr)
	if finite(lo) && a-lo < 0.2*(b-a) {
		a = lo
	}
	if finite(hi) && hi-b < 0.2*(b-a) {
		b = hi
	}
	pad := 0.05 * (b - a)
	s.x0, s.x1 = a-pad, b+pad
	// The density's height: its maximum over the window, unless that is a
	// spike (a density that is infinite at an end of the support), when
	// 1.5 times its 95th percentile.
	ps := make([]float64, 0, curveSteps+1)
	for i := 0; i <= curveSteps; i++ {
		if p := d.Prob(s.x0 + (s.x1-s.x0)*float64(i)/curveSteps); finite(p) {
			ps = append(ps, p)
		}
	}
	if len(ps) == 0 {
		s.ymax = 1
		return
	}
	slices.Sort(ps)
	top, p95 := ps[len(ps)-1], ps[len(ps)*95/100]
	s.ymax = 1.3 * top
	if top > 3*p95 {
		s.ymax = 1.5 * p95
	}
}

// sampleCurves samples the density and the CDF over the window. A finite
// end of the support inside it gets a vertical edge (the uniform's and
// the exponential's jumps), not a slope between samples.
func (s *distView) sampleCurves() {
	d := s.d
	lo, hi := d.Support()
	xs := make([]float64, 0, curveSteps+5)
	for i := 0; i <= curveSteps; i++ {
		xs = append(xs, s.x0+(s.x1-s.x0)*float64(i)/curveSteps)
	}
	ends := []float64{}
	for _, e := range []float64{lo, hi} {
		if e > s.x0 && e < s.x1 {
			xs = append(xs, e)
			ends = append(ends, e)
		}
	}
	slices.Sort(xs)
	xs = slices.Compact(xs)
	var pdf []figure.Vec
	for _, x := range xs {
		if x == lo && slices.Contains(ends, lo) {
			pdf = append(pdf, figure.Vec{X: x, Y: 0})
		}
		pdf = append(pdf, figure.Vec{X: x, Y: clampY(d.Prob(x), 0, s.ymax)})
		if x == hi && slices.Contains(ends, hi) {
			// Prob(hi) is the density's limit from the left; beyond is 0.
			pdf = append(pdf, figure.Vec{X: x, Y: 0})
		}
	}
	cdf := make([]figure.Vec, 0, len(xs))
	for _, x := range xs {
		cdf = append(cdf, figure.Vec{X: x, Y: d.CDF(x)})
	}
	s.pdf, s.cdf = [][]figure.Vec{pdf}, [][]figure.Vec{cdf}
}

func (s *distView) tune(name string, v *param.Values) {
	if name == pSpeed {
		s.speed = v.Float(pSpeed)
	}
}

// restart hides every sample, for play to reveal them again.
func (s *distView) restart() {
	s.pace.restart()
	if s.d == nil {
		return
	}
	s.hist.reset(s.hist.discrete, s.hist.x0, s.hist.x1, s.hist.k0, len(s.hist.counts))
	s.mom.restart(1)
}

func (s *distView) reveal(k int) {
	for range k {
		s.show(s.s.xs[s.pace.shown])
		s.pace.shown++
	}
}

func (s *distView) step(*param.Values) bool {
	if s.pace.n == 0 {
		return false
	}
	if s.pace.done() {
		s.restart()
	}
	s.reveal(s.pace.tick(s.speed))
	return !s.pace.done()
}

func (s *distView) unit(*param.Values) bool {
	if s.pace.n == 0 {
		return false
	}
	if s.pace.done() {
		s.restart()
	}
	s.reveal(1)
	return !s.pace.done()
}

// pointer moves the cursor that reads p(x) and F(x): hovering or pressing
// on either plot.
func (s *distView) pointer(p lesson.Pointer, _ *param.Values) bool {
	if s.d == nil || (p.Panel != panelPDF && p.Panel != panelCDF) || p.Phase == lesson.Up {
		return false
	}
	x := math.Max(s.x0, math.Min(s.x1, p.At.X))
	if s.d.Discrete() {
		x = math.Max(s.k0, math.Min(s.k1, math.Round(x)))
	}
	if s.hasCursor && x == s.cursor {
		return false
	}
	s.cursor, s.hasCursor = x, true
	return true
}

func (s *distView) readouts() []lesson.Readout {
	if s.d == nil {
		return []lesson.Readout{lesson.Str("note", s.note)}
	}
	ros := []lesson.Readout{
		num("mean", s.d.Mean()),
		num("var", s.d.Variance()),
		num("skew", s.d.Skewness()),
		num("entropy", s.d.Entropy()),
		lesson.Num("drawn", float64(s.pace.shown)),
		num("sample_mean", s.mom.estimate()),
		num("sample_var", s.mom.variance()),
	}
	if s.hasCursor {
		ros = append(ros, num("at_x", s.cursor), num("at_p", s.d.Prob(s.cursor)), num("at_cdf", s.d.CDF(s.cursor)))
	}
	return ros
}

// data is the shown samples.
func (s *distView) data() lesson.Table {
	rows := make([][]float64, s.pace.shown)
	for i := range rows {
		rows[i] = []float64{s.s.xs[i]}
	}
	return lesson.Table{Columns: []string{"x"}, Rows: rows}
}
