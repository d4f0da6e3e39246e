package nn

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/nn"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
)

// trRefQuery is the issue's reference workload, TensorFlow Playground's
// own: spiral, 500 points, noise 0, half for training, inputs x1 and x2,
// hidden [8, 8] tanh, tanh output and MSE, lr 0.03, batch 10, no
// regularisation.
const trRefQuery = "view=train&dataset=spiral&noise=0&train_ratio=50&features=x1,x2&layers=8,8&activation=tanh&output=tanh&lr=0.03&batch=10&reg=none"

// trOpen returns the train view of a lesson reset to the state query.
func trOpen(tb testing.TB, query string) (*trainView, *param.Values) {
	tb.Helper()
	v := param.New(Info.Params)
	if errs := v.Decode(query); len(errs) > 0 {
		tb.Fatalf("Decode(%q): %v", query, errs)
	}
	l := new(Lesson)
	l.Reset(v)
	return &l.train, v
}

// trAct performs actions on a runner.
func trAct(t testing.TB, r *lesson.Runner, names ...string) {
	t.Helper()
	for _, a := range names {
		if err := r.Act(a); err != nil {
			t.Fatalf("Act(%s): %v", a, err)
		}
	}
}

// trPoints are the custom points of the NumPy reference (testdata/train_ref.py).
const trPoints = "1.5,2,1;-2,1,0;0.5,-3,1;-4,-1.25,0;3,3.5,0;-1,-0.5,1;2.25,-1,0;-3.5,2.75,1"

// TestTrainMatchesNumPy: training on the custom points gives, epoch after
// epoch, the losses and accuracies of an independent NumPy loop with
// TensorFlow Playground's semantics from the same initial weights
// (`/usr/bin/python3 lesson/nn/testdata/train_ref.py`; the script cites
// where its weights come from): batches in order with a shorter last one,
// L2, L1 with its stop at 0, softmax + CE, sigmoid + BCE.
func TestTrainMatchesNumPy(t *testing.T) {
	for i, tc := range []struct {
		query string
		loss  [5]float64
		acc   [5]float64
	}{
		{"features=x1,x2,x1x2&layers=3&activation=tanh&output=tanh&lr=0.1&batch=3&reg=l2&reg_rate=0.01&seed=5",
			[5]float64{0.5757638056976132, 0.5361756905135802, 0.5068763106639612, 0.48834082503923265, 0.47825594794039694},
			[5]float64{0.375, 0.375, 0.5, 0.5, 0.5}},
		{"features=x1,x2&layers=4,2&activation=sigmoid&output=softmax&lr=1&batch=4&reg=l1&reg_rate=0.05&seed=6",
			[5]float64{0.6931192397424121, 0.6932400221389255, 0.6932194612604105, 0.6932401553567693, 0.6931862550119752},
			[5]float64{0.5, 0.5, 0.5, 0.5, 0.5}},
		{"features=x1,x2,sinx1&layers=3&activation=elu&output=sigmoid&lr=0.2&batch=5&reg=none&seed=7",
			[5]float64{0.7044975082285602, 0.7080010098276677, 0.7109131012752925, 0.7128054191306807, 0.7138456324032462},
			[5]float64{0.5, 0.5, 0.5, 0.5, 0.5}},
	} {
		r := lessontest.Open(t, Info, "dataset=custom&points="+trPoints+"&"+tc.query)
		for e := range 5 {
			trAct(t, r, lesson.ActStep)
			lessontest.CheckReadouts(t, fmt.Sprintf("%d: epoch %d", i, e+1), lessontest.Readouts(t, r), map[string]any{
				"epoch": float64(e + 1), "loss_train": tc.loss[e], "acc_train": tc.acc[e],
				"loss_test": nil, "acc_test": nil, // the custom points are all training points
			}, 1e-9)
		}
	}
}

