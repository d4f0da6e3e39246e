package expr

import "strings"

// MathML returns e as an inline MathML <math> element: numbers in <mn>,
// variables and constants in <mi>, function names upright, powers as
// <msup>, quotients as <mfrac>, square roots as <msqrt>, absolute values
// between bars, ln for the natural logarithm and σ for the sigmoid.
// Products are juxtaposed (with an invisible times) except before a factor
// that starts with a digit, which gets a '·'.
func (e *Expr) MathML() string {
	var b strings.Builder
	b.WriteString(`<math display="inline">`)
	writeML(&b, e.root)
	b.WriteString(`</math>`)
	return b.String()
}

const (
	mlInvisibleTimes = "<mo>&#x2062;</mo>"
	mlApply          = "<mo>&#x2061;</mo>"
	mlDot            = "<mo>·</mo>"
	mlMinus          = "<mo>−</mo>"
)

func writeMLParen(b *strings.Builder, n *node) {
	b.WriteString("<mrow><mo>(</mo>")
	writeML(b, n)
	b.WriteString("<mo>)</mo></mrow>")
}

// writeMLWrapped writes n, in parentheses when its precedence is below p.
func writeMLWrapped(b *strings.Builder, n *node, p int) {
	if prec(n) < p {
		writeMLParen(b, n)
		return
	}
	writeML(b, n)
}

func writeMLNum(b *strings.Builder, v num) {
	if v.sign() < 0 {
		b.WriteString(mlMinus)
		v = v.abs()
	}
	if v.fraction() {
		b.WriteString("<mfrac><mn>" + num{p: v.p, q: 1}.text() + "</mn><mn>" + num{p: v.q, q: 1}.text() + "</mn></mfrac>")
		return
	}
	t := v.text()
	if m, e, ok := strings.Cut(t, "e"); ok {
		// Go's 1e+300: shown as 1 × 10^300.
		b.WriteString("<mrow><mn>" + m + "</mn><mo>×</mo><msup><mn>10</mn><mn>" + strings.TrimPrefix(e, "+") + "</mn></msup></mrow>")
		return
	}
	b.WriteString("<mn>" + t + "</mn>")
}

func writeML(b *strings.Builder, n *node) {
	switch n.kind {
	case kNum:
		if n.num.sign() < 0 {
			b.WriteString("<mrow>")
			writeMLNum(b, n.num)
			b.WriteString("</mrow>")
			return
		}
		writeMLNum(b, n.num)
	case kVar:
		b.WriteString("<mi>" + n.name + "</mi>")
	case kConst:
		if n.fn == cPi {
			b.WriteString("<mi>π</mi>")
		} else {
			b.WriteString("<mi>e</mi>")
		}
	case kCall:
		writeMLCall(b, n)
	case kPow:
		if n.isDen() {
			writeMLProduct(b, n)
			return
		}
		b.WriteString("<msup>")
		writeMLWrapped(b, n.args[0], pAtom)
		b.WriteString("<mrow>")
		writeML(b, n.args[1])
		b.WriteString("</mrow></msup>")
	case kMul:
		writeMLProduct(b, n)
	case kAdd:
		b.WriteString("<mrow>")
		for i, t := range n.args {
			switch {
			case i == 0:
				writeML(b, t)
			case t.isNeg():
				b.WriteString(mlMinus)
				writeMLWrapped(b, neg(t), pMul)
			default:
				b.WriteString("<mo>+</mo>")
				writeML(b, t)
			}
		}
		b.WriteString("</mrow>")
	}
}

func writeMLCall(b *strings.Builder, n *node) {
	switch n.fn {
	case fnSqrt:
		b.WriteString("<msqrt>")
		writeML(b, n.args[0])
		b.WriteString("</msqrt>")
		return
	case fnAbs:
		b.WriteString(`<mrow><mo fence="true">|</mo>`)
		writeML(b, n.args[0])
		b.WriteString(`<mo fence="true">|</mo></mrow>`)
		return
	}
	name := fnInfo[n.fn].mathml
	b.WriteString("<mrow>")
	if len([]rune(name)) == 1 {
		b.WriteString("<mi>" + name + "</mi>")
	} else {
		b.WriteString(`<mi mathvariant="normal">` + name + "</mi>")
	}
	b.WriteString(mlApply + "<mrow><mo>(</mo>")
	for i, a := range n.args {
		if i > 0 {
			b.WriteString("<mo>,</mo>")
		}
		writeML(b, a)
	}
	b.WriteString("<mo>)</mo></mrow></mrow>")
}

// startsWithDigit reports whether n's rendering begins with a number, so
// that a product needs a visible dot before it.
func startsWithDigit(n *node) bool {
	switch n.kind {
	case kNum:
		return true
	case kPow:
		return !n.isDen() && n.args[0].kind == kNum && prec(n.args[0]) == pAtom
	}
	return false
}

// writeMLRow writes a product of a coefficient c (left out when nil) and
// factors; sums are parenthesized only when there is more than one item.
func writeMLRow(b *strings.Builder, c *num, fs []*node) {
	items := len(fs)
	if c != nil {
		items++
	}
	if items > 1 {
		b.WriteString("<mrow>")
	}
	if c != nil {
		writeMLNum(b, *c)
	}
	for i, f := range fs {
		if i > 0 || c != nil {
			if startsWithDigit(f) {
				b.WriteString(mlDot)
			} else {
				b.WriteString(mlInvisibleTimes)
			}
		}
		if items > 1 {
			writeMLWrapped(b, f, pPow)
		} else {
			writeML(b, f)
		}
	}
	if items > 1 {
		b.WriteString("</mrow>")
	}
}

func writeMLProduct(b *strings.Builder, n *node) {
	p := split(n)
	if p.neg {
		b.WriteString("<mrow>" + mlMinus)
	}
	if len(p.den) == 0 && p.cDen == nil {
		writeMLRow(b, p.cNum, p.num)
	} else {
		b.WriteString("<mfrac>")
		writeMLRow(b, p.cNum, p.num)
		writeMLRow(b, p.cDen, p.den)
		b.WriteString("</mfrac>")
	}
	if p.neg {
		b.WriteString("</mrow>")
	}
}
