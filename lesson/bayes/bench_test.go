package bayes_test

import (
	"testing"

	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/bayes"
)

// benchStates are a typical moment of each view.
var benchStates = []struct{ name, state string }{
	{"theorem", "history=ppn"},
	{"beta_100", "view=beta&flipped=100&show_truth=1"},
	{"beta_10000", "view=beta&flipped=9000&show_truth=1"},
	{"confounding", "view=confounding"},
}

func newLesson(b *testing.B, state string) (lesson.Lesson, *param.Values) {
	v := param.New(bayes.Info.Params)
	if errs := v.Decode(state); len(errs) > 0 {
		b.Fatal(errs)
	}
	l := bayes.Info.New()
	l.Reset(v)
	return l, v
}

// BenchmarkFigure builds each view's figure on a laptop-sized canvas, as
// the renderer does after every change (and every tick while playing).
func BenchmarkFigure(b *testing.B) {
	for _, bs := range benchStates {
		b.Run(bs.name, func(b *testing.B) {
			l, _ := newLesson(b, bs.state)
			for b.Loop() {
				l.Figure(1100, 700)
			}
		})
	}
}

// BenchmarkStep is one tick of play in the beta view, on average: one in
// 18 flips a coin (see BenchmarkTune for that tick alone).
func BenchmarkStep(b *testing.B) {
	for _, bs := range benchStates[1:3] {
		b.Run(bs.name, func(b *testing.B) {
			l, v := newLesson(b, bs.state)
			for b.Loop() {
				if !l.Step(v) {
					l.Reset(v)
				}
			}
		})
	}
}

// BenchmarkTune is a slider dragged in each view, a new value every
// time: every change recomputes the view (in the beta view the whole
// trajectory, which a flip during play extends instead).
func BenchmarkTune(b *testing.B) {
	for _, tc := range []struct {
		name, state, param string
		a, b               float64
	}{
		{"theorem", "history=ppn", "prevalence", 0.01, 0.02},
		{"beta_10000", "view=beta&flipped=9000", "alpha", 1, 2},
		{"confounding", "view=confounding", "a_small_s", 81, 82},
	} {
		b.Run(tc.name, func(b *testing.B) {
			l, v := newLesson(b, tc.state)
			i := 0
			for b.Loop() {
				x := tc.a
				if i%2 == 1 {
					x = tc.b
				}
				i++
				v.Set(tc.param, x)
				l.Tune(tc.param, v)
			}
		})
	}
}

// BenchmarkFlip is the tick of play that flips a coin.
func BenchmarkFlip(b *testing.B) {
	for _, bs := range benchStates[1:3] {
		b.Run(bs.name, func(b *testing.B) {
			l, v := newLesson(b, bs.state)
			start := v.Int("flipped")
			for b.Loop() {
				if v.Int("flipped") >= start+300 {
					v.Set("flipped", float64(start))
					l.Tune("flipped", v)
				}
				l.(lesson.UnitStepper).StepUnit(v)
			}
		})
	}
}
