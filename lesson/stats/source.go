package stats

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"

	"github.com/aimath/playground/core/fit"
)

// Streams of the seeded random sources: one for the hidden distribution's
// parameters, one for the data, one for the sampling view's draws, one for
// the mle view's data, so that each stays the same when another changes.
const (
	streamParams   = 1
	streamData     = 2
	streamSampling = 3
	streamMLE      = 4
)

// parseData reads the pasted numbers: separated by commas, semicolons or
// white space, at most maxValues of them, finite. A first word that is not
// a number (a CSV column's name) is skipped. "" is no data.
func parseData(s string) ([]float64, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ';' || unicode.IsSpace(r)
	})
	if len(fields) > 0 {
		if _, err := strconv.ParseFloat(fields[0], 64); err != nil && unicode.IsLetter([]rune(fields[0])[0]) {
			fields = fields[1:]
		}
	}
	if len(fields) > maxValues {
		return nil, fmt.Errorf("%d values: at most %d", len(fields), maxValues)
	}
	xs := make([]float64, len(fields))
	for i, f := range fields {
		x, err := strconv.ParseFloat(f, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			if len(f) > 20 {
				f = f[:20] + "…"
			}
			return nil, fmt.Errorf("value %d: %q is not a number", i+1, f)
		}
		if math.Abs(x) > 1e12 {
			return nil, fmt.Errorf("value %d: %g is too large (at most 1e12 in size)", i+1, x)
		}
		xs[i] = x
	}
	return xs, nil
}

func checkData(s string) error { _, err := parseData(s); return err }

// hiddenDist returns the distribution behind a source other than pasted:
// the named family (or, for mystery, one the seed picks) with parameters
// the seed draws from ranges where the family shows its shape, rounded to
// one decimal (p to 0.05) so that they read well once revealed.
func hiddenDist(source string, seed int) fit.Dist {
	rng := rand.New(rand.NewPCG(uint64(seed), streamParams))
	f, ok := fit.Parse(source)
	if !ok { // mystery
		fs := fit.Families()
		f = fs[rng.IntN(len(fs))]
	}
	u := func(lo, hi float64) float64 { return math.Round((lo+(hi-lo)*rng.Float64())*10) / 10 }
	switch f {
	case fit.Normal:
		return fit.NewDist(f, u(-3, 3), u(0.5, 2.5))
	case fit.Laplace:
		return fit.NewDist(f, u(-3, 3), u(0.5, 2))
	case fit.Exponential:
		return fit.NewDist(f, u(0.3, 3))
	case fit.Gamma:
		return fit.NewDist(f, u(1.5, 8), u(0.3, 2))
	case fit.LogNormal:
		return fit.NewDist(f, u(-0.5, 1.5), u(0.3, 1))
	case fit.Beta:
		return fit.NewDist(f, u(0.7, 6), u(0.7, 6))
	case fit.Uniform:
		a := u(-3, 2)
		return fit.NewDist(f, a, a+u(1, 6))
	case fit.Bernoulli:
		return fit.NewDist(f, math.Round((0.1+0.8*rng.Float64())*20)/20)
	}
	return fit.NewDist(fit.Poisson, u(0.5, 10))
}

// population returns the sampling view's population for a source other
// than pasted: each family with parameters that show its character (the
// exponential and the log-normal skewed, the beta U-shaped), or the
// seed's hidden distribution for mystery.
func population(source string, seed int) fit.Dist {
	f, ok := fit.Parse(source)
	if !ok {
		return hiddenDist(source, seed)
	}
	switch f {
	case fit.Normal:
		return fit.NewDist(f, 0, 1)
	case fit.Laplace:
		return fit.NewDist(f, 0, 1)
	case fit.Exponential:
		return fit.NewDist(f, 1)
	case fit.Gamma:
		return fit.NewDist(f, 2, 1)
	case fit.LogNormal:
		return fit.NewDist(f, 0, 1)
	case fit.Beta:
		return fit.NewDist(f, 0.5, 0.5)
	case fit.Uniform:
		return fit.NewDist(f, 0, 1)
	case fit.Bernoulli:
		return fit.NewDist(f, 0.2)
	}
	return fit.NewDist(fit.Poisson, 2)
}

// draw returns n values of d from the seed's data stream.
func draw(d fit.Dist, n int, seed int, stream uint64) []float64 {
	s := d.Sampler(rand.New(rand.NewPCG(uint64(seed), stream)))
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = s.Rand()
	}
	return xs
}
