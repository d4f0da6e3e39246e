package nn

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// Errors for conditions a student's settings can cause; caller bugs panic.
var (
	// ErrUnknown is returned for a name (activation, loss,
	// regularisation, dataset, feature) the package does not know.
	ErrUnknown = errors.New("nn: unknown")
	// ErrShape is returned for layer sizes that make no network.
	ErrShape = errors.New("nn: bad network shape")
	// ErrRange is returned for a number outside its valid range.
	ErrRange = errors.New("nn: value out of range")
	// ErrMismatch is returned when a data set does not fit a network:
	// the wrong number of inputs or outputs, or a cross-entropy on
	// regression targets.
	ErrMismatch = errors.New("nn: data and network do not fit")
)

// Panic messages for caller bugs.
const (
	badActivation = "nn: invalid activation"
	badLoss       = "nn: invalid loss"
	badLen        = "nn: length mismatch"
	badInput      = "nn: input length is not a multiple of the input size"
	badTarget     = "nn: target length does not match the pass"
	badPass       = "nn: Backward or DataLoss without a Forward of this network"
	badFeatures   = "nn: number of features is not the input size"
	badGrid       = "nn: grid needs at least 2 points per side and lo < hi"
)

// Config is what defines a network apart from its parameters.
type Config struct {
	// Sizes are the neurons per layer, inputs first, outputs last:
	// [2, 8, 8, 1] is TensorFlow Playground's 2 inputs, two hidden layers
	// of 8 and one output. It must not change after New.
	Sizes []int
	// Hidden is the activation of every hidden neuron, Output that of the
	// output layer. The losses compare the output layer's values with the
	// targets, so a cross-entropy normally has a Linear output.
	Hidden, Output Activation
	Loss           Loss
	Reg            Reg
	RegRate        float64 // λ ≥ 0, the weight of the penalty
}

// Net is a fully connected feed-forward network with its objective
//
//	J(θ) = (1/n) Σ_p Loss(s_p, t_p) + RegRate · Σ_w Reg(w)
//
// over a batch of n examples, s_p being the output layer's values for
// example p. The fields of Config other than Sizes may change between
// passes; they are read afresh by each one.
type Net struct {
	Config

	// Params holds every parameter, layer by layer, each layer's weights
	// (row-major) then its biases: the order of PyTorch's parameters()
	// for a Sequential of Linear layers. An optimizer or a finite
	// difference can treat it as one vector.
	Params []float64
	// W[l] and B[l] are views into Params for the step from layer l to
	// layer l+1 (l = 0 … len(Sizes)−2): z⁽ˡ⁺¹⁾ = W[l]·a⁽ˡ⁾ + B[l]. W[l] is
	// Sizes[l+1]×Sizes[l] row-major, as PyTorch's Linear.weight:
	// W[l][i*Sizes[l]+j] weighs neuron j of layer l into neuron i of layer
	// l+1. Change their values, never the slices.
	W, B [][]float64
}

// New returns a network for c with parameters drawn by Init(seed). It
// returns an error wrapping ErrShape for fewer than two layers, a layer of
// no neurons or a cross-entropy with one output, ErrUnknown for an
// activation, loss or regularisation out of its enumeration, and ErrRange
// for a negative or non-finite RegRate.
func New(c Config, seed uint64) (*Net, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	c.Sizes = append([]int(nil), c.Sizes...)
	net := &Net{Config: c}
	total := 0
	for l := range len(c.Sizes) - 1 {
		total += c.Sizes[l+1] * (c.Sizes[l] + 1)
	}
	net.Params = make([]float64, total)
	net.W = make([][]float64, len(c.Sizes)-1)
	net.B = make([][]float64, len(c.Sizes)-1)
	off := 0
	for l := range net.W {
		in, out := c.Sizes[l], c.Sizes[l+1]
		net.W[l] = net.Params[off : off+out*in : off+out*in]
		off += out * in
		net.B[l] = net.Params[off : off+out : off+out]
		off += out
	}
	net.Init(seed)
	return net, nil
}

