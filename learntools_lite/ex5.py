"""Exercise 5, "Convolutional networks": the questions and their checkers.

    from learntools_lite.core import binder; binder.bind(globals())
    from learntools_lite.ex5 import *

The oracles are independent of the solutions: window positions are counted
with `range`, convolutions come from `scipy.signal.correlate2d` one channel
pair at a time, pooling from a reshape, max pooling's gradient from finite
differences, the convolution's gradients from `correlate2d`/`convolve2d` (checked
against finite differences in tests/test_ex5.py), and the parameter count from
Keras's own `count_params()`. SciPy and Keras are imported only when a check
needs them.
"""
import functools
import math

import numpy as np

from .core import (FunctionQuestion, Mistake, Multipart, MultipleChoice, Question,
                   ValueQuestion, register)
from .core.blank import ____  # noqa: F401  (exported for the notebook)
from .core.safe import describe_error, type_name
from .core.verdict import Incorrect
from .messages import text
from .oracles import numerical_gradient

# ---- q_1: the output-size formula -------------------------------------------


def _count_positions(n, k, s, p):
    # where can a k-wide window start on n + 2p pixels, moving s at a time?
    return len(range(0, n + 2 * p - k + 1, s))


def _size_case(rng):
    k, s, p = (int(v) for v in (rng.integers(1, 8), rng.integers(1, 4), rng.integers(0, 3)))
    return int(rng.integers(max(k, 5), 40)), k, s, p


