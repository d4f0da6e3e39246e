package expr

import "sync"

// Expr is a parsed expression in some variables. It is immutable and safe
// for concurrent use.
type Expr struct {
	root *node
	vars []string

	gradOnce sync.Once
	grad     []*node // the partial derivatives, for Check
}

// gradient returns the simplified partial derivatives of e, computed once.
func (e *Expr) gradient() []*node {
	e.gradOnce.Do(func() {
		for _, v := range e.vars {
			e.grad = append(e.grad, simplify(deriv(e.root, v)))
		}
	})
	return e.grad
}

// Vars returns the variables the expression may use, as given to Parse.
func (e *Expr) Vars() []string { return append([]string(nil), e.vars...) }

// Equal reports whether e and f are the same tree (numbers compared by
// value). Equal expressions print the same; x + y and y + x are not equal
// until simplified.
func (e *Expr) Equal(f *Expr) bool { return equal(e.root, f.root) }
