package cnn

import (
	"fmt"
	"math"
	"slices"

	"github.com/aimath/playground/core/conv"
	"github.com/aimath/playground/core/figure"
)

// Panels of the backward view (besides panelInput).
const (
	bwPanelDY    = "dy"     // ∂L/∂Y, with the current position
	bwPanelYT    = "target" // T (target loss) or Y (pixel loss)
	bwPanelDX    = "dx"     // the partial ∂L/∂X
	bwPanelGrads = "grads"  // K, the partial ∂L/∂K and the check, as numbers
	bwPanelY     = "y"      // Y, when T does not fit it

	bwWindowID = "window" // the current window on the input
)

// Colours of the backward view: the current position Blue, the pixel of
// the pixel loss Vermillion, the cells a position adds to Orange.
const (
	bwColCur   = figure.Blue
	bwColPixel = figure.Vermillion
	bwColAdd   = figure.Orange
)

// Margins of the image and number panels (pixels): a title above, a hair
// around.
const (
	gradTop    = 20
	gradSide   = 6
	gradBottom = 6
)

// gradFrames lays out the backward and learn views: nTop square image
// panels on top, in one row or in two (whichever gives larger squares,
// within the share top of the height when there is a band below), then a
// band of panels side by side taking the rest of the height, one per
// entry of axes (true: the panel has tick labels and gets the plotting
// margins). Without a band the images are centred vertically.
func gradFrames(w, h float64, nTop int, axes []bool, top float64) (imgs, band []figure.Rect) {
	g := float64(figure.PanelGap)
	topH := h
	if len(axes) > 0 {
		topH = math.Round(h * top)
	}
	side, cols := -1.0, nTop
	for _, c := range []int{nTop, (nTop + 1) / 2} {
		rows := (nTop + c - 1) / c
		cw := (w - g*float64(c-1)) / float64(c)
		ch := (topH - g*float64(rows-1)) / float64(rows)
		if s := math.Floor(math.Min(cw-2*gradSide, ch-gradTop-gradBottom)); s > side {
			side, cols = s, c
		}
	}
	side = math.Max(side, 1)
	rows := (nTop + cols - 1) / cols
	rowH := side + gradTop + gradBottom
	used := float64(rows)*rowH + g*float64(rows-1)
	y0 := 0.0
	if len(axes) == 0 {
		y0 = math.Round((h - used) / 2)
	}
	cw := (w - g*float64(cols-1)) / float64(cols)
	for n := range nTop {
		r, c := n/cols, n%cols
		x := math.Round(float64(c)*(cw+g) + (cw-side)/2)
		y := y0 + float64(r)*(rowH+g) + gradTop
		imgs = append(imgs, figure.Rect{X0: x, Y0: y, X1: x + side, Y1: y + side})
	}
	if len(axes) == 0 {
		return imgs, nil
	}
	bw := (w - g*float64(len(axes)-1)) / float64(len(axes))
	for n, ax := range axes {
		x := float64(n) * (bw + g)
		cell := figure.Rect{X0: math.Round(x), Y0: used + g, X1: math.Round(x + bw), Y1: h}
		if ax {
			cell = figure.Inset(cell, figure.MarginLeft, figure.MarginTop, figure.MarginRight, figure.MarginBottom)
		} else {
			cell = figure.Inset(cell, gradSide, gradTop, gradSide, gradBottom)
		}
		band = append(band, cell)
	}
	return imgs, band
}

// gradNum formats a kernel cell's value in a grid whose values reach lim
// in size: to three significant digits of lim, so that one grid shows
// its numbers with the same decimals (and rounding noise as 0).
func gradNum(x, lim float64) string {
	if !(lim > 0) || math.IsInf(lim, 0) || math.IsNaN(x) || math.IsInf(x, 0) {
		return figure.Num(x)
	}
	step := math.Pow(10, math.Floor(math.Log10(lim))-2)
	return figure.Num(math.Round(x/step) * step)
}

// gradInk is the text colour readable on the diverging map at value v of
// [−lim, lim].
func gradInk(v, lim float64) figure.Color {
	c := figure.Diverge.At((v/lim + 1) / 2)
	if 0.299*float64(c.R)+0.587*float64(c.G)+0.114*float64(c.B) < 140 {
		return figure.Paper
	}
	return figure.Ink
}

