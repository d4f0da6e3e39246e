package prob_test

import (
	"testing"

	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/prob"
)

// benchStates are the heaviest moment of each view: 100 000 samples or
// points, and the editable joint distributions.
var benchStates = []struct{ name, state string }{
	{"dist_normal", "view=dist&samples=100000"},
	{"dist_binomial", "view=dist&dist=binomial&n=100&samples=100000"},
	{"expect", "view=expect&dist=gamma&f=sin(x)%5E2&samples=100000"},
	{"montecarlo", "view=montecarlo&samples=100000"},
	{"joint", "view=joint"},
	{"joint_table", "view=joint&joint=table&table=1,2,3,4,5%3B5,4,3,2,1%3B1,1,1,1,1%3B2,2,2,2,2%3B3,1,3,1,3"},
	{"loss", "view=loss"},
}

func newLesson(b *testing.B, state string) (lesson.Lesson, *param.Values) {
	v := param.New(prob.Info.Params)
	if errs := v.Decode(state); len(errs) > 0 {
		b.Fatal(errs)
	}
	l := prob.Info.New()
	l.Reset(v)
	return l, v
}

// BenchmarkReset is what a change of a parameter costs: drawing every
// sample, or the exact integrals and the rasters.
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

// BenchmarkFigure builds the figure on a laptop-sized canvas halfway
// through play, as the renderer asks for it every frame while playing.
func BenchmarkFigure(b *testing.B) {
	for _, bs := range benchStates {
		b.Run(bs.name, func(b *testing.B) {
			l, v := newLesson(b, bs.state)
			for range 300 {
				l.Step(v)
			}
			for b.Loop() {
				l.Figure(1100, 700)
			}
		})
	}
}

// BenchmarkStep is one tick of play, late in a run of 100 000 samples
// (the most revealed per tick), starting over whenever it ends.
func BenchmarkStep(b *testing.B) {
	for _, bs := range benchStates[:4] {
		b.Run(bs.name, func(b *testing.B) {
			l, v := newLesson(b, bs.state)
			for b.Loop() {
				l.Step(v)
			}
		})
	}
}

// BenchmarkTuneRho is one frame of dragging the ρ slider: the joint
// density's raster is computed again.
func BenchmarkTuneRho(b *testing.B) {
	l, v := newLesson(b, "view=joint")
	rhos := []float64{0.3, 0.31}
	i := 0
	for b.Loop() {
		v.Set("rho", rhos[i%2])
		l.Tune("rho", v)
		l.Figure(1100, 700)
		i++
	}
}
