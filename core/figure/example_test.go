package figure_test

import (
	"fmt"

	"github.com/aimath/playground/core/figure"
)

func ExampleNiceTicks() {
	for _, r := range [][2]float64{{-1, 2.5}, {0, 0.35}, {0, 2e6}} {
		ticks, step := figure.NiceTicks(r[0], r[1], 8)
		fmt.Printf("[%g, %g] step %g:", r[0], r[1], step)
		for _, v := range ticks {
			fmt.Print(" ", figure.TickLabel(v, step))
		}
		fmt.Println()
	}
	// Output:
	// [-1, 2.5] step 0.5: -1 -0.5 0 0.5 1 1.5 2 2.5
	// [0, 0.35] step 0.05: 0 0.05 0.1 0.15 0.2 0.25 0.3 0.35
	// [0, 2e+06] step 500000: 0 5e5 1e6 1.5e6 2e6
}
