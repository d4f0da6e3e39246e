package nn

import (
	"errors"
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats/scalar"
)

// φ and φ′ at z = −10, −3, −0.5, 0.7, 2.5, 30, printed by
// `/usr/bin/python3 testdata/activations.py`: SymPy for all but GELU
// (60 digits, derivatives by sympy.diff), SciPy for GELU
// (z·scipy.special.ndtr(z) and ndtr(z) + z·scipy.stats.norm.pdf(z)).
func TestActivationValues(t *testing.T) {
	zs := []float64{-10, -3, -0.5, 0.7, 2.5, 30}
	for i, tc := range []struct {
		name string
		f, d []float64
	}{
		{"linear", []float64{-10.0, -3.0, -0.5, 0.7, 2.5, 30.0}, []float64{1.0, 1.0, 1.0, 1.0, 1.0, 1.0}},
		{"sigmoid", []float64{4.5397868702434395e-05, 0.04742587317756678, 0.37754066879814546, 0.668187772168166, 0.9241418199787564, 0.9999999999999064}, []float64{4.5395807735951673e-05, 0.04517665973091213, 0.2350037122015945, 0.22171287329310904, 0.07010371654510816, 9.357622968838423e-14}},
		{"tanh", []float64{-0.9999999958776927, -0.9950547536867305, -0.46211715726000974, 0.6043677771171635, 0.9866142981514303, 1.0}, []float64{8.244614455767397e-09, 0.00986603716544019, 0.7864477329659274, 0.6347395899824586, 0.02659222668316062, 3.502604305078608e-26}},
		{"relu", []float64{0.0, 0.0, 0.0, 0.7, 2.5, 30.0}, []float64{0.0, 0.0, 0.0, 1.0, 1.0, 1.0}},
		{"leaky-relu", []float64{-0.1, -0.03, -0.005, 0.7, 2.5, 30.0}, []float64{0.01, 0.01, 0.01, 1.0, 1.0, 1.0}},
		{"elu", []float64{-0.9999546000702375, -0.950212931632136, -0.3934693402873666, 0.7, 2.5, 30.0}, []float64{4.5399929762484854e-05, 0.049787068367863944, 0.6065306597126334, 1.0, 1.0, 1.0}},
		{"softplus", []float64{4.539889921686465e-05, 0.04858735157374206, 0.4740769841801067, 1.103186048885458, 2.5788897342925496, 30.000000000000092}, []float64{4.5397868702434395e-05, 0.04742587317756678, 0.37754066879814546, 0.668187772168166, 0.9241418199787564, 0.9999999999999064}},
		{"gelu", []float64{-7.61985302416047e-23, -0.00404969409489028, -0.15426876936299344, 0.5306254434438489, 2.4844758366855597, 30.0}, []float64{-7.618400096464814e-22, -0.011945647204183932, 0.13250487534383715, 0.9766141011336599, 1.037611085908145, 1.0}},
	} {
		a, err := ParseActivation(tc.name)
		if err != nil {
			t.Fatalf("%d: ParseActivation(%q) error %v", i, tc.name, err)
		}
		for k, z := range zs {
			// Relative tolerance only: the tails (GELU(−10) ≈ −7.6e-23,
			// tanh′(30) ≈ 3.5e-26) must keep their digits.
			if got := a.F(z); !scalar.EqualWithinRel(got, tc.f[k], 1e-13) && got != tc.f[k] {
				t.Errorf("%d: %s.F(%g) = %g, want %g", i, a, z, got, tc.f[k])
			}
			want := tc.d[k]
			if got := a.D(z); !scalar.EqualWithinRel(got, want, 1e-12) && got != want {
				t.Errorf("%d: %s.D(%g) = %g, want %g", i, a, z, got, want)
			}
		}
	}
}

// D is the derivative of F, by central finite differences away from the
// kink of ReLU and LeakyReLU.
func TestActivationDerivative(t *testing.T) {
	for a := range numActivations {
		for _, z := range []float64{-7, -2.3, -0.8, -0.01, 0.02, 0.4, 1.1, 3.6, 8} {
			want := fd.Derivative(a.F, z, &fd.Settings{Formula: fd.Central})
			if got := a.D(z); !scalar.EqualWithinAbsOrRel(got, want, 1e-7, 1e-7) {
				t.Errorf("%s.D(%g) = %g, want %g (finite differences)", a, z, got, want)
			}
		}
	}
}

