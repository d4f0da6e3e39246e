// Package bayes is the Bayesian-statistics lesson: conditional
// probability, Bayes' theorem, updating, and confounding, in three views
// chosen by the parameter "view":
//
//   - theorem: a test for a condition D (prevalence, sensitivity,
//     false-positive rate) as 1,000 people drawn as dots, coloured by
//     condition and test result (natural frequencies), next to Bayes'
//     theorem with the numbers: P(D | +), P(D | −) and the evidence P(+).
//     "test_again" takes the test once more with the chosen result, the
//     posterior becoming the next prior; the chain of updates is drawn
//     and listed.
//   - beta: a Beta(α, β) prior on a coin's bias θ, and flips of a coin
//     whose true bias is true_p (shown or hidden): the prior, the
//     normalised likelihood and the posterior Beta(α + h, β + t), its
//     mean, MAP and 95 % equal-tailed credible interval (gonum's
//     distuv.Beta quantiles) beside the MLE h/n, and how they move with
//     the number of flips. "flip" flips one coin, "flip_n" flips `flips`,
//     play flips one every 0.3 s.
//   - confounding: Simpson's paradox in the kidney-stone data of Charig
//     et al. (1986), editable: the success rates of treatments A and B
//     per stone size, pooled (P(Y | T)) and adjusted for stone size
//     (P(Y | do(T)) = Σ_z P(Y | T, z) P(z)), with the causal diagram
//     Z → T, Z → Y, T → Y drawn as observed and under do(T).
//
// Rules of the package:
//   - Every state comes from the parameters. What the student did with
//     the buttons lives in hidden parameters: history (the results of
//     the repeated tests, "p" and "n") and flipped (the number of coins
//     flipped; the flips themselves are a stream seeded by seed, flip i
//     heads when its uniform u_i < true_p). The same URL gives the same
//     updates and the same flips.
//   - Every parameter but view is live (Tune), so the runner calls Reset
//     only to open the lesson, to switch views and for the reset action.
//     A Reset that finds the view unchanged is therefore the reset
//     action: it clears the history (theorem), the flips (beta) or
//     restores the kidney-stone table (confounding).
//   - The page shows every action in every view; an action switches to
//     its own view first ("flip" in the theorem view opens the beta view
//     with one coin flipped).
//   - The arithmetic is core/bayes. Undefined values are message keys,
//     never NaN: never_positive and never_negative (a result that cannot
//     happen), map_flat and map_both_ends (Beta posteriors with no single
//     mode), no_flips (the MLE before any flip). Notes: history_full,
//     impossible, history_cut, max_flips. The confounding table's cells
//     need 0 ≤ s ≤ n (n ≥ 1 by the parameters' range); a cell with s > n
//     gives the status bad_<cell>{s,n} and leaves out every number it
//     enters. The paradox readout is simpson{within,overall},
//     agree{better}, overall_tie{within} or strata_differ.
//   - Play (beta only; the other views are Still) flips one coin every
//     18 ticks up to 10,000 flips. The curves and the trajectory (the
//     posterior after every 1, 2, 5, 10, … flips, at most about 100 of
//     them, each kept until the prior, the seed or the true bias changes)
//     are computed on change, never per tick, so a figure during play only
//     copies them.
package bayes
