package expr

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// num is a number in an expression. It is exact, the rational p/q in
// lowest terms with q > 0, when q != 0; otherwise it is the float f. f
// always holds the value (correctly rounded when exact), so comparisons and
// evaluation never need p and q. Exact arithmetic keeps 0.1·3 equal to 0.3
// and x^(1/3) differentiating to x^(-2/3); a result whose numerator or
// denominator outgrows maxBits falls back to a float.
type num struct {
	p, q int64
	f    float64
	dec  bool // shown as a decimal where exact: it was typed as one, or computed from one
}

// maxBits bounds the numerator and denominator of an exact num, so that
// products of two of them stay far from overflowing when converted.
const maxBits = 62

// maxFoldPow bounds the integer exponent that folding computes exactly.
const maxFoldPow = 1024

func intNum(n int64) num { return num{p: n, q: 1, f: float64(n)} }

// ratNum makes a num from r: exact when it fits, else a float. ok is false
// when the value is not finite as a float64.
func ratNum(r *big.Rat, dec bool) (num, bool) {
	f, _ := r.Float64()
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return num{}, false
	}
	if r.Num().BitLen() <= maxBits && r.Denom().BitLen() <= maxBits {
		return num{p: r.Num().Int64(), q: r.Denom().Int64(), f: f, dec: dec}, true
	}
	if f == 0 && r.Sign() != 0 {
		return num{}, false // underflow: keep the exact expression unfolded
	}
	return num{f: f, dec: dec}, true
}

func (a num) exact() bool { return a.q != 0 }

func (a num) rat() *big.Rat { return big.NewRat(a.p, a.q) }

func (a num) isInt() bool {
	if a.exact() {
		return a.q == 1
	}
	return a.f == math.Trunc(a.f)
}

func (a num) is(v float64) bool { return a.f == v }

func (a num) sign() int {
	switch {
	case a.f > 0:
		return 1
	case a.f < 0:
		return -1
	}
	return 0
}

// floatOp returns the float result of an operation on at least one inexact
// operand; ok is false when it is not finite.
func floatOp(f float64, dec bool) (num, bool) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return num{}, false
	}
	if f == 0 {
		f = 0 // no negative zero in an expression
	}
	return num{f: f, dec: dec}, true
}

func (a num) neg() num {
	if a.exact() {
		return num{p: -a.p, q: a.q, f: -a.f + 0, dec: a.dec}
	}
	return num{f: -a.f + 0, dec: a.dec}
}

func (a num) abs() num {
	if a.f < 0 {
		return a.neg()
	}
	return a
}

// mulAll returns the product of ns (1 for none); ok is false when it is
// not a finite float64. Intermediate products may be as large as they
// like, so the answer does not depend on the order of ns.
func mulAll(ns []num) (num, bool) {
	exact, dec := true, false
	for _, n := range ns {
		if n.f == 0 {
			return intNum(0), true
		}
		exact = exact && n.exact()
		dec = dec || n.dec
	}
	if exact {
		r := big.NewRat(1, 1)
		for _, n := range ns {
			r.Mul(r, n.rat())
		}
		return ratNum(r, dec)
	}
	p := big.NewFloat(1)
	for _, n := range ns {
		p.Mul(p, big.NewFloat(n.f))
	}
	f, _ := p.Float64()
	return floatOp(f, dec)
}

// addAll returns the sum of ns (0 for none), as mulAll the product.
func addAll(ns []num) (num, bool) {
	exact, dec := true, false
	for _, n := range ns {
		exact = exact && n.exact()
		dec = dec || n.dec
	}
	if exact {
		r := new(big.Rat)
		for _, n := range ns {
			r.Add(r, n.rat())
		}
		return ratNum(r, dec)
	}
	s := new(big.Float)
	for _, n := range ns {
		s.Add(s, big.NewFloat(n.f))
	}
	f, _ := s.Float64()
	return floatOp(f, dec)
}

// inv returns 1/a; ok is false for 0.
func (a num) inv() (num, bool) {
	if a.f == 0 {
		return num{}, false
	}
	if a.exact() {
		return ratNum(new(big.Rat).Inv(a.rat()), a.dec)
	}
	return floatOp(1/a.f, a.dec)
}

