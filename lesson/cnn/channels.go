package cnn

import (
	"cmp"
	"math"
	"strconv"
	"strings"

	"github.com/aimath/playground/core/conv"
	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// channelsView is the multi-channel layer: the input's C channels (three
// for a colour image, one for a gray one), K kernels of C×k×k whose slice c
// is weights[k][c] times the chosen 2-D kernel, and for each kernel the C
// partial maps X_c ⋆ K_{k,c}, their sum plus the bias (output channel k),
// then ReLU and pooling as the controls say.
//
// Rules of the view:
//   - Since every kernel is the one 2-D kernel K scaled per channel, the
//     layer factors: X_c ⋆ (w_kc·K) = w_kc·(X_c ⋆ K). The view correlates
//     each input channel with K once (C convolutions instead of K·C),
//     scales by the weights to get the partial maps, and sums them with
//     the pipeline as a 1×1 convolution with kernels w_k plus the bias,
//     followed by ReLU and pooling. So Y_k is exactly the partial maps
//     added in channel order plus b, the numbers the figure shows, and it
//     equals the layer computed with the C×k×k kernels up to rounding
//     (tested). A new bias reruns only the cheap 1×1 step.
//   - Every map is computed in reset (and the 1×1 step again in tune),
//     never per tick: play only moves the current position, so step and
//     panels do no per-pixel work and raster keys change only with the
//     values (counters partRuns and runs).
//   - The position is an index into the convolution's output (before
//     pooling), row by row; play visits every position once and stops on
//     the last, and play or step from there starts over at the first.
type channelsView struct {
	in      *input
	weights [][]float64    // K rows; only the first C columns are used
	kernels []conv.Tensor  // K kernels of C×k×k, for the figure
	mix     []conv.Tensor  // K kernels of C×1×1: the weights
	pl      pipeline       // Y = mix ⋆ base + b, ReLU, pooling
	base    *conv.Tensor   // C channels: X_c ⋆ K, no bias; nil when impossible
	part    []*conv.Tensor // per kernel: C channels, the partial maps
	// Symmetric colour ranges: all partial maps share one, all outputs
	// (Y, ReLU(Y), pooled) another, all kernel slices a third.
	partLim, outLim, kernLim float64
	rgba                     []byte   // the colour input as RGBA pixels
	tint                     [][]byte // each colour channel alone, as RGBA pixels
	gen                      int      // in.gen that rgba and tint were made for
	runs                     int      // grows whenever the pipeline's maps change
	partRuns                 int      // grows whenever the partial maps and kernels change
	oh, ow                   int      // the convolution's output size; 0 when it failed
	pos                      int      // current position: row pos/ow, column pos%ow
	acc                      float64  // play's fractional positions
	drag                     bool     // a drag that moves the position is in progress
}

// Panel ID prefixes of the channels view (the input panel is panelInput).
const (
	chPanelNet  = "net"  // the diagram behind the tiles: labels, kernels
	chPanelChan = "chan" // chan-c: input channel c
	chPanelPart = "part" // part-k-c: X_c ⋆ K_{k,c}
	chPanelConv = "conv" // conv-k: Y_k = Σ_c X_c ⋆ K_{k,c} + b
	chPanelReLU = "relu" // relu-k: ReLU(Y_k)
	chPanelPool = "pool" // pool-k: the pooled map
	chField     = "field"
)

// chNames are the canvas names of the colour channels.
var chNames = [3]string{"R", "G", "B"}

// chPartNames are the readouts of kernel 1's partial sums at the
// position, one per colour channel.
var chPartNames = [3]string{"part_r", "part_g", "part_b"}

func (s *channelsView) reset(in *input, v *param.Values, restart bool) {
	s.in = in
	s.weights = v.Matrix(pWeights) // Lesson.resizeWeights: one row per kernel
	c := in.x.C
	k2 := kernelTensor(in.kernel)
	s.kernels = make([]conv.Tensor, len(s.weights))
	s.mix = make([]conv.Tensor, len(s.weights))
	s.kernLim = 0
	for k, row := range s.weights {
		t := conv.New(c, k2.H, k2.W)
		for ch := range c {
			dst := t.Channel(ch)
			for n, x := range k2.Data {
				dst[n] = row[ch] * x
			}
		}
		s.kernels[k] = *t
		s.mix[k] = conv.Tensor{C: c, H: 1, W: 1, Data: row[:c]}
		s.kernLim = max(s.kernLim, symRange(t.Data))
	}
	s.partials(k2)
	s.run()
	s.images()
	n := s.oh * s.ow
	if restart || n == 0 {
		s.pos, s.acc = 0, 0
	}
	s.pos = min(s.pos, max(0, n-1))
}

// partials correlates each input channel with the 2-D kernel k2 and
// scales the results by each kernel's weights.
func (s *channelsView) partials(k2 *conv.Tensor) {
	s.partRuns++
	x := s.in.x
	s.oh, s.ow = 0, 0
	s.base, s.part = nil, nil
	oh, err := conv.OutSize(x.H, k2.H, s.in.p)
	ow, errW := conv.OutSize(x.W, k2.W, s.in.p)
	if err = cmp.Or(err, errW); err != nil {
		s.pl = pipeline{status: problem(err, x, k2.H, s.in.p)}
		return
	}
	s.oh, s.ow = oh, ow
	s.base = conv.New(x.C, oh, ow)
	for c := range x.C {
		xc := &conv.Tensor{C: 1, H: x.H, W: x.W, Data: x.Channel(c)}
		dst := &conv.Tensor{C: 1, H: oh, W: ow, Data: s.base.Channel(c)}
		// Cannot fail: OutSize accepted the shapes.
		_ = conv.Forward(dst, xc, []conv.Tensor{*k2}, nil, s.in.p)
	}
	s.part = make([]*conv.Tensor, len(s.weights))
	s.partLim = 0
	for k, row := range s.weights {
		t := conv.New(x.C, oh, ow)
		for c := range x.C {
			dst := t.Channel(c)
			for n, y := range s.base.Channel(c) {
				dst[n] = row[c] * y
			}
		}
		s.part[k] = t
		s.partLim = max(s.partLim, symRange(t.Data))
	}
}

// run sums the partial maps and adds the bias (a 1×1 convolution of the
// correlated channels with the weights), then applies ReLU and pooling.
func (s *channelsView) run() {
	s.runs++
	s.outLim = 1
	if s.base == nil {
		return // partials left the message in s.pl
	}
	in := *s.in
	in.p = conv.Params{Stride: 1, Dilation: 1}
	s.pl.run(&in, s.base, s.mix)
	s.outLim = symRange(s.pl.conv.Data)
}

// images makes the RGBA pixels of a colour input and of its channels,
// once per input.
func (s *channelsView) images() {
	x := s.in.x
	if x.C != 3 {
		s.rgba, s.tint = nil, nil
		return
	}
	if s.rgba != nil && s.gen == s.in.gen {
		return
	}
	s.gen = s.in.gen
	n := x.H * x.W
	s.rgba = make([]byte, 4*n)
	s.tint = make([][]byte, 3)
	for c := range 3 {
		s.tint[c] = make([]byte, 4*n)
	}
	for c := range 3 {
		for i, val := range x.Channel(c) {
			b := byte(math.Round(255 * math.Max(0, math.Min(1, val))))
			s.rgba[4*i+c] = b
			s.tint[c][4*i+c] = b
		}
	}
	for i := range n {
		s.rgba[4*i+3] = 255
		for c := range 3 {
			s.tint[c][4*i+3] = 255
		}
	}
}

func (s *channelsView) tune(name string, _ *input, _ *param.Values) {
	if name == pBias {
		s.run()
	}
}

// chPace is how many positions play visits a second at speed 1: at least
// 4, and a whole map in about 25 s.
func chPace(outputs int) float64 { return math.Max(4, float64(outputs)/25) }

func (s *channelsView) step(v *param.Values) bool {
	n := s.oh * s.ow
	if n == 0 {
		return false
	}
	if s.pos >= n-1 {
		s.pos, s.acc = 0, 0
		return n > 1
	}
	s.acc += v.Float(pSpeed) * chPace(n) / 60
	d := int(math.Min(s.acc, float64(n))) // at most one sweep a tick
	s.acc -= float64(d)
	s.pos = min(n-1, s.pos+d)
	if s.pos == n-1 {
		s.acc = 0
	}
	return s.pos < n-1
}

func (s *channelsView) unit(*param.Values) bool {
	n := s.oh * s.ow
	if n == 0 {
		return false
	}
	s.acc = 0
	if s.pos >= n-1 {
		s.pos = 0
		return n > 1
	}
	s.pos++
	return s.pos < n-1
}

// setPos moves the position to row i, column j of the convolution's
// output (clamped) and reports whether it moved.
func (s *channelsView) setPos(i, j int) bool {
	i = max(0, min(s.oh-1, i))
	j = max(0, min(s.ow-1, j))
	p := i*s.ow + j
	if p == s.pos {
		return false
	}
	s.pos, s.acc = p, 0
	return true
}

// pointer: a click, drag or hover on a map selects the position under
// it (on a pooled map: the input its value came from, or its window's
// corner for average pooling); a click or drag on the input or one of
// its channels centres the receptive field there — on a drawing only
// when it starts on the field, since a plain drag paints.
func (s *channelsView) pointer(p lesson.Pointer, v *param.Values) bool {
	if s.oh == 0 {
		s.drag = false
		return false
	}
	switch p.Phase {
	case lesson.Up:
		s.drag = false
		return false
	case lesson.Down:
		if p.Panel == panelInput && v.String(pImage) == imageDraw && p.Hit != chField {
			return false
		}
		moved, ok := s.pointAt(p)
		s.drag = ok
		return moved
	}
	if p.Held && !s.drag {
		return false // someone else's drag (painting)
	}
	if !p.Held && s.onImage(p.Panel) {
		return false // hovering the input does not move the field
	}
	moved, _ := s.pointAt(p)
	return moved
}

// onImage reports whether a panel shows the input or one of its channels.
func (s *channelsView) onImage(panel string) bool {
	kind, _, _ := chParse(panel)
	return panel == panelInput || kind == chPanelChan
}

// pointAt moves the position to what the pointer is on; ok reports
// whether the pointer is on a panel that selects positions.
func (s *channelsView) pointAt(p lesson.Pointer) (moved, ok bool) {
	if s.onImage(p.Panel) {
		x := s.in.x
		r, c, _ := cellAt(p.At, x.H, x.W)
		// The output whose receptive field is centred nearest (r, c).
		half := float64(conv.Span(len(s.in.kernel), s.in.p.Dilation)-1) / 2
		st := float64(s.in.p.Stride)
		pad := float64(s.in.p.Pad)
		i := int(math.Round((float64(r) + pad - half) / st))
		j := int(math.Round((float64(c) + pad - half) / st))
		return s.setPos(i, j), true
	}
	kind, k, _ := chParse(p.Panel)
	switch kind {
	case chPanelPart, chPanelConv, chPanelReLU:
		if r, c, in := cellAt(p.At, s.oh, s.ow); in {
			return s.setPos(r, c), true
		}
		return false, true
	case chPanelPool:
		out := s.pl.out
		if out == nil || k >= out.C {
			return false, false
		}
		r, c, in := cellAt(p.At, out.H, out.W)
		if !in {
			return false, true
		}
		if s.pl.argmax != nil {
			m := s.pl.argmax[(k*out.H+r)*out.W+c] - k*s.oh*s.ow
			return s.setPos(m/s.ow, m%s.ow), true
		}
		return s.setPos(r*s.in.poolSt, c*s.in.poolSt), true
	}
	return false, false
}

// chParse splits a panel ID "kind-k-c" (or "kind-k"); a missing number
// is 0.
func chParse(id string) (kind string, k, c int) {
	kind, rest, _ := strings.Cut(id, "-")
	a, b, _ := strings.Cut(rest, "-")
	k, _ = strconv.Atoi(a)
	c, _ = strconv.Atoi(b)
	return kind, k, c
}

// at returns the current position's row and column.
func (s *channelsView) at() (i, j int) {
	if s.ow == 0 {
		return 0, 0
	}
	return s.pos / s.ow, s.pos % s.ow
}

func (s *channelsView) readouts() []lesson.Readout {
	ro := inSize(s.in.x)
	if s.pl.status != "" {
		ro = append(ro, lesson.Str("status", s.pl.status))
	} else {
		i, j := s.at()
		ro = append(ro, mapStats(s.pl.out)...)
		ro = append(ro,
			lesson.Num("pos_i", float64(i)),
			lesson.Num("pos_j", float64(j)),
			num("pos_sum", s.pl.conv.At(0, i, j)))
	}
	ro = append(ro,
		lesson.Num("in_c", float64(s.in.x.C)),
		lesson.Num("kernels", float64(len(s.kernels))))
	if s.oh > 0 {
		ro = append(ro, lesson.Num("conv_h", float64(s.oh)), lesson.Num("conv_w", float64(s.ow)))
	}
	if s.pl.status == "" && s.in.x.C == 3 {
		i, j := s.at()
		for c, name := range chPartNames {
			ro = append(ro, num(name, s.part[0].At(c, i, j)))
		}
	}
	if s.in.note != "" {
		ro = append(ro, lesson.Str("note", s.in.note))
	}
	return ro
}

func (s *channelsView) data() lesson.Table { return mapTable(s.pl.out) }
