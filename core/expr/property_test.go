package expr

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// randExpr returns a random expression in x and y of nesting depth at most
// d, fully parenthesized so that the test does not depend on precedence.
func randExpr(r *rand.Rand, d int) string {
	if d == 0 || r.IntN(4) == 0 {
		switch r.IntN(6) {
		case 0:
			return "x"
		case 1:
			return "y"
		case 2:
			return strconv.Itoa(1 + r.IntN(4))
		case 3:
			return []string{"0.5", "1.5", "0.1", "2.25"}[r.IntN(4)]
		case 4:
			return []string{"pi", "e"}[r.IntN(2)]
		}
		return []string{"x", "y"}[r.IntN(2)]
	}
	a := func() string { return randExpr(r, d-1) }
	switch r.IntN(12) {
	case 0, 1:
		return "(" + a() + " + " + a() + ")"
	case 2:
		return "(" + a() + " - " + a() + ")"
	case 3, 4:
		return "(" + a() + " * " + a() + ")"
	case 5:
		return "(" + a() + " / " + a() + ")"
	case 6:
		return "(" + a() + ")^" + []string{"2", "3", "(-1)", "(1/2)", "0", "1"}[r.IntN(6)]
	case 7:
		return "(" + a() + ")^(" + a() + ")"
	case 8:
		return "(-" + a() + ")"
	case 9:
		return strconv.Itoa(1+r.IntN(3)) + "(" + a() + ")"
	}
	names := []string{"sin", "cos", "tan", "exp", "ln", "sqrt", "abs", "tanh", "sinh", "cosh",
		"sigmoid", "relu", "softplus", "sign", "step", "min", "max"}
	f := names[r.IntN(len(names))]
	if f == "min" || f == "max" {
		return f + "(" + a() + ", " + a() + ")"
	}
	return f + "(" + a() + ")"
}

// close reports whether a and b agree to about 1e-7 relative to their
// size, treating two NaNs or two equal infinities as equal.
func close(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b
	}
	return math.Abs(a-b) <= tol*(1+math.Abs(a)+math.Abs(b))
}

// TestRandomExpressions checks, on random expressions, that printing
// round-trips, that Simplify keeps the value wherever the expression is
// defined, that compiled code agrees with the tree, and that Diff agrees
// with central finite differences where the function is smooth.
func TestRandomExpressions(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	vars := []string{"x", "y"}
	n, checkedD := 0, 0
	for range 3000 {
		src := randExpr(r, 4)
		e, err := Parse(src, vars...)
		if err != nil {
			t.Fatalf("Parse(%q): %v", src, err)
		}
		s := Simplify(e)
		roundTrip(t, "Parse", src, e)
		roundTrip(t, "Simplify", src, s)
		dx, dy := Diff(e, "x"), Diff(e, "y")
		roundTrip(t, "Diff", src, dx)
		f := CompileAll([]*Expr{e, s, dx, dy})
		out := make([]float64, 4)
		for range 4 {
			p := []float64{r.Float64()*4 - 2, r.Float64()*4 - 2}
			f.EvalAll(out, p...)
			want := eval(e.root, vars, p)
			if illConditioned(e, p) {
				continue // rounding differences are amplified beyond any tolerance
			}
			if !close(out[0], want, 1e-9) {
				t.Errorf("%q at %v: compiled %g, tree %g", src, p, out[0], want)
			}
			if e.Check(p...).Kind != None || math.Abs(want) > 1e6 {
				continue
			}
			n++
			if !close(out[1], want, 1e-7) {
				t.Errorf("Simplify(%q) = %q at %v: %g, want %g", src, s, p, out[1], want)
			}
			for k, d := range out[2:] {
				fd, ok := centralDiff(func(v float64) float64 {
					q := append([]float64(nil), p...)
					q[k] = v
					return eval(e.root, vars, q)
				}, p[k])
				if !ok {
					continue
				}
				checkedD++
				if !close(d, fd, 1e-5) {
					t.Errorf("d/d%s %q = %q at %v: %g, finite differences %g", vars[k], src, []*Expr{dx, dy}[k], p, d, fd)
				}
			}
		}
	}
	t.Logf("%d values and %d derivatives compared", n, checkedD)
}

// illConditioned reports whether e's value at p changes by more than 1e-8
// of its size when a coordinate or all the numbers in e move by 1e-12 of
// their size: then two ways of computing it need not agree.
func illConditioned(e *Expr, p []float64) bool {
	v := eval(e.root, e.vars, p)
	for k := range p {
		q := append([]float64(nil), p...)
		q[k] *= 1 + 1e-12
		if w := eval(e.root, e.vars, q); !close(v, w, 1e-8) {
			return true
		}
	}
	return !close(v, eval(perturbed(e.root), e.vars, p), 1e-8)
}

// perturbed returns n with its numbers and constants scaled by 1 + 1e-12.
func perturbed(n *node) *node {
	switch n.kind {
	case kNum:
		return numNode(num{f: n.num.f * (1 + 1e-12)})
	case kConst:
		v := math.E
		if n.fn == cPi {
			v = math.Pi
		}
		return numNode(num{f: v * (1 + 1e-12)})
	case kVar:
		return n
	}
	m := *n
	m.args = make([]*node, len(n.args))
	for i, a := range n.args {
		m.args[i] = perturbed(a)
	}
	return &m
}

// centralDiff estimates f'(x) by central differences with steps h and
// h/2; ok is false when the two disagree (f is not smooth enough near x
// for the estimate to mean anything) or a value is not finite.
func centralDiff(f func(float64) float64, x float64) (d float64, ok bool) {
	h := 1e-4 * (1 + math.Abs(x))
	d1 := (f(x+h) - f(x-h)) / (2 * h)
	d2 := (f(x+h/2) - f(x-h/2)) / h
	// Richardson: the error of d2 is about (d1 − d2)/3.
	d = (4*d2 - d1) / 3
	if math.IsNaN(d) || math.IsInf(d, 0) || math.Abs(d1-d2) > 1e-4*(1+math.Abs(d2)) {
		return 0, false
	}
	return d, true
}
