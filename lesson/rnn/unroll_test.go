package rnn

import (
	"fmt"
	"slices"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
)

// TestUnrollReference compares the unroll view with numpy
// (testdata/reference.py, "unroll view"): the loss and gradients of the
// first training sequence, then the loss after the update, which clips
// the gradient (norm 1.16) to 1 and steps with lr 0.1.
func TestUnrollReference(t *testing.T) {
	l, v := open(t, "view=unroll&hidden=3&seq_len=6&rho=0.9&seed=1&clip=1&lr=0.1")
	want := map[string]float64{
		"loss":       0.24600150655846878,
		"grad_first": 0.10515661551809799,
		"grad_last":  0.10671660637825686,
		"grad_ratio": 0.9853819296443003,
		"grad_norm":  1.1632212534077913,
		"epoch":      0,
	}
	ro := readouts(l)
	for name, w := range want {
		if got := num(t, ro, name); !scalar.EqualWithinAbsOrRel(got, w, 1e-15, 1e-12) {
			t.Errorf("readout %s = %v, want %v (numpy)", name, got, w)
		}
	}
	if e := num(t, ro, "grad_check_max_rel_err"); e > 1e-6 {
		t.Errorf("grad_check_max_rel_err = %v, want < 1e-6", e)
	}
	for range 2*6 + 1 {
		l.StepUnit(v)
	}
	ro = readouts(l)
	if ro["phase"] != phaseUpdate || num(t, ro, "epoch") != 1 {
		t.Errorf("after 13 stages: phase %v, epoch %v; want update, 1", ro["phase"], ro["epoch"])
	}
	if got, w := num(t, ro, "loss"), 0.14368160374711728; !scalar.EqualWithinAbsOrRel(got, w, 1e-15, 1e-12) {
		t.Errorf("loss after the update = %v, want %v (numpy)", got, w)
	}
}

// TestUnrollStages walks a cycle stage by stage: ready, forward t = 1…T,
// backward t = T…1, update, then the next cycle.
func TestUnrollStages(t *testing.T) {
	const T = 4
	l, v := open(t, fmt.Sprintf("view=unroll&seq_len=%d", T))
	type stage struct {
		phase string
		t     any
		epoch float64
	}
	got := func() stage {
		ro := readouts(l)
		return stage{ro["phase"].(string), ro["t"], ro["epoch"].(float64)}
	}
	want := []stage{{phaseReady, nil, 0}}
	for t := 1; t <= T; t++ {
		want = append(want, stage{phaseForward, float64(t), 0})
	}
	for t := T; t >= 1; t-- {
		want = append(want, stage{phaseBackward, float64(t), 0})
	}
	want = append(want, stage{phaseUpdate, nil, 1}, stage{phaseReady, nil, 1}, stage{phaseForward, 1.0, 1})
	for i, w := range want {
		if i > 0 {
			more := l.StepUnit(v)
			if wantMore := w.phase != phaseUpdate; more != wantMore {
				t.Errorf("stage %d: StepUnit = %v, want %v", i, more, wantMore)
			}
		}
		if g := got(); g != w {
			t.Errorf("stage %d: %+v, want %+v", i, g, w)
		}
	}
}

// TestUnrollPlay: play runs one cycle and stops after its update; play
// again starts the next cycle on the next sequence.
func TestUnrollPlay(t *testing.T) {
	r := lessontest.Open(t, Info, "view=unroll&seq_len=5&speed=100")
	for cycle := 1; cycle <= 2; cycle++ {
		if err := r.Act(lesson.ActPlay); err != nil {
			t.Fatal(err)
		}
		ticks := 0
		for r.Playing() && ticks < 1000 {
			r.Tick()
			ticks++
		}
		lessontest.CheckReadouts(t, fmt.Sprintf("cycle %d", cycle), lessontest.Readouts(t, r), map[string]any{
			"phase": phaseUpdate, "epoch": float64(cycle),
		}, 0)
	}
}

// TestUnrollMatchesTrain: n cycles of the unroll view and n steps of the
// train view train the same net (same sequences, same updates).
func TestUnrollMatchesTrain(t *testing.T) {
	const q, n = "seq_len=7&hidden=5&truncate=3&clip=0.5&lr=0.2&task=sines", 3
	un, uv := open(t, "view=unroll&"+q)
	tr, tv := open(t, "view=train&"+q)
	for range n * (2*7 + 2) {
		un.StepUnit(uv)
	}
	for range n {
		tr.StepUnit(tv)
	}
	a, b := un.cur.(*unrollView).l.net.Flat(), tr.cur.(*trainView).l.net.Flat()
	if !slices.Equal(a, b) {
		t.Errorf("after %d cycles and %d steps the weights differ:\nunroll %v\ntrain  %v", n, n, a, b)
	}
}

// TestUnrollColumns: long sequences show the first and last steps and
// one column for the rest, which follows the animation.
func TestUnrollColumns(t *testing.T) {
	for i, tc := range []struct {
		T       int
		w       float64
		cur     int
		want    []int
		virtual int
	}{
		{5, 800, 0, []int{1, 2, 3, 4, 5}, -1},
		{30, 800, 0, []int{1, 2, 3, 4, 5, 6, 26, 27, 28, 29, 30}, 5},
		{30, 800, 17, []int{1, 2, 3, 4, 5, 17, 26, 27, 28, 29, 30}, 5},
		{30, 800, 29, []int{1, 2, 3, 4, 5, 25, 26, 27, 28, 29, 30}, 5},
		{200, 330, 100, []int{1, 100, 199, 200}, 1},
	} {
		cols, virtual := columns(tc.T, tc.w, tc.cur)
		if !slices.Equal(cols, tc.want) || virtual != tc.virtual {
			t.Errorf("%d: columns(%d, %v, %d) = %v, %d; want %v, %d", i, tc.T, tc.w, tc.cur, cols, virtual, tc.want, tc.virtual)
		}
	}
}

// TestUnrollPointer: pointing at step t in a panel under the net shows
// that step in the net (here one the net elides) and marks it; pointing
// elsewhere takes the mark away.
func TestUnrollPointer(t *testing.T) {
	r := lessontest.Open(t, Info, "view=unroll&seq_len=30")
	shows := func(step string) bool {
		f, err := r.Figure(800, 500)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range f.Panels {
			if p.ID != unPanelNet {
				continue
			}
			for _, it := range p.Items {
				if tx, ok := it.(figure.Text); ok && tx.S == step {
					return true
				}
			}
		}
		return false
	}
	if shows("17") {
		t.Fatal("step 17 is shown before pointing at it")
	}
	for _, panel := range []string{unPanelGrad, unPanelSeq} {
		if err := r.Pointer(lesson.Pointer{Phase: lesson.Move, Panel: panel, At: figure.Vec{X: 16.8, Y: 0}}); err != nil {
			t.Fatal(err)
		}
		if !shows("17") {
			t.Errorf("pointing at t = 16.8 in panel %s: step 17 is not shown in the net", panel)
		}
		if err := r.Pointer(lesson.Pointer{Phase: lesson.Move, Panel: unPanelNet, At: figure.Vec{X: 10, Y: 10}}); err != nil {
			t.Fatal(err)
		}
		if shows("17") {
			t.Errorf("after pointing at the net, step 17 is still shown")
		}
	}
}
