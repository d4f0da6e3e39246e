package param

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the type of a parameter's value.
type Kind string

// The parameter kinds and the Go type their values have.
const (
	Number Kind = "number" // float64
	Int    Kind = "int"    // float64 holding a whole number
	Bool   Kind = "bool"   // bool
	Choice Kind = "choice" // string, one of Spec.Choices
	Text   Kind = "text"   // string of at most Spec.MaxLen bytes
	Vec2   Kind = "vec2"   // [2]float64, each component in [Min, Max]
	Matrix Kind = "matrix" // [][]float64, rectangular, entries in [Min, Max]
	Multi  Kind = "multi"  // string: a comma list of Choices, in their order (may be empty)
)

// Spec describes one parameter. The zero value is not valid; lessons declare
// their specs once, and New panics on a malformed one (a caller bug).
type Spec struct {
	Name    string   `json:"name"`
	Kind    Kind     `json:"kind"`
	Min     float64  `json:"min,omitempty"`
	Max     float64  `json:"max,omitempty"`
	Step    float64  `json:"step,omitempty"`
	Default any      `json:"default"`
	Choices []string `json:"choices,omitempty"`
	// Live parameters are tuned without resetting the lesson's progress;
	// the others are structural and rebuild the model.
	Live bool `json:"live"`
	// Log asks for a logarithmic slider (Number with Min > 0).
	Log bool `json:"log,omitempty"`
	// MaxLen bounds a Text value in bytes (default 200).
	MaxLen int `json:"maxLen,omitempty"`
	// MaxRows and MaxCols bound a Matrix value (default 5 each).
	MaxRows int `json:"maxRows,omitempty"`
	MaxCols int `json:"maxCols,omitempty"`
	// Show makes the control conditional: "view=map" or "view=map|lstsq"
	// shows it only while the choice parameter view has one of those values;
	// conditions joined by "&" must all hold ("view=dist&dist=beta|gamma").
	Show string `json:"show,omitempty"`
	// Hidden parameters are part of the state (and the URL) but get no
	// control of their own: they are edited on the canvas.
	Hidden bool `json:"hidden,omitempty"`
	// Check, for a Text spec, validates the text further (that it parses,
	// say); a value it refuses is not stored, and its error is the message
	// the user sees.
	Check func(string) error `json:"-"`
	// Presets, for a Text spec, are named matrices the text may be instead
	// of rows "a,b,c;d,e,f" (a kernel, say): the page shows a menu of them
	// and a grid of cells to edit.
	Presets []Preset `json:"presets,omitempty"`
	// Control names a special control the page has for this parameter
	// ("layers": a list of layer sizes with +/− buttons; "thumbnails": a
	// choice shown as pictures); the page falls back to the kind's control
	// when it does not know the name.
	Control string `json:"control,omitempty"`
}

// Preset is a named matrix a Text parameter may take (see Spec.Presets).
type Preset struct {
	Name string      `json:"name"`
	Rows [][]float64 `json:"rows"`
}

const (
	defaultMaxLen = 200
	defaultMaxDim = 5
	// maxValueLen bounds any raw value handed to Set or Decode, so that
	// garbage input costs little before it is refused.
	maxValueLen = 64 << 10
)

// ErrUnknown is returned for a parameter name the lesson does not have.
var ErrUnknown = errors.New("unknown parameter")

func (s *Spec) maxLen() int {
	if s.MaxLen > 0 {
		return s.MaxLen
	}
	return defaultMaxLen
}

func (s *Spec) maxRows() int {
	if s.MaxRows > 0 {
		return s.MaxRows
	}
	return defaultMaxDim
}

func (s *Spec) maxCols() int {
	if s.MaxCols > 0 {
		return s.MaxCols
	}
	return defaultMaxDim
}

// ShowsFor reports whether the spec's Show condition holds for v.
func (s *Spec) ShowsFor(v *Values) bool {
	if s.Show == "" {
		return true
	}
	for _, cond := range strings.Split(s.Show, "&") {
		name, vals, ok := strings.Cut(cond, "=")
		if !ok {
			continue
		}
		cur, isStr := v.Get(name).(string)
		if !isStr || !slices.Contains(strings.Split(vals, "|"), cur) {
			return false
		}
	}
	return true
}

