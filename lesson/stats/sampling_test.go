package stats_test

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/stat"

	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
	"github.com/aimath/playground/lesson/stats"
)

// playAll plays until the view stops by itself.
func playAll(t *testing.T, r *lesson.Runner) {
	t.Helper()
	if err := r.Act(lesson.ActPlay); err != nil {
		t.Fatal(err)
	}
	for i := 0; r.Playing(); i++ {
		if i > 1e6 {
			t.Fatal("play does not stop")
		}
		r.Tick()
	}
}

// TestSamplingTheory checks the populations' μ and σ/√n against scipy:
// expon(scale=1).mean(), .std()/√n and so on, e.g.
// scipy.stats.lognorm(1).mean() = 1.6487212707001282,
// scipy.stats.lognorm(1).var() = 4.670774270471604,
// scipy.stats.beta(0.5, 0.5).var() = 0.125, gamma(2).var() = 2.
func TestSamplingTheory(t *testing.T) {
	for _, tc := range []struct {
		source   string
		n        float64
		mean, v2 float64
	}{
		{"exponential", 5, 1, 1},
		{"lognormal", 10, 1.6487212707001282, 4.670774270471604},
		{"beta", 2, 0.5, 0.125},
		{"gamma", 30, 2, 2},
		{"uniform", 12, 0.5, 1.0 / 12},
		{"bernoulli", 10, 0.2, 0.16},
		{"poisson", 3, 2, 2},
		{"laplace", 4, 0, 2},
		{"normal", 7, 0, 1},
	} {
		r := lessontest.Open(t, stats.Info, fmt.Sprintf("view=sampling&source=%s&n=%g", tc.source, tc.n))
		lessontest.CheckReadouts(t, tc.source, lessontest.Readouts(t, r), map[string]any{
			"theory_mean": tc.mean, "pop_var": tc.v2, "theory_sd": math.Sqrt(tc.v2 / tc.n),
			"samples": 0.0, "sample_mean_mean": "no_samples", "sample_mean_sd": "no_samples"}, 1e-12)
	}
	// The bootstrap of 1,2,2,3,7: np.mean(x) = 3, np.var(x) = 4.4,
	// np.sqrt(4.4/4) = 1.0488088481701516.
	r := lessontest.Open(t, stats.Info, "view=sampling&source=pasted&data=1,2,2,3,7&n=4")
	lessontest.CheckReadouts(t, "pasted", lessontest.Readouts(t, r), map[string]any{
		"theory_mean": 3.0, "pop_var": 4.4, "theory_sd": 1.0488088481701516}, 1e-12)
}

