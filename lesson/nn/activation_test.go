package nn_test

import (
	"fmt"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/aimath/playground/core/figure"
	cnn "github.com/aimath/playground/core/nn"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
	"github.com/aimath/playground/lesson/nn"
)

// hoverAt moves the pointer, no button down, over panel at z.
func hoverAt(t *testing.T, r *lesson.Runner, panel string, z float64) {
	t.Helper()
	sendPointer(t, r, lesson.Pointer{Phase: lesson.Move, Panel: panel, At: figure.Vec{X: z, Y: 0.3}})
}

// TestActivationValues hovers each activation at a few z and checks the
// readouts φ(z), φ′(z) against scipy (/usr/bin/python3):
//
//	sigmoid: scipy.special.expit(z), expit(z)*(1 - expit(z))
//	tanh: np.tanh(z), 1/np.cosh(z)**2
//	softplus: np.logaddexp(0, z), expit(z)
//	elu: np.where(z > 0, z, np.expm1(z)), np.where(z > 0, 1.0, np.exp(z))
//	gelu: z*scipy.stats.norm.cdf(z), norm.cdf(z) + z*norm.pdf(z)
//
// and the piecewise-linear ones by hand (φ′(0) = 0 for ReLU, 0.01 for
// LeakyReLU: PyTorch's one-sided values).
func TestActivationValues(t *testing.T) {
	zs := []float64{-3.7, -1.0, -0.25, 0.0, 0.6, 2.5}
	for _, tc := range []struct {
		act   string
		f, df []float64
	}{
		{"sigmoid",
			[]float64{0.024127021417669196, 0.2689414213699951, 0.43782349911420193, 0.5, 0.6456563062257954, 0.9241418199787566},
			[]float64{0.02354490825518053, 0.19661193324148185, 0.24613408273759835, 0.25, 0.22878424045665732, 0.07010371654510807}},
		{"tanh",
			[]float64{-0.9987782412811311, -0.7615941559557649, -0.24491866240370913, 0.0, 0.5370495669980352, 0.9866142981514303},
			[]float64{0.002442024743370472, 0.4199743416140261, 0.9400148488063784, 1.0, 0.7115777625872229, 0.026592226683160622}},
		{"softplus",
			[]float64{0.024422845933779157, 0.31326168751822286, 0.5759394198788436, 0.6931471805599453, 1.0374879504858856, 2.5788897342925496},
			[]float64{0.024127021417669196, 0.2689414213699951, 0.43782349911420193, 0.5, 0.6456563062257954, 0.9241418199787566}},
		{"elu",
			[]float64{-0.9752764735296606, -0.6321205588285577, -0.22119921692859512, 0.0, 0.6, 2.5},
			[]float64{0.024723526470339385, 0.3678794411714424, 0.7788007830714049, 1.0, 1.0, 1.0}},
		{"gelu",
			[]float64{-0.00039885901386633646, -0.15865525393145707, -0.10032341857926907, 0.0, 0.43544812934995586, 2.4844758366855597},
			[]float64{-0.0014638872675603921, -0.08331547058768629, 0.30462664511636395, 0.5, 0.9256816439850062, 1.037611085908145}},
		{"relu", []float64{0, 0, 0, 0, 0.6, 2.5}, []float64{0, 0, 0, 0, 1, 1}},
		{"leaky-relu", []float64{-0.037, -0.01, -0.0025, 0, 0.6, 2.5}, []float64{0.01, 0.01, 0.01, 0.01, 1, 1}},
		{"linear", zs, []float64{1, 1, 1, 1, 1, 1}},
	} {
		r := lessontest.Open(t, nn.Info, "view=activation&activation="+tc.act)
		for i, z := range zs {
			hoverAt(t, r, "df", z)
			lessontest.CheckReadouts(t, fmt.Sprintf("%s at z = %v", tc.act, z), lessontest.Readouts(t, r),
				map[string]any{"z": z, "f": tc.f[i], "df": tc.df[i]}, 1e-13)
		}
	}
}

// TestActivationDMax checks the largest slope: GELU's against
// scipy.optimize.minimize_scalar(lambda z: -(norm.cdf(z) + z*norm.pdf(z)),
// bounds=(0, 4), method='bounded', options={'xatol': 1e-12}), which finds
// it at z = 1.41421356 (√2) with the value 1.128904145185155.
func TestActivationDMax(t *testing.T) {
	for _, tc := range []struct {
		act  string
		dmax float64
	}{
		{"linear", 1}, {"sigmoid", 0.25}, {"tanh", 1}, {"relu", 1}, {"leaky-relu", 1},
		{"elu", 1}, {"softplus", 1}, {"gelu", 1.128904145185155},
	} {
		r := lessontest.Open(t, nn.Info, "view=activation&activation="+tc.act)
		lessontest.CheckReadouts(t, tc.act, lessontest.Readouts(t, r), map[string]any{"df_max": tc.dmax}, 1e-14)
	}
}

