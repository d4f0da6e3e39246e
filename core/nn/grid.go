package nn

// Grid is a square of N×N points over [Lo, Hi]², on which Update runs a
// network to give every neuron's output at every point: the decision
// boundary and TensorFlow Playground's neuron thumbnails.
//
// Point p = row·N + col has x1 = Lo + (Hi − Lo)·col/(N − 1) and x2 = Hi −
// (Hi − Lo)·row/(N − 1): row 0 is the top, as in a figure.Raster, so
// each neuron's values are a raster's Values as they are.
type Grid struct {
	N      int
	Lo, Hi float64
	X1, X2 []float64 // the points' coordinates
	// Pass is the forward pass over the N² points: Pass.Unit(l, j) is
	// neuron j of layer l, the inputs (layer 0) included, and Pass.Out
	// the prediction.
	Pass Pass

	x []float64
}

// NewGrid returns a grid of n×n points over [lo, hi]². It panics if n < 2
// or if not lo < hi.
func NewGrid(n int, lo, hi float64) *Grid {
	if n < 2 || !(lo < hi) {
		panic(badGrid)
	}
	g := &Grid{N: n, Lo: lo, Hi: hi, X1: make([]float64, n*n), X2: make([]float64, n*n)}
	step := (hi - lo) / float64(n-1)
	for row := range n {
		for col := range n {
			g.X1[row*n+col] = lo + step*float64(col)
			g.X2[row*n+col] = hi - step*float64(row)
		}
	}
	return g
}

// Update computes the features fs at every point and runs net on them,
// one layer at a time over all the points. It allocates nothing once the
// buffers fit net. It panics if len(fs) ≠ net.Sizes[0].
func (g *Grid) Update(net *Net, fs []Feature) {
	if len(fs) != net.Sizes[0] {
		panic(badFeatures)
	}
	g.x = Inputs(g.x, fs, g.X1, g.X2)
	net.Forward(&g.Pass, g.x)
}

// Unit returns neuron j of layer l at every point, after Update.
func (g *Grid) Unit(l, j int) []float64 { return g.Pass.Unit(l, j) }
