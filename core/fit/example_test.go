package fit_test

import (
	"fmt"

	"github.com/aimath/playground/core/fit"
)

// Fit a gamma distribution to positive data by maximum likelihood, compare
// it with a normal by AIC, and test it (scipy: gamma.fit(x, floc=0),
// norm.fit(x), kstest).
func Example() {
	x := []float64{4.368, 2.029, 1.0, 2.39, 3.368, 2.474, 1.906, 3.039, 1.998, 1.535, 1.537, 4.871, 2.608, 2.94, 2.965}
	s := fit.NewSample(x)
	fmt.Println("kind:", s.Kind, "→ suggested:", s.Kind.Suggest())
	for _, f := range []fit.Family{fit.Gamma, fit.Normal} {
		d, err := fit.Fit(f, s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		ll := s.LogLik(d)
		ks := fit.KSTest(s.X, d.CDF)
		fmt.Printf("%-6s %v = (%.4f, %.4f)  ℓ = %.3f  AIC = %.3f  D = %.4f  p = %.4f\n",
			f, f.Params(), d.P[0], d.P[1], ll, fit.AIC(f.NumParams(), ll), ks.D, ks.P)
	}
	_, err := fit.Fit(fit.Beta, s)
	fmt.Println(err)
	// Output:
	// kind: positive → suggested: gamma
	// gamma  [k θ] = (6.6505, 0.3912)  ℓ = -20.637  AIC = 45.273  D = 0.0949  p = 0.9972
	// normal [μ σ] = (2.6019, 1.0122)  ℓ = -21.466  AIC = 46.933  D = 0.1329  p = 0.9221
	// fit: beta needs values in (0, 1); 1 is not
}
