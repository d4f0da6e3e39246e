package gd_test

import (
	"testing"

	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/gd"
)

// benchStates are a typical moment of each mode, at the speed a student
// would race them.
var benchStates = []struct{ name, state string }{
	{"1d", "mode=1d&speed=10"},
	{"2d_rosenbrock", "mode=2d&preset2=rosenbrock&optimizers=gd,momentum,nesterov,rmsprop,adam&speed=10"},
	{"linreg_sgd", "mode=linreg&batch=5&speed=10"},
}

func newLesson(b *testing.B, state string) (lesson.Lesson, *param.Values) {
	v := param.New(gd.Info.Params)
	if errs := v.Decode(state); len(errs) > 0 {
		b.Fatal(errs)
	}
	l := gd.Info.New()
	l.Reset(v)
	return l, v
}

// BenchmarkFigure builds the figure of each mode on a laptop-sized canvas
// after 200 ticks of play, as the renderer asks for it every frame while
// playing (the contour map is cached, the trails are not).
func BenchmarkFigure(b *testing.B) {
	for _, bs := range benchStates {
		b.Run(bs.name, func(b *testing.B) {
			l, v := newLesson(b, bs.state)
			for range 200 {
				l.Step(v)
			}
			l.Figure(1100, 700)
			for b.Loop() {
				l.Figure(1100, 700)
			}
		})
	}
}

// BenchmarkStep is one tick of play (up to pace × speed / 60 updates);
// the run starts afresh whenever it stops.
func BenchmarkStep(b *testing.B) {
	for _, bs := range benchStates {
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