// TestTrainUnitIsOneEpoch: the step action is one nn.SGD.Epoch on the
// training set, from core/nn's Init(seed) network; play at speed 1 takes
// two ticks per epoch (30 epochs a second at 60 ticks), speed 10 five per
// tick.
func TestTrainUnitIsOneEpoch(t *testing.T) {
	s, v := trOpen(t, "")
	d, err := nn.Dataset("circle", maxPoints, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := d.Split(0.5)
	net, err := nn.New(nn.Config{Sizes: []int{2, 4, 2, 1}, Hidden: nn.Tanh, Output: nn.Tanh, Loss: nn.MSE}, 1)
	if err != nil {
		t.Fatal(err)
	}
	set, err := tr.Set(net, []nn.Feature{nn.X1, nn.X2})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.net.Params, net.Params) {
		t.Fatalf("initial parameters = %v, want nn.New(..., seed 1): %v", s.net.Params, net.Params)
	}
	sgd := nn.SGD{LR: 0.03, Batch: 10}
	for e := 1; e <= 3; e++ {
		s.unit(v)
		sgd.Epoch(net, set)
		if s.epoch != e || !slices.Equal(s.net.Params, net.Params) {
			t.Fatalf("after unit %d: epoch %d, parameters %v, want %v", e, s.epoch, s.net.Params, net.Params)
		}
	}
	for i, tc := range []struct {
		speed       string
		ticks, want int
	}{
		{"1", 2, 1}, {"1", 61, 30}, {"10", 1, 5}, {"0.1", 20, 1},
	} {
		s, v := trOpen(t, "speed="+tc.speed)
		for range tc.ticks {
			if !s.step(v) {
				t.Fatalf("%d: step stopped", i)
			}
		}
		if s.epoch != tc.want || s.evalEpoch != tc.want {
			t.Errorf("%d: %d ticks at speed %s: epoch %d (losses of %d), want %d", i, tc.ticks, tc.speed, s.epoch, s.evalEpoch, tc.want)
		}
	}
}

// TestTrainSpiral: the spiral is learnable with the settings a student
// brings from TensorFlow Playground (the issue's reference workload:
// x1, x2, [8, 8] tanh, lr 0.03, batch 10, noise 0): over 90 % of the
// training points right within 1000 epochs, for several seeds.
func TestTrainSpiral(t *testing.T) {
	seeds := []int{1, 2, 3}
	if testing.Short() {
		seeds = seeds[:1]
	}
	for _, seed := range seeds {
		s, _ := trOpen(t, trRefQuery+"&seed="+strconv.Itoa(seed))
		for s.epoch < 1000 && !(s.accTr > 0.9) {
			for range 25 {
				s.batches(math.Inf(1))
			}
			s.evaluate()
		}
		if !(s.accTr > 0.9) || s.status != "" {
			t.Errorf("seed %d: training accuracy %v after %d epochs (status %q), want > 0.9 within 1000", seed, s.accTr, s.epoch, s.status)
		}
		t.Logf("seed %d: training accuracy %v after %d epochs", seed, s.accTr, s.epoch)
	}
}

