package cnn

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/aimath/playground/core/conv"
	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
)

// openChannels opens the lesson in the state q, which must show the
// channels view.
func openChannels(t testing.TB, q string) (*Lesson, *param.Values, *channelsView) {
	t.Helper()
	v := param.New(Info.Params)
	if errs := v.Decode(q); len(errs) > 0 {
		t.Fatalf("Decode(%q) = %v", q, errs)
	}
	l := new(Lesson)
	l.Reset(v)
	s, ok := l.cur.(*channelsView)
	if !ok {
		t.Fatalf("state %q does not show the channels view", q)
	}
	return l, v, s
}

func readoutMap(ros []lesson.Readout) map[string]any {
	m := map[string]any{}
	for _, r := range ros {
		m[r.Name] = r.Value
	}
	return m
}

// naiveConv is the layer by its definition (core/conv's package comment):
// Y[k,oy,ox] = b + Σ_c Σ_i Σ_j K[k][c,i,j]·X[c, oy·S−P+i·D, ox·S−P+j·D],
// zero outside X.
func naiveConv(x *conv.Tensor, kernels []conv.Tensor, b float64, p conv.Params, k, oy, ox int) float64 {
	kt := &kernels[k]
	sum := 0.0
	for c := range x.C {
		for i := range kt.H {
			for j := range kt.W {
				y, xx := oy*p.Stride-p.Pad+i*p.Dilation, ox*p.Stride-p.Pad+j*p.Dilation
				if y >= 0 && y < x.H && xx >= 0 && xx < x.W {
					sum += kt.At(c, i, j) * x.At(c, y, xx)
				}
			}
		}
	}
	return sum + b
}

// TestChannelsPartialsSum checks, at every position and for every kernel,
// that the partial maps plus the bias give the output channel exactly,
// that the output channel is the layer's definition with the C×k×k
// kernels (to rounding), and that kernel k's slice c is weights[k][c]
// times the 2-D kernel.
func TestChannelsPartialsSum(t *testing.T) {
	for i, q := range []string{
		"view=channels&image=color",
		"view=channels&image=color&kernels=4&bias=0.3&kernel=sharpen",
		"view=channels&image=color&kernels=3&weights=0.5,-2,1;1.5,0,-0.5;3,1,2&padding=2&stride=3&dilation=2&bias=-1",
		"view=channels&image=circle&kernels=2&kernel=gaussian-5&padding=1",
	} {
		_, v, s := openChannels(t, q)
		x, p := s.in.x, s.in.p
		w := v.Matrix(pWeights)
		if len(s.kernels) != v.Int(pKernels) || s.pl.conv.C != len(s.kernels) {
			t.Errorf("%d: %d kernels, %d output channels, want %d", i, len(s.kernels), s.pl.conv.C, v.Int(pKernels))
		}
		for k := range s.kernels {
			if s.kernels[k].C != x.C {
				t.Errorf("%d: kernel %d has %d channels, want %d", i, k, s.kernels[k].C, x.C)
			}
			for c := range x.C {
				for n, kv := range s.kernels[k].Channel(c) {
					if want := w[k][c] * kernelTensor(s.in.kernel).Data[n]; kv != want {
						t.Errorf("%d: kernel %d slice %d value %d = %v, want %v", i, k, c, n, kv, want)
					}
				}
			}
			for oy := range s.oh {
				for ox := range s.ow {
					// Exactly: the partials added in channel order, then b.
					got := s.pl.conv.At(k, oy, ox)
					sum := 0.0
					for c := range x.C {
						sum += s.part[k].At(c, oy, ox)
					}
					if sum += s.in.bias; sum != got {
						t.Errorf("%d: Σ partials + b at (%d, %d, %d) = %v, want Y = %v", i, k, oy, ox, sum, got)
					}
					if want := naiveConv(x, s.kernels, s.in.bias, p, k, oy, ox); !scalar.EqualWithinAbsOrRel(got, want, 1e-12, 1e-12) {
						t.Errorf("%d: Y at (%d, %d, %d) = %v, want %v", i, k, oy, ox, got, want)
					}
				}
			}
		}
	}
}

