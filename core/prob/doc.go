// Package prob is the probability the prob lesson teaches: the course's
// thirteen distributions behind one type, their moments and entropies,
// expectations E[f(X)] by sum or integral, and a quadrature that handles
// the infinite ranges and endpoint singularities of densities.
//
// Rules of the package:
//   - The distributions are gonum's (stat/distuv) wherever gonum has
//     them; Dist adds what gonum lacks (the geometric distribution, the
//     skewness and entropy of some families, quantiles of the discrete
//     ones) from closed forms or exact sums, each checked against scipy in
//     the tests.
//   - A Dist is immutable after New, except for its random source: Rand
//     draws from the rand.Source given to New, so a seed gives the same
//     draws natively and under wasm. The samplers are gonum's, except the
//     binomial's (n ≤ 10 000), which inverts its tabulated CDF: gonum's
//     makes a rand.Rand every draw and is ten times slower for the
//     lesson's 100 000 samples.
//   - Parameters come from users: New refuses a bad one with an error
//     (never a panic), and the moments of a valid Dist are numbers, +Inf
//     where they diverge (the variance of Student's t for 1 < ν ≤ 2) or NaN
//     where they are undefined (its mean for ν ≤ 1), never garbage.
//   - Discrete distributions take integer values; Prob is the mass P(X = x)
//     there and 0 elsewhere. The geometric distribution counts trials up to
//     and including the first success (support 1, 2, …), as scipy's geom.
//   - Expect and Integrate report what they could not do as errors:
//     ErrDiverge when a sum or integral does not converge (E[X²] of a
//     Cauchy variable), ErrUndefined when the integrand is not a number
//     where the density is positive (E[ln X] of a normal X).
package prob
