package optim_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/aimath/playground/core/optim"
)

// Race the optimizers on Rosenbrock's banana (1 − x)² + 100(y − x²)² from
// (−1.2, 1), the classic start; its minimum is 0 at (1, 1). With the same
// lr = 1e-3, the momentum methods reach it; GD crawls along the valley; and
// RMSProp and Adam, whose steps are about lr long whatever the gradient,
// have covered only part of the way.
func ExampleNew() {
	grad := func(dst, p []float64) {
		x, y := p[0], p[1]
		dst[0] = -2*(1-x) - 400*x*(y-x*x)
		dst[1] = 200 * (y - x*x)
	}
	for _, name := range optim.Names() {
		o, err := optim.New(name, 1e-3)
		if err != nil {
			panic(err)
		}
		p := []float64{-1.2, 1}
		for range 2000 {
			o.Step(p, grad)
		}
		x, y := p[0], p[1]
		fmt.Printf("%-8s (%.3f, %.3f) f = %.2g\n", name, x, y, (1-x)*(1-x)+100*(y-x*x)*(y-x*x))
	}
	// Output:
	// gd       (0.721, 0.518) f = 0.078
	// momentum (1.000, 1.000) f = 6e-09
	// nesterov (1.000, 1.000) f = 8.6e-09
	// rmsprop  (0.481, 0.231) f = 0.27
	// adam     (-0.986, 0.979) f = 3.9
}

// Fit a line y = a·x + b to noisy points by stochastic gradient descent:
// each step uses the gradient of the mean squared error on a minibatch of
// 8 points drawn at random (seeded, so the run is reproducible).
func ExampleMomentum_sgd() {
	rng := rand.New(rand.NewPCG(1, 2))
	xs, ys := make([]float64, 100), make([]float64, 100)
	for i := range xs {
		xs[i] = 4*rng.Float64() - 2
		ys[i] = 2*xs[i] + 1 + 0.3*rng.NormFloat64() // true line: a = 2, b = 1
	}
	batch := make([]int, 8)
	grad := func(dst, p []float64) {
		a, b := p[0], p[1]
		dst[0], dst[1] = 0, 0
		for _, i := range batch {
			r := a*xs[i] + b - ys[i] // residual
			dst[0] += 2 * r * xs[i] / float64(len(batch))
			dst[1] += 2 * r / float64(len(batch))
		}
	}
	o := &optim.Momentum{LR: 0.01, Beta: 0.9}
	p := []float64{0, 0}
	for range 500 {
		for k := range batch {
			batch[k] = rng.IntN(len(xs))
		}
		o.Step(p, grad)
	}
	fmt.Printf("a = %.2f, b = %.2f\n", p[0], p[1])
	// Output:
	// a = 1.97, b = 0.96
}
