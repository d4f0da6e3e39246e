package conv

import (
	"fmt"
	"math"
)

// ReLU writes max(0, x) into dst, elementwise; dst may be x.
func ReLU(dst, x *Tensor) {
	x.check()
	if dst != x {
		dst.reshape(x.C, x.H, x.W)
	}
	for i, v := range x.Data {
		dst.Data[i] = max(v, 0)
	}
}

// ReLUBackward returns ∂L/∂x given dY = ∂L/∂ReLU(x): dY where x > 0,
// else 0.
func ReLUBackward(x, dY *Tensor) *Tensor {
	x.check()
	sameShape(x, dY)
	dX := New(x.C, x.H, x.W)
	for i, v := range x.Data {
		if v > 0 {
			dX.Data[i] = dY.Data[i]
		}
	}
	return dX
}

// poolShape returns the output rows and columns of pooling x with
// size×size windows every stride values.
func poolShape(x *Tensor, size, stride int) (oh, ow int, err error) {
	x.check()
	return outShape(x, size, size, Params{Stride: stride, Dilation: 1})
}

// MaxPool writes into dst, channel by channel, the largest value of each
// size×size window, the windows stride apart, and returns for each
// output value the index in x.Data it came from.
func MaxPool(dst, x *Tensor, size, stride int) (argmax []int, err error) {
	if dst == x {
		panic("conv: MaxPool into its own input")
	}
	oh, ow, err := poolShape(x, size, stride)
	if err != nil {
		return nil, err
	}
	dst.reshape(x.C, oh, ow)
	argmax = make([]int, len(dst.Data))
	for c := 0; c < x.C; c++ {
		for oy := 0; oy < oh; oy++ {
			for ox := 0; ox < ow; ox++ {
				best, at := math.Inf(-1), -1
				for i := 0; i < size; i++ {
					for j := 0; j < size; j++ {
						m := (c*x.H+oy*stride+i)*x.W + ox*stride + j
						if v := x.Data[m]; at < 0 || v > best || (math.IsNaN(v) && !math.IsNaN(best)) {
							best, at = v, m
						}
					}
				}
				n := (c*oh+oy)*ow + ox
				dst.Data[n], argmax[n] = best, at
			}
		}
	}
	return argmax, nil
}

// MaxPoolBackward returns ∂L/∂x for MaxPool(y, x, …) that returned
// argmax, given dY = ∂L/∂y: each dY value goes to the input it came
// from (summed where windows overlap on the same maximum).
func MaxPoolBackward(x *Tensor, argmax []int, dY *Tensor) *Tensor {
	x.check()
	dY.check()
	if len(argmax) != len(dY.Data) {
		panic(fmt.Sprintf("conv: %d argmax indices for %d gradient values", len(argmax), len(dY.Data)))
	}
	dX := New(x.C, x.H, x.W)
	for n, m := range argmax {
		dX.Data[m] += dY.Data[n]
	}
	return dX
}

// AvgPool writes into dst, channel by channel, the mean of each
// size×size window, the windows stride apart.
func AvgPool(dst, x *Tensor, size, stride int) error {
	if dst == x {
		panic("conv: AvgPool into its own input")
	}
	oh, ow, err := poolShape(x, size, stride)
	if err != nil {
		return err
	}
	dst.reshape(x.C, oh, ow)
	inv := 1 / float64(size*size)
	for c := 0; c < x.C; c++ {
		for oy := 0; oy < oh; oy++ {
			for ox := 0; ox < ow; ox++ {
				var s float64
				for i := 0; i < size; i++ {
					row := (c*x.H+oy*stride+i)*x.W + ox*stride
					for _, v := range x.Data[row : row+size] {
						s += v
					}
				}
				dst.Data[(c*oh+oy)*ow+ox] = s * inv
			}
		}
	}
	return nil
}

// AvgPoolBackward returns ∂L/∂x for AvgPool(y, x, size, stride), given
// dY = ∂L/∂y: each dY value is shared equally by its window's inputs.
func AvgPoolBackward(x *Tensor, size, stride int, dY *Tensor) *Tensor {
	oh, ow, err := poolShape(x, size, stride)
	if err != nil {
		panic(err)
	}
	dY.check()
	if dY.C != x.C || dY.H != oh || dY.W != ow {
		panic(fmt.Sprintf("conv: upstream gradient %d×%d×%d, want %d×%d×%d", dY.C, dY.H, dY.W, x.C, oh, ow))
	}
	dX := New(x.C, x.H, x.W)
	inv := 1 / float64(size*size)
	for c := 0; c < x.C; c++ {
		for oy := 0; oy < oh; oy++ {
			for ox := 0; ox < ow; ox++ {
				g := dY.Data[(c*oh+oy)*ow+ox] * inv
				for i := 0; i < size; i++ {
					row := (c*x.H+oy*stride+i)*x.W + ox*stride
					for j := range size {
						dX.Data[row+j] += g
					}
				}
			}
		}
	}
	return dX
}

func sameShape(a, b *Tensor) {
	b.check()
	if a.C != b.C || a.H != b.H || a.W != b.W {
		panic(fmt.Sprintf("conv: shapes %d×%d×%d and %d×%d×%d differ", a.C, a.H, a.W, b.C, b.H, b.W))
	}
}
