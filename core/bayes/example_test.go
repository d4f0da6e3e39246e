package bayes_test

import (
	"fmt"

	"github.com/aimath/playground/core/bayes"
)

// A test with sensitivity 90 % and a false-positive rate of 9 % for a
// condition 1 % of people have, taken twice with positive results.
func ExampleTest_Chain() {
	t := bayes.Test{Sensitivity: 0.9, FPR: 0.09}
	fmt.Printf("P(+) = %.4f\n", t.Evidence(0.01, true))
	for k, p := range t.Chain(0.01, []bool{true, true}) {
		fmt.Printf("after %d positive tests: P(D) = %.4f\n", k, p)
	}
	// Output:
	// P(+) = 0.0981
	// after 0 positive tests: P(D) = 0.0100
	// after 1 positive tests: P(D) = 0.0917
	// after 2 positive tests: P(D) = 0.5025
}

// Seven heads in ten flips under a flat prior.
func ExampleInterval() {
	a, b := bayes.Update(1, 1, 7, 3)
	lo, hi := bayes.Interval(a, b, 0.95)
	mode, _ := bayes.Mode(a, b)
	fmt.Printf("Beta(%g, %g): mean %.4f, mode %.4f, 95 %% interval [%.4f, %.4f]\n", a, b, bayes.Mean(a, b), mode, lo, hi)
	// Output:
	// Beta(8, 4): mean 0.6667, mode 0.7000, 95 % interval [0.3903, 0.8907]
}

// The kidney-stone study (Charig et al. 1986): B looks better pooled, A
// is better for each stone size and after adjusting for it.
func ExampleStrata() {
	s := bayes.Strata{
		{{S: 81, N: 87}, {S: 192, N: 263}},
		{{S: 234, N: 270}, {S: 55, N: 80}},
	}
	for t, name := range []string{"A", "B"} {
		fmt.Printf("%s: small %.3f, large %.3f, pooled %.3f, adjusted %.3f\n",
			name, s.Rate(t, 0), s.Rate(t, 1), s.Naive(t), s.Adjusted(t))
	}
	// Output:
	// A: small 0.931, large 0.730, pooled 0.780, adjusted 0.833
	// B: small 0.867, large 0.688, pooled 0.826, adjusted 0.779
}
