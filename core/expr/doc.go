// Package expr reads functions that students type (f(x) or f(x, y)),
// differentiates them symbolically, prints them back as text and MathML,
// and compiles them for fast evaluation on a grid.
//
// # Syntax
//
// Parse reads numbers (3, 2.5, .5, 1e-3, 2.5E3), the variables it is given,
// the constants pi (or π) and e, parentheses, and
//
//	operators   + - * / ^ **     (** is ^; × · ⋅ − ÷ are * * * - /; x² x³ are x^2 x^3)
//	functions   sin cos tan exp ln log sqrt abs tanh sinh cosh sigmoid relu softplus
//	            sign step min max   (min and max take two arguments, the others one)
//
// The rules:
//   - Precedence, loosest first: + and −; * and / and implicit
//     multiplication (left-associative); unary minus; ^ (right-associative:
//     2^3^2 = 2^9). So −x^2 = −(x^2), 2x^2 = 2·(x^2), x/2y = (x/2)·y, and
//     x^−2 = x^(−2) (a minus is allowed right after ^).
//   - Implicit multiplication: a factor followed directly by a name or '('
//     is multiplied by it: 2x, 3(x+1), x y, (x+1)(x−1), 2 pi x, sin(x)cos(x).
//     A number right after a factor is an error ("x 2" is refused: write x*2).
//   - Names are letters, digits and _ starting with a letter, read as a
//     whole: xy is one (unknown) name, not x·y, and the error says to write
//     x*y. Only the variables given to Parse are allowed; an unknown name is
//     an error listing them.
//   - Functions need parentheses: "sin x" is an error, "expected '(' after
//     sin". ln and log are both the natural logarithm (printed ln).
//   - e is Euler's number, exp(x) the exponential. A number's exponent is
//     read only when e or E is followed by digits, optionally signed: 2e3 is
//     2000, 1e-3 is 0.001, 2e is 2·e, 2e+x is 2·e + x, and 2e3x is 2000·x.
//     (A name that starts with e after a number, as in 2ex, is the unknown
//     name ex.)
//   - Input is at most MaxLen (200) characters and nests (parentheses,
//     calls, unary minus, exponents) at most MaxDepth (64) deep; numbers
//     must be finite floats. Errors are *Error, with the 1-based rune column:
//     "unexpected ')' at 7", "expected ')' at 12", "unknown function 'sinn'
//     at 1", "expected an expression at 5".
//
// Besides the functions students type, sign and step are there because
// derivatives need them: abs' = sign, relu' = step, and min and max
// differentiate through step. sign(0) = 0 and step(x) = 1 for x > 0, else 0
// (so relu'(0) = 0, as in PyTorch). At those points the formula is the
// one-sided value of a function that is not differentiable; Check says so.
//
// # Numbers
//
// Numbers are exact rationals as long as their numerator and denominator
// fit in 62 bits (so 0.1·3 is 0.3 and x^(1/3) differentiates to
// 1/(3·x^(2/3))), and floats beyond that. A number typed as a decimal stays
// a decimal in output where it has at most 12 decimal places (0.5x^2 and
// 0.3·x^2); others print as fractions (x/2, 1/3).
//
// # Trees and text
//
// Parsing normalizes lightly and nothing more: a − b is a + (−1)·b, a/b is
// a times b's reciprocal (b^(−1), taken factor by factor for a product and
// folded for a number), products and sums are flattened, numeric factors merged into
// one leading coefficient, and denominators put last. String prints such a
// tree back with minimal parentheses, spaces around + and −, * for every
// product, and / for negative numeric powers, so that Parse(e.String())
// is Equal to e for every e from Parse, Simplify or Diff (when the text is
// within MaxLen). MathML gives the same structure for display.
//
// Simplify applies, bottom-up and in one pass: constant folding where
// exact (2^3, sqrt(4), sin(0), ln(1), abs(−2), min(1, 2)); the identities
// x + 0, 0·x, 1·x, x^0, x^1, 1^x, ln(e), ln(exp(u)); collecting like terms
// (2x + 3x → 5x, x − x → 0) and like factors (x·x → x^2, x^2·x → x^3,
// x/x → 1, x^a·x^b → x^(a+b)); (a^b)^n → a^(b·n) and (a·b)^n → a^n·b^n for
// integers n; and a number times a sum distributed (2(x + 1) → 2x + 2, as
// sympy does). Sums are sorted by descending degree in each variable in
// alphabetical order (3x^2 + 2x + 1; x^2 + y − 11) with numbers last,
// except that a two-term sum starting with a minus is swapped (y − x^2,
// 1 − sigmoid(x)); products put the coefficient first, then constants,
// variables, functions, sums, and denominators last (2·pi·x·cos(x)). Like
// sympy it cancels without regard to the domain (x/x → 1, 0·ln(x) → 0),
// so evaluate the expression typed, not the simplified one, to find where
// it is undefined. Simplify is idempotent and its work is bounded by the
// size of the tree.
//
// Diff differentiates with the usual rules (chain, product, power:
// c·b^(c−1)·b' for a constant exponent, b^x·ln(b)·x' for a constant base,
// with e^x special-cased, and the general b^x·(x'·ln(b) + x·b'/b)),
// writing tan' = 1/cos^2, sqrt' = 1/(2·sqrt), tanh' = 1 − tanh^2,
// sigmoid' = sigmoid·(1 − sigmoid), softplus' = sigmoid, and simplifies.
//
// # Evaluation
//
// Compile turns expressions into a flat list of instructions over a slice
// of registers, with constants folded and common subexpressions shared
// (CompileAll compiles a function and its derivatives together). Eval
// allocates nothing and uses no maps or interfaces. Grid evaluates a row of
// points per instruction, and computes what depends on x alone once per
// grid and on y alone once per row. Values follow IEEE arithmetic and Go's
// math package: ln(−1) is NaN, 1/0 is +Inf, a negative number to a
// fractional power is NaN (as in numpy: (−8)^(1/3) is not −2).
//
// # Where things break
//
// Check reports, at a point, the most severe of: Undefined (ln of ≤ 0,
// sqrt of < 0, division by 0, a negative number to a fractional power),
// Overflow (a value or a derivative becomes ±Inf), NotDifferentiable (abs,
// relu, min, max at a kink, step and sign at their jump, sqrt and
// fractional powers at 0, or a derivative that is NaN), with the function
// concerned and an English sentence; Kind.String gives a stable key for
// translations. Where Check finds None, the value and every partial
// derivative are finite, so a lesson that checks first never shows NaN as
// a number. Points count as kinks only when they are exactly on them.
//
// # Failure
//
// User input never panics: Parse returns *Error. Caller bugs panic with an
// "expr: " message: a variable name that is not an identifier, the wrong
// number of values for Eval or Check, a grid of the wrong size.
package expr
