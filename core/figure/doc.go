// Package figure is a display list: what a lesson shows, as data.
//
// Rules of the package:
//   - Lessons build a *Figure; renderers (visual/ with ebiten, WriteSVG here)
//     only read it. A returned Figure is never mutated again, so a renderer
//     may keep it across frames and hand it to another goroutine.
//   - Geometry is in world coordinates (y up) inside each Panel; only pixel
//     sizes (stroke widths, marker radii, font sizes, arrow heads, text
//     offsets) are in CSS pixels, so a figure looks the same at any scale.
//   - Colours come from the one palette (Color) and colormaps (Colormap).
//   - Text on the canvas is numbers, symbols and short ASCII labels; words
//     for people live in the HTML, translated.
package figure