// check panics if the spec is malformed: a bug in the lesson, not user input.
func (s *Spec) check() {
	bad := func(msg string) { panic("param: " + s.Name + ": " + msg) }
	if s.Name == "" || strings.ContainsAny(s.Name, "=&#;, ") {
		bad("bad name")
	}
	switch s.Kind {
	case Number, Int, Vec2, Matrix:
		if !(s.Min <= s.Max) || math.IsInf(s.Min, 0) || math.IsInf(s.Max, 0) {
			bad("bad range")
		}
		if s.Log && s.Min <= 0 {
			bad("log scale needs Min > 0")
		}
	case Bool, Text:
	case Choice, Multi:
		if len(s.Choices) == 0 {
			bad("no choices")
		}
		for _, c := range s.Choices {
			if c == "" || strings.Contains(c, ",") {
				bad("choice " + c + " is empty or has a comma")
			}
		}
	default:
		bad("unknown kind " + string(s.Kind))
	}
	got, _, err := s.normalize(s.Default)
	if err != nil {
		bad("default: " + err.Error())
	}
	if !equal(got, s.Default) {
		bad(fmt.Sprintf("default %v is not normalized (%v)", s.Default, got))
	}
}

// normalize validates x for the spec and converts it to the kind's Go type.
// Out-of-range numbers are clamped (clamped reports it); values of the wrong
// type, NaN, unknown choices and over-long text are refused.
func (s *Spec) normalize(x any) (v any, clamped bool, err error) {
	if str, ok := x.(string); ok && len(str) > maxValueLen {
		return nil, false, fmt.Errorf("%s: value too long (%d bytes)", s.Name, len(str))
	}
	switch s.Kind {
	case Number, Int:
		f, err := toFloat(x)
		if err != nil {
			return nil, false, fmt.Errorf("%s: %v", s.Name, err)
		}
		f, clamped = s.clamp(f)
		return f, clamped, nil
	case Bool:
		switch b := x.(type) {
		case bool:
			return b, false, nil
		case float64:
			if b == 0 || b == 1 {
				return b == 1, false, nil
			}
		case string:
			switch strings.TrimSpace(b) {
			case "1", "true":
				return true, false, nil
			case "0", "false":
				return false, false, nil
			}
		}
		return nil, false, fmt.Errorf("%s: want true or false", s.Name)
	case Choice:
		str, ok := x.(string)
		if !ok || !slices.Contains(s.Choices, str) {
			return nil, false, fmt.Errorf("%s: want one of %s", s.Name, strings.Join(s.Choices, ", "))
		}
		return str, false, nil
	case Multi:
		var items []string
		switch v := x.(type) {
		case string:
			if strings.TrimSpace(v) != "" {
				items = strings.Split(v, ",")
			}
		case []any:
			for _, e := range v {
				str, ok := e.(string)
				if !ok {
					return nil, false, fmt.Errorf("%s: want names from %s", s.Name, strings.Join(s.Choices, ", "))
				}
				items = append(items, str)
			}
		default:
			return nil, false, fmt.Errorf("%s: want a comma list of %s", s.Name, strings.Join(s.Choices, ", "))
		}
		on := make([]bool, len(s.Choices))
		for _, it := range items {
			i := slices.Index(s.Choices, strings.TrimSpace(it))
			if i < 0 {
				return nil, false, fmt.Errorf("%s: %q is not one of %s", s.Name, truncate(it, 20), strings.Join(s.Choices, ", "))
			}
			on[i] = true
		}
		var out []string
		for i, c := range s.Choices {
			if on[i] {
				out = append(out, c)
			}
		}
		return strings.Join(out, ","), false, nil
	case Text:
		str, ok := x.(string)
		if !ok {
			return nil, false, fmt.Errorf("%s: want text", s.Name)
		}
		if len(str) > s.maxLen() {
			return nil, false, fmt.Errorf("%s: text longer than %d bytes", s.Name, s.maxLen())
		}
		if !utf8.ValidString(str) || strings.IndexFunc(str, unicode.IsControl) >= 0 {
			return nil, false, fmt.Errorf("%s: text has invalid characters", s.Name)
		}
		if s.Check != nil {
			if err := s.Check(str); err != nil {
				return nil, false, fmt.Errorf("%s: %v", s.Name, err)
			}
		}
		return str, false, nil
	case Vec2:
		row, err := toFloats(x)
		if err != nil || len(row) != 2 {
			return nil, false, fmt.Errorf("%s: want two numbers like 1.5,-2", s.Name)
		}
		var out [2]float64
		for i, f := range row {
			var c bool
			out[i], c = s.clamp(f)
			clamped = clamped || c
		}
		return out, clamped, nil
	case Matrix:
		m, err := toMatrix(x)
		if err != nil {
			return nil, false, fmt.Errorf("%s: %v", s.Name, err)
		}
		if len(m) == 0 || len(m) > s.maxRows() || len(m[0]) == 0 || len(m[0]) > s.maxCols() {
			return nil, false, fmt.Errorf("%s: want 1 to %d rows of 1 to %d numbers", s.Name, s.maxRows(), s.maxCols())
		}
		for _, row := range m {
			if len(row) != len(m[0]) {
				return nil, false, fmt.Errorf("%s: rows have different lengths", s.Name)
			}
			for j, f := range row {
				var c bool
				row[j], c = s.clamp(f)
				clamped = clamped || c
			}
		}
		return m, clamped, nil
	}
	return nil, false, fmt.Errorf("%s: unknown kind", s.Name)
}

