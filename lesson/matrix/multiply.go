package matrix

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// Parameters and bounds of the multiply view.
const (
	pRows     = "rows"     // m: rows of X
	pInner    = "inner"    // n: columns of X (and rows of Y unless mismatched)
	pCols     = "cols"     // p: columns of Y
	pMismatch = "mismatch" // give Y one row more (or fewer) than X has columns
	pX1       = "X"
	pY1       = "Y"

	maxDim     = 5
	entryLimit = 9 // |entry| bound of X and Y
	seedEntry  = 5 // seeded entries are whole numbers in [-seedEntry, seedEntry]

	// Streams of the seed for X and Y, so that they differ.
	saltX = 0x58
	saltY = 0x59

	keyMismatch = "shape_mismatch"
)

var (
	defaultX1 = [][]float64{{1, 2, 0}, {-1, 3, 1}}
	defaultY1 = [][]float64{{2, 1}, {0, -1}, {3, 2}}
)

// mulView is the state of the multiply view. The animation walks the
// entries of XY in row-major order; each entry has phases 0..n−1, adding
// the term X(i,k)·Y(k,j) for k = phase, then phase n, showing the sum.
type mulView struct {
	m, n, p, ny int
	mismatch    bool
	x, y, c     [][]float64 // c is nil on a mismatch

	lastSeed  int
	seedKnown bool

	anim         bool // the animation is running (or paused in the middle)
	cur, k, tick int  // entry i·p+j, phase, ticks spent in the phase
	sel          int  // entry clicked while not animating, or −1
}

func (u *mulView) reset(v *param.Values) {
	u.load(v)
	u.anim, u.cur, u.k, u.tick, u.sel = false, 0, 0, 0, -1
}

// tune follows an edit of X or Y; the shapes, and so the cursor, stay.
func (u *mulView) tune(v *param.Values) { u.load(v) }

func (u *mulView) load(v *param.Values) {
	u.m, u.n, u.p = v.Int(pRows), v.Int(pInner), v.Int(pCols)
	u.mismatch = v.Bool(pMismatch)
	u.ny = u.n
	if u.mismatch {
		u.ny = u.n + 1
		if u.n == maxDim {
			u.ny = u.n - 1
		}
	}
	seed := v.Int(pSeed)
	refill := u.seedKnown && seed != u.lastSeed
	u.lastSeed, u.seedKnown = seed, true
	u.x = fitShape(v, pX1, u.m, u.n, seed, saltX, refill)
	u.y = fitShape(v, pY1, u.ny, u.p, seed, saltY, refill)
	u.c = nil
	if !u.mismatch {
		u.c = make([][]float64, u.m)
		for i := range u.c {
			u.c[i] = make([]float64, u.p)
			for j := range u.c[i] {
				u.c[i][j] = u.partial(i, j, u.n)
			}
		}
	}
}

// partial returns Σ_{k<terms} X(i,k)·Y(k,j).
func (u *mulView) partial(i, j, terms int) float64 {
	var s float64
	for k := range terms {
		s += u.x[i][k] * u.y[k][j]
	}
	return s
}

// fitShape makes the matrix parameter name rows×cols: entries it has are
// kept (unless refill), the others drawn from the seed. The result is
// written back when it differs.
func fitShape(v *param.Values, name string, rows, cols, seed int, salt uint64, refill bool) [][]float64 {
	old := v.Matrix(name)
	fresh := seeded(seed, salt)
	out := make([][]float64, rows)
	for i := range out {
		out[i] = make([]float64, cols)
		for j := range out[i] {
			if !refill && i < len(old) && j < len(old[i]) {
				out[i][j] = old[i][j]
			} else {
				out[i][j] = fresh[i][j]
			}
		}
	}
	if !sameMatrix(out, old) {
		v.Set(name, out)
	}
	return out
}

// seeded returns the seed's maxDim×maxDim table of whole numbers for one
// matrix: entry (i, j) depends only on the seed and (i, j), so that a
// matrix grown and shrunk again gets the same numbers back.
func seeded(seed int, salt uint64) [maxDim][maxDim]float64 {
	rng := rand.New(rand.NewPCG(uint64(seed), salt))
	var t [maxDim][maxDim]float64
	for i := range t {
		for j := range t[i] {
			t[i][j] = float64(rng.IntN(2*seedEntry+1) - seedEntry)
		}
	}
	return t
}

func sameMatrix(a, b [][]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if a[i][j] != b[i][j] {
				return false
			}
		}
	}
	return true
}

