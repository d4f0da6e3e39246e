package prob

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/integrate"
)

// Reference values: /tmp/ref_exp.py (scipy 1.10.1), d.expect(f) with
// epsabs=epsrel=1e-13 and the variance as d.expect((f(x)-m)**2), or sums of
// d.pmf over the support, or closed forms where scipy's quadrature fails
// (named in the comment).
func TestExpect(t *testing.T) {
	sq := func(x float64) float64 { return x * x }
	id := func(x float64) float64 { return x }
	for i, tc := range []struct {
		what   string
		family string
		p      Params
		f      func(float64) float64
		m, v   float64
		err    error
		tol    float64
	}{
		// stats.norm(1,2).expect(lambda x: x**2): 5, 48 (2σ⁴ + 4μ²σ²)
		{"normal x²", Normal, Params{Mu: 1, Sigma: 2}, sq, 5, 48, nil, 1e-10},
		// closed forms λ/(λ−1) and λ/(λ−2) − (λ/(λ−1))² (scipy's expect overflows exp)
		{"exponential e^x", Exponential, Params{Lambda: 3}, math.Exp, 1.5, 0.75, nil, 1e-10},
		// 1/np.sqrt(np.pi), 0.5-1/np.pi: a density singular at 0
		{"gamma(½) √x", Gamma, Params{Alpha: 0.5, Beta: 1}, math.Sqrt, 0.5641895835477563, 0.1816901138162093, nil, 1e-10},
		// stats.beta(0.5,0.3).mean(), .var(): singular at both ends
		{"beta(½, 0.3) x", Beta, Params{Alpha: 0.5, Beta: 0.3}, id, 0.625, 0.1302083333333333, nil, 1e-10},
		// sp.digamma(0.5)-sp.digamma(0.8), sp.polygamma(1,0.5)-sp.polygamma(1,0.8)
		{"beta(½, 0.3) ln x", Beta, Params{Alpha: 0.5, Beta: 0.3}, math.Log, -0.9985014593152851, 2.6353280630429796, nil, 1e-9},
		// Fractions: E[X²] = α(α+1)/((α+β)(α+β+1)), Var = E[X⁴] − E[X²]²
		// (scipy's expect gives 0.5087 here: its quadrature misses the
		// singularities at both ends)
		{"beta(0.1, 0.1) x²", Beta, Params{Alpha: 0.1, Beta: 0.1}, sq, 0.4583333333333333, 0.21375868055555555, nil, 1e-8},
		// 1+2*np.exp(-0.5), 9-(1+2*np.exp(-0.5))**2: a kink at 0 and at μ
		{"laplace |x|", Laplace, Params{Mu: 1, Sigma: 2}, math.Abs, 2.213061319425267, 4.102359596463697, nil, 1e-10},
		// sum of k**2 * stats.poisson(3).pmf(k): 12, 165
		{"poisson x²", Poisson, Params{Lambda: 3}, sq, 12, 165, nil, 1e-12},
		// stats.geom(0.3).mean(), .var()
		{"geometric x", Geometric, Params{P: 0.3}, id, 3.3333333333333335, 7.777777777777779, nil, 1e-12},
		// stats.lognorm(0.5, scale=np.e).mean(), .var()
		{"lognormal x", LogNormal, Params{Mu: 1, Sigma: 0.5}, id, 3.080216848918031, 2.694758124344946, nil, 1e-10},
		// stats.uniform(-1,3).expect(np.sin): (cos(−1) − cos 2)/3
		{"uniform sin", Uniform, Params{A: -1, B: 2}, math.Sin, 0.31881638080509406, 0.38564820437052855, nil, 1e-10},
		// sum of k**3 * stats.binom(10,0.3).pmf(k)
		{"binomial x³", Binomial, Params{N: 10, P: 0.3}, func(x float64) float64 { return x * x * x }, 46.74, 3685.1052, nil, 1e-10},
		// np.exp(0.5), np.exp(2)-np.exp(1): f overflows where the density is 0
		{"normal e^x", Normal, Params{Sigma: 1}, math.Exp, 1.6487212707001282, 4.670774270471606, nil, 1e-10},
		// stats.t(3).expect(lambda x: x**2) = 3; E[X⁴] diverges for ν = 3
		{"t(3) x²", StudentT, Params{Sigma: 1, Nu: 3}, sq, 3, math.Inf(1), ErrDiverge, 1e-8},
		// Cauchy: E[X] does not exist
		{"t(1) x", StudentT, Params{Sigma: 1, Nu: 1}, id, math.NaN(), math.NaN(), ErrDiverge, 0},
		// Σ e^k·0.7^(k−1)·0.3 diverges since 0.7e > 1
		{"geometric e^x", Geometric, Params{P: 0.3}, math.Exp, math.Inf(1), math.NaN(), ErrDiverge, 0},
		// ln of a negative number
		{"normal ln x", Normal, Params{Sigma: 1}, math.Log, math.NaN(), math.NaN(), ErrUndefined, 0},
	} {
		d, err := New(tc.family, tc.p, nil)
		if err != nil {
			t.Fatal(err)
		}
		m, v, err := Expect(d, tc.f)
		if !errors.Is(err, tc.err) || (tc.err == nil) != (err == nil) {
			t.Errorf("%d: Expect(%s) error %v, want %v", i, tc.what, err, tc.err)
			continue
		}
		if tc.err != nil && math.IsNaN(tc.m) {
			continue // only the error matters
		}
		if !close(m, tc.m, tc.tol) {
			t.Errorf("%d: Expect(%s) mean = %.16g, want %.16g", i, tc.what, m, tc.m)
		}
		if !close(v, tc.v, tc.tol) && !(math.IsNaN(tc.v) && tc.err != nil) {
			t.Errorf("%d: Expect(%s) variance = %.16g, want %.16g", i, tc.what, v, tc.v)
		}
	}
}

