package bayes

import (
	"errors"
	"fmt"
)

// Cell is S successes out of N patients.
type Cell struct{ S, N int }

// Rate is S/N.
func (c Cell) Rate() float64 { return float64(c.S) / float64(c.N) }

// Valid reports whether 0 ≤ S ≤ N and N ≥ 1.
func (c Cell) Valid() bool { return c.N >= 1 && c.S >= 0 && c.S <= c.N }

// Strata is a table of outcomes [treatment][stratum] of a confounder Z.
type Strata [][]Cell

// ErrShape is returned by Check for a table without treatments or strata,
// or with rows of different lengths.
var ErrShape = errors.New("bayes: a table needs at least one treatment and one stratum, every treatment in every stratum")

// Check returns ErrShape, or an error naming the first cell that is not
// Valid, or nil.
func (s Strata) Check() error {
	if len(s) == 0 || len(s[0]) == 0 {
		return ErrShape
	}
	for t, row := range s {
		if len(row) != len(s[0]) {
			return ErrShape
		}
		for z, c := range row {
			if !c.Valid() {
				return fmt.Errorf("bayes: treatment %d, stratum %d: %d successes of %d patients", t, z, c.S, c.N)
			}
		}
	}
	return nil
}

// Rate is P(success | T = t, Z = z).
func (s Strata) Rate(t, z int) float64 { return s[t][z].Rate() }

// Naive is P(success | T = t), the strata pooled: Σ_z S / Σ_z N. It equals
// Σ_z P(success | t, z) P(z | t), each stratum weighted by how often
// treatment t was given in it.
func (s Strata) Naive(t int) float64 {
	var k, n int
	for _, c := range s[t] {
		k += c.S
		n += c.N
	}
	return float64(k) / float64(n)
}

// total is the number of patients in stratum z (every z < 0: all).
func (s Strata) total(z int) int {
	n := 0
	for _, row := range s {
		for j, c := range row {
			if z < 0 || j == z {
				n += c.N
			}
		}
	}
	return n
}

// PZ is P(Z = z) over all patients, whatever their treatment.
func (s Strata) PZ(z int) float64 { return float64(s.total(z)) / float64(s.total(-1)) }

// PZGiven is P(Z = z | T = t): the share of treatment t's patients in
// stratum z.
func (s Strata) PZGiven(z, t int) float64 {
	n := 0
	for _, c := range s[t] {
		n += c.N
	}
	return float64(s[t][z].N) / float64(n)
}

// Adjusted is P(success | do(T = t)) = Σ_z P(success | t, z) P(z), the
// back-door adjustment for Z: the success rate had everyone been given t,
// when Z is the only common cause of treatment and outcome.
func (s Strata) Adjusted(t int) float64 {
	sum := 0.0
	for z := range s[t] {
		sum += s.Rate(t, z) * s.PZ(z)
	}
	return sum
}
