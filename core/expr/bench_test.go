package expr

import "testing"

// benchGrid measures what the gradient-descent lesson draws: f and both
// partial derivatives over a 200×200 grid.
func benchGrid(b *testing.B, src string) {
	e, err := Parse(src, "x", "y")
	if err != nil {
		b.Fatal(err)
	}
	f := CompileAll([]*Expr{e, Diff(e, "x"), Diff(e, "y")})
	const n = 200
	dst := [][]float64{make([]float64, n*n), make([]float64, n*n), make([]float64, n*n)}
	b.ReportAllocs()
	for b.Loop() {
		f.GridAll(dst, -2, 2, -1, 3, n, n)
	}
}

func BenchmarkGrid200(b *testing.B) {
	for _, bc := range []struct{ name, src string }{
		{"rosenbrock", "(1-x)^2 + 100(y-x^2)^2"},
		{"himmelblau", "(x^2+y-11)^2+(x+y^2-7)^2"},
		{"trig", "sin(x y) + cos(x + y)"},
		{"separable", "sin(x)cos(y) + 0.1(x^2+y^2)"},
	} {
		b.Run(bc.name, func(b *testing.B) { benchGrid(b, bc.src) })
	}
}

func BenchmarkEval2(b *testing.B) {
	e, _ := Parse("(1-x)^2 + 100(y-x^2)^2", "x", "y")
	f := e.Compile()
	b.ReportAllocs()
	s := 0.0
	for b.Loop() {
		s += f.Eval2(0.5, 1.5)
	}
	_ = s
}
