package rnn

import (
	"gonum.org/v1/gonum/floats"
)

// Trace holds what Forward computed at each step t = 1, …, T, stored at
// index t−1: Backward reads it. Each field is T rows. A Trace is reused
// by the next Forward of the same length and sizes without allocating.
type Trace struct {
	X  [][]float64 // inputs x_t (copied from Forward's argument)
	Z  [][]float64 // pre-activations z_t = Wx x_t + Wh h_{t−1} + b
	H  [][]float64 // hidden states h_t = φ(z_t); h_0 = 0 is not stored
	Y  [][]float64 // outputs y_t = Wy h_t + c
	DY [][]float64 // room for ∂L/∂y_t, zeroed by Forward, filled by SeqMSE or LastMSE

	h0 []float64 // the zero initial state
}

// Len returns the number of steps T.
func (tr *Trace) Len() int { return len(tr.X) }

// rows returns T views of width n into buf, and the rest of buf.
func rows(dst [][]float64, buf []float64, T, n int) ([][]float64, []float64) {
	dst = dst[:0]
	for range T {
		dst = append(dst, buf[:n:n])
		buf = buf[n:]
	}
	return dst, buf
}

func (tr *Trace) reshape(T, in, hidden, out int) {
	if len(tr.X) == T && len(tr.X[0]) == in && len(tr.H[0]) == hidden && len(tr.Y[0]) == out {
		return
	}
	buf := make([]float64, T*(in+2*hidden+2*out)+hidden)
	tr.X, buf = rows(tr.X, buf, T, in)
	tr.Z, buf = rows(tr.Z, buf, T, hidden)
	tr.H, buf = rows(tr.H, buf, T, hidden)
	tr.Y, buf = rows(tr.Y, buf, T, out)
	tr.DY, tr.h0 = rows(tr.DY, buf, T, out)
}

// Forward runs the net over the inputs xs (T rows of In values) from
// h_0 = 0 and records every step in dst. It panics if xs is empty or a row
// is not In long.
func (n *Net) Forward(dst *Trace, xs [][]float64) {
	if len(xs) == 0 {
		panic(emptySeq)
	}
	for _, x := range xs {
		if len(x) != n.In {
			panic(badShape)
		}
	}
	dst.reshape(len(xs), n.In, n.Hidden, n.Out)
	hPrev := dst.h0
	for t, x := range xs {
		copy(dst.X[t], x)
		n.step(dst.Z[t], dst.H[t], dst.Y[t], hPrev, x)
		clear(dst.DY[t])
		hPrev = dst.H[t]
	}
}

// step computes one time step: z and h from the previous state and the
// input, then the output y.
func (n *Net) step(z, h, y, hPrev, x []float64) {
	in, hid := n.In, n.Hidden
	for i := range z {
		z[i] = n.B[i] + dot(n.Wx[i*in:(i+1)*in], x) + dot(n.Wh[i*hid:(i+1)*hid], hPrev)
	}
	n.Act.apply(h, z)
	for o := range y {
		y[o] = n.C[o] + dot(n.Wy[o*hid:(o+1)*hid], h)
	}
}

// dot returns Σ a_i b_i over len(a). Four running sums keep the adds
// independent of each other, which makes it about three times faster than
// a single sum in WebAssembly (and faster there than gonum's portable
// kernels).
func dot(a, b []float64) float64 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// Grad is the gradient of a loss with respect to a Net's weights, with
// what BPTT saw at each step on the way. The zero value is ready to use;
// Backward reuses its storage while the sizes stay the same.
type Grad struct {
	Weights // ∂L/∂Wx, ∂L/∂Wh, ∂L/∂b, ∂L/∂Wy, ∂L/∂c

	// DH[t−1] is g_t, the gradient arriving at h_t (see the package
	// documentation); DHNorm[t−1] is ‖g_t‖.
	DH     [][]float64
	DHNorm []float64
	// WhNorm[t−1] is ‖δ_t h_{t−1}ᵀ‖_F = ‖δ_t‖·‖h_{t−1}‖ with δ_t = φ'(z_t) ⊙ g_t:
	// the size of step t's term in ∂L/∂Wh = Σ_t δ_t h_{t−1}ᵀ (0 at t = 1,
	// where h_0 = 0).
	WhNorm []float64

	whT             []float64 // Whᵀ, row-major, so that Whᵀv is a row of dots
	u, v            []float64 // vectors of one step
	hT, xT, dT, dyT []float64 // step values unit by unit: h (with h_0), x, δ, ∂L/∂y
	steps           int       // T, the length the buffers were made for
}

