package contour

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/aimath/playground/core/figure"
	"gonum.org/v1/gonum/floats/scalar"
)

// area returns the signed area of a closed polyline (shoelace formula):
// positive when it runs counter-clockwise.
func area(line []figure.Vec) float64 {
	var s float64
	for k := 1; k < len(line); k++ {
		a, b := line[k-1], line[k]
		s += a.X*b.Y - b.X*a.Y
	}
	return s / 2
}

func closed(line []figure.Vec) bool { return len(line) > 2 && line[0] == line[len(line)-1] }

func TestSample(t *testing.T) {
	got := Sample(nil, 3, 2, figure.Rect{X0: 0, Y0: 0, X1: 2, Y1: 1}, func(x, y float64) float64 { return x + 10*y })
	// Row 0 is the top row, y = r.Y1 = 1; columns at x = 0, 1, 2.
	if want := []float64{10, 11, 12, 0, 1, 2}; !slices.Equal(got, want) {
		t.Errorf("Sample(x+10y, 3×2 over [0,2]×[0,1]) = %v, want %v", got, want)
	}
	buf := make([]float64, 0, 10)
	if got := Sample(buf, 2, 2, figure.Rect{X1: 1, Y1: 1}, func(x, y float64) float64 { return x }); &got[0] != &buf[:1][0] {
		t.Errorf("Sample with cap(dst) = 10 for 4 values did not reuse dst")
	}
}

func TestRasterRect(t *testing.T) {
	for i, tc := range []struct {
		r      figure.Rect
		nx, ny int
		want   figure.Rect
	}{
		// Node spacing 1 and 1: half a spacing on each side.
		{figure.Rect{X0: 0, Y0: 0, X1: 2, Y1: 1}, 3, 2, figure.Rect{X0: -0.5, Y0: -0.5, X1: 2.5, Y1: 1.5}},
		{figure.Rect{X0: -2, Y0: -1, X1: 2, Y1: 3}, 5, 9, figure.Rect{X0: -2.5, Y0: -1.25, X1: 2.5, Y1: 3.25}},
		{figure.Rect{X0: 0, Y0: 0, X1: 2, Y1: 1}, 1, 0, figure.Rect{X0: 0, Y0: 0, X1: 2, Y1: 1}},
	} {
		if got := RasterRect(tc.r, tc.nx, tc.ny); got != tc.want {
			t.Errorf("%d: RasterRect(%v, %d, %d) = %v, want %v", i, tc.r, tc.nx, tc.ny, got, tc.want)
		}
	}
}

// x² + y² = level is one closed circle of radius √level. Linear
// interpolation of x² between nodes h apart errs by at most h²/4 in value,
// so by about h²/(8r) in radius; the test allows twice that. Higher values
// lie outside, on the line's left: it runs clockwise.
func TestCircle(t *testing.T) {
	const n = 101
	r := figure.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}
	h := r.W() / (n - 1)
	values := Sample(nil, n, n, r, func(x, y float64) float64 { return x*x + y*y })
	for i, level := range []float64{0.5, 1, 2, 3.3} {
		lines := Lines(values, n, n, r, level)
		if len(lines) != 1 {
			t.Errorf("%d: Lines(x²+y², %g) gives %d lines, want 1", i, level, len(lines))
			continue
		}
		line := lines[0]
		if !closed(line) {
			t.Errorf("%d: Lines(x²+y², %g) is open: %v … %v", i, level, line[0], line[len(line)-1])
		}
		rad := math.Sqrt(level)
		tol := h * h / (4 * rad)
		for _, p := range line {
			if d := math.Hypot(p.X, p.Y) - rad; math.Abs(d) > tol {
				t.Errorf("%d: Lines(x²+y², %g) has %v at radius %g, want %g ± %g", i, level, p, math.Hypot(p.X, p.Y), rad, tol)
				break
			}
		}
		// Chords s long cut off about πs²/6 of the disc's area in all, a
		// fraction s²/(6r²) <= h²/(3r²) (s is at most a cell diagonal,
		// h√2); the radius error above adds 2·h²/(8r²). Both are below h²/r².
		if a, want := area(line), -math.Pi*level; !scalar.EqualWithinRel(a, want, h*h/level) {
			t.Errorf("%d: signed area of Lines(x²+y², %g) = %g, want %g (clockwise)", i, level, a, want)
		}
	}
}

