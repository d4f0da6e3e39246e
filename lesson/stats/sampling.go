package stats

import (
	"math"
	"math/rand/v2"

	"github.com/aimath/playground/core/fit"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// Pace of the sampling view's play.
const (
	drawBudget = 10000 // values drawn per tick at most (about 0.5 ms natively, 1.5 ms in wasm)
	rampTicks  = 40    // one sample per tick at first, then m/rampTicks
	shownDraws = 200   // values of the last sample drawn on the population
	maxTrace   = 600   // points of the running averages' curves
	meanBins   = 45    // bins of the sample means' histogram, about
)

// samplingView draws repeated samples of size n from a population and
// collects their means and variances: the sampling distribution of the
// mean narrowing as σ/√n and turning normal (the central limit theorem),
// and the sample variance with divisor n (biased) and n − 1 (unbiased).
type samplingView struct {
	source  string
	pop     fit.Dist
	values  []float64 // the population of pasted data (drawn with replacement)
	popHist histogram // its histogram
	mu      float64   // population mean
	sigma2  float64   // population variance (divisor N for pasted data)
	n, reps int
	problem string
	rng     *rand.Rand
	sampler fit.Sampler
	buf     []float64

	means, varN, varN1 []float64 // one per sample so far
	wMean, wM2         float64   // Welford's running mean and sum of squares of the means
	sumVN, sumVN1      float64
	last               []float64 // the last sample (its first shownDraws values)
	lastMean           float64

	// The means' histogram: bins of width w from lo (means outside are
	// left out of the picture, not of the readouts).
	lo, w  float64
	counts []float64
	whole  bool // the population takes whole numbers: bins on the lattice k/n

	trace  []tracePoint // the running averages of the variances, thinned
	stride int
}

// tracePoint is the running averages after m samples.
type tracePoint struct{ m, vn, vn1 float64 }

func (s *samplingView) reset(v *param.Values) {
	*s = samplingView{source: v.String(pSource), n: v.Int(pN), reps: v.Int(pReps), stride: 1}
	s.rng = rand.New(rand.NewPCG(uint64(v.Int(pSeed)), streamSampling))
	s.buf = make([]float64, s.n)
	if s.source == sourcePasted {
		s.values, _ = parseData(v.String(pData))
		if len(s.values) == 0 {
			s.problem = "need_data"
			return
		}
		sm := fit.NewSample(s.values)
		s.popHist = newHistogram(sm.X)
		s.mu, s.sigma2 = sm.Mean(), sm.Var()
		s.whole = sm.Kind == fit.Binary || sm.Kind == fit.Counts
	} else {
		s.pop = population(s.source, v.Int(pSeed))
		s.sampler = s.pop.Sampler(s.rng)
		s.mu, s.sigma2 = s.pop.Mean(), s.pop.Variance()
		s.whole = s.pop.Family.Discrete()
	}
	s.bins()
}

// bins lays out the means' histogram over μ ± 4.5σ/√n: about meanBins
// bins, on the lattice of multiples of 1/n when the population takes
// whole numbers (the mean of n of them always lies on it), so that no bin
// catches more lattice points than its neighbours.
func (s *samplingView) bins() {
	se := math.Sqrt(s.sigma2 / float64(s.n))
	if !(se > 0) {
		se = math.Max(1e-3, 1e-3*math.Abs(s.mu))
	}
	half := 4.5 * se
	w := 2 * half / meanBins
	lo := s.mu - half
	if s.whole {
		step := 1 / float64(s.n)
		w = math.Max(1, math.Round(w/step)) * step
		lo = (math.Round(lo/step) - 0.5) * step
	}
	s.lo, s.w = lo, w
	s.counts = make([]float64, int(math.Ceil((s.mu+half-lo)/w))+1)
}

func (s *samplingView) tune(name string, v *param.Values) {
	if name == pReps {
		s.reps = v.Int(pReps)
	}
}

// draw returns one value of the population.
func (s *samplingView) draw() float64 {
	if s.values != nil {
		return s.values[s.rng.IntN(len(s.values))]
	}
	return s.sampler.Rand()
}

// sample draws one sample of size n and records its mean and variances.
func (s *samplingView) sample() {
	x := s.buf
	var sum float64
	for i := range x {
		x[i] = s.draw()
		sum += x[i]
	}
	nf := float64(len(x))
	mean := sum / nf
	var ss float64
	for _, xi := range x {
		ss += (xi - mean) * (xi - mean)
	}
	vn := ss / nf
	vn1 := math.NaN()
	if len(x) > 1 {
		vn1 = ss / (nf - 1)
	}
	s.means = append(s.means, mean)
	s.varN = append(s.varN, vn)
	s.varN1 = append(s.varN1, vn1)
	m := float64(len(s.means))
	d := mean - s.wMean
	s.wMean += d / m
	s.wM2 += d * (mean - s.wMean)
	s.sumVN += vn
	if len(x) > 1 {
		s.sumVN1 += vn1
	}
	s.last = append(s.last[:0], x[:min(len(x), shownDraws)]...)
	s.lastMean = mean
	if i := math.Floor((mean - s.lo) / s.w); i >= 0 && i < float64(len(s.counts)) {
		s.counts[int(i)]++
	}
	if len(s.means)%s.stride == 0 {
		s.trace = append(s.trace, tracePoint{m, s.sumVN / m, s.sumVN1 / m})
		if len(s.trace) >= maxTrace {
			// Keep every other point, and take half as many from now on.
			for i := range len(s.trace) / 2 {
				s.trace[i] = s.trace[2*i+1]
			}
			s.trace = s.trace[:len(s.trace)/2]
			s.stride *= 2
		}
	}
}

func (s *samplingView) more() bool { return s.problem == "" && len(s.means) < s.reps }

// step draws a batch: one sample a tick at first, so that each can be
// seen, then more and more (m/rampTicks a tick), within drawBudget values.
func (s *samplingView) step(*param.Values) bool {
	if !s.more() {
		return false
	}
	batch := max(1, min(len(s.means)/rampTicks, drawBudget/s.n))
	for range batch {
		if !s.more() {
			break
		}
		s.sample()
	}
	return s.more()
}

// unit draws one sample.
func (s *samplingView) unit(*param.Values) bool {
	if s.more() {
		s.sample()
	}
	return s.more()
}

func (s *samplingView) pointer(lesson.Pointer, *param.Values) bool { return false }

// stats are the mean and the standard deviation (divisor m − 1) of the
// sample means so far.
func (s *samplingView) stats() (mean, sd float64) {
	m := float64(len(s.means))
	switch {
	case m == 0:
		return math.NaN(), math.NaN()
	case m == 1:
		return s.wMean, math.NaN()
	}
	return s.wMean, math.Sqrt(s.wM2 / (m - 1))
}

func (s *samplingView) readouts() []lesson.Readout {
	if s.problem != "" {
		return []lesson.Readout{lesson.Str("status", s.problem)}
	}
	m := len(s.means)
	mean, sd := s.stats()
	some := func(name string, x float64, need int) lesson.Readout {
		if m < need {
			return lesson.Str(name, "no_samples")
		}
		return num(name, x)
	}
	ros := []lesson.Readout{
		lesson.Num("samples", float64(m)),
		num("theory_mean", s.mu),
		some("sample_mean_mean", mean, 1),
		num("theory_sd", math.Sqrt(s.sigma2/float64(s.n))),
		some("sample_mean_sd", sd, 2),
		num("pop_var", s.sigma2),
		some("var_n_mean", s.sumVN/float64(m), 1),
	}
	if s.n > 1 {
		ros = append(ros, some("var_n1_mean", s.sumVN1/float64(m), 1))
	} else {
		ros = append(ros, lesson.Str("var_n1_mean", "n_one"))
	}
	if m > 0 {
		ros = append(ros, num("last_mean", s.lastMean))
	}
	return ros
}

// data is one row per sample: its mean and its variances (the n − 1 one
// only when n > 1).
func (s *samplingView) data() lesson.Table {
	cols := []string{"mean", "var_n", "var_n1"}
	if s.n == 1 {
		cols = cols[:2]
	}
	rows := make([][]float64, len(s.means))
	for i := range rows {
		rows[i] = []float64{s.means[i], s.varN[i], s.varN1[i]}[:len(cols)]
	}
	return lesson.Table{Columns: cols, Rows: rows}
}
