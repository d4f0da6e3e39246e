package figure

import (
	"image/color"
	"math"
)

// Colormap maps a number in [0, 1] to a colour.
type Colormap uint8

// The colormaps. All are readable with the common colour-vision deficiencies.
const (
	Viridis Colormap = iota // sequential, dark blue to yellow
	Diverge                 // diverging, blue-purple (0) through near-white (0.5) to orange (1)
	Gray                    // black to white
	numColormaps
)

// nanRGBA is what every colormap shows for NaN: mid-gray, which no
// colormap uses for a number.
var nanRGBA = color.RGBA{0x80, 0x80, 0x80, 0xff}

// viridis holds every 5th of the 256 entries of matplotlib's viridis
// (_viridis_data in lib/matplotlib/_cm_listed.py; 255 = 51·5, so both ends
// are kept). Linear interpolation between them stays within 0.62 of a
// level (of 255) of the full table.
var viridis = [...][3]float64{
	{0.267004, 0.004874, 0.329415}, {0.273809, 0.031497, 0.358853},
	{0.278791, 0.062145, 0.386592}, {0.281924, 0.089666, 0.412415},
	{0.283197, 0.115680, 0.436115}, {0.282623, 0.140926, 0.457517},
	{0.280255, 0.165693, 0.476498}, {0.276194, 0.190074, 0.493001},
	{0.270595, 0.214069, 0.507052}, {0.263663, 0.237631, 0.518762},
	{0.255645, 0.260703, 0.528312}, {0.246811, 0.283237, 0.535941},
	{0.237441, 0.305202, 0.541921}, {0.227802, 0.326594, 0.546532},
	{0.218130, 0.347432, 0.550038}, {0.208623, 0.367752, 0.552675},
	{0.199430, 0.387607, 0.554642}, {0.190631, 0.407061, 0.556089},
	{0.182256, 0.426184, 0.557120}, {0.174274, 0.445044, 0.557792},
	{0.166617, 0.463708, 0.558119}, {0.159194, 0.482237, 0.558073},
	{0.151918, 0.500685, 0.557587}, {0.144759, 0.519093, 0.556572},
	{0.137770, 0.537492, 0.554906}, {0.131172, 0.555899, 0.552459},
	{0.125394, 0.574318, 0.549086}, {0.121148, 0.592739, 0.544641},
	{0.119423, 0.611141, 0.538982}, {0.121380, 0.629492, 0.531973},
	{0.128087, 0.647749, 0.523491}, {0.140210, 0.665859, 0.513427},
	{0.157851, 0.683765, 0.501686}, {0.180653, 0.701402, 0.488189},
	{0.208030, 0.718701, 0.472873}, {0.239374, 0.735588, 0.455688},
	{0.274149, 0.751988, 0.436601}, {0.311925, 0.767822, 0.415586},
	{0.352360, 0.783011, 0.392636}, {0.395174, 0.797475, 0.367757},
	{0.440137, 0.811138, 0.340967}, {0.487026, 0.823929, 0.312321},
	{0.535621, 0.835785, 0.281908}, {0.585678, 0.846661, 0.249897},
	{0.636902, 0.856542, 0.216620}, {0.688944, 0.865448, 0.182725},
	{0.741388, 0.873449, 0.149561}, {0.793760, 0.880678, 0.120005},
	{0.845561, 0.887322, 0.099702}, {0.896320, 0.893616, 0.096335},
	{0.945636, 0.899815, 0.112838}, {0.993248, 0.906157, 0.143936},
}

// puOr is ColorBrewer's 9-class PuOr (colorbrewer2.org, Cynthia Brewer,
// marked colour-blind safe; the same hex values as d3-scale-chromatic's
// schemePuOr[9]), reversed so that 0 is blue-purple and 1 orange: the
// 11-class scheme behind matplotlib's 'PuOr_r' without its two darkest ends.
var puOr = [...]uint32{
	0x542788, 0x8073ac, 0xb2abd2, 0xd8daeb, 0xf7f7f7,
	0xfee0b6, 0xfdb863, 0xe08214, 0xb35806,
}

