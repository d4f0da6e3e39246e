package prob

import (
	"errors"
	"math"
)

// Errors of Integrate and Expect.
var (
	ErrDiverge   = errors.New("the sum or integral diverges")
	ErrUndefined = errors.New("the integrand is undefined")
)

// Double-exponential quadrature (Takahasi and Mori, 1974): the integrand
// is moved onto the whole t axis by a change of variables whose Jacobian
// decays doubly exponentially, and the trapezoidal rule there converges
// exponentially, even for integrable singularities at the ends and for
// slowly decaying tails. gonum's quad.Fixed maps infinite ranges too, but
// its Gauss–Legendre rule loses digits at an endpoint singularity (a beta
// density with α < 1), which these maps absorb.
//
//   - [a, b]: tanh-sinh, x = c + r·tanh(π/2·sinh t);
//   - [a, ∞): exp-sinh, x = a + s·exp(π/2·sinh t) (and mirrored for
//     (−∞, b]), with s the integrand's scale.
const (
	deH0       = 0.5   // the first step in t
	deTMax     = 6.5   // |t| ≤ 6.5: exp(π/2·sinh 6.5) ≈ 1e226 stays finite
	deMinLevel = 3     // halvings always made
	deMaxLevel = 8     // h = 1/512 at most
	deTol      = 1e-11 // relative change between levels that counts as converged
	// deTail is the share of the integral the outermost nodes may carry;
	// more means the integrand does not decay: the integral diverges.
	deTail = 1e-6
)

// node maps t to an abscissa and its weight dx/dt; ok is false when the
// node falls on an end of the range (its weight has underflowed).
type node func(t float64) (x, w float64, ok bool)

// tanhSinh is the node map of [a, b]. The distance to the nearer end is
// computed directly, so that nodes crowd onto 0 without rounding to it.
func tanhSinh(a, b float64) node {
	c, r := a/2+b/2, b/2-a/2
	return func(t float64) (float64, float64, bool) {
		u := math.Pi / 2 * math.Sinh(t)
		e := math.Exp(2 * math.Abs(u))
		ch := math.Cosh(u)
		w := r * math.Pi / 2 * math.Cosh(t) / (ch * ch)
		delta := r * 2 / (e + 1) // r·(1 − tanh|u|)
		x := c
		switch {
		case t > 0:
			x = b - delta
		case t < 0:
			x = a + delta
		}
		return x, w, w > 0 && x > a && x < b
	}
}

// expSinh is the node map of [a, ∞) (dir = 1) or (−∞, a] (dir = −1) with
// scale s.
func expSinh(a, s, dir float64) node {
	return func(t float64) (float64, float64, bool) {
		e := math.Exp(math.Pi / 2 * math.Sinh(t))
		d := s * e
		x := a + dir*d
		w := d * math.Pi / 2 * math.Cosh(t)
		return x, w, w > 0 && x != a && !math.IsInf(x, 0)
	}
}

// deSum runs the trapezoidal rule over the nodes, halving the step until
// two levels agree.
func deSum(f func(float64) float64, nd node) (float64, error) {
	var sum, abs float64
	var bad error
	add := func(t float64) float64 {
		x, w, ok := nd(t)
		if !ok {
			return 0
		}
		v := w * f(x)
		switch {
		case math.IsNaN(v):
			bad = ErrUndefined
		case math.IsInf(v, 0) && bad == nil:
			bad = ErrDiverge
		}
		sum += v
		abs += math.Abs(v)
		return v
	}
	h := deH0
	kmax := int(deTMax / h)
	var edge float64 // the largest term of the outermost unit of t
	for k := -kmax; k <= kmax; k++ {
		t := float64(k) * h
		v := add(t)
		if math.Abs(t) >= deTMax-1 {
			edge = math.Max(edge, math.Abs(v))
		}
	}
	if bad != nil {
		return h * sum, bad
	}
	prev := h * sum
	cur := prev
	for level := 1; level <= deMaxLevel; level++ {
		h /= 2
		kmax *= 2
		for k := -kmax + 1; k < kmax; k += 2 {
			add(float64(k) * h)
		}
		cur = h * sum
		if bad != nil {
			return cur, bad
		}
		if level >= deMinLevel && math.Abs(cur-prev) <= deTol*math.Max(math.Abs(cur), h*abs*1e-3) {
			break
		}
		prev = cur
	}
	// The outermost terms of the first level stand for the integrand beyond
	// |t| = 6.5: if they still matter, it does not decay fast enough for
	// the sum to converge.
	if deH0*edge > deTail*math.Max(h*abs, math.SmallestNonzeroFloat64) {
		return cur, ErrDiverge
	}
	return cur, nil
}

// Integrate returns ∫ f(x) dx over [a, b], where a ≤ b and either end may
// be infinite (an infinite range is split at 0). The integrand may have
// integrable singularities at the ends. It returns ErrDiverge when the
// integral does not converge (or overflows) and ErrUndefined when f is
// NaN at a node.
func Integrate(f func(float64) float64, a, b float64) (float64, error) {
	return integrateScaled(f, a, b, 1)
}

// integrateScaled is Integrate with the scale s of the infinite pieces' maps.
func integrateScaled(f func(float64) float64, a, b, s float64) (float64, error) {
	switch {
	case math.IsNaN(a) || math.IsNaN(b) || a > b:
		return math.NaN(), ErrUndefined
	case a == b:
		return 0, nil
	case math.IsInf(a, -1) && math.IsInf(b, 1):
		l, err1 := deSum(f, expSinh(0, s, -1))
		r, err2 := deSum(f, expSinh(0, s, 1))
		return l + r, errors.Join(err1, err2)
	case math.IsInf(a, -1):
		return deSum(f, expSinh(b, s, -1))
	case math.IsInf(b, 1):
		return deSum(f, expSinh(a, s, 1))
	}
	return deSum(f, tanhSinh(a, b))
}
