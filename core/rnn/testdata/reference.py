# Reference values for rnn_test.go (TestSympyReference), computed
# independently of the Go code: sympy differentiates the loss of a small
# net written out symbolically, in exact rational arithmetic, and the
# results are evaluated to 30 digits and rounded to float64.
# Run: /usr/bin/python3 testdata/reference.py
#
# Net: In = 2, Hidden = 3, Out = 2, T = 4, h_0 = 0,
#   z_t = Wx x_t + Wh h_{t-1} + b,  h_t = phi(z_t),  y_t = Wy h_t + c.
# Weights, flat in the order Wx, Wh, b, Wy, c (row-major):
#   w[k] = ((7k mod 11) - 5)/10
# Inputs x_t[j] = ((3t + 5j) mod 7 - 3)/4, targets tg_t[o] = ((5t + 3o) mod 9 - 4)/5
# for t = 0..3 (0-based steps), except that step 1 has no target.
# SeqMSE: L = (1/m) sum_{t with target} 1/2 |y_t - tg_t|^2, m = 3.
# LastMSE: L = 1/2 |y_3 - tg_3|^2.
# dh_t = dL/dh_t is found by adding a symbol e_t to h_t and
# differentiating at e = 0.
# Truncated BPTT with k steps: the loss term at step s sees the graph only
# through steps s-k+1..s; h_{s-k} (0-based, when s-k >= 0) enters as the
# number the forward pass computed, not as a function of the weights. Its
# dh_t sums d(term s)/dh_t over t <= s <= t+k-1, through the full graph.
import mpmath
import sympy as sp

mpmath.mp.dps = 30

In, H, Out, T = 2, 3, 2, 4
n = H * In + H * H + H + Out * H + Out
W = sp.symbols(f"w0:{n}")
wval = {W[k]: sp.Rational((7 * k) % 11 - 5, 10) for k in range(n)}
E = [sp.symbols(f"e{t}_0:{H}") for t in range(T)]
e0 = {e: 0 for row in E for e in row}
X = [sp.Matrix([sp.Rational((3 * t + 5 * j) % 7 - 3, 4) for j in range(In)]) for t in range(T)]
TG = [sp.Matrix([sp.Rational((5 * t + 3 * o) % 9 - 4, 5) for o in range(Out)]) for t in range(T)]
TG[1] = None
PHI = {
    "tanh": sp.tanh,
    "relu": lambda z: sp.Max(z, 0),
    "sigmoid": lambda z: 1 / (1 + sp.exp(-z)),
    "linear": lambda z: z,
}


def unpack(w):
    i = 0
    Wx = sp.Matrix(H, In, w[i:i + H * In]); i += H * In
    Wh = sp.Matrix(H, H, w[i:i + H * H]); i += H * H
    b = sp.Matrix(w[i:i + H]); i += H
    Wy = sp.Matrix(Out, H, w[i:i + Out * H]); i += Out * H
    c = sp.Matrix(w[i:i + Out])
    return Wx, Wh, b, Wy, c


def forward(phi, w, h0=None, t0=0, perturb=True):
    """States h_t and outputs y_t for t = t0..T-1, starting from h0."""
    Wx, Wh, b, Wy, c = unpack(w)
    h = h0 if h0 is not None else sp.zeros(H, 1)
    hs, ys = {}, {}
    for t in range(t0, T):
        z = Wx * X[t] + Wh * h + b
        h = z.applyfunc(phi)
        if perturb:
            h = h + sp.Matrix(E[t])
        hs[t], ys[t] = h, Wy * h + c
    return hs, ys


def term(y, tg):
    r = y - tg
    return (r.T * r)[0] / 2


SYMS = list(W) + [e for row in E for e in row]
ARGS = [mpmath.mpf(wval[w].p) / wval[w].q for w in W] + [mpmath.mpf(0)] * (T * H)


def nums(xs):
    """Values of the expressions xs at the weights above and e = 0, to 30
    digits (mpmath), rounded to float64."""
    f = sp.lambdify(SYMS, list(xs), modules="mpmath", cse=True)
    return [float(v) for v in f(*ARGS)]


def num(x):
    return nums([x])[0]


def fmt(xs):
    return "{" + ", ".join("%.17g" % v for v in xs) + "}"


def grads(L):
    return nums([sp.diff(L, w) for w in W]), nums([sp.diff(L, e) for row in E for e in row])


m = sum(tg is not None for tg in TG)
for name, phi in PHI.items():
    hs, ys = forward(phi, W)
    L = sum(term(ys[t], TG[t]) for t in range(T) if TG[t] is not None) / m
    print(name)
    print("  h", fmt(nums([v for t in range(T) for v in hs[t]])))
    print("  y", fmt(nums([v for t in range(T) for v in ys[t]])))
    print("  seq loss", "%.17g" % num(L))
    dw, dh = grads(L)
    print("  seq dw", fmt(dw))
    print("  seq dh", fmt(dh))
    if name != "tanh":
        continue

    # Loss on the last output only.
    Llast = term(ys[T - 1], TG[T - 1])
    print("  last loss", "%.17g" % num(Llast))
    dw, dh = grads(Llast)
    print("  last dw", fmt(dw))
    print("  last dh", fmt(dh))

    # Truncated BPTT, k = 2.
    k = 2
    hnum, _ = forward(phi, W, perturb=False)
    hnum = {t: sp.Matrix([sp.Float(v, 30) for v in nums(h)]) for t, h in hnum.items()}
    Lcut = 0
    for s in range(T):
        if TG[s] is None:
            continue
        t0 = max(0, s - k + 1)
        h0 = hnum[t0 - 1] if t0 > 0 else None
        _, ycut = forward(phi, W, h0=h0, t0=t0, perturb=False)
        Lcut += term(ycut[s], TG[s]) / m
    dw = nums([sp.diff(Lcut, w) for w in W])
    dh = []
    for t in range(T):
        Lt = sum(term(ys[s], TG[s]) for s in range(t, min(T, t + k)) if TG[s] is not None) / m
        dh += nums([sp.diff(Lt, e) for e in E[t]])
    print("  trunc2 dw", fmt(dw))
    print("  trunc2 dh", fmt(dh))