// TestActivationTable checks the exported samples: φ′ in each row against
// a central difference of φ (core/nn's F, which the curves plot), away from
// the kink of ReLU and LeakyReLU at 0. At ELU's 0, where φ″ jumps, the
// difference is off by h/4.
func TestActivationTable(t *testing.T) {
	const h = 1e-6
	for a, name := range cnn.ActivationNames() {
		act := cnn.Activation(a)
		r := lessontest.Open(t, nn.Info, "view=activation&activation="+name)
		d, err := r.Data()
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Rows) != 201 || d.Columns[0] != "z" || d.Columns[1] != "f" || d.Columns[2] != "df" {
			t.Fatalf("%s: table %v with %d rows, want z, f, df and 201 rows", name, d.Columns, len(d.Rows))
		}
		for _, row := range d.Rows {
			z := row[0]
			if row[1] != act.F(z) {
				t.Errorf("%s: table f(%v) = %v, want %v", name, z, row[1], act.F(z))
			}
			if z == 0 && (act == cnn.ReLU || act == cnn.LeakyReLU) {
				continue
			}
			fd := (act.F(z+h) - act.F(z-h)) / (2 * h)
			if !scalar.EqualWithinAbsOrRel(row[2], fd, 1e-8, 1e-6) {
				t.Errorf("%s: table df(%v) = %v, want %v (central difference)", name, z, row[2], fd)
			}
		}
	}
}

// shadedRegions returns the z intervals of the vanishing region in panel f.
func shadedRegions(t *testing.T, f *figure.Figure) [][2]float64 {
	t.Helper()
	var out [][2]float64
	for _, p := range f.Panels {
		if p.ID != "f" {
			continue
		}
		for _, it := range p.Items {
			if b, ok := it.(figure.Box); ok && b.Fill == figure.Vermillion {
				out = append(out, [2]float64{b.R.X0, b.R.X1})
			}
		}
	}
	return out
}

// TestActivationVanishing checks the shaded region |φ′| < 0.1 over
// [−5, 5]; its inner ends against scipy.optimize.brentq(lambda z:
// 1/np.cosh(z)**2 - 0.1, 0, 5) = 1.8184464592320675 for tanh,
// brentq(lambda z: expit(z)*(1 - expit(z)) - 0.1, 0, 5) =
// 2.063437068895573 for the sigmoid, and for GELU, whose derivative
// crosses 0 at brentq(dgelu, -2, 0) = -0.751791524693564, a narrow band
// around that zero as well as the left tail.
func TestActivationVanishing(t *testing.T) {
	const tanhEnd, sigEnd = 1.8184464592320675, 2.063437068895573
	for _, tc := range []struct {
		act  string
		want [][2]float64
	}{
		{"tanh", [][2]float64{{-5, -tanhEnd}, {tanhEnd, 5}}},
		{"sigmoid", [][2]float64{{-5, -sigEnd}, {sigEnd, 5}}},
		{"relu", [][2]float64{{-5, 0}}},
		{"leaky-relu", [][2]float64{{-5, 0}}},
		{"linear", nil},
	} {
		r := lessontest.Open(t, nn.Info, "view=activation&activation="+tc.act)
		f, _ := r.Figure(800, 500)
		got := shadedRegions(t, f)
		if len(got) != len(tc.want) {
			t.Errorf("%s: shaded %v, want %v", tc.act, got, tc.want)
			continue
		}
		for i := range got {
			for k := range 2 {
				if !scalar.EqualWithinAbs(got[i][k], tc.want[i][k], 1e-12) {
					t.Errorf("%s: shaded %v, want %v", tc.act, got, tc.want)
				}
			}
		}
	}
	r := lessontest.Open(t, nn.Info, "view=activation&activation=gelu")
	f, _ := r.Figure(800, 500)
	got := shadedRegions(t, f)
	const zero = -0.751791524693564
	if len(got) != 2 || got[0][0] != -5 || !(got[1][0] < zero && zero < got[1][1]) {
		t.Errorf("gelu: shaded %v, want the left tail and a band around %v", got, zero)
	}
}

