package matrix_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
	"github.com/aimath/playground/lesson/matrix"
)

const tol = 1e-12

func readouts(t testing.TB, r *lesson.Runner) map[string]any { return lessontest.Readouts(t, r) }

func values(t testing.TB, r *lesson.Runner) *param.Values { return lessontest.Values(t, r) }

func check(t *testing.T, where string, got, want map[string]any) {
	t.Helper()
	lessontest.CheckReadouts(t, where, got, want, tol)
}

// TestMapReadouts compares the map view with numpy, for A and x as float
// arrays: det = np.linalg.det(A), trace = np.trace(A), inv = np.linalg.inv(A)
// (which raises "Singular matrix" for the singular case), ax = A @ x,
// eig = np.linalg.eigvals(A) (the lesson lists the larger first).
func TestMapReadouts(t *testing.T) {
	for _, tc := range []struct {
		state string
		want  map[string]any
	}{
		{"", map[string]any{ // the default A = [[2,1],[0.5,1.5]], x = (-2, 1)
			"det": 2.5, "trace": 3.5, "inv11": 0.6, "inv12": -0.4, "inv21": -0.2, "inv22": 0.8,
			"ax_1": -3.0, "ax_2": 0.5, "eig1": 2.5, "eig2": 1.0, "note": nil}},
		{"a11=1&a12=2&a21=3&a22=2&x=1,1", map[string]any{
			"det": -4.000000000000001, "trace": 3.0,
			"inv11": -0.4999999999999999, "inv12": 0.5, "inv21": 0.7499999999999999, "inv22": -0.24999999999999994,
			"ax_1": 3.0, "ax_2": 5.0, "eig1": 4.0, "eig2": -1.0, "note": "flip"}},
		{"a11=-1.5&a12=0.3&a21=2.2&a22=0.7&x=0.4,-2.5", map[string]any{
			"det": -1.7099999999999997, "trace": -0.8,
			"inv11": -0.40935672514619886, "inv12": 0.17543859649122806, "inv21": 1.2865497076023393, "inv22": 0.8771929824561404,
			"ax_1": -1.35, "ax_2": -0.8699999999999999, "eig1": 0.9674794331177343, "eig2": -1.7674794331177346, "note": "flip"}},
		// Singular: numpy's det is 0.0 and inv raises; A·x is exactly 0.
		{"a11=0.3&a12=0.6&a21=0.1&a22=0.2&x=2,-1", map[string]any{
			"det": 0.0, "trace": 0.5, "inv11": "singular", "inv12": "singular", "inv21": "singular", "inv22": "singular",
			"ax_1": 0.0, "ax_2": 0.0, "eig1": 0.5, "eig2": 0.0, "note": "collapse_line"}},
		{"a11=0&a12=0&a21=0&a22=0", map[string]any{
			"det": 0.0, "trace": 0.0, "inv11": "singular", "ax_1": 0.0, "ax_2": 0.0, "eig1": 0.0, "eig2": 0.0,
			"note": "collapse_point"}},
		// A rotation-scaling: eigenvalues 0.5 ± 0.7999999999999999i, as text.
		{"a11=0.5&a12=-0.8&a21=0.8&a22=0.5&x=1,0", map[string]any{
			"det": 0.8900000000000001, "trace": 1.0, "inv11": 0.5617977528089888, "inv12": 0.898876404494382,
			"inv21": -0.898876404494382, "inv22": 0.5617977528089888, "ax_1": 0.5, "ax_2": 0.8,
			"eig1": "0.5 + 0.8i", "eig2": "0.5 − 0.8i", "note": "no_real_eigenvector"}},
		// A shear: one eigen-direction; numpy's eigvals are [1, 1].
		{"a11=1&a12=1&a21=0&a22=1", map[string]any{"det": 1.0, "eig1": 1.0, "eig2": 1.0, "note": "one_eigenvector"}},
		{"a11=2&a12=0&a21=0&a22=2", map[string]any{"det": 4.0, "eig1": 2.0, "eig2": 2.0, "note": "all_eigenvectors"}},
		// Exact discriminant 0 typed with decimals: numpy's eigvals are [1.1, 1.1].
		{"a11=1.2&a12=0.1&a21=-0.1&a22=1", map[string]any{"eig1": 1.1, "eig2": 1.1, "note": "one_eigenvector"}},
	} {
		check(t, tc.state, readouts(t, open(t, tc.state)), tc.want)
	}
}

