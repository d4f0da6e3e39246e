package rnn

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats/scalar"
)

func near(a, b, tol float64) bool { return scalar.EqualWithinAbsOrRel(a, b, tol, tol) }

// refNet is the net of testdata/reference.py: In = 2, Hidden = 3,
// Out = 2, w[k] = ((7k mod 11) − 5)/10 over the flat weights, with inputs
// x_t[j] = ((3t + 5j) mod 7 − 3)/4 and targets tg_t[o] =
// ((5t + 3o) mod 9 − 4)/5 for t = 0..3, none at step 1.
func refNet(act Activation) (n *Net, xs, targets [][]float64) {
	n = New(2, 3, 2, act)
	for k := range n.Flat() {
		n.Flat()[k] = float64((7*k)%11-5) / 10
	}
	for t := range 4 {
		xs = append(xs, []float64{float64((3*t)%7-3) / 4, float64((3*t+5)%7-3) / 4})
		targets = append(targets, []float64{float64((5*t)%9-4) / 5, float64((5*t+3)%9-4) / 5})
	}
	targets[1] = nil
	return n, xs, targets
}

func flatRows(rows [][]float64) []float64 {
	var s []float64
	for _, r := range rows {
		s = append(s, r...)
	}
	return s
}

func checkSlice(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d values, want %d", what, len(got), len(want))
		return
	}
	for i := range got {
		if !near(got[i], want[i], tol) {
			t.Errorf("%s[%d] = %.17g, want %.17g", what, i, got[i], want[i])
		}
	}
}

