//go:build js && wasm

package visual

import (
	"image"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/lesson"
)

// Game is the ebiten game that shows the runner's open lesson.
type Game struct {
	r   *lesson.Runner
	rnd *renderer
	in  input

	w, h  float64 // canvas size in CSS pixels
	scale float64 // device pixels per CSS pixel

	// The figure is drawn into off only when it changes; every frame just
	// copies off to the screen.
	off      *ebiten.Image
	drawnFig *figure.Figure
	drawnW   int
	drawnH   int
	drawErr  string

	// OnFirstFrame, if set, is called once after the first frame is drawn.
	OnFirstFrame func()

	mu        sync.Mutex // guards the measurements below (read by Stats)
	frames    int64
	goMs      []frameTime // Go time of recent frames, a ring
	goMsNext  int
	updateDur time.Duration
}

type frameTime struct {
	at time.Time
	ms float64
}

// The Go-time median covers the frames of the last statsWindow, kept in a
// ring of frameWindow entries (5 s at 60 fps).
const (
	statsWindow = 5 * time.Second
	frameWindow = 300
)

// NewGame returns a game over r. Run it with ebiten.RunGame.
func NewGame(r *lesson.Runner) *Game {
	return &Game{r: r, rnd: newRenderer(), scale: 1, goMs: make([]frameTime, 0, frameWindow)}
}

// Size returns the canvas size in CSS pixels.
func (g *Game) Size() (w, h float64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.w, g.h
}

// Stats returns the number of frames drawn and the median Go time per frame
// (Update plus Draw) over the last five seconds, in milliseconds.
func (g *Game) Stats() (frames int64, goMsPerFrame float64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	var recent []float64
	since := time.Now().Add(-statsWindow)
	for _, f := range g.goMs {
		if f.at.After(since) {
			recent = append(recent, f.ms)
		}
	}
	if len(recent) == 0 {
		return g.frames, 0
	}
	slices.Sort(recent)
	return g.frames, recent[len(recent)/2]
}

// Update reads input once per tick and advances the lesson.
func (g *Game) Update() error {
	t0 := time.Now()
	fig, err := g.r.Figure(g.w, g.h)
	if err == nil {
		for _, p := range g.in.poll(fig, g.scale) {
			_ = g.r.Pointer(p) // a lesson panic is recovered and reported by the runner
		}
		ebiten.SetCursorShape(g.in.cursor)
	}
	g.r.Tick()
	g.mu.Lock()
	g.updateDur += time.Since(t0)
	g.mu.Unlock()
	return nil
}

// Draw renders the lesson's figure when it has changed and shows it.
func (g *Game) Draw(screen *ebiten.Image) {
	t0 := time.Now()
	sw, sh := screen.Bounds().Dx(), screen.Bounds().Dy()
	if g.off == nil || g.drawnW != sw || g.drawnH != sh {
		if g.off != nil {
			g.off.Deallocate()
		}
		g.off = ebiten.NewImage(sw, sh)
		g.drawnFig, g.drawnW, g.drawnH = nil, sw, sh
	}
	fig, err := g.r.Figure(g.w, g.h)
	switch {
	case err != nil:
		if g.drawErr != err.Error() {
			g.drawErr = err.Error()
			g.drawnFig = nil
			g.drawMessage(g.off, g.drawErr)
		}
	case fig != g.drawnFig:
		g.drawErr = ""
		g.rnd.scale = g.scale
		g.rnd.draw(g.off, fig)
		g.drawnFig = fig
	}
	screen.DrawImage(g.off, nil)

	g.mu.Lock()
	g.frames++
	first := g.frames == 1
	ms := float64(g.updateDur+time.Since(t0)) / float64(time.Millisecond)
	g.updateDur = 0
	ft := frameTime{time.Now(), ms}
	if len(g.goMs) < frameWindow {
		g.goMs = append(g.goMs, ft)
	} else {
		g.goMs[g.goMsNext] = ft
		g.goMsNext = (g.goMsNext + 1) % frameWindow
	}
	g.mu.Unlock()
	if first && g.OnFirstFrame != nil {
		g.OnFirstFrame()
	}
}

func (g *Game) drawMessage(dst *ebiten.Image, msg string) {
	dst.Fill(errorColor)
	op := &text.DrawOptions{}
	op.GeoM.Translate(16*g.scale, 16*g.scale)
	op.ColorScale.ScaleWithColor(figure.Vermillion.RGBA())
	op.LineSpacing = 18 * g.scale
	text.Draw(dst, msg, g.rnd.face(13, false), op)
}

// LayoutF makes the screen as many device pixels as the canvas has, so that
// lines and text stay crisp on HiDPI displays.
func (g *Game) LayoutF(outsideW, outsideH float64) (float64, float64) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if s <= 0 || math.IsNaN(s) {
		s = 1
	}
	g.mu.Lock()
	g.w, g.h, g.scale = outsideW, outsideH, s
	g.mu.Unlock()
	return math.Ceil(outsideW * s), math.Ceil(outsideH * s)
}

// Layout is required by ebiten.Game; LayoutF takes precedence.
func (g *Game) Layout(outsideW, outsideH int) (int, int) {
	w, h := g.LayoutF(float64(outsideW), float64(outsideH))
	return int(w), int(h)
}

