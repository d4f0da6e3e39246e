package expr

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

func TestMathML(t *testing.T) {
	const (
		inv = "<mo>&#x2062;</mo>"
		app = "<mo>&#x2061;</mo>"
	)
	for i, tc := range []struct {
		in, want string
	}{
		{"x^2 + 2x + 3", "<mrow><msup><mi>x</mi><mrow><mn>2</mn></mrow></msup><mo>+</mo><mrow><mn>2</mn>" + inv + "<mi>x</mi></mrow><mo>+</mo><mn>3</mn></mrow>"},
		{"-x^2", "<mrow><mo>−</mo><msup><mi>x</mi><mrow><mn>2</mn></mrow></msup></mrow>"},
		{"2x/3", "<mfrac><mrow><mn>2</mn>" + inv + "<mi>x</mi></mrow><mn>3</mn></mfrac>"},
		{"1/(2sqrt(x))", "<mfrac><mn>1</mn><mrow><mn>2</mn>" + inv + "<msqrt><mi>x</mi></msqrt></mrow></mfrac>"},
		{"x/(x+1)", "<mfrac><mi>x</mi><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow></mfrac>"},
		{"2*3^x", "<mrow><mn>2</mn><mo>·</mo><msup><mn>3</mn><mrow><mi>x</mi></mrow></msup></mrow>"},
		{"x^(1/3)", "<msup><mi>x</mi><mrow><mfrac><mn>1</mn><mn>3</mn></mfrac></mrow></msup>"},
		{"(x+1)^2", "<msup><mrow><mo>(</mo><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow><mo>)</mo></mrow><mrow><mn>2</mn></mrow></msup>"},
		{"x - (y - 1)", "<mrow><mi>x</mi><mo>−</mo><mrow><mo>(</mo><mrow><mi>y</mi><mo>−</mo><mn>1</mn></mrow><mo>)</mo></mrow></mrow>"},
		{"abs(x)", `<mrow><mo fence="true">|</mo><mi>x</mi><mo fence="true">|</mo></mrow>`},
		{"log(x)", `<mrow><mi mathvariant="normal">ln</mi>` + app + "<mrow><mo>(</mo><mi>x</mi><mo>)</mo></mrow></mrow>"},
		{"sigmoid(x)", "<mrow><mi>σ</mi>" + app + "<mrow><mo>(</mo><mi>x</mi><mo>)</mo></mrow></mrow>"},
		{"min(x, y)", `<mrow><mi mathvariant="normal">min</mi>` + app + "<mrow><mo>(</mo><mi>x</mi><mo>,</mo><mi>y</mi><mo>)</mo></mrow></mrow>"},
		{"pi x", "<mrow><mi>π</mi>" + inv + "<mi>x</mi></mrow>"},
		{"-1/3", "<mrow><mo>−</mo><mfrac><mn>1</mn><mn>3</mn></mfrac></mrow>"},
		{"0.5", "<mn>0.5</mn>"},
		{"1e300", "<mrow><mn>1</mn><mo>×</mo><msup><mn>10</mn><mn>300</mn></msup></mrow>"},
	} {
		got := mustParse(t, tc.in).MathML()
		want := `<math display="inline">` + tc.want + "</math>"
		if got != want {
			t.Errorf("%d: MathML(%q) =\n%s\nwant\n%s", i, tc.in, got, want)
		}
	}
}

// TestMathMLWellFormed checks that MathML output is well-formed XML with
// balanced elements, for every derivative of the sympy table.
func TestMathMLWellFormed(t *testing.T) {
	for i, tc := range sympyDiffs {
		e := mustParse(t, tc.f)
		for _, m := range []string{e.MathML(), Diff(e, tc.v).MathML()} {
			// &#x2062; and friends are character references XML knows.
			d := xml.NewDecoder(strings.NewReader(m))
			depth := 0
			for {
				tok, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%d: MathML of %s is not well-formed: %v\n%s", i, tc.f, err, m)
				}
				switch tok.(type) {
				case xml.StartElement:
					depth++
				case xml.EndElement:
					depth--
				}
			}
			if depth != 0 {
				t.Errorf("%d: MathML of %s is unbalanced:\n%s", i, tc.f, m)
			}
		}
	}
}
