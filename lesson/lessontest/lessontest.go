// Package lessontest holds the checks every lesson must pass, shared by
// the lessons' tests.
package lessontest

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// Sizes are the canvas sizes (CSS pixels) every figure is built for: a
// phone, a laptop and a wide screen.
var Sizes = [][2]float64{{340, 320}, {800, 500}, {1280, 720}}

// Check runs the checks every lesson must pass: a valid schema, every view
// drawn at every size with finite readouts, states that round-trip through
// the URL form, and a few hundred random settings, actions and pointer
// events that never make the lesson fail.
func Check(t *testing.T, info lesson.Info) {
	t.Helper()
	if info.ID == "" || info.New == nil {
		t.Fatalf("Info needs an ID and New")
	}
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("param.New(%s params) panics: %v", info.ID, p)
			}
		}()
		param.New(info.Params)
	}()
	r := lesson.NewRunner([]lesson.Info{info})
	if w, err := r.Open(info.ID, ""); err != nil || len(w) > 0 {
		t.Fatalf("Open(%s, defaults) = %v, %v", info.ID, w, err)
	}
	for _, view := range views(info) {
		if view != "" {
			if _, _, err := r.Set(info.ViewParam(), view); err != nil {
				t.Fatalf("Set(%s, %s): %v", info.ViewParam(), view, err)
			}
		}
		checkState(t, r, info, view)
	}
	fuzz(t, r, info)
}

func views(info lesson.Info) []string {
	for _, s := range info.Params {
		if s.Name == info.ViewParam() {
			return s.Choices
		}
	}
	return []string{""}
}

// checkState checks the open state of r: figures, readouts, data, URL form.
func checkState(t *testing.T, r *lesson.Runner, info lesson.Info, view string) {
	t.Helper()
	for _, sz := range Sizes {
		f, err := r.Figure(sz[0], sz[1])
		if err != nil {
			t.Fatalf("%s view %q: Figure(%v) error %v", info.ID, view, sz, err)
		}
		if f == nil || len(f.Panels) == 0 {
			t.Fatalf("%s view %q: Figure(%v) has no panels", info.ID, view, sz)
		}
		if f.W != sz[0] || f.H != sz[1] {
			t.Errorf("%s view %q: Figure(%v) size = %vx%v", info.ID, view, sz, f.W, f.H)
		}
		for _, p := range f.Panels {
			fr := p.Frame
			if fr.X0 < -0.5 || fr.Y0 < -0.5 || fr.X1 > sz[0]+0.5 || fr.Y1 > sz[1]+0.5 || fr.W() < 20 || fr.H() < 20 {
				t.Errorf("%s view %q size %v: panel %q frame %+v outside the canvas or too small", info.ID, view, sz, p.ID, fr)
			}
			checkItems(t, fmt.Sprintf("%s view %q panel %q", info.ID, view, p.ID), p.Items)
		}
	}
	ros, err := r.Readouts()
	if err != nil {
		t.Fatalf("%s view %q: Readouts: %v", info.ID, view, err)
	}
	seen := map[string]bool{}
	for _, ro := range ros {
		if ro.Name == "" || seen[ro.Name] {
			t.Errorf("%s view %q: readout name %q empty or repeated", info.ID, view, ro.Name)
		}
		seen[ro.Name] = true
		switch v := ro.Value.(type) {
		case float64:
		case string:
			if v == "" {
				t.Errorf("%s view %q: readout %s is an empty string", info.ID, view, ro.Name)
			}
		default:
			t.Errorf("%s view %q: readout %s has type %T, want float64 or string", info.ID, view, ro.Name, v)
		}
	}
	data, err := r.Data()
	if err != nil {
		t.Fatalf("%s view %q: Data: %v", info.ID, view, err)
	}
	for i, row := range data.Rows {
		if len(row) != len(data.Columns) {
			t.Fatalf("%s view %q: data row %d has %d values for %d columns", info.ID, view, i, len(row), len(data.Columns))
		}
		for _, x := range row {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Fatalf("%s view %q: data row %d has %v", info.ID, view, i, row)
			}
		}
	}
	st, _ := r.State()
	r2 := lesson.NewRunner([]lesson.Info{info})
	if w, err := r2.Open(info.ID, st); err != nil || len(w) > 0 {
		t.Fatalf("%s: Open(state %q) = %v, %v", info.ID, st, w, err)
	}
	if st2, _ := r2.State(); st2 != st {
		t.Errorf("%s: state does not round-trip:\n got %s\nwant %s", info.ID, st2, st)
	}
}

