package matrix_test

import (
	"fmt"

	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/matrix"
)

// What a student reads next to each view: the default map A = [[2, 1],
// [0.5, 1.5]] with x = (−2, 1); a singular A; a rotation-scaling with
// complex eigenvalues; the default product; and a least-squares line
// through five points.
func Example() {
	r := lesson.NewRunner([]lesson.Info{matrix.Info})
	show := func(title, state string) {
		fmt.Println("--", title)
		if _, err := r.Open("matrix", state); err != nil {
			fmt.Println(err)
			return
		}
		ros, _ := r.Readouts()
		for _, ro := range ros {
			if f, ok := ro.Value.(float64); ok {
				fmt.Printf("%-6s %.4f\n", ro.Name, f)
			} else {
				fmt.Printf("%-6s %s\n", ro.Name, ro.Value)
			}
		}
	}
	show("map", "")
	show("singular", "a11=1&a12=2&a21=0.5&a22=1")
	show("rotation-scaling", "a11=0.5&a12=-0.8&a21=0.8&a22=0.5&x=1,0")
	show("multiply", "view=multiply")
	show("lstsq", "view=lstsq&n=5&pts=0,1.1;1,1.9;2,3.2;3,3.9;4,5.1")
	// Output:
	// -- map
	// det    2.5000
	// trace  3.5000
	// inv11  0.6000
	// inv12  -0.4000
	// inv21  -0.2000
	// inv22  0.8000
	// ax_1   -3.0000
	// ax_2   0.5000
	// eig1   2.5000
	// eig2   1.0000
	// -- singular
	// det    0.0000
	// trace  2.0000
	// inv11  singular
	// inv12  singular
	// inv21  singular
	// inv22  singular
	// ax_1   0.0000
	// ax_2   0.0000
	// eig1   2.0000
	// eig2   0.0000
	// note   collapse_line
	// -- rotation-scaling
	// det    0.8900
	// trace  1.0000
	// inv11  0.5618
	// inv12  0.8989
	// inv21  -0.8989
	// inv22  0.5618
	// ax_1   0.5000
	// ax_2   0.8000
	// eig1   0.5 + 0.8i
	// eig2   0.5 − 0.8i
	// note   no_real_eigenvector
	// -- multiply
	// shape  (2×3)(3×2) = 2×2
	// c11    2.0000
	// c12    -1.0000
	// c21    1.0000
	// c22    -2.0000
	// -- lstsq
	// beta0  1.0400
	// beta1  1.0000
	// rss    0.0720
	// r2     0.9929
	// cond   4.7387
	// xtx11  5.0000
	// xtx12  10.0000
	// xtx22  30.0000
	// xty1   15.2000
	// xty2   40.4000
}
