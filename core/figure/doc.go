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
//   - Every renderer draws a panel the same way: Underlay, then Items
//     clipped to the Frame, then Overlay unclipped. Axes are plain items
//     (Underlay and Overlay), so they need no code of their own.
//   - Renderers and Hit take pixel geometry from View (ArrowPx, ArcPx,
//     CirclePx, RectPx, PathPx), so what is drawn and what is hit agree.
//   - A Style is taken literally: no stroke when Width is 0, no fill when
//     FillAlpha is 0, so a zero Style draws nothing. An Arrow's head is
//     filled with its Stroke colour at Alpha; an Arc with a fill is filled
//     as the sector from its centre, and stroked along the arc only.
//   - Raster.RGBA bytes are alpha-premultiplied, as in image.RGBA and
//     ebiten's WritePixels.
//   - Geometry that is not finite (a diverged lesson) is left out, never
//     drawn as garbage and never a panic: a path is split at such a point.
package figure
