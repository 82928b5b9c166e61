"""Fuzz every question of every exercise with wrong values and functions.

Exercise modules and packages (`learntools_lite.ex<digit>...`, e.g.
`ex1_tensors.py` or `ex4_backprop/`) are discovered at collection time with
pkgutil, so exercises added later are fuzzed too: flat questions (`q_3a`)
and, while they exist, Multipart parts. The property: `verdict()` never
raises and never reports a checker failure (`internal`), whatever the
learner wrote. At least MIN_CASES cases run over all questions (split
evenly: VALUE_CASES values, FUNCTION_CASES learner functions); the count
is asserted at the end of a full run, and printed.
"""
import copy
import math
import importlib
import pkgutil
import re
import sys

import hypothesis.extra.numpy as hnp
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import learntools_lite
from learntools_lite.core import FunctionQuestion, Multipart, Question, Status

CASES = {"values": 0, "functions": 0}


def _exercise_modules():
    """Every exercise of the package: modules and packages named ex<digit>..."""
    names = sorted(m.name for m in pkgutil.iter_modules(learntools_lite.__path__)
                   if re.fullmatch(r"ex\d+\w*", m.name))
    return [importlib.import_module(f"learntools_lite.{n}") for n in names]


def _questions():
    out = []
    for mod in _exercise_modules():
        for key in getattr(mod, "__all__", dir(mod)):
            obj = getattr(mod, key, None)
            if isinstance(obj, Multipart):
                out += [(f"{mod.__name__.split('.')[-1]}.{key}.{p}", q)
                        for p, q in obj.parts.items()]
            elif isinstance(obj, Question):
                out.append((f"{mod.__name__.split('.')[-1]}.{key}", obj))
    return out


def _kinds():
    """One question of each Keras kind too (exercises using them may not exist yet)."""
    from learntools_lite.keras_checks import (KerasCompileQuestion, KerasFitQuestion,
                                              KerasModelQuestion)
    return [("kinds.keras_compile", KerasCompileQuestion(metrics=["mae"], learning_rate=0.01)),
            ("kinds.keras_fit", KerasFitQuestion(epochs=2, batch_size=4, num_samples=10)),
            ("kinds.keras_model", KerasModelQuestion(layers=[("Dense", {"units": 2})],
                                                     input_shape=(3,), params=8))]


QUESTIONS = _questions() + _kinds()


def _fast(q):
    """A copy with short time limits, so looping functions cost little."""
    q = copy.copy(q)
    if isinstance(q, FunctionQuestion):
        q.timeout = 0.05
        q.n_random = min(q.n_random, 2)
    q.check_timeout = 5.0
    return q


MIN_CASES = 10_000
VALUE_CASES, FUNCTION_CASES = 6_600, 3_400


# ------------------------------------------------------------ strategies
EXCEPTIONS = [ValueError, TypeError, RuntimeError, ZeroDivisionError, IndexError,
              MemoryError, RecursionError, AttributeError, SystemExit, GeneratorExit,
              type("LearnerBase", (BaseException,), {}), StopIteration, AssertionError]
DUNDERS = ["__eq__", "__ne__", "__array__", "__len__", "__repr__", "__str__", "__bool__",
           "__getattr__", "__iter__", "__float__", "__hash__", "__getitem__", "__index__"]


def _hostile(raising, exc):
    def make(name, ok):
        def method(self, *args, **kwargs):
            if name in raising:
                raise exc("hostile " + name)
            return ok(self, *args, **kwargs)
        return method

    ok = {"__eq__": lambda s, o: False, "__ne__": lambda s, o: True,
          "__array__": lambda s, *a, **k: np.zeros(2), "__len__": lambda s: 2,
          "__repr__": lambda s: "H", "__str__": lambda s: "H", "__bool__": lambda s: True,
          "__getattr__": lambda s, n: (_ for _ in ()).throw(AttributeError(n)),
          "__iter__": lambda s: iter([1, 2]), "__float__": lambda s: 1.0,
          "__hash__": lambda s: 1, "__getitem__": lambda s, i: 1, "__index__": lambda s: 1}
    cls = type("Hostile", (), {name: make(name, fn) for name, fn in ok.items()})
    return cls()


def _recursive(n):
    a = list(range(n))
    a.append(a)
    return a


def _generator(n):
    return (i for i in range(n))


scalars = st.one_of(
    st.integers(), st.integers(min_value=10 ** 300, max_value=10 ** 400),
    st.floats(allow_nan=True, allow_infinity=True), st.complex_numbers(),
    st.text(max_size=20), st.binary(max_size=8), st.booleans(), st.none(),
    st.sampled_from([Ellipsis, object(), type, print, np.float32(np.nan), np.int8(-1),
                     np.bool_(True), "a", "A", " (b) ", "mae", "adam"]),
)
arrays = hnp.arrays(
    dtype=st.sampled_from([np.int8, np.int64, np.uint8, np.float16, np.float32, np.float64,
                           np.bool_, np.complex128, np.dtype("U3"), np.dtype("M8[s]")]),
    shape=hnp.array_shapes(min_dims=0, max_dims=4, min_side=0, max_side=6))
hostiles = st.builds(_hostile, st.sets(st.sampled_from(DUNDERS), min_size=1),
                     st.sampled_from(EXCEPTIONS))
