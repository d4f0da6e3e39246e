package expr

import (
	"cmp"
	"slices"
)

// Simplify returns e simplified (see the package documentation for the
// rules). The result has the same variables as e; simplifying it again
// gives it back unchanged.
func Simplify(e *Expr) *Expr { return &Expr{root: simplify(e.root), vars: e.vars} }

// simplify works bottom-up: the arguments of every node it builds are
// already simplified, so each rule looks only one or two levels down.
func simplify(n *node) *node {
	switch n.kind {
	case kNum, kVar, kConst:
		return n
	}
	args := make([]*node, len(n.args))
	for i, a := range n.args {
		args[i] = simplify(a)
	}
	switch n.kind {
	case kAdd:
		return simpAdd(args)
	case kMul:
		return simpMul(args)
	case kPow:
		return simpPow(args[0], args[1])
	}
	return simpCall(n.fn, args)
}

// simpAdd adds simplified terms: nested sums are flattened, numbers
// folded, like terms (equal but for the coefficient) collected, and the
// terms sorted (see sortTerms).
func simpAdd(terms []*node) *node {
	type group struct {
		rest  *node // nil for the number term
		cs    []num
		terms []*node
	}
	var gs []group
next:
	for _, t := range flatten1(kAdd, terms) {
		c, rest := t.coef()
		for i := range gs {
			if (gs[i].rest == nil) == (rest == nil) && (rest == nil || equal(gs[i].rest, rest)) {
				gs[i].cs = append(gs[i].cs, c)
				gs[i].terms = append(gs[i].terms, t)
				continue next
			}
		}
		gs = append(gs, group{rest, []num{c}, []*node{t}})
	}
	var out []*node
	for _, g := range gs {
		c, ok := addAll(g.cs)
		switch {
		case !ok:
			out = append(out, g.terms...) // the sum would overflow
		case c.is(0):
		case g.rest == nil:
			out = append(out, numNode(c))
		default:
			out = append(out, product(numNode(c), g.rest))
		}
	}
	switch len(out) {
	case 0:
		return zero
	case 1:
		return out[0]
	}
	sortTerms(out)
	return &node{kind: kAdd, args: out}
}

// sortTerms orders the terms of a sum so that polynomials read in
// descending powers: by degree in each variable in turn (variables in
// alphabetical order, highest degree first), then numbers last, then by
// the canonical order of the terms without their coefficients. A sum of two
// terms whose first is negative and second positive is swapped (y − x^2,
// 1 − sigmoid(x)).
func sortTerms(ts []*node) {
	var vars []string
	for _, t := range ts {
		vars = collectVars(vars, t)
	}
	slices.Sort(vars)
	vars = slices.Compact(vars)
	type keyed struct {
		t    *node
		deg  []float64
		rest *node
	}
	ks := make([]keyed, len(ts))
	for i, t := range ts {
		deg := make([]float64, len(vars))
		for j, v := range vars {
			deg[j] = degree(t, v)
		}
		_, rest := t.coef()
		ks[i] = keyed{t, deg, rest}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		for j := range vars {
			if c := cmp.Compare(b.deg[j], a.deg[j]); c != 0 {
				return c
			}
		}
		switch {
		case a.rest == nil && b.rest == nil:
			return 0
		case a.rest == nil:
			return 1
		case b.rest == nil:
			return -1
		}
		return cmpNode(a.rest, b.rest)
	})
	for i, k := range ks {
		ts[i] = k.t
	}
	if len(ts) == 2 && ts[0].isNeg() && !ts[1].isNeg() {
		ts[0], ts[1] = ts[1], ts[0]
	}
}

func collectVars(vs []string, n *node) []string {
	if n.kind == kVar {
		return append(vs, n.name)
	}
	for _, a := range n.args {
		vs = collectVars(vs, a)
	}
	return vs
}

// degree is the degree of n in v, as far as n is a polynomial (or Laurent
// polynomial, or has fractional powers) in v; other subexpressions count 0.
func degree(n *node, v string) float64 {
	switch n.kind {
	case kVar:
		if n.name == v {
			return 1
		}
	case kPow:
		if e := n.args[1]; e.kind == kNum {
			return e.num.f * degree(n.args[0], v)
		}
	case kMul:
		d := 0.0
		for _, f := range n.args {
			d += degree(f, v)
		}
		return d
	case kAdd:
		d := degree(n.args[0], v)
		for _, t := range n.args[1:] {
			d = max(d, degree(t, v))
		}
		return d
	}
	return 0
}

// maxRounds bounds how often simpMul re-merges factors produced by
// combining powers ((x·y)^(1/2)·(x·y)^(1/2) → x·y); one round is the
// common case, and the bound keeps Simplify fast on anything.
const maxRounds = 4

