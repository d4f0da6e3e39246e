package figure

import (
	"image/color"
	"math"
	"testing"
)

// TestViridis checks At against linear interpolation of matplotlib's full
// 256-entry viridis table (_viridis_data in lib/matplotlib/_cm_listed.py,
// entry i at t = i/255), in levels of 255:
//
//	d = np.array(_viridis_data); [np.interp(t, np.arange(256)/255, d[:, k])*255 for k in range(3)]
//
// The tolerance is the 0.62 level the 52 anchors can miss by, plus 0.5
// for rounding to a byte.
func TestViridis(t *testing.T) {
	for i, tc := range []struct {
		t    float64
		want [3]float64
	}{
		{0, [3]float64{68.086, 1.243, 84.001}},
		{0.1, [3]float64{72.026, 36.572, 117.176}},
		{0.25, [3]float64{58.707, 81.931, 139.099}},
		{0.5, [3]float64{32.678, 144.102, 140.478}},
		{0.75, [3]float64{92.529, 200.607, 98.580}},
		{0.9, [3]float64{187.715, 222.534, 38.963}},
		{1, [3]float64{253.278, 231.070, 36.704}},
	} {
		got := Viridis.At(tc.t)
		for k, g := range [3]uint8{got.R, got.G, got.B} {
			if math.Abs(float64(g)-tc.want[k]) > 1.12 || got.A != 0xff {
				t.Errorf("%d: Viridis.At(%g) = %v, want about %v", i, tc.t, got, tc.want)
				break
			}
		}
	}
}

func TestColormapAt(t *testing.T) {
	rgb := func(h uint32) color.RGBA { return color.RGBA{uint8(h >> 16), uint8(h >> 8), uint8(h), 0xff} }
	gray := rgb(0x808080)
	for i, tc := range []struct {
		m    Colormap
		t    float64
		want color.RGBA
	}{
		// The ends of viridis: matplotlib's first and last entries,
		// [round(x*255) for x in _viridis_data[0]] and [-1].
		{Viridis, 0, rgb(0x440154)},
		{Viridis, 1, rgb(0xfde725)},
		{Viridis, -3, rgb(0x440154)},
		{Viridis, math.Inf(1), rgb(0xfde725)},
		// Anchor 26 of 52 is [round(x*255) for x in _viridis_data[130]].
		{Viridis, 26.0 / 51, rgb(0x20928c)},
		// The nine ColorBrewer PuOr colours sit at k/8.
		{Diverge, 0, rgb(0x542788)},
		{Diverge, 0.25, rgb(0xb2abd2)},
		{Diverge, 0.5, rgb(0xf7f7f7)},
		{Diverge, 0.75, rgb(0xfdb863)},
		{Diverge, 1, rgb(0xb35806)},
		// Between them, linear in sRGB: np.interp(t, np.linspace(0, 1, 9), channel).
		{Diverge, 1.0 / 16, color.RGBA{106, 77, 154, 0xff}},
		{Diverge, 0.3, color.RGBA{193, 190, 220, 0xff}},
		{Diverge, 0.9, color.RGBA{215, 122, 17, 0xff}},
		{Gray, 0, rgb(0x000000)},
		{Gray, 0.25, rgb(0x404040)}, // 63.75 rounds to 64
		{Gray, 1, rgb(0xffffff)},
		{Viridis, math.NaN(), gray},
		{Diverge, math.NaN(), gray},
		{Gray, math.NaN(), gray},
		{Colormap(200), 0, rgb(0x440154)}, // unknown: viridis
	} {
		if got := tc.m.At(tc.t); got != tc.want {
			t.Errorf("%d: Colormap(%d).At(%g) = %v, want %v", i, tc.m, tc.t, got, tc.want)
		}
	}
}