// TestSympyReference checks the forward pass, the losses and the
// gradients against sympy's symbolic derivatives: all the wants are the
// output of /usr/bin/python3 testdata/reference.py (see its comments).
func TestSympyReference(t *testing.T) {
	for _, tc := range []struct {
		act        Activation
		h, y       []float64
		loss       float64
		dw, dh     []float64 // SeqMSE, full BPTT
		lastLoss   float64
		lastDw     []float64 // LastMSE, full BPTT; nil: not computed
		lastDh     []float64
		trDw, trDh []float64 // SeqMSE, truncated at k = 2
	}{
		{act: Tanh,
			h:        []float64{0.5190218338982221, 0.099667994624955819, 0.17323515783466012, 0.13743933793351662, -0.45491287603295677, 0.61721170492924926, -0.39432319528064269, -0.49818026296477069, 0.67890299077044325, -0.34017505117973901, -0.77508097166598322, 0.74437627982524357},
			y:        []float64{-0.18789665049958429, 0.43291085086463188, 0.16712866189195749, 0.83715484520897654, 0.20294300241704127, 0.92430304916453832, 0.3333452726139664, 1.0704332469160143},
			loss:     0.96287727188147765,
			dw:       []float64{-0.023987268283482674, 0.045220636648841475, 0.039992908271205461, -0.0591895433112401, -0.048918378670844802, 0.026408816201380768, -0.016949198928895525, 0.051989478764529987, -0.088273345979974202, 0.017764587552841517, 0.14840912282325283, -0.20355803315789908, 0.059419671657350744, -0.075882291368035246, 0.13971875144971474, -0.19451123853371499, -0.53015683362227528, 0.489329102687102, 0.0079167426505150611, -0.09578014395780704, 0.20051400937219191, -0.22408476891409895, -0.61570859975530035, 0.7098202192005475, 0.44946387484380779, 1.142549048981728},
			dh:       []float64{-0.021936636981249594, -0.21023750588994652, 0.18850968109580027, -0.058059810226037352, -0.0075212926085310716, 0.19170563396147575, -0.078611266608586153, -0.25954425708744916, 0.25073939053973571, -0.062347774897200475, -0.3028515775011979, 0.11803007705579759},
			lastLoss: 1.7514816919258449,
			lastDw:   []float64{-0.051361429000659833, 0.10100390790784705, 0.10362073358841009, 0.28017676593445301, 0.048466679947232333, -0.086730027482353603, 0.042372036219832619, 0.13629958842109383, -0.1891082375569404, 0.1288879943911603, 0.17629366602139251, -0.24897065206636124, 0.0052011385685289072, -0.15041274207894686, 0.23026396973525859, -0.29594819139629619, -0.40112207389784815, 0.47600842266695115, 0.022674275299915534, 0.051662810868498159, -0.049616198004381482, -0.63627472549794051, -1.4497372184560244, 1.3923061420007941, -0.066654727386033619, 1.8704332469160143},
			lastDh:   []float64{0.0034344711009174985, -0.01385477479050373, 0.06056471769777784, -0.012183188034128167, -0.035552942170988561, 0.1346767130709578, -0.14340349490930465, 0.004695954286738197, 0.32647466106118711, -0.18704332469160143, -0.90855473250359364, 0.35409023116739274},
			trDw:     []float64{-0.024447342113160971, 0.043535177063410362, 0.022811359135695843, -0.052434412685122257, 0.012995054291167801, -0.00097154238243024203, -0.014881233795167656, 0.052386591032977256, -0.087583116315362114, 0.022642599169961555, 0.14934584957323177, -0.20192988756320565, 0.044995781482100553, -0.078652117441941213, 0.1349044551563737, -0.18991345581704397, -0.49784963051315201, 0.37898733195602374, 0.0079167426505150594, -0.09578014395780704, 0.20051400937219191, -0.22408476891409895, -0.61570859975530035, 0.7098202192005475, 0.44946387484380779, 1.142549048981728},
			trDh:     []float64{-0.021097028362154397, -0.18709892174416073, 0.10340439167435037, -0.053998747547994629, 0.0043296881151317808, 0.1468133962711565, -0.078611266608586153, -0.25954425708744916, 0.25073939053973571, -0.062347774897200475, -0.3028515775011979, 0.11803007705579759},
		},
		{act: ReLU,
			h:    []float64{0.57499999999999996, 0.10000000000000001, 0.17499999999999999, 0.16, 0, 0.73250000000000004, 0, 0, 0.79825000000000002, 0, 0, 0.99912500000000004},
			y:    []float64{-0.1875, 0.42749999999999999, 0.01975, 0.63049999999999995, 0.039475000000000003, 0.65964999999999996, 0.099737500000000007, 0.69982500000000003},
			loss: 0.65876858294270835,
			dw:   []float64{-0.0036047031249999998, -0.011887385416666667, 0.150405390625, -0.10027026041666667, -0.0058445286458333337, 0.011217046874999999, 0.016434098958333334, 0.0028581041666666668, 0.0050016822916666669, 0, 0, 0, 0.063950080729166664, 0.0071452604166666669, 0.17302950385416666, 0.033387312500000002, -0.20054052083333335, 0.41169711458333336, 0.11739583333333334, 0.020416666666666666, 0.1058828828125, 0.12027083333333333, 0.020916666666666667, 0.71163025520833334, 0.31723750000000001, 0.92899166666666666},
			dh:   []float64{0.0048062708333333334, -0.20054052083333335, 0.12737721874999999, 0.028581041666666668, -0.028581041666666668, 0.071452604166666669, -0.0079959166666666668, -0.20919741666666666, 0.14290520833333334, -0.049994166666666666, -0.20993583333333332, 0.069962083333333328},
		},
		{act: Sigmoid,
			h:    []float64{0.6399160967377342, 0.52497918747894001, 0.54363868723707887, 0.50962655122250966, 0.33573869642601673, 0.69947660116670174, 0.42532770358795391, 0.36460687004555764, 0.68665257058302609, 0.49261804972534057, 0.29376069592472309, 0.72221399823747978},
			y:    []float64{-0.24690006882045235, 0.28224653403417238, -0.12445249822039617, 0.42106331689808102, -0.13984697684331523, 0.41249430873503101, -0.10084007889864531, 0.44830064671260034},
			loss: 0.45491148368868628,
			dw:   []float64{0.00066501621876591916, 0.0053504693863909037, 0.014038199040357902, -0.0046925757966219898, -0.003200296071887303, 0.0085685999349233034, -0.0087507893956037495, -0.0068313124571721413, -0.012470505924326606, -0.027799938713814216, -0.020814474781290313, -0.04108642096942431, 0.01703622010268574, 0.012385608835899918, 0.022121014620441706, -0.022046927327939714, -0.098050473099767013, 0.055674179386352649, 0.10097683827109216, 0.10367125861873239, 0.084979353616830275, 0.36632600228542073, 0.25675643970761858, 0.48231611706516164, 0.17080429181252904, 0.71434716316060121},
			dh:   []float64{-0.015717669880279235, -0.15525838313314011, 0.091222842731785894, -0.0072954689003469518, -0.0011391951488372574, 0.02765602229236451, -0.02537302697669724, -0.1285014517052179, 0.095653372677676526, -0.041610021557086679, -0.14127143059894734, 0.033136035224308823},
		},
		{act: Linear,
			h:    []float64{0.57499999999999996, 0.10000000000000001, 0.17499999999999999, 0.16, -0.47499999999999998, 0.73250000000000004, -0.45400000000000001, -0.59575, 0.89324999999999999, -0.46389999999999998, -1.14825, 1.074975},
			y:    []float64{-0.1875, 0.42749999999999999, 0.20974999999999999, 0.86799999999999999, 0.30627500000000002, 1.021925, 0.58179250000000005, 1.33551},
			loss: 1.2046715090677083,
			dw:   []float64{-0.10952638620833334, 0.055837287749999999, 0.080445141708333334, 0.11240472025000001, 0.025607943604166666, -0.035656908791666664, -0.020612034000000001, 0.10584861183333333, -0.17848675020833332, 0.090731348583333329, 0.35567388158333335, -0.55954540662499996, 0.2471185195625, -0.27007608697916669, 0.55369762335416661, -0.2422209095, -0.99419172116666665, 1.4172560249166666, -0.047864963583333336, -0.22913552312499999, 0.37071334547916668, -0.36460151299999999, -0.99938705875, 1.1060889561666667, 0.56685583333333334, 1.2616449999999999},
			dh:   []float64{0.025287553833333334, -0.26579216116666665, 0.36992180575, -0.051849279999999998, -0.062991143333333333, 0.42920637750000001, -0.14447551666666666, -0.28525108333333332, 0.45758125833333335, -0.071183666666666673, -0.38015733333333335, 0.16054658333333333},
		},
	} {
		const tol = 1e-13
		n, xs, targets := refNet(tc.act)
		var tr Trace
		var g Grad
		n.Forward(&tr, xs)
		checkSlice(t, tc.act.String()+" h", flatRows(tr.H), tc.h, tol)
		checkSlice(t, tc.act.String()+" y", flatRows(tr.Y), tc.y, tol)
		if loss := SeqMSE(tr.DY, tr.Y, targets); !near(loss, tc.loss, tol) {
			t.Errorf("%v: SeqMSE = %.17g, want %.17g", tc.act, loss, tc.loss)
		}
		n.Backward(&g, &tr, tr.DY, 0)
		checkSlice(t, tc.act.String()+" seq dw", g.Flat(), tc.dw, tol)
		checkSlice(t, tc.act.String()+" seq dh", flatRows(g.DH), tc.dh, tol)
		if tc.lastDw == nil {
			continue
		}
		n.Backward(&g, &tr, tr.DY, 2)
		checkSlice(t, tc.act.String()+" trunc 2 dw", g.Flat(), tc.trDw, tol)
		checkSlice(t, tc.act.String()+" trunc 2 dh", flatRows(g.DH), tc.trDh, tol)
		if loss := LastMSE(tr.DY, tr.Y, targets[3]); !near(loss, tc.lastLoss, tol) {
			t.Errorf("%v: LastMSE = %.17g, want %.17g", tc.act, loss, tc.lastLoss)
		}
		n.Backward(&g, &tr, tr.DY, 0)
		checkSlice(t, tc.act.String()+" last dw", g.Flat(), tc.lastDw, tol)
		checkSlice(t, tc.act.String()+" last dh", flatRows(g.DH), tc.lastDh, tol)
	}
}

