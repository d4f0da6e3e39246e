package catalog

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/aimath/playground/lesson"
)

var langs = []string{"en", "ko"}

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

func TestCourseOrder(t *testing.T) {
	i := 0
	for _, in := range Lessons {
		j := slices.Index(Course, in.ID)
		if j < i {
			t.Errorf("lesson %s is not in course order (%v)", in.ID, Course)
		}
		i = j
	}
}

func TestShellStrings(t *testing.T) {
	for _, lang := range langs {
		m := loadJSON(t, lang+".json")
		for _, id := range Course {
			if m["nav."+id] == "" {
				t.Errorf("%s.json has no nav.%s", lang, id)
			}
		}
		for _, k := range []string{"value.undefined", "value.inf", "value.-inf", "value.singular", "value.complex"} {
			if m[k] == "" {
				t.Errorf("%s.json has no %s", lang, k)
			}
		}
	}
}

// keyLike matches readout strings that are message keys, not literal
// text, with values to fill in or not: "singular", "kernel_too_big{k=7}".
var keyLike = regexp.MustCompile(`^([a-z][a-z_-]*)(\{.*\})?$`)
var trailingDigits = regexp.MustCompile(`^(.*?)(\d+)$`)

// TestLessonStrings checks that every lesson has every text the page will
// look up, in both languages, with the same keys in each.
func TestLessonStrings(t *testing.T) {
	for _, in := range Lessons {
		files := map[string]map[string]string{}
		for _, lang := range langs {
			files[lang] = loadJSON(t, in.ID+"."+lang+".json")
		}
		for k := range files["en"] {
			if _, ok := files["ko"][k]; !ok {
				t.Errorf("%s: key %s is in en but not ko", in.ID, k)
			}
		}
		for k := range files["ko"] {
			if _, ok := files["en"][k]; !ok {
				t.Errorf("%s: key %s is in ko but not en", in.ID, k)
			}
		}
		m := files["en"]
		shell := loadJSON(t, "en.json")
		need := func(what string, keys ...string) {
			for _, k := range keys {
				if m[k] != "" || shell[k] != "" {
					return
				}
			}
			t.Errorf("%s: no text for %s (looked for %v)", in.ID, what, keys)
		}
		need("the title", "title")
		for _, s := range in.Params {
			if !s.Hidden {
				need("param "+s.Name, "param."+s.Name)
			}
			for _, c := range s.Choices {
				need("choice "+s.Name+"="+c, "choice."+s.Name+"."+c)
			}
		}
		for _, a := range in.Actions {
			need("action "+a, "action."+a)
		}
		r := lesson.NewRunner([]lesson.Info{in})
		if _, err := r.Open(in.ID, ""); err != nil {
			t.Fatal(err)
		}
		views := []string{""}
		viewParam := in.ViewParam()
		for _, s := range in.Params {
			if s.Name == viewParam {
				views = s.Choices
			}
		}
		for _, view := range views {
			if view != "" {
				r.Set(viewParam, view)
				need("the intro of view "+view, "intro."+view, "intro")
				need("the formula of view "+view, "formula."+view, "formula")
			} else {
				need("the intro", "intro")
				need("the formula", "formula")
			}
			ros, _ := r.Readouts()
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
	}
}