// ticksPerPhase keeps a whole product under about 20 s at 60 ticks a
// second, and each term visible for at least a tenth of a second.
func (u *mulView) ticksPerPhase() int {
	t := int(math.Round(1200 / float64(u.m*u.p*(u.n+1))))
	return max(6, min(30, t))
}

// step advances the animation by one tick; from rest it starts at the
// first entry. It returns false when the product is complete.
func (u *mulView) step() bool {
	if u.mismatch {
		return false
	}
	if !u.anim {
		u.anim, u.cur, u.k, u.tick, u.sel = true, 0, 0, 0, -1
		return true
	}
	u.tick++
	if u.tick < u.ticksPerPhase() {
		return true
	}
	u.tick = 0
	u.k++
	if u.k <= u.n {
		return true
	}
	u.k = 0
	u.cur++
	if u.cur < u.m*u.p {
		return true
	}
	u.anim = false
	return false
}

// cellID names the product's cell (i, j) as its readout does: "c12".
func cellID(i, j int) string { return "c" + strconv.Itoa(i+1) + strconv.Itoa(j+1) }

// pointer: a click on an entry of XY shows where it comes from (or moves
// the running animation there); a click elsewhere clears that.
func (u *mulView) pointer(p lesson.Pointer) bool {
	if p.Phase != lesson.Down || p.Button != 0 || u.c == nil {
		return false
	}
	for i := range u.m {
		for j := range u.p {
			if p.Hit != cellID(i, j) {
				continue
			}
			if u.anim {
				u.cur, u.k, u.tick = i*u.p+j, 0, 0
			} else {
				u.sel = i*u.p + j
			}
			return true
		}
	}
	if !u.anim && u.sel >= 0 {
		u.sel = -1
		return true
	}
	return false
}

// focus returns the entry being explained, the number of its terms added
// so far, and whether there is one.
func (u *mulView) focus() (i, j, terms int, ok bool) {
	switch {
	case u.c == nil:
		return 0, 0, 0, false
	case u.anim:
		return u.cur / u.p, u.cur % u.p, min(u.k+1, u.n), true
	case u.sel >= 0:
		return u.sel / u.p, u.sel % u.p, u.n, true
	}
	return 0, 0, 0, false
}

// shapeText is "(2×3)(3×2) = 2×2", or "(2×3)(4×2)" when undefined.
func (u *mulView) shapeText() string {
	s := "(" + strconv.Itoa(u.m) + "×" + strconv.Itoa(u.n) + ")(" + strconv.Itoa(u.ny) + "×" + strconv.Itoa(u.p) + ")"
	if u.mismatch {
		return s
	}
	return s + " = " + strconv.Itoa(u.m) + "×" + strconv.Itoa(u.p)
}

// expression writes the inner product behind entry (i, j), the first
// terms terms of it: "1·2 + 2·0 + 0·3 = 2".
func (u *mulView) expression(i, j, terms int, format func(float64) string) string {
	var b strings.Builder
	for k := range terms {
		if k > 0 {
			b.WriteString(" + ")
		}
		b.WriteString(factor(u.x[i][k], format) + "·" + factor(u.y[k][j], format))
	}
	b.WriteString(" = " + format(u.partial(i, j, terms)))
	return b.String()
}

// factor puts a negative number in parentheses, as in 2·(−1).
func factor(x float64, format func(float64) string) string {
	if x < 0 {
		return "(" + format(x) + ")"
	}
	return format(x)
}

func (u *mulView) readouts() []lesson.Readout {
	out := []lesson.Readout{lesson.Str("shape", u.shapeText())}
	if u.c == nil {
		return append(out, lesson.Str("note", keyMismatch))
	}
	for i := range u.m {
		for j := range u.p {
			out = append(out, num(cellID(i, j), u.c[i][j]))
		}
	}
	if i, j, terms, ok := u.focus(); ok {
		out = append(out, lesson.Str("cursor", cellName(i, j)+" = "+u.expression(i, j, terms, readoutText)))
	}
	return out
}

// cellName is "(XY)₁₂".
func cellName(i, j int) string {
	sub := []rune("₀₁₂₃₄₅₆₇₈₉")
	return "(XY)" + string(sub[i+1]) + string(sub[j+1])
}

func (u *mulView) data() lesson.Table {
	t := lesson.Table{Columns: []string{}, Rows: [][]float64{}}
	if u.c == nil {
		return t
	}
	for j := range u.p {
		t.Columns = append(t.Columns, "col"+strconv.Itoa(j+1))
	}
	t.Rows = clone(u.c)
	return t
}
