package nn

import (
	"fmt"
	"math"
)

// Activation is a neuron's nonlinearity φ. One value carries both φ (F)
// and its derivative φ′ (D), so that the two cannot be mixed up. It is an
// enumeration rather than a pair of function values because the batched
// loops switch on it once per layer and run a plain loop inside each case:
// under WebAssembly an indirect call per neuron and example costs more
// than the arithmetic (see BenchmarkActivation).
type Activation int

// The activations, in the order ActivationNames lists them.
const (
	Linear    Activation = iota // φ(z) = z
	Sigmoid                     // φ(z) = 1/(1 + e^−z)
	Tanh                        // φ(z) = tanh z
	ReLU                        // φ(z) = max(0, z)
	LeakyReLU                   // φ(z) = z for z > 0, LeakySlope·z otherwise
	ELU                         // φ(z) = z for z > 0, e^z − 1 otherwise (α = 1)
	Softplus                    // φ(z) = ln(1 + e^z)
	GELU                        // φ(z) = z·Φ(z), Φ the standard normal CDF
	numActivations
)

// LeakySlope is LeakyReLU's slope for z ≤ 0, PyTorch's default
// negative_slope.
const LeakySlope = 0.01

var activationNames = [numActivations]string{
	Linear: "linear", Sigmoid: "sigmoid", Tanh: "tanh", ReLU: "relu",
	LeakyReLU: "leaky-relu", ELU: "elu", Softplus: "softplus", GELU: "gelu",
}

// ActivationNames returns the names ParseActivation accepts.
func ActivationNames() []string { return activationNames[:] }

// ParseActivation returns the activation called name; an unknown name is
// ErrUnknown.
func ParseActivation(name string) (Activation, error) {
	for a, n := range activationNames {
		if n == name {
			return Activation(a), nil
		}
	}
	return 0, fmt.Errorf("%w activation %q", ErrUnknown, name)
}

func (act Activation) valid() bool { return act >= 0 && act < numActivations }

// String returns the activation's name.
func (act Activation) String() string {
	if !act.valid() {
		return fmt.Sprintf("Activation(%d)", int(act))
	}
	return activationNames[act]
}

// MarshalText returns the activation's name.
func (act Activation) MarshalText() ([]byte, error) {
	if !act.valid() {
		return nil, fmt.Errorf("%w activation %d", ErrUnknown, int(act))
	}
	return []byte(activationNames[act]), nil
}

// UnmarshalText sets a to the activation called text.
func (act *Activation) UnmarshalText(text []byte) error {
	v, err := ParseActivation(string(text))
	if err == nil {
		*act = v
	}
	return err
}

// F returns φ(z).
func (act Activation) F(z float64) float64 {
	switch act {
	case Linear:
		return z
	case Sigmoid:
		return sigmoid(z)
	case Tanh:
		return tanh(z)
	case ReLU:
		if z <= 0 {
			return 0
		}
		return z // NaN stays NaN, so a diverged net shows it
	case LeakyReLU:
		if z > 0 {
			return z
		}
		return LeakySlope * z
	case ELU:
		if z > 0 {
			return z
		}
		return math.Expm1(z)
	case Softplus:
		return softplus(z)
	case GELU:
		return z * normCDF(z)
	}
	panic(badActivation)
}

// D returns φ′(z). At the kink z = 0 ReLU's is 0 and LeakyReLU's is
// LeakySlope, the one-sided values PyTorch's autograd uses. The sigmoid's
// and tanh's are written to keep their digits in the tails (e^−|z|/(1 +
// e^−|z|)² and 1/cosh² z); the batched backward pass uses φ(1 − φ) and
// 1 − φ² instead, which agree to within 1e-16 in absolute value.
func (act Activation) D(z float64) float64 {
	switch act {
	case Linear:
		return 1
	case Sigmoid:
		e := exp(-math.Abs(z))
		return e / ((1 + e) * (1 + e))
	case Tanh:
		c := math.Cosh(z)
		return 1 / (c * c)
	case ReLU:
		if z > 0 {
			return 1
		}
		return 0
	case LeakyReLU:
		if z > 0 {
			return 1
		}
		return LeakySlope
	case ELU:
		if z > 0 {
			return 1
		}
		return exp(z)
	case Softplus:
		return sigmoid(z)
	case GELU:
		return normCDF(z) + z*normPDF(z)
	}
	panic(badActivation)
}

