package bayes_test

import (
	"testing"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/lesson/lessontest"
)

// The defaults are the test of Gigerenzer et al. (2007), "Helping doctors
// and patients make sense of health statistics": prevalence 1 %,
// sensitivity 90 %, false-positive rate 9 %. By hand: P(+) = 0.9·0.01 +
// 0.09·0.99 = 0.0981, P(D | +) = 0.009/0.0981 = 10/109 = 0.0917431…,
// P(−) = 0.9019, P(D | −) = 0.001/0.9019 = 0.00110877…; of 1,000 people
// 10 are ill (9 test positive) and 990 healthy (89.1, so 89, test
// positive). In odds form the likelihood ratios are 10 for + and 10/91
// for −, so from odds 1/99 a second positive gives odds 100/99, P =
// 100/199, and then a negative 1000/9009, P = 1000/10009.
func TestTheoremDefaults(t *testing.T) {
	r := open(t, "")
	check(t, "defaults", readouts(t, r), map[string]any{
		"prior": 0.01, "evidence": 0.0981, "posterior": 10.0 / 109, "posterior_neg": 0.001108770373655616,
		"specificity": 0.91, "updates": 0.0, "chain": nil, "note": nil,
	}, 1e-12)
	d, err := r.Data()
	if err != nil {
		t.Fatal(err)
	}
	// 1000·0.01·0.9 = 9 true positives, 1000·0.99·0.09 = 89.1 false ones.
	want := []float64{0, 0.01, 9, 1, 89.1, 900.9, 0.0981}
	if len(d.Rows) != 1 || len(d.Rows[0]) != len(want) {
		t.Fatalf("Data() = %v, want one row like %v", d, want)
	}
	for i, x := range want {
		if !near(d.Rows[0][i], x, 1e-12) {
			t.Errorf("Data()[0][%s] = %v, want %v", d.Columns[i], d.Rows[0][i], x)
		}
	}
}

func TestTestAgain(t *testing.T) {
	r := open(t, "")
	act(t, r, "test_again")
	check(t, "+", readouts(t, r), map[string]any{"prior": 10.0 / 109, "posterior": 100.0 / 199, "updates": 1.0,
		"chain": "0.01 +→ 0.09174"}, 1e-12)
	act(t, r, "test_again")
	set(t, r, "result", "negative")
	act(t, r, "test_again")
	check(t, "+ + −", readouts(t, r), map[string]any{"prior": 1000.0 / 10009, "updates": 3.0,
		"chain": "0.01 +→ 0.09174 +→ 0.5025 −→ 0.09991"}, 1e-12)
	if got := lessontest.Values(t, r).String("history"); got != "ppn" {
		t.Errorf("history = %q, want ppn", got)
	}
	// The URL reproduces the updates; changing the prevalence re-runs the
	// chain from the new prior (odds 1/3·10·10·10/91 = 1000/273).
	st := state(t, r)
	r2 := open(t, st)
	check(t, "from the URL", readouts(t, r2), map[string]any{"prior": 1000.0 / 10009, "updates": 3.0}, 1e-12)
	set(t, r2, "prevalence", 0.25)
	check(t, "prevalence 0.25", readouts(t, r2), map[string]any{"prior": 1000.0 / 1273, "updates": 3.0}, 1e-12)
	// Reset clears the history, and keeps the settings.
	act(t, r2, "reset")
	check(t, "reset", readouts(t, r2), map[string]any{"prior": 0.25, "updates": 0.0, "chain": nil}, 1e-12)
	if v := lessontest.Values(t, r2); v.String("history") != "" || v.Float("prevalence") != 0.25 {
		t.Errorf("after reset: history %q, prevalence %v", v.String("history"), v.Float("prevalence"))
	}
}

