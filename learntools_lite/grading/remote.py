"""The learner's answers as the trusted grader sees them: data fetched from the kernel.

`LearnerAnswers` is the namespace a question judges at grading time. Looking
up a name asks the kernel to describe it, and the answer becomes:

* a value (numbers, strings, arrays, tuples ...) decoded by `wire.decode`;
* `RemoteFunction` for a learner function: calling it sends the arguments
  (generated here, in the grader) and returns the kernel's output as data,
  copying any in-place change of the arguments back, so the question's own
  mutation check still sees it;
* a Keras model rebuilt HERE from its config and weights in Keras safe mode
  (and compiled from its compile config), so evaluation on held-out data
  runs in the grader; a History rebuilt from its params and history;
* `RemoteObject` for other objects: attribute lookups are asked again
  (`net.predict` is a RemoteFunction).

Anything that cannot be fetched raises `QueryFailed`; the question's
verdict then records it and the test scores 0.
"""
from __future__ import annotations

import json
from collections.abc import Mapping

import numpy as np

from . import wire
from .queries import KernelQueries, QueryFailed
from .rebuild import RecordedHistory, RecordedModel


class LearnerError(Exception):
    """The learner's function raised in the kernel; the message names the error."""

    __module__ = "learner"  # checkers treat errors raised outside the package as the learner's


def _learner_error(text: str) -> LearnerError:
    """`ValueError: msg` from the kernel as an exception named like the learner's."""
    name, _, message = text.partition(": ")
    if not name.isidentifier():
        name, message = "Exception", text
    return type(name, (LearnerError,), {"__module__": "learner"})(message)


def _blank_function(*args, **kwargs):
    """Stands for a learner function whose code still has the blank."""
    return ____  # noqa: F821  (the name is what marks it blank)


class RemoteFunction:
    """The learner's function `name`, run in the kernel on data sent from here."""

    def __init__(self, queries: KernelQueries, name: str, timeout: float | None = None):
        self._queries, self._name, self._timeout = queries, name, timeout
        self.__name__ = name.rsplit(".", 1)[-1]

    def __call__(self, *args):
        try:
            sent = [wire.encode(a) for a in args]
        except (TypeError, ValueError) as err:
            raise QueryFailed(f"cannot send these arguments to the kernel: {err}") from None
        reply = self._queries.ask({"op": "call", "name": self._name, "args": sent},
                                  timeout=self._timeout)
        if "error" in reply:
            raise _learner_error(str(reply["error"])[:300])
        try:
            value = wire.decode(reply["value"])
            after = wire.decode(reply.get("args_after", []))
        except KeyError:
            raise self._queries.failed("an answer without a value") from None
        except wire.BadReply as err:
            raise self._queries.failed(f"a malformed answer: {err}") from None
        if isinstance(after, list) and len(after) == len(args):
            for given, changed in zip(args, after):
                _copy_back(given, changed)
        return value

    def __repr__(self):
        return f"<learner function {self._name}>"


def _copy_back(given, changed) -> None:
    """Reproduce an in-place change the learner's function made to an argument."""
    if isinstance(given, np.ndarray) and isinstance(changed, np.ndarray) \
            and given.shape == changed.shape:
        try:
            np.copyto(given, changed, casting="unsafe")
        except (TypeError, ValueError):
            pass
    elif type(given) is list and type(changed) is list:
        given[:] = changed


class RemoteObject:
    """A learner object that is not data; only its attributes can be asked for."""

    def __init__(self, answers: "LearnerAnswers", name: str, type_name: str):
        self._answers, self._name, self._type_name = answers, name, type_name

    def __getattr__(self, attr):
        if attr.startswith("_"):
            raise AttributeError(attr)
        path = f"{self._name}.{attr}"
        if path not in self._answers:
            raise AttributeError(attr)
        return self._answers[path]

    def __repr__(self):
        return f"<{self._type_name} object>"


class LearnerAnswers(Mapping):
    """The learner's variables, fetched from the kernel on first use (then kept)."""

    def __init__(self, queries: KernelQueries, call_timeout: float | None = None):
        self.queries, self.call_timeout = queries, call_timeout
        self._cache: dict = {}

    def _fetch(self, name: str):
        if name not in self._cache:
            self._cache[name] = self._build(name, self.queries.ask({"op": "describe", "name": name}))
        return self._cache[name]

    def _build(self, name: str, reply: dict):
        kind = reply.get("kind")
        try:
            if kind == "missing":
                return _MISSING
            if kind == "blank":
                return wire.decode({"$blank": 1})
            if kind == "function":
                if reply.get("blank") is True:
                    return _blank_function
                return RemoteFunction(self.queries, name, self.call_timeout)
            if kind == "value":
                return wire.decode(reply.get("value"))
            if kind == "object":
                return RemoteObject(self, name, str(reply.get("type", "object"))[:100])
            if kind == "keras_model":
                return RecordedModel(reply)
            if kind == "keras_history":
                return RecordedHistory(wire.decode(reply.get("params")), wire.decode(reply.get("history")))
        except wire.BadReply as err:
            raise self.queries.failed(f"a malformed answer about `{name}`: {err}") from None
        except (ValueError, TypeError, KeyError, json.JSONDecodeError) as err:
            raise self.queries.failed(f"could not rebuild `{name}` from the kernel's data: "
                                      f"{type(err).__name__}: {str(err)[:200]}") from None
        raise self.queries.failed(f"an answer of unknown kind about `{name}`")

    def prepare(self, name: str, keras_objects: bool = False) -> None:
        """Fetch `name` now; with `keras_objects`, rebuild a model it names now too (Keras safe mode),
        so that neither counts against a check's own time limit and a refused model is a bad answer."""
        value = self._fetch(name)
        if keras_objects and isinstance(value, RecordedModel):
            try:
                self._cache[name] = value.rebuilt()  # the check gets the real Keras model
            except ValueError as err:
                raise self.queries.failed(f"could not rebuild `{name}` from the kernel's data: "
                                          f"{str(err)[:200]}") from None

    def __getitem__(self, name):
        value = self._fetch(name)
        if value is _MISSING:
            raise KeyError(name)
        return value

    def __contains__(self, name):
        return self._fetch(name) is not _MISSING

    def __iter__(self):
        return iter(k for k, v in self._cache.items() if v is not _MISSING)

    def __len__(self):
        return sum(v is not _MISSING for v in self._cache.values())


_MISSING = object()
