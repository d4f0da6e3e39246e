package nn

import (
	"math"
	"slices"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/nn"
)

// trGrid computes every neuron and the output over the trGridN×trGridN
// grid of the plane [−6, 6]², the way nn.Grid does, but in bands of rows
// that can be spread over ticks: a refresh copies the parameters (at an
// epoch boundary) into its own network, runs the bands through it into
// back, and when the last band is done swaps back and front and makes the
// pictures the figure shows. So a picture is always one network's, never
// half of one epoch and half of the next, and the figure's slices are
// fresh ones, never written again.
type trGrid struct {
	x1, x2 []float64 // the grid points, row 0 at the top (as nn.Grid)

	net  *nn.Net // the copy of the parameters being drawn
	pass nn.Pass
	xb   []float64
	// back and front hold, for each layer l ≥ 1, its neurons' values unit
	// by unit (neuron j at [j·N² … (j+1)·N²)); for the output layer the
	// prediction (σ or softmax of the logits for the cross-entropies).
	back, front [][]float64

	busy     bool
	row      int // the next row of the refresh in progress
	started  int // the tick the refresh in progress (or the last one) started
	snapVer  int // the parameter version being drawn
	shownVer int // the parameter version front is of (−1: none)
	gen      int // bumped on every new front, for raster keys

	// What the figure shows, made from front by shade.
	thumbs   [][][]float64 // [l][j]: each neuron's thumbnail, l ≥ 1
	out      []float64     // the output picture, one or two classes and regression
	outRGBA  []byte        // the output picture for more than two classes
	outLo    float64
	outHi    float64
	shadeGen int // bumped by shade, for the output's raster key
}

// coords sets the grid points once.
func (g *trGrid) coords() {
	if g.x1 != nil {
		return
	}
	ng := nn.NewGrid(trGridN, -nn.Radius, nn.Radius)
	g.x1, g.x2 = ng.X1, ng.X2
	g.shownVer = -1
}

// clearShown forgets the pictures of the last network, for a new one.
func (g *trGrid) clearShown() {
	g.busy = false
	g.front, g.back = nil, nil
	g.thumbs, g.out, g.outRGBA = nil, nil, nil
	g.shownVer = -1
}

// start copies the view's parameters and begins a refresh.
func (g *trGrid) start(s *trainView) {
	src := s.net
	if g.net == nil || !slices.Equal(g.net.Sizes, src.Sizes) {
		g.net, _ = nn.New(src.Config, 0) // cannot fail: src was made from it
	}
	g.net.Hidden, g.net.Output, g.net.Loss = src.Hidden, src.Output, src.Loss
	copy(g.net.Params, src.Params)
	L := len(src.Sizes) - 1
	if len(g.back) != L+1 || len(g.front) != L+1 {
		g.back, g.front = make([][]float64, L+1), make([][]float64, L+1)
	}
	for l := 1; l <= L; l++ {
		g.back[l] = trResize(g.back[l], src.Sizes[l]*trGridN*trGridN)
	}
	g.busy, g.row, g.started, g.snapVer = true, 0, s.tick, s.ver
}

// trResize returns buf with length n, reallocated when too small.
func trResize(buf []float64, n int) []float64 {
	if cap(buf) < n {
		return make([]float64, n)
	}
	return buf[:n]
}

// advance computes as many rows of the refresh in progress as budget
// allows (at least one), finishes it after the last, and returns the work
// done.
func (g *trGrid) advance(s *trainView, budget float64) float64 {
	if !g.busy {
		return 0
	}
	n, nn2 := trGridN, trGridN*trGridN
	perRow := float64(n) * s.fwdCost()
	rows := int(math.Max(1, math.Min(budget/perRow, float64(n-g.row))))
	lo, hi := g.row*n, (g.row+rows)*n
	m := hi - lo
	g.xb = nn.Inputs(g.xb, s.fs, g.x1[lo:hi], g.x2[lo:hi])
	g.net.Forward(&g.pass, g.xb)
	L := len(g.net.Sizes) - 1
	for l := 1; l <= L; l++ {
		src := g.pass.A[l]
		if l == L {
			src = g.pass.Out
		}
		for j := range g.net.Sizes[l] {
			copy(g.back[l][j*nn2+lo:j*nn2+hi], src[j*m:(j+1)*m])
		}
	}
	g.row += rows
	if g.row < n {
		return float64(rows) * perRow
	}
	g.busy = false
	g.back, g.front = g.front, g.back
	g.shownVer = g.snapVer
	g.gen++
	g.shade(s)
	return float64(rows) * perRow
}

// play is the grid's part of a tick at an epoch boundary: go on with the
// refresh in progress, or start one if the parameters changed and the
// last one started trGridEvery ticks ago or more. It returns the work
// done.
func (g *trGrid) play(s *trainView, budget float64) float64 {
	if !g.busy && g.shownVer != s.ver && s.tick-g.started >= trGridEvery {
		g.start(s)
	}
	return g.advance(s, budget)
}

// refresh draws the current parameters at once.
func (s *trainView) refresh() {
	if s.net == nil {
		return
	}
	s.grid.start(s)
	s.grid.advance(s, math.Inf(1))
}

