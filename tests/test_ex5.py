"""Exercise 5's checkers: correct answers (and their alternatives) pass, every
catalogued mistake is named, every blank asks to fill in, and the oracles
themselves agree with finite differences and TensorFlow.

The correct answers are written here, not read from the notebooks.
"""
import numpy as np
import pytest

from learntools_lite import ex5
from learntools_lite.core import Status, ____
from learntools_lite.oracles import numerical_gradient

# ---- reference answers (written independently of the solutions notebook) -------


def conv_output_size(n, k, s, p):
    return (n + 2 * p - k) // s + 1


def conv2d_forward(X, K, b, stride, padding):
    Xp = np.pad(X, ((0, 0), (padding, padding), (padding, padding), (0, 0)))
    kh, kw, c_in, c_out = K.shape
    H_out = conv_output_size(X.shape[1], kh, stride, padding)
    W_out = conv_output_size(X.shape[2], kw, stride, padding)
    Y = np.zeros((len(X), H_out, W_out, c_out))
    for h in range(H_out):
        for w in range(W_out):
            window = Xp[:, h * stride:h * stride + kh, w * stride:w * stride + kw, :]
            Y[:, h, w, :] = np.tensordot(window, K, axes=3) + b
    return Y


def maxpool_forward(X, size):
    N, H, W, C = X.shape
    return X.reshape(N, H // size, size, W // size, size, C).max(axis=(2, 4))


def _up(A, size):
    return np.repeat(np.repeat(A, size, axis=1), size, axis=2)


def maxpool_backward(X, size, output_error):
    mask = X == _up(maxpool_forward(X, size), size)
    return mask * _up(output_error, size)


def conv2d_backward(X, K, output_error):
    kh, kw = K.shape[:2]
    _, H_out, W_out, _ = output_error.shape
    dX, dK = np.zeros(X.shape), np.zeros(K.shape)
    for h in range(H_out):
        for w in range(W_out):
            g = output_error[:, h, w, :]
            dK += np.einsum("nijc,nd->ijcd", X[:, h:h + kh, w:w + kw, :], g)
            dX[:, h:h + kh, w:w + kw, :] += np.einsum("nd,ijcd->nijc", g, K)
    return dX, dK, output_error.sum(axis=(0, 1, 2))


ANSWERS = {
    "conv_output_size": conv_output_size, "conv2d_forward": conv2d_forward,
    "maxpool_forward": maxpool_forward, "maxpool_backward": maxpool_backward,
    "conv2d_backward": conv2d_backward,
    "n_params": (3 * 3 * 1 + 1) * 16 + 4 * 16 + (3 * 3 * 16 + 1) * 32 + (5 * 5 * 32 + 1) * 10,
    "answer_7": "b",
}
QUICK = ["q_1", "q_2", "q_3", "q_4", "q_5", "q_7"]     # q_6 needs a trained model (below)


@pytest.mark.parametrize("qid", QUICK)
def test_correct_answers_pass(qid):
    """Does each question accept the reference answer, in check and assert mode?"""
    q = getattr(ex5, qid)
    assert q.verdict(ANSWERS).passed, q.verdict(ANSWERS)
    q.assert_check_passed(ANSWERS)


# ---- alternative correct answers -------------------------------------------------


def _windows(X, kh, kw, s):
    return np.lib.stride_tricks.sliding_window_view(X, (kh, kw), axis=(1, 2))[:, ::s, ::s]


def conv2d_einsum(X, K, b, stride=1, padding=0):
    Xp = np.pad(X, ((0, 0), (padding,) * 2, (padding,) * 2, (0, 0)))
    return np.einsum("nhwcij,ijcd->nhwd", _windows(Xp, *K.shape[:2], stride), K) + b


def conv2d_im2col(X, K, b, stride, padding):
    Xp = np.pad(X, ((0, 0), (padding,) * 2, (padding,) * 2, (0, 0))).astype(np.float32)
    win = _windows(Xp, *K.shape[:2], stride)                     # (N, H, W, C, kh, kw)
    cols = win.transpose(0, 1, 2, 4, 5, 3).reshape(*win.shape[:3], -1)
    return cols @ K.reshape(-1, K.shape[3]) + b                  # float32: tolerance


def conv2d_tf(X, K, b, stride, padding):
    import tensorflow as tf

    Xp = np.pad(X, ((0, 0), (padding,) * 2, (padding,) * 2, (0, 0)))
    return tf.nn.conv2d(Xp, K, strides=stride, padding="VALID").numpy() + b


def maxpool_windows(X, size):
    return _windows(X, size, size, size).max(axis=(4, 5))


def maxpool_backward_argmax(X, size, output_error):
    # route through argmax of each flattened window (ties: first one)
    N, H, W, C = X.shape
    blocks = X.reshape(N, H // size, size, W // size, size, C).transpose(0, 1, 3, 5, 2, 4)
    flat = blocks.reshape(*blocks.shape[:4], -1)
    grad = np.zeros_like(flat)
    np.put_along_axis(grad, flat.argmax(-1)[..., None], output_error[..., None], axis=-1)
    grad = grad.reshape(blocks.shape).transpose(0, 1, 4, 2, 5, 3)
    return grad.reshape(X.shape)


def maxpool_backward_tf(X, size, output_error):
    import tensorflow as tf

    x = tf.constant(X)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.nn.max_pool2d(x, size, size, "VALID")
    return tape.gradient(y, x, output_gradients=output_error).numpy()


def conv2d_backward_tf(X, K, output_error):
    import tensorflow as tf

    x, k = tf.constant(X), tf.constant(K)
    with tf.GradientTape() as tape:
        tape.watch([x, k])
        y = tf.nn.conv2d(x, k, 1, "VALID")
    dX, dK = tape.gradient(y, [x, k], output_gradients=output_error)
    return [dX.numpy(), dK.numpy(), np.sum(output_error, axis=(0, 1, 2))]   # a list is fine


def test_alternative_correct_answers():
    """Are einsum, im2col (float32), TensorFlow and integer-typed answers all accepted?"""
    ok = [
        (ex5.q_1, lambda n, k, s, p: int(np.floor((n + 2 * p - k) / s)) + 1),
        (ex5.q_1, lambda n, k, s, p: len(range(0, n + 2 * p - k + 1, s))),
        (ex5.q_1, lambda n, k, s=1, p=0: float((n + 2 * p - k) // s + 1)),
        (ex5.q_2, conv2d_einsum),
        (ex5.q_2, conv2d_im2col),
        (ex5.q_2, conv2d_tf),
        (ex5.q_3.a, maxpool_windows),
        (ex5.q_3.a, lambda X, size: np.max(_windows(X, size, size, size), axis=(-2, -1))),
        (ex5.q_3.b, maxpool_backward_argmax),
        (ex5.q_3.b, maxpool_backward_tf),
        (ex5.q_4, conv2d_backward_tf),
        (ex5.q_5, np.int64(ANSWERS["n_params"])),
        (ex5.q_5, float(ANSWERS["n_params"])),
        (ex5.q_7, " B "),
        (ex5.q_7, "(b)"),
    ]
    for q, value in ok:
        v = q.check_value(value)
        assert v.passed, (q, v.message)


# ---- every catalogued mistake, written by hand, gets its own message ----------------


def conv2d_flipped(X, K, b, stride, padding):
    return conv2d_forward(X, K[::-1, ::-1], b, stride, padding)


def conv2d_bias_per_input_channel(X, K, b, stride, padding):
    # a popular tutorial bug: the bias is added inside the loop over input channels
    Xp = np.pad(X, ((0, 0), (padding,) * 2, (padding,) * 2, (0, 0)))
    kh, kw, c_in, c_out = K.shape
    H_out = conv_output_size(X.shape[1], kh, stride, padding)
    W_out = conv_output_size(X.shape[2], kw, stride, padding)
    Y = np.zeros((len(X), H_out, W_out, c_out))
    for c in range(c_in):
        for h in range(H_out):
            for w in range(W_out):
                window = Xp[:, h * stride:h * stride + kh, w * stride:w * stride + kw, c]
                Y[:, h, w, :] += np.einsum("nij,ijd->nd", window, K[:, :, c, :]) + b
    return Y


def conv2d_no_bias(X, K, b, stride, padding):
    return conv2d_forward(X, K, 0 * b, stride, padding)


def conv2d_pad_before(X, K, b, stride, padding):
    Xp = np.pad(X, ((0, 0), (padding, 0), (padding, 0), (0, 0)))
    return conv2d_forward(Xp, K, b, stride, 0)


def conv2d_pad_after(X, K, b, stride, padding):
    Xp = np.pad(X, ((0, 0), (0, padding), (0, padding), (0, 0)))
    return conv2d_forward(Xp, K, b, stride, 0)


def conv2d_no_stride(X, K, b, stride, padding):
    return conv2d_forward(X, K, b, 1, padding)


def conv2d_kernel_transposed(X, K, b, stride, padding):
    return conv2d_forward(X, np.swapaxes(K, 0, 1), b, stride, padding)


def backward_db_times_channels(X, K, G):
    dX, dK, db = conv2d_backward(X, K, G)
    db = np.zeros(K.shape[3])
    for c in range(K.shape[2]):          # db accumulated in the input-channel loop
        db += G.sum(axis=(0, 1, 2))
    return dX, dK, db


def backward_db_mean(X, K, G):
    dX, dK, _ = conv2d_backward(X, K, G)
    return dX, dK, G.sum(axis=(1, 2)).mean(axis=0)


def backward_dK_mean(X, K, G):
    dX, dK, db = conv2d_backward(X, K, G)
    return dX, dK / len(X), db


def backward_dK_channels_swapped(X, K, G):
    dX, dK, db = conv2d_backward(X, K, G)
    return dX, np.einsum("ijcd->ijdc", dK), db


def backward_dX_unflipped(X, K, G):
    # correlates the padded output_error with K instead of convolving
    from scipy.signal import correlate2d

    _, dK, db = conv2d_backward(X, K, G)
    dX = np.zeros(X.shape)
    for n in range(len(X)):
        for c in range(K.shape[2]):
            for d in range(K.shape[3]):
                dX[n, :, :, c] += correlate2d(G[n, :, :, d], K[:, :, c, d], mode="full")
    return dX, dK, db


MISTAKES = [
    (ex5.q_1, lambda n, k, s, p: (n + 2 * p - k) // s, "forgot the +1"),
    (ex5.q_1, lambda n, k, s, p: (n + p - k) // s + 1, "pads only one side"),
    (ex5.q_1, lambda n, k, s, p: -(-(n + 2 * p - k) // s) + 1, "rounds up (ceil)"),
    (ex5.q_1, lambda n, k, s, p: (n + 2 * p - k) / s + 1, "true division"),
    (ex5.q_1, lambda n, k, s, p: n + 2 * p - k + 1, "ignores the stride"),
    (ex5.q_2, conv2d_flipped, "flips the kernel"),
    (ex5.q_2, conv2d_bias_per_input_channel, "once per input channel"),
    (ex5.q_2, conv2d_no_bias, "leaves out the bias"),
    (ex5.q_2, conv2d_pad_before, "pads only one side"),
    (ex5.q_2, conv2d_pad_after, "pads only one side"),
    (ex5.q_2, conv2d_no_stride, "ignores the stride"),
    (ex5.q_2, conv2d_kernel_transposed, "swaps the kernel's height and width"),
    (ex5.q_3.a, lambda X, s: X.reshape(len(X), X.shape[1] // s, s, -1, s, X.shape[3])
     .mean(axis=(2, 4)), "average pooling"),
    (ex5.q_3.a, lambda X, s: _windows(X, s, s, 1).max(axis=(4, 5)), "stride 1"),
    (ex5.q_3.a, lambda X, s: maxpool_forward(X, s).max(axis=3), "over the channels"),
    (ex5.q_3.b, lambda X, s, G: _up(G, s), "to every pixel of its window"),
    (ex5.q_3.b, lambda X, s, G: _up(G, s) / s ** 2, "shares each output's gradient"),
    (ex5.q_3.b, lambda X, s, G: (X == _up(maxpool_forward(X, s), s)).astype(float),
     "mask of the maxima only"),
    (ex5.q_3.b, lambda X, s, G: np.pad(G[:, :, None, :, None, :],
                                       ((0, 0), (0, 0), (0, s - 1), (0, 0), (0, s - 1), (0, 0)))
     .reshape(X.shape), "top-left pixel"),
    (ex5.q_4, backward_db_times_channels, "number of input channels"),
    (ex5.q_4, backward_db_mean, "averages the bias gradient"),
    (ex5.q_4, backward_dK_mean, "averages dK"),
    (ex5.q_4, backward_dK_channels_swapped, "channel axes swapped"),
    (ex5.q_4, backward_dX_unflipped, "kernel unflipped"),
    (ex5.q_5, 144 + 64 + 4608 + 8000, "leaves out the biases"),
    (ex5.q_5, 160 + 64 + (3 * 3 * 32 + 32) + 8010, "k * k * C_out"),
    (ex5.q_5, 160 + 2 * 16 + 4640 + 8010, "BatchNormalization"),
    (ex5.q_5, 160 + 64 + 4640 + (7 * 7 * 32 + 1) * 10, "keep the image size"),
]


def test_every_catalogued_mistake_is_named():
    """Does a hand-written wrong answer making each Mistake get that Mistake's message?"""
    catalogued = {(id(q), m.message(q.name)) for q in
                  (ex5.q_1, ex5.q_2, ex5.q_3.a, ex5.q_3.b, ex5.q_4, ex5.q_5) for m in q.mistakes}
    seen = set()
    for q, value, phrase in MISTAKES:
        v = q.check_value(value)
        assert v.status is Status.INCORRECT and phrase in v.message, (q, phrase, v.message)
        seen.add((id(q), v.message))
    assert seen == catalogued


def test_multiple_choice_explains_each_wrong_option():
    for letter in "acd":
        v = ex5.q_7.check_value(letter)
        assert v.status is Status.INCORRECT and ex5.q_7.explanations[letter] in v.message


def test_every_blank_asks_to_fill_in():
    """Do ____ values, functions whose body is ____ and undefined names say 'Fill in'?"""
    def stub4(n, k, s, p):
        return ____

    def stub5(X, K, b, stride, padding):
        ____

    def stub2(X, size):
        return ____

    def stub3(X, size, output_error):
        return ____

    def stub_backward(X, K, output_error):
        return ____, ____, output_error.sum(axis=(0, 1, 2))

    blanks = {"conv_output_size": stub4, "conv2d_forward": stub5, "maxpool_forward": stub2,
              "maxpool_backward": stub3, "conv2d_backward": stub_backward, "n_params": ____,
              "model": ____, "answer_7": ____}
    for q in (ex5.q_1, ex5.q_2, ex5.q_3.a, ex5.q_3.b, ex5.q_4, ex5.q_5, ex5.q_6, ex5.q_7):
        assert q.verdict(blanks).status is Status.BLANK, q
        assert q.verdict({}).status is Status.BLANK, q
    assert ex5.q_3.verdict(blanks).status is Status.BLANK


def test_checks_never_crash_on_odd_answers():
    """Do wrong types, raising functions and NaNs give a verdict, never an internal error?"""
    def raises(*args):
        raise ValueError("boom")

    odd = [None, "text", 3, np.full((2, 2), np.nan), raises, lambda *a: None, [1, 2]]
    for q in (ex5.q_1, ex5.q_2, ex5.q_3.a, ex5.q_3.b, ex5.q_4, ex5.q_5, ex5.q_6, ex5.q_7):
        for value in odd:
            v = q.check_value(value)
            assert v.status in (Status.INCORRECT, Status.UNCHECKABLE), (q, value, v)
            assert not v.internal, (q, value, v)


# ---- the oracles themselves ------------------------------------------------------


def _numerical_gradient(f, x, h=1e-5):
    return numerical_gradient(f, x, h)


def test_conv_gradient_oracle_agrees_with_finite_differences():
    """Are the SciPy formulas of q_4's oracle the gradients of q_2's oracle?"""
    rng = np.random.default_rng(0)
    for X, K, G in ex5._grad_cases() + [ex5._grad_case(rng) for _ in range(3)]:
        b = rng.normal(size=K.shape[3])
        dX, dK, db = ex5._conv_grads(X, K, G)

        def energy(X_=X, K_=K, b_=b):
            return np.sum(ex5._conv2d(X_, K_, b_, 1, 0) * G)

        assert np.allclose(dX, _numerical_gradient(lambda x: energy(X_=x), X), atol=1e-6)
        assert np.allclose(dK, _numerical_gradient(lambda k: energy(K_=k), K), atol=1e-6)
        assert np.allclose(db, _numerical_gradient(lambda c: energy(b_=c), b), atol=1e-6)


def test_forward_oracle_agrees_with_tensorflow():
    """Does q_2's SciPy oracle equal tf.nn.conv2d on every case the checker uses?"""
    for X, K, b, stride, padding in ex5.q_2.all_cases():
        assert np.allclose(ex5._conv2d(X, K, b, stride, padding),
                           conv2d_tf(X, K, b, stride, padding))


def test_parameter_count_oracle():
    """Is Keras's count the hand count, and is every catalogued wrong count different?"""
    assert ex5._keras_count() == ANSWERS["n_params"] == 12874
    wrong = [m.wrong for m in ex5.q_5.mistakes]
    assert len(set(wrong)) == len(wrong) and ANSWERS["n_params"] not in wrong


# ---- q_6: a trained CNN (slow: trains a small model for about half a minute) -------


@pytest.fixture(scope="module")
def trained_cnn():
    import keras

    from learntools_lite.datasets import load_mnist

    (train_images, train_labels), _ = load_mnist()
    X = train_images[:20000, :, :, None].astype("float32") / 255
    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(16, 3, activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(32, 3, activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    model.fit(X, train_labels[:20000], epochs=2, batch_size=32, verbose=0)
    return model


@pytest.mark.slow
def test_trained_cnn_passes_and_its_mistakes_are_named(trained_cnn):
    """Correct for a trained CNN; named messages for raw pixels, no Conv2D, untrained."""
    import keras

    v = ex5.q_6.check_value(trained_cnn)
    assert v.passed, v
    assert "held-out" in v.message

    # the same network behind a Rescaling(1/255): it expects raw 0..255 pixels
    raw = keras.Sequential([keras.Input(shape=(28, 28, 1)), keras.layers.Rescaling(1 / 255),
                            *trained_cnn.layers])
    assert "raw pixel values" in ex5.q_6.check_value(raw).message

    dense = keras.Sequential([keras.Input(shape=(28, 28, 1)), keras.layers.Flatten(),
                              keras.layers.Dense(10, activation="softmax")])
    assert "no Conv2D layer" in ex5.q_6.check_value(dense).message

    keras.utils.set_random_seed(1)
    untrained = keras.Sequential([keras.Input(shape=(28, 28, 1)),
                                  keras.layers.Conv2D(4, 3), keras.layers.Flatten(),
                                  keras.layers.Dense(10)])
    assert "about chance" in ex5.q_6.check_value(untrained).message

    wrong_head = keras.Sequential([keras.Input(shape=(28, 28, 1)), keras.layers.Conv2D(4, 3),
                                   keras.layers.Flatten(), keras.layers.Dense(3)])
    assert "10 scores per image" in ex5.q_6.check_value(wrong_head).message

    wrong_input = keras.Sequential([keras.Input(shape=(32, 32, 3)), keras.layers.Conv2D(4, 3),
                                    keras.layers.Flatten(), keras.layers.Dense(10)])
    assert "(28, 28, 1)" in ex5.q_6.check_value(wrong_input).message
