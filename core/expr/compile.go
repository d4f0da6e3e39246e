package expr

import (
	"cmp"
	"math"
	"slices"
	"strconv"
)

// op is an instruction of compiled code.
type op uint8

const (
	opAdd op = iota
	opSub
	opMul
	opDiv
	opNeg
	opPow
	opSqrt
	opFn1 // apply1(fn, a)
	opFn2 // apply2(fn, a, b)
	opConst
)

// instr computes register dst from registers a and b (b < 0 for one
// operand). Code is in SSA form: every instruction writes its own register.
type instr struct {
	op        op
	fn        fn
	dst, a, b int32
}

// Func is compiled code for one or more expressions sharing their common
// subexpressions. Registers 0..len(vars)−1 hold the variables, then come
// the constants (folded at compile time) and one register per instruction.
// Evaluation allocates nothing; it uses scratch space inside the Func, so a
// Func is not safe for concurrent use.
type Func struct {
	vars []string
	code []instr
	out  []int32
	regs []float64 // scalar register file
	dep  []uint64  // per register: bit i set when it depends on variable i

	// The grid plan (two variables at most): code depending on x only runs
	// once per grid, on y only once per row, on both over each row.
	xCode, yCode, xyCode []instr
	bcastConst, bcastY   []int32 // scalar registers read by vector code
	vec                  []float64
	dsts                 [][]float64 // Grid's argument to GridAll
}

// Compile compiles e for evaluation with arguments in the order of vars
// (e.Vars() when none are given). It panics if e uses a variable not in
// vars.
func (e *Expr) Compile(vars ...string) *Func {
	return CompileAll([]*Expr{e}, vars...)
}

// CompileAll compiles several expressions (a function and its partial
// derivatives, say) into one Func with one output each, computing shared
// subexpressions once. Without vars, the variables of es[0] are used. It
// panics if es is empty or an expression uses a variable not in vars.
func CompileAll(es []*Expr, vars ...string) *Func {
	if len(es) == 0 {
		panic("expr: CompileAll of no expressions")
	}
	if len(vars) == 0 {
		vars = es[0].vars
	}
	checkVars(vars)
	if len(vars) > 64 {
		panic("expr: more than 64 variables")
	}
	f := &Func{vars: append([]string(nil), vars...)}
	c := compiler{f: f, memo: map[ckey]int32{}}
	for i := range vars {
		f.regs = append(f.regs, 0)
		f.dep = append(f.dep, 1<<i)
	}
	for _, e := range es {
		f.out = append(f.out, c.lower(e.root))
	}
	f.plan()
	return f
}

type ckey struct {
	op   op
	fn   fn
	a, b int32
	bits uint64 // a constant's value
}

type compiler struct {
	f    *Func
	memo map[ckey]int32
}

func (c *compiler) newReg(v float64, dep uint64) int32 {
	c.f.regs = append(c.f.regs, v)
	c.f.dep = append(c.f.dep, dep)
	return int32(len(c.f.regs) - 1)
}

func (c *compiler) konst(v float64) int32 {
	k := ckey{op: opConst, bits: math.Float64bits(v)}
	if r, ok := c.memo[k]; ok {
		return r
	}
	r := c.newReg(v, 0)
	c.memo[k] = r
	return r
}

// emit returns the register holding o(a, b): an existing one for a repeated
// subexpression, a constant when the operands are constants, else a new
// instruction's.
func (c *compiler) emit(o op, f fn, a, b int32) int32 {
	if (o == opAdd || o == opMul || o == opFn2) && b < a {
		a, b = b, a // commutative: one key for both orders
	}
	k := ckey{op: o, fn: f, a: a, b: b}
	if r, ok := c.memo[k]; ok {
		return r
	}
	dep := c.f.dep[a]
	if b >= 0 {
		dep |= c.f.dep[b]
	}
	var r int32
	if dep == 0 {
		in := instr{op: o, fn: f, a: a, b: b}
		r = c.konst(exec(in, c.f.regs))
	} else {
		r = c.newReg(0, dep)
		c.f.code = append(c.f.code, instr{op: o, fn: f, dst: r, a: a, b: b})
	}
	c.memo[k] = r
	return r
}