// TestChannelsScipy runs a hand-made 3×4×4 input through the view (3×3
// kernel, two kernels, padding 1, bias 0.1, ReLU, 2×2 pooling) and
// compares with scipy. The reference, with
// X[c][r][col] = ((4r + col)(c + 1) mod 5)/4,
// K = [[0.5,-1,0],[1,2,-0.5],[0,1,-1]], W = [[1,0.5,-1],[2,-1,0.25]]:
//
//	parts[k][c] = W[k,c]*scipy.signal.correlate2d(np.pad(X[c],1), K, mode='valid')
//	Y = parts.sum(axis=1) + 0.1
//	P = np.maximum(Y,0).reshape(2,2,2,2,2).max(axis=(2,4))   (mean for avg)
func TestChannelsScipy(t *testing.T) {
	x := conv.New(3, 4, 4)
	for c := range 3 {
		for r := range 4 {
			for col := range 4 {
				x.Set(c, r, col, float64((4*r+col)*(c+1)%5)/4)
			}
		}
	}
	wantParts := [2][3][4][4]float64{
		{
			{{0.875, 0.0, 0.625, 2.5}, {1.75, 1.625, -0.375, 1.0}, {-0.25, 3.0, 1.625, 0.125}, {-0.125, 0.875, 3.25, 0.75}},
			{{0.25, 0.0, 0.9375, 1.25}, {0.5, 0.375, -0.375, 1.625}, {0.0625, 0.8125, 0.375, 0.125}, {0.8125, 0.25, 1.0625, 0.125}},
			{{-0.125, -0.625, -1.25, -2.5}, {-1.5, 0.125, -0.75, -1.125}, {-0.5, -2.75, 0.125, -1.625}, {1.0, -2.0, -2.25, 0.25}},
		},
		{
			{{1.75, 0.0, 1.25, 5.0}, {3.5, 3.25, -0.75, 2.0}, {-0.5, 6.0, 3.25, 0.25}, {-0.25, 1.75, 6.5, 1.5}},
			{{-0.5, 0, -1.875, -2.5}, {-1.0, -0.75, 0.75, -3.25}, {-0.125, -1.625, -0.75, -0.25}, {-1.625, -0.5, -2.125, -0.25}},
			{{0.03125, 0.15625, 0.3125, 0.625}, {0.375, -0.03125, 0.1875, 0.28125}, {0.125, 0.6875, -0.03125, 0.40625}, {-0.25, 0.5, 0.5625, -0.0625}},
		},
	}
	wantY := [2][4][4]float64{
		{{1.1, -0.525, 0.4125, 1.35}, {0.85, 2.225, -1.4, 1.6}, {-0.5875, 1.1625, 2.225, -1.275}, {1.7875, -0.775, 2.1625, 1.225}},
		{{1.38125, 0.25625, -0.2125, 3.225}, {2.975, 2.56875, 0.2875, -0.86875}, {-0.4, 5.1625, 2.56875, 0.50625}, {-2.025, 1.85, 5.0375, 1.2875}},
	}
	wantPool := map[string][2][2][2]float64{
		poolMax: {{{2.225, 1.6}, {1.7875, 2.225}}, {{2.975, 3.225}, {5.1625, 5.0375}}},
		poolAvg: {{{1.0437500000000002, 0.8406250000000001}, {0.7375, 1.4031250000000002}}, {{1.7953125, 0.878125}, {1.7531249999999998, 2.3499999999999996}}},
	}
	for _, pool := range []string{poolMax, poolAvg} {
		in := &input{x: x, gray: luma(x), kernel: [][]float64{{0.5, -1, 0}, {1, 2, -0.5}, {0, 1, -1}},
			p: conv.Params{Pad: 1, Stride: 1, Dilation: 1}, bias: 0.1, relu: true, pool: pool, poolSz: 2, poolSt: 2}
		v := param.New(Info.Params)
		if _, _, err := v.Set(pWeights, [][]float64{{1, 0.5, -1}, {2, -1, 0.25}}); err != nil {
			t.Fatal(err)
		}
		var s channelsView
		s.reset(in, v, true)
		const tol = 1e-12
		for k := range 2 {
			for r := range 4 {
				for c := range 4 {
					for ch := range 3 {
						if got, want := s.part[k].At(ch, r, c), wantParts[k][ch][r][c]; !scalar.EqualWithinAbsOrRel(got, want, tol, tol) {
							t.Errorf("%s: part[%d][%d](%d, %d) = %v, want %v", pool, k, ch, r, c, got, want)
						}
					}
					if got, want := s.pl.conv.At(k, r, c), wantY[k][r][c]; !scalar.EqualWithinAbsOrRel(got, want, tol, tol) {
						t.Errorf("%s: Y[%d](%d, %d) = %v, want %v", pool, k, r, c, got, want)
					}
					if got, want := s.pl.act.At(k, r, c), math.Max(0, wantY[k][r][c]); !scalar.EqualWithinAbsOrRel(got, want, tol, tol) {
						t.Errorf("%s: ReLU(Y)[%d](%d, %d) = %v, want %v", pool, k, r, c, got, want)
					}
				}
			}
			for r := range 2 {
				for c := range 2 {
					if got, want := s.pl.out.At(k, r, c), wantPool[pool][k][r][c]; !scalar.EqualWithinAbsOrRel(got, want, tol, tol) {
						t.Errorf("%s: pooled[%d](%d, %d) = %v, want %v", pool, k, r, c, got, want)
					}
				}
			}
		}
		// Position (1, 2): the readouts are kernel 1's partials there.
		s.setPos(1, 2)
		lessontest.CheckReadouts(t, pool, readoutMap(s.readouts()), map[string]any{
			"in_c": 3.0, "kernels": 2.0, "conv_h": 4.0, "conv_w": 4.0, "out_h": 2.0, "out_w": 2.0,
			"pos_i": 1.0, "pos_j": 2.0, "pos_sum": -1.4, "part_r": -0.375, "part_g": -0.375, "part_b": -0.75,
		}, tol)
	}
}

