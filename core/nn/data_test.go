package nn

import (
	"errors"
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/stat"
)

// Every set has n points in [−6, 6]², labels of its kind, the same points
// for the same seed and others for another seed, at every noise level.
func TestDatasetShapes(t *testing.T) {
	for _, name := range DatasetNames() {
		for _, noise := range []float64{0, 0.25, 0.5} {
			for _, n := range []int{1, 7, 500} {
				d, err := Dataset(name, n, noise, 11)
				if err != nil {
					t.Fatalf("Dataset(%q, %d, %g, 11) error %v", name, n, noise, err)
				}
				if len(d.X1) != n || len(d.X2) != n || d.Len() != n {
					t.Errorf("Dataset(%q, %d, %g): lengths %d, %d, %d, want %d", name, n, noise, len(d.X1), len(d.X2), d.Len(), n)
				}
				for p := range n {
					if math.Abs(d.X1[p]) > Radius || math.Abs(d.X2[p]) > Radius {
						t.Errorf("Dataset(%q, %d, %g): point (%g, %g) outside [−6, 6]²", name, n, noise, d.X1[p], d.X2[p])
					}
					y := d.Y[p]
					switch {
					case d.Classes == 2 && y != 1 && y != -1,
						d.Classes > 2 && (y != math.Trunc(y) || y < 0 || int(y) >= d.Classes),
						d.Classes == 0 && !(math.Abs(y) <= 1.2*(1+noise)): // reg-plane: |x1 + x2 + noise|/10
						t.Errorf("Dataset(%q, %d, %g): label %g for %d classes", name, n, noise, y, d.Classes)
					}
				}
				again, _ := Dataset(name, n, noise, 11)
				if !slices.Equal(d.X1, again.X1) || !slices.Equal(d.X2, again.X2) || !slices.Equal(d.Y, again.Y) {
					t.Errorf("Dataset(%q, %d, %g, 11) differs between two calls", name, n, noise)
				}
				if n > 1 {
					other, _ := Dataset(name, n, noise, 12)
					if slices.Equal(d.X1, other.X1) {
						t.Errorf("Dataset(%q, %d, %g): seeds 11 and 12 give the same points", name, n, noise)
					}
				}
			}
		}
	}
	want := []string{"circle", "xor", "gauss", "spiral", "spiral3", "blobs4", "reg-plane", "reg-gauss"}
	if got := DatasetNames(); !slices.Equal(got, want) {
		t.Errorf("DatasetNames() = %v, want %v", got, want)
	}
}

// The classes of the sets built class by class have equal shares (one
// more for the first classes when n does not divide); xor's are random,
// about half.
func TestDatasetBalance(t *testing.T) {
	for i, tc := range []struct {
		name  string
		n     int
		noise float64
		want  []int // points per class 0, 1, …
	}{
		{"circle", 500, 0, []int{250, 250}},  // with noise, labels follow the moved points
		{"gauss", 501, 0.3, []int{250, 251}}, // the +1 class (class 1) is drawn first and gets the extra point
		{"spiral", 500, 0.5, []int{250, 250}},
		{"spiral3", 500, 0.2, []int{167, 167, 166}},
		{"blobs4", 502, 0.1, []int{126, 126, 125, 125}},
	} {
		d, _ := Dataset(tc.name, tc.n, tc.noise, 3)
		got := make([]int, d.Classes)
		for p := range d.Len() {
			got[d.Class(p)]++
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%d: Dataset(%q, %d, %g) has %v points per class, want %v", i, tc.name, tc.n, tc.noise, got, tc.want)
		}
	}
	d, _ := Dataset("xor", 2000, 0, 3)
	pos := 0
	for _, y := range d.Y {
		if y > 0 {
			pos++
		}
	}
	if pos < 900 || pos > 1100 {
		t.Errorf("xor: %d of 2000 labels +1, want about 1000", pos)
	}
}

