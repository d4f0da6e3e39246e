package bayes_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
)

// flipsOf recomputes the contract of the flip sequence: flip i is heads
// when the i-th Float64 of rand.NewPCG(seed, 0x62657461) is below true_p.
func flipsOf(seed uint64, p float64, n int) (heads int) {
	rng := rand.New(rand.NewPCG(seed, 0x62657461))
	for range n {
		if rng.Float64() < p {
			heads++
		}
	}
	return heads
}

// The posteriors against scipy.stats.beta(a, b).mean(), .ppf(0.025) and
// .ppf(0.975), for the flips of the seeded sequence.
func TestBetaAgainstScipy(t *testing.T) {
	for i, tc := range []struct {
		state                   string
		seed                    uint64
		p                       float64
		n                       int
		heads, a, b             float64
		mean, mode, lo, hi, mle float64
	}{
		// 7 heads of 10: Beta(8, 4); mode (8 − 1)/(8 + 4 − 2) = 0.7.
		{"view=beta&flipped=10", 1, 0.7, 10, 7, 8, 4, 0.6666666666666666, 0.7, 0.39025744042757876, 0.8907365561809019, 0.7},
		// The same flips under Beta(2, 3): Beta(9, 6), mode 8/13.
		{"view=beta&flipped=10&alpha=2&beta=3", 1, 0.7, 10, 7, 9, 6, 0.6, 8.0 / 13, 0.3513801106159917, 0.8233889100178821, 0.7},
		{"view=beta&flipped=100&true_p=0.3&seed=42", 42, 0.3, 100, 33, 34, 68, 0.3333333333333333, 0.33, 0.24562117080228602, 0.4272368343572086, 0.33},
		// Jeffreys' prior Beta(½, ½): mode (303.5 − 1)/(303.5 + 697.5 − 2) = 302.5/999.
		{"view=beta&flipped=1000&alpha=0.5&beta=0.5&true_p=0.3", 1, 0.3, 1000, 303, 303.5, 697.5, 0.3031968031968032, 302.5 / 999, 0.2751172736485276, 0.3320212024729621, 0.303},
		// One tail under Beta(½, ½): Beta(½, 3/2), unbounded at 0, mode 0.
		{"view=beta&flipped=1&alpha=0.5&beta=0.5", 1, 0.7, 1, 0, 0.5, 1.5, 0.25, 0, 0.0003855809807559011, 0.8532536836904248, 0},
		{"view=beta&flipped=3&true_p=0&alpha=0.3&beta=2", 1, 0, 3, 0, 0.3, 5, 0.05660377358490566, 0, 6.839008380175732e-07, 0.334302871510617, 0},
	} {
		if h := flipsOf(tc.seed, tc.p, tc.n); float64(h) != tc.heads {
			t.Fatalf("%d: the seeded sequence gives %d heads, want %v", i, h, tc.heads)
		}
		check(t, tc.state, readouts(t, open(t, tc.state)), map[string]any{
			"heads": tc.heads, "tails": float64(tc.n) - tc.heads, "post_alpha": tc.a, "post_beta": tc.b,
			"post_mean": tc.mean, "post_map": tc.mode, "ci_low": tc.lo, "ci_high": tc.hi, "mle": tc.mle, "true_p": nil,
		}, 1e-9)
	}
}

// Priors with no single mode, and no MLE before a flip.
func TestBetaEdgeCases(t *testing.T) {
	for i, tc := range []struct {
		state string
		want  map[string]any
	}{
		{"view=beta", map[string]any{"post_map": "map_flat", "mle": "no_flips", "heads": 0.0, "post_mean": 0.5, "ci_low": 0.025, "ci_high": 0.975}},
		{"view=beta&alpha=0.5&beta=0.5", map[string]any{"post_map": "map_both_ends", "mle": "no_flips"}},
		{"view=beta&alpha=0.5&beta=3", map[string]any{"post_map": 0.0}},
		{"view=beta&alpha=1&beta=0.5", map[string]any{"post_map": 1.0}}, // 0.5(1 − θ)^−0.5
		{"view=beta&alpha=3&beta=1", map[string]any{"post_map": 1.0}},
		{"view=beta&show_truth=1&true_p=0.25", map[string]any{"true_p": 0.25}},
	} {
		check(t, fmt.Sprintf("%d: %s", i, tc.state), readouts(t, open(t, tc.state)), tc.want, 1e-12)
	}
}

func TestFlipActions(t *testing.T) {
	r := open(t, "view=beta&flips=25&seed=7")
	act(t, r, "flip")
	act(t, r, "flip_n")
	ro := readouts(t, r)
	if h := flipsOf(7, 0.7, 26); ro["heads"] != float64(h) || ro["tails"] != float64(26-h) {
		t.Errorf("after flip and flip_n(25): heads %v tails %v, want %d and %d", ro["heads"], ro["tails"], h, 26-h)
	}
	if got := lessontest.Values(t, r).Int("flipped"); got != 26 {
		t.Errorf("flipped = %d, want 26", got)
	}
	// The step button flips one coin.
	act(t, r, lesson.ActStep)
	if got := lessontest.Values(t, r).Int("flipped"); got != 27 {
		t.Errorf("after step: flipped = %d, want 27", got)
	}
	// A larger true bias turns tails into heads, never the reverse.
	prev := -1.0
	for _, p := range []float64{0, 0.2, 0.5, 0.7, 0.9, 1} {
		set(t, r, "true_p", p)
		h := readouts(t, r)["heads"].(float64)
		if h < prev {
			t.Errorf("true_p %v: %v heads, fewer than %v at a smaller bias", p, h, prev)
		}
		prev = h
	}
	if prev != 27 {
		t.Errorf("true_p 1: %v heads of 27", prev)
	}
	// Reset clears the flips and keeps the prior.
	set(t, r, "alpha", 3)
	act(t, r, lesson.ActReset)
	check(t, "reset", readouts(t, r), map[string]any{"heads": 0.0, "tails": 0.0, "post_alpha": 3.0}, 0)
}

