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
	New   func() Lesson
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
}

// Table is rows of numbers under named columns.
type Table struct {
	Columns []string    `json:"columns"`
	Rows    [][]float64 `json:"rows"`
}
