package conv

import (
	"errors"
	"slices"
	"testing"
)

func TestImages(t *testing.T) {
	want := []string{"digit", "checkerboard", "gradient", "circle", "square", "triangle", "color"}
	if got := ImageNames(); !slices.Equal(got, want) {
		t.Errorf("ImageNames() = %v, want %v", got, want)
	}
	for i, name := range want {
		for _, size := range []int{MinImageSize, 30, 64} {
			img, err := Image(name, size)
			if err != nil {
				t.Fatalf("%d: Image(%q, %d) error %v", i, name, size, err)
			}
			c := 1
			if name == "color" {
				c = 3
			}
			if img.C != c || img.H != size || img.W != size || len(img.Data) != c*size*size {
				t.Errorf("%d: Image(%q, %d) is %d×%d×%d, want %d×%d×%d", i, name, size, img.C, img.H, img.W, c, size, size)
			}
			lo, hi := slices.Min(img.Data), slices.Max(img.Data)
			// Tiny images may have no pixel wholly inside a thin stroke.
			if lo != 0 || hi > 1 || hi < 0.9 || size >= 30 && hi != 1 {
				t.Errorf("%d: Image(%q, %d) values in [%g, %g], want [0, 1]", i, name, size, lo, hi)
			}
			again, _ := Image(name, size)
			if !slices.Equal(img.Data, again.Data) {
				t.Errorf("%d: Image(%q, %d) differs between calls", i, name, size)
			}
		}
	}
	// Spot checks at 30×30: centres inside, corners outside the shapes.
	for i, tc := range []struct {
		name    string
		c, y, x int
		want    float64
	}{
		{"circle", 0, 15, 15, 1}, {"circle", 0, 0, 0, 0},
		{"square", 0, 15, 15, 1}, {"square", 0, 2, 2, 0},
		{"triangle", 0, 17, 15, 1}, {"triangle", 0, 2, 2, 0}, {"triangle", 0, 28, 15, 0},
		{"digit", 0, 6, 15, 1}, {"digit", 0, 20, 5, 0},
		{"checkerboard", 0, 0, 0, 1}, {"checkerboard", 0, 0, 5, 0}, {"checkerboard", 0, 5, 5, 1},
		{"gradient", 0, 3, 0, 0}, {"gradient", 0, 3, 29, 1},
		{"color", 0, 12, 8, 1}, {"color", 1, 12, 8, 0}, // red only on the left
		{"color", 2, 25, 15, 1}, {"color", 0, 25, 15, 0}, // blue only at the bottom
		{"color", 0, 15, 15, 1}, {"color", 1, 15, 15, 1}, {"color", 2, 15, 15, 1}, // white centre
	} {
		img, _ := Image(tc.name, 30)
		if got := img.At(tc.c, tc.y, tc.x); got != tc.want {
			t.Errorf("%d: Image(%q, 30).At(%d, %d, %d) = %g, want %g", i, tc.name, tc.c, tc.y, tc.x, got, tc.want)
		}
	}
	for i, tc := range []struct {
		name string
		size int
		want error
	}{
		{"circle", MinImageSize - 1, ErrSize},
		{"circle", MaxImageSize + 1, ErrSize},
		{"mnist", 30, ErrUnknown},
	} {
		if _, err := Image(tc.name, tc.size); !errors.Is(err, tc.want) {
			t.Errorf("%d: Image(%q, %d) error %v, want %v", i, tc.name, tc.size, err, tc.want)
		}
	}
}
