"""Can a submission change its own grade other than by answering? Each attack class, several ways.

Real submissions of ex1_tensors graded end to end, sandboxed, by
`python -m learntools_lite.grading autograde` on a temporary copy of the
course. Every attacking submission holds the same wrong answers as a
baseline submission plus one attack; it must score EXACTLY what the
baseline scores. Two baselines: MIXED (only q_4 right: 2 points, so an
attack that breaks the grader's view of the kernel would show as a loss)
and WRONG (nothing right: 0 points, for attacks that wreck the kernel's
answers on purpose). Attack classes: the environment, patched libraries and
builtins, sys.modules, IPython input transformers, files that shadow modules,
answers copied from the checker objects, and a kernel whose answers to the
grader's data queries are oversized, malformed, slow or forged.

The honest corpus (solution, blank, partial, syntax error) gets the grades it
always got, sandboxed in parallel and with --no-sandbox.
"""
from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from system_packages import available
from test_grading_hostile import ASSIGNMENT, cell, make_course, solution, submit

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not available("bwrap", "bubblewrap"), reason="bubblewrap is not installed (apt-get install -y bubblewrap)")]

WRONG_ANSWERS = {
    "q_1": "batch = train_images[:4]",                       # raw pixels: not scaled
    "q_2": "series_shape = (390, 250, 3)",
    "q_3": "predicted_shape = (65, 20, 14)",
    "q_4": "def dense_forward(X, W, b):\n    return X @ W.T + b",  # no ReLU
    "q_5a": "dense_output_shape = (32, 64)",
    "q_5b": "dense_params = 20 * 64 + 64 * 3",
    "q_6": 'answer_6 = "b"',
    "q_7": "def to_channels_last(images):\n    return images.T",
}
MIXED_SCORE, WRONG_SCORE = 2.0, 0.0   # MIXED keeps the solution's q_4 (2 points)

REPLY_MIME = "application/vnd.learntools-lite.reply+json"


def answers(baseline: str, attack: str = "") -> nbformat.NotebookNode:
    """The solution with the baseline's wrong answers; `attack` runs at the end of the q_1 cell."""
    nb = solution()
    for grade_id, source in WRONG_ANSWERS.items():
        if baseline == "mixed" and grade_id == "q_4":
            continue
        cell(nb, grade_id).source = source
    cell(nb, "q_1").source += "\n" + attack
    return nb


def forge(name: str, reply_code: str) -> str:
    """An input transformer that replaces the grader's query about `name` by `reply_code`.

    `reply_code` runs in the kernel with `_id` (the query's id, read from the
    query's own text) and `_publish(text)` (sends `text` as the answer).
    """
    prelude = ("_id = 'QID'\n"
               "from IPython.display import publish_display_data as _pdd\n"
               f"_publish = lambda text: _pdd({{{REPLY_MIME!r}: text}})\n")
    return f"""
import re as _re
def _forge(lines):
    src = "".join(lines)
    if "_ltl_answer(" not in src or '"op": "describe", "name": "{name}", "id"' not in src:
        return lines
    found = _re.search(r'"id": "([0-9a-f]{{32}})"', src)
    qid = found.group(1) if found else ""
    return ({prelude!r}.replace("QID", qid) + {reply_code!r}).splitlines(True)
get_ipython().input_transformers_cleanup.append(_forge)
"""


SHADOW_PACKAGE = {
    "learntools_lite/__init__.py": "",
    "learntools_lite/core/__init__.py": "class _B:\n    def bind(self, g): pass\nbinder = _B()\n____ = None\n",
    "learntools_lite/core/binder.py": "from . import binder\n",
    "learntools_lite/testcell.py": "def grade(*a): pass\ndef answer(n): return None\n",
    "learntools_lite/ex1_tensors.py": "class _Q:\n    def check(self): pass\n"
                                      "q_1 = q_2 = q_3 = q_4 = q_5a = q_5b = q_6 = q_7 = q_8 = _Q()\n"
                                      "____ = None\n__all__ = ['q_1', 'q_2', 'q_3', 'q_4', 'q_5a', 'q_5b', "
                                      "'q_6', 'q_7', 'q_8']\n",
    "learntools_lite/datasets.py": "def load_mnist():\n    raise SystemExit('shadowed')\n",
}

