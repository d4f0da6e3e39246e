package expr

import "math"

// apply1 evaluates a one-argument function. The definitions at kinks and
// jumps: abs'(0) = sign(0) = 0, relu'(0) = step(0) = 0.
func apply1(f fn, a float64) float64 {
	switch f {
	case fnSin:
		return math.Sin(a)
	case fnCos:
		return math.Cos(a)
	case fnTan:
		return math.Tan(a)
	case fnExp:
		return math.Exp(a)
	case fnLog:
		return math.Log(a)
	case fnSqrt:
		return math.Sqrt(a)
	case fnAbs:
		return math.Abs(a)
	case fnTanh:
		return math.Tanh(a)
	case fnSinh:
		return math.Sinh(a)
	case fnCosh:
		return math.Cosh(a)
	case fnSigmoid:
		return sigmoid(a)
	case fnRelu:
		if a > 0 || a != a {
			return a
		}
		return 0
	case fnSoftplus:
		return softplus(a)
	case fnSign:
		return sign(a)
	case fnStep:
		return step(a)
	}
	panic("expr: not a one-argument function")
}

// apply2 evaluates min or max; NaN in either argument gives NaN.
func apply2(f fn, a, b float64) float64 {
	if f == fnMin {
		return math.Min(a, b)
	}
	return math.Max(a, b)
}

// powf is b^x as compiled code computes it (up to rounding): with
// math.Pow, but x^0.5 is sqrt(x), so that (−Inf)^0.5 is NaN.
func powf(b, x float64) float64 {
	if x == 0.5 {
		return math.Sqrt(b)
	}
	return math.Pow(b, x)
}

// sigmoid is 1/(1 + e^−a), computed without overflow for either sign.
func sigmoid(a float64) float64 {
	if a >= 0 {
		return 1 / (1 + math.Exp(-a))
	}
	z := math.Exp(a)
	return z / (1 + z)
}

// softplus is ln(1 + e^a) = max(a, 0) + ln(1 + e^−|a|), which neither
// overflows nor loses the small values for very negative a.
func softplus(a float64) float64 {
	return math.Max(a, 0) + math.Log1p(math.Exp(-math.Abs(a)))
}

func sign(a float64) float64 {
	switch {
	case a > 0:
		return 1
	case a < 0:
		return -1
	case a == 0:
		return 0
	}
	return a // NaN
}

func step(a float64) float64 {
	switch {
	case a > 0:
		return 1
	case a <= 0:
		return 0
	}
	return a // NaN
}

// Kind classifies what Check finds at a point, from least to most severe.
type Kind uint8

const (
	None              Kind = iota // the expression is defined and differentiable here
	NotDifferentiable             // defined, but without a derivative here (a kink, a jump, a vertical tangent)
	Overflow                      // a value is too large for a float64
	Undefined                     // outside the domain: ln of ≤ 0, sqrt of < 0, division by 0, ...
)

// String returns a stable key for the kind: "none", "not-differentiable",
// "overflow" or "undefined".
func (k Kind) String() string {
	switch k {
	case NotDifferentiable:
		return "not-differentiable"
	case Overflow:
		return "overflow"
	case Undefined:
		return "undefined"
	}
	return "none"
}

// Issue is what Check finds: the kind, the function or operator where it
// happens ("ln", "sqrt", "/", "^", "abs", "relu", "min", ...), and an
// English sentence.
type Issue struct {
	Kind Kind
	Func string
	Msg  string
}

func (i Issue) String() string { return i.Msg }

// Check evaluates e at vals (in the order of e.Vars) and reports the most
// severe issue there, the first one met in evaluation order among equals:
//   - Undefined: ln of a number ≤ 0, sqrt of a negative number, division
//     by 0 (including 0 to a negative power), a negative number to a
//     fractional power, or a NaN from finite values.
//   - Overflow: a value that becomes ±Inf from finite values (exp(1000)).
//   - NotDifferentiable: abs, relu, min and max at their kinks (argument 0,
//     or equal arguments) unless the argument's gradient is 0 there (so
//     abs(x^2) at 0 is fine); step and sign at 0; and sqrt or a power
//     0 < c < 1 at 0 (a vertical tangent; reported even where an inner
//     flat function smooths it, as in sqrt(x^4), since the derivative
//     formula is 0/0 there). Also, where nothing above is found but a
//     partial derivative from Diff is NaN (Func is then ""): a power with
//     a variable exponent and a base ≤ 0, such as (−2)^y at y = 2 (not
//     differentiable: undefined nearby) or 0^(x^2 + 1) (in fact flat, but
//     the power rule's ln(0) is undefined).
//   - Overflow is also reported, with Func "", for a partial derivative
//     that overflows where the value does not.
//
// Only arguments that depend on a variable count as kinks. So where Check
// finds None, the value and all partial derivatives are finite numbers.
// It panics if len(vals) != len(e.Vars()).
func (e *Expr) Check(vals ...float64) Issue {
	if len(vals) != len(e.vars) {
		panic("expr: Check needs one value per variable")
	}
	c := checker{vars: e.vars, vals: vals}
	c.eval(e.root)
	if c.issue.Kind != None {
		return c.issue
	}
	for _, d := range e.gradient() {
		switch v := eval(d, e.vars, vals); {
		case math.IsNaN(v):
			return Issue{Kind: NotDifferentiable, Msg: "the derivative is undefined here"}
		case math.IsInf(v, 0):
			return Issue{Kind: Overflow, Msg: "the derivative is too large (overflow)"}
		}
	}
	return Issue{}
}

