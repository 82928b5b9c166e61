"""register(): name an exercise module's questions and export them."""
from __future__ import annotations

import re

from .blank import ____
from .multipart import Multipart
from .question import Question


def register(module_globals: dict, assignment: str) -> list[str]:
    """Name the questions q_1 ... q_n of an exercise module and export them.

    Sets each question's `qid` (its variable name, e.g. "q_3a"; a
    Multipart's parts get "q_2.a") and `assignment`, and returns the names
    for `__all__`, in natural order (q_2, q_3a, q_3b, q_10), blank included.
    """
    names = []
    for key, value in list(module_globals.items()):
        if not key.startswith("q_"):
            continue
        if isinstance(value, Question):
            value.qid, value.assignment = key, assignment
        elif isinstance(value, Multipart):
            value.qid = key
            for part_name, part in value.parts.items():
                part.qid, part.assignment = f"{key}.{part_name}", assignment
        else:
            continue
        names.append(key)
    module_globals.setdefault("____", ____)
    return sorted(names, key=natural_key) + ["____"]


def natural_key(name: str) -> list:
    """Sort key: q_2 before q_10, q_3a before q_3b."""
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.findall(r"\d+|\D+", name)]
