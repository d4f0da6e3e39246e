package stats_test

import (
	"math"
	"strings"
	"testing"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
	"github.com/aimath/playground/lesson/stats"
)

// fitRefs are scipy 1.10's numbers for the data each state draws. With x
// the data (np.array of exportData's column x) and the fitted q:
//
//	normal: m, s = norm.fit(x); q = norm(m, s)          mle_1, mle_2 = m, s
//	laplace: m, b = laplace.fit(x)                      mle_1, mle_2 = m, b
//	gamma: a, _, sc = gamma.fit(x, floc=0)              mle_1, mle_2 = a, sc
//	lognormal: s, _, sc = lognorm.fit(x, floc=0)        mle_1, mle_2 = log(sc), s
//	beta: a, b, _, _ = beta.fit(x, floc=0, fscale=1)    mle_1, mle_2 = a, b (fsolve's tolerance: 3e-11 off)
//	exponential: _, sc = expon.fit(x, floc=0)           mle_1 = 1/sc
//	uniform: lo, sc = uniform.fit(x)                    mle_1, mle_2 = lo, lo + sc
//	poisson, bernoulli: x.mean()
//	loglik = q.logpdf(x).sum() (logpmf), aic = 2k − 2·loglik,
//	ks_stat, ks_p = scipy.stats.kstest(x, q.cdf),
//	kl = scipy.integrate.quad(lambda t: p.pdf(t)*(p.logpdf(t) - q.logpdf(t)), lo, hi,
//	                          epsabs=1e-14, epsrel=1e-12) over the truth p's support
//	     (cut to [−60, 200]; discrete: scipy.stats.entropy(p.pmf(k), q.pmf(k)), k < 300),
//	chi2 = scipy.stats.chisquare(obs, exp, ddof=1) over core/fit.Cells' cells.
//
// The truth (second column, family and parameters) is what reveal=1
// shows. The KL of the log-normal pair is in TestFitKLClosedForm.
var fitRefs = []struct {
	state, truth string
	want         map[string]any
}{
	{"source=bernoulli&family=bernoulli&n=40&seed=1", "bernoulli 0.35", map[string]any{"mle_1": 0.275, "loglik": -23.52675109416763, "aic": 49.05350218833526, "ks_stat": 0.725, "ks_p": 6.540961924127178e-22, "kl": 0.013427180108665976, "chi2_stat": 0.0, "chi2_df": 0.0, "chi2_p": "no_df"}},
	{"source=beta&family=beta&n=300&seed=2", "beta 1.4 2.9", map[string]any{"mle_1": 1.4197744202826508, "mle_2": 2.7676176071377, "loglik": 73.71410515783563, "aic": -143.42821031567127, "ks_stat": 0.024083211115544012, "ks_p": 0.993387598624508, "kl": 0.00219099793765831}},
	{"source=exponential&family=exponential&n=50&seed=9", "exponential 1.4", map[string]any{"mle_1": 1.6098841843779026, "loglik": -26.191887938004566, "aic": 54.38377587600913, "ks_stat": 0.06615090188093475, "ks_p": 0.9707103364259823, "kl": 0.010227269936948958}},
	{"source=exponential&family=gamma&n=30&seed=1", "exponential 1.2", map[string]any{"mle_1": 1.6929855408622951, "mle_2": 0.36245557203703643, "loglik": -13.206800490730906, "aic": 30.413600981461812, "ks_stat": 0.17699841228162028, "ks_p": 0.27075407271018614, "kl": 0.19241914171863037}},
	{"source=exponential&family=normal&n=30&seed=1", "exponential 1.2", map[string]any{"mle_1": 0.6136320426636747, "mle_2": 0.4125817863318283, "loglik": -16.00853130719204, "aic": 36.01706261438408, "ks_stat": 0.10566945782386772, "ks_p": 0.8564762296352075, "kl": 1.3975184738969466}},
	{"source=gamma&family=gamma&n=200&seed=5", "gamma 2.6 0.7", map[string]any{"mle_1": 2.740392575928052, "mle_2": 0.6377837731005588, "loglik": -268.025279451012, "aic": 540.050558902024, "ks_stat": 0.04589201633807166, "ks_p": 0.7758238393110626, "kl": 0.003067177556387362}},
	{"source=lognormal&family=lognormal&n=80&seed=4", "lognormal 0.7 0.7", map[string]any{"mle_1": 0.7656445580523441, "mle_2": 0.725131223499252, "loglik": -149.05443589451266, "aic": 302.10887178902533, "ks_stat": 0.06840705012132553, "ks_p": 0.8233159788548821}},
	{"source=mystery&family=normal&n=100&seed=12", "gamma 6.6 0.9", map[string]any{"mle_1": 5.77984462878444, "mle_2": 2.2193476333194138, "loglik": -221.61518270387552, "aic": 447.23036540775104, "ks_stat": 0.0833602820198251, "ks_p": 0.4656985233512275, "kl": 0.056780395201044526}},
	{"source=normal&family=laplace&n=60&seed=6", "normal 2.1 1.5", map[string]any{"mle_1": 2.483300981536622, "mle_2": 1.2719562000570386, "loglik": -116.02219265805553, "aic": 236.04438531611106, "ks_stat": 0.0919624893235976, "ks_p": 0.6565072330646564, "kl": 0.08078787069337488}},
	{"source=normal&family=normal&n=5000&seed=7", "normal -0.1 2.1", map[string]any{"mle_1": -0.09058802654753961, "mle_2": 2.0660517910826015, "loglik": -10722.889859378593, "aic": 21449.779718757185, "ks_stat": 0.010698382130675088, "ks_p": 0.6123188931362901, "kl": 0.000278907920909867}},
	{"source=poisson&family=poisson&n=100&seed=3", "poisson 6.9", map[string]any{"mle_1": 7.1, "loglik": -235.79302787832557, "aic": 473.58605575665115, "ks_stat": 0.18381707936719882, "ks_p": 0.0019799705026147234, "kl": 0.0028437301360134757, "chi2_stat": 3.459987397729212, "chi2_df": 7.0, "chi2_p": 0.8394452267509758}},
	{"source=uniform&family=uniform&n=25&seed=8", "uniform 1.5 4.6", map[string]any{"mle_1": 1.8639782821733757, "mle_2": 4.591620307878959, "loglik": -25.08593772805341, "aic": 54.17187545610682, "ks_stat": 0.1950511391727594, "ks_p": 0.26156418934932546, "kl": "inf"}},
}

