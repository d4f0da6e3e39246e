package prob

import (
	"strconv"

	"github.com/aimath/playground/core/figure"
)

func (s *mcView) panels(w, h float64) []*figure.Panel {
	fr := figure.Layout(w, h, 2)
	pts := s.pointsPanel(fr[0])
	if len(s.pts) == 0 {
		world := figure.Rect{X0: 0, Y0: 0, X1: 1, Y1: 1}
		return []*figure.Panel{pts, plotPanel(panelConv, fr[1], world, "", "n")}
	}
	return []*figure.Panel{pts, s.conv.panel(fr[1])}
}

// pointsPanel draws the box, the region whose area is the integral, the
// shown points (green: +1, vermillion: −1, gray: 0) and the estimate
// A·(n₊ − n₋)/n written out.
func (s *mcView) pointsPanel(frame figure.Rect) *figure.Panel {
	b := s.box
	mx, my := 0.06*b.W(), 0.06*b.H()
	world := figure.Rect{X0: b.X0 - mx, Y0: b.Y0 - my, X1: b.X1 + mx, Y1: b.Y1 + 2.5*my}
	title := "∫₋₁¹ e^(−x²) dx"
	switch s.kind {
	case integralPi:
		title = "x² + y² ≤ 1"
	case integralF:
		title = "f(x) = " + s.ftext + ",  " + figNum(b.X0) + " ≤ x ≤ " + figNum(b.X1)
	}
	p := plotPanel(panelPoints, frame, world, title, "x")
	p.Equal = s.kind != integralF
	region := figure.Style{Fill: colExact, FillAlpha: 0.14}
	var items []figure.Item
	if s.kind == integralPi {
		items = append(items, figure.Circle{C: figure.Vec{}, R: 1, Style: region})
	} else {
		for _, c := range s.curve {
			poly := append([]figure.Vec{{X: c[0].X, Y: 0}}, c...)
			poly = append(poly, figure.Vec{X: c[len(c)-1].X, Y: 0})
			items = append(items, figure.Path{Pts: poly, Closed: true, Style: region})
		}
	}
	if len(s.pts) > 0 {
		items = append(items, figure.Raster{Key: s.rasterKey(), R: b, W: s.rw, H: s.rh, RGBA: s.raster()})
	}
	items = append(items, figure.Box{R: b, Style: figure.Style{Stroke: figure.Ink, Width: 1.25}})
	if s.kind == integralPi {
		items = append(items, figure.Circle{C: figure.Vec{}, R: 1, Style: figure.Style{Stroke: colDist, Width: 2.5}})
	}
	for _, c := range s.curve {
		items = append(items, figure.Path{Pts: c, Style: figure.Style{Stroke: colDist, Width: 2.5}})
	}
	if n := s.pace.shown; n > 0 {
		sym := "I"
		if s.kind == integralPi {
			sym = "π"
		}
		text := sym + " ≈ " + figNum(s.area) + " · " + strconv.Itoa(s.hits) + "/" + strconv.Itoa(n) + " = " + figNum(s.r.estimate())
		items = append(items, label(figure.Vec{X: world.X0, Y: world.Y1}, text, figure.Left|figure.Top, colEst, 4, 2))
	}
	p.Items = items
	return p
}
