package conv

// The stride-1, dilation-1 case is the one lessons run every frame on
// whole images, so it gets loops over rows: each helper below takes
// one input row, one kernel row and one output (or gradient) row. The
// columns where every tap of the kernel row lies inside the input (the
// interior) run without per-tap range tests, with 3-tap kernel rows
// unrolled; the few columns next to the padding take the general loop.
// Each helper adds, for every output value, its taps in order j = 0…kw−1
// onto what the value already holds, so the callers keep the documented
// summation orders.

// interior returns the range [a, b) of n positions q for which q+off+j
// lies in 0..w−1 for every j in 0..kw−1 (kw ≥ 1); a ≤ b, both in 0..n.
func interior(n, w, kw, off int) (a, b int) {
	a = min(max(0, -off), n)
	b = max(min(n, w-kw+1-off), a)
	return a, b
}

// corrRow adds to out[q] the products krow[j]·in[q+off+j] over the j
// for which q+off+j lies inside in: one kernel row of a correlation.
func corrRow(out, in, krow []float64, off int) {
	kw := len(krow)
	a, b := interior(len(out), len(in), kw, off)
	edge := func(q int) {
		s := out[q]
		for j, kv := range krow {
			if x := q + off + j; x >= 0 && x < len(in) {
				s += float64(kv * in[x])
			}
		}
		out[q] = s
	}
	for q := 0; q < a; q++ {
		edge(q)
	}
	if a < b {
		o := out[a:b]
		if kw == 3 {
			k0, k1, k2 := krow[0], krow[1], krow[2]
			r0 := in[a+off : b+off][:len(o)]
			r1 := in[a+off+1 : b+off+1][:len(o)]
			r2 := in[a+off+2 : b+off+2][:len(o)]
			for n, s := range o {
				// float64(…) rounds each product, so no fused
				// multiply-add makes the sum differ from Terms.
				s += float64(k0 * r0[n])
				s += float64(k1 * r1[n])
				s += float64(k2 * r2[n])
				o[n] = s
			}
		} else {
			// One pass per tap: each o[n] still gets its products in
			// the order j = 0, 1, …, so the sums are the same, and the
			// inner loop is a plain stream the compiler keeps free of
			// bounds checks (about 5× faster for 7×7 than a loop over
			// j inside).
			for j, kv := range krow {
				r := in[a+off+j : a+off+j+len(o)][:len(o)]
				for n := range o {
					o[n] += float64(kv * r[n])
				}
			}
		}
	}
	for q := b; q < len(out); q++ {
		edge(q)
	}
}

// convRow adds to out[q] the products krow[j]·g[q+off−j] over the j for
// which q+off−j lies inside g: one kernel row of a full convolution,
// which is how a row of ∂L/∂X gathers the upstream gradient.
func convRow(out, g, krow []float64, off int) {
	kw := len(krow)
	// q+off−j ranges over q+off−(kw−1) … q+off, a window of kw inputs
	// starting at q + off − (kw−1).
	a, b := interior(len(out), len(g), kw, off-(kw-1))
	edge := func(q int) {
		s := out[q]
		for j, kv := range krow {
			if y := q + off - j; y >= 0 && y < len(g) {
				s += kv * g[y]
			}
		}
		out[q] = s
	}
	for q := 0; q < a; q++ {
		edge(q)
	}
	if a < b {
		o := out[a:b]
		if kw == 3 {
			k0, k1, k2 := krow[0], krow[1], krow[2]
			g0 := g[a+off : b+off][:len(o)]
			g1 := g[a+off-1 : b+off-1][:len(o)]
			g2 := g[a+off-2 : b+off-2][:len(o)]
			for n, s := range o {
				s += k0 * g0[n]
				s += k1 * g1[n]
				s += k2 * g2[n]
				o[n] = s
			}
		} else {
			// One pass per tap, as in corrRow: same order of sums.
			for j, kv := range krow {
				gj := g[a+off-j : b+off-j][:len(o)]
				for n := range o {
					o[n] += kv * gj[n]
				}
			}
		}
	}
	for q := b; q < len(out); q++ {
		edge(q)
	}
}

