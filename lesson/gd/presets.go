package gd

import "github.com/aimath/playground/core/figure"

// preset1 is a function of the 1d mode with a start and a learning rate
// that show something.
type preset1 struct {
	name, f string
	x0, lr  float64
}

// presets1 are the 1d presets; the first is the default.
var presets1 = []preset1{
	// The course's example: f′(x) = 2x + 2, so from x₀ the iterates are
	// x_k = −1 + (x₀ + 1)(1 − 2·lr)^k, reaching the minimum at −1.
	{"course", "x^2+2x+3", 3, 0.1},
	// Two minima: a local one near 1.13 (where x₀ = 2 ends) and the global
	// one near −1.30.
	{"two_minima", "x^4-3x^2+x", 2, 0.05},
	// x ← x − lr·2x = (1 − 2·lr)x: with lr = 1.5 each step overshoots to
	// −2 times the last, |x| passes the limit 1e6 after 19 steps.
	{"diverge", "x^2", 2, 1.5},
}

func preset1Names() []string {
	names := []string{custom}
	for _, p := range presets1 {
		names = append(names, p.name)
	}
	return names
}

func findPreset1(name string) (preset1, bool) {
	for _, p := range presets1 {
		if p.name == name {
			return p, true
		}
	}
	return preset1{}, false
}

// preset2 is a function of the 2d mode with its window, a start, a
// learning rate, the pace of its race (updates per second at speed 1) and
// its special points, which the map marks.
type preset2 struct {
	name, f string
	start   [2]float64
	lr      float64
	window  figure.Rect
	pace    float64
	minima  []figure.Vec
	saddles []figure.Vec
}

// presets2 are the 2d presets; the first is the default. The starts and
// rates were chosen by running every optimizer on them (see
// testdata/race.py): on Rosenbrock from (−1.5, 2) with lr = 0.001, momentum
// and Nesterov reach the minimum in about 2000 steps, Adam in about 11000,
// and GD is still crawling along the valley after 20000; on the plateau
// Adam leaves the flat region at once while GD needs 1300 steps; on
// Himmelblau from the origin GD and momentum end in different minima.
var presets2 = []preset2{
	{name: "bowl", f: "x^2+y^2", start: [2]float64{-2.5, 2}, lr: 0.1,
		window: figure.Rect{X0: -3, Y0: -3, X1: 3, Y1: 3}, pace: 10,
		minima: []figure.Vec{{X: 0, Y: 0}}},
	// lr·20 = 1.3 makes GD zigzag across the valley (y ← −0.3y) while
	// Nesterov with β = 0.9 still converges (it needs lr·20 < 2(1+β)/(1+2β)
	// = 1.357); a little more and it diverges.
	{name: "ellipse", f: "x^2+10y^2", start: [2]float64{-2.5, 1.5}, lr: 0.065,
		window: figure.Rect{X0: -3, Y0: -2, X1: 3, Y1: 2}, pace: 10,
		minima: []figure.Vec{{X: 0, Y: 0}}},
	{name: "rosenbrock", f: "(1-x)^2+100(y-x^2)^2", start: [2]float64{-1.5, 2}, lr: 0.001,
		window: figure.Rect{X0: -2, Y0: -1, X1: 2, Y1: 3}, pace: 600,
		minima: []figure.Vec{{X: 1, Y: 1}}},
	// The four minima of Himmelblau's function (scipy.optimize.minimize
	// from near each one converges to these, to the digits given).
	{name: "himmelblau", f: "(x^2+y-11)^2+(x+y^2-7)^2", start: [2]float64{0, 0}, lr: 0.01,
		window: figure.Rect{X0: -5, Y0: -5, X1: 5, Y1: 5}, pace: 20,
		minima: []figure.Vec{{X: 3, Y: 2}, {X: -2.805118, Y: 3.131313}, {X: -3.779310, Y: -3.283186}, {X: 3.584428, Y: -1.848127}}},
	// A saddle at the origin between minima at (0, ±1): ∇f = 0 there too.
	{name: "saddle", f: "x^2+y^4/4-y^2/2", start: [2]float64{-2.5, 0.01}, lr: 0.05,
		window: figure.Rect{X0: -3, Y0: -2, X1: 3, Y1: 2}, pace: 20,
		minima: []figure.Vec{{X: 0, Y: 1}, {X: 0, Y: -1}}, saddles: []figure.Vec{{X: 0, Y: 0}}},
	// A well in a plateau where the gradient is almost zero.
	{name: "plateau", f: "1-exp(-(x^2+y^2)/2)", start: [2]float64{-3.5, 2.5}, lr: 0.5,
		window: figure.Rect{X0: -4.5, Y0: -4.5, X1: 4.5, Y1: 4.5}, pace: 60,
		minima: []figure.Vec{{X: 0, Y: 0}}},
}

func preset2Names() []string {
	names := []string{custom}
	for _, p := range presets2 {
		names = append(names, p.name)
	}
	return names
}

func findPreset2(name string) (preset2, bool) {
	for _, p := range presets2 {
		if p.name == name {
			return p, true
		}
	}
	return preset2{}, false
}

// Paces (updates per second at speed 1) of the modes without presets.
const (
	pace1D     = 3  // one step of x is worth watching
	pace2DOwn  = 20 // a typed function
	paceLinreg = 20
)
