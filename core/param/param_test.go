package param

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func testSpecs() []Spec {
	return []Spec{
		{Name: "view", Kind: Choice, Choices: []string{"map", "multiply"}, Default: "map"},
		{Name: "lr", Kind: Number, Min: 1e-4, Max: 10, Default: 0.1, Live: true, Log: true},
		{Name: "n", Kind: Int, Min: 1, Max: 200, Default: 20.0},
		{Name: "show", Kind: Bool, Default: true, Show: "view=map"},
		{Name: "f", Kind: Text, Default: "x^2+2x+3", MaxLen: 40},
		{Name: "x", Kind: Vec2, Min: -5, Max: 5, Default: [2]float64{3, 1}},
		{Name: "X", Kind: Matrix, Min: -9, Max: 9, Default: [][]float64{{1, 2}, {3, 4}}, MaxRows: 3, MaxCols: 3},
		{Name: "opt", Kind: Multi, Choices: []string{"gd", "momentum", "adam"}, Default: "gd,adam"},
	}
}

func TestSet(t *testing.T) {
	for i, tc := range []struct {
		name    string
		in      any
		want    any
		clamped bool
		err     string
	}{
		{"lr", 0.5, 0.5, false, ""},
		{"lr", "0.25", 0.25, false, ""},
		{"lr", 100.0, 10.0, true, ""},
		{"lr", -1.0, 1e-4, true, ""},
		{"lr", math.NaN(), nil, false, "finite"},
		{"lr", math.Inf(1), nil, false, "finite"},
		{"lr", "abc", nil, false, "not a number"},
		{"lr", true, nil, false, "want a number"},
		{"n", 3.6, 4.0, true, ""},
		{"n", 1000.0, 200.0, true, ""},
		{"show", false, false, false, ""},
		{"show", "1", true, false, ""},
		{"show", 0.0, false, false, ""},
		{"show", 2.0, nil, false, "true or false"},
		{"view", "multiply", "multiply", false, ""},
		{"view", "nope", nil, false, "one of map, multiply"},
		{"view", 1.0, nil, false, "one of"},
		{"f", "sin(x)", "sin(x)", false, ""},
		{"f", strings.Repeat("x", 41), nil, false, "longer than 40"},
		{"f", "x\x00", nil, false, "invalid characters"},
		{"f", "\xff", nil, false, "invalid characters"},
		{"x", []any{1.5, -2.0}, [2]float64{1.5, -2}, false, ""},
		{"x", "1.5,-2", [2]float64{1.5, -2}, false, ""},
		{"x", []any{10.0, 0.0}, [2]float64{5, 0}, true, ""},
		{"x", []any{1.0}, nil, false, "two numbers"},
		{"x", []any{1.0, "y"}, nil, false, "two numbers"},
		{"x", 3.0, nil, false, "two numbers"},
		{"X", "1,2;3,4;5,6", [][]float64{{1, 2}, {3, 4}, {5, 6}}, false, ""},
		{"X", []any{[]any{1.0, 20.0}}, [][]float64{{1, 9}}, true, ""},
		{"X", "1,2;3", nil, false, "different lengths"},
		{"X", "1;2;3;4", nil, false, "1 to 3 rows"},
		{"X", "1,2,3,4", nil, false, "1 to 3 rows"},
		{"X", "", nil, false, ""},
		{"X", []any{}, nil, false, "1 to 3 rows"},
		{"X", map[string]any{}, nil, false, "rows of numbers"},
		{"opt", "adam, gd,adam", "gd,adam", false, ""},
		{"opt", []any{"momentum"}, "momentum", false, ""},
		{"opt", "", "", false, ""},
		{"opt", "gd,sgd", nil, false, `"sgd" is not one of gd, momentum, adam`},
		{"opt", []any{1.0}, nil, false, "want names"},
		{"opt", 1.0, nil, false, "comma list"},
		{"nope", 1.0, nil, false, "unknown parameter"},
		{"lr", strings.Repeat("9", maxValueLen+1), nil, false, "too long"},
	} {
		v := New(testSpecs())
		before := v.Encode()
		got, clamped, err := v.Set(tc.name, tc.in)
		if tc.err != "" || tc.want == nil && tc.name != "opt" {
			if err == nil {
				t.Errorf("%d: Set(%s, %v) = %v, want an error", i, tc.name, tc.in, got)
				continue
			}
			if !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%d: Set(%s, %v) error %q, want it to mention %q", i, tc.name, tc.in, err, tc.err)
			}
			if v.Encode() != before {
				t.Errorf("%d: a refused Set(%s) changed the values", i, tc.name)
			}
			continue
		}
		if err != nil {
			t.Errorf("%d: Set(%s, %v) error %v", i, tc.name, tc.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) || clamped != tc.clamped {
			t.Errorf("%d: Set(%s, %v) = %v, %v, want %v, %v", i, tc.name, tc.in, got, clamped, tc.want, tc.clamped)
		}
		if !reflect.DeepEqual(v.Get(tc.name), tc.want) {
			t.Errorf("%d: Get(%s) after Set = %v, want %v", i, tc.name, v.Get(tc.name), tc.want)
		}
	}
}

