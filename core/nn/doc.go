// Package nn is the neural-network lesson's model, in the manner of
// TensorFlow Playground: a small fully connected network trained by
// backpropagation and mini-batch SGD on points in the plane, with the
// playground's data sets, input features and neuron thumbnails.
//
// Rules of the package:
//   - Parameters live in one flat slice, Net.Params, layer by layer: each
//     layer's weights, row-major out×in as PyTorch's Linear.weight, then
//     its biases. Net.W and Net.B are views into it, and a Pass's Grad has
//     the same layout, so an optimizer or a finite difference can treat
//     the parameters as one vector. No loop works neuron by neuron on
//     objects: every pass runs layer by layer over the whole batch.
//   - A batch of values is stored unit by unit: neuron j of layer l for
//     example p is at [j*N+p]. Inputs (Inputs, Set.X) and targets (Set.T)
//     are laid out the same way, and each neuron's values over a Grid are
//     one contiguous slice, ready to be a figure.Raster's Values.
//   - The objective a Backward differentiates is J = (1/n) Σ_p Loss(s_p,
//     t_p) + RegRate·Σ_w Reg(w): the loss averaged over the batch, the
//     penalty on the weights only (not the biases). MSE is TensorFlow
//     Playground's ½(s − t)²; BCE and CE read the output layer's values as
//     logits, as PyTorch's BCEWithLogitsLoss and CrossEntropyLoss do, so
//     "softmax + cross-entropy" is a Linear output with CE. Pass.Delta
//     holds each example's own ∂ℓ/∂z (not divided by n), Pass.Grad the
//     gradient of J.
//   - An Activation is one value carrying φ (F) and φ′ (D). GELU is the
//     exact, erf-based z·Φ(z) (PyTorch's default approximate='none'), not
//     the tanh approximation. At the kink z = 0, ReLU′ = 0 and LeakyReLU′
//     = LeakySlope, as in PyTorch.
//   - Randomness is seeded, never global: New and Init draw weights from
//     a PCG generator seeded by the caller (uniform in [−0.5, 0.5), biases
//     0.1, as TensorFlow Playground does), Dataset draws its points from
//     another stream of the same seed, and SGD shuffles only with the
//     *rand.Rand it is given. The same seed gives the same points and the
//     same network.
//   - Dataset reproduces TensorFlow Playground's two-class and regression
//     generators (shapes, labels −1/+1 and noise semantics; see Dataset),
//     with points in [−6, 6]², and adds two multi-class sets.
//   - Settings a student can choose (sizes, names, noise, number of
//     points, a data set that does not fit the network) never panic: they
//     return an error wrapping ErrShape, ErrUnknown, ErrRange or
//     ErrMismatch, whose message can be shown as is. Mismatched slice
//     lengths, a Backward without its Forward, and an invalid enumeration
//     value are caller bugs and panic with an "nn: " message. Numbers that
//     run away (too large a learning rate) become Inf or NaN and stay so,
//     for the lesson to show as diverged.
//   - Forward, Backward, SGD.Epoch and Grid.Update allocate nothing once
//     their buffers fit the network and the batch size.
package nn