// dotRow adds to dk[j] the sum over q of g[q]·in[q+off+j], for the q
// where q+off+j lies inside in: one row's share of a kernel gradient.
func dotRow(dk, g, in []float64, off int) {
	kw := len(dk)
	a, b := interior(len(g), len(in), kw, off)
	edge := func(q int) {
		for j := range dk {
			if x := q + off + j; x >= 0 && x < len(in) {
				dk[j] += g[q] * in[x]
			}
		}
	}
	for q := 0; q < a; q++ {
		edge(q)
	}
	if a < b {
		gs := g[a:b]
		if kw == 3 {
			// Three independent sums: each tap waits only on itself.
			var s0, s1, s2 float64
			r0 := in[a+off : b+off][:len(gs)]
			r1 := in[a+off+1 : b+off+1][:len(gs)]
			r2 := in[a+off+2 : b+off+2][:len(gs)]
			for n, gv := range gs {
				s0 += gv * r0[n]
				s1 += gv * r1[n]
				s2 += gv * r2[n]
			}
			dk[0] += s0
			dk[1] += s1
			dk[2] += s2
		} else {
			for j := range dk {
				r := in[a+off+j : b+off+j][:len(gs)]
				var s float64
				for n, gv := range gs {
					s += gv * r[n]
				}
				dk[j] += s
			}
		}
	}
	for q := b; q < len(g); q++ {
		edge(q)
	}
}

// corr3x3 adds to o[n] the 9 products k[3i+j]·r_i[n+j], in order
// i = 0…2, j = 0…2: a 3×3 correlation over columns where every tap is
// inside, one load and store of each output for 9 taps.
func corr3x3(o, r0, r1, r2, k []float64) {
	k = k[:9]
	r00, r01, r02 := r0[:len(o)], r0[1:][:len(o)], r0[2:][:len(o)]
	r10, r11, r12 := r1[:len(o)], r1[1:][:len(o)], r1[2:][:len(o)]
	r20, r21, r22 := r2[:len(o)], r2[1:][:len(o)], r2[2:][:len(o)]
	for n, s := range o {
		s += float64(k[0] * r00[n])
		s += float64(k[1] * r01[n])
		s += float64(k[2] * r02[n])
		s += float64(k[3] * r10[n])
		s += float64(k[4] * r11[n])
		s += float64(k[5] * r12[n])
		s += float64(k[6] * r20[n])
		s += float64(k[7] * r21[n])
		s += float64(k[8] * r22[n])
		o[n] = s
	}
}

// dot3x3 adds to dk[3i+j] the sum over n of g[n]·r_i[n+j]: one output
// row's share of a 3×3 kernel gradient, nine independent sums.
func dot3x3(dk, g, r0, r1, r2 []float64) {
	dk = dk[:9]
	r00, r01, r02 := r0[:len(g)], r0[1:][:len(g)], r0[2:][:len(g)]
	r10, r11, r12 := r1[:len(g)], r1[1:][:len(g)], r1[2:][:len(g)]
	r20, r21, r22 := r2[:len(g)], r2[1:][:len(g)], r2[2:][:len(g)]
	var s0, s1, s2, s3, s4, s5, s6, s7, s8 float64
	for n, gv := range g {
		s0 += gv * r00[n]
		s1 += gv * r01[n]
		s2 += gv * r02[n]
		s3 += gv * r10[n]
		s4 += gv * r11[n]
		s5 += gv * r12[n]
		s6 += gv * r20[n]
		s7 += gv * r21[n]
		s8 += gv * r22[n]
	}
	dk[0] += s0
	dk[1] += s1
	dk[2] += s2
	dk[3] += s3
	dk[4] += s4
	dk[5] += s5
	dk[6] += s6
	dk[7] += s7
	dk[8] += s8
}

// conv3x3 adds to o[n] the 9 products k[3i+j]·g_i[n+2−j]: a 3×3 full
// convolution over columns where every tap is inside, g_i being the
// upstream row that kernel row i reads.
func conv3x3(o, g0, g1, g2, k []float64) {
	k = k[:9]
	g00, g01, g02 := g0[2:][:len(o)], g0[1:][:len(o)], g0[:len(o)]
	g10, g11, g12 := g1[2:][:len(o)], g1[1:][:len(o)], g1[:len(o)]
	g20, g21, g22 := g2[2:][:len(o)], g2[1:][:len(o)], g2[:len(o)]
	for n, s := range o {
		s += k[0] * g00[n]
		s += k[1] * g01[n]
		s += k[2] * g02[n]
		s += k[3] * g10[n]
		s += k[4] * g11[n]
		s += k[5] * g12[n]
		s += k[6] * g20[n]
		s += k[7] * g21[n]
		s += k[8] * g22[n]
		o[n] = s
	}
}

