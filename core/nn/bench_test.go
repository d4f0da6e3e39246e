package nn

import (
	"fmt"
	"math"
	"testing"
)

// playground is TensorFlow Playground's default run, the workload of its
// one animation step: spiral, 500 points, noise 0, half of them for
// training, inputs x1 and x2, hidden layers [8, 8] of tanh, a tanh
// output, MSE, learning rate 0.03, batch 10, no regularisation.
type playground struct {
	net         *Net
	fs          []Feature
	train, test Set
	sgd         SGD
	pTrain      Pass
	pTest       Pass
	grid        *Grid
}

func newPlayground(tb testing.TB, seed uint64) *playground {
	d, err := Dataset("spiral", 500, 0, seed)
	if err != nil {
		tb.Fatal(err)
	}
	tr, te := d.Split(0.5)
	pg := &playground{fs: []Feature{X1, X2}, sgd: SGD{LR: 0.03, Batch: 10}, grid: NewGrid(100, -6, 6)}
	pg.net, err = New(Config{Sizes: []int{2, 8, 8, 1}, Hidden: Tanh, Output: Tanh, Loss: MSE}, seed)
	if err != nil {
		tb.Fatal(err)
	}
	if pg.train, err = tr.Set(pg.net, pg.fs); err != nil {
		tb.Fatal(err)
	}
	if pg.test, err = te.Set(pg.net, pg.fs); err != nil {
		tb.Fatal(err)
	}
	return pg
}

// step is what TensorFlow Playground's oneStep does: one pass over the
// training points with an update every batch, the train and test losses,
// then every neuron (inputs and output included) over the 100×100 grid.
func (pg *playground) step() (trainLoss, testLoss float64) {
	pg.sgd.Epoch(pg.net, pg.train)
	pg.net.Forward(&pg.pTrain, pg.train.X)
	trainLoss = pg.net.DataLoss(&pg.pTrain, pg.train.T)
	pg.net.Forward(&pg.pTest, pg.test.X)
	testLoss = pg.net.DataLoss(&pg.pTest, pg.test.T)
	pg.grid.Update(pg.net, pg.fs)
	return trainLoss, testLoss
}

// BenchmarkPlaygroundStep times one playground step (see playground).
// TensorFlow Playground's own code takes 26.2 ms for it under Node 20;
// the target here is a third of that under wasm. The cost grows as the
// network trains: larger weights put more weighted inputs where tanh needs
// an exponential. So the step is timed from the initial weights (each
// timed step trains further, as pressing play does) and from a network
// trained for 1000 epochs first.
func BenchmarkPlaygroundStep(b *testing.B) {
	for _, pre := range []int{0, 1000} {
		b.Run(fmt.Sprintf("after%d", pre), func(b *testing.B) {
			pg := newPlayground(b, 1)
			for range pre {
				pg.sgd.Epoch(pg.net, pg.train)
			}
			pg.step()
			b.ReportAllocs()
			for b.Loop() {
				pg.step()
			}
		})
	}
}

// BenchmarkActivation compares the batched loop over an enumeration
// (Activation.apply: one switch, then a plain loop) with the same loop
// calling a function value per element, the shape of TensorFlow
// Playground's {output, der} pair, over 10,000 values.
func BenchmarkActivation(b *testing.B) {
	z := make([]float64, 10000)
	for p := range z {
		z[p] = float64(p%200)/20 - 5
	}
	a := make([]float64, len(z))
	funcs := map[Activation]func(float64) float64{
		ReLU: func(v float64) float64 { return max(v, 0) },
		Tanh: math.Tanh,
	}
	for _, act := range []Activation{ReLU, Tanh} {
		b.Run(act.String()+"/enum", func(b *testing.B) {
			for b.Loop() {
				act.apply(a, z)
			}
		})
		b.Run(act.String()+"/func", func(b *testing.B) {
			f := funcs[act]
			for b.Loop() {
				for p, v := range z {
					a[p] = f(v)
				}
			}
		})
	}
}
