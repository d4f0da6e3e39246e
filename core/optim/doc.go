// Package optim holds the first-order optimizers the lessons race against
// each other: plain gradient descent, momentum, Nesterov momentum, RMSProp
// and Adam, on flat []float64 parameter vectors.
//
// Rules of the package:
//   - An Optimizer owns its state (velocities, moment estimates, the step
//     count) and nothing else: Step(x, grad) asks grad for ∇f at the points
//     it needs and updates x in place by one iteration. The gradient comes
//     in as a function so that Nesterov can evaluate it at its look-ahead
//     point, and a lesson can pass a minibatch gradient for SGD.
//   - Hyper-parameters are exported fields, read afresh by every Step, so a
//     lesson can change them live between steps without losing the state.
//     Valid ranges: LR > 0, 0 ≤ Beta, Beta1, Beta2 < 1, Eps > 0. Outside
//     them the numbers may diverge (Diverged reports it) but nothing panics.
//   - Step allocates its buffers on the first call and never again while
//     len(x) stays the same; a Step with a new length starts afresh, as
//     after Reset. Reset clears the state and keeps the buffers.
//   - Update rules follow PyTorch's torch.optim (SGD, RMSprop, Adam with
//     their defaults for dampening, weight decay, centring and amsgrad
//     off), so that numbers a student sees here match what they will see
//     there. Each type's comment gives its rule and its source. The one
//     exception is Nesterov, whose iterates are the textbook ones (gradient
//     at the look-ahead point); PyTorch's iterates are its look-ahead
//     points, see Nesterov.
//   - New builds an optimizer by name ("gd", "momentum", "nesterov",
//     "rmsprop", "adam", listed by Names) with the usual defaults for
//     everything but the learning rate; an unknown name is ErrUnknown.
package optim
