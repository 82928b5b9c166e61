"""Calling learner code inside a check: one time budget per check, a timed-out
function called once, KeyboardInterrupt without checker frames, and whose code
raised (the learner's, ours, or an installed library's)."""
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest

from learntools_lite.core import FunctionQuestion, Status, ValueQuestion
from learntools_lite.core import triage
from learntools_lite.core.safe import (CallTimeout, CheckTimeout, call_safely, check_scope,
                                       remaining, time_limit)


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.delenv("LEARNTOOLS_LANG", raising=False)


def _counting_loop(calls):
    def slow(x):
        calls.append(x)
        while True:
            pass
    return slow


def test_a_timed_out_function_is_called_once_and_the_wait_is_the_stated_limit():
    """Is a looping learner function called once, so the check waits the per-call
    limit its message states, however many cases the question has?"""
    calls = []
    q = FunctionQuestion(var="f", oracle=lambda x: x, cases=[(1.0,), (2.0,), (3.0,)],
                         timeout=0.3)
    start = time.monotonic()
    v = q.check_value(_counting_loop(calls))
    waited = time.monotonic() - start
    assert v.status is Status.INCORRECT and "did not finish within 0.3 s" in v.message
    assert calls == [1.0]
    assert waited < 0.3 * 2 + 1.0  # one limit, not one per case (generous for a loaded machine)


def test_a_diagnosis_inside_the_same_check_does_not_call_it_again():
    """Does call_safely, inside one check, answer 'timed out' at once for a function
    that already timed out (a second look must not wait again)?"""
    calls = []
    slow = _counting_loop(calls)
    with check_scope():
        first = call_safely(slow, (1,), timeout=0.2)
        second = call_safely(slow, (2,), timeout=0.2)
    assert first.timed_out and not first.skipped
    assert second.timed_out and second.skipped
    assert calls == [1]
    with check_scope():  # a new check calls it again
        assert not call_safely(slow, (3,), timeout=0.1).skipped
    assert calls == [1, 3]


def test_bound_methods_of_one_object_count_as_one_function():
    """Is `net.predict` recognised as the same function when fetched twice?"""
    class Net:
        calls = 0

        def predict(self, x):
            Net.calls += 1
            while True:
                pass

    net = Net()
    with check_scope():
        call_safely(net.predict, (1,), timeout=0.1)
        assert call_safely(net.predict, (1,), timeout=0.1).skipped
    assert Net.calls == 1


def test_each_call_is_charged_against_the_whole_check_budget():
    """Do calls share the check's budget: a check of many slow-but-finishing calls
    stops when the budget is spent, with the budget named in the message?"""
    def slowish(x):
        end = time.monotonic() + 0.25
        while time.monotonic() < end:
            pass
        return x

    q = FunctionQuestion(var="f", oracle=lambda x: x, cases=[(float(i),) for i in range(20)],
                         timeout=1.0, check_timeout=0.8)
    start = time.monotonic()
    v = q.check_value(slowish)
    waited = time.monotonic() - start
    assert v.status is Status.UNCHECKABLE and "took longer than 0.8 s" in v.message
    assert waited < 0.8 + 1.0


def test_nested_limits_the_outer_one_wins_and_time_counts_for_both():
    """Does an inner limit longer than what is left of the outer one end at the
    outer deadline, raising the outer exception?"""
    with pytest.raises(CheckTimeout):
        with time_limit(0.3, CheckTimeout):
            assert remaining() <= 0.3
            with time_limit(5.0, CallTimeout):
                assert remaining() <= 0.3
                while True:
                    pass
    assert remaining() is None
    with pytest.raises(CallTimeout):  # the inner, shorter limit still fires first
        with time_limit(5.0, CheckTimeout):
            with time_limit(0.1, CallTimeout):
                while True:
                    pass


def test_a_limit_restores_a_timer_set_before_it():
    """Is an interval timer that someone else set still running, less the time spent?"""
    import signal

    fired = []
    old = signal.signal(signal.SIGALRM, lambda *a: fired.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 1.0)
        with time_limit(0.5):
            time.sleep(0.2)
        left = signal.getitimer(signal.ITIMER_REAL)[0]
        assert 0.5 < left < 0.85
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


LEARNER_CELL = textwrap.dedent('''
    from learntools_lite.core import FunctionQuestion
    def relu(x):
        raise KeyboardInterrupt
    q = FunctionQuestion(var="relu", oracle=lambda x: x, cases=[(1.0,)])
    q.check({"relu": relu})
''')


