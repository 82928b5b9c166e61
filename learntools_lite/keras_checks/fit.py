"""KerasFitQuestion: history = model.fit(...) with the asked epochs, batch size and validation."""
from __future__ import annotations

import math
from collections.abc import Sequence

from ..core.question import Question
from ..core.safe import type_name
from ..core.verdict import Incorrect, Uncheckable
from ..messages import text
from .names import _is_history


class KerasFitQuestion(Question):
    """history = model.fit(..., epochs=..., batch_size=...) with the asked settings."""

    var = "history"
    epochs: int | None = None
    batch_size: int | None = None
    num_samples: int | None = None
    validation_split: float | None = None
    validation: bool | None = None
    metrics: Sequence[str] | None = None

    def _check(self, history):
        name = self.name
        if not _is_history(history):
            raise Incorrect(text("keras.no_history", name=name, actual=type_name(history)))
        params = dict(getattr(history, "params", None) or {})
        logs = dict(getattr(history, "history", None) or {})
        if self.epochs is not None:
            ran = params.get("epochs")
            if ran != self.epochs:
                raise Incorrect(text("keras.fit.epochs", actual=ran, expected=self.epochs))
            recorded = len(logs.get("loss", ()))
            if recorded != self.epochs:
                raise Incorrect(text("keras.fit.stopped", name=name, actual=recorded,
                                     expected=self.epochs))
        if self.batch_size is not None:
            self._check_batch_size(params, validated="val_loss" in logs)
        if (self.validation or self.validation_split) and "val_loss" not in logs:
            raise Incorrect(text("keras.fit.no_validation", name=name))
        for metric in self.metrics or ():
            if metric not in logs:
                raise Incorrect(text("keras.fit.metric", name=name, metric=metric))
        return None

    def _train_sizes(self) -> list[int]:
        """Training-set sizes that a right answer can have trained on."""
        n = int(self.num_samples)
        if self.validation_split:
            # Keras keeps floor(n * (1 - split)) samples for training; a learner
            # who passed validation_data instead trains on all n.
            return [_kept_for_training(n, self.validation_split), n]
        return [n]

    def _check_batch_size(self, params, validated: bool = False):
        if "batch_size" in params and params["batch_size"] is not None:
            if params["batch_size"] != self.batch_size:  # older Keras records it
                raise Incorrect(text("keras.fit.batch_size", steps=params.get("steps", "?"),
                                     samples=self.num_samples or "?",
                                     actual=params["batch_size"], expected=self.batch_size,
                                     expected_steps="?"))
            return
        steps = params.get("steps")
        if not isinstance(steps, int) or self.num_samples is None:
            raise Uncheckable(text("keras.fit.no_steps", name=self.name))
        sizes = self._train_sizes()
        if any(steps == math.ceil(n / self.batch_size) for n in sizes):
            return
        n = sizes[0]
        if self.validation_split:
            raise Incorrect(text("keras.fit.batch_size_split", steps=steps, kept=n,
                                 samples=self.num_samples, expected=self.batch_size,
                                 split=self.validation_split,
                                 expected_steps=math.ceil(n / self.batch_size)))
        if validated and any(steps == math.ceil(_kept_for_training(n, split) / self.batch_size)
                             for split in USUAL_SPLITS):
            # the asked batch size on a training set cut by a usual validation_split:
            # name the split, never the batch size
            raise Incorrect(text("keras.fit.validation_split", steps=steps, samples=n,
                                 batch_size=self.batch_size,
                                 expected_steps=math.ceil(n / self.batch_size)))
        raise Incorrect(text("keras.fit.batch_size", steps=steps, samples=n,
                             actual=math.ceil(n / max(steps, 1)), expected=self.batch_size,
                             expected_steps=math.ceil(n / self.batch_size)))


# validation_split values a learner is likely to pass instead of the validation data asked for
USUAL_SPLITS = (0.1, 0.15, 0.2, 0.25, 0.3, 1 / 3)


def _kept_for_training(n: int, split: float) -> int:
    """The samples Keras trains on for fit(..., validation_split=split): the first
    floor(n * (1 - split)) (keras.utils.split_dataset's rule for arrays)."""
    return max(1, int(math.floor(n * (1.0 - split))))
