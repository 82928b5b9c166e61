"""Exercise 5's checkers: correct answers (and their alternatives) pass, every
catalogued mistake is named, every blank asks to fill in, the find-the-bug
questions reject the unfixed code and plausible wrong fixes by name, and the
oracles themselves agree with finite differences and TensorFlow.

The correct answers are written here, not read from the notebooks.
"""
import json
import math
from pathlib import Path

import numpy as np
import pytest

from learntools_lite import ex5_cnn
from learntools_lite.core import Status, ____
from learntools_lite.ex5_cnn import backward, forward, oracles, pooling, sizes
from learntools_lite.messages import text
from learntools_lite.oracles import numerical_gradient

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ["q_1", "q_2a", "q_2b", "q_3", "q_4", "q_5", "q_6", "q_7", "q_8"]

# ---- reference answers (written independently of the solutions notebook) -------


def conv_output_size(n, k, s, p):
    return (n + 2 * p - k) // s + 1


def _windows(X, kh, kw, s):
    return np.lib.stride_tricks.sliding_window_view(X, (kh, kw), axis=(1, 2))[:, ::s, ::s]


def conv2d_forward(X, K, b, stride, padding):
    Xp = np.pad(X, ((0, 0), (padding,) * 2, (padding,) * 2, (0, 0)))
    return np.einsum("nhwcij,ijcd->nhwd", _windows(Xp, *K.shape[:2], stride), K) + b


def avgpool_backward(output_error, input_shape, size, stride):
    G = np.asarray(output_error, float)
    dX = np.zeros(input_shape)
    for h in range(G.shape[1]):
        for w in range(G.shape[2]):
            dX[:, h * stride:h * stride + size, w * stride:w * stride + size, :] += (
                G[:, h:h + 1, w:w + 1, :] / size ** 2)
    return dX


def conv2d_backward(X, K, output_error):
    kh, kw = K.shape[:2]
    G = output_error
    H_out, W_out = G.shape[1:3]
    dX, dK = np.zeros(X.shape), np.zeros(K.shape)
    for i in range(kh):
        for j in range(kw):
            patch = X[:, i:i + H_out, j:j + W_out, :]
            dK[i, j] = np.einsum("nhwc,nhwd->cd", patch, G)
            dX[:, i:i + H_out, j:j + W_out, :] += np.einsum("nhwd,cd->nhwc", G, K[i, j])
    return dX, dK, G.sum(axis=(0, 1, 2))


ANSWERS = {
    "conv_output_size": conv_output_size,
    "predicted_shape": (16, 16, 8),
    "predicted_params": 7 * 7 * 3 * 8 + 8,
    "y_10": 3 + 2 + 4,
    "conv2d_forward": conv2d_forward,
    "avgpool_backward": avgpool_backward,
    "conv2d_backward": conv2d_backward,
    "answer_8": "Weight sharing: one kernel reused at every position, far fewer "
                "parameters, so less room to memorise the training images.",
}
QUICK = [q for q in QUESTIONS if q != "q_7"]         # q_7 needs a trained model (below)


@pytest.fixture(scope="module", autouse=True)
def tensorflow_imported():
    """Import TensorFlow once, up front: some answers below use it, and a first import
    inside a learner's call would spend that call's whole time limit (5 s)."""
    import tensorflow  # noqa: F401


def test_index_lists_every_question_in_order():
    """Does the package export q_1 ... q_8 in natural order, and does its docstring index them?"""
    assert ex5_cnn.__all__ == QUESTIONS + ["____"]
    for qid in QUESTIONS:
        assert f"- {qid} " in ex5_cnn.__doc__, qid
        assert getattr(ex5_cnn, qid).qid == qid and getattr(ex5_cnn, qid).assignment == "ex5_cnn"


@pytest.mark.parametrize("qid", QUICK)
def test_correct_answers_pass(qid):
    """Does each question accept the reference answer, in check and assert mode?"""
    q = getattr(ex5_cnn, qid)
    assert q.verdict(ANSWERS).passed, q.verdict(ANSWERS)
    q.assert_check_passed(ANSWERS)


