package nn

import "math/rand/v2"

// SGD is mini-batch stochastic gradient descent on a Net's objective:
// after each batch, θ ← θ − LR·∂J/∂θ, with J's data term averaged over
// the batch. This is TensorFlow Playground's update (it averages the
// accumulated derivatives over the batch), with its rule for L1: a weight
// that the penalty's part of the step would carry across 0 stops at 0,
// the truncated gradient of Langford, Li and Zhang (JMLR 2009). Unlike
// TensorFlow Playground it does not freeze such a weight afterwards, and
// a last, shorter batch is applied at the end of the epoch instead of
// being carried over into the next.
//
// The fields are read afresh by every call, so a lesson can change them
// live. An SGD keeps its buffers between calls and allocates nothing
// once they fit the network and the batch size.
type SGD struct {
	LR float64 // learning rate
	// Batch is the number of examples per update; values below 1 count
	// as 1, above the set's size as the whole set.
	Batch int
	// Rand, if not nil, reshuffles the order of the examples before each
	// epoch. With nil the set's order is kept, as TensorFlow Playground
	// does (Dataset has shuffled it once).
	Rand *rand.Rand

	pass   Pass
	xb, tb []float64
	order  []int
}

// Epoch runs one pass over s, one update per batch of Batch examples.
func (o *SGD) Epoch(net *Net, s Set) {
	n := s.N
	if len(o.order) != n || o.Rand == nil {
		o.order = o.order[:0]
		for p := range n {
			o.order = append(o.order, p)
		}
	}
	if o.Rand != nil {
		o.Rand.Shuffle(n, func(i, j int) { o.order[i], o.order[j] = o.order[j], o.order[i] })
	}
	b := min(max(o.Batch, 1), max(n, 1))
	for lo := 0; lo < n; lo += b {
		o.Step(net, s, o.order[lo:min(lo+b, n)])
	}
}

// Step makes one update from the examples idx of s: a Forward and
// Backward over them as one batch, then Apply. No examples, no update.
func (o *SGD) Step(net *Net, s Set, idx []int) {
	in, k, m := net.Sizes[0], net.Sizes[len(net.Sizes)-1], len(idx)
	if m == 0 {
		return
	}
	o.xb = grow(o.xb, in*m)
	o.tb = grow(o.tb, k*m)
	gather(o.xb, s.X, s.N, idx)
	gather(o.tb, s.T, s.N, idx)
	net.Forward(&o.pass, o.xb)
	net.Backward(&o.pass, o.tb)
	o.Apply(net, &o.pass)
}

// gather copies the examples idx of src (units of n examples each) into
// dst as units of len(idx) examples.
func gather(dst, src []float64, n int, idx []int) {
	m := len(idx)
	for u := range len(dst) / max(m, 1) {
		d, s := dst[u*m:(u+1)*m], src[u*n:(u+1)*n]
		for q, p := range idx {
			d[q] = s[p]
		}
	}
}

// Apply moves net's parameters by −LR times the gradient in p, set by a
// Backward of net.
func (o *SGD) Apply(net *Net, p *Pass) {
	if len(p.Grad) != len(net.Params) {
		panic(badPass)
	}
	if net.Reg != L1 || net.RegRate == 0 {
		for k, g := range p.Grad {
			net.Params[k] -= o.LR * g
		}
		return
	}
	for l := range net.W {
		w, gw := net.W[l], p.GW[l]
		for k, g := range gw {
			// Split the step into the data part and the penalty's part,
			// and stop at 0 if the latter crosses it.
			data := w[k] - o.LR*(g-net.RegRate*L1.grad(w[k]))
			next := w[k] - o.LR*g
			if data*next < 0 {
				next = 0
			}
			w[k] = next
		}
		for k, g := range p.GB[l] {
			net.B[l][k] -= o.LR * g
		}
	}
}
