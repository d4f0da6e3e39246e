package fit

import (
	"math"
	"slices"
)

// KS is the result of a one-sample Kolmogorov–Smirnov test.
type KS struct {
	D      float64 // sup |F_n − F|
	P      float64 // P(D_n ≥ D) under the null hypothesis
	At     float64 // the data value where the supremum is reached
	Sign   int     // +1 when F_n is above F there (D⁺), −1 below (D⁻)
	DPlus  float64 // max_i (i/n − F(x_(i)))
	DMinus float64 // max_i (F(x_(i)) − (i−1)/n)
}

// KSTest is the two-sided one-sample Kolmogorov–Smirnov test of data
// against the CDF cdf, as scipy.stats.kstest(data, cdf) computes it (its
// default method 'auto' is 'exact' for the two-sided test): the statistic
// from the sorted data and the p-value from the exact distribution of D_n
// (KolmogorovSF). It returns a zero KS for no data.
func KSTest(data []float64, cdf func(float64) float64) KS {
	n := len(data)
	if n == 0 {
		return KS{P: math.NaN()}
	}
	x := slices.Clone(data)
	slices.Sort(x)
	var r KS
	r.DPlus, r.DMinus = math.Inf(-1), math.Inf(-1)
	atPlus, atMinus := x[0], x[0]
	nf := float64(n)
	for i, xi := range x {
		c := cdf(xi)
		if dp := float64(i+1)/nf - c; dp > r.DPlus {
			r.DPlus, atPlus = dp, xi
		}
		if dm := c - float64(i)/nf; dm > r.DMinus {
			r.DMinus, atMinus = dm, xi
		}
	}
	// scipy keeps D⁻ on a tie.
	if r.DPlus > r.DMinus {
		r.D, r.At, r.Sign = r.DPlus, atPlus, 1
	} else {
		r.D, r.At, r.Sign = r.DMinus, atMinus, -1
	}
	r.P = KolmogorovSF(n, r.D)
	return r
}

// KolmogorovSF returns P(D_n ≥ d), the survival function of the two-sided
// one-sample Kolmogorov–Smirnov statistic D_n = sup |F_n − F| for a sample
// of size n from a continuous F: scipy.stats.kstwo.sf(d, n). It is a port
// of scipy's _kolmogn (scipy/stats/_ksstats.py), which follows Simard and
// L'Ecuyer (2011), "Computing the two-sided Kolmogorov–Smirnov
// distribution", J. Stat. Software 39(11): the exact formulas of Ruben and
// Gambino at the ends, Durbin's matrix (as Marsaglia, Tsang and Wang
// compute it) or Pomeranz's recursion for small n·d², the one-sided exact
// Smirnov probability doubled for large n·d², and the Pelz–Good expansion
// for large n.
func KolmogorovSF(n int, d float64) float64 {
	if n <= 0 || math.IsNaN(d) {
		return math.NaN()
	}
	if d >= 1 {
		return 0
	}
	if d <= 0 {
		return 1
	}
	nf := float64(n)
	t := nf * d
	if t <= 1 { // Ruben–Gambino: 1/2n ≤ d ≤ 1/n
		if t <= 0.5 {
			return 1
		}
		var cdf float64
		if n <= 140 {
			cdf = 1
			for i := 1; i <= n; i++ {
				cdf *= float64(i) / nf * (2*t - 1)
			}
		} else {
			cdf = math.Exp(logFactorialOverPower(nf) + nf*math.Log(2*t-1))
		}
		return clip01(1 - cdf)
	}
	if t >= nf-1 { // Ruben–Gambino
		return clip01(2 * math.Pow(1-d, nf))
	}
	if d >= 0.5 { // exact: the one-sided events cannot both happen
		return clip01(2 * Smirnov(n, d))
	}
	nxx := t * d
	if n <= 140 {
		switch {
		case nxx <= 0.754693:
			return clip01(1 - kolmogorovDMTW(n, d))
		case nxx <= 4:
			return clip01(1 - kolmogorovPomeranz(n, d))
		}
		return clip01(2 * Smirnov(n, d))
	}
	switch {
	case nxx >= 370:
		return 0
	case nxx >= 2.2:
		return clip01(2 * Smirnov(n, d))
	}
	var cdf float64
	switch {
	case nxx >= 18:
		cdf = 1
	case n <= 100000 && nf*math.Pow(d, 1.5) <= 1.4:
		cdf = kolmogorovDMTW(n, d)
	default:
		cdf = kolmogorovPelzGood(n, d)
	}
	return clip01(1 - cdf)
}

