package conv

import (
	"errors"
	"fmt"
)

// Params are the settings of a convolution along both axes. Stride and
// Dilation must be at least 1 (the zero value is not usable: a lesson
// sets them from its controls, and OutSize says what is wrong).
type Params struct {
	Pad      int // zeros added on each side
	Stride   int // step of the window, ≥ 1
	Dilation int // spacing of the kernel taps, ≥ 1 (1: adjacent)
}

// Errors for settings that cannot work. Returned errors wrap one of
// these (test with errors.Is) and add the numbers involved.
var (
	ErrStride   = errors.New("conv: stride must be at least 1")
	ErrDilation = errors.New("conv: dilation must be at least 1")
	ErrPad      = errors.New("conv: padding must not be negative")
	ErrKernel   = errors.New("conv: kernel does not fit in the padded input")
	ErrShape    = errors.New("conv: shapes do not fit together")
	ErrPosition = errors.New("conv: position outside the output")
	ErrUnknown  = errors.New("conv: unknown name")
	ErrSize     = errors.New("conv: image size out of range")
)

// Span returns how many input positions a kernel of size k covers with
// dilation d: d·(k−1) + 1.
func Span(k, d int) int { return d*(k-1) + 1 }

// OutSize returns the number of outputs along an axis of h inputs for a
// kernel of size k: ⌊(h + 2P − Span(k, D))/S⌋ + 1. Settings for which no
// output exists return an error saying why.
func OutSize(h, k int, p Params) (int, error) {
	switch {
	case p.Stride < 1:
		return 0, fmt.Errorf("%w (got %d)", ErrStride, p.Stride)
	case p.Dilation < 1:
		return 0, fmt.Errorf("%w (got %d)", ErrDilation, p.Dilation)
	case p.Pad < 0:
		return 0, fmt.Errorf("%w (got %d)", ErrPad, p.Pad)
	case k < 1:
		return 0, fmt.Errorf("%w: kernel size %d, want at least 1", ErrShape, k)
	case h < 1:
		return 0, fmt.Errorf("%w: input size %d, want at least 1", ErrShape, h)
	}
	span, in := Span(k, p.Dilation), h+2*p.Pad
	if span > in {
		if p.Dilation > 1 {
			return 0, fmt.Errorf("%w: kernel %d with dilation %d spans %d, input %d + 2·%d padding = %d", ErrKernel, k, p.Dilation, span, h, p.Pad, in)
		}
		return 0, fmt.Errorf("%w: kernel %d, input %d + 2·%d padding = %d", ErrKernel, k, h, p.Pad, in)
	}
	return (in-span)/p.Stride + 1, nil
}

// outShape returns the output rows and columns of x under a kh×kw kernel.
func outShape(x *Tensor, kh, kw int, p Params) (oh, ow int, err error) {
	if oh, err = OutSize(x.H, kh, p); err != nil {
		return 0, 0, err
	}
	if ow, err = OutSize(x.W, kw, p); err != nil {
		return 0, 0, err
	}
	return oh, ow, nil
}
