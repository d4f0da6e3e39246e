"""Reference values for core/nn's TestReference.

Run with Debian's Python, which has NumPy and SymPy:

    /usr/bin/python3 core/nn/testdata/reference.py

A fixed 2-3-2 network on a batch of two examples. The objective
J = mean over examples of the loss + rate * penalty is written out
symbolically in SymPy, differentiated with sympy.diff (no hand-written
backpropagation), and evaluated at 30 digits; the forward values are
checked against a plain NumPy forward pass (but for GELU, which NumPy
lacks). Parameters are listed in core/nn's Params order: W0 (3x2,
row-major), b0, W1 (2x3), b1.
"""
import numpy as np
import sympy as sp

W0 = [[0.3, -0.7], [0.9, 0.2], [-0.4, 0.6]]
b0 = [0.1, -0.2, 0.05]
W1 = [[0.5, -0.8, 0.35], [-0.6, 0.25, 0.9]]
b1 = [0.02, -0.1]
X = [[0.5, -1.2], [-0.3, 0.8]]  # one row per example
PARAMS = [v for row in W0 for v in row] + b0 + [v for row in W1 for v in row] + b1

ACT = {
    "linear": lambda z: z,
    "sigmoid": lambda z: 1 / (1 + sp.exp(-z)),
    "tanh": sp.tanh,
    "leaky-relu": lambda z: sp.Piecewise((z, z > 0), (sp.Rational(1, 100) * z, True)),
    "elu": lambda z: sp.Piecewise((z, z > 0), (sp.exp(z) - 1, True)),
    "softplus": lambda z: sp.log(1 + sp.exp(z)),
    # exact GELU: z * Phi(z), Phi(z) = (1 + erf(z/sqrt 2))/2
    "gelu": lambda z: z * (1 + sp.erf(z / sp.sqrt(2))) / 2,
}
NP_ACT = {
    "linear": lambda z: z,
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "tanh": np.tanh,
    "leaky-relu": lambda z: np.where(z > 0, z, 0.01 * z),
    "elu": lambda z: np.where(z > 0, z, np.expm1(z)),
    "softplus": lambda z: np.log1p(np.exp(z)),
}

CASES = [
    # hidden, output, loss, reg, rate, targets (one row per example)
    ("tanh", "tanh", "mse", "l2", 0.01, [[0.6, -0.4], [-0.9, 0.2]]),
    ("gelu", "linear", "ce", "l1", 0.003, [[1, 0], [0, 1]]),
    ("softplus", "linear", "bce", "none", 0, [[0.8, 0.1], [0.3, 1]]),
    ("leaky-relu", "sigmoid", "mse", "l1", 0.02, [[1, 0], [0, 1]]),
    ("elu", "tanh", "mse", "none", 0, [[0.6, -0.4], [-0.9, 0.2]]),
]


def objective(theta, hidden, output, loss, reg, rate, T):
    w0 = sp.Matrix(3, 2, theta[0:6])
    c0 = sp.Matrix(theta[6:9])
    w1 = sp.Matrix(2, 3, theta[9:15])
    c1 = sp.Matrix(theta[15:17])
    total, outs = 0, []
    for x, t in zip(X, T):
        a0 = sp.Matrix([sp.Rational(str(v)) for v in x])
        a1 = (w0 * a0 + c0).applyfunc(ACT[hidden])
        s = (w1 * a1 + c1).applyfunc(ACT[output])
        outs.append(list(s))
        t = [sp.Rational(str(v)) for v in t]
        if loss == "mse":
            total += sum((s[k] - t[k]) ** 2 for k in range(2)) / 2
        elif loss == "bce":
            total += sum(sp.log(1 + sp.exp(s[k])) - t[k] * s[k] for k in range(2))
        else:  # ce
            lse = sp.log(sum(sp.exp(s[k]) for k in range(2)))
            total += sum(t[k] * (lse - s[k]) for k in range(2))
    weights = theta[0:6] + theta[9:15]
    pen = {"none": 0, "l1": sum(sp.Abs(w) for w in weights),
           "l2": sum(w ** 2 for w in weights) / 2}[reg]
    data = total / len(X)
    return data, data + sp.Rational(str(rate)) * pen, outs


def numpy_forward(hidden, output):
    a1 = NP_ACT[hidden](np.array(X) @ np.array(W0).T + b0) if hidden in NP_ACT else None
    if a1 is None:
        return None
    return NP_ACT[output](a1 @ np.array(W1).T + b1)


theta = sp.symbols("p0:17", real=True)
subs = {th: sp.Rational(str(v)) for th, v in zip(theta, PARAMS)}
for hidden, output, loss, reg, rate, T in CASES:
    data, J, outs = objective(list(theta), hidden, output, loss, reg, rate, T)
    s = [[float(v.evalf(30, subs=subs)) for v in row] for row in outs]
    ref = numpy_forward(hidden, output)
    if ref is not None:
        assert np.allclose(ref, s, rtol=1e-14, atol=0), (ref, s)
    grad = [float(sp.diff(J, th).evalf(30, subs=subs)) for th in theta]
    print(f"// {hidden}/{output}/{loss}/{reg} {rate}")
    print("s (rows = examples):", repr(s))
    print("loss:", repr(float(data.evalf(30, subs=subs))))
    print("objective:", repr(float(J.evalf(30, subs=subs))))
    print("grad:", repr(grad))
