package rnn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	core "github.com/aimath/playground/core/rnn"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
)

// TestTrainStep: one press of step is exactly one training step: SGD
// with clipping on the task's first training sequence, as core/rnn
// computes it by hand.
func TestTrainStep(t *testing.T) {
	const q = "view=train&hidden=6&seq_len=12&truncate=4&clip=0.3&lr=0.05&seed=7"
	r := lessontest.Open(t, Info, q)
	if err := r.Act(lesson.ActStep); err != nil {
		t.Fatal(err)
	}
	if got := lessontest.Readouts(t, r)["epoch"]; got != 1.0 {
		t.Fatalf("after one step epoch = %v, want 1", got)
	}

	net := core.New(1, 6, 1, core.Tanh)
	if err := net.Init(rand.New(rand.NewPCG(7, initStream)), 0.9); err != nil {
		t.Fatal(err)
	}
	xs, tg, err := core.Task("sine", 12, taskSeed(7, 1))
	if err != nil {
		t.Fatal(err)
	}
	var tr core.Trace
	var g core.Grad
	net.Forward(&tr, xs)
	core.SeqMSE(tr.DY, tr.Y, tg)
	net.Backward(&g, &tr, tr.DY, 4)
	if n := g.ClipNorm(0.3); n <= 0.3 {
		t.Fatalf("the gradient's norm %v does not exceed the clip: the test checks nothing about clipping", n)
	}
	net.AddScaled(-0.05, &g.Weights)

	l, v := open(t, q)
	l.StepUnit(v)
	if got := l.cur.(*trainView).l.net.Flat(); !slices.Equal(got, net.Flat()) {
		t.Errorf("weights after one step:\n got %v\nwant %v", got, net.Flat())
	}
}

// TestTrainSine: at the default settings (hidden 16, T = 30, lr 0.1,
// clip 1) 2000 steps of SGD bring the window's loss below AR(4)'s and
// below 0.01 (the noise alone costs ½·0.1² = 0.005), and the net,
// running free after the window, continues the sine better than AR(4).
// The numbers are deterministic: the seed fixes every sequence.
func TestTrainSine(t *testing.T) {
	l, v := open(t, "view=train")
	start := num(t, readouts(l), "loss")
	for range 2000 {
		l.StepUnit(v)
	}
	ro := readouts(l)
	loss, ar := num(t, ro, "loss"), num(t, ro, "ar_loss")
	if !(loss < 0.01 && loss < ar && loss < start/50) {
		t.Errorf("after 2000 steps loss %v (from %v), AR(4) %v: want below 0.01, below AR and below 1/50 of the start", loss, start, ar)
	}
	if gen, arGen := num(t, ro, "gen_loss"), num(t, ro, "ar_gen_loss"); !(gen < arGen) {
		t.Errorf("free running: RNN %v, AR(4) %v; want the RNN better", gen, arGen)
	}
	if e := num(t, ro, "grad_check_max_rel_err"); e > 1e-6 {
		t.Errorf("grad_check_max_rel_err = %v", e)
	}
}

// TestTrainSinesAR: a sum of two sines obeys a linear recurrence of
// order 4, so AR(4) predicts it exactly and AR(3) does not.
func TestTrainSinesAR(t *testing.T) {
	for _, tc := range []struct {
		tau   int
		exact bool
	}{{3, false}, {4, true}, {8, true}} {
		l, _ := open(t, fmt.Sprintf("view=train&task=sines&tau=%d", tc.tau))
		ar := num(t, readouts(l), "ar_loss")
		if (ar < 1e-20) != tc.exact {
			t.Errorf("AR(%d) loss on sines = %v, want exact: %v", tc.tau, ar, tc.exact)
		}
	}
}

// TestTrainMemory: remembering the first value across 4 steps is
// learnt; across 49 it is not (the gradient from the last output
// vanishes on the way back to h_1), and the loss stays near that of
// always answering 0, E[x_1²]/2 = 1/6.
func TestTrainMemory(t *testing.T) {
	for _, tc := range []struct {
		T        int
		lo, hi   float64
		ratioMax float64
	}{{5, 0, 0.01, math.Inf(1)}, {50, 0.1, 1, 1e-6}} {
		l, v := open(t, fmt.Sprintf("view=train&task=memory&seq_len=%d", tc.T))
		for range 2000 {
			l.StepUnit(v)
		}
		ro := readouts(l)
		if loss := num(t, ro, "loss"); loss < tc.lo || loss > tc.hi {
			t.Errorf("T = %d: after 2000 steps loss %v, want in [%v, %v]", tc.T, loss, tc.lo, tc.hi)
		}
		if ratio := num(t, ro, "grad_ratio"); ratio > tc.ratioMax {
			t.Errorf("T = %d: grad_ratio %v, want at most %v", tc.T, ratio, tc.ratioMax)
		}
		if ro["ar_loss"] != keyNoAR {
			t.Errorf("memory: ar_loss = %v, want %s", ro["ar_loss"], keyNoAR)
		}
	}
}

// TestTrainChars: the net learns "hello world " and writes it on.
func TestTrainChars(t *testing.T) {
	l, v := open(t, "view=train&task=chars")
	for range 300 {
		l.StepUnit(v)
	}
	ro := readouts(l)
	if a, g := num(t, ro, "accuracy"), num(t, ro, "gen_accuracy"); a != 1 || g != 1 {
		t.Errorf("after 300 steps accuracy %v, generated %v; want 1, 1", a, g)
	}
}