// TestExpectMatchesMoments: E[X] and Var[X] by sum or integral agree with
// the closed forms of every family.
func TestExpectMatchesMoments(t *testing.T) {
	for i, tc := range distCases {
		if math.IsInf(tc.v, 0) || math.IsNaN(tc.v) {
			continue
		}
		d, _ := New(tc.family, tc.p, nil)
		m, v, err := Expect(d, func(x float64) float64 { return x })
		if err != nil || !close(m, tc.m, 1e-9) || !close(v, tc.v, 1e-8) {
			t.Errorf("%d: Expect(%s, x) = %v, %v, %v; want %v, %v", i, tc.scipy, m, v, err, tc.m, tc.v)
		}
	}
}

func TestIntegrate(t *testing.T) {
	inf := math.Inf(1)
	for i, tc := range []struct {
		what string
		f    func(float64) float64
		a, b float64
		want float64
		err  error
	}{
		// np.sqrt(np.pi)*sp.erf(1): the course's integral
		{"e^(−x²) on [−1, 1]", func(x float64) float64 { return math.Exp(-x * x) }, -1, 1, 1.4936482656248538, nil},
		// integrate.quad(lambda x: 1/np.sqrt(x), 0, 1)
		{"1/√x on [0, 1]", func(x float64) float64 { return 1 / math.Sqrt(x) }, 0, 1, 2, nil},
		{"ln x on [0, 1]", math.Log, 0, 1, -1, nil},
		// integrate.quad(lambda x: 1/(1+x*x), -np.inf, np.inf)
		{"1/(1+x²) on ℝ", func(x float64) float64 { return 1 / (1 + x*x) }, -inf, inf, math.Pi, nil},
		{"e^−x on [0, ∞)", func(x float64) float64 { return math.Exp(-x) }, 0, inf, 1, nil},
		// 1.5-np.sin(6)/4
		{"sin² on [0, 3]", func(x float64) float64 { return math.Sin(x) * math.Sin(x) }, 0, 3, 1.5698538745497315, nil},
		{"empty", math.Exp, 2, 2, 0, nil},
		{"1/x on [0, 1]", func(x float64) float64 { return 1 / x }, 0, 1, 0, ErrDiverge},
		{"1/(1+x) on [0, ∞)", func(x float64) float64 { return 1 / (1 + x) }, 0, inf, 0, ErrDiverge},
		{"√x on [−1, 1]", math.Sqrt, -1, 1, 0, ErrUndefined},
	} {
		got, err := Integrate(tc.f, tc.a, tc.b)
		if !errors.Is(err, tc.err) || (tc.err == nil) != (err == nil) {
			t.Errorf("%d: Integrate(%s) error %v, want %v", i, tc.what, err, tc.err)
			continue
		}
		if tc.err == nil && !close(got, tc.want, 1e-12) {
			t.Errorf("%d: Integrate(%s) = %.16g, want %.16g", i, tc.what, got, tc.want)
		}
	}
}

// TestIntegrateAgreesWithRomberg compares with gonum's Romberg rule on a
// smooth integrand, where both are accurate.
func TestIntegrateAgreesWithRomberg(t *testing.T) {
	f := func(x float64) float64 { return math.Exp(-x*x) * math.Cos(3*x) }
	const n = 1<<12 + 1
	ys := make([]float64, n)
	dx := 4.0 / (n - 1)
	for i := range ys {
		ys[i] = f(-1 + float64(i)*dx)
	}
	want := integrate.Romberg(ys, dx)
	got, err := Integrate(f, -1, 3)
	if err != nil || !close(got, want, 1e-11) {
		t.Errorf("Integrate = %.16g, %v; Romberg %.16g", got, err, want)
	}
}