// shade makes the pictures the figure shows from front: the thumbnails,
// the output picture (discretized when asked) and the focused neuron's.
func (g *trGrid) shade(s *trainView) {
	g.shadeGen++
	if s.net == nil || g.front == nil || g.shownVer < 0 || len(g.front) != len(s.net.Sizes) {
		return
	}
	net := s.net
	L := len(net.Sizes) - 1
	nn2 := trGridN * trGridN
	g.thumbs = make([][][]float64, L+1)
	for l := 1; l <= L; l++ {
		g.thumbs[l] = make([][]float64, net.Sizes[l])
		for j := range g.thumbs[l] {
			g.thumbs[l][j] = trThumbOf(g.front[l][j*nn2 : (j+1)*nn2])
		}
	}
	out, k := g.front[L], net.Sizes[L]
	g.out, g.outRGBA = nil, nil
	g.outLo, g.outHi = -1, 1
	regression := s.all.Classes == 0
	switch {
	case k == 1:
		g.out = slices.Clone(out)
		mid := 0.0
		if net.Loss == nn.BCE {
			g.outLo, mid = 0, 0.5
		}
		if s.discretize && !regression {
			for p, y := range g.out {
				g.out[p] = trSide(y, mid, g.outLo, g.outHi)
			}
		}
	case k == 2:
		// p₁ − p₀ in [−1, 1]: the same colours as one tanh output.
		g.out = make([]float64, nn2)
		for p := range g.out {
			g.out[p] = out[nn2+p] - out[p]
			if s.discretize {
				g.out[p] = trSide(g.out[p], 0, -1, 1)
			}
		}
	default:
		g.outRGBA = trClassPicture(out, k, s.discretize)
	}
	s.updateFocus()
}

// trSide returns hi for y ≥ mid, lo below, and y itself when it is NaN.
func trSide(y, mid, lo, hi float64) float64 {
	switch {
	case y >= mid:
		return hi
	case y < mid:
		return lo
	}
	return y
}

// trClassColors are the classes' colours: class 0 Blue and class 1
// Orange, the ends of the Diverge colormap that two classes use.
var trClassColors = []figure.Color{figure.Blue, figure.Orange, figure.Green, figure.Purple, figure.Sky, figure.Vermillion}

// trClassPicture returns the picture of k class probabilities (unit by
// unit over the grid): each point the colour of its most probable class,
// mixed with the paper the less sure the network is (discretized: half
// way, whatever the probability). A point whose probabilities are not
// numbers is gray.
func trClassPicture(prob []float64, k int, discretize bool) []byte {
	nn2 := trGridN * trGridN
	pix := make([]byte, 4*nn2)
	paper := figure.Paper.RGBA()
	cols := make([][3]float64, k)
	for c := range k {
		col := trClassColors[c%len(trClassColors)].RGBA()
		cols[c] = [3]float64{float64(col.R), float64(col.G), float64(col.B)}
	}
	for p := range nn2 {
		best, pmax := 0, prob[p]
		for c := 1; c < k; c++ {
			if v := prob[c*nn2+p]; v > pmax {
				best, pmax = c, v
			}
		}
		mix := 0.5
		if !discretize {
			mix = 0.15 + 0.7*(pmax-1/float64(k))/(1-1/float64(k))
		}
		q := pix[4*p : 4*p+4]
		q[3] = 255
		if math.IsNaN(mix) {
			q[0], q[1], q[2] = 128, 128, 128
			continue
		}
		mix = math.Max(0, math.Min(1, mix))
		for ch, pv := range [3]uint8{paper.R, paper.G, paper.B} {
			q[ch] = uint8(math.Round(float64(pv) + mix*(cols[best][ch]-float64(pv))))
		}
	}
	return pix
}

// focused returns the neuron the output plot shows instead of the output:
// the one under the pointer, else the pinned one.
func (s *trainView) focused() trNode {
	if s.hover.on {
		return s.hover
	}
	return s.pin
}

// updateFocus makes the focused neuron's full picture, when the neuron or
// the grids changed.
func (s *trainView) updateFocus() {
	n := s.focused()
	if !n.on || s.net == nil || !s.validNode(n) || s.grid.front == nil {
		s.focus, s.focusKey = nil, ""
		return
	}
	key := trKey("f", s.runs, s.grid.gen, n.l, n.j)
	if key == s.focusKey {
		return
	}
	s.focusKey = key
	if n.l == 0 {
		s.focus = s.inFull[n.j]
	} else {
		nn2 := trGridN * trGridN
		s.focus = slices.Clone(s.grid.front[n.l][n.j*nn2 : (n.j+1)*nn2])
	}
	s.focusLo, s.focusHi = s.trRange(n)
}

// validNode reports whether n is a neuron of the current network (or an
// input feature).
func (s *trainView) validNode(n trNode) bool {
	if n.l == 0 {
		return n.j >= 0 && n.j < len(nn.FeatureNames())
	}
	return n.l < len(s.net.Sizes) && n.j >= 0 && n.j < s.net.Sizes[n.l]
}
