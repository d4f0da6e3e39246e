package cnn

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/aimath/playground/core/conv"
	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
)

// openView returns a Lesson reset to the state query (which must be
// valid) and its values.
func openView(t testing.TB, query string) (*Lesson, *param.Values) {
	t.Helper()
	v := param.New(Info.Params)
	if w := v.Decode(query); len(w) > 0 {
		t.Fatalf("Decode(%q): %v", query, w)
	}
	l := new(Lesson)
	l.Reset(v)
	return l, v
}

func backwardOf(t testing.TB, query string) (*backwardView, *param.Values) {
	t.Helper()
	l, v := openView(t, query)
	s, ok := l.cur.(*backwardView)
	if !ok {
		t.Fatalf("%q: view %T, want the backward view", query, l.cur)
	}
	return s, v
}

// small is an explicit case for numpy: the "gradient" image at 6×6 has
// X[r][c] = c/5 (np.tile(np.arange(6)/5, (6, 1))), a custom kernel,
// padding 1 and stride 2, so the output is 3×3.
const small = "view=backward&image=gradient&size=6&kernel=1,2,0;0,-1,1;2,0,1&target=sobel-y&bias=0.5&padding=1&stride=2"

func TestBackwardReadouts(t *testing.T) {
	for i, tc := range []struct {
		query string
		want  map[string]any
	}{
		// Xp = np.pad(X, 1); K = [[1,2,0],[0,-1,1],[2,0,1]];
		// Kt = [[-1,-2,-1],[0,0,0],[1,2,1]];
		// Y = scipy.signal.correlate2d(Xp, K, 'valid')[::2, ::2] + 0.5;
		// T = scipy.signal.correlate2d(Xp, Kt, 'valid')[::2, ::2];
		// loss = 0.5*np.sum((Y - T)**2); db = np.sum(Y - T);
		// pos (0, 0): Y[0,0], (Y - T)[0,0].
		{small, map[string]any{
			"in_h": 6.0, "in_w": 6.0, "out_h": 3.0, "out_w": 3.0,
			"out_min": 0.9, "out_max": 5.1000000000000005, "out_mean": 2.5444444444444447, "out_sum": 22.900000000000002,
			"pos_i": 0.0, "pos_j": 0.0, "pos_sum": 0.9, "grad_y": 0.7,
			"loss": 34.405, "db": 17.900000000000002, "status": nil,
		}},
		// The same with the pixel loss at the default pixel, the centre
		// (1, 1): L = Y[1,1] = 2.7, ∂L/∂b = 1.
		{small + "&loss=pixel", map[string]any{"loss": 2.7, "db": 1.0, "grad_y": 0.0}},
		// The default state: X = conv.Image("digit", 30) (its values are
		// multiples of 1/16, written out exactly with %.17g for numpy),
		// K = Sobel x, T from Sobel y:
		// Y = correlate2d(X, Kx, 'valid'); T = correlate2d(X, Ky, 'valid');
		// 0.5*np.sum((Y - T)**2) = 707.03125, np.sum(Y - T) = 0.
		{"view=backward", map[string]any{
			"in_h": 30.0, "in_w": 30.0, "out_h": 28.0, "out_w": 28.0,
			"out_min": -4.0, "out_max": 4.0, "out_mean": 0.0, "out_sum": 0.0,
			"loss": 707.03125, "db": 0.0,
		}},
		// ... and its pixel loss at the centre (14, 14): Y[14,14] = 3.6875.
		{"view=backward&loss=pixel", map[string]any{"loss": 3.6875, "db": 1.0}},
		// A 5×5 target gives a 26×26 T for a 28×28 Y: no loss.
		{"view=backward&target=gaussian-5", map[string]any{
			"out_h": 28.0, "loss": nil, "pos_i": nil, "dk_max_rel_err": nil,
			"status": "target_shape{kt=5,th=26,tw=26,k=3,oh=28,ow=28}",
		}},
		// A kernel larger than the input: no output at all.
		{"view=backward&size=5&kernel=" + sevenBySeven, map[string]any{
			"in_h": 5.0, "out_h": nil, "loss": nil,
			"status": "kernel_too_big{k=7,span=7,h=5,w=5,p=0}",
		}},
	} {
		r := lessontest.Open(t, Info, tc.query)
		got := lessontest.Readouts(t, r)
		lessontest.CheckReadouts(t, fmt.Sprintf("case %d (%s)", i, tc.query), got, tc.want, 1e-12)
		if _, ok := tc.want["status"]; !ok || tc.want["status"] == nil {
			if e, ok := got["dk_max_rel_err"].(float64); !ok || e > 1e-8 {
				t.Errorf("case %d: dk_max_rel_err = %v, want below 1e-8", i, got["dk_max_rel_err"])
			}
		}
	}
}

