package nn

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// netJSON is the JSON form of a Net: its Config and its parameters, the
// weights of layer l as Sizes[l+1] rows of Sizes[l] (out×in, np.array(W[l])
// in NumPy, Linear.weight in PyTorch).
type netJSON struct {
	Sizes   []int         `json:"sizes"`
	Hidden  Activation    `json:"hidden"`
	Output  Activation    `json:"output"`
	Loss    Loss          `json:"loss"`
	Reg     Reg           `json:"reg"`
	RegRate float64       `json:"regRate"`
	Weights [][][]float64 `json:"weights"`
	Biases  [][]float64   `json:"biases"`
}

// MarshalJSON returns the network as JSON:
//
//	{"sizes":[2,8,1],"hidden":"tanh","output":"tanh","loss":"mse",
//	 "reg":"none","regRate":0,"weights":[[[w,w],…],…],"biases":[[b,…],…]}
//
// with the weights of each layer as rows (out×in). A diverged network (a
// NaN or infinite parameter) has no JSON form: it is an error.
func (net *Net) MarshalJSON() ([]byte, error) {
	v := netJSON{
		Sizes: net.Sizes, Hidden: net.Hidden, Output: net.Output,
		Loss: net.Loss, Reg: net.Reg, RegRate: net.RegRate,
		Weights: make([][][]float64, len(net.W)),
		Biases:  net.B,
	}
	for l, w := range net.W {
		in := net.Sizes[l]
		v.Weights[l] = make([][]float64, net.Sizes[l+1])
		for i := range v.Weights[l] {
			v.Weights[l][i] = w[i*in : (i+1)*in]
		}
	}
	return json.Marshal(v)
}

// UnmarshalJSON sets net to the network in b, as MarshalJSON writes it.
// It returns an error if b is not such a network: a Config New refuses,
// or weights and biases whose shapes do not fit the sizes (ErrShape).
func (net *Net) UnmarshalJSON(b []byte) error {
	var v netJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	n, err := New(Config{Sizes: v.Sizes, Hidden: v.Hidden, Output: v.Output, Loss: v.Loss, Reg: v.Reg, RegRate: v.RegRate}, 0)
	if err != nil {
		return err
	}
	if len(v.Weights) != len(n.W) || len(v.Biases) != len(n.B) {
		return fmt.Errorf("%w: %d weight and %d bias layers for %d sizes", ErrShape, len(v.Weights), len(v.Biases), len(v.Sizes))
	}
	for l := range n.W {
		in, out := n.Sizes[l], n.Sizes[l+1]
		if len(v.Weights[l]) != out || len(v.Biases[l]) != out {
			return fmt.Errorf("%w: layer %d needs %d rows of weights and %d biases", ErrShape, l, out, out)
		}
		for i, row := range v.Weights[l] {
			if len(row) != in {
				return fmt.Errorf("%w: layer %d row %d has %d weights, want %d", ErrShape, l, i, len(row), in)
			}
			copy(n.W[l][i*in:], row)
		}
		copy(n.B[l], v.Biases[l])
	}
	*net = *n
	return nil
}

// numpyActivation is the NumPy source of each activation's body.
var numpyActivation = [numActivations]string{
	Linear:    "z",
	Sigmoid:   "1 / (1 + np.exp(-z))",
	Tanh:      "np.tanh(z)",
	ReLU:      "np.maximum(z, 0)",
	LeakyReLU: "np.where(z > 0, z, " + strconv.FormatFloat(LeakySlope, 'g', -1, 64) + " * z)",
	ELU:       "np.where(z > 0, z, np.expm1(np.minimum(z, 0)))",
	Softplus:  "np.logaddexp(0, z)",
	GELU:      "z * 0.5 * _erfc(-z / np.sqrt(2))  # exact GELU, z·Φ(z)",
}

// numpyFeature is the NumPy source of each feature.
var numpyFeature = [numFeatures]string{
	X1: "x1", X2: "x2", X1Sq: "x1 * x1", X2Sq: "x2 * x2", X1X2: "x1 * x2",
	SinX1: "np.sin(x1)", SinX2: "np.sin(x2)",
}

