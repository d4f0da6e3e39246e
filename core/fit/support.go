package fit

import (
	"errors"
	"fmt"
	"math"
)

// Support is the kind of values a data set takes, which suggests a family
// (the course's table: 0/1 → Bernoulli; counts → Poisson or categorical;
// values in (0, 1) → beta; values > 0 → gamma, log-normal or exponential;
// all reals → normal or Laplace).
type Support uint8

// The kinds of data, narrowest first.
const (
	Binary      Support = iota // every value 0 or 1
	Counts                     // whole numbers ≥ 0
	Unit                       // inside (0, 1)
	Positive                   // > 0
	NonNegative                // ≥ 0, some 0
	Real                       // any
)

var supportNames = [...]string{"binary", "counts", "unit", "positive", "nonnegative", "real"}

// String returns the support's name ("binary", "counts", …).
func (s Support) String() string {
	if int(s) >= len(supportNames) {
		return "real"
	}
	return supportNames[s]
}

// Classify returns the narrowest kind of the data (Real for none).
func Classify(data []float64) Support {
	if len(data) == 0 {
		return Real
	}
	binary, counts, unit, pos, nonneg := true, true, true, true, true
	for _, x := range data {
		binary = binary && (x == 0 || x == 1)
		counts = counts && x >= 0 && x == math.Floor(x)
		unit = unit && x > 0 && x < 1
		pos = pos && x > 0
		nonneg = nonneg && x >= 0
	}
	switch {
	case binary:
		return Binary
	case counts:
		return Counts
	case unit:
		return Unit
	case pos:
		return Positive
	case nonneg:
		return NonNegative
	}
	return Real
}

// Suggest returns the family the course's table suggests for the kind of
// data.
func (s Support) Suggest() Family {
	switch s {
	case Binary:
		return Bernoulli
	case Counts:
		return Poisson
	case Unit:
		return Beta
	case Positive:
		return Gamma
	case NonNegative:
		return Exponential
	}
	return Normal
}

// Needs returns the kind of data the family can describe: Real for the
// families on the whole line (and the uniform, whose support is fitted).
func (f Family) Needs() Support {
	switch f {
	case Bernoulli:
		return Binary
	case Poisson:
		return Counts
	case Beta:
		return Unit
	case Gamma, LogNormal:
		return Positive
	case Exponential:
		return NonNegative
	}
	return Real
}

// ErrDegenerate is returned when the maximum-likelihood estimate sits on
// the edge of the parameter space, where the family has no member: a
// normal fitted to identical values would need σ = 0.
var ErrDegenerate = errors.New("fit: the data are too alike for this family (the MLE is on the edge of the parameter space)")

// ErrNoData is returned for an empty data set.
var ErrNoData = errors.New("fit: no data")

// SupportError says that a value lies outside a family's support.
type SupportError struct {
	Family Family
	Need   Support // what the family needs
	Value  float64 // the first value that does not fit
}

func (e *SupportError) Error() string {
	need := map[Support]string{Binary: "values 0 or 1", Counts: "whole numbers ≥ 0", Unit: "values in (0, 1)",
		Positive: "values > 0", NonNegative: "values ≥ 0"}[e.Need]
	return fmt.Sprintf("fit: %s needs %s; %g is not", e.Family, need, e.Value)
}

// ErrSupport matches every *SupportError with errors.Is.
var ErrSupport = errors.New("fit: data outside the family's support")

// Is makes errors.Is(err, ErrSupport) true.
func (e *SupportError) Is(target error) bool { return target == ErrSupport }

// Check returns nil when every value lies in the support of f, and
// otherwise a *SupportError naming the first one that does not.
func Check(f Family, data []float64) error {
	if len(data) == 0 {
		return ErrNoData
	}
	ok := func(x float64) bool {
		switch f.Needs() {
		case Binary:
			return x == 0 || x == 1
		case Counts:
			return x >= 0 && x == math.Floor(x)
		case Unit:
			return x > 0 && x < 1
		case Positive:
			return x > 0
		case NonNegative:
			return x >= 0
		}
		return !math.IsNaN(x) && !math.IsInf(x, 0)
	}
	for _, x := range data {
		if !ok(x) {
			return &SupportError{Family: f, Need: f.Needs(), Value: x}
		}
	}
	return nil
}
