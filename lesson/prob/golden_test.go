package prob_test

import (
	"testing"

	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
	"github.com/aimath/playground/lesson/prob"
)

// goldenStates are the pictures checked by eye and kept in testdata/.
var goldenStates = []struct {
	name, state string
	pointer     []lesson.Pointer
	ticks       int
}{
	{name: "dist", state: "view=dist"},
	{name: "dist_poisson", state: "view=dist&dist=poisson&lambda=3&samples=500"},
	{name: "dist_beta", state: "view=dist&dist=beta&alpha=0.5&beta=0.5&samples=20000"},
	{name: "dist_uniform_cursor", state: "view=dist&dist=uniform&a=-1&b=2&samples=300",
		pointer: []lesson.Pointer{pointerMove("pdf", 0.5)}},
	{name: "dist_playing", state: "view=dist&dist=gamma&alpha=2&beta=1&samples=1000", ticks: 40},
	{name: "joint", state: "view=joint"},
	{name: "joint_table", state: "view=joint&joint=table"},
	{name: "expect", state: "view=expect&dist=exponential&lambda=1&f=x%5E2"},
	{name: "expect_binomial", state: "view=expect&dist=binomial&n=10&p=0.3&f=x%5E2&samples=200"},
	{name: "montecarlo", state: "view=montecarlo"},
	{name: "montecarlo_pi", state: "view=montecarlo&integral=pi&samples=5000"},
	{name: "montecarlo_f", state: "view=montecarlo&integral=f&f=sin(x)&a=-1&b=3"},
	{name: "loss", state: "view=loss"},
}

func TestGolden(t *testing.T) {
	for _, g := range goldenStates {
		r := lessontest.Open(t, prob.Info, g.state)
		if g.ticks > 0 {
			r.Act(lesson.ActPlay)
			for range g.ticks {
				r.Tick()
			}
			r.Act(lesson.ActPause)
		}
		for _, p := range g.pointer {
			if err := r.Pointer(p); err != nil {
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