// Around peaks, lines run counter-clockwise. Two Gaussian bumps at x = ±1
// give two loops at level 0.8 (between them, at the origin, the field is
// 2/e = 0.736) and one loop around both at level 0.5.
func TestPeaks(t *testing.T) {
	r := figure.Rect{X0: -3, Y0: -2, X1: 3, Y1: 2}
	values := Sample(nil, 121, 81, r, func(x, y float64) float64 {
		return math.Exp(-((x-1)*(x-1) + y*y)) + math.Exp(-((x+1)*(x+1) + y*y))
	})
	for i, tc := range []struct {
		level float64
		loops int
	}{
		{0.8, 2},
		{0.5, 1},
		{1.1, 0}, // above the peaks' 1 + e⁻⁴
	} {
		lines := Lines(values, 121, 81, r, tc.level)
		if len(lines) != tc.loops {
			t.Errorf("%d: Lines(bumps, %g) gives %d lines, want %d", i, tc.level, len(lines), tc.loops)
		}
		for k, line := range lines {
			if !closed(line) || area(line) <= 0 {
				t.Errorf("%d: line %d of Lines(bumps, %g): closed %v, area %g, want closed and > 0", i, k, tc.level, closed(line), area(line))
			}
		}
	}
}

// A plane gives one straight line, exactly on the plane's level set (linear
// interpolation of a linear function is exact), from boundary to boundary,
// running with the gradient (2, −1) on its left: along (−1, −2)/√5.
func TestPlane(t *testing.T) {
	r := figure.Rect{X0: -1, Y0: 0, X1: 3, Y1: 2}
	f := func(x, y float64) float64 { return 2*x - y + 0.3 }
	const nx, ny = 41, 23
	values := Sample(nil, nx, ny, r, f)
	onEdge := func(p figure.Vec) bool {
		const eps = 1e-12
		return math.Abs(p.X-r.X0) < eps || math.Abs(p.X-r.X1) < eps || math.Abs(p.Y-r.Y0) < eps || math.Abs(p.Y-r.Y1) < eps
	}
	for i, level := range []float64{0, 1.7, -2, 5.1} {
		lines := Lines(values, nx, ny, r, level)
		if len(lines) != 1 {
			t.Errorf("%d: Lines(plane, %g) gives %d lines, want 1", i, level, len(lines))
			continue
		}
		line := lines[0]
		for _, p := range line {
			if got := f(p.X, p.Y); !scalar.EqualWithinAbs(got, level, 1e-12) {
				t.Errorf("%d: Lines(plane, %g) has %v where f = %g", i, level, p, got)
				break
			}
		}
		a, b := line[0], line[len(line)-1]
		if !onEdge(a) || !onEdge(b) {
			t.Errorf("%d: Lines(plane, %g) runs from %v to %v, want both on the boundary of %v", i, level, a, b, r)
		}
		d := math.Hypot(b.X-a.X, b.Y-a.Y)
		if cos := ((b.X-a.X)*-1 + (b.Y-a.Y)*-2) / (d * math.Sqrt(5)); !scalar.EqualWithinAbs(cos, 1, 1e-12) {
			t.Errorf("%d: Lines(plane, %g) runs along %v, want along (-1, -2)", i, level, figure.Vec{X: (b.X - a.X) / d, Y: (b.Y - a.Y) / d})
		}
	}
}