// checkItems refuses non-finite geometry, which renderers cannot draw.
func checkItems(t *testing.T, where string, items []figure.Item) {
	t.Helper()
	bad := func(xs ...float64) bool {
		for _, x := range xs {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return true
			}
		}
		return false
	}
	for i, it := range items {
		var nonFinite bool
		switch v := it.(type) {
		case figure.Path:
			for _, p := range v.Pts {
				nonFinite = nonFinite || bad(p.X, p.Y)
			}
		case figure.Box:
			nonFinite = bad(v.R.X0, v.R.Y0, v.R.X1, v.R.Y1)
		case figure.Circle:
			nonFinite = bad(v.C.X, v.C.Y, v.R)
		case figure.Point:
			nonFinite = bad(v.P.X, v.P.Y)
		case figure.Arrow:
			nonFinite = bad(v.From.X, v.From.Y, v.To.X, v.To.Y)
		case figure.Arc:
			nonFinite = bad(v.C.X, v.C.Y, v.A0, v.A1)
		case figure.Text:
			nonFinite = bad(v.At.X, v.At.Y)
			if strings.Contains(v.S, "NaN") || strings.Contains(v.S, "Inf") {
				t.Errorf("%s: item %d text %q shows a non-finite number", where, i, v.S)
			}
		case figure.Raster:
			nonFinite = bad(v.R.X0, v.R.Y0, v.R.X1, v.R.Y1)
			if len(v.Values) != v.W*v.H && len(v.RGBA) != 4*v.W*v.H {
				t.Errorf("%s: item %d raster %dx%d has %d values and %d bytes", where, i, v.W, v.H, len(v.Values), len(v.RGBA))
			}
		}
		if nonFinite {
			t.Errorf("%s: item %d (%T) has non-finite geometry: %+v", where, i, it, it)
		}
	}
}

// handle is an item the user can point at.
type handle struct {
	panel string
	id    string
	at    figure.Vec
}

func handles(f *figure.Figure) []handle {
	var hs []handle
	for _, p := range f.Panels {
		for _, it := range p.Items {
			switch v := it.(type) {
			case figure.Point:
				if v.ID != "" {
					hs = append(hs, handle{p.ID, v.ID, v.P})
				}
			case figure.Arrow:
				if v.ID != "" {
					hs = append(hs, handle{p.ID, v.ID, v.To})
				}
			case figure.Box:
				if v.ID != "" {
					hs = append(hs, handle{p.ID, v.ID, figure.Vec{X: (v.R.X0 + v.R.X1) / 2, Y: (v.R.Y0 + v.R.Y1) / 2}})
				}
			}
		}
	}
	return hs
}

// garbage returns a value for s that is sometimes valid, sometimes out of
// range and sometimes nonsense.
func garbage(rng *rand.Rand, s param.Spec) any {
	num := func() float64 {
		span := s.Max - s.Min
		return s.Min - span/2 + rng.Float64()*span*2
	}
	switch rng.IntN(6) {
	case 0:
		return []any{"x", math.NaN(), "1e999", "", "1,2,3", true, []any{1.0}}[rng.IntN(7)]
	case 1:
		return s.Default
	}
	switch s.Kind {
	case param.Number, param.Int:
		return num()
	case param.Bool:
		return rng.IntN(2) == 0
	case param.Choice:
		return s.Choices[rng.IntN(len(s.Choices))]
	case param.Text:
		return "x^2 + " + fmt.Sprint(rng.IntN(10))
	case param.Multi:
		var on []any
		for _, c := range s.Choices {
			if rng.IntN(2) == 0 {
				on = append(on, c)
			}
		}
		return on
	case param.Vec2:
		return []any{num(), num()}
	case param.Matrix:
		rows, cols := 1+rng.IntN(s.MaxRows+1), 1+rng.IntN(s.MaxCols+1)
		m := make([]any, rows)
		for i := range m {
			row := make([]any, cols)
			for j := range row {
				row[j] = num()
			}
			m[i] = row
		}
		return m
	}
	return nil
}

