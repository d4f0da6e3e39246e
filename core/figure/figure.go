package figure

import "math"

// Vec is a point or direction in world coordinates (y grows upward).
type Vec struct{ X, Y float64 }

// Rect is an axis-aligned rectangle from (X0, Y0) to (X1, Y1).
// In world coordinates y grows upward; in a Panel's Frame (CSS pixels of the
// canvas) y grows downward. Either way X0 <= X1 and Y0 <= Y1.
type Rect struct{ X0, Y0, X1, Y1 float64 }

// W returns the width of r.
func (r Rect) W() float64 { return r.X1 - r.X0 }

// H returns the height of r.
func (r Rect) H() float64 { return r.Y1 - r.Y0 }

// Contains reports whether (x, y) lies in r, edges included.
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X0 && x <= r.X1 && y >= r.Y0 && y <= r.Y1
}

// Figure is a display list: what one frame of a lesson shows. A Figure is
// immutable once a lesson returns it; renderers may keep it across frames.
type Figure struct {
	W, H   float64 // canvas size in CSS pixels
	Panels []*Panel
}

// Panel is a rectangle of the canvas that shows a window of world space.
type Panel struct {
	ID    string
	Frame Rect // where the panel sits on the canvas, in CSS pixels
	World Rect // the part of world space it shows
	// Equal keeps one world unit the same length on both axes, widening
	// World around its centre as needed (for vectors and matrices).
	Equal bool
	Axes  Axes
	Title string // short ASCII or symbols; Hangul belongs in the HTML
	Items []Item
}

// Axes says what the renderer draws under a panel's items.
type Axes struct {
	Grid   bool   // grid lines at the ticks
	Lines  bool   // the x and y axes through the origin (when visible)
	Ticks  bool   // tick labels on the panel's left and bottom edges
	XLabel string // label under the x tick labels
	YLabel string // label beside the y tick labels
	Box    bool   // a frame around the panel
}

// View maps between a panel's world coordinates and canvas pixels.
type View struct {
	World Rect // the world rectangle actually shown (after Equal)
	Frame Rect
	sx    float64
	sy    float64
}

// View returns the panel's world-to-pixel mapping.
func (p *Panel) View() View {
	w := p.World
	f := p.Frame
	if w.W() <= 0 {
		w.X0, w.X1 = w.X0-0.5, w.X0+0.5
	}
	if w.H() <= 0 {
		w.Y0, w.Y1 = w.Y0-0.5, w.Y0+0.5
	}
	if p.Equal && f.W() > 0 && f.H() > 0 {
		// One scale for both axes: the smaller of the two, the other axis widened.
		s := math.Min(f.W()/w.W(), f.H()/w.H())
		cx, cy := (w.X0+w.X1)/2, (w.Y0+w.Y1)/2
		hw, hh := f.W()/s/2, f.H()/s/2
		w = Rect{cx - hw, cy - hh, cx + hw, cy + hh}
	}
	return View{World: w, Frame: f, sx: f.W() / w.W(), sy: f.H() / w.H()}
}

// ToPx returns the canvas pixel of a world point.
func (v View) ToPx(p Vec) (x, y float64) {
	return v.Frame.X0 + (p.X-v.World.X0)*v.sx, v.Frame.Y1 - (p.Y-v.World.Y0)*v.sy
}

// ToWorld returns the world point at a canvas pixel.
func (v View) ToWorld(x, y float64) Vec {
	return Vec{v.World.X0 + (x-v.Frame.X0)/v.sx, v.World.Y0 + (v.Frame.Y1-y)/v.sy}
}

// Scale returns how many pixels one world unit spans on each axis.
func (v View) Scale() (sx, sy float64) { return v.sx, v.sy }
