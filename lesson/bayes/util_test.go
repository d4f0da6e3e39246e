package bayes_test

import (
	"gonum.org/v1/gonum/floats/scalar"

	"github.com/aimath/playground/core/figure"
)

func near(a, b, tol float64) bool { return scalar.EqualWithinAbsOrRel(a, b, tol, tol) }

// handle is a draggable point of a figure.
type handle struct {
	panel, id string
	at        figure.Vec
}

// handles are the figure's points with an ID, as a pointer would find them.
func handles(f *figure.Figure) []handle {
	var hs []handle
	for _, p := range f.Panels {
		for _, it := range p.Items {
			if pt, ok := it.(figure.Point); ok && pt.ID != "" {
				hs = append(hs, handle{p.ID, pt.ID, pt.P})
			}
		}
	}
	return hs
}