// fold combines registers with a binary operation, those depending on
// fewer variables first, so that the partial results can be hoisted out of
// grid loops.
func (c *compiler) fold(o op, rs []int32) int32 {
	slices.SortStableFunc(rs, func(a, b int32) int { return cmp.Compare(c.f.dep[a], c.f.dep[b]) })
	acc := rs[0]
	for _, r := range rs[1:] {
		acc = c.emit(o, 0, acc, r)
	}
	return acc
}

func (c *compiler) lower(n *node) int32 {
	switch n.kind {
	case kNum:
		return c.konst(n.num.f)
	case kConst:
		if n.fn == cPi {
			return c.konst(math.Pi)
		}
		return c.konst(math.E)
	case kVar:
		for i, v := range c.f.vars {
			if v == n.name {
				return int32(i)
			}
		}
		panic("expr: variable " + strconv.Quote(n.name) + " not among the compiled variables")
	case kAdd:
		var pos, negs []int32
		for _, t := range n.args {
			if t.isNeg() {
				negs = append(negs, c.lower(neg(t)))
			} else {
				pos = append(pos, c.lower(t))
			}
		}
		if len(pos) == 0 {
			return c.emit(opNeg, 0, c.fold(opAdd, negs), -1)
		}
		acc := c.fold(opAdd, pos)
		if len(negs) > 0 {
			acc = c.emit(opSub, 0, acc, c.fold(opAdd, negs))
		}
		return acc
	case kMul:
		return c.lowerMul(n)
	case kPow:
		return c.lowerPow(n)
	}
	if n.fn == fnSqrt {
		return c.emit(opSqrt, 0, c.lower(n.args[0]), -1)
	}
	if len(n.args) == 2 {
		return c.emit(opFn2, n.fn, c.lower(n.args[0]), c.lower(n.args[1]))
	}
	return c.emit(opFn1, n.fn, c.lower(n.args[0]), -1)
}

// lowerMul computes c·f1·f2.../(d1·d2...), negating at the end for c = −1.
func (c *compiler) lowerMul(n *node) int32 {
	p := split(n)
	var nums, dens []int32
	if p.cNum != nil && !p.cNum.is(1) {
		nums = append(nums, c.konst(p.cNum.f))
	}
	for _, f := range p.num {
		nums = append(nums, c.lower(f))
	}
	if p.cDen != nil {
		dens = append(dens, c.konst(p.cDen.f))
	}
	for _, f := range p.den {
		dens = append(dens, c.lower(f))
	}
	if len(nums) == 0 {
		nums = append(nums, c.konst(1))
	}
	acc := c.fold(opMul, nums)
	if len(dens) > 0 {
		acc = c.emit(opDiv, 0, acc, c.fold(opMul, dens))
	}
	if p.neg {
		acc = c.emit(opNeg, 0, acc, -1)
	}
	return acc
}

// maxPowi is the largest integer exponent computed by multiplications.
const maxPowi = 64

func (c *compiler) lowerPow(n *node) int32 {
	b, e := n.args[0], n.args[1]
	if e.kind == kNum {
		k := e.num.f
		switch {
		case k == 0:
			return c.konst(1) // as math.Pow: x^0 = 1 for every x
		case k == math.Trunc(k) && math.Abs(k) <= maxPowi:
			r := c.powi(c.lower(b), int(math.Abs(k)))
			if k < 0 {
				r = c.emit(opDiv, 0, c.konst(1), r)
			}
			return r
		case k == 0.5:
			return c.emit(opSqrt, 0, c.lower(b), -1)
		}
	}
	if b.kind == kConst && b.fn == cE {
		return c.emit(opFn1, fnExp, c.lower(e), -1)
	}
	return c.emit(opPow, 0, c.lower(b), c.lower(e))
}

// powi computes r^k, k ≥ 1, by repeated squaring.
func (c *compiler) powi(r int32, k int) int32 {
	if k == 1 {
		return r
	}
	h := c.powi(r, k/2)
	s := c.emit(opMul, 0, h, h)
	if k%2 == 1 {
		s = c.emit(opMul, 0, s, r)
	}
	return s
}

