package cnn_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/cnn"
	"github.com/aimath/playground/lesson/lessontest"
)

// slideDrawing is a 28×28 drawing of random gray levels, made in numpy so
// that the reference values below can be computed from the same pixels:
//
//	lv = np.random.default_rng(7).integers(0, 16, size=(28, 28))
//	b = bytes(int(lv.flat[2*i])<<4 | int(lv.flat[2*i+1]) for i in range(392))
//	base64.urlsafe_b64encode(b).decode().rstrip("=")
//
// and the image is x = lv/15.
const slideDrawing = "-q6c0wRN4H0sF9RUtPd4mI_MuV9z0tkQcCj3ztp4R2PwE_vjtXCdooT-KP26C3E4uJ2lqRCmlTJtZp9peXqK8odTBtFv8woEfRqC3X-e-UKTzjgCbvqZBvYzsP6XyHV8ALXA4W8athhtpQlK1eiMzvJuQJy8otbd8Np8-BszM-USZU_Z9SQfNz8o-O7Lmdb-Vr4RNiiPtMyqSyrvRZazIHNO3ZG55yl6ZC_HOmoSsKYMvevR7ry-6N5AIGBEs_P5MEkSGhB0n9isajkzyWA8f-0AldUhSixFrWxC3M5zmWpJwXoK7axVG11-IlB6oymv5iTn-pGW0jqthkWoQ7M115FcyeQhPOKC0qG-tNTNedIGLtZLcascjdpVsTj800S4O66C4gx6K2-vzRyWSjLcnFs3JlZwXWgW-AvGDU5WwgzvIlvtXkFhrxEiiffs037D3CFHIBVkezew_05OowazgWD40SKdl_Iq1EjE2Lp49vwtYkJRj_8zr9O4d47AxVnxg-feHM38200"

// slideK7 is a 7×7 kernel of small integers:
// np.random.default_rng(3).integers(-3, 4, size=(7, 7)).
const slideK7 = "2,-3,-2,-2,-2,2,3;1,-3,-3,-1,0,1,0;-2,-2,1,2,-3,-3,0;-1,3,0,-1,0,1,1;-2,2,2,3,2,-2,-1;1,1,1,3,-1,3,-3;-3,3,3,-1,-3,-1,-3"