func (s *Spec) clamp(f float64) (float64, bool) {
	g := f
	if s.Kind == Int {
		g = math.Round(g)
	}
	g = math.Max(s.Min, math.Min(s.Max, g))
	return g, g != f
}

func toFloat(x any) (float64, error) {
	var f float64
	switch v := x.(type) {
	case float64:
		f = v
	case int:
		f = float64(v)
	case string:
		var err error
		f, err = strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			return 0, fmt.Errorf("%q is not a number", truncate(v, 20))
		}
	default:
		return 0, errors.New("want a number")
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, errors.New("want a finite number")
	}
	return f, nil
}

// toFloats accepts a list of numbers as a slice or as "1,2,3".
func toFloats(x any) ([]float64, error) {
	switch v := x.(type) {
	case [2]float64:
		return toFloats(v[:])
	case []float64:
		out := make([]float64, len(v))
		for i, f := range v {
			g, err := toFloat(f)
			if err != nil {
				return nil, err
			}
			out[i] = g
		}
		return out, nil
	case []any:
		out := make([]float64, len(v))
		for i, e := range v {
			f, err := toFloat(e)
			if err != nil {
				return nil, err
			}
			out[i] = f
		}
		return out, nil
	case string:
		parts := strings.Split(v, ",")
		out := make([]float64, len(parts))
		for i, p := range parts {
			f, err := toFloat(p)
			if err != nil {
				return nil, err
			}
			out[i] = f
		}
		return out, nil
	}
	return nil, errors.New("want a list of numbers")
}

// toMatrix accepts rows as nested slices or as "1,2;3,4".
func toMatrix(x any) ([][]float64, error) {
	var rows []any
	switch v := x.(type) {
	case [][]float64:
		for _, r := range v {
			rows = append(rows, r)
		}
	case []any:
		rows = v
	case string:
		for r := range strings.SplitSeq(v, ";") {
			rows = append(rows, r)
		}
	default:
		return nil, errors.New("want rows of numbers like 1,2;3,4")
	}
	if len(rows) > 1000 {
		return nil, errors.New("too many rows")
	}
	m := make([][]float64, len(rows))
	for i, r := range rows {
		row, err := toFloats(r)
		if err != nil {
			return nil, fmt.Errorf("row %d: %v", i+1, err)
		}
		m[i] = row
	}
	return m, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func equal(a, b any) bool {
	switch x := a.(type) {
	case [][]float64:
		y, ok := b.([][]float64)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !slices.Equal(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return a == b
}
