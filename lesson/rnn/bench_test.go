package rnn

import "testing"

// The speed target: hidden 32, T = 50, batch 1.
const benchQuery = "hidden=32&seq_len=50"

// BenchmarkStepTrain is one tick of play in the train view at speed 1
// (trainPace training steps).
func BenchmarkStepTrain(b *testing.B) {
	l, v := open(b, "view=train&"+benchQuery)
	for b.Loop() {
		l.Step(v)
	}
}

// BenchmarkStepTrainMax is one tick at the highest speed: as many steps
// as tickBudget allows.
func BenchmarkStepTrainMax(b *testing.B) {
	l, v := open(b, "view=train&speed=100&"+benchQuery)
	for b.Loop() {
		l.Step(v)
	}
}

// BenchmarkTrainStep is one training step (the "step" action): forward,
// BPTT, clipping, update and the loss on the window.
func BenchmarkTrainStep(b *testing.B) {
	l, v := open(b, "view=train&"+benchQuery)
	for b.Loop() {
		l.StepUnit(v)
	}
}

// BenchmarkTrainStepTrunc10 is the same with BPTT truncated at 10 steps.
func BenchmarkTrainStepTrunc10(b *testing.B) {
	l, v := open(b, "view=train&truncate=10&"+benchQuery)
	for b.Loop() {
		l.StepUnit(v)
	}
}

// BenchmarkReadoutsTrain is what the page's readouts cost after the
// weights changed: the free-running generation, the window's gradient
// and its finite-difference check.
func BenchmarkReadoutsTrain(b *testing.B) {
	l, v := open(b, "view=train&"+benchQuery)
	for b.Loop() {
		l.StepUnit(v)
		l.Readouts()
	}
}

// BenchmarkStepUnroll is one tick of play in the unroll view at full
// speed, a new cycle (a training step and a check) included whenever
// one ends.
func BenchmarkStepUnroll(b *testing.B) {
	l, v := open(b, "view=unroll&speed=100&"+benchQuery)
	for b.Loop() {
		l.Step(v)
	}
}

// BenchmarkResetGradients is one move of a slider in the gradients view
// at the largest net and sequence.
func BenchmarkResetGradients(b *testing.B) {
	l, v := open(b, "view=gradients&hidden=64&seq_len=200")
	for b.Loop() {
		l.Reset(v)
	}
}

func BenchmarkFigureUnroll(b *testing.B)    { benchFigure(b, "view=unroll", 45) }
func BenchmarkFigureGradients(b *testing.B) { benchFigure(b, "view=gradients", 0) }
func BenchmarkFigureTrain(b *testing.B)     { benchFigure(b, "view=train", 300) }

// benchFigure builds the figure the renderer asks for after each tick
// of play, at a laptop's size.
func benchFigure(b *testing.B, query string, units int) {
	l, v := open(b, query+"&"+benchQuery)
	for range units {
		l.StepUnit(v)
	}
	for b.Loop() {
		l.Figure(1280, 720)
	}
}
