# Reference AR fits for ar_test.go, with numpy's least squares.
# Run: /usr/bin/python3 testdata/ar.py
#
# Series s_i = sin(0.7 i) + ((7i mod 5) - 2)/10; AR(tau) has one row
# [1, s_{t-1}, ..., s_{t-tau}] and right-hand side s_t per t = tau..n-1,
# solved by numpy.linalg.lstsq(X, y, rcond=None), the minimum-norm
# solution when the rows are too few.
import numpy as np


def series(n):
    return np.array([np.sin(0.7 * i) + ((7 * i) % 5 - 2) / 10 for i in range(n)])


def fit(s, tau):
    X = np.array([[1.0] + [s[t - i] for i in range(1, tau + 1)] for t in range(tau, len(s))])
    return np.linalg.lstsq(X, s[tau:], rcond=None)[0]


for n, tau in [(30, 3), (30, 1), (5, 3)]:
    beta = fit(series(n), tau)
    print(f"n={n} tau={tau} intercept, coef:", ", ".join("%.17g" % b for b in beta))
