package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Data is a set of labelled points in the plane.
type Data struct {
	X1, X2 []float64 // coordinates
	// Y is each point's label: −1 or +1 for two classes (TensorFlow
	// Playground's convention), the class 0 … Classes−1 for more, a
	// number for regression.
	Y []float64
	// Classes is the number of classes, 0 for regression.
	Classes int
}

// Len returns the number of points.
func (d Data) Len() int { return len(d.Y) }

// Class returns the class 0 … Classes−1 of point i: for two classes 0
// for the label −1 and 1 for +1. It panics for regression data.
func (d Data) Class(i int) int {
	switch {
	case d.Classes == 2:
		if d.Y[i] > 0 {
			return 1
		}
		return 0
	case d.Classes > 2:
		return int(d.Y[i])
	}
	panic("nn: regression data has no classes")
}

// Dataset bounds.
const (
	MaxPoints = 100000 // most points Dataset makes
	MaxNoise  = 0.5    // largest noise, TensorFlow Playground's 50 %
	Radius    = 6.0    // every point lies in [−Radius, Radius]²
)

// datasets maps names to generators and their number of classes, in the
// order DatasetNames lists them.
var datasets = []struct {
	name    string
	classes int
	gen     func(d *Data, n int, noise float64, rng *rand.Rand)
}{
	{"circle", 2, genCircle},
	{"xor", 2, genXOR},
	{"gauss", 2, genGauss},
	{"spiral", 2, genSpiral},
	{"spiral3", 3, genSpiral},
	{"blobs4", 4, genBlobs},
	{"reg-plane", 0, genPlane},
	{"reg-gauss", 0, genRegGauss},
}

// DatasetNames returns the names Dataset accepts: classification sets
// first, then the regression sets, whose names start with "reg-".
func DatasetNames() []string {
	names := make([]string, len(datasets))
	for i, d := range datasets {
		names[i] = d.name
	}
	return names
}

// dataStream is the PCG stream of Dataset (see initStream).
const dataStream = 0x6e6e5f64617461 // "nn_data"

// Dataset returns n points of the set called name with the given noise,
// drawn from a PCG generator seeded with seed and then shuffled, so that
// any prefix is a fair sample (Split takes one). The same arguments give
// the same points.
//
// The two-class and regression sets follow TensorFlow Playground's
// (dataset.ts), noise ∈ [0, 0.5] being its noise slider over 100:
//   - circle: half the points at radius U[0, 2.5), half at U[3.5, 5),
//     uniform angle; the label is +1 inside radius 2.5, −1 outside, taken
//     at the point moved by U[−5, 5]·noise in each coordinate: noise flips
//     labels near the gap, the points stay where they are.
//   - xor: each coordinate U[−5, 5] pushed 0.3 away from 0; the label is
//     +1 where x1·x2 ≥ 0, taken at a point moved as in circle.
//   - gauss: half the points N((2, 2), v·I) labelled +1, half N((−2, −2),
//     v·I) labelled −1, variance v = 0.5 + 7·noise (0.5 to 4).
//   - spiral: two arms, point i of m at radius 5i/m and angle
//     1.75·2π·i/m (+π for the −1 arm), x1 = r sin t, x2 = r cos t, each
//     moved by U[−1, 1]·noise.
//   - reg-plane: uniform on [−6, 6]², label (x1 + x2)/10 taken at a point
//     moved by U[−6, 6]·noise in each coordinate.
//   - reg-gauss: uniform on [−6, 6]²; six bumps at x1 ∈ {−4, 0, 4}, x2 =
//     ±2.5 with alternating signs (+ at (−4, 2.5)), each ±max(0, 1 − d/2) at
//     distance d; the label is the one largest in magnitude, taken at a
//     point moved as in reg-plane.
//
// The multi-class sets carry on in the same style, labels 0 … K−1:
//   - spiral3: the spiral with three arms, 2π/3 apart.
//   - blobs4: four Gaussians as in gauss, centred at (±2, ±2): class 0 at
//     (2, 2), then counter-clockwise.
//
// One departure: a Gaussian point outside [−6, 6]² (possible at high
// noise) is drawn again, so every point lies where the lesson's plot and
// grid are; TensorFlow Playground keeps it, off its plot.
//
// Dataset returns an error wrapping ErrUnknown for an unknown name and
// ErrRange for n outside [1, MaxPoints] or noise outside [0, MaxNoise].
func Dataset(name string, n int, noise float64, seed uint64) (Data, error) {
	if n < 1 || n > MaxPoints {
		return Data{}, fmt.Errorf("%w: %d points, want 1 to %d", ErrRange, n, MaxPoints)
	}
	if !(noise >= 0 && noise <= MaxNoise) {
		return Data{}, fmt.Errorf("%w: noise %g, want 0 to %g", ErrRange, noise, MaxNoise)
	}
	for _, ds := range datasets {
		if ds.name != name {
			continue
		}
		rng := rand.New(rand.NewPCG(seed, dataStream))
		d := Data{
			X1:      make([]float64, 0, n),
			X2:      make([]float64, 0, n),
			Y:       make([]float64, 0, n),
			Classes: ds.classes,
		}
		ds.gen(&d, n, noise, rng)
		rng.Shuffle(n, func(i, j int) {
			d.X1[i], d.X1[j] = d.X1[j], d.X1[i]
			d.X2[i], d.X2[j] = d.X2[j], d.X2[i]
			d.Y[i], d.Y[j] = d.Y[j], d.Y[i]
		})
		return d, nil
	}
	return Data{}, fmt.Errorf("%w dataset %q", ErrUnknown, name)
}

