package expr

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what Parse accepts, so that no input is slow to parse, print,
// simplify or differentiate.
const (
	MaxLen   = 200 // characters (runes) of input
	MaxDepth = 64  // nesting of parentheses, function calls, unary minus and exponents
)

// Error is a parse error. Msg and Hint are English; Code and Token let a
// user interface translate it (Code is one of the Code* constants).
type Error struct {
	Pos   int    // 1-based rune column of the problem, 0 when it concerns the whole input
	Msg   string // what is wrong, e.g. "unexpected ')'"
	Hint  string // advice, possibly empty, e.g. "allowed: x, y"
	Code  string
	Token string // the offending or expected text, e.g. ")", "sinn"
}

// Error codes.
const (
	CodeUnexpected      = "unexpected"       // unexpected 'Token'
	CodeExpected        = "expected"         // expected 'Token'
	CodeExpectedExpr    = "expected-expr"    // expected an expression
	CodeExpectedParen   = "expected-paren"   // expected '(' after Token (a function)
	CodeUnknownFunction = "unknown-function" // unknown function 'Token'
	CodeUnknownName     = "unknown-name"     // unknown name 'Token'
	CodeArity           = "arity"            // function Token given the wrong number of arguments
	CodeNumber          = "number"           // number Token out of range
	CodeTooLong         = "too-long"         // input longer than MaxLen
	CodeTooDeep         = "too-deep"         // nesting deeper than MaxDepth
)

func (e *Error) Error() string {
	s := e.Msg
	if e.Pos > 0 {
		s += " at " + strconv.Itoa(e.Pos)
	}
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s
}

// Parse reads an expression in the variables vars (see the package
// documentation for the syntax). It panics if a variable name is not an
// identifier, is a function or constant name, or is repeated.
func Parse(src string, vars ...string) (*Expr, error) {
	return parse(src, vars, true)
}

func parse(src string, vars []string, limits bool) (*Expr, error) {
	checkVars(vars)
	if limits && utf8.RuneCountInString(src) > MaxLen {
		return nil, &Error{Msg: "input longer than " + strconv.Itoa(MaxLen) + " characters", Code: CodeTooLong}
	}
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, vars: vars, limits: limits}
	n, err := p.expr()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEnd {
		return nil, &Error{Pos: t.pos, Msg: "unexpected " + quote(t.text), Code: CodeUnexpected, Token: t.text}
	}
	return &Expr{root: n, vars: append([]string(nil), vars...)}, nil
}

func checkVars(vars []string) {
	for i, v := range vars {
		if !isIdent(v) {
			panic("expr: variable name " + strconv.Quote(v) + " is not an identifier")
		}
		if _, ok := names[v]; ok {
			panic("expr: variable name " + strconv.Quote(v) + " is a function or constant")
		}
		for _, w := range vars[:i] {
			if w == v {
				panic("expr: variable " + strconv.Quote(v) + " given twice")
			}
		}
	}
}

