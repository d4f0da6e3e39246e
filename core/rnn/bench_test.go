package rnn

import (
	"math/rand/v2"
	"testing"
)

// benchNet is the workload of the speed target: hidden 32, the "sine"
// task at T = 50, batch 1.
func benchNet(b *testing.B) (*Net, [][]float64, [][]float64) {
	n := New(1, 32, 1, Tanh)
	if err := n.Init(rand.New(rand.NewPCG(1, 2)), 0.9); err != nil {
		b.Fatal(err)
	}
	xs, targets, err := Task("sine", 50, 1)
	if err != nil {
		b.Fatal(err)
	}
	return n, xs, targets
}

// BenchmarkTrainStep is one training step: forward, loss, full BPTT,
// clipping and the SGD update.
func BenchmarkTrainStep(b *testing.B) { benchTrain(b, 0) }

// BenchmarkTrainStepTrunc10 is the same with BPTT truncated at 10 steps.
func BenchmarkTrainStepTrunc10(b *testing.B) { benchTrain(b, 10) }

func benchTrain(b *testing.B, k int) {
	n, xs, targets := benchNet(b)
	var tr Trace
	var g Grad
	b.ReportAllocs()
	for b.Loop() {
		n.Forward(&tr, xs)
		SeqMSE(tr.DY, tr.Y, targets)
		n.Backward(&g, &tr, tr.DY, k)
		g.ClipNorm(1)
		n.AddScaled(-0.01, &g.Weights)
	}
}

func BenchmarkForward(b *testing.B) {
	n, xs, _ := benchNet(b)
	var tr Trace
	b.ReportAllocs()
	for b.Loop() {
		n.Forward(&tr, xs)
	}
}
