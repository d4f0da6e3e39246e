package bayes_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/bayes"
	"github.com/aimath/playground/lesson/lessontest"
)

func TestCheck(t *testing.T) { lessontest.Check(t, bayes.Info) }

func open(t testing.TB, query string) *lesson.Runner {
	t.Helper()
	return lessontest.Open(t, bayes.Info, query)
}

func readouts(t testing.TB, r *lesson.Runner) map[string]any { return lessontest.Readouts(t, r) }

func check(t *testing.T, where string, got, want map[string]any, tol float64) {
	t.Helper()
	lessontest.CheckReadouts(t, where, got, want, tol)
}

func act(t testing.TB, r *lesson.Runner, names ...string) {
	t.Helper()
	for _, n := range names {
		if err := r.Act(n); err != nil {
			t.Fatalf("Act(%s): %v", n, err)
		}
	}
}

func set(t testing.TB, r *lesson.Runner, name string, x any) {
	t.Helper()
	if _, _, err := r.Set(name, x); err != nil {
		t.Fatalf("Set(%s, %v): %v", name, x, err)
	}
}

func state(t testing.TB, r *lesson.Runner) string {
	t.Helper()
	s, err := r.State()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestGolden keeps an SVG of each view at 800×500; look at them after a
// change (regenerate with go test ./lesson/bayes/ -run TestGolden -update).
func TestGolden(t *testing.T) {
	for _, tc := range []struct{ name, state string }{
		{"theorem", ""},
		{"theorem_updates", "history=ppn"},
		{"theorem_next_negative", "prevalence=0.3&sensitivity=0.8&fpr=0.2&result=negative&history=pp"},
		{"beta_prior", "view=beta&alpha=2&beta=2"},
		{"beta_flips", "view=beta&flipped=10&show_truth=1"},
		{"beta_many", "view=beta&alpha=0.5&beta=0.5&flipped=1000&show_truth=1&true_p=0.3"},
		{"beta_u_shaped", "view=beta&alpha=0.5&beta=0.5"},
		{"confounding", "view=confounding"},
		{"confounding_invalid", "view=confounding&a_small_s=95"},
	} {
		f, err := open(t, tc.state).Figure(800, 500)
		if err != nil {
			t.Fatal(err)
		}
		lessontest.Golden(t, tc.name, f)
	}
}

// The catalog's TestLessonStrings, over many states of every view (the
// lead registers the lesson in the catalog): every param, choice, action,
// readout and message key has its text in both languages.
var keyLike = regexp.MustCompile(`^([a-z][a-z_-]*)(\{.*\})?$`)

func loadI18n(t *testing.T, lang string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "web", "i18n", "bayes."+lang+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("bayes.%s.json: %v", lang, err)
	}
	return m
}

func TestStrings(t *testing.T) {
	en, ko := loadI18n(t, "en"), loadI18n(t, "ko")
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
			if en[k] != "" && ko[k] != "" {
				return
			}
		}
		t.Errorf("no text for %s (looked for %v)", what, keys)
	}
	need("the title", "title")
	for _, s := range bayes.Info.Params {
		if !s.Hidden {
			need("param "+s.Name, "param."+s.Name)
		}
		for _, c := range s.Choices {
			need("choice "+s.Name+"="+c, "choice."+s.Name+"."+c)
		}
	}
	for _, a := range bayes.Info.Actions {
		need("action "+a, "action."+a)
	}
	shared := map[string]bool{"undefined": true, "inf": true, "-inf": true}
	for _, st := range []string{
		"", "history=ppn", "prevalence=0&fpr=0", "prevalence=1&sensitivity=1", "history=pppppppppppp",
		"view=beta", "view=beta&flipped=10&show_truth=1", "view=beta&alpha=0.5&beta=0.5", "view=beta&alpha=0.5&beta=3",
		"view=beta&flipped=10000", "view=confounding", "view=confounding&a_small_s=95&b_large_s=90",
		"view=confounding&a_small_s=70", "view=confounding&a_small_s=50&a_small_n=100&a_large_s=50&a_large_n=100&b_small_s=40&b_small_n=100&b_large_s=40&b_large_n=100",
		"view=confounding&a_small_s=1&a_small_n=2&a_large_s=1&a_large_n=2&b_small_s=1&b_small_n=2&b_large_s=1&b_large_n=2",
	} {
		r := open(t, st)
		need("the intro of "+st, "intro."+lessontest.Values(t, r).String("view"))
		need("the formula of "+st, "formula."+lessontest.Values(t, r).String("view"))
		acts := []string{"", bayes.Info.Actions[0], bayes.Info.Actions[1]}
		for _, a := range acts {
			if a != "" {
				act(t, r, a)
			}
			ros, _ := r.Readouts()
			for _, ro := range ros {
				need("readout "+ro.Name, "readout."+ro.Name)
				if s, ok := ro.Value.(string); ok {
					if m := keyLike.FindStringSubmatch(s); m != nil && !shared[m[1]] {
						need("readout value "+s, "value."+m[1])
					}
				}
			}
		}
	}
	// Filled-in values have their placeholders in both languages.
	for k, v := range en {
		for _, ph := range regexp.MustCompile(`\{[a-z]+\}`).FindAllString(v, -1) {
			if !strings.Contains(ko[k], ph) {
				t.Errorf("%s: the Korean text lacks %s", k, ph)
			}
		}
	}
}