// TestChannelsReadouts checks sizes, the number of output channels, ReLU,
// pooling and the messages for impossible settings.
func TestChannelsReadouts(t *testing.T) {
	for i, tc := range []struct {
		q    string
		want map[string]any
	}{
		{"view=channels&image=color", map[string]any{"in_h": 30.0, "in_w": 30.0, "in_c": 3.0, "kernels": 2.0,
			"conv_h": 28.0, "conv_w": 28.0, "out_h": 28.0, "out_w": 28.0, "pos_i": 0.0, "pos_j": 0.0, "status": nil}},
		{"view=channels&image=color&kernels=4", map[string]any{"kernels": 4.0, "out_h": 28.0}},
		{"view=channels&image=circle", map[string]any{"in_c": 1.0, "part_r": nil}},
		// Pooled size ⌊(O − s)/t⌋ + 1 with O = 28.
		{"view=channels&image=color&pool=max&pool_size=2&pool_stride=2", map[string]any{"out_h": 14.0, "out_w": 14.0, "conv_h": 28.0}},
		{"view=channels&image=color&pool=avg&pool_size=3&pool_stride=2", map[string]any{"out_h": 13.0}},
		{"view=channels&image=color&pool=max&pool_size=3&pool_stride=1", map[string]any{"out_h": 26.0}},
		{"view=channels&image=color&pool=avg&pool_size=4&pool_stride=3", map[string]any{"out_h": 9.0}},
		{"view=channels&image=color&pool=max&pool_size=1&pool_stride=1", map[string]any{"out_h": 28.0}},
		{"view=channels&image=color&stride=2&padding=1", map[string]any{"conv_h": 15.0, "out_h": 15.0}},
		// A 5×5 input and a 3×3 kernel give 3×3: a 4×4 pool does not fit.
		{"view=channels&image=color&size=5&pool=max&pool_size=4", map[string]any{
			"status": "pool_too_big{s=4,h=3,w=3}", "conv_h": 3.0, "in_c": 3.0,
			"out_h": nil, "out_sum": nil, "pos_i": nil, "pos_sum": nil, "part_r": nil}},
		{"view=channels&image=color&size=5&kernel=gaussian-5&dilation=2", map[string]any{
			"status": "kernel_too_big{k=5,span=9,h=5,w=5,p=0}", "conv_h": nil, "out_h": nil, "pos_i": nil, "kernels": 2.0}},
		{"view=channels&image=upload", map[string]any{"note": "no_upload", "in_c": 1.0}},
	} {
		l, _, _ := openChannels(t, tc.q)
		lessontest.CheckReadouts(t, fmt.Sprintf("%d (%s)", i, tc.q), readoutMap(l.Readouts()), tc.want, 1e-12)
		rows := l.Data().Rows
		if st, _ := tc.want["status"].(string); st != "" && len(rows) != 0 {
			t.Errorf("%d: Data() with status %s has %d rows, want none", i, st, len(rows))
		}
	}
}

