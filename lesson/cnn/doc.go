// Package cnn is the convolutional-network lesson: a kernel sliding over
// an image, in four views chosen by the parameter "view":
//
//   - slide: one channel (a colour image is shown as its luma) and one
//     k×k kernel. The window moves over the input position by position
//     (play, step, or drag it); next to it the patch, the kernel and their
//     k×k products with the sum plus the bias, and the output map filling
//     in. Hovering an output pixel shows its receptive field and its
//     arithmetic. The output size O = ⌊(H + 2P − k)/S⌋ + 1 is written out
//     with the numbers, and settings under which no output exists show the
//     inequality that fails instead. ReLU and pooling, when on, add the
//     final map.
//   - channels: a C-channel input (the colour image or the user's photo)
//     and K kernels of C×k×k (slice c of kernel k is weights[k][c] times
//     the chosen kernel): the per-channel partial maps, their sum plus the
//     bias (one output channel per kernel), ReLU and pooling.
//   - backward: a loss on the output (½‖Y − T‖² against the output of a
//     target kernel, or one output pixel) and the backward pass: a cursor
//     walks the output and each upstream gradient adds its share to ∂L/∂K,
//     ∂L/∂b and ∂L/∂X until they equal conv.Backward's; a central finite
//     difference of every kernel cell checks ∂L/∂K.
//   - learn: gradient descent on a kernel (from zeros or random values) to
//     reproduce the target kernel's output on the input, with the kernel
//     cells and the loss curve updating live.
//
// Rules of the package:
//   - The input is shared by the views (input.go): a built-in image of
//     size×size pixels (core/conv), the student's 28×28 drawing (painted on
//     the panel "input", kept in the hidden parameter "drawing" so it
//     travels in the URL), or the user's upload (lesson.Uploader; scaled
//     so that its longer side is at most size). Every view calls its input
//     panel "input" and draws images in pixel coordinates (common.go), so
//     the brush and hit tests agree everywhere.
//   - Kernels are the text parameters "kernel" and "target": a preset name
//     or rows "a,b,c;d,e,f;g,h,i", square, 1×1 to 7×7, |w| ≤ 100; a value
//     that does not parse is refused by Set (param.Spec.Check) and the old
//     one kept.
//   - Settings with no output never panic: the readout "status" carries a
//     message key with its numbers (kernel_too_big{k=…,span=…,h=…,w=…,p=…},
//     pool_too_big{…}, target_shape{…}) that the page fills in, and the
//     out_* and pos_* readouts are left out.
//   - The readouts every view shares (the bridge contract) are in_h, in_w,
//     out_h, out_w, out_min, out_max, out_mean, out_sum (of the view's
//     output map) and pos_i, pos_j, pos_sum (0-based position; pos_sum is
//     the convolution's value there, bias included, before ReLU). Data is
//     the output map, one row per output row.
//   - Maps are computed in Reset (and Tune for the bias), never per tick:
//     play moves an index (slide, channels, backward) or does a bounded
//     band of one update (learn), so every view holds 60 frames a second on
//     a 256×256 image with a 7×7 kernel. Raster keys change only when
//     values do.
package cnn
