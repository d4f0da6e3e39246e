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

// picture is a test lesson that takes the user's image.
type picture struct {
	counter
	img   *Image
	fresh []bool
}

func (p *picture) SetImage(img *Image, fresh bool, v *param.Values) {
	p.img = img
	p.fresh = append(p.fresh, fresh)
	if fresh {
		v.Set("limit", 7.0)
	}
}

func TestRunnerUpload(t *testing.T) {
	pictureInfo := counterInfo
	pictureInfo.ID = "picture"
	var last *picture
	pictureInfo.New = func() Lesson { last = new(picture); return last }
	r := NewRunner([]Info{counterInfo, pictureInfo})
	img := Image{W: 2, H: 1, Pix: []byte{1, 2, 3, 255, 4, 5, 6, 255}}

	if err := r.Upload(img, true); !errors.Is(err, ErrNoLesson) {
		t.Errorf("Upload before open = %v, want ErrNoLesson", err)
	}
	// A restored image is kept before any lesson opens.
	if err := r.Upload(img, false); err != nil {
		t.Fatalf("Upload(restore) before open = %v", err)
	}
	if _, err := r.Open("picture", ""); err != nil {
		t.Fatal(err)
	}
	if last.img == nil || last.img.W != 2 || len(last.fresh) != 1 || last.fresh[0] {
		t.Fatalf("open: lesson got %+v, fresh %v; want the kept image, not fresh", last.img, last.fresh)
	}
	if v, _ := r.Values(); v.Int("limit") != 3 {
		t.Errorf("a restored image changed limit to %d", v.Int("limit"))
	}

	for _, bad := range []Image{
		{W: 0, H: 1}, {W: 1, H: -1}, {W: MaxImageSide + 1, H: 1, Pix: make([]byte, 4*(MaxImageSide+1))},
		{W: 2, H: 2, Pix: make([]byte, 15)}, {W: 1, H: 1},
	} {
		if err := r.Upload(bad, true); err == nil {
			t.Errorf("Upload(%d×%d, %d bytes) = nil, want an error", bad.W, bad.H, len(bad.Pix))
		}
	}
	if len(last.fresh) != 1 {
		t.Errorf("bad uploads reached the lesson: %v", last.fresh)
	}

	v0 := r.Version()
	img.Pix[0] = 9
	if err := r.Upload(img, true); err != nil {
		t.Fatalf("Upload = %v", err)
	}
	img.Pix[0] = 1 // the runner keeps its own copy
	if last.img.Pix[0] != 9 || last.resets < 2 || r.Version() == v0 {
		t.Errorf("fresh upload: pix %d, resets %d, version %d→%d", last.img.Pix[0], last.resets, v0, r.Version())
	}
	if v, _ := r.Values(); v.Int("limit") != 7 {
		t.Errorf("a fresh upload did not let the lesson switch to it (limit %d)", v.Int("limit"))
	}

	if _, err := r.Open("counter", ""); err != nil {
		t.Fatal(err)
	}
	if err := r.Upload(img, true); !errors.Is(err, ErrNoUpload) {
		t.Errorf("fresh Upload to a lesson without images = %v, want ErrNoUpload", err)
	}
	if err := r.Upload(img, false); err != nil {
		t.Errorf("restore Upload to a lesson without images = %v, want nil", err)
	}
}

// notes is a test lesson with a text export.
type notes struct{ counter }

func (n *notes) Export(kind string) (string, error) {
	if kind == "boom" {
		panic("export panics on purpose")
	}
	return "n=" + kind, nil
}

func TestRunnerExport(t *testing.T) {
	info := counterInfo
	info.ID, info.Exports = "notes", []string{"txt", "boom"}
	info.New = func() Lesson { return new(notes) }
	r := NewRunner([]Info{counterInfo, info})
	if _, err := r.Export("txt"); !errors.Is(err, ErrNoLesson) {
		t.Errorf("Export before open = %v, want ErrNoLesson", err)
	}
	r.Open("notes", "")
	if got, err := r.Export("txt"); got != "n=txt" || err != nil {
		t.Errorf("Export(txt) = %q, %v", got, err)
	}
	if _, err := r.Export("csv"); err == nil {
		t.Error("Export(csv), a kind not in Info.Exports, = nil error")
	}
	if _, err := r.Export("boom"); err == nil || !strings.Contains(err.Error(), "internal error") {
		t.Errorf("Export(boom) = %v, want the panic as an error", err)
	}
	r.Open("counter", "")
	if _, err := r.Export("txt"); err == nil {
		t.Error("Export on a lesson without exports = nil error")
	}
}