func clip01(p float64) float64 { return math.Max(0, math.Min(1, p)) }

// stirling are B_2j/(2j(2j−1)) for j = 8, …, 1 (B the Bernoulli numbers),
// highest power first, as scipy's _STIRLING_COEFFS.
var stirling = [...]float64{
	-2.955065359477124183e-2, 6.4102564102564102564e-3,
	-1.9175269175269175269e-3, 8.4175084175084175084e-4,
	-5.952380952380952381e-4, 7.9365079365079365079e-4,
	-2.7777777777777777778e-3, 8.3333333333333333333e-2,
}

// logFactorialOverPower returns log(n!/nⁿ) by Stirling's series, with
// n·log n removed up front against cancellation.
func logFactorialOverPower(n float64) float64 {
	rn := 1 / n
	x := rn / n
	var poly float64
	for _, c := range stirling {
		poly = poly*x + c
	}
	return math.Log(n)/2 - n + math.Log(2*math.Pi)/2 + rn*poly
}

// Scaling of the matrix and recursion methods, against overflow and
// underflow: 2¹²⁸.
const (
	scaleExp = 128
	scaleUp  = 0x1p128
	scaleDn  = 0x1p-128
)

// kolmogorovDMTW returns P(D_n ≤ d) by Durbin's matrix method as
// Marsaglia, Tsang and Wang (2003) compute it: with d = (k − h)/n, the
// (k, k) entry of n!/nⁿ · Hⁿ for an m×m matrix H, m = 2k − 1.
func kolmogorovDMTW(n int, d float64) float64 {
	if d >= 1 {
		return 1
	}
	nd := float64(n) * d
	if nd <= 0.5 {
		return 0
	}
	k := int(math.Ceil(nd))
	h := float64(k) - nd
	m := 2*k - 1

	// v is H's first column (and its last row reversed): (1 − h^j)/j!,
	// except the last; w[j] = 1/j!.
	v := make([]float64, m)
	w := make([]float64, m)
	fac := 1.0
	for j := 1; j <= m; j++ {
		w[j-1] = fac
		fac /= float64(j)
		v[j-1] = (1 - math.Pow(h, float64(j))) * fac
	}
	tt := math.Pow(math.Max(2*h-1, 0), float64(m)) - 2*math.Pow(h, float64(m))
	v[m-1] = (1 + tt) * fac

	H := make([]float64, m*m)
	for i := 1; i < m; i++ {
		for r := i - 1; r < m; r++ {
			H[r*m+i] = w[r-i+1]
		}
	}
	for r := range m {
		H[r*m] = v[r]
	}
	for c := range m {
		H[(m-1)*m+c] = v[m-1-c]
	}

	P := make([]float64, m*m) // the power so far, from the identity
	for i := range m {
		P[i*m+i] = 1
	}
	tmp := make([]float64, m*m)
	expnt, hExpnt := 0, 0
	for nn := n; nn > 0; nn /= 2 {
		if nn%2 == 1 {
			matMul(tmp, P, H, m)
			P, tmp = tmp, P
			expnt += hExpnt
		}
		matMul(tmp, H, H, m)
		H, tmp = tmp, H
		hExpnt *= 2
		if math.Abs(H[(k-1)*m+k-1]) > scaleUp {
			for i := range H {
				H[i] *= scaleDn
			}
			hExpnt += scaleExp
		}
	}
	p := P[(k-1)*m+k-1]
	for i := 1; i <= n; i++ {
		p = float64(i) * p / float64(n)
		if math.Abs(p) < scaleDn {
			p *= scaleUp
			expnt -= scaleExp
		}
	}
	return clip01(math.Ldexp(p, expnt))
}

// matMul sets dst = a·b for m×m row-major matrices; dst must not alias.
func matMul(dst, a, b []float64, m int) {
	clear(dst)
	for i := range m {
		for l := range m {
			ail := a[i*m+l]
			if ail == 0 {
				continue
			}
			row := b[l*m : l*m+m]
			out := dst[i*m : i*m+m]
			for j, blj := range row {
				out[j] += ail * blj
			}
		}
	}
}

