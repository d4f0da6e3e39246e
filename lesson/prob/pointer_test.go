package prob_test

import (
	"reflect"
	"testing"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
	"github.com/aimath/playground/lesson/prob"
)

func at(x, y float64) figure.Vec { return figure.Vec{X: x, Y: y} }

// drag presses on hit in panel at from, moves to to and releases.
func drag(t *testing.T, r *lesson.Runner, panel, hit string, from, to figure.Vec, button int) {
	t.Helper()
	for _, p := range []lesson.Pointer{
		{Phase: lesson.Down, Panel: panel, At: from, Hit: hit, Button: button, Held: true},
		{Phase: lesson.Move, Panel: panel, At: to, Button: button, Held: true},
		{Phase: lesson.Up, Panel: panel, At: to, Button: button},
	} {
		if err := r.Pointer(p); err != nil {
			t.Fatal(err)
		}
	}
}

func TestHoverReadsDensity(t *testing.T) {
	for _, tc := range []struct {
		state, panel string
		x            float64
		want         map[string]any
	}{
		// stats.norm.pdf(0.5), stats.norm.cdf(0.5)
		{"view=dist", "pdf", 0.5, map[string]any{"at_x": 0.5, "at_p": 0.35206532676429947, "at_cdf": 0.6914624612740131}},
		// stats.poisson(3).pmf(2), .cdf(2): the cursor snaps to the integer
		{"view=dist&dist=poisson&lambda=3", "cdf", 2.3, map[string]any{"at_x": 2.0, "at_p": 0.22404180765538775, "at_cdf": 0.42319008112684364}},
	} {
		r := lessontest.Open(t, prob.Info, tc.state)
		if got := lessontest.Readouts(t, r)["at_x"]; got != nil {
			t.Errorf("%s: at_x = %v before any hover", tc.state, got)
		}
		if err := r.Pointer(lesson.Pointer{Phase: lesson.Move, Panel: tc.panel, At: at(tc.x, 0.1)}); err != nil {
			t.Fatal(err)
		}
		lessontest.CheckReadouts(t, tc.state, lessontest.Readouts(t, r), tc.want, 1e-12)
	}
}

func TestDragSlice(t *testing.T) {
	r := lessontest.Open(t, prob.Info, "view=joint")
	drag(t, r, "joint", "slice", at(1, 4), at(2.04, 0.3), 0)
	v := lessontest.Values(t, r)
	if got := v.Float("slice"); got != 2 {
		t.Errorf("slice after the drag = %v, want 2", got)
	}
	// N(ρx, 1 − ρ²) at x = 2
	lessontest.CheckReadouts(t, "slice 2", lessontest.Readouts(t, r), map[string]any{"cond_mean": 1.2, "cond_var": 0.64}, 1e-12)

	// A press on the marginal p(x) moves the slice too.
	drag(t, r, "px", "", at(-0.75, 0.1), at(-0.75, 0.1), 0)
	if got := lessontest.Values(t, r).Float("slice"); got != -0.8 {
		t.Errorf("slice after a press on p(x) = %v, want -0.8", got)
	}
}

func TestClickTable(t *testing.T) {
	r := lessontest.Open(t, prob.Info, "view=joint&joint=table")
	drag(t, r, "joint", "", at(2.2, -0.1), at(2.2, -0.1), 0) // cell x = 2, y = 0: 1 → 2
	drag(t, r, "joint", "", at(0, 0), at(0, 0), 2)           // cell x = 0, y = 0: 4 → 3
	drag(t, r, "joint", "slice", at(1, 2.5), at(2.3, 1), 0)  // the slice snaps to x = 2
	v := lessontest.Values(t, r)
	if want := [][]float64{{3, 2, 1}, {2, 8, 2}, {2, 2, 6}}; !reflect.DeepEqual(v.Matrix("table"), want) {
		t.Errorf("table after the clicks = %v, want %v", v.Matrix("table"), want)
	}
	if got := v.Float("slice"); got != 2 {
		t.Errorf("slice = %v, want 2", got)
	}
	// P(Y | X = 2) = (2, 2, 6)/10
	lessontest.CheckReadouts(t, "table", lessontest.Readouts(t, r), map[string]any{"x": 2.0, "cond_mean": 1.4}, 1e-12)
}

func TestDragLine(t *testing.T) {
	r := lessontest.Open(t, prob.Info, "view=loss")
	// The line 0.5x: its right end (2, 1) dragged to (2, 3) with the left
	// end (−2, −1) kept: slope 1, intercept 1.
	drag(t, r, "reg", "r", at(2, 1), at(2, 3), 0)
	drag(t, r, "cls", "m1", at(0, 1.12), at(0.73, 0.5), 0)
	v := lessontest.Values(t, r)
	if v.Float("slope") != 1 || v.Float("intercept") != 1 {
		t.Errorf("line after the drag: w = %v, b = %v; want 1, 1", v.Float("slope"), v.Float("intercept"))
	}
	if want := [][]float64{{-1, 0.7, 1}}; !reflect.DeepEqual(v.Matrix("centers"), want) {
		t.Errorf("centres after the drag = %v, want %v", v.Matrix("centers"), want)
	}
}

func pointerMove(panel string, x float64) lesson.Pointer {
	return lesson.Pointer{Phase: lesson.Move, Panel: panel, At: at(x, 0.1)}
}
