package conv_test

import (
	"fmt"

	"github.com/aimath/playground/core/conv"
)

// A Sobel x kernel slides over a 30×30 image whose right half is bright:
// the 28×28 output is +4 along the edge and 0 on the flat parts.
func Example() {
	img := conv.New(1, 30, 30)
	for y := 0; y < 30; y++ {
		for x := 15; x < 30; x++ {
			img.Set(0, y, x, 1)
		}
	}
	rows, _ := conv.Preset("sobel-x")
	p := conv.Params{Pad: 0, Stride: 1, Dilation: 1}
	var out conv.Tensor
	if err := conv.Forward(&out, img, []conv.Tensor{*conv.FromRows(rows)}, nil, p); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("output %d×%d, row 0 columns 11-16: %v\n", out.H, out.W, out.Channel(0)[11:17])

	// The products under the window at output (0, 13), centred on the edge.
	terms, sum, _ := conv.Terms(nil, img, conv.FromRows(rows), p, 0, 13)
	for _, t := range terms {
		sep := "  "
		if t.J == 2 {
			sep = "\n"
		}
		fmt.Printf("%2g·%g%s", t.K, t.In, sep)
	}
	fmt.Println("sum", sum)

	// Settings with no output are explained, not a crash.
	_, err := conv.OutSize(30, 3, conv.Params{Pad: 0, Stride: 0, Dilation: 1})
	fmt.Println(err)
	_, err = conv.OutSize(2, 3, conv.Params{Pad: 0, Stride: 1, Dilation: 1})
	fmt.Println(err)
	// Output:
	// output 28×28, row 0 columns 11-16: [0 0 4 4 0 0]
	// -1·0   0·0   1·1
	// -2·0   0·0   2·1
	// -1·0   0·0   1·1
	// sum 4
	// conv: stride must be at least 1 (got 0)
	// conv: kernel does not fit in the padded input: kernel 3, input 2 + 2·0 padding = 2
}
