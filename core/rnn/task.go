package rnn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// The "chars" task's text, and its characters in the order of the one-hot
// code: input unit i stands for Alphabet[i].
const (
	Text     = "hello world "
	Alphabet = " dehlorw"
)

// Task constants. The periods are in steps.
const (
	taskStream  = 0x726e6e // "rnn": the PCG stream of Task, seeded by its seed
	sinePeriod  = 20       // "sine" and the first wave of "sines"
	sinesPeriod = 7        // the second wave of "sines", half as tall
	sineNoise   = 0.1      // standard deviation of the noise on "sine"
	memoryNoise = 0.2      // standard deviation of the distractors of "memory"
)

var taskNames = []string{"sine", "sines", "memory", "chars"}

// TaskNames returns the names Task accepts.
func TaskNames() []string { return taskNames }

// Task returns the T inputs and targets of the sequence task called name,
// drawn from math/rand/v2's PCG seeded with (seed, a constant stream): the
// same name, T and seed always give the same numbers. targets[t−1] is the
// target of y_t, nil where the step has none. The tasks:
//
//   - "sine": noisy sine, predict the next value. With s_t =
//     sin(2πt/20 + θ) + 0.1·ε_t for t = 0, …, T, θ uniform in [0, 2π) and
//     ε_t standard normal, x_t = s_{t−1} and the target of y_t is s_t.
//   - "sines": the same with s_t = sin(2πt/20 + θ₁) + ½·sin(2πt/7 + θ₂)
//     and no noise. A sum of two sinusoids obeys an exact linear
//     recurrence of order 4, so an AR(4) model fits it perfectly.
//   - "memory": remember the first value. x_1 is uniform in [−1, 1], the
//     later inputs are distractors 0.2·ε_t, and the only target is x_1, at
//     the last step: the net must carry it across T−1 steps. A task has
//     one sequence per seed; trained on one seed alone, a net could learn
//     the answer as its output bias, so training draws a new seed each step.
//   - "chars": Text repeated from a random starting character; x_t is the
//     one-hot code (len(Alphabet) values) of character t and the target
//     is the code of character t+1.
//
// For the first two, the series s_0, …, s_T that an AR model fits is the
// inputs followed by the last target. T < 1 is ErrLength and an unknown
// name ErrUnknown.
func Task(name string, T int, seed uint64) (xs, targets [][]float64, err error) {
	if T < 1 {
		return nil, nil, fmt.Errorf("%w: %d steps", ErrLength, T)
	}
	rng := rand.New(rand.NewPCG(seed, taskStream))
	switch name {
	case "sine", "sines":
		s := make([]float64, T+1)
		if name == "sine" {
			th := 2 * math.Pi * rng.Float64()
			for t := range s {
				s[t] = math.Sin(2*math.Pi*float64(t)/sinePeriod+th) + sineNoise*rng.NormFloat64()
			}
		} else {
			th1, th2 := 2*math.Pi*rng.Float64(), 2*math.Pi*rng.Float64()
			for t := range s {
				s[t] = math.Sin(2*math.Pi*float64(t)/sinePeriod+th1) + 0.5*math.Sin(2*math.Pi*float64(t)/sinesPeriod+th2)
			}
		}
		xs, targets = split(s[:T], 1), split(slices.Clone(s[1:]), 1)
	case "memory":
		x := make([]float64, T)
		x[0] = 2*rng.Float64() - 1
		for t := 1; t < T; t++ {
			x[t] = memoryNoise * rng.NormFloat64()
		}
		xs, targets = split(x, 1), make([][]float64, T)
		targets[T-1] = []float64{x[0]}
	case "chars":
		k := len(Alphabet)
		code := make([]float64, (T+1)*k)
		off := rng.IntN(len(Text))
		for t := 0; t <= T; t++ {
			code[t*k+strings.IndexByte(Alphabet, Text[(off+t)%len(Text)])] = 1
		}
		xs, targets = split(code[:T*k], k), split(slices.Clone(code[k:]), k)
	default:
		return nil, nil, fmt.Errorf("%w task %q", ErrUnknown, name)
	}
	return xs, targets, nil
}

// split cuts s into rows of width w, each capped so that an append cannot
// spill into the next. Task gives inputs and targets separate storage, so
// that changing an input never changes a target.
func split(s []float64, w int) [][]float64 {
	r, _ := rows(nil, s, len(s)/w, w)
	return r
}

// CharOf returns the character whose one-hot code is closest to y in the
// "chars" task: Alphabet at y's largest entry.
func CharOf(y []float64) byte {
	if len(y) != len(Alphabet) {
		panic(badShape)
	}
	return Alphabet[argmax(y)]
}