// gradScale returns how many pixels one world unit spans in a panel with
// Equal scaling of world over frame.
func gradScale(frame, world figure.Rect) float64 {
	return math.Min(frame.W()/world.W(), frame.H()/world.H())
}

// gradGrid draws k×k values as cells of a diverging map over [−lim, lim]
// with their left edge at x0 (one world unit per cell, the top row at y
// from k−1 to k), with the numbers when they fit in cells of px pixels.
// marks outlines the cells where it is true (nil: none).
func gradGrid(key string, x0 float64, vals []float64, k int, lim, px float64, marks []bool) []figure.Item {
	items := []figure.Item{
		figure.Raster{Key: key, R: figure.Rect{X0: x0, Y0: 0, X1: x0 + float64(k), Y1: float64(k)}, W: k, H: k,
			Values: slices.Clone(vals), Min: -lim, Max: lim, Map: figure.Diverge},
	}
	long := 1
	labels := make([]string, len(vals))
	for n, v := range vals {
		labels[n] = gradNum(v, lim)
		long = max(long, len([]rune(labels[n])))
	}
	size := math.Min(13, 0.9*px/(0.6*float64(long)))
	for n, v := range vals {
		r := cellRect(k, n/k, n%k)
		r.X0, r.X1 = r.X0+x0, r.X1+x0
		if marks != nil && marks[n] {
			items = append(items, figure.Box{R: r, Style: figure.Style{Stroke: bwColAdd, Width: 2.5}})
		}
		if size >= 7 {
			items = append(items, figure.Text{At: figure.Vec{X: (r.X0 + r.X1) / 2, Y: (r.Y0 + r.Y1) / 2}, S: labels[n],
				Size: size, Anchor: figure.Center | figure.Middle, Color: gradInk(v, lim)})
		}
	}
	items = append(items, figure.Box{R: figure.Rect{X0: x0, Y0: 0, X1: x0 + float64(k), Y1: float64(k)},
		Style: figure.Style{Stroke: figure.Axis, Width: 1}})
	return items
}

// gradLabels writes a title above a grid and lines of text under it,
// centred on x: the title's baseline at the world y top, the lines from
// the world y0 down, one every dy world units. Text narrower than width
// pixels keeps size; longer text gets smaller, and is left out below 6
// pixels.
func gradLabels(x, top, y0, dy, size, width float64, title string, lines ...string) []figure.Item {
	fit := func(s string) float64 { return math.Min(size, width/(0.58*float64(len([]rune(s))))) }
	items := []figure.Item{figure.Text{At: figure.Vec{X: x, Y: top}, S: title, Size: size + 1, Bold: true,
		Anchor: figure.Center | figure.Bottom, DY: -3, Color: figure.Ink}}
	for n, s := range lines {
		if sz := fit(s); s != "" && sz >= 6 {
			items = append(items, figure.Text{At: figure.Vec{X: x, Y: y0 - dy*float64(n)}, S: s, Size: sz,
				Anchor: figure.Center | figure.Top, Color: figure.Ink})
		}
	}
	return items
}

// bwWindow returns the world rectangle of the window of output (oy, ox)
// on the input (which may reach into the padding).
func (s *backwardView) bwWindow(oy, ox int) figure.Rect {
	p := s.in.p
	span := conv.Span(s.k[0].H, p.Dilation)
	r0, c0 := oy*p.Stride-p.Pad, ox*p.Stride-p.Pad
	h := s.in.gray.H
	return figure.Rect{X0: float64(c0), Y0: float64(h - r0 - span), X1: float64(c0 + span), Y1: float64(h - r0)}
}