// Without noise, each set has TensorFlow Playground's shape.
func TestDatasetGeometry(t *testing.T) {
	const n = 400
	get := func(name string) Data {
		d, err := Dataset(name, n, 0, 5)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}

	d := get("circle")
	for p := range n {
		r := math.Hypot(d.X1[p], d.X2[p])
		if inside := d.Y[p] > 0; inside && !(r < 2.5) || !inside && !(r >= 3.5 && r < 5) {
			t.Errorf("circle: radius %g with label %g", r, d.Y[p])
		}
	}

	d = get("xor")
	for p := range n {
		x1, x2 := d.X1[p], d.X2[p]
		if math.Abs(x1) < 0.3 || math.Abs(x1) > 5.3 || math.Abs(x2) < 0.3 || math.Abs(x2) > 5.3 {
			t.Errorf("xor: point (%g, %g) not in 0.3 ≤ |x| ≤ 5.3", x1, x2)
		}
		if want := math.Copysign(1, x1*x2); d.Y[p] != want {
			t.Errorf("xor: (%g, %g) labelled %g, want %g", x1, x2, d.Y[p], want)
		}
	}

	// gauss: the two clouds at ±(2, 2) with variance 0.5 at noise 0.
	d = get("gauss")
	for _, label := range []float64{1, -1} {
		var xs []float64
		for p := range n {
			if d.Y[p] == label {
				xs = append(xs, d.X1[p], d.X2[p])
			}
		}
		mean, variance := stat.MeanVariance(xs, nil)
		if !scalar.EqualWithinAbs(mean, 2*label, 0.15) || !scalar.EqualWithinAbs(variance, 0.5, 0.1) {
			t.Errorf("gauss %+g: coordinates have mean %g, variance %g, want %g, 0.5", label, mean, variance, 2*label)
		}
	}

	// spiral and spiral3: a point at radius r on arm k has angle
	// 1.75·2π·r/5 + 2πk/K, measured as atan2(x1, x2).
	for _, name := range []string{"spiral", "spiral3"} {
		d = get(name)
		for p := range n {
			r := math.Hypot(d.X1[p], d.X2[p])
			if r == 0 {
				continue
			}
			k := d.Class(p)
			if d.Classes == 2 {
				k = 1 - k // the +1 arm is arm 0
			}
			want := 1.75*2*math.Pi*r/5 + 2*math.Pi*float64(k)/float64(d.Classes)
			diff := math.Remainder(math.Atan2(d.X1[p], d.X2[p])-want, 2*math.Pi)
			if r >= 5 || math.Abs(diff) > 1e-9 {
				t.Errorf("%s: point (%g, %g) of class %d is off its arm by %g rad", name, d.X1[p], d.X2[p], d.Class(p), diff)
			}
		}
	}

	// blobs4: class k around the k-th quadrant's centre, counter-clockwise
	// from (2, 2).
	d = get("blobs4")
	centres := [4][2]float64{{2, 2}, {-2, 2}, {-2, -2}, {2, -2}}
	for k, c := range centres {
		var x1, x2 []float64
		for p := range n {
			if d.Class(p) == k {
				x1, x2 = append(x1, d.X1[p]), append(x2, d.X2[p])
			}
		}
		if m1, m2 := stat.Mean(x1, nil), stat.Mean(x2, nil); !scalar.EqualWithinAbs(m1, c[0], 0.3) || !scalar.EqualWithinAbs(m2, c[1], 0.3) {
			t.Errorf("blobs4 class %d: mean (%g, %g), want %v", k, m1, m2, c)
		}
	}

	d = get("reg-plane")
	for p := range n {
		if want := (d.X1[p] + d.X2[p]) / 10; !scalar.EqualWithinAbs(d.Y[p], want, 1e-15) {
			t.Errorf("reg-plane: (%g, %g) labelled %g, want %g", d.X1[p], d.X2[p], d.Y[p], want)
		}
	}

	// reg-gauss: the nearest bump decides, |y| = max(0, 1 − d/2).
	d = get("reg-gauss")
	for p := range n {
		near, dist := 0, math.Inf(1)
		for b, c := range bumps {
			if r := math.Hypot(d.X1[p]-c[0], d.X2[p]-c[1]); r < dist {
				near, dist = b, r
			}
		}
		want := bumps[near][2] * max(0, 1-dist/2)
		if !scalar.EqualWithinAbs(d.Y[p], want, 1e-15) {
			t.Errorf("reg-gauss: (%g, %g) labelled %g, want %g", d.X1[p], d.X2[p], d.Y[p], want)
		}
	}
}

// Noise flips circle's labels near the gap but leaves the points where
// they are, as in TensorFlow Playground; it moves spiral's points.
func TestDatasetNoise(t *testing.T) {
	clean, _ := Dataset("circle", 1000, 0, 8)
	noisy, _ := Dataset("circle", 1000, 0.5, 8)
	flipped := 0
	for p := range noisy.Len() {
		r := math.Hypot(noisy.X1[p], noisy.X2[p])
		if r >= 2.5 && r < 3.5 || r >= 5 {
			t.Errorf("noisy circle: point at radius %g, outside both bands", r)
		}
		if (r < 2.5) != (noisy.Y[p] > 0) {
			flipped++
		}
	}
	if flipped == 0 {
		t.Errorf("noisy circle: no label differs from its band")
	}
	if !slices.Equal(clean.X1, noisy.X1) || !slices.Equal(clean.X2, noisy.X2) {
		t.Errorf("circle: noise moved the points")
	}
	d, _ := Dataset("spiral", 400, 0.5, 8)
	off := 0
	for p := range d.Len() {
		r := math.Hypot(d.X1[p], d.X2[p])
		k := 1 - d.Class(p)
		want := 1.75*2*math.Pi*r/5 + math.Pi*float64(k)
		if math.Abs(math.Remainder(math.Atan2(d.X1[p], d.X2[p])-want, 2*math.Pi)) > 1e-6 {
			off++
		}
	}
	if off < 300 {
		t.Errorf("noisy spiral: only %d of 400 points off their arm", off)
	}
}

