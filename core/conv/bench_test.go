package conv

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkForward is one layer the size a lesson runs per frame: a
// 64×64 RGB image, 8 kernels 3×3, padding 1.
func BenchmarkForward(b *testing.B) {
	rng := rand.New(rand.NewPCG(7, 8))
	x := randTensor(rng, 3, 64, 64)
	ks := make([]Tensor, 8)
	for k := range ks {
		ks[k] = *randTensor(rng, 3, 3, 3)
	}
	bias := make([]float64, 8)
	p := Params{Pad: 1, Stride: 1, Dilation: 1}
	var y Tensor
	for b.Loop() {
		if err := Forward(&y, x, ks, bias, p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBackward(b *testing.B) {
	rng := rand.New(rand.NewPCG(7, 8))
	x := randTensor(rng, 3, 64, 64)
	ks := make([]Tensor, 8)
	for k := range ks {
		ks[k] = *randTensor(rng, 3, 3, 3)
	}
	p := Params{Pad: 1, Stride: 1, Dilation: 1}
	dY := randTensor(rng, 8, 64, 64)
	for b.Loop() {
		Backward(x, ks, p, dY)
	}
}
