package lesson

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
)

// counter is a test lesson: it counts steps up to limit and panics on demand.
type counter struct {
	n, limit int
	resets   int
	tuned    []string
}

func (c *counter) Reset(v *param.Values) { c.n, c.limit = 0, v.Int("limit"); c.resets++ }
func (c *counter) Tune(name string, v *param.Values) {
	c.tuned = append(c.tuned, name)
}
func (c *counter) Step(v *param.Values) bool {
	if v.Bool("boom") {
		panic("boom")
	}
	c.n++
	return c.n < c.limit
}
func (c *counter) Act(name string, v *param.Values) error {
	if name == "fail" {
		return errors.New("failed on purpose")
	}
	c.n = 100
	return nil
}
func (c *counter) Figure(w, h float64) *figure.Figure {
	return &figure.Figure{W: w, H: h, Panels: []*figure.Panel{{ID: "main", Frame: figure.Rect{X1: w, Y1: h}, World: figure.Rect{X1: 1, Y1: 1}}}}
}
func (c *counter) Readouts() []Readout {
	return []Readout{Num("n", float64(c.n)), Num("nan", math.NaN()), Num("inf", math.Inf(-1))}
}
func (c *counter) Pointer(p Pointer, v *param.Values) bool { return p.Phase == Down }
func (c *counter) Data() Table {
	return Table{Columns: []string{"n"}, Rows: [][]float64{{float64(c.n)}}}
}

var counterInfo = Info{
	ID: "counter",
	Params: []param.Spec{
		{Name: "limit", Kind: param.Int, Min: 1, Max: 10, Default: 3.0},
		{Name: "speed", Kind: param.Number, Min: 0, Max: 1, Default: 0.5, Live: true},
		{Name: "boom", Kind: param.Bool, Default: false, Live: true},
	},
	Actions:  []string{"jump", "fail"},
	Animated: true,
	New:      func() Lesson { return new(counter) },
}

func readout(t *testing.T, r *Runner, name string) any {
	t.Helper()
	ros, err := r.Readouts()
	if err != nil {
		t.Fatal(err)
	}
	for _, ro := range ros {
		if ro.Name == name {
			return ro.Value
		}
	}
	t.Fatalf("no readout %s", name)
	return nil
}

func TestRunnerBeforeOpen(t *testing.T) {
	r := NewRunner([]Info{counterInfo})
	if _, _, err := r.Set("limit", 2.0); !errors.Is(err, ErrNoLesson) {
		t.Errorf("Set before Open: %v, want ErrNoLesson", err)
	}
	if _, err := r.Open("nope", ""); err == nil {
		t.Errorf("Open(nope) succeeded")
	}
	r.Tick() // must not panic
}

func TestRunnerPlay(t *testing.T) {
	r := NewRunner([]Info{counterInfo})
	warn, err := r.Open("counter", "limit=4&lesson=counter&lang=ko&speed=x")
	if err != nil || len(warn) != 1 {
		t.Fatalf("Open = %v, %v; want one warning (speed)", warn, err)
	}
	if err := r.Act(ActPlay); err != nil {
		t.Fatal(err)
	}
	for range 10 {
		r.Tick()
	}
	if r.Playing() {
		t.Errorf("still playing after the lesson finished")
	}
	if got := readout(t, r, "n"); got != 4.0 {
		t.Errorf("n after play = %v, want 4", got)
	}
	if got := readout(t, r, "nan"); got != "undefined" {
		t.Errorf("NaN readout = %v, want undefined", got)
	}
	if got := readout(t, r, "inf"); got != "-inf" {
		t.Errorf("-Inf readout = %v, want -inf", got)
	}
}

func TestRunnerLiveAndStructural(t *testing.T) {
	r := NewRunner([]Info{counterInfo})
	r.Open("counter", "")
	r.Act(ActStep)
	c := r.l.(*counter)
	if _, _, err := r.Set("speed", 0.9); err != nil {
		t.Fatal(err)
	}
	if c.n != 1 || len(c.tuned) != 1 {
		t.Errorf("live Set reset the lesson (n=%d, tuned=%v)", c.n, c.tuned)
	}
	got, clamped, err := r.Set("limit", 50.0)
	if err != nil || got != 10.0 || !clamped {
		t.Errorf("Set(limit, 50) = %v, %v, %v, want 10, true, nil", got, clamped, err)
	}
	if c.n != 0 || c.resets != 2 {
		t.Errorf("structural Set did not reset (n=%d resets=%d)", c.n, c.resets)
	}
	if st, _ := r.State(); st != "limit=10&speed=0.9&boom=0" {
		t.Errorf("State() = %s", st)
	}
}

func TestRunnerActions(t *testing.T) {
	r := NewRunner([]Info{counterInfo})
	r.Open("counter", "")
	v0 := r.Version()
	if err := r.Act("jump"); err != nil {
		t.Fatal(err)
	}
	if r.Version() == v0 {
		t.Errorf("an action did not bump the version")
	}
	if err := r.Act("fail"); err == nil || !strings.Contains(err.Error(), "on purpose") {
		t.Errorf("Act(fail) = %v", err)
	}
	if err := r.Act("dance"); err == nil {
		t.Errorf("Act(dance) succeeded")
	}
}

func TestRunnerRecoversPanics(t *testing.T) {
	r := NewRunner([]Info{counterInfo})
	r.Open("counter", "")
	r.Set("boom", true)
	err := r.Act(ActStep)
	if err == nil || !strings.Contains(err.Error(), "internal error") {
		t.Fatalf("Act(step) with a panicking lesson = %v, want an internal error", err)
	}
	if st, _ := r.State(); st != "limit=3&speed=0.5&boom=0" {
		t.Errorf("after a panic the state is %s, want the defaults", st)
	}
	r.Set("boom", true)
	r.Act(ActPlay)
	r.Tick()
	if msg, n := r.Err(); n != 1 || !strings.Contains(msg, "boom") {
		t.Errorf("Err() after a failing tick = %q, %d", msg, n)
	}
	if r.Playing() {
		t.Errorf("still playing after a failing tick")
	}
}

func TestRunnerFigureCache(t *testing.T) {
	r := NewRunner([]Info{counterInfo})
	r.Open("counter", "")
	f1, _ := r.Figure(100, 100)
	f2, _ := r.Figure(100, 100)
	if f1 != f2 {
		t.Errorf("figure rebuilt without a change")
	}
	f3, _ := r.Figure(200, 100)
	if f3 == f2 {
		t.Errorf("figure not rebuilt after a resize")
	}
	r.Pointer(Pointer{Phase: Down})
	if f4, _ := r.Figure(200, 100); f4 == f3 {
		t.Errorf("figure not rebuilt after a pointer change")
	}
}
