package nn

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/core/nn"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// Pointer input of the train view:
//   - network panel: a press on a link selects it (the link and
//     link_weight readouts) and a vertical drag then scrubs its weight,
//     trScrubPx pixels per unit, up to increase, to 0.01; the losses and
//     pictures follow at once, the gradient check when the drag ends. A
//     press on an input toggles that feature (as TensorFlow Playground's
//     input column). A press on a neuron pins its picture to the output
//     plot (again: unpins); hovering a neuron shows its picture while
//     the pointer is over it. A press on nothing drops the selection and
//     the pin.
//   - output plot, custom data set: a press on a point removes it; a
//     press elsewhere adds a point there, coordinates to two decimals, of
//     class 1 with the primary button and of class 0 with the secondary
//     one (right click, or a long press on a touch screen).
//
// A long press arrives as a primary press, then (when it has lasted) a
// secondary press at the very same spot. That secondary press continues
// the gesture instead of starting another: on the output plot it turns
// the point the primary press added into a class-0 point (and keeps a
// removal a removal); on the network it does nothing more.
func (s *trainView) pointer(p lesson.Pointer, v *param.Values) bool {
	switch p.Phase {
	case lesson.Down:
		last := s.press
		s.press = trPress{}
		if p.Button == 2 && last.on && last.panel == p.Panel && last.at == p.At {
			return s.longPress(last, v)
		}
		if p.Button == 0 {
			s.press = trPress{on: true, panel: p.Panel, at: p.At, added: -1}
		}
		switch p.Panel {
		case trPanelNet:
			return s.pressNet(p, v)
		case trPanelOut:
			return s.pressOut(p, v)
		}
	case lesson.Move:
		if s.drag.on && p.Held {
			if p.Panel != trPanelNet {
				return false // world coordinates of another panel: not a drag of ours
			}
			return s.scrub(p)
		}
		if !p.Held {
			return s.hoverAt(p)
		}
	case lesson.Up:
		if s.drag.on {
			s.drag.on = false
			s.runCheck()
			return true
		}
	}
	return false
}

// pressNet handles a press in the network panel.
func (s *trainView) pressNet(p lesson.Pointer, v *param.Values) bool {
	if s.net == nil {
		return false
	}
	if k, ok := s.parseLink(p.Hit); ok {
		s.sel = k
		s.drag = trDrag{on: true, y0: p.At.Y, w0: s.weight(k)}
		return true
	}
	if n, ok := s.parseNode(p.Hit); ok {
		if n.l == 0 {
			s.toggleFeature(nn.Feature(n.j), v)
			return true
		}
		if s.pin == n {
			s.pin = trNode{}
		} else {
			s.pin = n
		}
		s.updateFocus()
		return true
	}
	if s.sel.on || s.pin.on {
		s.sel, s.pin = trLink{}, trNode{}
		s.updateFocus()
		return true
	}
	return false
}

// toggleFeature adds or removes an input feature and rebuilds the view.
func (s *trainView) toggleFeature(f nn.Feature, v *param.Values) {
	on := map[string]bool{}
	for _, name := range v.List(pFeatures) {
		on[name] = true
	}
	on[f.String()] = !on[f.String()]
	var names []string
	for _, name := range nn.FeatureNames() {
		if on[name] {
			names = append(names, name)
		}
	}
	v.Set(pFeatures, strings.Join(names, ","))
	s.reset(v)
}

// scrub sets the selected weight from the drag.
func (s *trainView) scrub(p lesson.Pointer) bool {
	if !s.sel.on || s.net == nil {
		return false
	}
	w := s.drag.w0 + (p.At.Y-s.drag.y0)/trScrubPx
	if math.IsNaN(w) || math.IsInf(w, 0) {
		w = 0 // the weight had diverged: dragging starts it again from 0
	}
	w = math.Round(w*100) / 100
	if w == s.weight(s.sel) {
		return false
	}
	s.net.W[s.sel.l][s.sel.i*s.net.Sizes[s.sel.l]+s.sel.j] = w
	s.ver++
	s.check.cancel()
	s.check.valid = false // until the drag ends
	s.changed()
	return true
}

// hoverAt shows the picture of the neuron under the pointer.
func (s *trainView) hoverAt(p lesson.Pointer) bool {
	var n trNode
	if p.Panel == trPanelNet {
		n, _ = s.parseNode(p.Hit)
	}
	if n == s.hover {
		return false
	}
	s.hover = n
	s.updateFocus()
	return true
}

