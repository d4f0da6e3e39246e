package prob_test

import (
	"math"
	"testing"

	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
	"github.com/aimath/playground/lesson/prob"
)

// Reference values, computed with scipy 1.10.1 (/tmp/ref_prob_lesson.py
// and the expressions cited) on the lesson's own data where it has any:
// the loss view's points for seed 1 are
//
//	x = -2 + 4i/7, y = [-1.5642747178260257, -0.14862739185532003,
//	-0.47714593543921657, 0.4859818176937179, 0.97349280623175338,
//	0.96482893857221141, 1.966038054813537, 2.9130304165594492]
//
// and the classes 0, 0, 0, 0, 1, …, 2 at the x of its export.
func TestReadouts(t *testing.T) {
	for _, tc := range []struct {
		state string
		want  map[string]any
		tol   float64
	}{
		// stats.gamma(2, scale=1/5).stats('mvs'), .entropy()
		{"view=dist&dist=gamma&alpha=2&beta=5", map[string]any{
			"mean": 0.4, "var": 0.08, "skew": 1.414213562373095, "entropy": -0.03222224753256753, "drawn": 1000.0}, 1e-9},
		// stats.geom(0.3)
		{"view=dist&dist=geometric&p=0.3", map[string]any{
			"mean": 3.3333333333333335, "var": 7.777777777777779, "skew": 2.031888635868469, "entropy": 2.0362143401829433}, 1e-9},
		// stats.rv_discrete(values=(range(4), [0.1,0.2,0.3,0.4]))
		{"view=dist&dist=categorical&probs=1,2,3,4", map[string]any{
			"mean": 2.0, "var": 1.0, "skew": -0.6, "entropy": 1.2798542258336676}, 1e-9},
		// k = 4 equal categories: stats.randint(0, 4)
		{"view=dist&dist=categorical&k=4", map[string]any{"mean": 1.5, "var": 1.25, "skew": 0.0, "entropy": math.Log(4)}, 1e-12},
		// stats.t(1): no mean, no variance, no skewness
		{"view=dist&dist=t&nu=1", map[string]any{"mean": "undefined", "var": "undefined", "skew": "undefined"}, 0},
		// stats.t(2).var() = inf
		{"view=dist&dist=t&nu=2", map[string]any{"mean": 0.0, "var": "inf"}, 0},
		{"view=dist&dist=uniform&a=2&b=1", map[string]any{"note": "empty_interval{a=2,b=1}", "mean": nil}, 0},
		{"view=dist&samples=1", map[string]any{"sample_var": "undefined"}, 0},

		// stats.norm(1,2).expect(lambda x: x**2): 5, 48
		{"view=expect&dist=normal&mu=1&sigma=2&f=x%5E2", map[string]any{"exact": 5.0, "exact_var": 48.0, "note": nil}, 1e-9},
		// stats.lognorm(0.5, scale=np.exp(1)).expect(np.sqrt) = exp(1/2 + 0.5²/8)
		{"view=expect&dist=lognormal&mu=1&sigma=0.5&f=sqrt(x)", map[string]any{"exact": 1.7010573018484005}, 1e-9},
		// sum(np.exp(-k)*stats.poisson(3).pmf(k)) = exp(3(e⁻¹ − 1))
		{"view=expect&dist=poisson&lambda=3&f=exp(-x)", map[string]any{"exact": 0.15011378939830683}, 1e-12},
		{"view=expect&dist=normal&f=ln(x)", map[string]any{"exact": "undefined", "note": "f_undefined"}, 0},
		{"view=expect&dist=t&nu=1&f=x", map[string]any{"note": "diverges"}, 0},

		// np.sqrt(np.pi)*special.erf(1)
		{"view=montecarlo", map[string]any{"exact": 1.4936482656248538, "area": 2.0, "drawn": 1000.0}, 1e-12},
		{"view=montecarlo&integral=pi", map[string]any{"exact": math.Pi, "area": 4.0}, 1e-15},
		// np.cos(-1)-np.cos(3)
		{"view=montecarlo&integral=f&f=sin(x)&a=-1&b=3", map[string]any{"exact": 1.530294802468585}, 1e-12},
		// integrate.quad(lambda x: x*np.exp(-x), 0, 3) = 1 − 4e⁻³
		{"view=montecarlo&integral=f&f=x*exp(-x)&a=0&b=3", map[string]any{"exact": 0.8008517265285442}, 1e-12},
		{"view=montecarlo&integral=f&f=1/x&a=-1&b=1", map[string]any{"note": "int_diverges", "estimate": "undefined"}, 0},
		{"view=montecarlo&integral=f&f=1/sqrt(x)&a=0&b=1", map[string]any{"note": "f_unbounded", "exact": 2.0}, 1e-12},
		{"view=montecarlo&integral=f&a=1&b=1", map[string]any{"note": "empty_interval{a=1,b=1}"}, 0},

		// stats.multivariate_normal with ρ = 0.6 conditioned on x = 1:
		// N(0.6, 0.64); −½ ln(1 − ρ²); stats.norm.pdf(1)
		{"view=joint", map[string]any{"x": 1.0, "p_x": 0.24197072451914337, "cond_mean": 0.6, "cond_var": 0.64,
			"corr": 0.6, "mi": 0.22314355131420974, "independence": "dependent"}, 1e-12},
		{"view=joint&rho=0", map[string]any{"cond_mean": 0.0, "cond_var": 1.0, "mi": 0.0, "independence": "independent"}, 1e-15},
		// P = T/T.sum() for T = [[4,2,1],[2,8,2],[1,2,6]] (ref_prob_lesson.py)
		{"view=joint&joint=table", map[string]any{"x": 1.0, "p_x": 0.4285714285714285, "cond_mean": 1.0,
			"cond_var": 0.33333333333333337, "corr": 0.49549549549549554, "mi": 0.19098665174762547, "independence": "dependent"}, 1e-12},
		{"view=joint&joint=table&table=1,2%3B2,4&slice=0", map[string]any{"x": 0.0, "mi": 0.0, "independence": "independent"}, 1e-12},
		{"view=joint&joint=table&table=0,0%3B0,0", map[string]any{"note": "table_zero", "independence": "independent"}, 0},

		// np.mean((y − 0.5x)²), −np.mean(stats.norm.logpdf(y, 0.5x, 1)),
		// stats.linregress(x, y), −np.mean(log_softmax(−(x − m)²)[class])
		{"view=loss", map[string]any{"mse": 0.9050337793671333, "gauss_nll": 1.3714554228882392,
			"gauss_const": 0.9189385332046727, "best_slope": 0.9734978913461443, "best_intercept": 0.6391654985937635,
			"ce": 0.29821387056265053, "cat_nll": 0.29821387056265053, "likelihood": 0.027915688210042755}, 1e-12},
		{"view=loss&sigma=0.5&slope=1.2&intercept=0.4&centers=-2,0,2&scale=2", map[string]any{"mse": 0.2573064412613761,
			"gauss_nll": 0.7404042351674794, "gauss_const": 0.22579135264472738, "ce": 0.05273852891252834}, 1e-12},
	} {
		r := lessontest.Open(t, prob.Info, tc.state)
		lessontest.CheckReadouts(t, tc.state, lessontest.Readouts(t, r), tc.want, tc.tol)
	}
}