// TestChannelsFinal checks that the readouts and the data are the final
// maps: ReLU zeroes the negatives, pooling follows, and the statistics
// cover every output channel.
func TestChannelsFinal(t *testing.T) {
	for _, q := range []string{
		"view=channels&image=color&bias=-0.5",
		"view=channels&image=color&bias=-0.5&relu=true",
		"view=channels&image=color&kernels=3&relu=true&pool=avg&pool_size=3&pool_stride=2",
	} {
		l, v, s := openChannels(t, q)
		rows := l.Data().Rows
		out := s.pl.out
		if len(rows) != out.C*out.H {
			t.Fatalf("%s: Data() has %d rows, want %d·%d", q, len(rows), out.C, out.H)
		}
		lo, sum, neg := math.Inf(1), 0.0, false
		for n, row := range rows {
			for c, y := range row {
				if y != out.Data[n*out.W+c] {
					t.Fatalf("%s: Data() row %d column %d = %v, want %v", q, n, c, y, out.Data[n*out.W+c])
				}
				lo = math.Min(lo, y)
				sum += y
			}
		}
		for _, y := range s.pl.conv.Data {
			neg = neg || y < 0
		}
		if !neg {
			t.Fatalf("%s: no negative output before ReLU; the test needs one", q)
		}
		ro := readoutMap(l.Readouts())
		if v.Bool(pReLU) && lo < 0 {
			t.Errorf("%s: ReLU on, smallest output %v, want ≥ 0", q, lo)
		}
		if !v.Bool(pReLU) && lo >= 0 {
			t.Errorf("%s: ReLU off, smallest output %v, want < 0", q, lo)
		}
		lessontest.CheckReadouts(t, q, ro, map[string]any{"out_min": lo, "out_sum": sum}, 1e-9)
	}
}

