"""KerasCompileQuestion: model.compile(...) with the asked optimizer, loss, metrics and rate."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..core import tolerance
from ..core.question import Question
from ..core.safe import safe_repr, type_name
from ..core.verdict import Blank, Incorrect
from ..messages import text
from .names import _canonical, _is_model, _show, canonical_optimizer, keras_rejects


class KerasCompileQuestion(Question):
    """model.compile(optimizer=..., loss=..., metrics=...) with the asked settings."""

    var = "model"
    optimizer: Any = "adam"
    loss: Any = "mae"
    metrics: Sequence | None = None
    learning_rate: float | None = None

    def _compile_config(self, model) -> dict:
        try:
            config = model.get_compile_config()
        except Exception:
            config = None
        if not config:
            optimizer = getattr(model, "optimizer", None)
            if optimizer is None:
                # Not compiled yet: the compile cell still holds its blank. That is
                # an unanswered question ("fill in"), not a wrong answer.
                raise Blank(text("keras.not_compiled", name=self.name))
            config = {"optimizer": optimizer, "loss": getattr(model, "loss", None),
                      "metrics": None}
        return config

    def _check(self, model):
        name = self.name
        if not _is_model(model):
            raise Incorrect(text("keras.not_model", name=name, actual=type_name(model)))
        config = self._compile_config(model)
        if self.optimizer is not None:
            self._accepted_by_keras("optimizer", config.get("optimizer"), self.optimizer)
            got = canonical_optimizer(config.get("optimizer"))
            want = canonical_optimizer(self.optimizer)
            if got != want:
                raise Incorrect(text("keras.compile", name=name,
                                     what=text("keras.what.optimizer"), actual=got,
                                     expected=want))
        if self.loss is not None:
            self._accepted_by_keras("loss", config.get("loss"), self.loss)
            got, want = _canonical(config.get("loss")), _canonical(self.loss)
            if got != want:
                raise Incorrect(text("keras.compile", name=name, what=text("keras.what.loss"),
                                     actual=got, expected=want))
        if self.learning_rate is not None:
            self._check_learning_rate(model, config)
        if self.metrics:
            self._check_metrics(config)
        return None

    def _accepted_by_keras(self, kind, given, asked):
        for value in given if kind == "metric" else [given]:
            error = keras_rejects(kind, value)
            if error is not None:
                what = {"loss": text("keras.what.loss"), "metric": text("keras.what.metric"),
                        "optimizer": text("keras.what.optimizer")}[kind]
                if kind == "metric":
                    expected = _show([_canonical(m) for m in asked])
                elif kind == "optimizer":
                    expected = canonical_optimizer(asked)
                else:
                    expected = _canonical(asked)
                raise Incorrect(text("keras.rejected", name=self.name, what=what,
                                     actual=value, error=error, expected=expected))

    def _check_learning_rate(self, model, config):
        rate = None
        optimizer = config.get("optimizer")
        if isinstance(optimizer, Mapping):
            rate = (optimizer.get("config") or {}).get("learning_rate")
        if not isinstance(rate, (int, float)):
            try:
                rate = float(model.optimizer.learning_rate)
            except Exception:
                rate = None
        if rate is None or not tolerance.close(float(rate), float(self.learning_rate)):
            shown = f"{float(rate):g}" if isinstance(rate, (int, float)) else safe_repr(rate)
            raise Incorrect(text("keras.compile", name=self.name,
                                 what=text("keras.what.learning_rate"), actual=shown,
                                 expected=f"{float(self.learning_rate):g}"))

    def _check_metrics(self, config):
        given = config.get("metrics") or []
        if isinstance(given, (str, Mapping)) or not isinstance(given, Sequence):
            given = [given]
        self._accepted_by_keras("metric", given, self.metrics)
        got = [_canonical(m) for m in given]
        want = [_canonical(m) for m in self.metrics]
        if not set(want) <= set(got):
            raise Incorrect(text("keras.metrics", name=self.name, actual=_show(got),
                                 expected=_show(want)))
