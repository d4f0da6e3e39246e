package rnn

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
)

// TestOneLinearUnit: with one linear unit, W_h = ρ and the loss on the
// last output, ∂L/∂h_t = ρ^(T−t)·∂L/∂h_T, so grad_ratio is |ρ|^(T−1)
// exactly (to rounding), on every task.
func TestOneLinearUnit(t *testing.T) {
	for i, tc := range []struct {
		rho  float64
		T    int
		task string
	}{
		{0.5, 20, "sine"}, {0.9, 30, "sine"}, {1, 50, "sines"}, {1.1, 40, "memory"},
		{1.5, 100, "sine"}, {0.3, 2, "chars"}, {2, 200, "sine"}, {0.95, 200, "memory"},
	} {
		q := fmt.Sprintf("view=gradients&hidden=1&activation=linear&rho=%v&seq_len=%d&task=%s", tc.rho, tc.T, tc.task)
		l, _ := open(t, q)
		ro := readouts(l)
		want := math.Pow(tc.rho, float64(tc.T-1))
		for _, name := range []string{"grad_ratio", "rho_pow"} {
			if got := num(t, ro, name); !scalar.EqualWithinAbsOrRel(got, want, 0, 1e-12) {
				t.Errorf("%d: %s: %s = %v, want |ρ|^(T−1) = %v", i, q, name, got, want)
			}
		}
		if got := num(t, ro, "spectral_radius"); got != tc.rho {
			t.Errorf("%d: %s: spectral_radius = %v, want %v", i, q, got, tc.rho)
		}
		if got := num(t, ro, "grad_check_max_rel_err"); got > 1e-6 {
			t.Errorf("%d: %s: grad_check_max_rel_err = %v, want < 1e-6", i, q, got)
		}
	}
}

// TestOneUnitAction: the action sets one linear unit, and the gradients
// view then shows |ρ|^(T−1).
func TestOneUnitAction(t *testing.T) {
	r := lessontest.Open(t, Info, "view=gradients&rho=0.8&seq_len=11")
	if err := r.Act(actOneUnit); err != nil {
		t.Fatal(err)
	}
	v := lessontest.Values(t, r)
	if v.Int(pHidden) != 1 || v.String(pActivation) != "linear" {
		t.Errorf("after %s: hidden %d, activation %s; want 1, linear", actOneUnit, v.Int(pHidden), v.String(pActivation))
	}
	lessontest.CheckReadouts(t, actOneUnit, lessontest.Readouts(t, r), map[string]any{
		"grad_ratio": 0.10737418240000006, // 0.8**10
	}, 1e-12)
}

// TestGradientsReference compares the gradients view with numpy: BPTT
// written out in testdata/reference.py ("gradients view"), for
// hidden=3, seq_len=6, rho=0.9, seed=1.
func TestGradientsReference(t *testing.T) {
	l, _ := open(t, "view=gradients&hidden=3&seq_len=6&rho=0.9&seed=1")
	ro := readouts(l)
	want := map[string]float64{
		"loss":            0.14361869548808412,
		"grad_first":      0.03559337437051568,
		"grad_last":       0.6402996382695411,
		"grad_ratio":      0.05558862170640843,
		"grad_norm":       0.9022458576330011,
		"spectral_radius": 0.9000000000000008,
		"epoch":           0,
	}
	for name, w := range want {
		if got := num(t, ro, name); !scalar.EqualWithinAbsOrRel(got, w, 1e-15, 1e-12) {
			t.Errorf("readout %s = %v, want %v (numpy)", name, got, w)
		}
	}
	norms := []float64{0.03559337437051568, 0.05952966295133925, 0.10226928120661012,
		0.19436873936959911, 0.36316480883921276, 0.6402996382695411}
	d := l.Data()
	if d.Columns[1] != "grad_norm" {
		t.Fatalf("data columns %v", d.Columns)
	}
	for i, row := range d.Rows {
		if row[0] != float64(i+1) || !scalar.EqualWithinAbsOrRel(row[1], norms[i], 1e-15, 1e-12) {
			t.Errorf("data row %d = %v, want t = %d, ‖∂L/∂h_t‖ = %v (numpy)", i, row, i+1, norms[i])
		}
	}
	if got := num(t, ro, "grad_check_max_rel_err"); got > 1e-6 {
		t.Errorf("grad_check_max_rel_err = %v, want < 1e-6", got)
	}
}

