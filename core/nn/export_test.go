package nn

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// MarshalJSON and UnmarshalJSON round-trip a network exactly, and the
// JSON has the documented shape.
func TestJSON(t *testing.T) {
	net, _ := New(Config{Sizes: []int{3, 2, 1}, Hidden: GELU, Output: Sigmoid, Loss: BCE, Reg: L1, RegRate: 0.003}, 9)
	b, err := json.Marshal(net)
	if err != nil {
		t.Fatal(err)
	}
	var back Net
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("Unmarshal(%s) error %v", b, err)
	}
	if !slices.Equal(back.Params, net.Params) || !slices.Equal(back.Sizes, net.Sizes) ||
		back.Hidden != net.Hidden || back.Output != net.Output || back.Loss != net.Loss ||
		back.Reg != net.Reg || back.RegRate != net.RegRate {
		t.Errorf("round trip of %s gives %+v", b, back)
	}
	back.W[1][0] = 42 // views of the new Params
	if back.Params[3*2+2] != 42 {
		t.Errorf("after UnmarshalJSON, W is not a view of Params")
	}

	var v struct {
		Sizes   []int         `json:"sizes"`
		Hidden  string        `json:"hidden"`
		Loss    string        `json:"loss"`
		Reg     string        `json:"reg"`
		Weights [][][]float64 `json:"weights"`
		Biases  [][]float64   `json:"biases"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	if v.Hidden != "gelu" || v.Loss != "bce" || v.Reg != "l1" || len(v.Weights) != 2 ||
		len(v.Weights[0]) != 2 || len(v.Weights[0][1]) != 3 || v.Weights[0][1][2] != net.W[0][1*3+2] || len(v.Biases[1]) != 1 {
		t.Errorf("JSON %s does not have the documented shape", b)
	}

	net.Params[0] = math.NaN()
	if _, err := json.Marshal(net); err == nil {
		t.Errorf("Marshal of a NaN parameter: no error")
	}
}

func TestUnmarshalJSONErrors(t *testing.T) {
	for i, tc := range []struct {
		in   string
		want error
	}{
		{`{"sizes":[2,1],"hidden":"swish","output":"tanh","loss":"mse","reg":"none"}`, ErrUnknown},
		{`{"sizes":[2],"hidden":"tanh","output":"tanh","loss":"mse","reg":"none"}`, ErrShape},
		{`{"sizes":[2,1],"hidden":"tanh","output":"tanh","loss":"mse","reg":"none","weights":[[[1,2]]],"biases":[]}`, ErrShape},
		{`{"sizes":[2,1],"hidden":"tanh","output":"tanh","loss":"mse","reg":"none","weights":[[[1,2,3]]],"biases":[[0]]}`, ErrShape},
		{`{"sizes":[2,1],"hidden":"tanh","output":"tanh","loss":"mse","reg":"none","regRate":-1,"weights":[[[1,2]]],"biases":[[0]]}`, ErrRange},
	} {
		var net Net
		if err := json.Unmarshal([]byte(tc.in), &net); !errors.Is(err, tc.want) {
			t.Errorf("%d: Unmarshal(%s) error %v, want %v", i, tc.in, err, tc.want)
		}
	}
}

// The NumPy source computes what Forward computes. Run natively only, with
// Debian's /usr/bin/python3 and NumPy; skipped where they are missing.
func TestWriteNumPy(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("no subprocesses under js/wasm")
	}
	const python = "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import numpy").Run(); err != nil {
		t.Skipf("%s with numpy not available: %v", python, err)
	}
	fs := []Feature{X1, X2, X1Sq, X2Sq, X1X2, SinX1, SinX2}
	x1 := []float64{0.5, -2.3, 4.1, 0}
	x2 := []float64{1.5, 0.2, -3.7, -5.9}
	for hidden := range numActivations {
		output := Activation((int(hidden) + 3) % int(numActivations))
		loss := Loss(int(hidden) % int(numLosses))
		if loss != MSE {
			output = Linear
		}
		net, err := New(Config{Sizes: []int{len(fs), 5, 4, 3}, Hidden: hidden, Output: output, Loss: loss}, uint64(hidden))
		if err != nil {
			t.Fatal(err)
		}
		var src bytes.Buffer
		if err := net.WriteNumPy(&src, fs); err != nil {
			t.Fatal(err)
		}
		src.WriteString("\nimport json\n")
		src.WriteString("x = features([0.5, -2.3, 4.1, 0], [1.5, 0.2, -3.7, -5.9])\n")
		src.WriteString("print(json.dumps({'a': [v.tolist() for v in forward(x)], 'p': predict(x).tolist()}))\n")
		file := t.TempDir() + "/forward.py"
		if err := os.WriteFile(file, src.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(python, file).CombinedOutput()
		if err != nil {
			t.Fatalf("%s/%s/%s: python: %v\n%s\nsource:\n%s", hidden, output, loss, err, out, src.String())
		}
		var got struct {
			A [][][]float64 `json:"a"`
			P [][]float64   `json:"p"`
		}
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("python printed %s: %v", out, err)
		}
		var p Pass
		net.Forward(&p, Inputs(nil, fs, x1, x2))
		for l, rows := range got.A {
			for e, row := range rows {
				for j, v := range row {
					if want := p.A[l][j*4+e]; !scalar.EqualWithinAbsOrRel(v, want, 1e-14, 1e-12) {
						t.Errorf("%s/%s/%s: numpy layer %d neuron %d example %d = %v, Forward %v", hidden, output, loss, l, j, e, v, want)
					}
				}
			}
		}
		for e, row := range got.P {
			for k, v := range row {
				if want := p.Out[k*4+e]; !scalar.EqualWithinAbsOrRel(v, want, 1e-14, 1e-12) {
					t.Errorf("%s/%s/%s: numpy predict[%d][%d] = %v, Out %v", hidden, output, loss, e, k, v, want)
				}
			}
		}
	}
}

func TestWriteNumPyText(t *testing.T) {
	net, _ := New(Config{Sizes: []int{2, 1}, Output: Tanh}, 1)
	copy(net.Params, []float64{-1e-20, math.Inf(-1), math.NaN()}) // a diverged net still prints
	var b strings.Builder
	if err := net.WriteNumPy(&b, nil); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"[-1e-20, -np.inf]", "np.array([np.nan], dtype=float)", "return np.tanh(z)", "def forward(x):", "def predict(x):"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("WriteNumPy output lacks %q:\n%s", want, b.String())
		}
	}
	if strings.Contains(b.String(), "def features") {
		t.Errorf("WriteNumPy with no features writes features()")
	}
	if err := net.WriteNumPy(&b, []Feature{X1}); !errors.Is(err, ErrMismatch) {
		t.Errorf("WriteNumPy with 1 feature for 2 inputs: error %v, want ErrMismatch", err)
	}
}

// The grid's points run row by row from the top left, and every neuron's
// values over them are what a Forward of each point alone gives.
func TestGrid(t *testing.T) {
	g := NewGrid(5, -6, 6)
	for i, tc := range []struct {
		p      int
		x1, x2 float64
	}{
		{0, -6, 6}, {4, 6, 6}, {5, -6, 3}, {12, 0, 0}, {24, 6, -6},
	} {
		if g.X1[tc.p] != tc.x1 || g.X2[tc.p] != tc.x2 {
			t.Errorf("%d: grid point %d = (%g, %g), want (%g, %g)", i, tc.p, g.X1[tc.p], g.X2[tc.p], tc.x1, tc.x2)
		}
	}
	fs := []Feature{X1, X2, SinX1}
	net, _ := New(Config{Sizes: []int{3, 4, 2, 3}, Hidden: ELU, Output: Linear, Loss: CE}, 3)
	g.Update(net, fs)
	var p Pass
	for q := range 25 {
		net.Forward(&p, Inputs(nil, fs, g.X1[q:q+1], g.X2[q:q+1]))
		for l, s := range net.Sizes {
			for j := range s {
				if got, want := g.Unit(l, j)[q], p.A[l][j]; !scalar.EqualWithinAbsOrRel(got, want, 1e-15, 1e-14) {
					t.Errorf("grid layer %d neuron %d at point %d = %v, want %v", l, j, q, got, want)
				}
			}
		}
		for k := range 3 {
			if got, want := g.Pass.Out[k*25+q], p.Out[k]; !scalar.EqualWithinAbsOrRel(got, want, 1e-15, 1e-14) {
				t.Errorf("grid prediction %d at point %d = %v, want %v", k, q, got, want)
			}
		}
	}
	for i, f := range []func(){
		func() { NewGrid(1, 0, 1) },
		func() { NewGrid(10, 1, 1) },
		func() { g.Update(net, fs[:2]) },
	} {
		func() {
			defer func() {
				if r := recover(); r == nil {
					t.Errorf("%d: no panic", i)
				}
			}()
			f()
		}()
	}
}
