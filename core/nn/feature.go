package nn

import (
	"fmt"
	"math"
)

// Feature is an input of the network computed from a point (x1, x2), as
// TensorFlow Playground's input column offers them.
type Feature int

// The features, in the order FeatureNames lists them.
const (
	X1    Feature = iota // x1
	X2                   // x2
	X1Sq                 // x1²
	X2Sq                 // x2²
	X1X2                 // x1·x2
	SinX1                // sin x1
	SinX2                // sin x2
	numFeatures
)

// featureNames are the names the JS bridge and the URL use.
var featureNames = [numFeatures]string{
	X1: "x1", X2: "x2", X1Sq: "x1sq", X2Sq: "x2sq", X1X2: "x1x2", SinX1: "sinx1", SinX2: "sinx2",
}

// FeatureNames returns the names ParseFeatures accepts.
func FeatureNames() []string { return featureNames[:] }

// ParseFeatures returns the features called names, in that order; an
// unknown name is ErrUnknown.
func ParseFeatures(names []string) ([]Feature, error) {
	fs := make([]Feature, len(names))
	for i, name := range names {
		found := false
		for f, n := range featureNames {
			if n == name {
				fs[i], found = Feature(f), true
				break
			}
		}
		if !found {
			return nil, fmt.Errorf("%w feature %q", ErrUnknown, name)
		}
	}
	return fs, nil
}

// String returns the feature's name.
func (f Feature) String() string {
	if f < 0 || f >= numFeatures {
		return fmt.Sprintf("Feature(%d)", int(f))
	}
	return featureNames[f]
}

// Eval returns the feature at the point (x1, x2).
func (f Feature) Eval(x1, x2 float64) float64 {
	switch f {
	case X1:
		return x1
	case X2:
		return x2
	case X1Sq:
		return x1 * x1
	case X2Sq:
		return x2 * x2
	case X1X2:
		return x1 * x2
	case SinX1:
		return math.Sin(x1)
	case SinX2:
		return math.Sin(x2)
	}
	panic("nn: invalid feature")
}

// Inputs sets dst to the features fs of the points (x1[p], x2[p]) stored
// unit by unit, feature j of point p at dst[j*n+p], as Forward takes
// them, and returns it (reallocated when its capacity is too small). It
// panics if len(x1) ≠ len(x2).
func Inputs(dst []float64, fs []Feature, x1, x2 []float64) []float64 {
	if len(x1) != len(x2) {
		panic(badLen)
	}
	n := len(x1)
	dst = grow(dst, len(fs)*n)
	for j, f := range fs {
		col := dst[j*n : (j+1)*n]
		switch f {
		case X1:
			copy(col, x1)
		case X2:
			copy(col, x2)
		default:
			for p := range col {
				col[p] = f.Eval(x1[p], x2[p])
			}
		}
	}
	return dst
}

// Set is a data set in a network's terms: its inputs and targets stored
// unit by unit, as Forward and Backward take them.
type Set struct {
	N     int       // examples
	X     []float64 // Sizes[0]·N inputs: input j of example p at X[j*N+p]
	T     []float64 // Sizes[L]·N targets: output k of example p at T[k*N+p]
	Class []int     // each example's class, nil for regression
}

// Set returns d's points as inputs fs and targets for net. Regression
// labels are the targets of a single output. Classes are coded for the
// loss: with one output, the two classes are the ends of a range; with
// one output per class, one-hot. The range is [0, 1] for the
// cross-entropies and for MSE [−1, 1] (TensorFlow Playground's labels)
// when the Output activation reaches −1, [0, 1] when it cannot go below
// 0 (sigmoid, ReLU, softplus, GELU), so that the targets are values the
// network can produce.
//
// It returns an error wrapping ErrMismatch if len(fs) ≠ Sizes[0], if the
// outputs are neither 1 (regression or two classes) nor the number of
// classes, or for a cross-entropy on regression data.
func (d Data) Set(net *Net, fs []Feature) (Set, error) {
	L := len(net.Sizes) - 1
	k := net.Sizes[L]
	if len(fs) != net.Sizes[0] {
		return Set{}, fmt.Errorf("%w: %d features for %d inputs", ErrMismatch, len(fs), net.Sizes[0])
	}
	if d.Classes == 0 && (k != 1 || net.Loss != MSE) {
		return Set{}, fmt.Errorf("%w: regression needs one output and the MSE loss", ErrMismatch)
	}
	if fits := k == d.Classes || k == 1 && d.Classes <= 2; !fits {
		return Set{}, fmt.Errorf("%w: %d outputs for %d classes", ErrMismatch, k, d.Classes)
	}
	n := d.Len()
	s := Set{N: n, X: Inputs(nil, fs, d.X1, d.X2), T: make([]float64, k*n)}
	if d.Classes == 0 {
		copy(s.T, d.Y)
		return s, nil
	}
	lo, hi := net.targetRange()
	s.Class = make([]int, n)
	for p := range n {
		c := d.Class(p)
		s.Class[p] = c
		if k == 1 {
			s.T[p] = lo
			if c == 1 {
				s.T[p] = hi
			}
			continue
		}
		for o := range k {
			s.T[o*n+p] = lo
		}
		s.T[c*n+p] = hi
	}
	return s, nil
}

// targetRange returns the targets of "not this class" and "this class".
func (net *Net) targetRange() (lo, hi float64) {
	if net.Loss == MSE {
		switch net.Output {
		case Linear, Tanh, LeakyReLU, ELU:
			return -1, 1
		}
	}
	return 0, 1
}

// Classify sets dst[p] to the class the last Forward in p predicts for
// example p and returns dst (reallocated when its capacity is too
// small): the largest output with several outputs; with one output class
// 1 where it is at least the middle of the target range, or for BCE where
// the logit is at least 0 (σ ≥ ½).
func (net *Net) Classify(dst []int, p *Pass) []int {
	if cap(dst) < p.N {
		dst = make([]int, p.N)
	}
	dst = dst[:p.N]
	mid := net.threshold()
	for q := range dst {
		dst[q] = net.predicted(p, q, mid)
	}
	return dst
}

// Accuracy returns the fraction of the examples of the last Forward in p
// whose predicted class (Classify) is class[p]; 0 for an empty batch. It
// panics if len(class) ≠ p.N.
func (net *Net) Accuracy(p *Pass, class []int) float64 {
	if len(class) != p.N {
		panic(badLen)
	}
	if p.N == 0 {
		return 0
	}
	mid, right := net.threshold(), 0
	for q, c := range class {
		if net.predicted(p, q, mid) == c {
			right++
		}
	}
	return float64(right) / float64(p.N)
}

// threshold is the output value from which a single output means class 1.
func (net *Net) threshold() float64 {
	if net.Loss == BCE {
		return 0
	}
	lo, hi := net.targetRange()
	return (lo + hi) / 2
}

// predicted returns the class of example q in p.
func (net *Net) predicted(p *Pass, q int, mid float64) int {
	L := len(net.Sizes) - 1
	k, n, s := net.Sizes[L], p.N, p.A[L]
	if k == 1 {
		if s[q] >= mid {
			return 1
		}
		return 0
	}
	best := 0
	for c := 1; c < k; c++ {
		if s[c*n+q] > s[best*n+q] {
			best = c
		}
	}
	return best
}