// The finite-difference checks below run the net with naiveOutputs, a
// second forward pass written unit by unit with Activation.Eval, so that
// they do not reuse the code they test.

// naiveOutputs runs n over xs[t0:t1] from the state h (nil: h = 0) and
// returns y_t for t = t0..t1−1. bump, if not nil, may change h_t just
// after it is computed.
func naiveOutputs(n *Net, h []float64, xs [][]float64, t0, t1 int, bump func(t int, h []float64)) (ys, hs [][]float64) {
	if h == nil {
		h = make([]float64, n.Hidden)
	}
	for t := t0; t < t1; t++ {
		next := make([]float64, n.Hidden)
		for i := range next {
			z := n.B[i]
			for j, x := range xs[t] {
				z += n.Wx[i*n.In+j] * x
			}
			for j, v := range h {
				z += n.Wh[i*n.Hidden+j] * v
			}
			next[i] = n.Act.Eval(z)
		}
		if bump != nil {
			bump(t, next)
		}
		h = next
		y := make([]float64, n.Out)
		for o := range y {
			y[o] = n.C[o]
			for j, v := range h {
				y[o] += n.Wy[o*n.Hidden+j] * v
			}
		}
		ys, hs = append(ys, y), append(hs, h)
	}
	return ys, hs
}