// TestSamplingReadouts plays 10000 samples and checks that the readouts
// are numpy's statistics of the exported samples (np.mean(means),
// np.std(means, ddof=1), np.mean(var_n), np.mean(var_n1)), that each
// row's variances are ss/n and ss/(n − 1), and that the numbers are near
// theory: the SD of the means near σ/√n, the mean of s²ₙ₋₁ near σ² and
// that of s²ₙ near (n − 1)σ²/n (within a few standard errors).
func TestSamplingReadouts(t *testing.T) {
	for _, tc := range []struct {
		state  string
		n      float64
		mu, v2 float64
	}{
		{"view=sampling&source=exponential&n=5", 5, 1, 1},
		{"view=sampling&source=bernoulli&n=10&seed=3", 10, 0.2, 0.16},
		{"view=sampling&source=uniform&n=2", 2, 0.5, 1.0 / 12},
		{"view=sampling&source=pasted&data=1,2,2,3,7&n=4", 4, 3, 4.4},
	} {
		r := lessontest.Open(t, stats.Info, tc.state)
		playAll(t, r)
		ro := lessontest.Readouts(t, r)
		d, _ := r.Data()
		if len(d.Rows) != 10000 || ro["samples"] != 10000.0 {
			t.Fatalf("%s: %d rows, samples = %v, want 10000", tc.state, len(d.Rows), ro["samples"])
		}
		means := make([]float64, len(d.Rows))
		vn := make([]float64, len(d.Rows))
		vn1 := make([]float64, len(d.Rows))
		for i, row := range d.Rows {
			means[i], vn[i], vn1[i] = row[0], row[1], row[2]
			if !scalar.EqualWithinAbsOrRel(row[2]*(tc.n-1), row[1]*tc.n, 1e-12, 1e-12) {
				t.Fatalf("%s: row %d: var_n1·(n−1) = %v, var_n·n = %v", tc.state, i, row[2]*(tc.n-1), row[1]*tc.n)
			}
		}
		lessontest.CheckReadouts(t, tc.state, ro, map[string]any{
			"sample_mean_mean": stat.Mean(means, nil),
			"sample_mean_sd":   stat.StdDev(means, nil), // divisor M − 1
			"var_n_mean":       stat.Mean(vn, nil),
			"var_n1_mean":      stat.Mean(vn1, nil),
			"last_mean":        means[len(means)-1],
		}, 1e-10)
		se := math.Sqrt(tc.v2 / tc.n)
		near := func(name string, got, want, tol float64) {
			if math.Abs(got-want) > tol {
				t.Errorf("%s: %s = %v, want %v ± %v", tc.state, name, got, want, tol)
			}
		}
		m := 10000.0
		near("sample_mean_mean", ro["sample_mean_mean"].(float64), tc.mu, 4*se/math.Sqrt(m))
		near("sample_mean_sd", ro["sample_mean_sd"].(float64), se, 0.05*se)
		near("var_n1_mean", ro["var_n1_mean"].(float64), tc.v2, 0.05*tc.v2)
		near("var_n_mean", ro["var_n_mean"].(float64), tc.v2*(tc.n-1)/tc.n, 0.05*tc.v2)
	}
}

// TestSamplingStep: "step" draws one sample; playing draws one a tick at
// first, then growing batches, never more than 10000 values a tick; play
// stops at reps.
func TestSamplingStep(t *testing.T) {
	r := lessontest.Open(t, stats.Info, "view=sampling&n=50&reps=5000")
	for i := 1; i <= 3; i++ {
		r.Act(lesson.ActStep)
		if got := lessontest.Readouts(t, r)["samples"]; got != float64(i) {
			t.Fatalf("after %d steps: samples = %v", i, got)
		}
	}
	r.Act(lesson.ActPlay)
	prev := 3.0
	for r.Playing() {
		r.Tick()
		got := lessontest.Readouts(t, r)["samples"].(float64)
		if d := got - prev; d < 1 && r.Playing() || d*50 > 10000 {
			t.Fatalf("a tick drew %v samples of 50 (from %v)", d, prev)
		}
		prev = got
	}
	if prev != 5000 {
		t.Errorf("play stopped at %v samples, want 5000", prev)
	}
	if err := r.Act(lesson.ActStep); err != nil || lessontest.Readouts(t, r)["samples"] != 5000.0 {
		t.Errorf("step after the end: %v, samples %v", err, lessontest.Readouts(t, r)["samples"])
	}
	// n = 1: no n − 1 variance, and no such column.
	r = lessontest.Open(t, stats.Info, "view=sampling&n=1")
	r.Act(lesson.ActStep)
	r.Act(lesson.ActStep)
	ro := lessontest.Readouts(t, r)
	if ro["var_n1_mean"] != "n_one" || ro["var_n_mean"] != 0.0 {
		t.Errorf("n = 1: var_n1_mean = %v, var_n_mean = %v, want n_one and 0", ro["var_n1_mean"], ro["var_n_mean"])
	}
	if d, _ := r.Data(); len(d.Columns) != 2 || len(d.Rows) != 2 {
		t.Errorf("n = 1: Data() = %v, %d rows", d.Columns, len(d.Rows))
	}
	// No data to draw from.
	r = lessontest.Open(t, stats.Info, "view=sampling&source=pasted")
	if err := r.Act(lesson.ActStep); err != nil || lessontest.Readouts(t, r)["status"] != "need_data" {
		t.Errorf("pasted without data: %v, %v", err, lessontest.Readouts(t, r))
	}
}