// trPress is the last primary press: where, and the custom point it
// added (−1: none).
type trPress struct {
	on    bool
	panel string
	at    figure.Vec
	added int
}

// longPress finishes a long press whose primary press was last: the
// point it added becomes class 0.
func (s *trainView) longPress(last trPress, v *param.Values) bool {
	if last.panel != trPanelOut || last.added < 0 || last.added >= len(s.points) {
		return false
	}
	pts := slices.Clone(s.points)
	pts[last.added].Class = 0
	v.Set(pPoints, formatPoints(pts))
	s.setPoints(pts, v)
	return true
}

// pressOut adds or removes a custom point.
func (s *trainView) pressOut(p lesson.Pointer, v *param.Values) bool {
	if !s.custom {
		return false
	}
	pts := slices.Clone(s.points)
	if i, ok := strings.CutPrefix(p.Hit, "p:"); ok {
		k, err := strconv.Atoi(i)
		if err != nil || k < 0 || k >= len(pts) {
			return false
		}
		pts = slices.Delete(pts, k, k+1)
	} else {
		if len(pts) >= maxCustom {
			s.full = true
			return true
		}
		at := func(x float64) float64 { return math.Max(-nn.Radius, math.Min(nn.Radius, math.Round(x*100)/100)) }
		class := 1
		if p.Button == 2 || p.Shift {
			class = 0
		}
		pts = append(pts, point{X1: at(p.At.X), X2: at(p.At.Y), Class: class})
		s.press.added = len(pts) - 1
	}
	v.Set(pPoints, formatPoints(pts))
	s.setPoints(pts, v)
	return true
}

// setPoints makes the custom points the data, keeping the network and
// its training.
func (s *trainView) setPoints(pts []point, v *param.Values) {
	s.points = pts
	s.key = trainKey(v)
	s.all = trCustomData(pts)
	s.trainD, s.testD = s.all, nn.Data{Classes: 2}
	s.full = false
	if s.net == nil {
		return
	}
	s.train, _ = s.trainD.Set(s.net, s.fs) // cannot fail: the network fits two classes
	s.test, _ = s.testD.Set(s.net, s.fs)
	s.order = s.order[:0]
	for q := range s.train.N {
		s.order = append(s.order, q)
	}
	s.pos = 0 // an epoch in progress starts over on the new points
	wasDiverged := s.status != ""
	s.evaluate()
	if wasDiverged {
		s.status = trDiverged
	}
	s.runCheck()
}

// parseNode reads a neuron's item ID ("x:f" an input feature, "n:l:j").
func (s *trainView) parseNode(id string) (trNode, bool) {
	if rest, ok := strings.CutPrefix(id, "x:"); ok {
		f, err := strconv.Atoi(rest)
		n := trNode{on: true, l: 0, j: f}
		return n, err == nil && s.validNode(n)
	}
	rest, ok := strings.CutPrefix(id, "n:")
	if !ok || s.net == nil {
		return trNode{}, false
	}
	l, j, ok := strings.Cut(rest, ":")
	li, err1 := strconv.Atoi(l)
	ji, err2 := strconv.Atoi(j)
	n := trNode{on: true, l: li, j: ji}
	if !ok || err1 != nil || err2 != nil || li < 1 || !s.validNode(n) {
		return trNode{}, false
	}
	return n, true
}

// parseLink reads a link's item ID ("w:l:i:j").
func (s *trainView) parseLink(id string) (trLink, bool) {
	rest, ok := strings.CutPrefix(id, "w:")
	if !ok || s.net == nil {
		return trLink{}, false
	}
	f := strings.Split(rest, ":")
	if len(f) != 3 {
		return trLink{}, false
	}
	var x [3]int
	for i, t := range f {
		n, err := strconv.Atoi(t)
		if err != nil {
			return trLink{}, false
		}
		x[i] = n
	}
	k := trLink{on: true, l: x[0], i: x[1], j: x[2]}
	if k.l < 0 || k.l >= len(s.net.W) || k.i < 0 || k.i >= s.net.Sizes[k.l+1] || k.j < 0 || k.j >= s.net.Sizes[k.l] {
		return trLink{}, false
	}
	return k, true
}
