package rnn

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
)

func TestCheck(t *testing.T) { lessontest.Check(t, Info) }

// open returns the lesson in the state query, with its values.
func open(t testing.TB, query string) (*Lesson, *param.Values) {
	t.Helper()
	v := param.New(Info.Params)
	if errs := v.Decode(query); len(errs) > 0 {
		t.Fatalf("Decode(%q): %v", query, errs)
	}
	l := new(Lesson)
	l.Reset(v)
	return l, v
}

// readouts returns the lesson's readouts by name.
func readouts(l *Lesson) map[string]any {
	out := map[string]any{}
	for _, r := range l.Readouts() {
		out[r.Name] = r.Value
	}
	return out
}

// num returns the numeric readout name, failing the test if it is not
// a number.
func num(t testing.TB, ro map[string]any, name string) float64 {
	t.Helper()
	f, ok := ro[name].(float64)
	if !ok {
		t.Fatalf("readout %s = %v (%T), want a number", name, ro[name], ro[name])
	}
	return f
}

// checkFinite fails the test for a readout that is a NaN or an infinity.
func checkFinite(t *testing.T, where string, ro map[string]any) {
	t.Helper()
	for name, x := range ro {
		if f, ok := x.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
			t.Errorf("%s: readout %s = %v", where, name, f)
		}
	}
}

// TestGolden keeps an SVG of each view at 800×500, in states worth
// looking at: the unroll view halfway through the backward pass, the
// gradients of many units and of one linear unit (truncated), and the
// train view after 300 steps on each kind of task.
func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name, query string
		units       int
	}{
		{"unroll", "view=unroll", 45},
		{"unroll_small", "view=unroll&seq_len=8&hidden=4", 12},
		{"unroll_chars", "view=unroll&task=chars&seq_len=12&hidden=8", 7},
		{"gradients", "view=gradients", 0},
		{"gradients_unit", "view=gradients&hidden=1&activation=linear&rho=0.8&truncate=12", 0},
		{"gradients_explode", "view=gradients&rho=1.6&activation=linear&hidden=8&seq_len=60", 0},
		{"train", "view=train", 300},
		{"train_memory", "view=train&task=memory&seq_len=10", 300},
		{"train_chars", "view=train&task=chars", 300},
	} {
		l, v := open(t, tc.query)
		for range tc.units {
			l.StepUnit(v)
		}
		lessontest.Golden(t, tc.name, l.Figure(800, 500))
	}
}

// keyLike and trailingDigits are lesson/catalog's rules for the keys the
// page looks up.
var (
	keyLike        = regexp.MustCompile(`^([a-z][a-z_-]*)(\{.*\})?$`)
	trailingDigits = regexp.MustCompile(`^(.*?)(\d+)$`)
)

// TestStrings checks, as lesson/catalog does for the registered lessons,
// that both i18n files have the same keys and a text for every
// parameter, choice, action, readout and readout value, here in many
// states (every phase of the unroll view, a diverged training, each task).
func TestStrings(t *testing.T) {
	load := func(lang string) map[string]string {
		data, err := os.ReadFile(filepath.Join("..", "..", "web", "i18n", "rnn."+lang+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("rnn.%s.json: %v", lang, err)
		}
		return m
	}
	en, ko := load("en"), load("ko")
	for k := range en {
		if ko[k] == "" {
			t.Errorf("key %s is in en but not (or empty) in ko", k)
		}
	}
	for k := range ko {
		if en[k] == "" {
			t.Errorf("key %s is in ko but not (or empty) in en", k)
		}
	}
	shared := map[string]bool{"value.undefined": true, "value.inf": true, "value.-inf": true}
	need := func(what string, keys ...string) {
		t.Helper()
		for _, k := range keys {
			if en[k] != "" || shared[k] {
				return
			}
		}
		t.Errorf("no text for %s (looked for %v)", what, keys)
	}
	need("the title", "title")
	for _, s := range Info.Params {
		need("param "+s.Name, "param."+s.Name)
		for _, c := range s.Choices {
			need("choice "+s.Name+"="+c, "choice."+s.Name+"."+c)
		}
	}
	for _, a := range Info.Actions {
		need("action "+a, "action."+a)
	}
	for _, view := range []string{viewUnroll, viewGradients, viewTrain} {
		need("the intro of "+view, "intro."+view, "intro")
		need("the formula of "+view, "formula."+view, "formula")
	}
	check := func(ros []lesson.Readout) {
		for _, ro := range ros {
			keys := []string{"readout." + ro.Name}
			if sm := trailingDigits.FindStringSubmatch(ro.Name); sm != nil {
				keys = append(keys, "readout."+sm[1]+"#")
			}
			need("readout "+ro.Name, keys...)
			if s, ok := ro.Value.(string); ok {
				if sm := keyLike.FindStringSubmatch(s); sm != nil {
					need("readout value "+s, "value."+sm[1])
				}
			}
		}
	}
	for _, q := range []string{
		"view=unroll&truncate=3", "view=gradients&truncate=3", "view=train&truncate=3",
		"view=train&task=sines", "view=train&task=memory", "view=train&task=chars",
		"view=unroll&task=chars", "view=gradients&task=memory",
		"view=train&lr=1&clip=0", "view=unroll&lr=1&clip=0&activation=linear",
	} {
		l, v := open(t, q)
		check(l.Readouts())
		for range 2*v.Int(pSeqLen) + 3 { // every phase of a cycle, or as many training steps
			l.StepUnit(v)
			check(l.Readouts())
		}
	}
}

// TestContract: the readouts tests outside the project rely on exist in
// every view, as numbers, for every task.
func TestContract(t *testing.T) {
	for _, view := range []string{viewUnroll, viewGradients, viewTrain} {
		for _, task := range []string{"sine", "sines", "memory", "chars"} {
			q := "view=" + view + "&task=" + task
			l, _ := open(t, q)
			ro := readouts(l)
			for _, name := range []string{"loss", "epoch", "grad_first", "grad_last", "grad_ratio", "grad_check_max_rel_err"} {
				if _, ok := ro[name].(float64); !ok {
					t.Errorf("%s: readout %s = %v, want a number", q, name, ro[name])
				}
			}
			if e := num(t, ro, "grad_check_max_rel_err"); e > 1e-6 {
				t.Errorf("%s: grad_check_max_rel_err = %v, want < 1e-6", q, e)
			}
		}
	}
}