// forwardUnit is Forward for stride 1 and dilation 1; dst is already
// shaped K×oh×ow.
func forwardUnit(dst, x *Tensor, kernels []Tensor, bias []float64, pad int) {
	oh, ow := dst.H, dst.W
	kh, kw := kernels[0].H, kernels[0].W
	// Output columns a…b−1 read only input columns inside x.
	a, b := interior(ow, x.W, kw, -pad)
	for k := range kernels {
		kd := kernels[k].Data
		out := dst.Data[k*oh*ow : (k+1)*oh*ow]
		clear(out)
		for c := 0; c < x.C; c++ {
			xc := x.Channel(c)
			row := func(iy int) []float64 { return xc[iy*x.W : (iy+1)*x.W] }
			for oy := 0; oy < oh; oy++ {
				orow := out[oy*ow : (oy+1)*ow]
				if kh == 3 && kw == 3 && oy-pad >= 0 && oy-pad+2 < x.H {
					k9 := kd[c*9 : c*9+9]
					r0, r1, r2 := row(oy-pad), row(oy-pad+1), row(oy-pad+2)
					edge := func(q int) {
						s := orow[q]
						for i, r := range [3][]float64{r0, r1, r2} {
							for j := range 3 {
								if ix := q - pad + j; ix >= 0 && ix < x.W {
									s += float64(k9[3*i+j] * r[ix])
								}
							}
						}
						orow[q] = s
					}
					for q := 0; q < a; q++ {
						edge(q)
					}
					if a < b {
						corr3x3(orow[a:b], r0[a-pad:], r1[a-pad:], r2[a-pad:], k9)
					}
					for q := b; q < ow; q++ {
						edge(q)
					}
					continue
				}
				for i := 0; i < kh; i++ {
					if iy := oy - pad + i; iy >= 0 && iy < x.H {
						corrRow(orow, row(iy), kd[(c*kh+i)*kw:(c*kh+i+1)*kw], -pad)
					}
				}
			}
		}
		if bias != nil {
			b := bias[k]
			for n := range out {
				out[n] += b
			}
		}
	}
}

// backwardUnit is BackwardInto for stride 1 and dilation 1; the
// destinations are shaped and cleared.
func backwardUnit(dX *Tensor, dK []Tensor, x *Tensor, kernels []Tensor, pad int, dY *Tensor) {
	oh, ow := dY.H, dY.W
	kh, kw := kernels[0].H, kernels[0].W
	three := kh == 3 && kw == 3
	// Upstream columns a…b−1 read only input columns inside x; input
	// columns ca…cb−1 gather only upstream columns inside dY.
	a, b := interior(ow, x.W, kw, -pad)
	ca, cb := interior(x.W, ow, kw, pad-(kw-1))
	for k := range kernels {
		kd, dkd := kernels[k].Data, dK[k].Data
		gk := dY.Channel(k)
		grow := func(oy int) []float64 { return gk[oy*ow : (oy+1)*ow] }
		for c := 0; c < x.C; c++ {
			xc, dxc := x.Channel(c), dX.Channel(c)
			xrow := func(iy int) []float64 { return xc[iy*x.W : (iy+1)*x.W] }
			// ∂L/∂K: output row oy reads input rows oy − pad + i.
			for oy := 0; oy < oh; oy++ {
				g := grow(oy)
				if three && oy-pad >= 0 && oy-pad+2 < x.H {
					dk9 := dkd[c*9 : c*9+9]
					rs := [3][]float64{xrow(oy - pad), xrow(oy - pad + 1), xrow(oy - pad + 2)}
					for q := range g {
						if q >= a && q < b {
							continue
						}
						for i, r := range rs {
							for j := range 3 {
								if ix := q - pad + j; ix >= 0 && ix < x.W {
									dk9[3*i+j] += g[q] * r[ix]
								}
							}
						}
					}
					if a < b {
						dot3x3(dk9, g[a:b], rs[0][a-pad:], rs[1][a-pad:], rs[2][a-pad:])
					}
					continue
				}
				for i := 0; i < kh; i++ {
					if iy := oy - pad + i; iy >= 0 && iy < x.H {
						dotRow(dkd[(c*kh+i)*kw:(c*kh+i+1)*kw], g, xrow(iy), -pad)
					}
				}
			}
			// ∂L/∂X: input row iy gathers upstream rows iy + pad − i.
			for iy := 0; iy < x.H; iy++ {
				dxrow := dxc[iy*x.W : (iy+1)*x.W]
				if three && iy+pad-2 >= 0 && iy+pad < oh {
					k9 := kd[c*9 : c*9+9]
					gs := [3][]float64{grow(iy + pad), grow(iy + pad - 1), grow(iy + pad - 2)}
					for q := range dxrow {
						if q >= ca && q < cb {
							continue
						}
						s := dxrow[q]
						for i, g := range gs {
							for j := range 3 {
								if ox := q + pad - j; ox >= 0 && ox < ow {
									s += k9[3*i+j] * g[ox]
								}
							}
						}
						dxrow[q] = s
					}
					if ca < cb {
						conv3x3(dxrow[ca:cb], gs[0][ca+pad-2:], gs[1][ca+pad-2:], gs[2][ca+pad-2:], k9)
					}
					continue
				}
				for i := 0; i < kh; i++ {
					if oy := iy + pad - i; oy >= 0 && oy < oh {
						convRow(dxrow, grow(oy), kd[(c*kh+i)*kw:(c*kh+i+1)*kw], pad)
					}
				}
			}
		}
	}
}
