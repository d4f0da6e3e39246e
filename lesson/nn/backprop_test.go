package nn_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
	"github.com/aimath/playground/lesson/nn"
)

// The small network's parameters, core/nn's Init(1) for sizes [2, 2, 1],
// as the table lists them (layer, from, to; from 0 is the bias).
var bpSmallParams = []float64{
	-0.3667559713536266, -0.43490082532240326, 0.006631972898392013, -0.22847652170387467, 0.1, 0.1,
	0.3785843699500546, 0.28636985531195536, 0.1,
}

// TestBackpropSmall checks the small network's pass against NumPy
// (/usr/bin/python3), with W1, b1, W2, b2 the parameters above (W1 =
// [[-0.36675…, -0.43490…], [0.00663…, -0.22847…]], W2 = [[0.37858…,
// 0.28636…]], biases 0.1), x the xor point and t its label:
//
//	z1 = W1@x + b1; a1 = np.tanh(z1); z2 = W2@a1 + b2; a2 = np.tanh(z2)
//	L = 0.5*((a2 - t)**2).sum()
//	d2 = (a2 - t)*(1 - a2**2); d1 = (W2.T@d2)*(1 - a1**2)
//	g = np.concatenate([np.outer(d1, x).ravel(), d1, np.outer(d2, a1).ravel(), d2])
//
// and the loss after θ − 0.03·g (lr's default) by the same forward pass.
func TestBackpropSmall(t *testing.T) {
	for _, tc := range []struct {
		point       int
		x1, x2, t   float64
		out, loss   float64
		after       float64
		grad        []float64
		z1, a1, d1  []float64
		z2, d2      float64
		state       string
		stage, last int
	}{
		{0, -0.8729368895588794, 3.0939038451543706, -1, -0.32043709765151035, 0.23090286912415148, 0.20270737918152812,
			[]float64{-0.09459071279701418, 0.3352528384800668, -0.10699123092228956, 0.3792033361261033, 0.10835916539718426, 0.12256468045055968, -0.4441894645348712, -0.3329467676239218, 0.6097854286914022},
			[]float64{-0.9253865188652123, -0.6126736828206749}, []float64{-0.728435681856322, -0.5460064343262918}, []float64{0.10835916539718426, 0.12256468045055968},
			-0.332134147262131, 0.6097854286914022, "view=backprop", 0, 6},
		{7, -3.354195168153387, 5.006971125260823, -1, -0.36857651438548006, 0.19934780909279498, 0.1666225692197291,
			[]float64{-0.3632988874147493, 0.5423140121349815, -0.19864152666235355, 0.29652191909384135, 0.10831179141396213, 0.059221815280269846, -0.3763263562691614, -0.429986602184951, 0.5456454594371989},
			[]float64{-0.847364767735638, -1.0662202784224388}, []float64{-0.6896902553854656, -0.7880329520719495}, []float64{0.10831179141396213, 0.059221815280269846},
			-0.3867748332616959, 0.5456454594371989, "view=backprop&bp_point=7", 0, 6},
	} {
		r := lessontest.Open(t, nn.Info, tc.state)
		lessontest.CheckReadouts(t, tc.state, lessontest.Readouts(t, r), map[string]any{
			"stage": 0.0, "phase": "bp_input", "point": float64(tc.point), "x1": tc.x1, "x2": tc.x2, "target": tc.t,
			"output": tc.out, "loss": tc.loss, "loss_after": nil, "status": nil,
		}, 1e-13)
		d, err := r.Data()
		if err != nil {
			t.Fatal(err)
		}
		if want := "layer from to w grad fd rel_err"; strings.Join(d.Columns, " ") != want || len(d.Rows) != 9 {
			t.Fatalf("%s: table %v with %d rows, want %s and 9 rows", tc.state, d.Columns, len(d.Rows), want)
		}
		maxRel := 0.0
		for k, row := range d.Rows {
			if row[3] != bpSmallParams[k] {
				t.Errorf("%s: θ%d = %v, want %v", tc.state, k, row[3], bpSmallParams[k])
			}
			if !scalar.EqualWithinAbsOrRel(row[4], tc.grad[k], 1e-14, 1e-13) {
				t.Errorf("%s: ∂L/∂θ%d = %v, want %v", tc.state, k, row[4], tc.grad[k])
			}
			// The central difference agrees with NumPy's gradient to its own
			// error, about h²·L‴ + ε·L/h ≈ 1e-10.
			if !scalar.EqualWithinAbs(row[5], tc.grad[k], 1e-9) {
				t.Errorf("%s: FD θ%d = %v, want %v", tc.state, k, row[5], tc.grad[k])
			}
			maxRel = math.Max(maxRel, row[6])
		}
		ro := lessontest.Readouts(t, r)
		if got := ro["grad_check_max_rel_err"]; got != maxRel || maxRel > 1e-8 {
			t.Errorf("%s: grad_check_max_rel_err = %v, want the table's largest %v, below 1e-8", tc.state, got, maxRel)
		}
		// The canvas writes the values as the passes reach them.
		want := [][]string{
			{"a₀ = x = (" + fnum(tc.x1) + ", " + fnum(tc.x2) + ")"},
			{"z = " + fnum(tc.z1[0]), "z = " + fnum(tc.z1[1]), fnum(tc.a1[0]), fnum(tc.a1[1])},
			{"z = " + fnum(tc.z2), fnum(tc.out)},
			{"L = " + fnum(tc.loss)},
			{"δ = " + fnum(tc.d2)},
			{"δ = " + fnum(tc.d1[0]), "δ = " + fnum(tc.d1[1])},
			{"→ " + fnum(tc.after)},
		}
		for st := range tc.last + 1 {
			f, _ := r.Figure(800, 500)
			for _, s := range want[st] {
				if !figureHas(f, s) {
					t.Errorf("%s stage %d: no text %q", tc.state, st, s)
				}
			}
			if st < tc.last {
				for _, s := range want[st+1] {
					if figureHas(f, s) && !strings.HasPrefix(s, "z = ") {
						t.Errorf("%s stage %d: text %q shown before its stage", tc.state, st, s)
					}
				}
			}
			if err := r.Act(lesson.ActStep); err != nil {
				t.Fatal(err)
			}
		}
		lessontest.CheckReadouts(t, tc.state+" at the end", lessontest.Readouts(t, r), map[string]any{"stage": 0.0}, 0)
	}
}

