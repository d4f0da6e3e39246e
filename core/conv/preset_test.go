package conv

import (
	"errors"
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/floats"
)

func TestPresets(t *testing.T) {
	// Blurs keep brightness (weights sum to 1), edge detectors ignore
	// flat regions (sum 0); identity, sharpen and emboss sum to 1 too.
	sums := map[string]float64{
		"identity": 1, "box-blur": 1, "gaussian-3": 1, "gaussian-5": 1, "sharpen": 1,
		"sobel-x": 0, "sobel-y": 0, "prewitt-x": 0, "prewitt-y": 0, "laplacian": 0,
		"emboss": 1, "outline": 0,
	}
	names := PresetNames()
	if len(names) != len(sums) {
		t.Errorf("PresetNames() = %v, want the %d names %v", names, len(sums), sums)
	}
	for i, name := range names {
		rows, err := Preset(name)
		if err != nil {
			t.Errorf("%d: Preset(%q) error %v", i, name, err)
			continue
		}
		size := 3
		if name == "gaussian-5" {
			size = 5
		}
		k := FromRows(rows)
		if k.H != size || k.W != size {
			t.Errorf("%d: Preset(%q) is %d×%d, want %d×%d", i, name, k.H, k.W, size, size)
		}
		if got, want := floats.Sum(k.Data), sums[name]; math.Abs(got-want) > 1e-15 {
			t.Errorf("%d: sum of Preset(%q) = %g, want %g", i, name, got, want)
		}
	}
	rows, _ := Preset("sobel-x")
	rows[0][0] = 99
	if again, _ := Preset("sobel-x"); again[0][0] != -1 {
		t.Errorf("Preset(%q) after changing a returned copy has [0][0] = %g, want -1", "sobel-x", again[0][0])
	}
	if _, err := Preset("blur"); !errors.Is(err, ErrUnknown) {
		t.Errorf("Preset(%q) error %v, want ErrUnknown", "blur", err)
	}
}

// TestPresetEdges runs the edge detectors over a vertical and a
// horizontal step from 0 to 1: Sobel x is right minus left, so a step
// brightening to the right gives +4 on the edge (1+2+1), Prewitt x +3,
// and the y kernels (bottom minus top) do likewise for a step brightening
// downwards. The other axis's kernel sees nothing.
func TestPresetEdges(t *testing.T) {
	vertical := New(1, 5, 6) // columns 3..5 bright
	horizontal := New(1, 6, 5)
	for y := 0; y < 5; y++ {
		for x := 3; x < 6; x++ {
			vertical.Set(0, y, x, 1)
			horizontal.Set(0, x, y, 1)
		}
	}
	one := Params{Stride: 1, Dilation: 1}
	for i, tc := range []struct {
		kernel string
		img    *Tensor
		want   []float64 // one output row (vertical) or column (horizontal)
	}{
		{"sobel-x", vertical, []float64{0, 4, 4, 0}},
		{"prewitt-x", vertical, []float64{0, 3, 3, 0}},
		{"sobel-y", vertical, []float64{0, 0, 0, 0}},
		{"sobel-y", horizontal, []float64{0, 4, 4, 0}},
		{"prewitt-y", horizontal, []float64{0, 3, 3, 0}},
		{"sobel-x", horizontal, []float64{0, 0, 0, 0}},
		{"laplacian", vertical, []float64{0, 1, -1, 0}},
	} {
		rows, _ := Preset(tc.kernel)
		var y Tensor
		if err := Forward(&y, tc.img, []Tensor{*FromRows(rows)}, nil, one); err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		var got []float64
		if tc.img == vertical {
			got = y.Data[y.W : 2*y.W]
		} else {
			for r := 0; r < y.H; r++ {
				got = append(got, y.At(0, r, 1))
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%d: %s on a step: %v, want %v", i, tc.kernel, got, tc.want)
		}
	}
}