// TestTrainDiverges: lr = 1 without clipping blows up. The step is
// undone, the status says diverged, play stops, every readout and the
// data stay finite; a new lr (or clip) lets training go on.
func TestTrainDiverges(t *testing.T) {
	r := lessontest.Open(t, Info, "view=train&lr=1&clip=0&speed=10")
	if err := r.Act(lesson.ActPlay); err != nil {
		t.Fatal(err)
	}
	for range 100 {
		r.Tick()
	}
	ro := lessontest.Readouts(t, r)
	if ro["status"] != keyDiverged || r.Playing() {
		t.Fatalf("lr = 1, no clipping: status %v, playing %v; want diverged, stopped", ro["status"], r.Playing())
	}
	checkFinite(t, "diverged", ro)
	if l := ro["loss"].(float64); l > lossHuge {
		t.Errorf("diverged: loss %v, want the last one below %v", l, lossHuge)
	}
	d, err := r.Data()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range d.Rows {
		for _, x := range row {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Fatalf("diverged: data row %v", row)
			}
		}
	}
	epoch := ro["epoch"].(float64)
	if err := r.Act(lesson.ActStep); err != nil {
		t.Fatal(err)
	}
	if got := lessontest.Readouts(t, r)["epoch"]; got != epoch {
		t.Errorf("a step after diverging moved epoch from %v to %v", epoch, got)
	}
	if _, _, err := r.Set(pClip, 1.0); err != nil {
		t.Fatal(err)
	}
	if err := r.Act(lesson.ActStep); err != nil {
		t.Fatal(err)
	}
	ro = lessontest.Readouts(t, r)
	if ro["status"] != nil || ro["epoch"] != epoch+1 {
		t.Errorf("with clipping: status %v, epoch %v; want none, %v", ro["status"], ro["epoch"], epoch+1)
	}
	// Clipping brings the run back: the divergence fell back to weights
	// whose loss was sane, not to the step before (already ruined).
	for range 300 {
		r.Act(lesson.ActStep)
	}
	ro = lessontest.Readouts(t, r)
	if l, ok := ro["loss"].(float64); !ok || l > 1 || ro["status"] != nil {
		t.Errorf("300 clipped steps after diverging: loss %v, status %v; want below 1 and no status", ro["loss"], ro["status"])
	}
}

// TestUnrollDiverges: the same in the unroll view, at the update.
func TestUnrollDiverges(t *testing.T) {
	l, v := open(t, "view=unroll&lr=1&clip=0&activation=linear&rho=1.2&seq_len=20")
	for range 10 * 42 {
		l.StepUnit(v)
	}
	ro := readouts(l)
	if ro["status"] != keyDiverged {
		t.Fatalf("status %v, want diverged", ro["status"])
	}
	checkFinite(t, "unroll diverged", ro)
}

// TestTrainBudget: play does speed·4 steps a tick while they fit the
// budget, and a step dearer than the budget of one tick waits for the
// credit of several.
func TestTrainBudget(t *testing.T) {
	l, v := open(t, "view=train&speed=1")
	l.Step(v)
	if e := l.cur.(*trainView).l.epoch; e != trainPace {
		t.Errorf("default settings, speed 1: %d steps in a tick, want %d", e, trainPace)
	}
	l, v = open(t, "view=train&hidden=64&seq_len=200&truncate=50&speed=100")
	s := l.cur.(*trainView)
	cost := s.set.stepCost(50)
	ticks := int(math.Ceil(cost / tickBudget))
	for range ticks - 1 {
		l.Step(v)
	}
	if s.l.epoch != 0 {
		t.Errorf("a step of %v multiply-adds was taken after %d ticks of %v", cost, ticks-1, tickBudget)
	}
	l.Step(v)
	if s.l.epoch != 1 {
		t.Errorf("no step after %d ticks, want one", ticks)
	}
}

// TestTrainData: the columns for each kind of task, one row per step of
// the window and of the generation.
func TestTrainData(t *testing.T) {
	for _, tc := range []struct {
		query string
		cols  []string
		rows  int
	}{
		{"view=train&seq_len=10&generate=5", []string{"t", "x", "target", "rnn", "ar"}, 15},
		{"view=train&task=chars&seq_len=10&generate=0", []string{"t", "x", "target", "rnn"}, 10},
		{"view=train&task=memory&seq_len=10", []string{"sequence", "target", "rnn"}, memEval},
		{"view=unroll&seq_len=10", []string{"t", "x", "y", "target", "grad_norm", "wh_contrib"}, 10},
		{"view=unroll&task=memory&seq_len=10", []string{"t", "x", "y", "grad_norm", "wh_contrib"}, 10},
		{"view=gradients&seq_len=10", []string{"t", "grad_norm", "wh_contrib"}, 10},
	} {
		l, _ := open(t, tc.query)
		d := l.Data()
		if !slices.Equal(d.Columns, tc.cols) || len(d.Rows) != tc.rows {
			t.Errorf("%s: columns %v, %d rows; want %v, %d", tc.query, d.Columns, len(d.Rows), tc.cols, tc.rows)
		}
	}
	// The series: the window's targets continue into what follows it.
	l, _ := open(t, "view=train&seq_len=10&generate=5")
	rows := l.Data().Rows
	for i := 1; i < len(rows); i++ {
		if rows[i][1] != rows[i-1][2] {
			t.Errorf("row %d: x = %v, want the previous target %v", i, rows[i][1], rows[i-1][2])
		}
	}
}