// fnum is how the figure writes a number: three decimals at most.
func fnum(x float64) string {
	s := strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.3f", math.Abs(x)), "0"), ".")
	if x < 0 {
		return "−" + s
	}
	return s
}

// figureHas reports whether some panel of f has the text s, as a label or
// as its title.
func figureHas(f *figure.Figure, s string) bool {
	for _, p := range f.Panels {
		if p.Title == s {
			return true
		}
		for _, it := range p.Items {
			if tx, ok := it.(figure.Text); ok && tx.S == s {
				return true
			}
		}
	}
	return false
}

// TestBackpropStages walks the stages with step and with play: seven for
// the small network (input, two layers forward, the loss, two back, the
// update), play stopping at the last; loss_after appears there only.
func TestBackpropStages(t *testing.T) {
	r := lessontest.Open(t, nn.Info, "view=backprop")
	phases := []string{"bp_input", "bp_forward", "bp_forward", "bp_loss", "bp_backward", "bp_backward", "bp_update"}
	for st, ph := range phases {
		after := any(nil)
		if st == 6 {
			after = 0.20270737918152812 // see TestBackpropSmall
		}
		lessontest.CheckReadouts(t, fmt.Sprintf("stage %d", st), lessontest.Readouts(t, r),
			map[string]any{"stage": float64(st), "phase": ph, "loss_after": after}, 1e-13)
		r.Act(lesson.ActStep)
	}
	if err := r.Act(lesson.ActPlay); err != nil {
		t.Fatal(err)
	}
	ticks := 0
	for r.Playing() && ticks < 10000 {
		r.Tick()
		ticks++
	}
	// 1.2 s a stage at speed 1: 6 stages of 72 ticks.
	lessontest.CheckReadouts(t, "after play", lessontest.Readouts(t, r), map[string]any{"stage": 6.0}, 0)
	if ticks != 6*72 {
		t.Errorf("play took %d ticks, want %d", ticks, 6*72)
	}
	// Play at the end starts over.
	r.Act(lesson.ActPlay)
	r.Tick()
	lessontest.CheckReadouts(t, "play again", lessontest.Readouts(t, r), map[string]any{"stage": 0.0}, 0)
}