func TestUnknownIsErrUnknown(t *testing.T) {
	v := New(testSpecs())
	if _, _, err := v.Set("zzz", 1.0); !errors.Is(err, ErrUnknown) {
		t.Errorf("Set(zzz) error = %v, want ErrUnknown", err)
	}
}

func TestMatrixIsCopied(t *testing.T) {
	v := New(testSpecs())
	m := v.Matrix("X")
	m[0][0] = 42
	if v.Matrix("X")[0][0] != 1 {
		t.Errorf("changing a returned matrix changed the stored value")
	}
	c := v.Clone()
	c.Set("X", "5")
	if v.Matrix("X")[0][0] != 1 {
		t.Errorf("changing a clone changed the original")
	}
}

func TestEncodeDecode(t *testing.T) {
	v := New(testSpecs())
	if got, want := v.Encode(), "view=map&lr=0.1&n=20&show=1&f=x%5E2%2B2x%2B3&x=3%2C1&X=1%2C2%3B3%2C4&opt=gd%2Cadam"; got != want {
		t.Errorf("Encode() = %s, want %s", got, want)
	}
	v.Set("lr", 0.1+0.2)
	v.Set("x", []any{-1.25, 1.0 / 3})
	v.Set("f", "a&b=c #d")
	v.Set("X", "1e-7,2;3,-4.5")
	w := New(testSpecs())
	if errs := w.Decode("#" + v.Encode()); len(errs) > 0 {
		t.Fatalf("Decode(Encode()) errors %v", errs)
	}
	if !reflect.DeepEqual(w.vals, v.vals) {
		t.Errorf("Decode(Encode()) = %v, want %v", w.vals, v.vals)
	}
}

func TestDecodeBadPairs(t *testing.T) {
	v := New(testSpecs())
	errs := v.Decode("lesson=gd&lr=abc&n=7&zzz=1&view=%zz&x=1&lang=ko&show=0", "lesson", "lang")
	if len(errs) != 4 {
		t.Errorf("Decode errors = %v, want 4 (lr, zzz, view, x)", errs)
	}
	if v.Float("lr") != 0.1 || v.Int("n") != 7 || v.String("view") != "map" || v.Bool("show") {
		t.Errorf("Decode applied the wrong pairs: %s", v.Encode())
	}
}

func TestShowsFor(t *testing.T) {
	v := New(testSpecs())
	s, _ := v.Spec("show")
	if !s.ShowsFor(v) {
		t.Errorf("show hidden for view=map")
	}
	v.Set("view", "multiply")
	if s.ShowsFor(v) {
		t.Errorf("show visible for view=multiply")
	}
}

