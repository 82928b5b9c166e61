"""Test-wide set-up: tools of this environment come first on PATH; parallel runs
(pytest-xdist, `make test`) keep each module's shared fixtures on one worker.

nbgrader runs `alembic` and kernels by name; with `.venv/bin/python -m pytest`
(not an activated venv) they must still be this environment's.
"""
import os
import sys
from pathlib import Path

import pytest

_BIN = str(Path(sys.executable).parent)
if os.environ.get("PATH", "").split(os.pathsep)[0] != _BIN:
    os.environ["PATH"] = _BIN + os.pathsep + os.environ.get("PATH", "")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
# One thread per kernel for NumPy's BLAS and TensorFlow: the suite already runs
# several processes per core, and a multi-threaded BLAS or TensorFlow op waiting
# for a busy core spins, burning CPU the other tests need. Inherited by every
# kernel and command the tests start (a sandboxed grading kernel starts clean).
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "TF_NUM_INTRAOP_THREADS"):
    os.environ.setdefault(_name, "1")
os.environ.setdefault("TF_NUM_INTEROP_THREADS", "2")  # ops that wait on each other (tf.data) need two

_SHARED_SCOPES = ("module", "class")
# The order workers take modules in (`make test` keeps it: --no-loadscope-reorder).
# First the longest shared fixtures, so no long one starts last; then the rest; last
# the modules that read the built book (tests/book.py), so that under
# --book-in-background every other test runs while the book builds.
LONG_FIRST = ["test_grading_attacks", "test_install", "test_grading_parallel", "test_grading_hostile",
              "test_nbgrader_roundtrip", "test_hub", "test_grading_totals", "test_grading_records",
              "test_exercises_execute", "test_translated_exercise"]
BOOK_MODULES = ["test_browser_book_zh", "test_browser_book", "test_i18n_english_prose", "test_browser_reading",
                "test_browser_explorer", "test_chapters_execute"]


def _run_order(item) -> tuple[int, int]:
    name = item.module.__name__
    if name in LONG_FIRST:
        return 0, LONG_FIRST.index(name)
    if name in BOOK_MODULES:
        return 2, BOOK_MODULES.index(name)
    return 1, 0


def pytest_addoption(parser):
    parser.addoption("--book-in-background", action="store_true",
                     help="build the book (tests/book.py) in the background from the start of the run; "
                          "the tests that read it run last and wait for it (what `make test` does)")


def pytest_configure(config):
    """With --book-in-background, the main process (never an xdist worker) starts the book
    build at once; a worker's ensure_book() waits on the build's lock, then finds it done."""
    if not config.getoption("book_in_background", False) or hasattr(config, "workerinput"):
        return
    import threading

    from book import ensure_book

    log_path = Path(__file__).resolve().parent.parent / "_build" / "book-build-for-tests.log"
    log_path.parent.mkdir(exist_ok=True)

    def build():
        with open(log_path, "w") as log:
            try:
                ensure_book(log=log)
            except Exception as err:  # the tests that need the book build it again and fail with the reason
                log.write(f"\nthe background build failed: {err!r}\n")

    config._book_build = threading.Thread(target=build, name="book-build", daemon=True)
    config._book_build.start()


def pytest_unconfigure(config):
    build = getattr(config, "_book_build", None)
    if build is not None:
        build.join()  # never leave a half-built book (or a kernel of it) behind


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Under `--dist loadgroup`, a test that uses a module- or class-scoped fixture
    runs on the same worker as the rest of its module, so the fixture (a built
    book, a JupyterLab server, a graded course, a trained model) is set up once,
    not once per worker. Tests without such fixtures are spread one by one."""
    items.sort(key=_run_order)  # stable: the order within a module is kept
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        info = getattr(item, "_fixtureinfo", None)
        defs = info.name2fixturedefs.values() if info else ()
        if any(d and d[-1].scope in _SHARED_SCOPES for d in defs):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
    if getattr(config.option, "loadgroup", False):
        _name_groups_in_node_ids(items)


def _name_groups_in_node_ids(items):
    """pytest-xdist sends tests to workers by node id, and --dist loadgroup
    groups the ids that end in `@group`. xdist 3.8 appends that suffix to
    `item._nodeid`, which pytest 9 no longer reads (the id lives in `item._id`),
    so its groups are silently ignored and every test is spread alone. Append
    it where pytest 9 reads it, as xdist means to."""
    from _pytest.nodeid import NodeId

    for item in items:
        groups = {str(m.args[0] if m.args else m.kwargs.get("name", "default"))
                  for m in item.iter_markers("xdist_group")}
        if groups and "@" not in item.nodeid:
            item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(sorted(groups))}")
