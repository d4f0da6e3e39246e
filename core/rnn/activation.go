package rnn

import (
	"fmt"
	"math"
)

// Activation is the nonlinearity φ of the hidden layer.
type Activation int

// The activations, in the order ActivationNames lists them.
const (
	Tanh    Activation = iota // φ(z) = tanh z, φ' = 1 − φ²
	ReLU                      // φ(z) = max(0, z), φ' = 1 for z > 0, else 0
	Sigmoid                   // φ(z) = 1/(1 + e^−z), φ' = φ(1 − φ)
	Linear                    // φ(z) = z, φ' = 1
)

var activationNames = [...]string{Tanh: "tanh", ReLU: "relu", Sigmoid: "sigmoid", Linear: "linear"}

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

// String returns the activation's name.
func (a Activation) String() string {
	if a < 0 || int(a) >= len(activationNames) {
		return fmt.Sprintf("Activation(%d)", int(a))
	}
	return activationNames[a]
}

// Eval returns φ(z).
func (a Activation) Eval(z float64) float64 {
	switch a {
	case Tanh:
		return math.Tanh(z)
	case ReLU:
		return max(z, 0) // NaN stays NaN, so a diverged net shows it
	case Sigmoid:
		return 1 / (1 + math.Exp(-z))
	case Linear:
		return z
	}
	panic(badActivation)
}

// Deriv returns φ'(z).
func (a Activation) Deriv(z float64) float64 { return a.deriv(z, a.Eval(z)) }

// deriv is φ'(z) given h = φ(z) too, which tanh and the sigmoid need
// instead of a second exponential.
func (a Activation) deriv(z, h float64) float64 {
	switch a {
	case Tanh:
		return 1 - h*h
	case ReLU:
		if z > 0 {
			return 1
		}
		return 0
	case Sigmoid:
		return h * (1 - h)
	case Linear:
		return 1
	}
	panic(badActivation)
}

// apply sets h = φ(z) elementwise.
func (a Activation) apply(h, z []float64) {
	h = h[:len(z)]
	switch a {
	case Tanh:
		for i, v := range z {
			h[i] = math.Tanh(v)
		}
	case ReLU:
		for i, v := range z {
			h[i] = max(v, 0)
		}
	case Sigmoid:
		for i, v := range z {
			h[i] = 1 / (1 + math.Exp(-v))
		}
	case Linear:
		copy(h, z)
	default:
		panic(badActivation)
	}
}

// mulDeriv sets dst = φ'(z) ⊙ g elementwise, with h = φ(z); the switch
// sits outside the loops, which run once per time step.
func (a Activation) mulDeriv(dst, g, z, h []float64) {
	g, z, h = g[:len(dst)], z[:len(dst)], h[:len(dst)]
	switch a {
	case Tanh:
		for i, v := range h {
			dst[i] = (1 - v*v) * g[i]
		}
	case ReLU:
		for i, v := range z {
			if v > 0 {
				dst[i] = g[i]
			} else {
				dst[i] = 0
			}
		}
	case Sigmoid:
		for i, v := range h {
			dst[i] = v * (1 - v) * g[i]
		}
	case Linear:
		copy(dst, g)
	default:
		panic(badActivation)
	}
}
