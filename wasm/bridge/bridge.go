//go:build js && wasm

package bridge

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sync"
	"syscall/js"
	"time"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/lesson"
)

// Limits on what a call may hand over, so that garbage costs little.
const (
	maxString = 64 << 10 // bytes of one string argument
	maxItems  = 1000     // elements of one array argument
	maxDepth  = 3        // nesting of arrays (a matrix is depth 2)
)

// Stats are the renderer's measurements, reported by aimath.stats().
type Stats struct {
	Frames       int64   `json:"frames"`
	FirstFrameMs float64 `json:"firstFrameMs"`
	GoMsPerFrame float64 `json:"goMsPerFrame"`
}

// Bridge is the aimath object: the page's only way into the Go program.
type Bridge struct {
	r     *lesson.Runner
	stats func() Stats
	size  func() (w, h float64)

	funcs []js.Func

	mu        sync.Mutex // guards the fields below
	callbacks []js.Value
	pushed    uint64 // runner version last sent to the callbacks
	lastErrN  uint64
}

// New returns a bridge over r. stats reports the renderer's measurements and
// size the canvas size in CSS pixels (for svg()).
func New(r *lesson.Runner, stats func() Stats, size func() (w, h float64)) *Bridge {
	return &Bridge{r: r, stats: stats, size: size}
}

// Register installs the bridge as globalThis[name] and starts the change
// pusher. It returns the object.
func (b *Bridge) Register(name string) js.Value {
	obj := js.Global().Get("Object").New()
	for _, m := range []struct {
		name string
		fn   func(args []js.Value) any
	}{
		{"lessons", b.lessons},
		{"open", b.open},
		{"set", b.set},
		{"act", b.act},
		{"readouts", b.readouts},
		{"values", b.values},
		{"state", b.state},
		{"exportData", b.exportData},
		{"upload", b.upload},
		{"exportText", b.exportText},
		{"svg", b.svg},
		{"stats", b.statsCall},
		{"playing", func([]js.Value) any { return b.r.Playing() }},
		{"onChange", b.onChange},
	} {
		f := js.FuncOf(guard(m.name, m.fn))
		b.funcs = append(b.funcs, f)
		obj.Set(m.name, f)
	}
	js.Global().Set(name, obj)
	go b.pushLoop()
	return obj
}

// guard is the one boundary where panics become errors: whatever a caller
// passes, the Go runtime survives and the caller gets {error}.
func guard(name string, fn func(args []js.Value) any) func(js.Value, []js.Value) any {
	return func(_ js.Value, args []js.Value) (res any) {
		defer func() {
			if p := recover(); p != nil {
				res = errorObj(fmt.Errorf("aimath.%s: internal error: %v", name, p))
			}
		}()
		return fn(args)
	}
}

func errorObj(err error) any {
	return map[string]any{"error": err.Error()}
}

// toJS converts a Go value to a JS value through JSON, which handles nested
// slices, maps and structs alike.
func toJS(v any) any {
	data, err := json.Marshal(v)
	if err != nil {
		return errorObj(err)
	}
	return js.Global().Get("JSON").Call("parse", string(data))
}

func arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

// stringArg returns args[i] if it is a string of bounded length.
func stringArg(args []js.Value, i int, what string) (string, error) {
	v := arg(args, i)
	if v.Type() != js.TypeString {
		return "", fmt.Errorf("%s must be a string", what)
	}
	if n := strlen(v); n > maxString {
		return "", fmt.Errorf("%s too long (%d characters)", what, n)
	}
	return v.String(), nil
}

// strlen returns the length of a JS string without copying it into Go
// (Value.Length works on objects only, so ask a String wrapper).
func strlen(v js.Value) int {
	return js.Global().Call("Object", v).Get("length").Int()
}

// fromJS converts a JS argument to the Go types param.Values accepts:
// float64, bool, string and []any of those. Anything else is refused.
func fromJS(v js.Value, depth int) (any, error) {
	switch v.Type() {
	case js.TypeNumber:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, errors.New("value must be a finite number")
		}
		return f, nil
	case js.TypeBoolean:
		return v.Bool(), nil
	case js.TypeString:
		if n := strlen(v); n > maxString {
			return nil, fmt.Errorf("value too long (%d characters)", n)
		}
		return v.String(), nil
	case js.TypeObject:
		if !js.Global().Get("Array").Call("isArray", v).Bool() {
			return nil, errors.New("value must be a number, boolean, string or array")
		}
		if depth >= maxDepth {
			return nil, errors.New("value is nested too deeply")
		}
		n := v.Length()
		if n > maxItems {
			return nil, fmt.Errorf("array too long (%d items)", n)
		}
		out := make([]any, n)
		for i := range n {
			e, err := fromJS(v.Index(i), depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = e
		}
		return out, nil
	}
	return nil, fmt.Errorf("value must be a number, boolean, string or array, not %s", v.Type())
}

