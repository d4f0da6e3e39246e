package gd_test

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/gd"
	"github.com/aimath/playground/lesson/lessontest"
)

func TestCheck(t *testing.T) { lessontest.Check(t, gd.Info) }

// open returns a runner on the gd lesson in the state query.
func open(t testing.TB, query string) *lesson.Runner {
	t.Helper()
	return lessontest.Open(t, gd.Info, query)
}

func readouts(t testing.TB, r *lesson.Runner) map[string]any { return lessontest.Readouts(t, r) }

func values(t testing.TB, r *lesson.Runner) *param.Values { return lessontest.Values(t, r) }

func step(t testing.TB, r *lesson.Runner, n int) {
	t.Helper()
	for range n {
		if err := r.Act(lesson.ActStep); err != nil {
			t.Fatal(err)
		}
	}
}

func check(t *testing.T, where string, got, want map[string]any, tol float64) {
	t.Helper()
	lessontest.CheckReadouts(t, where, got, want, tol)
}

// TestGolden keeps an SVG of each mode at 800×500; look at them after a
// change (regenerate with go test ./lesson/gd/ -update).
func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name, state string
		steps       int
	}{
		{"1d", "", 3},
		{"1d_converged", "", 60},
		{"1d_diverge", "preset1=diverge", 12},
		{"1d_two_minima", "preset1=two_minima", 4},
		{"1d_invalid", "f=x%5E2%2B2x)%2B3", 0},
		{"1d_undefined", "f=ln(x)&x0=-1", 0},
		{"2d_bowl", "mode=2d", 12},
		{"2d_rosenbrock", "mode=2d&preset2=rosenbrock&optimizers=gd,momentum,nesterov,rmsprop,adam", 3000},
		{"2d_invalid", "mode=2d&f2=sin%20x", 0},
		{"linreg", "mode=linreg", 40},
	} {
		r := open(t, tc.state)
		step(t, r, tc.steps)
		f, err := r.Figure(800, 500)
		if err != nil {
			t.Fatal(err)
		}
		lessontest.Golden(t, tc.name, f)
	}
}

// TestCourse follows the course's example: f(x) = x² + 2x + 3, whose
// derivative is sym.diff(sym.poly(x**2 + 2*x + 3), x) = 2x + 2 (sympy).
// From x₀ = 3 with lr = 0.1, x ← x − 0.1(2x + 2) = 0.8x − 0.2, so
// x_k + 1 = 0.8(x_{k−1} + 1): x_k = −1 + 4·0.8^k exactly, f(x_k) =
// (x_k + 1)² + 2 = 2 + 16·0.64^k and f′(x_k) = 8·0.8^k. The stop rule
// |f′| < 1e-4 first holds at k = 51 (8·0.8^50 = 1.14e-4, 8·0.8^51 =
// 9.13e-5).
func TestCourse(t *testing.T) {
	r := open(t, "mode=1d&f=x%5E2%2B2x%2B3&x0=3&lr=0.1")
	check(t, "k=0", readouts(t, r), map[string]any{"iter": 0.0, "x": 3.0, "fx": 18.0, "dfx": 8.0,
		"derivative": "2*x + 2", "next_step": -0.8, "status": "running", "note": nil}, 1e-12)
	for k := 1; k <= 51; k++ {
		step(t, r, 1)
		p := math.Pow(0.8, float64(k))
		status := "running"
		if k == 51 {
			status = "converged"
		}
		check(t, "k="+strconv.Itoa(k), readouts(t, r), map[string]any{"iter": float64(k), "x": -1 + 4*p, "fx": 2 + 16*p*p,
			"dfx": 8 * p, "status": status}, 1e-12)
	}
	// Converged: a step does nothing more.
	step(t, r, 1)
	check(t, "after convergence", readouts(t, r), map[string]any{"iter": 51.0, "status": "converged"}, 0)
	// The first step is x = 3 − 0.1·8 = 2.2, as the browser test checks.
	r = open(t, "mode=1d&f=x%5E2%2B2x%2B3&x0=3&lr=0.1")
	step(t, r, 1)
	check(t, "one step", readouts(t, r), map[string]any{"iter": 1.0, "x": 2.2}, 1e-15)
}

