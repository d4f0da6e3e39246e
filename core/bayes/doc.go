// Package bayes is the arithmetic of conditional probability the Bayesian
// lesson shows: Bayes' theorem for a yes/no test and its sequential use,
// the Beta prior on a coin's bias and its conjugate update, and the
// adjustment for a confounder that turns P(y | t) into P(y | do(t)).
//
// Rules of the package:
//   - Probabilities are float64 in [0, 1]; a caller that passes others gets
//     numbers outside [0, 1], never a panic. A conditional probability whose
//     condition has probability 0 is NaN, never a made-up value: callers
//     test for it (math.IsNaN) and say why.
//   - A Test is described by its sensitivity P(+ | D) and its false-positive
//     rate P(+ | ¬D) = 1 − specificity, the two numbers a test's leaflet
//     gives; the prior P(D) is the prevalence, or the posterior of the
//     previous test when tests are repeated (assumed independent given D).
//   - Beta(a, b) has a, b > 0. Quantiles come from gonum's
//     distuv.Beta.Quantile; Mode says where the density is largest,
//     including the cases gonum's Mode leaves as NaN (see Mode).
//   - A Strata table is indexed [treatment][stratum]: successes S out of N
//     patients, with N ≥ 1 and 0 ≤ S ≤ N (Check). Every stratum has
//     patients of every treatment, the positivity that adjustment needs.
package bayes
