package figure

import "image/color"

// Color is an entry of the project's one palette. The hues are the
// Okabe–Ito set, distinguishable with the common colour-vision deficiencies.
type Color uint8

// The palette.
const (
	Ink        Color = iota // text and main strokes
	Muted                   // secondary text, helper lines
	Grid                    // grid lines
	Axis                    // axis lines
	Paper                   // background
	Orange                  // #E69F00
	Sky                     // #56B4E9
	Green                   // #009E73
	Yellow                  // #F0E442
	Blue                    // #0072B2
	Vermillion              // #D55E00
	Purple                  // #CC79A7
	numColors
)

var palette = [numColors]color.RGBA{
	Ink:        {0x1f, 0x29, 0x37, 0xff},
	Muted:      {0x6b, 0x72, 0x80, 0xff},
	Grid:       {0xe5, 0xe7, 0xeb, 0xff},
	Axis:       {0x9c, 0xa3, 0xaf, 0xff},
	Paper:      {0xff, 0xff, 0xff, 0xff},
	Orange:     {0xe6, 0x9f, 0x00, 0xff},
	Sky:        {0x56, 0xb4, 0xe9, 0xff},
	Green:      {0x00, 0x9e, 0x73, 0xff},
	Yellow:     {0xf0, 0xe4, 0x42, 0xff},
	Blue:       {0x00, 0x72, 0xb2, 0xff},
	Vermillion: {0xd5, 0x5e, 0x00, 0xff},
	Purple:     {0xcc, 0x79, 0xa7, 0xff},
}

// RGBA returns the colour's opaque sRGB value; an out-of-range Color is Ink.
func (c Color) RGBA() color.RGBA {
	if c >= numColors {
		return palette[Ink]
	}
	return palette[c]
}

// Series is the order in which plots take colours for distinct series.
var Series = []Color{Blue, Orange, Green, Vermillion, Purple, Sky, Yellow}

// Style is how an item is stroked and filled. Widths and dashes are CSS
// pixels, whatever the world scale.
type Style struct {
	Stroke    Color
	Width     float64 // stroke width; 0 draws no stroke
	Dash      bool    // dashed stroke
	Fill      Color
	FillAlpha float64 // 0 draws no fill, 1 an opaque one
	Alpha     float64 // stroke opacity; 0 means 1
}

// Item is one element of a panel. The concrete types are Path, Box, Circle,
// Point, Arrow, Arc, Text and Raster.
type Item interface{ item() }

// Path is a polyline, or a polygon when Closed.
type Path struct {
	ID     string
	Pts    []Vec
	Closed bool
	Style
}

// Box is an axis-aligned rectangle in world coordinates.
type Box struct {
	ID string
	R  Rect
	Style
}

// Circle has its radius in world units (a unit circle stays a circle of
// radius 1 however the panel is scaled).
type Circle struct {
	ID string
	C  Vec
	R  float64
	Style
}

// Point is a marker whose radius is in CSS pixels: a data point or a handle
// the user can drag (give it an ID).
type Point struct {
	ID   string
	P    Vec
	Size float64 // radius in pixels; 0 means 4
	Style
}

// Arrow goes from From to To with a head at To; Head is the head's length
// in pixels (0 means 10).
type Arrow struct {
	ID       string
	From, To Vec
	Head     float64
	Style
}

// Arc is a circular arc around C with a radius in pixels, from angle A0 to
// A1 (radians, counter-clockwise in world space): an angle marker.
type Arc struct {
	ID     string
	C      Vec
	RPx    float64
	A0, A1 float64
	Style
}

// Anchor says which point of a text's box sits at its position.
type Anchor uint8

// Anchors: horizontal part and vertical part combined.
const (
	Left   Anchor = 0
	Center Anchor = 1
	Right  Anchor = 2
	Bottom Anchor = 0 << 2 // baseline-ish: the text sits above the point
	Middle Anchor = 1 << 2
	Top    Anchor = 2 << 2
)

// H returns the horizontal part of a (Left, Center or Right).
func (a Anchor) H() Anchor { return a & 3 }

// V returns the vertical part of a (Bottom, Middle or Top).
func (a Anchor) V() Anchor { return a &^ 3 }

// Text is a short label at a world point, offset by (DX, DY) pixels (DY
// grows downward, like the screen).
type Text struct {
	ID     string
	At     Vec
	S      string
	Size   float64 // font size in pixels; 0 means 13
	Anchor Anchor
	DX, DY float64
	Color  Color
	Bold   bool
}

// Raster is an image stretched over R (world coordinates). Either Values
// holds W×H numbers mapped through Map from [Min, Max], or RGBA holds W×H
// pixels (4 bytes each). Row 0 is the top row (largest y): value (i, j) of
// column i, row j is Values[j*W+i].
//
// Renderers cache a raster's pixels by Key; a lesson that changes a raster's
// data must give it a new Key (for example a counter), and one that keeps
// the data keeps the Key, so that nothing is re-uploaded per frame.
type Raster struct {
	ID       string
	Key      string
	R        Rect
	W, H     int
	Values   []float64
	Min, Max float64
	Map      Colormap
	RGBA     []byte
	Smooth   bool // interpolate between cells instead of showing crisp cells
}

func (Path) item()   {}
func (Box) item()    {}
func (Circle) item() {}
func (Point) item()  {}
func (Arrow) item()  {}
func (Arc) item()    {}
func (Text) item()   {}
func (Raster) item() {}
