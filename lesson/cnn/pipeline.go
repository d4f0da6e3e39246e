package cnn

import "github.com/aimath/playground/core/conv"

// pipeline is conv (+ bias) → ReLU (if on) → pooling (if on), the layer
// the slide and channels views show, with its intermediate maps.
type pipeline struct {
	conv *conv.Tensor // Y = X ⋆ K + b, K channels
	act  *conv.Tensor // ReLU(Y), or Y itself when ReLU is off
	out  *conv.Tensor // the pooled map, or act when pooling is off
	// argmax holds max pooling's winners (indices into act).
	argmax []int
	// status is "" or the message (key{values}) for settings that give no
	// output; then conv, act and out are nil if the convolution failed, or
	// out is nil if only the pooling did.
	status string
}

// run computes the pipeline of x with the given kernels and one bias for
// all of them, reusing the maps of the last run.
func (pl *pipeline) run(in *input, x *conv.Tensor, kernels []conv.Tensor) {
	pl.status = ""
	if pl.conv == nil {
		pl.conv, pl.act, pl.out = new(conv.Tensor), new(conv.Tensor), new(conv.Tensor)
	}
	bias := make([]float64, len(kernels))
	for i := range bias {
		bias[i] = in.bias
	}
	if err := conv.Forward(pl.conv, x, kernels, bias, in.p); err != nil {
		pl.status = problem(err, x, kernels[0].H, in.p)
		pl.conv, pl.act, pl.out = nil, nil, nil
		return
	}
	pl.act = pl.conv
	if in.relu {
		pl.act = new(conv.Tensor)
		conv.ReLU(pl.act, pl.conv)
	}
	pl.out = pl.act
	pl.argmax = nil
	var err error
	switch in.pool {
	case poolMax:
		pl.out = new(conv.Tensor)
		pl.argmax, err = conv.MaxPool(pl.out, pl.act, in.poolSz, in.poolSt)
	case poolAvg:
		pl.out = new(conv.Tensor)
		err = conv.AvgPool(pl.out, pl.act, in.poolSz, in.poolSt)
	}
	if err != nil {
		pl.status = poolProblem(in.poolSz, pl.act.H, pl.act.W)
		pl.out = nil
	}
}
