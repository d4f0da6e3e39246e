"""Reference values for core/nn's TestActivationValues.

    /usr/bin/python3 core/nn/testdata/activations.py

phi and phi' of every activation at a few points. GELU is the exact,
erf-based z * Phi(z) with Phi = scipy.special.ndtr (and, as a check, the
erf form); its derivative Phi(z) + z * scipy.stats.norm.pdf(z). The others
are SymPy's at 60 digits (1 - tanh(30)**2 needs more than 26),
derivatives from sympy.diff of the same formula.
"""
import numpy as np
import scipy.special as sc
import scipy.stats as st
import sympy as sp

Z = [-10.0, -3.0, -0.5, 0.7, 2.5, 30.0]
x = sp.Symbol("x", real=True)
SYM = {
    "linear": x,
    "sigmoid": 1 / (1 + sp.exp(-x)),
    "tanh": sp.tanh(x),
    "relu": sp.Max(0, x),
    "leaky-relu": sp.Piecewise((x, x > 0), (sp.Rational(1, 100) * x, True)),
    "elu": sp.Piecewise((x, x > 0), (sp.exp(x) - 1, True)),
    "softplus": sp.log(1 + sp.exp(x)),
}
for name, f in SYM.items():
    d = sp.diff(f, x)
    F = [float(f.subs(x, sp.Float(z, 60)).evalf(60)) for z in Z]
    D = [float(d.subs(x, sp.Float(z, 60)).evalf(60)) for z in Z]
    print(f'{{{name!r}, {F!r}, {D!r}}},'.replace("'", '"'))

z = np.array(Z)
F = z * sc.ndtr(z)
assert np.allclose(F[1:], 0.5 * z[1:] * (1 + sc.erf(z[1:] / np.sqrt(2))), rtol=1e-12, atol=0)  # the erf form loses digits in the left tail
D = sc.ndtr(z) + z * st.norm.pdf(z)
print(f'{{"gelu", {list(map(float, F))!r}, {list(map(float, D))!r}}},')
