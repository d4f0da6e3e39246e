package stats_test

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
	"github.com/aimath/playground/lesson/stats"
)

func TestCheck(t *testing.T) { lessontest.Check(t, stats.Info) }

func loadJSON(t *testing.T, name string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "web", "i18n", name))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// keyLike and trailingDigits are lesson/catalog's: readout strings that
// are message keys, and readout names with a number at the end.
var (
	keyLike        = regexp.MustCompile(`^([a-z][a-z_-]*)(\{.*\})?$`)
	trailingDigits = regexp.MustCompile(`^(.*?)(\d+)$`)
)

// stringStates reach every readout and message key: each view with
// sources, families and settings that refuse, degenerate, underflow,
// diverge, and pointing at the log-likelihood.
var stringStates = []struct {
	state string
	steps int
	probe bool
}{
	{"", 0, true},
	{"family=poisson&source=poisson", 0, true},
	{"family=bernoulli&source=bernoulli&n=20", 0, false},
	{"family=gamma&source=normal", 0, false},
	{"family=beta&source=gamma", 0, false},
	{"family=bernoulli&source=poisson", 0, false},
	{"family=poisson&source=gamma", 0, false},
	{"family=exponential&source=normal", 0, false},
	{"family=normal&n=1", 0, false},
	{"family=normal&source=poisson", 0, false},
	{"source=mystery&reveal=1&family=gamma", 0, true},
	{"source=pasted", 0, false},
	{"source=pasted&data=1,2,3,5", 0, false},
	{"view=sampling", 0, false},
	{"view=sampling&n=1", 5, false},
	{"view=sampling&source=pasted", 0, false},
	{"view=mle", 3, false},
	{"view=mle&estimate=mu&n=2000", 1, false},
	{"view=mle&estimate=sigma&n=1", 0, false},
	{"view=mle&lr=3&start=0.9", 30, false},
	{"view=mle&estimate=mu&lr=3", 30, false},
	{"view=mle&n=1&seed=2", 30, false},
	{"view=mle&lr=0.001", 2000, false},
	{"view=mle&lr=1", 200, false},
}

// TestStrings checks, as lesson/catalog's TestLessonStrings does for
// registered lessons, that both languages have the same keys and a text
// for every parameter, choice, action, view, readout and message key the
// lesson produces, and that the formulas are well-formed MathML.
func TestStrings(t *testing.T) {
	files := map[string]map[string]string{"en": loadJSON(t, "stats.en.json"), "ko": loadJSON(t, "stats.ko.json")}
	for k := range files["en"] {
		if _, ok := files["ko"][k]; !ok {
			t.Errorf("key %s is in en but not ko", k)
		}
	}
	for k := range files["ko"] {
		if _, ok := files["en"][k]; !ok {
			t.Errorf("key %s is in ko but not en", k)
		}
	}
	shell := loadJSON(t, "en.json")
	need := func(what string, keys ...string) {
		for _, k := range keys {
			if files["en"][k] != "" || shell[k] != "" {
				return
			}
		}
		t.Errorf("no text for %s (looked for %v)", what, keys)
	}
	info := stats.Info
	need("the title", "title")
	for _, s := range info.Params {
		if !s.Hidden {
			need("param "+s.Name, "param."+s.Name)
		}
		for _, c := range s.Choices {
			need("choice "+s.Name+"="+c, "choice."+s.Name+"."+c)
		}
		if s.Name == "view" {
			for _, c := range s.Choices {
				need("the intro of view "+c, "intro."+c, "intro")
				need("the formula of view "+c, "formula."+c, "formula")
			}
		}
	}
	for _, a := range info.Actions {
		need("action "+a, "action."+a)
	}
	for lang, m := range files {
		for k, v := range m {
			if strings.HasPrefix(k, "formula") {
				if err := xml.Unmarshal([]byte("<root>"+v+"</root>"), new(struct{})); err != nil {
					t.Errorf("%s %s is not well-formed: %v", lang, k, err)
				}
			}
		}
	}
	for _, st := range stringStates {
		r := lessontest.Open(t, info, st.state)
		for range st.steps {
			r.Act(lesson.ActStep)
		}
		if st.probe {
			f, _ := r.Figure(800, 500)
			for _, p := range f.Panels {
				if p.ID == "surface" {
					w := p.World
					r.Pointer(lesson.Pointer{Phase: lesson.Move, Panel: p.ID, At: figure.Vec{X: (w.X0 + w.X1) / 2, Y: (w.Y0 + w.Y1) / 2}})
				}
			}
		}
		ros, _ := r.Readouts()
		for _, ro := range ros {
			keys := []string{"readout." + ro.Name}
			if sm := trailingDigits.FindStringSubmatch(ro.Name); sm != nil {
				keys = append(keys, "readout."+sm[1]+"#")
			}
			need("readout "+ro.Name+" ("+st.state+")", keys...)
			if s, ok := ro.Value.(string); ok {
				if sm := keyLike.FindStringSubmatch(s); sm != nil {
					need("readout value "+s+" ("+st.state+")", "value."+sm[1])
				} else {
					t.Errorf("%s: readout %s = %q is not a message key", st.state, ro.Name, s)
				}
			}
		}
	}
}
