// Package linalg is the small linear-algebra core the lessons share: the
// Moore–Penrose pseudo-inverse and least squares built on gonum's SVD,
// condition numbers, and closed-form helpers for 2×2 matrices.
//
// Rules of the package:
//   - Output first: a function that fills a matrix takes it as its first
//     argument, named dst, as gonum/mat does. An empty dst is resized; a
//     non-empty dst of the wrong shape is a caller bug and panics.
//   - Functions without dst never modify their arguments.
//   - Three tiers of failure, as in gonum: caller bugs (negative rcond,
//     mismatched lengths) panic with a "linalg: ..." message; runtime
//     conditions return an error (ErrNotFinite, ErrSVD); everything else
//     answers with a number. A singular or rank-deficient input is not an
//     error: Pinv and Lstsq give the minimum-norm answer, Cond gives +Inf,
//     Inv2 reports ok = false.
//   - Rank decisions follow numpy: a singular value σ counts as zero when
//     σ ≤ rcond·σmax, with rcond = max(m, n)·ε by default (DefaultRcond,
//     numpy.linalg.lstsq's rcond=None). 2×2 helpers decide "singular" and
//     "repeated eigenvalue" with tolerances of a few ε relative to the
//     entries, so that matrices typed with one decimal (such as
//     [[0.3, 0.6], [0.1, 0.2]]) are classified as their exact values are.
package linalg
