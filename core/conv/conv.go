package conv

import "fmt"

// layer checks that x and kernels (and bias, when not nil) fit together
// and returns the output rows and columns.
func layer(x *Tensor, kernels []Tensor, bias []float64, p Params) (oh, ow int, err error) {
	x.check()
	if len(kernels) == 0 {
		return 0, 0, fmt.Errorf("%w: no kernels", ErrShape)
	}
	k0 := &kernels[0]
	for i := range kernels {
		k := &kernels[i]
		k.check()
		if k.C != k0.C || k.H != k0.H || k.W != k0.W {
			return 0, 0, fmt.Errorf("%w: kernel %d is %d×%d×%d, kernel 0 is %d×%d×%d", ErrShape, i, k.C, k.H, k.W, k0.C, k0.H, k0.W)
		}
	}
	if k0.C != x.C {
		return 0, 0, fmt.Errorf("%w: kernels have %d channels, input has %d", ErrShape, k0.C, x.C)
	}
	if bias != nil && len(bias) != len(kernels) {
		return 0, 0, fmt.Errorf("%w: %d biases for %d kernels", ErrShape, len(bias), len(kernels))
	}
	return outShape(x, k0.H, k0.W, p)
}

// Forward writes into dst the output of a convolutional layer (without
// activation): one channel per kernel, each the cross-correlation of x
// with that kernel summed over x's channels, plus the kernel's bias.
// x is C×H×W, every kernel C×kh×kw, bias nil (no bias) or one per
// kernel; dst becomes K×OH×OW with OH = OutSize(H, kh, p) and
// OW = OutSize(W, kw, p).
func Forward(dst *Tensor, x *Tensor, kernels []Tensor, bias []float64, p Params) error {
	if dst == x {
		panic("conv: Forward into its own input")
	}
	oh, ow, err := layer(x, kernels, bias, p)
	if err != nil {
		return err
	}
	dst.reshape(len(kernels), oh, ow)
	if p.Stride == 1 && p.Dilation == 1 {
		forwardUnit(dst, x, kernels, bias, p.Pad)
		return nil
	}
	kh, kw := kernels[0].H, kernels[0].W
	// Each kernel tap is applied to a whole output row at once (fast, no
	// per-product bounds tests); every output value still receives its
	// products in the documented (c, i, j) order.
	for k := range kernels {
		kd := kernels[k].Data
		out := dst.Data[k*oh*ow : (k+1)*oh*ow]
		clear(out)
		for c := 0; c < x.C; c++ {
			for i := 0; i < kh; i++ {
				for j := 0; j < kw; j++ {
					kv := kd[(c*kh+i)*kw+j]
					// Columns ox whose input column ox·S + off lies in 0..W−1.
					off := j*p.Dilation - p.Pad
					lo := max(0, (-off+p.Stride-1)/p.Stride)
					hi := min(ow, (x.W-1-off)/p.Stride+1)
					if x.W-1-off < 0 || lo >= hi {
						continue
					}
					for oy := 0; oy < oh; oy++ {
						iy := oy*p.Stride - p.Pad + i*p.Dilation
						if iy < 0 || iy >= x.H {
							continue
						}
						row := x.Data[(c*x.H+iy)*x.W : (c*x.H+iy+1)*x.W]
						orow := out[oy*ow : (oy+1)*ow]
						if p.Stride == 1 {
							src := row[lo+off : hi+off]
							for n, v := range orow[lo:hi][:len(src)] {
								// float64(…) rounds the product, so no fused
								// multiply-add makes this differ from Terms.
								orow[lo+n] = v + float64(kv*src[n])
							}
							continue
						}
						for ox := lo; ox < hi; ox++ {
							orow[ox] += float64(kv * row[ox*p.Stride+off])
						}
					}
				}
			}
		}
		if bias != nil {
			for n := range out {
				out[n] += bias[k]
			}
		}
	}
	return nil
}

// Term is one product in the sum that gives an output value: kernel
// weight K at channel C, row I, column J times the input at row Y,
// column X of the same channel. Y and X may lie in the padding, outside
// the input; then Pad is true and In and Prod are 0.
type Term struct {
	C, I, J int
	Y, X    int
	Pad     bool
	In, K   float64
	Prod    float64
}

// Terms appends to dst[:0] the C·kh·kw terms of the output at row oy,
// column ox of x correlated with kernel (in the order Forward sums
// them) and returns them with their sum. The output of Forward there is
// the sum plus the kernel's bias.
func Terms(dst []Term, x, kernel *Tensor, p Params, oy, ox int) ([]Term, float64, error) {
	dst = dst[:0]
	if err := position(x, kernel, p, oy, ox); err != nil {
		return dst, 0, err
	}
	var s float64
	for c := 0; c < kernel.C; c++ {
		for i := 0; i < kernel.H; i++ {
			for j := 0; j < kernel.W; j++ {
				t := Term{C: c, I: i, J: j,
					Y: oy*p.Stride - p.Pad + i*p.Dilation,
					X: ox*p.Stride - p.Pad + j*p.Dilation,
					K: kernel.Data[(c*kernel.H+i)*kernel.W+j],
				}
				t.Pad = t.Y < 0 || t.Y >= x.H || t.X < 0 || t.X >= x.W
				if !t.Pad {
					t.In = x.Data[(c*x.H+t.Y)*x.W+t.X]
					t.Prod = float64(t.K * t.In)
					s += t.Prod
				}
				dst = append(dst, t)
			}
		}
	}
	return dst, s, nil
}