// TestBackpropCurrent checks the train view's network stepped through:
// every gradient against its central difference, for the activations,
// outputs, losses and penalties the train view offers; a network of more
// than 12 neurons, or no training point, falls back to the small one; a
// point beyond the training set is the last one.
func TestBackpropCurrent(t *testing.T) {
	for _, tc := range []struct {
		state  string
		params int
	}{
		{"", 25}, // 2-4-2-1 tanh
		{"activation=relu&output=sigmoid&dataset=xor", 25}, // BCE
		{"activation=gelu&output=softmax&dataset=spiral3&layers=3", 21},
		{"activation=elu&output=linear&dataset=reg-plane&layers=3,3&reg=l2&reg_rate=0.1", 25},
		{"activation=softplus&features=x1,x2,x1sq,sinx2&layers=5&reg=l1&reg_rate=0.01", 31},
		{"activation=sigmoid&layers=2,2,2", 21},
	} {
		state := "view=backprop&bp_net=current&bp_point=17&" + tc.state
		r := lessontest.Open(t, nn.Info, state)
		ro := lessontest.Readouts(t, r)
		lessontest.CheckReadouts(t, state, ro, map[string]any{"status": nil, "point": 17.0}, 0)
		d, _ := r.Data()
		if len(d.Rows) != tc.params {
			t.Errorf("%s: %d parameters, want %d", state, len(d.Rows), tc.params)
		}
		for k, row := range d.Rows {
			if !scalar.EqualWithinAbsOrRel(row[4], row[5], 1e-9, 1e-6) {
				t.Errorf("%s: ∂L/∂θ%d = %v, central difference %v", state, k, row[4], row[5])
			}
		}
		if e, ok := ro["grad_check_max_rel_err"].(float64); !ok || e > 1e-6 {
			t.Errorf("%s: grad_check_max_rel_err = %v, want below 1e-6", state, ro["grad_check_max_rel_err"])
		}
	}
	// 2 + 8 + 8 + 1 neurons: too many to draw; the small network instead.
	r := lessontest.Open(t, nn.Info, "view=backprop&bp_net=current&layers=8,8")
	lessontest.CheckReadouts(t, "8,8", lessontest.Readouts(t, r), map[string]any{
		"status": "too_big", "loss": 0.23090286912415148, "x1": -0.8729368895588794}, 1e-13)
	// No point drawn yet: the small network too.
	r = lessontest.Open(t, nn.Info, "view=backprop&bp_net=current&dataset=custom")
	lessontest.CheckReadouts(t, "custom", lessontest.Readouts(t, r), map[string]any{
		"status": "no_point", "loss": 0.23090286912415148}, 1e-13)
	// 500 points, half of them for training: point 499 is training point 249.
	r = lessontest.Open(t, nn.Info, "view=backprop&bp_net=current&bp_point=499")
	lessontest.CheckReadouts(t, "point 499", lessontest.Readouts(t, r), map[string]any{"status": nil, "point": 249.0}, 0)
}

// TestBackpropCurrentForward recomputes the current network's output
// and loss from its table by an independent forward pass (tanh layers,
// ½(a − t)²).
func TestBackpropCurrentForward(t *testing.T) {
	r := lessontest.Open(t, nn.Info, "view=backprop&bp_net=current&bp_point=5")
	ro := lessontest.Readouts(t, r)
	d, _ := r.Data()
	sizes := []int{2, 4, 2, 1}
	a := []float64{ro["x1"].(float64), ro["x2"].(float64)}
	k := 0
	for l := 1; l < len(sizes); l++ {
		z := make([]float64, sizes[l])
		for i := range z {
			for j := range a {
				z[i] += d.Rows[k][3] * a[j]
				k++
			}
		}
		for i := range z {
			z[i] = math.Tanh(z[i] + d.Rows[k][3])
			k++
		}
		a = z
	}
	loss := 0.5 * (a[0] - ro["target"].(float64)) * (a[0] - ro["target"].(float64))
	lessontest.CheckReadouts(t, "current forward", ro, map[string]any{"output": a[0], "loss": loss}, 1e-14)
}

// TestBackpropHover: a link hovered lights its row in the table, and a
// row hovered lights its link.
func TestBackpropHover(t *testing.T) {
	r := lessontest.Open(t, nn.Info, "view=backprop")
	for range 6 {
		r.Act(lesson.ActStep)
	}
	f, _ := r.Figure(800, 500)
	var at figure.Vec
	for _, it := range f.Panels[0].Items {
		if p, ok := it.(figure.Path); ok && p.ID == "w:7" {
			at = figure.Vec{X: (p.Pts[0].X + p.Pts[1].X) / 2, Y: (p.Pts[0].Y + p.Pts[1].Y) / 2}
		}
	}
	sendPointer(t, r, lesson.Pointer{Phase: lesson.Move, Panel: "net", At: at, Hit: "w:7"})
	f, _ = r.Figure(800, 500)
	if !figureHas(f, "W₂[1,2]") || hoveredRows(f) != 1 {
		t.Errorf("hovering link w:7: %d rows lit, want 1 (W₂[1,2])", hoveredRows(f))
	}
	// Its gradient written bold on the link.
	found := false
	for _, it := range f.Panels[0].Items {
		if tx, ok := it.(figure.Text); ok && tx.S == "−0.333" && tx.Bold {
			found = true
		}
	}
	if !found {
		t.Errorf("hovering link w:7: no bold label −0.333 on it")
	}
	// Off the link: nothing lit.
	sendPointer(t, r, lesson.Pointer{Phase: lesson.Move, Panel: "net", At: figure.Vec{X: 1, Y: 1}})
	f, _ = r.Figure(800, 500)
	if n := hoveredRows(f); n != 0 {
		t.Errorf("pointer away: %d rows lit, want 0", n)
	}
	// A row of the table: its link drawn wider.
	var rowAt figure.Vec
	for _, p := range f.Panels {
		if p.ID != "grads" {
			continue
		}
		for _, it := range p.Items {
			if tx, ok := it.(figure.Text); ok && tx.S == "b₁[2]" {
				rowAt = tx.At
			}
		}
	}
	sendPointer(t, r, lesson.Pointer{Phase: lesson.Move, Panel: "grads", At: rowAt})
	f, _ = r.Figure(800, 500)
	if hoveredRows(f) != 1 {
		t.Errorf("hovering row b₁[2]: %d rows lit, want 1", hoveredRows(f))
	}
}

