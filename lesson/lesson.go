// Package lesson is the contract between a topic and the playground: a
// Lesson turns parameter values into a model, steps it, and describes it as a
// figure and readouts. A Runner drives one lesson at a time for the bridge
// and the renderer.
//
// Rules of the package:
//   - Lessons import core/ only: no ebiten, no syscall/js. They produce data
//     (figures, readouts, tables); visual/ draws it.
//   - A lesson sees user input only through *param.Values (already validated)
//     and Pointer events in world coordinates.
//   - Randomness comes from the "seed" parameter: the same values give the
//     same numbers, natively, under wasm and from a shared URL.
//   - Step does a bounded amount of work, so a frame never stalls.
package lesson

import (
	"math"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
)

// Lesson is one topic's model. Methods are called by a Runner, never
// concurrently.
type Lesson interface {
	// Reset rebuilds the model from v: on open, after a structural
	// parameter changes, and on the "reset" action.
	Reset(v *param.Values)
	// Tune applies a change of the live parameter name without losing
	// progress.
	Tune(name string, v *param.Values)
	// Step advances the animation or training by one tick (or one unit, for
	// the "step" action). It returns false when there is nothing more to
	// do, which stops playing.
	Step(v *param.Values) bool
	// Act performs a lesson action other than play, pause, step and reset.
	Act(name string, v *param.Values) error
	// Figure describes the current state for a canvas of w×h CSS pixels.
	Figure(w, h float64) *figure.Figure
	// Readouts are the numbers shown as text next to the picture.
	Readouts() []Readout
	// Pointer handles a pointer event on the canvas; it may change values
	// (dragging a vector writes its parameter). It reports whether
	// anything changed.
	Pointer(p Pointer, v *param.Values) bool
	// Data is the lesson's data as a table, for CSV export.
	Data() Table
}

// UnitStepper is implemented by lessons whose "step" action should move
// further than one tick of play: one whole term of a sum, say, instead of
// one frame of its animation. The runner calls StepUnit for "step" when a
// lesson has it, and Step otherwise.
type UnitStepper interface {
	StepUnit(v *param.Values) bool
}

// Image is a picture the user chose, decoded by the page: W×H pixels of 4
// bytes (red, green, blue, alpha), row by row from the top.
type Image struct {
	W, H int
	Pix  []byte
}

// Bounds of an uploaded Image (the page downscales photos to at most
// 256×256 before handing them over; larger ones are refused).
const (
	MaxImageSide = 4096
)

// Uploader is implemented by lessons that work on the user's own image.
// The runner keeps the last uploaded image for the whole session, so a
// lesson opened later gets it too.
type Uploader interface {
	// SetImage hands the lesson the user's image. fresh is true for a new
	// upload (the lesson usually switches its input to it by setting a
	// parameter in v) and false when the lesson opens and gets the image
	// uploaded earlier. The runner calls Reset afterwards.
	SetImage(img *Image, fresh bool, v *param.Values)
}

// Exporter is implemented by lessons that offer more than their data table
// for download: a model's weights as JSON, the NumPy code of its forward
// pass. Info.Exports lists the kinds; Export returns the text of one (an
// error for an unknown kind or when there is nothing to export).
type Exporter interface {
	Export(kind string) (string, error)
}

// Info describes a lesson to the registry and the page.
type Info struct {
	ID     string
	Params []param.Spec
	// Actions are the lesson's own actions beyond play, pause, step and
	// reset (for example "randomize"); the page shows a button for each.
	Actions []string
	// Animated lessons have play, pause and step.
	Animated bool
	// Still lists the views (values of the view switch, see ViewParam) of an
	// animated lesson that have nothing to play; the page hides play and
	// step there, and the runner refuses them.
	Still []string
	// Exports are the kinds of text an Exporter lesson offers, each a
	// download button on the page ("json", "numpy").
	Exports []string
	New     func() Lesson
}

// ViewParam returns the name of the lesson's view switch: its choice
// parameter "view" or "mode" ("" if it has none).
func (in Info) ViewParam() string {
	for _, s := range in.Params {
		if (s.Name == "view" || s.Name == "mode") && s.Kind == param.Choice {
			return s.Name
		}
	}
	return ""
}

// Readout is one named value shown as text. Value is a finite float64, or a
// string: the page translates strings that are message keys (for example
// "undefined", "complex", "singular") and shows other strings as they are.
type Readout struct {
	Name  string
	Value any
}

// Num returns a numeric readout.
func Num(name string, x float64) Readout { return Readout{name, x} }

// Value returns a numeric readout, or for a NaN or an infinity the message
// key the page translates ("undefined", "inf", "-inf"); never a negative
// zero.
func Value(name string, x float64) Readout {
	switch {
	case math.IsNaN(x):
		return Str(name, "undefined")
	case math.IsInf(x, 1):
		return Str(name, "inf")
	case math.IsInf(x, -1):
		return Str(name, "-inf")
	case x == 0:
		x = 0
	}
	return Num(name, x)
}

// Str returns a text readout.
func Str(name, s string) Readout { return Readout{name, s} }

// Phase is the kind of a pointer event.
type Phase uint8

// Pointer phases.
const (
	Down Phase = iota
	Move       // with a button held (a drag) or not (hover)
	Up
)

// Pointer is a pointer or touch event mapped to a panel's world coordinates.
type Pointer struct {
	Phase  Phase
	Panel  string     // the panel under the pointer ("" if none)
	At     figure.Vec // world coordinates in that panel
	Hit    string     // the ID of the item under the pointer, if any
	Button int        // 0 primary, 2 secondary (right click or long press)
	Held   bool       // a button is down (for Move)
	Shift  bool       // the shift key is held (a shift-click)
}

// Table is rows of numbers under named columns.
type Table struct {
	Columns []string    `json:"columns"`
	Rows    [][]float64 `json:"rows"`
}
