package figure

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

const tol = 1e-9

func eq(a, b float64) bool { return scalar.EqualWithinAbsOrRel(a, b, tol, tol) }

func eqPt(a, b [2]float64) bool { return eq(a[0], b[0]) && eq(a[1], b[1]) }

func TestView(t *testing.T) {
	for i, tc := range []struct {
		p      Panel
		world  Rect // the World of the View
		sx, sy float64
		in     Vec
		x, y   float64
	}{
		// 200×100 pixels over a 2×2 world: y is flipped, scales differ.
		{Panel{Frame: Rect{10, 20, 210, 120}, World: Rect{-1, -1, 1, 1}}, Rect{-1, -1, 1, 1}, 100, 50, Vec{-1, -1}, 10, 120},
		{Panel{Frame: Rect{10, 20, 210, 120}, World: Rect{-1, -1, 1, 1}}, Rect{-1, -1, 1, 1}, 100, 50, Vec{1, 1}, 210, 20},
		{Panel{Frame: Rect{10, 20, 210, 120}, World: Rect{-1, -1, 1, 1}}, Rect{-1, -1, 1, 1}, 100, 50, Vec{0.5, 0}, 160, 70},
		// Equal: one scale, the smaller (50), and x widened to [-2, 2].
		{Panel{Frame: Rect{10, 20, 210, 120}, World: Rect{-1, -1, 1, 1}, Equal: true}, Rect{-2, -1, 2, 1}, 50, 50, Vec{1, 1}, 160, 20},
		// Equal with a tall frame: y widened around its centre 2.
		{Panel{Frame: Rect{0, 0, 100, 300}, World: Rect{0, 1, 10, 3}, Equal: true}, Rect{0, -13, 10, 17}, 10, 10, Vec{0, 2}, 0, 150},
		// An empty world span is widened to 1.
		{Panel{Frame: Rect{0, 0, 100, 100}, World: Rect{3, 5, 3, 5}}, Rect{2.5, 4.5, 3.5, 5.5}, 100, 100, Vec{3, 5}, 50, 50},
	} {
		v := tc.p.View()
		sx, sy := v.Scale()
		if v.World != tc.world || !eq(sx, tc.sx) || !eq(sy, tc.sy) {
			t.Errorf("%d: View() = %v, scale %g, %g, want %v, %g, %g", i, v.World, sx, sy, tc.world, tc.sx, tc.sy)
		}
		if x, y := v.ToPx(tc.in); !eq(x, tc.x) || !eq(y, tc.y) {
			t.Errorf("%d: ToPx(%v) = %g, %g, want %g, %g", i, tc.in, x, y, tc.x, tc.y)
		}
		// Round trips both ways over a grid of points.
		for _, p := range []Vec{{-3, 7}, {0, 0}, {0.25, -0.5}, {1e3, 1e-3}} {
			if q := v.ToWorld(v.ToPx(p)); !eq(q.X, p.X) || !eq(q.Y, p.Y) {
				t.Errorf("%d: ToWorld(ToPx(%v)) = %v", i, p, q)
			}
			if x, y := v.ToPx(v.ToWorld(p.X, p.Y)); !eq(x, p.X) || !eq(y, p.Y) {
				t.Errorf("%d: ToPx(ToWorld(%v)) = %g, %g", i, p, x, y)
			}
		}
	}
}

func TestRectAndCirclePx(t *testing.T) {
	p := Panel{Frame: Rect{0, 0, 200, 100}, World: Rect{-1, -1, 1, 1}} // sx 100, sy 50
	v := p.View()
	if got, want := v.RectPx(Rect{0, 0, 1, 1}), (Rect{100, 0, 200, 50}); got != want {
		t.Errorf("RectPx = %v, want %v", got, want)
	}
	cx, cy, rx, ry := v.CirclePx(Circle{C: Vec{0.5, 0.5}, R: -0.5})
	if !eq(cx, 150) || !eq(cy, 25) || !eq(rx, 50) || !eq(ry, 25) {
		t.Errorf("CirclePx = %g, %g, %g, %g, want 150, 25, 50, 25", cx, cy, rx, ry)
	}
}