# student: (baseline, attack code, files beside the notebook)
ATTACKS = {
    # -- the environment
    "env_unset": ("mixed", "import os\nos.environ.pop('NBGRADER_EXECUTION', None)", {}),
    "env_clear": ("mixed", "import os\nos.environ.clear()", {}),
    "env_empty": ("mixed", "import os\nos.environ['NBGRADER_EXECUTION'] = ''", {}),
    # -- patched libraries and builtins
    "numpy_patched": ("mixed", "import numpy as np\nnp.allclose = np.array_equal = np.isclose = "
                               "lambda *a, **k: True\nnp.shape = lambda a: (4, 28, 28)", {}),
    "builtins_patched": ("mixed", "import builtins, numpy as np\n_real_isinstance = builtins.isinstance\n"
                                  "builtins.abs = lambda x: 0\nbuiltins.round = lambda *a: 0\n"
                                  "builtins.all = lambda it: True\n"
                                  "builtins.isinstance = lambda o, t: True if t is np.ndarray else _real_isinstance(o, t)",
                         {}),
    "lying_array": ("mixed", "import numpy as np\nclass _Liar(np.ndarray):\n"
                             "    __eq__ = __ne__ = lambda self, other: True\n"
                             "    def __array_ufunc__(self, *a, **k):\n        return True\n"
                             "batch = np.asarray(train_images[:4]).view(_Liar)", {}),
    # -- sys.modules
    "fake_testcell": ("mixed", "import sys, types\n_m = types.ModuleType('learntools_lite.testcell')\n"
                               "_m.grade = lambda *a: None\n_m.answer = lambda n: None\n"
                               "sys.modules['learntools_lite.testcell'] = _m", {}),
    "fake_exercise": ("mixed", "import sys, types, importlib\nclass _Pass:\n    passed = True\n"
                               "    def verdict(self, *a):\n        return self\n"
                               "    def __getattr__(self, name):\n        return self\n"
                               "sys.modules['learntools_lite.ex1_tensors'] = types.SimpleNamespace("
                               "**{q: _Pass() for q in ('q_1', 'q_2', 'q_3', 'q_4', 'q_5a', 'q_5b', 'q_6', 'q_7', 'q_8')})\n"
                               "importlib.import_module = lambda name, *a: sys.modules[name]", {}),
    "fake_numpy_module": ("wrong", "import sys, types\nsys.modules['numpy'] = types.SimpleNamespace("
                                   "allclose=lambda *a, **k: True)", {}),
    # -- IPython input transformers (they rewrite every later cell, the grader's queries too)
    "skip_test_cells": ("mixed", "get_ipython().input_transformers_cleanup.append(\n"
                                 "    lambda lines: ['pass\\n'] if any('grade(' in l for l in lines) else lines)", {}),
    "neuter_asserts": ("mixed", "get_ipython().input_transformers_cleanup.append(\n"
                                "    lambda lines: [l.replace('assert ', 'assert True or ') for l in lines])", {}),
    "ast_asserts": ("mixed", "import ast\nclass _NoAssert(ast.NodeTransformer):\n"
                             "    def visit_Assert(self, node):\n        return ast.Pass()\n"
                             "get_ipython().ast_transformers.append(_NoAssert())", {}),
    "swallow_queries": ("wrong", "get_ipython().input_transformers_cleanup.append(\n"
                                 "    lambda lines: ['pass\\n'] if any('_ltl_answer' in l for l in lines) else lines)",
                        {}),
    # -- files beside the notebook that would shadow modules
    "shadow_numpy": ("mixed", "", {"numpy.py": "allclose = lambda *a, **k: True\n"}),
    "shadow_package": ("mixed", "", SHADOW_PACKAGE),
    "shadow_sitecustomize": ("mixed", "", {
        "sitecustomize.py": "import os\nos.environ.pop('NBGRADER_EXECUTION', None)\n",
        "usercustomize.py": "import builtins\nbuiltins.abs = lambda x: 0\n",
        "IPython.py": "raise SystemExit('shadowed')\n"}),
    "path_probe": ("mixed", "import os, sys, numpy, learntools_lite.ex1_tensors\n"
                            "print('CWD_ON_PATH', any(p in ('', '.', os.getcwd()) for p in sys.path))\n"
                            "print('NUMPY_FROM', numpy.__file__)\nprint('EX1_FROM', learntools_lite.ex1_tensors.__file__)\n"
                            "print('EX1_HAS', sorted(n for n in vars(learntools_lite.ex1_tensors) if not n.startswith('__')))",
                   {"numpy.py": "SHADOWED = True\n", **SHADOW_PACKAGE}),
    # -- answers copied from the checker objects
    "copy_expected": ("mixed", "try:\n    batch = q_1.expected()\nexcept Exception:\n    pass\n"
                               "try:\n    to_channels_last = q_7.oracle\nexcept Exception:\n    pass\n"
                               "try:\n    answer_6 = q_6.answer\nexcept Exception:\n    pass", {}),
    "copy_module": ("mixed", "try:\n    from learntools_lite.testcell import fresh\n"
                             "    _m = fresh('ex1_tensors')\n    batch = _m._first_images()\n"
                             "    series_shape = _m.q_2.expected\nexcept Exception:\n    pass\n"
                             "try:\n    from learntools_lite.oracles import numerical_gradient\nexcept Exception:\n"
                             "    pass", {}),
    "copy_source": ("mixed", "try:\n    import learntools_lite, os\n"
                             "    _src = open(os.path.join(os.path.dirname(learntools_lite.__file__), 'ex1_tensors.py')).read()\n"
                             "    _ns = {'__name__': 'learntools_lite.ex1_tensors_copy', '__package__': 'learntools_lite'}\n"
                             "    exec(_src, _ns)\n    batch = _ns['_first_images']()\n"
                             "    answer_6 = _ns['q_6'].answer\nexcept Exception:\n    pass\n"
                             "try:\n    from learntools_lite.core.solutions import solution_code\n"
                             "    exec(solution_code('ex1_tensors', 'q_7')[0])\nexcept Exception:\n    pass", {}),
    # -- a kernel that answers the grader's queries with bad data
    "reply_oversized": ("mixed", forge("batch", "_publish('{\"kind\": \"value\", \"value\": \"' + 'x' * (70 << 20)"
                                                " + '\", \"id\": \"' + _id + '\"}')"), {}),
    "reply_not_json": ("mixed", forge("batch", "_publish('{not json at all')"), {}),
    "reply_pickle": ("mixed", forge("batch", "import io, base64, json, numpy\n_b = io.BytesIO()\n"
                                             "numpy.save(_b, numpy.array([object()]), allow_pickle=True)\n"
                                             "_publish(json.dumps({'kind': 'value', 'id': _id, 'value': "
                                             "{'$nd': base64.b64encode(_b.getvalue()).decode()}}))"), {}),
    "reply_deep": ("mixed", forge("batch", "_publish('{\"kind\": \"value\", \"id\": \"' + _id + '\", \"value\": '"
                                           " + '[' * 100000 + ']' * 100000 + '}')"), {}),
    "reply_wrong_id": ("mixed", forge("batch", "_publish('{\"kind\": \"value\", \"value\": 1, \"id\": \"' "
                                               "+ '0' * 32 + '\"}')"), {}),
    "reply_lies_about_kind": ("mixed", forge("batch", "_publish('{\"kind\": \"function\", \"blank\": false, "
                                                      "\"id\": \"' + _id + '\"}')"), {}),
    "reply_slow": ("mixed", forge("batch", "import time\ntime.sleep(600)"), {}),
}


