package bayes

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/aimath/playground/core/bayes"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// The beta view: a coin with bias θ = P(heads), a Beta(α, β) prior on θ,
// and flips. After h heads and t tails the posterior is Beta(α + h,
// β + t); the view draws the prior, the likelihood θ^h (1 − θ)^t scaled to
// area 1 (the Beta(h + 1, t + 1) density) and the posterior, with the
// posterior mean, the MAP estimate, the 95 % equal-tailed credible
// interval and the maximum-likelihood estimate h/n, and how they move as
// the flips come in.
//
// The flips are a seeded sequence: flip i (from 0) is heads when u_i <
// true_p, u_i the i-th Float64 of a PCG stream seeded with the seed. The
// hidden parameter flipped counts them, so a URL reproduces every flip;
// moving true_p recolours the same sequence (a larger bias never turns a
// head into a tail).

// Message keys of the beta view.
const (
	keyMapFlat     = "map_flat"      // Beta(1, 1): every θ is a mode
	keyMapBothEnds = "map_both_ends" // α, β < 1: modes at 0 and 1
	keyNoFlips     = "no_flips"      // the MLE before any flip
	keyMaxFlips    = "max_flips"     // note: no more flips
)

// Sizes of the beta view.
const (
	ciLevel   = 0.95
	curveN    = 400         // intervals of the θ grid
	zoomN     = 200         // extra points about a narrow posterior
	trajMax   = 100         // intervals of the trajectory, at most (see trajStep)
	flipTicks = 18          // play flips a coin every 18 ticks (0.3 s)
	streamTag = 0x6265_7461 // the PCG stream's second word ("beta")
)

// betaView is the state of the beta view.
type betaView struct {
	a0, b0 float64 // the prior Beta(α, β)
	trueP  float64
	show   bool
	seed   uint64
	n      int // coins flipped

	rng   *rand.Rand // the flip stream, at len(us)
	us    []float64  // its first values
	rngOf uint64     // the seed rng was made for

	heads, tails int
	a, b         float64 // the posterior
	mean, mode   float64
	modeKind     bayes.ModeKind
	lo, hi       float64 // the credible interval
	note         string

	xs               []float64 // the θ grid of the curves
	prior, like, pst []float64 // the curves on xs
	traj             []trajPoint
	cache            map[int]trajPoint // posteriors after m flips, for cacheKey
	cacheKey         trajKey

	tick     int     // ticks of play since the last flip
	drag     bool    // the truth marker is held
	densityW float64 // the width in pixels of the last density panel
}

// trajKey is what the posteriors of the trajectory depend on besides the
// number of flips.
type trajKey struct {
	a0, b0 float64
	seed   uint64
	trueP  float64
}

// trajPoint is the posterior after the first n flips.
type trajPoint struct {
	n, heads     int
	mean, lo, hi float64
}

func (s *betaView) reset(v *param.Values, clear bool) {
	if clear {
		v.Set(pFlipped, 0.0)
	}
	s.tick, s.drag, s.note = 0, false, ""
	s.load(v)
}

func (s *betaView) tune(_ string, v *param.Values) {
	s.note = ""
	s.load(v)
}

func (s *betaView) load(v *param.Values) {
	s.a0, s.b0 = v.Float(pAlpha), v.Float(pBeta)
	s.trueP = v.Float(pTrueP)
	s.show = v.Bool(pShowTruth)
	s.seed = uint64(v.Int(pSeed))
	s.n = v.Int(pFlipped)
	s.compute()
}

// uniforms makes sure us holds the stream's first n values.
func (s *betaView) uniforms(n int) {
	if s.rng == nil || s.rngOf != s.seed {
		s.rng = rand.New(rand.NewPCG(s.seed, streamTag))
		s.us, s.rngOf = s.us[:0], s.seed
	}
	for len(s.us) < n {
		s.us = append(s.us, s.rng.Float64())
	}
}

// isHeads is flip i's outcome.
func (s *betaView) isHeads(i int) bool { return s.us[i] < s.trueP }

func (s *betaView) compute() {
	s.uniforms(s.n)
	s.heads = 0
	for i := range s.n {
		if s.isHeads(i) {
			s.heads++
		}
	}
	s.tails = s.n - s.heads
	s.a, s.b = bayes.Update(s.a0, s.b0, s.heads, s.tails)
	s.mean = bayes.Mean(s.a, s.b)
	s.mode, s.modeKind = bayes.Mode(s.a, s.b)
	s.lo, s.hi = bayes.Interval(s.a, s.b, ciLevel)
	s.curves()
	s.trajectory()
}

