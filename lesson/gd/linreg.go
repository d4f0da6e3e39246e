package gd

import (
	"math"
	"math/rand/v2"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/linalg"
	"github.com/aimath/playground/core/optim"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// The data of linreg: x uniform in [xLo, xHi], y = trueW·x + trueB plus
// noise·N(0, 1). The x range keeps the loss's Hessian
// 2·[[mean x², mean x], [mean x, 1]] moderate (eigenvalues near 5.7 and
// 0.9), so that lr = 0.1 converges in some fifty epochs along a visibly
// tilted valley, and lr above about 0.35 diverges.
const (
	xLo   = -1
	xHi   = 3
	trueW = 2
	trueB = 1

	saltData    = 0x6c72 // the data's stream of the seed
	saltShuffle = 0x7367 // the mini-batches' stream

	// maxEpochs ends a run that does not converge (SGD, whose steps keep
	// their noise), long after the picture has settled.
	maxEpochs = 500
	// gradTol stops full-batch descent: (w, b) is then within about 1e-7
	// of the least-squares answer (the loss's Hessian has eigenvalues near
	// 1 and 6), and steps are invisible. With lr = 0.1 the slow direction
	// shrinks by about 0.91 an epoch, so that takes some 200 epochs.
	gradTol = 1e-7
)

// linreg fits y ≈ w·x + b to the data by gradient descent on the mean
// squared error L(w, b) = (1/n)·Σ(w·xᵢ + b − yᵢ)², one mini-batch per
// update: the whole data when batch ≥ n, else batch points at a time,
// drawn without replacement in an order shuffled at every epoch (the last
// batch of an epoch may be smaller).
type linreg struct {
	x, y     []float64
	fit      linalg.LineFit // the least-squares target: w* = Beta1, b* = Beta0
	fitOK    bool
	lossStar float64

	batch   int
	opt     optim.GD
	wb      []float64 // (w, b)
	rng     *rand.Rand
	perm    []int
	pos     int // next position in perm within the epoch
	updates int
	epoch   float64 // data passes so far (fractional within an epoch)
	loss    float64
	status  string
	cur     []int // the last mini-batch, for drawing

	losses []figure.Vec // (epoch, loss) after each update, from (0, L₀)
	path   []figure.Vec // (w, b) after each update, from the start

	cache mapCache
	key   genKey
}

// genKey is what the data depend on.
type genKey struct {
	n     int
	noise float64
	seed  int
}

func (m *linreg) reset(v *param.Values) {
	key := genKey{v.Int(pN), v.Float(pNoise), v.Int(pSeed)}
	if key != m.key || m.x == nil {
		m.key = key
		m.x, m.y = generate(key)
		f, err := linalg.FitLine(m.x, m.y)
		m.fit, m.fitOK = f, err == nil
		m.lossStar = f.RSS / float64(key.n)
		m.cache = mapCache{count: m.cache.count}
	}
	m.batch = min(v.Int(pBatch), key.n)
	m.opt = optim.GD{LR: v.Float(pLR)}
	m.wb = []float64{0, 0}
	m.rng = rand.New(rand.NewPCG(uint64(key.seed), saltShuffle))
	m.perm = make([]int, key.n)
	for i := range m.perm {
		m.perm[i] = i
	}
	m.pos, m.updates, m.epoch, m.cur = 0, 0, 0, nil
	m.loss = m.lossAt(0, 0)
	m.losses = append(m.losses[:0], figure.Vec{X: 0, Y: m.loss})
	m.path = append(m.path[:0], figure.Vec{})
	m.judge()
}

// generate draws the data: the draws of point i depend only on the seed
// and i, so more points extend a data set and more noise stretches it.
func generate(key genKey) (x, y []float64) {
	rng := rand.New(rand.NewPCG(uint64(key.seed), saltData))
	x, y = make([]float64, key.n), make([]float64, key.n)
	for i := range x {
		x[i] = xLo + (xHi-xLo)*rng.Float64()
		y[i] = trueW*x[i] + trueB + key.noise*rng.NormFloat64()
	}
	return x, y
}

// lossAt is the mean squared error over all the data.
func (m *linreg) lossAt(w, b float64) float64 {
	var s float64
	for i, xi := range m.x {
		r := w*xi + b - m.y[i]
		s += r * r
	}
	return s / float64(len(m.x))
}

// gradOn writes into dst the gradient of the loss over the points idx:
// (2/|B|)·Σ (w·xᵢ + b − yᵢ)·(xᵢ, 1).
func (m *linreg) gradOn(dst, wb []float64, idx []int) {
	var gw, gb float64
	for _, i := range idx {
		r := wb[0]*m.x[i] + wb[1] - m.y[i]
		gw += r * m.x[i]
		gb += r
	}
	k := float64(len(idx))
	dst[0], dst[1] = 2*gw/k, 2*gb/k
}

func (m *linreg) judge() {
	full := make([]float64, 2)
	m.gradOn(full, m.wb, m.perm)
	switch {
	case !finite(m.loss) || optim.Diverged(m.wb, divergeLimit):
		m.status = stDiverged
	case m.batch >= len(m.x) && math.Hypot(full[0], full[1]) < gradTol:
		m.status = stConverged
	case m.epoch >= maxEpochs:
		m.status = stMaxIter
	default:
		m.status = stRunning
	}
}

func (m *linreg) tune(v *param.Values) {
	m.opt.LR = v.Float(pLR)
	m.judge()
}

// step takes one mini-batch (the whole data when batch ≥ n): a new epoch
// begins with a fresh shuffle.
func (m *linreg) step() bool {
	if m.status != stRunning {
		return false
	}
	n := len(m.x)
	if m.batch < n && m.pos == 0 {
		m.rng.Shuffle(n, func(i, j int) { m.perm[i], m.perm[j] = m.perm[j], m.perm[i] })
	}
	end := min(m.pos+m.batch, n)
	m.cur = m.perm[m.pos:end]
	idx := m.cur
	m.opt.Step(m.wb, func(dst, wb []float64) { m.gradOn(dst, wb, idx) })
	m.pos = end
	if m.pos == n {
		m.pos = 0
	}
	m.updates++
	m.epoch = float64(m.updates / m.perEpoch())
	if r := m.updates % m.perEpoch(); r != 0 {
		m.epoch += float64(r*m.batch) / float64(n)
	}
	m.loss = m.lossAt(m.wb[0], m.wb[1])
	m.losses = append(m.losses, figure.Vec{X: m.epoch, Y: m.loss})
	m.path = append(m.path, figure.Vec{X: m.wb[0], Y: m.wb[1]})
	m.judge()
	return m.status == stRunning
}

// perEpoch is the number of mini-batches in an epoch.
func (m *linreg) perEpoch() int { return (len(m.x) + m.batch - 1) / m.batch }

func (m *linreg) readouts() []lesson.Readout {
	out := []lesson.Readout{
		num("epoch", m.epoch),
		lesson.Num("updates", float64(m.updates)),
		num("w", m.wb[0]),
		num("b", m.wb[1]),
		num("loss", m.loss),
	}
	if m.fitOK {
		out = append(out, num("w_star", m.fit.Beta1), num("b_star", m.fit.Beta0), num("loss_star", m.lossStar))
	} else {
		out = append(out, lesson.Str("w_star", "undefined"), lesson.Str("b_star", "undefined"), lesson.Str("loss_star", "undefined"))
	}
	return append(out, lesson.Str("status", m.status))
}

// data is the data set: x, y.
func (m *linreg) data() lesson.Table {
	t := lesson.Table{Columns: []string{"x", "y"}, Rows: make([][]float64, len(m.x))}
	for i := range m.x {
		t.Rows[i] = []float64{m.x[i], m.y[i]}
	}
	return t
}