// A single saddle cell over [0, 1]², diagonal nodes equal: the mean of the
// four nodes decides which pair the lines join. Values in Raster order:
// top-left, top-right, bottom-left, bottom-right.
func TestSaddle(t *testing.T) {
	r := figure.Rect{X0: 0, Y0: 0, X1: 1, Y1: 1}
	v := func(x, y float64) figure.Vec { return figure.Vec{X: x, Y: y} }
	for i, tc := range []struct {
		values []float64
		level  float64
		want   [][]figure.Vec
	}{
		// Mean 0.5 >= 0.5: the high TL and BR join through the centre; the
		// low BL and TR are cut off.
		{[]float64{1, 0, 0, 1}, 0.5, [][]figure.Vec{{v(1, 0.5), v(0.5, 1)}, {v(0, 0.5), v(0.5, 0)}}},
		// Mean 0.5 < 0.6: the high TL and BR are cut off.
		{[]float64{1, 0, 0, 1}, 0.6, [][]figure.Vec{{v(1, 0.4), v(0.6, 0)}, {v(0, 0.6), v(0.4, 1)}}},
		// The mirror case: high TR and BL.
		{[]float64{0, 1, 1, 0}, 0.5, [][]figure.Vec{{v(0.5, 1), v(0, 0.5)}, {v(0.5, 0), v(1, 0.5)}}},
		{[]float64{0, 1, 1, 0}, 0.6, [][]figure.Vec{{v(0.6, 1), v(1, 0.6)}, {v(0.4, 0), v(0, 0.4)}}},
	} {
		got := Lines(tc.values, 2, 2, r, tc.level)
		slices.SortFunc(got, func(a, b []figure.Vec) int { return cmpVec(a[0], b[0]) })
		slices.SortFunc(tc.want, func(a, b []figure.Vec) int { return cmpVec(a[0], b[0]) })
		if !equalLines(got, tc.want, 1e-15) {
			t.Errorf("%d: Lines(%v, %g) = %v, want %v", i, tc.values, tc.level, got, tc.want)
		}
	}
}

func cmpVec(a, b figure.Vec) int {
	if c := compare(a.X, b.X); c != 0 {
		return c
	}
	return compare(a.Y, b.Y)
}

func compare(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func equalLines(a, b [][]figure.Vec, tol float64) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if len(a[k]) != len(b[k]) {
			return false
		}
		for m := range a[k] {
			if !scalar.EqualWithinAbs(a[k][m].X, b[k][m].X, tol) || !scalar.EqualWithinAbs(a[k][m].Y, b[k][m].Y, tol) {
				return false
			}
		}
	}
	return true
}

// A NaN hole cut out of the circle field breaks the unit circle into one
// open line whose ends lie next to the hole, and no point lies in it.
func TestNaNHole(t *testing.T) {
	const n = 101
	r := figure.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}
	h := r.W() / (n - 1)
	hole := func(x, y float64) float64 { return math.Hypot(x-1, y) }
	values := Sample(nil, n, n, r, func(x, y float64) float64 {
		if hole(x, y) < 0.5 {
			return math.NaN()
		}
		return x*x + y*y
	})
	lines := Lines(values, n, n, r, 1)
	if len(lines) != 1 {
		t.Fatalf("Lines(circle with hole, 1) gives %d lines, want 1", len(lines))
	}
	line := lines[0]
	if closed(line) {
		t.Errorf("Lines(circle with hole, 1) is closed, want open")
	}
	for _, p := range line {
		if hole(p.X, p.Y) < 0.5 {
			t.Errorf("Lines(circle with hole, 1) has %v inside the hole", p)
		}
	}
	// An end sits on the edge of the last complete cell before the hole:
	// within a cell diagonal of the hole's rim.
	for _, p := range []figure.Vec{line[0], line[len(line)-1]} {
		if d := hole(p.X, p.Y); d > 0.5+2*h*math.Sqrt2 {
			t.Errorf("Lines(circle with hole, 1) ends at %v, %g from the hole's centre, want <= %g", p, d, 0.5+2*h*math.Sqrt2)
		}
	}
	// Infinite values are skipped as NaN ones are; a field of them has no lines.
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		vals := []float64{bad, bad, bad, 0, 1, 2, 0, 1, 2}
		if got := Lines(vals, 3, 3, r, 0.5); len(got) != 1 || len(got[0]) != 2 {
			t.Errorf("Lines(top row %v, 0.5) = %v, want one segment in the bottom row of cells", bad, got)
		}
	}
}

