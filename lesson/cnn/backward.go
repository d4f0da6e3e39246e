package cnn

import (
	"math"
	"slices"

	"github.com/aimath/playground/core/conv"
	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// The backward view: Y = X ⋆ K + b on the gray input, a loss L on Y, and
// its gradients. conv.BackwardInto gives ∂L/∂K, ∂L/∂X and ∂L/∂b at once;
// the animation rebuilds the same sums the way backpropagation reasons
// about them, one output position at a time: position (i, j) adds
// ∂L/∂Y[i,j] times the input under its window to ∂L/∂K, and ∂L/∂Y[i,j]
// times K into that window of ∂L/∂X. When the walk has visited every
// position, the partial sums are the full gradients. A finite-difference
// check of ∂L/∂K and ∂L/∂b is shown beside them.

// fdStep is h of the central differences (L(K + h·E) − L(K − h·E))/2h.
// L is quadratic (target loss) or linear (pixel loss) in each kernel
// cell, so the central difference has no truncation error and only
// rounding (about ε·L/h) remains: a larger h than the textbook 1e-6
// keeps it near 1e-12 of the gradient.
const fdStep = 1e-4

// ticksPerSecond is the rate at which the runner calls step.
const ticksPerSecond = 60

// bwWalkWork bounds the multiply-adds of the walk in one tick (each
// position costs two per kernel cell), so that the fastest speed stays
// cheap at 256×256 with a 7×7 kernel.
const bwWalkWork = 1 << 18

type backwardView struct {
	in   *input
	loss string // lossTarget or lossPixel

	k    []conv.Tensor // the kernel K (one)
	bias []float64     // b (one)
	kt   *conv.Tensor  // the target kernel (target loss)
	t    conv.Tensor   // T = X ⋆ Kₜ (target loss)
	tErr error         // why T could not be computed
	y    conv.Tensor   // Y = X ⋆ K + b
	dy   conv.Tensor   // ∂L/∂Y
	dx   conv.Tensor   // ∂L/∂X from conv.BackwardInto
	dk   []conv.Tensor // ∂L/∂K from conv.BackwardInto (one)
	db   []float64     // ∂L/∂b from conv.BackwardInto (one)
	l    float64       // L
	// Colour ranges of the maps (symRange), kept so that building a
	// figure never loops over whole maps.
	yLim, tLim, dyLim, dxLim float64

	// status is "" or why there is no loss: the settings give no output
	// (yOK false) or T and Y differ in shape.
	status string
	yOK    bool

	// pi, pj are the output pixel of the pixel loss; pixSet is false until
	// one is chosen (then the centre is used).
	pi, pj int
	pixSet bool

	// The walk: positions 0 … done−1 (row-major) have added their part
	// to the partial sums pdk, pdb, pdx. done ≥ 1: the current position,
	// done−1, has always been added. acc is the fractional position count
	// carried between ticks.
	done int
	acc  float64
	pdk  []float64
	pdb  float64
	pdx  []float64
	// shown is the copy of pdx that the figure draws, taken a few times
	// a second (pdx changes every tick); snaps counts the copies for the
	// raster key, sinceSnap the ticks since the last one.
	shown     []float64
	snaps     int
	sinceSnap int

	// The finite-difference check: fdK per kernel cell, fdB for b, and
	// fdErr = max |fdK − ∂L/∂K| / max(max |∂L/∂K|, 1e-8): relative to the
	// gradient's largest entry, since entries near 0 carry the
	// differences' rounding (about ε·L/h) as a large relative error.
	fdK   []float64
	fdB   float64
	fdErr float64

	runs int    // bumped on every recompute, for raster keys
	drag string // the panel whose drag is in progress, "" if none
}

// reset rebuilds the view: the target output (it depends only on the
// settings) and everything after it. A restart walks from the first
// position; a stroke on the drawing keeps the walk where it was.
func (s *backwardView) reset(in *input, v *param.Values, restart bool) {
	s.in = in
	s.loss = v.String(pLoss)
	s.k = []conv.Tensor{*kernelTensor(in.kernel)}
	s.kt = kernelTensor(in.target)
	s.tErr = nil
	if s.loss == lossTarget {
		s.tErr = conv.Forward(&s.t, in.gray, []conv.Tensor{*s.kt}, nil, in.p)
		s.tLim = symRange(s.t.Data)
	}
	if restart {
		s.done, s.acc = 1, 0
	}
	s.drag = ""
	s.compute()
}

// tune applies the live bias: a new Y, hence a new loss and gradients;
// the walk keeps its place.
func (s *backwardView) tune(name string, in *input, _ *param.Values) {
	if name == pBias {
		s.in = in
		s.compute()
	}
}

// compute recomputes Y, L, ∂L/∂Y, the gradients, the check and the
// partial sums of the walk up to its current position.
func (s *backwardView) compute() {
	s.runs++
	s.status, s.yOK = "", false
	x := s.in.gray
	s.bias = []float64{s.in.bias}
	if err := conv.Forward(&s.y, x, s.k, s.bias, s.in.p); err != nil {
		s.status = problem(err, x, s.k[0].H, s.in.p)
		return
	}
	s.yOK = true
	s.yLim = symRange(s.y.Data)
	oh, ow := s.y.H, s.y.W
	n := oh * ow
	s.dy = conv.Tensor{C: 1, H: oh, W: ow, Data: gradResize(s.dy.Data, n)}
	if s.loss == lossPixel {
		if !s.pixSet || s.pi >= oh || s.pj >= ow {
			s.pi, s.pj = oh/2, ow/2
		}
		clear(s.dy.Data)
		s.dy.Data[s.pi*ow+s.pj] = 1
		s.l = s.y.Data[s.pi*ow+s.pj]
	} else {
		if s.tErr != nil || s.t.H != oh || s.t.W != ow {
			th, tw := 0, 0
			if s.tErr == nil {
				th, tw = s.t.H, s.t.W
			}
			s.status = msg("target_shape", "kt", s.kt.H, "th", th, "tw", tw, "k", s.k[0].H, "oh", oh, "ow", ow)
			return
		}
		var sum float64
		for i, yv := range s.y.Data {
			r := yv - s.t.Data[i]
			s.dy.Data[i] = r
			sum += r * r
		}
		s.l = sum / 2
	}
	if s.dk == nil {
		s.dk, s.db = make([]conv.Tensor, 1), make([]float64, 1)
	}
	if err := conv.BackwardInto(&s.dx, s.dk, s.db, x, s.k, s.in.p, &s.dy); err != nil {
		panic(err) // cannot happen: the forward pass with these shapes worked
	}
	s.dyLim, s.dxLim = symRange(s.dy.Data), symRange(s.dx.Data)
	s.check()
	s.done = max(1, min(s.done, n))
	s.rewalk()
	s.snapshot()
}

// gradResize returns buf with length n, reusing its memory when it can.
func gradResize(buf []float64, n int) []float64 {
	if cap(buf) < n {
		return make([]float64, n)
	}
	return buf[:n]
}

// ok reports whether there is a loss to differentiate.
func (s *backwardView) ok() bool { return s.yOK && s.status == "" }

// rewalk recomputes the partial sums of positions 0 … done−1.
func (s *backwardView) rewalk() {
	x := s.in.gray
	s.pdk = gradResize(s.pdk, len(s.k[0].Data))
	s.pdx = gradResize(s.pdx, len(x.Data))
	clear(s.pdk)
	clear(s.pdx)
	s.pdb = 0
	for q := range s.done {
		s.add(q)
	}
}

// add adds the part of output position q (row-major) to the partial sums:
// g = ∂L/∂Y there, times the input under each kernel cell into ∂L/∂K,
// times each kernel cell into the input under it in ∂L/∂X, and g itself
// into ∂L/∂b. Cells on the padding touch no input and add nothing.
func (s *backwardView) add(q int) {
	g := s.dy.Data[q]
	s.pdb += g
	if g == 0 {
		return
	}
	x, k, p := s.in.gray, &s.k[0], s.in.p
	oy, ox := q/s.y.W, q%s.y.W
	for i := range k.H {
		iy := oy*p.Stride - p.Pad + i*p.Dilation
		if iy < 0 || iy >= x.H {
			continue
		}
		for j := range k.W {
			ix := ox*p.Stride - p.Pad + j*p.Dilation
			if ix < 0 || ix >= x.W {
				continue
			}
			s.pdk[i*k.W+j] += g * x.Data[iy*x.W+ix]
			s.pdx[iy*x.W+ix] += g * k.Data[i*k.W+j]
		}
	}
}

// snapshot copies the partial ∂L/∂X for the figure (a fresh slice, so
// that a figure already handed out never changes).
func (s *backwardView) snapshot() {
	s.shown = slices.Clone(s.pdx)
	s.snaps++
	s.sinceSnap = 0
}

// snapEvery is how many ticks of play pass between copies of the partial
// ∂L/∂X: every tick for small inputs, 8 (7.5 a second) at 256×256.
func (s *backwardView) snapEvery() int {
	return max(1, min(8, len(s.pdx)/8192))
}

// check computes the central differences of L in each kernel cell and in
// b. Nudging one cell (i, j) by ±h changes Y by ±h times the input under
// that cell at every position (Y is linear in K), so L(K ± h·E_ij) is
// evaluated from Y in one pass over the output rather than a whole new
// convolution per nudge: (k²+1)·OH·OW steps, a few milliseconds at
// 256×256 with 7×7, so the check is ready as soon as the view is.
func (s *backwardView) check() {
	x, k, p := s.in.gray, &s.k[0], s.in.p
	ow := s.y.W
	s.fdK = gradResize(s.fdK, len(k.Data))
	const h = fdStep
	if s.loss == lossPixel {
		y0 := s.y.Data[s.pi*ow+s.pj]
		for i := range k.H {
			for j := range k.W {
				u := 0.0 // the input under cell (i, j), 0 on the padding
				iy, ix := s.pi*p.Stride-p.Pad+i*p.Dilation, s.pj*p.Stride-p.Pad+j*p.Dilation
				if iy >= 0 && iy < x.H && ix >= 0 && ix < x.W {
					u = x.Data[iy*x.W+ix]
				}
				s.fdK[i*k.W+j] = ((y0 + h*u) - (y0 - h*u)) / (2 * h)
			}
		}
		s.fdB = ((y0 + h) - (y0 - h)) / (2 * h)
	} else {
		for i := range k.H {
			for j := range k.W {
				lp, lm := s.nudged(i, j)
				s.fdK[i*k.W+j] = (lp - lm) / (2 * h)
			}
		}
		lp, lm := s.nudged(-1, 0)
		s.fdB = (lp - lm) / (2 * h)
	}
	var diff, scale float64
	for n, g := range s.dk[0].Data {
		diff = math.Max(diff, math.Abs(s.fdK[n]-g))
		scale = math.Max(scale, math.Abs(g))
	}
	s.fdErr = diff / math.Max(scale, 1e-8)
}

// nudged returns the target loss with kernel cell (i, j) nudged by +h
// and by −h, or b nudged when i < 0: ½‖Y ± h·U − T‖² where U is the
// input under that cell at each position (0 on the padding), or all
// ones for b.
func (s *backwardView) nudged(i, j int) (lp, lm float64) {
	const h = fdStep
	x, p := s.in.gray, s.in.p
	ow := s.y.W
	for oy := range s.y.H {
		yr, tr := s.y.Data[oy*ow:(oy+1)*ow], s.t.Data[oy*ow:(oy+1)*ow]
		iy := oy*p.Stride - p.Pad + i*p.Dilation
		var xr []float64 // the input row under the cell, nil on the padding
		if i >= 0 && iy >= 0 && iy < x.H {
			xr = x.Data[iy*x.W : (iy+1)*x.W]
		}
		for ox, yv := range yr {
			u := 0.0
			if i < 0 {
				u = 1
			} else if ix := ox*p.Stride - p.Pad + j*p.Dilation; xr != nil && ix >= 0 && ix < x.W {
				u = xr[ix]
			}
			rp, rm := (yv+h*u)-tr[ox], (yv-h*u)-tr[ox]
			lp += rp * rp
			lm += rm * rm
		}
	}
	return lp / 2, lm / 2
}

// step walks speed × max(4, positions/25) positions a second: a whole
// walk takes 25 s at speed 1 whatever the size.
func (s *backwardView) step(v *param.Values) bool {
	if !s.ok() {
		return false
	}
	n := s.y.H * s.y.W
	if s.done >= n {
		return false
	}
	s.acc += v.Float(pSpeed) * math.Max(4, float64(n)/25) / ticksPerSecond
	m := int(s.acc)
	s.acc -= float64(m)
	if limit := max(1, bwWalkWork/(2*len(s.k[0].Data))); m > limit {
		m, s.acc = limit, 0
	}
	m = min(m, n-s.done)
	for range m {
		s.add(s.done)
		s.done++
	}
	s.sinceSnap++
	if m > 0 && (s.done == n || s.sinceSnap >= s.snapEvery()) {
		s.snapshot()
	}
	return s.done < n
}

// unit adds one position.
func (s *backwardView) unit(*param.Values) bool {
	if !s.ok() {
		return false
	}
	n := s.y.H * s.y.W
	if s.done < n {
		s.add(s.done)
		s.done++
		s.snapshot()
	}
	return s.done < n
}

// moveTo makes output position (oy, ox) the current one: the walk's
// partial sums are those of the positions up to it, and with the pixel
// loss it becomes the pixel whose value is the loss.
func (s *backwardView) moveTo(oy, ox int) bool {
	oy, ox = max(0, min(oy, s.y.H-1)), max(0, min(ox, s.y.W-1))
	done := oy*s.y.W + ox + 1
	if s.loss == lossPixel && (!s.pixSet || s.pi != oy || s.pj != ox) {
		s.pi, s.pj, s.pixSet = oy, ox, true
		s.done = done
		s.compute()
		return true
	}
	if done == s.done {
		return false
	}
	s.done, s.acc = done, 0
	s.rewalk()
	s.snapshot()
	return true
}

// windowAt returns the output position whose window is centred nearest
// the input point at.
func (s *backwardView) windowAt(at figure.Vec) (oy, ox int) {
	x, p := s.in.gray, s.in.p
	half := float64(conv.Span(s.k[0].H, p.Dilation)-1) / 2
	col := math.Floor(at.X)
	row := float64(x.H-1) - math.Floor(at.Y)
	oy = int(math.Round((row + float64(p.Pad) - half) / float64(p.Stride)))
	ox = int(math.Round((col + float64(p.Pad) - half) / float64(p.Stride)))
	return oy, ox
}

// pointer: pressing or dragging on ∂L/∂Y or on T/Y picks the output
// position (and, with the pixel loss, the pixel); on the input it moves
// the window, from anywhere unless the input is the drawing, where only
// a press on the window itself does (elsewhere the pointer paints).
func (s *backwardView) pointer(p lesson.Pointer, v *param.Values) bool {
	if !s.ok() {
		return false
	}
	switch {
	case p.Phase == lesson.Up:
		s.drag = ""
		return false
	case p.Phase == lesson.Down && p.Button == 0:
		switch p.Panel {
		case bwPanelDY, bwPanelYT:
		case panelInput:
			if p.Hit != bwWindowID && v.String(pImage) == imageDraw {
				return false
			}
		default:
			return false
		}
		s.drag = p.Panel
	case p.Phase == lesson.Move && p.Held && s.drag != "" && p.Panel == s.drag:
	default:
		return false
	}
	if s.drag == panelInput {
		// Claimed even when the window stays put, so that a drag of the
		// window on the drawing never paints.
		s.moveTo(s.windowAt(p.At))
		return true
	}
	oy, ox, in := cellAt(p.At, s.y.H, s.y.W)
	if !in {
		return false
	}
	return s.moveTo(oy, ox)
}

// cur returns the current output position.
func (s *backwardView) cur() (oy, ox int) { return (s.done - 1) / s.y.W, (s.done - 1) % s.y.W }

func (s *backwardView) readouts() []lesson.Readout {
	ro := inSize(s.in.gray)
	if s.yOK {
		ro = append(ro, mapStats(&s.y)...)
	}
	if s.ok() {
		oy, ox := s.cur()
		q := oy*s.y.W + ox
		ro = append(ro,
			lesson.Num("pos_i", float64(oy)),
			lesson.Num("pos_j", float64(ox)),
			num("pos_sum", s.y.Data[q]),
			num("loss", s.l),
			num("dk_max_rel_err", s.fdErr),
			num("grad_y", s.dy.Data[q]),
			num("db", s.db[0]),
		)
	}
	if s.status != "" {
		ro = append(ro, lesson.Str("status", s.status))
	}
	if s.in.note != "" {
		ro = append(ro, lesson.Str("note", s.in.note))
	}
	return ro
}

// data is Y.
func (s *backwardView) data() lesson.Table {
	if !s.yOK {
		return mapTable(nil)
	}
	return mapTable(&s.y)
}
