package vector_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
	"github.com/aimath/playground/lesson/vector"
)

const tol = 1e-12

// open returns the lesson reset to the defaults with x and y replaced.
func open(t testing.TB, x, y [2]float64) (lesson.Lesson, *param.Values) {
	t.Helper()
	v := param.New(vector.Info.Params)
	for name, val := range map[string][2]float64{"x": x, "y": y} {
		if _, clamped, err := v.Set(name, val); err != nil || clamped {
			t.Fatalf("Set(%s, %v): clamped %v, err %v", name, val, clamped, err)
		}
	}
	l := vector.Info.New()
	l.Reset(v)
	return l, v
}

func readouts(l lesson.Lesson) map[string]any {
	out := map[string]any{}
	for _, r := range l.Readouts() {
		out[r.Name] = r.Value
	}
	return out
}

var names = []string{"x_l1", "x_l2", "x_linf", "y_l1", "y_l2", "y_linf", "dot", "cos", "angle_deg", "dist_l1", "dist_l2", "proj_1", "proj_2"}

func TestCheck(t *testing.T) { lessontest.Check(t, vector.Info) }

// TestReadouts compares every readout with numpy. The reference values were
// printed by /usr/bin/python3 with numpy, for x and y as float arrays:
//
//	x_l1 = np.linalg.norm(x, 1), x_l2 = np.linalg.norm(x), x_linf = np.linalg.norm(x, np.inf)
//	(the same for y), dot = np.dot(x, y),
//	cos = np.dot(x, y) / (np.linalg.norm(x) * np.linalg.norm(y)),
//	angle_deg = np.degrees(np.arccos(cos)),
//	dist_l1 = np.linalg.norm(x - y, 1), dist_l2 = np.linalg.norm(x - y),
//	proj_1, proj_2 = np.dot(x, y) / np.dot(y, y) * y
//
// Parallel and opposite vectors use exact angles (sympy: acos(4/(sqrt(2)*sqrt(8)))
// = 0 and deg(acos(-10/(sqrt(5)*sqrt(20)))) = 180), since numpy's arccos gives
// 1.2074182697257333e-06 and 179.99999879258172 there from rounding in cos.
func TestReadouts(t *testing.T) {
	for i, tc := range []struct {
		x, y [2]float64
		want []float64 // in the order of names
	}{
		{ // the default state: θ = 45°, proj_y x = y/2
			x: [2]float64{3, 1}, y: [2]float64{2, 4},
			want: []float64{4, 3.1622776601683795, 3, 6, 4.47213595499958, 4, 10,
				0.7071067811865475, 45, 4, 3.1622776601683795, 1, 2},
		},
		{
			x: [2]float64{3, -4}, y: [2]float64{1, 2},
			want: []float64{7, 5, 4, 3, 2.23606797749979, 2, -5,
				-0.4472135954999579, 116.56505117707799, 8, 6.324555320336759, -1, -2},
		},
		{
			x: [2]float64{-2.5, 1.5}, y: [2]float64{0.5, -3.2},
			want: []float64{4, 2.9154759474226504, 2.5, 3.7, 3.23882694814033, 3.2, -6.050000000000001,
				-0.6407050804044524, 129.84441568259376, 7.7, 5.57584074378026, -0.2883698760724499, 1.8455672068636795},
		},
		{ // perpendicular: the projection is the zero vector
			x: [2]float64{2, 1}, y: [2]float64{-1, 2},
			want: []float64{3, 2.23606797749979, 2, 3, 2.23606797749979, 2, 0,
				0, 90, 4, 3.1622776601683795, 0, 0},
		},
		{ // parallel
			x: [2]float64{1, 1}, y: [2]float64{2, 2},
			want: []float64{2, 1.4142135623730951, 1, 4, 2.8284271247461903, 2, 4,
				1, 0, 2, 1.4142135623730951, 1, 1},
		},
		{ // opposite
			x: [2]float64{1, -2}, y: [2]float64{-2, 4},
			want: []float64{3, 2.23606797749979, 2, 6, 4.47213595499958, 4, -10,
				-1, 180, 9, 6.708203932499369, 1, -2},
		},
	} {
		l, _ := open(t, tc.x, tc.y)
		got := readouts(l)
		if len(got) != len(names) {
			t.Errorf("%d: %d readouts, want %d", i, len(got), len(names))
		}
		for j, name := range names {
			g, ok := got[name].(float64)
			if !ok || !scalar.EqualWithinAbsOrRel(g, tc.want[j], tol, tol) {
				t.Errorf("%d: %s(x=%v, y=%v) = %v, want %v", i, name, tc.x, tc.y, got[name], tc.want[j])
			}
		}
	}
}