// TestLossIdentities: the Gaussian NLL is the MSE scaled plus the
// constant, and the cross-entropy is the categorical NLL, for any line,
// noise, centres and sharpness.
func TestLossIdentities(t *testing.T) {
	for _, state := range []string{
		"view=loss", "view=loss&sigma=0.2&slope=-3&intercept=4", "view=loss&sigma=5&centers=3,-3,0&scale=10",
		"view=loss&seed=7&scale=0.1",
	} {
		r := lessontest.Open(t, prob.Info, state)
		ro := lessontest.Readouts(t, r)
		sigma := lessontest.Values(t, r).Float("sigma")
		want := ro["mse"].(float64)/(2*sigma*sigma) + ro["gauss_const"].(float64)
		lessontest.CheckReadouts(t, state, ro, map[string]any{"gauss_nll": want, "cat_nll": ro["ce"]}, 1e-12)
	}
}

// TestSamplesConverge: with 100 000 samples the sample mean and variance
// are within 5 standard errors of the exact ones, and the Monte Carlo
// estimates within 5 of their standard errors of the exact values.
func TestSamplesConverge(t *testing.T) {
	for _, state := range []string{
		"view=dist&dist=normal&mu=1&sigma=2", "view=dist&dist=poisson&lambda=7", "view=dist&dist=beta&alpha=0.5&beta=0.5",
		"view=dist&dist=binomial&n=40&p=0.2", "view=dist&dist=laplace&mu=-1&sigma=0.5",
	} {
		ro := lessontest.Readouts(t, lessontest.Open(t, prob.Info, state+"&samples=100000&seed=3"))
		m, v := ro["mean"].(float64), ro["var"].(float64)
		if got := ro["sample_mean"].(float64); math.Abs(got-m) > 5*math.Sqrt(v/1e5) {
			t.Errorf("%s: sample mean %v, want %v ± %v", state, got, m, 5*math.Sqrt(v/1e5))
		}
		if got := ro["sample_var"].(float64); math.Abs(got-v) > 0.03*v {
			t.Errorf("%s: sample variance %v, want %v within 3%%", state, got, v)
		}
	}
	for _, state := range []string{
		"view=expect&dist=exponential&lambda=2&f=x%5E2", "view=montecarlo", "view=montecarlo&integral=pi",
		"view=montecarlo&integral=f&f=sin(x)&a=-1&b=3",
	} {
		ro := lessontest.Readouts(t, lessontest.Open(t, prob.Info, state+"&samples=100000"))
		est, se, exact := ro["estimate"].(float64), ro["stderr"].(float64), ro["exact"].(float64)
		if math.Abs(est-exact) > 5*se || se <= 0 {
			t.Errorf("%s: estimate %v ± %v, exact %v", state, est, se, exact)
		}
	}
}

