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

// bench256 is the workload of the speed target: one 256×256 channel, one
// 3×3 kernel, valid (no padding), stride 1, upstream gradient all ones.
// bench/conv-baseline.mjs times the same loops in plain JavaScript.
func bench256() (x *Tensor, ks []Tensor, dY *Tensor) {
	rng := rand.New(rand.NewPCG(9, 10))
	x = randTensor(rng, 1, 256, 256)
	ks = []Tensor{*randTensor(rng, 1, 3, 3)}
	dY = New(1, 254, 254)
	for i := range dY.Data {
		dY.Data[i] = 1
	}
	return x, ks, dY
}

func BenchmarkForward256(b *testing.B) {
	x, ks, _ := bench256()
	p := Params{Stride: 1, Dilation: 1}
	var y Tensor
	for b.Loop() {
		if err := Forward(&y, x, ks, nil, p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBackward256(b *testing.B) {
	x, ks, dY := bench256()
	p := Params{Stride: 1, Dilation: 1}
	var dX Tensor
	dK, dB := make([]Tensor, 1), make([]float64, 1)
	for b.Loop() {
		if err := BackwardInto(&dX, dK, dB, x, ks, p, dY); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkForward256K7 is the largest kernel the lessons offer.
func BenchmarkForward256K7(b *testing.B) {
	x, _, _ := bench256()
	k := New(1, 7, 7)
	for i := range k.Data {
		k.Data[i] = float64(i%5) - 2
	}
	p := Params{Pad: 3, Stride: 1, Dilation: 1}
	var y Tensor
	for b.Loop() {
		if err := Forward(&y, x, []Tensor{*k}, nil, p); err != nil {
			b.Fatal(err)
		}
	}
}