func halfSq(y, tg []float64) float64 {
	s := 0.0
	for o := range y {
		s += (y[o] - tg[o]) * (y[o] - tg[o])
	}
	return s / 2
}

// lossProblem is a loss Σ_s weight·½‖y_s − target_s‖² over the steps s
// with a target.
type lossProblem struct {
	xs, targets [][]float64
	weight      float64
}

// cutLoss is the loss whose gradient truncated BPTT with k steps computes:
// the term at step s is computed from h_{s−k} held fixed at hFix (the
// states of the unperturbed net) through steps s−k+1..s only, so its
// derivative with respect to the weights flows back k steps. With k = T
// it is the plain loss.
func (p lossProblem) cutLoss(n *Net, k int, hFix [][]float64) float64 {
	L := 0.0
	for s, tg := range p.targets {
		if tg == nil {
			continue
		}
		t0 := max(0, s-k+1)
		var h0 []float64
		if t0 > 0 {
			h0 = hFix[t0-1]
		}
		ys, _ := naiveOutputs(n, h0, p.xs, t0, s+1, nil)
		L += p.weight * halfSq(ys[len(ys)-1], tg)
	}
	return L
}

// hLoss is the sum of the loss terms at steps t..t+k−1 with h_t[i] moved
// by e: its derivative in e is the g_t of truncated BPTT (of full BPTT
// when k ≥ T).
func (p lossProblem) hLoss(n *Net, k, t, i int, e float64) float64 {
	ys, _ := naiveOutputs(n, nil, p.xs, 0, len(p.xs), func(s int, h []float64) {
		if s == t {
			h[i] += e
		}
	})
	L := 0.0
	for s := t; s < min(len(ys), t+k); s++ {
		if p.targets[s] != nil {
			L += p.weight * halfSq(ys[s], p.targets[s])
		}
	}
	return L
}

func randNet(rng *rand.Rand, in, hidden, out int, act Activation) *Net {
	n := New(in, hidden, out, act)
	for i := range n.Flat() {
		n.Flat()[i] = 0.6 * rng.NormFloat64()
	}
	return n
}

func randRows(rng *rand.Rand, T, w int) [][]float64 {
	r := make([][]float64, T)
	for t := range r {
		r[t] = make([]float64, w)
		for j := range r[t] {
			r[t][j] = rng.NormFloat64()
		}
	}
	return r
}

func TestBackwardFiniteDifferences(t *testing.T) {
	const T, tol = 7, 1e-7
	rng := rand.New(rand.NewPCG(1, 2))
	for _, act := range []Activation{Tanh, ReLU, Sigmoid, Linear} {
		n := randNet(rng, 2, 4, 3, act)
		xs, targets := randRows(rng, T, 2), randRows(rng, T, 3)
		targets[2], targets[5] = nil, nil
		seq := lossProblem{xs, targets, 1.0 / 5}
		last := lossProblem{xs, make([][]float64, T), 1}
		last.targets[T-1] = targets[T-1]

		var tr Trace
		var g Grad
		n.Forward(&tr, xs)
		for _, loss := range []string{"seq", "last"} {
			p := seq
			if loss == "seq" {
				SeqMSE(tr.DY, tr.Y, targets)
			} else {
				p = last
				LastMSE(tr.DY, tr.Y, targets[T-1])
			}
			for _, k := range []int{0, 1, 2, 3, T - 1, T, T + 3} {
				n.Backward(&g, &tr, tr.DY, k)
				kk := k
				if k == 0 {
					kk = T
				}
				hFix := tr.H
				w := append([]float64(nil), n.Flat()...)
				want := fd.Gradient(nil, func(x []float64) float64 {
					copy(n.Flat(), x)
					return p.cutLoss(n, kk, hFix)
				}, w, &fd.Settings{Formula: fd.Central})
				copy(n.Flat(), w)
				for i, v := range g.Flat() {
					if !near(v, want[i], tol) {
						t.Errorf("%v %s k=%d: ∂L/∂w[%d] = %.10g, want %.10g by finite differences", act, loss, k, i, v, want[i])
					}
				}
				for s := range T {
					for i := range n.Hidden {
						want := fd.Derivative(func(e float64) float64 { return p.hLoss(n, kk, s, i, e) }, 0, &fd.Settings{Formula: fd.Central})
						if !near(g.DH[s][i], want, tol) {
							t.Errorf("%v %s k=%d: g_%d[%d] = %.10g, want %.10g by finite differences", act, loss, k, s+1, i, g.DH[s][i], want)
						}
					}
				}
			}
		}
	}
}

