package conv

import (
	"fmt"
	"math"
)

// Sizes Image accepts.
const (
	MinImageSize = 5
	MaxImageSize = 256
)

// images draw into a size×size Tensor; u and v below run over [0, 1]
// across and down the image.
var images = []struct {
	name string
	draw func(t *Tensor)
}{
	// A handwritten-looking 7, thick strokes as in MNIST.
	{"digit", func(t *Tensor) {
		cover(t, 0, func(u, v float64) bool {
			return segDist(u, v, 0.22, 0.22, 0.78, 0.22) < 0.075 ||
				segDist(u, v, 0.78, 0.22, 0.42, 0.84) < 0.075
		})
	}},
	// 6×6 cells on whole pixels, so edges stay sharp.
	{"checkerboard", func(t *Tensor) {
		for y := 0; y < t.H; y++ {
			for x := 0; x < t.W; x++ {
				if (x*6/t.W+y*6/t.H)%2 == 0 {
					t.Data[y*t.W+x] = 1
				}
			}
		}
	}},
	// Dark to bright from left to right.
	{"gradient", func(t *Tensor) {
		for y := 0; y < t.H; y++ {
			for x := 0; x < t.W; x++ {
				t.Data[y*t.W+x] = float64(x) / float64(t.W-1)
			}
		}
	}},
	{"circle", func(t *Tensor) {
		cover(t, 0, func(u, v float64) bool { return math.Hypot(u-0.5, v-0.5) < 0.32 })
	}},
	{"square", func(t *Tensor) {
		cover(t, 0, func(u, v float64) bool { return u > 0.25 && u < 0.75 && v > 0.25 && v < 0.75 })
	}},
	{"triangle", func(t *Tensor) {
		cover(t, 0, func(u, v float64) bool {
			// Inside when on the same side of all three edges, taken in turn.
			a := cross(0.5, 0.18, 0.82, 0.8, u, v)
			b := cross(0.82, 0.8, 0.18, 0.8, u, v)
			c := cross(0.18, 0.8, 0.5, 0.18, u, v)
			return a > 0 && b > 0 && c > 0
		})
	}},
	// Three overlapping discs, one per channel: the overlaps mix to
	// yellow, cyan, magenta and white, as additive colour does.
	{"color", func(t *Tensor) {
		for c, ctr := range [3][2]float64{{0.37, 0.4}, {0.63, 0.4}, {0.5, 0.63}} {
			cover(t, c, func(u, v float64) bool { return math.Hypot(u-ctr[0], v-ctr[1]) < 0.26 })
		}
	}},
}

// ImageNames returns the names Image knows, in display order.
func ImageNames() []string {
	names := make([]string, len(images))
	for i, im := range images {
		names[i] = im.name
	}
	return names
}

// Image returns the named test image, size×size pixels with values in
// [0, 1]: three channels (red, green, blue) for "color", one otherwise.
// An unknown name is ErrUnknown; a size outside
// [MinImageSize, MaxImageSize] is ErrSize.
func Image(name string, size int) (*Tensor, error) {
	if size < MinImageSize || size > MaxImageSize {
		return nil, fmt.Errorf("%w: %d, want %d to %d", ErrSize, size, MinImageSize, MaxImageSize)
	}
	for _, im := range images {
		if im.name == name {
			c := 1
			if name == "color" {
				c = 3
			}
			t := New(c, size, size)
			im.draw(t)
			return t, nil
		}
	}
	return nil, fmt.Errorf("%w image %q", ErrUnknown, name)
}

// cover sets each pixel of channel c to the fraction of its 4×4
// subsamples inside the shape.
func cover(t *Tensor, c int, inside func(u, v float64) bool) {
	const n = 4
	ch := t.Channel(c)
	for y := 0; y < t.H; y++ {
		for x := 0; x < t.W; x++ {
			hits := 0
			for sy := 0; sy < n; sy++ {
				for sx := 0; sx < n; sx++ {
					u := (float64(x) + (float64(sx)+0.5)/n) / float64(t.W)
					v := (float64(y) + (float64(sy)+0.5)/n) / float64(t.H)
					if inside(u, v) {
						hits++
					}
				}
			}
			ch[y*t.W+x] = float64(hits) / (n * n)
		}
	}
}

// segDist returns the distance from (u, v) to the segment (ax, ay)–(bx, by).
func segDist(u, v, ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	s := ((u-ax)*dx + (v-ay)*dy) / (dx*dx + dy*dy)
	s = min(max(s, 0), 1)
	return math.Hypot(u-ax-s*dx, v-ay-s*dy)
}

// cross returns the z component of (b − a) × (p − a): its sign says on
// which side of the line a→b the point p lies.
func cross(ax, ay, bx, by, px, py float64) float64 {
	return (bx-ax)*(py-ay) - (by-ay)*(px-ax)
}
