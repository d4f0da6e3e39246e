package fit

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// testData are the data sets of the references below, drawn by
//
//	rng = np.random.default_rng(7)
//	real   = np.round(rng.normal(1.5, 2.0, 15), 3)
//	pos    = np.round(rng.gamma(2.5, 1.3, 15), 3)
//	unit   = np.round(rng.beta(2.0, 5.0, 15), 4)
//	counts = rng.poisson(3.2, 20).astype(float)
//	binary = rng.binomial(1, 0.35, 20).astype(float)
var testData = map[string][]float64{
	"real":   {1.502, 2.097, 0.952, -0.281, 0.591, -0.483, 1.62, 4.18, 0.516, 0.259, 2.48, 2.214, 1.711, -0.361, 1.441},
	"pos":    {4.368, 2.029, 1.0, 2.39, 3.368, 2.474, 1.906, 3.039, 1.998, 1.535, 1.537, 4.871, 2.608, 2.94, 2.965},
	"unit":   {0.0682, 0.6971, 0.2862, 0.4446, 0.309, 0.1579, 0.3506, 0.1964, 0.1231, 0.2283, 0.1377, 0.2981, 0.3619, 0.5887, 0.0621},
	"counts": {6, 1, 3, 1, 5, 2, 5, 7, 2, 5, 5, 1, 4, 5, 2, 4, 5, 0, 0, 2},
	"binary": {0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0},
}

// fitRefs are scipy 1.10's fits, log-likelihoods and KS tests of the data
// sets with:
//
//	params: norm.fit(x); laplace.fit(x); uniform.fit(x) → (loc, loc+scale);
//	        1/expon.fit(x, floc=0)[1]; gamma.fit(x, floc=0) → (a, scale);
//	        lognorm.fit(x, floc=0) → (log scale, s); beta: see below;
//	        Bernoulli and Poisson: x.mean()
//	loglik: <dist>.logpdf(x, *fit).sum() (logpmf for the discrete ones)
//	ks, p:  scipy.stats.kstest(x, <dist>(*fit).cdf) → statistic, pvalue
var fitRefs = []struct {
	data          string
	family        Family
	params        []float64
	loglik, ks, p float64
}{
	{"real", Normal, []float64{1.2291999999999998, 1.215837554938981}, -24.215575772046197, 0.10247954539400128, 0.99263147202013},
	{"real", Laplace, []float64{1.441, 0.9740666666666667}, -25.003074737215236, 0.19107446673517456, 0.5790411669418625},
	{"real", Uniform, []float64{-0.483, 4.18}, -23.094885267392748, 0.29790549717635273, 0.11238729417522952},
	{"pos", Exponential, []float64{0.3843394486010045}, -29.343437042152402, 0.37898445912765977, 0.01910448069022974},
	{"pos", Gamma, []float64{6.6505437302927035, 0.3912261571659725}, -20.636697660330583, 0.09489777910217323, 0.9972143423536338},
	{"pos", LogNormal, []float64{0.8791674262171874, 0.40028354464824806}, -20.737857570668915, 0.09215283010088521, 0.9981529258060224},
	{"pos", Normal, []float64{2.601866666666666, 1.0122219036467361}, -21.466295286172052, 0.13292331397109813, 0.9221199750496502},
	{"unit", Exponential, []float64{3.4803591730666605}, 3.707032486678039, 0.2151369131466823, 0.4309604668233479},
	{"unit", Gamma, []float64{2.507587595196692, 0.11458290319231267}, 6.517590429115798, 0.11492493890595401, 0.9755836316680225},
	{"unit", LogNormal, []float64{-1.4595861788988573, 0.6901026016175872}, 6.173439602144473, 0.15206848726179067, 0.8289003102391441},
	{"unit", Normal, []float64{0.2873266666666667, 0.1770559025342624}, 4.6852684431245715, 0.13680990966159157, 0.9060755144610252},
	// scipy's beta.fit stops at fsolve's tolerance (α = 1.779857072258316,
	// 2e-10 off); these are the roots of the score equations by
	// mpmath.findroot([ψ(a) − ψ(a+b) − mean(log x), ψ(b) − ψ(a+b) − mean(log(1−x))])
	// at 40 digits, and scipy's logpdf and kstest there.
	{"unit", Beta, []float64{1.7798570725928753, 4.351321036409868}, 6.494677219571182, 0.11355280824020064, 0.9781923182721436},
	{"counts", Poisson, []float64{3.25}, -43.13724411972452, 0.2888132017629107, 0.05693755725380356},
	{"counts", Normal, []float64{3.25, 2.0463381929681126}, -42.6998096356053, 0.20377593787621218, 0.3311337488691941},
	{"binary", Bernoulli, []float64{0.35}, -12.948932780692651, 0.65, 8.750048530931557e-09},
	{"binary", Poisson, []float64{0.35}, -14.348754871490748, 0.7046880897187136, 1.6629087249369692e-10},
}