// TestTruncatedFull checks that truncation at k = T, which keeps every
// path, gives full BPTT's gradients: the two code paths of Backward agree.
func TestTruncatedFull(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, act := range []Activation{Tanh, ReLU, Sigmoid, Linear} {
		n := randNet(rng, 3, 5, 2, act)
		xs, targets := randRows(rng, 9, 3), randRows(rng, 9, 2)
		var tr Trace
		var full, trunc Grad
		n.Forward(&tr, xs)
		SeqMSE(tr.DY, tr.Y, targets)
		n.Backward(&full, &tr, tr.DY, 0)
		n.Backward(&trunc, &tr, tr.DY, 8) // allocate, then take the truncated path with k = T
		n.gradTrunc(&trunc, &tr, tr.DY, 9)
		n.weightGrads(&trunc, &tr, tr.DY)
		checkSlice(t, act.String()+" truncated at T, dw", trunc.Flat(), full.Flat(), 1e-13)
		checkSlice(t, act.String()+" truncated at T, dh", flatRows(trunc.DH), flatRows(full.DH), 1e-13)
	}
}

// TestPerStep checks DHNorm and WhNorm against their definitions, and that
// the per-step terms δ_t h_{t−1}ᵀ add up to ∂L/∂Wh.
func TestPerStep(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	n := randNet(rng, 1, 3, 1, Tanh)
	xs, targets := randRows(rng, 6, 1), randRows(rng, 6, 1)
	var tr Trace
	var g Grad
	n.Forward(&tr, xs)
	SeqMSE(tr.DY, tr.Y, targets)
	for _, k := range []int{0, 2} {
		n.Backward(&g, &tr, tr.DY, k)
		sum := make([]float64, 9)
		for s := range 6 {
			var dh2, w2 float64
			for i, v := range g.DH[s] {
				dh2 += v * v
				d := v * n.Act.Deriv(tr.Z[s][i])
				for j := range 3 {
					hp := 0.0
					if s > 0 {
						hp = tr.H[s-1][j]
					}
					sum[i*3+j] += d * hp
					w2 += d * hp * d * hp
				}
			}
			if !near(g.DHNorm[s], math.Sqrt(dh2), 1e-14) || !near(g.WhNorm[s], math.Sqrt(w2), 1e-14) {
				t.Errorf("k=%d step %d: DHNorm, WhNorm = %g, %g, want %g, %g", k, s+1, g.DHNorm[s], g.WhNorm[s], math.Sqrt(dh2), math.Sqrt(w2))
			}
		}
		checkSlice(t, "Σ_t δ_t h_{t−1}ᵀ", g.Wh, sum, 1e-14)
	}
}

