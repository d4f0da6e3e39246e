package stats

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

func newMLE(t *testing.T, state string) (*mleView, *param.Values) {
	t.Helper()
	v := param.New(Info.Params)
	if errs := v.Decode(state); len(errs) > 0 {
		t.Fatal(errs)
	}
	m := new(mleView)
	m.reset(v)
	return m, v
}

// TestMLEGradient checks (1/n)·dℓ/dθ against the central difference
// (ℓ(θ + h) − ℓ(θ − h))/2hn.
func TestMLEGradient(t *testing.T) {
	for _, tc := range []struct {
		state string
		at    []float64
	}{
		{"view=mle&estimate=p", []float64{0.05, 0.3, 0.5, 0.9}},
		{"view=mle&estimate=mu", []float64{-3, 0.5, 1.9, 7}},
		{"view=mle&estimate=sigma", []float64{0.2, 0.9, 1, 4}},
	} {
		m, _ := newMLE(t, tc.state)
		for _, th := range tc.at {
			const h = 1e-6
			fd := (m.ll(th+h) - m.ll(th-h)) / (2 * h * m.n)
			if got := m.grad(th); !scalar.EqualWithinAbsOrRel(got, fd, 1e-6, 1e-6) {
				t.Errorf("%s: grad(%v) = %v, finite difference %v", tc.state, th, got, fd)
			}
		}
	}
}

// TestMLEReadouts compares with scipy on the view's data (x from
// exportData): p̂ = x.mean(), ℓ(p̂) = bernoulli.logpmf(x, p̂).sum(),
// μ̂, σ̂ = norm.fit(x), ℓ = norm.logpdf(x, μ̂, σ̂).sum(); at the start
// θ₀ = 0.5: bernoulli.logpmf(x, 0.5).sum(), norm.logpdf(x, 0.5, σ̂).sum()
// and norm.logpdf(x, μ̂, 0.5).sum(), with the gradients
// p̂/0.5 − (1 − p̂)/0.5, (μ̂ − 0.5)/σ̂², −1/0.5 + σ̂²/0.5³.
func TestMLEReadouts(t *testing.T) {
	for _, tc := range []struct {
		state string
		want  map[string]any
	}{
		{"view=mle", map[string]any{"mle_1": 0.23333333333333334, "mle_2": nil, "loglik": -16.298183440107028,
			"lik_max": 8.351968869690631e-08, "ascent": 0.5, "ascent_loglik": -20.794415416798348, "grad": -1.0666666666666664,
			"iter": 0.0, "status": "running"}},
		{"view=mle&estimate=mu", map[string]any{"mle_1": 1.9020705442730734, "mle_2": 0.9567732674733455,
			"loglik": -41.242490925448315, "lik_max": 1.226348124216574e-18, "ascent_loglik": -73.45413746549472, "grad": 1.5316227214395548}},
		{"view=mle&estimate=sigma&n=12&seed=4", map[string]any{"mle_1": 2.3390824000095325, "mle_2": 1.0523909099036364,
			"loglik": -17.640037990314912, "lik_max": 2.1828748654466745e-08, "ascent_loglik": -29.290135285684013, "grad": 6.86021301798243}},
	} {
		r := NewRunnerForTest(t, tc.state)
		got := readouts(t, r)
		for k, w := range tc.want {
			switch w := w.(type) {
			case nil:
				if _, ok := got[k]; ok {
					t.Errorf("%s: readout %s = %v, want none", tc.state, k, got[k])
				}
			case float64:
				if g, ok := got[k].(float64); !ok || !scalar.EqualWithinAbsOrRel(g, w, 1e-12, 1e-12) {
					t.Errorf("%s: readout %s = %v, want %v", tc.state, k, got[k], w)
				}
			default:
				if got[k] != w {
					t.Errorf("%s: readout %s = %v, want %v", tc.state, k, got[k], w)
				}
			}
		}
	}
}

