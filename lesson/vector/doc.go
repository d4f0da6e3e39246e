// Package vector is the first lesson: two vectors x and y in the plane, their
// L1, L2 and L∞ norms with the level sets through x, the L1 and L2
// distances between them, the angle between them and the orthogonal
// projection of x onto y.
//
// Rules of the package:
//   - The parameters x and y are the whole state: every picture and number
//     is a pure function of the values, so a URL reproduces it exactly.
//   - Quantities that are undefined for a zero vector (cos θ, θ, and the
//     projection onto y = 0) are reported as the key "undefined" and left out
//     of the figure; no NaN is ever produced. Only an exact zero vector is
//     zero: angles and projections are computed from x and y rescaled by
//     powers of two (exactly), so tiny vectors neither underflow nor divide
//     by zero, and perpendicular vectors give exactly cos θ = 0.
//   - Dragging snaps to a 0.1 grid, so that URLs stay short and readable.
package vector