func (g *Grad) reshape(T, in, hidden, out int) {
	g.resize(in, hidden, out)
	if g.steps == T && len(g.u) == hidden && len(g.xT) == in*T && len(g.dyT) == out*T {
		return
	}
	g.steps = T
	buf := make([]float64, T*(hidden+2)+hidden*hidden+2*hidden+hidden*(T+1)+in*T+hidden*T+out*T)
	g.DH, buf = rows(g.DH, buf, T, hidden)
	take := func(n int) []float64 {
		s := buf[:n:n]
		buf = buf[n:]
		return s
	}
	g.DHNorm, g.WhNorm = take(T), take(T)
	g.whT, g.u, g.v = take(hidden*hidden), take(hidden), take(hidden)
	g.hT, g.xT, g.dT, g.dyT = take(hidden*(T+1)), take(in*T), take(hidden*T), take(out*T)
}

// Backward computes into dst the gradient, by backpropagation through
// time, of a loss L that depends on the outputs recorded in tr, given
// dY[t−1] = ∂L/∂y_t (a nil row, or a row of zeros, where the loss does not
// look at y_t). With trunc = 0, or trunc ≥ T, the gradient is exact (full
// BPTT); with trunc = k ≥ 1, the gradient of each step's loss term flows
// back through at most k steps (truncated BPTT, see the package
// documentation). Backward panics if tr was not recorded by a net of n's
// sizes, if dY is not T rows of Out values (or nil rows), or if trunc < 0.
func (n *Net) Backward(dst *Grad, tr *Trace, dY [][]float64, trunc int) {
	T, in, hid, out := tr.Len(), n.In, n.Hidden, n.Out
	if T == 0 || len(tr.X[0]) != in || len(tr.H[0]) != hid || len(tr.Y[0]) != out || len(dY) != T {
		panic(badShape)
	}
	for _, d := range dY {
		if d != nil && len(d) != out {
			panic(badShape)
		}
	}
	if trunc < 0 {
		panic(badTrunc)
	}
	dst.reshape(T, in, hid, out)
	for i := range hid {
		for j := range hid {
			dst.whT[j*hid+i] = n.Wh[i*hid+j]
		}
	}
	if trunc == 0 || trunc >= T {
		n.gradFull(dst, tr, dY)
	} else {
		n.gradTrunc(dst, tr, dY, trunc)
	}
	n.weightGrads(dst, tr, dY)
}

// addWyT adds Wyᵀ dy to g: what the output at a step sends back to h.
func (n *Net) addWyT(g, dy []float64) {
	hid := n.Hidden
	for o, d := range dy {
		if d != 0 {
			floats.AddScaled(g, d, n.Wy[o*hid:(o+1)*hid])
		}
	}
}

// backStep sets dst = Whᵀ(φ'(z_t) ⊙ g): the gradient that g, arriving at
// h_t, sends on to h_{t−1}.
func (n *Net) backStep(dst *Grad, g []float64, tr *Trace, t int) {
	hid := n.Hidden
	n.Act.mulDeriv(dst.u, g, tr.Z[t], tr.H[t])
	for i := range dst.v {
		dst.v[i] = dot(dst.whT[i*hid:(i+1)*hid], dst.u)
	}
}

// gradFull fills DH with the exact ∂L/∂h_t, from the last step back:
// g_T = Wyᵀ ∂L/∂y_T and g_t = Wyᵀ ∂L/∂y_t + Whᵀ(φ'(z_{t+1}) ⊙ g_{t+1}).
func (n *Net) gradFull(dst *Grad, tr *Trace, dY [][]float64) {
	clear(dst.v)
	for t := tr.Len() - 1; t >= 0; t-- {
		g := dst.DH[t]
		copy(g, dst.v)
		n.addWyT(g, dY[t])
		if t > 0 {
			n.backStep(dst, g, tr, t)
		}
	}
}

// gradTrunc fills DH with the truncated gradients: each loss term at step
// s is carried back from h_s to h_{s−k+1} only. The terms travel
// different distances, so each goes back on its own: T·k steps at most.
func (n *Net) gradTrunc(dst *Grad, tr *Trace, dY [][]float64, k int) {
	for _, g := range dst.DH {
		clear(g)
	}
	for s := range dY {
		if allZero(dY[s]) {
			continue
		}
		clear(dst.v)
		n.addWyT(dst.v, dY[s])
		for t := s; ; t-- {
			floats.Add(dst.DH[t], dst.v)
			if t == 0 || t == s-k+1 {
				break
			}
			n.backStep(dst, dst.v, tr, t)
		}
	}
}