func TestArrowPx(t *testing.T) {
	v := (&Panel{Frame: Rect{0, 0, 100, 100}, World: Rect{0, 0, 10, 10}}).View() // 10 px per unit
	for i, tc := range []struct {
		a     Arrow
		ok    bool
		shaft [2][2]float64
		head  [3][2]float64
	}{
		// Right along y = 1 (pixel y 90): head 10 long, 8 wide.
		{Arrow{From: Vec{1, 1}, To: Vec{4, 1}}, true, [2][2]float64{{10, 90}, {30, 90}}, [3][2]float64{{40, 90}, {30, 94}, {30, 86}}},
		// A 3-4-5 diagonal, up-right on screen: direction (0.6, -0.8).
		{Arrow{From: Vec{1, 1}, To: Vec{4, 5}}, true, [2][2]float64{{10, 90}, {34, 58}}, [3][2]float64{{40, 50}, {37.2, 60.4}, {30.8, 55.6}}},
		// A head of 20 px.
		{Arrow{From: Vec{1, 1}, To: Vec{4, 1}, Head: 20}, true, [2][2]float64{{10, 90}, {20, 90}}, [3][2]float64{{40, 90}, {20, 98}, {20, 82}}},
		// A head longer than the arrow is cut to it: no shaft left.
		{Arrow{From: Vec{1, 1}, To: Vec{1, 3}, Head: 100}, true, [2][2]float64{{10, 90}, {10, 90}}, [3][2]float64{{10, 70}, {18, 90}, {2, 90}}},
		{Arrow{From: Vec{2, 2}, To: Vec{2, 2}}, false, [2][2]float64{}, [3][2]float64{}},
		{Arrow{From: Vec{2, 2}, To: Vec{math.NaN(), 2}}, false, [2][2]float64{}, [3][2]float64{}},
		{Arrow{From: Vec{2, 2}, To: Vec{1e200, 2}}, false, [2][2]float64{}, [3][2]float64{}},
	} {
		shaft, head, ok := v.ArrowPx(tc.a)
		if ok != tc.ok {
			t.Errorf("%d: ArrowPx(%v) ok = %v, want %v", i, tc.a, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		for k := range shaft {
			if !eqPt(shaft[k], tc.shaft[k]) {
				t.Errorf("%d: ArrowPx(%v) shaft = %v, want %v", i, tc.a, shaft, tc.shaft)
				break
			}
		}
		for k := range head {
			if !eqPt(head[k], tc.head[k]) {
				t.Errorf("%d: ArrowPx(%v) head = %v, want %v", i, tc.a, head, tc.head)
				break
			}
		}
	}
}

func TestArcPx(t *testing.T) {
	equal := (&Panel{Frame: Rect{0, 0, 100, 100}, World: Rect{-5, -5, 5, 5}}).View()    // centre (50, 50)
	squeezed := (&Panel{Frame: Rect{0, 0, 200, 100}, World: Rect{-1, -1, 1, 1}}).View() // sx 100, sy 50
	s5 := 1 / math.Sqrt(5)
	for i, tc := range []struct {
		v           View
		a           Arc
		first, last [2]float64
	}{
		// Counter-clockwise in the world is up on the screen.
		{equal, Arc{RPx: 20, A0: 0, A1: math.Pi / 2}, [2]float64{70, 50}, [2]float64{50, 30}},
		{equal, Arc{RPx: 20, A0: math.Pi / 2, A1: 0}, [2]float64{50, 30}, [2]float64{70, 50}},
		{equal, Arc{RPx: 10, A0: -math.Pi / 2, A1: math.Pi}, [2]float64{50, 60}, [2]float64{40, 50}},
		// More than a turn is one turn.
		{equal, Arc{RPx: 10, A0: 0, A1: 3 * math.Pi}, [2]float64{60, 50}, [2]float64{60, 50}},
		// With unequal scales the end lies along the world direction (1, 1)
		// as drawn: pixels (100, -50), normalised (2, -1)/√5.
		{squeezed, Arc{RPx: 20, A0: 0, A1: math.Pi / 4}, [2]float64{120, 50}, [2]float64{100 + 40*s5, 50 - 20*s5}},
	} {
		pts := tc.v.ArcPx(tc.a)
		if len(pts) < 3 || !eqPt(pts[0], tc.first) || !eqPt(pts[len(pts)-1], tc.last) {
			t.Errorf("%d: ArcPx(%v) = %v, want %v ... %v", i, tc.a, pts, tc.first, tc.last)
			continue
		}
		c, _ := tc.v.px(tc.a.C)
		for k, p := range pts {
			if r := math.Hypot(p[0]-c[0], p[1]-c[1]); !eq(r, tc.a.RPx) {
				t.Errorf("%d: ArcPx(%v) point %d at radius %g, want %g", i, tc.a, k, r, tc.a.RPx)
			}
			// Smooth: every chord's middle within a quarter pixel of the circle.
			if k > 0 {
				m := [2]float64{(p[0] + pts[k-1][0]) / 2, (p[1] + pts[k-1][1]) / 2}
				if r := math.Hypot(m[0]-c[0], m[1]-c[1]); r < tc.a.RPx-arcSagitta-tol {
					t.Errorf("%d: ArcPx(%v) chord %d sags to radius %g", i, tc.a, k, r)
				}
			}
		}
	}
	for i, a := range []Arc{
		{RPx: 20, A0: 1, A1: 1},
		{RPx: 0, A0: 0, A1: 1},
		{RPx: -5, A0: 0, A1: 1},
		{RPx: 20, A0: 0, A1: math.NaN()},
		{RPx: 20, A0: 0, A1: math.Inf(1)},
		{C: Vec{math.Inf(1), 0}, RPx: 20, A0: 0, A1: 1},
	} {
		if pts := equal.ArcPx(a); pts != nil {
			t.Errorf("%d: ArcPx(%v) = %v, want nil", i, a, pts)
		}
	}
}

func TestPathPx(t *testing.T) {
	// 10 px per unit, frame 100×100 at the origin: the guard box is
	// [-1000, 1100] on both axes.
	v := (&Panel{Frame: Rect{0, 0, 100, 100}, World: Rect{0, 0, 10, 10}}).View()
	nan := math.NaN()
	for i, tc := range []struct {
		p    Path
		want [][][2]float64
	}{
		{Path{Pts: []Vec{{1, 1}, {2, 3}, {5, 5}}}, [][][2]float64{{{10, 90}, {20, 70}, {50, 50}}}},
		// A NaN splits the polyline; a point beyond 1e150 counts as missing.
		{Path{Pts: []Vec{{1, 1}, {2, 2}, {nan, 3}, {4, 4}, {5, 5}, {1e200, 0}, {6, 6}}},
			[][][2]float64{{{10, 90}, {20, 80}}, {{40, 60}, {50, 50}}}},
		// Leaving the guard box: cut on its edge, along the same line
		// (slope 1/2 in pixels).
		{Path{Pts: []Vec{{5, 5}, {1e6 + 5, 5e5 + 5}}}, [][][2]float64{{{50, 50}, {1100, 50 - 525}}}},
		// Crossing it from far outside to far outside.
		{Path{Pts: []Vec{{-1e6, 5}, {1e6, 5}}}, [][][2]float64{{{-1000, 50}, {1100, 50}}}},
		// Going out and coming back makes two runs.
		{Path{Pts: []Vec{{5, 5}, {1e6, 5}, {5, 6}}}, [][][2]float64{{{50, 50}, {1100, 50}}, {{1100, 50 - 10*(1e7-1100)/(1e7-50)}, {50, 40}}}},
		{Path{Pts: []Vec{{2, 2}}}, [][][2]float64{{{20, 80}}}},
		{Path{Pts: []Vec{{nan, 2}}}, nil},
		{Path{}, nil},
		// A closed path is one polygon, clipped to the guard box.
		{Path{Closed: true, Pts: []Vec{{0, 0}, {1e6, 0}, {0, 1e6}}},
			[][][2]float64{{{0, -1000}, {0, 100}, {1100, 100}, {1100, -1000}}}},
		{Path{Closed: true, Pts: []Vec{{1, 1}, {nan, 0}, {3, 1}, {2, 3}}}, [][][2]float64{{{10, 90}, {30, 90}, {20, 70}}}},
		{Path{Closed: true, Pts: []Vec{{1e5, 1e5}, {2e5, 1e5}, {2e5, 2e5}}}, nil},
	} {
		got := v.PathPx(tc.p)
		if !eqRuns(got, tc.want) {
			t.Errorf("%d: PathPx(%v) = %v, want %v", i, tc.p.Pts, got, tc.want)
		}
	}
}

func eqRuns(a, b [][][2]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if !scalar.EqualWithinAbsOrRel(a[i][j][0], b[i][j][0], 1e-6, 1e-9) ||
				!scalar.EqualWithinAbsOrRel(a[i][j][1], b[i][j][1], 1e-6, 1e-9) {
				return false
			}
		}
	}
	return true
}
