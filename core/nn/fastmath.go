package nn

import "math"

// exp and tanh are the standard library's pure-Go math.Exp and math.Tanh
// (the algorithms of FreeBSD's e_exp.c and Cephes), with one change: the
// final scaling by 2^k is done by building 2^k from its bits instead of
// calling math.Ldexp, which is valid for the normal range the fast path
// keeps to. Under WebAssembly, which has no assembly for math.Exp, they
// return the same values as math.Exp and math.Tanh, bit for bit, in about
// half the time; tanh of every neuron over the 100×100 grid is most of a
// playground step there. On amd64, where math.Exp is assembly (another
// algorithm), they may differ from it in the last bit or two
// (TestFastMath).

// exp returns e^x.
func exp(x float64) float64 {
	const (
		ln2Hi    = 6.93147180369123816490e-01
		ln2Lo    = 1.90821492927058770002e-10
		log2e    = 1.44269504088896338700e+00
		nearZero = 1.0 / (1 << 28)
		p1       = 1.66666666666666657415e-01
		p2       = -2.77777777770155933842e-03
		p3       = 6.61375632143793436117e-05
		p4       = -1.65339022054652515390e-06
		p5       = 4.13813679705723846039e-08
	)
	// Outside (−708, 709) 2^k would not be a normal number; NaN fails
	// the test too.
	if !(x > -708 && x < 709) {
		return math.Exp(x)
	}
	if -nearZero < x && x < nearZero {
		return 1 + x
	}
	var k int
	if x < 0 {
		k = int(log2e*x - 0.5)
	} else {
		k = int(log2e*x + 0.5)
	}
	hi := x - float64(k)*ln2Hi
	lo := float64(k) * ln2Lo
	r := hi - lo
	t := r * r
	c := r - t*(p1+t*(p2+t*(p3+t*(p4+t*p5))))
	y := 1 - ((lo - (r*c)/(2-c)) - hi)
	return y * math.Float64frombits(uint64(k+1023)<<52)
}

// tanh returns tanh x.
func tanh(x float64) float64 {
	const (
		p0 = -9.64399179425052238628e-1
		p1 = -9.92877231001918586564e1
		p2 = -1.61468768441708447952e3
		q0 = 1.12811678491632931402e2
		q1 = 2.23548839060100448583e3
		q2 = 4.84406305325125486048e3
	)
	z := math.Abs(x)
	switch {
	case z > 44: // ½ ln 2^127, as math.Tanh; 1 − 2/(e^2z + 1) rounds to 1 long before
		return math.Copysign(1, x)
	case z >= 0.625:
		s := exp(2 * z)
		z = 1 - 2/(s+1)
		if x < 0 {
			z = -z
		}
	default:
		if x == 0 {
			return x
		}
		s := x * x
		z = x + x*s*((p0*s+p1)*s+p2)/(((s+q0)*s+q1)*s+q2)
	}
	return z
}
