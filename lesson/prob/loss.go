package prob

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// The loss view: two toy models side by side, each with its loss and the
// negative log-likelihood of the data under the model.
//
//   - Regression: y ≈ wx + b on eight points. With Gaussian noise of
//     standard deviation σ, −(1/n) Σ ln N(yᵢ; wxᵢ + b, σ²) =
//     MSE/(2σ²) + ½ ln(2πσ²): the mean squared error up to a scale and a
//     constant, so both are smallest at the same line (least squares).
//   - Classification: twelve points of three classes on a line and the
//     model p(k | x) = softmax over k of −s·(x − m_k)² (nearest centre
//     wins, s is its confidence). The cross-entropy with the one-hot
//     labels, −(1/n) Σ ln p(yᵢ | xᵢ), is exactly the categorical negative
//     log-likelihood per point: no constant at all.

// Panel IDs and handles of the loss view.
const (
	panelReg = "reg"
	panelCls = "cls"
	idLeft   = "l" // the line's end at x = −lossEnd
	idRight  = "r" // and at x = +lossEnd
	idCenter = "m" // + the class: a centre's handle
)

// The toy data: regression points on [−2, 2] around y = 1.2x + 0.5 with
// noise 0.6; classes around −2, 0 and 2 with spread 0.8.
const (
	lossRegN    = 8
	lossEnd     = 2.0
	lossTrueW   = 1.2
	lossTrueB   = 0.5
	lossNoise   = 0.6
	lossClasses = 3
	lossPerCls  = 4
	lossSpread  = 0.8
)

var lossTrueCenters = [lossClasses]float64{-2, 0, 2}

// lossView is the state of the loss view.
type lossView struct {
	xs, ys  []float64 // regression data
	cx      []float64 // classification inputs
	cy      []int     // and classes
	w, b    float64
	sigma   float64
	centers [lossClasses]float64
	scale   float64
	drag    string

	// Derived.
	mse, gaussConst, gaussNLL float64
	bestW, bestB              float64
	probs                     [][lossClasses]float64 // p(k | xᵢ)
	ce, catNLL                float64
}

func (s *lossView) reset(v *param.Values) {
	rng := rand.New(source(v.Int(pSeed), streamLoss))
	s.xs, s.ys = s.xs[:0], s.ys[:0]
	for i := range lossRegN {
		x := -lossEnd + 2*lossEnd*float64(i)/(lossRegN-1)
		s.xs = append(s.xs, x)
		s.ys = append(s.ys, lossTrueW*x+lossTrueB+lossNoise*rng.NormFloat64())
	}
	s.cx, s.cy = s.cx[:0], s.cy[:0]
	for k := range lossClasses {
		for range lossPerCls {
			s.cx = append(s.cx, lossTrueCenters[k]+lossSpread*rng.NormFloat64())
			s.cy = append(s.cy, k)
		}
	}
	s.bestB, s.bestW = stat.LinearRegression(s.xs, s.ys, nil, false)
	s.drag = ""
	s.load(v)
}

// load reads the model's parameters and computes both losses.
func (s *lossView) load(v *param.Values) {
	s.w, s.b, s.sigma, s.scale = v.Float(pSlope), v.Float(pInter), v.Float(pSigma), v.Float(pScale)
	m := v.Matrix(pCenters)
	if len(m) != 1 || len(m[0]) != lossClasses {
		// A centre for every class: keep those given, the rest as the
		// default.
		row := append([]float64(nil), specDefaultCenters()...)
		copy(row, m[0])
		v.Set(pCenters, [][]float64{row})
		m = v.Matrix(pCenters)
	}
	copy(s.centers[:], m[0])

	// The MSE, and the Gaussian NLL per point from its definition (gonum's
	// normal log-density); the constant is what separates them.
	var sse, nll float64
	for i, x := range s.xs {
		yhat := s.w*x + s.b
		r := s.ys[i] - yhat
		sse += r * r
		nll -= distuv.Normal{Mu: yhat, Sigma: s.sigma}.LogProb(s.ys[i])
	}
	n := float64(len(s.xs))
	s.mse = sse / n
	s.gaussNLL = nll / n
	s.gaussConst = 0.5 * math.Log(2*math.Pi*s.sigma*s.sigma)

	// Softmax probabilities (log-sum-exp); the cross-entropy with one-hot
	// targets −(1/n) Σᵢ Σₖ tᵢₖ ln pᵢₖ, and the NLL −(1/n) ln Πᵢ p(yᵢ | xᵢ)
	// summed as logarithms.
	s.probs = s.probs[:0]
	s.ce, s.catNLL = 0, 0
	for i, x := range s.cx {
		lp := s.logProbs(x)
		var p [lossClasses]float64
		for k := range p {
			p[k] = math.Exp(lp[k])
			if k == s.cy[i] {
				s.ce -= lp[k] // tᵢₖ = 1
			}
		}
		s.probs = append(s.probs, p)
		s.catNLL -= math.Log(p[s.cy[i]])
	}
	s.ce /= float64(len(s.cx))
	s.catNLL /= float64(len(s.cx))
}