// exec computes one instruction on the scalar registers.
func exec(in instr, r []float64) float64 {
	a := r[in.a]
	switch in.op {
	case opAdd:
		return a + r[in.b]
	case opSub:
		return a - r[in.b]
	case opMul:
		return a * r[in.b]
	case opDiv:
		return a / r[in.b]
	case opNeg:
		return -a
	case opPow:
		return powf(a, r[in.b])
	case opSqrt:
		return math.Sqrt(a)
	case opFn1:
		return apply1(in.fn, a)
	}
	return apply2(in.fn, a, r[in.b])
}

// Vars returns the variables in the order Eval takes them.
func (f *Func) Vars() []string { return append([]string(nil), f.vars...) }

// Outputs returns the number of compiled expressions.
func (f *Func) Outputs() int { return len(f.out) }

func (f *Func) run(vals []float64) {
	if len(vals) != len(f.vars) {
		panic("expr: Eval needs " + strconv.Itoa(len(f.vars)) + " values, got " + strconv.Itoa(len(vals)))
	}
	r := f.regs
	copy(r, vals)
	for _, in := range f.code {
		r[in.dst] = exec(in, r)
	}
}

// Eval returns the first expression's value at vals (one per variable, in
// the order of Vars). It panics if the number of values is wrong.
func (f *Func) Eval(vals ...float64) float64 {
	f.run(vals)
	return f.regs[f.out[0]]
}

// Eval1 is Eval for a function of one variable.
func (f *Func) Eval1(x float64) float64 { return f.Eval(x) }

// Eval2 is Eval for a function of two variables.
func (f *Func) Eval2(x, y float64) float64 { return f.Eval(x, y) }

// EvalAll sets dst[k] to the value of expression k at vals. It panics if
// len(dst) != f.Outputs() or the number of values is wrong.
func (f *Func) EvalAll(dst []float64, vals ...float64) {
	if len(dst) != len(f.out) {
		panic("expr: EvalAll needs one destination per output")
	}
	f.run(vals)
	for k, r := range f.out {
		dst[k] = f.regs[r]
	}
}

// plan sorts the code for grids by what it depends on.
func (f *Func) plan() {
	if len(f.vars) > 2 {
		return
	}
	readByVec := make([]bool, len(f.regs))
	for _, in := range f.code {
		switch f.dep[in.dst] {
		case 1:
			f.xCode = append(f.xCode, in)
		case 2:
			f.yCode = append(f.yCode, in)
			continue
		default:
			f.xyCode = append(f.xyCode, in)
		}
		readByVec[in.a] = true
		if in.b >= 0 {
			readByVec[in.b] = true
		}
	}
	for r, read := range readByVec {
		switch {
		case !read:
		case f.dep[r] == 0:
			f.bcastConst = append(f.bcastConst, int32(r))
		case f.dep[r] == 2:
			f.bcastY = append(f.bcastY, int32(r))
		}
	}
}

// Grid evaluates the first expression on a grid of nx×ny nodes spanning
// [x0, x1]×[y0, y1], laid out as figure.Raster and core/contour read it: row
// 0 is the top (y = y1), and dst[j*nx+i] is the value at
// x = x0 + (x1−x0)·i/(nx−1), y = y1 − (y1−y0)·j/(ny−1) (a single column or
// row sits at x0 or y1). The first variable of f runs along x, the second
// along y; a function of one variable varies along x only. It panics if
// len(dst) != nx*ny or f has more than two variables.
func (f *Func) Grid(dst []float64, x0, x1, y0, y1 float64, nx, ny int) {
	if f.dsts == nil {
		f.dsts = make([][]float64, len(f.out))
	}
	f.dsts[0] = dst
	f.GridAll(f.dsts, x0, x1, y0, y1, nx, ny)
	f.dsts[0] = nil // keep no reference to the caller's slice
}