func TestColormapFill(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for i, tc := range []struct {
		m      Colormap
		values []float64
		lo, hi float64
		want   []float64 // t for At, NaN for mid-gray
	}{
		{Viridis, []float64{-2, 0, 1, 2, 3, 10, -10}, -2, 2, []float64{0, 0.5, 0.75, 1, 1, 1, 0}},
		{Diverge, []float64{-1, -0.5, 0, 0.123, 1}, -1, 1, []float64{0, 0.25, 0.5, 0.5615, 1}},
		{Gray, []float64{nan, inf, -inf, 0.3}, 0, 1, []float64{nan, 1, 0, 0.3}},
		{Viridis, []float64{5, -1, nan}, 3, 3, []float64{0.5, 0.5, nan}},                   // empty range
		{Diverge, []float64{5, -1}, 3, 1, []float64{0.5, 0.5}},                             // inverted range
		{Viridis, []float64{5, -1}, nan, 1, []float64{0.5, 0.5}},                           // NaN bound
		{Viridis, []float64{5, -1}, -inf, inf, []float64{0.5, 0.5}},                        // infinite range
		{Viridis, []float64{0, 5e-324}, 0, 5e-324, []float64{0.5, 0.5}},                    // 1024/range overflows
		{Colormap(9), []float64{0, 1}, 0, 1, []float64{0, 1}},                              // unknown: viridis
		{Gray, []float64{0.2, 0.4, 0.6, 0.8}, 0.2, 0.8, []float64{0, 1.0 / 3, 2.0 / 3, 1}}, // interior
	} {
		dst := make([]byte, 4*len(tc.values)+3) // longer than needed: the tail stays
		dst[len(dst)-1] = 7
		tc.m.Fill(dst, tc.values, tc.lo, tc.hi)
		for j, v := range tc.want {
			want := tc.m.At(v)
			got := color.RGBA{dst[4*j], dst[4*j+1], dst[4*j+2], dst[4*j+3]}
			if !near(got, want, 1) {
				t.Errorf("%d: Fill(%v, %g, %g)[%d] = %v, want %v", i, tc.values, tc.lo, tc.hi, j, got, want)
			}
		}
		if dst[len(dst)-1] != 7 {
			t.Errorf("%d: Fill wrote past 4*len(values)", i)
		}
	}
}

// TestColormapFillMatchesAt sweeps every colormap finely.
func TestColormapFillMatchesAt(t *testing.T) {
	values := make([]float64, 10001)
	for i := range values {
		values[i] = float64(i) / float64(len(values)-1)
	}
	dst := make([]byte, 4*len(values))
	for m := range numColormaps {
		m.Fill(dst, values, 0, 1)
		for i, v := range values {
			got := color.RGBA{dst[4*i], dst[4*i+1], dst[4*i+2], dst[4*i+3]}
			if want := m.At(v); !near(got, want, 1) {
				t.Fatalf("Colormap(%d).Fill at %g = %v, want At = %v", m, v, got, want)
			}
		}
	}
}

func TestColormapFillAllocs(t *testing.T) {
	values := make([]float64, 1000)
	dst := make([]byte, 4*len(values))
	if n := testing.AllocsPerRun(10, func() { Viridis.Fill(dst, values, -1, 1) }); n != 0 {
		t.Errorf("Fill allocates %g times per call, want 0", n)
	}
}

func TestColormapFillShort(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Errorf("Fill with a short dst did not panic")
		}
	}()
	Viridis.Fill(make([]byte, 7), []float64{1, 2}, 0, 1)
}

// near reports whether two colours differ by at most d in every channel.
func near(a, b color.RGBA, d int) bool {
	for _, p := range [][2]uint8{{a.R, b.R}, {a.G, b.G}, {a.B, b.B}, {a.A, b.A}} {
		if diff := int(p[0]) - int(p[1]); diff > d || diff < -d {
			return false
		}
	}
	return true
}

func BenchmarkColormapFill(b *testing.B) {
	const w, h = 200, 200
	values := make([]float64, w*h)
	for j := range h {
		for i := range w {
			x, y := float64(i)/w*4-2, float64(j)/h*4-2
			values[j*w+i] = math.Sin(x*y) + 0.1*x
		}
	}
	dst := make([]byte, 4*len(values))
	b.SetBytes(int64(len(values)))
	for b.Loop() {
		Diverge.Fill(dst, values, -1.2, 1.2)
	}
}