// simpMul multiplies simplified factors: nested products are flattened,
// numbers folded into one coefficient (0 makes the product 0), powers of
// equal bases combined by adding exponents (x·x^2 → x^3, x/x → 1), the
// factors sorted (numerators before denominators, then by the canonical
// order of the bases), and a number times a sum distributed
// (2·(x + 1) → 2·x + 2).
func simpMul(factors []*node) *node {
	type power struct {
		base *node
		exps []*node
	}
	var nums []*node
	fs := flatten(factors)
	for round := 0; round < maxRounds; round++ {
		var ps []power
	next:
		for _, f := range fs {
			if f.kind == kNum {
				nums = append(nums, f)
				continue
			}
			base, exp := f, one
			if f.kind == kPow {
				base, exp = f.args[0], f.args[1]
			}
			for i := range ps {
				if equal(ps[i].base, base) {
					ps[i].exps = append(ps[i].exps, exp)
					continue next
				}
			}
			ps = append(ps, power{base, []*node{exp}})
		}
		fs = fs[:0:0]
		again := false // combining made a number or a product: merge once more
		for _, p := range ps {
			f := simpPow(p.base, p.exps[0])
			if len(p.exps) > 1 {
				f = simpPow(p.base, simpAdd(p.exps))
			}
			again = again || f.kind == kNum || f.kind == kMul
			fs = append(fs, f)
		}
		if !again {
			break
		}
		fs = flatten(fs)
	}
	c := coefficient(nums)
	if len(c) == 1 && c[0].isNum(0) {
		return zero
	}
	if len(fs) == 1 && fs[0].kind == kAdd && len(c) == 1 {
		ts := make([]*node, len(fs[0].args))
		for i, t := range fs[0].args {
			ts[i] = simpMul([]*node{c[0], t})
		}
		return simpAdd(ts)
	}
	slices.SortStableFunc(fs, cmpFactors)
	return product(append(c, fs...)...)
}

// cmpFactors orders the factors of a product: numerators before
// denominators, then by base, then by exponent.
func cmpFactors(a, b *node) int {
	if da, db := a.isDen(), b.isDen(); da != db {
		if da {
			return 1
		}
		return -1
	}
	ba, ea := a, one
	if a.kind == kPow {
		ba, ea = a.args[0], a.args[1]
	}
	bb, eb := b, one
	if b.kind == kPow {
		bb, eb = b.args[0], b.args[1]
	}
	if c := cmpNode(ba, bb); c != 0 {
		return c
	}
	return cmpNode(ea, eb)
}

// simpPow simplifies b^e for simplified b and e: x^0 → 1, x^1 → x, 1^x → 1,
// 0^c → 0 for c > 0, numbers folded where exact (2^3 → 8, 4^(1/2) → 2),
// and, for an integer exponent n, (a^b)^n → a^(b·n) and (a·b)^n → a^n·b^n.
func simpPow(b, e *node) *node {
	switch {
	case e.isNum(0):
		return one
	case e.isNum(1):
		return b
	case b.isNum(1):
		return one
	case b.kind == kNum && e.kind == kNum:
		if b.num.is(0) && e.num.sign() > 0 {
			return zero
		}
		if r, ok := b.num.pow(e.num); ok {
			return numNode(r)
		}
	case b.kind == kPow && e.kind == kNum && e.num.isInt():
		return simpPow(b.args[0], simpMul([]*node{b.args[1], e}))
	case b.kind == kMul && e.kind == kNum && e.num.isInt():
		fs := make([]*node, len(b.args))
		for i, f := range b.args {
			fs[i] = simpPow(f, e)
		}
		return simpMul(fs)
	}
	return pow(b, e)
}

// simpCall folds a function of numbers where the value is exact (sin(0),
// exp(0), ln(1), sqrt(4), abs(-2), min(1, 2), ...) and ln(e), ln(exp(u)),
// ln(e^u) to 1, u, u.
func simpCall(f fn, args []*node) *node {
	a := args[0]
	if a.kind == kNum && (len(args) == 1 || args[1].kind == kNum) {
		if v, ok := foldCall(f, args); ok {
			return numNode(v)
		}
	}
	if f == fnLog {
		switch {
		case a.kind == kConst && a.fn == cE:
			return one
		case a.kind == kCall && a.fn == fnExp:
			return a.args[0]
		case a.kind == kPow && a.args[0].kind == kConst && a.args[0].fn == cE:
			return a.args[1]
		}
	}
	return call(f, args...)
}

func foldCall(f fn, args []*node) (num, bool) {
	v := args[0].num
	switch f {
	case fnSin, fnTan, fnTanh, fnSinh:
		return v, v.is(0)
	case fnCos, fnCosh, fnExp:
		return intNum(1), v.is(0)
	case fnLog:
		return intNum(0), v.is(1)
	case fnSigmoid:
		return num{p: 1, q: 2, f: 0.5}, v.is(0)
	case fnSqrt:
		if v.sign() >= 0 {
			return v.pow(num{p: 1, q: 2, f: 0.5})
		}
	case fnAbs:
		return v.abs(), true
	case fnSign:
		return intNum(int64(v.sign())), true
	case fnStep:
		if v.sign() > 0 {
			return intNum(1), true
		}
		return intNum(0), true
	case fnRelu:
		if v.sign() > 0 {
			return v, true
		}
		return intNum(0), true
	case fnMin:
		if w := args[1].num; w.cmp(v) < 0 {
			return w, true
		}
		return v, true
	case fnMax:
		if w := args[1].num; w.cmp(v) > 0 {
			return w, true
		}
		return v, true
	}
	return num{}, false
}