// pomeranzBounds returns the interval of row i of Pomeranz's recursion
// that can be non-zero.
func pomeranzBounds(i, n, ll, ceilf, roundf int) (j1, j2 int) {
	if i == 0 {
		j1, j2 = -ll-ceilf-1, ll+ceilf-1
	} else {
		half, odd := (i+1)/2, (i+1)%2
		if odd == 0 { // i is odd
			if half == n+1 {
				j1, j2 = n-ll-ceilf-1, n+ll+ceilf-1
			} else {
				j1, j2 = half-1-ll-roundf-1, half+ll-1+ceilf-1
			}
		} else {
			j1, j2 = half-1-ll-1, half+ll+roundf-1
		}
	}
	return max(j1+2, 0), min(j2, n)
}

// kolmogorovPomeranz returns P(D_n ≤ d) by Pomeranz's (1974) recursion:
// each row the convolution of the one before with Poisson-like weights.
func kolmogorovPomeranz(n int, d float64) float64 {
	nf := float64(n)
	t := nf * d
	ll := int(math.Floor(t))
	f := t - float64(ll)
	g := math.Min(f, 1-f)
	ceilf, roundf := 0, 0
	if f > 0 {
		ceilf = 1
	}
	if f > 0.5 {
		roundf = 1
	}
	npw := 2 * (ll + 1)
	gp := make([]float64, npw)   // (g/n)^m/m!
	g2p := make([]float64, npw)  // (2g/n)^m/m!
	g12p := make([]float64, npw) // ((1−2g)/n)^m/m!
	gp[0], g2p[0], g12p[0] = 1, 1, 1
	for m := 1; m < npw; m++ {
		gp[m] = gp[m-1] * (g / nf) / float64(m)
		g2p[m] = g2p[m-1] * (2 * g / nf) / float64(m)
		g12p[m] = g12p[m-1] * ((1 - 2*g) / nf) / float64(m)
	}
	V0 := make([]float64, npw)
	V1 := make([]float64, npw)
	V1[0] = 1
	v0s, v1s := 0, 0
	expnt := 0
	conv := make([]float64, 2*npw)
	j1, _ := pomeranzBounds(0, n, ll, ceilf, roundf)
	for i := 1; i < 2*n+2; i++ {
		k1 := j1
		V0, V1 = V1, V0
		v0s, v1s = v1s, v0s
		clear(V1)
		var j2 int
		j1, j2 = pomeranzBounds(i, n, ll, ceilf, roundf)
		pw := g12p
		switch {
		case i == 1 || i == 2*n+1:
			pw = gp
		case i%2 == 1:
			pw = g2p
		}
		ln2 := j2 - k1 + 1
		if ln2 <= 0 {
			continue
		}
		// As numpy's slices, a window past the end of the row is cut short.
		a := V0[k1-v0s : min(k1-v0s+ln2, npw)]
		b := pw[:ln2]
		c := conv[:len(a)+ln2-1]
		clear(c)
		for p, ap := range a {
			if ap == 0 {
				continue
			}
			for q, bq := range b {
				c[p+q] += ap * bq
			}
		}
		start, length := j1-k1, j2-j1+1
		copy(V1[:length], c[start:start+length])
		if mx := slices.Max(V1); mx > 0 && mx < scaleDn {
			for j := range V1 {
				V1[j] *= scaleUp
			}
			expnt -= scaleExp
		}
		v1s = v0s + j1 - k1
	}
	ans := V1[n-v1s]
	for m := 1; m <= n; m++ {
		if math.Abs(ans) > scaleUp {
			ans *= scaleDn
			expnt += scaleExp
		}
		ans *= float64(m)
	}
	return clip01(math.Ldexp(ans, expnt))
}