def grade(course: Path, students: list[str], *extra: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "learntools_lite.grading", "--course", str(course), "autograde", ASSIGNMENT,
         *[a for s in students for a in ("--student", s)], "--workers", "2", "--cell-timeout", "60",
         "--time-limit", "600", *extra], capture_output=True, text=True, timeout=3000)
    with open(course / "autograded" / f"{ASSIGNMENT}-report.tsv", newline="") as f:
        report = {r["student"]: r for r in csv.DictReader(f, delimiter="\t")}
    return {"report": report, "stderr": proc.stderr}


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("attacks"))
    with open(course / "nbgrader_config.py", "a") as f:
        # reply_slow waits this long, once. Not shorter: on a busy machine (the whole suite in
        # parallel) a niced kernel's honest answer can take many seconds, and a timed-out query
        # costs the submission every later question.
        f.write("\nc.SafeExecute.query_timeout = 40\n")
    submit(course, "baseline_mixed", answers("mixed"))
    submit(course, "baseline_wrong", answers("wrong"))
    for student, (baseline, attack, files) in ATTACKS.items():
        submit(course, student, answers(baseline, attack))
        for name, text in files.items():
            path = course / "submitted" / student / ASSIGNMENT / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    return course, grade(course, ["baseline_mixed", "baseline_wrong", *ATTACKS])


