package contour

import (
	"math"

	"github.com/aimath/playground/core/figure"
)

const errShape = "contour: len(values) != nx*ny"

// Sample evaluates f at the nx×ny nodes spanning r, in the layout Lines
// reads, and returns the values in dst, which is grown if it is too short.
// It panics if nx or ny is negative.
func Sample(dst []float64, nx, ny int, r figure.Rect, f func(x, y float64) float64) []float64 {
	if nx < 0 || ny < 0 {
		panic("contour: negative grid size")
	}
	if cap(dst) < nx*ny {
		dst = make([]float64, nx*ny)
	}
	dst = dst[:nx*ny]
	for j := range ny {
		y := nodeY(r, float64(j), ny)
		for i := range nx {
			dst[j*nx+i] = f(nodeX(r, float64(i), nx), y)
		}
	}
	return dst
}

// nodeX and nodeY return the world coordinates of column (or row) u of a
// grid of n nodes spanning r; u may be fractional. A single node sits at
// the left (top) edge.
func nodeX(r figure.Rect, u float64, n int) float64 {
	if n < 2 {
		return r.X0
	}
	return r.X0 + r.W()*u/float64(n-1)
}

func nodeY(r figure.Rect, v float64, n int) float64 {
	if n < 2 {
		return r.Y1
	}
	return r.Y1 - r.H()*v/float64(n-1)
}

// RasterRect returns the rectangle over which a figure.Raster of the same
// nx×ny values puts its cell centres on the nodes of the grid spanning r:
// r grown by half a node spacing on each side. A side with fewer than two
// nodes is left as it is.
func RasterRect(r figure.Rect, nx, ny int) figure.Rect {
	if nx >= 2 {
		h := r.W() / float64(nx-1) / 2
		r.X0, r.X1 = r.X0-h, r.X1+h
	}
	if ny >= 2 {
		h := r.H() / float64(ny-1) / 2
		r.Y0, r.Y1 = r.Y0-h, r.Y1+h
	}
	return r
}

// Cell edges, named as seen in world space (y up): the bottom edge joins
// the cell's bottom-left (BL) and bottom-right (BR) nodes, and so on.
const (
	eB = iota
	eR
	eT
	eL
)

// segments lists, for each case, the directed segments (from edge, to
// edge) with the nodes above the level on their left. The case has bit 0
// for BL above, 1 for BR, 2 for TR, 3 for TL. Saddles 5 and 10 are listed
// with the mean below the level (the nodes above cut off); saddleHigh has
// them with the mean above.
var segments = [16][][2]int8{
	1:  {{eB, eL}},
	2:  {{eR, eB}},
	3:  {{eR, eL}},
	4:  {{eT, eR}},
	5:  {{eB, eL}, {eT, eR}},
	6:  {{eT, eB}},
	7:  {{eT, eL}},
	8:  {{eL, eT}},
	9:  {{eB, eT}},
	10: {{eR, eB}, {eL, eT}},
	11: {{eR, eT}},
	12: {{eL, eR}},
	13: {{eB, eR}},
	14: {{eL, eB}},
}

var saddleHigh = [16][][2]int8{
	5:  {{eB, eR}, {eT, eL}},
	10: {{eL, eB}, {eR, eT}},
}

// Lines returns the iso-lines where the field equals level, as polylines in
// world coordinates (see the package rules for the layout and the
// conventions). It panics if len(values) != nx*ny.
func Lines(values []float64, nx, ny int, r figure.Rect, level float64) [][]figure.Vec {
	if nx < 0 || ny < 0 || len(values) != nx*ny {
		panic(errShape)
	}
	if nx < 2 || ny < 2 {
		return nil
	}
	t := tracer{values: values, nx: nx, ny: ny, r: r, level: level}
	// The crossing points on the edges of one row of cells: its top and
	// bottom horizontal edges and its vertical ones. The bottom edges of a
	// row are the top edges of the next, so the rows sweep down reusing
	// three short slices rather than indexing every edge of the grid.
	buf := make([]int32, 3*nx)
	top, bot, vert := buf[:nx-1], buf[nx-1:2*nx-2], buf[2*nx-2:]
	for k := range buf {
		buf[k] = -1
	}
	for j := range ny - 1 {
		above, below := values[j*nx:(j+1)*nx], values[(j+1)*nx:(j+2)*nx]
		for i := range nx - 1 {
			// Most cells lie wholly above or below the level: classify
			// them here, in the loop, and leave the rest to cell.
			c := 0
			if below[i] >= level {
				c |= 1
			}
			if below[i+1] >= level {
				c |= 2
			}
			if above[i+1] >= level {
				c |= 4
			}
			if above[i] >= level {
				c |= 8
			}
			if c != 0 && c != 15 {
				t.cell(i, j, c, top, bot, vert)
			}
		}
		top, bot = bot, top
		for k := range bot {
			bot[k] = -1
		}
		for k := range vert {
			vert[k] = -1
		}
	}
	return t.join()
}

