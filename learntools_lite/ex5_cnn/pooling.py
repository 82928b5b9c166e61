"""Question 5: average pooling backward, with any stride (windows may overlap).

A variant of the chapter's pooling: the learner writes dE/dX from the layer's
input shape, window size, stride and dE/dY. The oracle is central
differences of a plain-loop average pooling (exact: the layer is linear).
"""
import numpy as np

from ..core import FunctionQuestion, Mistake
from ..messages import catalogue
from .oracles import avgpool, avgpool_grad

_ = catalogue("ex5_cnn")


def _windows_of(input_shape, size, stride):
    N, H, W, C = input_shape
    return range(0, H - size + 1, stride), range(0, W - size + 1, stride)


def _assigned(output_error, input_shape, size, stride):
    """The gradient written with `=` instead of `+=`: overlapping windows overwrite."""
    G = np.asarray(output_error, float)
    dX = np.zeros(tuple(input_shape))
    rows, cols = _windows_of(input_shape, size, stride)
    for a, top in enumerate(rows):
        for c, left in enumerate(cols):
            dX[:, top:top + size, left:left + size, :] = G[:, a:a + 1, c:c + 1, :] / size ** 2
    return dX


def _top_left(output_error, input_shape, size, stride):
    """Each output's whole gradient sent to the top-left pixel of its window."""
    G = np.asarray(output_error, float)
    dX = np.zeros(tuple(input_shape))
    rows, cols = _windows_of(input_shape, size, stride)
    for a, top in enumerate(rows):
        for c, left in enumerate(cols):
            dX[:, top, left, :] += G[:, a, c, :]
    return dX


def _case(rng, size=None, stride=None):
    size = int(rng.integers(2, 4)) if size is None else size
    stride = int(rng.integers(1, size + 1)) if stride is None else stride
    n, c = int(rng.integers(1, 3)), int(rng.integers(1, 3))
    h, w = (int(v) for v in rng.integers(size + 1, 8, size=2))
    shape = (n, h, w, c)
    return rng.normal(size=avgpool(np.zeros(shape), size, stride).shape), shape, size, stride


def _cases():
    rng = np.random.default_rng(8)
    return [_case(rng, 2, 2), _case(rng, 3, 2), _case(rng, 3, 1), _case(rng, 2, 1)]


q_5 = FunctionQuestion(
    var="avgpool_backward",
    oracle=avgpool_grad,
    cases=_cases,
    random_cases=_case,
    atol=1e-7,
    mistakes=[
        Mistake(_("q_5.mistake.not_shared"),
                wrong=lambda G, shape, k, s: avgpool_grad(G, shape, k, s) * k ** 2),
        Mistake(_("q_5.mistake.divided_by_size"),
                wrong=lambda G, shape, k, s: avgpool_grad(G, shape, k, s) * k),
        Mistake(_("q_5.mistake.overwrites"), wrong=_assigned),
        Mistake(_("q_5.mistake.routed_like_max"), wrong=_top_left),
    ],
    hints=[_("q_5.hint.1"), _("q_5.hint.2"), _("q_5.hint.3")],
)