values = st.recursive(
    st.one_of(scalars, arrays, hostiles,
              st.builds(_recursive, st.integers(0, 3)), st.builds(_generator, st.integers(0, 3))),
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.tuples(inner, inner),
                            st.dictionaries(st.text(max_size=3), inner, max_size=3),
                            st.frozensets(st.integers(), max_size=4)),
    max_leaves=8)


def _function(kind, value, exc):
    if kind == "return":
        return lambda *a, **k: value
    if kind == "raise":
        def f(*a, **k):
            raise exc("learner error")
        return f
    if kind == "loop":
        def f(*a, **k):
            while True:
                pass
        return f
    if kind == "print":
        def f(*a, **k):
            for _ in range(2000):
                print("x" * 50)
            return value
        return f
    if kind == "exit":
        return lambda *a, **k: sys.exit(1)
    if kind == "mutate":
        def f(*a, **k):
            for x in a:
                if isinstance(x, np.ndarray) and x.size and x.dtype.kind == "f":
                    x *= -1
            return a[0] if a else value
        return f
    if kind == "hostile":
        return lambda *a, **k: _hostile(set(DUNDERS), RuntimeError)
    return lambda *a, **k: list(a)  # echo the input back


functions = st.builds(_function, st.sampled_from(
    ["return", "raise", "loop", "print", "exit", "mutate", "hostile", "echo"]),
    values, st.sampled_from(EXCEPTIONS))


def _assert_clean(q, v):
    assert isinstance(v.status, Status)
    if v.internal:
        INTERNAL.append(f"{q.qid}: {v.message}")
    assert not v.internal, f"{q.qid}: {v.message}"
    str(v)


# The case budget, shared by however many questions exist (at least 40 each).
FUNCTION_QUESTIONS = [(i, q) for i, q in QUESTIONS if isinstance(q, FunctionQuestion)]
PER_VALUE_QUESTION = max(40, math.ceil(VALUE_CASES / max(1, len(QUESTIONS))))
PER_FUNCTION_QUESTION = max(40, math.ceil(FUNCTION_CASES / max(1, len(FUNCTION_QUESTIONS))))
PLANNED = (PER_VALUE_QUESTION * len(QUESTIONS)
           + PER_FUNCTION_QUESTION * len(FUNCTION_QUESTIONS))
VALUE_RUNS = settings(max_examples=PER_VALUE_QUESTION, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))
FUNCTION_RUNS = settings(VALUE_RUNS, max_examples=PER_FUNCTION_QUESTION)
RAN: set[str] = set()       # the tests of this module that ran (a full run: all of them)
INTERNAL: list[str] = []    # internal errors seen (each also fails its own test)


@pytest.mark.parametrize("qid,question", QUESTIONS, ids=[q for q, _ in QUESTIONS])
def test_wrong_values_never_crash_a_check(qid, question):
    """Does any value (numbers, NaN, strings, nested lists, arrays, hostile objects)
    get a clean verdict from every question?"""
    q = _fast(question)
    n = max(len(q.var_names), 1)

    @VALUE_RUNS
    @given(st.lists(values, min_size=n, max_size=n))
    def run(vals):
        CASES["values"] += 1
        _assert_clean(q, q.check_value(*vals))

    run()
    RAN.add(f"values:{qid}")


@pytest.mark.parametrize("qid,question", FUNCTION_QUESTIONS, ids=[i for i, _ in FUNCTION_QUESTIONS])
def test_wrong_functions_never_crash_a_check(qid, question):
    """Do functions that return junk, raise anything, loop, print, exit or mutate
    their input get clean verdicts?"""
    q = _fast(question)

    @FUNCTION_RUNS
    @given(functions)
    def run(func):
        CASES["functions"] += 1
        _assert_clean(q, q.check_value(func))

    run()
    RAN.add(f"functions:{qid}")


@pytest.fixture(scope="module", autouse=True)
def report_count(request):
    """Print the number of cases tried (shown with -s, and in the terminal summary)."""
    yield
    total = sum(CASES.values())
    line = (f"checker fuzz: {total} cases ({CASES['values']} values, "
            f"{CASES['functions']} functions) over {len(QUESTIONS)} questions, "
            f"{len(INTERNAL)} internal errors")
    print("\n" + line)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(line)


def test_the_plan_covers_at_least_ten_thousand_cases():
    """Does the case budget add up to at least MIN_CASES over all questions, with
    questions of every exercise in it?"""
    assert PLANNED >= MIN_CASES
    exercises = {qid.split(".")[0] for qid, _ in QUESTIONS} - {"kinds"}
    assert len(exercises) >= 5, exercises
    assert FUNCTION_QUESTIONS


def test_after_a_full_run_at_least_ten_thousand_cases_ran_cleanly(record_property):
    """After the fuzz tests of a full run (this test runs last in the module), did at
    least MIN_CASES cases run, with zero internal errors? (The count is recorded as a
    junit property.)"""
    total = sum(CASES.values())
    record_property("fuzz_cases", total)
    assert INTERNAL == []
    wanted = {f"values:{i}" for i, _ in QUESTIONS} | {f"functions:{i}"
                                                      for i, _ in FUNCTION_QUESTIONS}
    if RAN != wanted:
        pytest.skip(f"a partial run ({len(RAN)} of {len(wanted)} fuzz tests): "
                    f"{total} cases, no internal error")
    assert total >= MIN_CASES
