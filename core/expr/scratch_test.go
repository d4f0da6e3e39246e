package expr

import (
	"strings"
	"testing"
	"time"
)

func TestScratchWorst(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("x^", 64) + "x",
		strings.Repeat("x*", 99) + "x",
		strings.Repeat("sin(", 40) + "x" + strings.Repeat(")", 40),
		strings.Repeat("(x+", 40) + "x" + strings.Repeat(")", 40),
		strings.Repeat("(x+1)", 40),
		strings.Repeat("x^(", 32) + "x" + strings.Repeat(")", 32),
		strings.Repeat("sqrt(x", 30) + strings.Repeat(")", 30),
		strings.Repeat("2^", 60) + "2",
		strings.Repeat("(x y)^(1/2)", 18),
		strings.Repeat("ln(x", 33) + strings.Repeat(")", 33),
		strings.Repeat("x^x*", 49) + "x",
		strings.Repeat("(x+y)^x*", 24) + "x",
		strings.Repeat("ln(x)^", 32) + "x",
		strings.Repeat("min(x,", 28) + "y" + strings.Repeat(")", 28),
		strings.Repeat("x/(", 49) + "x" + strings.Repeat(")", 49),
		strings.Repeat("(x+1)^(x+1)^", 16) + "x",
	} {
		start := time.Now()
		e, err := Parse(s, "x", "y")
		if err != nil {
			t.Logf("%.30s: %v", s, err)
			continue
		}
		d := Diff(e, "x")
		txt := d.String()
		Simplify(e)
		t.Logf("%.30s: %v, len(d'') = %d", s, time.Since(start), len(txt))
	}
}