// WriteNumPy writes Python source for the network's forward pass with its
// current parameters: W and b, the lists of NumPy arrays; hidden and
// output, the activations; forward(x), every layer's values for the rows
// of x; predict(x), the prediction as in Pass.Out; and, if fs is not
// empty, features(x1, x2), the inputs fs of points. The numbers are
// written exactly (shortest round-trip form), so NumPy computes what
// Forward does up to rounding. It returns an error wrapping ErrMismatch if
// fs is not empty and len(fs) ≠ Sizes[0], or w's error.
func (net *Net) WriteNumPy(w io.Writer, fs []Feature) error {
	if len(fs) > 0 && len(fs) != net.Sizes[0] {
		return fmt.Errorf("%w: %d features for %d inputs", ErrMismatch, len(fs), net.Sizes[0])
	}
	var b bytes.Buffer
	sizes := make([]string, len(net.Sizes))
	for l, s := range net.Sizes {
		sizes[l] = strconv.Itoa(s)
	}
	fmt.Fprintf(&b, "# Forward pass of a %s network: hidden %s, output %s, loss %s.\n",
		strings.Join(sizes, "-"), net.Hidden, net.Output, net.Loss)
	b.WriteString("# Written by the AI Math Playground (core/nn, Net.WriteNumPy).\n")
	b.WriteString("import numpy as np\n")
	if net.Hidden == GELU || net.Output == GELU {
		b.WriteString("from math import erfc\n\n_erfc = np.vectorize(erfc)\n")
	}
	b.WriteString("\n# W[l] has one row per neuron of layer l+1 and one column per neuron of layer l.\nW = [\n")
	for l, wl := range net.W {
		in := net.Sizes[l]
		b.WriteString("    np.array([\n")
		for i := range net.Sizes[l+1] {
			b.WriteString("        [")
			writeFloats(&b, wl[i*in:(i+1)*in])
			b.WriteString("],\n")
		}
		b.WriteString("    ], dtype=float),\n")
	}
	b.WriteString("]\nb = [\n")
	for _, bl := range net.B {
		b.WriteString("    np.array([")
		writeFloats(&b, bl)
		b.WriteString("], dtype=float),\n")
	}
	b.WriteString("]\n")
	fmt.Fprintf(&b, "\n\ndef hidden(z):\n    return %s\n", numpyActivation[net.Hidden])
	fmt.Fprintf(&b, "\n\ndef output(z):\n    return %s\n", numpyActivation[net.Output])
	fmt.Fprintf(&b, `

def forward(x):
    """Values of every layer, inputs first, for the rows of x (n × %d)."""
    a = [np.atleast_2d(np.asarray(x, dtype=float))]
    for l in range(len(W)):
        z = a[-1] @ W[l].T + b[l]
        a.append(hidden(z) if l < len(W) - 1 else output(z))
    return a
`, net.Sizes[0])
	b.WriteString("\n\ndef predict(x):\n")
	switch net.Loss {
	case MSE:
		b.WriteString("    \"\"\"The output layer's values.\"\"\"\n    return forward(x)[-1]\n")
	case BCE:
		b.WriteString("    \"\"\"σ of the output layer's values (logits).\"\"\"\n    return 1 / (1 + np.exp(-forward(x)[-1]))\n")
	case CE:
		b.WriteString("    \"\"\"Softmax of the output layer's values (logits), row by row.\"\"\"\n" +
			"    s = forward(x)[-1]\n    e = np.exp(s - s.max(axis=1, keepdims=True))\n" +
			"    return e / e.sum(axis=1, keepdims=True)\n")
	}
	if len(fs) > 0 {
		src := make([]string, len(fs))
		for j, f := range fs {
			src[j] = numpyFeature[f]
		}
		fmt.Fprintf(&b, `

def features(x1, x2):
    """The network's inputs (%s) at the points (x1, x2), one row each."""
    x1, x2 = np.asarray(x1, dtype=float), np.asarray(x2, dtype=float)
    return np.stack([%s], axis=-1)
`, strings.Join(namesOf(fs), ", "), strings.Join(src, ", "))
	}
	_, err := w.Write(b.Bytes())
	return err
}

func namesOf(fs []Feature) []string {
	names := make([]string, len(fs))
	for j, f := range fs {
		names[j] = f.String()
	}
	return names
}

// writeFloats writes vs comma-separated as Python floats.
func writeFloats(b *bytes.Buffer, vs []float64) {
	for k, v := range vs {
		if k > 0 {
			b.WriteString(", ")
		}
		switch {
		case math.IsNaN(v):
			b.WriteString("np.nan")
		case math.IsInf(v, 1):
			b.WriteString("np.inf")
		case math.IsInf(v, -1):
			b.WriteString("-np.inf")
		default:
			b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
}
