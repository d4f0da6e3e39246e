package figure

import (
	"fmt"
	"math"
	"testing"
)

// hitFigure has two panels; the first maps 10 px per world unit with the
// origin at pixel (0, 100).
func hitFigure() *Figure {
	fill := Style{Fill: Blue, FillAlpha: 0.3}
	return &Figure{W: 240, H: 100, Panels: []*Panel{
		{ID: "left", Frame: Rect{0, 0, 100, 100}, World: Rect{0, 0, 10, 10}, Items: []Item{
			Box{ID: "box", R: Rect{1, 1, 3, 3}},                                            // px [10, 30]×[70, 90]
			Path{ID: "line", Pts: []Vec{{5, 1}, {9, 1}}},                                   // px y = 90, x in [50, 90]
			Path{ID: "tri", Closed: true, Pts: []Vec{{5, 5}, {9, 5}, {7, 9}}, Style: fill}, // px (50,50) (90,50) (70,10)
			Path{ID: "hollow", Closed: true, Pts: []Vec{{0.5, 4}, {1.5, 4}, {1.5, 6}, {0.5, 6}}},
			Circle{ID: "circ", C: Vec{2, 7}, R: 1},                   // px centre (20, 30), radius 10
			Point{ID: "pt", P: Vec{8, 8}, Size: 3},                   // px (80, 20)
			Arrow{ID: "arr", From: Vec{1, 5}, To: Vec{3, 5}},         // px (10, 50) to (30, 50)
			Raster{ID: "ras", R: Rect{6, 2, 8, 4}, W: 1, H: 1},       // px [60, 80]×[60, 80]
			Arc{ID: "arc", C: Vec{2, 7}, RPx: 5, A0: 0, A1: math.Pi}, // never hit
			Text{ID: "txt", At: Vec{4, 9}, S: "label"},               // never hit
			Point{ID: "top", P: Vec{2, 2}},                           // over the box's centre, px (20, 80)
			&Point{ID: "ptr", P: Vec{9.5, 0.5}},                      // a pointer item, px (95, 95)
			(*Point)(nil),
			Box{R: Rect{0, 0, 10, 10}, Style: fill}, // no ID: never hides the others
		}},
		{ID: "right", Frame: Rect{140, 0, 240, 100}, World: Rect{-1, -1, 1, 1}, Items: []Item{
			Circle{ID: "unit", R: 1}, // px centre (190, 50), radii 50
		}},
	}}
}

func TestHit(t *testing.T) {
	f := hitFigure()
	for i, tc := range []struct {
		x, y  float64
		panel string // "" for none
		at    Vec
		id    string
	}{
		{20, 80, "left", Vec{2, 2}, "top"},     // the point drawn after the box
		{11, 71, "left", Vec{1.1, 2.9}, "box"}, // 12.7 px from the point
		{35, 80, "left", Vec{3.5, 2}, ""},      // a box has no slop
		{70, 95, "left", Vec{7, 0.5}, "line"},
		{70, 98.5, "left", Vec{7, 0.15}, ""}, // 8.5 px from the line
		{70, 40, "left", Vec{7, 6}, "tri"},   // inside the filled triangle
		{10, 50, "left", Vec{1, 5}, "arr"},
		{6, 42, "left", Vec{0.6, 5.8}, "hollow"}, // near the edge of a path without fill
		{10, 45, "left", Vec{1, 5.5}, "arr"},     // inside it: only the arrow, 5 px away
		{10, 50.5, "left", Vec{1, 4.95}, "arr"},
		{20, 30, "left", Vec{2, 7}, "circ"},
		{2, 30, "left", Vec{0.2, 7}, "circ"}, // 8 px outside the edge
		{1, 30, "left", Vec{0.1, 7}, ""},     // 9 px outside
		{80, 20, "left", Vec{8, 8}, "pt"},
		{91, 20, "left", Vec{9.1, 8}, "pt"}, // Size 3 + slop 8
		{92, 20, "left", Vec{9.2, 8}, ""},
		{37, 53, "left", Vec{3.7, 4.7}, "arr"}, // beyond the tip, within slop
		{39, 50, "left", Vec{3.9, 5}, ""},      // 9 px beyond the tip
		{70, 70, "left", Vec{7, 3}, "ras"},
		{45, 10, "left", Vec{4.5, 9}, ""}, // on the text: never
		{95, 95, "left", Vec{9.5, 0.5}, "ptr"},
		{190, 50, "right", Vec{0, 0}, "unit"},
		{120, 50, "", Vec{}, ""}, // between the panels
		{-1, 50, "", Vec{}, ""},
	} {
		p, at, id := f.Hit(tc.x, tc.y)
		name := ""
		if p != nil {
			name = p.ID
		}
		if name != tc.panel || id != tc.id || !eq(at.X, tc.at.X) || !eq(at.Y, tc.at.Y) {
			t.Errorf("%d: Hit(%g, %g) = %q, %v, %q, want %q, %v, %q", i, tc.x, tc.y, name, at, id, tc.panel, tc.at, tc.id)
		}
	}
	if p, _, id := (*Figure)(nil).Hit(1, 1); p != nil || id != "" {
		t.Errorf("nil Figure: Hit = %v, %q, want nil, \"\"", p, id)
	}
}