func TestFit(t *testing.T) {
	for i, tc := range fitRefs {
		s := NewSample(testData[tc.data])
		d, err := Fit(tc.family, s)
		if err != nil {
			t.Errorf("%d: Fit(%s, %s) error %v", i, tc.family, tc.data, err)
			continue
		}
		for j, want := range tc.params {
			if !scalar.EqualWithinAbsOrRel(d.P[j], want, 1e-13, 1e-12) {
				t.Errorf("%d: Fit(%s, %s) %s = %v, want %v", i, tc.family, tc.data, tc.family.Params()[j], d.P[j], want)
			}
		}
		if got := s.LogLik(d); !scalar.EqualWithinAbsOrRel(got, tc.loglik, 1e-10, 1e-10) {
			t.Errorf("%d: LogLik(%s fit to %s) = %v, want %v", i, tc.family, tc.data, got, tc.loglik)
		}
		// The sum of the log densities agrees with the sufficient statistics.
		var sum float64
		for _, x := range s.X {
			sum += d.LogProb(x)
		}
		if !scalar.EqualWithinAbsOrRel(sum, tc.loglik, 1e-10, 1e-10) {
			t.Errorf("%d: Σ LogProb(%s fit to %s) = %v, want %v", i, tc.family, tc.data, sum, tc.loglik)
		}
		ks := KSTest(s.X, d.CDF)
		if !scalar.EqualWithinAbsOrRel(ks.D, tc.ks, 1e-13, 1e-11) || !scalar.EqualWithinAbsOrRel(ks.P, tc.p, 1e-300, 1e-9) {
			t.Errorf("%d: KSTest(%s fit to %s) = %v, %v, want %v, %v", i, tc.family, tc.data, ks.D, ks.P, tc.ks, tc.p)
		}
	}
}

// TestFitRefuses checks the support errors and the degenerate fits.
func TestFitRefuses(t *testing.T) {
	for i, tc := range []struct {
		family Family
		data   []float64
		want   error
		value  float64 // the value a SupportError names
	}{
		{Bernoulli, []float64{0, 1, 2}, ErrSupport, 2},
		{Poisson, []float64{0, 1.5}, ErrSupport, 1.5},
		{Poisson, []float64{-1, 1}, ErrSupport, -1},
		{Beta, []float64{0.2, 1}, ErrSupport, 1},
		{Gamma, []float64{0, 1}, ErrSupport, 0},
		{LogNormal, []float64{2, -1}, ErrSupport, -1},
		{Exponential, []float64{2, -1}, ErrSupport, -1},
		{Normal, []float64{3, 3, 3}, ErrDegenerate, 0},
		{Laplace, []float64{3}, ErrDegenerate, 0},
		{Uniform, []float64{3, 3}, ErrDegenerate, 0},
		{Gamma, []float64{2, 2}, ErrDegenerate, 0},
		{Beta, []float64{0.5, 0.5}, ErrDegenerate, 0},
		{LogNormal, []float64{2, 2}, ErrDegenerate, 0},
		{Exponential, []float64{0, 0}, ErrDegenerate, 0},
		{Normal, nil, ErrNoData, 0},
	} {
		_, err := Fit(tc.family, NewSample(tc.data))
		if !errors.Is(err, tc.want) {
			t.Errorf("%d: Fit(%s, %v) error %v, want %v", i, tc.family, tc.data, err, tc.want)
			continue
		}
		var se *SupportError
		if errors.As(err, &se) && se.Value != tc.value {
			t.Errorf("%d: Fit(%s, %v) names %v, want %v", i, tc.family, tc.data, se.Value, tc.value)
		}
	}
	// All zeros or all ones are fine for Bernoulli and Poisson: ℓ = 0.
	for _, tc := range []struct {
		f    Family
		data []float64
	}{{Bernoulli, []float64{0, 0}}, {Bernoulli, []float64{1, 1, 1}}, {Poisson, []float64{0, 0, 0}}} {
		s := NewSample(tc.data)
		d, err := Fit(tc.f, s)
		if err != nil || s.LogLik(d) != 0 {
			t.Errorf("Fit(%s, %v) = %v, %v with ℓ = %v, want ℓ = 0", tc.f, tc.data, d, err, s.LogLik(d))
		}
	}
}

