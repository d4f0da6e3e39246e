package stats_test

import (
	"testing"

	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/stats"
)

// benchStates are typical and heavy moments of each view.
var benchStates = []struct{ name, state string }{
	{"fit_n30", ""},
	{"fit_gamma_n5000", "family=gamma&source=gamma&n=5000"},
	{"fit_beta_n5000", "family=beta&source=beta&n=5000"},
	{"sampling_n5", "view=sampling&n=5&reps=100000"},
	{"sampling_n5000", "view=sampling&n=5000&reps=100000"},
	{"mle_mu", "view=mle&estimate=mu&lr=0.01"},
}

func newLesson(b *testing.B, state string) (lesson.Lesson, *param.Values) {
	v := param.New(stats.Info.Params)
	if errs := v.Decode(state); len(errs) > 0 {
		b.Fatal(errs)
	}
	l := stats.Info.New()
	l.Reset(v)
	return l, v
}

// BenchmarkReset is what a change of a setting costs: the fit view fits
// all nine families (for AIC), the surface, the tests and KL.
func BenchmarkReset(b *testing.B) {
	for _, bs := range benchStates {
		b.Run(bs.name, func(b *testing.B) {
			l, v := newLesson(b, bs.state)
			for b.Loop() {
				l.Reset(v)
			}
		})
	}
}

// BenchmarkStep is one tick of play, after 600 ticks (the sampling view's
// batches at full size); the run starts again when it ends.
func BenchmarkStep(b *testing.B) {
	for _, bs := range benchStates[3:] {
		b.Run(bs.name, func(b *testing.B) {
			l, v := newLesson(b, bs.state)
			for range 600 {
				l.Step(v)
			}
			for b.Loop() {
				if !l.Step(v) {
					l.Reset(v)
				}
			}
		})
	}
}

// BenchmarkFigure builds the figure on a laptop-sized canvas, as the
// renderer asks for it every frame while playing.
func BenchmarkFigure(b *testing.B) {
	for _, bs := range benchStates {
		b.Run(bs.name, func(b *testing.B) {
			l, v := newLesson(b, bs.state)
			for range 600 {
				l.Step(v)
			}
			for b.Loop() {
				l.Figure(1100, 700)
			}
		})
	}
}
