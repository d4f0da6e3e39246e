package cnn

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/aimath/playground/core/conv"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
)

func learnOf(t testing.TB, query string) (*learnView, *param.Values) {
	t.Helper()
	l, v := openView(t, query)
	s, ok := l.cur.(*learnView)
	if !ok {
		t.Fatalf("%q: view %T, want the learn view", query, l.cur)
	}
	return s, v
}

func step(t testing.TB, r *lesson.Runner, n int) {
	t.Helper()
	for range n {
		if err := r.Act(lesson.ActStep); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLearnDescent: from W = 0 the loss starts at ½·mean(T²), falls at
// every step for a stable learning rate, and after 300 steps matches
// plain gradient descent done with numpy.
func TestLearnDescent(t *testing.T) {
	r := lessontest.Open(t, Info, "view=learn&lr=0.5")
	// X = conv.Image("digit", 30) (multiples of 1/16, exact with %.17g);
	// T = scipy.signal.correlate2d(X, Ky, 'valid'); 0.5*np.mean(T**2).
	lessontest.CheckReadouts(t, "start", lessontest.Readouts(t, r), map[string]any{
		"iter": 0.0, "loss": 0.7508868781887755, "kernel_err": 2.0, "bias_c": 0.0,
		"out_h": 28.0, "out_w": 28.0, "out_min": 0.0, "out_max": 0.0, "status": nil,
	}, 1e-15)
	prev := math.Inf(1)
	for i := 1; i <= 300; i++ {
		step(t, r, 1)
		ro := lessontest.Readouts(t, r)
		if ro["iter"] != float64(i) {
			t.Fatalf("after %d steps iter = %v", i, ro["iter"])
		}
		l := ro["loss"].(float64)
		if !(l < prev) {
			t.Fatalf("step %d: loss %v, not below %v", i, l, prev)
		}
		prev = l
	}
	// W, c = 0, 0; N = T.size; 300 times:
	//   R = correlate2d(X, W, 'valid') + c - T
	//   W -= 0.5*correlate2d(X, R/N, 'valid'); c -= 0.5*np.sum(R/N)
	// then 0.5*np.mean(R**2), np.abs(W - Ky).max(), (R + T).min(), .max().
	lessontest.CheckReadouts(t, "after 300 steps", lessontest.Readouts(t, r), map[string]any{
		"loss": 0.00036066010585294675, "kernel_err": 0.16883080941526285,
		"out_min": -4.001304248333932, "out_max": 4.036755012427223,
	}, 1e-9)
	if c := lessontest.Readouts(t, r)["bias_c"].(float64); math.Abs(c) > 1e-12 {
		t.Errorf("after 300 steps bias_c = %v, want 0 (numpy: 1.3e-17)", c)
	}
}

// TestLearnConverges: played long enough, W becomes the target kernel
// and play stops at a loss below 1e-10.
func TestLearnConverges(t *testing.T) {
	r := lessontest.Open(t, Info, "view=learn&image=checkerboard&size=16&target=prewitt-x&lr=0.4&speed=100")
	if err := r.Act(lesson.ActPlay); err != nil {
		t.Fatal(err)
	}
	for range 600 {
		r.Tick()
	}
	ro := lessontest.Readouts(t, r)
	if ro["status"] != lnConverged || ro["loss"].(float64) >= lnTol || ro["kernel_err"].(float64) > 1e-3 {
		t.Errorf("after playing: status %v, loss %v, kernel_err %v; want converged, < 1e-10, < 1e-3", ro["status"], ro["loss"], ro["kernel_err"])
	}
	iter := ro["iter"]
	step(t, r, 3)
	if got := lessontest.Readouts(t, r)["iter"]; got != iter {
		t.Errorf("steps after convergence moved iter from %v to %v", iter, got)
	}
}

// TestLearnDiverges: with lr = 10 the loss blows up; the learner stops
// with status diverged and its last finite values, and a smaller lr
// lets it go on from there.
func TestLearnDiverges(t *testing.T) {
	r := lessontest.Open(t, Info, "view=learn&lr=10&speed=100")
	if err := r.Act(lesson.ActPlay); err != nil {
		t.Fatal(err)
	}
	for range 100 {
		r.Tick()
	}
	ro := lessontest.Readouts(t, r)
	if ro["status"] != lnDiverged {
		t.Fatalf("lr = 10: status %v, want diverged", ro["status"])
	}
	for name, x := range ro {
		if f, ok := x.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e13) {
			t.Errorf("diverged: readout %s = %v, want a finite number below 1e12", name, f)
		}
	}
	if l := ro["loss"].(float64); l > lnHuge || l < 1 {
		t.Errorf("diverged: loss %v, want the last one below 1e12 (and far above the start)", l)
	}
	iter := ro["iter"].(float64)
	if _, _, err := r.Set(pLR, 0.001); err != nil {
		t.Fatal(err)
	}
	step(t, r, 1)
	ro = lessontest.Readouts(t, r)
	if ro["status"] != nil || ro["iter"] != iter+1 {
		t.Errorf("after lr = 0.001 and a step: status %v, iter %v; want none, %v", ro["status"], ro["iter"], iter+1)
	}
	f, err := r.Figure(800, 500)
	if err != nil || f == nil {
		t.Fatal(err)
	}
}

// TestLearnInit: random starts are reproducible from the seed, small,
// and differ between seeds; zeros start at zero.
func TestLearnInit(t *testing.T) {
	a, _ := learnOf(t, "view=learn&init=random&seed=7")
	b, _ := learnOf(t, "view=learn&init=random&seed=7")
	c, _ := learnOf(t, "view=learn&init=random&seed=8")
	z, _ := learnOf(t, "view=learn")
	same, differ := true, false
	for i, w := range a.w[0].Data {
		same = same && w == b.w[0].Data[i]
		differ = differ || w != c.w[0].Data[i]
		if w == 0 || math.Abs(w) > 5*lnInitSD {
			t.Errorf("seed 7: W[%d] = %v, want a small non-zero draw", i, w)
		}
		if z.w[0].Data[i] != 0 {
			t.Errorf("zeros: W[%d] = %v", i, z.w[0].Data[i])
		}
	}
	if !same || !differ || a.c[0] != b.c[0] || a.c[0] == 0 {
		t.Errorf("seed 7 twice: same %v (c %v, %v); seed 8 differs %v", same, a.c[0], b.c[0], differ)
	}
}

// TestLearnBands: an update done in bands of rows over many calls gives
// what one whole backward and forward pass give, for any settings.
func TestLearnBands(t *testing.T) {
	for i, q := range []string{
		"view=learn&lr=0.3",
		"view=learn&lr=0.1&image=triangle&size=17&target=gaussian-5&padding=2&init=random",
		"view=learn&lr=0.05&image=circle&size=23&target=1,-2;0.5,3&padding=3&stride=3&dilation=2&init=random&seed=5",
	} {
		s, v := learnOf(t, q)
		lr := v.Float(pLR)
		for range 3 {
			// The reference: conv.Backward and conv.Forward on the whole input.
			n := float64(len(s.y.Data))
			dy := conv.New(1, s.y.H, s.y.W)
			for j := range dy.Data {
				dy.Data[j] = (s.y.Data[j] - s.t.Data[j]) / n
			}
			_, dw, dc := conv.Backward(s.in.gray, s.w, s.in.p, dy)
			w := conv.New(1, s.kt.H, s.kt.W)
			for j := range w.Data {
				w.Data[j] = s.w[0].Data[j] - lr*dw[0].Data[j]
			}
			c := s.c[0] - lr*dc[0]
			var y conv.Tensor
			if err := conv.Forward(&y, s.in.gray, []conv.Tensor{*w}, []float64{c}, s.in.p); err != nil {
				t.Fatal(err)
			}
			iter, calls := s.iter, 0
			for s.iter == iter {
				s.advance(1, lr) // one row at a time
				calls++
			}
			if calls < 2*s.y.H {
				t.Errorf("case %d: an update took %d calls, want one per row and phase (%d)", i, calls, 2*s.y.H)
			}
			for j := range w.Data {
				if !scalar.EqualWithinAbsOrRel(s.w[0].Data[j], w.Data[j], 1e-12, 1e-12) {
					t.Errorf("case %d: W[%d] = %v, want %v", i, j, s.w[0].Data[j], w.Data[j])
				}
			}
			for j := range y.Data {
				if !scalar.EqualWithinAbsOrRel(s.y.Data[j], y.Data[j], 1e-12, 1e-12) {
					t.Fatalf("case %d: Y[%d] = %v, want %v", i, j, s.y.Data[j], y.Data[j])
				}
			}
			if !scalar.EqualWithinAbsOrRel(s.c[0], c, 1e-12, 1e-12) || !scalar.EqualWithinAbsOrRel(s.l, lnSqErr(y.Data, s.t.Data)/2/n, 1e-12, 1e-12) {
				t.Errorf("case %d: c = %v, L = %v; want %v, %v", i, s.c[0], s.l, c, lnSqErr(y.Data, s.t.Data)/2/n)
			}
		}
	}
}

// TestLearnSpread: at 256×256 with a 7×7 kernel a tick of play does a
// bounded part of an update, and the updates still come.
func TestLearnSpread(t *testing.T) {
	s, v := learnOf(t, "view=learn&lr=0.001&speed=100&"+big256learn)
	s.step(v)
	if s.iter != 0 || s.phase != lnGrad {
		t.Fatalf("after one tick: iter %d, phase %d; want an update under way", s.iter, s.phase)
	}
	for range 60 {
		s.step(v)
	}
	if s.iter < 2 || s.iter > 5 {
		t.Errorf("after 61 ticks: %d updates, want 2 to 5 (each costs about 3·49·250² ≈ 9.2e6 multiply-adds, %g a tick)", s.iter, lnWork)
	}
}

// TestLearnUpdateAllocs: an update allocates nothing.
func TestLearnUpdateAllocs(t *testing.T) {
	s, _ := learnOf(t, "view=learn&lr=0.01")
	if n := testing.AllocsPerRun(100, func() { s.update(0.01) }); n != 0 {
		t.Errorf("update allocates %v times, want 0", n)
	}
}

// TestLearnHistory: the loss curve stays bounded and keeps its first and
// last points.
func TestLearnHistory(t *testing.T) {
	s, _ := learnOf(t, "view=learn&lr=0.01&size=8")
	for range 5 * lnMaxHist {
		s.update(0.01)
	}
	n := len(s.hist)
	if n > 2*lnMaxHist || s.hist[0].X != 0 || s.hist[n-1].X != float64(s.iter) || s.hist[n-1].Y != s.l {
		t.Errorf("history of %d points from %v to %v; want at most %d, from iteration 0 to %d", n, s.hist[0], s.hist[n-1], 2*lnMaxHist, s.iter)
	}
}

func TestLearnProblem(t *testing.T) {
	r := lessontest.Open(t, Info, "view=learn&size=5&target="+sevenBySeven)
	lessontest.CheckReadouts(t, "7×7 target on 5×5", lessontest.Readouts(t, r), map[string]any{
		"in_h": 5.0, "status": "kernel_too_big{k=7,span=7,h=5,w=5,p=0}", "loss": nil, "iter": nil,
	}, 0)
	step(t, r, 1)
}

func TestLearnGolden(t *testing.T) {
	for _, tc := range []struct {
		name, query string
		steps       int
	}{
		{"learn", "view=learn&lr=0.5", 60},
		{"learn-random", "view=learn&image=circle&target=sobel-x&init=random&seed=3&lr=0.3", 400},
	} {
		r := lessontest.Open(t, Info, tc.query)
		step(t, r, tc.steps)
		f, err := r.Figure(800, 500)
		if err != nil {
			t.Fatal(err)
		}
		lessontest.Golden(t, tc.name, f)
	}
}

func BenchmarkStepLearn(b *testing.B) {
	s, v := learnOf(b, "view=learn&lr=0.001&speed=100&"+big256learn)
	for b.Loop() {
		s.step(v)
	}
}

// BenchmarkUpdateLearn is one update, the most a tick of play does at
// this size.
func BenchmarkUpdateLearn(b *testing.B) {
	s, _ := learnOf(b, "view=learn&lr=0.001&"+big256learn)
	for b.Loop() {
		s.update(0.001)
	}
}

// big256learn is the speed target for the learn view: a 256×256 input
// and a 7×7 target kernel.
var big256learn = "size=256&image=circle&target=" + sevenBySeven

func BenchmarkFigureLearn(b *testing.B) {
	s, _ := learnOf(b, "view=learn&lr=0.001&"+big256learn)
	for range 50 {
		s.update(0.001)
	}
	for b.Loop() {
		s.panels(1280, 720)
	}
}

// Example_learn: gradient descent learns Sobel y from the digit and its
// Sobel-y image, starting from a kernel of zeros.
func Example_learn() {
	r := lesson.NewRunner([]lesson.Info{Info})
	if _, err := r.Open("cnn", "view=learn&lr=0.5"); err != nil {
		panic(err)
	}
	show := func() {
		ros, _ := r.Readouts()
		got := map[string]any{}
		for _, ro := range ros {
			got[ro.Name] = ro.Value
		}
		fmt.Printf("step %3v: L = %.4g, max|W − Kt| = %.3f\n", got["iter"], got["loss"], got["kernel_err"])
	}
	show()
	for _, n := range []int{10, 90, 200} {
		for range n {
			_ = r.Act(lesson.ActStep)
		}
		show()
	}
	// Output:
	// step   0: L = 0.7509, max|W − Kt| = 2.000
	// step  10: L = 0.173, max|W − Kt| = 1.276
	// step 100: L = 0.002361, max|W − Kt| = 0.418
	// step 300: L = 0.0003607, max|W − Kt| = 0.169
}
