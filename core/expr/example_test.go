package expr_test

import (
	"fmt"

	"github.com/aimath/playground/core/expr"
)

// The course's first function and its derivative, as the lesson shows
// them.
func Example() {
	f, err := expr.Parse("x^2 + 2x + 3", "x")
	if err != nil {
		fmt.Println(err)
		return
	}
	df := expr.Diff(f, "x")
	fmt.Println("f(x)  =", f)
	fmt.Println("f'(x) =", df)
	fmt.Println("f'(1) =", df.Compile().Eval1(1))
	// Output:
	// f(x)  = x^2 + 2*x + 3
	// f'(x) = 2*x + 2
	// f'(1) = 4
}

func ExampleParse_error() {
	for _, src := range []string{"(x + 1))", "sin x", "sinn(x)", "2x + z"} {
		_, err := expr.Parse(src, "x")
		fmt.Println(err)
	}
	// Output:
	// unexpected ')' at 8
	// expected '(' after sin at 5
	// unknown function 'sinn' at 1
	// unknown name 'z' at 6; allowed: x
}

func ExampleDiff() {
	f, _ := expr.Parse("(1-x)^2 + 100(y-x^2)^2", "x", "y") // Rosenbrock
	fmt.Println(expr.Diff(f, "x"))
	fmt.Println(expr.Diff(f, "y"))
	// Output:
	// -400*x*(y - x^2) + 2*x - 2
	// 200*y - 200*x^2
}

func ExampleSimplify() {
	f, _ := expr.Parse("x*2 + 3x - x^2 x / x", "x")
	fmt.Println(f)
	fmt.Println(expr.Simplify(f))
	// Output:
	// 2*x + 3*x - x^2*x/x
	// 5*x - x^2
}

func ExampleExpr_Check() {
	f, _ := expr.Parse("abs(x) + ln(x + 2)", "x")
	for _, x := range []float64{1, 0, -3} {
		is := f.Check(x)
		if is.Kind == expr.None {
			fmt.Printf("x = %g: f = %.6f\n", x, f.Compile().Eval1(x))
			continue
		}
		fmt.Printf("x = %g: %s: %s\n", x, is.Kind, is.Msg)
	}
	// Output:
	// x = 1: f = 2.098612
	// x = 0: not-differentiable: abs is not differentiable at 0
	// x = -3: undefined: ln of a negative number is undefined
}

func ExampleExpr_MathML() {
	f, _ := expr.Parse("sqrt(x)", "x")
	fmt.Println(expr.Diff(f, "x").MathML())
	// Output:
	// <math display="inline"><mfrac><mn>1</mn><mrow><mn>2</mn><mo>&#x2062;</mo><msqrt><mi>x</mi></msqrt></mrow></mfrac></math>
}

func ExampleFunc_GridAll() {
	f, _ := expr.Parse("x^2 + y^2", "x", "y")
	g := expr.CompileAll([]*expr.Expr{f, expr.Diff(f, "x"), expr.Diff(f, "y")})
	const nx, ny = 3, 2
	dst := [][]float64{make([]float64, nx*ny), make([]float64, nx*ny), make([]float64, nx*ny)}
	g.GridAll(dst, -1, 1, 0, 1, nx, ny) // x = -1, 0, 1; row 0 is y = 1, row 1 is y = 0
	fmt.Println("f    ", dst[0])
	fmt.Println("df/dx", dst[1])
	fmt.Println("df/dy", dst[2])
	// Output:
	// f     [2 1 2 1 0 1]
	// df/dx [-2 0 2 -2 0 2]
	// df/dy [2 2 2 0 0 0]
}