// tracer holds one level's crossing points and how they link.
type tracer struct {
	values []float64
	nx, ny int
	r      figure.Rect
	level  float64

	pts     []figure.Vec
	next    []int32 // per point, the point its segment goes to, or -1
	hasPrev []bool  // per point, whether a segment comes into it
}

// finite reports whether v is neither NaN nor ±Inf (v − v is NaN for both).
func finite(v float64) bool { return v-v == 0 }

// cell adds the segments of the cell whose top-left node is (i, j), of
// case c (see segments). top, bot and vert hold the indices of the points
// on the row's edges (-1 for none yet): top[i] on the edge from node (i, j)
// to (i+1, j), bot[i] on the one below it, vert[i] on the edge from node
// (i, j) down to (i, j+1).
func (t *tracer) cell(i, j, c int, top, bot, vert []int32) {
	k := j*t.nx + i
	tl, tr, bl, br := t.values[k], t.values[k+1], t.values[k+t.nx], t.values[k+t.nx+1]
	// NaN is never >= level, so a cell of NaNs is case 0 and never comes
	// here; one with NaN or infinite nodes among finite ones is caught here.
	if !finite(tl) || !finite(tr) || !finite(bl) || !finite(br) {
		return
	}
	segs := segments[c]
	if (c == 5 || c == 10) && (tl+tr+bl+br)/4 >= t.level {
		segs = saddleHigh[c]
	}
	for _, s := range segs {
		a, b := t.edgePoint(i, j, s[0], top, bot, vert), t.edgePoint(i, j, s[1], top, bot, vert)
		t.next[a] = b
		t.hasPrev[b] = true
	}
}

// edgePoint returns the index of the crossing point on edge e of cell
// (i, j), making it on first use.
func (t *tracer) edgePoint(i, j int, e int8, top, bot, vert []int32) int32 {
	var at *int32
	var u, v float64 // fractional column and row of the point
	// (level − a)/(b − a) is the crossing's fraction from node a to node b;
	// the two straddle the level, so b ≠ a.
	switch e {
	case eT, eB:
		if e == eT {
			at = &top[i]
		} else {
			at, j = &bot[i], j+1
		}
		if *at >= 0 {
			return *at
		}
		a, b := t.values[j*t.nx+i], t.values[j*t.nx+i+1]
		u, v = float64(i)+(t.level-a)/(b-a), float64(j)
	default: // eL, eR
		if e == eR {
			i++
		}
		at = &vert[i]
		if *at >= 0 {
			return *at
		}
		a, b := t.values[j*t.nx+i], t.values[(j+1)*t.nx+i]
		u, v = float64(i), float64(j)+(t.level-a)/(b-a)
	}
	p := int32(len(t.pts))
	t.pts = append(t.pts, figure.Vec{X: nodeX(t.r, u, t.nx), Y: nodeY(t.r, v, t.ny)})
	t.next = append(t.next, -1)
	t.hasPrev = append(t.hasPrev, false)
	*at = p
	return p
}

// join follows the links into polylines: first the open ones, from each
// point nothing comes into, then the closed ones that remain.
func (t *tracer) join() [][]figure.Vec {
	if len(t.pts) == 0 {
		return nil
	}
	var lines [][]figure.Vec
	// One backing array for all lines; a closed line adds one point, and
	// there are at most len(pts)/2 closed lines.
	buf := make([]figure.Vec, 0, len(t.pts)+len(t.pts)/2)
	done := make([]bool, len(t.pts))
	walk := func(p int32) {
		start := len(buf)
		first := p
		for p >= 0 && !done[p] {
			done[p] = true
			if len(buf) == start || buf[len(buf)-1] != t.pts[p] {
				buf = append(buf, t.pts[p])
			}
			p = t.next[p]
		}
		if p == first && buf[len(buf)-1] != t.pts[p] { // closed
			buf = append(buf, t.pts[p])
		}
		if len(buf)-start >= 2 {
			lines = append(lines, buf[start:len(buf):len(buf)])
		} else {
			buf = buf[:start] // collapsed to a point: a level met at a node only
		}
	}
	for p := range t.pts {
		if !t.hasPrev[p] {
			walk(int32(p))
		}
	}
	for p := range t.pts {
		if !done[p] {
			walk(int32(p))
		}
	}
	return lines
}

// finiteRange returns the minimum and maximum of the finite values; ok is
// false when there are none.
func finiteRange(values []float64) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range values {
		if finite(v) {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	return lo, hi, lo <= hi
}
