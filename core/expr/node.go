package expr

// kind is the kind of a node. The order is the order of kinds in
// canonical sorting (see cmpNode).
type kind uint8

const (
	kNum   kind = iota // num
	kConst             // fn is cE or cPi
	kVar               // name
	kCall              // fn(args...)
	kPow               // args[0]^args[1]
	kAdd               // args[0] + args[1] + ...
	kMul               // args[0]·args[1]·...
)

// node is an immutable expression tree; subtrees are shared freely.
//
// Invariants kept by every constructor (so that printing and re-parsing
// give back the same tree):
//   - An Add has at least two terms, none of them an Add.
//   - A Mul has at least two factors, none of them a Mul; its numeric
//     factor, if any, comes first and is not 1 (several numeric factors
//     remain only when their product would overflow); and every
//     denominator factor (see isDen) comes after every other factor.
//   - Subtraction a − b is a + (−1)·b, −a is (−1)·a, and division a/b is
//     a times recip(b), all with the coefficient merged as above.
type node struct {
	kind kind
	fn   fn     // kCall, kConst
	name string // kVar
	num  num    // kNum
	args []*node
}

// fn names a function or a constant.
type fn uint8

const (
	fnSin fn = iota
	fnCos
	fnTan
	fnExp
	fnLog
	fnSqrt
	fnAbs
	fnTanh
	fnSinh
	fnCosh
	fnSigmoid
	fnRelu
	fnSoftplus
	fnSign
	fnStep
	fnMin
	fnMax
	numFns
	cE  // Euler's number (a constant, not a function)
	cPi // π
)

// fnInfo describes a function: the name it is printed with, its MathML
// name and its number of arguments.
var fnInfo = [numFns]struct {
	name, mathml string
	arity        int
}{
	fnSin:      {"sin", "sin", 1},
	fnCos:      {"cos", "cos", 1},
	fnTan:      {"tan", "tan", 1},
	fnExp:      {"exp", "exp", 1},
	fnLog:      {"ln", "ln", 1},
	fnSqrt:     {"sqrt", "", 1},
	fnAbs:      {"abs", "", 1},
	fnTanh:     {"tanh", "tanh", 1},
	fnSinh:     {"sinh", "sinh", 1},
	fnCosh:     {"cosh", "cosh", 1},
	fnSigmoid:  {"sigmoid", "σ", 1},
	fnRelu:     {"relu", "ReLU", 1},
	fnSoftplus: {"softplus", "softplus", 1},
	fnSign:     {"sign", "sgn", 1},
	fnStep:     {"step", "step", 1},
	fnMin:      {"min", "min", 2},
	fnMax:      {"max", "max", 2},
}

// constName is how the constants are printed.
var constName = [...]string{cE: "e", cPi: "pi"}

// names maps every name the parser knows to its function or constant;
// "ln" and "log" are the same function, "π" is pi.
var names = func() map[string]fn {
	m := map[string]fn{"log": fnLog, "e": cE, "pi": cPi, "π": cPi}
	for f := range numFns {
		m[fnInfo[f].name] = f
	}
	return m
}()

func (f fn) isConst() bool { return f == cE || f == cPi }

func numNode(v num) *node { return &node{kind: kNum, num: v} }

func intNode(n int64) *node { return numNode(intNum(n)) }

var (
	zero   = intNode(0)
	one    = intNode(1)
	negOne = intNode(-1)
)

func varNode(name string) *node { return &node{kind: kVar, name: name} }

func constNode(c fn) *node { return &node{kind: kConst, fn: c} }

func call(f fn, args ...*node) *node { return &node{kind: kCall, fn: f, args: args} }

// pow is a^b, unchanged.
func pow(a, b *node) *node { return &node{kind: kPow, args: []*node{a, b}} }

func (n *node) isNum(v float64) bool { return n.kind == kNum && n.num.is(v) }

// isDen reports whether n is a denominator factor, printed after a '/':
// a base to a negative numeric power, except where the text would parse
// back as another tree. Parsing 1/b gives b's reciprocal, which for a
// number is a number (so 0^(-1) is not a denominator either), for a product
// is the product of reciprocals, and for a power with a numeric exponent is
// that power with the exponent negated: so (x*y)^(-1) and (x^2)^(-1) stay
// powers, while (x*y)^(-2) prints as 1/(x*y)^2.
func (n *node) isDen() bool {
	if n.kind != kPow || n.args[1].kind != kNum || n.args[1].num.sign() >= 0 {
		return false
	}
	switch b := n.args[0]; {
	case b.kind == kNum:
		return false
	case b.kind == kMul || b.kind == kPow && b.args[1].kind == kNum:
		return !n.args[1].num.is(-1)
	}
	return true
}

// coef splits n into a numeric coefficient and the rest (nil for a number).
func (n *node) coef() (num, *node) {
	switch {
	case n.kind == kNum:
		return n.num, nil
	case n.kind == kMul && n.args[0].kind == kNum:
		if len(n.args) == 2 {
			return n.args[0].num, n.args[1]
		}
		return n.args[0].num, &node{kind: kMul, args: n.args[1:]}
	}
	return intNum(1), n
}

