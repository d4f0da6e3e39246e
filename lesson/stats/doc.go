// Package stats is the statistics lesson: estimate a distribution's
// parameters by maximum likelihood, test the fit, and see how estimates
// vary from sample to sample. Three views, chosen by the parameter
// "view":
//
//   - fit: data drawn from a hidden distribution (the source names its
//     family and the seed picks its parameters; "mystery" hides the family
//     too) or pasted by the student are shown as a histogram; the course's
//     table suggests a family from the kind of values (0/1 → Bernoulli,
//     counts → Poisson, (0, 1) → beta, > 0 → gamma, ≥ 0 → exponential,
//     any → normal), and a family whose support the data leave is refused
//     with the value that does not fit. The maximum-likelihood fit
//     (core/fit) is laid over the data; next to it the log-likelihood over
//     the parameters (a heatmap with contour lines, the MLE and the 95%
//     likelihood-ratio region for two parameters; a curve with the 95%
//     interval for one), and the empirical against the fitted CDF with the
//     Kolmogorov–Smirnov statistic D. Readouts: the MLE, ℓ, AIC and the
//     family with the lowest AIC among those of the data's kind (discrete
//     for counts, continuous otherwise: a pmf and a density are not on one
//     scale), the KS test (exact p-value, as
//     scipy.stats.kstest), Pearson's χ² for discrete families, and
//     KL(truth ‖ fit) when the truth is known. Pointing at the
//     log-likelihood shows that member of the family over the data.
//   - sampling: repeated samples of size n from a population (the source:
//     each family with fixed parameters, the seed's hidden distribution
//     for mystery, the pasted numbers drawn with replacement — the
//     bootstrap); play draws them in growing batches (at most 10000 values
//     a tick). The histogram of the sample means narrows as σ/√n towards
//     N(μ, σ²/n) (the central limit theorem), and the running averages of
//     the sample variance with divisors n and n − 1 settle at (n − 1)σ²/n
//     and σ².
//   - mle: the likelihood and log-likelihood of one parameter (Bernoulli
//     p; normal μ with σ at σ̂, or σ with μ at μ̂) with the data fixed, its
//     closed-form maximum, and gradient ascent θ ← θ + η·(1/n)·dℓ/dθ from
//     a start the student drags along either curve (step: one ascent
//     step; play: ten a second).
//
// Rules of the package:
//   - Every state comes from the parameters: the seed draws the hidden
//     parameters and the data from separate streams (source.go), so that
//     the same URL gives the same numbers natively and in wasm.
//   - The bridge contract: params view, family, data, seed, n, source;
//     readouts mle_1, mle_2 (normal: μ̂ and σ̂ with divisor n), loglik, aic,
//     ks_stat, ks_p, kl (fit view), sample_mean_mean, sample_mean_sd
//     (sampling view); Data is the data set (fit, mle) or one row per
//     repeated sample (sampling). A parameter that does not apply is
//     ignored; the schema's Show says where each applies.
//   - Pasted data are validated by the data parameter's Check (numbers
//     separated by commas, semicolons or white space, at most 5000, finite,
//     a leading column name skipped), so that a bad paste is refused with a
//     message and the old data kept. Pasting switches the source to it.
//   - Readouts are numbers or message keys (value.<key> in the i18n
//     files): support kinds, family names, status keys with the offending
//     value (needs_positive{x=−0.3}), "unknown" (no truth to compare with),
//     "mixed" (KL between a discrete and a continuous distribution).
//   - What a figure needs is computed in reset (the fit, the surface and
//     its contours, the tests); panels only draw, so the sampling view's
//     per-tick figures stay cheap.
package stats