func (b *Bridge) lessons([]js.Value) any {
	type lessonJSON struct {
		ID       string   `json:"id"`
		Animated bool     `json:"animated"`
		Actions  []string `json:"actions"`
		Still    []string `json:"still"`
		Exports  []string `json:"exports"`
		Params   any      `json:"params"`
	}
	var out []lessonJSON
	for _, in := range b.r.Lessons() {
		acts := in.Actions
		if acts == nil {
			acts = []string{}
		}
		still := in.Still
		if still == nil {
			still = []string{}
		}
		exports := in.Exports
		if exports == nil {
			exports = []string{}
		}
		out = append(out, lessonJSON{in.ID, in.Animated, acts, still, exports, in.Params})
	}
	return toJS(out)
}

func (b *Bridge) open(args []js.Value) any {
	id, err := stringArg(args, 0, "lesson id")
	if err != nil {
		return errorObj(err)
	}
	state := ""
	if s := arg(args, 1); !s.IsUndefined() && !s.IsNull() {
		if state, err = stringArg(args, 1, "state"); err != nil {
			return errorObj(err)
		}
	}
	warnings, err := b.r.Open(id, state)
	if err != nil {
		return errorObj(err)
	}
	msgs := make([]string, len(warnings))
	for i, w := range warnings {
		msgs[i] = w.Error()
	}
	st, _ := b.r.State()
	return toJS(map[string]any{"id": id, "state": st, "warnings": msgs})
}

func (b *Bridge) set(args []js.Value) any {
	name, err := stringArg(args, 0, "parameter name")
	if err != nil {
		return errorObj(err)
	}
	if len(args) < 2 {
		return errorObj(errors.New("set needs a name and a value"))
	}
	x, err := fromJS(args[1], 0)
	if err != nil {
		return errorObj(fmt.Errorf("%s: %v", name, err))
	}
	got, clamped, err := b.r.Set(name, x)
	if err != nil {
		return errorObj(err)
	}
	return toJS(map[string]any{"value": got, "clamped": clamped})
}

func (b *Bridge) act(args []js.Value) any {
	name, err := stringArg(args, 0, "action name")
	if err != nil {
		return errorObj(err)
	}
	if err := b.r.Act(name); err != nil {
		return errorObj(err)
	}
	return toJS(map[string]any{"ok": true})
}

