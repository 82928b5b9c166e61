"""Test-wide set-up: tools of this environment come first on PATH.

nbgrader runs `alembic` and kernels by name; with `.venv/bin/python -m pytest`
(not an activated venv) they must still be this environment's.
"""
import os
import sys
from pathlib import Path

_BIN = str(Path(sys.executable).parent)
if os.environ.get("PATH", "").split(os.pathsep)[0] != _BIN:
    os.environ["PATH"] = _BIN + os.pathsep + os.environ.get("PATH", "")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
