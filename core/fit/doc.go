// Package fit fits parametric families to data by maximum likelihood and
// tests the fit: the log-likelihood (also from sufficient statistics, for
// a whole surface of parameters), AIC, the Kolmogorov–Smirnov test with
// the exact distribution of its statistic, Pearson's χ² test for discrete
// families, and the Kullback–Leibler divergence between two members of
// the families.
//
// Rules of the package:
//   - A Family's parameters are always in the same order and units
//     (Family.Params names them): normal (μ, σ), Laplace (μ, b), exponential
//     (λ, a rate), gamma (k, θ: shape and scale), log-normal (μ, σ of log x),
//     beta (α, β), uniform (a, b), Bernoulli (p), Poisson (λ). The
//     continuous families on (0, ∞) have their location fixed at 0, as
//     scipy.stats' fit(data, floc=0) does, and beta lives on (0, 1).
//   - Results match scipy (1.10): MLE closed forms where they exist, the
//     gamma and beta shapes by numerical optimisation (gonum optimize's
//     Newton method on the log-parameters, to the rounding level of the
//     score; scipy's beta.fit stops earlier, at fsolve's tolerance, and is
//     2e-10 off); KSTest follows scipy.stats.kstest (the exact
//     distribution of D_n, its default), ChiSquare scipy.stats.chisquare.
//     The tests cite the Python expression behind every reference value.
//   - Data outside a family's support is a runtime condition, not a bug:
//     Check returns an error (ErrSupport, ErrDegenerate) that says why, and
//     Fit refuses such data the same way. Functions given invalid
//     parameters return NaN or −Inf, never panic.
//   - Distributions come from gonum's stat/distuv; this package adds only
//     what distuv lacks (fitting, the test distributions, KL).
package fit