// Play flips one coin at once, then one every 18 ticks.
func TestBetaPlay(t *testing.T) {
	r := open(t, "view=beta")
	act(t, r, lesson.ActPlay)
	for range 37 {
		r.Tick()
	}
	if got := lessontest.Values(t, r).Int("flipped"); got != 3 {
		t.Errorf("after 37 ticks: %d flips, want 3 (ticks 1, 19 and 37)", got)
	}
	// The other views have nothing to play.
	r = open(t, "")
	if err := r.Act(lesson.ActPlay); err == nil {
		t.Errorf("play in the theorem view was accepted")
	}
}

func TestMaxFlips(t *testing.T) {
	r := open(t, "view=beta&flipped=9995&flips=10")
	act(t, r, "flip_n")
	check(t, "at the limit", readouts(t, r), map[string]any{"note": nil}, 0)
	if got := lessontest.Values(t, r).Int("flipped"); got != 10000 {
		t.Errorf("flipped = %d, want 10000", got)
	}
	act(t, r, "flip")
	check(t, "beyond", readouts(t, r), map[string]any{"note": "max_flips{max=10000}"}, 0)
	act(t, r, lesson.ActPlay)
	r.Tick()
	if r.Playing() {
		t.Errorf("still playing with no flips left")
	}
}

// An action of another view switches to it.
func TestActionSwitchesView(t *testing.T) {
	r := open(t, "")
	act(t, r, "flip")
	v := lessontest.Values(t, r)
	if v.String("view") != "beta" || v.Int("flipped") != 1 {
		t.Errorf("flip in the theorem view: view %s, flipped %d", v.String("view"), v.Int("flipped"))
	}
	act(t, r, "test_again")
	v = lessontest.Values(t, r)
	if v.String("view") != "theorem" || v.String("history") != "p" || v.Int("flipped") != 1 {
		t.Errorf("test_again in the beta view: view %s, history %q, flipped %d", v.String("view"), v.String("history"), v.Int("flipped"))
	}
}

// Dragging the true-bias marker sets true_p, to 0.01.
func TestDragTruth(t *testing.T) {
	r := open(t, "view=beta&show_truth=1&flipped=20")
	f, err := r.Figure(800, 500)
	if err != nil {
		t.Fatal(err)
	}
	hs := handles(f)
	if len(hs) != 1 || hs[0].id != "truth" {
		t.Fatalf("handles %v, want the truth marker", hs)
	}
	h := hs[0]
	for _, p := range []lesson.Pointer{
		{Phase: lesson.Down, Panel: h.panel, At: h.at, Hit: h.id, Held: true},
		{Phase: lesson.Move, Panel: h.panel, At: figure.Vec{X: 0.4321, Y: 1}, Held: true},
		{Phase: lesson.Up, Panel: h.panel, At: figure.Vec{X: 0.4321, Y: 1}},
	} {
		if err := r.Pointer(p); err != nil {
			t.Fatal(err)
		}
	}
	check(t, "dragged", readouts(t, r), map[string]any{"true_p": 0.43, "heads": float64(flipsOf(1, 0.43, 20))}, 0)
	// A press beside the line, off the marker, grabs it too; one far from
	// it does not.
	for i, tc := range []struct {
		dx   float64 // from the line, in θ: the panel is 340 pixels wide at 800×500
		want float64
	}{{0.02, 0.2}, {0.3, 0.6}} {
		at := figure.Vec{X: 0.6 + tc.dx, Y: 1}
		set(t, r, "true_p", 0.6)
		for _, p := range []lesson.Pointer{
			{Phase: lesson.Down, Panel: h.panel, At: at, Held: true},
			{Phase: lesson.Move, Panel: h.panel, At: figure.Vec{X: 0.2, Y: 1}, Held: true},
			{Phase: lesson.Up, Panel: h.panel, At: figure.Vec{X: 0.2, Y: 1}},
		} {
			if err := r.Pointer(p); err != nil {
				t.Fatal(err)
			}
		}
		if got := lessontest.Values(t, r).Float("true_p"); got != tc.want {
			t.Errorf("%d: a press %v from the line, dragged to 0.2: true_p = %v, want %v", i, tc.dx, got, tc.want)
		}
	}
	// Hidden, the marker is neither drawn nor draggable.
	set(t, r, "show_truth", false)
	f, _ = r.Figure(800, 500)
	if hs := handles(f); len(hs) != 0 {
		t.Errorf("handles %v with the truth hidden", hs)
	}
}