// TestExact checks cases that must come out exact, with no rounding dust
// for the page to show (cos θ = 1e-17 would read as "0.0000" or worse).
func TestExact(t *testing.T) {
	for i, tc := range []struct {
		x, y [2]float64
		want map[string]float64
	}{
		{[2]float64{2, 1}, [2]float64{-1, 2}, map[string]float64{"cos": 0, "angle_deg": 90, "proj_1": 0, "proj_2": 0}},
		{[2]float64{1, 1}, [2]float64{2, 2}, map[string]float64{"cos": 1, "angle_deg": 0, "proj_1": 1, "proj_2": 1}},
		{[2]float64{1, -2}, [2]float64{-2, 4}, map[string]float64{"cos": -1, "angle_deg": 180, "proj_1": 1, "proj_2": -2}},
		{[2]float64{3, 1}, [2]float64{2, 4}, map[string]float64{"angle_deg": 45, "proj_1": 1, "proj_2": 2}},
	} {
		l, _ := open(t, tc.x, tc.y)
		got := readouts(l)
		for name, w := range tc.want {
			if got[name] != w {
				t.Errorf("%d: %s(x=%v, y=%v) = %v, want exactly %v", i, name, tc.x, tc.y, got[name], w)
			}
		}
	}
}

// TestProperties checks identities on random grid vectors: the norm
// inequalities, cos θ against the plain formula, and that x − proj_y x is
// perpendicular to y.
func TestProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	grid := func() float64 { return float64(rng.IntN(101)-50) / 10 }
	for i := range 2000 {
		x, y := [2]float64{grid(), grid()}, [2]float64{grid(), grid()}
		l, _ := open(t, x, y)
		g := readouts(l)
		f := func(name string) float64 { v, _ := g[name].(float64); return v }
		if !(f("x_l1") >= f("x_l2") && f("x_l2") >= f("x_linf") && f("x_l2") <= math.Sqrt2*f("x_linf")+tol) {
			t.Errorf("%d: norms of %v = %v, %v, %v out of order", i, x, f("x_l1"), f("x_l2"), f("x_linf"))
		}
		if x == [2]float64{} || y == [2]float64{} {
			continue
		}
		dot := x[0]*y[0] + x[1]*y[1]
		cos := dot / (math.Hypot(x[0], x[1]) * math.Hypot(y[0], y[1]))
		if !scalar.EqualWithinAbsOrRel(f("cos"), cos, tol, tol) || !scalar.EqualWithinAbsOrRel(math.Cos(f("angle_deg")*math.Pi/180), cos, 1e-9, 1e-9) {
			t.Errorf("%d: cos, angle_deg(x=%v, y=%v) = %v, %v, want cos %v", i, x, y, f("cos"), f("angle_deg"), cos)
		}
		p := [2]float64{f("proj_1"), f("proj_2")}
		if r := (x[0]-p[0])*y[0] + (x[1]-p[1])*y[1]; math.Abs(r) > 1e-12 {
			t.Errorf("%d: ⟨x − p, y⟩ = %v for x=%v, y=%v, want 0", i, r, x, y)
		}
	}
}

// TestReadoutOrder pins the readout names and their order, which the page
// shows as they come.
func TestReadoutOrder(t *testing.T) {
	l, _ := open(t, [2]float64{0, 0}, [2]float64{0, 0})
	rs := l.Readouts()
	if len(rs) != len(names) {
		t.Fatalf("%d readouts, want %d", len(rs), len(names))
	}
	for i, r := range rs {
		if r.Name != names[i] {
			t.Errorf("readout %d = %s, want %s", i, r.Name, names[i])
		}
	}
}