# ---- alternative correct answers -------------------------------------------------


def conv2d_loops(X, K, b, stride, padding):
    # the chapter's formula, one output value at a time, with the output size inline
    Xp = np.pad(X, ((0, 0), (padding,) * 2, (padding,) * 2, (0, 0)))
    kh, kw, _, c_out = K.shape
    H = (Xp.shape[1] - kh) // stride + 1
    W = (Xp.shape[2] - kw) // stride + 1
    Y = np.empty((len(X), H, W, c_out))
    for h in range(H):
        for w in range(W):
            window = Xp[:, h * stride:h * stride + kh, w * stride:w * stride + kw, :]
            Y[:, h, w, :] = np.tensordot(window, K, axes=3) + b
    return Y


def conv2d_flip_both(X, K, b, stride, padding):
    # flipping the window AND the kernel cancels out: still a cross-correlation
    Xp = np.pad(X, ((0, 0), (padding,) * 2, (padding,) * 2, (0, 0)))
    kh, kw = K.shape[:2]
    H = (Xp.shape[1] - kh) // stride + 1
    W = (Xp.shape[2] - kw) // stride + 1
    Y = np.zeros((len(X), H, W, K.shape[3]))
    for h in range(H):
        for w in range(W):
            window = Xp[:, h * stride:h * stride + kh, w * stride:w * stride + kw, :]
            Y[:, h, w, :] = np.tensordot(window[:, ::-1, ::-1], K[::-1, ::-1], axes=3) + b
    return Y


def conv2d_tf(X, K, b, stride, padding):
    import tensorflow as tf

    Xp = np.pad(X, ((0, 0), (padding,) * 2, (padding,) * 2, (0, 0)))
    return tf.nn.conv2d(Xp, K, strides=stride, padding="VALID").numpy() + b


def conv2d_im2col_float32(X, K, b, stride, padding):
    Xp = np.pad(X, ((0, 0), (padding,) * 2, (padding,) * 2, (0, 0))).astype(np.float32)
    win = _windows(Xp, *K.shape[:2], stride)                     # (N, H, W, C, kh, kw)
    cols = win.transpose(0, 1, 2, 4, 5, 3).reshape(*win.shape[:3], -1)
    return cols @ K.reshape(-1, K.shape[3]) + b


def avgpool_backward_offsets(output_error, input_shape, size, stride):
    # the chapter's add_windows idea: one strided slice per offset in the window
    G = np.asarray(output_error) / size ** 2
    dX = np.zeros(input_shape)
    H_out, W_out = G.shape[1:3]
    for i in range(size):
        for j in range(size):
            dX[:, i:i + stride * H_out:stride, j:j + stride * W_out:stride, :] += G
    return dX


def avgpool_backward_tf(output_error, input_shape, size, stride):
    import tensorflow as tf

    x = tf.zeros(input_shape, dtype=tf.float64)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.nn.avg_pool2d(x, size, stride, "VALID")
    return tape.gradient(y, x, output_gradients=tf.constant(output_error)).numpy()


def conv2d_backward_windows(X, K, G):
    kh, kw = K.shape[:2]
    dX, dK = np.zeros(X.shape), np.zeros(K.shape)
    for h in range(G.shape[1]):
        for w in range(G.shape[2]):
            dK += np.einsum("nijc,nd->ijcd", X[:, h:h + kh, w:w + kw, :], G[:, h, w, :])
            dX[:, h:h + kh, w:w + kw, :] += np.einsum("nd,ijcd->nijc", G[:, h, w, :], K)
    return dX, dK, G.sum(axis=(0, 1, 2))


