package rnn_test

import (
	"fmt"

	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/rnn"
)

// A student's tour: the vanishing gradient of one linear unit, then a
// net trained on a noisy sine next to an AR(4) model.
func Example() {
	r := lesson.NewRunner([]lesson.Info{rnn.Info})
	show := func(names ...string) {
		ros, _ := r.Readouts()
		for _, n := range names {
			for _, ro := range ros {
				if ro.Name == n {
					fmt.Printf("  %s = %.4g\n", n, ro.Value)
				}
			}
		}
	}

	// One linear unit, W_h = ρ = 0.9, T = 30: the gradient reaching h_1 is
	// 0.9^29 of the one at h_30.
	r.Open("rnn", "view=gradients&hidden=1&activation=linear&rho=0.9")
	fmt.Println("one linear unit, ρ = 0.9:")
	show("grad_ratio", "rho_pow")
	r.Set("rho", 1.1)
	fmt.Println("ρ = 1.1:")
	show("grad_ratio")

	// 2000 steps of SGD with clipping on a noisy sine.
	r.Open("rnn", "view=train")
	for range 2000 {
		r.Act(lesson.ActStep)
	}
	fmt.Println("trained on the sine:")
	show("epoch", "loss", "ar_loss", "gen_loss", "ar_gen_loss")
	// Output:
	// one linear unit, ρ = 0.9:
	//   grad_ratio = 0.0471
	//   rho_pow = 0.0471
	// ρ = 1.1:
	//   grad_ratio = 15.86
	// trained on the sine:
	//   epoch = 2000
	//   loss = 0.008366
	//   ar_loss = 0.0102
	//   gen_loss = 0.01896
	//   ar_gen_loss = 0.02393
}