// TestZeroVector checks the undefined states: no NaN in the readouts, no arc
// or projection in the figure, and the canvas says θ is undefined.
func TestZeroVector(t *testing.T) {
	zero := [2]float64{}
	for i, tc := range []struct {
		x, y      [2]float64
		projUndef bool
		want      map[string]float64 // the defined readouts worth checking
	}{
		// np.linalg.norm([0,0]-[1,2], 1) = 3.0, np.linalg.norm([0,0]-[1,2]) = 2.23606797749979
		{x: zero, y: [2]float64{1, 2}, want: map[string]float64{"x_l2": 0, "dot": 0, "dist_l1": 3, "dist_l2": 2.23606797749979, "proj_1": 0, "proj_2": 0}},
		// np.linalg.norm([3,1], 1) = 4.0, np.linalg.norm([3,1]) = 3.1622776601683795
		{x: [2]float64{3, 1}, y: zero, projUndef: true, want: map[string]float64{"y_l1": 0, "dist_l1": 4, "dist_l2": 3.1622776601683795}},
		{x: zero, y: zero, projUndef: true, want: map[string]float64{"x_l1": 0, "y_linf": 0, "dist_l2": 0}},
	} {
		l, _ := open(t, tc.x, tc.y)
		got := readouts(l)
		undef := []string{"cos", "angle_deg"}
		if tc.projUndef {
			undef = append(undef, "proj_1", "proj_2")
		}
		for _, name := range undef {
			if got[name] != "undefined" {
				t.Errorf("%d: %s(x=%v, y=%v) = %v, want undefined", i, name, tc.x, tc.y, got[name])
			}
		}
		for name, w := range tc.want {
			if g, ok := got[name].(float64); !ok || !scalar.EqualWithinAbsOrRel(g, w, tol, tol) {
				t.Errorf("%d: %s(x=%v, y=%v) = %v, want %v", i, name, tc.x, tc.y, got[name], w)
			}
		}
		checkFinite(t, l)
		f := l.Figure(800, 500)
		var undefText bool
		for _, it := range f.Panels[0].Items {
			switch it := it.(type) {
			case figure.Arc:
				t.Errorf("%d: figure has an angle arc with x=%v, y=%v", i, tc.x, tc.y)
			case figure.Arrow:
				if it.Stroke == figure.Green {
					t.Errorf("%d: figure has a projection arrow with x=%v, y=%v", i, tc.x, tc.y)
				}
			case figure.Text:
				undefText = undefText || it.S == "θ undefined"
			}
		}
		if !undefText {
			t.Errorf("%d: figure does not say θ undefined with x=%v, y=%v", i, tc.x, tc.y)
		}
	}
}

// TestTinyVectors: vectors far below the grid are still not zero, and their
// angle and projection must not underflow into 0/0.
func TestTinyVectors(t *testing.T) {
	l, _ := open(t, [2]float64{1e-300, 0}, [2]float64{0, 1e-300})
	got := readouts(l)
	// A right angle whatever the length; proj of x onto y is 0.
	for name, w := range map[string]float64{"cos": 0, "angle_deg": 90, "proj_1": 0, "proj_2": 0} {
		if g, ok := got[name].(float64); !ok || !scalar.EqualWithinAbsOrRel(g, w, tol, tol) {
			t.Errorf("%s(tiny) = %v, want %v", name, got[name], w)
		}
	}
	checkFinite(t, l)
}

// checkFinite fails if a readout or any coordinate of the figure, at a few
// canvas sizes, is NaN or infinite.
func checkFinite(t *testing.T, l lesson.Lesson) {
	t.Helper()
	for _, r := range l.Readouts() {
		if f, ok := r.Value.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
			t.Errorf("readout %s = %v", r.Name, f)
		}
	}
	for _, sz := range [][2]float64{{800, 500}, {340, 300}, {1100, 700}, {360, 640}, {0, 0}, {30, 20}} {
		f := l.Figure(sz[0], sz[1])
		var nums []float64
		for _, p := range f.Panels {
			for _, it := range p.Items {
				switch it := it.(type) {
				case figure.Path:
					for _, q := range it.Pts {
						nums = append(nums, q.X, q.Y)
					}
				case figure.Box:
					nums = append(nums, it.R.X0, it.R.Y0, it.R.X1, it.R.Y1)
				case figure.Circle:
					nums = append(nums, it.C.X, it.C.Y, it.R)
				case figure.Point:
					nums = append(nums, it.P.X, it.P.Y)
				case figure.Arrow:
					nums = append(nums, it.From.X, it.From.Y, it.To.X, it.To.Y)
				case figure.Arc:
					nums = append(nums, it.RPx, it.A0, it.A1)
				case figure.Text:
					nums = append(nums, it.At.X, it.At.Y, it.DX, it.DY)
				}
			}
		}
		for _, x := range nums {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Fatalf("figure %vx%v has a non-finite coordinate", sz[0], sz[1])
			}
		}
	}
}