def conv2d_backward_tf(X, K, output_error):
    import tensorflow as tf

    x, k = tf.constant(X), tf.constant(K)
    with tf.GradientTape() as tape:
        tape.watch([x, k])
        y = tf.nn.conv2d(x, k, 1, "VALID")
    dX, dK = tape.gradient(y, [x, k], output_gradients=output_error)
    return [dX.numpy(), dK.numpy(), np.sum(output_error, axis=(0, 1, 2))]   # a list is fine


ALTERNATIVES = [
    ("q_1", lambda n, k, s, p: int(np.floor((n + 2 * p - k) / s)) + 1),
    ("q_1", lambda n, k, s, p: len(range(0, n + 2 * p - k + 1, s))),
    ("q_1", lambda n, k, s, p: (n + 2 * p - k + s) // s),
    ("q_2a", [16, 16, 8]),
    ("q_2a", np.array([16, 16, 8])),
    ("q_2b", np.int64(1184)),
    ("q_2b", 1184.0),
    ("q_3", np.float32(9.0)),
    ("q_3", 9),
    ("q_4", conv2d_loops),
    ("q_4", conv2d_flip_both),
    ("q_4", conv2d_tf),
    ("q_4", conv2d_im2col_float32),
    ("q_5", avgpool_backward_offsets),
    ("q_5", avgpool_backward_tf),
    ("q_6", conv2d_backward_windows),
    ("q_6", conv2d_backward_tf),
    ("q_8", "Fewer parameters because the same kernel is used everywhere."),
    ("q_8", "权重共享让同一个卷积核在每个位置都被训练，"
             "参数更少，所以不容易过拟合。"),
]


@pytest.mark.parametrize("qid, value", ALTERNATIVES,
                         ids=[f"{q}-{i}" for i, (q, _) in enumerate(ALTERNATIVES)])
def test_alternative_correct_answers(qid, value):
    """Are other correct ways (einsum, im2col in float32, TensorFlow, lists, floats) accepted?"""
    v = getattr(ex5_cnn, qid).check_value(value)
    assert v.passed, (qid, v.message)


# ---- every catalogued mistake, written by hand, gets its own message ----------------


def conv_output_size_unfixed(n, k, s, p):       # the released bug
    return (n + 2 * p - k) // s


def conv2d_unfixed(X, K, b, stride, padding):   # the released bug: a true convolution
    return conv2d_loops(X, np.flip(K, axis=(0, 1)), b, stride, padding)


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


def conv2d_pad_before(X, K, b, stride, padding):
    Xp = np.pad(X, ((0, 0), (padding, 0), (padding, 0), (0, 0)))
    return conv2d_loops(Xp, K, b, stride, 0)


def conv2d_pad_after(X, K, b, stride, padding):
    Xp = np.pad(X, ((0, 0), (0, padding), (0, padding), (0, 0)))
    return conv2d_loops(Xp, K, b, stride, 0)


def avgpool_backward_assign(output_error, input_shape, size, stride):
    G = np.asarray(output_error, float)
    dX = np.zeros(input_shape)
    for h in range(G.shape[1]):
        for w in range(G.shape[2]):
            dX[:, h * stride:h * stride + size, w * stride:w * stride + size, :] = (
                G[:, h:h + 1, w:w + 1, :] / size ** 2)
    return dX


def avgpool_backward_top_left(output_error, input_shape, size, stride):
    dX = np.zeros(input_shape)
    for h in range(output_error.shape[1]):
        for w in range(output_error.shape[2]):
            dX[:, h * stride, w * stride, :] += output_error[:, h, w, :]
    return dX


def backward_db_in_output_channel_loop(X, K, G):
    # the bias gradient accumulated inside a loop over the output channels
    dX, dK, _ = conv2d_backward(X, K, G)
    db = np.zeros(K.shape[3])
    for d in range(K.shape[3]):
        dK[:, :, :, d] += 0.0
        db += G.sum(axis=(0, 1, 2))
    return dX, dK, db


def backward_db_in_input_channel_loop(X, K, G):
    dX, dK, _ = conv2d_backward(X, K, G)
    db = np.zeros(K.shape[3])
    for c in range(K.shape[2]):
        db += G.sum(axis=(0, 1, 2))
    return dX, dK, db


def backward_with(part, change):
    def wrong(X, K, G):
        grads = list(conv2d_backward(X, K, G))
        grads[part] = change(grads[part], X, K, G)
        return tuple(grads)
    return wrong


def backward_dX_unflipped(X, K, G):
    from scipy.signal import correlate2d

    _, dK, db = conv2d_backward(X, K, G)
    dX = np.zeros(X.shape)
    for n in range(len(X)):
        for c in range(K.shape[2]):
            for d in range(K.shape[3]):
                dX[n, :, :, c] += correlate2d(G[n, :, :, d], K[:, :, c, d], mode="full")
    return dX, dK, db


MISTAKES = [
    ("q_1", conv_output_size_unfixed, "no_plus_one"),
    ("q_1", lambda n, k, s, p: (n + 2 * p - k + 1) // s, "plus_one_inside"),
    ("q_1", lambda n, k, s, p: (n + p - k) // s + 1, "one_side"),
    ("q_1", lambda n, k, s, p: -(-(n + 2 * p - k) // s) + 1, "ceil"),
    ("q_1", lambda n, k, s, p: (n + 2 * p - k) / s + 1, "true_division"),
    ("q_1", lambda n, k, s, p: n + 2 * p - k + 1, "no_stride"),
    ("q_2a", (12, 12, 8), "no_padding"),
    ("q_2a", (14, 14, 8), "one_side"),
    ("q_2a", (17, 17, 8), "ceil"),
    ("q_2a", (15, 15, 8), "no_plus_one"),
    ("q_2a", (32, 32, 8), "no_stride"),
    ("q_2a", (16, 16, 3), "input_channels"),
    ("q_2a", (8, 16, 16), "channels_first"),
    ("q_2a", (None, 16, 16, 8), "batch_axis"),
    ("q_2b", 7 * 7 * 3 * 8, "no_bias"),
    ("q_2b", 7 * 7 * 8 + 8, "no_input_channels"),
    ("q_2b", 7 * 7 * 3 * 8 + 3 * 8, "bias_per_input_channel"),
    ("q_2b", 15 * 15 * 3 * 8 + 8, "padding_counted"),
    ("q_3", 1 + 6 + 4, "no_stride"),            # rows 1-2: channel 0 gives 1, channel 1 gives 6
    ("q_3", 3 + 4, "one_channel"),
    ("q_3", 2 + 4, "one_channel"),
    ("q_3", 3 + 2, "no_bias"),
    ("q_3", 3 + 2 + 8, "bias_per_channel"),
    ("q_3", 3 + 1 + 4, "flipped"),              # flipped kernels: 3 and 1
    ("q_3", 3 + 5 + 4, "row_column"),           # rows 0-1, columns 2-3: 3 and 5
    ("q_4", conv2d_unfixed, "flipped"),
    ("q_4", lambda X, K, b, s, p: conv2d_loops(X, K[::-1], b, s, p), "flip_rows_only"),
    ("q_4", lambda X, K, b, s, p: conv2d_loops(X, np.flip(K, axis=1), b, s, p),
     "flip_columns_only"),
    ("q_4", lambda X, K, b, s, p: conv2d_loops(X, np.flip(K), b, s, p), "flip_every_axis"),
    ("q_4", lambda X, K, b, s, p: conv2d_loops(X, np.swapaxes(K, 0, 1), b, s, p),
     "transposed"),
    ("q_4", conv2d_bias_per_input_channel, "bias_per_input_channel"),
    ("q_4", lambda X, K, b, s, p: conv2d_loops(X, K, 0 * b, s, p), "no_bias"),
    ("q_4", conv2d_pad_before, "one_side"),
    ("q_4", conv2d_pad_after, "one_side"),
    ("q_4", lambda X, K, b, s, p: conv2d_loops(X, K, b, 1, p), "no_stride"),
    ("q_5", lambda G, shape, k, s: avgpool_backward(G, shape, k, s) * k ** 2, "not_shared"),
    ("q_5", lambda G, shape, k, s: avgpool_backward(G, shape, k, s) * k, "divided_by_size"),
    ("q_5", avgpool_backward_assign, "overwrites"),
    ("q_5", avgpool_backward_top_left, "routed_like_max"),
    ("q_6", backward_db_in_output_channel_loop, "db_times_c_out"),
    ("q_6", backward_db_in_input_channel_loop, "db_times_c_in"),
    ("q_6", backward_with(2, lambda db, X, K, G: G.sum(axis=(1, 2)).mean(axis=0)),
     "db_batch_mean"),
    ("q_6", backward_with(2, lambda db, X, K, G: G.mean(axis=(1, 2)).sum(axis=0)),
     "db_position_mean"),
    ("q_6", backward_with(2, lambda db, X, K, G: G.mean(axis=(0, 1, 2))), "db_mean"),
    ("q_6", backward_with(2, lambda db, X, K, G: G[0].sum(axis=(0, 1))), "db_one_sample"),
    ("q_6", backward_with(1, lambda dK, X, K, G: dK / len(X)), "dK_batch_mean"),
    ("q_6", backward_with(1, lambda dK, X, K, G: np.einsum("ijcd->ijdc", dK)),
     "dK_channels_swapped"),
    ("q_6", backward_with(1, lambda dK, X, K, G: np.flip(dK, axis=(0, 1))), "dK_flipped"),
    ("q_6", backward_dX_unflipped, "dX_unflipped"),
]


@pytest.mark.parametrize("qid, value, mistake", MISTAKES,
                         ids=[f"{q}-{m}-{i}" for i, (q, _, m) in enumerate(MISTAKES)])
def test_each_catalogued_mistake_is_named(qid, value, mistake):
    """Does a hand-written answer making each mistake get that mistake's message?"""
    q = getattr(ex5_cnn, qid)
    v = q.check_value(value)
    assert v.status is Status.INCORRECT
    assert v.message == text(f"ex5_cnn.{qid}.mistake.{mistake}", name=q.name), v.message


def test_every_mistake_of_every_question_is_exercised_above():
    """Does MISTAKES cover every Mistake the questions catalogue?"""
    tested = {(qid, f"ex5_cnn.{qid}.mistake.{m}") for qid, _, m in MISTAKES}
    catalogued = {(qid, m.description.key) for qid in QUICK
                  for m in getattr(getattr(ex5_cnn, qid), "mistakes", ())}
    assert catalogued == tested


def test_find_the_bug_questions_reject_the_released_code_and_name_wrong_fixes():
    """Is the unfixed code named as still buggy, and is a plausible wrong fix named too?"""
    q1 = ex5_cnn.q_1.check_value(conv_output_size_unfixed)
    assert "still has the bug" in q1.message
    wrong_fix = ex5_cnn.q_1.check_value(lambda n, k, s, p: (n + 2 * p - k + 1) // s)
    assert "right for stride 1 only" in wrong_fix.message
    q4 = ex5_cnn.q_4.check_value(conv2d_unfixed)
    assert "still flips the kernel" in q4.message
    for half_fix in (lambda X, K, b, s, p: conv2d_loops(X, K[::-1], b, s, p),
                     lambda X, K, b, s, p: conv2d_loops(X, np.flip(K), b, s, p)):
        v = ex5_cnn.q_4.check_value(half_fix)
        assert v.status is Status.INCORRECT and "flips" in v.message


def test_conv_backward_messages_name_the_wrong_part():
    """Is an unnamed error in one gradient reported as `dX`, `dK` or `db`?"""
    for part, name in enumerate(("dX", "dK", "db")):
        v = ex5_cnn.q_6.check_value(backward_with(part, lambda g, X, K, G: g + 0.5))
        assert v.status is Status.INCORRECT and f"`{name}`" in v.message, v.message
    short = ex5_cnn.q_6.check_value(lambda X, K, G: conv2d_backward(X, K, G)[:2])
    assert short.status is Status.INCORRECT and "tuple of 3" in short.message


# ---- blanks and odd answers --------------------------------------------------------


def test_every_blank_asks_to_fill_in():
    """Do ____ values, functions with a ____ and undefined names say 'Fill in'?"""
    def stub_size(n, k, s, p):
        return ____

    def stub_forward(X, K, b, stride, padding):
        ____

    def stub_pool(output_error, input_shape, size, stride):
        return ____

    def stub_backward(X, K, output_error):
        return ____, ____, output_error.sum(axis=(0, 1, 2))

    blanks = {"conv_output_size": stub_size, "predicted_shape": ____,
              "predicted_params": ____, "y_10": ____, "conv2d_forward": stub_forward,
              "avgpool_backward": stub_pool, "conv2d_backward": stub_backward,
              "model": ____, "answer_8": ____}
    for qid in QUESTIONS:
        q = getattr(ex5_cnn, qid)
        assert q.verdict(blanks).status is Status.BLANK, qid
        assert q.verdict({}).status is Status.BLANK, qid
    assert ex5_cnn.q_2a.check_value((____, 16, 8)).status is Status.BLANK


def test_thought_question_needs_words_before_the_discussion():
    """Blank, empty or very short: fill in, no discussion; an answer: the discussion."""
    q = ex5_cnn.q_8
    discussion = text("ex5_cnn.q_8.discussion")
    for value in (____, "", "   ", "idk", 42):
        feedback = str(q.feedback({"answer_8": value}))
        # not a text at all (42) is Incorrect, saying a text is wanted; the rest Fill in
        want = Status.INCORRECT if value == 42 else Status.BLANK
        assert q.check_value(value).status is want, value
        assert discussion[:60] not in feedback
    assert discussion[:60] in str(q.feedback(ANSWERS))


def test_checks_never_crash_on_odd_answers():
    """Do wrong types, raising functions and NaNs give a verdict, never an internal error?"""
    def raises(*args):
        raise ValueError("boom")

    odd = [None, "text", 3, np.full((2, 2), np.nan), raises, lambda *a: None, [1, 2],
           (np.nan, 1, 2), math.inf]
    for qid in QUICK:
        q = getattr(ex5_cnn, qid)
        for value in odd:
            v = q.check_value(value)
            assert not v.internal, (qid, value, v)
            if qid != "q_8":
                assert v.status in (Status.INCORRECT, Status.UNCHECKABLE), (qid, value, v)


def test_messages_switch_to_chinese(monkeypatch):
    """With LEARNTOOLS_LANG=zh_CN, are a hint, a named mistake and the discussion Chinese?"""
    monkeypatch.setenv("LEARNTOOLS_LANG", "zh_CN")
    v = ex5_cnn.q_6.check_value(backward_db_in_output_channel_loop)
    assert "输出通道数" in v.message
    assert "互相关" in ex5_cnn.q_4.check_value(conv2d_unfixed).message
    assert "卷积核" in ex5_cnn.q_2b.hint_text(2)
    assert "权重共享" in str(ex5_cnn.q_8.feedback(ANSWERS))


def test_no_hint_or_module_holds_a_solution_line():
    """Does no message, and no module of the package, contain a line of the solutions?"""
    nb = json.loads((ROOT / "solutions/ex5_cnn/ex5_cnn.ipynb").read_text())
    lines = set()
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if "### BEGIN SOLUTION" in source and "grade_id" in json.dumps(cell["metadata"]):
            region = source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
            lines |= {line.strip() for line in region.splitlines()
                      if len(line.strip()) > 12 and not line.strip().startswith("keras.")}
    assert lines
    from learntools_lite.messages import en, zh_CN
    texts = {key: message for catalogue in (en.MESSAGES, zh_CN.MESSAGES)
             for key, message in catalogue.items() if key.startswith("ex5_cnn.")}
    package = Path(ex5_cnn.__file__).parent
    texts.update({path.name: path.read_text() for path in package.glob("*.py")})
    for where, message in texts.items():
        for line in lines:
            assert line not in message, (where, line)


# ---- the data and oracles themselves -------------------------------------------------


def test_the_notebook_shows_the_data_the_checker_uses():
    """Do the notebook's X_hand, K_hand, b_hand equal the arrays q_3 is checked with?"""
    nb = json.loads((ROOT / "solutions/ex5_cnn/ex5_cnn.ipynb").read_text())
    source = next("".join(c["source"]) for c in nb["cells"]
                  if "".join(c["source"]).startswith("X_hand = "))
    namespace = {"np": np}
    exec(source.split("for c in range")[0], namespace)
    assert np.array_equal(namespace["X_hand"], sizes.HAND_X)
    assert np.array_equal(namespace["K_hand"], sizes.HAND_K)
    assert np.array_equal(namespace["b_hand"], sizes.HAND_B)


def test_hand_value_and_layer_facts_agree_with_tensorflow():
    """Is q_3's value TensorFlow's, are q_2's shape and count Keras's, all mistakes different?"""
    import tensorflow as tf

    Y = tf.nn.conv2d(sizes.HAND_X, sizes.HAND_K, strides=2, padding="VALID").numpy()
    assert Y[0, 1, 0, 0] + sizes.HAND_B[0] == sizes._hand_value() == ANSWERS["y_10"]
    model = sizes.layer_under_test()
    assert model.output_shape[1:] == sizes.KERAS_SHAPE == ANSWERS["predicted_shape"]
    assert model.count_params() == sizes.KERAS_PARAMS == ANSWERS["predicted_params"]
    side = sizes.count_positions(sizes.SIDE, sizes.KERNEL, sizes.STRIDE, sizes.PAD)
    assert sizes.KERAS_SHAPE == (side, side, sizes.FILTERS)
    for qid, expected in (("q_2a", ANSWERS["predicted_shape"]),
                          ("q_2b", ANSWERS["predicted_params"]), ("q_3", ANSWERS["y_10"])):
        q = getattr(ex5_cnn, qid)
        wrong = [m.wrong(expected) if callable(m.wrong) else m.wrong for m in q.mistakes]
        wrong = [tuple(w) if isinstance(w, tuple) else float(w) for w in wrong]
        assert expected not in wrong and len(set(wrong)) == len(wrong), (qid, wrong)


def test_output_size_oracle_agrees_with_keras():
    """Does q_1's window count equal the shape Keras computes on its cases?"""
    import keras

    for n, k, s, p in ex5_cnn.q_1.all_cases():
        if k > n + 2 * p:
            continue
        model = keras.Sequential([keras.Input(shape=(n, n, 1)), keras.layers.ZeroPadding2D(p),
                                  keras.layers.Conv2D(1, k, strides=s)])
        assert model.output_shape[1] == sizes.count_positions(n, k, s, p), (n, k, s, p)


def test_forward_oracle_agrees_with_tensorflow():
    """Does q_4's SciPy oracle equal tf.nn.conv2d on every case the checker uses?"""
    for X, K, b, stride, padding in ex5_cnn.q_4.all_cases():
        assert np.allclose(oracles.conv2d(X, K, b, stride, padding),
                           conv2d_tf(X, K, b, stride, padding))


def test_avgpool_oracle_agrees_with_tensorflow():
    """Are q_5's finite-difference gradients TensorFlow's on every case the checker uses?"""
    for G, shape, size, stride in ex5_cnn.q_5.all_cases():
        assert np.allclose(oracles.avgpool_grad(G, shape, size, stride),
                           avgpool_backward_tf(G, shape, size, stride))
    assert any(stride < size for _, _, size, stride in ex5_cnn.q_5.all_cases())


def test_conv_gradient_oracle_agrees_with_finite_differences_and_tensorflow():
    """Are the SciPy formulas of q_6's oracle the gradients of the forward oracle?"""
    rng = np.random.default_rng(0)
    for X, K, G in backward._grad_cases() + [backward._grad_case(rng) for _ in range(3)]:
        b = rng.normal(size=K.shape[3])
        dX, dK, db = oracles.conv_grads(X, K, G)

        def energy(X_=X, K_=K, b_=b):
            return np.sum(oracles.conv2d(X_, K_, b_, 1, 0) * G)

        assert np.allclose(dX, numerical_gradient(lambda x: energy(X_=x), X, 1e-5), atol=1e-6)
        assert np.allclose(dK, numerical_gradient(lambda k: energy(K_=k), K, 1e-5), atol=1e-6)
        assert np.allclose(db, numerical_gradient(lambda c: energy(b_=c), b, 1e-5), atol=1e-6)
        tf_dX, tf_dK, _ = conv2d_backward_tf(X, K, G)
        assert np.allclose(dX, tf_dX) and np.allclose(dK, tf_dK)


def test_importing_the_exercise_imports_neither_scipy_nor_tensorflow():
    """Is `from learntools_lite.ex5_cnn import *` cheap (SciPy and Keras only when checked)?"""
    import subprocess
    import sys

    code = ("import sys; from learntools_lite.ex5_cnn import *; "
            "print(sorted(m for m in ('scipy', 'tensorflow', 'keras') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


# ---- q_7: a trained CNN (slow: trains a small model for about a minute) -------------


@pytest.fixture(scope="module")
def trained_cnn():
    import keras

    from learntools_lite.datasets import load_mnist

    (train_images, train_labels), _ = load_mnist()
    X = train_images[:20000, :, :, None].astype("float32") / 255
    keras.utils.set_random_seed(0)
    model = keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(8, 5, activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(16, 3, activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(10),                                   # logits
    ])
    model.compile(optimizer="adam",
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    model.fit(X, train_labels[:20000], epochs=2, batch_size=64, verbose=0)
    return model


@pytest.mark.slow
def test_trained_cnn_passes_and_its_mistakes_are_named(trained_cnn):
    """Correct for a trained CNN; named messages for raw pixels, no Conv2D, untrained."""
    import keras

    q = ex5_cnn.q_7
    v = q.check_value(trained_cnn)
    assert v.passed, v
    assert "held-out" in v.message

    # the same network behind a Rescaling(1/255): it expects raw 0..255 pixels
    raw = keras.Sequential([keras.Input(shape=(28, 28, 1)), keras.layers.Rescaling(1 / 255),
                            *trained_cnn.layers])
    assert q.check_value(raw).message == text("ex5_cnn.q_7.raw_pixels", name="model")

    dense = keras.Sequential([keras.Input(shape=(28, 28, 1)), keras.layers.Flatten(),
                              keras.layers.Dense(10, activation="softmax")])
    assert q.check_value(dense).message == text("ex5_cnn.q_7.no_conv", name="model")

    keras.utils.set_random_seed(1)
    untrained = keras.Sequential([keras.Input(shape=(28, 28, 1)),
                                  keras.layers.Conv2D(4, 3), keras.layers.Flatten(),
                                  keras.layers.Dense(10)])
    assert "about chance" in q.check_value(untrained).message

    wrong_head = keras.Sequential([keras.Input(shape=(28, 28, 1)), keras.layers.Conv2D(4, 3),
                                   keras.layers.Flatten(), keras.layers.Dense(3)])
    assert "10 scores per image" in q.check_value(wrong_head).message

    wrong_input = keras.Sequential([keras.Input(shape=(32, 32, 3)), keras.layers.Conv2D(4, 3),
                                    keras.layers.Flatten(), keras.layers.Dense(10)])
    assert "(28, 28, 1)" in q.check_value(wrong_input).message
