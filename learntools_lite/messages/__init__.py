"""The message catalogue: every text a learner or instructor reads, in one place.

`text(key, **fields)` formats a message in the language named by the
environment variable LEARNTOOLS_LANG (default English). A key missing from a
translation falls back to English, so a partial translation never breaks a
check.
"""
from __future__ import annotations

import importlib
import os

from . import en

_FALLBACK = en.MESSAGES


def language() -> str:
    return os.environ.get("LEARNTOOLS_LANG", "en").split(".")[0] or "en"


def _catalogue(lang: str) -> dict[str, str]:
    if lang in ("en", "C", "POSIX"):
        return _FALLBACK
    try:
        return importlib.import_module(f"{__name__}.{lang}").MESSAGES
    except ImportError:
        return _FALLBACK


def text(key: str, **fields) -> str:
    """The message `key` in the current language, with `fields` filled in."""
    template = _catalogue(language()).get(key) or _FALLBACK[key]
    try:
        return template.format(**fields)
    except (KeyError, IndexError, ValueError):
        # A translation with a broken placeholder must not break a check.
        return _FALLBACK[key].format(**fields)