// fuzz applies random settings, actions and pointer events; none may make
// the lesson panic (the runner reports a panic as an "internal error").
func fuzz(t *testing.T, r *lesson.Runner, info lesson.Info) {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	internal := func(op string, err error) {
		if err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatalf("%s: %s: %v", info.ID, op, err)
		}
	}
	acts := append([]string{lesson.ActReset}, info.Actions...)
	if info.Animated {
		acts = append(acts, lesson.ActPlay, lesson.ActPause, lesson.ActStep)
	}
	for i := range 400 {
		switch rng.IntN(4) {
		case 0:
			s := info.Params[rng.IntN(len(info.Params))]
			x := garbage(rng, s)
			_, _, err := r.Set(s.Name, x)
			internal(fmt.Sprintf("op %d Set(%s, %v)", i, s.Name, x), err)
		case 1:
			a := acts[rng.IntN(len(acts))]
			internal(fmt.Sprintf("op %d Act(%s)", i, a), r.Act(a))
			for range rng.IntN(30) {
				r.Tick()
			}
		case 2, 3:
			sz := Sizes[rng.IntN(len(Sizes))]
			f, err := r.Figure(sz[0], sz[1])
			internal(fmt.Sprintf("op %d Figure", i), err)
			if f == nil {
				continue
			}
			hs := handles(f)
			var h handle
			if len(hs) > 0 && rng.IntN(4) > 0 {
				h = hs[rng.IntN(len(hs))]
			} else {
				p := f.Panels[rng.IntN(len(f.Panels))]
				v := p.View()
				h = handle{p.ID, "", v.ToWorld(v.Frame.X0+rng.Float64()*v.Frame.W(), v.Frame.Y0+rng.Float64()*v.Frame.H())}
			}
			button := []int{0, 0, 0, 2}[rng.IntN(4)]
			to := figure.Vec{X: h.at.X + rng.NormFloat64(), Y: h.at.Y + rng.NormFloat64()}
			for _, p := range []lesson.Pointer{
				{Phase: lesson.Down, Panel: h.panel, At: h.at, Hit: h.id, Button: button, Held: true},
				{Phase: lesson.Move, Panel: h.panel, At: to, Button: button, Held: true},
				{Phase: lesson.Up, Panel: h.panel, At: to, Button: button},
				{Phase: lesson.Move, Panel: h.panel, At: h.at},
			} {
				internal(fmt.Sprintf("op %d Pointer(%+v)", i, p), r.Pointer(p))
			}
		}
		if _, err := r.Readouts(); err != nil {
			t.Fatalf("%s: op %d: Readouts: %v", info.ID, i, err)
		}
		if msg, _ := r.Err(); msg != "" {
			t.Fatalf("%s: op %d: tick failed: %s", info.ID, i, msg)
		}
	}
	for _, view := range views(info) {
		if view != "" {
			if _, _, err := r.Set(info.ViewParam(), view); err != nil {
				t.Fatalf("Set(%s, %s): %v", info.ViewParam(), view, err)
			}
		}
		checkState(t, r, info, view)
	}
}

// Golden compares the SVG of f with testdata/<name>.svg. Run the test with
// -update to write the file after checking the picture by eye.
func Golden(t *testing.T, name string, f *figure.Figure) {
	t.Helper()
	var buf bytes.Buffer
	if err := figure.WriteSVG(&buf, f); err != nil {
		t.Fatalf("WriteSVG(%s): %v", name, err)
	}
	path := filepath.Join("testdata", name+".svg")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("%s: the figure's SVG differs from %s; look at both, then run with -update if the change is intended", name, path)
	}
}

// Open returns a runner on the lesson in the state query; any warning
// about the state fails the test.
func Open(t testing.TB, info lesson.Info, query string) *lesson.Runner {
	t.Helper()
	r := lesson.NewRunner([]lesson.Info{info})
	if w, err := r.Open(info.ID, query); err != nil || len(w) > 0 {
		t.Fatalf("Open(%s, %q) = %v, %v", info.ID, query, w, err)
	}
	return r
}

// Readouts returns the runner's readouts by name.
func Readouts(t testing.TB, r *lesson.Runner) map[string]any {
	t.Helper()
	ros, err := r.Readouts()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]any{}
	for _, ro := range ros {
		out[ro.Name] = ro.Value
	}
	return out
}

// Values returns a copy of the runner's parameter values.
func Values(t testing.TB, r *lesson.Runner) *param.Values {
	t.Helper()
	v, err := r.Values()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// CheckReadouts compares readouts with wanted values: a float64 within tol
// (absolute or relative), a string exactly, and nil for "absent".
func CheckReadouts(t testing.TB, where string, got, want map[string]any, tol float64) {
	t.Helper()
	for name, w := range want {
		g, ok := got[name]
		switch w := w.(type) {
		case nil:
			if ok {
				t.Errorf("%s: readout %s = %v, want none", where, name, g)
			}
		case float64:
			f, isNum := g.(float64)
			if !isNum || !scalar.EqualWithinAbsOrRel(f, w, tol, tol) {
				t.Errorf("%s: readout %s = %v, want %v", where, name, g, w)
			}
		default:
			if g != w {
				t.Errorf("%s: readout %s = %v, want %v", where, name, g, w)
			}
		}
	}
}