// TestActivationPointer: a press on a faint curve chooses it; the
// derivative toggle removes the second panel; the cursor stays in [−5, 5].
func TestActivationPointer(t *testing.T) {
	r := lessontest.Open(t, nn.Info, "view=activation")
	f, _ := r.Figure(800, 500)
	var at figure.Vec
	for _, it := range f.Panels[0].Items {
		if p, ok := it.(figure.Path); ok && p.ID == "act:sigmoid" {
			at = p.Pts[150]
		}
	}
	sendPointer(t, r,
		lesson.Pointer{Phase: lesson.Down, Panel: "f", At: at, Hit: "act:sigmoid", Held: true},
		lesson.Pointer{Phase: lesson.Up, Panel: "f", At: at})
	if got := lessontest.Values(t, r).String("activation"); got != "sigmoid" {
		t.Errorf("activation after a click on the sigmoid = %q, want sigmoid", got)
	}
	// expit(2.5), expit(2.5)*(1 - expit(2.5)): the press moved the cursor too.
	lessontest.CheckReadouts(t, "sigmoid at 2.5", lessontest.Readouts(t, r),
		map[string]any{"z": 2.5, "f": 0.9241418199787566, "df": 0.07010371654510807, "df_max": 0.25}, 1e-13)
	hoverAt(t, r, "f", 40)
	lessontest.CheckReadouts(t, "beyond the plot", lessontest.Readouts(t, r), map[string]any{"z": 5.0}, 0)
	if _, _, err := r.Set("derivative", false); err != nil {
		t.Fatal(err)
	}
	f, _ = r.Figure(800, 500)
	if len(f.Panels) != 1 || f.Panels[0].ID != "f" {
		t.Errorf("derivative off: panels %s, want f", panelList(f))
	}
}

func panelList(f *figure.Figure) []string {
	var ids []string
	for _, p := range f.Panels {
		ids = append(ids, p.ID)
	}
	return ids
}

// TestActivationGolden keeps the pictures of tanh (its saturated tails
// shaded) and of ReLU (the jump of its derivative).
func TestActivationGolden(t *testing.T) {
	for _, tc := range []struct{ name, state string }{
		{"activation", "view=activation"},
		{"activation_relu", "view=activation&activation=relu"},
	} {
		r := lessontest.Open(t, nn.Info, tc.state)
		hoverAt(t, r, "f", 1.2)
		f, err := r.Figure(800, 500)
		if err != nil {
			t.Fatal(err)
		}
		lessontest.Golden(t, tc.name, f)
	}
}

// The sigmoid's slope is at most ¼ (at z = 0) and is already below 0.02
// at z = 4: backpropagation through a saturated sigmoid multiplies the
// gradient by almost nothing. tanh's slope is 1 at 0 but vanishes as fast.
func Example_activation() {
	r := lesson.NewRunner([]lesson.Info{nn.Info})
	for _, act := range []string{"sigmoid", "tanh", "relu"} {
		if _, err := r.Open("nn", "view=activation&activation="+act); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-8s", act)
		for _, z := range []float64{-4, 0, 1, 4} {
			r.Pointer(lesson.Pointer{Phase: lesson.Move, Panel: "f", At: figure.Vec{X: z}})
			ros, _ := r.Readouts()
			m := map[string]any{}
			for _, ro := range ros {
				m[ro.Name] = ro.Value
			}
			fmt.Printf("  φ′(%2.0f) = %.4f", z, m["df"])
		}
		fmt.Println()
	}
	// Output:
	// sigmoid   φ′(-4) = 0.0177  φ′( 0) = 0.2500  φ′( 1) = 0.1966  φ′( 4) = 0.0177
	// tanh      φ′(-4) = 0.0013  φ′( 0) = 1.0000  φ′( 1) = 0.4200  φ′( 4) = 0.0013
	// relu      φ′(-4) = 0.0000  φ′( 0) = 0.0000  φ′( 1) = 1.0000  φ′( 4) = 1.0000
}

// BenchmarkFigureActivation builds the activation view's figure, as after
// each move of the cursor.
func BenchmarkFigureActivation(b *testing.B) {
	v, err := lessontest.Open(b, nn.Info, "view=activation&activation=gelu").Values()
	if err != nil {
		b.Fatal(err)
	}
	l := nn.Info.New()
	l.Reset(v)
	for b.Loop() {
		l.Figure(1100, 700)
	}
}
