package bayes

import "math"

// Test is a yes/no test for a condition D: its sensitivity P(+ | D) and
// its false-positive rate P(+ | ¬D).
type Test struct {
	Sensitivity float64
	FPR         float64
}

// Specificity is P(− | ¬D) = 1 − FPR.
func (t Test) Specificity() float64 { return 1 - t.FPR }

// Likelihoods returns P(result | D) and P(result | ¬D).
func (t Test) Likelihoods(positive bool) (given, givenNot float64) {
	if positive {
		return t.Sensitivity, t.FPR
	}
	return 1 - t.Sensitivity, 1 - t.FPR
}

// Evidence is the probability of the result, by the law of total
// probability: P(r) = P(r | D) P(D) + P(r | ¬D) P(¬D).
func (t Test) Evidence(prior float64, positive bool) float64 {
	l, l0 := t.Likelihoods(positive)
	return l*prior + l0*(1-prior)
}

// Posterior is P(D | result) = P(result | D) P(D) / P(result), NaN when
// the result cannot happen (P(result) = 0).
func (t Test) Posterior(prior float64, positive bool) float64 {
	l, _ := t.Likelihoods(positive)
	ev := t.Evidence(prior, positive)
	if ev == 0 {
		return math.NaN()
	}
	return l * prior / ev
}

// Chain applies results one after another, each posterior the next
// prior: out[0] is prior and out[k] is P(D | the first k results). It
// stops before the first result that cannot happen under the prior it
// would update, so out has one more entry than the results it used.
func (t Test) Chain(prior float64, results []bool) []float64 {
	out := make([]float64, 1, len(results)+1)
	out[0] = prior
	for _, r := range results {
		p := t.Posterior(out[len(out)-1], r)
		if math.IsNaN(p) {
			break
		}
		out = append(out, p)
	}
	return out
}
