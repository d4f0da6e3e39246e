package figure

import (
	"slices"
	"testing"
)

func TestLayout(t *testing.T) {
	for i, tc := range []struct {
		w, h float64
		n    int
		want []Rect
	}{
		// A phone: too narrow for two side by side, so stacked; each cell
		// (400-8)/2 = 196 high.
		{375, 400, 2, []Rect{{44, 26, 363, 162}, {44, 230, 363, 366}}},
		{375, 400, 1, []Rect{{44, 26, 363, 366}}},
		// A laptop: cells (800-8)/2 = 396 wide; frames 340×440 beat the
		// 744×186 of a column.
		{800, 500, 2, []Rect{{44, 26, 384, 466}, {448, 26, 788, 466}}},
		// A desktop: cells 716 wide.
		{1440, 700, 2, []Rect{{44, 26, 704, 666}, {768, 26, 1428, 666}}},
		// Three cells of (1440-16)/3 = 474.67, edges rounded to whole pixels.
		{1440, 700, 3, []Rect{{44, 26, 463, 666}, {527, 26, 945, 666}, {1009, 26, 1428, 666}}},
		// Tall: wide enough for a row (296 px cells), but its 240×840 frames
		// are further from square than the column's 544×386.
		{600, 900, 2, []Rect{{44, 26, 588, 412}, {44, 480, 588, 866}}},
		// Too small for the margins: frames collapse, never invert.
		{50, 50, 1, []Rect{{41, 21, 41, 21}}},
		{800, 500, 0, nil},
	} {
		got := Layout(tc.w, tc.h, tc.n)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%d: Layout(%g, %g, %d) = %v, want %v", i, tc.w, tc.h, tc.n, got, tc.want)
		}
	}
}

func TestInset(t *testing.T) {
	for i, tc := range []struct {
		r                        Rect
		left, top, right, bottom float64
		want                     Rect
	}{
		{Rect{0, 0, 100, 50}, 10, 5, 20, 15, Rect{10, 5, 80, 35}},
		{Rect{0, 0, 100, 50}, -10, -5, -10, -5, Rect{-10, -5, 110, 55}},
		{Rect{0, 0, 100, 50}, 80, 0, 40, 0, Rect{70, 0, 70, 50}}, // collapses at the middle of 80 and 60
	} {
		if got := Inset(tc.r, tc.left, tc.top, tc.right, tc.bottom); got != tc.want {
			t.Errorf("%d: Inset(%v, %g, %g, %g, %g) = %v, want %v", i, tc.r, tc.left, tc.top, tc.right, tc.bottom, got, tc.want)
		}
	}
}

// decorPanel is 340×440 pixels over x in [-2, 3] and y in [-1, 4]: five
// x ticks fit (1 + 340/72), so the step is 2 (1 would give 6); eight y
// ticks fit (1 + 440/60), so the step is 1.
func decorPanel() *Panel {
	return &Panel{Frame: Rect{44, 26, 384, 466}, World: Rect{-2, -1, 3, 4}, Title: "f(x)",
		Axes: Axes{Grid: true, Lines: true, Ticks: true, Box: true, XLabel: "x", YLabel: "y"}}
}

func TestUnderlay(t *testing.T) {
	grid := Style{Stroke: Grid, Width: 1}
	axis := Style{Stroke: Axis, Width: 1.25}
	line := func(x0, y0, x1, y1 float64, s Style) Item { return Path{Pts: []Vec{{x0, y0}, {x1, y1}}, Style: s} }
	want := []Item{
		line(-2, -1, -2, 4, grid), line(0, -1, 0, 4, grid), line(2, -1, 2, 4, grid),
		line(-2, -1, 3, -1, grid), line(-2, 0, 3, 0, grid), line(-2, 1, 3, 1, grid),
		line(-2, 2, 3, 2, grid), line(-2, 3, 3, 3, grid), line(-2, 4, 3, 4, grid),
		line(0, -1, 0, 4, axis), line(-2, 0, 3, 0, axis),
	}
	got := decorPanel().Underlay()
	if len(got) != len(want) {
		t.Fatalf("Underlay() = %d items, want %d: %v", len(got), len(want), got)
	}
	for i := range want {
		g, w := got[i].(Path), want[i].(Path)
		if !slices.Equal(g.Pts, w.Pts) || g.Style != w.Style || g.Closed {
			t.Errorf("Underlay()[%d] = %v, want %v", i, g, w)
		}
	}
	// The origin out of view: no axis lines.
	p := decorPanel()
	p.World = Rect{1, 1, 2, 2}
	p.Axes.Grid = false
	if got := p.Underlay(); len(got) != 0 {
		t.Errorf("Underlay() with the origin out of view = %v, want none", got)
	}
}