// Products writes into dst (reshaped like kernel) the elementwise
// products of kernel and the input under it for the output at row oy,
// column ox, 0 where the kernel lies on padding, and returns their sum
// (the output there without bias).
func Products(dst *Tensor, x, kernel *Tensor, p Params, oy, ox int) (float64, error) {
	if dst == x || dst == kernel {
		panic("conv: Products into its own input")
	}
	if err := position(x, kernel, p, oy, ox); err != nil {
		return 0, err
	}
	dst.reshape(kernel.C, kernel.H, kernel.W)
	var s float64
	for c := 0; c < kernel.C; c++ {
		for i := 0; i < kernel.H; i++ {
			for j := 0; j < kernel.W; j++ {
				n := (c*kernel.H+i)*kernel.W + j
				y, xx := oy*p.Stride-p.Pad+i*p.Dilation, ox*p.Stride-p.Pad+j*p.Dilation
				if y < 0 || y >= x.H || xx < 0 || xx >= x.W {
					dst.Data[n] = 0
					continue
				}
				dst.Data[n] = float64(kernel.Data[n] * x.Data[(c*x.H+y)*x.W+xx])
				s += dst.Data[n]
			}
		}
	}
	return s, nil
}

// position checks that kernel fits x and (oy, ox) is an output position.
func position(x, kernel *Tensor, p Params, oy, ox int) error {
	oh, ow, err := layer(x, []Tensor{*kernel}, nil, p)
	if err != nil {
		return err
	}
	if oy < 0 || oy >= oh || ox < 0 || ox >= ow {
		return fmt.Errorf("%w: (%d, %d) in a %d×%d output", ErrPosition, oy, ox, oh, ow)
	}
	return nil
}

// Backward returns the gradients of a loss L with respect to the input,
// the kernels and the biases of Forward(y, x, kernels, bias, p), given
// dY = ∂L/∂y, in freshly allocated values. Arguments that Forward would
// refuse, or a dY not shaped like its output, panic.
func Backward(x *Tensor, kernels []Tensor, p Params, dY *Tensor) (dX *Tensor, dK []Tensor, dB []float64) {
	dX, dK, dB = new(Tensor), make([]Tensor, len(kernels)), make([]float64, len(kernels))
	if err := BackwardInto(dX, dK, dB, x, kernels, p, dY); err != nil {
		panic(err)
	}
	return dX, dK, dB
}

// BackwardInto writes into dX, dK and dB what Backward returns: dX is
// reshaped like x and every dK[k] like kernels[k], their Data reused when
// the capacity suffices, so that a caller that keeps them allocates
// nothing. dK and dB must hold one entry per kernel. Settings Forward
// would refuse, a dY not shaped like its output and wrong numbers of
// dK or dB return an error wrapping ErrShape (or the setting's ErrXxx);
// nil or malformed tensors and a dX that is x or dY panic.
func BackwardInto(dX *Tensor, dK []Tensor, dB []float64, x *Tensor, kernels []Tensor, p Params, dY *Tensor) error {
	if dX == x || dX == dY {
		panic("conv: BackwardInto into its own input")
	}
	oh, ow, err := layer(x, kernels, nil, p)
	if err != nil {
		return err
	}
	dY.check()
	if dY.C != len(kernels) || dY.H != oh || dY.W != ow {
		return fmt.Errorf("%w: upstream gradient %d×%d×%d, want %d×%d×%d", ErrShape, dY.C, dY.H, dY.W, len(kernels), oh, ow)
	}
	if len(dK) != len(kernels) || len(dB) != len(kernels) {
		return fmt.Errorf("%w: %d kernel gradients and %d bias gradients for %d kernels", ErrShape, len(dK), len(dB), len(kernels))
	}
	kh, kw := kernels[0].H, kernels[0].W
	dX.reshape(x.C, x.H, x.W)
	clear(dX.Data)
	for k := range kernels {
		dK[k].reshape(x.C, kh, kw)
		clear(dK[k].Data)
		var s float64
		for _, g := range dY.Channel(k) {
			s += g
		}
		dB[k] = s
	}
	if p.Stride == 1 && p.Dilation == 1 {
		backwardUnit(dX, dK, x, kernels, p.Pad, dY)
		return nil
	}
	// Any stride and dilation: scatter each upstream value over the
	// window it came from.
	for k := range kernels {
		kd, dkd := kernels[k].Data, dK[k].Data
		for oy := 0; oy < oh; oy++ {
			for ox := 0; ox < ow; ox++ {
				g := dY.Data[(k*oh+oy)*ow+ox]
				for c := 0; c < x.C; c++ {
					for i := 0; i < kh; i++ {
						iy := oy*p.Stride - p.Pad + i*p.Dilation
						if iy < 0 || iy >= x.H {
							continue
						}
						for j := 0; j < kw; j++ {
							ix := ox*p.Stride - p.Pad + j*p.Dilation
							if ix < 0 || ix >= x.W {
								continue
							}
							n, m := (c*kh+i)*kw+j, (c*x.H+iy)*x.W+ix
							dkd[n] += g * x.Data[m]
							dX.Data[m] += g * kd[n]
						}
					}
				}
			}
		}
	}
	return nil
}
