package gd

import (
	"math"
	"slices"
	"strconv"

	"github.com/aimath/playground/core/contour"
	"github.com/aimath/playground/core/expr"
	"github.com/aimath/playground/core/figure"
)

// Colours of the racers, by their index in optim.Names(): gd Blue,
// momentum Orange, nesterov Green, rmsprop Vermillion, adam Purple.
func racerColor(index int) figure.Color {
	return figure.Series[index%len(figure.Series)]
}

// racerLabel is the racer's name on the canvas.
var racerLabel = map[string]string{
	"gd": "GD", "momentum": "Momentum", "nesterov": "Nesterov", "rmsprop": "RMSProp", "adam": "Adam",
}

// Sizes of the map, in pixels.
const (
	cellPx    = 4 // raster cell
	maxCells  = 220
	arrowPx   = 52 // spacing of the gradient arrows
	numLevels = 10
	legendRow = 17
)

// mapCache holds what depends only on the function and the window and
// frame of a contour map, so that a frame of the animation redraws only
// what moves: the filled contour raster (uploaded once per Key), the
// iso-lines and the gradient arrows.
type mapCache struct {
	src   string
	world figure.Rect
	frame figure.Rect
	key   string
	count int // makes every new raster's Key unique

	raster figure.Raster
	lines  []figure.Item
	arrows []figure.Item
}

// stale reports whether the cache was made for another function, window
// or frame, and if so notes the new ones (the caller then fills it).
func (c *mapCache) stale(src string, world, frame figure.Rect) bool {
	if c.key != "" && c.src == src && c.world == world && c.frame == frame {
		return false
	}
	c.src, c.world, c.frame = src, world, frame
	return true
}

// gridSize is the raster's size for a frame: cells of about cellPx.
func gridSize(frame figure.Rect) (nx, ny int) {
	return max(24, min(maxCells, int(frame.W()/cellPx))), max(24, min(maxCells, int(frame.H()/cellPx)))
}

// fill makes the raster and the iso-lines from nx×ny values sampled over
// the cache's world (in contour's layout).
func (c *mapCache) fill(prefix string, values []float64, nx, ny int) {
	c.count++
	c.key = prefix + strconv.Itoa(c.count)
	c.raster = figure.Raster{Key: c.key, R: contour.RasterRect(c.world, nx, ny), W: nx, H: ny,
		RGBA: shade(values), Smooth: true}
	c.lines = c.lines[:0]
	line := figure.Style{Stroke: figure.Ink, Width: 0.9, Alpha: 0.3}
	px := c.world.W() / c.frame.W()
	for _, level := range contour.LogLevels(values, numLevels) {
		for _, pts := range contour.Lines(values, nx, ny, c.world, level) {
			c.lines = append(c.lines, figure.Path{Pts: thin(pts, lineStepPx*px), Style: line})
		}
	}
}

// Pixels between the points kept of a drawn line: closer points add
// nothing visible but cost the renderer, which strokes every segment of
// every frame while playing.
const (
	lineStepPx  = 4
	trailStepPx = 2
)

// thickLine is the width of the lines that matter most (f, the trails). It
// stays under the 2.5 px from which the canvas renderer gives every vertex
// of a line a round join (a disc of some twenty triangles): on trails of
// thousands of points that would cost more than all the rest of a frame.
const thickLine = 2.4

// thin returns the points of pts at least d apart (in world units), always
// keeping the first and the last; it returns pts itself when nothing is
// dropped.
func thin(pts []figure.Vec, d float64) []figure.Vec {
	if len(pts) < 3 {
		return pts
	}
	out := make([]figure.Vec, 0, len(pts))
	out = append(out, pts[0])
	for _, p := range pts[1 : len(pts)-1] {
		q := out[len(out)-1]
		if math.Hypot(p.X-q.X, p.Y-q.Y) >= d {
			out = append(out, p)
		}
	}
	out = append(out, pts[len(pts)-1])
	if len(out) == len(pts) {
		return pts
	}
	return out
}

// fieldFunc is f and its gradient, compiled.
type fieldFunc struct {
	fn  *expr.Func // outputs f, ∂f/∂x, ∂f/∂y
	out [3]float64
}

// update refreshes the cache of a map of ff over world in frame.
func (c *mapCache) update(src string, ff *fieldFunc, world, frame figure.Rect) {
	if !c.stale(src, world, frame) {
		return
	}
	nx, ny := gridSize(frame)
	values := make([]float64, nx*ny)
	dst := make([][]float64, ff.fn.Outputs())
	dst[0] = values
	ff.fn.GridAll(dst, world.X0, world.X1, world.Y0, world.Y1, nx, ny)
	c.fill("gd2d:", values, nx, ny)
	c.arrows = arrowField(ff, world, frame)
}

