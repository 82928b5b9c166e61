"""The data that crosses between kernel and grader: validated, never unpickled; and the kernel's build.

Unit tests of grading/wire.py (decode trusts nothing), grading/answerer.py
(run here in an IPython shell, as the kernel runs it) and
grading/kernel_package.py (the exercise modules the kernel sees hold no
answer). The end-to-end attacks are in test_grading_attacks.py.
"""
from __future__ import annotations

import base64
import io
import json

import numpy as np
import pytest

from learntools_lite.core.blank import is_blank
from learntools_lite.grading import kernel_package, wire
from learntools_lite.grading.queries import ANSWERER, MIME


def _npy(array, **kw) -> str:
    buf = io.BytesIO()
    np.save(buf, array, **kw)
    return base64.b64encode(buf.getvalue()).decode()


@pytest.mark.parametrize("value", [None, True, 3, 2.5, "text", [1, 2], (1, (2, 3)), {"a": 1},
                                   np.arange(6.0).reshape(2, 3), np.float32(1.5), float("nan")])
def test_values_round_trip(value):
    """Does every kind of data come back as it was sent?"""
    back = wire.decode(json.loads(json.dumps(wire.encode(value))))
    if isinstance(value, float) and value != value:
        assert back != back
    elif isinstance(value, np.ndarray):
        assert isinstance(back, np.ndarray) and np.array_equal(back, value) and back.dtype == value.dtype
    else:
        assert back == value and type(back) is type(value)


@pytest.mark.parametrize("data, why", [
    ({"$nd": _npy(np.array([object()], dtype=object), allow_pickle=True)}, "npy"),
    ({"$nd": "not base64 !!"}, "npy"),
    ({"$nd": _npy(np.zeros(2, dtype=[("a", "f8"), ("b", "i4")]))}, "dtype"),
    ({"$np": _npy(np.arange(3))}, "0-d"),
    ({"$evil": 1}, "unknown tag"),
    ({"a": 1, "b": 2}, "unexpected"),
    ({"$float": "1e999999"}, "bad float"),
])
def test_malformed_data_is_refused(data, why):
    """Is a pickle, a record array, bad base64 or an unknown tag refused with a reason?"""
    with pytest.raises(wire.BadReply, match=why):
        wire.decode(data)


def test_nesting_and_size_are_bounded():
    deep = 1
    for _ in range(wire.MAX_DEPTH + 5):
        deep = [deep]
    with pytest.raises(wire.BadReply, match="deep"):
        wire.decode(deep)
    with pytest.raises(wire.BadReply, match="items"):
        wire.decode([0] * (wire.MAX_ITEMS + 1))


def test_blank_and_opaque_values():
    assert is_blank(wire.decode({"$blank": 1}))
    assert repr(wire.decode({"$opaque": "Network"})) == "<Network object>"


def _answer_in_ipython(request: dict, user_ns: dict) -> dict:
    """Run the answerer's text as the grader sends it, in a real IPython shell."""
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    published = []
    shell.display_pub.publish = lambda data, **kw: published.append(data)
    shell.user_ns.update(user_ns)
    code = f"{ANSWERER}\n_ltl_answer(__import__('json').loads({json.dumps(request)!r}), globals())\n"
    shell.run_cell(code, store_history=False)
    (data,) = published
    return json.loads(data[MIME])


def test_answerer_describes_and_calls_in_a_shell():
    """Does the kernel-side text describe values and functions and call them on sent inputs?"""
    def double(x):
        x *= 2  # changes its argument in place
        return x.sum()

    ns = {"batch": np.ones((2, 2)), "double": double, "shape": (1, 2)}
    value = _answer_in_ipython({"op": "describe", "name": "batch", "id": "1"}, ns)
    assert value["kind"] == "value" and wire.decode(value["value"]).shape == (2, 2)
    assert _answer_in_ipython({"op": "describe", "name": "nothing", "id": "2"}, ns)["kind"] == "missing"
    assert _answer_in_ipython({"op": "describe", "name": "double", "id": "3"}, ns) == \
        {"kind": "function", "blank": False, "id": "3"}
    reply = _answer_in_ipython({"op": "call", "name": "double", "id": "4",
                                "args": [wire.encode(np.arange(3.0))]}, ns)
    assert wire.decode(reply["value"]) == 6.0
    assert np.array_equal(wire.decode(reply["args_after"])[0], [0.0, 2.0, 4.0])
    raised = _answer_in_ipython({"op": "call", "name": "double", "id": "5", "args": ["text"]}, ns)
    assert raised["error"].startswith("AttributeError")  # "texttext".sum()


@pytest.mark.parametrize("exercise", kernel_package.exercise_modules())
def test_kernel_build_of_an_exercise_holds_no_answer(exercise, tmp_path):
    """Does the kernel's exN.py name the questions and nothing else (no expected value, oracle, hint)?"""
    import importlib

    build = kernel_package.build(tmp_path / "learntools_lite")
    folder = build / exercise
    if folder.is_dir():  # an exercise package: only a stub __init__.py is left
        assert [p.name for p in folder.iterdir()] == ["__init__.py"]
    source = (folder / "__init__.py" if folder.is_dir() else build / f"{exercise}.py").read_text()
    real = importlib.import_module(f"learntools_lite.{exercise}")
    for name in real.__all__:
        assert repr(name) in source
    for q in [getattr(real, n) for n in real.__all__ if n.startswith("q_")]:
        for hint in getattr(q, "hints", ()):
            assert str(hint)[:40] not in source
    assert "expected" not in source and "oracle" not in source and "lambda" not in source
    assert not (build / "oracles.py").exists() and not (build / "grading").exists()
    assert not (build / "core" / "solutions.py").exists()