// sevenBySeven and sevenBySeven2 are custom 7×7 kernels (the size the
// benchmarks use).
var sevenBySeven, sevenBySeven2 = kernel7(0), kernel7(3)

func kernel7(shift int) string {
	rows := make([][]float64, 7)
	for i := range rows {
		rows[i] = make([]float64, 7)
		for j := range rows[i] {
			rows[i][j] = float64((i*7+j+shift)%5-2) / 2
		}
	}
	return formatKernel(rows)
}

// lossOf is the view's loss for input x, kernel k and bias b, computed
// with a fresh forward pass (T held fixed: it is the data).
func lossOf(s *backwardView, x, k *conv.Tensor, b float64) float64 {
	var y conv.Tensor
	if err := conv.Forward(&y, x, []conv.Tensor{*k}, []float64{b}, s.in.p); err != nil {
		panic(err)
	}
	if s.loss == lossPixel {
		return y.Data[s.pi*y.W+s.pj]
	}
	var sum float64
	for i, yv := range y.Data {
		sum += (yv - s.t.Data[i]) * (yv - s.t.Data[i])
	}
	return sum / 2
}

// TestBackwardGradients checks ∂L/∂K, ∂L/∂X and ∂L/∂b of the view
// against central differences of whole forward passes, for both losses
// and several paddings, strides and dilations.
func TestBackwardGradients(t *testing.T) {
	for i, q := range []string{
		small,
		small + "&loss=pixel",
		"view=backward&image=circle&size=9&kernel=sharpen&target=emboss&bias=-0.3",
		"view=backward&image=triangle&size=11&kernel=1,-2;0.5,3&target=2,1;-1,0&padding=2&stride=3&dilation=2&bias=1",
		"view=backward&image=triangle&size=11&kernel=1,-2;0.5,3&padding=2&stride=3&dilation=2&loss=pixel",
	} {
		s, _ := backwardOf(t, q)
		if !s.ok() {
			t.Fatalf("case %d: status %s", i, s.status)
		}
		const h = 1e-6
		x, k, b := s.in.gray, &s.k[0], s.bias[0]
		central := func(f func(e float64) float64) float64 { return (f(h) - f(-h)) / (2 * h) }
		for n := range k.Data {
			fd := central(func(e float64) float64 {
				kk := &conv.Tensor{C: 1, H: k.H, W: k.W, Data: append([]float64(nil), k.Data...)}
				kk.Data[n] += e
				return lossOf(s, x, kk, b)
			})
			if g := s.dk[0].Data[n]; !scalar.EqualWithinAbsOrRel(g, fd, 1e-6, 1e-6) {
				t.Errorf("case %d: ∂L/∂K[%d] = %v, want %v (finite differences)", i, n, g, fd)
			}
			if g := s.fdK[n]; !scalar.EqualWithinAbsOrRel(g, fd, 1e-6, 1e-6) {
				t.Errorf("case %d: the view's check of K[%d] = %v, want %v", i, n, g, fd)
			}
		}
		for n := range x.Data {
			fd := central(func(e float64) float64 {
				xx := &conv.Tensor{C: 1, H: x.H, W: x.W, Data: append([]float64(nil), x.Data...)}
				xx.Data[n] += e
				return lossOf(s, xx, k, b)
			})
			if g := s.dx.Data[n]; !scalar.EqualWithinAbsOrRel(g, fd, 1e-6, 1e-6) {
				t.Errorf("case %d: ∂L/∂X[%d] = %v, want %v (finite differences)", i, n, g, fd)
			}
		}
		fd := central(func(e float64) float64 { return lossOf(s, x, k, b+e) })
		if !scalar.EqualWithinAbsOrRel(s.db[0], fd, 1e-6, 1e-6) || !scalar.EqualWithinAbsOrRel(s.fdB, fd, 1e-6, 1e-6) {
			t.Errorf("case %d: ∂L/∂b = %v, check %v, want %v (finite differences)", i, s.db[0], s.fdB, fd)
		}
		if s.fdErr > 1e-8 {
			t.Errorf("case %d: dk_max_rel_err = %v, want below 1e-8", i, s.fdErr)
		}
	}
}

