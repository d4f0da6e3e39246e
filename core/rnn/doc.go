// Package rnn is a vanilla recurrent network and what it takes to train
// one: the forward pass over a sequence, backpropagation through time
// (full or truncated), gradient clipping, the per-step gradients that show
// why long memories are hard to learn, a linear autoregressive baseline,
// and a few seeded sequence tasks.
//
// Rules of the package:
//   - The net is h_t = φ(Wx x_t + Wh h_{t−1} + b), y_t = Wy h_t + c, from
//     h_0 = 0, with φ one of tanh, ReLU (φ'(0) = 0), the logistic sigmoid
//     and the identity. Steps are numbered t = 1, …, T in documentation
//     and stored at index t−1: a sequence is a [][]float64 of T rows, each
//     row one step's vector. Matrices are row-major []float64: Wh[i*n+j]
//     is row i, column j. Weights keeps the five parameters as views into
//     one flat vector, in the order Wx, Wh, b, Wy, c, for optimizers and
//     finite differences; a Grad has the same layout.
//   - One sequence at a time (batch 1). The loss of step t is
//     ℓ_t = ½‖y_t − target_t‖²; SeqMSE averages it over the steps that
//     have a target, LastMSE takes the last step's alone. Both write
//     ∂L/∂y_t, which is all Backward needs: any other loss can be used by
//     writing its own.
//   - g_t, the gradient arriving at h_t (Grad.DH), is with full BPTT the
//     total derivative ∂L/∂h_t, through y_t and every later step:
//     g_T = Wyᵀ∂L/∂y_T, g_t = Wyᵀ∂L/∂y_t + Whᵀ(φ'(z_{t+1}) ⊙ g_{t+1}). With
//     δ_t = φ'(z_t) ⊙ g_t = ∂L/∂z_t, the gradients are ∂L/∂Wx = Σ_t δ_t x_tᵀ,
//     ∂L/∂Wh = Σ_t δ_t h_{t−1}ᵀ, ∂L/∂b = Σ_t δ_t, ∂L/∂Wy = Σ_t (∂L/∂y_t) h_tᵀ
//     and ∂L/∂c = Σ_t ∂L/∂y_t. Grad.DHNorm holds ‖g_t‖ and Grad.WhNorm the
//     Frobenius norm of step t's term δ_t h_{t−1}ᵀ of ∂L/∂Wh. With a loss on
//     the last output only, one linear unit and Wh = ρ, g_t = ρ^(T−t) g_T:
//     the ratio ‖g_1‖/‖g_T‖ is |ρ|^(T−1), the vanishing (|ρ| < 1) or
//     exploding (|ρ| > 1) gradient in one number.
//   - Truncated BPTT with k steps lets the gradient of each loss term ℓ_s
//     flow back through h_s, h_{s−1}, …, h_{s−k+1} and no further: it is
//     the exact gradient of the loss computed with h_{s−k} held fixed for
//     the term ℓ_s. So g_t = Σ_{s=t}^{t+k−1} ∂ℓ_s/∂h_t (the terms less than
//     k steps after t, each differentiated through the whole net), the
//     weight gradients follow from these g_t by the formulas above, and
//     Wy and c, which the recurrence does not touch, get their exact
//     gradients. k = 1 ignores the recurrence altogether; k = 0 or k ≥ T
//     is full BPTT. Truncation at k costs up to T·k backward steps, full
//     BPTT T.
//   - ClipNorm scales the whole gradient, all five parameters together, to
//     a norm of at most max and reports the norm it had; the per-step
//     norms stay those of the unclipped gradient.
//   - Init draws Wx and Wy with variance 1/fan-in and rescales a Gaussian
//     Wh to spectral radius |ρ| (one unit: Wh = ρ). Randomness comes in as
//     a *rand.Rand; Task seeds its own PCG from the seed it is given, so a
//     task is the same for the same name, length and seed everywhere.
//   - Settings a student chooses (a task or activation name, a length, an
//     AR order) never panic: they return an error wrapping ErrUnknown,
//     ErrLength or ErrOrder, whose message can be shown as is. ErrEigen
//     and linalg's errors report numerical failure. Mismatched shapes,
//     empty sequences, a negative truncation, a clipping threshold that is
//     not positive and an unknown Activation value are caller bugs and
//     panic with an "rnn: " message.
//   - Forward and Backward write into a Trace and a Grad, first argument
//     as in gonum, and allocate nothing once these have the sizes of the
//     sequence and the net. Task, FitAR and Generate return new slices.
//   - The AR(τ) baseline s_t ≈ a_0 + Σ_i a_i s_{t−i} is fitted by least
//     squares through core/linalg's pseudo-inverse, as the matrix lesson
//     solves it.
package rnn
