package rnn

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestTask(t *testing.T) {
	for _, name := range TaskNames() {
		for _, T := range []int{1, 5, 60} {
			xs, targets, err := Task(name, T, 42)
			if err != nil {
				t.Fatalf("Task(%q, %d) error %v", name, T, err)
			}
			width := 1
			if name == "chars" {
				width = len(Alphabet)
			}
			if len(xs) != T || len(targets) != T {
				t.Fatalf("Task(%q, %d): %d inputs and %d targets, want %d", name, T, len(xs), len(targets), T)
			}
			for s := range T {
				hasTarget := name != "memory" || s == T-1
				if len(xs[s]) != width || (targets[s] != nil) != hasTarget || hasTarget && len(targets[s]) != width {
					t.Fatalf("Task(%q, %d) step %d: input %v, target %v", name, T, s, xs[s], targets[s])
				}
				// Predicting the next value: the target is the next input.
				if name != "memory" && s+1 < T && !equal(targets[s], xs[s+1]) {
					t.Errorf("Task(%q, %d): target %d = %v, next input %v", name, T, s, targets[s], xs[s+1])
				}
			}
			again, againT, _ := Task(name, T, 42)
			other, _, _ := Task(name, T, 43)
			if !equal(flatRows(again), flatRows(xs)) || !equal(flatRows(againT), flatRows(targets)) {
				t.Errorf("Task(%q, %d, 42) differs between two calls", name, T)
			}
			if T == 60 && equal(flatRows(other), flatRows(xs)) {
				t.Errorf("Task(%q, %d): seeds 42 and 43 give the same inputs", name, T)
			}
		}
	}
}

func equal(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestTaskContents(t *testing.T) {
	// Inputs and targets do not share memory.
	xs, targets, _ := Task("sine", 5, 1)
	if xs[1][0] = 99; targets[0][0] == 99 {
		t.Errorf(`Task("sine"): changing input 2 changed target 1`)
	}

	// "memory": the one target is the first input, in [−1, 1].
	for seed := range uint64(20) {
		xs, targets, _ := Task("memory", 30, seed)
		if v := xs[0][0]; math.Abs(v) > 1 || targets[29][0] != v {
			t.Errorf(`Task("memory", 30, %d): first input %g, target %g`, seed, v, targets[29][0])
		}
	}

	// "chars": one-hot codes spelling Text over and over.
	xs, targets, _ = Task("chars", 30, 7)
	var b strings.Builder
	for _, x := range append(xs, targets[29]) {
		ones := 0
		for _, v := range x {
			if v == 1 {
				ones++
			} else if v != 0 {
				ones = -99
			}
		}
		if ones != 1 {
			t.Fatalf(`Task("chars") input %v is not one-hot`, x)
		}
		b.WriteByte(CharOf(x))
	}
	if s := b.String(); !strings.Contains(strings.Repeat(Text, 5), s) {
		t.Errorf(`Task("chars", 30, 7) spells %q, not a piece of %q repeated`, s, Text)
	}

	// "sines" is noise-free: an AR(4) fit predicts it to rounding error;
	// "sine" has noise of standard deviation 0.1, which AR(4) cannot.
	for _, tc := range []struct {
		name     string
		lo, hi   float64 // bounds on the RMS one-step error of AR(4)
		maxValue float64
	}{{"sines", 0, 1e-9, 1.5}, {"sine", 0.05, 0.2, 1.5}} {
		xs, targets, _ := Task(tc.name, 200, 3)
		s := append(flatRows(xs), targets[199][0])
		ar, err := FitAR(s, 4)
		if err != nil {
			t.Fatal(err)
		}
		se := 0.0
		for k := 4; k < len(s); k++ {
			e := ar.Predict(s[:k]) - s[k]
			se += e * e
		}
		if rms := math.Sqrt(se / float64(len(s)-4)); rms < tc.lo || rms > tc.hi {
			t.Errorf("Task(%q): AR(4) RMS error %g, want in [%g, %g]", tc.name, rms, tc.lo, tc.hi)
		}
		for _, v := range s {
			if math.Abs(v) > tc.maxValue {
				t.Errorf("Task(%q): value %g beyond ±%g", tc.name, v, tc.maxValue)
			}
		}
	}
}

func TestTaskErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		T    int
		want error
	}{{"sine", 0, ErrLength}, {"chars", -3, ErrLength}, {"lorenz", 10, ErrUnknown}} {
		if _, _, err := Task(tc.name, tc.T, 1); !errors.Is(err, tc.want) {
			t.Errorf("Task(%q, %d) error %v, want %v", tc.name, tc.T, err, tc.want)
		}
	}
}