func (c Config) check() error {
	if len(c.Sizes) < 2 {
		return fmt.Errorf("%w: %d layers, need at least an input and an output layer", ErrShape, len(c.Sizes))
	}
	for l, s := range c.Sizes {
		if s < 1 {
			return fmt.Errorf("%w: layer %d has %d neurons", ErrShape, l, s)
		}
	}
	if !c.Hidden.valid() || !c.Output.valid() {
		return fmt.Errorf("%w activation %d or %d", ErrUnknown, int(c.Hidden), int(c.Output))
	}
	if !c.Loss.valid() {
		return fmt.Errorf("%w loss %d", ErrUnknown, int(c.Loss))
	}
	if !c.Reg.valid() {
		return fmt.Errorf("%w regularisation %d", ErrUnknown, int(c.Reg))
	}
	if c.Loss == CE && c.Sizes[len(c.Sizes)-1] < 2 {
		return fmt.Errorf("%w: cross-entropy needs at least 2 outputs", ErrShape)
	}
	if !(c.RegRate >= 0) || math.IsInf(c.RegRate, 1) {
		return fmt.Errorf("%w: regularisation rate %g", ErrRange, c.RegRate)
	}
	return nil
}

// initStream is the PCG stream of Init; Dataset uses another, so that
// the same seed does not give correlated data and weights.
const initStream = 0x6e6e5f696e6974 // "nn_init"

// Init sets every weight to a uniform draw from [−0.5, 0.5) and every
// bias to 0.1, as TensorFlow Playground does, in Params order from a PCG
// generator seeded with seed: the same seed gives the same network.
func (net *Net) Init(seed uint64) {
	rng := rand.New(rand.NewPCG(seed, initStream))
	for l := range net.W {
		for k := range net.W[l] {
			net.W[l][k] = rng.Float64() - 0.5
		}
		for k := range net.B[l] {
			net.B[l][k] = 0.1
		}
	}
}

// Layers returns the number of layers, inputs and outputs included.
func (net *Net) Layers() int { return len(net.Sizes) }

// Penalty returns the regularisation term RegRate · Σ_w Reg(w).
func (net *Net) Penalty() float64 {
	if net.Reg == NoReg || net.RegRate == 0 {
		return 0
	}
	s := 0.0
	for _, w := range net.W {
		for _, v := range w {
			s += net.Reg.penalty(v)
		}
	}
	return net.RegRate * s
}

// Pass holds a forward and backward pass over a batch of N examples: what
// a step-through view of backpropagation shows, and the buffers training
// reuses. Its zero value is ready; Forward lays it out for the network
// and the batch size, reusing its memory when the capacity suffices.
//
// A batch of values is stored unit by unit: the value of neuron j of layer
// l for example p is Z[l][j*N+p]. So each neuron's values over the batch
// are one contiguous slice (Unit), for a grid of points a raster.
type Pass struct {
	N int // examples in the batch

	// Z[l] and A[l] are the weighted inputs z⁽ˡ⁾ and activations
	// a⁽ˡ⁾ = φ(z⁽ˡ⁾) of layer l, l = 0 … Layers()−1. A[0] is the input
	// slice given to Forward itself; Z[0] is nil.
	Z, A [][]float64
	// Out is the network's prediction, from the output layer's values s =
	// A[L]: s itself for MSE (Out is A[L] then), σ(s) for BCE, softmax(s)
	// over the outputs of each example for CE.
	Out []float64
	// Delta[l] is δ⁽ˡ⁾ = ∂ℓ_p/∂z⁽ˡ⁾ for each example's own loss ℓ_p,
	// l = 1 … L (Delta[0] is nil), set by Backward.
	Delta [][]float64
	// Grad is ∂J/∂θ in Params order, set by Backward; GW and GB are its
	// views shaped as Net.W and Net.B.
	Grad   []float64
	GW, GB [][]float64

	sizes []int
	out   []float64 // Out's buffer when it is not A[L]
	loss  Loss      // the loss Out was computed for
}

// Unit returns the values of neuron j of layer l over the batch,
// A[l][j*N:(j+1)*N].
func (p *Pass) Unit(l, j int) []float64 { return p.A[l][j*p.N : (j+1)*p.N] }