// TestLinearRatio is the vanishing/exploding gradient in its purest form:
// one linear unit with Wh = ρ and the loss on the last output give
// g_t = ρ^(T−t) g_T, so ‖g_1‖/‖g_T‖ = |ρ|^(T−1).
func TestLinearRatio(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for i, tc := range []struct {
		rho float64
		T   int
	}{
		{0.5, 10}, {0.9, 50}, {1, 50}, {1.1, 50}, {-0.8, 30}, {0.5, 200}, {1.5, 100},
	} {
		n := New(1, 1, 1, Linear)
		if err := n.Init(rng, tc.rho); err != nil {
			t.Fatal(err)
		}
		if n.Wh[0] != tc.rho {
			t.Errorf("%d: Init(ρ = %g) gave Wh = %g", i, tc.rho, n.Wh[0])
		}
		var tr Trace
		var g Grad
		n.Forward(&tr, randRows(rng, tc.T, 1))
		LastMSE(tr.DY, tr.Y, []float64{2})
		n.Backward(&g, &tr, tr.DY, 0)
		got := g.DHNorm[0] / g.DHNorm[tc.T-1]
		if want := math.Pow(math.Abs(tc.rho), float64(tc.T-1)); !near(got, want, 1e-12) {
			t.Errorf("%d: ρ = %g, T = %d: ‖g_1‖/‖g_T‖ = %.17g, want %.17g", i, tc.rho, tc.T, got, want)
		}
	}
}

func TestInit(t *testing.T) {
	for i, tc := range []struct {
		hidden int
		rho    float64
	}{
		{1, 0.7}, {2, 0.5}, {5, 1}, {8, -0.9}, {32, 1.2}, {32, 0},
	} {
		n := New(3, tc.hidden, 2, Tanh)
		if err := n.Init(rand.New(rand.NewPCG(uint64(i), 9)), tc.rho); err != nil {
			t.Fatal(err)
		}
		r, err := SpectralRadius(tc.hidden, n.Wh)
		if err != nil {
			t.Fatal(err)
		}
		if !near(r, math.Abs(tc.rho), 1e-12) {
			t.Errorf("%d: Init(hidden %d, ρ = %g) spectral radius %.17g, want %g", i, tc.hidden, tc.rho, r, math.Abs(tc.rho))
		}
		for _, v := range append(n.B, n.C...) {
			if v != 0 {
				t.Errorf("%d: Init left a bias at %g, want 0", i, v)
			}
		}
		m := New(3, tc.hidden, 2, Tanh)
		m.Init(rand.New(rand.NewPCG(uint64(i), 9)), tc.rho)
		for k, v := range m.Flat() {
			if v != n.Flat()[k] {
				t.Fatalf("%d: Init is not deterministic: w[%d] = %g then %g", i, k, n.Flat()[k], v)
			}
		}
	}

	// Var(Wx) = 1/In and Var(Wy) = 1/Hidden: a 200×50 layer holds 10⁴
	// draws, so the sample variance is within 5% with overwhelming odds.
	n := New(50, 200, 200, Linear)
	n.Init(rand.New(rand.NewPCG(1, 1)), 1)
	for _, tc := range []struct {
		name string
		w    []float64
		want float64
	}{{"Wx", n.Wx, 1.0 / 50}, {"Wy", n.Wy, 1.0 / 200}} {
		v := 0.0
		for _, x := range tc.w {
			v += x * x
		}
		if v /= float64(len(tc.w)); math.Abs(v/tc.want-1) > 0.05 {
			t.Errorf("Var(%s) = %g, want %g", tc.name, v, tc.want)
		}
	}
}

func TestSpectralRadius(t *testing.T) {
	for i, tc := range []struct {
		n    int
		w    []float64
		want float64
	}{
		{1, []float64{-0.3}, 0.3},
		{2, []float64{0, 1, -1, 0}, 1}, // rotation by 90°: eigenvalues ±i
		// max(abs(np.linalg.eigvals(np.array([[1., 2], [3, 4]])))) = (5 + √33)/2
		{2, []float64{1, 2, 3, 4}, 5.372281323269014},
		// max(abs(np.linalg.eigvals(np.array([[0.5, -1, 0.2], [0.8, 0.1, 0], [0.3, 0.4, -0.6]])))):
		// a complex pair 0.2926 ± 0.8287i and the real −0.5852.
		{3, []float64{0.5, -1, 0.2, 0.8, 0.1, 0, 0.3, 0.4, -0.6}, 0.8788768301987978},
	} {
		got, err := SpectralRadius(tc.n, tc.w)
		if err != nil || !near(got, tc.want, 1e-13) {
			t.Errorf("%d: SpectralRadius(%v) = %.17g, %v, want %.17g", i, tc.w, got, err, tc.want)
		}
	}
}