// selectOutput clicks output position (i, j) of an oh-row output map.
func selectOutput(t testing.TB, r *lesson.Runner, oh, i, j int) {
	t.Helper()
	at := figure.Vec{X: float64(j) + 0.5, Y: float64(oh-i) - 0.5}
	for _, p := range []lesson.Pointer{
		{Phase: lesson.Down, Panel: "output", At: at, Held: true},
		{Phase: lesson.Up, Panel: "output", At: at},
	} {
		if err := r.Pointer(p); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSlideReadouts checks the maps and the value at chosen positions
// against scipy, with the helpers (in /usr/bin/python3)
//
//	def conv(x, k, P=0, S=1, D=1, b=0.0):
//	    k = np.array(k, float); kd = np.zeros((D*(k.shape[0]-1)+1,)*2); kd[::D, ::D] = k
//	    return scipy.signal.correlate2d(np.pad(x, P), kd, mode='valid')[::S, ::S] + b
//	def maxpool(y, s, st): return sliding_window_view(y, (s, s))[::st, ::st].max(axis=(2, 3))
//	def avgpool(y, s, st): return sliding_window_view(y, (s, s))[::st, ::st].mean(axis=(2, 3))
//
// on x = the drawing above; out_* are y.min(), y.max(), y.mean(),
// y.sum() of the final map y, and pos_sum is conv(...)[i, j] before ReLU.
func TestSlideReadouts(t *testing.T) {
	for i, tc := range []struct {
		state string
		// y = conv(x, sobx), and so on, as in each comment.
		outH, outW          float64
		min, max, mean, sum float64
		convH               int // rows of the convolution's output
		pos                 [][2]int
		posSum              []float64
	}{
		// y = conv(x, [[-1,0,1],[-2,0,2],[-1,0,1]])
		{"kernel=sobel-x", 26, 26, -2.8000000000000003, 3.1333333333333333, -9.861932938857426e-05, -0.0666666666666762,
			26, [][2]int{{0, 0}, {5, 7}, {25, 25}}, []float64{-0.4666666666666667, -0.8000000000000002, 1.0666666666666669}},
		// y = conv(x, [[0,1,0],[1,-4,1],[0,1,0]], P=1, S=2, b=0.5)
		{"kernel=laplacian&padding=1&stride=2&bias=0.5", 14, 14, -2.5666666666666664, 3.5666666666666664, 0.3428571428571428, 67.19999999999999,
			14, [][2]int{{0, 0}, {13, 4}}, []float64{-2.3666666666666667, 2.8333333333333335}},
		// y = conv(x, [[1,2],[3,4]], P=1, S=3, D=2)
		{"kernel=1,2;3,4&padding=1&stride=3&dilation=2", 10, 10, 0.4, 8.533333333333335, 4.441333333333334, 444.1333333333334,
			10, [][2]int{{0, 0}, {9, 9}, {4, 6}}, []float64{2.1333333333333333, 0.7333333333333333, 4.0}},
		// c = conv(x, sobx, b=-0.5); y = maxpool(np.maximum(c, 0), 2, 2)
		{"bias=-0.5&relu=1&pool=max", 13, 13, 0, 2.6333333333333333, 0.560749506903353, 94.76666666666667,
			26, [][2]int{{3, 4}}, []float64{-2.033333333333333}},
		// c = conv(x, np.outer([1,4,6,4,1], [1,4,6,4,1])/256, P=2); y = avgpool(c, 3, 1)
		{"kernel=gaussian-5&padding=2&pool=avg&pool_size=3&pool_stride=1", 26, 26, 0.3067418981481482, 0.6782986111111112, 0.5016487919132151, 339.11458333333337,
			28, [][2]int{{0, 0}, {27, 27}}, []float64{0.33776041666666673, 0.29010416666666666}},
		// y = conv(x, k7, P=3, S=4)
		{"kernel=" + slideK7 + "&padding=3&stride=4", 7, 7, -13.466666666666663, 10.866666666666667, -2.4394557823129253, -119.53333333333335,
			7, [][2]int{{0, 0}, {6, 6}, {2, 5}}, []float64{-2.2666666666666675, -6.666666666666668, -0.4000000000000006}},
		// c = conv(x, sobx, b=0.25); y = np.maximum(c, 0)
		{"bias=0.25&relu=1", 26, 26, 0, 3.3833333333333333, 0.5554240631163708, 375.4666666666667,
			26, [][2]int{{1, 1}}, []float64{0.31666666666666676}},
	} {
		r := lessontest.Open(t, cnn.Info, "image=draw&drawing="+slideDrawing+"&"+tc.state)
		where := fmt.Sprintf("%d: %s", i, tc.state)
		lessontest.CheckReadouts(t, where, lessontest.Readouts(t, r), map[string]any{
			"in_h": 28.0, "in_w": 28.0, "out_h": tc.outH, "out_w": tc.outW,
			"out_min": tc.min, "out_max": tc.max, "out_mean": tc.mean, "out_sum": tc.sum,
			"pos_i": 0.0, "pos_j": 0.0, "status": nil, "note": nil,
		}, 1e-12)
		for n, p := range tc.pos {
			selectOutput(t, r, tc.convH, p[0], p[1])
			lessontest.CheckReadouts(t, fmt.Sprintf("%s at %v", where, p), lessontest.Readouts(t, r), map[string]any{
				"pos_i": float64(p[0]), "pos_j": float64(p[1]), "pos_sum": tc.posSum[n],
			}, 1e-12)
		}
		// The exported table is the final map.
		d, err := r.Data()
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Rows) != int(tc.outH) || len(d.Columns) != int(tc.outW) {
			t.Errorf("%s: Data is %d×%d, want %v×%v", where, len(d.Rows), len(d.Columns), tc.outH, tc.outW)
		}
	}
}

// TestSlideOutSize checks out_h and out_w against the course's formula
// O = ⌊(H + 2P − D·(k − 1) − 1)/S⌋ + 1, worked out by hand for each row.
func TestSlideOutSize(t *testing.T) {
	for i, tc := range []struct {
		state      string
		outH, outW float64
	}{
		{"", 28, 28},                                        // ⌊(30 + 0 − 3)/1⌋ + 1
		{"padding=1", 30, 30},                               // ⌊(30 + 2 − 3)/1⌋ + 1
		{"padding=1&stride=2", 15, 15},                      // ⌊(30 + 2 − 3)/2⌋ + 1 = 14 + 1
		{"stride=3", 10, 10},                                // ⌊27/3⌋ + 1
		{"stride=4", 7, 7},                                  // ⌊27/4⌋ + 1 = 6 + 1
		{"dilation=2", 26, 26},                              // span 5: ⌊25/1⌋ + 1
		{"dilation=3&padding=2&stride=2", 14, 14},           // span 7: ⌊(30 + 4 − 7)/2⌋ + 1 = 13 + 1
		{"kernel=gaussian-5&size=5", 1, 1},                  // ⌊0/1⌋ + 1
		{"kernel=" + slideK7 + "&size=9&padding=6", 15, 15}, // ⌊(9 + 12 − 7)/1⌋ + 1
		{"kernel=1&size=7&stride=8&padding=6", 3, 3},        // ⌊(7 + 12 − 1)/8⌋ + 1 = 2 + 1
		{"size=256&stride=8", 32, 32},                       // ⌊253/8⌋ + 1 = 31 + 1
	} {
		r := lessontest.Open(t, cnn.Info, tc.state)
		lessontest.CheckReadouts(t, fmt.Sprintf("%d: %q", i, tc.state), lessontest.Readouts(t, r),
			map[string]any{"out_h": tc.outH, "out_w": tc.outW}, 0)
	}
	// A non-square upload: 12 columns, 8 rows (not enlarged to size 30).
	r := lessontest.Open(t, cnn.Info, "padding=1&stride=2")
	img := lesson.Image{W: 12, H: 8, Pix: make([]byte, 4*12*8)}
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	if err := r.Upload(img, true); err != nil {
		t.Fatal(err)
	}
	// ⌊(8 + 2 − 3)/2⌋ + 1 = 4 rows, ⌊(12 + 2 − 3)/2⌋ + 1 = 6 columns.
	lessontest.CheckReadouts(t, "upload 12×8", lessontest.Readouts(t, r),
		map[string]any{"in_h": 8.0, "in_w": 12.0, "out_h": 4.0, "out_w": 6.0}, 0)
	f, err := r.Figure(800, 500)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"H: ⌊(8 + 2 − 3)/2⌋ + 1 = 4", "W: ⌊(12 + 2 − 3)/2⌋ + 1 = 6"} {
		if !hasText(f, "output", want) {
			t.Errorf("upload 12×8: output panel lacks %q", want)
		}
	}
}