// TestChannelsStep checks play's pace, the step action and where play
// stops and starts over.
func TestChannelsStep(t *testing.T) {
	l, v, s := openChannels(t, "view=channels&image=color")
	// 28×28 outputs at speed 1: max(4, 784/25) = 31.36 positions a second.
	for range 60 {
		l.Step(v)
	}
	if s.pos != 31 {
		t.Errorf("after 60 ticks: position %d, want 31", s.pos)
	}
	if !l.StepUnit(v) || s.pos != 32 {
		t.Errorf("StepUnit: position %d, want 32", s.pos)
	}
	ticks := 0
	for l.Step(v) {
		ticks++
	}
	if i, j := s.at(); i != 27 || j != 27 {
		t.Errorf("play stopped at (%d, %d), want (27, 27)", i, j)
	}
	// (783 − 32)/31.36·60 ≈ 1437 ticks.
	if ticks < 1430 || ticks > 1440 {
		t.Errorf("play took %d ticks, want about 1437", ticks)
	}
	if !l.Step(v) || s.pos != 0 {
		t.Errorf("play from the end: position %d, want 0", s.pos)
	}
	// A new bias keeps the position; new settings start over.
	s.setPos(5, 6)
	v.Set(pBias, 0.5)
	l.Tune(pBias, v)
	sum := s.part[0].At(0, 5, 6) + s.part[0].At(1, 5, 6) + s.part[0].At(2, 5, 6) + 0.5
	if i, j := s.at(); i != 5 || j != 6 || s.pl.conv.At(0, 5, 6) != sum {
		t.Errorf("after Tune(bias): position (%d, %d), Y = %v; want (5, 6), Σ partials + 0.5 = %v", i, j, s.pl.conv.At(0, 5, 6), sum)
	}
	v.Set(pKernels, 3)
	l.Reset(v)
	if s.pos != 0 || len(s.kernels) != 3 {
		t.Errorf("after Reset: position %d with %d kernels, want 0 with 3", s.pos, len(s.kernels))
	}
	// At speed 100 a tick moves ⌊100·31.36/60⌋ = 52 positions.
	v.Set(pSpeed, 100.0)
	if l.Step(v); s.pos != 52 {
		t.Errorf("one tick at speed 100: position %d, want 52", s.pos)
	}
}

// TestChannelsPointer checks that pointing at maps selects positions and
// that the input moves the receptive field, except on a drawing, where a
// drag paints unless it starts on the field.
func TestChannelsPointer(t *testing.T) {
	l, v, s := openChannels(t, "view=channels&image=color&relu=true&pool=max")
	at := func(h, r, c int) figure.Vec { return figure.Vec{X: float64(c) + 0.5, Y: float64(h-r) - 0.5} }
	for i, tc := range []struct {
		p          lesson.Pointer
		changed    bool
		wantI, wan int
	}{
		{lesson.Pointer{Phase: lesson.Move, Panel: "part-1-2", At: at(28, 3, 5)}, true, 3, 5},
		{lesson.Pointer{Phase: lesson.Move, Panel: "part-1-2", At: at(28, 3, 5)}, false, 3, 5},
		{lesson.Pointer{Phase: lesson.Down, Panel: "conv-0", At: at(28, 20, 1), Held: true}, true, 20, 1},
		{lesson.Pointer{Phase: lesson.Move, Panel: "relu-1", At: at(28, 21, 2), Held: true}, true, 21, 2},
		{lesson.Pointer{Phase: lesson.Up, Panel: "relu-1", At: at(28, 21, 2)}, false, 21, 2},
		// Centre of the 3×3 field on pixel (10, 12): output (9, 11).
		{lesson.Pointer{Phase: lesson.Down, Panel: panelInput, At: at(30, 10, 12), Held: true}, true, 9, 11},
		{lesson.Pointer{Phase: lesson.Move, Panel: "chan-2", At: at(30, 0, 0), Held: true}, true, 0, 0},
		{lesson.Pointer{Phase: lesson.Up, Panel: "chan-2", At: at(30, 0, 0)}, false, 0, 0},
		// Hovering the input does nothing; neither does the diagram.
		{lesson.Pointer{Phase: lesson.Move, Panel: panelInput, At: at(30, 10, 12)}, false, 0, 0},
		{lesson.Pointer{Phase: lesson.Down, Panel: chPanelNet, At: figure.Vec{X: 5, Y: 5}, Held: true}, false, 0, 0},
		{lesson.Pointer{Phase: lesson.Move, Panel: "conv-0", At: at(28, 4, 4), Held: true}, false, 0, 0},
	} {
		if got := l.Pointer(tc.p, v); got != tc.changed {
			t.Errorf("%d: Pointer(%+v) = %v, want %v", i, tc.p, got, tc.changed)
		}
		if gi, gj := s.at(); gi != tc.wantI || gj != tc.wan {
			t.Errorf("%d: after Pointer(%+v) position (%d, %d), want (%d, %d)", i, tc.p, gi, gj, tc.wantI, tc.wan)
		}
	}
	// A pooled cell selects where its maximum came from.
	for k := range 2 {
		l.Pointer(lesson.Pointer{Phase: lesson.Move, Panel: fmt.Sprintf("pool-%d", k), At: at(14, 6, 9)}, v)
		i, j := s.at()
		if i/2 != 6 || j/2 != 9 || s.pl.act.At(k, i, j) != s.pl.out.At(k, 6, 9) {
			t.Errorf("pool-%d cell (6, 9): position (%d, %d) holds %v, want the window's maximum %v",
				k, i, j, s.pl.act.At(k, i, j), s.pl.out.At(k, 6, 9))
		}
		if r, c, ok := s.poolCell(i, j); !ok || r != 6 || c != 9 {
			t.Errorf("poolCell(%d, %d) = %d, %d, %v, want 6, 9, true", i, j, r, c, ok)
		}
	}
	v.Set(pPool, poolAvg)
	l.Reset(v)
	l.Pointer(lesson.Pointer{Phase: lesson.Move, Panel: "pool-0", At: at(14, 6, 9)}, v)
	if i, j := s.at(); i != 12 || j != 18 {
		t.Errorf("avg pool-0 cell (6, 9): position (%d, %d), want (12, 18)", i, j)
	}

	// On a drawing, a drag on the input paints and keeps the position...
	l, v, s = openChannels(t, "view=channels&image=draw")
	for range 40 {
		l.StepUnit(v)
	}
	if !l.Pointer(lesson.Pointer{Phase: lesson.Down, Panel: panelInput, At: at(28, 14, 14), Held: true}, v) || v.String(pDrawing) == "" {
		t.Errorf("a drag on the drawing did not paint")
	}
	l.Pointer(lesson.Pointer{Phase: lesson.Up, Panel: panelInput, At: at(28, 14, 14)}, v)
	if s.pos != 40 {
		t.Errorf("after painting: position %d, want 40", s.pos)
	}
	// ... and one that starts on the field moves it.
	drawing := v.String(pDrawing)
	l.Pointer(lesson.Pointer{Phase: lesson.Down, Panel: panelInput, At: at(28, 2, 14), Hit: chField, Held: true}, v)
	l.Pointer(lesson.Pointer{Phase: lesson.Move, Panel: panelInput, At: at(28, 20, 5), Held: true}, v)
	if i, j := s.at(); i != 19 || j != 4 || v.String(pDrawing) != drawing {
		t.Errorf("dragging the field: position (%d, %d), drawing changed %v; want (19, 4), unchanged", i, j, v.String(pDrawing) != drawing)
	}
}

