package expr

import (
	"fmt"
	"testing"
)

func TestScratch(t *testing.T) {
	for _, s := range []string{"x^2+2x+3", "(1-x)^2 + 100(y-x^2)^2", "(x^2+y-11)^2+(x+y^2-7)^2", "sin(x)", "x*sin(x)", "exp(-x^2)", "log(x)", "sqrt(x)", "1/x", "tan(x)", "sigmoid(x)", "tanh(x)", "x^x", "2^x", "abs(x)", "relu(x)", "softplus(x)", "min(x,y)", "max(x,0)", "cos(2x)", "x^2 y", "e^x", "e^(2x)", "(x+1)^2", "x/(x+1)", "x^(1/3)", "0.1x^3", "0.5x^2", "x/2", "-x^2", "2x^2", "x y", "(x+1)(x-1)", "2e", "2e3x", "-(x+1)", "x - -y", "sin(x)^2", "x^-2", "2^-1", "1/(2x)", "pi x", "1e400"} {
		e, err := Parse(s, "x", "y")
		if err != nil {
			fmt.Printf("%-28s ERR %v\n", s, err)
			continue
		}
		se := Simplify(e)
		dx := Diff(e, "x")
		dy := Diff(e, "y")
		fmt.Printf("%-28s | %-28s | %-28s | dx %-40s | dy %s\n", s, e, se, dx, dy)
	}
}