func TestOverlay(t *testing.T) {
	p := decorPanel()
	v := p.View()
	got := p.Overlay()
	if b, ok := got[0].(Box); !ok || b.R != p.World || b.Stroke != Axis || b.Width != 1 {
		t.Errorf("Overlay()[0] = %v, want the frame's outline", got[0])
	}
	var xs, ys []string
	f := p.Frame
	for _, it := range got[1:] {
		tx, ok := it.(Text)
		if !ok {
			t.Fatalf("Overlay() has %T after the box, want Text", it)
		}
		x, y := v.ToPx(tx.At)
		x, y = x+tx.DX, y+tx.DY
		switch {
		case tx.Color == Muted && tx.Anchor == Center|Top: // x tick label, under the frame
			xs = append(xs, tx.S)
			if y <= f.Y1 || tx.Size != 11 {
				t.Errorf("x tick label %q at y %g, size %g, want below %g, size 11", tx.S, y, tx.Size, f.Y1)
			}
		case tx.Color == Muted && tx.Anchor == Right|Middle: // y tick label, left of the frame
			ys = append(ys, tx.S)
			if x >= f.X0 || tx.Size != 11 {
				t.Errorf("y tick label %q at x %g, size %g, want left of %g, size 11", tx.S, x, tx.Size, f.X0)
			}
		case tx.S == "x":
			if x != (f.X0+f.X1)/2 || y < f.Y1+16 || y > f.Y1+MarginBottom-11 {
				t.Errorf("XLabel at %g, %g, want centred under the tick labels, inside the margin", x, y)
			}
		case tx.S == "y":
			if x >= f.X0 || y >= f.Y0 || y < f.Y0-MarginTop {
				t.Errorf("YLabel at %g, %g, want left of %g and above %g, inside the margin", x, y, f.X0, f.Y0)
			}
		case tx.S == "f(x)":
			if x != f.X0 || y >= f.Y0 || y-13 < f.Y0-MarginTop || !tx.Bold || tx.Size != 13 || tx.Color != Ink {
				t.Errorf("Title %v at %g, %g, want bold 13 px Ink above the frame from its left edge", tx, x, y)
			}
		default:
			t.Errorf("unexpected overlay text %v", tx)
		}
	}
	if want := []string{"-2", "0", "2"}; !slices.Equal(xs, want) {
		t.Errorf("x tick labels = %q, want %q", xs, want)
	}
	if want := []string{"-1", "0", "1", "2", "3", "4"}; !slices.Equal(ys, want) {
		t.Errorf("y tick labels = %q, want %q", ys, want)
	}
	// Nothing asked for, nothing drawn.
	if got := (&Panel{Frame: Rect{0, 0, 100, 100}, World: Rect{0, 0, 1, 1}}).Overlay(); len(got) != 0 {
		t.Errorf("Overlay() of bare axes = %v, want none", got)
	}
}

// TestDecorFollowsEqual checks that decoration uses the View's world,
// widened by Equal, not the panel's World.
func TestDecorFollowsEqual(t *testing.T) {
	p := &Panel{Frame: Rect{0, 0, 400, 200}, World: Rect{-1, -1, 1, 1}, Equal: true, Axes: Axes{Box: true, Grid: true}}
	if b := p.Overlay()[0].(Box); b.R != (Rect{-2, -1, 2, 1}) {
		t.Errorf("Overlay box = %v, want the widened world {-2 -1 2 1}", b.R)
	}
	if first := p.Underlay()[0].(Path); first.Pts[0].X != -2 {
		t.Errorf("first grid line at x = %g, want -2", first.Pts[0].X)
	}
}
