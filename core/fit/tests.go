package fit

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// ChiSq is the result of Pearson's χ² test.
type ChiSq struct {
	Stat float64 // Σ (O − E)²/E
	DF   int     // cells − 1 − ddof
	P    float64 // P(χ²_DF ≥ Stat); NaN when DF < 1
}

// ChiSquare is Pearson's goodness-of-fit test of observed against expected
// counts, with ddof parameters estimated from the data:
// scipy.stats.chisquare(obs, exp, ddof=ddof).
func ChiSquare(obs, exp []float64, ddof int) ChiSq {
	var r ChiSq
	for i, o := range obs {
		d := o - exp[i]
		r.Stat += d * d / exp[i]
	}
	r.DF = len(obs) - 1 - ddof
	r.P = math.NaN()
	if r.DF >= 1 {
		r.P = distuv.ChiSquared{K: float64(r.DF)}.Survival(r.Stat)
	}
	return r
}

// Cell is a range of whole numbers of a discrete χ² test: the values
// Lo…Hi (Hi = +Inf for the upper tail) with their observed and expected
// counts.
type Cell struct {
	Lo, Hi   float64
	Obs, Exp float64
}

// MinExpected is the smallest expected count a χ² cell should have (the
// usual rule of thumb: with fewer, the χ² distribution is a poor
// approximation of the statistic's).
const MinExpected = 5

// Cells groups the sample's whole numbers for a χ² test against the
// discrete distribution d: one cell per value from 0 to the largest
// observed, the last one taking the whole upper tail, so that the expected
// counts add up to n. Then, while some cell expects fewer than
// MinExpected, the smallest such cell is merged with the smaller of its
// neighbours. It returns nil unless d is discrete and valid and the
// sample is counts.
func Cells(s *Sample, d Dist) []Cell {
	if !d.Family.Discrete() || !d.Valid() || s.N() == 0 || s.Kind != Binary && s.Kind != Counts {
		return nil
	}
	n := float64(s.N())
	top := math.Max(0, s.max)
	cells := make([]Cell, 0, int(top)+1)
	below := 0.0 // P(X ≤ k − 1)
	for k := 0.0; k <= top; k++ {
		c := Cell{Lo: k, Hi: k}
		if k == top {
			c.Hi = math.Inf(1)
			c.Exp = n * (1 - below)
		} else {
			p := d.Prob(k)
			c.Exp = n * p
			below += p
		}
		cells = append(cells, c)
	}
	for _, x := range s.X {
		i := min(int(x), len(cells)-1)
		if i >= 0 {
			cells[i].Obs++
		}
	}
	for len(cells) > 1 {
		j := 0
		for i, c := range cells {
			if c.Exp < cells[j].Exp {
				j = i
			}
		}
		if cells[j].Exp >= MinExpected {
			break
		}
		k := j + 1 // the neighbour to merge with
		if j == len(cells)-1 || j > 0 && cells[j-1].Exp < cells[j+1].Exp {
			k = j - 1
		}
		a, b := min(j, k), max(j, k)
		cells[a] = Cell{Lo: cells[a].Lo, Hi: cells[b].Hi, Obs: cells[a].Obs + cells[b].Obs, Exp: cells[a].Exp + cells[b].Exp}
		cells = append(cells[:b], cells[b+1:]...)
	}
	return cells
}

// ChiSquareDiscrete is the χ² test of the sample against the discrete d
// fitted to it (its parameters count as estimated: ddof = k) over Cells.
func ChiSquareDiscrete(s *Sample, d Dist) (ChiSq, []Cell) {
	cells := Cells(s, d)
	obs := make([]float64, len(cells))
	exp := make([]float64, len(cells))
	for i, c := range cells {
		obs[i], exp[i] = c.Obs, c.Exp
	}
	return ChiSquare(obs, exp, d.Family.NumParams()), cells
}