// layout shapes p for net and n examples.
func (p *Pass) layout(net *Net, n int) {
	same := len(p.sizes) == len(net.Sizes)
	for l := 0; same && l < len(p.sizes); l++ {
		same = p.sizes[l] == net.Sizes[l]
	}
	L := len(net.Sizes) - 1
	if !same {
		p.sizes = append(p.sizes[:0], net.Sizes...)
		p.Z = make([][]float64, L+1)
		p.A = make([][]float64, L+1)
		p.Delta = make([][]float64, L+1)
		p.Grad = make([]float64, len(net.Params))
		p.GW = make([][]float64, L)
		p.GB = make([][]float64, L)
		off := 0
		for l := range L {
			in, out := net.Sizes[l], net.Sizes[l+1]
			p.GW[l] = p.Grad[off : off+out*in : off+out*in]
			off += out * in
			p.GB[l] = p.Grad[off : off+out : off+out]
			off += out
		}
	}
	p.N = n
	for l := 1; l <= L; l++ {
		p.Z[l] = grow(p.Z[l], net.Sizes[l]*n)
		p.A[l] = grow(p.A[l], net.Sizes[l]*n)
	}
}

// grow returns buf resliced to size, reallocated only when its capacity
// is too small.
func grow(buf []float64, size int) []float64 {
	if cap(buf) < size {
		return make([]float64, size)
	}
	return buf[:size]
}

// Forward runs the network on the batch x, which holds Sizes[0] inputs of
// each example stored unit by unit (input j of example p at x[j*n+p], n =
// len(x)/Sizes[0]), and sets p's N, Z, A and Out. p keeps x as A[0]. It
// panics if len(x) is not a multiple of Sizes[0].
func (net *Net) Forward(p *Pass, x []float64) {
	in := net.Sizes[0]
	if len(x)%in != 0 {
		panic(badInput)
	}
	n := len(x) / in
	p.layout(net, n)
	p.A[0] = x
	L := len(net.Sizes) - 1
	for l := range L {
		in, out := net.Sizes[l], net.Sizes[l+1]
		a, z, w := p.A[l], p.Z[l+1], net.W[l]
		for i := range out {
			zi := z[i*n : (i+1)*n]
			b := net.B[l][i]
			for q := range zi {
				zi[q] = b
			}
			for j, wij := range w[i*in : (i+1)*in] {
				axpy(zi, wij, a[j*n:(j+1)*n])
			}
		}
		act := net.Hidden
		if l+1 == L {
			act = net.Output
		}
		act.apply(p.A[l+1], z)
	}
	p.predict(net.Loss, net.Sizes[L])
}

// axpy sets y += a·x; len(x) ≥ len(y).
func axpy(y []float64, a float64, x []float64) {
	x = x[:len(y)]
	for q, v := range x {
		y[q] += a * v
	}
}

// predict sets p.Out from the output layer's values for the loss.
func (p *Pass) predict(loss Loss, k int) {
	L := len(p.A) - 1
	s, n := p.A[L], p.N
	p.loss = loss
	switch loss {
	case MSE:
		p.Out = s
		return
	case BCE:
		p.out = grow(p.out, len(s))
		p.Out = p.out
		for q, v := range s {
			p.Out[q] = sigmoid(v)
		}
	case CE:
		p.out = grow(p.out, len(s))
		p.Out = p.out
		o := p.Out
		for q := range n {
			m := math.Inf(-1)
			for c := range k {
				m = max(m, s[c*n+q])
			}
			sum := 0.0
			for c := range k {
				e := exp(s[c*n+q] - m)
				o[c*n+q] = e
				sum += e
			}
			for c := range k {
				o[c*n+q] /= sum
			}
		}
	default:
		panic(badLoss)
	}
}

// check panics unless p holds a Forward of net and t fits it.
func (p *Pass) check(net *Net, t []float64) {
	if len(p.sizes) != len(net.Sizes) || p.loss != net.Loss {
		panic(badPass)
	}
	for l, s := range net.Sizes {
		if p.sizes[l] != s {
			panic(badPass)
		}
	}
	L := len(net.Sizes) - 1
	if len(t) != net.Sizes[L]*p.N {
		panic(badTarget)
	}
}

