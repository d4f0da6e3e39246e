// Package gd is the gradient-descent lesson, in three modes chosen by the
// parameter "mode":
//
//   - 1d: gradient descent on a function f(x) the student types (or a
//     preset): x ← x − lr·f′(x) from x₀ until |f′(x)| < eps. The figure
//     shows f with the tangent at x, the step −lr·f′(x) as an arrow and the
//     point it leads to, the trail of earlier iterates, and below it f′
//     with the band |f′| < eps that stops the descent. The derivative is
//     symbolic (core/expr) and shown as text.
//   - 2d: a race of optimizers (gradient descent, momentum, Nesterov,
//     RMSProp, Adam from core/optim) on f(x, y) from one start, over a
//     filled contour map with iso-lines (core/contour) and a field of
//     −∇f arrows; a click or drag on the map moves the start.
//   - linreg: a line y = w·x + b fitted to noisy data by gradient descent
//     on the mean squared error, full batch or stochastic on mini-batches,
//     shown as the moving line, the loss curve over epochs and the path of
//     (w, b) over the loss's contour map, with the closed-form
//     least-squares answer (core/linalg.FitLine, the matrix lesson's
//     pseudo-inverse) as the target.
//
// Rules of the package:
//   - Every state comes from the parameters: the same URL gives the same
//     path, the same data and the same mini-batches. The lesson itself keeps
//     only the path so far, the optimizers' inner state, the drag in
//     progress, and what Reset needs to tell a chosen preset from a typed
//     function (see Lesson.Reset).
//   - One update is one iteration (1d), one step of every optimizer still
//     racing (2d), or one mini-batch (linreg). The "step" action makes
//     exactly one update; playing makes pace × speed updates a second,
//     where the pace suits the mode or the preset (three a second in 1d, 600
//     on Rosenbrock), at most 100 in a tick.
//   - A run stops by itself: converged (|f′| or ‖∇f‖ below eps, or a full
//     batch gradient below 1e-7), diverged (an iterate beyond 1e6 or a value
//     that is not a finite number), or out of iterations (max_iter in 1d,
//     20000 per racer in 2d, 500 epochs in linreg). Each racer stops on its
//     own; the others go on.
//   - A typed function that does not parse is shown as such, with the
//     parser's message, and nothing else is drawn. Where f is undefined or
//     has no derivative the note readout says so; readouts are finite
//     numbers or keys, never NaN.
//   - Figures are built per frame while playing, so what depends only on
//     the function, the window and the canvas (the contour raster, its
//     iso-lines, the arrow field) is computed once and reused; the raster
//     keeps its Key until then.
package gd