// hoveredRows counts the table's highlighted rows.
func hoveredRows(f *figure.Figure) int {
	n := 0
	for _, p := range f.Panels {
		for _, it := range p.Items {
			if b, ok := it.(figure.Box); ok && p.ID == "grads" && b.Fill == figure.Yellow {
				n++
			}
		}
	}
	return n
}

// TestBackpropGolden keeps the pictures: the small network in the
// backward pass, and the train view's 2-4-2-1 network at its loss.
func TestBackpropGolden(t *testing.T) {
	for _, tc := range []struct {
		name, state string
		steps       int
	}{
		{"backprop", "view=backprop", 5},
		{"backprop_current", "view=backprop&bp_net=current", 4},
	} {
		r := lessontest.Open(t, nn.Info, tc.state)
		for range tc.steps {
			r.Act(lesson.ActStep)
		}
		f, err := r.Figure(800, 500)
		if err != nil {
			t.Fatal(err)
		}
		lessontest.Golden(t, tc.name, f)
	}
}

// One training point through the small 2-2-1 network, stage by stage:
// the forward pass gives the output −0.32 for the target −1, the loss
// ½(a − t)² = 0.231; the backward pass gives every gradient, which the
// central differences confirm to 8 digits and more; one SGD step with η = 0.03
// lowers the loss to 0.203.
func Example_backprop() {
	r := lesson.NewRunner([]lesson.Info{nn.Info})
	if _, err := r.Open("nn", "view=backprop"); err != nil {
		fmt.Println(err)
		return
	}
	for range 7 {
		ros, _ := r.Readouts()
		m := map[string]any{}
		for _, ro := range ros {
			m[ro.Name] = ro.Value
		}
		line := fmt.Sprintf("stage %v %-12s", m["stage"], m["phase"])
		switch m["phase"] {
		case "bp_input":
			line += fmt.Sprintf(" x = (%.3f, %.3f), t = %v", m["x1"], m["x2"], m["target"])
		case "bp_loss":
			line += fmt.Sprintf(" a = %.3f, L = %.3f", m["output"], m["loss"])
		case "bp_backward":
			line += fmt.Sprintf(" grad check below 1e-8: %v", m["grad_check_max_rel_err"].(float64) < 1e-8)
		case "bp_update":
			line += fmt.Sprintf(" L → %.3f", m["loss_after"])
		}
		fmt.Println(strings.TrimSpace(line))
		r.Act(lesson.ActStep)
	}
	// Output:
	// stage 0 bp_input     x = (-0.873, 3.094), t = -1
	// stage 1 bp_forward
	// stage 2 bp_forward
	// stage 3 bp_loss      a = -0.320, L = 0.231
	// stage 4 bp_backward  grad check below 1e-8: true
	// stage 5 bp_backward  grad check below 1e-8: true
	// stage 6 bp_update    L → 0.203
}

// BenchmarkFigureBackprop builds the figure of the train view's network
// in its backward pass, as every tick of play does while a stage changes.
func BenchmarkFigureBackprop(b *testing.B) {
	v, err := lessontest.Open(b, nn.Info, "view=backprop&bp_net=current").Values()
	if err != nil {
		b.Fatal(err)
	}
	l := nn.Info.New()
	l.Reset(v)
	for range 5 {
		l.(lesson.UnitStepper).StepUnit(v)
	}
	for b.Loop() {
		l.Figure(1100, 700)
	}
}

// BenchmarkStepBackprop is one tick of play.
func BenchmarkStepBackprop(b *testing.B) {
	v, err := lessontest.Open(b, nn.Info, "view=backprop&bp_net=current").Values()
	if err != nil {
		b.Fatal(err)
	}
	l := nn.Info.New()
	l.Reset(v)
	for b.Loop() {
		l.Step(v)
	}
}