func TestFiniteEverywhere(t *testing.T) {
	for _, x := range [][2]float64{{0, 0}, {5, 5}, {-5, 5}, {0.1, 0}, {1e-300, -1e-300}, {3, 1}} {
		for _, y := range [][2]float64{{0, 0}, {-5, -5}, {0, 0.1}, {3, 1}, {-3, -1}, {6e-301, 0}} {
			l, v := open(t, x, y)
			for _, name := range []string{"show_norms", "show_dist", "show_proj", "show_angle"} {
				v.Set(name, true)
				l.Tune(name, v)
			}
			checkFinite(t, l)
		}
	}
}

// TestToggles checks that each toggle draws its part of the figure and
// nothing else does.
func TestToggles(t *testing.T) {
	// What only each toggle draws: the L2 circle, the purple Manhattan path,
	// the green projection arrow, the angle arc.
	marks := map[string]func(figure.Item) bool{
		"show_norms": func(it figure.Item) bool { _, ok := it.(figure.Circle); return ok },
		"show_dist": func(it figure.Item) bool {
			p, ok := it.(figure.Path)
			return ok && p.Stroke == figure.Purple && !p.Dash
		},
		"show_proj": func(it figure.Item) bool {
			a, ok := it.(figure.Arrow)
			return ok && a.Stroke == figure.Green
		},
		"show_angle": func(it figure.Item) bool { _, ok := it.(figure.Arc); return ok },
	}
	for on := range marks {
		l, v := open(t, [2]float64{3, 1}, [2]float64{2, 4})
		for name := range marks {
			v.Set(name, name == on)
			l.Tune(name, v)
		}
		for name, mark := range marks {
			found := false
			for _, it := range l.Figure(800, 500).Panels[0].Items {
				found = found || mark(it)
			}
			if found != (name == on) {
				t.Errorf("with only %s on, the mark of %s is drawn: %v", on, name, found)
			}
		}
	}
}

func handle(f *figure.Figure, id string) (figure.Vec, bool) {
	for _, it := range f.Panels[0].Items {
		if p, ok := it.(figure.Point); ok && p.ID == id {
			return p.P, true
		}
	}
	return figure.Vec{}, false
}