// hasText reports whether panel id of f has a text item s.
func hasText(f *figure.Figure, id, s string) bool {
	for _, p := range f.Panels {
		if p.ID != id {
			continue
		}
		for _, it := range p.Items {
			if t, ok := it.(figure.Text); ok && t.S == s {
				return true
			}
		}
	}
	return false
}

// panelIDs lists the panels of f.
func panelIDs(f *figure.Figure) string {
	var ids []string
	for _, p := range f.Panels {
		ids = append(ids, p.ID)
	}
	return strings.Join(ids, " ")
}

// TestSlideImpossible checks that settings with no output explain
// themselves and that nothing else breaks.
func TestSlideImpossible(t *testing.T) {
	for i, tc := range []struct {
		state, status, panels string
		texts                 []string // in the last panel
	}{
		{"size=5&kernel=" + slideK7, "kernel_too_big{k=7,span=7,h=5,w=5,p=0}", "input problem",
			[]string{"k = 7 > H + 2P = 5", "= ⌊(5 + 0 − 7)/1⌋ + 1 = −1 < 1"}},
		{"size=5&kernel=gaussian-5&dilation=2&padding=1", "kernel_too_big{k=5,span=9,h=7,w=7,p=1}", "input problem",
			[]string{"D·(k − 1) + 1 = 9 > H + 2P = 7", "k′ = D·(k − 1) + 1 = 2·4 + 1 = 9", "= ⌊(5 + 2 − 9)/1⌋ + 1 = −1 < 1"}},
		{"size=5&pool=max&pool_size=4", "pool_too_big{s=4,h=3,w=3}", "input arith output final",
			[]string{"4×4 > 3×3", "⌊(3 − 4)/2⌋ + 1 = 0 < 1"}},
	} {
		where := fmt.Sprintf("%d: %s", i, tc.state)
		r := lessontest.Open(t, cnn.Info, tc.state)
		lessontest.CheckReadouts(t, where, lessontest.Readouts(t, r), map[string]any{
			"in_h": 5.0, "in_w": 5.0, "status": tc.status,
			"out_h": nil, "out_w": nil, "out_min": nil, "out_max": nil, "out_mean": nil, "out_sum": nil,
			"pos_i": nil, "pos_j": nil, "pos_sum": nil,
		}, 0)
		if d, _ := r.Data(); len(d.Rows) != 0 {
			t.Errorf("%s: Data has %d rows, want none", where, len(d.Rows))
		}
		f, err := r.Figure(800, 500)
		if err != nil {
			t.Fatal(err)
		}
		if got := panelIDs(f); got != tc.panels {
			t.Errorf("%s: panels %q, want %q", where, got, tc.panels)
		}
		last := f.Panels[len(f.Panels)-1].ID
		for _, s := range tc.texts {
			if !hasText(f, last, s) {
				t.Errorf("%s: panel %s lacks %q", where, last, s)
			}
		}
		// Playing, stepping and pointing do nothing and fail nothing.
		for _, a := range []string{lesson.ActStep, lesson.ActPlay} {
			if err := r.Act(a); err != nil {
				t.Fatal(err)
			}
		}
		r.Tick()
		if r.Playing() && tc.panels == "input problem" {
			t.Errorf("%s: still playing with no output", where)
		}
		for _, p := range []lesson.Pointer{
			{Phase: lesson.Down, Panel: "input", At: figure.Vec{X: 2, Y: 2}, Held: true},
			{Phase: lesson.Move, Panel: "input", At: figure.Vec{X: 3, Y: 1}, Held: true},
			{Phase: lesson.Up, Panel: "input", At: figure.Vec{X: 3, Y: 1}},
			{Phase: lesson.Move, Panel: "final", At: figure.Vec{X: 1, Y: 1}},
		} {
			if err := r.Pointer(p); err != nil {
				t.Fatalf("%s: Pointer(%+v): %v", where, p, err)
			}
		}
	}
}

