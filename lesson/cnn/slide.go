package cnn

import (
	"math"

	"github.com/aimath/playground/core/conv"
	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// The slide view: one kernel slides over the gray input. The window
// visits the output positions in row-major order (play, step, or drag
// it); for the position shown, the k×k products and their sum plus the
// bias are written out, and the output map fills in behind the window.
// The whole map is computed once per reset (and per bias change), so
// play only moves an index: a tick costs the same at any size and speed.

// Panel and item IDs of the slide view (besides panelInput).
const (
	slideArith   = "arith"   // the multiply-adds of one position
	slideOutput  = "output"  // the convolution's output map
	slideFinal   = "final"   // after ReLU and/or pooling
	slideProblem = "problem" // why impossible settings have no output
	slideWindow  = "window"  // the kernel window on the input, draggable
)

// What the pointer holds between Down and Up.
const (
	slideDragNone = iota
	slideDragWindow
	slideDragOutput
)

// Play moves speed·max(slideMinPace, n/slideSweep) positions a second
// over an output of n positions: at speed 1 a pass over 100 positions or
// more (28×28, 250×250) takes slideSweep seconds, and a smaller output
// goes at 4 positions a second, slow enough to follow.
const (
	slideSweep   = 25.0 // seconds per pass over a large output at speed 1
	slideMinPace = 4.0  // positions per second at speed 1, at least
	slideTicks   = 60   // ticks of play a second (the runner's rate)
)

// slideView is the state of the slide view.
type slideView struct {
	in     *input
	k      *conv.Tensor // the kernel, 1×k×k
	pl     pipeline
	oh, ow int     // size of the convolution's output; 0 when impossible
	runs   int     // grows on every run of the pipeline (raster keys)
	ymax   float64 // output maps are coloured over ±ymax, fixed per run
	kmax   float64 // kernel and products are coloured over ±kmax

	cur    int     // the window's output position, row-major
	filled int     // positions computed in this pass: 0 … filled−1
	frac   float64 // fraction of a position play has accumulated
	speed  float64

	hover     int // output position under the pointer (shown instead of cur), or −1
	hoverPool int // final-map cell under the pointer when pooling, or −1
	tap       int // kernel tap under the pointer in the arith panel, or −1

	drag int        // slideDragNone, slideDragWindow or slideDragOutput
	grab figure.Vec // from the window's centre to the pointer, while dragging it

	terms []conv.Term    // scratch for conv.Terms
	ar    slideArithGeom // where the last figure put the arithmetic grids
}

// reset rebuilds the maps. A restart puts the window back at (0, 0), the
// only position computed; otherwise (after a stroke on the drawing) the window
// stays where it was if that position still exists.
func (s *slideView) reset(in *input, v *param.Values, restart bool) {
	oldOW, old := s.ow, s.cur
	s.in = in
	s.speed = v.Float(pSpeed)
	s.k = kernelTensor(in.kernel)
	s.run()
	s.hover, s.hoverPool, s.tap, s.drag = -1, -1, -1, slideDragNone
	s.frac = 0
	n := s.oh * s.ow
	if !restart && oldOW > 0 && n > 0 {
		i, j := old/oldOW, old%oldOW
		if i < s.oh && j < s.ow {
			s.cur = i*s.ow + j
			s.filled = min(max(s.filled, s.cur+1), n)
			return
		}
	}
	s.startOver()
}

// run computes the convolution, ReLU and pooling of the gray input and
// fixes the colour ranges.
func (s *slideView) run() {
	s.runs++
	s.pl.run(s.in, s.in.gray, []conv.Tensor{*s.k})
	s.oh, s.ow = 0, 0
	if s.pl.conv != nil {
		s.oh, s.ow = s.pl.conv.H, s.pl.conv.W
		s.ymax = symRange(s.pl.conv.Data)
	}
	s.kmax = symRange(s.k.Data)
}

func (s *slideView) tune(name string, _ *input, v *param.Values) {
	switch name {
	case pBias:
		s.run() // the sizes stay, and so does the position
	case pSpeed:
		s.speed = v.Float(pSpeed)
	}
}

// startOver begins a new pass at (0, 0).
func (s *slideView) startOver() {
	s.cur, s.frac = 0, 0
	s.filled = min(1, s.oh*s.ow)
}

// moveTo puts the window at output position idx; it and every position
// before it count as computed in this pass from now on.
func (s *slideView) moveTo(idx int) {
	s.cur = idx
	s.filled = max(s.filled, idx+1)
}

// step advances the window by the positions play has accumulated; at the
// end it stops, and the next play starts over.
func (s *slideView) step(*param.Values) bool {
	n := s.oh * s.ow
	if n == 0 {
		return false
	}
	if s.cur >= n-1 {
		s.startOver()
		return n > 1
	}
	s.frac += s.speed * math.Max(slideMinPace, float64(n)/slideSweep) / slideTicks
	d := int(s.frac)
	s.frac -= float64(d)
	s.moveTo(min(s.cur+d, n-1))
	return s.cur < n-1
}

// unit moves the window by exactly one position.
func (s *slideView) unit(*param.Values) bool {
	n := s.oh * s.ow
	if n == 0 {
		return false
	}
	if s.cur >= n-1 {
		s.startOver()
		return n > 1
	}
	s.moveTo(s.cur + 1)
	return s.cur < n-1
}

// shown is the output position the figure and the readouts describe: the
// hovered one, or the window's.
func (s *slideView) shown() int {
	if s.hover >= 0 {
		return s.hover
	}
	return s.cur
}

// span is how many input pixels the window covers along an axis.
func (s *slideView) span() int { return conv.Span(s.k.H, s.in.p.Dilation) }

// windowRect is the world rectangle of the window at output (i, j).
func (s *slideView) windowRect(i, j int) figure.Rect {
	p, sp, h := s.in.p, float64(s.span()), float64(s.in.gray.H)
	x0 := float64(j*p.Stride - p.Pad)
	top := float64(i*p.Stride - p.Pad)
	return figure.Rect{X0: x0, Y0: h - top - sp, X1: x0 + sp, Y1: h - top}
}

// nearest returns the output position whose window's centre is nearest
// the world point c of the input panel.
func (s *slideView) nearest(c figure.Vec) int {
	p, half := s.in.p, float64(s.span())/2
	row := float64(s.in.gray.H) - c.Y
	i := int(math.Round((row - half + float64(p.Pad)) / float64(p.Stride)))
	j := int(math.Round((c.X - half + float64(p.Pad)) / float64(p.Stride)))
	return slideClampInt(i, 0, s.oh-1)*s.ow + slideClampInt(j, 0, s.ow-1)
}

func slideClampInt(x, lo, hi int) int { return max(lo, min(hi, x)) }

func slideCentre(r figure.Rect) figure.Vec {
	return figure.Vec{X: (r.X0 + r.X1) / 2, Y: (r.Y0 + r.Y1) / 2}
}

// pointer: the window drags (and, unless the input is a drawing, a press
// anywhere on the input moves it there); pressing or dragging on the
// output map selects a position; hovering the output (or the final map)
// shows another position's receptive field and arithmetic, hovering a
// cell of the arithmetic points out its tap.
func (s *slideView) pointer(p lesson.Pointer, v *param.Values) bool {
	if s.oh == 0 {
		return false
	}
	switch p.Phase {
	case lesson.Down:
		if p.Button != 0 {
			return false
		}
		switch {
		case p.Panel == panelInput && p.Hit == slideWindow:
			i, j := s.cur/s.ow, s.cur%s.ow
			c := slideCentre(s.windowRect(i, j))
			s.drag, s.grab = slideDragWindow, figure.Vec{X: p.At.X - c.X, Y: p.At.Y - c.Y}
			return true
		case p.Panel == panelInput && v.String(pImage) != imageDraw:
			s.drag, s.grab = slideDragWindow, figure.Vec{}
			s.moveTo(s.nearest(p.At))
			return true
		case p.Panel == slideOutput:
			s.drag = slideDragOutput
			s.selectOutput(p.At)
			return true
		}
		return false
	case lesson.Move:
		if !p.Held {
			return s.hoverAt(p)
		}
		switch {
		case s.drag == slideDragWindow && p.Panel == panelInput:
			// Claimed even when the position stays, so that no stroke is
			// painted on a drawing under the window.
			s.moveTo(s.nearest(figure.Vec{X: p.At.X - s.grab.X, Y: p.At.Y - s.grab.Y}))
			return true
		case s.drag == slideDragOutput && p.Panel == slideOutput:
			return s.selectOutput(p.At)
		}
		return false
	case lesson.Up:
		s.drag = slideDragNone
	}
	return false
}

// selectOutput moves the window to the output cell at the world point at
// (the nearest cell when at is outside the map).
func (s *slideView) selectOutput(at figure.Vec) bool {
	r, c, _ := cellAt(at, s.oh, s.ow)
	idx := slideClampInt(r, 0, s.oh-1)*s.ow + slideClampInt(c, 0, s.ow-1)
	was := s.cur
	s.moveTo(idx)
	s.hover = -1
	return idx != was
}

// hoverAt follows a pointer moving with no button down.
func (s *slideView) hoverAt(p lesson.Pointer) bool {
	hover, pool, tap := -1, -1, -1
	switch p.Panel {
	case slideOutput:
		if r, c, ok := cellAt(p.At, s.oh, s.ow); ok {
			hover = r*s.ow + c
		}
	case slideFinal:
		out := s.pl.out
		switch {
		case out == nil: // the pooling window does not fit: nothing to point at
		case s.in.pool != poolNone:
			if r, c, ok := cellAt(p.At, out.H, out.W); ok {
				pool = r*out.W + c
				hover = s.poolSource(r, c)
			}
		default: // ReLU keeps the positions
			if r, c, ok := cellAt(p.At, s.oh, s.ow); ok {
				hover = r*s.ow + c
			}
		}
	case slideArith:
		tap = s.ar.tapAt(p.At)
	}
	changed := hover != s.hover || pool != s.hoverPool || tap != s.tap
	s.hover, s.hoverPool, s.tap = hover, pool, tap
	return changed
}

// poolSource is the output position behind pooled cell (r, c): the
// winner of max pooling, the window's top-left position for averaging.
func (s *slideView) poolSource(r, c int) int {
	if s.in.pool == poolMax && s.pl.argmax != nil {
		return s.pl.argmax[r*s.pl.out.W+c]
	}
	return r*s.in.poolSt*s.ow + c*s.in.poolSt
}

func (s *slideView) readouts() []lesson.Readout {
	ro := inSize(s.in.gray)
	if s.pl.status != "" {
		ro = append(ro, lesson.Str("status", s.pl.status))
	} else {
		ro = append(ro, mapStats(s.pl.out)...)
		d := s.shown()
		ro = append(ro,
			lesson.Num("pos_i", float64(d/s.ow)),
			lesson.Num("pos_j", float64(d%s.ow)),
			num("pos_sum", s.pl.conv.Data[d]))
	}
	if s.in.note != "" {
		ro = append(ro, lesson.Str("note", s.in.note))
	}
	return ro
}

func (s *slideView) data() lesson.Table { return mapTable(s.pl.out) }