func TestDrag(t *testing.T) {
	l, v := open(t, [2]float64{3, 1}, [2]float64{2, 4})
	f := l.Figure(800, 500)
	for id, want := range map[string]figure.Vec{"x": {X: 3, Y: 1}, "y": {X: 2, Y: 4}} {
		if got, ok := handle(f, id); !ok || got != want {
			t.Errorf("handle %s at %v (found %v), want %v", id, got, ok, want)
		}
	}
	panel := f.Panels[0].ID
	for i, tc := range []struct {
		ev      lesson.Pointer
		changed bool
		x, y    [2]float64
	}{
		{lesson.Pointer{Phase: lesson.Down, Panel: panel, At: figure.Vec{X: 3.05, Y: 0.98}, Hit: "x"}, false, [2]float64{3, 1}, [2]float64{2, 4}},
		{lesson.Pointer{Phase: lesson.Move, Panel: panel, At: figure.Vec{X: 2.04, Y: -1.96}, Held: true}, true, [2]float64{2, -2}, [2]float64{2, 4}},
		// Within the same grid cell: nothing to redraw.
		{lesson.Pointer{Phase: lesson.Move, Panel: panel, At: figure.Vec{X: 1.97, Y: -2.01}, Held: true}, false, [2]float64{2, -2}, [2]float64{2, 4}},
		// Outside every frame (no panel, zero At, as figure.Hit reports it):
		// the handle stays put instead of jumping to the origin.
		{lesson.Pointer{Phase: lesson.Move, Held: true}, false, [2]float64{2, -2}, [2]float64{2, 4}},
		// Beyond the range: clamped to the edge.
		{lesson.Pointer{Phase: lesson.Move, Panel: panel, At: figure.Vec{X: 7.3, Y: -0.04}, Held: true}, true, [2]float64{5, 0}, [2]float64{2, 4}},
		{lesson.Pointer{Phase: lesson.Up, Panel: panel, At: figure.Vec{X: 7.3, Y: 0}}, false, [2]float64{5, 0}, [2]float64{2, 4}},
		// Hovering after release moves nothing.
		{lesson.Pointer{Phase: lesson.Move, Panel: panel, At: figure.Vec{X: 1, Y: 1}}, false, [2]float64{5, 0}, [2]float64{2, 4}},
		// A press on empty space grabs nothing.
		{lesson.Pointer{Phase: lesson.Down, Panel: panel, At: figure.Vec{X: -3, Y: -3}}, false, [2]float64{5, 0}, [2]float64{2, 4}},
		{lesson.Pointer{Phase: lesson.Move, Panel: panel, At: figure.Vec{X: -2, Y: -3}, Held: true}, false, [2]float64{5, 0}, [2]float64{2, 4}},
		{lesson.Pointer{Phase: lesson.Up, Panel: panel}, false, [2]float64{5, 0}, [2]float64{2, 4}},
		// A right press on a handle does not drag it.
		{lesson.Pointer{Phase: lesson.Down, Panel: panel, At: figure.Vec{X: 2, Y: 4}, Hit: "y", Button: 2}, false, [2]float64{5, 0}, [2]float64{2, 4}},
		{lesson.Pointer{Phase: lesson.Move, Panel: panel, At: figure.Vec{X: 0, Y: 0}, Held: true}, false, [2]float64{5, 0}, [2]float64{2, 4}},
		{lesson.Pointer{Phase: lesson.Up, Panel: panel}, false, [2]float64{5, 0}, [2]float64{2, 4}},
		// Dragging y to the origin gives exact zeros, not -0.
		{lesson.Pointer{Phase: lesson.Down, Panel: panel, At: figure.Vec{X: 2, Y: 4}, Hit: "y"}, false, [2]float64{5, 0}, [2]float64{2, 4}},
		{lesson.Pointer{Phase: lesson.Move, Panel: panel, At: figure.Vec{X: -0.03, Y: -0.04}, Held: true}, true, [2]float64{5, 0}, [2]float64{0, 0}},
		{lesson.Pointer{Phase: lesson.Up, Panel: panel}, false, [2]float64{5, 0}, [2]float64{0, 0}},
	} {
		if got := l.Pointer(tc.ev, v); got != tc.changed {
			t.Errorf("%d: Pointer(%+v) = %v, want %v", i, tc.ev, got, tc.changed)
		}
		if x, y := v.Vec2("x"), v.Vec2("y"); x != tc.x || y != tc.y {
			t.Errorf("%d: after Pointer(%+v) x, y = %v, %v, want %v, %v", i, tc.ev, x, y, tc.x, tc.y)
		}
	}
	if got := v.Encode(); got != "x=5%2C0&y=0%2C0&show_norms=1&show_dist=0&show_proj=1&show_angle=1" {
		t.Errorf("Encode() = %s, want x=5,0 and y=0,0 without negative zeros", got)
	}
	// The lesson's own numbers follow the drag without a Tune.
	if got := readouts(l)["x_l2"]; got != 5.0 {
		t.Errorf("x_l2 after drag = %v, want 5", got)
	}
}

func TestSwap(t *testing.T) {
	l, v := open(t, [2]float64{3, -4}, [2]float64{1, 2})
	before := readouts(l)
	if err := l.Act("swap", v); err != nil {
		t.Fatalf("Act(swap) = %v", err)
	}
	if x, y := v.Vec2("x"), v.Vec2("y"); x != [2]float64{1, 2} || y != [2]float64{3, -4} {
		t.Errorf("after swap x, y = %v, %v, want (1, 2), (3, -4)", x, y)
	}
	after := readouts(l)
	for _, name := range []string{"dot", "cos", "angle_deg", "dist_l1", "dist_l2"} {
		if after[name] != before[name] {
			t.Errorf("%s after swap = %v, want %v (symmetric)", name, after[name], before[name])
		}
	}
	// np.dot([1,2],[3,-4]) / np.dot([3,-4],[3,-4]) * np.array([3,-4]) = [-0.6, 0.8]
	for name, w := range map[string]float64{"proj_1": -0.6, "proj_2": 0.8} {
		if g, ok := after[name].(float64); !ok || !scalar.EqualWithinAbsOrRel(g, w, tol, tol) {
			t.Errorf("%s after swap = %v, want %v", name, after[name], w)
		}
	}
	if err := l.Act("nope", v); err == nil {
		t.Error("Act(nope) = nil, want an error")
	}
}

