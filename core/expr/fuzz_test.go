package expr

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParse checks that Parse never panics or hangs, and that for what it
// accepts, printing round-trips, Simplify is idempotent and round-trips,
// and Diff, Compile, Check and MathML work.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"x^2+2x+3", "(1-x)^2 + 100(y-x^2)^2", "(x^2+y-11)^2+(x+y^2-7)^2",
		"sin(x y) + cos(x + y)", "exp(-x^2-y^2)", "x^x", "2^-x/3", "1/(1/x)",
		"min(x, y) - max(x^2, 0.5)", "abs(x)+relu(y)+step(x)+sign(y)", "sigmoid(x)softplus(y)",
		"sqrt(x)^(1/3)", "ln(x) - log(e^y)", "1e300*1e300*x", "0.1x - 0.2x + 0.1x",
		"(x y)^(1/2) (x y)^(1/2)", "2e-3x²", "π x − y÷2", "x/x", "0^-1", "-(-(-x))",
		"x^2^3^4^5", "tanh(sinh(cosh(x)))", "((((x))))", "2 3", "sin x", ")(", "1e400",
	} {
		f.Add(s)
	}
	vars := []string{"x", "y"}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := Parse(src, vars...)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("Parse(%q) error %T, want *Error", src, err)
			}
			if utf8.RuneCountInString(src) <= MaxLen && strings.Contains(err.Error(), "longer") {
				t.Fatalf("Parse(%q): %v", src, err)
			}
			return
		}
		roundTrip(t, "Parse", src, e)
		s := Simplify(e)
		roundTrip(t, "Simplify", src, s)
		if again := Simplify(s); !again.Equal(s) {
			t.Fatalf("Simplify(Simplify(%q)) = %q, want %q", src, again, s)
		}
		for _, v := range vars {
			d := Diff(e, v)
			roundTrip(t, "Diff", src, d)
		}
		fn := CompileAll([]*Expr{e, s})
		fn.Eval(0.5, -1.25)
		e.Check(0.5, -1.25)
		e.Check(0, 0)
		e.Check(1, 1)
		_ = e.MathML()
	})
}

// roundTrip checks that e prints as text that parses back to e.
func roundTrip(t *testing.T, what, src string, e *Expr) {
	t.Helper()
	text := e.String()
	back, err := parse(text, e.vars, false)
	if err != nil {
		t.Fatalf("%s(%q) = %q, which does not parse: %v", what, src, text, err)
	}
	if !back.Equal(e) {
		t.Fatalf("%s(%q) = %q, parsed back as a different tree, printed %q", what, src, text, back)
	}
}

// TestWorstCases runs everything on inputs built to be slow: the deepest
// towers, the longest products and nestings that Parse accepts. All of them
// together take milliseconds; the bound only catches a blow-up.
func TestWorstCases(t *testing.T) {
	start := time.Now()
	for _, src := range []string{
		strings.Repeat("x^", 64) + "x",
		strings.Repeat("x^(", 32) + "x" + strings.Repeat(")", 32),
		strings.Repeat("x*", 99) + "x",
		strings.Repeat("(x+1)", 40),
		strings.Repeat("(x+y)^x*", 24) + "x",
		strings.Repeat("ln(x)^", 32) + "x",
		strings.Repeat("min(x,", 28) + "y" + strings.Repeat(")", 28),
		strings.Repeat("(x+1)^(x+1)^", 16) + "x",
		strings.Repeat("sin(", 39) + "x" + strings.Repeat(")", 39),
		strings.Repeat("-", 64) + "x",
		strings.Repeat("2^", 64) + "2",
		strings.Repeat("9", 200),
	} {
		e, err := Parse(src, "x", "y")
		if err != nil {
			t.Fatalf("Parse(%.20q...): %v", src, err)
		}
		s := Simplify(e)
		dx, dy := Diff(e, "x"), Diff(e, "y")
		f := CompileAll([]*Expr{e, s, dx, dy})
		f.Eval(0.5, 1.5)
		e.Check(0.5, 1.5)
		_ = dx.String() + dx.MathML()
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("worst cases took %v, want well under 5 s", d)
	}
}