// TestDerivatives checks the derivative text and f′ at a point against
// sympy (sym.diff) and against a central finite difference of f.
func TestDerivatives(t *testing.T) {
	for i, tc := range []struct {
		f, x0, deriv string
		x            float64
	}{
		{"x^2+2x+3", "3", "2*x + 2", 3},
		{"x^4-3x^2+x", "2", "4*x^3 - 6*x + 1", 2}, // sym.diff(x**4 - 3*x**2 + x, x)
		// sympy prints exp(x)*sin(x) + exp(x)*cos(x): the same terms, factors in another order.
		{"sin(x)*exp(x)", "0.5", "sin(x)*exp(x) + cos(x)*exp(x)", 0.5},
		{"ln(x^2+1)", "-1.5", "2*x/(x^2 + 1)", -1.5},
	} {
		r := open(t, "f="+urlEscape(tc.f)+"&x0="+tc.x0)
		got := readouts(t, r)
		if got["derivative"] != tc.deriv {
			t.Errorf("%d: derivative of %s = %v, want %s", i, tc.f, got["derivative"], tc.deriv)
		}
		fx, _ := got["fx"].(float64)
		dfx, _ := got["dfx"].(float64)
		h := 1e-5
		fd := (evalF(t, tc.f, tc.x+h) - evalF(t, tc.f, tc.x-h)) / (2 * h)
		if !scalar.EqualWithinAbsOrRel(dfx, fd, 1e-8, 1e-8) {
			t.Errorf("%d: f′(%v) of %s = %v, finite difference %v", i, tc.x, tc.f, dfx, fd)
		}
		if want := evalF(t, tc.f, tc.x); !scalar.EqualWithinAbsOrRel(fx, want, 1e-12, 1e-12) {
			t.Errorf("%d: f(%v) of %s = %v, want %v", i, tc.x, tc.f, fx, want)
		}
	}
}

// evalF reads f(x) off the lesson with x₀ = x (any x, unsnapped).
func evalF(t *testing.T, f string, x float64) float64 {
	t.Helper()
	r := open(t, "f="+urlEscape(f))
	if _, _, err := r.Set("x0", x); err != nil {
		t.Fatal(err)
	}
	v, ok := readouts(t, r)["fx"].(float64)
	if !ok {
		t.Fatalf("f(%v) of %s is not a number", x, f)
	}
	return v
}

func urlEscape(s string) string {
	return strings.NewReplacer("+", "%2B", "^", "%5E", " ", "%20", "&", "%26").Replace(s)
}

// TestOneUpdatePerStep: the step action makes exactly one update in every
// mode, whatever the speed.
func TestOneUpdatePerStep(t *testing.T) {
	r := open(t, "speed=10")
	for k := 1; k <= 3; k++ {
		step(t, r, 1)
		check(t, "1d", readouts(t, r), map[string]any{"iter": float64(k)}, 0)
	}
	r = open(t, "mode=2d&optimizers=gd,momentum,nesterov,rmsprop,adam&speed=10")
	for k := 1; k <= 3; k++ {
		step(t, r, 1)
		want := map[string]any{}
		for _, name := range []string{"gd", "momentum", "nesterov", "rmsprop", "adam"} {
			want[name+"_iter"] = float64(k)
		}
		check(t, "2d", readouts(t, r), want, 0)
	}
	r = open(t, "mode=linreg&n=30&batch=4&speed=10")
	for k := 1; k <= 9; k++ {
		step(t, r, 1)
		// Eight mini-batches make an epoch of 30 points (the last one has 2).
		epoch := float64(k/8) + float64(k%8*4)/30
		check(t, "linreg", readouts(t, r), map[string]any{"updates": float64(k), "epoch": epoch}, 1e-15)
	}
}

// TestPlayPace: playing makes pace × speed updates a second (60 ticks):
// 3 a second in 1d at speed 1, 30 at speed 10.
func TestPlayPace(t *testing.T) {
	for _, tc := range []struct {
		state string
		want  float64
	}{
		{"", 3},
		{"speed=10", 30},
		{"speed=0.5", 1}, // 1.5 a second: one after 40 ticks, the next after 80
	} {
		r := open(t, tc.state)
		r.Act(lesson.ActPlay)
		for range 60 {
			r.Tick()
		}
		check(t, "play "+tc.state, readouts(t, r), map[string]any{"iter": tc.want}, 0)
	}
}