func isIdent(s string) bool {
	if s == "" || !isLetter(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isLetter(s[i]) && !isDigit(s[i]) && s[i] != '_' {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

type tokKind uint8

const (
	tEnd tokKind = iota
	tNum
	tIdent
	tOp // one of + - * / ^ ( ) ,
)

type token struct {
	kind tokKind
	op   byte
	text string // as typed
	pos  int    // 1-based rune column
}

// lex splits src into tokens. Besides ASCII it reads × · ⋅ as '*', − as
// '-', ÷ as '/', ² and ³ as ^2 and ^3, and π as pi.
func lex(src string) ([]token, error) {
	var toks []token
	col := 0
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		col++
		start := i
		i += size
		switch {
		case unicode.IsSpace(r):
		case r < utf8.RuneSelf && (isDigit(byte(r)) || r == '.'):
			i = scanNumber(src, start)
			toks = append(toks, token{kind: tNum, text: src[start:i], pos: col})
			col += i - start - 1
		case r < utf8.RuneSelf && isLetter(byte(r)):
			for i < len(src) && (isLetter(src[i]) || isDigit(src[i]) || src[i] == '_') {
				i++
			}
			toks = append(toks, token{kind: tIdent, text: src[start:i], pos: col})
			col += i - start - 1
		case r == 'π':
			toks = append(toks, token{kind: tIdent, text: "π", pos: col})
		case r == '*' && strings.HasPrefix(src[i:], "*"):
			i++
			toks = append(toks, token{kind: tOp, op: '^', text: "**", pos: col})
			col++
		case strings.ContainsRune("+-*/^(),", r):
			toks = append(toks, token{kind: tOp, op: byte(r), text: string(r), pos: col})
		case r == '×' || r == '·' || r == '⋅':
			toks = append(toks, token{kind: tOp, op: '*', text: string(r), pos: col})
		case r == '−':
			toks = append(toks, token{kind: tOp, op: '-', text: string(r), pos: col})
		case r == '÷':
			toks = append(toks, token{kind: tOp, op: '/', text: string(r), pos: col})
		case r == '²' || r == '³':
			d := "2"
			if r == '³' {
				d = "3"
			}
			toks = append(toks, token{kind: tOp, op: '^', text: string(r), pos: col},
				token{kind: tNum, text: d, pos: col})
		default:
			err := &Error{Pos: col, Msg: "unexpected " + quote(string(r)), Code: CodeUnexpected, Token: string(r)}
			if r == '|' {
				err.Hint = "write abs(x) for |x|"
			}
			return nil, err
		}
	}
	return append(toks, token{kind: tEnd, pos: col + 1}), nil
}

// scanNumber returns the end of the number starting at i: digits with at
// most one '.', then an exponent only if 'e' or 'E' is followed by digits
// (optionally signed), so that 2e is 2·e and 2e3 is 2000.
func scanNumber(s string, i int) int {
	dot := false
	for i < len(s) && (isDigit(s[i]) || s[i] == '.' && !dot) {
		dot = dot || s[i] == '.'
		i++
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			return j
		}
	}
	return i
}

func quote(s string) string { return "'" + s + "'" }

type parser struct {
	toks   []token
	i      int
	depth  int
	vars   []string
	limits bool
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEnd {
		p.i++
	}
	return t
}

func (p *parser) isOp(c byte) bool { t := p.peek(); return t.kind == tOp && t.op == c }

// enter counts one more level of nesting.
func (p *parser) enter() error {
	p.depth++
	if p.limits && p.depth > MaxDepth {
		return &Error{Msg: "nesting deeper than " + strconv.Itoa(MaxDepth), Code: CodeTooDeep}
	}
	return nil
}

// expr := term (('+' | '-') term)*
func (p *parser) expr() (*node, error) {
	n, err := p.term()
	if err != nil {
		return nil, err
	}
	for p.isOp('+') || p.isOp('-') {
		op := p.next().op
		m, err := p.term()
		if err != nil {
			return nil, err
		}
		if op == '-' {
			m = neg(m)
		}
		n = add(n, m)
	}
	return n, nil
}

// term := unary (('*' | '/') unary | factor)*, where a factor without an
// operator (implicit multiplication) starts with a name or '('.
func (p *parser) term() (*node, error) {
	n, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		switch {
		case t.kind == tOp && (t.op == '*' || t.op == '/'):
			p.next()
			m, err := p.unary()
			if err != nil {
				return nil, err
			}
			if t.op == '/' {
				n = div(n, m)
			} else {
				n = mul(n, m)
			}
		case t.kind == tIdent || t.kind == tOp && t.op == '(':
			m, err := p.unary()
			if err != nil {
				return nil, err
			}
			n = mul(n, m)
		case t.kind == tNum:
			return nil, &Error{Pos: t.pos, Msg: "unexpected " + quote(t.text), Hint: "write * for a product", Code: CodeUnexpected, Token: t.text}
		default:
			return n, nil
		}
	}
}

// unary := ('-' | '+') unary | power
func (p *parser) unary() (*node, error) {
	if p.isOp('-') || p.isOp('+') {
		op := p.next().op
		if err := p.enter(); err != nil {
			return nil, err
		}
		n, err := p.unary()
		p.depth--
		if err != nil || op == '+' {
			return n, err
		}
		return neg(n), nil
	}
	return p.power()
}

// power := primary ('^' unary)?, so ^ is right-associative and binds
// tighter than a unary minus on its left but admits one on its right.
func (p *parser) power() (*node, error) {
	n, err := p.primary()
	if err != nil {
		return nil, err
	}
	if !p.isOp('^') {
		return n, nil
	}
	p.next()
	if err := p.enter(); err != nil {
		return nil, err
	}
	e, err := p.unary()
	p.depth--
	if err != nil {
		return nil, err
	}
	return pow(n, e), nil
}

