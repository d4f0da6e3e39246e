package stats

import (
	"encoding/binary"
	"errors"
	"hash/fnv"
	"math"
	"slices"
	"strconv"

	"github.com/aimath/playground/core/contour"
	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/fit"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// Levels of the likelihood-ratio confidence regions drawn on the
// log-likelihood: ℓ ≥ ℓ̂ − χ²_k(0.95)/2, with
// scipy.stats.chi2.ppf(0.95, 1)/2 = 1.920729410347062 and
// scipy.stats.chi2.ppf(0.95, 2)/2 = 2.995732273553991 (= log 20).
const (
	lrDrop1 = 1.920729410347062
	lrDrop2 = 2.995732273553991
)

// Size of the log-likelihood surface's grid.
const surfN = 61

// fitView fits the chosen family to the data by maximum likelihood and
// tests the fit.
type fitView struct {
	source  string
	family  fit.Family
	reveal  bool
	xs      []float64 // the data, in the order drawn or pasted
	s       *fit.Sample
	hist    histogram
	truth   fit.Dist
	known   bool   // the truth is known (not pasted data)
	problem string // a status key when nothing is fitted
	refused *fit.SupportError

	d      fit.Dist // the fit
	loglik float64
	aic    float64
	ks     fit.KS
	chi    fit.ChiSq
	cells  []fit.Cell
	kl     float64
	best   fit.Family // lowest AIC among the families that fit
	bestA  float64
	hasBst bool

	surf  surface
	probe *[2]float64 // parameters under the pointer on the surface
}

// surface is the log-likelihood over a grid of parameters (two-parameter
// families) or along one parameter.
type surface struct {
	r      figure.Rect // the parameters' window (X: first, Y: second)
	vals   []float64   // surfN×surfN, row 0 at the top (contour's layout); NaN outside the parameter space or at −∞
	lo, hi float64     // the colour range
	key    string      // the raster's cache key: a hash of vals, lo and hi
	lines  [][]figure.Vec
	region [][]figure.Vec // the 95% likelihood-ratio region's boundary
	curve  []figure.Vec   // the one-parameter curve
	ci     [2]float64     // the one-parameter 95% interval
}

func (f *fitView) reset(v *param.Values) {
	*f = fitView{source: v.String(pSource), reveal: v.Bool(pReveal)}
	f.family, _ = fit.Parse(v.String(pFamily))
	if f.source == sourcePasted {
		f.xs, _ = parseData(v.String(pData))
	} else {
		f.truth, f.known = hiddenDist(f.source, v.Int(pSeed)), true
		f.xs = draw(f.truth, v.Int(pN), v.Int(pSeed), streamData)
	}
	if len(f.xs) == 0 {
		f.problem = "need_data"
		return
	}
	f.s = fit.NewSample(f.xs)
	f.hist = newHistogram(f.s.X)
	// AIC compares the families of one kind only: probabilities of counts
	// and densities of reals are not on the same scale.
	counts := f.s.Kind == fit.Binary || f.s.Kind == fit.Counts
	for _, fam := range fit.Families() {
		d, err := fit.Fit(fam, f.s)
		if err != nil || fam.Discrete() != counts {
			continue
		}
		a := fit.AIC(fam.NumParams(), f.s.LogLik(d))
		if !f.hasBst || a < f.bestA {
			f.best, f.bestA, f.hasBst = fam, a, true
		}
	}
	d, err := fit.Fit(f.family, f.s)
	var se *fit.SupportError
	switch {
	case errors.As(err, &se):
		f.problem = msg("needs_"+se.Need.String(), "x", se.Value)
		f.refused = se
		return
	case err != nil:
		f.problem = "degenerate"
		return
	}
	f.d = d
	f.loglik = f.s.LogLik(d)
	f.aic = fit.AIC(f.family.NumParams(), f.loglik)
	f.ks = fit.KSTest(f.s.X, d.CDF)
	if f.family.Discrete() {
		f.chi, f.cells = fit.ChiSquareDiscrete(f.s, d)
	}
	f.kl = math.NaN()
	if f.known {
		f.kl = fit.KL(f.truth, d)
	}
	f.surf = f.surface()
}

// window returns the parameters shown around the MLE: wide enough to see
// the shape of the log-likelihood with a few data, the same whatever the
// number of data (so that its peak visibly narrows as n grows).
func (f *fitView) window() figure.Rect {
	a, b := f.d.P[0], f.d.P[1]
	switch f.family {
	case fit.Normal, fit.LogNormal:
		return figure.Rect{X0: a - 1.2*b, X1: a + 1.2*b, Y0: 0.35 * b, Y1: 2 * b}
	case fit.Laplace:
		return figure.Rect{X0: a - 1.5*b, X1: a + 1.5*b, Y0: 0.35 * b, Y1: 2 * b}
	case fit.Gamma, fit.Beta:
		return figure.Rect{X0: a / 3, X1: 2.5 * a, Y0: b / 3, Y1: 2.5 * b}
	case fit.Uniform:
		r := b - a
		return figure.Rect{X0: a - 0.6*r, X1: a + 0.3*r, Y0: b - 0.3*r, Y1: b + 0.6*r}
	case fit.Bernoulli:
		return figure.Rect{X0: 0, X1: 1}
	}
	if a == 0 { // Poisson with λ̂ = 0
		return figure.Rect{X0: 0, X1: 1}
	}
	return figure.Rect{X0: a / 3, X1: 3 * a}
}

// at is the member of the family with parameters (a, b).
func (f *fitView) at(a, b float64) fit.Dist { return fit.NewDist(f.family, a, b) }

// surface computes the log-likelihood over the window: a grid of
// surfN×surfN for two parameters (from the sufficient statistics, so
// whatever n), a curve for one.
func (f *fitView) surface() surface {
	s := surface{r: f.window()}
	if f.family.NumParams() == 1 {
		s.curve = make([]figure.Vec, 0, curvePts+1)
		for i := range curvePts + 1 {
			t := s.r.X0 + s.r.W()*float64(i)/curvePts
			if y := f.s.LogLik(f.at(t, 0)); finite(y) {
				s.curve = append(s.curve, figure.Vec{X: t, Y: y})
			}
		}
		s.ci = f.interval()
		return s
	}
	s.vals = contour.Sample(nil, surfN, surfN, s.r, func(a, b float64) float64 {
		y := f.s.LogLik(f.at(a, b))
		if !finite(y) {
			return math.NaN()
		}
		return y
	})
	var fin []float64
	for _, y := range s.vals {
		if finite(y) {
			fin = append(fin, y)
		}
	}
	if len(fin) == 0 {
		s.lo, s.hi = f.loglik-1, f.loglik
		return s
	}
	slices.Sort(fin)
	// Colour the upper half of the values: the lower half lies far down
	// the slopes, where the surface only gets steeper.
	s.hi = math.Max(f.loglik, fin[len(fin)-1])
	s.lo = math.Min(fin[len(fin)/2], s.hi-1)
	clipped := make([]float64, len(s.vals))
	for i, y := range s.vals {
		clipped[i] = math.Max(y, s.lo)
		if math.IsNaN(y) {
			clipped[i] = math.NaN()
		}
	}
	for _, lv := range contour.Levels(clipped, 7) {
		if lv > s.lo {
			s.lines = append(s.lines, contour.Lines(clipped, surfN, surfN, s.r, lv)...)
		}
	}
	s.region = contour.Lines(s.vals, surfN, surfN, s.r, f.loglik-lrDrop2)
	s.key = rasterKey(s.vals, s.lo, s.hi)
	return s
}

// rasterKey names a raster by its content, so that renderers (which cache
// rasters by key, across lessons and reopenings) redraw it exactly when
// the values change.
func rasterKey(vals []float64, lo, hi float64) string {
	h := fnv.New64a()
	var b [8]byte
	for _, x := range append([]float64{lo, hi}, vals...) {
		binary.LittleEndian.PutUint64(b[:], math.Float64bits(x))
		h.Write(b[:])
	}
	return "stats-surface-" + strconv.FormatUint(h.Sum64(), 16)
}

// interval is the one-parameter likelihood-ratio 95% interval
// {θ : ℓ(θ) ≥ ℓ̂ − χ²₁(0.95)/2}, by bisection on each side of the MLE
// within the window (an end at the window's edge when the interval
// reaches beyond it).
func (f *fitView) interval() [2]float64 {
	w := f.window()
	mle := f.d.P[0]
	inside := func(t float64) bool { return f.s.LogLik(f.at(t, 0)) >= f.loglik-lrDrop1 }
	side := func(out float64) float64 {
		if inside(out) {
			return out
		}
		in := mle
		for range 60 {
			mid := (in + out) / 2
			if inside(mid) {
				in = mid
			} else {
				out = mid
			}
		}
		return in
	}
	return [2]float64{side(w.X0), side(w.X1)}
}

func (f *fitView) tune(name string, v *param.Values) {
	if name == pReveal {
		f.reveal = v.Bool(pReveal)
	}
}

func (f *fitView) step(*param.Values) bool { return false }
func (f *fitView) unit(*param.Values) bool { return false }

// pointer shows the member of the family under the pointer on the
// log-likelihood panel: its density over the data and its ℓ.
func (f *fitView) pointer(p lesson.Pointer, _ *param.Values) bool {
	if f.problem != "" {
		return false
	}
	if p.Panel != panelSurface {
		if f.probe == nil {
			return false
		}
		f.probe = nil
		return true
	}
	w := f.surf.r
	a, b := math.Max(w.X0, math.Min(w.X1, p.At.X)), math.Max(w.Y0, math.Min(w.Y1, p.At.Y))
	if f.family.NumParams() == 1 {
		b = 0
	}
	if !f.at(a, b).Valid() {
		return false
	}
	f.probe = &[2]float64{a, b}
	return true
}

func (f *fitView) readouts() []lesson.Readout {
	ros := []lesson.Readout{lesson.Num("count", float64(len(f.xs)))}
	if f.s != nil {
		ros = append(ros, lesson.Str("support", f.s.Kind.String()), lesson.Str("suggested", f.s.Kind.Suggest().String()))
	}
	if f.problem != "" {
		ros = append(ros, lesson.Str("status", f.problem))
	} else {
		ros = append(ros, num("mle_1", f.d.P[0]))
		if f.family.NumParams() == 2 {
			ros = append(ros, num("mle_2", f.d.P[1]))
		}
		ros = append(ros, num("loglik", f.loglik), num("aic", f.aic))
	}
	if f.hasBst {
		ros = append(ros, lesson.Str("aic_best", f.best.String()))
		if f.problem == "" && f.family.Discrete() == f.best.Discrete() {
			ros = append(ros, num("delta_aic", f.aic-f.bestA))
		}
	}
	if f.problem == "" {
		ros = append(ros, num("ks_stat", f.ks.D), num("ks_p", f.ks.P))
		if f.family.Discrete() {
			ros = append(ros, num("chi2_stat", f.chi.Stat), lesson.Num("chi2_df", float64(f.chi.DF)))
			if f.chi.DF >= 1 {
				ros = append(ros, num("chi2_p", f.chi.P))
			} else {
				ros = append(ros, lesson.Str("chi2_p", "no_df"))
			}
		}
		switch {
		case !f.known:
			ros = append(ros, lesson.Str("kl", "unknown"))
		case math.IsNaN(f.kl):
			ros = append(ros, lesson.Str("kl", "mixed"))
		default:
			ros = append(ros, num("kl", f.kl))
		}
	}
	if f.reveal && f.known {
		if f.source == sourceMystery {
			ros = append(ros, lesson.Str("true_family", f.truth.Family.String()))
		}
		ros = append(ros, num("true_1", f.truth.P[0]))
		if f.truth.Family.NumParams() == 2 {
			ros = append(ros, num("true_2", f.truth.P[1]))
		}
	}
	if f.probe != nil {
		ros = append(ros, num("probe_1", f.probe[0]))
		if f.family.NumParams() == 2 {
			ros = append(ros, num("probe_2", f.probe[1]))
		}
		ros = append(ros, num("probe_loglik", f.s.LogLik(f.at(f.probe[0], f.probe[1]))))
	}
	return ros
}

// data is the data set, one value a row, in the order drawn or pasted.
func (f *fitView) data() lesson.Table {
	rows := make([][]float64, len(f.xs))
	for i, x := range f.xs {
		rows[i] = []float64{x}
	}
	return lesson.Table{Columns: []string{"x"}, Rows: rows}
}
