package rnn

// Feed turns the output y_t into the next input x_{t+1} for Generate.
type Feed func(x, y []float64)

// FeedOneHot sets x to the one-hot vector of y's largest entry (the first
// one on ties): the most likely next character, fed back as a character.
func FeedOneHot(x, y []float64) {
	clear(x)
	x[argmax(y)] = 1
}

func argmax(y []float64) int {
	k := 0
	for i, v := range y {
		if v > y[k] {
			k = i
		}
	}
	return k
}

// Generate runs the net over the warm-up inputs (teacher forcing) and then
// free-running: it returns steps outputs g_1, …, g_steps, where g_1 is
// the last warm-up output y_T, the net's prediction of x_{T+1}, and each
// next g_{k+1} is the output after feeding g_k back as the input. feed
// decides how an output becomes an input; nil copies it. Generate panics
// if the warm-up is empty, a row is not In long, steps < 0, or In ≠ Out.
func (n *Net) Generate(warmup [][]float64, steps int, feed Feed) [][]float64 {
	if n.In != n.Out || steps < 0 {
		panic(badShape)
	}
	if len(warmup) == 0 {
		panic(emptySeq)
	}
	if feed == nil {
		feed = func(x, y []float64) { copy(x, y) }
	}
	hid := n.Hidden
	z, h, hPrev := make([]float64, hid), make([]float64, hid), make([]float64, hid)
	y := make([]float64, n.Out)
	for _, x := range warmup {
		if len(x) != n.In {
			panic(badShape)
		}
		n.step(z, h, y, hPrev, x)
		h, hPrev = hPrev, h
	}
	out := make([][]float64, steps)
	x := make([]float64, n.In)
	for k := range out {
		out[k] = append([]float64(nil), y...)
		if k == steps-1 {
			break
		}
		feed(x, y)
		n.step(z, h, y, hPrev, x)
		h, hPrev = hPrev, h
	}
	return out
}
