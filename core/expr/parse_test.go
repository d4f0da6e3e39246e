package expr

import (
	"errors"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// mustParse parses src in x and y, without the length and depth limits.
func mustParse(t testing.TB, src string) *Expr {
	t.Helper()
	e, err := parse(src, []string{"x", "y"}, false)
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	return e
}

func TestParseString(t *testing.T) {
	for i, tc := range []struct {
		in, want string
	}{
		{"x^2+2x+3", "x^2 + 2*x + 3"},
		{"x**2 + 2*x + 3", "x^2 + 2*x + 3"},
		{"-x^2", "-x^2"},
		{"(-x)^2", "(-x)^2"},
		{"-2^2", "-2^2"},
		{"(-2)^2", "(-2)^2"},
		{"2x^2", "2*x^2"},
		{"(2x)^2", "(2*x)^2"},
		{"x^2^3", "x^2^3"},
		{"(x^2)^3", "(x^2)^3"},
		{"x^-2", "1/x^2"},
		{"x^(-y)", "x^(-y)"},
		{"2^-1", "2^(-1)"},
		{"x y", "x*y"},
		{"x*2", "2*x"},
		{"2(x+1)", "2*(x + 1)"},
		{"(x+1)(x-1)", "(x + 1)*(x - 1)"},
		{"x(x+1)", "x*(x + 1)"},
		{"2 pi x", "2*pi*x"},
		{"π x", "pi*x"},
		{"sin(x)cos(x)", "sin(x)*cos(x)"},
		{"2 sin(x)^2", "2*sin(x)^2"},
		{"x/2y", "x*y/2"},
		{"x/(2y)", "x/(2*y)"},
		{"1/x", "1/x"},
		{"1/x/y", "1/(x*y)"},
		{"x/y/2", "x/(2*y)"},
		{"a/b", ""}, // error, skipped
		{"2/3 x", "2*x/3"},
		{"-x/3", "-x/3"},
		{"1/3", "1/3"},
		{"x^(1/3)", "x^(1/3)"},
		{"x^0.5", "x^0.5"},
		{"0.1x^3", "0.1*x^3"},
		{"0.5/x", "0.5/x"},
		{".5x", "0.5*x"},
		{"2.", "2"},
		{"2e", "2*e"},
		{"2e3", "2000"},
		{"2E3x", "2000*x"},
		{"1e-3", "0.001"},
		{"2.5e3", "2500"},
		{"2e+x", "2*e + x"},
		{"2e-3x", "0.002*x"},
		{"1e30", "1e+30"},
		{"e^x", "e^x"},
		{"exp(-x^2)", "exp(-x^2)"},
		{"ln(x) + log(y)", "ln(x) + ln(y)"},
		{"x - y", "x - y"},
		{"x - 2y", "x - 2*y"},
		{"x - -y", "x + y"},
		{"x + -y", "x - y"},
		{"--x", "x"},
		{"+x", "x"},
		{"-(x+1)", "-(x + 1)"},
		{"x - (y - 1)", "x - (y - 1)"},
		{"-x + y", "-x + y"},
		{"x - 1/3", "x - 1/3"},
		{"x*(y*x)", "x*y*x"},
		{"(x+y)+x", "x + y + x"},
		{"min(x, y) + max(x,0)", "min(x, y) + max(x, 0)"},
		{"abs(x)-relu(y)", "abs(x) - relu(y)"},
		{"x²+y³", "x^2 + y^3"},
		{"2×x − y÷2", "2*x - y/2"},
		{"x·y", "x*y"},
		{"2^x^-1", "2^(1/x)"},
		{"1/(1/x)", "x"},
		{"x/(x+1)^2", "x/(x + 1)^2"},
		{"1/sqrt(x)", "1/sqrt(x)"},
		{"sigmoid(x)*(1-sigmoid(x))", "sigmoid(x)*(1 - sigmoid(x))"},
		{"1/0", "0^(-1)"},
		{"0*x", "0*x"},
	} {
		if tc.want == "" {
			continue
		}
		e := mustParse(t, tc.in)
		got := e.String()
		if got != tc.want {
			t.Errorf("%d: Parse(%q).String() = %q, want %q", i, tc.in, got, tc.want)
		}
		back := mustParse(t, got)
		if !back.Equal(e) {
			t.Errorf("%d: Parse(%q) = %q, not Equal to Parse(%q)", i, got, back, tc.in)
		}
	}
}

// TestParseValue checks precedence by value at x = 1.5, y = −0.7.
func TestParseValue(t *testing.T) {
	x, y := 1.5, -0.7
	for i, tc := range []struct {
		in   string
		want float64
	}{
		{"-x^2", -(x * x)},
		{"2x^2", 2 * x * x},
		{"2^3^2", 512},
		{"x/2y", x / 2 * y},
		{"x^-2", 1 / (x * x)},
		{"-2^2", -4},
		{"2-3-4", -5},
		{"2/4/8", 0.0625},
		{"x y + 1", x*y + 1},
		{"e", math.E},
		{"pi", math.Pi},
		{"2e", 2 * math.E},
		{"e^x", math.Exp(x)},
		{"ln(e^2)", 2},
		{"sqrt(16)", 4},
		{"min(x, y) * max(x, y)", x * y},
		{"relu(y) + relu(x)", x},
		{"step(x) - step(y) + sign(y)", 0},
		{"sigmoid(0)", 0.5},
		{"softplus(0)", math.Ln2},
		{"tanh(x) - sinh(x)/cosh(x)", 0},
		{"abs(y)", 0.7},
		{"2 sin(x)cos(x) - sin(2x)", 0},
		{"x³", x * x * x},
	} {
		e := mustParse(t, tc.in)
		got := e.Compile("x", "y").Eval(x, y)
		if !scalar.EqualWithinAbsOrRel(got, tc.want, 1e-14, 1e-14) {
			t.Errorf("%d: %q at (%g, %g) = %g, want %g", i, tc.in, x, y, got, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	deep := strings.Repeat("(", 65) + "x" + strings.Repeat(")", 65)
	for i, tc := range []struct {
		in   string
		vars []string
		want string
		code string
	}{
		{"(x+1))", []string{"x"}, "unexpected ')' at 6", CodeUnexpected},
		{"2*(x + 1))", []string{"x"}, "unexpected ')' at 10", CodeUnexpected},
		{"sin x", []string{"x"}, "expected '(' after sin at 5", CodeExpectedParen},
		{"sin", []string{"x"}, "expected '(' after sin at 4", CodeExpectedParen},
		{"sinn(x)", []string{"x"}, "unknown function 'sinn' at 1", CodeUnknownFunction},
		{"x + ", []string{"x"}, "expected an expression at 5", CodeExpectedExpr},
		{"", []string{"x"}, "expected an expression at 1", CodeExpectedExpr},
		{"*x", []string{"x"}, "expected an expression at 1", CodeExpectedExpr},
		{"x^", []string{"x"}, "expected an expression at 3", CodeExpectedExpr},
		{"x**", []string{"x"}, "expected an expression at 4", CodeExpectedExpr},
		{"()", []string{"x"}, "expected an expression at 2", CodeExpectedExpr},
		{"sin()", []string{"x"}, "expected an expression at 5", CodeExpectedExpr},
		{"x * / y", []string{"x", "y"}, "expected an expression at 5", CodeExpectedExpr},
		{"(x+1", []string{"x"}, "expected ')' at 5", CodeExpected},
		{"((x+1)*(x-1)", []string{"x"}, "expected ')' at 13", CodeExpected},
		{"x − (y", []string{"x", "y"}, "expected ')' at 7", CodeExpected},
		{"z", []string{"x"}, "unknown name 'z' at 1; allowed: x", CodeUnknownName},
		{"x y z", []string{"x", "y"}, "unknown name 'z' at 5; allowed: x, y", CodeUnknownName},
		{"x", nil, "unknown name 'x' at 1; this expression takes no variables", CodeUnknownName},
		{"xy", []string{"x", "y"}, "unknown name 'xy' at 1; write x*y for a product", CodeUnknownName},
		{"2pix", []string{"x"}, "unknown name 'pix' at 2; write pi*x for a product", CodeUnknownName},
		{"2ex", []string{"x"}, "unknown name 'ex' at 2; write e*x for a product", CodeUnknownName},
		{"x2", []string{"x"}, "unknown name 'x2' at 1; allowed: x", CodeUnknownName},
		{"2 3", []string{"x"}, "unexpected '3' at 3; write * for a product", CodeUnexpected},
		{"x 2", []string{"x"}, "unexpected '2' at 3; write * for a product", CodeUnexpected},
		{"x # 2", []string{"x"}, "unexpected '#' at 3", CodeUnexpected},
		{"|x|", []string{"x"}, "unexpected '|' at 1; write abs(x) for |x|", CodeUnexpected},
		{"x,", []string{"x"}, "unexpected ',' at 2", CodeUnexpected},
		{"2x ≤ 1", []string{"x"}, "unexpected '≤' at 4", CodeUnexpected},
		{".", []string{"x"}, "unexpected '.' at 1", CodeUnexpected},
		{"min(x)", []string{"x"}, "min takes 2 arguments at 6", CodeArity},
		{"max(x, 1, 2)", []string{"x"}, "max takes 2 arguments at 9", CodeArity},
		{"sin(x, 1)", []string{"x"}, "sin takes 1 argument at 6", CodeArity},
		{"min(x", []string{"x"}, "expected ',' at 6; min takes 2 arguments", CodeExpected},
		{"1e400", []string{"x"}, "number '1e400' out of range at 1", CodeNumber},
		{"x + 1e-400", []string{"x"}, "number '1e-400' out of range at 5", CodeNumber},
		{strings.Repeat("x+", 100) + "1", []string{"x"}, "input longer than 200 characters", CodeTooLong},
		{deep, []string{"x"}, "nesting deeper than 64", CodeTooDeep},
		{strings.Repeat("-", 65) + "x", []string{"x"}, "nesting deeper than 64", CodeTooDeep},
		{strings.Repeat("x^", 65) + "x", []string{"x"}, "nesting deeper than 64", CodeTooDeep},
		{strings.Repeat("x^(", 33) + "x" + strings.Repeat(")", 33), []string{"x"}, "nesting deeper than 64", CodeTooDeep},
	} {
		_, err := Parse(tc.in, tc.vars...)
		var pe *Error
		if !errors.As(err, &pe) {
			t.Errorf("%d: Parse(%q) = %v, want *Error %q", i, tc.in, err, tc.want)
			continue
		}
		if pe.Error() != tc.want || pe.Code != tc.code {
			t.Errorf("%d: Parse(%q) error = %q (%s), want %q (%s)", i, tc.in, pe.Error(), pe.Code, tc.want, tc.code)
		}
	}
}

// TestParseLimits checks that inputs just inside the limits parse.
func TestParseLimits(t *testing.T) {
	for i, in := range []string{
		strings.Repeat("x+", 99) + "12",
		strings.Repeat("(", 64) + "x" + strings.Repeat(")", 64),
		strings.Repeat("-", 64) + "x",
		strings.Repeat("x^", 64) + "x",
		strings.Repeat("x−", 99) + "x", // − is one character of three bytes
	} {
		if _, err := Parse(in, "x"); err != nil {
			t.Errorf("%d: Parse(%.20q...) = %v, want no error", i, in, err)
		}
	}
}

func TestParseErrorToken(t *testing.T) {
	_, err := Parse("x + sinn(x)", "x")
	var pe *Error
	if !errors.As(err, &pe) || pe.Pos != 5 || pe.Token != "sinn" || pe.Msg != "unknown function 'sinn'" {
		t.Errorf("Parse(%q) = %#v, want Pos 5, Token sinn", "x + sinn(x)", err)
	}
}

func TestParsePanics(t *testing.T) {
	for i, vars := range [][]string{{"2x"}, {"sin"}, {"e"}, {"x", "x"}, {""}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%d: Parse with vars %q did not panic", i, vars)
				}
			}()
			Parse("1", vars...)
		}()
	}
}
