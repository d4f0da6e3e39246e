package gd_test

import (
	"fmt"

	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/gd"
)

// The course's example: f(x) = x² + 2x + 3 from x₀ = 3 with learning rate
// η = 0.1. The derivative is 2x + 2, each step is x ← x − 0.1·(2x + 2),
// and the descent stops once |f′(x)| < ε = 10⁻⁴, after 51 steps, at the
// minimum x = −1 where f = 2.
func Example() {
	r := lesson.NewRunner([]lesson.Info{gd.Info})
	if _, err := r.Open("gd", "mode=1d&f=x%5E2%2B2x%2B3&x0=3&lr=0.1&eps=0.0001"); err != nil {
		fmt.Println(err)
		return
	}
	get := func() map[string]any {
		ros, _ := r.Readouts()
		m := map[string]any{}
		for _, ro := range ros {
			m[ro.Name] = ro.Value
		}
		return m
	}
	fmt.Println("f′(x) =", get()["derivative"])
	fmt.Println(" k        x       f(x)      f′(x)  status")
	show := func() {
		m := get()
		fmt.Printf("%2.0f %8.4f %10.6f %10.6f  %s\n", m["iter"], m["x"], m["fx"], m["dfx"], m["status"])
	}
	show()
	for range 3 {
		r.Act(lesson.ActStep)
		show()
	}
	r.Act(lesson.ActPlay)
	for r.Playing() {
		r.Tick()
	}
	show()
	// Output:
	// f′(x) = 2*x + 2
	//  k        x       f(x)      f′(x)  status
	//  0   3.0000  18.000000   8.000000  running
	//  1   2.2000  12.240000   6.400000  running
	//  2   1.5600   8.553600   5.120000  running
	//  3   1.0480   6.194304   4.096000  running
	// 51  -1.0000   2.000000   0.000091  converged
}

// A race on Rosenbrock's banana from (−1.5, 2) with η = 0.001: momentum
// reaches the minimum (1, 1) first; Adam, whose steps are about η long,
// gets there after some 11000 steps; plain gradient descent, whose steps
// shrink with the gradient along the flat valley, is still on its way.
func Example_race() {
	r := lesson.NewRunner([]lesson.Info{gd.Info})
	if _, err := r.Open("gd", "mode=2d&preset2=rosenbrock&optimizers=gd,momentum,adam&speed=10"); err != nil {
		fmt.Println(err)
		return
	}
	r.Act(lesson.ActPlay)
	for r.Playing() {
		r.Tick()
	}
	ros, _ := r.Readouts()
	m := map[string]any{}
	for _, ro := range ros {
		m[ro.Name] = ro.Value
	}
	for _, name := range []string{"gd", "momentum", "adam"} {
		fmt.Printf("%-8s %5.0f steps  (%.4f, %.4f)  %s\n", name, m[name+"_iter"], m[name+"_x"], m[name+"_y"], m[name+"_status"])
	}
	// Output:
	// gd       20000 steps  (0.9998, 0.9996)  max_iter
	// momentum  2010 steps  (0.9999, 0.9998)  converged
	// adam     10822 steps  (0.9999, 0.9998)  converged
}