// The batched loops give what F and D give, NaN included; the backward
// pass's φ′ from φ (1 − φ² for tanh) only to within 1e-16 absolute.
func TestActivationBatched(t *testing.T) {
	z := []float64{-40, -5, -1, -0.3, 0, 0.25, 1, 4, 40, math.NaN()}
	for a := range numActivations {
		got := make([]float64, len(z))
		a.apply(got, z)
		d := make([]float64, len(z))
		for p := range d {
			d[p] = 2
		}
		a.mulD(d, z, got)
		for p, v := range z {
			if want := a.F(v); !same(got[p], want, 1e-15) {
				t.Errorf("%s.apply at %g = %g, want F = %g", a, v, got[p], want)
			}
			if math.IsNaN(v) {
				continue // the derivative of a diverged value does not matter
			}
			if want := 2 * a.D(v); !scalar.EqualWithinAbsOrRel(d[p], want, 4e-16, 1e-15) {
				t.Errorf("%s.mulD at %g = %g, want 2·D = %g", a, v, d[p], want)
			}
		}
	}
}

// same reports whether a and b agree within rel, or are both NaN.
func same(a, b, rel float64) bool {
	return a == b || math.IsNaN(a) && math.IsNaN(b) || scalar.EqualWithinAbsOrRel(a, b, rel, rel)
}

func TestParseNames(t *testing.T) {
	for a := range numActivations {
		if got, err := ParseActivation(a.String()); got != a || err != nil {
			t.Errorf("ParseActivation(%q) = %v, %v, want %v", a.String(), got, err, a)
		}
	}
	for l := range numLosses {
		if got, err := ParseLoss(l.String()); got != l || err != nil {
			t.Errorf("ParseLoss(%q) = %v, %v, want %v", l.String(), got, err, l)
		}
	}
	for r := range numRegs {
		if got, err := ParseReg(r.String()); got != r || err != nil {
			t.Errorf("ParseReg(%q) = %v, %v, want %v", r.String(), got, err, r)
		}
	}
	want := []string{"linear", "sigmoid", "tanh", "relu", "leaky-relu", "elu", "softplus", "gelu"}
	if got := ActivationNames(); !slices.Equal(got, want) {
		t.Errorf("ActivationNames() = %v, want %v", got, want)
	}
	if got := LossNames(); !slices.Equal(got, []string{"mse", "bce", "ce"}) {
		t.Errorf("LossNames() = %v", got)
	}
	if got := RegNames(); !slices.Equal(got, []string{"none", "l1", "l2"}) {
		t.Errorf("RegNames() = %v", got)
	}
	for _, name := range []string{"", "Tanh", "swish"} {
		if _, err := ParseActivation(name); !errors.Is(err, ErrUnknown) {
			t.Errorf("ParseActivation(%q) error %v, want ErrUnknown", name, err)
		}
		if _, err := ParseLoss(name); !errors.Is(err, ErrUnknown) {
			t.Errorf("ParseLoss(%q) error %v, want ErrUnknown", name, err)
		}
		if _, err := ParseReg(name); !errors.Is(err, ErrUnknown) {
			t.Errorf("ParseReg(%q) error %v, want ErrUnknown", name, err)
		}
	}
	if got := Activation(99).String(); got != "Activation(99)" {
		t.Errorf("Activation(99).String() = %q", got)
	}
}

// Softmax does not overflow for large logits, sums to 1 and is invariant
// under a shift. Reference: scipy.special.softmax([1000, 1001]) =
// [0.2689414213699951, 0.7310585786300049] (that is 1/(1 + e), e/(1 + e)).
func TestSoftmax(t *testing.T) {
	for i, tc := range []struct {
		s, want []float64
	}{
		{[]float64{1000, 1001}, []float64{0.2689414213699951, 0.7310585786300049}},
		{[]float64{-1000, -999}, []float64{0.2689414213699951, 0.7310585786300049}},
		{[]float64{0, 1}, []float64{0.2689414213699951, 0.7310585786300049}},
		{[]float64{3, 3, 3, 3}, []float64{0.25, 0.25, 0.25, 0.25}},
		{[]float64{-800, 0, 800}, []float64{0, 0, 1}},
		{[]float64{7}, []float64{1}},
	} {
		got := Softmax(nil, tc.s)
		sum := 0.0
		for k := range got {
			sum += got[k]
			if !scalar.EqualWithinAbsOrRel(got[k], tc.want[k], 1e-15, 1e-14) {
				t.Errorf("%d: Softmax(%v) = %v, want %v", i, tc.s, got, tc.want)
				break
			}
		}
		if !scalar.EqualWithinAbs(sum, 1, 1e-15) {
			t.Errorf("%d: Σ Softmax(%v) = %v, want 1", i, tc.s, sum)
		}
	}
	if got := Softmax(nil, nil); len(got) != 0 {
		t.Errorf("Softmax(nil, nil) = %v, want empty", got)
	}
}