// input turns mouse and touch state into pointer events, once per tick.
type input struct {
	held      bool
	button    int
	touch     ebiten.TouchID
	touching  bool
	downAt    time.Time
	downX     float64
	downY     float64
	longFired bool
	lastX     float64
	lastY     float64
	hit       string
	dragPanel string // the panel a held press began in
	cursor    ebiten.CursorShapeType
	touchIDs  []ebiten.TouchID
}

// longPress is how long a still touch must last to count as a right click.
const longPress = 500 * time.Millisecond

// event builds a pointer event at canvas pixel (x, y). While a button is
// held the event stays in the panel where the press began, even when the
// pointer leaves it, so a dragged handle follows the pointer to the edge.
func (in *input) event(fig *figure.Figure, ph lesson.Phase, x, y float64, button int, held bool) lesson.Pointer {
	p, at, id := fig.Hit(x, y)
	if ph != lesson.Down && in.dragPanel != "" && (p == nil || p.ID != in.dragPanel) {
		for _, q := range fig.Panels {
			if q.ID == in.dragPanel {
				p, at, id = q, q.View().ToWorld(x, y), ""
				break
			}
		}
	}
	ev := lesson.Pointer{Phase: ph, At: at, Hit: id, Button: button, Held: held, Shift: ebiten.IsKeyPressed(ebiten.KeyShift)}
	if p != nil {
		ev.Panel = p.ID
	}
	switch {
	case ph == lesson.Down:
		in.dragPanel = ev.Panel
	case !held:
		in.dragPanel = ""
	}
	return ev
}

// poll returns this tick's pointer events for fig; scale converts device
// pixels (what ebiten reports) to CSS pixels.
func (in *input) poll(fig *figure.Figure, scale float64) []lesson.Pointer {
	var evs []lesson.Pointer
	css := func(x, y int) (float64, float64) { return float64(x) / scale, float64(y) / scale }

	// Touch first: a touch also moves the emulated mouse on some browsers.
	in.touchIDs = inpututil.AppendJustPressedTouchIDs(in.touchIDs[:0])
	if !in.held && len(in.touchIDs) > 0 {
		in.touch, in.touching, in.held, in.button = in.touchIDs[0], true, true, 0
		x, y := css(ebiten.TouchPosition(in.touch))
		in.downAt, in.downX, in.downY, in.lastX, in.lastY, in.longFired = time.Now(), x, y, x, y, false
		evs = append(evs, in.event(fig, lesson.Down, x, y, 0, true))
		return evs
	}
	if in.touching {
		if inpututil.IsTouchJustReleased(in.touch) {
			in.touching, in.held = false, false
			if !in.longFired {
				evs = append(evs, in.event(fig, lesson.Up, in.lastX, in.lastY, 0, false))
			}
			return evs
		}
		x, y := css(ebiten.TouchPosition(in.touch))
		if x != in.lastX || y != in.lastY {
			in.lastX, in.lastY = x, y
			if !in.longFired {
				evs = append(evs, in.event(fig, lesson.Move, x, y, 0, true))
			}
		}
		// A long, still press is the touch form of a right click: the
		// primary gesture ends (Up) and a secondary click follows.
		if !in.longFired && time.Since(in.downAt) >= longPress && math.Hypot(x-in.downX, y-in.downY) < 8 {
			in.longFired = true
			evs = append(evs,
				in.event(fig, lesson.Up, x, y, 0, false),
				in.event(fig, lesson.Down, in.downX, in.downY, 2, true),
				in.event(fig, lesson.Up, in.downX, in.downY, 2, false))
		}
		return evs
	}

	x, y := css(ebiten.CursorPosition())
	for _, b := range []struct {
		mb  ebiten.MouseButton
		num int
	}{{ebiten.MouseButtonLeft, 0}, {ebiten.MouseButtonRight, 2}} {
		if !in.held && inpututil.IsMouseButtonJustPressed(b.mb) && image.Pt(int(x), int(y)).In(image.Rect(0, 0, int(fig.W)+1, int(fig.H)+1)) {
			in.held, in.button, in.lastX, in.lastY = true, b.num, x, y
			evs = append(evs, in.event(fig, lesson.Down, x, y, b.num, true))
			return evs
		}
	}
	if in.held {
		mb := ebiten.MouseButtonLeft
		if in.button == 2 {
			mb = ebiten.MouseButtonRight
		}
		if inpututil.IsMouseButtonJustReleased(mb) || !ebiten.IsMouseButtonPressed(mb) {
			in.held = false
			evs = append(evs, in.event(fig, lesson.Up, x, y, in.button, false))
			return evs
		}
	}
	if x != in.lastX || y != in.lastY {
		in.lastX, in.lastY = x, y
		ev := in.event(fig, lesson.Move, x, y, in.button, in.held)
		if !in.held {
			in.hit = ev.Hit
		}
		evs = append(evs, ev)
	}
	in.cursor = ebiten.CursorShapeDefault
	if in.held || in.hit != "" {
		in.cursor = ebiten.CursorShapeMove
	}
	return evs
}
