"""Exercise 5's oracles: independent of every solution.

Convolutions come from `scipy.signal.correlate2d` / `convolve2d`, one
(image, input channel, output channel) at a time; pooling from a plain loop
over the output positions; gradients of pooling from central differences.
tests/test_ex5_cnn.py checks these against TensorFlow and finite
differences. SciPy is imported only when a check needs it.
"""
import numpy as np

from ..oracles import numerical_gradient


def correlate(X, K, b, stride, pad_width):
    """Cross-correlation of X (N, H, W, C_in) with K (kh, kw, C_in, C_out), plus b."""
    from scipy.signal import correlate2d

    X = np.pad(np.asarray(X, dtype=float), ((0, 0), *pad_width, (0, 0)))
    K, b = np.asarray(K, dtype=float), np.asarray(b, dtype=float)
    n_images, (kh, kw, c_in, c_out) = len(X), K.shape
    maps = [[sum(correlate2d(X[n, :, :, c], K[:, :, c, d], mode="valid")
                 for c in range(c_in))[::stride, ::stride] + b[d]
             for d in range(c_out)] for n in range(n_images)]
    return np.array(maps).transpose(0, 2, 3, 1)        # (N, C_out, H, W) -> (N, H, W, C_out)


def conv2d(X, K, b, stride, padding):
    return correlate(X, K, b, stride, ((padding, padding), (padding, padding)))


def conv_grads(X, K, output_error):
    """(dE/dX, dE/dK, dE/db) for Y = conv2d(X, K, b, stride 1, no padding).

    dK[:, :, c, d] = sum over n of correlate2d(X[n, :, :, c], G[n, :, :, d], "valid");
    dX[n, :, :, c] = sum over d of convolve2d(G[n, :, :, d], K[:, :, c, d], "full");
    db[d] = sum of G[..., d].
    """
    from scipy.signal import convolve2d, correlate2d

    X, K = np.asarray(X, float), np.asarray(K, float)
    G = np.asarray(output_error, float)
    n_images, c_in, c_out = len(X), K.shape[2], K.shape[3]
    dK = np.array([[sum(correlate2d(X[n, :, :, c], G[n, :, :, d], mode="valid")
                        for n in range(n_images)) for d in range(c_out)]
                   for c in range(c_in)]).transpose(2, 3, 0, 1)   # -> (kh, kw, C_in, C_out)
    dX = np.array([[sum(convolve2d(G[n, :, :, d], K[:, :, c, d], mode="full")
                        for d in range(c_out)) for c in range(c_in)]
                   for n in range(n_images)]).transpose(0, 2, 3, 1)
    return dX, dK, G.sum(axis=(0, 1, 2))


def dX_unflipped(K, G):
    """dE/dX computed with the kernel not flipped (a classic mistake)."""
    from scipy.signal import correlate2d

    G, K = np.asarray(G, float), np.asarray(K, float)
    return np.array([[sum(correlate2d(G[n, :, :, d], K[:, :, c, d], mode="full")
                          for d in range(K.shape[3])) for c in range(K.shape[2])]
                     for n in range(len(G))]).transpose(0, 2, 3, 1)


def avgpool(X, size, stride):
    """Mean of every size x size window at the given stride (valid windows only)."""
    X = np.asarray(X, float)
    N, H, W, C = X.shape
    rows, cols = range(0, H - size + 1, stride), range(0, W - size + 1, stride)
    out = np.empty((N, len(rows), len(cols), C))
    for a, top in enumerate(rows):
        for c, left in enumerate(cols):
            out[:, a, c, :] = X[:, top:top + size, left:left + size, :].mean(axis=(1, 2))
    return out


def avgpool_grad(output_error, input_shape, size, stride):
    """dE/dX of E = sum(avgpool(X) * output_error); E is linear in X, so this is exact."""
    G = np.asarray(output_error, float)
    return numerical_gradient(lambda x: np.sum(avgpool(x, size, stride) * G),
                              np.zeros(tuple(input_shape)), h=1.0)
