"""Where checkers find the learner's variables (Kaggle's `binder.bind(globals())`).

Checkers never need the binder to be tested: every question also accepts the
namespace (or the value) as an argument.
"""
from __future__ import annotations

from collections.abc import Mapping


class NotBound(Exception):
    """The notebook has not called `binder.bind(globals())`."""


class Binder:
    def __init__(self):
        self._namespace: Mapping | None = None

    def bind(self, namespace: Mapping) -> None:
        """Remember the notebook's globals so checks can read its variables."""
        self._namespace = namespace

    @property
    def bound(self) -> bool:
        return self._namespace is not None

    @property
    def namespace(self) -> Mapping:
        if self._namespace is None:
            raise NotBound()
        return self._namespace


binder = Binder()
