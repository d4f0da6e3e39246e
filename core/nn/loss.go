package nn

import (
	"fmt"
	"math"
)

// Loss is the data term of the objective, per example; the objective
// averages it over the examples of a batch. The output layer's values s
// (after Net.Output) are what a loss compares with the targets t; the two
// cross-entropies read s as logits, as PyTorch's BCEWithLogitsLoss and
// CrossEntropyLoss do, which keeps them finite for any s.
type Loss int

// The losses, in the order LossNames lists them.
const (
	// MSE is ½ Σ_k (s_k − t_k)², TensorFlow Playground's "square" error:
	// half of PyTorch's MSELoss for one output. ∂/∂s = s − t.
	MSE Loss = iota
	// BCE is the binary cross-entropy of p = σ(s) per output,
	// Σ_k −[t_k ln p_k + (1 − t_k) ln(1 − p_k)] = Σ_k softplus(s_k) − t_k·s_k,
	// targets in [0, 1]. ∂/∂s = p − t.
	BCE
	// CE is the categorical cross-entropy of p = softmax(s),
	// −Σ_k t_k ln p_k = Σ_k t_k (logsumexp(s) − s_k), targets summing to 1
	// (one-hot). ∂/∂s_k = p_k·Σ_j t_j − t_k, which is p − t for one-hot t.
	CE
	numLosses
)

var lossNames = [numLosses]string{MSE: "mse", BCE: "bce", CE: "ce"}

// LossNames returns the names ParseLoss accepts.
func LossNames() []string { return lossNames[:] }

// ParseLoss returns the loss called name; an unknown name is ErrUnknown.
func ParseLoss(name string) (Loss, error) {
	for l, n := range lossNames {
		if n == name {
			return Loss(l), nil
		}
	}
	return 0, fmt.Errorf("%w loss %q", ErrUnknown, name)
}

func (l Loss) valid() bool { return l >= 0 && l < numLosses }

// String returns the loss's name.
func (l Loss) String() string {
	if !l.valid() {
		return fmt.Sprintf("Loss(%d)", int(l))
	}
	return lossNames[l]
}

// MarshalText returns the loss's name.
func (l Loss) MarshalText() ([]byte, error) {
	if !l.valid() {
		return nil, fmt.Errorf("%w loss %d", ErrUnknown, int(l))
	}
	return []byte(lossNames[l]), nil
}

// UnmarshalText sets l to the loss called text.
func (l *Loss) UnmarshalText(text []byte) error {
	v, err := ParseLoss(string(text))
	if err == nil {
		*l = v
	}
	return err
}

// Reg is the regularisation term of the objective, RegRate times a
// penalty on the weights (not the biases), as in TensorFlow Playground.
type Reg int

// The regularisations, in the order RegNames lists them.
const (
	NoReg Reg = iota // no penalty
	// L1 is Σ|w|, gradient sign(w) (0 at w = 0). SGD.Step stops a weight
	// at 0 instead of letting the penalty carry it across.
	L1
	// L2 is ½ Σ w², gradient w: PyTorch's weight_decay = RegRate.
	L2
	numRegs
)

var regNames = [numRegs]string{NoReg: "none", L1: "l1", L2: "l2"}

// RegNames returns the names ParseReg accepts.
func RegNames() []string { return regNames[:] }

// ParseReg returns the regularisation called name; an unknown name is
// ErrUnknown.
func ParseReg(name string) (Reg, error) {
	for r, n := range regNames {
		if n == name {
			return Reg(r), nil
		}
	}
	return 0, fmt.Errorf("%w regularisation %q", ErrUnknown, name)
}

func (r Reg) valid() bool { return r >= 0 && r < numRegs }

// String returns the regularisation's name.
func (r Reg) String() string {
	if !r.valid() {
		return fmt.Sprintf("Reg(%d)", int(r))
	}
	return regNames[r]
}

// MarshalText returns the regularisation's name.
func (r Reg) MarshalText() ([]byte, error) {
	if !r.valid() {
		return nil, fmt.Errorf("%w regularisation %d", ErrUnknown, int(r))
	}
	return []byte(regNames[r]), nil
}

// UnmarshalText sets r to the regularisation called text.
func (r *Reg) UnmarshalText(text []byte) error {
	v, err := ParseReg(string(text))
	if err == nil {
		*r = v
	}
	return err
}

// penalty returns the unscaled penalty of one weight.
func (r Reg) penalty(w float64) float64 {
	switch r {
	case L1:
		return math.Abs(w)
	case L2:
		return 0.5 * w * w
	}
	return 0
}

// grad returns the derivative of the unscaled penalty at w.
func (r Reg) grad(w float64) float64 {
	switch r {
	case L1:
		switch {
		case w > 0:
			return 1
		case w < 0:
			return -1
		}
		return 0
	case L2:
		return w
	}
	return 0
}
