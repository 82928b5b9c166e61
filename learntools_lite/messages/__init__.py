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


class Msg:
    """A catalogue message looked up when it is shown, so the language in force
    at check time is the one used (not the one at import time).

    Exercise modules give every learner-facing text as a Msg: hints, mistake
    descriptions, options, explanations, discussions. `str(msg)` formats it;
    `msg.format(name=...)` adds fields, as `str.format` would.
    """

    __slots__ = ("key", "fields")

    def __init__(self, key: str, **fields):
        self.key, self.fields = key, fields

    def __str__(self) -> str:
        return text(self.key, **self.fields)

    def format(self, **more) -> str:
        return text(self.key, **{**self.fields, **more})

    def __add__(self, other) -> str:
        return str(self) + other

    def __radd__(self, other) -> str:
        return other + str(self)

    def __format__(self, spec) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"Msg({self.key!r})"


def catalogue(prefix: str):
    """`_ = catalogue("ex1_tensors")`; then `_("q_4.hint.1")` is Msg("ex1_tensors.q_4.hint.1")."""
    def lookup(key: str, **fields) -> Msg:
        return Msg(f"{prefix}.{key}", **fields)
    return lookup


def resolve(value) -> str:
    """A Msg or a plain string, as text in the current language."""
    return str(value) if isinstance(value, Msg) else value