// TestPlayReveals: play starts over from none, reveals ever more samples
// per tick, and stops with all shown, where the readouts are those of the
// reset; step reveals exactly one.
func TestPlayReveals(t *testing.T) {
	for _, view := range []string{"dist", "expect", "montecarlo"} {
		r := lessontest.Open(t, prob.Info, "view="+view+"&samples=2000")
		full := lessontest.Readouts(t, r)
		if err := r.Act(lesson.ActStep); err != nil {
			t.Fatal(err)
		}
		if got := lessontest.Readouts(t, r)["drawn"]; got != 1.0 {
			t.Errorf("%s: after one step drawn = %v, want 1", view, got)
		}
		r.Act(lesson.ActStep)
		if got := lessontest.Readouts(t, r)["drawn"]; got != 2.0 {
			t.Errorf("%s: after two steps drawn = %v, want 2", view, got)
		}
		r.Act(lesson.ActPlay)
		ticks, prev := 0, 2.0
		for r.Playing() {
			r.Tick()
			ticks++
			n := lessontest.Readouts(t, r)["drawn"].(float64)
			if n < prev {
				t.Fatalf("%s: drawn went from %v to %v", view, prev, n)
			}
			prev = n
		}
		// 2 000 samples: 6 ticks a sample for the first 7 (42 ticks), then
		// growing by 1/40 a tick: ln(2000/7)·40 ≈ 226 ticks more.
		if ticks < 200 || ticks > 500 {
			t.Errorf("%s: play took %d ticks, want about 6 seconds", view, ticks)
		}
		lessontest.CheckReadouts(t, view, lessontest.Readouts(t, r), full, 1e-9)
	}
}

// TestStrangeStates sets states at the ends of the ranges; no
// readout may be NaN, figures are checked by lessontest.
func TestStrangeStates(t *testing.T) {
	for _, state := range []string{
		"view=dist&dist=beta&alpha=0.1&beta=0.1", "view=dist&dist=lognormal&mu=5&sigma=5", "view=dist&dist=t&nu=0.5",
		"view=dist&dist=gamma&alpha=0.1&beta=20", "view=dist&dist=poisson&lambda=30", "view=dist&dist=geometric&p=0.01",
		"view=dist&dist=binomial&n=100&p=0.99", "view=dist&dist=bernoulli&p=0.99&samples=1",
		"view=expect&dist=t&nu=0.5&f=abs(x)", "view=expect&dist=beta&alpha=0.1&beta=0.1&f=1/x",
		"view=expect&dist=geometric&p=0.01&f=exp(x)", "view=expect&dist=uniform&a=-1&b=1&f=sqrt(x)",
		"view=montecarlo&integral=f&f=exp(x)&a=-10&b=10", "view=montecarlo&integral=f&f=0&a=0&b=1",
		"view=montecarlo&integral=f&f=ln(x)&a=0&b=1", "view=joint&rho=0.99&slice=4", "view=joint&rho=-0.99&slice=-4",
		"view=loss&sigma=0.1&slope=5&intercept=5&scale=10&centers=4,4,4",
	} {
		r := lessontest.Open(t, prob.Info, state)
		for name, v := range lessontest.Readouts(t, r) {
			if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
				t.Errorf("%s: readout %s = %v", state, name, f)
			}
		}
		for _, sz := range lessontest.Sizes {
			if _, err := r.Figure(sz[0], sz[1]); err != nil {
				t.Errorf("%s: Figure(%v): %v", state, sz, err)
			}
		}
	}
}
