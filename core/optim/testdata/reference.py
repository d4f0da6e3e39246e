# Reference iterates for optim_test.go, computed independently with numpy.
# Run: /usr/bin/python3 testdata/reference.py
#
# f(x) = ½ xᵀAx, ∇f(x) = Ax, from x0 with lr = 0.1 and the package's
# default hyper-parameters; prints the first three iterates of each method.
import numpy as np

np.set_printoptions(precision=17)
A = np.array([[3.0, 0.5], [0.5, 1.0]])
x0 = np.array([1.5, -1.0])
lr, beta, rho, b1, b2, eps = 0.1, 0.9, 0.9, 0.9, 0.999, 1e-8
grad = lambda x: A @ x


def gd(x):
    for _ in range(3):
        x = x - lr * grad(x)
        yield x


def momentum(x):  # torch.optim.SGD(momentum=beta)
    v = np.zeros_like(x)
    for _ in range(3):
        v = beta * v + grad(x)
        x = x - lr * v
        yield x


def nesterov(x):  # gradient at the look-ahead point
    v = np.zeros_like(x)
    for _ in range(3):
        g = grad(x - lr * beta * v)
        v = beta * v + g
        x = x - lr * v
        yield x


def nesterov_torch(p):  # torch.optim.SGD(momentum=beta, nesterov=True)
    b = np.zeros_like(p)
    for _ in range(3):
        g = grad(p)
        b = beta * b + g
        p = p - lr * (g + beta * b)
        yield p, b


def rmsprop(x):  # torch.optim.RMSprop(alpha=rho)
    s = np.zeros_like(x)
    for _ in range(3):
        g = grad(x)
        s = rho * s + (1 - rho) * g * g
        x = x - lr * g / (np.sqrt(s) + eps)
        yield x


def adam(x):  # Kingma & Ba, Algorithm 1
    m = np.zeros_like(x)
    v = np.zeros_like(x)
    for t in range(1, 4):
        g = grad(x)
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        mh = m / (1 - b1**t)
        vh = v / (1 - b2**t)
        x = x - lr * mh / (np.sqrt(vh) + eps)
        yield x


# PyTorch's Nesterov iterate p is our look-ahead point x - lr*beta*v.
v = np.zeros_like(x0)
x = x0.copy()
for p, b in nesterov_torch(x0.copy()):
    g = grad(x - lr * beta * v)
    v = beta * v + g
    x = x - lr * v
    assert np.allclose(b, v, rtol=1e-15, atol=1e-15)
    assert np.allclose(p, x - lr * beta * v, rtol=1e-15, atol=1e-15)

for name, f in [("gd", gd), ("momentum", momentum), ("nesterov", nesterov),
                ("rmsprop", rmsprop), ("adam", adam)]:
    print('{"%s", [][2]float64{%s}},' % (name, ", ".join(
        "{%r, %r}" % (float(x[0]), float(x[1])) for x in f(x0.copy()))))