func TestLosses(t *testing.T) {
	ys := [][]float64{{1, 2}, {0, 0}, {3, -1}}
	dY := [][]float64{{9, 9}, {9, 9}, {9, 9}}
	// Two steps with targets: (½(0.5² + 1²) + ½(1² + 0²))/2 = 0.5625.
	got := SeqMSE(dY, ys, [][]float64{{0.5, 1}, nil, {2, -1}})
	if want := 0.5625; got != want {
		t.Errorf("SeqMSE = %g, want %g", got, want)
	}
	checkSlice(t, "SeqMSE dY", flatRows(dY), []float64{0.25, 0.5, 0, 0, 0.5, 0}, 0)
	if got := SeqMSE(dY, ys, make([][]float64, 3)); got != 0 || !allZero(flatRows(dY)) {
		t.Errorf("SeqMSE with no targets = %g, dY %v, want 0 and zeros", got, dY)
	}
	// y_T − target = (2, −2): ½(2² + 2²) = 4.
	if got, want := LastMSE(dY, ys, []float64{1, 1}), 4.0; got != want {
		t.Errorf("LastMSE = %g, want %g", got, want)
	}
	checkSlice(t, "LastMSE dY", flatRows(dY), []float64{0, 0, 0, 0, 2, -2}, 0)
}

func TestClipNorm(t *testing.T) {
	for i, tc := range []struct {
		max, norm float64 // threshold; norm after clipping
	}{
		{1, 1}, {5, 5}, {10, 5}, {math.Inf(1), 5},
	} {
		w := NewWeights(1, 1, 1)
		copy(w.Flat(), []float64{3, 0, 0, 4, 0}) // norm 5
		if got := w.ClipNorm(tc.max); got != 5 {
			t.Errorf("%d: ClipNorm(%g) = %g, want 5", i, tc.max, got)
		}
		if got := w.Norm(); !near(got, tc.norm, 1e-15) {
			t.Errorf("%d: after ClipNorm(%g) the norm is %g, want %g", i, tc.max, got, tc.norm)
		}
		if want := 0.6 * tc.norm; !near(w.Wx[0], want, 1e-15) {
			t.Errorf("%d: ClipNorm(%g) changed the direction: Wx = %g, want %g", i, tc.max, w.Wx[0], want)
		}
	}
}

func TestAddScaled(t *testing.T) {
	w, g := NewWeights(1, 2, 1), NewWeights(1, 2, 1)
	for i := range w.Flat() {
		w.Flat()[i], g.Flat()[i] = float64(i), 1
	}
	w.AddScaled(-0.5, g)
	for i, v := range w.Flat() {
		if v != float64(i)-0.5 {
			t.Errorf("AddScaled: w[%d] = %g, want %g", i, v, float64(i)-0.5)
		}
	}
	// The views and the flat slice are the same memory, in the
	// documented order.
	w.Wy[1] = 42
	if w.Flat()[2+4+2+1] != 42 {
		t.Errorf("Wy[1] is not Flat()[9]")
	}
}

func TestGenerate(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, tc := range []struct {
		in   int
		feed Feed
	}{{1, nil}, {len(Alphabet), FeedOneHot}} {
		n := randNet(rng, tc.in, 5, tc.in, Tanh)
		warm := randRows(rng, 6, tc.in)
		gen := n.Generate(warm, 4, tc.feed)
		// Running Forward on the warm-up followed by the fed-back outputs
		// must reproduce them.
		xs := append([][]float64(nil), warm...)
		for _, y := range gen[:3] {
			x := make([]float64, tc.in)
			if tc.feed == nil {
				copy(x, y)
			} else {
				tc.feed(x, y)
			}
			xs = append(xs, x)
		}
		var tr Trace
		n.Forward(&tr, xs)
		checkSlice(t, "Generate", flatRows(gen), flatRows(tr.Y[5:]), 0)
	}
	if got := len(New(1, 1, 1, Tanh).Generate([][]float64{{0}}, 0, nil)); got != 0 {
		t.Errorf("Generate(steps 0) gave %d outputs", got)
	}
}