// shade colours f on a logarithmic scale above its minimum (Rosenbrock's
// values span five decades over its window), through a light viridis so
// that the trails drawn over it stand out; points where f is undefined are
// gray.
func shade(values []float64) []byte {
	var s []float64
	for _, v := range values {
		if finite(v) {
			s = append(s, v)
		}
	}
	t := make([]float64, len(values))
	lo, hi := 0.0, 1.0
	if len(s) > 0 {
		slices.Sort(s)
		fmin := s[0]
		d := math.Max((s[len(s)/2]-fmin)*1e-3, 1e-12*(1+math.Abs(fmin)))
		lo, hi = math.Log10(d), math.Log10(s[len(s)-1]-fmin+d)
		for i, v := range values {
			switch {
			case math.IsNaN(v):
				t[i] = math.NaN()
			case math.IsInf(v, 1):
				t[i] = hi
			case math.IsInf(v, -1):
				t[i] = lo
			default:
				t[i] = math.Log10(v - fmin + d)
			}
		}
	}
	rgba := make([]byte, 4*len(values))
	figure.Viridis.Fill(rgba, t, lo, hi)
	for i := 0; i < len(rgba); i += 4 {
		for k := range 3 {
			rgba[i+k] = uint8(0.62*float64(rgba[i+k]) + 0.38*255 + 0.5)
		}
	}
	return rgba
}

// arrowField draws −∇f on a sparse grid, the length growing with ‖∇f‖
// as its 0.3 power (relative to the largest), so that a plateau shows
// short arrows and a steep wall long ones without one hiding the other.
func arrowField(ff *fieldFunc, world, frame figure.Rect) []figure.Item {
	nx := max(3, int(frame.W()/arrowPx))
	ny := max(3, int(frame.H()/arrowPx))
	sx := frame.W() / world.W()
	sy := frame.H() / world.H()
	type arrow struct{ at, g figure.Vec }
	arrows := make([]arrow, 0, nx*ny)
	var gmax float64
	for j := range ny {
		for i := range nx {
			at := figure.Vec{X: world.X0 + world.W()*(float64(i)+0.5)/float64(nx), Y: world.Y0 + world.H()*(float64(j)+0.5)/float64(ny)}
			ff.fn.EvalAll(ff.out[:], at.X, at.Y)
			g := figure.Vec{X: ff.out[1], Y: ff.out[2]}
			if !finite(g.X, g.Y) {
				continue
			}
			arrows = append(arrows, arrow{at, g})
			gmax = math.Max(gmax, math.Hypot(g.X, g.Y))
		}
	}
	if !(gmax > 0) || math.IsInf(gmax, 0) {
		return nil
	}
	st := figure.Style{Stroke: figure.Ink, Width: 1.2, Alpha: 0.5, Fill: figure.Ink, FillAlpha: 0.5}
	items := make([]figure.Item, 0, len(arrows))
	maxLen := 0.7 * arrowPx
	for _, a := range arrows {
		n := math.Hypot(a.g.X, a.g.Y)
		length := maxLen * math.Pow(n/gmax, 0.3)
		if length < 5 {
			continue
		}
		// The direction on screen, where a unit of x and of y may differ.
		dx, dy := -a.g.X*sx, -a.g.Y*sy
		s := length / math.Hypot(dx, dy)
		half := figure.Vec{X: dx * s / 2 / sx, Y: dy * s / 2 / sy}
		items = append(items, figure.Arrow{
			From: figure.Vec{X: a.at.X - half.X, Y: a.at.Y - half.Y},
			To:   figure.Vec{X: a.at.X + half.X, Y: a.at.Y + half.Y},
			Head: 5, Style: st,
		})
	}
	return items
}

func (t *twoD) figure(w, h float64) []*figure.Panel {
	if t.e == nil {
		return []*figure.Panel{invalidPanel(w, h, "f(x, y) = ", t.src, t.err)}
	}
	frame := figure.Layout(w, h, 1)[0]
	p := &figure.Panel{
		ID: panelMap, Frame: frame, World: t.window(), Equal: true,
		Axes:  figure.Axes{Ticks: true, Box: true, XLabel: "x", YLabel: "y"},
		Title: "f(x, y) = " + ellipsis(t.e.String(), 60),
	}
	view := p.View()
	t.cache.update(t.src, &fieldFunc{fn: t.fn}, view.World, frame)
	items := make([]figure.Item, 0, 16+len(t.cache.lines)+len(t.cache.arrows)+6*len(t.racers))
	items = append(items, t.cache.raster)
	items = append(items, t.cache.lines...)
	items = append(items, t.cache.arrows...)
	sx, _ := view.Scale()
	px := 1 / sx
	if t.named {
		for _, m := range t.preset.minima {
			items = append(items, cross(m, 5*px, figure.Ink)...)
		}
		for _, s := range t.preset.saddles {
			items = append(items, figure.Point{P: s, Size: 5, Style: figure.Style{Stroke: figure.Ink, Width: 1.5}})
		}
	}
	for _, r := range t.racers {
		items = append(items, t.racerItems(r, view.World, trailStepPx*px)...)
	}
	items = append(items, figure.Point{ID: handleStart, P: figure.Vec{X: t.start[0], Y: t.start[1]}, Size: handlePx,
		Style: figure.Style{Fill: figure.Paper, FillAlpha: 1, Stroke: figure.Ink, Width: 2}})
	items = append(items, t.legend(view)...)
	p.Items = items
	return []*figure.Panel{p}
}

