package rnn

import (
	"fmt"

	"gonum.org/v1/gonum/mat"

	"github.com/aimath/playground/core/linalg"
)

// AR is a linear autoregressive model of order τ = len(Coef):
// s_t ≈ Intercept + Σ_{i=1}^{τ} Coef[i−1]·s_{t−i}.
type AR struct {
	Coef      []float64
	Intercept float64
}

// FitAR fits an AR(tau) model to series by least squares, with
// core/linalg's pseudo-inverse (linalg.Lstsq): one equation per t = τ, …,
// n−1, with the row [1, s_{t−1}, …, s_{t−τ}] and right-hand side s_t.
// With fewer equations than the τ+1 unknowns the answer is the one of
// minimum norm. FitAR returns ErrOrder if tau < 1, ErrLength when the
// series has no more than tau values, and linalg's errors when the fit
// fails.
func FitAR(series []float64, tau int) (AR, error) {
	if tau < 1 {
		return AR{}, fmt.Errorf("%w: AR(%d)", ErrOrder, tau)
	}
	m := len(series) - tau
	if m < 1 {
		return AR{}, fmt.Errorf("%w: AR(%d) needs more than %d values, have %d", ErrLength, tau, tau, len(series))
	}
	x := mat.NewDense(m, tau+1, nil)
	for r := range m {
		t := r + tau
		x.Set(r, 0, 1)
		for i := 1; i <= tau; i++ {
			x.Set(r, i, series[t-i])
		}
	}
	beta, err := linalg.Lstsq(x, series[tau:])
	if err != nil {
		return AR{}, err
	}
	return AR{Coef: beta[1:], Intercept: beta[0]}, nil
}

// Predict returns the model's prediction of the value that follows
// history, from its last τ values. It panics if history is shorter.
func (a AR) Predict(history []float64) float64 {
	tau := len(a.Coef)
	if len(history) < tau {
		panic(badShape)
	}
	p := a.Intercept
	for i, c := range a.Coef {
		p += c * history[len(history)-1-i]
	}
	return p
}

// Generate continues history for n steps free-running, each prediction
// fed back as the newest value, and returns the n predictions. It panics
// if history has fewer than τ values.
func (a AR) Generate(history []float64, n int) []float64 {
	tau := len(a.Coef)
	if len(history) < tau {
		panic(badShape)
	}
	buf := append(make([]float64, 0, tau+n), history[len(history)-tau:]...)
	for range n {
		buf = append(buf, a.Predict(buf))
	}
	return buf[tau:]
}