// TestGradientsTruncate: truncated at k, the gradient of the last
// output reaches h_T … h_{T−k+1} only; trunc_err says how far the
// truncated gradient is from the exact one, and the check stays on the
// exact one.
func TestGradientsTruncate(t *testing.T) {
	for _, k := range []int{1, 5, 29} {
		l, _ := open(t, fmt.Sprintf("view=gradients&truncate=%d", k))
		T := 30
		for _, row := range l.Data().Rows {
			tt := int(row[0])
			if zero := row[1] == 0; zero != (tt <= T-k) {
				t.Errorf("k = %d: ‖∂L/∂h_%d‖ = %v, want 0 exactly for t ≤ %d", k, tt, row[1], T-k)
			}
		}
		ro := readouts(l)
		if e := num(t, ro, "trunc_err"); !(e > 0) {
			t.Errorf("k = %d: trunc_err = %v, want > 0", k, e)
		}
		if e := num(t, ro, "grad_check_max_rel_err"); e > 1e-6 {
			t.Errorf("k = %d: grad_check_max_rel_err = %v", k, e)
		}
	}
	// k ≥ T is full BPTT: no trunc_err, and the same numbers as k = 0.
	full, _ := open(t, "view=gradients&truncate=0")
	long, _ := open(t, "view=gradients&truncate=30")
	if ro := readouts(long); ro["trunc_err"] != nil || ro["grad_first"] != readouts(full)["grad_first"] {
		t.Errorf("k = T: trunc_err %v, grad_first %v; want none and %v", ro["trunc_err"], ro["grad_first"], readouts(full)["grad_first"])
	}
}

// TestGradientsClip: the clipped norm is min(‖∂L/∂θ‖, clip), 0 being no
// clipping; clip and truncate are live (no reset).
func TestGradientsClip(t *testing.T) {
	// ‖∂L/∂θ‖ = 0.9022458576330011 (testdata/reference.py).
	r := lessontest.Open(t, Info, "view=gradients&hidden=3&seq_len=6&rho=0.9&seed=1")
	for _, tc := range []struct{ clip, want float64 }{
		{0, 0.9022458576330011}, {0.5, 0.5}, {5, 0.9022458576330011}, {0.9, 0.9},
	} {
		if _, _, err := r.Set(pClip, tc.clip); err != nil {
			t.Fatal(err)
		}
		lessontest.CheckReadouts(t, fmt.Sprintf("clip %v", tc.clip), lessontest.Readouts(t, r), map[string]any{
			"grad_norm_clipped": tc.want, "grad_norm": 0.9022458576330011,
		}, 1e-12)
	}
}

// TestGradientsStill: nothing plays in the gradients view.
func TestGradientsStill(t *testing.T) {
	r := lessontest.Open(t, Info, "view=gradients")
	for _, a := range []string{lesson.ActPlay, lesson.ActStep} {
		if err := r.Act(a); err == nil {
			t.Errorf("Act(%s) in the gradients view = nil, want an error", a)
		}
	}
}

// TestCheckActivations: the finite-difference check of the exact
// gradient holds for every activation, in every view.
func TestCheckActivations(t *testing.T) {
	for _, view := range []string{viewUnroll, viewGradients, viewTrain} {
		for _, act := range []string{"tanh", "sigmoid", "linear", "relu"} {
			q := fmt.Sprintf("view=%s&activation=%s&hidden=8&seq_len=20", view, act)
			l, _ := open(t, q)
			if e := num(t, readouts(l), "grad_check_max_rel_err"); e > 1e-6 {
				t.Errorf("%s: grad_check_max_rel_err = %v, want < 1e-6", q, e)
			}
		}
	}
}

// TestCheckBounded: a large net is checked on a bounded number of
// parameters; a small one on all of them.
func TestCheckBounded(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  int
	}{
		{"view=gradients&hidden=2&seq_len=10", 11}, // W_x 2, W_h 4, b 2, W_y 2, c 1
		{"view=gradients&hidden=64&seq_len=200", fdMin},
	} {
		l, _ := open(t, tc.query)
		if n := len(l.cur.(*gradView).check.idx); n != tc.want {
			t.Errorf("%s: %d parameters checked, want %d", tc.query, n, tc.want)
		}
	}
}
