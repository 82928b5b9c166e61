"""The learntools_lite a sandboxed kernel sees: the package without a single answer.

Built per kernel from the installed package and bound over it inside the
sandbox, and again at SEARCH_PATH, which comes first on the kernel's path.
Every exercise module `exN.py` is replaced by stubs that name its questions
(see `core/grading_stub.py`); the oracles, the solution finder and the
grader itself are left out. Datasets, the blank, the binder and
the SGD explorer stay, so the setup cells run as they do for the learner.
"""
from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import learntools_lite
from learntools_lite.core.questions import Multipart

PACKAGE = Path(learntools_lite.__file__).resolve().parent
# Where the kernel finds the build, first on its sys.path (PYTHONPATH): its own Python may
# resolve `learntools_lite` elsewhere than PACKAGE (an installed wheel run from a checkout,
# an editable install of another tree), and must never reach the package with the answers.
SEARCH_PATH = "/opt/learntools-grading"
LEFT_OUT = ["grading", "oracles.py", "solutions.py", "__pycache__", "*.pyc"]


def exercise_modules() -> list[str]:
    """The exercise modules: `exN_name.py` files and `exN_name/` packages."""
    files = [p.stem for p in PACKAGE.glob("ex[0-9]*.py")]
    folders = [p.name for p in PACKAGE.glob("ex[0-9]*") if (p / "__init__.py").is_file()]
    return sorted(files + folders)


def stub_source(exercise: str) -> str:
    """The text of the grading build of `learntools_lite.<exercise>`."""
    module = importlib.import_module(f"learntools_lite.{exercise}")
    questions = {}
    for name in getattr(module, "__all__", []):
        value = getattr(module, name, None)
        if name.startswith("q_"):
            questions[name] = list(value.parts) if isinstance(value, Multipart) else []
    return (f'"""Grading build of learntools_lite.{exercise}: question names only; '
            'the questions are judged outside this kernel."""\n'
            "from .core.blank import ____\n"
            "from .core.grading_stub import stubs\n\n"
            f"globals().update(stubs({questions!r}))\n"
            f"__all__ = {sorted(questions) + ['____']!r}\n")


def build(dest: Path) -> Path:
    """Write the grading build of the package into `dest` (a new folder) and return it."""
    shutil.copytree(PACKAGE, dest, ignore=shutil.ignore_patterns(*LEFT_OUT), symlinks=False)
    for exercise in exercise_modules():
        stub = stub_source(exercise)
        if (dest / exercise).is_dir():  # a package: its modules go, a stub __init__ stays
            shutil.rmtree(dest / exercise)
            (dest / exercise).mkdir()
            stub = stub.replace("from .core", "from ..core")
            (dest / exercise / "__init__.py").write_text(stub)
        else:
            (dest / f"{exercise}.py").write_text(stub)
    return dest
