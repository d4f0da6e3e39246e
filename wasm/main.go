//go:build js && wasm

// Command wasm is the playground's browser program: it registers the aimath
// bridge and runs the ebiten game that draws the open lesson. It is built
// with GOOS=js GOARCH=wasm and loaded by web/game.html.
package main

import (
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/catalog"
	"github.com/aimath/playground/visual"
	"github.com/aimath/playground/wasm/bridge"
)

func main() {
	r := lesson.NewRunner(catalog.Lessons)
	if _, err := r.Open(catalog.Lessons[0].ID, ""); err != nil {
		panic(err) // the first lesson's defaults are tested; this is a build bug
	}
	game := visual.NewGame(r)

	var firstFrameMs float64
	game.OnFirstFrame = func() { firstFrameMs = sinceTopNavigation() }
	bridge.New(r, func() bridge.Stats {
		frames, goMs := game.Stats()
		return bridge.Stats{Frames: frames, FirstFrameMs: firstFrameMs, GoMsPerFrame: goMs}
	}, game.Size).Register("aimath")
	if started := js.Global().Get("aimathStarted"); started.Type() == js.TypeFunction {
		started.Invoke()
	}

	ebiten.SetWindowTitle("AI Math Playground")
	ebiten.SetRunnableOnUnfocused(true)
	ebiten.SetTPS(60)
	if err := ebiten.RunGame(game); err != nil {
		js.Global().Get("console").Call("error", "aimath: "+err.Error())
	}
}

// sinceTopNavigation returns milliseconds since the top page (not this
// frame) started loading, so first-frame time includes the whole page.
func sinceTopNavigation() float64 {
	perf := js.Global().Get("performance")
	now := perf.Get("timeOrigin").Float() + perf.Call("now").Float()
	origin := perf.Get("timeOrigin").Float()
	func() {
		defer func() { _ = recover() }() // a cross-origin parent is not readable
		if p := js.Global().Get("parent"); p.Truthy() {
			if po := p.Get("performance"); po.Truthy() {
				origin = po.Get("timeOrigin").Float()
			}
		}
	}()
	return now - origin
}