// curves samples the three densities on a grid of [0, 1], denser about a
// narrow posterior so that its peak is drawn smoothly.
func (s *betaView) curves() {
	s.xs = s.xs[:0]
	for i := range curveN + 1 {
		s.xs = append(s.xs, float64(i)/curveN)
	}
	if sd := math.Sqrt(s.a * s.b / ((s.a + s.b) * (s.a + s.b) * (s.a + s.b + 1))); sd < 0.03 {
		lo, hi := math.Max(0, s.mean-6*sd), math.Min(1, s.mean+6*sd)
		for i := range zoomN + 1 {
			s.xs = append(s.xs, lo+(hi-lo)*float64(i)/zoomN)
		}
		sort.Float64s(s.xs)
	}
	s.prior = bayes.PDF(s.prior, s.a0, s.b0, s.xs)
	s.like = bayes.PDF(s.like, float64(s.heads)+1, float64(s.tails)+1, s.xs)
	s.pst = bayes.PDF(s.pst, s.a, s.b, s.xs)
}

// trajStep is the spacing of the trajectory's counts: 1, 2, 5, 10, 20,
// … flips, the smallest that gives at most trajMax intervals up to n.
func trajStep(n int) int {
	for step := 1; ; step *= 10 {
		for _, m := range [...]int{1, 2, 5} {
			if n <= trajMax*m*step {
				return m * step
			}
		}
	}
}

// trajectory is the posterior after 0, step, 2·step, … flips and after
// all n. A posterior after m flips depends only on the first m, so the
// ones computed before are kept in cache until the prior, the seed or the
// true bias changes: a flip during play computes one or two new ones.
func (s *betaView) trajectory() {
	key := trajKey{s.a0, s.b0, s.seed, s.trueP}
	if s.cache == nil || key != s.cacheKey || len(s.cache) > 4*trajMax {
		s.cache, s.cacheKey = map[int]trajPoint{}, key
	}
	step := trajStep(s.n)
	s.traj = s.traj[:0]
	heads, i := 0, 0
	for m := 0; ; m += step {
		m = min(m, s.n)
		for ; i < m; i++ {
			if s.isHeads(i) {
				heads++
			}
		}
		tp, ok := s.cache[m]
		if !ok {
			a, b := bayes.Update(s.a0, s.b0, heads, m-heads)
			lo, hi := bayes.Interval(a, b, ciLevel)
			tp = trajPoint{n: m, heads: heads, mean: bayes.Mean(a, b), lo: lo, hi: hi}
			s.cache[m] = tp
		}
		s.traj = append(s.traj, tp)
		if m == s.n {
			return
		}
	}
}

// flip flips k more coins (fewer at the limit of maxFlips).
func (s *betaView) flip(v *param.Values, k int) bool {
	k = min(k, maxFlips-s.n)
	if k <= 0 {
		s.note = msg(keyMaxFlips, "max", maxFlips)
		return false
	}
	s.note = ""
	s.n += k
	v.Set(pFlipped, float64(s.n))
	s.compute()
	return s.n < maxFlips
}

// step flips a coin every flipTicks ticks, the first at once.
func (s *betaView) step(v *param.Values) bool {
	more := s.n < maxFlips
	if s.tick == 0 {
		more = s.flip(v, 1)
	}
	s.tick = (s.tick + 1) % flipTicks
	return more
}

func (s *betaView) unit(v *param.Values) bool { return s.flip(v, 1) }

func (s *betaView) readouts() []lesson.Readout {
	ros := []lesson.Readout{
		num("heads", float64(s.heads)),
		num("tails", float64(s.tails)),
		num("post_alpha", s.a),
		num("post_beta", s.b),
		num("post_mean", s.mean),
	}
	switch s.modeKind {
	case bayes.ModeFlat:
		ros = append(ros, lesson.Str("post_map", keyMapFlat))
	case bayes.ModeBothEnds:
		ros = append(ros, lesson.Str("post_map", keyMapBothEnds))
	default:
		ros = append(ros, num("post_map", s.mode))
	}
	ros = append(ros, num("ci_low", s.lo), num("ci_high", s.hi))
	if mle := bayes.MLE(s.heads, s.tails); math.IsNaN(mle) {
		ros = append(ros, lesson.Str("mle", keyNoFlips))
	} else {
		ros = append(ros, num("mle", mle))
	}
	if s.show {
		ros = append(ros, num("true_p", s.trueP))
	}
	if s.note != "" {
		ros = append(ros, lesson.Str("note", s.note))
	}
	return ros
}

// data is the posterior after each number of flips of the trajectory
// drawn: every flip up to 100, then every 2, 5, 10, … (see trajStep).
func (s *betaView) data() lesson.Table {
	t := lesson.Table{Columns: []string{"flips", "heads", "tails", "post_mean", "ci_low", "ci_high"}}
	for _, p := range s.traj {
		t.Rows = append(t.Rows, []float64{float64(p.n), float64(p.heads), float64(p.n - p.heads), p.mean, p.lo, p.hi})
	}
	return t
}