// TestRunner opens the lesson from URL states, as the page does.
func TestRunner(t *testing.T) {
	r := lesson.NewRunner([]lesson.Info{vector.Info})
	if _, err := r.Open("vector", "lesson=vector&x=0,0&y=1,2"); err != nil {
		t.Fatal(err)
	}
	ro, err := r.Readouts()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]any{}
	for _, x := range ro {
		got[x.Name] = x.Value
	}
	if got["angle_deg"] != "undefined" || got["proj_1"] != 0.0 {
		t.Errorf("readouts for x = 0: angle_deg %v, proj_1 %v, want undefined, 0", got["angle_deg"], got["proj_1"])
	}
	if _, _, err := r.Set("x", "3,1"); err != nil {
		t.Fatal(err)
	}
	if err := r.Act("swap"); err != nil {
		t.Fatal(err)
	}
	if s, _ := r.State(); s != "x=1%2C2&y=3%2C1&show_norms=1&show_dist=0&show_proj=1&show_angle=1" {
		t.Errorf("State() after swap = %s", s)
	}
	if err := r.Act("step"); err == nil {
		t.Error(`Act("step") = nil, want an error: the lesson is not animated`)
	}
}

func TestData(t *testing.T) {
	l, _ := open(t, [2]float64{3, -4}, [2]float64{1, 2})
	d := l.Data()
	// Rows: x, y, x − y, proj_y x, each with its L1, L2, L∞ norms
	// (np.linalg.norm(v, 1), np.linalg.norm(v), np.linalg.norm(v, np.inf));
	// np.linalg.norm([2,-6]) = 6.324555320336759, np.linalg.norm([-1,-2]) = 2.23606797749979.
	want := [][]float64{
		{1, 3, -4, 7, 5, 4},
		{2, 1, 2, 3, 2.23606797749979, 2},
		{3, 2, -6, 8, 6.324555320336759, 6},
		{4, -1, -2, 3, 2.23606797749979, 2},
	}
	if len(d.Columns) != 6 || len(d.Rows) != len(want) {
		t.Fatalf("Data() = %v, want 6 columns and %d rows", d, len(want))
	}
	for i, row := range want {
		for j, w := range row {
			if !scalar.EqualWithinAbsOrRel(d.Rows[i][j], w, tol, tol) {
				t.Errorf("Data().Rows[%d][%d] (%s) = %v, want %v", i, j, d.Columns[j], d.Rows[i][j], w)
			}
		}
	}
	l, _ = open(t, [2]float64{3, -4}, [2]float64{0, 0})
	if n := len(l.Data().Rows); n != 3 {
		t.Errorf("Data() with y = 0 has %d rows, want 3 (no projection)", n)
	}
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name  string
		x, y  [2]float64
		extra string // a toggle to switch on
	}{
		{"default", [2]float64{3, 1}, [2]float64{2, 4}, ""},
		{"zero", [2]float64{0, 0}, [2]float64{2, 4}, ""},
		{"dist", [2]float64{-2.5, 1.5}, [2]float64{0.5, -3.2}, "show_dist"},
	} {
		l, v := open(t, tc.x, tc.y)
		if tc.extra != "" {
			v.Set(tc.extra, true)
			l.Tune(tc.extra, v)
		}
		lessontest.Golden(t, tc.name, l.Figure(800, 500))
	}
}

func BenchmarkFigure(b *testing.B) {
	l, v := open(b, [2]float64{3, 1}, [2]float64{2, 4})
	v.Set("show_dist", true)
	l.Tune("show_dist", v)
	for b.Loop() {
		l.Figure(800, 500)
	}
}

func BenchmarkStep(b *testing.B) {
	l, v := open(b, [2]float64{3, 1}, [2]float64{2, 4})
	for b.Loop() {
		l.Step(v)
	}
}