// diverge is puOr in the [0, 1] units of the viridis table.
var diverge = func() (d [len(puOr)][3]float64) {
	for i, h := range puOr {
		d[i] = [3]float64{float64(h>>16) / 255, float64(h>>8&0xff) / 255, float64(h&0xff) / 255}
	}
	return d
}()

// At returns the colour at t, clamped to [0, 1]; NaN maps to mid-gray. The
// colormaps interpolate linearly in sRGB between evenly spaced anchors. An
// unknown Colormap is Viridis.
func (m Colormap) At(t float64) color.RGBA {
	if math.IsNaN(t) {
		return nanRGBA
	}
	t = math.Max(0, math.Min(1, t))
	switch m {
	case Diverge:
		return interp(diverge[:], t)
	case Gray:
		g := uint8(t*255 + 0.5)
		return color.RGBA{g, g, g, 0xff}
	default:
		return interp(viridis[:], t)
	}
}

// interp interpolates linearly between anchors evenly spaced on [0, 1];
// t must be in [0, 1].
func interp(anchors [][3]float64, t float64) color.RGBA {
	x := t * float64(len(anchors)-1)
	i := int(x)
	if i >= len(anchors)-1 {
		i = len(anchors) - 2
	}
	f := x - float64(i)
	a, b := anchors[i], anchors[i+1]
	var c [3]uint8
	for k := range c {
		c[k] = uint8(((1-f)*a[k]+f*b[k])*255 + 0.5)
	}
	return color.RGBA{c[0], c[1], c[2], 0xff}
}

// lutN is the size of the lookup tables behind Fill: t = i/(lutN-1), so
// that 0, 0.5 and 1 fall on entries exactly, and the steps (1/1024) are far
// below what an 8-bit colour can show.
const lutN = 1025

// luts holds At(i/(lutN-1)) for every colormap, as RGBA bytes.
var luts = func() (l [numColormaps][lutN][4]byte) {
	for m := range l {
		for i := range l[m] {
			c := Colormap(m).At(float64(i) / (lutN - 1))
			l[m][i] = [4]byte{c.R, c.G, c.B, c.A}
		}
	}
	return l
}()

// Fill writes into dst the colours of values mapped from [lo, hi] to
// [0, 1], four bytes (R, G, B, A; opaque) per value: value i starts at
// dst[4*i]. Values outside [lo, hi] are clamped, NaN is mid-gray, and when
// the range is empty, inverted or not finite every number takes the colour
// at 0.5. It matches At to within one level and allocates nothing, so a
// renderer can call it for a whole raster every frame.
//
// Fill panics if len(dst) < 4*len(values).
func (m Colormap) Fill(dst []byte, values []float64, lo, hi float64) {
	if len(dst) < 4*len(values) {
		panic("figure: Fill dst shorter than 4*len(values)")
	}
	if m >= numColormaps {
		m = Viridis
	}
	lut := &luts[m]
	scale := (lutN - 1) / (hi - lo)
	degenerate := !(hi > lo) || math.IsInf(scale, 0) || math.IsInf(hi-lo, 0)
	nan := [4]byte{nanRGBA.R, nanRGBA.G, nanRGBA.B, nanRGBA.A}
	for i, v := range values {
		var c [4]byte
		switch {
		case math.IsNaN(v):
			c = nan
		case degenerate:
			c = lut[lutN/2]
		default:
			// Rounding to the nearest entry; the comparisons also catch ±Inf.
			f := (v-lo)*scale + 0.5
			switch {
			case f <= 0:
				c = lut[0]
			case f >= lutN-1:
				c = lut[lutN-1]
			default:
				c = lut[int(f)]
			}
		}
		copy(dst[4*i:4*i+4], c[:])
	}
}