func TestDatasetErrors(t *testing.T) {
	for i, tc := range []struct {
		name  string
		n     int
		noise float64
		want  error
	}{
		{"moons", 100, 0, ErrUnknown},
		{"circle", 0, 0, ErrRange},
		{"circle", MaxPoints + 1, 0, ErrRange},
		{"circle", 100, -0.1, ErrRange},
		{"circle", 100, 0.6, ErrRange},
		{"circle", 100, math.NaN(), ErrRange},
	} {
		if _, err := Dataset(tc.name, tc.n, tc.noise, 1); !errors.Is(err, tc.want) {
			t.Errorf("%d: Dataset(%q, %d, %g) error %v, want %v", i, tc.name, tc.n, tc.noise, err, tc.want)
		}
	}
}

func TestSplit(t *testing.T) {
	d, _ := Dataset("spiral", 10, 0, 1)
	for i, tc := range []struct {
		ratio float64
		train int
	}{
		{0.5, 5}, {0.55, 5}, {0.9, 9}, {0, 1}, {-3, 1}, {1, 9}, {7, 9}, {math.NaN(), 1},
	} {
		tr, te := d.Split(tc.ratio)
		if tr.Len() != tc.train || te.Len() != 10-tc.train {
			t.Errorf("%d: Split(%g) sizes %d, %d, want %d, %d", i, tc.ratio, tr.Len(), te.Len(), tc.train, 10-tc.train)
		}
		if tr.Classes != 2 || te.Classes != 2 {
			t.Errorf("%d: Split(%g) loses Classes", i, tc.ratio)
		}
		if !slices.Equal(append(slices.Clone(tr.X1), te.X1...), d.X1) {
			t.Errorf("%d: Split(%g) is not a prefix and the rest", i, tc.ratio)
		}
	}
	one, _ := Dataset("gauss", 1, 0, 1)
	if tr, te := one.Split(0.5); tr.Len()+te.Len() != 1 {
		t.Errorf("Split of one point gives %d + %d points", tr.Len(), te.Len())
	}
}

func TestFeatures(t *testing.T) {
	fs, err := ParseFeatures(FeatureNames())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := FeatureNames(), []string{"x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"}; !slices.Equal(got, want) {
		t.Errorf("FeatureNames() = %v, want %v", got, want)
	}
	x1, x2 := []float64{0.5, -2}, []float64{3, 1.5}
	want := [][]float64{
		{0.5, -2}, {3, 1.5}, {0.25, 4}, {9, 2.25}, {1.5, -3},
		{math.Sin(0.5), math.Sin(-2)}, {math.Sin(3), math.Sin(1.5)},
	}
	got := Inputs(nil, fs, x1, x2)
	for j := range fs {
		if !slices.Equal(got[2*j:2*j+2], want[j]) {
			t.Errorf("Inputs: feature %s = %v, want %v", fs[j], got[2*j:2*j+2], want[j])
		}
		if v := fs[j].Eval(x1[1], x2[1]); v != want[j][1] {
			t.Errorf("%s.Eval(-2, 1.5) = %v, want %v", fs[j], v, want[j][1])
		}
	}
	if _, err := ParseFeatures([]string{"x1", "X2"}); !errors.Is(err, ErrUnknown) {
		t.Errorf("ParseFeatures([x1 X2]) error %v, want ErrUnknown", err)
	}
}