def test_baselines_score_what_their_answers_are_worth(attacked):
    """Do the two baselines score 2 (q_4 right) and 0, so the comparisons below mean something?"""
    _, result = attacked
    report = result["report"]
    assert float(report["baseline_mixed"]["score"]) == MIXED_SCORE, (report, result["stderr"][-3000:])
    assert float(report["baseline_wrong"]["score"]) == WRONG_SCORE, report


@pytest.mark.parametrize("student", list(ATTACKS))
def test_attack_scores_exactly_the_wrong_answers(attacked, student):
    """Does the attack leave the score exactly where the same wrong answers put it?"""
    _, result = attacked
    row = result["report"][student]
    expected = MIXED_SCORE if ATTACKS[student][0] == "mixed" else WRONG_SCORE
    assert row["state"] in ("graded", "flagged"), row
    assert float(row["score"]) == expected, f"{row['score']} points; flags: {row['flags']}"


@pytest.mark.parametrize("student", [s for s in ATTACKS if s.startswith("reply_")
                                     and s != "reply_lies_about_kind"])  # valid data, just a wrong answer
def test_a_bad_answer_is_recorded(attacked, student):
    """Is a bad answer to a query recorded, in the report and in the test cell's output?"""
    course, result = attacked
    row = result["report"][student]
    assert "no usable answer" in row["flags"], row
    nb = nbformat.read(course / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    errors = [o for o in cell(nb, "q_1_test").outputs if o.output_type == "error"]
    assert errors, cell(nb, "q_1_test").outputs


def test_files_beside_the_notebook_shadow_nothing(attacked):
    """Is the kernel's cwd off sys.path, numpy the real one and ex1 the answer-free build?"""
    course, _ = attacked
    nb = nbformat.read(course / "autograded" / "path_probe" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    text = "".join(o.get("text", "") for o in cell(nb, "q_1").outputs)
    assert "CWD_ON_PATH False" in text, text
    assert "site-packages" in text.split("NUMPY_FROM", 1)[1].split("\n")[0], text
    ex1_from = text.split("EX1_FROM", 1)[1].split("\n")[0]
    assert "learntools_lite/ex1_tensors.py" in ex1_from and "submitted" not in ex1_from, text
    has = text.split("EX1_HAS", 1)[1].split("\n")[0]
    assert "q_1" in has and "_first_images" not in has and "'np'" not in has, text


def test_each_test_cell_shows_its_verdict(attacked):
    """Does every test cell of an attacked notebook show the grader's verdict (not the kernel's)?"""
    course, _ = attacked
    nb = nbformat.read(course / "autograded" / "skip_test_cells" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
                       as_version=4)
    for grade_id in ("q_1_test", "q_2_test", "q_3_test", "q_5a_test", "q_5b_test", "q_6_test", "q_7_test"):
        (out,) = cell(nb, grade_id).outputs
        assert out.output_type == "error" and out.evalue.startswith("Incorrect"), (grade_id, out)
    (out,) = cell(nb, "q_4_test").outputs
    assert out.output_type == "stream" and out.text.startswith("Correct")


# ---- the honest corpus -----------------------------------------------------------

def _partial():
    nb = solution()
    cell(nb, "q_3").source = WRONG_ANSWERS["q_3"]
    cell(nb, "q_5a").source = WRONG_ANSWERS["q_5a"]
    return nb


def _syntax_error():
    nb = solution()
    cell(nb, "q_4").source = "def dense_forward(X, W, b)\n    return X @ W.T + b"
    return nb


def _blank(course):
    return nbformat.read(course / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)


HONEST = {"solution": 11.0, "partial": 9.0, "syntax_error": 9.0, "blank": 0.0}


@pytest.mark.parametrize("sandbox", [True, False], ids=["sandboxed", "no-sandbox"])
def test_honest_corpus_keeps_its_grades(tmp_path, sandbox):
    """Do the solution, a partial answer, a syntax error and a blank notebook score what they always did?"""
    course = make_course(tmp_path)
    builds = {"solution": solution, "partial": _partial, "syntax_error": _syntax_error,
              "blank": lambda: _blank(course)}
    for student, build in builds.items():
        submit(course, student, build())
    result = grade(course, list(HONEST), *([] if sandbox else ["--no-sandbox"]))
    scores = {s: float(r["score"]) for s, r in result["report"].items()}
    assert scores == HONEST, (result["report"], result["stderr"][-3000:])