func (s *backwardView) panels(w, h float64) []*figure.Panel {
	x := s.in.gray
	pad := float64(s.in.p.Pad)
	inWorld := figure.Rect{X0: -pad, Y0: -pad, X1: float64(x.W) + pad, Y1: float64(x.H) + pad}
	input := &figure.Panel{ID: panelInput, World: inWorld, Equal: true, Title: "X",
		Items: []figure.Item{raster("", fmt.Sprintf("bx-%d", s.in.gen), x, 0, figure.Gray, 0, 1)}}
	if pad > 0 {
		input.Items = append(input.Items, figure.Box{R: inWorld, Style: figure.Style{Stroke: figure.Muted, Width: 1, Dash: true}})
	}
	if !s.ok() {
		return s.problemPanels(w, h, input)
	}
	oy, ox := s.cur()
	win := s.bwWindow(oy, ox)
	if s.loss == lossPixel {
		input.Items = append(input.Items, figure.Box{R: s.bwWindow(s.pi, s.pj),
			Style: figure.Style{Stroke: bwColPixel, Width: 2, Dash: true}})
	}
	input.Items = append(input.Items, s.taps(oy, ox)...)
	input.Items = append(input.Items, figure.Box{ID: bwWindowID, R: win,
		Style: figure.Style{Stroke: bwColCur, Width: 2.5, Fill: bwColCur, FillAlpha: 0.12}})

	oh, ow := s.y.H, s.y.W
	curBox := figure.Box{R: cellRect(oh, oy, ox), Style: figure.Style{Stroke: bwColCur, Width: 2.5}}
	pixBox := figure.Box{R: cellRect(oh, s.pi, s.pj), Style: figure.Style{Stroke: bwColPixel, Width: 2, Dash: true}}
	dy := &figure.Panel{ID: bwPanelDY, World: imageWorld(oh, ow), Equal: true, Title: "∂L/∂Y",
		Items: []figure.Item{raster("", fmt.Sprintf("bdy-%d", s.runs), &s.dy, 0, figure.Diverge, -s.dyLim, s.dyLim)}}
	yt := &figure.Panel{ID: bwPanelYT, World: imageWorld(oh, ow), Equal: true}
	if s.loss == lossPixel {
		yt.Title = "Y"
		yt.Items = []figure.Item{raster("", fmt.Sprintf("by-%d", s.runs), &s.y, 0, figure.Diverge, -s.yLim, s.yLim)}
		dy.Items = append(dy.Items, pixBox)
		yt.Items = append(yt.Items, pixBox)
	} else {
		yt.Title = "T"
		yt.Items = []figure.Item{raster("", fmt.Sprintf("bt-%d", s.runs), &s.t, 0, figure.Diverge, -s.tLim, s.tLim)}
	}
	dy.Items = append(dy.Items, curBox)
	yt.Items = append(yt.Items, curBox)

	dx := &figure.Panel{ID: bwPanelDX, World: inWorld, Equal: true, Title: "∂L/∂X",
		Items: []figure.Item{
			figure.Raster{Key: fmt.Sprintf("bpdx-%d-%d", s.runs, s.snaps), R: imageWorld(x.H, x.W), W: x.W, H: x.H,
				Values: s.shown, Min: -s.dxLim, Max: s.dxLim, Map: figure.Diverge},
			figure.Box{R: win, Style: figure.Style{Stroke: bwColCur, Width: 2}},
		}}
	if pad > 0 {
		dx.Items = append(dx.Items, figure.Box{R: inWorld, Style: figure.Style{Stroke: figure.Muted, Width: 1, Dash: true}})
	}

	imgs, band := gradFrames(w, h, 4, []bool{false}, 0.6)
	for n, p := range []*figure.Panel{input, dy, yt, dx} {
		p.Frame = imgs[n]
	}
	grads := s.gradsPanel(band[0])
	return []*figure.Panel{input, dy, yt, dx, grads}
}

// taps marks the input cells under the kernel's cells when they are
// spread apart (dilation > 1); the window box shows them otherwise.
func (s *backwardView) taps(oy, ox int) []figure.Item {
	p := s.in.p
	if p.Dilation == 1 {
		return nil
	}
	var items []figure.Item
	k, h := s.k[0].H, s.in.gray.H
	for i := range k {
		for j := range k {
			r, c := oy*p.Stride-p.Pad+i*p.Dilation, ox*p.Stride-p.Pad+j*p.Dilation
			items = append(items, figure.Box{R: figure.Rect{X0: float64(c), Y0: float64(h - r - 1), X1: float64(c + 1), Y1: float64(h - r)},
				Style: figure.Style{Stroke: bwColCur, Width: 1, Fill: bwColCur, FillAlpha: 0.3}})
		}
	}
	return items
}

