package conv

import "fmt"

// Tensor is C channels of H×W values; see the package comment for the
// layout of Data.
type Tensor struct {
	C, H, W int
	Data    []float64
}

// New returns a zero c×h×w Tensor. Negative sizes panic.
func New(c, h, w int) *Tensor {
	if c < 0 || h < 0 || w < 0 {
		panic(fmt.Sprintf("conv: negative tensor size %d×%d×%d", c, h, w))
	}
	return &Tensor{C: c, H: h, W: w, Data: make([]float64, c*h*w)}
}

// FromRows returns the 1×h×w Tensor with the given rows, for example a
// Preset. Ragged rows panic.
func FromRows(rows [][]float64) *Tensor {
	h := len(rows)
	w := 0
	if h > 0 {
		w = len(rows[0])
	}
	t := New(1, h, w)
	for y, r := range rows {
		if len(r) != w {
			panic(fmt.Sprintf("conv: ragged rows: row %d has %d values, want %d", y, len(r), w))
		}
		copy(t.Data[y*w:], r)
	}
	return t
}

// At returns the value at channel c, row y, column x.
func (t *Tensor) At(c, y, x int) float64 { return t.Data[t.index(c, y, x)] }

// Set sets the value at channel c, row y, column x.
func (t *Tensor) Set(c, y, x int, v float64) { t.Data[t.index(c, y, x)] = v }

// Channel returns channel c as a row-major H×W slice sharing Data.
func (t *Tensor) Channel(c int) []float64 {
	n := t.H * t.W
	return t.Data[c*n : (c+1)*n : (c+1)*n]
}

func (t *Tensor) index(c, y, x int) int {
	if uint(c) >= uint(t.C) || uint(y) >= uint(t.H) || uint(x) >= uint(t.W) {
		panic(fmt.Sprintf("conv: index (%d, %d, %d) outside %d×%d×%d", c, y, x, t.C, t.H, t.W))
	}
	return (c*t.H+y)*t.W + x
}

// Flip writes into dst the kernel k rotated by 180° in each channel:
// dst[c,i,j] = k[c,kh−1−i,kw−1−j]. Correlating with Flip(k) is
// convolving with k.
func Flip(dst, k *Tensor) {
	k.check()
	if dst == k {
		panic("conv: Flip into its own input")
	}
	dst.reshape(k.C, k.H, k.W)
	for c := 0; c < k.C; c++ {
		for i := 0; i < k.H; i++ {
			for j := 0; j < k.W; j++ {
				dst.Data[(c*k.H+i)*k.W+j] = k.Data[(c*k.H+k.H-1-i)*k.W+k.W-1-j]
			}
		}
	}
}

// check panics when Data does not hold C·H·W values: a caller bug.
func (t *Tensor) check() {
	if t == nil {
		panic("conv: nil tensor")
	}
	if t.C < 0 || t.H < 0 || t.W < 0 || len(t.Data) != t.C*t.H*t.W {
		panic(fmt.Sprintf("conv: tensor %d×%d×%d with %d values", t.C, t.H, t.W, len(t.Data)))
	}
}

// reshape makes t c×h×w, reusing Data when its capacity suffices. The
// values are left as they were: callers overwrite or clear them.
func (t *Tensor) reshape(c, h, w int) {
	if t == nil {
		panic("conv: nil dst")
	}
	n := c * h * w
	if cap(t.Data) < n {
		t.Data = make([]float64, n)
	}
	t.C, t.H, t.W, t.Data = c, h, w, t.Data[:n]
}
