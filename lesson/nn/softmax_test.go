package nn_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
	"github.com/aimath/playground/lesson/nn"
)

// TestSoftmaxReadouts checks the probabilities, the cross-entropy, its
// gradient and the entropy against scipy (/usr/bin/python3, SciPy 1.x):
//
//	s = np.array(z, float)/T
//	p = scipy.special.softmax(s); ls = scipy.special.log_softmax(s)
//	ce = -ls[t]; grad = (p - np.eye(len(z))[t])/T; entropy = -(p*ls).sum()
//
// The last two rows are the stability cases: z/T = ±100 (p₁ = e^−200) and
// six logits at T = 0.1, where a naive e^(z/T) would overflow nothing but
// lose p₄ = e^−100/(2 + e^−1) entirely without the shift by the maximum.
func TestSoftmaxReadouts(t *testing.T) {
	for i, tc := range []struct {
		logits  string
		temp    float64
		target  int
		p       []float64
		ce      float64
		grad    []float64
		entropy float64
		pred    float64
	}{
		{"2,1,0.1", 1, 0,
			[]float64{0.6590011388859679, 0.24243297070471395, 0.09856589040931818}, 0.4170300162778335,
			[]float64{-0.3409988611140321, 0.24243297070471395, 0.09856589040931818}, 0.846738178760252, 0},
		{"2,1,0.1", 1, 2,
			[]float64{0.6590011388859679, 0.24243297070471395, 0.09856589040931818}, 2.3170300162778332,
			[]float64{0.6590011388859679, 0.24243297070471395, -0.9014341095906818}, 0.846738178760252, 0},
		{"2,1,0.1", 2.5, 1,
			[]float64{0.4677298068100058, 0.31352866563312376, 0.21874152755687054}, 1.1598644856630762,
			[]float64{0.18709192272400232, -0.2745885337467505, 0.08749661102274822}, 1.0515195128595474, 0},
		{"3,-1,0.5,2,-2.5,7", 0.7, 3,
			[]float64{0.003284729952174154, 1.0834700653951985e-05, 9.235234970258567e-05, 0.0007871889374698812, 1.271118045602481e-06, 0.9958236229419539}, 7.147042265335797,
			[]float64{0.004692471360248792, 1.547814379135998e-05, 0.00013193192814655097, -1.4274468729464718, 1.8158829222892585e-06, 1.422605175631363}, 0.029576419615479434, 5},
		{"10,-10", 0.1, 1,
			[]float64{1.0, 1.3838965267367376e-87}, 200.0,
			[]float64{10.0, -10.0}, 2.767793053473475e-85, 0},
		{"10,-10,10,-10,0,9.9", 0.1, 4,
			[]float64{0.4223187982515182, 5.84445518075909e-88, 0.4223187982515182, 5.84445518075909e-88, 1.571058015597463e-44, 0.15536240349696365}, 100.86199480405826,
			[]float64{4.2231879825151815, 5.84445518075909e-87, 4.2231879825151815, 5.84445518075909e-87, -10.0, 1.5536240349696364}, 1.0173572075552149, 0},
	} {
		state := fmt.Sprintf("view=softmax&logits=%s&temperature=%v&target=%d", tc.logits, tc.temp, tc.target)
		r := lessontest.Open(t, nn.Info, state)
		want := map[string]any{"ce": tc.ce, "entropy": tc.entropy, "pred": tc.pred,
			"p" + strconv.Itoa(len(tc.p)): nil, "grad" + strconv.Itoa(len(tc.p)): nil}
		for k := range tc.p {
			want["p"+strconv.Itoa(k)] = tc.p[k]
			want["grad"+strconv.Itoa(k)] = tc.grad[k]
		}
		lessontest.CheckReadouts(t, fmt.Sprintf("%d: %s", i, state), lessontest.Readouts(t, r), want, 1e-12)
		// The probabilities sum to 1 and the gradient to 0 (Σ p = Σ y = 1).
		d, err := r.Data()
		if err != nil {
			t.Fatal(err)
		}
		var sp, sg float64
		for _, row := range d.Rows {
			sp += row[2]
			sg += row[3]
		}
		if !scalar.EqualWithinAbs(sp, 1, 1e-14) || !scalar.EqualWithinAbs(sg, 0, 1e-13) {
			t.Errorf("%d: Σp = %v, Σgrad = %v, want 1 and 0", i, sp, sg)
		}
	}
}