// pos returns the position readouts.
func pos(t testing.TB, r *lesson.Runner) [2]float64 {
	t.Helper()
	ro := lessontest.Readouts(t, r)
	i, _ := ro["pos_i"].(float64)
	j, _ := ro["pos_j"].(float64)
	return [2]float64{i, j}
}

// TestSlideStep checks that step moves exactly one position in row-major
// order, play sweeps a 28×28 output in 25 s at speed 1 and stops at the
// end, and the next step or play starts over.
func TestSlideStep(t *testing.T) {
	r := lessontest.Open(t, cnn.Info, "")
	for n := 1; n <= 60; n++ {
		if err := r.Act(lesson.ActStep); err != nil {
			t.Fatal(err)
		}
		if got, want := pos(t, r), [2]float64{float64(n / 28), float64(n % 28)}; got != want {
			t.Fatalf("after %d steps: position %v, want %v", n, got, want)
		}
	}
	r.Act(lesson.ActReset)
	if got := pos(t, r); got != [2]float64{0, 0} {
		t.Fatalf("after reset: position %v, want (0, 0)", got)
	}
	// 783 moves at 784/25 positions a second, 60 ticks a second: the last
	// position is reached on tick ⌈783·25·60/784⌉ = 1499.
	r.Act(lesson.ActPlay)
	ticks := 0
	last := [2]float64{}
	for r.Playing() && ticks < 5000 {
		r.Tick()
		ticks++
		p := pos(t, r)
		if p[0]*28+p[1] < last[0]*28+last[1] {
			t.Fatalf("tick %d: position went back from %v to %v", ticks, last, p)
		}
		last = p
	}
	if ticks != 1499 || last != [2]float64{27, 27} {
		t.Errorf("play stopped after %d ticks at %v, want 1499 at (27, 27)", ticks, last)
	}
	r.Act(lesson.ActStep)
	if got := pos(t, r); got != [2]float64{0, 0} {
		t.Errorf("step after the end: position %v, want (0, 0)", got)
	}
	// Speed 10 is ten times as fast.
	r.Set("speed", 10)
	r.Act(lesson.ActPlay)
	ticks = 0
	for r.Playing() && ticks < 5000 {
		r.Tick()
		ticks++
	}
	if ticks < 149 || ticks > 151 {
		t.Errorf("speed 10: play took %d ticks, want about 150", ticks)
	}
}