// kolmogorovPelzGood returns the Pelz–Good (1976) approximation of
// P(D_n ≤ d): the Li-Chien–Korolyuk expansion in powers of 1/√n, each term
// rewritten with Jacobi theta functions for small z = d√n.
func kolmogorovPelzGood(n int, d float64) float64 {
	if d <= 0 {
		return 0
	}
	if d >= 1 {
		return 1
	}
	nf := float64(n)
	z := math.Sqrt(nf) * d
	z2, z3, z4, z6 := z*z, z*z*z, z*z*z*z, math.Pow(z, 6)
	pi2 := math.Pi * math.Pi
	pi4, pi6 := pi2*pi2, pi2*pi2*pi2
	qlog := -pi2 / 8 / z2
	if qlog < -708 {
		return 0
	}
	q := math.Exp(qlog)

	k1a, k1b := -z2, pi2/4
	k2a := 6*z6 + 2*z4
	k2b := (2*z4 - 5*z2) * pi2 / 4
	k2c := pi4 * (1 - 2*z2) / 16
	k3d := pi6 * (5 - 30*z2) / 64
	k3c := pi4 * (-60*z2 + 212*z4) / 16
	k3b := pi2 * (135*z4 - 96*z6) / 4
	k3a := -30*z6 - 90*math.Pow(z, 8)

	var K [4]float64
	maxk := int(math.Ceil(16 * z / math.Pi))
	for k := maxk; k >= 1; k-- {
		m := float64(2*k - 1)
		m2, m4, m6 := m*m, m*m*m*m, math.Pow(m, 6)
		qp := math.Pow(q, float64(8*k))
		c := [4]float64{1, k1a + k1b*m2, k2a + k2b*m2 + k2c*m4, k3a + k3b*m2 + k3c*m4 + k3d*m6}
		for i := range K {
			K[i] = K[i]*qp + c[i]
		}
	}
	sqrt2pi := math.Sqrt(2 * math.Pi)
	div := [4]float64{z, 6 * z4, 72 * math.Pow(z, 7), 6480 * math.Pow(z, 10)}
	for i := range K {
		K[i] *= q * sqrt2pi / div[i]
	}
	q = math.Exp(-pi2 / 2 / z2)
	var k2x, k3x float64
	sqrt3z := math.Sqrt(3) * z
	for k := maxk; k >= 1; k-- {
		kf := float64(k)
		qk := math.Pow(q, kf*kf)
		k2x += kf * kf * qk
		kpi := math.Pi * kf
		k3x += (sqrt3z + kpi) * (sqrt3z - kpi) * kf * kf * qk
	}
	K[2] += k2x * pi2 * sqrt2pi / (-36 * z3)
	K[3] += k3x * pi2 * sqrt2pi / (216 * z6)
	var sum float64
	for i := range K {
		sum += K[i] / math.Pow(nf, float64(i)/2)
	}
	return sum
}

// Smirnov returns P(D_n⁺ ≥ d), the survival function of the one-sided
// Kolmogorov–Smirnov statistic D_n⁺ = sup (F_n − F) (scipy.special.smirnov),
// by the exact Birnbaum–Tingey (1951) sum
//
//	d · Σ_{j=0}^{⌊n(1−d)⌋} C(n, j) (1 − d − j/n)^(n−j) (d + j/n)^(j−1),
//
// whose terms are all positive, summed in logarithms.
func Smirnov(n int, d float64) float64 {
	switch {
	case n <= 0 || math.IsNaN(d):
		return math.NaN()
	case d <= 0:
		return 1
	case d >= 1:
		return 0
	}
	nf := float64(n)
	jmax := int(math.Floor(nf * (1 - d)))
	if float64(jmax) >= nf*(1-d) { // that term is 0^(n−j)
		jmax--
	}
	lgn, _ := math.Lgamma(nf + 1)
	logs := make([]float64, 0, jmax+1)
	top := math.Inf(-1)
	for j := 0; j <= jmax; j++ {
		jf := float64(j)
		lj, _ := math.Lgamma(jf + 1)
		lr, _ := math.Lgamma(nf - jf + 1)
		a := 1 - d - jf/nf
		if a <= 0 {
			break
		}
		l := lgn - lj - lr + (nf-jf)*math.Log(a) + (jf-1)*math.Log(d+jf/nf)
		logs = append(logs, l)
		top = math.Max(top, l)
	}
	if len(logs) == 0 {
		return 0
	}
	var s float64
	for _, l := range logs {
		s += math.Exp(l - top)
	}
	return clip01(d * math.Exp(top) * s)
}