func TestHistoryFull(t *testing.T) {
	r := open(t, "history=pnpnpnpnpnpn")
	act(t, r, "test_again")
	check(t, "full", readouts(t, r), map[string]any{"updates": 12.0, "note": "history_full{max=12}"}, 0)
	set(t, r, "prevalence", 0.02)
	check(t, "after a change", readouts(t, r), map[string]any{"updates": 12.0, "note": nil}, 0)
	if _, _, err := r.Set("history", "ppx"); err == nil {
		t.Errorf("Set(history, ppx) was accepted")
	}
	if _, _, err := r.Set("history", "ppppppppppppp"); err == nil {
		t.Errorf("Set(history, 13 tests) was accepted")
	}
}

// Results that cannot happen: with no false positives and nobody ill,
// nobody tests positive; a perfect test makes D certain after a
// positive, after which a negative cannot happen.
func TestImpossibleResults(t *testing.T) {
	r := open(t, "prevalence=0&fpr=0")
	check(t, "P(+) = 0", readouts(t, r), map[string]any{"evidence": 0.0, "posterior": "never_positive", "posterior_neg": 0.0}, 0)
	act(t, r, "test_again")
	check(t, "a positive", readouts(t, r), map[string]any{"updates": 0.0, "note": "impossible"}, 0)

	r = open(t, "prevalence=0.2&sensitivity=1&fpr=0")
	act(t, r, "test_again")
	check(t, "D is certain", readouts(t, r), map[string]any{"prior": 1.0, "posterior": 1.0, "posterior_neg": "never_negative"}, 0)
	set(t, r, "result", "negative")
	act(t, r, "test_again")
	check(t, "a negative", readouts(t, r), map[string]any{"updates": 1.0, "note": "impossible"}, 0)

	// A history the settings make impossible ends where it breaks.
	r = open(t, "prevalence=0.2&sensitivity=0.5&fpr=0&history=pnp")
	check(t, "possible", readouts(t, r), map[string]any{"updates": 3.0, "prior": 1.0}, 0)
	set(t, r, "sensitivity", 1)
	check(t, "cut", readouts(t, r), map[string]any{"updates": 1.0, "prior": 1.0, "note": "history_cut{k=2}"}, 0)
	if got := lessontest.Values(t, r).String("history"); got != "p" {
		t.Errorf("history = %q, want p", got)
	}
}

// Natural frequencies round the ill first, then the positives of each
// group: prevalence 0.3 gives 300 ill, 0.8 of them 240 positive; 700
// healthy, 0.2 of them 140 positive. The dots panel has one dot per
// person (and one per legend entry), in those four styles.
func TestDots(t *testing.T) {
	r := open(t, "prevalence=0.3&sensitivity=0.8&fpr=0.2")
	check(t, "0.3/0.8/0.2", readouts(t, r), map[string]any{
		"evidence": 0.38, "posterior": 0.24 / 0.38, "posterior_neg": 0.06 / 0.62}, 1e-12) // 0.8·0.3 + 0.2·0.7; 0.2·0.3/(0.2·0.3 + 0.8·0.7)
	f, err := r.Figure(800, 500)
	if err != nil {
		t.Fatal(err)
	}
	styles := map[figure.Style]int{}
	texts := map[string]bool{}
	for _, p := range f.Panels {
		if p.ID != "dots" {
			continue
		}
		for _, it := range p.Items {
			switch v := it.(type) {
			case figure.Point:
				styles[v.Style]++
			case figure.Text:
				texts[v.S] = true
			}
		}
	}
	for i, tc := range []struct {
		style figure.Style
		label string
		n     int
	}{
		{figure.Style{Fill: figure.Vermillion, FillAlpha: 1}, "D, +:  240", 240},
		{figure.Style{Stroke: figure.Vermillion, Width: 1.25}, "D, −:  60", 60},
		{figure.Style{Fill: figure.Blue, FillAlpha: 1}, "¬D, +:  140", 140},
		{figure.Style{Fill: figure.Axis, FillAlpha: 0.45}, "¬D, −:  560", 560},
	} {
		if got := styles[tc.style]; got != tc.n+1 {
			t.Errorf("%d: %d dots of %+v, want %d and a legend dot", i, got, tc.style, tc.n)
		}
		if !texts[tc.label] {
			t.Errorf("%d: no legend %q in %v", i, tc.label, texts)
		}
	}
}