func TestFitReadouts(t *testing.T) {
	for _, tc := range fitRefs {
		r := lessontest.Open(t, stats.Info, tc.state+"&reveal=1")
		got := lessontest.Readouts(t, r)
		want := map[string]any{}
		for k, v := range tc.want {
			want[k] = v
		}
		// quad's own error is about 1e-9 relative; the rest agree to rounding.
		kl, hasKL := want["kl"].(float64)
		delete(want, "kl")
		lessontest.CheckReadouts(t, tc.state, got, want, 1e-9)
		if hasKL {
			lessontest.CheckReadouts(t, tc.state, got, map[string]any{"kl": kl}, 1e-8)
		}
		parts := strings.Fields(tc.truth)
		if got["true_1"] == nil {
			t.Errorf("%s: no true_1 readout with reveal=1", tc.state)
		}
		if strings.Contains(tc.state, "mystery") && got["true_family"] != parts[0] {
			t.Errorf("%s: true_family = %v, want %s", tc.state, got["true_family"], parts[0])
		}
	}
}

// TestFitKLClosedForm: KL between log-normals is KL between the normals of
// their logarithms, log(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/2σ₂² − ½, with the
// truth LN(0.7, 0.7) and the fit above: 0.005313032573004861 (numpy).
func TestFitKLClosedForm(t *testing.T) {
	r := lessontest.Open(t, stats.Info, "source=lognormal&family=lognormal&n=80&seed=4&reveal=1")
	lessontest.CheckReadouts(t, "lognormal", lessontest.Readouts(t, r), map[string]any{
		"true_1": 0.7, "true_2": 0.7, "kl": 0.005313032573004861}, 1e-10)
}

// TestFitPasted fits the pasted data set of core/fit's tests ("real":
// np.round(np.random.default_rng(7).normal(1.5, 2.0, 15), 3)), with
// scipy's norm.fit, laplace.fit and kstest as references.
func TestFitPasted(t *testing.T) {
	const data = "1.502, 2.097, 0.952, -0.281, 0.591, -0.483, 1.62, 4.18, 0.516, 0.259, 2.48, 2.214, 1.711, -0.361, 1.441"
	for _, tc := range []struct {
		family string
		want   map[string]any
	}{
		{"normal", map[string]any{"count": 15.0, "mle_1": 1.2291999999999998, "mle_2": 1.215837554938981,
			"loglik": -24.215575772046197, "aic": 52.431151544092394, "ks_stat": 0.10247954539400128, "ks_p": 0.99263147202013,
			"kl": "unknown", "support": "real", "suggested": "normal", "aic_best": "uniform", "true_1": nil}},
		{"laplace", map[string]any{"mle_1": 1.441, "mle_2": 0.9740666666666667, "loglik": -25.003074737215236,
			"ks_stat": 0.19107446673517456, "ks_p": 0.5790411669418625}},
		{"gamma", map[string]any{"status": "needs_positive{x=−0.483}", "mle_1": nil, "ks_stat": nil, "kl": nil}},
	} {
		r := lessontest.Open(t, stats.Info, "source=pasted&reveal=1&family="+tc.family+"&data="+strings.ReplaceAll(data, " ", "%20"))
		lessontest.CheckReadouts(t, tc.family, lessontest.Readouts(t, r), tc.want, 1e-12)
	}
}

