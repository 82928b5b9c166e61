"""Named mistakes: a wrong answer the checker recognises and names for the learner.

A Mistake describes the mistaken answer: for a value question, the wrong
value (or a function of the expected value that produces it); for a
function question, a function with the learner's signature that makes the
mistake; or a predicate `matches` on what the learner gave. The kinds
(value.py, function.py) try their mistakes, in order, once an answer is
found wrong, and compare with the same tolerance policy as the answer.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..messages import Msg, resolve, text
from ._lazy import np


@dataclass(frozen=True)
class Mistake:
    """A common mistake, named for the learner.

    `wrong` describes the mistaken answer: for a value question, the wrong
    value or a function of the expected value that produces it; for a
    function question, a function with the learner's signature that makes
    the mistake. `matches`, if given, is a predicate on the learner's value
    (for a function question: on (args, output) of every call) instead.

    The message is `description` (a catalogue Msg, or a plain string) with
    `{name}` filled in, or, when `key` is given, the catalogue message `key`
    with `name` and `fields` (so generic mistakes are translated).
    """

    description: Any = ""
    wrong: Any = None
    matches: Callable[..., bool] | None = None
    key: str | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)

    def message(self, name: str) -> str:
        if self.key:
            return text(self.key, name=name, **self.fields)
        try:
            return self.description.format(name=name)
        except (KeyError, IndexError, ValueError, AttributeError):
            return resolve(self.description)


def resolve_expected(value):
    """Expected values may be given lazily, as a function of no arguments."""
    return value() if callable(value) else value


def axis_mistakes(reduce, axis, ndim: int, source=None, arg: int = 0) -> list[Mistake]:
    """Mistakes of a reduction: the wrong axis, and a sum where a mean is asked (or back).

    For a ValueQuestion whose expected value is `reduce(source, axis=axis)`,
    give `source` (the array, or a function returning it). For a
    FunctionQuestion that reduces its argument number `arg`, leave `source`
    out. `ndim` is the number of axes of the array being reduced.
    """
    def wrong(op, ax):
        if source is not None:
            return lambda expected: op(resolve_expected(source), axis=ax)
        return lambda *args: op(args[arg], axis=ax)

    def where(ax):  # looked up when shown, in the language then in force
        return Msg("axis.all") if ax is None else Msg("axis.n", n=ax)

    mistakes = []
    for other in [None, *range(ndim)]:
        if other != axis:
            mistakes.append(Mistake(key="mistake.axis", wrong=wrong(reduce, other),
                                    fields={"used": where(other), "expected": where(axis)}))
    partner = {np.mean: (np.sum, "mistake.sum_not_mean"),
               np.sum: (np.mean, "mistake.mean_not_sum")}.get(reduce)
    if partner is not None:
        mistakes.insert(0, Mistake(key=partner[1], wrong=wrong(partner[0], axis)))
    return mistakes