// checker evaluates a tree, and unless quiet, reports issues on the way.
type checker struct {
	vars  []string
	vals  []float64
	quiet bool
	issue Issue
}

func (c *checker) report(k Kind, f, msg string) {
	if !c.quiet && k > c.issue.Kind {
		c.issue = Issue{Kind: k, Func: f, Msg: msg}
	}
}

func finite(v float64) bool { return !math.IsInf(v, 0) && !math.IsNaN(v) }

// result reports an infinite or NaN value v computed by f from finite
// arguments.
func (c *checker) result(v float64, f string, argsFinite bool) float64 {
	switch {
	case !argsFinite || finite(v):
	case math.IsNaN(v):
		c.report(Undefined, f, "the value is undefined (at "+f+")")
	default:
		c.report(Overflow, f, "the value is too large (overflow at "+f+")")
	}
	return v
}

func (c *checker) eval(n *node) float64 {
	switch n.kind {
	case kNum:
		return n.num.f
	case kConst:
		if n.fn == cPi {
			return math.Pi
		}
		return math.E
	case kVar:
		for i, v := range c.vars {
			if v == n.name {
				return c.vals[i]
			}
		}
		panic("expr: variable " + n.name + " not in the expression's list")
	case kAdd:
		s, ok := 0.0, true
		for _, t := range n.args {
			v := c.eval(t)
			ok = ok && finite(v)
			s += v
		}
		return c.result(s, "+", ok)
	case kMul:
		p, ok := 1.0, true
		for _, f := range n.args {
			v := c.eval(f)
			ok = ok && finite(v)
			p *= v
		}
		return c.result(p, "*", ok)
	case kPow:
		return c.pow(n)
	}
	return c.call(n)
}

func (c *checker) pow(n *node) float64 {
	b, x := c.eval(n.args[0]), c.eval(n.args[1])
	ok := finite(b) && finite(x)
	switch {
	case !ok:
	case b == 0 && x < 0:
		c.report(Undefined, "/", "division by 0 is undefined")
	case b < 0 && x != math.Trunc(x):
		c.report(Undefined, "^", "a negative number to a fractional power is undefined")
	case b == 0 && 0 < x && x < 1 && n.args[1].kind == kNum && hasVar(n.args[0]):
		c.report(NotDifferentiable, "^", "a fractional power is not differentiable at 0")
	}
	return c.result(powf(b, x), "^", ok)
}

func (c *checker) call(n *node) float64 {
	name := fnInfo[n.fn].name
	a := c.eval(n.args[0])
	if n.fn == fnMin || n.fn == fnMax {
		b := c.eval(n.args[1])
		if a == b && !c.quiet && c.gradNonzero(sum(n.args[0], neg(n.args[1]))) {
			c.report(NotDifferentiable, name, name+" is not differentiable where its arguments are equal")
		}
		return c.result(apply2(n.fn, a, b), name, finite(a) && finite(b))
	}
	u := n.args[0]
	switch n.fn {
	case fnLog:
		switch {
		case a < 0:
			c.report(Undefined, name, "ln of a negative number is undefined")
		case a == 0:
			c.report(Undefined, name, "ln of 0 is undefined")
		}
	case fnSqrt:
		switch {
		case a < 0:
			c.report(Undefined, name, "sqrt of a negative number is undefined")
		case a == 0 && hasVar(u):
			c.report(NotDifferentiable, name, "sqrt is not differentiable at 0")
		}
	case fnAbs, fnRelu:
		if a == 0 && !c.quiet && c.gradNonzero(u) {
			c.report(NotDifferentiable, name, name+" is not differentiable at 0")
		}
	case fnStep, fnSign:
		if a == 0 && hasVar(u) {
			c.report(NotDifferentiable, name, name+" jumps at 0, so it is not differentiable there")
		}
	}
	return c.result(apply1(n.fn, a), name, finite(a))
}

// gradNonzero reports whether some partial derivative of u is not 0 (or is
// not a number) at the checker's point.
func (c *checker) gradNonzero(u *node) bool {
	for _, v := range c.vars {
		if eval(simplify(deriv(u, v)), c.vars, c.vals) != 0 {
			return true
		}
	}
	return false
}

// eval evaluates n at vals directly from the tree, without checks.
func eval(n *node, vars []string, vals []float64) float64 {
	c := checker{vars: vars, vals: vals, quiet: true}
	return c.eval(n)
}
