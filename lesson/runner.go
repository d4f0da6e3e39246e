package lesson

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
)

// Built-in actions every lesson understands (play, pause and step only
// when Info.Animated).
const (
	ActPlay  = "play"
	ActPause = "pause"
	ActStep  = "step"
	ActReset = "reset"
)

// PageKeys are URL keys that belong to the page, not to a lesson's
// parameters; Open ignores them in a state.
var PageKeys = []string{"lesson", "lang", "embed", "hide"}

// ErrNoLesson is returned before a lesson is open.
var ErrNoLesson = errors.New("no lesson is open")

// Runner drives one open lesson. It is safe for concurrent use: the JS
// bridge and the game loop share it. Every method recovers a lesson's panic
// and turns it into an error, so one bad lesson state never kills the
// program.
type Runner struct {
	mu      sync.Mutex
	lessons []Info
	info    Info
	l       Lesson
	vals    *param.Values
	playing bool
	version uint64 // bumped on every change the page should hear about

	fig          *figure.Figure
	figW, figH   float64
	lastErr      string
	lastErrCount uint64
	img          *Image // the user's last uploaded image
}

// NewRunner returns a runner over the given lessons.
func NewRunner(lessons []Info) *Runner { return &Runner{lessons: lessons} }

// Lessons returns the registry the runner was made with.
func (r *Runner) Lessons() []Info { return r.lessons }

func (r *Runner) lookup(id string) (Info, bool) {
	for _, in := range r.lessons {
		if in.ID == id {
			return in, true
		}
	}
	return Info{}, false
}

// guard turns a panic of the lesson into an error. The lesson is reset to
// its defaults, since its state may be half-updated.
func (r *Runner) guard(err *error) {
	p := recover()
	if p == nil {
		return
	}
	*err = fmt.Errorf("internal error in lesson %s: %v", r.info.ID, p)
	r.playing = false
	r.version++
	if r.l != nil {
		func() {
			defer func() { _ = recover() }()
			r.vals.Reset()
			r.l.Reset(r.vals)
		}()
	}
}

// Open switches to lesson id with the given state (a URL query; "" for the
// defaults). Problems in the state are returned as warnings: each bad pair
// is skipped and its parameter keeps its default. err is non-nil only when
// the lesson does not exist, and then the open lesson stays as it was.
func (r *Runner) Open(id, state string) (warnings []error, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	in, ok := r.lookup(id)
	if !ok {
		return nil, fmt.Errorf("unknown lesson %q", truncate(id, 40))
	}
	defer r.guard(&err)
	vals := param.New(in.Params)
	warnings = vals.Decode(state, PageKeys...)
	r.info, r.vals, r.l = in, vals, in.New()
	r.playing = false
	if u, ok := r.l.(Uploader); ok && r.img != nil {
		u.SetImage(r.img, false, r.vals)
	}
	r.l.Reset(r.vals)
	r.changed()
	return warnings, nil
}

// ID returns the open lesson's id.
func (r *Runner) ID() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.info.ID
}

func (r *Runner) changed() {
	r.version++
	r.fig = nil
}

// Set validates and stores a parameter value, then tunes (live parameter)
// or resets (structural) the lesson. It returns the stored value, which may
// be clamped.
func (r *Runner) Set(name string, x any) (got any, clamped bool, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.l == nil {
		return nil, false, ErrNoLesson
	}
	defer r.guard(&err)
	got, clamped, err = r.vals.Set(name, x)
	if err != nil {
		return nil, false, err
	}
	spec, _ := r.vals.Spec(name)
	if spec.Live {
		r.l.Tune(name, r.vals)
	} else {
		r.playing = false
		r.l.Reset(r.vals)
	}
	r.changed()
	return got, clamped, nil
}

// Act performs an action: play, pause, step, reset, or one of the lesson's.
func (r *Runner) Act(name string) (err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.l == nil {
		return ErrNoLesson
	}
	defer r.guard(&err)
	switch name {
	case ActPlay, ActPause, ActStep:
		if !r.info.Animated {
			return fmt.Errorf("lesson %s has no animation", r.info.ID)
		}
		if vp := r.info.ViewParam(); vp != "" && name != ActPause && slices.Contains(r.info.Still, r.vals.String(vp)) {
			return fmt.Errorf("the %s view of lesson %s has nothing to play", r.vals.String(vp), r.info.ID)
		}
	}
	switch name {
	case ActPlay:
		r.playing = true
	case ActPause:
		r.playing = false
	case ActStep:
		r.playing = false
		if us, ok := r.l.(UnitStepper); ok {
			us.StepUnit(r.vals)
		} else {
			r.l.Step(r.vals)
		}
	case ActReset:
		r.playing = false
		r.l.Reset(r.vals)
	default:
		known := false
		for _, a := range r.info.Actions {
			known = known || a == name
		}
		if !known {
			return fmt.Errorf("unknown action %q", truncate(name, 40))
		}
		if err := r.l.Act(name, r.vals); err != nil {
			return err
		}
	}
	r.changed()
	return nil
}

