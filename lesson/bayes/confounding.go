package bayes

import (
	"math"

	"github.com/aimath/playground/core/bayes"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// The confounding view: Simpson's paradox in the kidney-stone study of
// Charig et al. (1986). Treatment T (A: open surgery, B: percutaneous
// nephrolithotomy), outcome Y (success), confounder Z (stone size, small
// or large): large stones are harder to treat and were more often given
// A. Within each stone size A does better; pooled, B looks better, since
// P(success | T) = Σ_z P(success | T, z) P(z | T) weights each stratum by
// how often T was given in it. Adjusting for Z, P(success | do(T)) =
// Σ_z P(success | T, z) P(z) weights both treatments alike. The eight
// counts are parameters; their bars can be dragged.

// Message keys of the confounding view.
const (
	keySimpson      = "simpson"       // paradox: {within} better in every stratum, {overall} pooled
	keyAgree        = "agree"         // no paradox: {better} in every stratum and pooled
	keyOverallTie   = "overall_tie"   // no paradox: {within} in every stratum, a tie pooled
	keyStrataDiffer = "strata_differ" // no paradox: the strata disagree or tie
	keyBadPrefix    = "bad_"          // status: bad_a_small{s,n}: more successes than patients
)

// confoundingView is the state of the confounding view.
type confoundingView struct {
	t    bayes.Strata // [treatment A, B][stratum small, large]
	drag int          // the cell (2·treatment + stratum) whose bar is held, or −1
	geom barGeom      // where the last figure put the bars
}

func (s *confoundingView) reset(v *param.Values, clear bool) {
	if clear {
		for _, row := range cells {
			for _, c := range row {
				v.Set(c.s, c.sDef)
				v.Set(c.n, c.nDef)
			}
		}
	}
	s.drag = -1
	s.load(v)
}

func (s *confoundingView) tune(_ string, v *param.Values) { s.load(v) }

func (s *confoundingView) load(v *param.Values) {
	s.t = make(bayes.Strata, 2)
	for i, row := range cells {
		s.t[i] = make([]bayes.Cell, 2)
		for z, c := range row {
			s.t[i][z] = bayes.Cell{S: v.Int(c.s), N: v.Int(c.n)}
		}
	}
}

func (s *confoundingView) step(*param.Values) bool { return false }
func (s *confoundingView) unit(*param.Values) bool { return false }

// valid reports whether treatment i's cells are both valid.
func (s *confoundingView) valid(i int) bool { return s.t[i][0].Valid() && s.t[i][1].Valid() }

// sign is −1, 0 or 1 as a < b, a = b, a > b.
func sign(a, b float64) int {
	switch {
	case a > b:
		return 1
	case a < b:
		return -1
	}
	return 0
}

// letter names the treatment a comparison favours (1: A, −1: B).
func letter(sg int) string {
	if sg > 0 {
		return "A"
	}
	return "B"
}

// paradox says whether the pooled comparison reverses the one in every
// stratum, as a message key with values.
func (s *confoundingView) paradox() string {
	small := sign(s.t.Rate(0, 0), s.t.Rate(1, 0))
	large := sign(s.t.Rate(0, 1), s.t.Rate(1, 1))
	pooled := sign(s.t.Naive(0), s.t.Naive(1))
	switch {
	case small != large || small == 0:
		return keyStrataDiffer
	case pooled == -small:
		return msg(keySimpson, "within", letter(small), "overall", letter(pooled))
	case pooled == 0:
		return msg(keyOverallTie, "within", letter(small))
	}
	return msg(keyAgree, "better", letter(small))
}

// status is the message about the first cell with more successes than
// patients, "" when there is none.
func (s *confoundingView) status() string {
	for i, row := range cells {
		for z, c := range row {
			if cl := s.t[i][z]; !cl.Valid() {
				return msg(keyBadPrefix+c.name, "s", cl.S, "n", cl.N)
			}
		}
	}
	return ""
}

// readouts: the per-stratum rates, the stone sizes' shares, the naive and
// adjusted rates of each treatment, and whether the paradox occurs. A
// cell with more successes than patients leaves out every number it
// enters, and the status says which.
func (s *confoundingView) readouts() []lesson.Readout {
	var ros []lesson.Readout
	if st := s.status(); st != "" {
		ros = append(ros, lesson.Str("status", st))
	}
	for i, row := range cells {
		for z, c := range row {
			if s.t[i][z].Valid() {
				ros = append(ros, num("rate_"+c.name, s.t.Rate(i, z)))
			}
		}
	}
	ros = append(ros, num("p_small", s.t.PZ(0)), num("p_large", s.t.PZ(1)))
	for i, name := range []string{"a", "b"} {
		if s.valid(i) {
			ros = append(ros, num("naive_"+name, s.t.Naive(i)))
		}
	}
	for i, name := range []string{"a", "b"} {
		if s.valid(i) {
			ros = append(ros, num("adjusted_"+name, s.t.Adjusted(i)))
		}
	}
	if s.valid(0) && s.valid(1) {
		ros = append(ros, lesson.Str("paradox", s.paradox()))
	}
	return ros
}

// data is the table: one row per treatment (0 A, 1 B) and stone size (0
// small, 1 large).
func (s *confoundingView) data() lesson.Table {
	t := lesson.Table{Columns: []string{"treatment", "large_stones", "successes", "patients", "rate"}}
	for i := range 2 {
		for z := range 2 {
			c := s.t[i][z]
			t.Rows = append(t.Rows, []float64{float64(i), float64(z), float64(c.S), float64(c.N), c.Rate()})
		}
	}
	return t
}

// setRate sets cell k's successes to the rate r of its patients (the
// nearest whole number, at most all of them).
func (s *confoundingView) setRate(k int, r float64, v *param.Values) bool {
	i, z := k/2, k%2
	c := s.t[i][z]
	succ := math.Round(clamp01(r) * float64(c.N))
	if int(succ) == c.S {
		return false
	}
	v.Set(cells[i][z].s, succ)
	s.load(v)
	return true
}
