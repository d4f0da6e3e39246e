// Package prob is the probability lesson, in five views chosen by the
// parameter "view":
//
//   - dist: one of thirteen distributions (Bernoulli, binomial,
//     categorical, Poisson, geometric, uniform, normal, Laplace,
//     exponential, beta, gamma, log-normal, Student's t; core/prob over
//     gonum's stat/distuv) with its pmf or pdf and its CDF, its mean,
//     variance, skewness and entropy, and `samples` draws whose histogram
//     and empirical CDF approach the exact ones as play reveals them.
//     Hovering a plot reads p(x) and F(x) and shades the area F(x).
//   - joint: the standard bivariate normal with correlation ρ (gonum's
//     stat/distmv), or a table of counts the student types or clicks, as a
//     heatmap with the marginals beside it and a slice at x (dragged)
//     whose rescaling p(x, y)/p(x) is the conditional p(y | x), drawn next
//     to the marginal p(y): they coincide exactly when X and Y are
//     independent, p(x, y) = p(x)p(y).
//   - expect: E[f(X)] and Var[f(X)] for a typed f (core/expr) by sum or
//     integral (core/prob.Expect) against the Monte Carlo mean of f over
//     the same samples, with its ±2 standard-error band narrowing as
//     1/√n.
//   - montecarlo: an integral by "hit or miss" points in a box: the
//     course's ∫₋₁¹ e^(−x²) dx = √π·erf(1), π from the unit circle, or a
//     typed f on [a, b] (exact value by core/prob.Integrate); the running
//     estimate with its band against log₁₀ n.
//   - loss: a regression toy (drag the line) showing that the Gaussian
//     negative log-likelihood per point is MSE/(2σ²) + ½ ln(2πσ²), and a
//     three-class toy (drag the centres) showing that the cross-entropy is
//     the categorical negative log-likelihood per point.
//
// Rules of the package:
//   - Every parameter exists in every view; those that do not apply to
//     the chosen distribution (or view) are ignored. Spec.Show hides the
//     controls of other views; which parameters a distribution reads is
//     core/prob.Uses, written in each control's help text.
//   - Randomness comes from the seed: the dist and expect views draw the
//     same samples (stream 1), the Monte Carlo points and the loss view's
//     data come from other streams (common.go). A Reset draws all
//     `samples` at once, so readouts and the CSV export (the samples, the
//     points, the joint distribution or the data sets) describe the whole
//     sample; play then starts over from none and reveals them ever faster
//     (pacer: 10 a second at first, growing by 1/40 of those shown per
//     tick), so the convergence is visible at every scale. Step reveals
//     one.
//   - Step does no sampling or integration: it moves a counter and adds the
//     revealed values to running sums and histogram bins, so a tick costs
//     microseconds even at 100 000 samples. Exact curves, integrals and
//     rasters are computed in Reset or Tune.
//   - Readouts are numbers or keys: a moment that does not exist (the
//     mean of a Cauchy variable) is "undefined", a divergent one "inf";
//     notes say why (diverges, f_undefined, f_unbounded, int_diverges,
//     empty_interval{a=…,b=…}, table_zero).
package prob