func TestActivation(t *testing.T) {
	for _, a := range []Activation{Tanh, ReLU, Sigmoid, Linear} {
		b, err := ParseActivation(a.String())
		if err != nil || b != a {
			t.Errorf("ParseActivation(%q) = %v, %v", a.String(), b, err)
		}
		for _, z := range []float64{-2, -0.3, 0.4, 1.7} {
			want := fd.Derivative(a.Eval, z, &fd.Settings{Formula: fd.Central})
			if got := a.Deriv(z); !near(got, want, 1e-8) {
				t.Errorf("%v.Deriv(%g) = %g, want %g", a, z, got, want)
			}
		}
	}
	for i, tc := range []struct {
		a       Activation
		z, f, d float64
	}{
		{Tanh, 0, 0, 1}, {Tanh, 0.5, 0.46211715726000974, 0.7864477329659274}, // math.tanh(0.5), 1 − tanh²
		{ReLU, 0, 0, 0}, {ReLU, -1, 0, 0}, {ReLU, 2, 2, 1},
		{Sigmoid, 0, 0.5, 0.25}, {Sigmoid, 2, 0.8807970779778823, 0.10499358540350662}, // 1/(1+e⁻²), s(1−s)
		{Linear, -3, -3, 1},
	} {
		if f, d := tc.a.Eval(tc.z), tc.a.Deriv(tc.z); !near(f, tc.f, 1e-15) || !near(d, tc.d, 1e-15) {
			t.Errorf("%d: %v(%g) = %g, φ' = %g, want %g, %g", i, tc.a, tc.z, f, d, tc.f, tc.d)
		}
	}
	if _, err := ParseActivation("softmax"); !errors.Is(err, ErrUnknown) {
		t.Errorf(`ParseActivation("softmax") error %v, want ErrUnknown`, err)
	}
	if len(ActivationNames()) != 4 || Activation(7).String() != "Activation(7)" {
		t.Errorf("ActivationNames() = %v, Activation(7) = %v", ActivationNames(), Activation(7))
	}
}

func TestPanics(t *testing.T) {
	n := New(1, 2, 1, Tanh)
	var tr Trace
	var g Grad
	n.Forward(&tr, [][]float64{{1}, {2}})
	for _, tc := range []struct {
		name string
		f    func()
	}{
		{"New(0, …)", func() { New(0, 2, 1, Tanh) }},
		{"New(bad activation)", func() { New(1, 2, 1, Activation(9)) }},
		{"Forward(empty)", func() { n.Forward(&tr, nil) }},
		{"Forward(wide row)", func() { n.Forward(&tr, [][]float64{{1, 2}}) }},
		{"Backward(short dY)", func() { n.Backward(&g, &tr, tr.DY[:1], 0) }},
		{"Backward(trunc < 0)", func() { n.Backward(&g, &tr, tr.DY, -1) }},
		{"Backward(other net)", func() { New(1, 3, 1, Tanh).Backward(&g, &tr, tr.DY, 0) }},
		{"ClipNorm(0)", func() { n.ClipNorm(0) }},
		{"ClipNorm(NaN)", func() { n.ClipNorm(math.NaN()) }},
		{"AddScaled(other shape)", func() { n.AddScaled(1, NewWeights(2, 2, 1)) }},
		{"Init(ρ = Inf)", func() { n.Init(rand.New(rand.NewPCG(1, 1)), math.Inf(1)) }},
		{"SpectralRadius(3, 4 values)", func() { SpectralRadius(3, make([]float64, 4)) }},
		{"SeqMSE(ragged)", func() { SeqMSE(tr.DY, tr.Y, [][]float64{{1, 2}, nil}) }},
		{"LastMSE(wide target)", func() { LastMSE(tr.DY, tr.Y, []float64{1, 2}) }},
		{"Generate(In ≠ Out)", func() { New(2, 2, 1, Tanh).Generate([][]float64{{1, 2}}, 3, nil) }},
		{"Generate(no warm-up)", func() { n.Generate(nil, 3, nil) }},
		{"CharOf(short)", func() { CharOf([]float64{1}) }},
		{"AR.Predict(short history)", func() { AR{Coef: []float64{1, 2}}.Predict([]float64{1}) }},
	} {
		func() {
			defer func() {
				r := recover()
				if s, ok := r.(string); !ok || !strings.HasPrefix(s, "rnn: ") {
					t.Errorf("%s: recovered %v, want an rnn: panic", tc.name, r)
				}
			}()
			tc.f()
		}()
	}
}