func TestMapDrag(t *testing.T) {
	r := open(t, "t=0.5")
	press := func(hit string, at figure.Vec) {
		t.Helper()
		for _, p := range []lesson.Pointer{
			{Phase: lesson.Down, Panel: "map", At: at, Hit: hit, Held: true},
			{Phase: lesson.Move, Panel: "map", At: figure.Vec{X: at.X + 0.5, Y: at.Y - 0.73}, Held: true},
			{Phase: lesson.Up, Panel: "map", At: figure.Vec{X: at.X + 0.5, Y: at.Y - 0.73}},
		} {
			if err := r.Pointer(p); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Grabbing Ae₁ shows the whole map (t = 1) and writes A's first column,
	// snapped to 0.1.
	press("i_hat", figure.Vec{X: 1.5, Y: 0.25})
	v := values(t, r)
	if a11, a21, tt := v.Float("a11"), v.Float("a21"), v.Float("t"); a11 != 2 || a21 != -0.5 || tt != 1 {
		t.Errorf("drag i_hat to (2, -0.48): a11, a21, t = %v, %v, %v, want 2, -0.5, 1", a11, a21, tt)
	}
	press("j_hat", figure.Vec{X: 1, Y: 1.5})
	v = values(t, r)
	if a12, a22 := v.Float("a12"), v.Float("a22"); a12 != 1.5 || a22 != 0.8 {
		t.Errorf("drag j_hat to (1.5, 0.77): a12, a22 = %v, %v, want 1.5, 0.8", a12, a22)
	}
	press("x", figure.Vec{X: -2, Y: 1})
	if x := values(t, r).Vec2("x"); x != [2]float64{-1.5, 0.3} {
		t.Errorf("drag x to (-1.5, 0.27): x = %v, want [-1.5 0.3]", x)
	}
	// A press on the plane, away from the handles, moves x there.
	r.Pointer(lesson.Pointer{Phase: lesson.Down, Panel: "map", At: figure.Vec{X: 3.04, Y: -2.96}, Held: true})
	r.Pointer(lesson.Pointer{Phase: lesson.Up, Panel: "map", At: figure.Vec{X: 3.04, Y: -2.96}})
	if x := values(t, r).Vec2("x"); x != [2]float64{3, -3} {
		t.Errorf("press at (3.04, -2.96): x = %v, want [3 -3]", x)
	}
	// Columns are clamped to the sliders' range.
	press("i_hat", figure.Vec{X: 9, Y: 9})
	if a11 := values(t, r).Float("a11"); a11 != 3 {
		t.Errorf("drag i_hat far out: a11 = %v, want 3", a11)
	}
	// The secondary button does nothing on the map.
	before, _ := r.State()
	r.Pointer(lesson.Pointer{Phase: lesson.Down, Panel: "map", At: figure.Vec{X: 1, Y: 1}, Button: 2, Held: true})
	r.Pointer(lesson.Pointer{Phase: lesson.Up, Panel: "map", At: figure.Vec{X: 1, Y: 1}, Button: 2})
	if after, _ := r.State(); after != before {
		t.Errorf("right click changed the state:\n%s\n%s", before, after)
	}
}

// Play animates t from 0 to 1 in 100 ticks and stops; at 1 it starts over.
func TestMapStep(t *testing.T) {
	r := open(t, "t=0")
	r.Act(lesson.ActPlay)
	for range 99 {
		r.Tick()
	}
	if tt := values(t, r).Float("t"); !r.Playing() || tt != 0.99 {
		t.Errorf("after 99 ticks: t = %v, playing %v, want 0.99, true", tt, r.Playing())
	}
	r.Tick()
	if tt := values(t, r).Float("t"); r.Playing() || tt != 1 {
		t.Errorf("after 100 ticks: t = %v, playing %v, want 1, false", tt, r.Playing())
	}
	r.Act(lesson.ActStep)
	if tt := values(t, r).Float("t"); tt != 0 {
		t.Errorf("step at t = 1: t = %v, want 0", tt)
	}
	// Readouts are A's, whatever t.
	check(t, "t=0", readouts(t, r), map[string]any{"det": 2.5})
	// A drag stops the animation.
	r.Act(lesson.ActPlay)
	r.Pointer(lesson.Pointer{Phase: lesson.Down, Panel: "map", At: figure.Vec{X: -2, Y: 1}, Hit: "x", Held: true})
	r.Tick()
	if r.Playing() {
		t.Errorf("still playing while x is dragged")
	}
}

// texts returns every text item of the figure.
func texts(t testing.TB, r *lesson.Runner) []string {
	t.Helper()
	f, err := r.Figure(800, 500)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range f.Panels {
		for _, it := range p.Items {
			if tx, ok := it.(figure.Text); ok {
				out = append(out, tx.S)
			}
		}
	}
	return out
}

func TestMapFigure(t *testing.T) {
	for _, tc := range []struct {
		state string
		want  []string
	}{
		{"", []string{"det = 2.5", "λ₁ = 2.5", "λ₂ = 1", "Ae₁", "Ae₂", "x", "Ax"}},
		{"t=0", []string{"det = 1"}},
		{"t=0.5", []string{"det = 1.75"}}, // det((I + A)/2) = det([[1.5,0.5],[0.25,1.25]])
		{"a11=0.3&a12=0.6&a21=0.1&a22=0.2&show_inverse=1", []string{"det = 0", "det A = 0: no A⁻¹"}},
		{"show_transpose=1&show_inverse=1", []string{"Aᵀ", "A⁻¹", "A⁻¹x"}},
		{"a11=0.5&a12=-0.8&a21=0.8&a22=0.5", []string{"λ = 0.5 ± 0.8i"}},
		{"a11=2&a12=0&a21=0&a22=2", []string{"Av = 2v"}},
		{"a11=0&a12=1&a21=1&a22=0", []string{"det = −1"}},
	} {
		ts := texts(t, open(t, tc.state))
		for _, s := range tc.want {
			if !slices.Contains(ts, s) {
				t.Errorf("figure(%q) has no text %q; it has %q", tc.state, s, ts)
			}
		}
	}
}

// TestMultiply compares XY with numpy: X @ Y for the arrays below.
func TestMultiply(t *testing.T) {
	r := open(t, "view=multiply")
	// X = [[1,2,0],[-1,3,1]], Y = [[2,1],[0,-1],[3,2]]: X @ Y = [[2,-1],[1,-2]].
	check(t, "default", readouts(t, r), map[string]any{
		"shape": "(2×3)(3×2) = 2×2", "c11": 2.0, "c12": -1.0, "c21": 1.0, "c22": -2.0, "note": nil, "cursor": nil})
	// X @ Y with X = [[1.5,-2,0.5,3],[0,1,-1,2],[2.5,0,1,-0.5]],
	// Y = [[1,0],[-1,2],[0.5,0.5],[2,-3]] is [[9.75,-12.75],[2.5,-4.5],[2.0,2.0]].
	r = open(t, "view=multiply&rows=3&inner=4&cols=2&X=1.5,-2,0.5,3;0,1,-1,2;2.5,0,1,-0.5&Y=1,0;-1,2;0.5,0.5;2,-3")
	check(t, "3×4·4×2", readouts(t, r), map[string]any{
		"shape": "(3×4)(4×2) = 3×2", "c11": 9.75, "c12": -12.75, "c21": 2.5, "c22": -4.5, "c31": 2.0, "c32": 2.0})
	d, _ := r.Data()
	if len(d.Rows) != 3 || len(d.Columns) != 2 || d.Rows[0][1] != -12.75 {
		t.Errorf("Data() = %+v, want the 3×2 product", d)
	}
}

func TestMultiplyMismatch(t *testing.T) {
	for _, tc := range []struct {
		state, shape, mark string
		yRows              int
	}{
		{"view=multiply&mismatch=1", "(2×3)(4×2)", "3 ≠ 4", 4},
		{"view=multiply&mismatch=1&inner=5", "(2×5)(4×2)", "5 ≠ 4", 4},
	} {
		r := open(t, tc.state)
		got := readouts(t, r)
		check(t, tc.state, got, map[string]any{"shape": tc.shape, "note": "shape_mismatch", "c11": nil})
		if y := values(t, r).Matrix("Y"); len(y) != tc.yRows {
			t.Errorf("%s: Y has %d rows, want %d", tc.state, len(y), tc.yRows)
		}
		if ts := texts(t, r); !slices.Contains(ts, tc.mark) {
			t.Errorf("%s: figure has no %q; it has %q", tc.state, tc.mark, ts)
		}
		if d, _ := r.Data(); len(d.Rows) != 0 {
			t.Errorf("%s: Data() = %+v, want no rows", tc.state, d)
		}
		// Nothing to animate.
		r.Act(lesson.ActPlay)
		r.Tick()
		if r.Playing() {
			t.Errorf("%s: playing a mismatched product", tc.state)
		}
	}
}

// Resizing keeps the entries that overlap and draws the others from the
// seed, so shrinking and growing again gives the same matrix back; a new
// seed draws new entries.
func TestMultiplyResize(t *testing.T) {
	r := open(t, "view=multiply")
	x0 := values(t, r).Matrix("X")
	if _, _, err := r.Set("rows", 4); err != nil {
		t.Fatal(err)
	}
	x1 := values(t, r).Matrix("X")
	if len(x1) != 4 || len(x1[0]) != 3 || x1[0][0] != x0[0][0] || x1[1][2] != x0[1][2] {
		t.Fatalf("rows 2 → 4: X = %v from %v", x1, x0)
	}
	for _, row := range x1[2:] {
		for _, e := range row {
			if e != math.Trunc(e) || math.Abs(e) > 5 {
				t.Errorf("new entry %v is not a whole number in [-5, 5]", e)
			}
		}
	}
	r.Set("inner", 2)
	x2, y2 := values(t, r).Matrix("X"), values(t, r).Matrix("Y")
	if len(x2[0]) != 2 || len(y2) != 2 {
		t.Errorf("inner 3 → 2: X is %d×%d, Y %d×%d", len(x2), len(x2[0]), len(y2), len(y2[0]))
	}
	r.Set("inner", 3)
	r.Set("rows", 2)
	if x := values(t, r).Matrix("X"); len(x) != 2 || x[0][2] != x0[0][2] || x[1][2] != x0[1][2] || x[0][0] != x0[0][0] {
		// The third column was cut and regrown: it is the seed's, not the default's.
		seededCol := []float64{x[0][2], x[1][2]}
		r2 := open(t, "view=multiply&inner=2")
		r2.Set("inner", 3)
		if again := values(t, r2).Matrix("X"); again[0][2] != seededCol[0] || again[1][2] != seededCol[1] {
			t.Errorf("regrown column %v differs from another regrowth %v", seededCol, []float64{again[0][2], again[1][2]})
		}
	}
	before := values(t, r).Matrix("X")
	r.Set("seed", 2)
	if after := values(t, r).Matrix("X"); equalM(after, before) {
		t.Errorf("seed 1 → 2 kept X = %v", after)
	}
	// randomize moves to the next seed.
	r.Act("randomize")
	if s := values(t, r).Int("seed"); s != 3 {
		t.Errorf("randomize: seed = %d, want 3", s)
	}
	// An X of the wrong shape (from the bridge) is fitted to rows×inner.
	r.Set("X", "1,2;3,4;5,6;7,8")
	if x := values(t, r).Matrix("X"); len(x) != 2 || len(x[0]) != 3 || x[0][0] != 1 || x[1][1] != 4 {
		t.Errorf("X set to 4×2: stored %v, want 2×3 keeping 1, 2 / 3, 4", x)
	}
}

func equalM(a, b [][]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		for j := range a[i] {
			if a[i][j] != b[i][j] {
				return false
			}
		}
	}
	return true
}

// The animation fills XY entry by entry, one term at a time, and stops when
// the product is complete; a click on an entry explains it.
func TestMultiplyAnimation(t *testing.T) {
	r := open(t, "view=multiply")
	r.Act(lesson.ActStep) // starts at (1,1) with its first term
	check(t, "first step", readouts(t, r), map[string]any{"cursor": "(XY)₁₁ = 1·2 = 2"})
	r.Act(lesson.ActPlay)
	// 2·2 entries of 3 terms and a pause each, at 30 ticks per phase; the
	// step above started the first phase.
	ticks := 0
	for r.Playing() && ticks < 10000 {
		r.Tick()
		ticks++
		if ticks == 30 {
			check(t, "30 ticks", readouts(t, r), map[string]any{"cursor": "(XY)₁₁ = 1·2 + 2·0 = 2"})
		}
	}
	if want := 4 * 4 * 30; ticks != want {
		t.Errorf("the product took %d ticks, want %d", ticks, want)
	}
	check(t, "done", readouts(t, r), map[string]any{"cursor": nil, "c22": -2.0})

	r.Pointer(lesson.Pointer{Phase: lesson.Down, Panel: "multiply", Hit: "c21", Held: true})
	r.Pointer(lesson.Pointer{Phase: lesson.Up, Panel: "multiply"})
	check(t, "click c21", readouts(t, r), map[string]any{"cursor": "(XY)₂₁ = (−1)·2 + 3·0 + 1·3 = 1"})
	if ts := texts(t, r); !slices.Contains(ts, "(XY)₂₁ = (−1)·2 + 3·0 + 1·3 = 1") {
		t.Errorf("figure has no expression for c21; it has %q", ts)
	}
	r.Pointer(lesson.Pointer{Phase: lesson.Down, Panel: "multiply", Held: true})
	check(t, "click away", readouts(t, r), map[string]any{"cursor": nil})
}

// TestLstsq compares the fit with numpy, with x, y the points' columns and
// X = np.column_stack([np.ones(n), x]): b = np.linalg.lstsq(X, y, rcond=None)[0],
// res = y - X @ b, rss = res @ res, r2 = 1 - rss / ((y - y.mean()) @ (y - y.mean())),
// cond = np.linalg.cond(X), X.T @ X, X.T @ y.
func TestLstsq(t *testing.T) {
	for _, tc := range []struct {
		state string
		want  map[string]any
	}{
		// The default points (n = 20, noise = 1, seed = 1), as stored in pts.
		{"view=lstsq", map[string]any{
			"beta0": 0.5767257713192654, "beta1": 0.9267633251522052, "rss": 17.112865723858665,
			"r2": 0.8991272774416061, "cond": 13.236843039976938, "xtx11": 20.0, "xtx12": 109.15999999999998,
			"xtx22": 773.3910000000002, "xty1": 112.69999999999997, "xty2": 779.7058, "note": nil}},
		{"view=lstsq&n=5&pts=0,1.1;1,1.9;2,3.2;3,3.9;4,5.1", map[string]any{
			"beta0": 1.0399999999999994, "beta1": 1.0000000000000002, "rss": 0.07200000000000002,
			"r2": 0.9928514694201748, "cond": 4.738720018687269, "xtx12": 10.0, "xty2": 40.4}},
		// All x equal: rank 1; numpy's minimum-norm b = [0.4666…, 0.9333…] for x = [2,2,2], y = [1,2,4].
		{"view=lstsq&n=3&pts=2,1;2,2;2,4", map[string]any{
			"beta0": 0.46666666666666684, "beta1": 0.9333333333333337, "rss": 4.666666666666666,
			"r2": 0.0, "cond": "inf", "note": "rank_deficient"}},
		// All y equal: R² is 0/0.
		{"view=lstsq&n=3&pts=0,3;1,3;2,3", map[string]any{"beta0": 3.0, "beta1": 0.0, "rss": 0.0, "r2": "undefined"}},
	} {
		r := open(t, tc.state)
		check(t, tc.state, readouts(t, r), tc.want)
	}
}

func TestLstsqData(t *testing.T) {
	r := open(t, "view=lstsq&n=3&pts=0,1;1,3;2,2")
	d, _ := r.Data()
	if strings.Join(d.Columns, ",") != "x,y,fitted,residual" || len(d.Rows) != 3 {
		t.Fatalf("Data() = %+v", d)
	}
	// np.polyfit([0,1,2], [1,3,2], 1) = [0.5, 1.5]: fitted [1.5, 2, 2.5].
	for i, want := range [][]float64{{0, 1, 1.5, -0.5}, {1, 3, 2, 1}, {2, 2, 2.5, -0.5}} {
		for j := range want {
			if !scalar.EqualWithinAbsOrRel(d.Rows[i][j], want[j], tol, tol) {
				t.Errorf("Data row %d = %v, want %v", i, d.Rows[i], want)
				break
			}
		}
	}
}

func TestLstsqPointer(t *testing.T) {
	r := open(t, "view=lstsq&n=3&pts=0,1;1,3;2,2")
	ev := func(p lesson.Pointer) {
		t.Helper()
		p.Panel = "lstsq"
		if err := r.Pointer(p); err != nil {
			t.Fatal(err)
		}
	}
	pts := func() [][]float64 { return values(t, r).Matrix("pts") }
	// Drag p1 from (1, 3) to (1.5, 2.5), snapped to 0.1.
	ev(lesson.Pointer{Phase: lesson.Down, At: figure.Vec{X: 1, Y: 3}, Hit: "p1", Held: true})
	ev(lesson.Pointer{Phase: lesson.Move, At: figure.Vec{X: 1.52, Y: 2.46}, Held: true})
	ev(lesson.Pointer{Phase: lesson.Up, At: figure.Vec{X: 1.52, Y: 2.46}})
	if p := pts(); p[1][0] != 1.5 || p[1][1] != 2.5 {
		t.Errorf("drag p1: pts = %v", p)
	}
	// A press on empty space adds a point and n follows.
	ev(lesson.Pointer{Phase: lesson.Down, At: figure.Vec{X: 4.01, Y: 4.98}, Held: true})
	ev(lesson.Pointer{Phase: lesson.Up, At: figure.Vec{X: 4.01, Y: 4.98}})
	v := values(t, r)
	if p := v.Matrix("pts"); len(p) != 4 || p[3][0] != 4 || p[3][1] != 5 || v.Int("n") != 4 {
		t.Errorf("add at (4, 5): pts = %v, n = %d", p, v.Int("n"))
	}
	// The secondary button removes a point...
	ev(lesson.Pointer{Phase: lesson.Down, At: figure.Vec{X: 0, Y: 1}, Hit: "p0", Button: 2, Held: true})
	ev(lesson.Pointer{Phase: lesson.Up, Button: 2})
	ev(lesson.Pointer{Phase: lesson.Down, At: figure.Vec{X: 0, Y: 1}, Hit: "p0", Button: 2, Held: true})
	ev(lesson.Pointer{Phase: lesson.Up, Button: 2})
	if p := pts(); len(p) != 2 || p[0][0] != 2 {
		t.Errorf("remove p0 twice: pts = %v", p)
	}
	// ... but not one of the last two.
	ev(lesson.Pointer{Phase: lesson.Down, Hit: "p0", Button: 2, Held: true})
	if p := pts(); len(p) != 2 {
		t.Errorf("removed one of the last two points: %v", p)
	}
	check(t, "two points left", readouts(t, r), map[string]any{"note": "min_points"})
	// The edited set survives a reload from the URL, and a view switch.
	st, _ := r.State()
	r2 := open(t, st)
	if got := values(t, r2).Matrix("pts"); !equalM(got, pts()) {
		t.Errorf("reload: pts = %v, want %v", got, pts())
	}
	r2.Set("view", "map")
	r2.Set("view", "lstsq")
	if got := values(t, r2).Matrix("pts"); !equalM(got, pts()) {
		t.Errorf("view switch: pts = %v, want %v", got, pts())
	}
}

// While a point is dragged the window stays put (so the point does not run
// from the pointer); when it is let go the window grows to show it.
func TestLstsqDragWindow(t *testing.T) {
	r := open(t, "view=lstsq&n=3&pts=0,1;1,3;2,2")
	world := func() figure.Rect {
		t.Helper()
		f, err := r.Figure(800, 500)
		if err != nil {
			t.Fatal(err)
		}
		return f.Panels[0].World
	}
	before := world()
	r.Pointer(lesson.Pointer{Phase: lesson.Down, Panel: "lstsq", At: figure.Vec{X: 0, Y: 1}, Hit: "p0", Held: true})
	r.Pointer(lesson.Pointer{Phase: lesson.Move, Panel: "lstsq", At: figure.Vec{X: 30, Y: 40}, Held: true})
	if w := world(); w != before {
		t.Errorf("window during the drag = %+v, want %+v", w, before)
	}
	r.Pointer(lesson.Pointer{Phase: lesson.Up, Panel: "lstsq", At: figure.Vec{X: 30, Y: 40}})
	if w := world(); !w.Contains(30, 40) {
		t.Errorf("window after the drag = %+v, want it to hold (30, 40)", w)
	}
}

// Changing n, noise or seed regenerates the points; more points keep the
// first ones, more noise keeps the x values.
func TestLstsqRegenerate(t *testing.T) {
	r := open(t, "view=lstsq")
	p20 := values(t, r).Matrix("pts")
	r.Set("n", 30)
	p30 := values(t, r).Matrix("pts")
	if len(p30) != 30 || !equalM(p30[:20], p20) {
		t.Errorf("n 20 → 30 did not extend the points")
	}
	r.Set("noise", 0)
	p0 := values(t, r).Matrix("pts")
	for i, p := range p0 {
		if p[0] != p30[i][0] || math.Abs(p[1]-(0.8*p[0]+1)) > 0.006 {
			t.Errorf("noise 0: point %d = %v, want x = %v on y = 0.8x + 1", i, p, p30[i][0])
		}
	}
	check(t, "noise 0", readouts(t, r), map[string]any{"note": nil})
	if b1 := readouts(t, r)["beta1"].(float64); math.Abs(b1-0.8) > 0.002 {
		t.Errorf("noise 0: beta1 = %v, want ≈ 0.8", b1)
	}
	r.Set("seed", 5)
	if p := values(t, r).Matrix("pts"); p[0][0] == p0[0][0] {
		t.Errorf("seed 1 → 5 kept the points")
	}
	// Points set from outside become the data set.
	r.Set("pts", "1,1;2,2;3,3.5")
	if n := values(t, r).Int("n"); n != 3 {
		t.Errorf("pts set to 3 points: n = %d", n)
	}
	// A URL that sets only n gets fresh points.
	r3 := open(t, "view=lstsq&n=7")
	if p := values(t, r3).Matrix("pts"); len(p) != 7 {
		t.Errorf("open with n=7: %d points", len(p))
	}
}

func BenchmarkFigure(b *testing.B) {
	for _, state := range []string{"view=map", "view=multiply&rows=5&inner=5&cols=5", "view=lstsq&n=200&show_squares=1"} {
		b.Run(state, func(b *testing.B) {
			r := open(b, state)
			l := matrix.Info.New()
			v := values(b, r)
			l.Reset(v)
			for b.Loop() {
				l.Figure(800, 500)
			}
		})
	}
}

func BenchmarkStep(b *testing.B) {
	for _, state := range []string{"view=map&t=0", "view=multiply&rows=5&inner=5&cols=5"} {
		b.Run(state, func(b *testing.B) {
			l := matrix.Info.New()
			v := values(b, open(b, state))
			l.Reset(v)
			for b.Loop() {
				l.Step(v)
			}
		})
	}
}

func TestStepUnit(t *testing.T) {
	r := lesson.NewRunner([]lesson.Info{matrix.Info})
	if _, err := r.Open("matrix", "view=map&t=0"); err != nil {
		t.Fatal(err)
	}
	r.Act(lesson.ActStep)
	if v, _ := r.Values(); v.Float("t") != 0.1 {
		t.Errorf("map: t after one step = %v, want 0.1", v.Float("t"))
	}
	if _, err := r.Open("matrix", "view=multiply&rows=2&inner=2&cols=2&X=1,2;3,4&Y=5,6;7,8"); err != nil {
		t.Fatal(err)
	}
	r.Act(lesson.ActStep) // starts at entry (1,1), term k = 1
	r.Act(lesson.ActStep) // term k = 2
	r.Act(lesson.ActStep) // the sum of entry (1,1)
	r.Act(lesson.ActStep) // entry (1,2), term k = 1
	ros, _ := r.Readouts()
	for _, ro := range ros {
		if ro.Name == "cursor" && ro.Value != "(XY)₁₂ = 1·6 = 6" {
			t.Errorf("cursor after four steps = %v, want (XY)₁₂ = 1·6 = 6", ro.Value)
		}
	}
}

func TestLstsqIsStill(t *testing.T) {
	r := lesson.NewRunner([]lesson.Info{matrix.Info})
	if _, err := r.Open("matrix", "view=lstsq"); err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{lesson.ActPlay, lesson.ActStep} {
		if err := r.Act(a); err == nil || !strings.Contains(err.Error(), "nothing to play") {
			t.Errorf("Act(%s) in the lstsq view = %v, want an error", a, err)
		}
	}
	if err := r.Act(lesson.ActPause); err != nil {
		t.Errorf("Act(pause) in the lstsq view = %v", err)
	}
}