func TestBadSpecsPanic(t *testing.T) {
	for i, specs := range [][]Spec{
		{{Name: "a", Kind: Number, Min: 1, Max: 0, Default: 0.5}},
		{{Name: "a", Kind: Number, Min: 0, Max: 1, Default: 2.0}},
		{{Name: "a", Kind: Number, Min: 0, Max: 1, Default: 1}}, // an int, not a float64
		{{Name: "a", Kind: Choice, Default: "x"}},
		{{Name: "a b", Kind: Bool, Default: true}},
		{{Name: "a", Kind: "colour", Default: "red"}},
		{{Name: "a", Kind: Number, Min: 0, Max: 1, Log: true, Default: 0.5}},
		{{Name: "a", Kind: Bool, Default: true}, {Name: "a", Kind: Bool, Default: true}},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%d: New(%+v) did not panic", i, specs)
				}
			}()
			New(specs)
		}()
	}
}

// FuzzDecode proves that Decode never panics, leaves only valid values, and
// that whatever it leaves round-trips through Encode exactly.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"", "view=multiply&lr=0.5", "x=1,2&X=1;2", "%", "&&=&", "X=1,2;3,4;;", "f=%00", "lr=1e400", "n=-0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := New(testSpecs())
		v.Decode(s)
		for i, spec := range v.specs {
			if _, _, err := spec.normalize(v.vals[i]); err != nil {
				t.Fatalf("Decode(%q) left %s invalid: %v", s, spec.Name, err)
			}
		}
		enc := v.Encode()
		w := New(testSpecs())
		if errs := w.Decode(enc); len(errs) > 0 {
			t.Fatalf("Decode(Encode()) of %q: %v", enc, errs)
		}
		if w.Encode() != enc {
			t.Fatalf("round trip of %q: got %q", enc, w.Encode())
		}
	})
}

func ExampleValues_Set() {
	v := New([]Spec{{Name: "lr", Kind: Number, Min: 0.001, Max: 1, Default: 0.1}})
	got, clamped, err := v.Set("lr", 5.0)
	fmt.Println(got, clamped, err)
	_, _, err = v.Set("lr", "fast")
	fmt.Println(err)
	fmt.Println(v.Encode())
	// Output:
	// 1 true <nil>
	// lr: "fast" is not a number
	// lr=1
}

func TestSnap(t *testing.T) {
	for i, tc := range []struct{ x, step, want float64 }{
		{0.29999, 0.1, 0.3},
		{2.04, 0.1, 2},
		{-1.96, 0.1, -2},
		{-0.04, 0.1, 0},
		{1.23456, 0.01, 1.23},
		{7.5, 1, 8},
		{0.7, 0.01, 0.7},
	} {
		got := Snap(tc.x, tc.step)
		if got != tc.want || math.Signbit(got) != math.Signbit(tc.want) {
			t.Errorf("%d: Snap(%v, %v) = %v, want %v", i, tc.x, tc.step, got, tc.want)
		}
		if s := strconv.FormatFloat(got, 'g', -1, 64); len(s) > 6 {
			t.Errorf("%d: Snap(%v, %v) prints as %s", i, tc.x, tc.step, s)
		}
	}
}

func TestTextCheck(t *testing.T) {
	v := New([]Spec{{Name: "k", Kind: Text, Default: "ok", Check: func(s string) error {
		if s != "ok" && s != "fine" {
			return errors.New("not ok")
		}
		return nil
	}}})
	if _, _, err := v.Set("k", "fine"); err != nil {
		t.Errorf("Set(k, fine) = %v", err)
	}
	_, _, err := v.Set("k", "bad")
	if err == nil || !strings.Contains(err.Error(), "not ok") || v.String("k") != "fine" {
		t.Errorf("Set(k, bad) = %v, value %q; want the Check error and the old value", err, v.String("k"))
	}
	v.Reset()
	if errs := v.Decode("k=bad"); len(errs) != 1 || v.String("k") != "ok" {
		t.Errorf("Decode(k=bad) = %v, value %q; want one error and the default", errs, v.String("k"))
	}
}

func TestShowsForConjunction(t *testing.T) {
	v := New(testSpecs())
	s := Spec{Name: "k", Kind: Bool, Default: false, Show: "view=map|multiply&opt=gd,adam"}
	if !s.ShowsFor(v) {
		t.Errorf("%q hidden for view=map, opt=gd,adam", s.Show)
	}
	v.Set("opt", "gd")
	if s.ShowsFor(v) {
		t.Errorf("%q shown for opt=gd", s.Show)
	}
}
