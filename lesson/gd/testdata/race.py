# Reference values for gd_test.go and the choice of the 2d presets,
# computed independently of the Go code with numpy.
# Run: /usr/bin/python3 testdata/race.py
#
# The optimizers follow core/optim (PyTorch's conventions): momentum
# v <- beta*v + g, x <- x - lr*v; Nesterov with the gradient at the
# look-ahead point x - lr*beta*v; RMSProp s <- rho*s + (1-rho)*g^2,
# x <- x - lr*g/(sqrt(s)+eps); Adam (Kingma & Ba, Algorithm 1).
import numpy as np

np.set_printoptions(precision=17)


def make(name, lr, beta=0.9, rho=0.9, b1=0.9, b2=0.999, eps=1e-8):
    v = np.zeros(2)
    m = np.zeros(2)
    s = np.zeros(2)
    t = 0

    def step(x, grad):
        nonlocal v, m, s, t
        if name == "gd":
            return x - lr * grad(x)
        if name == "momentum":
            v = beta * v + grad(x)
            return x - lr * v
        if name == "nesterov":
            g = grad(x - lr * beta * v)
            v = beta * v + g
            return x - lr * v
        if name == "rmsprop":
            g = grad(x)
            s = rho * s + (1 - rho) * g * g
            return x - lr * g / (np.sqrt(s) + eps)
        g = grad(x)
        t += 1
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        return x - lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)

    return step


PRESETS = {
    "bowl": (lambda p: p[0]**2 + p[1]**2, lambda p: np.array([2 * p[0], 2 * p[1]])),
    "ellipse": (lambda p: p[0]**2 + 10 * p[1]**2, lambda p: np.array([2 * p[0], 20 * p[1]])),
    "rosenbrock": (lambda p: (1 - p[0])**2 + 100 * (p[1] - p[0]**2)**2,
                   lambda p: np.array([-2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0]**2), 200 * (p[1] - p[0]**2)])),
    "himmelblau": (lambda p: (p[0]**2 + p[1] - 11)**2 + (p[0] + p[1]**2 - 7)**2,
                   lambda p: np.array([4 * p[0] * (p[0]**2 + p[1] - 11) + 2 * (p[0] + p[1]**2 - 7),
                                       2 * (p[0]**2 + p[1] - 11) + 4 * p[1] * (p[0] + p[1]**2 - 7)])),
    "saddle": (lambda p: p[0]**2 + p[1]**4 / 4 - p[1]**2 / 2, lambda p: np.array([2 * p[0], p[1]**3 - p[1]])),
    "plateau": (lambda p: 1 - np.exp(-(p[0]**2 + p[1]**2) / 2), lambda p: np.exp(-(p[0]**2 + p[1]**2) / 2) * p),
}
STARTS = {"bowl": ((-2.5, 2), 0.1), "ellipse": ((-2.5, 1.5), 0.065), "rosenbrock": ((-1.5, 2), 0.001),
          "himmelblau": ((0, 0), 0.01), "saddle": ((-2.5, 0.01), 0.05), "plateau": ((-3.5, 2.5), 0.5)}
NAMES = ["gd", "momentum", "nesterov", "rmsprop", "adam"]

# The race of every preset from its start, with eps = 1e-4 and at most
# 20000 steps: where each optimizer stops and after how many steps. The
# last run is the ellipse with a larger lr, where Nesterov diverges.
for preset, (start, lr) in list(STARTS.items()) + [("ellipse", ((-2.5, 1.5), 0.09))]:
    f, grad = PRESETS[preset]
    print(preset, start, "lr", lr)
    for name in NAMES:
        step = make(name, lr)
        x = np.array(start, float)
        k, status = 0, "max_iter"
        while True:
            if not np.all(np.isfinite(x)) or np.abs(x).max() > 1e6:
                status = "diverged"
                break
            if np.linalg.norm(grad(x)) < 1e-4:
                status = "converged"
                break
            if k == 20000:
                break
            x = step(x, grad)
            k += 1
        print(f"  {name:9s} {status:9s} after {k:5d}: x = {x}")

# TestRosenbrockRace: gd and adam after 100 and 1000 steps on Rosenbrock
# from (-1.5, 2) with lr = 0.001.
f, grad = PRESETS["rosenbrock"]
for name in ["gd", "adam"]:
    step = make(name, 0.001)
    x = np.array([-1.5, 2.0])
    for k in range(1, 1001):
        x = step(x, grad)
        if k in (100, 1000):
            print(name, k, repr(x[0]), repr(x[1]), repr(f(x)), repr(np.linalg.norm(grad(x))))