// TestFitStatus checks the refusals and the other message keys.
func TestFitStatus(t *testing.T) {
	for _, tc := range []struct {
		state string
		want  map[string]any
	}{
		{"source=pasted", map[string]any{"status": "need_data", "count": 0.0, "suggested": nil, "aic_best": nil}},
		{"source=pasted&data=3,3,3&family=normal", map[string]any{"status": "degenerate", "mle_1": nil}},
		{"source=pasted&data=0,1,1,0,2&family=bernoulli", map[string]any{"status": "needs_binary{x=2}", "support": "counts", "suggested": "poisson"}},
		{"source=pasted&data=0,1.5&family=poisson", map[string]any{"status": "needs_counts{x=1.5}", "support": "nonnegative", "suggested": "exponential"}},
		{"source=pasted&data=0.2,1&family=beta", map[string]any{"status": "needs_unit{x=1}"}},
		{"source=pasted&data=-1,2&family=exponential", map[string]any{"status": "needs_nonnegative{x=−1}"}},
		{"source=pasted&data=0.2,0.7,0.4&family=beta", map[string]any{"status": nil, "support": "unit", "suggested": "beta"}},
		// Continuous families on counts: no ΔAIC against the best discrete one.
		{"source=poisson&family=normal", map[string]any{"aic_best": "poisson", "delta_aic": nil, "chi2_stat": nil, "kl": "mixed"}},
		{"source=poisson&family=poisson&n=5", map[string]any{"chi2_p": "no_df"}},
	} {
		r := lessontest.Open(t, stats.Info, tc.state)
		lessontest.CheckReadouts(t, tc.state, lessontest.Readouts(t, r), tc.want, 1e-12)
	}
}

// TestParseData checks the data parameter's validation.
func TestParseData(t *testing.T) {
	r := lessontest.Open(t, stats.Info, "")
	for i, tc := range []struct {
		in    string
		count float64
		err   string
	}{
		{"1, 2;3 4", 4, ""},
		{"x 1.5 2.5", 2, ""},
		{"1e3,-2.5e-1", 2, ""},
		{"1, two, 3", 0, `value 2: "two" is not a number`},
		{"1, NaN", 0, "not a number"},
		{"1, Inf", 0, "not a number"},
		{"1e13", 0, "too large"},
		{strings.Repeat("1,", 5001), 0, "at most 5000"},
	} {
		_, _, err := r.Set("data", tc.in)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%d: Set(data, %q) error %v", i, tc.in, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%d: Set(data, %q) error %v, want %q", i, tc.in, err, tc.err)
		case tc.err == "":
			ro := lessontest.Readouts(t, r)
			if ro["count"] != tc.count {
				t.Errorf("%d: Set(data, %q): count = %v, want %v", i, tc.in, ro["count"], tc.count)
			}
			if v := lessontest.Values(t, r); v.String("source") != "pasted" {
				t.Errorf("%d: Set(data, %q) left source = %s, want pasted", i, tc.in, v.String("source"))
			}
		}
	}
}

// TestFitProbe points at the log-likelihood: the readouts give that
// member's parameters and ℓ, which is below the maximum, and pointing
// elsewhere takes them away.
func TestFitProbe(t *testing.T) {
	for _, state := range []string{"family=normal", "source=poisson&family=poisson"} {
		r := lessontest.Open(t, stats.Info, state)
		f, _ := r.Figure(800, 500)
		var w figure.Rect
		for _, p := range f.Panels {
			if p.ID == "surface" {
				w = p.View().World
			}
		}
		at := figure.Vec{X: w.X0 + 0.3*w.W(), Y: w.Y0 + 0.7*w.H()}
		if err := r.Pointer(lesson.Pointer{Phase: lesson.Move, Panel: "surface", At: at}); err != nil {
			t.Fatal(err)
		}
		ro := lessontest.Readouts(t, r)
		p1, _ := ro["probe_1"].(float64)
		pl, _ := ro["probe_loglik"].(float64)
		ll, _ := ro["loglik"].(float64)
		if math.Abs(p1-at.X) > 1e-12 || !(pl < ll) {
			t.Errorf("%s: probe at %v: probe_1 = %v, probe_loglik = %v (max %v)", state, at, ro["probe_1"], ro["probe_loglik"], ll)
		}
		r.Pointer(lesson.Pointer{Phase: lesson.Move, Panel: "hist", At: at})
		if ro := lessontest.Readouts(t, r); ro["probe_1"] != nil {
			t.Errorf("%s: probe_1 = %v after leaving the surface", state, ro["probe_1"])
		}
	}
}

// TestFitData: exportData is the data set, as many rows as n.
func TestFitData(t *testing.T) {
	r := lessontest.Open(t, stats.Info, "n=123")
	d, _ := r.Data()
	if len(d.Columns) != 1 || d.Columns[0] != "x" || len(d.Rows) != 123 {
		t.Errorf("Data() = %v columns, %d rows, want [x], 123", d.Columns, len(d.Rows))
	}
}
