// Package contour draws iso-lines of a sampled scalar field by marching
// squares, and picks the levels to draw.
//
// Rules of the package:
//   - A field is nx×ny samples at the nodes of a grid spanning a world
//     rectangle r exactly, laid out as a figure.Raster is: row 0 is the
//     top row, y = r.Y1, and the sample at column i, row j is
//     values[j*nx+i], taken at
//     x = r.X0 + r.W()·i/(nx−1), y = r.Y1 − r.H()·j/(ny−1).
//     Sample fills such a slice from a function. A Raster drawn beneath
//     the lines puts its cells' centres on the nodes when its rectangle is
//     RasterRect(r, nx, ny).
//   - A length that is not nx·ny is a caller bug and panics. A grid with
//     fewer than two nodes on a side has no cells and no lines.
//   - A node is above the level when its value is >= level. A line crosses
//     a cell edge whose two nodes differ in that respect, at the point
//     where linear interpolation between them equals the level; the point
//     on an edge is computed once, so the cells on either side agree.
//   - A saddle cell (two diagonal nodes above, two below) is resolved by
//     the mean of its four nodes: when the mean is above the level, the
//     two nodes above are joined through the cell and the two below are
//     cut off; otherwise the reverse.
//   - Cells with a node that is NaN or ±Inf are skipped: a line that meets
//     one ends there.
//   - Lines come joined into polylines, one per connected iso-line. Each
//     runs with higher values on its left (so a closed line around a peak
//     runs counter-clockwise), a closed one ends with its first point
//     repeated, and repeated consecutive points are dropped.
//   - Levels and LogLevels return at most n levels, strictly between the
//     minimum and maximum of the finite values, in increasing order.
package contour
