package fit

import (
	"math"
	"slices"
)

// KL returns the Kullback–Leibler divergence
//
//	KL(p ‖ q) = E_p[log p(X) − log q(X)],
//
// the information lost when q stands in for p (in nats). It is +Inf when
// p puts mass where q has none, and NaN when one is discrete and the other
// continuous (their densities are with respect to different measures) or
// a parameter is invalid. A discrete p is summed over its support
// (scipy.stats.entropy(pk, qk)); a continuous one is integrated in the
// quantile u = F_p(x), KL = ∫₀¹ log p(Q(u)) − log q(Q(u)) du, by tanh-sinh
// quadrature, which the logarithmic singularities at u = 0 and 1 do not
// upset (see klContinuous).
func KL(p, q Dist) float64 {
	if !p.Valid() || !q.Valid() || p.Family.Discrete() != q.Family.Discrete() {
		return math.NaN()
	}
	plo, phi := p.Support()
	qlo, qhi := q.Support()
	if plo < qlo || phi > qhi {
		return math.Inf(1)
	}
	if p.Family.Discrete() {
		return klDiscrete(p, q)
	}
	return math.Max(0, klContinuous(p, q))
}

// klContinuous integrates log p(Q(u)) − log q(Q(u)) over u in (0, 1),
// piece by piece between the kinks of the integrand (the peak of a
// Laplace density). The upper half of a beta p is integrated reflected,
// as 1 − X ~ Beta(β, α): near x = 1, float64 keeps too few digits of
// 1 − x, and with β < 1 the mass there is large enough to matter.
func klContinuous(p, q Dist) float64 {
	cuts := []float64{0, 1}
	for _, d := range []Dist{p, q} {
		if d.Family == Laplace {
			if u := p.CDF(d.P[0]); u > 0 && u < 1 {
				cuts = append(cuts, u)
			}
		}
	}
	if p.Family == Beta {
		cuts = append(cuts, 0.5)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	g := func(u float64) float64 {
		x := p.Quantile(u)
		return p.LogProb(x) - q.LogProb(x)
	}
	var sum float64
	for i := range len(cuts) - 1 {
		a, b := cuts[i], cuts[i+1]
		if p.Family != Beta || a < 0.5 {
			sum += tanhSinh(g, a, b)
			continue
		}
		pr := NewDist(Beta, p.P[1], p.P[0])
		lq := func(y float64) float64 { return q.LogProb(1 - y) }
		if q.Family == Beta {
			qr := NewDist(Beta, q.P[1], q.P[0])
			lq = qr.LogProb
		}
		sum += tanhSinh(func(u float64) float64 {
			y := pr.Quantile(u)
			return pr.LogProb(y) - lq(y)
		}, 1-b, 1-a)
	}
	return sum
}

// klDiscrete sums p(k)·(log p(k) − log q(k)) over k = 0, 1 (Bernoulli)
// or k = 0, 1, … (Poisson) until p(k) falls below 1e-20 past the mean,
// where the Poisson tail decreases faster than geometrically.
func klDiscrete(p, q Dist) float64 {
	var s float64
	for k := 0.0; ; k++ {
		lp := p.LogProb(k)
		pk := math.Exp(lp)
		if pk > 0 {
			s += pk * (lp - q.LogProb(k))
		}
		if p.Family == Bernoulli && k == 1 || k > p.Mean() && pk < 1e-20 {
			break
		}
	}
	return math.Max(0, s)
}

// tanhSinh integrates g over (a, b) by the tanh-sinh rule
// u = a + (b − a)·(1 + tanh(π/2·sinh t))/2, halving the step h from 1/2
// until two estimates agree to 1e-13 (at most h = 1/128). Nodes within
// 1e-15 of an end (relative to b − a) are left out: g grows at most
// logarithmically there, so they would add less than 1e-13.
func tanhSinh(g func(float64) float64, a, b float64) float64 {
	const tmax = 4.0 // beyond, u is within 1e-15 of 0 or 1 anyway
	eval := func(t float64) float64 {
		e := math.Exp(math.Pi * math.Sinh(t))
		u, v := e/(1+e), 1/(1+e) // u and 1 − u, each to full precision
		if math.IsInf(e, 1) {
			u, v = 1, 0
		}
		if u < 1e-15 || v < 1e-15 {
			return 0
		}
		w := (b - a) * math.Pi * math.Cosh(t) * u * v // du/dt
		y := g(a + (b-a)*u)
		if math.IsNaN(y) || math.IsInf(y, 0) {
			return 0
		}
		return w * y
	}
	h := 0.5
	sum := eval(0)
	for k := 1; float64(k)*h <= tmax; k++ {
		sum += eval(float64(k)*h) + eval(-float64(k)*h)
	}
	prev := h * sum
	for level := 0; level < 6; level++ {
		h /= 2
		// The new nodes are the odd multiples of the new h.
		for k := 1; float64(k)*h <= tmax; k += 2 {
			sum += eval(float64(k)*h) + eval(-float64(k)*h)
		}
		cur := h * sum
		if math.Abs(cur-prev) <= 1e-13*math.Max(1, math.Abs(cur)) {
			return cur
		}
		prev = cur
	}
	return prev
}
