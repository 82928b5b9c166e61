"""Questions 7 and 8: the learner's own CNN, graded on held-out MNIST test
images, and a thought question on why weight sharing generalises.

The trained model is judged by its accuracy on 2,000 test images that the
checker loads itself (at grading time, the grader evaluates the model rebuilt
from its config and weights).
"""
import functools
import math

import numpy as np

from ..core import Question, ThoughtQuestion
from ..core.safe import describe_error, type_name
from ..core.verdict import Incorrect
from ..messages import catalogue, text

_ = catalogue("ex5_cnn")

HELD_OUT = slice(5000, 7000)     # the test images the checker grades on


@functools.lru_cache(maxsize=1)
def _held_out():
    from ..datasets import load_mnist

    _, (test_images, test_labels) = load_mnist()
    return (test_images[HELD_OUT].astype("float32") / 255, np.asarray(test_labels[HELD_OUT]))


def _layer_classes(model) -> list[str]:
    """Class names of every layer, looking inside nested models."""
    names = []
    for layer in getattr(model, "layers", None) or []:
        names.append(type(layer).__name__)
        if getattr(layer, "layers", None):
            names.extend(_layer_classes(layer))
    return names


class TrainedCnnQuestion(Question):
    """A trained Keras model with a Conv2D layer, graded on held-out MNIST test images.

    The model takes images scaled to [0, 1] (shape (28, 28, 1); (28, 28) or
    (784,) inputs are accepted too) and outputs 10 scores per image
    (probabilities or logits: the predicted class is the argmax).
    """

    reads_keras_objects = True  # predicts with the rebuilt model

    var = "model"
    min_accuracy = 0.97
    check_timeout = 120.0

    def _accuracy(self, model, images, labels):
        shape = model.input_shape
        shape = tuple(shape)[1:] if isinstance(shape, (tuple, list)) else ()
        if not all(isinstance(n, int) for n in shape) or math.prod(shape) != 28 * 28:
            raise Incorrect(str(_("q_7.wrong_input", name=self.name, shape=shape)))
        try:
            scores = np.asarray(model.predict(images.reshape(len(images), *shape),
                                              verbose=0, batch_size=500))
        except Exception as exc:
            raise Incorrect(str(_("q_7.predict_raised", name=self.name,
                                  error=describe_error(exc))))
        if scores.shape != (len(images), 10):
            raise Incorrect(str(_("q_7.wrong_output", name=self.name, shape=scores.shape[1:])))
        return float(np.mean(scores.argmax(axis=1) == labels))

    def _check(self, model):
        from ..keras_checks import _is_model

        if not _is_model(model):
            raise Incorrect(text("keras.not_model", name=self.name, actual=type_name(model)))
        if "Conv2D" not in _layer_classes(model):
            raise Incorrect(str(_("q_7.no_conv", name=self.name)))
        try:
            model.input_shape
        except Exception:  # a model without keras.Input, not yet called on data
            raise Incorrect(text("keras.not_built", name=self.name))
        images, labels = _held_out()
        accuracy = self._accuracy(model, images, labels)
        self.last_accuracy = accuracy
        if accuracy >= self.min_accuracy:
            return None
        if self._accuracy(model, images * 255, labels) >= self.min_accuracy:
            raise Incorrect(str(_("q_7.raw_pixels", name=self.name)))
        percent = f"{accuracy:.2%}"
        if accuracy < 0.3:
            raise Incorrect(str(_("q_7.untrained", name=self.name, accuracy=percent)))
        raise Incorrect(str(_("q_7.too_low", name=self.name, accuracy=percent,
                              wanted=f"{self.min_accuracy:.0%}")))

    def _correct_message(self):
        accuracy = getattr(self, "last_accuracy", None)
        return "" if accuracy is None else str(_("q_7.correct", accuracy=f"{accuracy:.2%}"))


q_7 = TrainedCnnQuestion(hints=[_("q_7.hint.1"), _("q_7.hint.2"), _("q_7.hint.3")])

q_8 = ThoughtQuestion(
    var="answer_8",
    discussion=_("q_8.discussion"),
    hints=[_("q_8.hint.1"), _("q_8.hint.2"), _("q_8.hint.3")],
)