// TestHitEllipse checks a circle on a panel whose scales differ: it is an
// ellipse on screen, and hit as one.
func TestHitEllipse(t *testing.T) {
	f := &Figure{Panels: []*Panel{{Frame: Rect{0, 0, 200, 100}, World: Rect{-1, -1, 1, 1},
		Items: []Item{Circle{ID: "c", R: 0.5}}}}} // px centre (100, 50), radii 50 and 25
	for i, tc := range []struct {
		x, y float64
		id   string
	}{
		{157, 50, "c"}, // 7 px right of the edge
		{159, 50, ""},
		{100, 82, "c"}, // 7 px below the edge
		{100, 84, ""},
	} {
		if _, _, id := f.Hit(tc.x, tc.y); id != tc.id {
			t.Errorf("%d: Hit(%g, %g) id = %q, want %q", i, tc.x, tc.y, id, tc.id)
		}
	}
}

func TestInside(t *testing.T) {
	square := [][2]float64{{0, 0}, {10, 0}, {10, 10}, {0, 10}}
	// A pentagram: its centre is wound twice, so nonzero fills it.
	star := make([][2]float64, 5)
	for k := range star {
		a := math.Pi/2 + float64(2*k)*2*math.Pi/5
		star[k] = [2]float64{10 * math.Cos(a), 10 * math.Sin(a)}
	}
	for i, tc := range []struct {
		p    [2]float64
		poly [][2]float64
		want bool
	}{
		{[2]float64{5, 5}, square, true},
		{[2]float64{15, 5}, square, false},
		{[2]float64{5, -1}, square, false},
		{[2]float64{0, 0}, star, true},
		{[2]float64{0, 9}, star, true},
		{[2]float64{9, 9}, star, false},
	} {
		if got := inside(tc.p, tc.poly); got != tc.want {
			t.Errorf("%d: inside(%v) = %v, want %v", i, tc.p, got, tc.want)
		}
	}
}

// TestConcrete checks that the pointer form of every item type reads as
// its value, and a nil pointer as nothing.
func TestConcrete(t *testing.T) {
	for i, tc := range []struct{ ptr, nilPtr, want Item }{
		{&Path{ID: "a"}, (*Path)(nil), Path{ID: "a"}},
		{&Box{ID: "a"}, (*Box)(nil), Box{ID: "a"}},
		{&Circle{ID: "a"}, (*Circle)(nil), Circle{ID: "a"}},
		{&Point{ID: "a"}, (*Point)(nil), Point{ID: "a"}},
		{&Arrow{ID: "a"}, (*Arrow)(nil), Arrow{ID: "a"}},
		{&Arc{ID: "a"}, (*Arc)(nil), Arc{ID: "a"}},
		{&Text{ID: "a"}, (*Text)(nil), Text{ID: "a"}},
		{&Raster{ID: "a"}, (*Raster)(nil), Raster{ID: "a"}},
	} {
		if got := Concrete(tc.ptr); itemID(got) != "a" || fmt.Sprintf("%T", got) != fmt.Sprintf("%T", tc.want) {
			t.Errorf("%d: Concrete(%T) = %#v, want %#v", i, tc.ptr, got, tc.want)
		}
		if got := Concrete(tc.nilPtr); got != nil {
			t.Errorf("%d: Concrete(%T(nil)) = %#v, want nil", i, tc.nilPtr, got)
		}
		if got := Concrete(tc.want); itemID(got) != "a" {
			t.Errorf("%d: Concrete(%T) = %#v, want it unchanged", i, tc.want, got)
		}
	}
}