// TestDiverge: with the diverge preset, x_k = 2·(−2)^k (f = x², lr = 1.5:
// x ← x − 1.5·2x = −2x); |x_19| = 2^20 > 1e6 is the first past the limit.
// Playing stops there by itself.
func TestDiverge(t *testing.T) {
	r := open(t, "preset1=diverge")
	v := values(t, r)
	if v.String("f") != "x^2" || v.Float("x0") != 2 || v.Float("lr") != 1.5 {
		t.Fatalf("preset diverge loaded f=%s x0=%v lr=%v", v.String("f"), v.Float("x0"), v.Float("lr"))
	}
	step(t, r, 18)
	check(t, "k=18", readouts(t, r), map[string]any{"x": 2 * math.Pow(2, 18), "status": "running"}, 0)
	step(t, r, 1)
	check(t, "k=19", readouts(t, r), map[string]any{"x": -2 * math.Pow(2, 19), "status": "diverged"}, 0)
	r = open(t, "preset1=diverge&speed=10")
	r.Act(lesson.ActPlay)
	for range 600 {
		r.Tick()
	}
	if r.Playing() {
		t.Errorf("still playing after diverging")
	}
	check(t, "played", readouts(t, r), map[string]any{"iter": 19.0, "status": "diverged"}, 0)
}

// TestNeverNaN: where f or f′ is not a number the readouts say so with
// keys, the run stops as diverged, and notes explain.
func TestNeverNaN(t *testing.T) {
	for _, tc := range []struct {
		state string
		steps int
		want  map[string]any
	}{
		// ln(−1) is undefined; f′ = 1/x is −1 there.
		{"f=ln(x)&x0=-1", 0, map[string]any{"fx": "undefined", "dfx": -1.0, "status": "diverged", "note": "undefined_here"}},
		// abs has no derivative at 0; sign(0) = 0 stops the descent.
		{"f=abs(x)&x0=0", 0, map[string]any{"fx": 0.0, "dfx": 0.0, "status": "converged", "note": "not_differentiable"}},
		// sqrt from 1 with lr 2: x₁ = 1 − 2·0.5 = 0, where f′ = 1/(2√0) = +Inf.
		{"f=sqrt(x)&x0=1&lr=2", 1, map[string]any{"x": 0.0, "fx": 0.0, "dfx": "inf", "next_step": "-inf", "status": "diverged", "note": "not_differentiable"}},
		// exp(100x) overflows at x = 8: exp(800) > 1.8e308 (math.MaxFloat64 is about exp(709.8)).
		{"f=exp(100x)&x0=7", 0, map[string]any{"status": "running", "note": nil}},
		{"f=exp(100x)&x0=8", 0, map[string]any{"fx": "inf", "dfx": "inf", "status": "diverged", "note": "overflow"}},
	} {
		r := open(t, tc.state)
		step(t, r, tc.steps)
		got := readouts(t, r)
		check(t, tc.state, got, tc.want, 1e-12)
		for name, v := range got {
			if f, ok := v.(float64); ok && !(f-f == 0) {
				t.Errorf("%s: readout %s = %v", tc.state, name, f)
			}
		}
	}
}

// TestInvalid: a function that does not parse is shown as such, with
// the parser's message and column; nothing else is drawn or run.
func TestInvalid(t *testing.T) {
	for _, tc := range []struct {
		state, err, note string
	}{
		{"f=x%5E2%2B2x)%2B3", "unexpected ')' at 7", "parse_unexpected"},
		{"f=sin%20x", "expected '(' after sin at 5", "parse_expected-paren"},
		{"f=x%2By", "unknown name 'y' at 3; allowed: x", "parse_unknown-name"},
		{"mode=2d&f2=x%5E2%2Bz", "unknown name 'z' at 5; allowed: x, y", "parse_unknown-name"},
		{"f=", "expected an expression at 1", "parse_expected-expr"},
	} {
		r := open(t, tc.state)
		check(t, tc.state, readouts(t, r), map[string]any{"status": "invalid", "error": tc.err, "note": tc.note,
			"iter": nil, "derivative": nil}, 0)
		step(t, r, 3)
		f, _ := r.Figure(800, 500)
		if len(f.Panels) != 1 || f.Panels[0].ID != "invalid" {
			t.Errorf("%s: figure has panels %v, want one \"invalid\"", tc.state, f.Panels)
		}
		if d, _ := r.Data(); len(d.Rows) != 0 {
			t.Errorf("%s: Data has %d rows", tc.state, len(d.Rows))
		}
	}
}

