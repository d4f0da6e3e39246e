// Package matrix is the matrix lesson, in three views chosen by the
// parameter "view":
//
//   - map: a 2×2 matrix A as a map of the plane. The grid and the unit
//     square deform from I to A as t goes from 0 to 1 (the grid of
//     (1−t)I + tA); the square's area is |det A| and its colour and arc
//     show a flip when det A < 0. Aᵀ and A⁻¹ can be overlaid as dashed
//     outlines of where they send the unit square, and real eigenvectors as
//     dashed lines through the origin (lines that (1−t)I + tA maps onto
//     themselves for every t).
//   - multiply: X (m×n) times Y (n×p) laid out as in a textbook (Y above
//     XY, X to its left); the animation walks the entries of XY, pairing
//     row i of X with column j of Y term by term. A shape mismatch is
//     shown and explained, never computed.
//   - lstsq: a least-squares line through points the student can drag, add
//     and remove, with β = X⁺y from the Moore–Penrose pseudo-inverse
//     (core/linalg, on gonum's SVD), its residuals and the normal
//     equations.
//
// Rules of the package:
//   - Every state lives in the parameters (and so in the URL): dragged
//     handles, resized matrices, generated and edited points are written
//     back with v.Set. The lesson itself keeps only derived numbers, the
//     drag in progress, the multiply animation's cursor, and what it needs
//     to notice a change on the next Reset (the seed X and Y were drawn
//     from, the n, noise and seed the points were drawn from).
//   - Reset loads all three views, whichever is shown, so that a state is
//     consistent before any view is opened; a new seed therefore redraws
//     both X, Y and the points.
//   - The shape parameters rows, inner, cols (and mismatch) are the truth
//     for X and Y: a matrix of another shape is cut or grown to fit,
//     keeping the entries that overlap and taking new ones from the seed.
//   - The points of lstsq are regenerated from (n, noise, seed) only when
//     one of those changes or the stored points do not fit n; adding or
//     removing a point updates n, so an edited set survives a reload.
//   - Readouts are finite numbers or keys ("singular", "shape_mismatch",
//     "rank_deficient", ...); complex eigenvalues are plain text such as
//     "0.5 + 0.866i".
package matrix
