"""KerasModelQuestion: a model with the asked layers, input shape and parameter count."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..core import tolerance
from ..core.question import Question
from ..core.safe import type_name
from ..core.verdict import Incorrect
from ..messages import text
from .names import _is_model


def _activation_name(value) -> str:
    if value is None:
        return "linear"
    if isinstance(value, str):
        return value.lower()
    if isinstance(value, Mapping):
        return str(value.get("config", value.get("class_name", ""))).lower()
    return str(getattr(value, "__name__", type(value).__name__)).lower()


def _same(key: str, actual, expected) -> bool:
    if key == "activation":
        return _activation_name(actual) == _activation_name(expected)
    if isinstance(expected, (list, tuple)):
        return isinstance(actual, (list, tuple)) and len(actual) == len(expected) and all(
            _same(key, a, e) for a, e in zip(actual, expected))
    if isinstance(expected, int) and isinstance(actual, (list, tuple)) and actual:
        return all(_same(key, a, expected) for a in actual)  # kernel_size=3 == (3, 3)
    if isinstance(expected, float) and isinstance(actual, (int, float)):
        return tolerance.close(actual, expected)
    return actual == expected


def _describe(class_name: str, config: Mapping, keys) -> str:
    shown = ", ".join(f"{k}={config.get(k)!r}" for k in keys if k in config)
    return f"{class_name}({shown})"


class KerasModelQuestion(Question):
    """A model with the asked layers (and input shape, and parameter count)."""

    reads_keras_objects = True  # reads the model's layers and parameter count

    var = "model"
    layers: Sequence[tuple[str, Mapping]] = ()
    input_shape: tuple | None = None
    params: int | None = None

    def _learner_layers(self, model) -> list[tuple[str, dict]]:
        out = []
        fold = not any(spec[0] == "Activation" for spec in self.layers)
        for layer in model.layers:
            cls = type(layer).__name__
            if cls == "InputLayer":
                continue
            config = dict(layer.get_config())
            if (fold and cls == "Activation" and out
                    and _activation_name(out[-1][1].get("activation", "")) == "linear"
                    and "activation" in out[-1][1]):
                out[-1][1]["activation"] = _activation_name(config.get("activation"))
                continue
            out.append((cls, config))
        return out

    def _check(self, model):
        name = self.name
        if not _is_model(model):
            raise Incorrect(text("keras.not_model", name=name, actual=type_name(model)))
        if self.layers:
            got = self._learner_layers(model)
            for index, ((want_cls, want_cfg), (cls, cfg)) in enumerate(zip(self.layers, got)):
                wrong = cls != want_cls or any(
                    not _same(k, cfg.get(k), v) for k, v in dict(want_cfg).items())
                if wrong:
                    raise Incorrect(text("keras.layer", index=index + 1,
                                         expected=_describe(want_cls, want_cfg, want_cfg),
                                         actual=_describe(cls, cfg, want_cfg)))
            if len(got) != len(self.layers):
                raise Incorrect(text("keras.layers", expected=len(self.layers), actual=len(got)))
        if self.input_shape is not None or self.params is not None:
            try:
                shape = tuple(model.input_shape)[1:]
                count = model.count_params()
            except Exception:
                raise Incorrect(text("keras.not_built", name=name))
            if self.input_shape is not None and not _same("input_shape", shape,
                                                          tuple(self.input_shape)):
                raise Incorrect(text("keras.input_shape", actual=shape,
                                     expected=tuple(self.input_shape)))
            if self.params is not None and count != self.params:
                raise Incorrect(text("keras.params", actual=count, expected=self.params))
        return None
