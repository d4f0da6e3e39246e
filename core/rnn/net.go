package rnn

import (
	"errors"
	"math"
	"math/cmplx"
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Errors for conditions a student's settings can cause; caller bugs panic.
var (
	// ErrUnknown is returned for an activation or task name the package
	// does not know.
	ErrUnknown = errors.New("rnn: unknown")
	// ErrLength is returned for a sequence too short for what is asked of
	// it: a task of fewer than one step, an AR order the series cannot fit.
	ErrLength = errors.New("rnn: sequence too short")
	// ErrOrder is returned by FitAR for an order less than 1.
	ErrOrder = errors.New("rnn: AR order must be at least 1")
	// ErrEigen is returned when the eigenvalues of Wh cannot be computed.
	ErrEigen = errors.New("rnn: eigenvalue decomposition did not converge")
)

// Panic messages for caller bugs.
const (
	badActivation = "rnn: invalid activation"
	badSize       = "rnn: sizes must be at least 1"
	badShape      = "rnn: shape mismatch"
	badRho        = "rnn: spectral radius must be finite"
	badTrunc      = "rnn: negative truncation"
	badMax        = "rnn: clipping threshold must be positive"
	emptySeq      = "rnn: empty sequence"
)

// Weights are the parameters of a Net, or a gradient with respect to
// them. The five matrices are row-major views into one flat slice, in the
// order Wx, Wh, B, Wy, C, which Flat returns: an optimizer or a finite
// difference can treat them as one vector.
type Weights struct {
	In, Hidden, Out int

	Wx []float64 // Hidden×In: Wx[i*In+j] weighs input j into unit i
	Wh []float64 // Hidden×Hidden: Wh[i*Hidden+j] weighs h_{t−1}[j] into unit i
	B  []float64 // Hidden: the hidden bias b
	Wy []float64 // Out×Hidden: Wy[o*Hidden+j] weighs unit j into output o
	C  []float64 // Out: the output bias c

	flat []float64
}

// NewWeights returns zero weights of the given sizes. It panics if a size
// is less than 1.
func NewWeights(in, hidden, out int) *Weights {
	w := new(Weights)
	w.resize(in, hidden, out)
	return w
}

// resize makes w in×hidden×out, reusing its storage when the sizes are
// already those; new storage is zero.
func (w *Weights) resize(in, hidden, out int) {
	if in < 1 || hidden < 1 || out < 1 {
		panic(badSize)
	}
	if w.flat != nil && w.In == in && w.Hidden == hidden && w.Out == out {
		return
	}
	w.In, w.Hidden, w.Out = in, hidden, out
	w.flat = make([]float64, hidden*in+hidden*hidden+hidden+out*hidden+out)
	rest := w.flat
	take := func(n int) []float64 {
		s := rest[:n:n]
		rest = rest[n:]
		return s
	}
	w.Wx, w.Wh, w.B = take(hidden*in), take(hidden*hidden), take(hidden)
	w.Wy, w.C = take(out*hidden), take(out)
}

// Flat returns all the weights as one slice (Wx, Wh, B, Wy, C), sharing
// memory with the matrices: writing to it changes them.
func (w *Weights) Flat() []float64 { return w.flat }

// Norm returns the Euclidean norm of all the weights together.
func (w *Weights) Norm() float64 { return floats.Norm(w.flat, 2) }

// ClipNorm scales w so that its norm is at most max (gradient clipping by
// norm) and returns the norm before clipping. A NaN norm is left alone;
// max = +Inf never clips. It panics unless max > 0.
func (w *Weights) ClipNorm(max float64) float64 {
	if !(max > 0) {
		panic(badMax)
	}
	n := w.Norm()
	if n > max {
		floats.Scale(max/n, w.flat)
	}
	return n
}

// AddScaled sets w ← w + alpha·g; with g a gradient and alpha = −lr it is
// one step of gradient descent. It panics if g's sizes differ from w's.
func (w *Weights) AddScaled(alpha float64, g *Weights) {
	w.sameShape(g)
	floats.AddScaled(w.flat, alpha, g.flat)
}

func (w *Weights) sameShape(g *Weights) {
	if w.In != g.In || w.Hidden != g.Hidden || w.Out != g.Out || len(w.flat) != len(g.flat) {
		panic(badShape)
	}
}

// Net is a vanilla recurrent network: from h_0 = 0,
//
//	z_t = Wx x_t + Wh h_{t−1} + b,  h_t = φ(z_t),  y_t = Wy h_t + c.
type Net struct {
	Weights
	Act Activation
}

// New returns a net with all weights zero. It panics if a size is less
// than 1 or act is not one of the activations.
func New(in, hidden, out int, act Activation) *Net {
	if act < 0 || int(act) >= len(activationNames) {
		panic(badActivation)
	}
	n := &Net{Act: act}
	n.resize(in, hidden, out)
	return n
}

// Init draws new weights from rng: Wx ~ N(0, 1/In) and Wy ~ N(0, 1/Hidden)
// entrywise (variance 1/fan-in), b = c = 0, and Wh with entries N(0, 1)
// scaled so that its spectral radius (largest |eigenvalue|) is |rho|; a
// negative rho also flips its sign. With one hidden unit Wh = rho exactly.
// The draws come in the order Wx, Wh, Wy, row by row, so the same rng
// state gives the same net. Init panics if rho is not finite and returns
// ErrEigen if the eigenvalues of the drawn Wh cannot be computed.
func (n *Net) Init(rng *rand.Rand, rho float64) error {
	if math.IsNaN(rho) || math.IsInf(rho, 0) {
		panic(badRho)
	}
	fill := func(w []float64, sd float64) {
		for i := range w {
			w[i] = sd * rng.NormFloat64()
		}
	}
	fill(n.Wx, 1/math.Sqrt(float64(n.In)))
	if n.Hidden == 1 {
		n.Wh[0] = rho
	} else {
		fill(n.Wh, 1)
		r, err := SpectralRadius(n.Hidden, n.Wh)
		if err != nil {
			return err
		}
		floats.Scale(rho/r, n.Wh)
	}
	fill(n.Wy, 1/math.Sqrt(float64(n.Hidden)))
	clear(n.B)
	clear(n.C)
	return nil
}

// SpectralRadius returns the largest |λ| over the eigenvalues λ of the
// n×n row-major matrix w, or ErrEigen if the decomposition fails. The
// spectral radius bounds how fast Wh^k can grow or shrink: ‖Wh^k‖^(1/k)
// tends to it as k grows. It panics if len(w) is not n·n.
func SpectralRadius(n int, w []float64) (float64, error) {
	if n < 1 || len(w) != n*n {
		panic(badShape)
	}
	var eig mat.Eigen
	if !eig.Factorize(mat.NewDense(n, n, w), mat.EigenNone) {
		return 0, ErrEigen
	}
	r := 0.0
	for _, l := range eig.Values(nil) {
		r = math.Max(r, cmplx.Abs(l))
	}
	return r, nil
}
