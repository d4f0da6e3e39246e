package rnn_test

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/aimath/playground/core/rnn"
)

// Train a tanh RNN to predict the next value of a noisy sine, on a fresh
// sequence at every step, and compare it on an unseen sequence with an
// AR(2) model fitted by least squares to that very sequence. The noise on
// the targets (standard deviation 0.1) alone costs ½·0.1² = 0.005 on
// average; the AR model, which sees the noise in its inputs too, does
// worse than the RNN, which has learnt to smooth over a longer past.
func Example() {
	net := rnn.New(1, 16, 1, rnn.Tanh)
	if err := net.Init(rand.New(rand.NewPCG(1, 1)), 0.9); err != nil {
		fmt.Println(err)
		return
	}
	var tr rnn.Trace
	var g rnn.Grad
	for step := range 1000 {
		xs, targets, _ := rnn.Task("sine", 50, uint64(step))
		net.Forward(&tr, xs)
		loss := rnn.SeqMSE(tr.DY, tr.Y, targets)
		net.Backward(&g, &tr, tr.DY, 0)
		norm := g.ClipNorm(1)
		net.AddScaled(-0.1, &g.Weights)
		if step == 0 {
			fmt.Printf("step 0: loss %.3f, gradient norm %.2f\n", loss, norm)
		}
	}

	xs, targets, _ := rnn.Task("sine", 50, 1000)
	net.Forward(&tr, xs)
	fmt.Printf("RNN:   loss %.4f\n", rnn.SeqMSE(tr.DY, tr.Y, targets))

	series := []float64{xs[0][0]}
	for _, tg := range targets {
		series = append(series, tg[0]) // s_0, …, s_50
	}
	ar, _ := rnn.FitAR(series, 2)
	loss := 0.0
	for t := 2; t < len(series); t++ {
		e := ar.Predict(series[:t]) - series[t]
		loss += e * e / 2 / float64(len(series)-2)
	}
	fmt.Printf("AR(2): loss %.4f, s_t ≈ %.2f %+.2f·s_{t−1} %+.2f·s_{t−2}\n", loss, ar.Intercept, ar.Coef[0], ar.Coef[1])
	// Output:
	// step 0: loss 0.661, gradient norm 2.87
	// RNN:   loss 0.0046
	// AR(2): loss 0.0126, s_t ≈ 0.01 +1.64·s_{t−1} -0.73·s_{t−2}
}

// With one linear unit and Wh = ρ, the gradient of a loss on the last
// output reaches h_1 multiplied by ρ^(T−1): it vanishes for |ρ| < 1 and
// explodes for |ρ| > 1. Truncated BPTT stops it after k steps.
func ExampleNet_Backward() {
	const T = 20
	xs, targets, _ := rnn.Task("memory", T, 1)
	var tr rnn.Trace
	var g rnn.Grad
	for _, rho := range []float64{0.5, 0.9, 1, 1.1} {
		net := rnn.New(1, 1, 1, rnn.Linear)
		net.Init(rand.New(rand.NewPCG(1, 1)), rho)
		net.Forward(&tr, xs)
		rnn.LastMSE(tr.DY, tr.Y, targets[T-1])
		net.Backward(&g, &tr, tr.DY, 0)
		fmt.Printf("ρ = %.1f: ‖∂L/∂h_1‖/‖∂L/∂h_20‖ = %.3g = ρ^19\n", rho, g.DHNorm[0]/g.DHNorm[T-1])
	}

	net := rnn.New(1, 8, 1, rnn.Tanh)
	net.Init(rand.New(rand.NewPCG(1, 1)), 0.9)
	net.Forward(&tr, xs)
	rnn.LastMSE(tr.DY, tr.Y, targets[T-1])
	net.Backward(&g, &tr, tr.DY, 5)
	fmt.Printf("truncated at 5 steps: ‖∂L/∂h_t‖ for t = 14…20: %.2g\n", g.DHNorm[13:])
	// Output:
	// ρ = 0.5: ‖∂L/∂h_1‖/‖∂L/∂h_20‖ = 1.91e-06 = ρ^19
	// ρ = 0.9: ‖∂L/∂h_1‖/‖∂L/∂h_20‖ = 0.135 = ρ^19
	// ρ = 1.0: ‖∂L/∂h_1‖/‖∂L/∂h_20‖ = 1 = ρ^19
	// ρ = 1.1: ‖∂L/∂h_1‖/‖∂L/∂h_20‖ = 6.12 = ρ^19
	// truncated at 5 steps: ‖∂L/∂h_t‖ for t = 14…20: [0 0 0.18 0.27 0.46 0.37 0.56]
}

// Learn the characters of "hello world " and let the net write on from a
// prompt, each predicted character fed back as the next input.
func ExampleNet_Generate() {
	k := len(rnn.Alphabet)
	net := rnn.New(k, 16, k, rnn.Tanh)
	net.Init(rand.New(rand.NewPCG(1, 1)), 0.9)
	var tr rnn.Trace
	var g rnn.Grad
	for step := range 1000 {
		xs, targets, _ := rnn.Task("chars", 30, uint64(step))
		net.Forward(&tr, xs)
		rnn.SeqMSE(tr.DY, tr.Y, targets)
		net.Backward(&g, &tr, tr.DY, 0)
		g.ClipNorm(1)
		net.AddScaled(-0.1, &g.Weights)
	}
	var prompt [][]float64
	for _, c := range "hel" {
		x := make([]float64, k)
		x[strings.IndexRune(rnn.Alphabet, c)] = 1
		prompt = append(prompt, x)
	}
	text := []byte("hel")
	for _, y := range net.Generate(prompt, 20, rnn.FeedOneHot) {
		text = append(text, rnn.CharOf(y))
	}
	fmt.Printf("%q\n", text)
	// Output:
	// "hello world hello world"
}
