"""Reference losses for lesson/nn's TestTrainMatchesNumPy.

Run with Debian's Python, which has NumPy:

    /usr/bin/python3 lesson/nn/testdata/train_ref.py

An independent NumPy training loop with TensorFlow Playground's semantics
(as core/nn documents them): the points in their order, one update per
batch of `batch` points (the last batch shorter), the gradient of the
batch's mean loss plus the penalty, w <- w - lr * gradient; for L1 a
weight that the penalty's part of the step carries across 0 stops at 0.
The initial parameters are the ones the lesson's network starts from
(core/nn Init(seed)), copied from its JSON export (`act("reset")`, then
exportText("json")) for the three settings below. Printed: the training
loss (the mean data loss over all points, no penalty) and accuracy after
each of 5 epochs.
"""
import numpy as np

# The custom points "x1,x2,class;..." of the test, in order.
POINTS = [(1.5, 2, 1), (-2, 1, 0), (0.5, -3, 1), (-4, -1.25, 0),
          (3, 3.5, 0), (-1, -0.5, 1), (2.25, -1, 0), (-3.5, 2.75, 1)]

FEATURES = {
    "x1": lambda x1, x2: x1, "x2": lambda x1, x2: x2,
    "x1x2": lambda x1, x2: x1 * x2, "sinx1": lambda x1, x2: np.sin(x1),
}
ACT = {  # (f, f')
    "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2),
    "sigmoid": (lambda z: 1 / (1 + np.exp(-z)),
                lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2),
    "elu": (lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0))),
            lambda z: np.where(z > 0, 1.0, np.exp(np.minimum(z, 0)))),
    "linear": (lambda z: z, lambda z: np.ones_like(z)),
}

CASES = [
    dict(name="tanh-mse-l2", features=["x1", "x2", "x1x2"], hidden="tanh", output="tanh",
         loss="mse", reg="l2", rate=0.01, lr=0.1, batch=3,
         W=[[[0.3051011415897358, 0.36254358523541985, 0.019719327337852977],
             [0.4351127777493077, -0.38719342150869174, 0.016674784977312784],
             [0.22189710757700387, 0.2966927132904993, 0.3465340758409887]],
            [[0.044544584382907315, 0.11720737514217838, 0.4481341439392573]]],
         b=[[0.1, 0.1, 0.1], [0.1]]),
    dict(name="sigmoid-softmax-l1", features=["x1", "x2"], hidden="sigmoid", output="linear",
         loss="ce", reg="l1", rate=0.05, lr=1.0, batch=4,
         W=[[[0.476128100477891, -0.41500405709291033], [0.11314110797567689, -0.2379499801867202],
             [-0.13213698108402827, 0.17007752187397185], [0.02681640499421556, -0.45681745017192954]],
            [[-0.4783188600464263, -0.4288980640502402, 0.4104273976569719, -0.3263003040237985],
             [0.3307235351546768, 0.032977258337290816, 0.22619926751958386, -0.1130089152247189]],
            [[0.22038599979197837, -0.3699788521684656], [0.12676516906191615, -0.45494005706888463]]],
         b=[[0.1] * 4, [0.1] * 2, [0.1] * 2]),
    dict(name="elu-bce", features=["x1", "x2", "sinx1"], hidden="elu", output="linear",
         loss="bce", reg="none", rate=0.0, lr=0.2, batch=5, W=None, b=None),  # filled below
]


def targets(case, cls):
    if case["loss"] == "mse":
        return np.where(cls == 1, 1.0, -1.0)[:, None]  # tanh output: labels -1/+1
    if case["loss"] == "bce":
        return cls.astype(float)[:, None]
    return np.eye(2)[cls]  # one-hot over two softmax outputs


def forward(case, W, b, X):
    a, zs, acts = X, [], [X]
    for l in range(len(W)):
        z = a @ W[l].T + b[l]
        f = ACT[case["hidden"] if l < len(W) - 1 else case["output"]][0]
        a = f(z)
        zs.append(z)
        acts.append(a)
    return zs, acts


def data_loss(case, s, T):
    if case["loss"] == "mse":
        return np.mean(np.sum(0.5 * (s - T) ** 2, axis=1))
    if case["loss"] == "bce":
        return np.mean(np.sum(np.logaddexp(0, s) - T * s, axis=1))
    m = s.max(axis=1, keepdims=True)
    lse = m + np.log(np.exp(s - m).sum(axis=1, keepdims=True))
    return np.mean(np.sum(T * (lse - s), axis=1))


def out_grad(case, s, T):
    """d loss / d s per example."""
    if case["loss"] == "mse":
        return s - T
    if case["loss"] == "bce":
        return 1 / (1 + np.exp(-s)) - T
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True) - T


def accuracy(case, s, cls):
    if s.shape[1] > 1:
        pred = s.argmax(axis=1)
    elif case["loss"] == "bce":
        pred = (s[:, 0] >= 0).astype(int)
    else:
        pred = (s[:, 0] >= 0).astype(int)  # middle of -1..1
    return np.mean(pred == cls)


def train(case, epochs=5):
    pts = np.array(POINTS, dtype=float)
    x1, x2, cls = pts[:, 0], pts[:, 1], pts[:, 2].astype(int)
    X = np.stack([FEATURES[f](x1, x2) for f in case["features"]], axis=1)
    T = targets(case, cls)
    W = [np.array(w, dtype=float) for w in case["W"]]
    b = [np.array(v, dtype=float) for v in case["b"]]
    lr, rate, n, bs = case["lr"], case["rate"], len(X), case["batch"]
    for epoch in range(1, epochs + 1):
        for lo in range(0, n, bs):
            xb, tb = X[lo:lo + bs], T[lo:lo + bs]
            zs, acts = forward(case, W, b, xb)
            L = len(W)
            d = out_grad(case, acts[-1], tb) * ACT[case["output"]][1](zs[-1])
            gW, gb = [None] * L, [None] * L
            for l in range(L - 1, -1, -1):
                gW[l] = d.T @ acts[l] / len(xb)
                gb[l] = d.mean(axis=0)
                if l > 0:
                    d = (d @ W[l]) * ACT[case["hidden"]][1](zs[l - 1])
            for l in range(L):
                if case["reg"] == "l2":
                    W[l] = W[l] - lr * (gW[l] + rate * W[l])
                elif case["reg"] == "l1":
                    data = W[l] - lr * gW[l]
                    full = W[l] - lr * (gW[l] + rate * np.sign(W[l]))
                    W[l] = np.where(data * full < 0, 0.0, full)
                else:
                    W[l] = W[l] - lr * gW[l]
                b[l] = b[l] - lr * gb[l]
        _, acts = forward(case, W, b, X)
        print(f"{case['name']} epoch {epoch}: loss {data_loss(case, acts[-1], T)!r} "
              f"acc {accuracy(case, acts[-1], cls)!r}")


CASES[2]["W"] = [[[-0.2501952680655811, 0.011691463709141536, 0.41215761190066114],
                  [-0.44984467676671835, 0.3353251452584727, 0.09310548593005219],
                  [0.2658164011346187, -0.012899480211868153, 0.3690388840864025]],
                 [[-0.41712836730489045, 0.254008257341382, 0.05433111599064877]]]
CASES[2]["b"] = [[0.1] * 3, [0.1]]

for c in CASES:
    train(c)
