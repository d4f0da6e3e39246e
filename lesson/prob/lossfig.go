package prob

import (
	"math"
	"strconv"

	"github.com/aimath/playground/core/figure"
)

// Sizes of the loss view's plots.
const (
	lossBellWidth = 0.5 // the widest a sideways bell may be, in x units
	lossClsX      = 4.0 // the classification plot spans [−4, 4]
	lossRoomy     = 150 // plots this many pixels high have room for the formulas
)

func (s *lossView) panels(w, h float64) []*figure.Panel {
	fr := figure.Layout(w, h, 2)
	return []*figure.Panel{s.regPanel(fr[0]), s.clsPanel(fr[1])}
}

// regPanel draws the data, the line, the residuals, and at each point the
// model's density of y, N(wxᵢ + b, σ²), turned on its side: the red
// segment at yᵢ is the likelihood of that point.
func (s *lossView) regPanel(frame figure.Rect) *figure.Panel {
	ylo, yhi := math.Inf(1), math.Inf(-1)
	for _, y := range s.ys {
		ylo, yhi = math.Min(ylo, y), math.Max(yhi, y)
	}
	world := figure.Rect{X0: -lossEnd - 0.6, Y0: ylo - 1.5, X1: lossEnd + 0.6, Y1: yhi + 2.6}
	p := plotPanel(panelReg, frame, world, "y ~ N(wx + b, σ²)", "x")
	peak := 1 / (s.sigma * math.Sqrt(2*math.Pi))
	k := math.Min(1.1, lossBellWidth/peak) // x units per unit of density
	var items []figure.Item
	bell := figure.Style{Stroke: colDist, Width: 1.25, Alpha: 0.7, Fill: colDist, FillAlpha: 0.08}
	for i, x := range s.xs {
		yhat := s.w*x + s.b
		pts := []figure.Vec{{X: x, Y: clampY(yhat-3*s.sigma, world.Y0, world.Y1)}}
		for j := 0; j <= 40; j++ {
			y := yhat - 3*s.sigma + 6*s.sigma*float64(j)/40
			pts = append(pts, figure.Vec{X: x + k*phi((y-yhat)/s.sigma)/s.sigma, Y: clampY(y, world.Y0, world.Y1)})
		}
		pts = append(pts, figure.Vec{X: x, Y: clampY(yhat+3*s.sigma, world.Y0, world.Y1)})
		items = append(items, figure.Path{Pts: pts, Closed: true, Style: bell})
		lik := phi((s.ys[i]-yhat)/s.sigma) / s.sigma
		items = append(items,
			figure.Path{Pts: []figure.Vec{{X: x, Y: s.ys[i]}, {X: x, Y: clampY(yhat, world.Y0, world.Y1)}}, Style: figure.Style{Stroke: colWarn, Width: 1.5, Dash: true}},
			figure.Path{Pts: []figure.Vec{{X: x, Y: s.ys[i]}, {X: x + k*lik, Y: s.ys[i]}}, Style: figure.Style{Stroke: colWarn, Width: 3}})
	}
	x0, x1 := world.X0, world.X1
	items = append(items, figure.Path{Pts: []figure.Vec{{X: x0, Y: clampY(s.w*x0+s.b, world.Y0, world.Y1)}, {X: x1, Y: clampY(s.w*x1+s.b, world.Y0, world.Y1)}},
		Style: figure.Style{Stroke: colDist, Width: 2.5}})
	for i, x := range s.xs {
		items = append(items, figure.Point{P: figure.Vec{X: x, Y: s.ys[i]}, Size: 4.5, Style: figure.Style{Fill: figure.Ink, FillAlpha: 1}})
	}
	handle := figure.Style{Fill: figure.Paper, FillAlpha: 1, Stroke: colDist, Width: 2.5}
	items = append(items,
		figure.Point{ID: idLeft, P: figure.Vec{X: -lossEnd, Y: clampY(-s.w*lossEnd+s.b, world.Y0, world.Y1)}, Size: 6, Style: handle},
		figure.Point{ID: idRight, P: figure.Vec{X: lossEnd, Y: clampY(s.w*lossEnd+s.b, world.Y0, world.Y1)}, Size: 6, Style: handle})
	v := 2 * s.sigma * s.sigma
	type line struct {
		s   string
		col figure.Color
	}
	lines := []line{
		{"MSE = " + figNum(s.mse), figure.Ink},
		{"NLL/n = MSE/(2σ²) + ½ ln(2πσ²)", colWarn},
		{"= " + figNum(s.mse) + "/" + figNum(v) + " + " + figNum(s.gaussConst) + " = " + figNum(s.gaussNLL), colWarn},
	}
	if frame.H() < lossRoomy {
		lines = []line{{"MSE = " + figNum(s.mse) + ",  NLL/n = " + figNum(s.gaussNLL), colWarn}}
	}
	for i, l := range lines {
		items = append(items, figure.Text{At: figure.Vec{X: world.X0, Y: world.Y1}, S: l.s, Size: 12, Bold: true,
			Anchor: figure.Left | figure.Top, DX: 6, DY: 4 + 17*float64(i), Color: l.col})
	}
	p.Items = items
	return p
}

