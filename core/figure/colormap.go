package figure

import "image/color"

// Colormap maps a number in [0, 1] to a colour.
type Colormap uint8

// The colormaps. All are readable with the common colour-vision deficiencies.
const (
	Viridis  Colormap = iota // sequential, dark blue to yellow
	Diverge                  // diverging, blue (0) through white (0.5) to orange (1)
	Gray                     // black to white
)

// At returns the colour at t, clamped to [0, 1]; NaN maps to mid-gray.
func (m Colormap) At(t float64) color.RGBA {
	panic("figure: Colormap.At not implemented yet")
}