// TestPresets: a preset loads its function, start and learning rate; an
// edited function makes the preset "custom"; a URL is never overwritten,
// except where it names a preset without its function.
func TestPresets(t *testing.T) {
	r := open(t, "")
	get := func(names ...string) string {
		v := values(t, r)
		var b strings.Builder
		for _, n := range names {
			switch x := v.Get(n).(type) {
			case string:
				b.WriteString(n + "=" + x + " ")
			case float64:
				b.WriteString(n + "=" + fmtG(x) + " ")
			case [2]float64:
				b.WriteString(n + "=" + fmtG(x[0]) + "," + fmtG(x[1]) + " ")
			}
		}
		return strings.TrimSpace(b.String())
	}
	expect := func(what, want string, names ...string) {
		t.Helper()
		if got := get(names...); got != want {
			t.Errorf("%s: %s, want %s", what, got, want)
		}
	}
	expect("defaults", "preset1=course f=x^2+2x+3 x0=3 lr=0.1", "preset1", "f", "x0", "lr")
	r.Set("preset1", "two_minima")
	expect("two_minima", "preset1=two_minima f=x^4-3x^2+x x0=2 lr=0.05", "preset1", "f", "x0", "lr")
	r.Set("f", "x^4 - 3x^2 + x") // the same function, spaced
	expect("same function", "preset1=two_minima", "preset1")
	r.Set("x0", 1.5) // a start is not the function: the preset stays
	expect("x0 moved", "preset1=two_minima x0=1.5", "preset1", "x0")
	r.Set("f", "x^3")
	expect("edited", "preset1=custom f=x^3", "preset1", "f")
	r.Set("preset1", "course")
	expect("back to course", "preset1=course f=x^2+2x+3 x0=3 lr=0.1", "preset1", "f", "x0", "lr")

	// A switch of mode loads the mode's learning rate; 2d presets load f2,
	// start and lr.
	r.Set("mode", "2d")
	expect("2d", "preset2=bowl lr=0.1", "preset2", "lr")
	r.Set("preset2", "rosenbrock")
	expect("rosenbrock", "preset2=rosenbrock f2=(1-x)^2+100(y-x^2)^2 start=-1.5,2 lr=0.001", "preset2", "f2", "start", "lr")
	r.Set("mode", "linreg")
	expect("linreg", "lr=0.1", "lr")
	r.Set("mode", "2d")
	expect("2d again", "lr=0.001", "lr")
	r.Set("f2", "x^2+y^2+x*y")
	expect("f2 edited", "preset2=custom", "preset2")

	for _, tc := range []struct{ state, want string }{
		// A preset without its function fills in what is at its default.
		{"preset1=diverge", "preset1=diverge f=x^2 x0=2 lr=1.5"},
		{"preset1=diverge&x0=-1", "preset1=diverge f=x^2 x0=-1 lr=1.5"},
		// A function that is not the preset's makes it custom; the rest
		// stays as the URL says.
		{"preset1=diverge&f=x%5E3", "preset1=custom f=x^3 x0=3 lr=0.1"},
		{"f=x%5E3&lr=0.5", "preset1=custom f=x^3 x0=3 lr=0.5"},
		{"preset1=two_minima&f=x%5E4-3x%5E2%2Bx&x0=0.3&lr=0.2", "preset1=two_minima f=x^4-3x^2+x x0=0.3 lr=0.2"},
	} {
		r = open(t, tc.state)
		expect(tc.state, tc.want, "preset1", "f", "x0", "lr")
	}
	r = open(t, "mode=2d&preset2=plateau")
	expect("plateau by name", "preset2=plateau f2=1-exp(-(x^2+y^2)/2) start=-3.5,2.5 lr=0.5", "preset2", "f2", "start", "lr")
	// Every state round-trips: a state saved after a preset and edits
	// opens unchanged.
	r.Set("lr", 0.1)
	r.Set("start", []any{1.0, -2.0})
	st, _ := r.State()
	r2 := open(t, st)
	if st2, _ := r2.State(); st2 != st {
		t.Errorf("state does not round-trip:\n got %s\nwant %s", st2, st)
	}
}