// TestBackwardWalk: after the walk has visited every position, its
// partial sums are the gradients of conv.BackwardInto; the walk moves one
// position per unit step.
func TestBackwardWalk(t *testing.T) {
	for i, q := range []string{
		small,
		small + "&loss=pixel",
		"view=backward&image=digit&size=12&kernel=gaussian-5&target=1,0,0,0,-1;0,2,0,-2,0;0,0,1,0,0;0,-1,0,1,0;1,0,0,0,1&padding=1",
		"view=backward&image=triangle&size=11&kernel=1,-2;0.5,3&target=2,1;-1,0&padding=2&stride=3&dilation=2&bias=1",
	} {
		s, v := backwardOf(t, q)
		n := s.y.H * s.y.W
		for step := 1; step < n; step++ {
			if s.done != step {
				t.Fatalf("case %d: after %d unit steps done = %d, want %d", i, step-1, s.done, step)
			}
			more := s.unit(v)
			if more != (step+1 < n) {
				t.Fatalf("case %d: unit at %d = %v", i, step, more)
			}
		}
		if s.unit(v) || s.done != n {
			t.Fatalf("case %d: a unit step after the end moved the walk to %d", i, s.done)
		}
		same := func(name string, got, want []float64) {
			for j := range want {
				if !scalar.EqualWithinAbsOrRel(got[j], want[j], 1e-12, 1e-12) {
					t.Errorf("case %d: walked %s[%d] = %v, want %v", i, name, j, got[j], want[j])
				}
			}
		}
		same("∂L/∂K", s.pdk, s.dk[0].Data)
		same("∂L/∂X", s.pdx, s.dx.Data)
		same("∂L/∂b", []float64{s.pdb}, s.db)
		same("shown ∂L/∂X", s.shown, s.dx.Data)
	}
}

// TestBackwardPixelGradient: with L = Y[i,j], ∂L/∂K is the input under
// the window of (i, j) and ∂L/∂b is 1.
func TestBackwardPixelGradient(t *testing.T) {
	s, _ := backwardOf(t, small+"&loss=pixel")
	if !s.moveTo(1, 2) {
		t.Fatal("moveTo(1, 2) changed nothing")
	}
	// Xp = np.pad(X, 1); Xp[2:5, 4:7] (rows 2·1 to 2·1+2, columns 2·2 to 2·2+2).
	want := []float64{0.6, 0.8, 1, 0.6, 0.8, 1, 0.6, 0.8, 1}
	for n, w := range want {
		if g := s.dk[0].Data[n]; !scalar.EqualWithinAbsOrRel(g, w, 1e-15, 1e-15) {
			t.Errorf("∂L/∂K[%d] = %v, want %v", n, g, w)
		}
	}
	// correlate2d(Xp, K, 'valid')[::2, ::2][1, 2] + 0.5 = 5.1000000000000005
	if s.l != 5.1000000000000005 || s.db[0] != 1 || s.pi != 1 || s.pj != 2 || s.done != 6 {
		t.Errorf("after choosing (1, 2): L = %v, ∂L/∂b = %v, pixel (%d, %d), done %d; want 5.1, 1, (1, 2), 6",
			s.l, s.db[0], s.pi, s.pj, s.done)
	}
}