// TestChannelsViewSwitch checks that entering the view from a gray image
// brings the colour one, and that a gray image gives 1×k×k kernels.
func TestChannelsViewSwitch(t *testing.T) {
	r := lessontest.Open(t, Info, "view=slide&image=digit")
	if _, _, err := r.Set(pView, viewChannels); err != nil {
		t.Fatal(err)
	}
	lessontest.CheckReadouts(t, "slide → channels", lessontest.Readouts(t, r), map[string]any{"in_c": 3.0}, 0)

	_, _, s := openChannels(t, "view=channels&image=circle&kernels=3")
	// Gray: only column 0 of the weights counts; its rows are 1, 1, 0.
	for k, w := range []float64{1, 1, 0} {
		if s.kernels[k].C != 1 {
			t.Errorf("gray kernel %d has %d channels, want 1", k, s.kernels[k].C)
		}
		for n, y := range s.pl.conv.Channel(k) {
			if want := w * s.base.Data[n]; y != want {
				t.Fatalf("gray Y[%d] value %d = %v, want %v", k, n, y, want)
			}
		}
	}
}

// TestChannelsKeys checks that the maps' raster keys stay put while play
// moves the position, and change when the maps do.
func TestChannelsKeys(t *testing.T) {
	l, v, _ := openChannels(t, "view=channels&image=color&relu=true&pool=max")
	keys := func() map[string]string {
		m := map[string]string{}
		for _, p := range l.Figure(800, 500).Panels {
			for n, it := range p.Items {
				if r, ok := it.(figure.Raster); ok {
					m[fmt.Sprintf("%s/%d", p.ID, n)] = r.Key
				}
			}
		}
		return m
	}
	before := keys()
	l.Step(v)
	l.StepUnit(v)
	if after := keys(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("raster keys changed with the position:\n%v\n%v", before, after)
	}
	v.Set(pBias, 0.2)
	l.Tune(pBias, v)
	after := keys()
	for id, k := range before {
		moved := after[id] != k
		if want := strings.HasPrefix(id, "conv") || strings.HasPrefix(id, "relu") || strings.HasPrefix(id, "pool"); moved != want {
			t.Errorf("after Tune(bias) raster %s key %s → %s, want a change %v", id, k, after[id], want)
		}
	}
}