// gradsPanel shows K, the partial ∂L/∂K (the cells the current position
// added to outlined) and the finite differences, side by side, with b,
// the partial ∂L/∂b, ∂L/∂Y at the position and the check's error below.
func (s *backwardView) gradsPanel(frame figure.Rect) *figure.Panel {
	k := s.k[0].H
	kf := float64(k)
	gap := 1.0
	u := math.Max(1, kf/5) // text rows grow a little with the kernel
	world := figure.Rect{X0: 0, Y0: -2.2 * u, X1: 3*kf + 2*gap, Y1: kf + 0.9*u}
	px := gradScale(frame, world)
	size := math.Min(12, 0.5*u*px)
	oy, ox := s.cur()
	q := oy*s.y.W + ox
	g := s.dy.Data[q]

	kLim := symRange(s.k[0].Data)
	gLim := symRange(s.dk[0].Data)
	marks := make([]bool, k*k)
	if g != 0 {
		p, x := s.in.p, s.in.gray
		for i := range k {
			for j := range k {
				iy, ix := oy*p.Stride-p.Pad+i*p.Dilation, ox*p.Stride-p.Pad+j*p.Dilation
				marks[i*k+j] = iy >= 0 && iy < x.H && ix >= 0 && ix < x.W
			}
		}
	}
	x1, x2 := kf+gap, 2*(kf+gap)
	var items []figure.Item
	items = append(items, gradGrid(fmt.Sprintf("bk-%d", s.runs), 0, s.k[0].Data, k, kLim, px, nil)...)
	items = append(items, gradGrid(fmt.Sprintf("bpdk-%d-%d", s.runs, s.done), x1, s.pdk, k, gLim, px, marks)...)
	items = append(items, gradGrid(fmt.Sprintf("bfd-%d", s.runs), x2, s.fdK, k, gLim, px, nil)...)
	if size >= 7 {
		dy := 1.25 * size / px
		y0 := -0.25 * u
		wpx := (kf + gap) * px
		items = append(items, gradLabels(kf/2, kf, y0, dy, size, wpx, "K", "b = "+figure.Num(s.bias[0]))...)
		items = append(items, gradLabels(x1+kf/2, kf, y0, dy, size, wpx, "∂L/∂K",
			"∂L/∂b = "+figure.Num(s.pdb),
			fmt.Sprintf("∂L/∂Y[%d,%d] = %s", oy, ox, figure.Num(g)))...)
		items = append(items, gradLabels(x2+kf/2, kf, y0, dy, size, wpx, "FD",
			"∂L/∂b ≈ "+figure.Num(s.fdB),
			"err = "+figure.Num(s.fdErr))...)
	}
	return &figure.Panel{ID: bwPanelGrads, Frame: frame, World: world, Equal: true, Items: items}
}

// problemPanels: the input and whichever of Y and T exist, when there is
// no loss to differentiate (the status readout says why).
func (s *backwardView) problemPanels(w, h float64, input *figure.Panel) []*figure.Panel {
	ps := []*figure.Panel{input}
	if s.yOK {
		ps = append(ps, &figure.Panel{ID: bwPanelY, World: imageWorld(s.y.H, s.y.W), Equal: true, Title: "Y",
			Items: []figure.Item{raster("", fmt.Sprintf("by-%d", s.runs), &s.y, 0, figure.Diverge, -s.yLim, s.yLim)}})
	}
	if s.loss == lossTarget && s.tErr == nil && s.t.H > 0 {
		ps = append(ps, &figure.Panel{ID: bwPanelYT, World: imageWorld(s.t.H, s.t.W), Equal: true, Title: "T",
			Items: []figure.Item{raster("", fmt.Sprintf("bt-%d", s.runs), &s.t, 0, figure.Diverge, -s.tLim, s.tLim)}})
	}
	imgs, _ := gradFrames(w, h, len(ps), nil, 1)
	for n, p := range ps {
		p.Frame = imgs[n]
	}
	return ps
}
