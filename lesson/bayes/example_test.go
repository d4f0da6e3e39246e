package bayes_test

import (
	"fmt"

	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/bayes"
)

func show(r *lesson.Runner, names ...string) {
	ros, _ := r.Readouts()
	m := map[string]any{}
	for _, ro := range ros {
		m[ro.Name] = ro.Value
	}
	for _, n := range names {
		switch v := m[n].(type) {
		case float64:
			fmt.Printf("%-14s %.4f\n", n, v)
		default:
			fmt.Printf("%-14s %v\n", n, v)
		}
	}
}

// A test that finds 90 % of the ill, with 9 % false positives, for a
// condition 1 % of people have: a positive result means only a 9 %
// chance of being ill. A second positive, with that as the prior, makes
// it about 50 %.
func Example() {
	r := lesson.NewRunner([]lesson.Info{bayes.Info})
	if _, err := r.Open("bayes", "view=theorem&prevalence=0.01&sensitivity=0.9&fpr=0.09"); err != nil {
		fmt.Println(err)
		return
	}
	show(r, "prior", "evidence", "posterior", "posterior_neg")
	r.Act("test_again")
	fmt.Println("tested positive again:")
	show(r, "prior", "posterior", "updates", "chain")
	// Output:
	// prior          0.0100
	// evidence       0.0981
	// posterior      0.0917
	// posterior_neg  0.0011
	// tested positive again:
	// prior          0.0917
	// posterior      0.5025
	// updates        1.0000
	// chain          0.01 +→ 0.09174
}

// Ten flips of a coin whose true bias is 0.7 give 7 heads; from the flat
// prior Beta(1, 1) the posterior is Beta(8, 4).
func Example_coin() {
	r := lesson.NewRunner([]lesson.Info{bayes.Info})
	if _, err := r.Open("bayes", "view=beta&alpha=1&beta=1&true_p=0.7&seed=1&flips=10"); err != nil {
		fmt.Println(err)
		return
	}
	r.Act("flip_n")
	show(r, "heads", "tails", "post_alpha", "post_beta", "post_mean", "post_map", "ci_low", "ci_high", "mle")
	// Output:
	// heads          7.0000
	// tails          3.0000
	// post_alpha     8.0000
	// post_beta      4.0000
	// post_mean      0.6667
	// post_map       0.7000
	// ci_low         0.3903
	// ci_high        0.8907
	// mle            0.7000
}

// The kidney-stone study: A is better for small and for large stones,
// B looks better pooled; adjusted for stone size, A is better.
func Example_simpson() {
	r := lesson.NewRunner([]lesson.Info{bayes.Info})
	if _, err := r.Open("bayes", "view=confounding"); err != nil {
		fmt.Println(err)
		return
	}
	show(r, "rate_a_small", "rate_b_small", "rate_a_large", "rate_b_large", "naive_a", "naive_b", "adjusted_a", "adjusted_b", "paradox")
	// Output:
	// rate_a_small   0.9310
	// rate_b_small   0.8667
	// rate_a_large   0.7300
	// rate_b_large   0.6875
	// naive_a        0.7800
	// naive_b        0.8257
	// adjusted_a     0.8325
	// adjusted_b     0.7789
	// paradox        simpson{within=A,overall=B}
}
