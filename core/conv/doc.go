// Package conv is the arithmetic of a convolutional layer as deep-learning
// frameworks define it: the forward pass, its gradients, ReLU, pooling,
// the classic image-filter kernels and a few test images drawn by code.
//
// Rules of the package:
//   - A Tensor is C channels of H×W values. The value at channel c, row y,
//     column x is Data[(c*H+y)*W+x]: channels are stacked planes, each
//     plane row-major with row 0 at the top, as a figure.Raster lays out
//     its cells, so Channel(c) can be drawn directly. A kernel is a Tensor
//     too (C×kh×kw); a layer of K kernels is a []Tensor of equal shapes.
//   - "Convolution" means what PyTorch's conv2d computes, which is
//     cross-correlation: the kernel is not flipped,
//     Y[k,oy,ox] = b[k] + Σ_c Σ_i Σ_j K[k][c,i,j] · X[c, oy·S−P+i·D, ox·S−P+j·D],
//     with zero padding P, stride S and dilation D (Params), terms summed
//     in that order (c, then i, then j) and the bias added last, so the
//     sum of Terms plus the bias is exactly the Forward value.
//   - Output size per axis is O = ⌊(H + 2P − D·(k−1) − 1)/S⌋ + 1 (with
//     D = 1: ⌊(H + 2P − k)/S⌋ + 1). Input rows and columns that the last
//     stride step does not reach are ignored, as in PyTorch.
//   - Settings a student can choose (kernel size, padding, stride,
//     dilation, pool size, which image, shapes that do not fit together)
//     never panic: they return an error wrapping one of the ErrXxx values,
//     whose message names the numbers and can be shown as is. A nil dst,
//     a Tensor whose len(Data) is not C·H·W, dst == x, and calling a
//     backward function with arguments its forward pass would have
//     refused are caller bugs and panic with a "conv: " message.
//   - Forward functions write into dst, first argument as in gonum: dst is
//     reshaped to the output shape and its Data reused when its capacity
//     suffices. dst must not share memory with the input. Backward
//     functions return freshly allocated gradients shaped like the
//     values they are gradients of; BackwardInto writes them into
//     destinations instead, allocating nothing when they are reused.
//   - Stride 1 with dilation 1, what lessons run on whole images every
//     frame, takes row-wise loops (3×3 kernels unrolled) that give the
//     same values as the general loops, Forward bit for bit.
//   - Backward follows from Forward by the chain rule. With stride 1 and
//     no dilation, ∂L/∂K[k][c] is X[c] (padded by P) cross-correlated with
//     ∂L/∂Y[k], and ∂L/∂X[c] is Σ_k the full convolution of ∂L/∂Y[k] with
//     K[k][c], that is the correlation with the kernel flipped (Flip) and
//     padding k−1−P. ∂L/∂b[k] is the sum of ∂L/∂Y[k]. Backward computes
//     all three by scattering each upstream value over the window it came
//     from, which is the same sum and also holds for any stride and
//     dilation.
//   - ReLU is max(0, x) with derivative 0 at x = 0. MaxPool keeps the
//     first largest value of each window in row-major order (NaN wins, as
//     in PyTorch) and returns where it was, so MaxPoolBackward routes each
//     gradient to that one input. AvgPool spreads it evenly. Pools have no
//     padding.
//   - Preset returns the classic 3×3 image kernels (and a 5×5 Gaussian)
//     in the cross-correlation convention: Sobel x is right minus left,
//     so a dark-to-bright edge from left to right gives positive values.
//   - Image draws test images with values in [0, 1], one channel except
//     the colour image (three: red, green, blue), anti-aliased by 4×4
//     supersampling; the same name and size always give the same values.
package conv
