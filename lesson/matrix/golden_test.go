package matrix_test

import (
	"testing"

	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
	"github.com/aimath/playground/lesson/matrix"
)

func TestCheck(t *testing.T) { lessontest.Check(t, matrix.Info) }

// open returns a runner on the matrix lesson in the state query.
func open(t testing.TB, query string) *lesson.Runner {
	t.Helper()
	return lessontest.Open(t, matrix.Info, query)
}

// TestGolden keeps an SVG of each view at 800×500; look at them after a
// change (regenerate with go test ./lesson/matrix/ -update).
func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name, state string
		steps       int // ticks of play
	}{
		{"map", "show_transpose=1&show_inverse=1", 0},
		{"map_halfway", "t=0.5", 0},
		{"map_flip", "a11=0.5&a12=1.5&a21=1.2&a22=0.4&x=1.5,1", 0},
		{"map_singular", "a11=1&a12=2&a21=0.5&a22=1&show_inverse=1", 0},
		{"map_rotation", "a11=0.5&a12=-0.8&a21=0.8&a22=0.5", 0},
		{"multiply", "view=multiply", 400}, // at (XY)₂₂, second term
		{"multiply_mismatch", "view=multiply&mismatch=1", 0},
		{"lstsq", "view=lstsq&show_squares=1", 0},
		{"lstsq_rank_deficient", "view=lstsq&n=4&pts=3,1;3,2;3,4;3,2.5", 0},
	} {
		r := open(t, tc.state)
		if tc.steps > 0 {
			r.Act(lesson.ActPlay)
			for range tc.steps {
				r.Tick()
			}
		}
		f, err := r.Figure(800, 500)
		if err != nil {
			t.Fatal(err)
		}
		lessontest.Golden(t, tc.name, f)
	}
}
