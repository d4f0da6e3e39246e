//go:build js && wasm

package bridge

import (
	"math"
	"math/rand/v2"
	"strings"
	"syscall/js"
	"testing"
	"time"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// echo is a small lesson for the bridge tests: it shows its vector x.
type echo struct{ x [2]float64 }

func (e *echo) Reset(v *param.Values)             { e.x = v.Vec2("x") }
func (e *echo) Tune(name string, v *param.Values) { e.x = v.Vec2("x") }
func (e *echo) Step(v *param.Values) bool         { return false }
func (e *echo) Act(name string, v *param.Values) error {
	panic("act panics on purpose")
}
func (e *echo) Figure(w, h float64) *figure.Figure {
	return &figure.Figure{W: w, H: h, Panels: []*figure.Panel{{
		ID: "main", Frame: figure.Rect{X1: w, Y1: h}, World: figure.Rect{X0: -5, Y0: -5, X1: 5, Y1: 5},
		Items: []figure.Item{figure.Point{ID: "x", P: figure.Vec{X: e.x[0], Y: e.x[1]}}},
	}}}
}
func (e *echo) Readouts() []lesson.Readout {
	return []lesson.Readout{lesson.Num("x1", e.x[0]), lesson.Num("x2", e.x[1]), lesson.Str("note", "undefined")}
}
func (e *echo) Pointer(p lesson.Pointer, v *param.Values) bool { return false }
func (e *echo) Data() lesson.Table {
	return lesson.Table{Columns: []string{"x1", "x2"}, Rows: [][]float64{e.x[:]}}
}

var echoInfo = lesson.Info{
	ID:      "echo",
	Params:  []param.Spec{{Name: "x", Kind: param.Vec2, Min: -5, Max: 5, Default: [2]float64{1, 2}, Live: true}},
	Actions: []string{"explode"},
	New:     func() lesson.Lesson { return new(echo) },
}

var obj js.Value

func aimath(t *testing.T) js.Value {
	t.Helper()
	if obj.IsUndefined() {
		r := lesson.NewRunner([]lesson.Info{echoInfo})
		if _, err := r.Open("echo", ""); err != nil {
			t.Fatal(err)
		}
		obj = New(r, func() Stats { return Stats{Frames: 1} }, func() (float64, float64) { return 300, 200 }).Register("aimathTest")
	}
	return obj
}

func jsonOf(v js.Value) string { return js.Global().Get("JSON").Call("stringify", v).String() }

func TestCalls(t *testing.T) {
	a := aimath(t)
	for i, tc := range []struct {
		method string
		args   []any
		want   string
	}{
		{"set", []any{"x", []any{3, 4}}, `{"clamped":false,"value":[3,4]}`},
		{"readouts", nil, `{"x1":3,"x2":4,"note":"undefined"}`},
		{"values", nil, `{"x":[3,4]}`},
		{"state", nil, `"x=3%2C4"`},
		{"set", []any{"x", "9,-9"}, `{"clamped":true,"value":[5,-5]}`},
		{"exportData", nil, `{"columns":["x1","x2"],"rows":[[5,-5]]}`},
		{"open", []any{"echo", "x=1,1&lang=ko&bogus=2"}, `{"id":"echo","state":"x=1%2C1","warnings":["unknown parameter \"bogus\""]}`},
		{"open", []any{"nope"}, `{"error":"unknown lesson \"nope\""}`},
		{"set", []any{"x", math.NaN()}, `{"error":"x: value must be a finite number"}`},
		{"set", []any{"x"}, `{"error":"set needs a name and a value"}`},
		{"set", []any{"y", 1}, `{"error":"unknown parameter \"y\""}`},
		{"set", []any{42, 1}, `{"error":"parameter name must be a string"}`},
		{"act", []any{"explode"}, `{"error":"internal error in lesson echo: act panics on purpose"}`},
		{"act", []any{"play"}, `{"error":"lesson echo has no animation"}`},
		{"act", []any{map[string]any{}}, `{"error":"action name must be a string"}`},
		{"onChange", []any{"not a function"}, `{"error":"onChange needs a function"}`},
		{"stats", nil, `{"frames":1,"firstFrameMs":0,"goMsPerFrame":0}`},
		{"playing", nil, `false`},
		{"exportText", []any{"json"}, `{"error":"lesson echo has no export \"json\""}`},
		{"exportText", nil, `{"error":"export kind must be a string"}`},
	} {
		got := jsonOf(a.Call(tc.method, tc.args...))
		if got != tc.want {
			t.Errorf("%d: aimath.%s(%v) = %s, want %s", i, tc.method, tc.args, got, tc.want)
		}
	}
	if svg := a.Call("svg").String(); !strings.HasPrefix(svg, "<svg") && !strings.HasPrefix(svg, "<?xml") {
		t.Errorf("svg() = %.40q, want an SVG document", svg)
	}
	lessons := jsonOf(a.Call("lessons"))
	if !strings.Contains(lessons, `"id":"echo"`) || !strings.Contains(lessons, `"kind":"vec2"`) || !strings.Contains(lessons, `"actions":["explode"]`) || !strings.Contains(lessons, `"exports":[]`) {
		t.Errorf("lessons() = %s", lessons)
	}
}

// TestGarbage calls every method with random garbage; the runtime must
// survive and a valid call must still work afterwards.
func TestGarbage(t *testing.T) {
	a := aimath(t)
	rng := rand.New(rand.NewPCG(7, 7))
	array := js.Global().Get("Array")
	deep := array.New()
	cur := deep
	for range 10 {
		next := array.New()
		cur.Call("push", next)
		cur = next
	}
	values := []any{nil, js.Undefined(), js.Null(), math.NaN(), math.Inf(-1), 1e308, math.Copysign(0, -1), "", "x",
		strings.Repeat("a", 1<<17), true, []any{1, "2"}, []any{[]any{1, 2}, []any{3}}, map[string]any{"a": 1},
		deep, array.New(5000), js.Global().Get("Symbol").Get("iterator"), js.Global().Get("Object"), 3}
	methods := []string{"lessons", "open", "set", "act", "readouts", "values", "state", "exportData", "svg", "stats", "playing", "upload", "exportText"}
	for range 2000 {
		m := methods[rng.IntN(len(methods))]
		args := make([]any, rng.IntN(4))
		for i := range args {
			args[i] = values[rng.IntN(len(values))]
		}
		a.Call(m, args...)
	}
	res := a.Call("set", "x", []any{-2, 2.5})
	if got := jsonOf(res); got != `{"clamped":false,"value":[-2,2.5]}` {
		t.Fatalf("a valid set after garbage = %s", got)
	}
	if got := jsonOf(a.Call("readouts")); got != `{"x1":-2,"x2":2.5,"note":"undefined"}` {
		t.Errorf("readouts after garbage = %s", got)
	}
}

func TestUpload(t *testing.T) {
	a := aimath(t)
	u8 := func(n int) js.Value { return js.Global().Get("Uint8Array").New(n) }
	img := func(w, h, data any) map[string]any { return map[string]any{"width": w, "height": h, "data": data} }
	clamped := js.Global().Get("Uint8ClampedArray").New(8)
	for i, tc := range []struct {
		args []any
		want string
	}{
		{nil, `{"error":"upload needs {width, height, data}"}`},
		{[]any{"picture.png"}, `{"error":"upload needs {width, height, data}"}`},
		{[]any{img("2", 1, u8(8))}, `{"error":"upload: width and height must be numbers"}`},
		{[]any{img(2.5, 1, u8(10))}, `{"error":"upload: size 2.5×1: want whole numbers from 1 to 4096"}`},
		{[]any{img(5000, 1, u8(4))}, `{"error":"upload: size 5000×1: want whole numbers from 1 to 4096"}`},
		{[]any{img(2, 1, []any{1, 2, 3})}, `{"error":"upload: data must be a Uint8Array or Uint8ClampedArray of RGBA bytes"}`},
		{[]any{img(2, 2, u8(8))}, `{"error":"upload: 2×2 pixels need 16 bytes of RGBA, got 8"}`},
		// The echo lesson takes no image: a fresh upload is refused, a
		// restored one is kept for later lessons.
		{[]any{img(2, 1, u8(8))}, `{"error":"this lesson does not take an image"}`},
		{[]any{img(2, 1, clamped), map[string]any{"restore": true}}, `{"height":1,"ok":true,"width":2}`},
	} {
		if got := jsonOf(a.Call("upload", tc.args...)); got != tc.want {
			t.Errorf("%d: aimath.upload(%v) = %s, want %s", i, tc.args, got, tc.want)
		}
	}
}

func TestOnChange(t *testing.T) {
	a := aimath(t)
	got := make(chan string, 10)
	cb := js.FuncOf(func(this js.Value, args []js.Value) any {
		got <- jsonOf(args[0].Get("readouts"))
		return nil
	})
	defer cb.Release()
	thrower := js.Global().Get("Function").New("throw new Error('page bug')")
	a.Call("onChange", thrower)
	a.Call("onChange", cb)
	a.Call("set", "x", []any{0.5, 0.25})
	deadline := time.After(3 * time.Second)
	for {
		select {
		case s := <-got:
			if s == `{"x1":0.5,"x2":0.25,"note":"undefined"}` {
				return
			}
		case <-deadline:
			t.Fatal("onChange callback never heard the change")
		}
	}
}