// TestLogLikOffMLE checks the sufficient statistics against the sum of
// log densities away from the maximum, and −Inf outside the support.
func TestLogLikOffMLE(t *testing.T) {
	for i, tc := range []struct {
		data string
		d    Dist
	}{
		{"real", NewDist(Normal, -0.5, 3)},
		{"real", NewDist(Laplace, 0.3, 2)},
		{"real", NewDist(Laplace, -5, 0.5)},
		{"real", NewDist(Uniform, -1, 5)},
		{"pos", NewDist(Gamma, 1.5, 2)},
		{"pos", NewDist(LogNormal, 0.2, 1.5)},
		{"pos", NewDist(Exponential, 2)},
		{"unit", NewDist(Beta, 0.5, 3)},
		{"counts", NewDist(Poisson, 7.5)},
		{"binary", NewDist(Bernoulli, 0.9)},
	} {
		s := NewSample(testData[tc.data])
		var sum float64
		for _, x := range s.X {
			sum += tc.d.LogProb(x)
		}
		if got := s.LogLik(tc.d); !scalar.EqualWithinAbsOrRel(got, sum, 1e-10, 1e-12) {
			t.Errorf("%d: LogLik(%v on %s) = %v, want Σ LogProb = %v", i, tc.d, tc.data, got, sum)
		}
	}
	s := NewSample(testData["real"])
	for _, d := range []Dist{NewDist(Uniform, 0, 5), NewDist(Gamma, 2, 1), NewDist(Bernoulli, 0.5)} {
		if got := s.LogLik(d); !math.IsInf(got, -1) {
			t.Errorf("LogLik(%v on real data) = %v, want −Inf", d, got)
		}
	}
	if got := s.LogLik(NewDist(Normal, 0, -1)); !math.IsNaN(got) {
		t.Errorf("LogLik(σ = −1) = %v, want NaN", got)
	}
}

// TestLogProb compares densities with scipy.stats.
func TestLogProb(t *testing.T) {
	for i, tc := range []struct {
		d    Dist
		x    float64
		want float64
	}{
		{NewDist(Normal, 1, 2), 0.3, -1.6733357137646179},        // norm.logpdf(0.3, 1, 2)
		{NewDist(Laplace, 1, 2), -0.5, -2.136294361119891},       // laplace.logpdf(-0.5, 1, 2)
		{NewDist(Exponential, 1.5), 0.7, -0.6445348918918357},    // expon.logpdf(0.7, scale=1/1.5)
		{NewDist(Gamma, 2.5, 1.3), 1.7, -1.4523434627406988},     // gamma.logpdf(1.7, 2.5, scale=1.3)
		{NewDist(LogNormal, 0.4, 0.8), 2.2, -1.6021422803962775}, // lognorm.logpdf(2.2, 0.8, scale=np.exp(0.4))
		{NewDist(Beta, 2, 5), 0.3, 0.7705248015812898},           // beta.logpdf(0.3, 2, 5)
		{NewDist(Uniform, -1, 3), 2, -1.3862943611198906},        // uniform.logpdf(2, -1, 4)
		{NewDist(Bernoulli, 0.3), 1, -1.2039728043259361},        // bernoulli.logpmf(1, 0.3)
		{NewDist(Poisson, 3.2), 4, -1.7254505911252225},          // poisson.logpmf(4, 3.2)
		{NewDist(Poisson, 0), 0, 0},                              // poisson.logpmf(0, 0)
		{NewDist(Poisson, 0), 1, math.Inf(-1)},                   // poisson.logpmf(1, 0)
		{NewDist(Gamma, 2.5, 1.3), -1, math.Inf(-1)},             // gamma.logpdf(-1, 2.5, scale=1.3)
		{NewDist(Beta, 2, 5), 1, math.Inf(-1)},                   // beta.logpdf(1, 2, 5)
	} {
		got := tc.d.LogProb(tc.x)
		if got != tc.want && !scalar.EqualWithinAbsOrRel(got, tc.want, 1e-13, 1e-12) {
			t.Errorf("%d: %v.LogProb(%v) = %v, want %v", i, tc.d, tc.x, got, tc.want)
		}
	}
}

func TestAIC(t *testing.T) {
	if got := AIC(2, -24.215575772046197); !scalar.EqualWithinAbsOrRel(got, 52.431151544092394, 1e-12, 1e-12) {
		t.Errorf("AIC(2, −24.2156) = %v, want 52.4312", got)
	}
}