func allZero(s []float64) bool {
	for _, v := range s {
		if v != 0 {
			return false
		}
	}
	return true
}

// weightGrads turns the g_t in DH into the weight gradients. Each is a sum
// over time of outer products (∂L/∂Wh = Σ_t δ_t h_{t−1}ᵀ, …); with the
// step values laid out unit by unit, each entry is one dot product over
// time, which runs faster than T rank-one updates.
func (n *Net) weightGrads(dst *Grad, tr *Trace, dY [][]float64) {
	T, in, hid, out := tr.Len(), n.In, n.Hidden, n.Out
	for t := range T {
		n.Act.mulDeriv(dst.u, dst.DH[t], tr.Z[t], tr.H[t]) // δ_t
		for i, d := range dst.u {
			dst.dT[i*T+t] = d
		}
		for j, h := range tr.H[t] {
			dst.hT[j*(T+1)+t+1] = h
		}
		for j, x := range tr.X[t] {
			dst.xT[j*T+t] = x
		}
		for o := range out {
			d := 0.0
			if dY[t] != nil {
				d = dY[t][o]
			}
			dst.dyT[o*T+t] = d
		}
		dst.DHNorm[t] = floats.Norm(dst.DH[t], 2)
		if t == 0 {
			dst.WhNorm[t] = 0
		} else {
			dst.WhNorm[t] = floats.Norm(dst.u, 2) * floats.Norm(tr.H[t-1], 2)
		}
	}
	for j := range hid {
		dst.hT[j*(T+1)] = 0 // h_0
	}
	for i := range hid {
		d := dst.dT[i*T : (i+1)*T]
		for j := range in {
			dst.Wx[i*in+j] = dot(d, dst.xT[j*T:(j+1)*T])
		}
		for j := range hid {
			dst.Wh[i*hid+j] = dot(d, dst.hT[j*(T+1):j*(T+1)+T]) // h_0 … h_{T−1}
		}
		dst.B[i] = floats.Sum(d)
	}
	for o := range out {
		d := dst.dyT[o*T : (o+1)*T]
		for j := range hid {
			dst.Wy[o*hid+j] = dot(d, dst.hT[j*(T+1)+1:(j+1)*(T+1)]) // h_1 … h_T
		}
		dst.C[o] = floats.Sum(d)
	}
}

// SeqMSE returns the mean over the steps that have a target of
// ½‖y_t − target_t‖², and writes its gradient into dY: dY[t−1] =
// (y_t − target_t)/m with m the number of such steps, zero where
// targets[t−1] is nil. With no target at all the loss and gradient are 0.
// It panics unless dY, ys and targets have the same number of rows and
// the non-nil ones the same lengths.
func SeqMSE(dY, ys, targets [][]float64) float64 {
	if len(dY) != len(ys) || len(targets) != len(ys) {
		panic(badShape)
	}
	m := 0
	for t, tg := range targets {
		if tg != nil {
			if len(tg) != len(ys[t]) {
				panic(badShape)
			}
			m++
		}
	}
	loss := 0.0
	for t, y := range ys {
		d := dY[t]
		if len(d) != len(y) {
			panic(badShape)
		}
		if targets[t] == nil {
			clear(d)
			continue
		}
		for o, v := range y {
			r := v - targets[t][o]
			loss += r * r
			d[o] = r / float64(m)
		}
	}
	if m == 0 {
		return 0
	}
	return loss / (2 * float64(m))
}

// LastMSE returns ½‖y_T − target‖², the loss on the last output only, and
// writes its gradient into dY: y_T − target in the last row, zeros above.
// It panics unless dY and ys have the same number of rows of len(target).
func LastMSE(dY, ys [][]float64, target []float64) float64 {
	if len(dY) != len(ys) || len(ys) == 0 {
		panic(badShape)
	}
	for t, d := range dY {
		if len(d) != len(target) || len(ys[t]) != len(target) {
			panic(badShape)
		}
		clear(d)
	}
	T := len(ys) - 1
	loss := 0.0
	for o, v := range ys[T] {
		r := v - target[o]
		loss += r * r
		dY[T][o] = r
	}
	return loss / 2
}
