"""Whose code raised: the learner's, or ours (or a library's)?

An exception whose innermost frame is in the learner's code (their
`__eq__`, `__array__`, a function they wrote) is the learner's problem,
reported plainly; one whose innermost frame is in this package or an
installed library (pip's `site-packages`, Debian's `dist-packages`) while the
checker used it is a checker failure. The same test trims tracebacks to
the learner's own frames where a learner's KeyboardInterrupt passes
through the checker.
"""
from __future__ import annotations

import types
from pathlib import Path

PACKAGE_DIR = str(Path(__file__).resolve().parent.parent)
_INSTALL_FOLDERS = ("site-packages", "dist-packages")


def is_library_file(filename: str) -> bool:
    """A file of this package or of an installed library (pip's or Debian's)?"""
    if filename.startswith(PACKAGE_DIR):
        return True
    return any(folder in Path(filename).parts for folder in _INSTALL_FOLDERS)


def _innermost_file(tb) -> str | None:
    last = None
    while tb is not None:
        last, tb = tb, tb.tb_next
    return None if last is None else last.tb_frame.f_code.co_filename


def raised_in_learner_code(exc: BaseException) -> bool:
    """True when the innermost Python frame of `exc` is not a library's or ours."""
    filename = _innermost_file(exc.__traceback__)
    if filename is None:
        return False
    return not is_library_file(filename)


def learner_traceback(tb):
    """The same traceback with every frame of this package left out."""
    frames = []
    while tb is not None:
        if not tb.tb_frame.f_code.co_filename.startswith(PACKAGE_DIR):
            frames.append(tb)
        tb = tb.tb_next
    out = None
    for entry in reversed(frames):
        out = types.TracebackType(out, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return out
