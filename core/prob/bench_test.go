package prob

import (
	"math"
	"math/rand/v2"
	"testing"
)

func BenchmarkExpectNormal(b *testing.B) {
	d, _ := New(Normal, Params{Mu: 1, Sigma: 2}, nil)
	for b.Loop() {
		Expect(d, func(x float64) float64 { return x * x })
	}
}

func BenchmarkExpectBeta(b *testing.B) {
	d, _ := New(Beta, Params{Alpha: 0.5, Beta: 0.3}, nil)
	for b.Loop() {
		Expect(d, math.Log)
	}
}

func BenchmarkExpectGeometric(b *testing.B) {
	d, _ := New(Geometric, Params{P: 0.01}, nil)
	for b.Loop() {
		Expect(d, func(x float64) float64 { return x })
	}
}

// BenchmarkRand100k is what the lesson draws for its largest sample.
func BenchmarkRand100k(b *testing.B) {
	for _, f := range Families() {
		b.Run(f, func(b *testing.B) {
			d, _ := New(f, Params{Mu: 0, Sigma: 1, Alpha: 2, Beta: 5, N: 100, P: 0.3, Nu: 5, K: 5, Lambda: 3, A: 0, B: 1}, rand.NewPCG(1, 2))
			for b.Loop() {
				for range 100000 {
					d.Rand()
				}
			}
		})
	}
}