// Backward sets p's Delta and Grad for the targets t of the batch of the
// last Forward (t stored unit by unit as the outputs, Sizes[L]·N values):
// Grad is the gradient of the objective J, the batch mean of the loss's
// gradient plus the penalty's. It panics if p does not hold a Forward of
// net with the same Loss, or if len(t) does not fit.
func (net *Net) Backward(p *Pass, t []float64) {
	p.check(net, t)
	L := len(net.Sizes) - 1
	n, k := p.N, net.Sizes[L]
	for l := 1; l <= L; l++ {
		p.Delta[l] = grow(p.Delta[l], net.Sizes[l]*n)
	}
	// ∂ℓ/∂s for each output, then times φ′ of the output layer.
	d := p.Delta[L]
	switch net.Loss {
	case MSE, BCE:
		for q, o := range p.Out {
			d[q] = o - t[q]
		}
	case CE:
		for q := range n {
			st := 0.0
			for c := range k {
				st += t[c*n+q]
			}
			for c := range k {
				d[c*n+q] = p.Out[c*n+q]*st - t[c*n+q]
			}
		}
	}
	net.Output.mulD(d, p.Z[L], p.A[L])

	inv := 0.0 // an empty batch has no data term, only the penalty
	if n > 0 {
		inv = 1 / float64(n)
	}
	for l := L - 1; l >= 0; l-- {
		in, out := net.Sizes[l], net.Sizes[l+1]
		a, dn, w := p.A[l], p.Delta[l+1], net.W[l]
		gw, gb := p.GW[l], p.GB[l]
		for i := range out {
			di := dn[i*n : (i+1)*n]
			s := 0.0
			for _, v := range di {
				s += v
			}
			gb[i] = s * inv
			for j := range in {
				gw[i*in+j] = dot(di, a[j*n:(j+1)*n]) * inv
			}
		}
		if net.Reg != NoReg && net.RegRate != 0 {
			for k, v := range w {
				gw[k] += net.RegRate * net.Reg.grad(v)
			}
		}
		if l == 0 {
			break
		}
		// δ⁽ˡ⁾_j = φ′(z⁽ˡ⁾_j) Σ_i W[l][i,j] δ⁽ˡ⁺¹⁾_i
		dl := p.Delta[l]
		for j := range in {
			dj := dl[j*n : (j+1)*n]
			clear(dj)
			for i := range out {
				axpy(dj, w[i*in+j], dn[i*n:(i+1)*n])
			}
		}
		net.Hidden.mulD(dl, p.Z[l], p.A[l])
	}
}

// dot returns Σ x[q]·y[q]; len(y) ≥ len(x).
func dot(x, y []float64) float64 {
	y = y[:len(x)]
	s := 0.0
	for q, v := range x {
		s += v * y[q]
	}
	return s
}

// DataLoss returns the data term of the objective for the batch of the last
// Forward and its targets t: the mean over the examples of the loss (no
// penalty; Objective adds it). An empty batch has loss 0. It panics as
// Backward does.
func (net *Net) DataLoss(p *Pass, t []float64) float64 {
	p.check(net, t)
	if p.N == 0 {
		return 0
	}
	L := len(net.Sizes) - 1
	s, n, k := p.A[L], p.N, net.Sizes[L]
	sum := 0.0
	switch net.Loss {
	case MSE:
		for q, v := range s {
			e := v - t[q]
			sum += 0.5 * e * e
		}
	case BCE:
		for q, v := range s {
			sum += softplus(v) - t[q]*v
		}
	case CE:
		for q := range n {
			m := math.Inf(-1)
			for c := range k {
				m = max(m, s[c*n+q])
			}
			e := 0.0
			for c := range k {
				e += exp(s[c*n+q] - m)
			}
			// logsumexp(s) − s_c as (m − s_c) + ln Σ e^(s−m): no
			// cancellation when the logits are large.
			le := math.Log(e)
			for c := range k {
				if tc := t[c*n+q]; tc != 0 {
					sum += tc * (m - s[c*n+q] + le)
				}
			}
		}
	}
	return sum / float64(n)
}

// Objective returns J = DataLoss(p, t) + Penalty(), what Backward's Grad
// is the gradient of.
func (net *Net) Objective(p *Pass, t []float64) float64 {
	return net.DataLoss(p, t) + net.Penalty()
}
