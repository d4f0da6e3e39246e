package prob_test

import (
	"fmt"

	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/prob"
)

func readouts(r *lesson.Runner) map[string]any {
	ros, _ := r.Readouts()
	m := map[string]any{}
	for _, ro := range ros {
		m[ro.Name] = ro.Value
	}
	return m
}

// The course's Monte Carlo integral ∫₋₁¹ e^(−x²) dx = √π·erf(1): points
// thrown into the box [−1, 1] × [0, 1] (area 2), the share under the
// curve times 2. The standard error shrinks like 1/√n: ten times the
// points, about a third of the error.
func Example() {
	r := lesson.NewRunner([]lesson.Info{prob.Info})
	for _, n := range []int{10, 100, 1000, 10000, 100000} {
		if _, err := r.Open("prob", fmt.Sprintf("view=montecarlo&samples=%d&seed=1", n)); err != nil {
			fmt.Println(err)
			return
		}
		m := readouts(r)
		fmt.Printf("n = %6d: %.4f ± %.4f (exact %.4f)\n", n, m["estimate"], m["stderr"], m["exact"])
	}
	// Output:
	// n =     10: 1.6000 ± 0.2667 (exact 1.4936)
	// n =    100: 1.3600 ± 0.0938 (exact 1.4936)
	// n =   1000: 1.5300 ± 0.0268 (exact 1.4936)
	// n =  10000: 1.4992 ± 0.0087 (exact 1.4936)
	// n = 100000: 1.4950 ± 0.0027 (exact 1.4936)
}

// The standard normal distribution's moments and entropy ½ ln(2πe), and
// the first 1 000 of its samples.
func Example_normal() {
	r := lesson.NewRunner([]lesson.Info{prob.Info})
	if _, err := r.Open("prob", "view=dist&dist=normal&mu=0&sigma=1&samples=1000&seed=1"); err != nil {
		fmt.Println(err)
		return
	}
	m := readouts(r)
	fmt.Printf("mean %.4f, variance %.4f, skewness %.4f, entropy %.4f nats\n", m["mean"], m["var"], m["skew"], m["entropy"])
	fmt.Printf("sample mean %.4f, sample variance %.4f of n = %.0f\n", m["sample_mean"], m["sample_var"], m["drawn"])
	// Output:
	// mean 0.0000, variance 1.0000, skewness 0.0000, entropy 1.4189 nats
	// sample mean -0.0169, sample variance 1.0039 of n = 1000
}
