package stats

import (
	"testing"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/lesson"
)

// NewRunnerForTest opens the lesson in a runner at the state.
func NewRunnerForTest(t *testing.T, state string) *lesson.Runner {
	t.Helper()
	r := lesson.NewRunner([]lesson.Info{Info})
	if w, err := r.Open(Info.ID, state); err != nil || len(w) > 0 {
		t.Fatalf("Open(%q) = %v, %v", state, w, err)
	}
	return r
}

func readouts(t *testing.T, r *lesson.Runner) map[string]any {
	t.Helper()
	ros, err := r.Readouts()
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]any{}
	for _, ro := range ros {
		m[ro.Name] = ro.Value
	}
	return m
}

func vec(x, y float64) figure.Vec { return figure.Vec{X: x, Y: y} }