// pow returns a^b when it can be folded without losing exactness: b an
// integer of modest size, or a rational b = n/d with a an exact perfect d-th
// power (4^(1/2) = 2, (8/27)^(2/3) = 4/9). ok is false otherwise, and for
// 0 to a negative power.
func (a num) pow(b num) (num, bool) {
	if !b.isInt() {
		return a.root(b)
	}
	if math.Abs(b.f) > maxFoldPow {
		return num{}, false
	}
	k := int64(b.f)
	if a.f == 0 && k < 0 {
		return num{}, false
	}
	if !a.exact() {
		return floatOp(math.Pow(a.f, float64(k)), a.dec)
	}
	// |a|^k has about k·bits(a) bits: refuse early what could not fit.
	bits := max(bitLen(a.p), bitLen(a.q))
	if bits > 1 && int64(bits-1)*abs64(k) > 2*maxBits {
		return num{}, false
	}
	n := new(big.Int).Exp(big.NewInt(a.p), big.NewInt(abs64(k)), nil)
	d := new(big.Int).Exp(big.NewInt(a.q), big.NewInt(abs64(k)), nil)
	r := new(big.Rat).SetFrac(n, d)
	if k < 0 {
		r.Inv(r)
	}
	return ratNum(r, a.dec)
}

// root folds a^(n/d) for exact a >= 0 whose numerator and denominator are
// perfect d-th powers, and small d.
func (a num) root(b num) (num, bool) {
	if !a.exact() || !b.exact() || a.p < 0 || b.q > 16 {
		return num{}, false
	}
	rp, ok1 := intRoot(a.p, b.q)
	rq, ok2 := intRoot(a.q, b.q)
	if !ok1 || !ok2 {
		return num{}, false
	}
	r, ok := ratNum(big.NewRat(rp, rq), a.dec)
	if !ok {
		return num{}, false
	}
	return r.pow(intNum(b.p))
}

// intRoot returns the d-th root of n >= 0 when it is an integer.
func intRoot(n, d int64) (int64, bool) {
	r := int64(math.Round(math.Pow(float64(n), 1/float64(d))))
	for _, c := range []int64{r - 1, r, r + 1} {
		if c < 0 {
			continue
		}
		p := new(big.Int).Exp(big.NewInt(c), big.NewInt(d), nil)
		if p.IsInt64() && p.Int64() == n {
			return c, true
		}
	}
	return 0, false
}

func bitLen(n int64) int { return big.NewInt(n).BitLen() }

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// cmp orders nums by value.
func (a num) cmp(b num) int {
	switch {
	case a.f < b.f:
		return -1
	case a.f > b.f:
		return 1
	}
	return 0
}

// fraction reports whether an exact non-integer a is shown as p/q: it was
// not typed as a decimal, or has no short decimal form.
func (a num) fraction() bool {
	return a.exact() && a.q != 1 && (!a.dec || decimalDigits(a.q) < 0)
}

// maxDecimals bounds the digits after the point of a number shown as a
// decimal; a longer one is shown as a fraction.
const maxDecimals = 12

// decimalDigits returns the number of digits after the point in the decimal
// expansion of 1/q, or -1 when it does not terminate within maxDecimals.
func decimalDigits(q int64) int {
	twos, fives := 0, 0
	for q%2 == 0 {
		q /= 2
		twos++
	}
	for q%5 == 0 {
		q /= 5
		fives++
	}
	if q != 1 || max(twos, fives) > maxDecimals {
		return -1
	}
	return max(twos, fives)
}

// text returns |a| in the parser's syntax: an integer, a decimal, a float in
// Go's shortest form, or "p/q" for a fraction.
func (a num) text() string {
	a = a.abs()
	switch {
	case !a.exact():
		return strconv.FormatFloat(a.f, 'g', -1, 64)
	case a.q == 1:
		return strconv.FormatInt(a.p, 10)
	case a.fraction():
		return strconv.FormatInt(a.p, 10) + "/" + strconv.FormatInt(a.q, 10)
	}
	return a.rat().FloatString(decimalDigits(a.q))
}

// parseNum reads a numeric literal (digits, optional fraction, optional
// exponent, as the lexer delimits it). ok is false when its value is not a
// finite, non-zero-underflowing float64.
func parseNum(lit string) (num, bool) {
	f, err := strconv.ParseFloat(lit, 64)
	mant, exp, hasExp := strings.Cut(strings.ToLower(lit), "e")
	zero := strings.Trim(mant, "0.") == ""
	if err != nil || (f == 0 && !zero) {
		return num{}, false
	}
	dec := hasExp || strings.Contains(mant, ".")
	if zero {
		return num{q: 1, dec: dec}, true
	}
	// Only a modest exponent is worth an exact try (and SetString would
	// happily build 10^(10^9)).
	if e, err := strconv.Atoi(exp); !hasExp || err == nil && e > -60 && e < 60 {
		if r, ok := new(big.Rat).SetString(lit); ok {
			if n, ok := ratNum(r, dec); ok && n.exact() {
				return n, true
			}
		}
	}
	return num{f: f, dec: dec}, true
}