// primary := number | name | function '(' args ')' | '(' expr ')'
func (p *parser) primary() (*node, error) {
	t := p.next()
	switch {
	case t.kind == tNum:
		v, ok := parseNum(t.text)
		if !ok {
			if strings.Trim(t.text, ".") == "" {
				return nil, &Error{Pos: t.pos, Msg: "unexpected '.'", Code: CodeUnexpected, Token: "."}
			}
			return nil, &Error{Pos: t.pos, Msg: "number " + quote(t.text) + " out of range", Code: CodeNumber, Token: t.text}
		}
		return numNode(v), nil
	case t.kind == tIdent:
		return p.name(t)
	case t.kind == tOp && t.op == '(':
		if err := p.enter(); err != nil {
			return nil, err
		}
		n, err := p.expr()
		p.depth--
		if err != nil {
			return nil, err
		}
		if err := p.expect(')'); err != nil {
			return nil, err
		}
		return n, nil
	}
	return nil, &Error{Pos: t.pos, Msg: "expected an expression", Code: CodeExpectedExpr}
}

func (p *parser) expect(c byte) error {
	if p.isOp(c) {
		p.next()
		return nil
	}
	return &Error{Pos: p.peek().pos, Msg: "expected " + quote(string(c)), Code: CodeExpected, Token: string(c)}
}

// name resolves an identifier: a variable, a constant or a function call.
func (p *parser) name(t token) (*node, error) {
	for _, v := range p.vars {
		if v == t.text {
			return varNode(v), nil
		}
	}
	f, known := names[t.text]
	switch {
	case known && f.isConst():
		return constNode(f), nil
	case known:
		if !p.isOp('(') {
			return nil, &Error{Pos: p.peek().pos, Msg: "expected '(' after " + t.text, Code: CodeExpectedParen, Token: t.text}
		}
		return p.call(t, f)
	case p.isOp('('):
		return nil, &Error{Pos: t.pos, Msg: "unknown function " + quote(t.text), Code: CodeUnknownFunction, Token: t.text}
	}
	return nil, &Error{Pos: t.pos, Msg: "unknown name " + quote(t.text), Hint: p.nameHint(t.text), Code: CodeUnknownName, Token: t.text}
}

func (p *parser) call(t token, f fn) (*node, error) {
	p.next() // '('
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	arity := fnInfo[f].arity
	args := make([]*node, 0, arity)
	for {
		a, err := p.expr()
		if err != nil {
			return nil, err
		}
		args = append(args, a)
		if len(args) == arity {
			break
		}
		if !p.isOp(',') {
			return nil, p.arity(t, p.peek())
		}
		p.next()
	}
	if p.isOp(',') {
		return nil, p.arity(t, p.peek())
	}
	if err := p.expect(')'); err != nil {
		return nil, err
	}
	return call(f, args...), nil
}

func (p *parser) arity(f, at token) *Error {
	n := fnInfo[names[f.text]].arity
	msg := f.text + " takes " + strconv.Itoa(n) + " argument"
	if n != 1 {
		msg += "s"
	}
	if at.kind == tOp && (at.op == ',' || at.op == ')') {
		return &Error{Pos: at.pos, Msg: msg, Code: CodeArity, Token: f.text}
	}
	return &Error{Pos: at.pos, Msg: "expected ','", Hint: msg, Code: CodeExpected, Token: ","}
}

// nameHint lists the allowed variables, or suggests a product when the
// name is a run of known names (xy, pix).
func (p *parser) nameHint(s string) string {
	if parts := p.split(s); len(parts) > 1 {
		return "write " + strings.Join(parts, "*") + " for a product"
	}
	if len(p.vars) == 0 {
		return "this expression takes no variables"
	}
	return "allowed: " + strings.Join(p.vars, ", ")
}

// split returns s as a sequence of variable and constant names, or nil.
func (p *parser) split(s string) []string {
	cands := append([]string{"pi", "e"}, p.vars...)
	// next[i] is the name that starts a split of s[i:], "" if there is none.
	next := make([]string, len(s)+1)
	for i := len(s) - 1; i >= 0; i-- {
		for _, c := range cands {
			if j := i + len(c); strings.HasPrefix(s[i:], c) && (j == len(s) || next[j] != "") {
				next[i] = c
				break
			}
		}
	}
	if next[0] == "" {
		return nil
	}
	var parts []string
	for i := 0; i < len(s); i += len(next[i]) {
		parts = append(parts, next[i])
	}
	return parts
}
