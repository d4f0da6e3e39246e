//go:build js && wasm

// Package visual draws lessons with ebiten: a Game that renders whatever
// figure the lesson runner holds and turns mouse and touch input into
// pointer events in world coordinates.
//
// Rules of the package:
//   - It knows no lesson: it reads core/figure display lists and calls
//     lesson.Runner. Only this package (and wasm/) imports ebiten.
//   - Update changes state (input, one runner tick); Draw only reads it.
//   - A figure is drawn into an offscreen image only when the runner hands
//     out a new one (or the canvas is resized); other frames copy that image,
//     so an idle lesson costs almost nothing. Rasters are uploaded once per
//     Raster.Key; font faces are made once per size.
//   - The screen has as many pixels as the display (LayoutF times the
//     device scale factor); figures are in CSS pixels and scaled here.
//   - It is tested in Chromium (the browser tests drive the real canvas),
//     since ebiten cannot run under Node.
package visual