// cross is a small × of half-size r (world units) at c.
func cross(c figure.Vec, r float64, col figure.Color) []figure.Item {
	st := figure.Style{Stroke: col, Width: 2}
	return []figure.Item{
		figure.Path{Pts: []figure.Vec{{X: c.X - r, Y: c.Y - r}, {X: c.X + r, Y: c.Y + r}}, Style: st},
		figure.Path{Pts: []figure.Vec{{X: c.X - r, Y: c.Y + r}, {X: c.X + r, Y: c.Y - r}}, Style: st},
	}
}

// racerItems draws a racer's trail and its current point: ringed once
// converged; a diverged racer is marked where it left the window.
func (t *twoD) racerItems(r *racer, w figure.Rect, step float64) []figure.Item {
	col := racerColor(r.index)
	pts := make([]figure.Vec, 0, len(r.trail)+1)
	far := 4 * math.Max(w.W(), w.H()) // beyond this a point only makes a line off the map
	inside := func(p figure.Vec) bool {
		return finite(p.X, p.Y) && math.Abs(p.X-(w.X0+w.X1)/2) < far && math.Abs(p.Y-(w.Y0+w.Y1)/2) < far
	}
	for _, p := range r.trail {
		if !inside(p) {
			break
		}
		pts = append(pts, p)
	}
	cur := figure.Vec{X: r.x[0], Y: r.x[1]}
	curIn := inside(cur)
	if curIn && len(pts) == len(r.trail) {
		pts = append(pts, cur)
	}
	pts = thin(pts, step)
	var items []figure.Item
	if len(pts) > 1 {
		items = append(items, figure.Path{Pts: pts, Style: figure.Style{Stroke: col, Width: thickLine}})
	}
	dot := figure.Style{Fill: col, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}
	switch {
	case r.status == stDiverged && len(pts) > 0:
		last := pts[len(pts)-1]
		items = append(items, figure.Text{At: last, S: "∞", Anchor: figure.Center | figure.Middle, Color: col, Bold: true, Size: 16})
	case curIn && r.status == stConverged:
		items = append(items,
			figure.Point{P: cur, Size: 9, Style: figure.Style{Stroke: col, Width: 2}},
			figure.Point{P: cur, Size: 4.5, Style: dot},
		)
	case curIn:
		items = append(items, figure.Point{P: cur, Size: 5.5, Style: dot})
	}
	return items
}

// legend names the racers in their colours in the top-right corner, with
// their iteration counts (and ∞ once diverged).
func (t *twoD) legend(v figure.View) []figure.Item {
	if len(t.racers) == 0 {
		return nil
	}
	lines := make([]string, len(t.racers))
	widest := 0
	for i, r := range t.racers {
		s := racerLabel[r.name] + "  " + strconv.Itoa(r.iter)
		if r.status == stDiverged {
			s += " ∞"
		}
		lines[i] = s
		widest = max(widest, len([]rune(s)))
	}
	// A phone's map is small: a smaller legend hides less of it.
	size, row, swatch, pad := 12.0, float64(legendRow), 16.0, 6.0
	if v.Frame.W() < 420 {
		size, row, swatch, pad = 10.5, 14, 12, 4
	}
	wPx := swatch + 6 + 0.6*size*float64(widest) + 2*pad
	hPx := row*float64(len(lines)) + 2*pad - 2
	right, top := v.Frame.X1-cornerPad, v.Frame.Y0+cornerPad
	box := figure.Rect{X0: right - wPx, Y0: top, X1: right, Y1: top + hPx}
	a := v.ToWorld(box.X0, box.Y1)
	b := v.ToWorld(box.X1, box.Y0)
	items := []figure.Item{figure.Box{R: figure.Rect{X0: a.X, Y0: a.Y, X1: b.X, Y1: b.Y},
		Style: figure.Style{Fill: figure.Paper, FillAlpha: 0.88, Stroke: figure.Axis, Width: 1}}}
	for i, r := range t.racers {
		y := top + pad + row*(float64(i)+0.5) - 1
		l0 := v.ToWorld(box.X0+pad, y)
		l1 := v.ToWorld(box.X0+pad+swatch, y)
		items = append(items,
			figure.Path{Pts: []figure.Vec{l0, l1}, Style: figure.Style{Stroke: racerColor(r.index), Width: 3}},
			figure.Text{At: l1, S: lines[i], Anchor: figure.Left | figure.Middle, DX: 6, Color: figure.Ink, Size: size, Bold: true},
		)
	}
	return items
}