// GridAll is Grid for every expression: dst[k] receives expression k, and
// a nil dst[k] is skipped. It panics if len(dst) != f.Outputs(), a
// non-nil dst[k] does not have nx*ny values, or f has more than two
// variables.
func (f *Func) GridAll(dst [][]float64, x0, x1, y0, y1 float64, nx, ny int) {
	if len(f.vars) > 2 {
		panic("expr: Grid of a function of more than two variables")
	}
	if nx < 0 || ny < 0 {
		panic("expr: negative grid size")
	}
	if len(dst) != len(f.out) {
		panic("expr: GridAll needs one destination per output")
	}
	for _, d := range dst {
		if d != nil && len(d) != nx*ny {
			panic("expr: len(dst) != nx*ny")
		}
	}
	if nx == 0 || ny == 0 {
		return
	}
	need := len(f.regs) * nx
	if cap(f.vec) < need {
		f.vec = make([]float64, need)
	}
	vec := f.vec[:need]
	slot := func(r int32) []float64 { return vec[int(r)*nx : int(r)*nx+nx] }
	for _, r := range f.bcastConst {
		fill(slot(r), f.regs[r])
	}
	if len(f.vars) > 0 {
		xs := slot(0)
		for i := range xs {
			xs[i] = nodeAt(x0, x1, i, nx)
		}
	}
	for _, in := range f.xCode {
		vexec(in, vec, nx)
	}
	for j := range ny {
		if len(f.vars) == 2 {
			f.regs[1] = y1 - nodeOffset(y0, y1, j, ny)
			for _, in := range f.yCode {
				f.regs[in.dst] = exec(in, f.regs)
			}
			for _, r := range f.bcastY {
				fill(slot(r), f.regs[r])
			}
		}
		for _, in := range f.xyCode {
			vexec(in, vec, nx)
		}
		for k, d := range dst {
			if d == nil {
				continue
			}
			row, r := d[j*nx:(j+1)*nx], f.out[k]
			if dep := f.dep[r]; dep == 0 || dep == 2 {
				fill(row, f.regs[r])
			} else {
				copy(row, slot(r))
			}
		}
	}
}

// nodeAt is x0 + (x1−x0)·i/(n−1), as core/contour places grid nodes.
func nodeAt(x0, x1 float64, i, n int) float64 {
	if n < 2 {
		return x0
	}
	return x0 + (x1-x0)*float64(i)/float64(n-1)
}

// nodeOffset is (y1−y0)·j/(n−1), the distance of row j below the top.
func nodeOffset(y0, y1 float64, j, n int) float64 {
	if n < 2 {
		return 0
	}
	return (y1 - y0) * float64(j) / float64(n-1)
}

func fill(d []float64, v float64) {
	for i := range d {
		d[i] = v
	}
}

// vexec computes one instruction over a row of nx points; registers are
// slots of nx values in vec.
func vexec(in instr, vec []float64, nx int) {
	d := vec[int(in.dst)*nx:][:nx]
	a := vec[int(in.a)*nx:][:nx]
	var b []float64
	if in.b >= 0 {
		b = vec[int(in.b)*nx:][:nx]
	}
	switch in.op {
	case opAdd:
		for i := range d {
			d[i] = a[i] + b[i]
		}
	case opSub:
		for i := range d {
			d[i] = a[i] - b[i]
		}
	case opMul:
		for i := range d {
			d[i] = a[i] * b[i]
		}
	case opDiv:
		for i := range d {
			d[i] = a[i] / b[i]
		}
	case opNeg:
		for i := range d {
			d[i] = -a[i]
		}
	case opPow:
		for i := range d {
			d[i] = powf(a[i], b[i])
		}
	case opSqrt:
		for i := range d {
			d[i] = math.Sqrt(a[i])
		}
	case opFn1:
		vapply1(in.fn, d, a)
	case opFn2:
		for i := range d {
			d[i] = apply2(in.fn, a[i], b[i])
		}
	}
}

// vapply1 applies a one-argument function over a row, with the switch
// outside the loop.
func vapply1(f fn, d, a []float64) {
	var g func(float64) float64
	switch f {
	case fnSin:
		g = math.Sin
	case fnCos:
		g = math.Cos
	case fnTan:
		g = math.Tan
	case fnExp:
		g = math.Exp
	case fnLog:
		g = math.Log
	case fnAbs:
		for i := range d {
			d[i] = math.Abs(a[i])
		}
		return
	case fnTanh:
		g = math.Tanh
	case fnSinh:
		g = math.Sinh
	case fnCosh:
		g = math.Cosh
	case fnSigmoid:
		g = sigmoid
	default:
		for i := range d {
			d[i] = apply1(f, a[i])
		}
		return
	}
	for i := range d {
		d[i] = g(a[i])
	}
}
