//go:build js && wasm

// Command convbench lets bench/conv-baseline.mjs time core/conv in the same
// Node process as its plain-JavaScript loops (the CNN lesson's speed
// target): it registers globalThis.aimathConvBench(op), which runs one
// "forward" or "backward" pass of the benchmark workload, then waits for
// calls.
package main

import (
	"syscall/js"

	"github.com/aimath/playground/core/conv"
)

// The workload: one 256×256 channel, one 3×3 kernel, valid; the upstream
// gradient is all ones. The input is a fixed pseudo-random one; the time
// does not depend on the values.
const size, k = 256, 3

func main() {
	seed := uint64(12345)
	rnd := func() float64 {
		seed = (seed*1103515245 + 12345) % 2147483648
		return float64(seed)/2147483648*2 - 1
	}
	x := conv.New(1, size, size)
	for i := range x.Data {
		x.Data[i] = rnd()
	}
	kern := conv.New(1, k, k)
	for i := range kern.Data {
		kern.Data[i] = rnd()
	}
	kernels := []conv.Tensor{*kern}
	p := conv.Params{Stride: 1, Dilation: 1}
	out := size - k + 1
	y := conv.New(1, out, out)
	dY := conv.New(1, out, out)
	for i := range dY.Data {
		dY.Data[i] = 1
	}
	dX := conv.New(1, size, size)
	dK := []conv.Tensor{*conv.New(1, k, k)}
	dB := make([]float64, 1)

	js.Global().Set("aimathConvBench", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 1 || args[0].Type() != js.TypeString {
			return "want aimathConvBench(\"forward\" | \"backward\")"
		}
		var err error
		switch args[0].String() {
		case "forward":
			err = conv.Forward(y, x, kernels, nil, p)
		case "backward":
			err = conv.BackwardInto(dX, dK, dB, x, kernels, p, dY)
		default:
			return "unknown op " + args[0].String()
		}
		if err != nil {
			return err.Error()
		}
		return nil
	}))
	select {} // serve calls until the script exits
}
