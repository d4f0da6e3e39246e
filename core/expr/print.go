package expr

import "strings"

// Precedence of printed text: an operand is put in parentheses when its
// text binds looser than its place requires.
const (
	pAdd  = iota + 1 // a + b
	pMul             // a*b, a/b, -a, p/q
	pPow             // a^b
	pAtom            // numbers, names, calls, parenthesized text
)

// String returns e in the syntax Parse reads, with spaces around + and −
// and as few parentheses as its structure needs: Parse(e.String()) is
// Equal to e (when the text is within Parse's MaxLen, which a long
// derivative may exceed).
func (e *Expr) String() string {
	var b strings.Builder
	writeText(&b, e.root)
	return b.String()
}

// prec returns the precedence of n's text.
func prec(n *node) int {
	switch n.kind {
	case kNum:
		if n.num.sign() < 0 || n.num.fraction() {
			return pMul
		}
		return pAtom
	case kVar, kConst, kCall:
		return pAtom
	case kPow:
		if n.isDen() {
			return pMul
		}
		return pPow
	case kMul:
		return pMul
	}
	return pAdd
}

// writeWrapped writes n, in parentheses when its precedence is below p.
func writeWrapped(b *strings.Builder, n *node, p int) {
	if prec(n) < p {
		b.WriteByte('(')
		writeText(b, n)
		b.WriteByte(')')
		return
	}
	writeText(b, n)
}

func writeText(b *strings.Builder, n *node) {
	switch n.kind {
	case kNum:
		if n.num.sign() < 0 {
			b.WriteByte('-')
		}
		b.WriteString(n.num.text())
	case kVar:
		b.WriteString(n.name)
	case kConst:
		b.WriteString(constName[n.fn])
	case kCall:
		b.WriteString(fnInfo[n.fn].name)
		b.WriteByte('(')
		for i, a := range n.args {
			if i > 0 {
				b.WriteString(", ")
			}
			writeText(b, a)
		}
		b.WriteByte(')')
	case kPow:
		if n.isDen() {
			writeProduct(b, n)
			return
		}
		// ^ is right-associative: a power as base needs parentheses, one
		// as exponent does not.
		writeWrapped(b, n.args[0], pAtom)
		b.WriteByte('^')
		writeWrapped(b, n.args[1], pPow)
	case kMul:
		writeProduct(b, n)
	case kAdd:
		for i, t := range n.args {
			switch {
			case i == 0:
				writeText(b, t)
			case t.isNeg():
				b.WriteString(" - ")
				writeWrapped(b, neg(t), pMul) // x - (y - 1)
			default:
				b.WriteString(" + ")
				writeText(b, t)
			}
		}
	}
}

// parts splits a product (or a lone denominator factor) into its sign, its
// coefficient's numerator and denominator (nil when 1), the other factors,
// and the denominator factors with their exponents made positive.
type parts struct {
	neg        bool
	cNum, cDen *num
	num, den   []*node
}

func split(n *node) parts {
	fs := []*node{n}
	if n.kind == kMul {
		fs = n.args
	}
	var p parts
	if fs[0].kind == kNum {
		c := fs[0].num
		fs = fs[1:]
		p.neg = c.sign() < 0
		c = c.abs()
		if c.fraction() {
			cn, cd := intNum(c.p), intNum(c.q)
			p.cNum, p.cDen = &cn, &cd
		} else {
			p.cNum = &c
		}
		if p.cNum.is(1) {
			p.cNum = nil
		}
	}
	for _, f := range fs {
		if f.isDen() {
			e := f.args[1].num.neg()
			if e.is(1) {
				p.den = append(p.den, f.args[0])
			} else {
				p.den = append(p.den, pow(f.args[0], numNode(e)))
			}
		} else {
			p.num = append(p.num, f)
		}
	}
	if p.cNum == nil && len(p.num) == 0 {
		one := intNum(1) // nothing but denominators: the numerator is 1
		p.cNum = &one
	}
	return p
}

// writeProduct writes [-][c*]f1*f2.../[(][q*]d1*d2...[)], where the
// coefficient c is left out when it is 1 and there are other factors.
func writeProduct(b *strings.Builder, n *node) {
	p := split(n)
	if p.neg {
		b.WriteByte('-')
	}
	writeFactors(b, p.cNum, p.num)
	nd := len(p.den)
	if p.cDen != nil {
		nd++
	}
	if nd == 0 {
		return
	}
	b.WriteByte('/')
	if nd > 1 {
		b.WriteByte('(')
	}
	writeFactors(b, p.cDen, p.den)
	if nd > 1 {
		b.WriteByte(')')
	}
}

// writeFactors writes c*f1*f2..., c left out when nil.
func writeFactors(b *strings.Builder, c *num, fs []*node) {
	if c != nil {
		b.WriteString(c.text())
	}
	for i, f := range fs {
		if i > 0 || c != nil {
			b.WriteByte('*')
		}
		writeWrapped(b, f, pPow)
	}
}
