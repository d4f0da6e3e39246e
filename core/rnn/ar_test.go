package rnn

import (
	"errors"
	"math"
	"testing"
)

// arSeries is the series of testdata/ar.py: s_i = sin(0.7 i) + ((7i mod 5) − 2)/10.
func arSeries(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = math.Sin(0.7*float64(i)) + float64((7*i)%5-2)/10
	}
	return s
}

func TestFitAR(t *testing.T) {
	for _, tc := range []struct {
		n, tau int
		want   []float64 // intercept, then coefficients: /usr/bin/python3 testdata/ar.py (numpy.linalg.lstsq)
	}{
		{30, 3, []float64{-0.0092734623689904004, 0.65911688137356073, 0.21469336082720336, -0.73888573671732916}},
		{30, 1, []float64{0.050204093340109633, 0.7320616597819577}},
		{5, 3, []float64{0.24312746383914385, 0.37746447250738913, 0.042226615427073996, -0.22706806632652105}}, // 2 rows, minimum norm
	} {
		ar, err := FitAR(arSeries(tc.n), tc.tau)
		if err != nil {
			t.Fatalf("FitAR(n %d, τ %d) error %v", tc.n, tc.tau, err)
		}
		checkSlice(t, "FitAR", append([]float64{ar.Intercept}, ar.Coef...), tc.want, 1e-12)
	}
}

func TestAR(t *testing.T) {
	// s_t = 1 + 0.5 s_{t−1} − 0.25 s_{t−2} exactly: the fit recovers it and
	// Generate continues it.
	s := []float64{0.3, -1}
	for len(s) < 40 {
		s = append(s, 1+0.5*s[len(s)-1]-0.25*s[len(s)-2])
	}
	ar, err := FitAR(s[:30], 2)
	if err != nil {
		t.Fatal(err)
	}
	checkSlice(t, "FitAR(exact AR(2))", append([]float64{ar.Intercept}, ar.Coef...), []float64{1, 0.5, -0.25}, 1e-10)
	checkSlice(t, "AR.Generate", ar.Generate(s[:30], 10), s[30:], 1e-10)
	if got := (AR{Coef: []float64{2, 3}, Intercept: 1}).Predict([]float64{7, 5, 4}); got != 1+2*4+3*5 {
		t.Errorf("Predict = %g, want %d", got, 1+2*4+3*5)
	}

	for _, tc := range []struct {
		n, tau int
		want   error
	}{{3, 3, ErrLength}, {10, 0, ErrOrder}} {
		if _, err := FitAR(arSeries(tc.n), tc.tau); !errors.Is(err, tc.want) {
			t.Errorf("FitAR(%d values, τ %d) error %v, want %v", tc.n, tc.tau, err, tc.want)
		}
	}
	if _, err := FitAR([]float64{1, math.NaN(), 2, 3}, 1); err == nil {
		t.Errorf("FitAR(NaN) gave no error")
	}
}