// TestBackwardTune: a new bias changes Y, L and the gradients but keeps
// the walk's position.
func TestBackwardTune(t *testing.T) {
	r := lessontest.Open(t, Info, small)
	for range 4 {
		if err := r.Act(lesson.ActStep); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := r.Set(pBias, 1.5); err != nil {
		t.Fatal(err)
	}
	// Y + 1 against the same T: 0.5*np.sum((Y + 1 - T)**2) = 56.80500000000001,
	// np.sum(Y + 1 - T) = 26.900000000000002; the fifth position is (1, 1):
	// Y[1,1] + 1 = 3.7.
	lessontest.CheckReadouts(t, "bias 1.5 after 4 steps", lessontest.Readouts(t, r),
		map[string]any{"loss": 56.80500000000001, "db": 26.900000000000002, "pos_i": 1.0, "pos_j": 1.0, "pos_sum": 3.7}, 1e-12)
}

// TestBackwardPointer: the output panels pick the position (and the
// pixel of the pixel loss); the input moves the window, except on the
// drawing, where only the window itself can be dragged.
func TestBackwardPointer(t *testing.T) {
	r := lessontest.Open(t, Info, "view=backward&image=digit&size=30")
	press := func(panel, hit string, at figure.Vec) {
		t.Helper()
		for _, p := range []lesson.Pointer{
			{Phase: lesson.Down, Panel: panel, At: at, Hit: hit, Held: true},
			{Phase: lesson.Up, Panel: panel, At: at},
		} {
			if err := r.Pointer(p); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Output row 3 spans world y from 28−3−1 to 28−3.
	press(bwPanelDY, "", figure.Vec{X: 5.5, Y: 24.5})
	lessontest.CheckReadouts(t, "press on ∂L/∂Y", lessontest.Readouts(t, r), map[string]any{"pos_i": 3.0, "pos_j": 5.0}, 0)
	// On the input, the window centred nearest pixel (row 10, column 20)
	// is output (9, 19).
	press(panelInput, "", figure.Vec{X: 20.5, Y: 19.5})
	lessontest.CheckReadouts(t, "press on the input", lessontest.Readouts(t, r), map[string]any{"pos_i": 9.0, "pos_j": 19.0}, 0)

	if _, _, err := r.Set(pLoss, lossPixel); err != nil {
		t.Fatal(err)
	}
	press(bwPanelYT, "", figure.Vec{X: 14.5, Y: 13.5})
	// Y = correlate2d(X, Kx, 'valid'); Y[14, 14] = 3.6875
	lessontest.CheckReadouts(t, "pixel loss, press on Y", lessontest.Readouts(t, r),
		map[string]any{"pos_i": 14.0, "pos_j": 14.0, "loss": 3.6875, "grad_y": 1.0}, 1e-12)

	// On the drawing a press beside the window paints; one on it drags it.
	r = lessontest.Open(t, Info, "view=backward&image=draw")
	press(panelInput, "", figure.Vec{X: 20.5, Y: 19.5})
	v := lessontest.Values(t, r)
	if v.String(pDrawing) == "" {
		t.Errorf("a press beside the window on the drawing did not paint")
	}
	ro := lessontest.Readouts(t, r)
	lessontest.CheckReadouts(t, "press beside the window", ro, map[string]any{"pos_i": 0.0, "pos_j": 0.0}, 0)
	for _, p := range []lesson.Pointer{
		{Phase: lesson.Down, Panel: panelInput, At: figure.Vec{X: 1, Y: 26}, Hit: bwWindowID, Held: true},
		{Phase: lesson.Move, Panel: panelInput, At: figure.Vec{X: 11.5, Y: 16.5}, Held: true},
		{Phase: lesson.Up, Panel: panelInput, At: figure.Vec{X: 11.5, Y: 16.5}},
	} {
		if err := r.Pointer(p); err != nil {
			t.Fatal(err)
		}
	}
	if got := lessontest.Values(t, r).String(pDrawing); got != v.String(pDrawing) {
		t.Errorf("dragging the window painted")
	}
	// Pixel (row 11, column 11) is the centre of output (10, 10).
	lessontest.CheckReadouts(t, "window dragged", lessontest.Readouts(t, r), map[string]any{"pos_i": 10.0, "pos_j": 10.0}, 0)
}

// TestBackwardPlay: playing walks speed × max(4, positions/25) positions
// a second and stops at the end with the partial sums complete.
func TestBackwardPlay(t *testing.T) {
	r := lessontest.Open(t, Info, "view=backward&speed=2")
	if err := r.Act(lesson.ActPlay); err != nil {
		t.Fatal(err)
	}
	// 784 positions: 2 × 784/25 = 62.72 a second, 31.36 in 30 ticks,
	// after the one shown from the start.
	for range 30 {
		r.Tick()
	}
	ro := lessontest.Readouts(t, r)
	if q := ro["pos_i"].(float64)*28 + ro["pos_j"].(float64); q != 31 {
		t.Errorf("after 30 ticks the walk is at position %v, want 31", q)
	}
	for range 2000 {
		r.Tick()
	}
	lessontest.CheckReadouts(t, "after the walk", lessontest.Readouts(t, r), map[string]any{"pos_i": 27.0, "pos_j": 27.0}, 0)
}

func TestBackwardGolden(t *testing.T) {
	for _, tc := range []struct {
		name, query string
		press       figure.Vec // a press on ∂L/∂Y there first, if not zero
		steps       int
	}{
		// Halfway: output (13, 20) of 28×28.
		{"backward", "view=backward", figure.Vec{X: 20.5, Y: 14.5}, 0},
		// The pixel (15, 10) of 30×30, on the triangle's left edge.
		{"backward-pixel", "view=backward&loss=pixel&image=triangle&kernel=laplacian&padding=1", figure.Vec{X: 10.5, Y: 14.5}, 0},
		{"backward-status", "view=backward&target=gaussian-5", figure.Vec{}, 0},
	} {
		r := lessontest.Open(t, Info, tc.query)
		if tc.press != (figure.Vec{}) {
			for _, p := range []lesson.Pointer{
				{Phase: lesson.Down, Panel: bwPanelDY, At: tc.press, Held: true},
				{Phase: lesson.Up, Panel: bwPanelDY, At: tc.press},
			} {
				if err := r.Pointer(p); err != nil {
					t.Fatal(err)
				}
			}
		}
		step(t, r, tc.steps)
		f, err := r.Figure(800, 500)
		if err != nil {
			t.Fatal(err)
		}
		lessontest.Golden(t, tc.name, f)
	}
}

// big256 is the speed target: a 256×256 input and a 7×7 kernel.
var big256 = "size=256&image=circle&kernel=" + sevenBySeven + "&target=" + sevenBySeven2

func BenchmarkStepBackward(b *testing.B) {
	s, v := backwardOf(b, "view=backward&speed=100&"+big256)
	if !s.ok() {
		b.Fatal(s.status)
	}
	for b.Loop() {
		if !s.step(v) {
			s.done = 1
			s.rewalk()
		}
	}
}

func BenchmarkFigureBackward(b *testing.B) {
	s, v := backwardOf(b, "view=backward&"+big256)
	for b.Loop() {
		s.step(v)
		s.panels(1280, 720)
	}
}

// BenchmarkResetBackward is the view's part of a reset: Y, T, the
// gradients and the check (the input is loaded already).
func BenchmarkResetBackward(b *testing.B) {
	l, v := openView(b, "view=backward&"+big256)
	for b.Loop() {
		l.cur.reset(&l.in, v, true)
	}
}

func TestBackwardNoNaN(t *testing.T) {
	// Kernel weights of 100 on a bright image: large but finite numbers.
	r := lessontest.Open(t, Info, "view=backward&image=square&size=64&kernel=100,100;100,100&target=-100,100;100,-100&bias=5")
	for name, x := range lessontest.Readouts(t, r) {
		if f, ok := x.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
			t.Errorf("readout %s = %v", name, f)
		}
	}
}