func TestChannelsGolden(t *testing.T) {
	for _, tc := range []struct {
		name, q string
		units   int
	}{
		{"channels", "view=channels&image=color", 290},
		{"channels_relu_max", "view=channels&image=color&relu=true&pool=max", 290},
		{"channels_k4", "view=channels&image=color&kernels=4&bias=-0.5&relu=true&pool=avg", 290},
	} {
		l, v, _ := openChannels(t, tc.q)
		for range tc.units {
			l.StepUnit(v)
		}
		lessontest.Golden(t, tc.name, l.Figure(800, 500))
	}
}

// Example_channels is a position on the edge where the red and green
// discs of the colour image meet: Sobel x sees a falling edge in red and
// a rising one in green, which kernel 1 (weights 1, 1, 1) adds up.
func Example_channels() {
	v := param.New(Info.Params)
	v.Decode("view=channels&image=color&bias=0.5")
	l := new(Lesson)
	l.Reset(v)
	for range 97 {
		l.StepUnit(v)
	}
	for _, r := range l.Readouts() {
		switch r.Name {
		case "in_c", "kernels", "conv_h", "conv_w", "pos_i", "pos_j", "part_r", "part_g", "part_b", "pos_sum":
			fmt.Printf("%s = %v\n", r.Name, r.Value)
		}
	}
	// Output:
	// pos_i = 3
	// pos_j = 13
	// pos_sum = 0.125
	// in_c = 3
	// kernels = 2
	// conv_h = 28
	// conv_w = 28
	// part_r = -1.4375
	// part_g = 1.0625
	// part_b = 0
}

// chBench is the heaviest case: a 256×256 colour image, four kernels of
// 3×7×7, ReLU and max pooling, played fast.
const chBench = "view=channels&image=color&size=256&kernels=4&relu=true&pool=max&speed=20&kernel=" +
	"1,2,3,0,-3,-2,-1;1,2,3,0,-3,-2,-1;1,2,3,0,-3,-2,-1;1,2,3,0,-3,-2,-1;1,2,3,0,-3,-2,-1;1,2,3,0,-3,-2,-1;1,2,3,0,-3,-2,-1"

// BenchmarkStepChannels is one tick of play.
func BenchmarkStepChannels(b *testing.B) {
	l, v, _ := openChannels(b, chBench)
	for b.Loop() {
		l.Step(v)
	}
}

// BenchmarkFigureChannels is the figure the renderer asks for after each
// tick of play.
func BenchmarkFigureChannels(b *testing.B) {
	l, v, _ := openChannels(b, chBench)
	for range 100 {
		l.Step(v)
	}
	for b.Loop() {
		l.Figure(1280, 720)
	}
}

// BenchmarkResetChannels is a change of settings: every map afresh.
func BenchmarkResetChannels(b *testing.B) {
	l, v, _ := openChannels(b, chBench)
	for b.Loop() {
		l.Reset(v)
	}
}

// BenchmarkTuneChannels is one move of the bias slider.
func BenchmarkTuneChannels(b *testing.B) {
	l, v, _ := openChannels(b, chBench)
	for b.Loop() {
		l.Tune(pBias, v)
	}
}
