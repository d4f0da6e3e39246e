package bayes_test

import (
	"fmt"
	"testing"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
)

// The kidney-stone data of Charig et al. (1986) with the numbers of
// Pearl, Glymour and Jewell, "Causal Inference in Statistics: A Primer"
// (2016), §3.2, computed exactly: rates 81/87, 192/263, 234/270, 55/80;
// pooled 273/350 = 0.78 and 289/350; P(small) = 357/700 = 0.51;
// adjusted 81/87·0.51 + 192/263·0.49 = 0.8325462173856037 and
// 234/270·0.51 + 55/80·0.49 = 0.778875 (Python; the Primer rounds them
// to 0.832 and 0.7818).
func TestKidneyStones(t *testing.T) {
	r := open(t, "view=confounding")
	check(t, "defaults", readouts(t, r), map[string]any{
		"rate_a_small": 81.0 / 87, "rate_a_large": 192.0 / 263, "rate_b_small": 234.0 / 270, "rate_b_large": 55.0 / 80,
		"p_small": 0.51, "p_large": 0.49, "naive_a": 0.78, "naive_b": 289.0 / 350,
		"adjusted_a": 0.8325462173856037, "adjusted_b": 0.778875,
		"paradox": "simpson{within=A,overall=B}", "status": nil,
	}, 1e-12)
	d, err := r.Data()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Rows) != 4 || d.Rows[1][2] != 192 || d.Rows[1][3] != 263 || d.Rows[2][0] != 1 || d.Rows[2][1] != 0 {
		t.Errorf("Data() = %v", d)
	}
}

func TestParadoxKinds(t *testing.T) {
	for i, tc := range []struct {
		state string
		want  string
	}{
		// Equal shares of large stones: pooling cannot reverse anything.
		{"a_small_s=90&a_small_n=100&a_large_s=70&a_large_n=100&b_small_s=85&b_small_n=100&b_large_s=60&b_large_n=100", "agree{better=A}"},
		// A better for small stones only.
		{"a_small_s=70", "strata_differ"},
		// A tie for large stones.
		{"a_large_s=55&a_large_n=80", "strata_differ"},
		// B better within both strata (A: 80/87 < 234/270; 50/263 < 55/80) and pooled.
		{"a_small_s=70&a_large_s=50", "agree{better=B}"},
		// A is better within each (0.9 > 0.8, 0.3 > 0.2), and pooled 12/20 =
		// 9/15 = 0.6: a tie.
		{"a_small_s=9&a_small_n=10&a_large_s=3&a_large_n=10&b_small_s=8&b_small_n=10&b_large_s=1&b_large_n=5", "overall_tie{within=A}"},
	} {
		check(t, fmt.Sprintf("%d: %s", i, tc.state), readouts(t, open(t, "view=confounding&"+tc.state)), map[string]any{"paradox": tc.want}, 0)
	}
}

// A cell with more successes than patients: its numbers are left out and
// the status names it.
func TestInvalidCounts(t *testing.T) {
	r := open(t, "view=confounding&a_small_s=95")
	ro := readouts(t, r)
	check(t, "95 of 87", ro, map[string]any{"status": "bad_a_small{s=95,n=87}", "rate_a_small": nil, "naive_a": nil,
		"adjusted_a": nil, "paradox": nil, "rate_b_small": 234.0 / 270, "naive_b": 289.0 / 350, "p_small": 0.51}, 1e-12)
	// Raising the patients fixes it.
	set(t, r, "a_small_n", 100)
	check(t, "95 of 100", readouts(t, r), map[string]any{"status": nil, "rate_a_small": 0.95}, 1e-12)
	// Reset restores the study's table.
	act(t, r, lesson.ActReset)
	check(t, "reset", readouts(t, r), map[string]any{"rate_a_small": 81.0 / 87, "paradox": "simpson{within=A,overall=B}"}, 1e-12)
	if v := lessontest.Values(t, r); v.Int("a_small_s") != 81 || v.Int("a_small_n") != 87 {
		t.Errorf("after reset: a_small = %d/%d", v.Int("a_small_s"), v.Int("a_small_n"))
	}
}

// Dragging a stratum's bar sets its successes: the bar of A's large
// stones dragged down to a rate of 0.5 gives round(0.5·263) = 132
// successes, and A is no longer better for large stones.
func TestDragBar(t *testing.T) {
	r := open(t, "view=confounding")
	f, err := r.Figure(800, 500)
	if err != nil {
		t.Fatal(err)
	}
	var h handle
	for _, x := range handles(f) {
		if x.id == "a_large" {
			h = x
		}
	}
	if h.id == "" {
		t.Fatalf("no handle a_large in %v", handles(f))
	}
	var rates *figure.Panel
	for _, p := range f.Panels {
		if p.ID == h.panel {
			rates = p
		}
	}
	// The bars' heights are pixels: rate 0 and rate 1 are the grid's
	// bottom and top lines (0.73 = 192/263 is at h.at.Y).
	y0, y1 := rates.World.Y1, rates.World.Y0
	for _, it := range rates.Items {
		if p, ok := it.(figure.Path); ok && p.Style.Stroke == figure.Grid {
			y0, y1 = min(y0, p.Pts[0].Y), max(y1, p.Pts[0].Y)
		}
	}
	half := figure.Vec{X: h.at.X, Y: y0 + 0.5*(y1-y0)}
	for _, p := range []lesson.Pointer{
		{Phase: lesson.Down, Panel: h.panel, At: h.at, Hit: h.id, Held: true},
		{Phase: lesson.Move, Panel: h.panel, At: half, Held: true},
		{Phase: lesson.Up, Panel: h.panel, At: half},
	} {
		if err := r.Pointer(p); err != nil {
			t.Fatal(err)
		}
	}
	if got := lessontest.Values(t, r).Int("a_large_s"); got != 132 {
		t.Errorf("a_large_s = %d after dragging to 0.5, want 132", got)
	}
	check(t, "dragged", readouts(t, r), map[string]any{"paradox": "strata_differ"}, 0)
}