// readoutsJSON returns the readouts as a JSON object text, in the lesson's
// order (a Go map would lose it).
func (b *Bridge) readoutsJSON() (string, error) {
	ros, err := b.r.Readouts()
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, ro := range ros {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, _ := json.Marshal(ro.Name)
		v, err := json.Marshal(ro.Value)
		if err != nil {
			return "", fmt.Errorf("readout %s: %v", ro.Name, err)
		}
		buf.Write(k)
		buf.WriteByte(':')
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.String(), nil
}

func (b *Bridge) readouts([]js.Value) any {
	s, err := b.readoutsJSON()
	if err != nil {
		return errorObj(err)
	}
	return js.Global().Get("JSON").Call("parse", s)
}

// valuesJSON returns the parameter values as a JSON object text, in spec order.
func (b *Bridge) valuesJSON() (string, error) {
	vals, err := b.r.Values()
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, s := range vals.Specs() {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, _ := json.Marshal(s.Name)
		v, err := json.Marshal(vals.Get(s.Name))
		if err != nil {
			return "", err
		}
		buf.Write(k)
		buf.WriteByte(':')
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.String(), nil
}

func (b *Bridge) values([]js.Value) any {
	s, err := b.valuesJSON()
	if err != nil {
		return errorObj(err)
	}
	return js.Global().Get("JSON").Call("parse", s)
}

func (b *Bridge) state([]js.Value) any {
	s, err := b.r.State()
	if err != nil {
		return errorObj(err)
	}
	return s
}

func (b *Bridge) exportData([]js.Value) any {
	t, err := b.r.Data()
	if err != nil {
		return errorObj(err)
	}
	if t.Columns == nil {
		t.Columns = []string{}
	}
	if t.Rows == nil {
		t.Rows = [][]float64{}
	}
	for _, row := range t.Rows {
		for _, f := range row {
			if math.IsNaN(f) || math.IsInf(f, 0) {
				return errorObj(errors.New("the lesson's data has non-finite numbers"))
			}
		}
	}
	return toJS(t)
}

// exportText returns a text export of the open lesson, {kind, text}:
// the kinds are the lesson's "exports" in lessons().
func (b *Bridge) exportText(args []js.Value) any {
	kind, err := stringArg(args, 0, "export kind")
	if err != nil {
		return errorObj(err)
	}
	text, err := b.r.Export(kind)
	if err != nil {
		return errorObj(err)
	}
	return toJS(map[string]any{"kind": kind, "text": text})
}

// upload takes the user's decoded image, {width, height, data} with data a
// Uint8Array or Uint8ClampedArray of RGBA bytes (an ImageData works as is).
// A second argument {restore: true} brings back an image from an earlier
// visit without switching the lesson to it (see lesson.Runner.Upload).
func (b *Bridge) upload(args []js.Value) any {
	restore := false
	if o := arg(args, 1); o.Type() == js.TypeObject {
		restore = o.Get("restore").Type() == js.TypeBoolean && o.Get("restore").Bool()
	}
	im := arg(args, 0)
	if im.Type() != js.TypeObject {
		return errorObj(errors.New("upload needs {width, height, data}"))
	}
	w, h, data := im.Get("width"), im.Get("height"), im.Get("data")
	if w.Type() != js.TypeNumber || h.Type() != js.TypeNumber {
		return errorObj(errors.New("upload: width and height must be numbers"))
	}
	wi, hi := w.Float(), h.Float()
	if wi != math.Trunc(wi) || hi != math.Trunc(hi) || wi < 1 || hi < 1 || wi > lesson.MaxImageSide || hi > lesson.MaxImageSide {
		return errorObj(fmt.Errorf("upload: size %v×%v: want whole numbers from 1 to %d", wi, hi, lesson.MaxImageSide))
	}
	// The array may come from another window (the top page calls the
	// bridge of the iframe), where instanceof fails: ask for its tag, and
	// view its bytes through this window's Uint8Array, which is what
	// CopyBytesToGo wants.
	tag := ""
	if data.Type() == js.TypeObject {
		tag = js.Global().Get("Object").Get("prototype").Get("toString").Call("call", data).String()
	}
	if tag != "[object Uint8Array]" && tag != "[object Uint8ClampedArray]" {
		return errorObj(errors.New("upload: data must be a Uint8Array or Uint8ClampedArray of RGBA bytes"))
	}
	n := data.Get("length").Int()
	if n != 4*int(wi)*int(hi) {
		return errorObj(fmt.Errorf("upload: %v×%v pixels need %d bytes of RGBA, got %d", wi, hi, 4*int(wi)*int(hi), n))
	}
	data = js.Global().Get("Uint8Array").New(data.Get("buffer"), data.Get("byteOffset"), n)
	pix := make([]byte, n)
	js.CopyBytesToGo(pix, data)
	if err := b.r.Upload(lesson.Image{W: int(wi), H: int(hi), Pix: pix}, !restore); err != nil {
		return errorObj(err)
	}
	return toJS(map[string]any{"ok": true, "width": int(wi), "height": int(hi)})
}

func (b *Bridge) svg([]js.Value) any {
	w, h := b.size()
	f, err := b.r.Figure(w, h)
	if err != nil {
		return errorObj(err)
	}
	var buf bytes.Buffer
	if err := figure.WriteSVG(&buf, f); err != nil {
		return errorObj(err)
	}
	return buf.String()
}

func (b *Bridge) statsCall([]js.Value) any { return toJS(b.stats()) }

func (b *Bridge) onChange(args []js.Value) any {
	cb := arg(args, 0)
	if cb.Type() != js.TypeFunction {
		return errorObj(errors.New("onChange needs a function"))
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.callbacks) >= 16 {
		return errorObj(errors.New("too many onChange callbacks"))
	}
	b.callbacks = append(b.callbacks, cb)
	b.pushed = 0 // the new listener hears the current state at once
	return toJS(map[string]any{"ok": true})
}

// pushInterval bounds how often callbacks hear about changes (5 per second).
const pushInterval = 200 * time.Millisecond

// pushLoop sends changes to the callbacks from its own goroutine, so that
// neither the game loop nor a bridge call ever waits on page code.
func (b *Bridge) pushLoop() {
	t := time.NewTicker(pushInterval)
	defer t.Stop()
	for range t.C {
		b.push()
	}
}

func (b *Bridge) push() {
	v := b.r.Version()
	errMsg, errN := b.r.Err()
	b.mu.Lock()
	cbs := b.callbacks
	fresh := v != b.pushed || errN != b.lastErrN
	newErr := errN != b.lastErrN
	b.pushed, b.lastErrN = v, errN
	b.mu.Unlock()
	if len(cbs) == 0 || !fresh {
		return
	}
	ev := map[string]any{"id": b.r.ID(), "playing": b.r.Playing()}
	if newErr {
		ev["error"] = errMsg
	}
	st, err := b.r.State()
	if err != nil {
		return
	}
	ev["state"] = st
	evJS := toJS(ev).(js.Value)
	if s, err := b.readoutsJSON(); err == nil {
		evJS.Set("readouts", js.Global().Get("JSON").Call("parse", s))
	}
	if s, err := b.valuesJSON(); err == nil {
		evJS.Set("values", js.Global().Get("JSON").Call("parse", s))
	}
	for _, cb := range cbs {
		call(cb, evJS)
	}
}

// call invokes a page callback; an exception in it is logged, not fatal.
func call(cb js.Value, arg js.Value) {
	defer func() {
		if p := recover(); p != nil {
			js.Global().Get("console").Call("error", fmt.Sprintf("aimath.onChange callback failed: %v", p))
		}
	}()
	cb.Invoke(arg)
}
