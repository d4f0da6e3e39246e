package stats

import (
	"math"
	"slices"
	"testing"
)

// TestAutoBins compares with numpy: e = np.histogram_bin_edges(x, 'auto')
// and np.histogram(x, e)[0] for core/fit's "real" and "pos" data sets, and
// identical values (one bin of width 1 around them).
func TestAutoBins(t *testing.T) {
	for i, tc := range []struct {
		x      []float64
		nb     int
		lo, hi float64
		counts []float64
	}{
		{[]float64{1.502, 2.097, 0.952, -0.281, 0.591, -0.483, 1.62, 4.18, 0.516, 0.259, 2.48, 2.214, 1.711, -0.361, 1.441},
			5, -0.483, 4.18, []float64{4, 3, 6, 1, 1}},
		{[]float64{4.368, 2.029, 1.0, 2.39, 3.368, 2.474, 1.906, 3.039, 1.998, 1.535, 1.537, 4.871, 2.608, 2.94, 2.965},
			5, 1.0, 4.871, []float64{3, 5, 4, 1, 2}},
		{[]float64{2.5, 2.5, 2.5}, 1, 2, 3, []float64{3}},
	} {
		x := slices.Clone(tc.x)
		slices.Sort(x)
		lo, hi, nb := autoBins(x)
		if nb != tc.nb || lo != tc.lo || hi != tc.hi {
			t.Errorf("%d: autoBins = %v, %v, %d bins; want %v, %v, %d", i, lo, hi, nb, tc.lo, tc.hi, tc.nb)
			continue
		}
		h := newHistogram(x)
		for j, d := range h.dens {
			if c := d * float64(len(x)) * h.width; math.Abs(c-tc.counts[j]) > 1e-9 {
				t.Errorf("%d: bin %d holds %v, want %v", i, j, c, tc.counts[j])
			}
		}
	}
	// Whole numbers: one bar per value.
	h := newHistogram([]float64{0, 1, 1, 3})
	if !h.unit || h.lo != -0.5 || h.width != 1 || !slices.Equal(h.dens, []float64{0.25, 0.5, 0, 0.25}) {
		t.Errorf("newHistogram(0, 1, 1, 3) = %+v", h)
	}
}

// TestFrames checks the layouts: three in a row on a wide canvas, one over
// two on a laptop's, two stacked on a phone's.
func TestFrames(t *testing.T) {
	for _, tc := range []struct {
		w, h float64
		n    int
		row  bool
	}{{1280, 720, 3, true}, {930, 577, 3, false}, {800, 500, 3, false}, {340, 320, 2, false}} {
		fr := frames(tc.w, tc.h)
		if len(fr) != tc.n || (fr[0].Y0 == fr[1].Y0) != tc.row {
			t.Errorf("frames(%v, %v) = %v", tc.w, tc.h, fr)
		}
		for _, r := range fr {
			if r.X0 < 0 || r.Y0 < 0 || r.X1 > tc.w || r.Y1 > tc.h || r.W() < 60 || r.H() < 60 {
				t.Errorf("frames(%v, %v): %v outside the canvas or too small", tc.w, tc.h, r)
			}
		}
	}
}