// findBox returns the box with the given ID in panel id.
func findBox(t testing.TB, f *figure.Figure, panel, id string) figure.Rect {
	t.Helper()
	for _, p := range f.Panels {
		for _, it := range p.Items {
			if b, ok := it.(figure.Box); ok && p.ID == panel && b.ID == id {
				return b.R
			}
		}
	}
	t.Fatalf("no box %q in panel %q", id, panel)
	return figure.Rect{}
}

func centre(r figure.Rect) figure.Vec { return figure.Vec{X: (r.X0 + r.X1) / 2, Y: (r.Y0 + r.Y1) / 2} }

func point(t testing.TB, r *lesson.Runner, ps ...lesson.Pointer) {
	t.Helper()
	for _, p := range ps {
		if err := r.Pointer(p); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSlideDrag drags the window, clicks the input and the output, and
// checks that on a drawing only the window drags (a stroke elsewhere
// paints and keeps the position).
func TestSlideDrag(t *testing.T) {
	for _, tc := range []struct {
		name, state string
		h, oh       int // rows of the input and of the output
	}{
		{"digit", "padding=1&stride=2", 30, 15},
		{"drawing", "image=draw&drawing=" + slideDrawing + "&padding=1&stride=2", 28, 14},
	} {
		r := lessontest.Open(t, cnn.Info, tc.state)
		draw := strings.Contains(tc.state, "draw")
		selectOutput(t, r, tc.oh, 2, 3)
		f, _ := r.Figure(800, 500)
		win := findBox(t, f, "input", "window")
		// The window at (2, 3) covers rows 2·2 − 1 … 5 and columns
		// 3·2 − 1 … 7 of the padded input.
		h := float64(tc.h)
		if want := (figure.Rect{X0: 5, Y0: h - 6, X1: 8, Y1: h - 3}); win != want {
			t.Errorf("%s: window at %+v, want %+v", tc.name, win, want)
		}
		c := centre(win)
		// Grabbed off centre and moved 4 pixels right and 2 down: the
		// window's centre goes there too, two strides right, one down.
		grab := figure.Vec{X: c.X + 0.7, Y: c.Y - 0.4}
		to := figure.Vec{X: grab.X + 4, Y: grab.Y - 2}
		before := lessontest.Values(t, r).String("drawing")
		point(t, r,
			lesson.Pointer{Phase: lesson.Down, Panel: "input", At: grab, Hit: "window", Held: true},
			lesson.Pointer{Phase: lesson.Move, Panel: "input", At: to, Held: true},
			lesson.Pointer{Phase: lesson.Up, Panel: "input", At: to})
		if got := pos(t, r); got != [2]float64{3, 5} {
			t.Errorf("%s: after dragging the window: position %v, want (3, 5)", tc.name, got)
		}
		if after := lessontest.Values(t, r).String("drawing"); after != before {
			t.Errorf("%s: dragging the window painted on the drawing", tc.name)
		}
		// A press elsewhere on the input: the window jumps there, unless the
		// input is a drawing, which is painted instead.
		at := figure.Vec{X: 20.2, Y: h - 21.1} // row 21, column 20
		point(t, r,
			lesson.Pointer{Phase: lesson.Down, Panel: "input", At: at, Held: true},
			lesson.Pointer{Phase: lesson.Up, Panel: "input", At: at})
		// Centred there: j = round((20.2 − 1.5 + 1)/2) = 10, i = round((21.1 − 1.5 + 1)/2) = 10.
		want := [2]float64{10, 10}
		if draw {
			want = [2]float64{3, 5}
			if lessontest.Values(t, r).String("drawing") == before {
				t.Errorf("%s: a press on the drawing did not paint", tc.name)
			}
		}
		if got := pos(t, r); got != want {
			t.Errorf("%s: after a press on the input: position %v, want %v", tc.name, got, want)
		}
		// Dragging on the output map selects positions, clamped to the map.
		end := figure.Vec{X: 40, Y: float64(tc.oh) + 3}
		point(t, r,
			lesson.Pointer{Phase: lesson.Down, Panel: "output", At: figure.Vec{X: 0.5, Y: 0.5}, Held: true},
			lesson.Pointer{Phase: lesson.Move, Panel: "output", At: end, Held: true},
			lesson.Pointer{Phase: lesson.Up, Panel: "output", At: end})
		if got, want := pos(t, r), [2]float64{0, float64(tc.oh - 1)}; got != want {
			t.Errorf("%s: after dragging on the output: position %v, want %v", tc.name, got, want)
		}
	}
}

// TestSlideHover checks that hovering an output pixel shows its position
// and value, and that moving off restores the window's; that hovering a
// pooled pixel shows its max-pool winner; and that hovering a product
// writes it out.
func TestSlideHover(t *testing.T) {
	r := lessontest.Open(t, cnn.Info, "image=draw&drawing="+slideDrawing+"&bias=-0.5&relu=1&pool=max")
	selectOutput(t, r, 26, 3, 4)
	point(t, r, lesson.Pointer{Phase: lesson.Move, Panel: "output", At: figure.Vec{X: 7.5, Y: 26 - 5.5}})
	// c = conv(x, sobx, b=-0.5): c[5, 7] = −0.8 − 0.5.
	lessontest.CheckReadouts(t, "hover (5, 7)", lessontest.Readouts(t, r), map[string]any{
		"pos_i": 5.0, "pos_j": 7.0, "pos_sum": -1.3000000000000003}, 1e-12)
	f, _ := r.Figure(800, 500)
	if !hasText(f, "arith", "Y[5, 7] = −0.8 − 0.5 = −1.3") {
		t.Errorf("hover (5, 7): the arithmetic does not show Y[5, 7]")
	}
	point(t, r, lesson.Pointer{Phase: lesson.Move, Panel: "input", At: figure.Vec{X: 3, Y: 3}})
	lessontest.CheckReadouts(t, "hover off", lessontest.Readouts(t, r), map[string]any{
		"pos_i": 3.0, "pos_j": 4.0, "pos_sum": -2.033333333333333}, 1e-12)
	// Pooled pixel (1, 1) takes the max of ReLU(c)[2:4, 2:4]; in numpy
	// np.unravel_index(np.argmax(np.maximum(c, 0)[2:4, 2:4]), (2, 2)) = (1, 1),
	// so its winner is c[3, 3] = 1.1.
	point(t, r, lesson.Pointer{Phase: lesson.Move, Panel: "final", At: figure.Vec{X: 1.5, Y: 13 - 1.5}})
	lessontest.CheckReadouts(t, "hover pooled (1, 1)", lessontest.Readouts(t, r), map[string]any{
		"pos_i": 3.0, "pos_j": 3.0, "pos_sum": 1.1}, 1e-12)
	// Hover the product of tap (1, 2) in the arithmetic of the window at
	// (3, 4): K[1, 2] = 2 times x[4, 6] = lv[4, 6]/15 = 6/15.
	point(t, r, lesson.Pointer{Phase: lesson.Move, Panel: "input", At: figure.Vec{X: 3, Y: 3}})
	f, _ = r.Figure(800, 500)
	var prods *figure.Raster
	var arith *figure.Panel
	for _, p := range f.Panels {
		for _, it := range p.Items {
			if ra, ok := it.(figure.Raster); ok && p.ID == "arith" && strings.HasPrefix(ra.Key, "slide-prod") {
				prods, arith = &ra, p
			}
		}
	}
	if prods == nil {
		t.Fatal("no products grid in the arith panel")
	}
	cell := prods.R.W() / 3
	at := figure.Vec{X: prods.R.X0 + 2.5*cell, Y: prods.R.Y1 - 1.5*cell}
	point(t, r, lesson.Pointer{Phase: lesson.Move, Panel: "arith", At: at})
	f, _ = r.Figure(800, 500)
	if want := "X[4, 6]·K[1, 2] = 0.4·2 = 0.8"; !hasText(f, "arith", want) {
		t.Errorf("hover on tap (1, 2) of %s: no text %q", arith.ID, want)
	}
}

// TestSlideKeepsPlace checks that a stroke on the drawing keeps the
// window's place (reset without restart) while other changes restart.
func TestSlideKeepsPlace(t *testing.T) {
	r := lessontest.Open(t, cnn.Info, "image=draw")
	selectOutput(t, r, 26, 5, 6)
	at := figure.Vec{X: 20, Y: 4}
	point(t, r,
		lesson.Pointer{Phase: lesson.Down, Panel: "input", At: at, Held: true},
		lesson.Pointer{Phase: lesson.Move, Panel: "input", At: figure.Vec{X: 22, Y: 5}, Held: true},
		lesson.Pointer{Phase: lesson.Up, Panel: "input", At: figure.Vec{X: 22, Y: 5}})
	if lessontest.Values(t, r).String("drawing") == "" {
		t.Fatal("the stroke did not paint")
	}
	if got := pos(t, r); got != [2]float64{5, 6} {
		t.Errorf("after a stroke: position %v, want (5, 6)", got)
	}
	r.Set("kernel", "sobel-y")
	if got := pos(t, r); got != [2]float64{0, 0} {
		t.Errorf("after a new kernel: position %v, want (0, 0)", got)
	}
}

// TestSlideBias checks that the live bias shifts pos_sum and the map
// without moving the window.
func TestSlideBias(t *testing.T) {
	r := lessontest.Open(t, cnn.Info, "image=draw&drawing="+slideDrawing)
	selectOutput(t, r, 26, 5, 7)
	if _, _, err := r.Set("bias", 1.5); err != nil {
		t.Fatal(err)
	}
	// conv(x, sobx, b=1.5)[5, 7] and conv(x, sobx, b=1.5).min().
	lessontest.CheckReadouts(t, "bias 1.5", lessontest.Readouts(t, r), map[string]any{
		"pos_i": 5.0, "pos_j": 7.0, "pos_sum": 0.6999999999999998, "out_min": -1.3000000000000003}, 1e-12)
}

// TestSlideGolden keeps SVGs of the view at 800×500; look at them after
// a change (regenerate with go test ./lesson/cnn/ -update).
func TestSlideGolden(t *testing.T) {
	for _, tc := range []struct {
		name, state string
		ticks       int
	}{
		{"slide", "", 400},
		{"slide_pad_stride", "padding=1&stride=2", 150},
		{"slide_impossible", "size=5&kernel=gaussian-5&dilation=2", 0},
		{"slide_pool", "image=checkerboard&size=12&kernel=laplacian&relu=1&pool=max&dilation=2&padding=2", 200},
	} {
		r := lessontest.Open(t, cnn.Info, tc.state)
		r.Act(lesson.ActPlay)
		for range tc.ticks {
			r.Tick()
		}
		f, err := r.Figure(800, 500)
		if err != nil {
			t.Fatal(err)
		}
		lessontest.Golden(t, tc.name, f)
	}
}

// The slide benchmarks run at the largest size with a 7×7 kernel: a tick
// of play, and the figure built after it.
const slideBench = "size=256&kernel=" + slideK7 + "&speed=100"

func BenchmarkStepSlide(b *testing.B) {
	r := lessontest.Open(b, cnn.Info, slideBench)
	r.Act(lesson.ActPlay)
	for b.Loop() {
		r.Tick()
		if !r.Playing() {
			r.Act(lesson.ActPlay)
		}
	}
}

func BenchmarkFigureSlide(b *testing.B) {
	r := lessontest.Open(b, cnn.Info, slideBench)
	r.Act(lesson.ActPlay)
	for b.Loop() {
		r.Tick() // a change, so the figure is built again
		if !r.Playing() {
			r.Act(lesson.ActPlay)
		}
		if _, err := r.Figure(1280, 720); err != nil {
			b.Fatal(err)
		}
	}
}

// Example_slide slides Sobel x over a 30×30 image that brightens from
// left to right by 1/29 a column: a 3×3 kernel leaves 28×28 outputs, each
// (1 + 2 + 1)·2/29 = 8/29 ≈ 0.2759, the same everywhere.
func Example_slide() {
	r := lesson.NewRunner([]lesson.Info{cnn.Info})
	r.Open("cnn", "view=slide&image=gradient&kernel=sobel-x")
	for range 3 {
		r.Act(lesson.ActStep)
	}
	ro, _ := r.Readouts()
	for _, x := range ro {
		if v, ok := x.Value.(float64); ok {
			fmt.Printf("%s = %.4g\n", x.Name, v)
		}
	}
	// Output:
	// in_h = 30
	// in_w = 30
	// out_h = 28
	// out_w = 28
	// out_min = 0.2759
	// out_max = 0.2759
	// out_mean = 0.2759
	// out_sum = 216.3
	// pos_i = 0
	// pos_j = 3
	// pos_sum = 0.2759
}