// TestMLEAscent plays gradient ascent to its end: with a small enough η
// it converges to the closed-form MLE; too large, it leaves the parameter
// space (p, σ) or diverges (μ); with all-zero data p̂ = 0 is on the
// boundary.
func TestMLEAscent(t *testing.T) {
	for _, tc := range []struct {
		state  string
		status string
	}{
		{"view=mle", stConverged},
		{"view=mle&start=0.95&lr=0.02", stConverged},
		{"view=mle&estimate=mu&lr=0.5&start=-5", stConverged},
		{"view=mle&estimate=sigma&lr=0.2&start=3", stConverged},
		{"view=mle&lr=1", stLeft},
		{"view=mle&estimate=mu&lr=3", stDiverged},
		// σ overshoots to ~100, where the slope is tiny: 2000 steps are not enough.
		{"view=mle&estimate=sigma&lr=3&start=0.3", stMaxIter},
		{"view=mle&lr=0.001", stMaxIter},
		{"view=mle&n=1&seed=1", stBoundary},
		{"view=mle&estimate=mu&n=1", stDegen},
	} {
		m, v := newMLE(t, tc.state)
		for i := 0; m.step(v) && i < 1e6; i++ {
		}
		if m.status != tc.status {
			t.Errorf("%s: status %s after %d steps (θ = %v), want %s", tc.state, m.status, len(m.path)-1, m.theta(), tc.status)
			continue
		}
		if tc.status == stConverged {
			// |g| < 1e-6 with curvature ℓ″/n of order 1 leaves θ within 1e-5.
			if d := math.Abs(m.theta() - m.hat()); d > 1e-5 {
				t.Errorf("%s: converged to %v, closed form %v", tc.state, m.theta(), m.hat())
			}
		}
	}
}

// TestMLEPointer drags the start along the log-likelihood: the start is
// written (snapped to 0.01, kept inside the parameter space) and the
// ascent begins again from it.
func TestMLEPointer(t *testing.T) {
	r := NewRunnerForTest(t, "view=mle")
	for range 5 {
		r.Act(lesson.ActStep)
	}
	for _, p := range []lesson.Pointer{
		{Phase: lesson.Down, Panel: panelLogLik, At: vec(0.7234, -20), Hit: handleTheta, Held: true},
		{Phase: lesson.Move, Panel: panelLogLik, At: vec(1.5, -20), Held: true},
	} {
		if err := r.Pointer(p); err != nil {
			t.Fatal(err)
		}
	}
	v, _ := r.Values()
	ro := readouts(t, r)
	if v.Float(pStart) != 0.99 || ro["iter"] != 0.0 || ro["ascent"] != 0.99 {
		t.Errorf("after dragging to p = 1.5: start %v, iter %v, ascent %v; want 0.99, 0, 0.99", v.Float(pStart), ro["iter"], ro["ascent"])
	}
	r.Pointer(lesson.Pointer{Phase: lesson.Up, Panel: panelLogLik, At: vec(0.4, -20)})
	r.Pointer(lesson.Pointer{Phase: lesson.Move, Panel: panelLogLik, At: vec(0.4, -20)})
	if v, _ := r.Values(); v.Float(pStart) != 0.99 {
		t.Errorf("hovering after the drag moved the start to %v", v.Float(pStart))
	}
	// A new η runs the ascent again from the start.
	r.Act(lesson.ActStep)
	r.Set(pLR, 0.2)
	if ro := readouts(t, r); ro["iter"] != 0.0 {
		t.Errorf("after a new η: iter = %v, want 0", ro["iter"])
	}
}

// TestMLEUnderflow: with 2000 normal values L(θ̂) is below the smallest
// float64; the readout says so with log L.
func TestMLEUnderflow(t *testing.T) {
	ro := readouts(t, NewRunnerForTest(t, "view=mle&estimate=mu&n=2000"))
	s, ok := ro["lik_max"].(string)
	if !ok || len(s) < 12 || s[:10] != "underflow{" {
		t.Errorf("lik_max = %v, want underflow{l=…}", ro["lik_max"])
	}
}
