package conv

import (
	"errors"
	"testing"
)

func TestOutSize(t *testing.T) {
	// Want values are ⌊(h + 2P − D(k−1) − 1)/S⌋ + 1, the formula of
	// PyTorch's Conv2d documentation (shape section).
	for i, tc := range []struct {
		h, k int
		p    Params
		want int
		err  error
	}{
		{30, 3, Params{0, 1, 1}, 28, nil}, // the course's 30×30 with a 3×3 kernel
		{30, 3, Params{1, 1, 1}, 30, nil}, // "same" padding
		{30, 5, Params{2, 1, 1}, 30, nil},
		{30, 3, Params{0, 2, 1}, 14, nil},
		{30, 3, Params{1, 2, 1}, 15, nil},
		{28, 2, Params{0, 2, 1}, 14, nil}, // 2×2 pooling
		{5, 3, Params{0, 1, 2}, 1, nil},   // dilated 3×3 spans 5
		{6, 3, Params{0, 3, 1}, 2, nil},   // last column unused
		{3, 3, Params{0, 1, 1}, 1, nil},
		{1, 3, Params{1, 1, 1}, 1, nil},
		{2, 3, Params{0, 1, 1}, 0, ErrKernel},
		{30, 31, Params{0, 1, 1}, 0, ErrKernel},
		{5, 3, Params{0, 1, 3}, 0, ErrKernel}, // spans 7
		{30, 3, Params{0, 0, 1}, 0, ErrStride},
		{30, 3, Params{0, -2, 1}, 0, ErrStride},
		{30, 3, Params{0, 1, 0}, 0, ErrDilation},
		{30, 3, Params{-1, 1, 1}, 0, ErrPad},
		{30, 0, Params{0, 1, 1}, 0, ErrShape},
		{0, 3, Params{1, 1, 1}, 0, ErrShape},
	} {
		got, err := OutSize(tc.h, tc.k, tc.p)
		if got != tc.want || !errors.Is(err, tc.err) {
			t.Errorf("%d: OutSize(%d, %d, %+v) = %d, %v, want %d, %v", i, tc.h, tc.k, tc.p, got, err, tc.want, tc.err)
		}
	}
}

func TestOutSizeMessage(t *testing.T) {
	for i, tc := range []struct {
		h, k int
		p    Params
		want string
	}{
		{2, 3, Params{0, 1, 1}, "conv: kernel does not fit in the padded input: kernel 3, input 2 + 2·0 padding = 2"},
		{5, 3, Params{0, 1, 3}, "conv: kernel does not fit in the padded input: kernel 3 with dilation 3 spans 7, input 5 + 2·0 padding = 5"},
		{30, 3, Params{0, 0, 1}, "conv: stride must be at least 1 (got 0)"},
	} {
		if _, err := OutSize(tc.h, tc.k, tc.p); err == nil || err.Error() != tc.want {
			t.Errorf("%d: OutSize(%d, %d, %+v) error %q, want %q", i, tc.h, tc.k, tc.p, err, tc.want)
		}
	}
}
