package bayes

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/aimath/playground/core/bayes"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// The theorem view: a test for a condition D with a sensitivity and a
// false-positive rate, taken by a person whose prior P(D) is the
// prevalence. It shows 1,000 such people as dots (natural frequencies),
// Bayes' theorem with the numbers, P(D | +) and P(D | −). "Test again"
// takes the test once more with the chosen result: the posterior becomes
// the prior of the next test (the tests independent given D), and the
// results so far are the hidden parameter history ("pn": a positive,
// then a negative), so a URL reproduces them.

// population is the number of dots.
const population = 1000

// Message keys of the theorem view.
const (
	keyNeverPositive = "never_positive" // P(+) = 0: P(D | +) is undefined
	keyNeverNegative = "never_negative" // P(−) = 0: P(D | −) is undefined
	keyHistoryFull   = "history_full"   // note: at most maxUpdates tests
	keyImpossible    = "impossible"     // note: the chosen result cannot happen
	keyHistoryCut    = "history_cut"    // note: a result in the history can no longer happen
)

// parseHistory reads a history: one letter per test, p positive, n
// negative.
func parseHistory(s string) ([]bool, error) {
	if len(s) > maxUpdates {
		return nil, errors.New("at most " + strconv.Itoa(maxUpdates) + " tests")
	}
	out := make([]bool, len(s))
	for i, r := range s {
		switch r {
		case 'p':
			out[i] = true
		case 'n':
		default:
			return nil, errors.New("want p (positive) and n (negative) only, like ppn")
		}
	}
	return out, nil
}

func checkHistory(s string) error { _, err := parseHistory(s); return err }

func formatHistory(h []bool) string {
	var b strings.Builder
	for _, r := range h {
		if r {
			b.WriteByte('p')
		} else {
			b.WriteByte('n')
		}
	}
	return b.String()
}

// theoremView is the state of the theorem view.
type theoremView struct {
	test     bayes.Test
	prev     float64
	positive bool   // the result "test again" applies
	history  []bool // the results applied
	chain    []float64
	note     string

	prior         float64 // P(D) for the current test: the last of chain
	evPos, evNeg  float64 // P(+), P(−)
	post, postNeg float64 // P(D | +), P(D | −); NaN when the result cannot happen
	counts        freq
}

// freq are the natural frequencies of the population: ill and tested
// positive (true positives), ill and negative, healthy and positive,
// healthy and negative.
type freq struct{ tp, fn, fp, tn int }

// frequencies rounds the population the way a leaflet does: first the
// ill, then the positives among the ill and among the healthy.
func frequencies(prior float64, t bayes.Test) freq {
	ill := int(math.Round(population * prior))
	tp := int(math.Round(float64(ill) * t.Sensitivity))
	fp := int(math.Round(float64(population-ill) * t.FPR))
	return freq{tp: tp, fn: ill - tp, fp: fp, tn: population - ill - fp}
}

func (s *theoremView) reset(v *param.Values, clear bool) {
	if clear {
		v.Set(pHistory, "")
	}
	s.note = ""
	s.load(v)
}

func (s *theoremView) tune(_ string, v *param.Values) {
	s.note = ""
	s.load(v)
}

// load reads the parameters and computes the chain of updates. A result
// of the history that the current settings make impossible (a negative
// after a positive proved D with a false-positive rate of 0, then a
// sensitivity of 1) ends the history there, and the note says so.
func (s *theoremView) load(v *param.Values) {
	s.test = bayes.Test{Sensitivity: v.Float(pSensitivity), FPR: v.Float(pFPR)}
	s.prev = v.Float(pPrevalence)
	s.positive = v.String(pResult) == resultPositive
	h, err := parseHistory(v.String(pHistory))
	if err != nil { // the spec's Check keeps such text out
		h = nil
	}
	s.chain = s.test.Chain(s.prev, h)
	if k := len(s.chain) - 1; k < len(h) {
		h = h[:k]
		v.Set(pHistory, formatHistory(h))
		s.note = msg(keyHistoryCut, "k", k+1)
	}
	s.history = h
	s.compute()
}

func (s *theoremView) compute() {
	s.prior = s.chain[len(s.chain)-1]
	s.evPos = s.test.Evidence(s.prior, true)
	s.evNeg = s.test.Evidence(s.prior, false)
	s.post = s.test.Posterior(s.prior, true)
	s.postNeg = s.test.Posterior(s.prior, false)
	s.counts = frequencies(s.prior, s.test)
}

// testAgain applies the chosen result: the posterior becomes the prior.
func (s *theoremView) testAgain(v *param.Values) {
	s.note = ""
	switch {
	case len(s.history) >= maxUpdates:
		s.note = msg(keyHistoryFull, "max", maxUpdates)
		return
	case math.IsNaN(s.test.Posterior(s.prior, s.positive)):
		s.note = keyImpossible
		return
	}
	s.history = append(s.history, s.positive)
	v.Set(pHistory, formatHistory(s.history))
	s.load(v)
}

func (s *theoremView) step(*param.Values) bool { return false }
func (s *theoremView) unit(*param.Values) bool { return false }

// pointer: the dots and the formula are not edited on the canvas.
func (s *theoremView) pointer(lesson.Pointer, *param.Values) bool { return false }

func (s *theoremView) readouts() []lesson.Readout {
	post := num("posterior", s.post)
	if math.IsNaN(s.post) {
		post = lesson.Str("posterior", keyNeverPositive)
	}
	postNeg := num("posterior_neg", s.postNeg)
	if math.IsNaN(s.postNeg) {
		postNeg = lesson.Str("posterior_neg", keyNeverNegative)
	}
	ros := []lesson.Readout{
		num("prior", s.prior),
		num("evidence", s.evPos),
		post,
		postNeg,
		num("specificity", s.test.Specificity()),
		num("updates", float64(len(s.history))),
	}
	if len(s.history) > 0 {
		ros = append(ros, lesson.Str("chain", s.chainText()))
	}
	if s.note != "" {
		ros = append(ros, lesson.Str("note", s.note))
	}
	return ros
}

// chainText lists the priors with the results between them:
// "0.01 +→ 0.09174 +→ 0.5025".
func (s *theoremView) chainText() string {
	var b strings.Builder
	b.WriteString(short(s.chain[0]))
	for i, r := range s.history {
		if r {
			b.WriteString(" +→ ")
		} else {
			b.WriteString(" −→ ")
		}
		b.WriteString(short(s.chain[i+1]))
	}
	return b.String()
}

// data is the chain: after k updates, the prior and the natural
// frequencies of the next test among 1,000 people (expected, not rounded).
func (s *theoremView) data() lesson.Table {
	t := lesson.Table{Columns: []string{"updates", "prior", "true_pos", "false_neg", "false_pos", "true_neg", "evidence"}}
	for k, p := range s.chain {
		sens, fpr := s.test.Sensitivity, s.test.FPR
		t.Rows = append(t.Rows, []float64{float64(k), p,
			population * p * sens, population * p * (1 - sens),
			population * (1 - p) * fpr, population * (1 - p) * (1 - fpr),
			s.test.Evidence(p, true)})
	}
	return t
}
