package stats_test

import (
	"fmt"

	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/stats"
)

func readoutsOf(r *lesson.Runner) map[string]any {
	ros, _ := r.Readouts()
	m := map[string]any{}
	for _, ro := range ros {
		m[ro.Name] = ro.Value
	}
	return m
}

// Two hundred values from a hidden gamma distribution: the course's table
// suggests a gamma from their kind (all > 0). The normal fit loses by
// AIC by 31, and its KS p-value is small; the gamma fit is close to the
// truth, Γ(k = 2.6, θ = 0.7), by KL divergence. (scipy agrees: norm.fit,
// gamma.fit(floc=0), kstest and quad on the exported data.)
func Example() {
	r := lesson.NewRunner([]lesson.Info{stats.Info})
	if _, err := r.Open("stats", "source=gamma&seed=5&n=200&family=normal"); err != nil {
		fmt.Println(err)
		return
	}
	m := readoutsOf(r)
	fmt.Println("values:", m["support"], "→ suggested:", m["suggested"])
	for _, family := range []string{"normal", "gamma"} {
		r.Set("family", family)
		m = readoutsOf(r)
		fmt.Printf("%-6s θ̂ = (%.3f, %.3f)  ℓ = %.1f  AIC = %.1f  D = %.3f  p = %.4f  KL = %.4f\n",
			family, m["mle_1"], m["mle_2"], m["loglik"], m["aic"], m["ks_stat"], m["ks_p"], m["kl"])
	}
	fmt.Println("lowest AIC:", m["aic_best"])
	// Output:
	// values: positive → suggested: gamma
	// normal θ̂ = (1.748, 1.000)  ℓ = -283.7  AIC = 571.4  D = 0.091  p = 0.0690  KL = 0.1596
	// gamma  θ̂ = (2.740, 0.638)  ℓ = -268.0  AIC = 540.1  D = 0.046  p = 0.7758  KL = 0.0031
	// lowest AIC: gamma
}

// Means of samples of 5 values from the exponential distribution with
// λ = 1 (μ = σ = 1): their standard deviation comes out near
// σ/√5 = 0.447, and the sample variance averages to σ² = 1 only with the
// divisor n − 1; with n it averages to (n − 1)/n = 0.8.
func Example_sampling() {
	r := lesson.NewRunner([]lesson.Info{stats.Info})
	if _, err := r.Open("stats", "view=sampling&source=exponential&n=5&reps=20000"); err != nil {
		fmt.Println(err)
		return
	}
	r.Act(lesson.ActPlay)
	for r.Playing() {
		r.Tick()
	}
	m := readoutsOf(r)
	fmt.Printf("M = %.0f samples of n = 5\n", m["samples"])
	fmt.Printf("mean of x̄: %.3f   (μ = %.0f)\n", m["sample_mean_mean"], m["theory_mean"])
	fmt.Printf("SD of x̄:   %.3f   (σ/√n = %.3f)\n", m["sample_mean_sd"], m["theory_sd"])
	fmt.Printf("mean s²ₙ:   %.3f   mean s²ₙ₋₁: %.3f   (σ² = %.0f)\n", m["var_n_mean"], m["var_n1_mean"], m["pop_var"])
	// Output:
	// M = 20000 samples of n = 5
	// mean of x̄: 1.000   (μ = 1)
	// SD of x̄:   0.446   (σ/√n = 0.447)
	// mean s²ₙ:   0.808   mean s²ₙ₋₁: 1.010   (σ² = 1)
}
