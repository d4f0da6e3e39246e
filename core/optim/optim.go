package optim

import (
	"errors"
	"fmt"
	"math"
)

// Grad writes the gradient ∇f(x) into dst (len(dst) == len(x)). It must
// not keep x or dst.
type Grad func(dst, x []float64)

// Optimizer is a first-order minimization method.
type Optimizer interface {
	// Step moves x in place by one iteration, calling grad as needed.
	Step(x []float64, grad Grad)
	// Reset forgets the state (velocities, moments, step count), as if no
	// Step had been taken.
	Reset()
}

// Default hyper-parameters used by New: Adam's and ε are PyTorch's
// defaults; momentum 0.9 is the customary choice (PyTorch's SGD has none by
// default); RMSProp's decay 0.9 is Hinton's and Keras's (PyTorch's alpha
// defaults to 0.99).
const (
	DefaultBeta  = 0.9   // momentum of Momentum and Nesterov
	DefaultRho   = 0.9   // RMSProp's decay
	DefaultBeta1 = 0.9   // Adam's first-moment decay
	DefaultBeta2 = 0.999 // Adam's second-moment decay
	DefaultEps   = 1e-8  // RMSProp's and Adam's ε
)

// ErrUnknown is returned by New for a name it does not know.
var ErrUnknown = errors.New("optim: unknown optimizer")

// registry maps names to constructors, in the order Names lists them.
var registry = []struct {
	name string
	make func(lr float64) Optimizer
}{
	{"gd", func(lr float64) Optimizer { return &GD{LR: lr} }},
	{"momentum", func(lr float64) Optimizer { return &Momentum{LR: lr, Beta: DefaultBeta} }},
	{"nesterov", func(lr float64) Optimizer { return &Nesterov{LR: lr, Beta: DefaultBeta} }},
	{"rmsprop", func(lr float64) Optimizer { return &RMSProp{LR: lr, Beta: DefaultRho, Eps: DefaultEps} }},
	{"adam", func(lr float64) Optimizer {
		return &Adam{LR: lr, Beta1: DefaultBeta1, Beta2: DefaultBeta2, Eps: DefaultEps}
	}},
}

// Names returns the names New accepts, simplest method first.
func Names() []string {
	names := make([]string, len(registry))
	for i, r := range registry {
		names[i] = r.name
	}
	return names
}

// New returns the optimizer called name with learning rate lr and the
// default values of its other hyper-parameters.
func New(name string, lr float64) (Optimizer, error) {
	for _, r := range registry {
		if r.name == name {
			return r.make(lr), nil
		}
	}
	return nil, fmt.Errorf("%w %q", ErrUnknown, name)
}

// Diverged reports whether x has run away: some x_i is NaN, infinite, or
// larger than limit in magnitude.
func Diverged(x []float64, limit float64) bool {
	for _, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > limit {
			return true
		}
	}
	return false
}
