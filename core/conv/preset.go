package conv

import "fmt"

// presets are the classic image kernels, in the order PresetNames lists
// them. Weights of the blurs sum to 1 (brightness kept); those of the
// edge detectors sum to 0 (flat regions give 0).
var presets = []struct {
	name string
	rows [][]float64
}{
	{"identity", [][]float64{{0, 0, 0}, {0, 1, 0}, {0, 0, 0}}},
	{"box-blur", [][]float64{{1. / 9, 1. / 9, 1. / 9}, {1. / 9, 1. / 9, 1. / 9}, {1. / 9, 1. / 9, 1. / 9}}},
	// Binomial weights: row (1 2 1)/4 times column (1 2 1)/4, the usual
	// 3×3 approximation of a Gaussian with σ ≈ 0.85.
	{"gaussian-3", [][]float64{{1. / 16, 2. / 16, 1. / 16}, {2. / 16, 4. / 16, 2. / 16}, {1. / 16, 2. / 16, 1. / 16}}},
	// Row (1 4 6 4 1)/16 times the same column: σ = 1.
	{"gaussian-5", [][]float64{
		{1. / 256, 4. / 256, 6. / 256, 4. / 256, 1. / 256},
		{4. / 256, 16. / 256, 24. / 256, 16. / 256, 4. / 256},
		{6. / 256, 24. / 256, 36. / 256, 24. / 256, 6. / 256},
		{4. / 256, 16. / 256, 24. / 256, 16. / 256, 4. / 256},
		{1. / 256, 4. / 256, 6. / 256, 4. / 256, 1. / 256},
	}},
	{"sharpen", [][]float64{{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}}},
	// Sobel and Prewitt as correlation kernels: x is right minus left,
	// y is bottom minus top (rows grow downwards).
	{"sobel-x", [][]float64{{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}}},
	{"sobel-y", [][]float64{{-1, -2, -1}, {0, 0, 0}, {1, 2, 1}}},
	{"prewitt-x", [][]float64{{-1, 0, 1}, {-1, 0, 1}, {-1, 0, 1}}},
	{"prewitt-y", [][]float64{{-1, -1, -1}, {0, 0, 0}, {1, 1, 1}}},
	{"laplacian", [][]float64{{0, 1, 0}, {1, -4, 1}, {0, 1, 0}}},
	// Emboss lights the image from the top left; its weights sum to 1.
	{"emboss", [][]float64{{-2, -1, 0}, {-1, 1, 1}, {0, 1, 2}}},
	{"outline", [][]float64{{-1, -1, -1}, {-1, 8, -1}, {-1, -1, -1}}},
}

// PresetNames returns the names Preset knows, in display order.
func PresetNames() []string {
	names := make([]string, len(presets))
	for i, p := range presets {
		names[i] = p.name
	}
	return names
}

// Preset returns a fresh copy of the named kernel's rows; an unknown name
// is ErrUnknown.
func Preset(name string) ([][]float64, error) {
	for _, p := range presets {
		if p.name == name {
			rows := make([][]float64, len(p.rows))
			for i, r := range p.rows {
				rows[i] = append([]float64(nil), r...)
			}
			return rows, nil
		}
	}
	return nil, fmt.Errorf("%w kernel %q", ErrUnknown, name)
}
