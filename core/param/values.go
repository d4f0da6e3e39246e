package param

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Values holds one value per spec, always valid for its spec.
// The Go type of each value is given by the Kind constants.
type Values struct {
	specs []Spec
	index map[string]int
	vals  []any
}

// New returns values set to the specs' defaults. It panics if a spec is
// malformed or two specs share a name.
func New(specs []Spec) *Values {
	v := &Values{specs: specs, index: make(map[string]int, len(specs)), vals: make([]any, len(specs))}
	for i := range specs {
		s := &specs[i]
		s.check()
		if _, dup := v.index[s.Name]; dup {
			panic("param: duplicate name " + s.Name)
		}
		v.index[s.Name] = i
		v.vals[i] = clone(s.Default)
	}
	return v
}

// Specs returns the schema. The caller must not modify it.
func (v *Values) Specs() []Spec { return v.specs }

// Spec returns the spec named name.
func (v *Values) Spec(name string) (Spec, bool) {
	i, ok := v.index[name]
	if !ok {
		return Spec{}, false
	}
	return v.specs[i], true
}

// Clone returns an independent copy.
func (v *Values) Clone() *Values {
	c := &Values{specs: v.specs, index: v.index, vals: make([]any, len(v.vals))}
	for i, x := range v.vals {
		c.vals[i] = clone(x)
	}
	return c
}

// Get returns the value named name, or nil if there is none.
func (v *Values) Get(name string) any {
	i, ok := v.index[name]
	if !ok {
		return nil
	}
	return clone(v.vals[i])
}

func (v *Values) must(name string) any {
	i, ok := v.index[name]
	if !ok {
		panic("param: unknown name " + name)
	}
	return v.vals[i]
}

// Float returns a Number or Int value. It panics for an unknown name or
// another kind (caller bugs), as do the other typed getters.
func (v *Values) Float(name string) float64 { return v.must(name).(float64) }

// Int returns an Int value.
func (v *Values) Int(name string) int { return int(v.must(name).(float64)) }

// Bool returns a Bool value.
func (v *Values) Bool(name string) bool { return v.must(name).(bool) }

// String returns a Choice, Text or Multi value.
func (v *Values) String(name string) string { return v.must(name).(string) }

// List returns a Multi value as the list of chosen names.
func (v *Values) List(name string) []string {
	s := v.must(name).(string)
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// Vec2 returns a Vec2 value.
func (v *Values) Vec2(name string) [2]float64 { return v.must(name).([2]float64) }

// Matrix returns a copy of a Matrix value.
func (v *Values) Matrix(name string) [][]float64 { return clone(v.must(name)).([][]float64) }

// Set validates x for the parameter name and stores it. Numbers out of range
// are clamped and clamped is true; anything invalid is refused with an error
// that says why, and the stored value is left as it was.
func (v *Values) Set(name string, x any) (got any, clamped bool, err error) {
	i, ok := v.index[name]
	if !ok {
		return nil, false, fmt.Errorf("%w %q", ErrUnknown, truncate(name, 40))
	}
	got, clamped, err = v.specs[i].normalize(x)
	if err != nil {
		return nil, false, err
	}
	v.vals[i] = got
	return clone(got), clamped, nil
}

// Reset sets every value back to its default.
func (v *Values) Reset() {
	for i := range v.specs {
		v.vals[i] = clone(v.specs[i].Default)
	}
}

// Encode returns every value as a URL query, in spec order, for example
// "view=map&t=0.5&x=1,2&X=1,2;3,4". Numbers use the shortest form that
// decodes to the same float64, so a state round-trips exactly.
func (v *Values) Encode() string {
	var b strings.Builder
	for i, s := range v.specs {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(s.Name))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(format(v.vals[i])))
	}
	return b.String()
}

// Format returns the text form of a value, as Encode writes it.
func format(x any) string {
	num := func(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
	switch t := x.(type) {
	case float64:
		return num(t)
	case bool:
		if t {
			return "1"
		}
		return "0"
	case string:
		return t
	case [2]float64:
		return num(t[0]) + "," + num(t[1])
	case [][]float64:
		var b strings.Builder
		for i, row := range t {
			if i > 0 {
				b.WriteByte(';')
			}
			for j, f := range row {
				if j > 0 {
					b.WriteByte(',')
				}
				b.WriteString(num(f))
			}
		}
		return b.String()
	}
	panic(fmt.Sprintf("param: cannot format %T", x))
}

// Decode applies a URL query to v. Each pair is applied on its own: a pair
// that is malformed, unknown or invalid is skipped (the value keeps what it
// had) and reported in the returned errors. Names in ignore (for example the
// page's own "lesson" and "lang") are skipped silently. Decode never panics.
func (v *Values) Decode(query string, ignore ...string) []error {
	var errs []error
	if len(query) > maxValueLen*4 {
		return []error{fmt.Errorf("state too long (%d bytes)", len(query))}
	}
	query = strings.TrimPrefix(query, "#")
	query = strings.TrimPrefix(query, "?")
pairs:
	for pair := range strings.SplitSeq(query, "&") {
		if pair == "" {
			continue
		}
		k, val, _ := strings.Cut(pair, "=")
		name, err1 := url.QueryUnescape(k)
		text, err2 := url.QueryUnescape(val)
		if err1 != nil || err2 != nil {
			errs = append(errs, fmt.Errorf("malformed pair %q", truncate(pair, 40)))
			continue
		}
		for _, ig := range ignore {
			if name == ig {
				continue pairs
			}
		}
		i, ok := v.index[name]
		if !ok {
			errs = append(errs, fmt.Errorf("%w %q", ErrUnknown, truncate(name, 40)))
			continue
		}
		var x any = text
		if v.specs[i].Kind == Matrix && text == "" {
			x = nil
		}
		if _, _, err := v.Set(name, x); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

func clone(x any) any {
	if m, ok := x.([][]float64); ok {
		c := make([][]float64, len(m))
		for i, row := range m {
			c[i] = append([]float64(nil), row...)
		}
		return c
	}
	return x
}