func fmtG(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// TestRosenbrockRace compares the race with numpy (testdata/race.py): gd
// and adam from (−1.5, 2) with lr = 0.001, after 100 and 1000 steps.
// The lesson's gradient is the symbolic one, which rounds differently
// from the hand-written one in race.py, hence the tolerance.
func TestRosenbrockRace(t *testing.T) {
	r := open(t, "mode=2d&preset2=rosenbrock&optimizers=gd,adam")
	step(t, r, 100)
	check(t, "100 steps", readouts(t, r), map[string]any{
		"gd_x": -1.3637667861119513, "gd_y": 1.8674987482466738, "gd_f": 5.593228700501205, "gd_gnorm": 1.6273382416291708, "gd_iter": 100.0,
		"adam_x": -1.437364680536073, "adam_y": 2.0608585186191926, "adam_f": 5.943407810924938, "adam_gnorm": 7.908297159592416, "adam_iter": 100.0,
		"gd_status": "running", "adam_status": "running", "momentum_x": nil,
	}, 1e-9)
	step(t, r, 900)
	check(t, "1000 steps", readouts(t, r), map[string]any{
		"gd_x": -0.6602778176922464, "gd_y": 0.4439579666709035, "gd_f": 2.7629083119327293, "gd_gnorm": 2.0046068994266575,
		"adam_x": -1.3921739458865312, "adam_y": 1.9442968534034295, "adam_f": 5.726276663678064, "adam_gnorm": 1.8338176362865177,
	}, 1e-8)
}

// TestRaceStops: each racer stops on its own (race.py: on the ellipse with
// lr = 0.065, GD converges after 78 steps, Nesterov after 92, Adam after
// 212) and the others go on; with lr = 0.09 Nesterov diverges after 22
// steps while GD converges after 58.
func TestRaceStops(t *testing.T) {
	r := open(t, "mode=2d&preset2=ellipse&optimizers=gd,nesterov,adam")
	step(t, r, 92)
	check(t, "92 steps", readouts(t, r), map[string]any{
		"gd_iter": 78.0, "gd_status": "converged", "nesterov_iter": 92.0, "nesterov_status": "converged",
		"adam_iter": 92.0, "adam_status": "running"}, 0)
	r.Act(lesson.ActPlay)
	for range 2000 {
		r.Tick()
	}
	check(t, "played out", readouts(t, r), map[string]any{"adam_iter": 212.0, "adam_status": "converged"}, 0)
	if r.Playing() {
		t.Errorf("still playing after every racer stopped")
	}
	r = open(t, "mode=2d&preset2=ellipse&optimizers=gd,nesterov&lr=0.09")
	step(t, r, 60)
	// race.py: GD converges after 58 steps.
	check(t, "lr 0.09", readouts(t, r), map[string]any{"nesterov_iter": 22.0, "nesterov_status": "diverged", "gd_iter": 58.0, "gd_status": "converged"}, 0)
}

// TestRaceTune: hyper-parameters change mid-race without a restart.
func TestRaceTune(t *testing.T) {
	r := open(t, "mode=2d&optimizers=momentum")
	step(t, r, 5)
	r.Set("beta", 0.5)
	r.Set("lr", 0.05)
	check(t, "tuned", readouts(t, r), map[string]any{"momentum_iter": 5.0}, 0)
	step(t, r, 1)
	check(t, "stepped", readouts(t, r), map[string]any{"momentum_iter": 6.0}, 0)
	// No optimizer: a note, nothing runs.
	r = open(t, "mode=2d&optimizers=")
	check(t, "none", readouts(t, r), map[string]any{"note": "no_optimizer"}, 0)
	r.Act(lesson.ActPlay)
	r.Tick()
	if r.Playing() {
		t.Errorf("playing a race without racers")
	}
}

// TestStartDrag: a press on the map moves the start there (snapped to
// 0.1) and restarts the race; the start handle drags; the secondary
// button does nothing.
func TestStartDrag(t *testing.T) {
	r := open(t, "mode=2d")
	step(t, r, 10)
	press := func(hit string, at, to figure.Vec, button int) {
		t.Helper()
		for _, p := range []lesson.Pointer{
			{Phase: lesson.Down, Panel: "map", At: at, Hit: hit, Button: button, Held: true},
			{Phase: lesson.Move, Panel: "map", At: to, Button: button, Held: true},
			{Phase: lesson.Up, Panel: "map", At: to, Button: button},
		} {
			if err := r.Pointer(p); err != nil {
				t.Fatal(err)
			}
		}
	}
	press("", figure.Vec{X: 0.53, Y: -1.27}, figure.Vec{X: 0.53, Y: -1.27}, 0)
	if s := values(t, r).Vec2("start"); s != [2]float64{0.5, -1.3} {
		t.Errorf("click at (0.53, −1.27): start = %v, want [0.5 -1.3]", s)
	}
	check(t, "restarted", readouts(t, r), map[string]any{"gd_iter": 0.0, "gd_x": 0.5, "gd_y": -1.3, "adam_x": 0.5}, 0)
	step(t, r, 3)
	press("start", figure.Vec{X: 0.5, Y: -1.3}, figure.Vec{X: -1.04, Y: 2.26}, 0)
	if s := values(t, r).Vec2("start"); s != [2]float64{-1, 2.3} {
		t.Errorf("drag start to (−1.04, 2.26): start = %v, want [-1 2.3]", s)
	}
	check(t, "dragged", readouts(t, r), map[string]any{"momentum_iter": 0.0, "momentum_x": -1.0}, 0)
	before, _ := r.State()
	press("", figure.Vec{X: 2, Y: 2}, figure.Vec{X: 2, Y: 2}, 2)
	if after, _ := r.State(); after != before {
		t.Errorf("right click changed the state:\n%s\n%s", before, after)
	}
	// Dragging stops the animation.
	r.Act(lesson.ActPlay)
	r.Pointer(lesson.Pointer{Phase: lesson.Down, Panel: "map", At: figure.Vec{X: -1, Y: 2.3}, Hit: "start", Held: true})
	r.Tick()
	if r.Playing() {
		t.Errorf("still playing while the start is dragged")
	}
}

// TestX0Drag: in 1d the current point is a handle; dragging it (or
// pressing on either panel) sets x₀ and starts afresh.
func TestX0Drag(t *testing.T) {
	r := open(t, "")
	step(t, r, 4)
	for _, p := range []lesson.Pointer{
		{Phase: lesson.Down, Panel: "f", At: figure.Vec{X: 0.6384, Y: 2.68}, Hit: "x", Held: true},
		{Phase: lesson.Move, Panel: "f", At: figure.Vec{X: -2.26, Y: 4}, Held: true},
		{Phase: lesson.Up, Panel: "f", At: figure.Vec{X: -2.26, Y: 4}},
	} {
		r.Pointer(p)
	}
	if x0 := values(t, r).Float("x0"); x0 != -2.3 {
		t.Errorf("drag x to −2.26: x0 = %v, want −2.3", x0)
	}
	check(t, "dragged", readouts(t, r), map[string]any{"iter": 0.0, "x": -2.3}, 0)
	r.Pointer(lesson.Pointer{Phase: lesson.Down, Panel: "df", At: figure.Vec{X: 1.74, Y: 0}, Held: true})
	r.Pointer(lesson.Pointer{Phase: lesson.Up, Panel: "df", At: figure.Vec{X: 1.74, Y: 0}})
	if x0 := values(t, r).Float("x0"); x0 != 1.7 {
		t.Errorf("press on f′ at 1.74: x0 = %v, want 1.7", x0)
	}
	// Outside every panel the handle stays where it was.
	r.Pointer(lesson.Pointer{Phase: lesson.Down, Panel: "f", At: figure.Vec{X: 1.7, Y: 7}, Hit: "x", Held: true})
	r.Pointer(lesson.Pointer{Phase: lesson.Move, Held: true})
	r.Pointer(lesson.Pointer{Phase: lesson.Up})
	if x0 := values(t, r).Float("x0"); x0 != 1.7 {
		t.Errorf("move outside the panels: x0 = %v, want 1.7", x0)
	}
}

// TestLinregFullBatch: full-batch gradient descent converges to the
// least-squares line. The target is checked against the normal equations
// solved by hand from the exported data, and the first step against
// w₁ = lr·(2/n)Σxᵢyᵢ, b₁ = lr·(2/n)Σyᵢ (the gradient at (0, 0)).
func TestLinregFullBatch(t *testing.T) {
	r := open(t, "mode=linreg&n=25&noise=0.8&seed=3&batch=25")
	d, _ := r.Data()
	var n, sx, sy, sxx, sxy, syy float64
	for _, row := range d.Rows {
		x, y := row[0], row[1]
		n, sx, sy, sxx, sxy, syy = n+1, sx+x, sy+y, sxx+x*x, sxy+x*y, syy+y*y
	}
	wStar := (n*sxy - sx*sy) / (n*sxx - sx*sx)
	bStar := (sy - wStar*sx) / n
	got := readouts(t, r)
	check(t, "target", got, map[string]any{"w_star": wStar, "b_star": bStar, "loss": syy / n, "w": 0.0, "b": 0.0}, 1e-10)
	lossStar := got["loss_star"].(float64)
	step(t, r, 1)
	check(t, "first step", readouts(t, r), map[string]any{"w": 0.1 * 2 * sxy / n, "b": 0.1 * 2 * sy / n, "epoch": 1.0, "updates": 1.0}, 1e-12)
	r.Set("speed", 10.0)
	r.Act(lesson.ActPlay)
	for range 1000 {
		r.Tick()
	}
	got = readouts(t, r)
	// The stop rule ‖∇L‖ < 1e-7 leaves (w, b) within about 1e-7 of the target.
	check(t, "converged", got, map[string]any{"w": wStar, "b": bStar, "status": "converged"}, 1e-6)
	check(t, "converged", got, map[string]any{"loss": lossStar}, 1e-12)
	if r.Playing() {
		t.Errorf("still playing after convergence")
	}
}

// TestSGD: mini-batches are reproducible from the seed, differ with
// another seed, and jitter around the target without reaching it.
func TestSGD(t *testing.T) {
	run := func(state string) map[string]any {
		r := open(t, state)
		step(t, r, 200)
		return readouts(t, r)
	}
	a := run("mode=linreg&batch=3&seed=5")
	b := run("mode=linreg&batch=3&seed=5")
	for k, v := range a {
		if b[k] != v {
			t.Errorf("same seed: %s = %v and %v", k, v, b[k])
		}
	}
	c := run("mode=linreg&batch=3&seed=6")
	if c["w"] == a["w"] {
		t.Errorf("seeds 5 and 6 gave the same w = %v", a["w"])
	}
	w, ws := a["w"].(float64), a["w_star"].(float64)
	if math.Abs(w-ws) > 0.5 || w == ws {
		t.Errorf("SGD after 200 mini-batches: w = %v, w* = %v", w, ws)
	}
	if a["status"] != "running" {
		t.Errorf("SGD status = %v, want running", a["status"])
	}
	// A large lr diverges.
	r := open(t, "mode=linreg&lr=1&batch=30")
	step(t, r, 40)
	check(t, "lr=1", readouts(t, r), map[string]any{"status": "diverged"}, 0)
}

// TestData: the export of each mode.
func TestData(t *testing.T) {
	for _, tc := range []struct {
		state string
		steps int
		cols  string
		rows  int
	}{
		{"", 5, "iter,x,fx,dfx", 6},
		{"mode=2d&optimizers=gd,adam", 7, "optimizer,iter,x,y,f", 16},
		{"mode=linreg&n=12", 3, "x,y", 12},
	} {
		r := open(t, tc.state)
		step(t, r, tc.steps)
		d, _ := r.Data()
		if got := strings.Join(d.Columns, ","); got != tc.cols || len(d.Rows) != tc.rows {
			t.Errorf("%s: Data has columns %s and %d rows, want %s and %d", tc.state, got, len(d.Rows), tc.cols, tc.rows)
		}
	}
	r := open(t, "mode=2d&optimizers=gd,adam")
	step(t, r, 1)
	d, _ := r.Data()
	// Rows: gd (index 0) k = 0, 1; adam (index 4) k = 0, 1.
	if d.Rows[0][0] != 0 || d.Rows[1][1] != 1 || d.Rows[2][0] != 4 || d.Rows[2][2] != -2.5 {
		t.Errorf("2d data rows = %v", d.Rows)
	}
}

func TestCanvasText(t *testing.T) {
	r := open(t, "preset1=diverge")
	step(t, r, 19)
	var texts []string
	f, _ := r.Figure(800, 500)
	for _, p := range f.Panels {
		for _, it := range p.Items {
			if tx, ok := it.(figure.Text); ok {
				texts = append(texts, tx.S)
			}
		}
	}
	if !slices.Contains(texts, "diverged") {
		t.Errorf("diverged figure has texts %q", texts)
	}
	r = open(t, "")
	step(t, r, 60)
	f, _ = r.Figure(800, 500)
	texts = texts[:0]
	for _, p := range f.Panels {
		texts = append(texts, p.Title)
		for _, it := range p.Items {
			if tx, ok := it.(figure.Text); ok {
				texts = append(texts, tx.S)
			}
		}
	}
	for _, s := range []string{"|f′(x)| < ε: stop", "f(x) = x^2 + 2*x + 3", "f′(x) = 2*x + 2"} {
		if !slices.Contains(texts, s) {
			t.Errorf("converged figure has no %q: %q", s, texts)
		}
	}
}

// TestStrings: every readout name and message key the lesson shows, in
// states beyond the defaults the catalog test visits (notes, parse
// errors, each optimizer, each status), has a text in both languages.
func TestStrings(t *testing.T) {
	files := map[string]map[string]string{}
	for _, lang := range []string{"en", "ko"} {
		for _, name := range []string{"gd." + lang, lang} {
			data, err := os.ReadFile(filepath.Join("..", "..", "web", "i18n", name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			m := map[string]string{}
			if err := json.Unmarshal(data, &m); err != nil {
				t.Fatalf("%s.json: %v", name, err)
			}
			for k, v := range m {
				if files[lang] == nil {
					files[lang] = map[string]string{}
				}
				files[lang][k] = v
			}
		}
	}
	key := regexp.MustCompile(`^[a-z][a-z_-]*$`)
	for _, tc := range []struct {
		state string
		steps int
	}{
		{"", 0}, {"", 60}, {"preset1=diverge", 19}, {"f=ln(x)&x0=-1", 0}, {"f=abs(x)&x0=0", 0},
		{"f=exp(100x)&x0=8", 0}, {"f=x&max_iter=1", 1}, {"f=x)", 0}, {"f=sin%20x", 0}, {"f=sinn(x)", 0}, {"f=xy", 0},
		{"f=min(x)", 0}, {"f=", 0}, {"f=1e999", 0}, {"f=" + strings.Repeat("(", 70) + "x" + strings.Repeat(")", 70), 0},
		{"mode=2d&optimizers=gd,momentum,nesterov,rmsprop,adam", 0},
		{"mode=2d&preset2=ellipse&optimizers=gd,nesterov&lr=0.09", 60},
		{"mode=2d&optimizers=", 0}, {"mode=2d&f2=x%5E2%2Bz", 0},
		{"mode=linreg", 0}, {"mode=linreg&lr=1&batch=30", 40}, {"mode=linreg&batch=30", 200},
	} {
		r := open(t, tc.state)
		step(t, r, tc.steps)
		for _, ro := range mustReadouts(t, r) {
			for lang, m := range files {
				if m["readout."+ro.Name] == "" {
					t.Errorf("%s: readout %s has no label in %s", tc.state, ro.Name, lang)
				}
				if s, ok := ro.Value.(string); ok && key.MatchString(s) && m["value."+s] == "" {
					t.Errorf("%s: readout %s = %q has no text in %s", tc.state, ro.Name, s, lang)
				}
			}
		}
	}
}

func mustReadouts(t *testing.T, r *lesson.Runner) []lesson.Readout {
	t.Helper()
	ros, err := r.Readouts()
	if err != nil {
		t.Fatal(err)
	}
	return ros
}
