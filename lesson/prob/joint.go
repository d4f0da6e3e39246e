package prob

import (
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distmv"

	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// The joint view: a joint distribution of (X, Y) as a heatmap with the
// marginals p(x) above and p(y) beside it, and a slice at x whose
// rescaled profile is the conditional p(y | x) = p(x, y)/p(x). Either the
// standard bivariate normal with correlation ρ (gonum's distmv.Normal
// gives the marginal and the conditional N(ρx, 1 − ρ²)) or a table of
// counts n_ij the student types or clicks (P(X = i, Y = j) = n_ij/Σn).
// X and Y are independent, p(x, y) = p(x)p(y), exactly when ρ = 0, or
// when the table's rows are proportional.

// Panel IDs of the joint view and the slice's handle.
const (
	panelJoint = "joint"
	panelPX    = "px"
	panelPY    = "py"
	panelCond  = "cond"
	idSlice    = "slice"
)

// Readout values of independence (message keys).
const (
	valIndependent = "independent"
	valDependent   = "dependent"
	noteTableZero  = "table_zero" // every count is 0: the table is read as uniform
)

// jointCells is the bivariate normal's raster: cells a side over
// [−4, 4]².
const jointCells = 100

// indepTol is how far p(x, y) may be from p(x)p(y), everywhere, for a
// table to count as independent (the rounding of the division by Σn).
const indepTol = 1e-12

// jointView is the state of the joint view.
type jointView struct {
	kind  string
	rho   float64
	slice float64
	drag  bool
	note  string

	// The bivariate normal: its density on the raster's cells.
	grid    []float64
	gridKey string

	// The table: counts, p[i][j] = P(X = i, Y = j) and the marginals.
	counts [][]float64
	p      [][]float64
	px, py []float64
}

func (s *jointView) reset(v *param.Values) {
	s.kind = v.String(pJoint)
	s.drag = false
	s.load(v)
}

// load reads every parameter of the view.
func (s *jointView) load(v *param.Values) {
	s.rho = v.Float(pRho)
	s.slice = v.Float(pSlice)
	if s.kind == jointTable {
		s.setTable(v.Matrix(pTable))
		return
	}
	s.note = ""
	s.fillGrid()
}

func (s *jointView) tune(_ string, v *param.Values) { s.load(v) }

// bvnDensity is the standard bivariate normal density with correlation
// rho, exp(−(x² − 2ρxy + y²)/(2(1 − ρ²)))/(2π√(1 − ρ²)): the raster needs
// it 10 000 times per change of ρ, which distmv.Normal.Prob would spend
// milliseconds on (the tests check the two agree).
func bvnDensity(x, y, rho float64) float64 {
	q := 1 - rho*rho
	return math.Exp(-(x*x-2*rho*x*y+y*y)/(2*q)) / (2 * math.Pi * math.Sqrt(q))
}

func (s *jointView) fillGrid() {
	key := "bvn:" + strconv.FormatFloat(s.rho, 'g', -1, 64)
	if key == s.gridKey {
		return
	}
	s.gridKey = key
	if len(s.grid) != jointCells*jointCells {
		s.grid = make([]float64, jointCells*jointCells)
	}
	cell := 2.0 * sliceLimit / jointCells
	for r := range jointCells {
		y := sliceLimit - (float64(r)+0.5)*cell // row 0 is the top
		for c := range jointCells {
			x := -sliceLimit + (float64(c)+0.5)*cell
			s.grid[r*jointCells+c] = bvnDensity(x, y, s.rho)
		}
	}
}

// bvn is the bivariate normal as gonum's distmv.Normal.
func (s *jointView) bvn() *distmv.Normal {
	n, ok := distmv.NewNormal([]float64{0, 0}, mat.NewSymDense(2, []float64{1, s.rho, s.rho, 1}), nil)
	if !ok { // |ρ| < 1 by the spec
		panic("prob: bivariate normal with |ρ| ≥ 1")
	}
	return n
}

// conditional returns the mean and variance of Y given X = x under the
// bivariate normal: distmv's ConditionNormal, N(ρx, 1 − ρ²).
func (s *jointView) conditional(x float64) (mean, variance float64) {
	c, ok := s.bvn().ConditionNormal([]int{0}, []float64{x}, nil)
	if !ok {
		return math.NaN(), math.NaN()
	}
	var cov mat.SymDense
	c.CovarianceMatrix(&cov)
	return c.Mean(nil)[0], cov.At(0, 0)
}

// setTable normalises the counts to probabilities and sums the marginals.
// All zeros read as the uniform table, with a note.
func (s *jointView) setTable(counts [][]float64) {
	s.counts = counts
	m, n := len(counts), len(counts[0])
	total := 0.0
	for _, row := range counts {
		for _, c := range row {
			total += c
		}
	}
	s.note = ""
	if !(total > 0) {
		s.note = noteTableZero
	}
	s.p = make([][]float64, m)
	s.px = make([]float64, m)
	s.py = make([]float64, n)
	for i, row := range counts {
		s.p[i] = make([]float64, n)
		for j, c := range row {
			q := c / total
			if !(total > 0) {
				q = 1 / float64(m*n)
			}
			s.p[i][j] = q
			s.px[i] += q
			s.py[j] += q
		}
	}
}

// column is the table's row index i under the slice: the nearest value
// of X.
func (s *jointView) column() int {
	return max(0, min(len(s.p)-1, int(math.Round(s.slice))))
}

// tableStats are the table's conditional mean and variance of Y at the
// slice, the correlation of X and Y, their mutual information
// Σ p ln(p/(p(x)p(y))), and whether p(x, y) = p(x)p(y) everywhere.
func (s *jointView) tableStats() (condMean, condVar, corr, mi float64, indep bool) {
	i := s.column()
	condMean, condVar = math.NaN(), math.NaN()
	if s.px[i] > 0 {
		condMean, condVar = 0, 0
		for j, q := range s.p[i] {
			condMean += float64(j) * q / s.px[i]
		}
		for j, q := range s.p[i] {
			d := float64(j) - condMean
			condVar += d * d * q / s.px[i]
		}
	}
	var mx, my float64
	for i, q := range s.px {
		mx += float64(i) * q
	}
	for j, q := range s.py {
		my += float64(j) * q
	}
	var sxx, syy, sxy float64
	indep = true
	for i, row := range s.p {
		for j, q := range row {
			dx, dy := float64(i)-mx, float64(j)-my
			sxx += dx * dx * q
			syy += dy * dy * q
			sxy += dx * dy * q
			if q > 0 {
				mi += q * math.Log(q/(s.px[i]*s.py[j]))
			}
			if math.Abs(q-s.px[i]*s.py[j]) > indepTol {
				indep = false
			}
		}
	}
	corr = sxy / math.Sqrt(sxx*syy)
	return condMean, condVar, corr, max(mi, 0), indep
}

func (s *jointView) step(*param.Values) bool { return false }
func (s *jointView) unit(*param.Values) bool { return false }

// pointer: dragging the slice's handle, or pressing on the marginal p(x)
// (or on the normal's heatmap), moves the slice; a click on a cell of the
// table adds one to its count (the secondary button takes one away).
func (s *jointView) pointer(p lesson.Pointer, v *param.Values) bool {
	switch p.Phase {
	case lesson.Up:
		s.drag = false
		return false
	case lesson.Move:
		if !s.drag || !p.Held {
			return false
		}
		return s.moveSlice(p.At.X, v)
	}
	onSlice := p.Hit == idSlice || p.Panel == panelPX || (p.Panel == panelJoint && s.kind == jointNormal)
	if onSlice && p.Button == 0 {
		s.drag = true
		return s.moveSlice(p.At.X, v)
	}
	if p.Panel == panelJoint && s.kind == jointTable {
		return s.click(p, v)
	}
	return false
}

func (s *jointView) moveSlice(x float64, v *param.Values) bool {
	x = param.Snap(math.Max(-sliceLimit, math.Min(sliceLimit, x)), 0.1)
	if s.kind == jointTable {
		x = float64(max(0, min(len(s.p)-1, int(math.Round(x)))))
	}
	if x == s.slice {
		return false
	}
	v.Set(pSlice, x)
	s.load(v)
	return true
}

func (s *jointView) click(p lesson.Pointer, v *param.Values) bool {
	i, j := int(math.Round(p.At.X)), int(math.Round(p.At.Y))
	if i < 0 || i >= len(s.counts) || j < 0 || j >= len(s.counts[0]) {
		return false
	}
	m := v.Matrix(pTable)
	d := 1.0
	if p.Button == 2 {
		d = -1
	}
	c := math.Max(0, math.Min(maxCount, m[i][j]+d))
	if c == m[i][j] {
		return false
	}
	m[i][j] = c
	v.Set(pTable, m)
	s.load(v)
	return true
}

func (s *jointView) readouts() []lesson.Readout {
	indep := func(b bool) lesson.Readout {
		if b {
			return lesson.Str("independence", valIndependent)
		}
		return lesson.Str("independence", valDependent)
	}
	if s.kind == jointTable {
		i := s.column()
		cm, cv, corr, mi, ind := s.tableStats()
		ros := []lesson.Readout{
			lesson.Num("x", float64(i)),
			num("p_x", s.px[i]),
			num("cond_mean", cm),
			num("cond_var", cv),
			num("corr", corr),
			num("mi", mi),
			indep(ind),
		}
		if s.note != "" {
			ros = append(ros, lesson.Str("note", s.note))
		}
		return ros
	}
	cm, cv := s.conditional(s.slice)
	return []lesson.Readout{
		num("x", s.slice),
		num("p_x", s.bvn().MarginalNormalSingle(0, nil).Prob(s.slice)),
		num("cond_mean", cm),
		num("cond_var", cv),
		num("corr", s.rho),
		num("mi", -0.5*math.Log1p(-s.rho*s.rho)),
		indep(s.rho == 0),
	}
}

// data is the joint distribution: every cell of the table, or the normal
// density on a grid of step 0.25.
func (s *jointView) data() lesson.Table {
	t := lesson.Table{Columns: []string{"x", "y", "p"}}
	if s.kind == jointTable {
		for i, row := range s.p {
			for j, q := range row {
				t.Rows = append(t.Rows, []float64{float64(i), float64(j), q})
			}
		}
		return t
	}
	for i := 0; i <= 32; i++ {
		for j := 0; j <= 32; j++ {
			x, y := -4+0.25*float64(i), -4+0.25*float64(j)
			t.Rows = append(t.Rows, []float64{x, y, bvnDensity(x, y, s.rho)})
		}
	}
	return t
}

// tableKey names the table's content, for the raster's key.
func (s *jointView) tableKey() string {
	var b strings.Builder
	b.WriteString("tab:")
	for _, row := range s.counts {
		for _, c := range row {
			b.WriteString(strconv.FormatFloat(c, 'g', -1, 64))
			b.WriteByte(',')
		}
		b.WriteByte(';')
	}
	return b.String()
}
