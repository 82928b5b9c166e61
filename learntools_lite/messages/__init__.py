"""The message catalogue: every text a learner or instructor reads, in one place.

One package per language (`en`, `zh_CN`, ...), each joining the MESSAGES
dicts of its modules (core.py for the checker core, one module per
exercise). English is the reference: every key lives there, and every
other language must have exactly the same keys with the same placeholders
(tests/test_messages.py fails otherwise, through `missing_keys`,
`extra_keys` and `placeholder_mismatches`).

`text(key, **fields)` formats a message in the language in force: the one
`set_language()` chose, else the environment variable LEARNTOOLS_LANG,
else English. At run time a key a translation lacks (or a translation
whose placeholders are broken) falls back to English as a last resort, so a
check never breaks; the tests make that fallback visible.
"""
from __future__ import annotations

import importlib
import os
import pkgutil
import string

from . import en

_FALLBACK = en.MESSAGES
_ALIASES = {"C": "en", "POSIX": "en", "zh": "zh_CN", "zh-CN": "zh_CN", "zh_Hans": "zh_CN"}


def languages() -> list[str]:
    """The languages with a catalogue: the language packages of this folder."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if m.ispkg)


def _normalise(lang: str) -> str:
    lang = (lang or "en").strip().split(".")[0] or "en"
    return _ALIASES.get(lang, lang)


def language() -> str:
    """The language in force (as `LEARNTOOLS_LANG` names it, e.g. "zh_CN")."""
    return _normalise(os.environ.get("LEARNTOOLS_LANG", "en"))


def messages(lang: str) -> dict[str, str]:
    """The whole catalogue of `lang` (KeyError for a language that has none)."""
    lang = _normalise(lang)
    if lang == "en":
        return _FALLBACK
    if lang not in languages():
        raise KeyError(lang)
    return importlib.import_module(f"{__name__}.{lang}").MESSAGES


def _catalogue(lang: str) -> dict[str, str]:
    try:
        return messages(lang)
    except (KeyError, ImportError):
        return _FALLBACK  # an unknown LEARNTOOLS_LANG: English (set_language says so)


def text(key: str, **fields) -> str:
    """The message `key` in the current language, with `fields` filled in."""
    template = _catalogue(language()).get(key) or _FALLBACK[key]
    try:
        return template.format(**fields)
    except (KeyError, IndexError, ValueError):
        # A translation with a broken placeholder must not break a check.
        return _FALLBACK[key].format(**fields)


def plural(key: str, count, /, **fields) -> str:
    """`key.one` when count is 1, else `key.other`, with `{count}` filled in (a language
    without plural forms, such as Chinese, gives both keys the same sentence)."""
    return text(f"{key}.one" if count == 1 else f"{key}.other", count=count, **fields)


def set_language(lang: str) -> None:
    """Show every later message in `lang` ("en", "zh_CN"), in this kernel.

    Prints one line, in the new language, saying so. The choice is kept in
    LEARNTOOLS_LANG, so code that reads the variable agrees. An unknown
    language changes nothing and prints the ones available.
    """
    name = _normalise(str(lang)) if isinstance(lang, str) else None
    if name not in languages():
        print(text("language.unknown", lang=repr(lang),
                   available=", ".join(f'"{code}"' for code in languages())))
        return
    os.environ["LEARNTOOLS_LANG"] = name
    print(text("language.set", code=name))


# ---- what the tests read: nothing falls back silently -----------------------
def missing_keys(lang: str) -> list[str]:
    """Keys of the English reference that `lang` lacks."""
    return sorted(set(_FALLBACK) - set(messages(lang)))


def extra_keys(lang: str) -> list[str]:
    """Keys of `lang` that English does not have."""
    return sorted(set(messages(lang)) - set(_FALLBACK))


def fields(template: str) -> list[str]:
    """The placeholder names of a template, e.g. ["name", "n"]."""
    return sorted({f.split(".")[0].split("[")[0]
                   for _, f, _, _ in string.Formatter().parse(template) if f})


def placeholder_mismatches(lang: str) -> list[str]:
    """Keys whose `lang` text has other placeholders than the English one."""
    table = messages(lang)
    return sorted(key for key, template in _FALLBACK.items()
                  if key in table and fields(table[key]) != fields(template))


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
