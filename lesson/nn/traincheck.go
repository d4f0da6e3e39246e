package nn

import (
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/diff/fd"

	"github.com/aimath/playground/core/nn"
)

// The gradient check behind the grad_check_max_rel_err readout: the
// gradient backpropagation gives for the full-batch objective on the
// training set, J(θ) = mean loss + penalty, against central finite
// differences (J(θ + h·e_k) − J(θ − h·e_k))/2h, h = trCheckStep, for
// every parameter when there are at most trCheckAll, else for a seeded
// subset of trCheckSubset of them. The readout is the largest
//
//	|g_k − ĝ_k| / max(|g_k|, |ĝ_k|, trCheckFloor)
//
// over the parameters checked: a relative error, but for gradients below
// trCheckFloor, whose finite differences have no more digits than their
// absolute error of about 1e-10, an absolute one scaled by 1/trCheckFloor.
// The step h balances the formula's error, h²·J‴/6, which grows as the
// weights do (tanh's J‴ reaches thousands after training), against
// rounding, about 1e-16·J/h: with h = 3e-6 trained networks stay near
// 1e-7, where 1e-5 reached 1e-6 and 1e-4 1e-4. Smooth activations stay
// under 1e-6; ReLU's kink can give more when a training point sits within
// h·|x| of it, which is the kink, not a bug.
//
// L1's |w| has a kink at 0 too, and training leaves weights within h of
// it (its truncation stops them at 0, the data term moves them a little):
// there the difference is taken on the weight's side of 0, with the
// second-order one-sided formula (−3J(θ) + 4J(θ ± h) − J(θ ± 2h))/(±2h).
// At exactly 0 the central difference of |w| is 0, the subgradient
// backpropagation uses.
//
// A check costs two forward passes over the training set per parameter
// checked, tens of milliseconds under wasm, so it is not done every
// epoch: it is done at once on reset, after a dragged weight is let go,
// when the penalty changes, and by the step button every trCheckEvery
// epochs; while playing, a new one starts every trCheckEvery epochs, on a
// copy of the parameters, and runs a few parameters per tick
// (trCheckWork), unless one parameter alone costs more than a tick's
// share (large networks on many points): those are checked on reset and
// by the step button only. The readouts show the last check completed and
// the epoch it checked (grad_check_epoch).

const (
	trCheckStep   = 3e-6
	trCheckFloor  = 1e-3
	trCheckAll    = 150
	trCheckSubset = 60
	trCheckEvery  = 30
	// trCheckStream is the second word of the subset's PCG seed.
	trCheckStream = 0x6368656b // "chek"
)

// trCheck is a gradient check, in progress or done.
type trCheck struct {
	net       *nn.Net // the copy of the parameters checked
	pass      nn.Pass
	grad      []float64 // backpropagation's gradient at the copy
	idx       []int     // the parameters checked
	weight    []bool    // whether each parameter is a weight (not a bias)
	next      int       // the next of idx
	run       float64   // the largest error so far in the check in progress
	busy      bool
	valid     bool    // a check has been completed since the last rebuild
	maxRel    float64 // the last completed check's result
	doneEpoch int     // the epoch it checked
	epoch     int     // the epoch of the last check started
}

func (c *trCheck) cancel() { c.busy = false }

// start copies the view's parameters and computes their gradient.
func (c *trCheck) start(s *trainView) {
	src := s.net
	if c.net == nil || !slices.Equal(c.net.Sizes, src.Sizes) {
		c.net, _ = nn.New(src.Config, 0) // cannot fail: src was made from it
	}
	c.net.Hidden, c.net.Output, c.net.Loss = src.Hidden, src.Output, src.Loss
	c.net.Reg, c.net.RegRate = src.Reg, src.RegRate
	copy(c.net.Params, src.Params)
	c.net.Forward(&c.pass, s.train.X)
	c.net.Backward(&c.pass, s.train.T)
	c.grad = append(c.grad[:0], c.pass.Grad...)
	n := len(src.Params)
	c.weight = c.weight[:0]
	for l := range src.W {
		for range src.W[l] {
			c.weight = append(c.weight, true)
		}
		for range src.B[l] {
			c.weight = append(c.weight, false)
		}
	}
	c.idx = c.idx[:0]
	if n <= trCheckAll {
		for k := range n {
			c.idx = append(c.idx, k)
		}
	} else {
		rng := rand.New(rand.NewPCG(uint64(s.seed), trCheckStream))
		c.idx = append(c.idx, rng.Perm(n)[:trCheckSubset]...)
		slices.Sort(c.idx)
	}
	c.next, c.run, c.busy, c.epoch = 0, 0, true, s.epoch
}

// trOneSided returns the second-order one-sided difference
// (−3J(θ) + 4J(θ ± h) − J(θ ± 2h))/(±2h) on the side of θ's sign, so that
// the stencil stays off L1's kink at 0.
func trOneSided(theta float64) *fd.Settings {
	s := math.Copysign(1, theta)
	return &fd.Settings{Formula: fd.Formula{
		Stencil:    []fd.Point{{Loc: 0, Coeff: -1.5 * s}, {Loc: s, Coeff: 2 * s}, {Loc: 2 * s, Coeff: -0.5 * s}},
		Derivative: 1, Step: trCheckStep,
	}}
}

// due reports whether a new check should start at this epoch.
func (c *trCheck) due(s *trainView) bool {
	return !c.busy && (!c.valid || s.epoch-c.epoch >= trCheckEvery)
}

// advance checks as many parameters as budget allows and completes the
// check after the last.
func (c *trCheck) advance(s *trainView, budget float64) {
	if !c.busy {
		return
	}
	perParam := 2 * float64(s.train.N) * s.fwdCost()
	central := &fd.Settings{Formula: fd.Central, Step: trCheckStep}
	l1 := c.net.Reg == nn.L1 && c.net.RegRate != 0
	for done := 0.0; c.next < len(c.idx) && done+perParam <= budget; done += perParam {
		k := c.idx[c.next]
		c.next++
		theta := c.net.Params[k]
		settings := central
		if l1 && c.weight[k] && theta != 0 && math.Abs(theta) <= trCheckStep {
			settings = trOneSided(theta)
		}
		want := fd.Derivative(func(x float64) float64 {
			c.net.Params[k] = x
			c.net.Forward(&c.pass, s.train.X)
			return c.net.Objective(&c.pass, s.train.T)
		}, theta, settings)
		c.net.Params[k] = theta
		g := c.grad[k]
		rel := math.Abs(g-want) / math.Max(math.Max(math.Abs(g), math.Abs(want)), trCheckFloor)
		if !math.IsNaN(c.run) && !(rel <= c.run) { // a NaN stays, to be shown
			c.run = rel
		}
	}
	if c.next == len(c.idx) {
		c.busy, c.valid, c.maxRel, c.doneEpoch = false, true, c.run, c.epoch
	}
}

// play is the check's part of a tick at an epoch boundary: go on with the
// check in progress, or start one every trCheckEvery epochs, as far as
// budget allows.
func (c *trCheck) play(s *trainView, budget float64) {
	if c.due(s) && 2*float64(s.train.N)*s.fwdCost() <= trCheckWork {
		c.start(s)
	}
	c.advance(s, budget)
}

// runCheck checks the current parameters at once.
func (s *trainView) runCheck() {
	if s.net == nil || s.train.N == 0 {
		s.check.cancel()
		s.check.valid = false
		return
	}
	s.check.start(s)
	s.check.advance(s, math.Inf(1))
}