// TestTrainCustomPoints: on the custom data set a press on the output plot
// adds a point (class 1 with the primary button, class 0 with the other),
// coordinates to two decimals, and a press on a point removes it.
func TestTrainCustomPoints(t *testing.T) {
	r := lessontest.Open(t, Info, "dataset=custom")
	ro := lessontest.Readouts(t, r)
	lessontest.CheckReadouts(t, "no points", ro, map[string]any{"note": trNoteNoPoints, "loss_train": nil, "epoch": 0.0}, 0)
	press := func(at figure.Vec, hit string, button int) {
		t.Helper()
		for _, p := range []lesson.Pointer{
			{Phase: lesson.Down, Panel: trPanelOut, At: at, Hit: hit, Button: button, Held: true},
			{Phase: lesson.Up, Panel: trPanelOut, At: at, Button: button},
		} {
			if err := r.Pointer(p); err != nil {
				t.Fatal(err)
			}
		}
	}
	points := func() string { return lessontest.Values(t, r).String(pPoints) }
	press(figure.Vec{X: 1.234, Y: -2.345}, "", 0)
	press(figure.Vec{X: -3.5, Y: 7}, "", 2) // outside the square: clamped
	press(figure.Vec{X: 0.004, Y: 0}, "", 0)
	if got, want := points(), "1.23,-2.35,1;-3.5,6,0;0,0,1"; got != want {
		t.Fatalf("points after three presses = %q, want %q", got, want)
	}
	press(figure.Vec{X: -3.5, Y: 6}, "p:1", 0)
	if got, want := points(), "1.23,-2.35,1;0,0,1"; got != want {
		t.Fatalf("points after removing the second = %q, want %q", got, want)
	}
	ro = lessontest.Readouts(t, r)
	lessontest.CheckReadouts(t, "two points", ro, map[string]any{"note": nil, "loss_test": nil, "acc_test": nil}, 0)
	if _, ok := ro["loss_train"].(float64); !ok {
		t.Errorf("two points: loss_train = %v, want a number", ro["loss_train"])
	}
	// The points and the figure's point IDs agree, and the state reopens.
	f, err := r.Figure(800, 500)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range f.Panels {
		for _, it := range p.Items {
			if pt, ok := it.(figure.Point); ok && pt.ID != "" {
				ids = append(ids, fmt.Sprintf("%s@%g,%g", pt.ID, pt.P.X, pt.P.Y))
			}
		}
	}
	if got, want := strings.Join(ids, " "), "p:0@1.23,-2.35 p:1@0,0"; got != want {
		t.Errorf("point items = %s, want %s", got, want)
	}
	// A long press on a touch screen comes as visual/ sends it: a primary
	// press, then its release and a secondary press at the same spot. It
	// adds a class-0 point; on a point it only removes the point.
	longPress := func(at figure.Vec, hit, hitAfter string) {
		t.Helper()
		for _, p := range []lesson.Pointer{
			{Phase: lesson.Down, Panel: trPanelOut, At: at, Hit: hit, Held: true},
			{Phase: lesson.Up, Panel: trPanelOut, At: at},
			{Phase: lesson.Down, Panel: trPanelOut, At: at, Hit: hitAfter, Button: 2, Held: true},
			{Phase: lesson.Up, Panel: trPanelOut, At: at, Button: 2},
		} {
			if err := r.Pointer(p); err != nil {
				t.Fatal(err)
			}
		}
	}
	// (hitAfter: what is under the pointer once the primary press is done.)
	longPress(figure.Vec{X: 2, Y: 2}, "", "p:2")
	if got, want := points(), "1.23,-2.35,1;0,0,1;2,2,0"; got != want {
		t.Fatalf("points after a long press = %q, want %q", got, want)
	}
	longPress(figure.Vec{X: 0, Y: 0}, "p:1", "")
	if got, want := points(), "1.23,-2.35,1;2,2,0"; got != want {
		t.Fatalf("points after a long press on a point = %q, want %q", got, want)
	}
	// A shift-click adds a class-0 point too.
	for _, p := range []lesson.Pointer{
		{Phase: lesson.Down, Panel: trPanelOut, At: figure.Vec{X: -1, Y: 1}, Held: true, Shift: true},
		{Phase: lesson.Up, Panel: trPanelOut, At: figure.Vec{X: -1, Y: 1}, Shift: true},
	} {
		if err := r.Pointer(p); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := points(), "1.23,-2.35,1;2,2,0;-1,1,0"; got != want {
		t.Fatalf("points after a shift-click = %q, want %q", got, want)
	}
	trAct(t, r, lesson.ActStep)
	st, _ := r.State()
	lessontest.Open(t, Info, st)

	// Another data set ignores presses on the plot.
	r = lessontest.Open(t, Info, "")
	press(figure.Vec{X: 1, Y: 1}, "", 0)
	if got := points(); got != "" {
		t.Errorf("circle: a press set points to %q", got)
	}
}

// trFindLink returns the panel-world midpoint of a link in the figure.
func trFindLink(t testing.TB, f *figure.Figure, id string) figure.Vec {
	t.Helper()
	for _, p := range f.Panels {
		for _, it := range p.Items {
			if path, ok := it.(figure.Path); ok && path.ID == id {
				a, b := path.Pts[0], path.Pts[len(path.Pts)-1]
				return figure.Vec{X: (a.X + b.X) / 2, Y: (a.Y + b.Y) / 2}
			}
		}
	}
	t.Fatalf("no link %s in the figure", id)
	return figure.Vec{}
}

// TestTrainLinkEdit: a press on a link selects it; dragging it up by
// trScrubPx pixels adds 1 to its weight at once, and the losses follow:
// the loss readout is the exported network's loss on the data.
func TestTrainLinkEdit(t *testing.T) {
	r := lessontest.Open(t, Info, "")
	trAct(t, r, lesson.ActStep, lesson.ActStep)
	f, _ := r.Figure(800, 500)
	at := trFindLink(t, f, "w:1:0:2") // hidden neuron 3 of layer 1 into neuron 1 of layer 2
	before := lessontest.Readouts(t, r)
	if err := r.Pointer(lesson.Pointer{Phase: lesson.Down, Panel: trPanelNet, At: at, Hit: "w:1:0:2", Held: true}); err != nil {
		t.Fatal(err)
	}
	ro := lessontest.Readouts(t, r)
	w0, ok := ro["link_weight"].(float64)
	if ro["link"] != "w[2][3→1]" || !ok {
		t.Fatalf("selected link readouts = %v, %v, want w[2][3→1] and a number", ro["link"], ro["link_weight"])
	}
	for _, dy := range []float64{10, 30, trScrubPx} {
		if err := r.Pointer(lesson.Pointer{Phase: lesson.Move, Panel: trPanelNet, At: figure.Vec{X: at.X, Y: at.Y + dy}, Held: true}); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Pointer(lesson.Pointer{Phase: lesson.Up, Panel: trPanelNet, At: figure.Vec{X: at.X, Y: at.Y + trScrubPx}}); err != nil {
		t.Fatal(err)
	}
	ro = lessontest.Readouts(t, r)
	want := math.Round((w0+1)*100) / 100
	lessontest.CheckReadouts(t, "after the drag", ro, map[string]any{"link_weight": want, "epoch": 2.0}, 1e-12)
	if ro["loss_train"] == before["loss_train"] {
		t.Errorf("loss_train %v did not change with the weight", ro["loss_train"])
	}
	if g, ok := ro["grad_check_max_rel_err"].(float64); !ok || !(g < 1e-6) {
		t.Errorf("grad_check_max_rel_err after the drag = %v, want < 1e-6", ro["grad_check_max_rel_err"])
	}
	// The exported network has the new weight, and its loss on the
	// training points (Data) is the readout.
	text, err := r.Export(exportJSON)
	if err != nil {
		t.Fatal(err)
	}
	var net nn.Net
	if err := net.UnmarshalJSON([]byte(text)); err != nil {
		t.Fatalf("UnmarshalJSON(export): %v", err)
	}
	if got := net.W[1][0*4+2]; got != want {
		t.Errorf("exported w[2][3→1] = %v, want %v", got, want)
	}
	data, _ := r.Data()
	var x1, x2, tgt []float64
	for _, row := range data.Rows {
		if row[3] == 1 {
			x1, x2, tgt = append(x1, row[0]), append(x2, row[1]), append(tgt, 2*row[2]-1)
		}
	}
	var p nn.Pass
	net.Forward(&p, nn.Inputs(nil, []nn.Feature{nn.X1, nn.X2}, x1, x2))
	lessontest.CheckReadouts(t, "loss of the exported network", ro, map[string]any{"loss_train": net.DataLoss(&p, tgt)}, 1e-12)

	// A press on nothing drops the selection.
	if err := r.Pointer(lesson.Pointer{Phase: lesson.Down, Panel: trPanelNet, At: figure.Vec{X: 1, Y: 1}, Held: true}); err != nil {
		t.Fatal(err)
	}
	lessontest.CheckReadouts(t, "after a press on nothing", lessontest.Readouts(t, r), map[string]any{"link": nil, "link_weight": nil}, 0)
}

// TestTrainHoverAndPin: hovering a neuron shows its picture on the output
// plot; a press pins it; an input's press toggles the feature.
func TestTrainHoverAndPin(t *testing.T) {
	r := lessontest.Open(t, Info, "")
	title := func() string {
		f, _ := r.Figure(800, 500)
		for _, p := range f.Panels {
			if p.ID == trPanelOut {
				return p.Title
			}
		}
		return "?"
	}
	move := func(hit string) {
		if err := r.Pointer(lesson.Pointer{Phase: lesson.Move, Panel: trPanelNet, Hit: hit}); err != nil {
			t.Fatal(err)
		}
	}
	for i, tc := range []struct {
		hit, want string
	}{
		{"n:1:2", "a⁽¹⁾₃"}, {"n:3:0", "ŷ"}, {"x:4", "x₁x₂"}, {"", "ŷ"}, {"n:9:9", "ŷ"},
	} {
		move(tc.hit)
		if got := title(); got != tc.want {
			t.Errorf("%d: hovering %q: output plot title %q, want %q", i, tc.hit, got, tc.want)
		}
	}
	press := func(hit string) {
		for _, p := range []lesson.Pointer{
			{Phase: lesson.Down, Panel: trPanelNet, Hit: hit, Held: true},
			{Phase: lesson.Up, Panel: trPanelNet},
		} {
			if err := r.Pointer(p); err != nil {
				t.Fatal(err)
			}
		}
	}
	press("n:2:1")
	move("")
	if got := title(); got != "a⁽²⁾₂" {
		t.Errorf("pinned a⁽²⁾₂: title %q", got)
	}
	press("n:2:1")
	if got := title(); got != "ŷ" {
		t.Errorf("unpinned: title %q, want ŷ", got)
	}
	press("x:2")
	if got := lessontest.Values(t, r).String(pFeatures); got != "x1,x2,x1sq" {
		t.Errorf("features after pressing x1² = %q, want x1,x2,x1sq", got)
	}
	press("x:0")
	if got := lessontest.Values(t, r).String(pFeatures); got != "x2,x1sq" {
		t.Errorf("features after pressing x1 = %q, want x2,x1sq", got)
	}
	// A long press (primary, then secondary at the same spot) toggles once.
	for _, p := range []lesson.Pointer{
		{Phase: lesson.Down, Panel: trPanelNet, Hit: "x:6", Held: true},
		{Phase: lesson.Up, Panel: trPanelNet},
		{Phase: lesson.Down, Panel: trPanelNet, Hit: "x:6", Button: 2, Held: true},
		{Phase: lesson.Up, Panel: trPanelNet, Button: 2},
	} {
		if err := r.Pointer(p); err != nil {
			t.Fatal(err)
		}
	}
	if got := lessontest.Values(t, r).String(pFeatures); got != "x2,x1sq,sinx2" {
		t.Errorf("features after a long press on sin x2 = %q, want x2,x1sq,sinx2", got)
	}
	if ro := lessontest.Readouts(t, r); ro["params"] != 29.0 {
		t.Errorf("params after the toggles = %v, want 3·4+4 + 4·2+2 + 2+1 = 29", ro["params"])
	}
}

// TestTrainDiverges: a learning rate far too large makes the loss
// infinite; the status says so, the readouts stay finite (keys), play
// stops, the figure has only finite geometry, and the JSON export refuses.
func TestTrainDiverges(t *testing.T) {
	r := lessontest.Open(t, Info, "dataset=reg-plane&layers=4&activation=relu&output=linear&lr=10")
	trAct(t, r, lesson.ActPlay)
	for range 20 {
		r.Tick()
	}
	if r.Playing() {
		t.Errorf("still playing after divergence")
	}
	ro := lessontest.Readouts(t, r)
	if ro["status"] != trDiverged {
		t.Fatalf("status = %v, want %s (readouts %v)", ro["status"], trDiverged, ro)
	}
	for name, v := range ro {
		if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
			t.Errorf("readout %s = %v", name, f)
		}
	}
	for _, sz := range lessontest.Sizes {
		if _, err := r.Figure(sz[0], sz[1]); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := r.Export(exportJSON); err == nil {
		t.Errorf("JSON export of a diverged network: no error")
	}
	data, _ := r.Data()
	if len(data.Columns) != 4 {
		t.Errorf("data columns of a diverged network = %v, want no prediction", data.Columns)
	}
	trAct(t, r, lesson.ActStep)
	if ro := lessontest.Readouts(t, r); ro["epoch"] != 1.0 {
		t.Errorf("step after divergence: epoch %v, want 1 (no more training)", ro["epoch"])
	}
	trAct(t, r, lesson.ActReset)
	if ro := lessontest.Readouts(t, r); ro["status"] != nil || ro["epoch"] != 0.0 {
		t.Errorf("after reset: status %v, epoch %v", ro["status"], ro["epoch"])
	}
}

// TestTrainGradCheck: backpropagation's gradient of the full-batch
// objective agrees with central differences to better than 1e-6, before
// and after training, with every output and penalty; and the check does
// see a wrong gradient.
func TestTrainGradCheck(t *testing.T) {
	for i, q := range []string{
		"",
		trRefQuery,
		"dataset=xor&layers=5,3&activation=sigmoid&output=sigmoid&reg=l2&reg_rate=0.01",
		"dataset=spiral3&layers=6&activation=gelu&reg=l1&reg_rate=0.003",
		"dataset=reg-gauss&layers=8,8&activation=softplus&output=linear",
		"dataset=gauss&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&layers=16,16&activation=elu", // over 150 parameters: a subset
	} {
		s, v := trOpen(t, q)
		for e := 0; e <= 200; e += 100 {
			if !s.check.valid || !(s.check.maxRel < 1e-6) {
				t.Errorf("%d %q epoch %d: grad_check_max_rel_err = %v (valid %v), want < 1e-6", i, q, s.epoch, s.check.maxRel, s.check.valid)
			}
			for range 100 {
				s.batches(math.Inf(1))
			}
			s.unit(v)
		}
		if n := len(s.net.Params); n > trCheckAll && len(s.check.idx) != trCheckSubset || n <= trCheckAll && len(s.check.idx) != n {
			t.Errorf("%d: %d parameters, %d checked", i, n, len(s.check.idx))
		}
		s.check.start(s)
		s.check.grad[s.check.idx[0]] += 1e-4
		s.check.advance(s, math.Inf(1))
		if !(s.check.maxRel > 1e-3) {
			t.Errorf("%d: a gradient off by 1e-4 gives an error of %v, want > 1e-3", i, s.check.maxRel)
		}
	}
}

// TestTrainCheckWhilePlaying: while playing, the check runs on a copy of
// the parameters, a few per tick, and completes every trCheckEvery
// epochs or so.
func TestTrainCheckWhilePlaying(t *testing.T) {
	s, v := trOpen(t, trRefQuery)
	for range 400 {
		s.step(v)
	}
	if !s.check.valid || s.check.doneEpoch < 100 || !(s.check.maxRel < 1e-6) {
		t.Errorf("after %d epochs of play: check of epoch %d = %v (valid %v)", s.epoch, s.check.doneEpoch, s.check.maxRel, s.check.valid)
	}
	if s.grid.shownVer < s.ver-trGridEvery {
		t.Errorf("grids of version %d, parameters at %d", s.grid.shownVer, s.ver)
	}
}

// TestTrainOutputRule: the output is made to fit the data by reset, and
// the note says so.
func TestTrainOutputRule(t *testing.T) {
	for i, tc := range []struct {
		query, output, note string
		outputs             int
	}{
		{"dataset=spiral3&output=tanh", outSoftmax, trNoteSoftmax, 3},
		{"dataset=blobs4&output=softmax", outSoftmax, "", 4},
		{"dataset=reg-plane&output=sigmoid", outLinear, trNoteLinear, 1},
		{"dataset=reg-gauss&output=tanh", outTanh, "", 1},
		{"dataset=circle&output=softmax", outSoftmax, "", 2},
		{"dataset=custom&points=1,1,1&output=sigmoid", outSigmoid, "", 1},
	} {
		r := lessontest.Open(t, Info, tc.query)
		v := lessontest.Values(t, r)
		ro := lessontest.Readouts(t, r)
		var note any
		if tc.note != "" {
			note = tc.note
		}
		if v.String(pOutput) != tc.output || ro["note"] != note {
			t.Errorf("%d %s: output %s, note %v; want %s, %v", i, tc.query, v.String(pOutput), ro["note"], tc.output, note)
		}
		text, err := r.Export(exportJSON)
		if err != nil {
			t.Fatal(err)
		}
		var net nn.Net
		if err := net.UnmarshalJSON([]byte(text)); err != nil || net.Sizes[len(net.Sizes)-1] != tc.outputs {
			t.Errorf("%d: exported network %v (%v), want %d outputs", i, net.Sizes, err, tc.outputs)
		}
		_, hasAcc := ro["acc_train"]
		if hasAcc != (tc.query[:11] != "dataset=reg") {
			t.Errorf("%d: acc_train present %v", i, hasAcc)
		}
	}
}

// TestTrainKeepsTraining: switching to the backprop view and back keeps
// the trained network; the reset action starts over.
func TestTrainKeepsTraining(t *testing.T) {
	r := lessontest.Open(t, Info, "")
	trAct(t, r, lesson.ActStep, lesson.ActStep, lesson.ActStep)
	for _, set := range [][2]string{{pView, viewBackprop}, {pBPPoint, "3"}, {pView, viewTrain}} {
		if _, _, err := r.Set(set[0], set[1]); err != nil {
			t.Fatal(err)
		}
	}
	if ro := lessontest.Readouts(t, r); ro["epoch"] != 3.0 {
		t.Errorf("after backprop and back: epoch %v, want 3", ro["epoch"])
	}
	trAct(t, r, lesson.ActReset)
	if ro := lessontest.Readouts(t, r); ro["epoch"] != 0.0 {
		t.Errorf("after reset: epoch %v, want 0", ro["epoch"])
	}
	if _, _, err := r.Set(pLayers, "3"); err != nil {
		t.Fatal(err)
	}
	trAct(t, r, lesson.ActStep)
	trAct(t, r, actRegenerate)
	ro := lessontest.Readouts(t, r)
	if ro["epoch"] != 0.0 || lessontest.Values(t, r).Int(pSeed) != 2 {
		t.Errorf("after regenerate: epoch %v, seed %d", ro["epoch"], lessontest.Values(t, r).Int(pSeed))
	}
}

// TestTrainNoFeatures: with no input there is no network; nothing fails.
func TestTrainNoFeatures(t *testing.T) {
	r := lessontest.Open(t, Info, "features=")
	ro := lessontest.Readouts(t, r)
	lessontest.CheckReadouts(t, "no features", ro, map[string]any{"note": trNoteNoFeatures, "loss_train": nil, "params": nil}, 0)
	trAct(t, r, lesson.ActStep, lesson.ActPlay)
	r.Tick()
	if _, err := r.Export(exportNumPy); err == nil {
		t.Errorf("export without a network: no error")
	}
	if data, _ := r.Data(); len(data.Rows) != maxPoints {
		t.Errorf("data: %d rows, want %d", len(data.Rows), maxPoints)
	}
}

// TestTrainData: the data table holds every point with its split, and
// the predictions are the network's.
func TestTrainData(t *testing.T) {
	s, v := trOpen(t, "train_ratio=30&dataset=xor&noise=20&seed=4")
	for range 50 {
		s.unit(v)
	}
	tab := s.data()
	if got := strings.Join(tab.Columns, ","); got != "x1,x2,label,split,prediction" {
		t.Fatalf("columns %s", got)
	}
	train, right := 0, 0
	for _, row := range tab.Rows {
		if row[3] == 1 {
			train++
			if row[4] == row[2] {
				right++
			}
		}
		if row[2] != 0 && row[2] != 1 {
			t.Fatalf("label %v, want a class", row[2])
		}
	}
	if len(tab.Rows) != maxPoints || train != 150 {
		t.Errorf("%d rows, %d training, want %d and 150", len(tab.Rows), train, maxPoints)
	}
	if acc := float64(right) / float64(train); !scalar.EqualWithinAbs(acc, s.accTr, 1e-12) {
		t.Errorf("accuracy from the table %v, readout %v", acc, s.accTr)
	}
}

// TestTrainExports: the JSON is core/nn's with the features and the data
// set added; the NumPy text holds every weight exactly.
func TestTrainExports(t *testing.T) {
	s, v := trOpen(t, "features=x1,x2,sinx1&layers=3,2")
	s.unit(v)
	text, err := s.export(exportJSON)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Features []string `json:"features"`
		Dataset  string   `json:"dataset"`
		Epoch    int      `json:"epoch"`
	}
	if err := json.Unmarshal([]byte(text), &m); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	if strings.Join(m.Features, ",") != "x1,x2,sinx1" || m.Dataset != "circle" || m.Epoch != 1 {
		t.Errorf("export's features %v, dataset %q, epoch %d", m.Features, m.Dataset, m.Epoch)
	}
	var net nn.Net
	if err := net.UnmarshalJSON([]byte(text)); err != nil || !slices.Equal(net.Params, s.net.Params) {
		t.Errorf("exported parameters %v (%v), want %v", net.Params, err, s.net.Params)
	}
	py, err := s.export(exportNumPy)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range s.net.Params {
		if !strings.Contains(py, strconv.FormatFloat(w, 'g', -1, 64)) {
			t.Errorf("NumPy export lacks the parameter %v", w)
		}
	}
	for _, want := range []string{"def forward(x):", "def features(x1, x2):", "np.sin(x1)"} {
		if !strings.Contains(py, want) {
			t.Errorf("NumPy export lacks %q", want)
		}
	}
	if _, err := s.export("csv"); err == nil {
		t.Errorf("export(csv): no error")
	}
}

// TestTrainPoint: the backprop view's access to the network and its
// training points.
func TestTrainPoint(t *testing.T) {
	for i, tc := range []struct {
		query  string
		target float64
	}{
		{"dataset=custom&points=1,2,0;3,4,1", 1},                // tanh: the class's ±1
		{"dataset=custom&points=1,2,0;3,4,1&output=sigmoid", 1}, // BCE: 0/1
		{"dataset=custom&points=1,2,0;3,4,0&output=softmax", 0}, // one output per class: the class
	} {
		s, _ := trOpen(t, tc.query)
		net, fs, ok := s.network()
		if !ok || net == nil || len(fs) != 2 {
			t.Fatalf("%d: network() = %v, %v, %v", i, net, fs, ok)
		}
		x1, x2, target, ok := s.point(1)
		if !ok || x1 != 3 || x2 != 4 || target != tc.target {
			t.Errorf("%d: point(1) = %v, %v, %v, %v; want 3, 4, %v", i, x1, x2, target, ok, tc.target)
		}
		if _, _, _, ok := s.point(2); ok {
			t.Errorf("%d: point(2) of two: ok", i)
		}
	}
	s, _ := trOpen(t, "features=")
	if _, _, ok := s.network(); ok {
		t.Errorf("network() without features: ok")
	}
}

// TestTrainGolden keeps SVGs of the view at 800×500: the default circle,
// the spiral after 300 epochs with a link selected and a neuron hovered,
// and custom points.
func TestTrainGolden(t *testing.T) {
	for _, tc := range []struct {
		name, query string
		epochs      int
		prepare     func(*trainView)
	}{
		{"train", "", 0, nil},
		{"train_spiral", trRefQuery, 300, func(s *trainView) {
			s.sel = trLink{on: true, l: 1, i: 3, j: 4}
			s.hover = trNode{on: true, l: 2, j: 5}
			s.updateFocus()
		}},
		{"train_custom", "dataset=custom&points=" + trPoints + "&layers=4&show_test=true", 100, nil},
		{"train_spiral3", "dataset=spiral3&layers=8,8&features=x1,x2,sinx1,sinx2&lr=0.1&discretize=true", 100, nil},
	} {
		s, v := trOpen(t, tc.query)
		for range tc.epochs {
			s.unit(v)
		}
		if tc.prepare != nil {
			tc.prepare(s)
		}
		lessontest.Golden(t, tc.name, &figure.Figure{W: 800, H: 500, Panels: s.panels(800, 500)})
	}
}

// BenchmarkStepTrain times one tick of play at the reference workload at
// speed 1 and 10, and with the largest network on the most training
// points ("max": 7 features, six hidden layers of 16, 450 points, speed
// 10), and reports the median, 90th percentile and largest tick (each
// tick does a different share of epochs, grid rows and gradient check).
func BenchmarkStepTrain(b *testing.B) {
	for _, tc := range []struct{ name, query string }{
		{"speed1", trRefQuery + "&speed=1"},
		{"speed10", trRefQuery + "&speed=10"},
		{"max", "dataset=spiral&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&layers=16,16,16,16,16,16&activation=relu&train_ratio=90&batch=30&speed=10"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			s, v := trOpen(b, tc.query)
			var d []time.Duration
			for b.Loop() {
				t0 := time.Now()
				s.step(v)
				d = append(d, time.Since(t0))
			}
			if s.status != "" {
				b.Fatalf("%s: %s after %d epochs", tc.name, s.status, s.epoch)
			}
			slices.Sort(d)
			b.ReportMetric(float64(d[len(d)/2].Nanoseconds())/1e6, "median-ms")
			b.ReportMetric(float64(d[len(d)*9/10].Nanoseconds())/1e6, "p90-ms")
			b.ReportMetric(float64(d[len(d)-1].Nanoseconds())/1e6, "max-ms")
		})
	}
}