// logProbs are ln p(k | x) for every class.
func (s *lossView) logProbs(x float64) [lossClasses]float64 {
	var z [lossClasses]float64
	for k, m := range s.centers {
		z[k] = -s.scale * (x - m) * (x - m)
	}
	lse := floats.LogSumExp(z[:])
	for k := range z {
		z[k] -= lse
	}
	return z
}

func specDefaultCenters() []float64 {
	for _, sp := range Info.Params {
		if sp.Name == pCenters {
			return sp.Default.([][]float64)[0]
		}
	}
	return make([]float64, lossClasses)
}

func (s *lossView) tune(_ string, v *param.Values) { s.load(v) }

func (s *lossView) step(*param.Values) bool { return false }
func (s *lossView) unit(*param.Values) bool { return false }

// pointer drags the line by its ends and the class centres along x.
func (s *lossView) pointer(p lesson.Pointer, v *param.Values) bool {
	switch p.Phase {
	case lesson.Down:
		s.drag = ""
		switch {
		case p.Panel == panelReg && (p.Hit == idLeft || p.Hit == idRight):
			s.drag = p.Hit
		case p.Panel == panelCls && len(p.Hit) == 2 && p.Hit[0] == idCenter[0] && p.Hit[1] >= '0' && p.Hit[1] < '0'+lossClasses:
			s.drag = p.Hit
		}
		return false
	case lesson.Up:
		s.drag = ""
		return false
	}
	if s.drag == "" || !p.Held {
		return false
	}
	if s.drag == idLeft || s.drag == idRight {
		yl, yr := s.w*-lossEnd+s.b, s.w*lossEnd+s.b
		if s.drag == idLeft {
			yl = p.At.Y
		} else {
			yr = p.At.Y
		}
		v.Set(pSlope, param.Snap((yr-yl)/(2*lossEnd), 0.01))
		v.Set(pInter, param.Snap((yr+yl)/2, 0.01))
	} else {
		k := int(s.drag[1] - '0')
		m := v.Matrix(pCenters)
		m[0][k] = param.Snap(math.Max(-centerLimit, math.Min(centerLimit, p.At.X)), 0.1)
		v.Set(pCenters, m)
	}
	s.load(v)
	return true
}

func (s *lossView) readouts() []lesson.Readout {
	return []lesson.Readout{
		num("mse", s.mse),
		num("gauss_const", s.gaussConst),
		num("gauss_nll", s.gaussNLL),
		num("best_slope", s.bestW),
		num("best_intercept", s.bestB),
		num("ce", s.ce),
		num("cat_nll", s.catNLL),
		num("likelihood", math.Exp(-float64(len(s.cx))*s.catNLL)),
	}
}

// data is both data sets: task 0 the regression (x, y, prediction ŷ),
// task 1 the classification (x, class, p(class | x)).
func (s *lossView) data() lesson.Table {
	t := lesson.Table{Columns: []string{"task", "x", "y", "prediction"}}
	for i, x := range s.xs {
		t.Rows = append(t.Rows, []float64{0, x, s.ys[i], s.w*x + s.b})
	}
	for i, x := range s.cx {
		t.Rows = append(t.Rows, []float64{1, x, float64(s.cy[i]), s.probs[i][s.cy[i]]})
	}
	return t
}