// TestSoftmaxGradient checks ∂CE/∂z_i against central differences of the
// cross-entropy readout, the logits moved by ±h in the URL.
func TestSoftmaxGradient(t *testing.T) {
	const h = 1e-5
	for i, tc := range []struct {
		z      []float64
		temp   float64
		target int
	}{
		{[]float64{2, 1, 0.1}, 1, 0},
		{[]float64{-3.2, 4, 0.5, 1.25}, 0.3, 2},
		{[]float64{9, -9, 0, 5, -5, 2}, 4, 5},
		{[]float64{0.5, 0.5}, 0.1, 1},
	} {
		ce := func(z []float64) float64 {
			parts := make([]string, len(z))
			for k, x := range z {
				parts[k] = strconv.FormatFloat(x, 'g', -1, 64)
			}
			r := lessontest.Open(t, nn.Info, fmt.Sprintf("view=softmax&logits=%s&temperature=%v&target=%d", strings.Join(parts, ","), tc.temp, tc.target))
			return lessontest.Readouts(t, r)["ce"].(float64)
		}
		r := lessontest.Open(t, nn.Info, fmt.Sprintf("view=softmax&logits=%s&temperature=%v&target=%d", joinLogits(tc.z), tc.temp, tc.target))
		got := lessontest.Readouts(t, r)
		for k := range tc.z {
			zp := append([]float64(nil), tc.z...)
			zm := append([]float64(nil), tc.z...)
			zp[k] += h
			zm[k] -= h
			fd := (ce(zp) - ce(zm)) / (2 * h)
			g := got["grad"+strconv.Itoa(k)].(float64)
			if !scalar.EqualWithinAbsOrRel(g, fd, 1e-8, 1e-6) {
				t.Errorf("%d: ∂CE/∂z%d = %v, want %v (central difference)", i, k, g, fd)
			}
		}
	}
}

func joinLogits(z []float64) string {
	parts := make([]string, len(z))
	for k, x := range z {
		parts[k] = strconv.FormatFloat(x, 'g', -1, 64)
	}
	return strings.Join(parts, ",")
}

// TestSoftmaxTargetClamp: the target parameter allows six classes; with
// fewer logits a larger target means the last class.
func TestSoftmaxTargetClamp(t *testing.T) {
	r := lessontest.Open(t, nn.Info, "view=softmax&logits=2,1,0.1&target=5")
	// -scipy.special.log_softmax([2, 1, 0.1])[2]
	lessontest.CheckReadouts(t, "target=5 of 3", lessontest.Readouts(t, r), map[string]any{"ce": 2.3170300162778332}, 1e-12)
	// Fewer logits later: the target follows.
	if _, _, err := r.Set("logits", "1,4"); err != nil {
		t.Fatal(err)
	}
	// -scipy.special.log_softmax([1, 4])[1]
	lessontest.CheckReadouts(t, "logits 1,4", lessontest.Readouts(t, r), map[string]any{"ce": 0.04858735157374197, "p2": nil}, 1e-12)
}

// barAxis reads the value-to-pixel map of a bar panel from its y labels.
func barAxis(t *testing.T, p *figure.Panel) (toY func(v float64) float64) {
	t.Helper()
	var vs, ys []float64
	for _, it := range p.Items {
		if tx, ok := it.(figure.Text); ok && tx.Anchor == figure.Right|figure.Middle {
			v, err := strconv.ParseFloat(strings.Replace(tx.S, "−", "-", 1), 64)
			if err == nil {
				vs, ys = append(vs, v), append(ys, tx.At.Y)
			}
		}
	}
	if len(vs) < 2 {
		t.Fatalf("panel %s has %d y labels", p.ID, len(vs))
	}
	k := (ys[len(ys)-1] - ys[0]) / (vs[len(vs)-1] - vs[0])
	return func(v float64) float64 { return ys[0] + (v-vs[0])*k }
}