// clsPanel draws p(k | x) for the three classes, the centres as handles,
// the data on the axis, and at each point the probability the model gives
// its own class.
func (s *lossView) clsPanel(frame figure.Rect) *figure.Panel {
	world := figure.Rect{X0: -lossClsX, Y0: -0.22, X1: lossClsX, Y1: 1.55}
	p := plotPanel(panelCls, frame, world, "p(k | x) = softmax(−s (x − m[k])²)", "x")
	var items []figure.Item
	for k := range lossClasses {
		col := figure.Series[k]
		f := func(x float64) float64 { return math.Exp(s.logProbs(x)[k]) }
		for _, pts := range curve(f, world.X0, world.X1, 240, world.Y0, world.Y1) {
			items = append(items, figure.Path{Pts: pts, Style: figure.Style{Stroke: col, Width: 2.25}})
		}
	}
	for i, x := range s.cx {
		k := s.cy[i]
		col := figure.Series[k]
		q := s.probs[i][k]
		items = append(items,
			figure.Path{Pts: []figure.Vec{{X: x, Y: 0}, {X: x, Y: q}}, Style: figure.Style{Stroke: col, Width: 1.5, Dash: true}},
			figure.Point{P: figure.Vec{X: x, Y: q}, Size: 3.5, Style: figure.Style{Fill: col, FillAlpha: 1}},
			figure.Point{P: figure.Vec{X: x, Y: -0.11}, Size: 5, Style: figure.Style{Fill: col, FillAlpha: 1, Stroke: figure.Paper, Width: 1}})
	}
	for k, m := range s.centers {
		col := figure.Series[k]
		items = append(items,
			figure.Path{Pts: []figure.Vec{{X: m, Y: 0}, {X: m, Y: 1.12}}, Style: figure.Style{Stroke: col, Width: 1, Dash: true, Alpha: 0.6}},
			figure.Point{ID: idCenter + strconv.Itoa(k), P: figure.Vec{X: m, Y: 1.12}, Size: 6,
				Style: figure.Style{Fill: col, FillAlpha: 1, Stroke: figure.Paper, Width: 1.5}},
			figure.Text{At: figure.Vec{X: m, Y: 1.12}, S: "m" + subscript(k), Size: 11, Anchor: figure.Center | figure.Bottom, DY: -8, Color: col, Bold: true})
	}
	lines := []string{
		"CE = −(1/n) Σ ln p(y_i | x_i) = " + figNum(s.ce),
		"L = Π p(y_i | x_i) = e^(−n·CE) = " + figure.Num(math.Exp(-float64(len(s.cx))*s.catNLL)),
	}
	if frame.H() < lossRoomy {
		lines = []string{"CE = NLL/n = " + figNum(s.ce)}
	}
	for i, l := range lines {
		items = append(items, figure.Text{At: figure.Vec{X: world.X0, Y: world.Y1}, S: l, Size: 12, Bold: true,
			Anchor: figure.Left | figure.Top, DX: 6, DY: 4 + 17*float64(i), Color: figure.Ink})
	}
	p.Items = items
	return p
}