def test_keyboard_interrupt_in_learner_code_shows_no_checker_frames():
    """Does a learner function that raises KeyboardInterrupt stop the cell with a
    traceback (as IPython shows it in a notebook) that has no checker frame?"""
    code = textwrap.dedent(f'''
        from IPython.core.interactiveshell import InteractiveShell
        shell = InteractiveShell.instance()
        shell.colors = "NoColor"
        result = shell.run_cell({LEARNER_CELL!r})
        print("ERROR", type(result.error_in_exec).__name__)
    ''')
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    shown = out.stdout + out.stderr
    assert "ERROR KeyboardInterrupt" in shown, shown
    assert "raise KeyboardInterrupt" in shown, shown          # the learner's own frame
    assert "learntools_lite" not in shown, shown               # no checker frame
    assert "call_safely" not in shown and "verdict" not in shown, shown


def test_keyboard_interrupt_traceback_keeps_only_learner_frames():
    """Outside IPython, is the traceback trimmed to the learner's frames and the
    entry point the learner called?"""
    import traceback

    def relu(x):
        raise KeyboardInterrupt

    q = FunctionQuestion(var="relu", oracle=lambda x: x, cases=[(1.0,)])
    with pytest.raises(KeyboardInterrupt) as info:
        q.verdict({"relu": relu})
    frames = [f.name for f in traceback.extract_tb(info.value.__traceback__)]
    assert frames[-1] == "relu"
    assert "call_safely" not in frames and "_check" not in frames


@pytest.mark.parametrize("folder", ["site-packages", "dist-packages"])
def test_installed_library_frames_are_not_learner_code(folder, tmp_path):
    """Are pip's site-packages and Debian's dist-packages both treated as library code
    (a failure there while checking is ours, not the learner's)?"""
    lib = tmp_path / "lib" / "python3" / folder / "somelib.py"
    lib.parent.mkdir(parents=True)
    lib.write_text("def boom():\n    raise ValueError('inside a library')\n")
    learner = tmp_path / "notebook_cell.py"
    learner.write_text("def boom():\n    raise ValueError('in the learner code')\n")
    caught = {}
    for name, path in (("library", lib), ("learner", learner)):
        namespace = {}
        exec(compile(path.read_text(), str(path), "exec"), namespace)
        try:
            namespace["boom"]()
        except ValueError as exc:
            caught[name] = exc
    assert not triage.raised_in_learner_code(caught["library"])
    assert triage.raised_in_learner_code(caught["learner"])
    assert triage.is_library_file(f"/usr/lib/python3/{folder}/numpy/core.py")


def test_a_library_failure_while_checking_is_internal_and_learner_failure_is_not(tmp_path):
    """Does the verdict call a learner object's own exception the learner's, and an
    exception raised inside an installed library an internal failure?"""
    lib = tmp_path / "dist-packages" / "fragile.py"
    lib.parent.mkdir()
    lib.write_text("def expected():\n    raise RuntimeError('library bug')\n")
    namespace = {}
    exec(compile(lib.read_text(), str(lib), "exec"), namespace)
    v = ValueQuestion(var="x", expected=namespace["expected"]).check_value(1.0)
    assert v.status is Status.UNCHECKABLE and v.internal

    class Learner:
        def __array__(self, *a, **k):
            raise RuntimeError("mine")

    v = ValueQuestion(var="x", expected=np.ones(2)).check_value(Learner())
    assert not v.internal


def test_a_swallowed_timeout_is_raised_again():
    """Does a call whose code swallows the timeout once (as a garbage-collector
    callback would, or `except BaseException: pass`) still end soon after?"""
    def swallows_once(x):
        try:
            while True:
                pass
        except BaseException:
            pass
        while True:
            pass

    q = FunctionQuestion(var="f", oracle=lambda x: x, cases=[(1.0,)], timeout=0.2,
                         check_timeout=30.0)
    start = time.monotonic()
    v = q.check_value(swallows_once)
    assert v.status is Status.INCORRECT and "did not finish within 0.2 s" in v.message
    assert time.monotonic() - start < 10


def test_a_time_limit_never_interrupts_an_import(tmp_path, monkeypatch):
    """Does a limit that expires while a module is being imported wait for the import
    to finish (a half-imported library would break every later check)?"""
    (tmp_path / "slow_import_mod.py").write_text(
        "import time\nend = time.monotonic() + 0.6\n"
        "while time.monotonic() < end:\n    pass\nDONE = True\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    sys.modules.pop("slow_import_mod", None)
    with pytest.raises(CallTimeout):
        with time_limit(0.1):
            import slow_import_mod  # noqa: F401
            while True:
                pass
    assert sys.modules["slow_import_mod"].DONE is True