// Set codes the classes as the loss and the output activation need.
func TestSet(t *testing.T) {
	two := Data{X1: []float64{1, 2, 3}, X2: []float64{4, 5, 6}, Y: []float64{1, -1, 1}, Classes: 2}
	three := Data{X1: []float64{1, 2}, X2: []float64{3, 4}, Y: []float64{2, 0}, Classes: 3}
	reg := Data{X1: []float64{1, 2}, X2: []float64{3, 4}, Y: []float64{0.3, -0.7}}
	fs := []Feature{X1, X2}
	for i, tc := range []struct {
		d     Data
		c     Config
		wantT []float64
	}{
		{two, Config{Sizes: []int{2, 1}, Output: Tanh}, []float64{1, -1, 1}},
		{two, Config{Sizes: []int{2, 1}, Output: Linear}, []float64{1, -1, 1}},
		{two, Config{Sizes: []int{2, 1}, Output: Sigmoid}, []float64{1, 0, 1}},
		{two, Config{Sizes: []int{2, 1}, Output: ReLU}, []float64{1, 0, 1}},
		{two, Config{Sizes: []int{2, 1}, Output: Linear, Loss: BCE}, []float64{1, 0, 1}},
		{two, Config{Sizes: []int{2, 2}, Output: Linear, Loss: CE}, []float64{0, 1, 0, 1, 0, 1}},
		{two, Config{Sizes: []int{2, 2}, Output: Tanh}, []float64{-1, 1, -1, 1, -1, 1}},
		{three, Config{Sizes: []int{2, 4, 3}, Output: Linear, Loss: CE}, []float64{0, 1, 0, 0, 1, 0}},
		{reg, Config{Sizes: []int{2, 1}}, []float64{0.3, -0.7}},
	} {
		net, err := New(tc.c, 1)
		if err != nil {
			t.Fatal(err)
		}
		s, err := tc.d.Set(net, fs)
		if err != nil {
			t.Errorf("%d: Set error %v", i, err)
			continue
		}
		if !slices.Equal(s.T, tc.wantT) || s.N != tc.d.Len() {
			t.Errorf("%d: Set targets %v (N = %d), want %v", i, s.T, s.N, tc.wantT)
		}
		if tc.d.Classes == 0 && s.Class != nil {
			t.Errorf("%d: regression Set has classes %v", i, s.Class)
		}
	}
	for i, tc := range []struct {
		d  Data
		c  Config
		fs []Feature
	}{
		{two, Config{Sizes: []int{3, 1}}, fs},
		{two, Config{Sizes: []int{2, 3}}, fs},
		{three, Config{Sizes: []int{2, 1}}, fs},
		{three, Config{Sizes: []int{2, 2}}, fs},
		{reg, Config{Sizes: []int{2, 1}, Loss: BCE}, fs},
		{reg, Config{Sizes: []int{2, 2}}, fs},
	} {
		net, _ := New(tc.c, 1)
		if _, err := tc.d.Set(net, tc.fs); !errors.Is(err, ErrMismatch) {
			t.Errorf("%d: Set error %v, want ErrMismatch", i, err)
		}
	}
}

// Classify thresholds one output at the middle of its target range (the
// logit at 0 for BCE) and takes the largest of several; Accuracy agrees.
func TestClassify(t *testing.T) {
	x := []float64{-0.5, 0, 0.7}
	for i, tc := range []struct {
		output Activation
		loss   Loss
		want   []int
	}{
		{Tanh, MSE, []int{0, 1, 1}},    // tanh(x) ≥ 0
		{Sigmoid, MSE, []int{0, 1, 1}}, // σ(x) ≥ ½
		{ReLU, MSE, []int{0, 0, 1}},    // max(x, 0) ≥ ½
		{Linear, BCE, []int{0, 1, 1}},  // logit x ≥ 0
	} {
		net, _ := New(Config{Sizes: []int{1, 1}, Output: tc.output, Loss: tc.loss}, 0)
		copy(net.Params, []float64{1, 0})
		var p Pass
		net.Forward(&p, x)
		if got := net.Classify(nil, &p); !slices.Equal(got, tc.want) {
			t.Errorf("%d: %s/%s: Classify = %v, want %v", i, tc.output, tc.loss, got, tc.want)
		}
		if got := net.Accuracy(&p, []int{0, 0, 1}); !scalar.EqualWithinAbs(got, float64(countEqual(tc.want, []int{0, 0, 1}))/3, 1e-15) {
			t.Errorf("%d: Accuracy = %v", i, got)
		}
	}
	// Three outputs: s = (x, −x, 0.2), the largest wins.
	net, _ := New(Config{Sizes: []int{1, 3}, Output: Linear, Loss: CE}, 0)
	copy(net.Params, []float64{1, -1, 0, 0, 0, 0.2})
	var p Pass
	net.Forward(&p, x)
	want := []int{1, 2, 0}
	if got := net.Classify(make([]int, 1), &p); !slices.Equal(got, want) {
		t.Errorf("3 outputs: Classify = %v, want %v", got, want)
	}
}

func countEqual(a, b []int) int {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return n
}