// apply sets a[p] = φ(z[p]) for every p; len(a) == len(z).
func (act Activation) apply(a, z []float64) {
	a = a[:len(z)]
	switch act {
	case Linear:
		copy(a, z)
	case Sigmoid:
		for p, v := range z {
			a[p] = 1 / (1 + exp(-v))
		}
	case Tanh:
		for p, v := range z {
			a[p] = tanh(v)
		}
	case ReLU:
		for p, v := range z {
			if v <= 0 {
				v = 0
			}
			a[p] = v
		}
	case LeakyReLU:
		for p, v := range z {
			if v > 0 {
				a[p] = v
			} else {
				a[p] = LeakySlope * v
			}
		}
	case ELU:
		for p, v := range z {
			if v > 0 {
				a[p] = v
			} else {
				a[p] = math.Expm1(v)
			}
		}
	case Softplus:
		for p, v := range z {
			a[p] = softplus(v)
		}
	case GELU:
		for p, v := range z {
			a[p] = v * normCDF(v)
		}
	default:
		panic(badActivation)
	}
}

// mulD multiplies d[p] by φ′(z[p]), given a[p] = φ(z[p]) too: tanh's and
// the sigmoid's derivatives follow from a without a second exponential.
func (act Activation) mulD(d, z, a []float64) {
	z, a = z[:len(d)], a[:len(d)]
	switch act {
	case Linear:
	case Sigmoid:
		for p, v := range a {
			d[p] *= v * (1 - v)
		}
	case Tanh:
		for p, v := range a {
			d[p] *= 1 - v*v
		}
	case ReLU:
		for p, v := range z {
			if !(v > 0) {
				d[p] = 0
			}
		}
	case LeakyReLU:
		for p, v := range z {
			if !(v > 0) {
				d[p] *= LeakySlope
			}
		}
	case ELU:
		for p, v := range z {
			if !(v > 0) {
				d[p] *= exp(v)
			}
		}
	case Softplus:
		for p, v := range z {
			d[p] *= sigmoid(v)
		}
	case GELU:
		for p, v := range z {
			d[p] *= normCDF(v) + v*normPDF(v)
		}
	default:
		panic(badActivation)
	}
}

// sigmoid is 1/(1 + e^−z); for z ≪ 0 e^−z overflows to +Inf and the
// result is the correct limit 0.
func sigmoid(z float64) float64 { return 1 / (1 + exp(-z)) }

// softplus is ln(1 + e^z) written as max(z, 0) + ln(1 + e^−|z|), which
// neither overflows for large z nor loses the tiny value for z ≪ 0.
func softplus(z float64) float64 {
	return max(z, 0) + math.Log1p(exp(-math.Abs(z)))
}

// normCDF is Φ(z) = ½ erfc(−z/√2): through erfc, not 1 + erf, so that
// Φ keeps its relative precision in the far left tail.
func normCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

// normPDF is φ(z) = e^(−z²/2)/√(2π).
func normPDF(z float64) float64 { return exp(-0.5*z*z) / math.Sqrt(2*math.Pi) }

// Softmax sets dst to softmax(s)_k = e^(s_k − m) / Σ_j e^(s_j − m) with
// m = max s, which is the same value as without m but cannot overflow,
// and returns dst (allocated when nil). It panics if len(dst) ≠ len(s).
func Softmax(dst, s []float64) []float64 {
	if dst == nil {
		dst = make([]float64, len(s))
	}
	if len(dst) != len(s) {
		panic(badLen)
	}
	if len(s) == 0 {
		return dst
	}
	m := math.Inf(-1)
	for _, v := range s {
		m = max(m, v)
	}
	sum := 0.0
	for k, v := range s {
		dst[k] = exp(v - m)
		sum += dst[k]
	}
	for k := range dst {
		dst[k] /= sum
	}
	return dst
}