// isNeg reports whether n is printed with a leading minus sign.
func (n *node) isNeg() bool {
	c, _ := n.coef()
	return c.sign() < 0
}

// add returns a + b, flattening sums.
func add(a, b *node) *node {
	return &node{kind: kAdd, args: flatten1(kAdd, []*node{a, b})}
}

// sum returns the sum of terms (0 for none).
func sum(terms ...*node) *node {
	switch len(terms) {
	case 0:
		return zero
	case 1:
		return terms[0]
	}
	return &node{kind: kAdd, args: flatten1(kAdd, terms)}
}

// neg returns −a: a negated number, a product with its coefficient
// negated, or (−1)·a.
func neg(a *node) *node {
	if a.kind == kNum {
		return numNode(a.num.neg())
	}
	return mul(negOne, a)
}

// mul returns a·b, flattening products and merging numeric factors into
// one leading coefficient.
func mul(a, b *node) *node { return product(a, b) }

// product returns the product of fs (1 for none), kept as the invariants
// of node require. Numeric factors whose product is not a finite float64
// stay as they are, in order.
func product(fs ...*node) *node {
	var nums, rest, dens []*node
	for _, f := range flatten(fs) {
		switch {
		case f.kind == kNum:
			nums = append(nums, f)
		case f.isDen():
			dens = append(dens, f)
		default:
			rest = append(rest, f)
		}
	}
	out := coefficient(nums)
	out = append(append(out, rest...), dens...)
	switch len(out) {
	case 0:
		return one
	case 1:
		return out[0]
	}
	return &node{kind: kMul, args: out}
}

// coefficient returns the numeric factors of a product as they lead it:
// none for 1, their product when it is a finite float64, else all of them.
func coefficient(nums []*node) []*node {
	ns := make([]num, len(nums))
	for i, n := range nums {
		ns[i] = n.num
	}
	c, ok := mulAll(ns)
	switch {
	case !ok:
		return nums
	case c.is(1):
		return nil
	}
	return []*node{numNode(c)}
}

func flatten(fs []*node) []*node { return flatten1(kMul, fs) }

// flatten1 returns ns with the arguments of those of kind k in their place.
func flatten1(k kind, ns []*node) []*node {
	var out []*node
	for _, n := range ns {
		if n.kind == k {
			out = append(out, n.args...)
		} else {
			out = append(out, n)
		}
	}
	return out
}

// recip returns 1/a: a number's reciprocal, a power with its numeric
// exponent negated, a product of reciprocals, or a^(−1).
func recip(a *node) *node {
	switch a.kind {
	case kNum:
		if r, ok := a.num.inv(); ok {
			return numNode(r)
		}
	case kPow:
		if e := a.args[1]; e.kind == kNum {
			if e.num.is(-1) {
				return a.args[0]
			}
			return pow(a.args[0], numNode(e.num.neg()))
		}
	case kMul:
		fs := make([]*node, len(a.args))
		for i, f := range a.args {
			fs[i] = recip(f)
		}
		return product(fs...)
	}
	return pow(a, negOne)
}

// div returns a/b.
func div(a, b *node) *node { return mul(a, recip(b)) }

// equal reports whether a and b are the same tree; numbers compare by value.
func equal(a, b *node) bool {
	if a == b {
		return true
	}
	if a.kind != b.kind || a.fn != b.fn || a.name != b.name || len(a.args) != len(b.args) {
		return false
	}
	if a.kind == kNum && a.num.f != b.num.f {
		return false
	}
	for i := range a.args {
		if !equal(a.args[i], b.args[i]) {
			return false
		}
	}
	return true
}

// cmpNode is the canonical total order: by kind, then numbers by value,
// constants and functions by their order above, variables by name, and
// compound nodes by their arguments in turn.
func cmpNode(a, b *node) int {
	if a.kind != b.kind {
		return int(a.kind) - int(b.kind)
	}
	switch a.kind {
	case kNum:
		return a.num.cmp(b.num)
	case kVar:
		switch {
		case a.name < b.name:
			return -1
		case a.name > b.name:
			return 1
		}
		return 0
	}
	if a.fn != b.fn {
		return int(a.fn) - int(b.fn)
	}
	for i := range min(len(a.args), len(b.args)) {
		if c := cmpNode(a.args[i], b.args[i]); c != 0 {
			return c
		}
	}
	return len(a.args) - len(b.args)
}

// has reports whether n depends on the variable v.
func has(n *node, v string) bool {
	if n.kind == kVar {
		return n.name == v
	}
	for _, a := range n.args {
		if has(a, v) {
			return true
		}
	}
	return false
}

// hasVar reports whether n depends on any variable.
func hasVar(n *node) bool {
	if n.kind == kVar {
		return true
	}
	for _, a := range n.args {
		if hasVar(a) {
			return true
		}
	}
	return false
}