// ErrNoUpload is returned by Upload when the open lesson takes no image.
var ErrNoUpload = errors.New("this lesson does not take an image")

// Upload checks the user's image, keeps it for the session and hands it to
// the open lesson. A fresh upload (the user just chose a file) makes the
// lesson switch to it, and is refused when the open lesson takes no image;
// a restored one (fresh false: the page brings back an image kept from an
// earlier visit) changes no setting and is kept even with no lesson open.
// A malformed image is refused with an error and changes nothing.
func (r *Runner) Upload(img Image, fresh bool) (err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	u, ok := r.l.(Uploader)
	if fresh && r.l == nil {
		return ErrNoLesson
	}
	if fresh && !ok {
		return ErrNoUpload
	}
	switch {
	case img.W < 1 || img.H < 1 || img.W > MaxImageSide || img.H > MaxImageSide:
		return fmt.Errorf("image of %d×%d pixels: want 1 to %d pixels a side", img.W, img.H, MaxImageSide)
	case len(img.Pix) != 4*img.W*img.H:
		return fmt.Errorf("image of %d×%d pixels needs %d bytes of RGBA, got %d", img.W, img.H, 4*img.W*img.H, len(img.Pix))
	}
	defer r.guard(&err)
	kept := &Image{W: img.W, H: img.H, Pix: append([]byte(nil), img.Pix...)}
	r.img = kept
	if !ok {
		return nil
	}
	r.playing = false
	u.SetImage(kept, fresh, r.vals)
	r.l.Reset(r.vals)
	r.changed()
	return nil
}

// Tick advances a playing lesson by one tick; the game loop calls it 60
// times a second. A panic in the lesson stops it and is kept for Err.
func (r *Runner) Tick() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.l == nil || !r.playing {
		return
	}
	var err error
	func() {
		defer r.guard(&err)
		if !r.l.Step(r.vals) {
			r.playing = false
		}
		r.changed()
	}()
	if err != nil {
		r.lastErr = err.Error()
		r.lastErrCount++
	}
}

// Err returns the last error a tick produced and a counter that grows with
// each one, so that a caller can tell a new error from an old one.
func (r *Runner) Err() (string, uint64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.lastErr, r.lastErrCount
}

// Playing reports whether the lesson is animating.
func (r *Runner) Playing() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.playing
}

// Version grows whenever the state, readouts or figure may have changed.
func (r *Runner) Version() uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.version
}

// Pointer passes a pointer event to the lesson.
func (r *Runner) Pointer(p Pointer) (err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.l == nil {
		return ErrNoLesson
	}
	defer r.guard(&err)
	if r.l.Pointer(p, r.vals) {
		r.changed()
	}
	return nil
}

// Figure returns the figure for a w×h canvas, built again only after a
// change or a resize. The result must not be modified.
func (r *Runner) Figure(w, h float64) (f *figure.Figure, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.l == nil {
		return nil, ErrNoLesson
	}
	if r.fig != nil && r.figW == w && r.figH == h {
		return r.fig, nil
	}
	defer r.guard(&err)
	r.fig, r.figW, r.figH = r.l.Figure(w, h), w, h
	return r.fig, nil
}

// Readouts returns the lesson's readouts with every number finite: an
// infinite value becomes "inf" or "-inf", NaN becomes "undefined".
func (r *Runner) Readouts() (out []Readout, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.l == nil {
		return nil, ErrNoLesson
	}
	defer r.guard(&err)
	out = r.l.Readouts()
	for i, ro := range out {
		if f, ok := ro.Value.(float64); ok {
			switch {
			case math.IsNaN(f):
				out[i].Value = "undefined"
			case math.IsInf(f, 1):
				out[i].Value = "inf"
			case math.IsInf(f, -1):
				out[i].Value = "-inf"
			}
		}
	}
	return out, nil
}

// State returns the lesson's parameter values as a URL query.
func (r *Runner) State() (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.l == nil {
		return "", ErrNoLesson
	}
	return r.vals.Encode(), nil
}

// Values returns a copy of the current parameter values.
func (r *Runner) Values() (*param.Values, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.l == nil {
		return nil, ErrNoLesson
	}
	return r.vals.Clone(), nil
}

// Data returns the lesson's data table.
func (r *Runner) Data() (t Table, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.l == nil {
		return Table{}, ErrNoLesson
	}
	defer r.guard(&err)
	return r.l.Data(), nil
}

// Export returns a text export of the open lesson (see Exporter).
func (r *Runner) Export(kind string) (text string, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.l == nil {
		return "", ErrNoLesson
	}
	ex, ok := r.l.(Exporter)
	if !ok || !slices.Contains(r.info.Exports, kind) {
		return "", fmt.Errorf("lesson %s has no export %q", r.info.ID, truncate(kind, 40))
	}
	defer r.guard(&err)
	return ex.Export(kind)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
