package expr

import "testing"

func TestCheck(t *testing.T) {
	for i, tc := range []struct {
		f    string
		at   []float64
		kind Kind
		fn   string
		msg  string
	}{
		{"x^2 + 1", []float64{3, 0}, None, "", ""},
		{"ln(x)", []float64{-1, 0}, Undefined, "ln", "ln of a negative number is undefined"},
		{"log(x)", []float64{0, 0}, Undefined, "ln", "ln of 0 is undefined"},
		{"sqrt(x)", []float64{-1, 0}, Undefined, "sqrt", "sqrt of a negative number is undefined"},
		{"1/x", []float64{0, 0}, Undefined, "/", "division by 0 is undefined"},
		{"x/(y - 1)", []float64{2, 1}, Undefined, "/", "division by 0 is undefined"},
		{"x^-2", []float64{0, 0}, Undefined, "/", "division by 0 is undefined"},
		{"x^(1/3)", []float64{-8, 0}, Undefined, "^", "a negative number to a fractional power is undefined"},
		{"ln(x) + sqrt(x)", []float64{-1, 0}, Undefined, "ln", "ln of a negative number is undefined"},
		{"abs(x) + ln(x)", []float64{0, 0}, Undefined, "ln", "ln of 0 is undefined"},
		{"exp(x)", []float64{1000, 0}, Overflow, "exp", "the value is too large (overflow at exp)"},
		{"x^2", []float64{1e200, 0}, Overflow, "^", "the value is too large (overflow at ^)"},
		{"x y", []float64{1e200, 1e200}, Overflow, "*", "the value is too large (overflow at *)"},
		{"abs(x)", []float64{0, 0}, NotDifferentiable, "abs", "abs is not differentiable at 0"},
		{"abs(x - y)", []float64{0.5, 0.5}, NotDifferentiable, "abs", "abs is not differentiable at 0"},
		{"abs(x)", []float64{0.1, 0}, None, "", ""},
		{"abs(x^2)", []float64{0, 0}, None, "", ""},
		{"abs(2 - 2) + x", []float64{0, 0}, None, "", ""},
		{"relu(x)", []float64{0, 0}, NotDifferentiable, "relu", "relu is not differentiable at 0"},
		{"relu(x)", []float64{1, 0}, None, "", ""},
		{"step(x)", []float64{0, 0}, NotDifferentiable, "step", "step jumps at 0, so it is not differentiable there"},
		{"sign(x^2)", []float64{0, 0}, NotDifferentiable, "sign", "sign jumps at 0, so it is not differentiable there"},
		{"max(x, y)", []float64{1, 1}, NotDifferentiable, "max", "max is not differentiable where its arguments are equal"},
		{"min(x, 2)", []float64{2, 0}, NotDifferentiable, "min", "min is not differentiable where its arguments are equal"},
		{"max(x, x)", []float64{1, 0}, None, "", ""},
		{"sqrt(x)", []float64{0, 0}, NotDifferentiable, "sqrt", "sqrt is not differentiable at 0"},
		{"x^(1/3)", []float64{0, 0}, NotDifferentiable, "^", "a fractional power is not differentiable at 0"},
		{"x^1.5", []float64{0, 0}, None, "", ""},
		{"(-2)^y", []float64{0, 2}, NotDifferentiable, "", "the derivative is undefined here"},
		{"x^0.001", []float64{5e-324, 0}, Overflow, "", "the derivative is too large (overflow)"},
	} {
		e := mustParse(t, tc.f)
		got := e.Check(tc.at...)
		if got.Kind != tc.kind || got.Func != tc.fn || got.Msg != tc.msg {
			t.Errorf("%d: Parse(%q).Check(%v) = %+v, want {%v %q %q}", i, tc.f, tc.at, got, tc.kind, tc.fn, tc.msg)
		}
	}
}

func TestKindString(t *testing.T) {
	for i, tc := range []struct {
		k    Kind
		want string
	}{
		{None, "none"}, {NotDifferentiable, "not-differentiable"}, {Overflow, "overflow"}, {Undefined, "undefined"},
	} {
		if got := tc.k.String(); got != tc.want {
			t.Errorf("%d: Kind(%d).String() = %q, want %q", i, tc.k, got, tc.want)
		}
	}
}

func TestCheckPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Check with one value for two variables did not panic")
		}
	}()
	mustParse(t, "x + y").Check(1)
}
