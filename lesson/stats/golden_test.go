package stats_test

import (
	"testing"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
	"github.com/aimath/playground/lesson/stats"
)

// goldens are a typical moment of each view: the state, then steps.
var goldens = []struct {
	name, state string
	steps       int
}{
	{"fit", "", 0},
	{"fit_gamma", "family=gamma&n=200&reveal=1", 0},
	{"fit_poisson", "source=poisson&family=poisson&n=100&seed=3", 0},
	{"fit_bernoulli", "source=bernoulli&family=bernoulli&n=40", 0},
	{"fit_uniform", "source=uniform&family=uniform&n=50", 0},
	{"fit_refused", "source=normal&family=lognormal", 0},
	{"sampling", "view=sampling&n=5", 300},
	{"sampling_bernoulli", "view=sampling&source=bernoulli&n=10", 300},
	{"mle", "view=mle", 4},
	{"mle_mu", "view=mle&estimate=mu&start=-1&lr=0.3", 3},
	{"mle_sigma", "view=mle&estimate=sigma&start=0.4&lr=0.05", 6},
}

// TestGolden writes each view at 800×500 (run with -update after looking).
func TestGolden(t *testing.T) {
	for _, g := range goldens {
		r := lessontest.Open(t, stats.Info, g.state)
		for range g.steps {
			if err := r.Act(lesson.ActStep); err != nil {
				t.Fatal(err)
			}
		}
		f, err := r.Figure(800, 500)
		if err != nil {
			t.Fatal(err)
		}
		lessontest.Golden(t, g.name, f)
	}
}

// rasterKeys returns the keys of the figure's rasters.
func rasterKeys(t *testing.T, r *lesson.Runner) []string {
	t.Helper()
	f, err := r.Figure(800, 500)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, p := range f.Panels {
		for _, it := range p.Items {
			if ra, ok := it.(figure.Raster); ok {
				keys = append(keys, ra.Key)
			}
		}
	}
	return keys
}

// TestRasterKey: renderers cache rasters by key across lessons, so the
// log-likelihood surface's key depends on its values only: the same state
// opened twice has the same key, other data or another family another.
func TestRasterKey(t *testing.T) {
	a := rasterKeys(t, lessontest.Open(t, stats.Info, "family=gamma"))
	b := rasterKeys(t, lessontest.Open(t, stats.Info, "family=gamma"))
	c := rasterKeys(t, lessontest.Open(t, stats.Info, "family=gamma&seed=2"))
	d := rasterKeys(t, lessontest.Open(t, stats.Info, "family=normal"))
	if len(a) != 1 || len(b) != 1 || len(c) != 1 || len(d) != 1 {
		t.Fatalf("rasters: %v %v %v %v, want one each", a, b, c, d)
	}
	if a[0] != b[0] || a[0] == c[0] || a[0] == d[0] {
		t.Errorf("keys %s, %s (same state), %s (other seed), %s (other family)", a[0], b[0], c[0], d[0])
	}
	// Pointing at the surface (a probe) keeps the key.
	r := lessontest.Open(t, stats.Info, "family=gamma")
	r.Pointer(lesson.Pointer{Phase: lesson.Move, Panel: "surface", At: figure.Vec{X: 1, Y: 1}})
	if k := rasterKeys(t, r); k[0] != a[0] {
		t.Errorf("a probe changed the key to %s", k[0])
	}
}
