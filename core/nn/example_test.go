package nn_test

import (
	"fmt"

	"github.com/aimath/playground/core/nn"
)

// TensorFlow Playground's default run: the spiral, inputs x1 and x2, two
// hidden layers of 8 tanh neurons, a tanh output, MSE, learning rate 0.03,
// batch 10, half of 500 points for training. The losses are TensorFlow
// Playground's (the mean of ½(output − label)², labels ±1).
func Example() {
	d, _ := nn.Dataset("spiral", 500, 0, 1)
	train, test := d.Split(0.5)
	fs, _ := nn.ParseFeatures([]string{"x1", "x2"})
	net, _ := nn.New(nn.Config{Sizes: []int{2, 8, 8, 1}, Hidden: nn.Tanh, Output: nn.Tanh, Loss: nn.MSE}, 1)
	tr, _ := train.Set(net, fs)
	te, _ := test.Set(net, fs)
	sgd := nn.SGD{LR: 0.03, Batch: 10}
	var ptr, pte nn.Pass
	for epoch := 0; epoch <= 800; epoch++ {
		if epoch%200 == 0 {
			net.Forward(&ptr, tr.X)
			net.Forward(&pte, te.X)
			fmt.Printf("epoch %3d: loss train %.3f test %.3f, accuracy train %.2f test %.2f\n", epoch,
				net.DataLoss(&ptr, tr.T), net.DataLoss(&pte, te.T),
				net.Accuracy(&ptr, tr.Class), net.Accuracy(&pte, te.Class))
		}
		sgd.Epoch(net, tr)
	}
	// Output:
	// epoch   0: loss train 0.514 test 0.499, accuracy train 0.54 test 0.52
	// epoch 200: loss train 0.470 test 0.479, accuracy train 0.66 test 0.61
	// epoch 400: loss train 0.360 test 0.455, accuracy train 0.78 test 0.68
	// epoch 600: loss train 0.234 test 0.358, accuracy train 0.84 test 0.75
	// epoch 800: loss train 0.097 test 0.204, accuracy train 0.95 test 0.87
}

// A step-through of backpropagation on a 2-2-1 network and one example:
// each neuron's weighted input z, activation a and δ = ∂ℓ/∂z, and each
// weight's ∂L/∂w = δ of its target neuron times a of its source.
func ExampleNet_Backward() {
	net, _ := nn.New(nn.Config{Sizes: []int{2, 2, 1}, Hidden: nn.Tanh, Output: nn.Tanh, Loss: nn.MSE}, 0)
	copy(net.Params, []float64{
		0.5, -0.2, 0.8, 0.2, // W[0]: 2×2
		0.1, 0.1, // B[0]
		1.0, -0.7, // W[1]: 1×2
		0.1, // B[1]
	})
	var p nn.Pass
	net.Forward(&p, []float64{1, 2}) // one example, x = (1, 2)
	net.Backward(&p, []float64{-1})  // label −1
	for l := 1; l < net.Layers(); l++ {
		for j := range net.Sizes[l] {
			fmt.Printf("layer %d neuron %d: z = %+.4f  a = %+.4f  δ = %+.4f\n", l, j, p.Z[l][j], p.A[l][j], p.Delta[l][j])
		}
	}
	for l := range net.W {
		fmt.Printf("∂L/∂W[%d] = %+.4f  ∂L/∂B[%d] = %+.4f\n", l, p.GW[l], l, p.GB[l])
	}
	fmt.Printf("loss ½(a − t)² = %.4f\n", net.DataLoss(&p, []float64{-1}))
	// Output:
	// layer 1 neuron 0: z = +0.2000  a = +0.1974  δ = +0.6165
	// layer 1 neuron 1: z = +1.3000  a = +0.8617  δ = -0.1156
	// layer 2 neuron 0: z = -0.3058  a = -0.2966  δ = +0.6415
	// ∂L/∂W[0] = [+0.6165 +1.2330 -0.1156 -0.2312]  ∂L/∂B[0] = [+0.6165 -0.1156]
	// ∂L/∂W[1] = [+0.1266 +0.5528]  ∂L/∂B[1] = [+0.6415]
	// loss ½(a − t)² = 0.2474
}