func (d *Data) add(x1, x2, y float64) {
	d.X1 = append(d.X1, x1)
	d.X2 = append(d.X2, x2)
	d.Y = append(d.Y, y)
}

// share returns how many of n points class k of classes gets: n/classes,
// one more for the first n mod classes.
func share(n, classes, k int) int {
	m := n / classes
	if k < n%classes {
		m++
	}
	return m
}

// uniform returns a draw from U[a, b).
func uniform(rng *rand.Rand, a, b float64) float64 { return a + (b-a)*rng.Float64() }

// twoLabel is the label of class k of a two-class set: +1 first.
func twoLabel(k int) float64 {
	if k == 0 {
		return 1
	}
	return -1
}

func genCircle(d *Data, n int, noise float64, rng *rand.Rand) {
	const r = 5.0
	for k, band := range [2][2]float64{{0, 0.5 * r}, {0.7 * r, r}} {
		for range share(n, 2, k) {
			rad := uniform(rng, band[0], band[1])
			angle := uniform(rng, 0, 2*math.Pi)
			x1, x2 := rad*math.Sin(angle), rad*math.Cos(angle)
			n1, n2 := uniform(rng, -r, r)*noise, uniform(rng, -r, r)*noise
			y := -1.0
			if math.Hypot(x1+n1, x2+n2) < 0.5*r {
				y = 1
			}
			d.add(x1, x2, y)
		}
	}
}

func genXOR(d *Data, n int, noise float64, rng *rand.Rand) {
	const pad = 0.3
	away := func(v float64) float64 {
		if v > 0 {
			return v + pad
		}
		return v - pad
	}
	for range n {
		x1, x2 := away(uniform(rng, -5, 5)), away(uniform(rng, -5, 5))
		n1, n2 := uniform(rng, -5, 5)*noise, uniform(rng, -5, 5)*noise
		y := -1.0
		if (x1+n1)*(x2+n2) >= 0 {
			y = 1
		}
		d.add(x1, x2, y)
	}
}

// gaussIn returns a draw from N(c, v) redrawn until it lies in
// [−Radius, Radius].
func gaussIn(rng *rand.Rand, c, sd float64) float64 {
	for {
		if v := c + sd*rng.NormFloat64(); math.Abs(v) <= Radius {
			return v
		}
	}
}

func genGauss(d *Data, n int, noise float64, rng *rand.Rand) {
	sd := math.Sqrt(0.5 + 7*noise)
	for k, c := range [2]float64{2, -2} {
		for range share(n, 2, k) {
			d.add(gaussIn(rng, c, sd), gaussIn(rng, c, sd), twoLabel(k))
		}
	}
}

func genBlobs(d *Data, n int, noise float64, rng *rand.Rand) {
	sd := math.Sqrt(0.5 + 7*noise)
	for k, c := range [4][2]float64{{2, 2}, {-2, 2}, {-2, -2}, {2, -2}} {
		for range share(n, 4, k) {
			d.add(gaussIn(rng, c[0], sd), gaussIn(rng, c[1], sd), float64(k))
		}
	}
}

func genSpiral(d *Data, n int, noise float64, rng *rand.Rand) {
	arms := d.Classes
	for k := range arms {
		m := share(n, arms, k)
		shift := 2 * math.Pi * float64(k) / float64(arms)
		y := float64(k)
		if arms == 2 {
			y = twoLabel(k)
		}
		for i := range m {
			r := 5 * float64(i) / float64(m)
			t := 1.75*2*math.Pi*float64(i)/float64(m) + shift
			x1 := r*math.Sin(t) + uniform(rng, -1, 1)*noise
			x2 := r*math.Cos(t) + uniform(rng, -1, 1)*noise
			d.add(x1, x2, y)
		}
	}
}

func genPlane(d *Data, n int, noise float64, rng *rand.Rand) {
	for range n {
		x1, x2 := uniform(rng, -Radius, Radius), uniform(rng, -Radius, Radius)
		n1, n2 := uniform(rng, -Radius, Radius)*noise, uniform(rng, -Radius, Radius)*noise
		d.add(x1, x2, (x1+n1+x2+n2)/10)
	}
}

// bumps are reg-gauss's centres and signs.
var bumps = [6][3]float64{
	{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1},
	{-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1},
}

func genRegGauss(d *Data, n int, noise float64, rng *rand.Rand) {
	for range n {
		x1, x2 := uniform(rng, -Radius, Radius), uniform(rng, -Radius, Radius)
		n1, n2 := uniform(rng, -Radius, Radius)*noise, uniform(rng, -Radius, Radius)*noise
		y := 0.0
		for _, b := range bumps {
			dist := math.Hypot(x1+n1-b[0], x2+n2-b[1])
			if v := b[2] * max(0, 1-dist/2); math.Abs(v) > math.Abs(y) {
				y = v
			}
		}
		d.add(x1, x2, y)
	}
}

// Split returns the first ⌊ratio·n⌋ points as train and the rest as test,
// both views of d. The count is kept within [1, n−1] when n ≥ 2, so that
// neither side is empty; a ratio outside [0, 1] is clamped.
func (d Data) Split(ratio float64) (train, test Data) {
	n := d.Len()
	if !(ratio > 0) {
		ratio = 0
	}
	k := int(math.Floor(float64(n) * min(ratio, 1)))
	if n >= 2 {
		k = min(max(k, 1), n-1)
	}
	cut := func(lo, hi int) Data {
		return Data{X1: d.X1[lo:hi:hi], X2: d.X2[lo:hi:hi], Y: d.Y[lo:hi:hi], Classes: d.Classes}
	}
	return cut(0, k), cut(k, n)
}