q_1 = FunctionQuestion(
    var="conv_output_size",
    oracle=_count_positions,
    cases=[(28, 3, 1, 0), (28, 3, 1, 1), (28, 5, 2, 2), (8, 3, 2, 1), (224, 7, 2, 3),
           (32, 4, 3, 0)],
    random_cases=_size_case,
    mistakes=[
        Mistake("`{name}` forgot the +1: a window that fits exactly (n = k) still gives "
                "one output, so the count is floor((n + 2p - k) / s) + 1.",
                wrong=lambda n, k, s, p: (n + 2 * p - k) // s),
        Mistake("`{name}` pads only one side: padding p adds p pixels on EACH side, "
                "so the padded size is n + 2p, not n + p.",
                wrong=lambda n, k, s, p: (n + p - k) // s + 1),
        Mistake("`{name}` rounds up (ceil); a window that would stick out past the edge "
                "is not used, so round down: floor((n + 2p - k) / s) + 1.",
                wrong=lambda n, k, s, p: math.ceil((n + 2 * p - k) / s) + 1),
        Mistake("`{name}` uses true division `/`, which gives a fraction when s does not "
                "divide n + 2p - k; use floor division `//`.",
                wrong=lambda n, k, s, p: (n + 2 * p - k) / s + 1),
        Mistake("`{name}` ignores the stride: with stride s the window jumps s pixels, "
                "so divide (n + 2p - k) by s.",
                wrong=lambda n, k, s, p: n + 2 * p - k + 1),
    ],
    hints=[
        "Pad first: the image is n + 2p pixels wide. The first window starts at 0, the "
        "last one must start no later than n + 2p - k.",
        "Starts 0, s, 2s, ... up to n + 2p - k: that is (n + 2*p - k) // s + 1 of them.",
    ],
)

# ---- q_2: a Conv2D forward pass -----------------------------------------------


def _correlate(X, K, b, stride, pad_width):
    """Cross-correlation, one (image, input channel, output channel) at a time."""
    from scipy.signal import correlate2d

    X = np.pad(np.asarray(X, dtype=float), ((0, 0), *pad_width, (0, 0)))
    K, b = np.asarray(K, dtype=float), np.asarray(b, dtype=float)
    n_images, (kh, kw, c_in, c_out) = len(X), K.shape
    maps = [[sum(correlate2d(X[n, :, :, c], K[:, :, c, d], mode="valid")
                 for c in range(c_in))[::stride, ::stride] + b[d]
             for d in range(c_out)] for n in range(n_images)]
    return np.array(maps).transpose(0, 2, 3, 1)        # (N, C_out, H, W) -> (N, H, W, C_out)


def _conv2d(X, K, b, stride, padding):
    return _correlate(X, K, b, stride, ((padding, padding), (padding, padding)))


def _conv_case(rng, square=True):
    n, c_in, c_out = int(rng.integers(1, 3)), int(rng.integers(2, 4)), int(rng.integers(1, 4))
    k, stride, padding = int(rng.integers(1, 4)), int(rng.integers(1, 3)), int(rng.integers(0, 2))
    h, w = (int(v) for v in rng.integers(k + 1, 9, size=2))
    return (rng.normal(size=(n, h, w, c_in)), rng.normal(size=(k, k, c_in, c_out)),
            rng.normal(size=c_out), stride, padding)


def _conv_cases():
    rng = np.random.default_rng(5)
    return [(rng.normal(size=(2, 5, 5, 2)), rng.normal(size=(3, 3, 2, 3)), rng.normal(size=3),
             1, 0),
            (rng.normal(size=(1, 6, 7, 3)), rng.normal(size=(3, 3, 3, 2)), rng.normal(size=2),
             2, 1)]


q_2 = FunctionQuestion(
    var="conv2d_forward",
    oracle=_conv2d,
    cases=_conv_cases,
    random_cases=_conv_case,
    rtol=1e-4, atol=1e-6,
    mistakes=[
        Mistake("`{name}` flips the kernel: that is a true convolution. Keras's Conv2D "
                "(and this question) computes a cross-correlation: "
                "sum of X[h*s + i, w*s + j] * K[i, j], with no flip.",
                wrong=lambda X, K, b, s, p: _conv2d(X, K[::-1, ::-1], b, s, p)),
        Mistake("`{name}` adds the bias once per input channel (b * C_in): add b[d] once "
                "per output value, after summing over the input channels.",
                wrong=lambda X, K, b, s, p: _conv2d(X, K, b * K.shape[2], s, p)),
        Mistake("`{name}` leaves out the bias b.",
                wrong=lambda X, K, b, s, p: _conv2d(X, K, 0 * b, s, p)),
        Mistake("`{name}` pads only one side of the image: padding p adds p zeros "
                "before AND after each spatial axis.",
                wrong=lambda X, K, b, s, p: _correlate(X, K, b, s, ((p, 0), (p, 0)))),
        Mistake("`{name}` pads only one side of the image: padding p adds p zeros "
                "before AND after each spatial axis.",
                wrong=lambda X, K, b, s, p: _correlate(X, K, b, s, ((0, p), (0, p)))),
        Mistake("`{name}` ignores the stride: the window moves `stride` pixels at a time, "
                "so output (h, w) reads the input from (h * stride, w * stride).",
                wrong=lambda X, K, b, s, p: _conv2d(X, K, b, 1, p)),
        Mistake("`{name}` swaps the kernel's height and width axes (K transposed): "
                "K[i, j] multiplies the pixel i rows down and j columns right.",
                wrong=lambda X, K, b, s, p: _conv2d(X, K.transpose(1, 0, 2, 3), b, s, p)),
    ],
    hints=[
        "Pad with `np.pad(X, ((0, 0), (padding, padding), (padding, padding), (0, 0)))`, "
        "then compute the output size with your `conv_output_size`.",
        "Loop over the output positions (h, w): the window is "
        "`Xp[:, h*stride:h*stride + kh, w*stride:w*stride + kw, :]` with shape "
        "(N, kh, kw, C_in); `np.tensordot(window, K, axes=3)` sums it against K "
        "and gives (N, C_out). Add `b` to the result.",
    ],
)

# ---- q_3: max pooling forward and backward --------------------------------------


def _maxpool(X, size):
    N, H, W, C = np.shape(X)
    return np.asarray(X, float).reshape(N, H // size, size, W // size, size, C).max(axis=(2, 4))


def _avgpool(X, size):
    N, H, W, C = np.shape(X)
    return np.asarray(X, float).reshape(N, H // size, size, W // size, size, C).mean(axis=(2, 4))


def _pool_case(rng):
    size = int(rng.integers(2, 4))
    n, c = int(rng.integers(1, 3)), int(rng.integers(1, 4))
    h, w = (size * int(v) for v in rng.integers(1, 4, size=2))
    return rng.normal(size=(n, h, w, c)), size


def _pool_cases():
    rng = np.random.default_rng(3)
    return [(rng.normal(size=(2, 4, 4, 2)), 2), (rng.normal(size=(1, 6, 6, 3)), 3),
            (rng.normal(size=(1, 4, 6, 1)), 2)]


def _sliding_max(X, size):
    windows = np.lib.stride_tricks.sliding_window_view(np.asarray(X, float), (size, size),
                                                       axis=(1, 2))
    return windows.max(axis=(4, 5))


def _maxpool_grad(X, size, output_error):
    # dE/dX of E = sum(maxpool(X) * output_error), by central differences
    return numerical_gradient(lambda x: np.sum(_maxpool(x, size) * output_error), X)


def _spread(output_error, size):
    return np.repeat(np.repeat(np.asarray(output_error, float), size, axis=1), size, axis=2)


def _top_left(X, size, output_error):
    grad = np.zeros(np.shape(X))
    grad[:, ::size, ::size, :] = output_error
    return grad


def _backward_case(rng):
    X, size = _pool_case(rng)
    return X, size, rng.normal(size=_maxpool(X, size).shape)


def _backward_cases():
    rng = np.random.default_rng(4)
    return [(X, size, rng.normal(size=_maxpool(X, size).shape)) for X, size in _pool_cases()]


q_3 = Multipart(
    a=FunctionQuestion(
        var="maxpool_forward",
        oracle=_maxpool,
        cases=_pool_cases,
        random_cases=_pool_case,
        mistakes=[
            Mistake("`{name}` averages each window: that is average pooling; "
                    "max pooling keeps the largest value.",
                    wrong=_avgpool),
            Mistake("`{name}` moves the window one pixel at a time (stride 1); "
                    "here the windows do not overlap: stride = size.",
                    wrong=_sliding_max),
            Mistake("`{name}` also takes the max over the channels; pool each channel "
                    "on its own and keep the channel axis.",
                    wrong=lambda X, size: _maxpool(X, size).max(axis=-1)),
        ],
        hints=[
            "With non-overlapping windows you can cut the image into blocks with a reshape: "
            "(N, H, W, C) -> (N, H // size, size, W // size, size, C).",
            "`X.reshape(N, H // size, size, W // size, size, C).max(axis=(2, 4))`.",
        ],
    ),
    b=FunctionQuestion(
        var="maxpool_backward",
        oracle=_maxpool_grad,
        cases=_backward_cases,
        random_cases=_backward_case,
        atol=1e-6,
        mistakes=[
            Mistake("`{name}` copies each output's gradient to every pixel of its window; "
                    "only the window's maximum affected the output, so only it gets "
                    "the gradient (the others get 0).",
                    wrong=lambda X, size, G: _spread(G, size)),
            Mistake("`{name}` shares each output's gradient equally over its window: that is "
                    "average pooling's backward pass. Max pooling routes it all to the max.",
                    wrong=lambda X, size, G: _spread(G, size) / size ** 2),
            Mistake("`{name}` returns the mask of the maxima only: multiply it by the "
                    "incoming gradient `output_error` (chain rule).",
                    wrong=lambda X, size, G: _maxpool_grad(X, size, np.ones_like(G))),
            Mistake("`{name}` sends the gradient to the top-left pixel of each window "
                    "instead of to the pixel that held the maximum.",
                    wrong=_top_left),
        ],
        hints=[
            "Find where each window's maximum is: compare the input with the pooled output "
            "repeated back to full size (`np.repeat` along axes 1 and 2).",
            "`mask = X == np.repeat(np.repeat(Y, size, 1), size, 2)`; the gradient is "
            "`mask * np.repeat(np.repeat(output_error, size, 1), size, 2)`.",
        ],
    ),
)

# ---- q_4: a Conv2D backward pass (stride 1, no padding) --------------------------


def _conv_grads(X, K, output_error):
    """(dE/dX, dE/dK, dE/db) for Y = conv2d(X, K, b, stride 1, no padding), with SciPy.

    dK[:, :, c, d] = sum over n of correlate2d(X[n, :, :, c], G[n, :, :, d], "valid");
    dX[n, :, :, c] = sum over d of convolve2d(G[n, :, :, d], K[:, :, c, d], "full");
    db[d] = sum of G[..., d]. (tests/test_ex5.py checks these against finite
    differences.)
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


def _dX_unflipped(K, G):
    from scipy.signal import correlate2d

    G, K = np.asarray(G, float), np.asarray(K, float)
    return np.array([[sum(correlate2d(G[n, :, :, d], K[:, :, c, d], mode="full")
                          for d in range(K.shape[3])) for c in range(K.shape[2])]
                     for n in range(len(G))]).transpose(0, 2, 3, 1)


def _grad_case(rng):
    n, c_in, c_out = int(rng.integers(1, 3)), int(rng.integers(2, 4)), int(rng.integers(2, 4))
    kh, kw = (int(v) for v in rng.integers(1, 4, size=2))
    h, w = (int(v) for v in rng.integers(4, 7, size=2))
    return (rng.normal(size=(n, h, w, c_in)), rng.normal(size=(kh, kw, c_in, c_out)),
            rng.normal(size=(n, h - kh + 1, w - kw + 1, c_out)))


def _grad_cases():
    rng = np.random.default_rng(6)
    return [(rng.normal(size=(2, 5, 5, 2)), rng.normal(size=(3, 3, 2, 3)),
             rng.normal(size=(2, 3, 3, 3))),
            (rng.normal(size=(1, 4, 6, 3)), rng.normal(size=(2, 3, 3, 2)),
             rng.normal(size=(1, 3, 4, 2)))]


def _with(part, change):
    """A wrong conv2d_backward: the right gradients with one of them changed."""
    def wrong(X, K, G):
        grads = list(_conv_grads(X, K, G))
        grads[part] = change(grads[part], X, K, G)
        return tuple(grads)
    return wrong


q_4 = FunctionQuestion(
    var="conv2d_backward",
    oracle=_conv_grads,
    cases=_grad_cases,
    random_cases=_grad_case,
    rtol=1e-4, atol=1e-6,
    mistakes=[
        Mistake("`{name}` scales the bias gradient by the number of input channels: "
                "db was accumulated inside the loop over input channels. b[d] is added "
                "once per output value, so db[d] = output_error[..., d].sum().",
                wrong=_with(2, lambda db, X, K, G: db * K.shape[2])),
        Mistake("`{name}` averages the bias gradient over the batch; the loss adds up "
                "every sample's contribution, so sum over the batch too.",
                wrong=_with(2, lambda db, X, K, G: db / len(X))),
        Mistake("`{name}` averages dK over the batch; sum every sample's contribution.",
                wrong=_with(1, lambda dK, X, K, G: dK / len(X))),
        Mistake("`{name}` returns dK with its channel axes swapped, (kh, kw, C_out, C_in): "
                "dK must have K's shape (kh, kw, C_in, C_out) (a missing transpose).",
                wrong=_with(1, lambda dK, X, K, G: dK.transpose(0, 1, 3, 2))),
        Mistake("`{name}` computes dX with the kernel unflipped: the gradient with respect "
                "to the input is a FULL convolution of output_error with K (the kernel "
                "rotated by 180 degrees when written as a correlation).",
                wrong=_with(0, lambda dX, X, K, G: _dX_unflipped(K, G))),
    ],
    hints=[
        "Go back to the forward pass: Y[n, h, w, d] = sum over i, j, c of "
        "X[n, h + i, w + j, c] * K[i, j, c, d] + b[d]. Each product sends "
        "output_error[n, h, w, d] * K[i, j, c, d] to dX[n, h + i, w + j, c] and "
        "output_error[n, h, w, d] * X[n, h + i, w + j, c] to dK[i, j, c, d].",
        "Loop over the output positions (h, w) and, for each, use the window "
        "`X[:, h:h + kh, w:w + kw, :]` (N, kh, kw, C_in) and `g = output_error[:, h, w, :]` "
        "(N, C_out): `dK += np.einsum('nijc,nd->ijcd', window, g)`, "
        "`dX[:, h:h + kh, w:w + kw, :] += np.einsum('nd,ijcd->nijc', g, K)`. "
        "And `db = output_error.sum(axis=(0, 1, 2))`.",
    ],
)

# ---- q_5: counting parameters by hand ------------------------------------------


def _architecture():
    import keras

    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(16, 3, activation="relu"),
        keras.layers.BatchNormalization(),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(32, 3, activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(10, activation="softmax"),
    ])


@functools.lru_cache(maxsize=1)
def _keras_count():
    return int(_architecture().count_params())


# The wrong counts: each is the sum of the four layers' counts with one mistake.
_CONV1, _BN, _CONV2, _DENSE = 3 * 3 * 1 * 16 + 16, 4 * 16, 3 * 3 * 16 * 32 + 32, 800 * 10 + 10

q_5 = ValueQuestion(
    var="n_params",
    expected=_keras_count,
    mistakes=[
        Mistake("`{name}` leaves out the biases: every Conv2D filter and every Dense unit "
                "has one bias.",
                wrong=9 * 16 + _BN + 9 * 16 * 32 + 800 * 10),
        Mistake("`{name}` counts a Conv2D layer's weights as k * k * C_out: each filter "
                "spans ALL input channels, so it has k * k * C_in * C_out weights.",
                wrong=_CONV1 + _BN + (9 * 32 + 32) + _DENSE),
        Mistake("`{name}` counts 2 parameters per channel for BatchNormalization; it "
                "has 4: gamma and beta (trained) and the moving mean and variance (not "
                "trained, but counted by `count_params()` and `summary()`).",
                wrong=_CONV1 + 2 * 16 + _CONV2 + _DENSE),
        Mistake("`{name}` assumes the convolutions keep the image size; without padding "
                "a 3x3 convolution takes 2 pixels off each axis: 28 -> 26 -> pool 13 -> "
                "11 -> pool 5, so Flatten gives 5 * 5 * 32 = 800 values.",
                wrong=_CONV1 + _BN + _CONV2 + (7 * 7 * 32 * 10 + 10)),
    ],
    hints=[
        "Conv2D: (k * k * C_in + 1) * C_out. Dense: (inputs + 1) * units. "
        "BatchNormalization: 4 per channel. Pooling and Flatten: none.",
        "The Dense layer's inputs are Flatten's outputs: follow the shape "
        "(28, 28, 1) -> (26, 26, 16) -> (13, 13, 16) -> (11, 11, 32) -> (5, 5, 32).",
    ],
)

# ---- q_6: a CNN that reaches 97% on held-out MNIST test images -------------------

HELD_OUT = slice(5000, 7000)     # the test images the checker grades on


@functools.lru_cache(maxsize=1)
def _held_out():
    from .datasets import load_mnist

    _, (test_images, test_labels) = load_mnist()
    return (test_images[HELD_OUT].astype("float32") / 255, np.asarray(test_labels[HELD_OUT]))


def _layer_classes(model) -> list[str]:
    """Class names of every layer, looking inside nested models."""
    names = []
    for layer in getattr(model, "layers", None) or []:
        names.append(type(layer).__name__)
        if getattr(layer, "layers", None):
            names.extend(_layer_classes(layer))
    return names


class TrainedCnnQuestion(Question):
    """A trained Keras model with a Conv2D layer, graded on held-out MNIST test images.

    The model takes images scaled to [0, 1] (shape (28, 28, 1); (28, 28) or
    (784,) inputs are accepted too) and outputs 10 scores per image
    (probabilities or logits: the predicted class is the argmax).
    """

    var = "model"
    min_accuracy = 0.97
    check_timeout = 120.0

    def _accuracy(self, model, images, labels):
        shape = model.input_shape
        shape = tuple(shape)[1:] if isinstance(shape, (tuple, list)) else ()
        if not all(isinstance(n, int) for n in shape) or math.prod(shape) != 28 * 28:
            raise Incorrect(f"`{self.name}` takes inputs of shape {shape}; the question "
                            "asks for MNIST images of shape (28, 28, 1).")
        try:
            scores = np.asarray(model.predict(images.reshape(len(images), *shape),
                                              verbose=0, batch_size=500))
        except Exception as exc:
            raise Incorrect(f"`{self.name}.predict` on the held-out images raised "
                            f"{describe_error(exc)}.")
        if scores.shape != (len(images), 10):
            raise Incorrect(f"`{self.name}` outputs shape {scores.shape[1:]} per batch of "
                            "images; it should output 10 scores per image (Dense(10)).")
        return float(np.mean(scores.argmax(axis=1) == labels))

    def _check(self, model):
        from .keras_checks import _is_model

        if not _is_model(model):
            raise Incorrect(text("keras.not_model", name=self.name, actual=type_name(model)))
        if "Conv2D" not in _layer_classes(model):
            raise Incorrect(f"`{self.name}` has no Conv2D layer: the question asks for a "
                            "convolutional network (Conv2D and MaxPooling2D blocks, then "
                            "Flatten and Dense).")
        try:
            model.input_shape
        except Exception:  # a model without keras.Input, not yet called on data
            raise Incorrect(text("keras.not_built", name=self.name))
        images, labels = _held_out()
        accuracy = self._accuracy(model, images, labels)
        self.last_accuracy = accuracy
        if accuracy >= self.min_accuracy:
            return None
        if self._accuracy(model, images * 255, labels) >= self.min_accuracy:
            raise Incorrect(f"`{self.name}` was trained on raw pixel values 0..255: scale "
                            "the images by 1/255 before training (the checker feeds "
                            "images in [0, 1]).")
        if accuracy < 0.3:
            raise Incorrect(f"`{self.name}` classifies {accuracy:.1%} of the held-out "
                            "images correctly, about chance: has it been trained? Call "
                            f"`{self.name}.fit(...)` (sparse_categorical_crossentropy "
                            "for integer labels).")
        raise Incorrect(f"`{self.name}` classifies {accuracy:.2%} of 2,000 held-out test "
                        f"images correctly; the question asks for at least "
                        f"{self.min_accuracy:.0%}. Train on more images or for another "
                        "epoch, or add filters.")

    def _correct_message(self):
        accuracy = getattr(self, "last_accuracy", None)
        return "" if accuracy is None else (
            f"Test accuracy {accuracy:.2%} on 2,000 held-out MNIST test images.")


q_6 = TrainedCnnQuestion(
    hints=[
        "Two blocks of `Conv2D(16, 3, activation='relu')` + `MaxPooling2D(2)` (then 32 "
        "filters), `Flatten()` and `Dense(10, activation='softmax')`; compile with "
        "optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'].",
        "Scale the images to [0, 1] and add the channel axis: "
        "`X = train_images[:20000, :, :, None].astype('float32') / 255`. Two epochs with "
        "batch_size=32 are enough; check with `model.evaluate` on test images.",
    ],
)

# ---- q_7: inverted dropout ---------------------------------------------------

q_7 = MultipleChoice(
    var="answer_7",
    options={
        "a": "by 0.75 while training",
        "b": "by 1 / 0.75 while training",
        "c": "by 0.25 while training",
        "d": "by 1 / 0.25 at test time",
    },
    answer="b",
    explanations={
        "a": "Multiplying by 0.75 would make the expected output 0.75 * 0.75 = 0.5625 of "
             "the input: dropout already removes a quarter on average.",
        "b": "Each input survives with probability 0.75; dividing the survivors by 0.75 "
             "keeps the expected output equal to the input, so nothing changes at test "
             "time (inverted dropout, what Keras does).",
        "c": "0.25 is the fraction dropped; scaling by it would shrink the output to "
             "0.25 * 0.75 of the input on average.",
        "d": "Inverted dropout leaves the test-time network alone. (The original paper "
             "scaled by 0.75, the keep probability, at test time instead.)",
    },
    hints=[
        "Each activation survives with probability 1 - rate = 0.75; what is its expected "
        "value after dropout, before any scaling?",
        "Inverted dropout does all its work while training, so the network is used "
        "unchanged at test time.",
    ],
)

__all__ = register(globals(), "ex5_cnn")
