package vector_test

import (
	"fmt"

	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson/vector"
)

// The readouts for x = (3, −4) and y = (1, 2), then with y = 0, where the
// angle and the projection onto y do not exist.
func Example() {
	v := param.New(vector.Info.Params)
	v.Set("x", "3,-4")
	v.Set("y", "1,2")
	l := vector.Info.New()
	l.Reset(v)
	show := func() {
		for _, r := range l.Readouts() {
			if f, ok := r.Value.(float64); ok {
				fmt.Printf("%-9s %.4f\n", r.Name, f)
			} else {
				fmt.Printf("%-9s %s\n", r.Name, r.Value)
			}
		}
	}
	show()
	v.Set("y", "0,0")
	l.Tune("y", v)
	fmt.Println("-- y = 0")
	show()
	// Output:
	// x_l1      7.0000
	// x_l2      5.0000
	// x_linf    4.0000
	// y_l1      3.0000
	// y_l2      2.2361
	// y_linf    2.0000
	// dot       -5.0000
	// cos       -0.4472
	// angle_deg 116.5651
	// dist_l1   8.0000
	// dist_l2   6.3246
	// proj_1    -1.0000
	// proj_2    -2.0000
	// -- y = 0
	// x_l1      7.0000
	// x_l2      5.0000
	// x_linf    4.0000
	// y_l1      0.0000
	// y_l2      0.0000
	// y_linf    0.0000
	// dot       0.0000
	// cos       undefined
	// angle_deg undefined
	// dist_l1   7.0000
	// dist_l2   5.0000
	// proj_1    undefined
	// proj_2    undefined
}