// Random fields with NaN holes, on a grid whose nodes sit at integer
// coordinates (r = [0, nx−1]×[0, ny−1], row j at y = ny−1−j), checked
// against the rules directly:
//   - every point is on a cell edge whose two finite nodes interpolate to
//     the level there, with the node above the level on the line's left;
//   - consecutive points share a cell with four finite nodes;
//   - the lines hold exactly as many segments as the cells call for (one
//     per crossing pair of edges), so no segment is lost or repeated;
//   - an open line ends on an edge that only one complete cell has.
func TestRandomFields(t *testing.T) {
	const nx, ny = 17, 13
	r := figure.Rect{X0: 0, Y0: 0, X1: nx - 1, Y1: ny - 1}
	const eps = 1e-9
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 99))
		values := make([]float64, nx*ny)
		for k := range values {
			values[k] = rng.Float64()
			if rng.IntN(10) == 0 {
				values[k] = math.NaN()
			}
		}
		val := func(i, j int) float64 { return values[(ny-1-j)*nx+i] } // node at x = i, y = j
		complete := func(i, j int) bool {                              // cell [i, i+1]×[j, j+1]
			return i >= 0 && j >= 0 && i < nx-1 && j < ny-1 &&
				finite(val(i, j)) && finite(val(i+1, j)) && finite(val(i, j+1)) && finite(val(i+1, j+1))
		}
		for _, level := range []float64{0.3, 0.5, 0.7} {
			// Cells call for one segment per two edges the level crosses.
			wantSegs := 0
			for i := range nx - 1 {
				for j := range ny - 1 {
					if !complete(i, j) {
						continue
					}
					cross := 0
					for _, e := range [4][4]int{{i, j, i + 1, j}, {i + 1, j, i + 1, j + 1}, {i, j + 1, i + 1, j + 1}, {i, j, i, j + 1}} {
						if (val(e[0], e[1]) >= level) != (val(e[2], e[3]) >= level) {
							cross++
						}
					}
					wantSegs += cross / 2
				}
			}
			// edgeOf returns the nodes of the edge p lies on.
			edgeOf := func(p figure.Vec) (i0, j0, i1, j1 int, ok bool) {
				fx, fy := math.Round(p.X), math.Round(p.Y)
				switch {
				case math.Abs(p.Y-fy) < eps:
					i0 = int(math.Floor(p.X + eps))
					i0 = min(i0, nx-2)
					return i0, int(fy), i0 + 1, int(fy), true
				case math.Abs(p.X-fx) < eps:
					j0 := int(math.Floor(p.Y + eps))
					j0 = min(j0, ny-2)
					return int(fx), j0, int(fx), j0 + 1, true
				}
				return 0, 0, 0, 0, false
			}
			lines := Lines(values, nx, ny, r, level)
			segs := 0
			for _, line := range lines {
				segs += len(line) - 1
				for k, p := range line {
					i0, j0, i1, j1, ok := edgeOf(p)
					if !ok {
						t.Fatalf("seed %d level %g: point %v is on no cell edge", seed, level, p)
					}
					a, b := val(i0, j0), val(i1, j1)
					s := math.Abs(p.X-float64(i0)) + math.Abs(p.Y-float64(j0)) // distance from node 0
					if got := a + s*(b-a); !finite(got) || math.Abs(got-level) > eps {
						t.Fatalf("seed %d level %g: point %v interpolates to %g between %g and %g", seed, level, p, got, a, b)
					}
					if k == len(line)-1 {
						continue
					}
					q := line[k+1]
					ci, cj := int(math.Floor(min(p.X, q.X)+eps)), int(math.Floor(min(p.Y, q.Y)+eps))
					ci, cj = min(ci, nx-2), min(cj, ny-2)
					if max(p.X, q.X) > float64(ci+1)+eps || max(p.Y, q.Y) > float64(cj+1)+eps || !complete(ci, cj) {
						t.Fatalf("seed %d level %g: segment %v–%v is not inside one complete cell", seed, level, p, q)
					}
					// The node above the level is on the left of p→q.
					hx, hy := float64(i0), float64(j0)
					if b >= level {
						hx, hy = float64(i1), float64(j1)
					}
					if cross := (q.X-p.X)*(hy-p.Y) - (q.Y-p.Y)*(hx-p.X); !(cross > 0) {
						t.Fatalf("seed %d level %g: segment %v–%v has the node above the level (%g, %g) on its right", seed, level, p, q, hx, hy)
					}
				}
				if closed(line) {
					continue
				}
				for _, p := range []figure.Vec{line[0], line[len(line)-1]} {
					i0, j0, i1, _, _ := edgeOf(p)
					// The cells on either side of the edge.
					c := 0
					if i0 == i1 { // vertical edge at x = i0
						c = btoi(complete(i0-1, j0)) + btoi(complete(i0, j0))
					} else {
						c = btoi(complete(i0, j0-1)) + btoi(complete(i0, j0))
					}
					if c != 1 {
						t.Fatalf("seed %d level %g: open line ends at %v, on an edge of %d complete cells, want 1", seed, level, p, c)
					}
				}
			}
			if segs != wantSegs {
				t.Errorf("seed %d level %g: lines hold %d segments, want %d", seed, level, segs, wantSegs)
			}
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// A level met only at a node, with every neighbour below, collapses to a
// point and gives no line; a level met along a row of nodes gives a line
// without repeated points.
func TestDegenerate(t *testing.T) {
	r := figure.Rect{X0: 0, Y0: 0, X1: 2, Y1: 2}
	peak := []float64{0, 0, 0, 0, 1, 0, 0, 0, 0}
	if got := Lines(peak, 3, 3, r, 1); got != nil {
		t.Errorf("Lines(peak 1, 1) = %v, want nil", got)
	}
	ridge := []float64{0, 0, 0, 1, 1, 1, 0, 0, 0}
	got := Lines(ridge, 3, 3, r, 1)
	for _, line := range got {
		for k := 1; k < len(line); k++ {
			if line[k] == line[k-1] {
				t.Errorf("Lines(ridge, 1) = %v repeats %v", got, line[k])
			}
		}
	}
}

func TestShapes(t *testing.T) {
	r := figure.Rect{X1: 1, Y1: 1}
	for i, tc := range []struct {
		values []float64
		nx, ny int
	}{
		{nil, 0, 0},
		{[]float64{1, 2, 3}, 3, 1},
		{[]float64{1, 2, 3}, 1, 3},
	} {
		if got := Lines(tc.values, tc.nx, tc.ny, r, 1.5); got != nil {
			t.Errorf("%d: Lines(%v, %d, %d) = %v, want nil", i, tc.values, tc.nx, tc.ny, got)
		}
	}
	for i, tc := range []struct {
		values []float64
		nx, ny int
	}{
		{[]float64{1, 2, 3}, 2, 2},
		{[]float64{1, 2, 3, 4}, -2, -2},
	} {
		func() {
			defer func() {
				if p := recover(); p != errShape {
					t.Errorf("%d: Lines(%v, %d, %d) panics with %v, want %q", i, tc.values, tc.nx, tc.ny, p, errShape)
				}
			}()
			Lines(tc.values, tc.nx, tc.ny, r, 1.5)
		}()
	}
}

func TestLevels(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for i, tc := range []struct {
		values []float64
		n      int
		want   []float64
	}{
		// Ticks of 0.2 on [0, 1] are 0, 0.2, …, 1: the ends are dropped.
		{[]float64{0, 1}, 4, []float64{0.2, 0.4, 0.6, 0.8}},
		{[]float64{0, 1}, 9, []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}},
		{[]float64{1, 0}, 1, []float64{0.5}},
		// Steps of 0.5 would give 8 ticks in [-1.3, 2.7]; steps of 1 give 4.
		{[]float64{-1.3, 2.7, 0.5}, 5, []float64{-1, 0, 1, 2}},
		{[]float64{nan, 0, inf, 1, -inf}, 4, []float64{0.2, 0.4, 0.6, 0.8}},
		{[]float64{3, 3}, 5, nil},
		{[]float64{nan, inf}, 5, nil},
		{[]float64{0, 1}, 0, nil},
	} {
		got := Levels(tc.values, tc.n)
		if !equalFloats(got, tc.want) {
			t.Errorf("%d: Levels(%v, %d) = %v, want %v", i, tc.values, tc.n, got, tc.want)
		}
	}
}

