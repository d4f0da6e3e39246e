package prob_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/aimath/playground/lesson/lessontest"
	"github.com/aimath/playground/lesson/prob"
)

func TestCheck(t *testing.T) { lessontest.Check(t, prob.Info) }

func loadStrings(t *testing.T, name string) map[string]string {
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

// keyLike matches readout strings that are message keys, as lesson/catalog
// reads them.
var keyLike = regexp.MustCompile(`^([a-z][a-z_-]*)(\{.*\})?$`)

// stringStates reach every readout and every message key the lesson
// returns.
var stringStates = []string{
	"view=dist", "view=dist&dist=poisson", "view=dist&dist=uniform&a=2&b=1", "view=dist&dist=t&nu=1",
	"view=expect", "view=expect&f=ln(x)", "view=expect&dist=t&nu=1&f=x", "view=expect&dist=uniform&a=3&b=1",
	"view=montecarlo", "view=montecarlo&integral=pi", "view=montecarlo&integral=f&f=1/sqrt(x)&a=0&b=1",
	"view=montecarlo&integral=f&f=1/x&a=-1&b=1", "view=montecarlo&integral=f&a=2&b=1",
	"view=joint", "view=joint&rho=0", "view=joint&joint=table", "view=joint&joint=table&table=0,0%3B0,0",
	"view=loss",
}

// TestStrings is lesson/catalog's TestLessonStrings for this lesson over
// many states: every param, choice and readout has a label in both
// languages, and every message key a text.
func TestStrings(t *testing.T) {
	en, ko := loadStrings(t, "prob.en.json"), loadStrings(t, "prob.ko.json")
	shell := loadStrings(t, "en.json")
	for k := range en {
		if _, ok := ko[k]; !ok {
			t.Errorf("key %s is in en but not ko", k)
		}
	}
	for k := range ko {
		if _, ok := en[k]; !ok {
			t.Errorf("key %s is in ko but not en", k)
		}
	}
	need := func(what string, keys ...string) {
		t.Helper()
		for _, k := range keys {
			if en[k] != "" || shell[k] != "" {
				return
			}
		}
		t.Errorf("no text for %s (looked for %v)", what, keys)
	}
	need("the title", "title")
	for _, s := range prob.Info.Params {
		if !s.Hidden {
			need("param "+s.Name, "param."+s.Name)
			if s.Name != "view" {
				need("help of "+s.Name, "param."+s.Name+".help")
			}
		}
		for _, c := range s.Choices {
			need("choice "+s.Name+"="+c, "choice."+s.Name+"."+c)
		}
		if s.Name == "view" {
			for _, c := range s.Choices {
				need("the intro of "+c, "intro."+c)
				need("the formula of "+c, "formula."+c)
			}
		}
	}
	for _, state := range stringStates {
		r := lessontest.Open(t, prob.Info, state)
		for _, hover := range []bool{false, true} {
			if hover {
				r.Pointer(pointerMove("pdf", 0.5))
			}
			for name, v := range lessontest.Readouts(t, r) {
				need("readout "+name+" ("+state+")", "readout."+name)
				if s, ok := v.(string); ok {
					if sm := keyLike.FindStringSubmatch(s); sm != nil {
						need("value "+s+" ("+state+")", "value."+sm[1])
					} else {
						t.Errorf("%s: readout %s = %q is not a message key", state, name, s)
					}
				}
			}
		}
	}
}
