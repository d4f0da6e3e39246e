#!/usr/bin/python3
"""Reference derivative values for diff_test.go (TestDiffSympy).

Run with Debian's python3-sympy: /usr/bin/python3 testdata/diffref.py
The symbols are real (so that sp.Abs differentiates to sp.sign).
Each row: our syntax, the same function in sympy, the variable, points.
For each point it prints sp.diff(f, v).subs(point).evalf(30), rounded to
the nearest float64, as a Go table row.
"""
import sympy as sp

x, y = sp.symbols('x y', real=True)
R = sp.Rational
sigmoid = lambda u: 1 / (1 + sp.exp(-u))
softplus = lambda u: sp.log(1 + sp.exp(u))

P1 = ['0.7', '1.3', '2.9']      # 1-D points
PN = ['-1.7', '0.4', '2.2']     # 1-D points including negatives
P2 = [('0.7', '-1.3'), ('1.5', '0.25'), ('-2.1', '1.8')]  # 2-D points
PP = [('0.7', '1.3'), ('1.5', '0.25'), ('2.1', '1.8')]    # 2-D, x > 0

rows = [
    ("x^2+2x+3", "x**2+2*x+3", "x", PN),
    ("(x-3)^2", "(x-3)**2", "x", PN),
    ("x^3 - 3x", "x**3-3*x", "x", PN),
    ("x^4 - 3x^3 + 2", "x**4-3*x**3+2", "x", PN),
    ("sin(x)", "sp.sin(x)", "x", PN),
    ("cos(2x)", "sp.cos(2*x)", "x", PN),
    ("x sin(x)", "x*sp.sin(x)", "x", PN),
    ("exp(-x^2)", "sp.exp(-x**2)", "x", PN),
    ("ln(x)", "sp.log(x)", "x", P1),
    ("sqrt(x)", "sp.sqrt(x)", "x", P1),
    ("1/x", "1/x", "x", PN),
    ("tan(x)", "sp.tan(x)", "x", ['-1.2', '0.4', '1.3']),
    ("sigmoid(x)", "sigmoid(x)", "x", PN),
    ("tanh(x)", "sp.tanh(x)", "x", PN),
    ("x^x", "x**x", "x", P1),
    ("2^x", "2**x", "x", PN),
    ("abs(x)", "sp.Abs(x)", "x", PN),
    ("relu(x)", "sp.Max(x, 0)", "x", PN),
    ("softplus(x)", "softplus(x)", "x", PN),
    ("sinh(x)cosh(x)", "sp.sinh(x)*sp.cosh(x)", "x", PN),
    ("x^(1/3)", "x**R(1, 3)", "x", P1),
    ("0.1x^3", "R(1, 10)*x**3", "x", PN),
    ("x/(x+1)", "x/(x+1)", "x", P1),
    ("e^(2x)", "sp.exp(2*x)", "x", PN),
    ("ln(x^2+1)", "sp.log(x**2+1)", "x", PN),
    ("sqrt(1+x^2)", "sp.sqrt(1+x**2)", "x", PN),
    ("sin(x)^2", "sp.sin(x)**2", "x", PN),
    ("exp(sin(x))", "sp.exp(sp.sin(x))", "x", PN),
    ("x^2 exp(-x)", "x**2*sp.exp(-x)", "x", PN),
    ("(x^2+1)/(x-2)", "(x**2+1)/(x-2)", "x", PN),
    ("sigmoid(2x-1)", "sigmoid(2*x-1)", "x", PN),
    ("tanh(x)^2", "sp.tanh(x)**2", "x", PN),
    ("x ln(x) - x", "x*sp.log(x)-x", "x", P1),
    ("cos(x)/x", "sp.cos(x)/x", "x", PN),
    ("1/(1+x^2)", "1/(1+x**2)", "x", PN),
    ("ln(sigmoid(x))", "sp.log(sigmoid(x))", "x", PN),
    ("softplus(-x) + x", "softplus(-x)+x", "x", PN),
    ("x^0.5 + x^1.5", "x**R(1, 2)+x**R(3, 2)", "x", P1),
    ("max(x^2, 1)", "sp.Max(x**2, 1)", "x", PN),
    ("min(sin(x), cos(x))", "sp.Min(sp.sin(x), sp.cos(x))", "x", PN),
    ("abs(x^2 - 1)", "sp.Abs(x**2-1)", "x", PN),
    ("x^-2 + 3/x^3", "x**-2+3/x**3", "x", PN),
    ("(1-x)^2 + 100(y-x^2)^2", "(1-x)**2+100*(y-x**2)**2", "x", P2),
    ("(1-x)^2 + 100(y-x^2)^2", "(1-x)**2+100*(y-x**2)**2", "y", P2),
    ("(x^2+y-11)^2+(x+y^2-7)^2", "(x**2+y-11)**2+(x+y**2-7)**2", "x", P2),
    ("(x^2+y-11)^2+(x+y^2-7)^2", "(x**2+y-11)**2+(x+y**2-7)**2", "y", P2),
    ("sin(x y) + cos(x + y)", "sp.sin(x*y)+sp.cos(x+y)", "x", P2),
    ("sin(x y) + cos(x + y)", "sp.sin(x*y)+sp.cos(x+y)", "y", P2),
    ("x^2 y + y^3", "x**2*y+y**3", "x", P2),
    ("x^2 y + y^3", "x**2*y+y**3", "y", P2),
    ("exp(-(x^2+y^2))", "sp.exp(-(x**2+y**2))", "x", P2),
    ("exp(-(x^2+y^2))", "sp.exp(-(x**2+y**2))", "y", P2),
    ("ln(x^2 + y^2)", "sp.log(x**2+y**2)", "x", P2),
    ("sqrt(x^2 + y^2)", "sp.sqrt(x**2+y**2)", "y", P2),
    ("x^y", "x**y", "x", PP),
    ("x^y", "x**y", "y", PP),
    ("sigmoid(x y)", "sigmoid(x*y)", "y", P2),
    ("0.5x^2 + 2y^2", "R(1, 2)*x**2+2*y**2", "y", P2),
    ("x^2 - y^2", "x**2-y**2", "y", P2),
    ("3(1-x)^2 exp(-x^2-(y+1)^2)", "3*(1-x)**2*sp.exp(-x**2-(y+1)**2)", "x", P2),
    ("3(1-x)^2 exp(-x^2-(y+1)^2)", "3*(1-x)**2*sp.exp(-x**2-(y+1)**2)", "y", P2),
    ("max(x, y)", "sp.Max(x, y)", "x", P2),
    ("max(x, y)", "sp.Max(x, y)", "y", P2),
    ("abs(x) + abs(y)", "sp.Abs(x)+sp.Abs(y)", "y", P2),
    ("softplus(x - y)", "softplus(x-y)", "y", P2),
    ("tanh(x + 2y)", "sp.tanh(x+2*y)", "y", P2),
    ("(x + y)^2 / (1 + x^2)", "(x+y)**2/(1+x**2)", "x", P2),
    ("sin(x) cos(y)", "sp.sin(x)*sp.cos(y)", "y", P2),
    ("x exp(y) - y ln(x)", "x*sp.exp(y)-y*sp.log(x)", "x", PP),
]

for ours, theirs, v, pts in rows:
    f = eval(theirs)
    d = sp.diff(f, {'x': x, 'y': y}[v])
    at, want = [], []
    for p in pts:
        if isinstance(p, tuple):
            sub = {x: R(p[0]), y: R(p[1])}
            at.append('{%s, %s}' % p)
        else:
            sub = {x: R(p)}
            at.append('{%s}' % p)
        want.append(repr(float(d.subs(sub).evalf(30))))
    print('\t\t{"%s", "%s", "sp.diff(%s, %s)",\n\t\t\t[][]float64{%s},\n\t\t\t[]float64{%s}},'
          % (ours, v, theirs, v, ', '.join(at), ', '.join(want)))
