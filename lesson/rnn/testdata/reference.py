#!/usr/bin/python3
"""Reference values for lesson/rnn's tests, computed with numpy
(run: /usr/bin/python3 lesson/rnn/testdata/reference.py).

The net is the one the lesson builds for
    view=unroll|gradients, task=sine, hidden=3, seq_len=6, rho=0.9,
    activation=tanh, seed=1
(weights, inputs and targets printed by Go with %.17g: b = c = 0), on its
first training sequence. BPTT is written out here independently of
core/rnn and checked by central differences.
"""
import numpy as np

Wx = np.array([1.854367176076388, -1.4632125152520081, -0.71764789975422971]).reshape(3, 1)
Wh = np.array([-0.23602628603763592, 0.71101094738997084, 0.050701698192724007,
               -0.33449064189040734, -0.36687979309278129, 0.9147509729847545,
               0.49207349840737563, 0.16923627464703764, -0.67362344915074313]).reshape(3, 3)
Wy = np.array([0.91876552906031106, 0.69172986124233005, -0.32359460266779583]).reshape(1, 3)
b = np.zeros(3)
c = np.zeros(1)
xs = np.array([-0.68775715876968158, -0.8973073607554779, -0.85246780506985531,
               -0.97778664070251242, -0.85432012844283267, -0.74366030726313692])
tg = np.array([-0.8973073607554779, -0.85246780506985531, -0.97778664070251242,
               -0.85432012844283267, -0.74366030726313692, -0.53602162610763571])
T = len(xs)


def forward(p):
    Wx, Wh, b, Wy, c = p
    h = np.zeros(3)
    zs, hs, ys = [], [], []
    for t in range(T):
        z = Wx[:, 0] * xs[t] + Wh @ h + b
        h = np.tanh(z)
        zs.append(z)
        hs.append(h)
        ys.append((Wy @ h + c)[0])
    return zs, hs, np.array(ys)


def loss(p, last):
    _, _, ys = forward(p)
    if last:
        return 0.5 * (ys[-1] - tg[-1]) ** 2
    return np.mean(0.5 * (ys - tg) ** 2)


def bptt(p, last):
    Wx, Wh, b, Wy, c = p
    zs, hs, ys = forward(p)
    dy = np.zeros(T)
    if last:
        dy[-1] = ys[-1] - tg[-1]
    else:
        dy = (ys - tg) / T
    g = [None] * T
    nxt = np.zeros(3)
    for t in reversed(range(T)):
        g[t] = Wy[0] * dy[t] + nxt
        delta = (1 - hs[t] ** 2) * g[t]
        nxt = Wh.T @ delta
    dWx, dWh, db = np.zeros((3, 1)), np.zeros((3, 3)), np.zeros(3)
    dWy, dc = np.zeros((1, 3)), np.zeros(1)
    for t in range(T):
        delta = (1 - hs[t] ** 2) * g[t]
        dWx[:, 0] += delta * xs[t]
        if t > 0:
            dWh += np.outer(delta, hs[t - 1])
        db += delta
        dWy[0] += dy[t] * hs[t]
        dc += dy[t]
    return [np.linalg.norm(v) for v in g], [dWx, dWh, db, dWy, dc]


def flat(p):
    return np.concatenate([a.ravel() for a in p])


def unflat(v):
    shapes = [(3, 1), (3, 3), (3,), (1, 3), (1,)]
    out, i = [], 0
    for s in shapes:
        n = int(np.prod(s))
        out.append(v[i:i + n].reshape(s))
        i += n
    return out


p0 = [Wx, Wh, b, Wy, c]
for last in (True, False):
    _, grads = bptt(p0, last)
    v, h = flat(p0), 1e-6
    fd = np.array([(loss(unflat(v + h * e), last) - loss(unflat(v - h * e), last)) / (2 * h) for e in np.eye(len(v))])
    assert np.max(np.abs(fd - flat(grads))) < 1e-8 * np.max(np.abs(flat(grads)))

print("gradients view (loss on the last output):")
norms, grads = bptt(p0, True)
print("  loss", repr(loss(p0, True)))
print("  grad norms", [repr(x) for x in norms])
print("  grad_ratio", repr(norms[0] / norms[-1]))
print("  grad_norm", repr(np.linalg.norm(flat(grads))))
print("  spectral radius", repr(max(abs(np.linalg.eigvals(Wh)))))

print("unroll view (mean over the steps), one step with clip 1, lr 0.1:")
norms, grads = bptt(p0, False)
print("  loss", repr(loss(p0, False)))
print("  grad_first", repr(norms[0]), "grad_last", repr(norms[-1]), "grad_ratio", repr(norms[0] / norms[-1]))
g = flat(grads)
n = np.linalg.norm(g)
print("  grad_norm", repr(n))
step = g * min(1, 1 / n)
p1 = unflat(flat(p0) - 0.1 * step)
print("  loss after the step", repr(loss(p1, False)))