func TestClassify(t *testing.T) {
	for i, tc := range []struct {
		data []float64
		want Support
		fam  Family
	}{
		{[]float64{0, 1, 1}, Binary, Bernoulli},
		{[]float64{0, 3, 1}, Counts, Poisson},
		{[]float64{0.2, 0.9}, Unit, Beta},
		{[]float64{0.2, 1.9}, Positive, Gamma},
		{[]float64{0, 1.9}, NonNegative, Exponential},
		{[]float64{-1, 2}, Real, Normal},
		{nil, Real, Normal},
	} {
		got := Classify(tc.data)
		if got != tc.want || got.Suggest() != tc.fam {
			t.Errorf("%d: Classify(%v) = %v suggesting %v, want %v suggesting %v", i, tc.data, got, got.Suggest(), tc.want, tc.fam)
		}
	}
}

// TestDigamma compares with scipy.special.digamma and polygamma(1, x).
func TestDigamma(t *testing.T) {
	for i, tc := range []struct{ x, psi, psi1 float64 }{
		{0.3, -3.502524222200133, 12.245364546107732},
		{1.7798570725928753, 0.2700393465821266, 0.7476749007119026},
		{6.650543730292725, 1.8176369053527601, 0.16223233745650695},
		{12.3, 2.4683984003011386, 0.0846951702459164},
		{250, 5.519459584531046, 0.004008010666632532},
	} {
		if got := digamma(tc.x); !scalar.EqualWithinAbsOrRel(got, tc.psi, 1e-15, 1e-15) {
			t.Errorf("%d: digamma(%v) = %v, want %v", i, tc.x, got, tc.psi)
		}
		if got := trigamma(tc.x); !scalar.EqualWithinAbsOrRel(got, tc.psi1, 1e-15, 1e-14) {
			t.Errorf("%d: trigamma(%v) = %v, want %v", i, tc.x, got, tc.psi1)
		}
	}
	if !math.IsNaN(digamma(-1)) || !math.IsInf(digamma(math.Inf(1)), 1) {
		t.Errorf("digamma(−1), digamma(∞) = %v, %v, want NaN, +Inf", digamma(-1), digamma(math.Inf(1)))
	}
}

// TestFitScore fits gamma and beta to samples of many shapes and sizes
// and checks the score equations the MLE solves (scipy's gamma.fit and
// beta.fit solve the same ones): log k − ψ(k) = log x̄ − mean(log x) and
// θ = x̄/k; ψ(α) − ψ(α+β) = mean(log x), ψ(β) − ψ(α+β) = mean(log(1−x)).
func TestFitScore(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i, tc := range []struct {
		d Dist
		n int
	}{
		{NewDist(Gamma, 0.2, 3), 50}, {NewDist(Gamma, 1, 1), 2}, {NewDist(Gamma, 50, 0.1), 5000},
		{NewDist(Gamma, 3, 1e-3), 300}, {NewDist(Gamma, 0.7, 1e4), 20},
		{NewDist(Beta, 0.3, 0.3), 100}, {NewDist(Beta, 30, 2), 1000}, {NewDist(Beta, 1, 1), 3},
		{NewDist(Beta, 0.5, 8), 5000}, {NewDist(Beta, 200, 300), 40},
	} {
		s := tc.d.Sampler(rng)
		x := make([]float64, tc.n)
		for j := range x {
			x[j] = s.Rand()
		}
		sm := NewSample(x)
		d, err := Fit(tc.d.Family, sm)
		if err != nil {
			t.Errorf("%d: Fit(%s, %d draws of %v): %v", i, tc.d.Family, tc.n, tc.d, err)
			continue
		}
		var r1, r2 float64
		a, b := d.P[0], d.P[1]
		if d.Family == Gamma {
			r1 = math.Log(a) - digamma(a) - (math.Log(sm.mean) - sm.logMean)
			r2 = (b - sm.mean/a) / b
		} else {
			r1 = digamma(a) - digamma(a+b) - sm.sumLog/sm.n
			r2 = digamma(b) - digamma(a+b) - sm.sumLog1m/sm.n
		}
		if math.Abs(r1) > 1e-11 || math.Abs(r2) > 1e-11 {
			t.Errorf("%d: Fit(%s, %d draws of %v) = %v: score residuals %g, %g", i, tc.d.Family, tc.n, tc.d, d, r1, r2)
		}
	}
}
