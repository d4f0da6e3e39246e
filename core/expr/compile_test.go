package expr

import (
	"math"
	"testing"
)

// same reports whether a and b are the same float64, NaN equal to NaN.
func same(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

func TestGridLayout(t *testing.T) {
	f := mustParse(t, "x + 10y").Compile()
	dst := make([]float64, 6)
	f.Grid(dst, 0, 2, 0, 1, 3, 2)
	// Row 0 is the top, y = 1; row 1 is y = 0.
	want := []float64{10, 11, 12, 0, 1, 2}
	for i := range want {
		if dst[i] != want[i] {
			t.Errorf("Grid(x + 10y)[%d] = %g, want %g", i, dst[i], want[i])
		}
	}
}

// TestGridMatchesEval checks that every grid value is exactly what Eval
// gives at the node (the vector code runs the same operations), for
// functions of x and y, of x alone, of y alone, and constants.
func TestGridMatchesEval(t *testing.T) {
	const nx, ny = 7, 5
	x0, x1, y0, y1 := -2.0, 1.5, -1.0, 3.0
	for i, src := range []string{
		"(1-x)^2 + 100(y-x^2)^2",
		"(x^2+y-11)^2+(x+y^2-7)^2",
		"sin(x y) + cos(x + y)",
		"ln(x) + sqrt(y) + x^y + abs(x) + relu(y) + step(x) + sign(y) + softplus(x) + sigmoid(y)",
		"tan(x) + tanh(y) + sinh(x) + cosh(y) + exp(x) - e^y + min(x, y) + max(x, 2)",
		"x^3 + x^-2 + x^0.5 + y^(1/3) + 2^x",
		"sin(x) + x^2",
		"cos(y)/y",
		"2 pi + sin(1)",
		"x",
		"y",
	} {
		e := mustParse(t, src)
		f := CompileAll([]*Expr{e, Diff(e, "x"), Diff(e, "y")}, "x", "y")
		dst := [][]float64{make([]float64, nx*ny), nil, make([]float64, nx*ny)}
		f.GridAll(dst, x0, x1, y0, y1, nx, ny)
		out := make([]float64, 3)
		for j := range ny {
			y := y1 - (y1-y0)*float64(j)/(ny-1)
			for k := range nx {
				x := x0 + (x1-x0)*float64(k)/(nx-1)
				f.EvalAll(out, x, y)
				if g := dst[0][j*nx+k]; !same(g, out[0]) {
					t.Errorf("%d: Grid(%s) at (%g, %g) = %g, Eval %g", i, src, x, y, g, out[0])
				}
				if g := dst[2][j*nx+k]; !same(g, out[2]) {
					t.Errorf("%d: Grid(d/dy %s) at (%g, %g) = %g, Eval %g", i, src, x, y, g, out[2])
				}
				if want := eval(e.root, e.vars, []float64{x, y}); !close(out[0], want, 1e-12) {
					t.Errorf("%d: Eval(%s) at (%g, %g) = %g, tree %g", i, src, x, y, out[0], want)
				}
			}
		}
	}
}

// TestGridOneVariable checks that a function of x alone varies along rows
// only, and that a single node sits at (x0, y1).
func TestGridOneVariable(t *testing.T) {
	f := mustParse(t, "x^2").Compile("x")
	dst := make([]float64, 3*2)
	f.Grid(dst, 1, 3, 0, 1, 3, 2)
	for i, want := range []float64{1, 4, 9, 1, 4, 9} {
		if dst[i] != want {
			t.Errorf("Grid(x^2)[%d] = %g, want %g", i, dst[i], want)
		}
	}
	g := mustParse(t, "x + 10y").Compile()
	one := make([]float64, 1)
	g.Grid(one, 1, 3, 5, 7, 1, 1)
	if one[0] != 71 {
		t.Errorf("Grid(x + 10y) on one node = %g, want 71 (x0, y1)", one[0])
	}
}

func TestCompileFolds(t *testing.T) {
	f := mustParse(t, "2 pi + sin(1) + x - x").Compile()
	if got, want := f.Eval(3, 4), 2*math.Pi+math.Sin(1)+3-3; got != want {
		t.Errorf("Eval = %g, want %g", got, want)
	}
	if g := mustParse(t, "2 pi + sin(1)").Compile(); len(g.code) != 0 {
		t.Errorf("Compile(2 pi + sin(1)) has %d instructions, want 0 (folded)", len(g.code))
	}
	// f and its gradient share (y − x^2) and x^2.
	e := mustParse(t, "(1-x)^2 + 100(y-x^2)^2")
	all := CompileAll([]*Expr{e, Diff(e, "x"), Diff(e, "y")})
	separate := len(e.Compile().code) + len(Diff(e, "x").Compile().code) + len(Diff(e, "y").Compile().code)
	if len(all.code) >= separate {
		t.Errorf("CompileAll: %d instructions, want fewer than %d compiled separately", len(all.code), separate)
	}
}

func TestEvalNoAllocs(t *testing.T) {
	e := mustParse(t, "(x^2+y-11)^2+(x+y^2-7)^2")
	f := CompileAll([]*Expr{e, Diff(e, "x"), Diff(e, "y")})
	out := make([]float64, 3)
	dst := [][]float64{make([]float64, 400), make([]float64, 400), make([]float64, 400)}
	f.GridAll(dst, -1, 1, -1, 1, 20, 20)
	if n := testing.AllocsPerRun(100, func() {
		f.Eval2(0.5, 1.5)
		f.Eval(0.5, 1.5)
		f.EvalAll(out, 0.5, 1.5)
		f.GridAll(dst, -1, 1, -1, 1, 20, 20)
		f.Grid(dst[0], -1, 1, -1, 1, 20, 20)
	}); n != 0 {
		t.Errorf("Eval and Grid allocate %g times per run, want 0", n)
	}
	g := mustParse(t, "sin(x)").Compile("x")
	if got := g.Eval1(0.5); got != math.Sin(0.5) {
		t.Errorf("Eval1(0.5) = %g, want %g", got, math.Sin(0.5))
	}
}

func TestCompilePanics(t *testing.T) {
	xy := mustParse(t, "x + y")
	for i, f := range []func(){
		func() { xy.Compile("x") },                                                        // y not compiled
		func() { xy.Compile().Eval(1) },                                                   // too few values
		func() { xy.Compile().Grid(make([]float64, 5), 0, 1, 0, 1, 2, 2) },                // wrong size
		func() { xy.Compile().Grid(nil, 0, 1, 0, 1, -1, 2) },                              // negative size
		func() { xy.Compile("x", "y", "z").Grid(nil, 0, 1, 0, 1, 0, 0) },                  // three variables
		func() { xy.Compile().EvalAll(make([]float64, 2), 1, 2) },                         // wrong outputs
		func() { CompileAll(nil) },                                                        // nothing
		func() { xy.Compile().GridAll(nil, 0, 1, 0, 1, 1, 1) },                            // wrong outputs
		func() { mustParse(t, "x").Compile("x", "sin") },                                  // bad name
		func() { mustParse(t, "x").Compile().Grid(make([]float64, 1), 0, 1, 0, 1, 1, 2) }, // wrong size
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%d: did not panic", i)
				}
			}()
			f()
		}()
	}
}
