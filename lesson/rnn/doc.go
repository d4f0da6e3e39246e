// Package rnn is the recurrent-network lesson: a vanilla RNN
// h_t = φ(W_x x_t + W_h h_{t−1} + b), y_t = W_y h_t + c (core/rnn) on
// seeded sequence tasks, in three views chosen by the parameter "view":
//
//   - unroll: the net drawn unrolled over the T steps of one training
//     sequence, the same W_x, W_h, W_y written on every copy of their
//     edge. One training step is animated in 2T+2 stages: ready, the
//     forward pass left to right (h_t coloured by value, a strip of
//     colours when there are several units), the backward pass right to
//     left (∂L/∂h_t as arrows whose width and opacity grow with
//     log ‖∂L/∂h_t‖, with the number), and the update. Step is one stage;
//     play runs one cycle and stops after its update. More steps than fit
//     are shown as the first and last few with one dashed column between
//     them that stands for the rest (and shows the animated step while it
//     is there); under the net, the whole sequence and log ‖∂L/∂h_t‖.
//     Pointing at a step in those panels shows it in the net.
//   - gradients: the freshly initialised net on the task's first training
//     sequence with the loss on the last output only (core.LastMSE), and
//     ‖∂L/∂h_t‖ against t on a log scale, with each step's term of ∂L/∂W_h
//     and ρ^(T−t) for reference, truncation shaded. With one linear unit,
//     W_h = ρ and the ratio ‖∂L/∂h_1‖/‖∂L/∂h_T‖ is exactly |ρ|^(T−1) (the
//     action "one_unit" sets that case up). The view is still (Info.Still):
//     nothing trains, so epoch is 0.
//   - train: SGD on the task, the loss on a fixed window after every step
//     (log scale) with the running average of the training losses, the
//     window's predictions against the truth, the net running free after
//     the window (net.Generate), and for the series tasks an AR(τ) model
//     fitted by least squares (core.FitAR) side by side. "memory" is
//     judged on memEval sequences, drawn as y_T against the x_1 it should
//     recall. Step is exactly one training step.
//
// Rules of the package:
//   - Data (model.go): training step k (k = 0, 1, …) of the unroll and
//     train views uses the task's sequence k+1 from the seed, a fresh one
//     each step (for "memory" a net trained on one sequence could learn
//     the answer as its output bias); the same settings give the same net
//     in both views after the same number of steps. The train view's
//     window is sequence 0, with arPrefix values before it so that the AR
//     model has a history from its first step (the RNN starts from
//     h_0 = 0 at the window), and the AR model is fitted to a separate
//     series of arLen steps: both models are judged on data they were not
//     fitted to, on the same targets.
//   - A training step is forward, SeqMSE, BPTT truncated at "truncate"
//     steps (0: full), clipping of the whole gradient to norm "clip" (0:
//     off) and θ ← θ − lr·g. A step after which the loss on the window
//     (train) or the sequence (unroll) is NaN, infinite or above lossHuge,
//     or a weight is not finite, is undone back to the latest weights
//     whose loss was at most saneFactor times the first loss (one step back
//     would keep weights already ruined), and the status readout says
//     "diverged" until lr or clip change (another try from there) or a
//     reset. Nothing non-finite reaches a readout, a figure
//     or the data.
//   - grad_check_max_rel_err is max_i |FD_i − g_i| / max_i |g_i| of the
//     exact (untruncated) gradient against central differences (h = 1e-5)
//     of the loss each view states, over all parameters when 2·n forward
//     passes cost at most fdBudget multiply-adds, else as many as fit (at
//     least fdMin) picked with the seed. It is computed on reset, at the
//     start of each unroll cycle, and in the train view when the readouts
//     are asked for after the weights changed (never per tick). With
//     truncation, trunc_err = ‖g_k − g‖/‖g‖ says how far the truncated
//     gradient is from the exact one.
//   - Work per tick is bounded: the train view takes speed·trainPace steps
//     a tick as far as tickBudget multiply-adds allow (a step dearer than
//     that waits for the credit of several ticks); the unroll view
//     computes a cycle when it starts and only reveals it afterwards.
//     Truncated BPTT costs T·k recurrent steps per step instead of T,
//     which is why truncate stops at 50.
//   - The readouts loss, epoch, grad_first, grad_last, grad_ratio
//     (‖∂L/∂h_1‖, ‖∂L/∂h_T‖ and their ratio) and grad_check_max_rel_err
//     exist in every view (the bridge contract). loss is the loss of the
//     current net on what the view shows: the cycle's sequence (unroll),
//     the last output (gradients), the window (train).
//   - Canvas text is numbers, symbols and short labels; the words are in
//     web/i18n/rnn.*.json.
package rnn
