package expr

// Diff returns the derivative of e with respect to v, simplified. A
// variable e does not use (or not in its list at all) gives 0.
//
// Where a function has a kink or a jump the derivative is the one that
// holds on either side, written with step and sign (see the package
// documentation); Check tells whether a point is such a place.
func Diff(e *Expr, v string) *Expr {
	return &Expr{root: simplify(deriv(e.root, v)), vars: e.vars}
}

var (
	two  = intNode(2)
	half = numNode(num{p: 1, q: 2, f: 0.5})
)

// deriv returns the derivative of n with respect to v, unsimplified.
func deriv(n *node, v string) *node {
	if !has(n, v) {
		return zero
	}
	switch n.kind {
	case kVar:
		return one
	case kAdd:
		var ts []*node
		for _, t := range n.args {
			if has(t, v) {
				ts = append(ts, deriv(t, v))
			}
		}
		return sum(ts...)
	case kMul:
		// Product rule: one term per factor that depends on v.
		var ts []*node
		for i, f := range n.args {
			if !has(f, v) {
				continue
			}
			fs := append([]*node(nil), n.args...)
			fs[i] = deriv(f, v)
			ts = append(ts, product(fs...))
		}
		return sum(ts...)
	case kPow:
		return derivPow(n, v)
	}
	return derivCall(n, v)
}

// derivPow: (b^c)' = c·b^(c−1)·b' for c constant, b^x·ln(b)·x' for b
// constant (e^x special-cased to e^x·x'), and b^x·(x'·ln(b) + x·b'/b) in
// general.
func derivPow(n *node, v string) *node {
	b, x := n.args[0], n.args[1]
	switch {
	case !has(x, v):
		return product(x, pow(b, sum(x, negOne)), deriv(b, v))
	case !has(b, v):
		if b.kind == kConst && b.fn == cE {
			return product(n, deriv(x, v))
		}
		return product(n, call(fnLog, b), deriv(x, v))
	}
	return product(n, sum(
		product(deriv(x, v), call(fnLog, b)),
		product(x, deriv(b, v), pow(b, negOne)),
	))
}

// derivCall applies the chain rule: f(u)' = f'(u)·u'.
func derivCall(n *node, v string) *node {
	u := n.args[0]
	var outer *node // f'(u)
	switch n.fn {
	case fnSin:
		outer = call(fnCos, u)
	case fnCos:
		outer = neg(call(fnSin, u))
	case fnTan:
		outer = pow(call(fnCos, u), intNode(-2))
	case fnExp:
		outer = n
	case fnLog:
		outer = pow(u, negOne)
	case fnSqrt:
		outer = product(half, pow(n, negOne))
	case fnAbs:
		outer = call(fnSign, u)
	case fnTanh:
		outer = sum(one, neg(pow(n, two)))
	case fnSinh:
		outer = call(fnCosh, u)
	case fnCosh:
		outer = call(fnSinh, u)
	case fnSigmoid:
		outer = product(n, sum(one, neg(n)))
	case fnRelu:
		outer = call(fnStep, u)
	case fnSoftplus:
		outer = call(fnSigmoid, u)
	case fnSign, fnStep:
		return zero // flat on either side of the jump
	case fnMin, fnMax:
		// max(a, b)' = s·a' + (1 − s)·b' with s = step(a − b), and min
		// with s = step(b − a): at a tie this is b', right wherever min or
		// max is differentiable there (a' = b', as in max(x, x)).
		a, b := n.args[0], n.args[1]
		d := sum(a, neg(b))
		if n.fn == fnMin {
			d = sum(b, neg(a))
		}
		s := call(fnStep, d)
		return sum(product(s, deriv(a, v)), product(sum(one, neg(s)), deriv(b, v)))
	}
	return product(outer, deriv(u, v))
}
