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

_SHARED_SCOPES = ("module", "class")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Under `--dist loadgroup`, a test that uses a module- or class-scoped fixture
    runs on the same worker as the rest of its module, so the fixture (a built
    book, a JupyterLab server, a graded course, a trained model) is set up once,
    not once per worker. Tests without such fixtures are spread one by one."""
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