// BenchmarkUnitTrain is the step button at the reference workload, the
// issue's "playground step": one epoch, the losses, the output and every
// neuron over the 100×100 grid (and the gradient check every
// trCheckEvery epochs). BenchmarkGradCheckTrain is one whole check.
func BenchmarkUnitTrain(b *testing.B) {
	s, v := trOpen(b, trRefQuery)
	for b.Loop() {
		s.unit(v)
	}
}

func BenchmarkGradCheckTrain(b *testing.B) {
	s, _ := trOpen(b, trRefQuery)
	for b.Loop() {
		s.runCheck()
	}
}

func BenchmarkFigureTrain(b *testing.B) {
	s, v := trOpen(b, trRefQuery)
	s.unit(v)
	for b.Loop() {
		s.panels(1280, 720)
	}
}

// Example_train trains TensorFlow Playground's default network on the
// circle: two hidden layers of 4 and 2 tanh neurons.
func Example_train() {
	r := lesson.NewRunner([]lesson.Info{Info})
	if _, err := r.Open("nn", "view=train&dataset=circle&layers=4,2"); err != nil {
		panic(err)
	}
	for _, epochs := range []int{0, 10, 90} {
		for range epochs {
			if err := r.Act(lesson.ActStep); err != nil {
				panic(err)
			}
		}
		ros, _ := r.Readouts()
		got := map[string]any{}
		for _, ro := range ros {
			got[ro.Name] = ro.Value
		}
		fmt.Printf("epoch %3v: training loss %.3f, test loss %.3f, test accuracy %.0f %%, gradient check < 1e-6: %v\n",
			got["epoch"], got["loss_train"], got["loss_test"], 100*got["acc_test"].(float64), got["grad_check_max_rel_err"].(float64) < 1e-6)
	}
	// Output:
	// epoch   0: training loss 0.508, test loss 0.500, test accuracy 54 %, gradient check < 1e-6: true
	// epoch  10: training loss 0.490, test loss 0.498, test accuracy 58 %, gradient check < 1e-6: true
	// epoch 100: training loss 0.007, test loss 0.012, test accuracy 100 %, gradient check < 1e-6: true
}
