package figure

import "math"

// A panel's axes are made of plain items, so that every renderer draws the
// same decoration from the same primitives: Underlay, then the panel's
// Items clipped to its Frame, then Overlay unclipped.

// The margins Layout leaves around each frame, in pixels: room for the y
// tick labels (left), the x tick labels and XLabel (bottom), and the
// title and YLabel (top).
const (
	MarginLeft   = 44
	MarginTop    = 26
	MarginRight  = 12
	MarginBottom = 34
	// PanelGap is the extra room between neighbouring panels' margins.
	PanelGap = 8
	// MinPanelW is the narrowest panel (margins included) that Layout puts
	// side by side with another.
	MinPanelW = 280
)

const (
	tickPxX   = 72 // about one x tick per this many pixels
	tickPxY   = 60 // y labels are one line high, so they can sit closer
	tickSize  = 11 // tick labels and axis labels
	titleSize = 13
	tickGap   = 6  // between the frame and a tick label
	xLabelDY  = 20 // XLabel below the frame, under the tick labels
	aboveDY   = -10
)

// ticks returns how many ticks fit along px pixels, one per per pixels.
func ticks(px, per float64) int {
	if !(px > 0) || math.IsInf(px, 0) {
		return 2
	}
	return max(2, 1+int(px/per))
}

// Underlay returns what is drawn under the panel's items: grid lines at
// the ticks (Axes.Grid) and the x and y axes through the origin where it
// is in view (Axes.Lines), in world coordinates of the panel's View.
func (p *Panel) Underlay() []Item {
	v := p.View()
	w := v.World
	var items []Item
	if p.Axes.Grid {
		grid := Style{Stroke: Grid, Width: 1}
		xs, _ := NiceTicks(w.X0, w.X1, ticks(v.Frame.W(), tickPxX))
		for _, x := range xs {
			items = append(items, Path{Pts: []Vec{{x, w.Y0}, {x, w.Y1}}, Style: grid})
		}
		ys, _ := NiceTicks(w.Y0, w.Y1, ticks(v.Frame.H(), tickPxY))
		for _, y := range ys {
			items = append(items, Path{Pts: []Vec{{w.X0, y}, {w.X1, y}}, Style: grid})
		}
	}
	if p.Axes.Lines {
		axis := Style{Stroke: Axis, Width: 1.25}
		if w.X0 <= 0 && 0 <= w.X1 {
			items = append(items, Path{Pts: []Vec{{0, w.Y0}, {0, w.Y1}}, Style: axis})
		}
		if w.Y0 <= 0 && 0 <= w.Y1 {
			items = append(items, Path{Pts: []Vec{{w.X0, 0}, {w.X1, 0}}, Style: axis})
		}
	}
	return items
}

// Overlay returns what is drawn over the panel's items, unclipped: the
// frame outline (Axes.Box), tick labels outside the left and bottom edges
// (Axes.Ticks), XLabel centred under the x tick labels, YLabel above the
// frame's top-left corner (right-aligned over the y tick labels), and the
// Title above the frame, starting at its left edge.
func (p *Panel) Overlay() []Item {
	v := p.View()
	w := v.World
	var items []Item
	if p.Axes.Box {
		items = append(items, Box{R: w, Style: Style{Stroke: Axis, Width: 1}})
	}
	if p.Axes.Ticks {
		xs, xstep := NiceTicks(w.X0, w.X1, ticks(v.Frame.W(), tickPxX))
		for _, x := range xs {
			items = append(items, Text{At: Vec{x, w.Y0}, S: TickLabel(x, xstep), Size: tickSize,
				Anchor: Center | Top, DY: tickGap, Color: Muted})
		}
		ys, ystep := NiceTicks(w.Y0, w.Y1, ticks(v.Frame.H(), tickPxY))
		for _, y := range ys {
			items = append(items, Text{At: Vec{w.X0, y}, S: TickLabel(y, ystep), Size: tickSize,
				Anchor: Right | Middle, DX: -tickGap, Color: Muted})
		}
	}
	if p.Axes.XLabel != "" {
		dy := float64(tickGap)
		if p.Axes.Ticks {
			dy = xLabelDY
		}
		items = append(items, Text{At: Vec{(w.X0 + w.X1) / 2, w.Y0}, S: p.Axes.XLabel, Size: tickSize,
			Anchor: Center | Top, DY: dy, Color: Ink})
	}
	if p.Axes.YLabel != "" {
		items = append(items, Text{At: Vec{w.X0, w.Y1}, S: p.Axes.YLabel, Size: tickSize,
			Anchor: Right | Bottom, DX: -tickGap, DY: aboveDY, Color: Ink})
	}
	if p.Title != "" {
		items = append(items, Text{At: Vec{w.X0, w.Y1}, S: p.Title, Size: titleSize, Bold: true,
			Anchor: Left | Bottom, DY: aboveDY, Color: Ink})
	}
	return items
}

// Layout returns the frames of n panels on a w×h canvas, each inset by the
// margins. The panels sit side by side when each is at least MinPanelW
// wide that way and the row gives frames closer to square than a column;
// otherwise they are stacked. Edges are whole pixels, so lines drawn on
// them stay crisp.
func Layout(w, h float64, n int) []Rect {
	if n < 1 {
		return nil
	}
	row := cells(w, h, n, true)
	col := cells(w, h, n, false)
	frames := col
	wide := (w-PanelGap*float64(n-1))/float64(n) >= MinPanelW
	if n > 1 && wide && squareness(row[0]) <= squareness(col[0]) {
		frames = row
	}
	return frames
}

// cells splits the canvas into n frames in a row (or a column).
func cells(w, h float64, n int, row bool) []Rect {
	frames := make([]Rect, n)
	for i := range frames {
		var c Rect
		if row {
			cw := (w - PanelGap*float64(n-1)) / float64(n)
			x := float64(i) * (cw + PanelGap)
			c = Rect{math.Round(x), 0, math.Round(x + cw), h}
		} else {
			ch := (h - PanelGap*float64(n-1)) / float64(n)
			y := float64(i) * (ch + PanelGap)
			c = Rect{0, math.Round(y), w, math.Round(y + ch)}
		}
		frames[i] = Inset(c, MarginLeft, MarginTop, MarginRight, MarginBottom)
	}
	return frames
}

// squareness is how far r is from a square (0 for one), +Inf when empty.
func squareness(r Rect) float64 {
	if !(r.W() > 0 && r.H() > 0) {
		return math.Inf(1)
	}
	return math.Abs(math.Log(r.W() / r.H()))
}

// Inset returns r shrunk by the given amounts on each side (negative
// amounts grow it). A side that would cross its opposite collapses with it
// at their midpoint, so the result is never inverted.
func Inset(r Rect, left, top, right, bottom float64) Rect {
	out := Rect{r.X0 + left, r.Y0 + top, r.X1 - right, r.Y1 - bottom}
	if out.X0 > out.X1 {
		out.X0 = (out.X0 + out.X1) / 2
		out.X1 = out.X0
	}
	if out.Y0 > out.Y1 {
		out.Y0 = (out.Y0 + out.Y1) / 2
		out.Y1 = out.Y0
	}
	return out
}
