package prob

import (
	"errors"
	"math"
	"slices"

	"github.com/aimath/playground/core/expr"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/core/prob"
	"github.com/aimath/playground/lesson"
)

// The expect view: E[f(X)] and Var[f(X)] for a typed f and one of the
// distributions, computed exactly (a sum over a discrete support, an
// integral against a density: core/prob.Expect) and estimated from the
// samples as the mean of f(x₁), …, f(xₙ), whose standard error s/√n
// shrinks as 1/√n. The samples are the dist view's (the same seed gives
// the same draws).

// Panel IDs of the expect view.
const (
	panelF    = "f"
	panelConv = "conv"
)

// Notes of the expect view (message keys).
const (
	noteDiverges  = "diverges"    // E[f(X)] or Var[f(X)] is infinite or does not exist
	noteUndefined = "f_undefined" // f is not defined everywhere X can fall
)

// expectView is the state of the expect view.
type expectView struct {
	base  distView // the distribution, its samples and its plot window
	f     *expr.Func
	ftext string
	fx    []float64 // f at every sample

	exact, exactVar float64
	note            string

	pace  pacer
	speed float64
	r     running
	conv  conv
	// The f panel's y range.
	ylo, yhi float64
}

func (s *expectView) reset(v *param.Values) {
	s.base.reset(v)
	s.speed = v.Float(pSpeed)
	e, err := parseF(v.String(pF))
	if err != nil { // Check refused it: keep the default
		e, _ = parseF("x^2")
	}
	s.f = e.Compile("x")
	s.ftext = e.String()
	s.note = s.base.note
	d := s.base.d
	s.fx = s.fx[:0]
	s.r.restart(1)
	s.pace.full(0)
	if d == nil {
		return
	}
	var eerr error
	s.exact, s.exactVar, eerr = prob.Expect(d, s.f.Eval1)
	switch {
	case errors.Is(eerr, prob.ErrUndefined):
		s.note = noteUndefined
	case eerr != nil:
		s.note = noteDiverges
	}
	for _, x := range s.base.s.xs {
		fx := s.f.Eval1(x)
		s.fx = append(s.fx, fx)
		s.r.add(fx)
	}
	s.pace.full(len(s.fx))
	s.conv = conv{id: panelConv, title: "(1/n) Σ f(x_i)", r: &s.r, total: len(s.fx), exact: s.exact,
		sigma: math.Sqrt(s.exactVar), exactName: "E[f(X)]"}
	if !finite(s.conv.sigma) {
		s.conv.sigma = math.Sqrt(s.r.variance())
	}
	s.conv.window(s.r.estimate())
	s.fRange()
}

// fRange fixes the f panel's y range: f where X mostly falls (between
// its 1% and 99% quantiles; the 2nd to 98th percentile of those values
// when f shoots off, as 1/x near 0), the exact value, and 0, padded.
// Samples beyond are pinned to the edge.
func (s *expectView) fRange() {
	b := &s.base
	var ys []float64
	if b.d.Discrete() {
		for k := b.k0; k <= b.k1; k++ {
			if y := s.f.Eval1(k); finite(y) {
				ys = append(ys, y)
			}
		}
	} else {
		x0 := math.Max(b.x0, b.d.Quantile(0.01))
		x1 := math.Min(b.x1, b.d.Quantile(0.99))
		for i := 0; i <= curveSteps; i++ {
			if y := s.f.Eval1(x0 + (x1-x0)*float64(i)/curveSteps); finite(y) {
				ys = append(ys, y)
			}
		}
	}
	lo, hi := 0.0, 0.0
	if len(ys) > 0 {
		slices.Sort(ys)
		lo, hi = ys[0], ys[len(ys)-1]
		if p2, p98 := ys[len(ys)*2/100], ys[len(ys)*98/100]; hi-lo > 4*(p98-p2) && p98 > p2 {
			lo, hi = p2, p98
		}
	}
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if finite(s.exact) {
		lo, hi = math.Min(lo, s.exact), math.Max(hi, s.exact)
	}
	if hi-lo < 1e-9 {
		lo, hi = lo-1, hi+1
	}
	pad := 0.08 * (hi - lo)
	s.ylo, s.yhi = lo-pad, hi+pad
}

func (s *expectView) tune(name string, v *param.Values) {
	if name == pSpeed {
		s.speed = v.Float(pSpeed)
	}
}

func (s *expectView) restart() {
	s.pace.restart()
	s.r.restart(1)
}

func (s *expectView) reveal(k int) {
	for range k {
		s.r.add(s.fx[s.pace.shown])
		s.pace.shown++
	}
}

func (s *expectView) step(*param.Values) bool {
	if s.pace.n == 0 {
		return false
	}
	if s.pace.done() {
		s.restart()
	}
	s.reveal(s.pace.tick(s.speed))
	return !s.pace.done()
}

func (s *expectView) unit(*param.Values) bool {
	if s.pace.n == 0 {
		return false
	}
	if s.pace.done() {
		s.restart()
	}
	s.reveal(1)
	return !s.pace.done()
}

func (s *expectView) pointer(lesson.Pointer, *param.Values) bool { return false }

func (s *expectView) readouts() []lesson.Readout {
	if s.base.d == nil {
		return []lesson.Readout{lesson.Str("note", s.note)}
	}
	est := s.r.estimate()
	ros := []lesson.Readout{
		num("exact", s.exact),
		num("exact_var", s.exactVar),
		lesson.Num("drawn", float64(s.pace.shown)),
		num("estimate", est),
		num("stderr", s.r.stderr()),
		num("sample_var", s.r.variance()),
		num("error", math.Abs(est-s.exact)),
	}
	if s.note != "" {
		ros = append(ros, lesson.Str("note", s.note))
	}
	return ros
}

// data is the shown samples and f at each; samples where f is not a
// finite number (ln x at x ≤ 0) are left out, since a table holds numbers.
func (s *expectView) data() lesson.Table {
	rows := make([][]float64, 0, s.pace.shown)
	for i := range s.pace.shown {
		if finite(s.fx[i]) {
			rows = append(rows, []float64{s.base.s.xs[i], s.fx[i]})
		}
	}
	return lesson.Table{Columns: []string{"x", "f(x)"}, Rows: rows}
}