// findHandle returns the panel id of f and the position of its Point id.
func findHandle(t *testing.T, f *figure.Figure, panel, id string) (*figure.Panel, figure.Vec) {
	t.Helper()
	for _, p := range f.Panels {
		if p.ID != panel {
			continue
		}
		for _, it := range p.Items {
			switch v := it.(type) {
			case figure.Point:
				if v.ID == id {
					return p, v.P
				}
			case figure.Box:
				if v.ID == id {
					return p, figure.Vec{X: (v.R.X0 + v.R.X1) / 2, Y: (v.R.Y0 + v.R.Y1) / 2}
				}
			}
		}
		t.Fatalf("panel %s has no item %s", panel, id)
	}
	t.Fatalf("no panel %s", panel)
	return nil, figure.Vec{}
}

func sendPointer(t *testing.T, r *lesson.Runner, ps ...lesson.Pointer) {
	t.Helper()
	for _, p := range ps {
		if err := r.Pointer(p); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSoftmaxDrag drags logit z₁ by its bar from 1 to 3.5 (snapped to
// 0.1), presses above z₂ to set it there, and clicks the third
// probability bar to make class 2 the target.
func TestSoftmaxDrag(t *testing.T) {
	r := lessontest.Open(t, nn.Info, "view=softmax")
	f, err := r.Figure(800, 500)
	if err != nil {
		t.Fatal(err)
	}
	// The middle of the bar z₁ = 1 is at 0.5: the bar keeps that offset.
	p, at := findHandle(t, f, "logits", "z1")
	toY := barAxis(t, p)
	to := figure.Vec{X: at.X, Y: toY(3.02)}
	sendPointer(t, r,
		lesson.Pointer{Phase: lesson.Down, Panel: "logits", At: at, Hit: "z1", Held: true},
		lesson.Pointer{Phase: lesson.Move, Panel: "logits", At: figure.Vec{X: at.X, Y: toY(2.2)}, Held: true},
		lesson.Pointer{Phase: lesson.Move, Panel: "logits", At: to, Held: true},
		lesson.Pointer{Phase: lesson.Up, Panel: "logits", At: to})
	if got := lessontest.Values(t, r).String("logits"); got != "2,3.5,0.1" {
		t.Errorf("logits after the drag = %q, want 2,3.5,0.1", got)
	}
	// scipy.special.softmax([2, 3.5, 0.1]), -log_softmax(...)[0]
	lessontest.CheckReadouts(t, "after drag", lessontest.Readouts(t, r), map[string]any{
		"p0": 0.17758022366012713, "p1": 0.7958593474857808, "p2": 0.026560428854091923, "ce": 1.7283328078893523, "pred": 1.0,
	}, 1e-12)
	// A drag far beyond the panel stops at 10.
	f, _ = r.Figure(800, 500)
	p, at = findHandle(t, f, "logits", "z0")
	toY = barAxis(t, p)
	sendPointer(t, r,
		lesson.Pointer{Phase: lesson.Down, Panel: "logits", At: at, Hit: "z0", Held: true},
		lesson.Pointer{Phase: lesson.Move, Panel: "logits", At: figure.Vec{X: at.X, Y: toY(40)}, Held: true},
		lesson.Pointer{Phase: lesson.Up, Panel: "logits", At: figure.Vec{X: at.X, Y: toY(40)}})
	if got := lessontest.Values(t, r).String("logits"); got != "10,3.5,0.1" {
		t.Errorf("logits after a long drag = %q, want 10,3.5,0.1", got)
	}
	// A press in z₂'s column away from its bar sets it to that height.
	f, _ = r.Figure(800, 500)
	p, at = findHandle(t, f, "logits", "z2")
	toY = barAxis(t, p)
	sendPointer(t, r,
		lesson.Pointer{Phase: lesson.Down, Panel: "logits", At: figure.Vec{X: at.X, Y: toY(-2.71)}, Held: true},
		lesson.Pointer{Phase: lesson.Up, Panel: "logits", At: figure.Vec{X: at.X, Y: toY(-2.71)}})
	if got := lessontest.Values(t, r).String("logits"); got != "10,3.5,-2.7" {
		t.Errorf("logits after a press at −2.71 = %q, want 10,3.5,-2.7", got)
	}
	// A click on a probability bar picks the target.
	f, _ = r.Figure(800, 500)
	_, at = findHandle(t, f, "probs", "p2")
	sendPointer(t, r,
		lesson.Pointer{Phase: lesson.Down, Panel: "probs", At: at, Hit: "p2", Held: true},
		lesson.Pointer{Phase: lesson.Up, Panel: "probs", At: at})
	if got := lessontest.Values(t, r).Int("target"); got != 2 {
		t.Errorf("target after a click on p2 = %d, want 2", got)
	}
	// -scipy.special.log_softmax([10, 3.5, -2.7])[2]
	lessontest.CheckReadouts(t, "target 2", lessontest.Readouts(t, r), map[string]any{"ce": 12.701505356700375}, 1e-12)
}

// TestSoftmaxGolden keeps the pictures: the course's example, and six
// logits at a low temperature with the target on a losing class.
func TestSoftmaxGolden(t *testing.T) {
	for _, tc := range []struct{ name, state string }{
		{"softmax", "view=softmax"},
		{"softmax_six", "view=softmax&logits=3,-1,0.5,2,-2.5,7&temperature=0.7&target=3"},
	} {
		r := lessontest.Open(t, nn.Info, tc.state)
		f, err := r.Figure(800, 500)
		if err != nil {
			t.Fatal(err)
		}
		lessontest.Golden(t, tc.name, f)
	}
}

// The course's example: logits (2, 1, 0.1). Softmax turns them into
// probabilities that sum to 1; for the target class 0 the cross-entropy
// is −log 0.659 = 0.417, and its gradient p − y pushes z₀ up and the
// others down. A higher temperature flattens the distribution.
func Example_softmax() {
	r := lesson.NewRunner([]lesson.Info{nn.Info})
	if _, err := r.Open("nn", "view=softmax&logits=2,1,0.1&target=0"); err != nil {
		fmt.Println(err)
		return
	}
	show := func() {
		ros, _ := r.Readouts()
		m := map[string]any{}
		for _, ro := range ros {
			m[ro.Name] = ro.Value
		}
		fmt.Printf("p = (%.3f, %.3f, %.3f)  CE = %.3f  ∂CE/∂z = (%.3f, %.3f, %.3f)\n",
			m["p0"], m["p1"], m["p2"], m["ce"], m["grad0"], m["grad1"], m["grad2"])
	}
	show()
	r.Set("temperature", 5)
	show()
	// Output:
	// p = (0.659, 0.242, 0.099)  CE = 0.417  ∂CE/∂z = (-0.341, 0.242, 0.099)
	// p = (0.400, 0.327, 0.273)  CE = 0.917  ∂CE/∂z = (-0.120, 0.065, 0.055)
}

// BenchmarkFigureSoftmax builds the softmax view's figure, as after each
// move of a drag.
func BenchmarkFigureSoftmax(b *testing.B) {
	r := lessontest.Open(b, nn.Info, "view=softmax&logits=3,-1,0.5,2,-2.5,7")
	l := nn.Info.New()
	v, err := r.Values()
	if err != nil {
		b.Fatal(err)
	}
	l.Reset(v)
	for b.Loop() {
		l.Figure(1100, 700)
	}
}