func TestLogLevels(t *testing.T) {
	for i, tc := range []struct {
		values []float64
		n      int
		want   []float64
	}{
		// Offsets 0.01 … 5000: six decades of 1, 2, 5.
		{[]float64{0, 0.01, 5000}, 18, []float64{0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000}},
		{[]float64{0, 0.01, 5000}, 12, []float64{0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000, 3000}},
		{[]float64{0, 0.01, 5000}, 6, []float64{0.01, 0.1, 1, 10, 100, 1000}},
		{[]float64{0, 0.01, 5000}, 3, []float64{0.1, 10, 1000}},
		{[]float64{0, 0.01, 5000}, 4, []float64{0.1, 10, 1000}},
		// Offsets above the minimum -3.
		{[]float64{-3, -2.75, 7}, 3, []float64{-2.7, -2, 0}},
		// -2.9 - -3 is 0.10000000000000009: the offset 0.1 still counts.
		{[]float64{-3, -2.9, 7}, 3, []float64{-2.9, -2}},
		// The base rounded down from the minimum: 0, then -3.2.
		{[]float64{2.5e-5, 0.5, 3000}, 12, []float64{0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000}},
		{[]float64{-3.14159, -3, 50}, 8, []float64{-3, -2.7, -2.2, -1.2, 1.8, 6.8, 16.8, 46.8}},
		{[]float64{-3.14159, -3, 50}, 4, []float64{-2.2, 6.8}},
		// Offsets below a millionth of the range are not drawn.
		{[]float64{0, 1e-12, 1}, 7, []float64{1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1}},
		// Less than a decade: linear levels, as Levels gives.
		{[]float64{1.1, 2.2, 3}, 4, []float64{1.5, 2, 2.5}},
		{[]float64{3, 3}, 5, nil},
		{[]float64{0, 1}, 0, nil},
	} {
		got := LogLevels(tc.values, tc.n)
		if !equalFloats(got, tc.want) {
			t.Errorf("%d: LogLevels(%v, %d) = %v, want %v", i, tc.values, tc.n, got, tc.want)
		}
	}
}

func equalFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !scalar.EqualWithinAbsOrRel(a[k], b[k], 1e-15, 1e-12) {
			return false
		}
	}
	return true
}

// BenchmarkLines draws 12 levels of Rosenbrock's banana on a 200×200 grid,
// as the gradient-descent lesson does.
func BenchmarkLines(b *testing.B) {
	const n = 200
	r := figure.Rect{X0: -2, Y0: -1, X1: 2, Y1: 3}
	values := Sample(nil, n, n, r, func(x, y float64) float64 {
		return (1-x)*(1-x) + 100*(y-x*x)*(y-x*x)
	})
	levels := LogLevels(values, 12)
	if len(levels) != 12 {
		b.Fatalf("LogLevels gives %d levels, want 12", len(levels))
	}
	for b.Loop() {
		for _, level := range levels {
			Lines(values, n, n, r, level)
		}
	}
}
