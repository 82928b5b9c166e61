"""Question 7: XOR trained with the learner's own layers.

The trained network is judged by what it predicts on the four XOR points
(the checker's own copy), and `final_loss` must agree with it.
"""
import numpy as np

from ..core import Mistake, Question
from ..core import compare as cmp
from ..core.safe import call_safely, describe_error
from ..core.verdict import Incorrect
from ..messages import catalogue

_ = catalogue("ex4_backprop")

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


class TrainedXorQuestion(Question):
    """`net` (a trained network with predict) must fit XOR with a loss under `max_loss`.

    The loss is recomputed from `net.predict` on the four points; `final_loss`
    must agree with it. `mistakes` match a report dict with keys loss,
    y_hat (shape (4, 1)) and final_loss.
    """

    var = ("net", "final_loss")
    max_loss = 0.01
    mistakes = ()
    timeout = 5.0

    def _check(self, net, final_loss):
        predict = getattr(net, "predict", None)
        if not callable(predict):
            raise Incorrect(_("q_7.no_predict").format())
        result = call_safely(predict, (XOR_X.copy(),), timeout=self.timeout)
        if result.timed_out:
            raise Incorrect(_("q_7.predict_timeout").format(seconds=self.timeout))
        if result.error is not None:
            raise Incorrect(_("q_7.predict_raised").format(error=describe_error(result.error)))
        y_hat = cmp.as_array(result.value)
        if y_hat is None or y_hat.size != 4 or y_hat.dtype.kind not in "biuf":
            raise Incorrect(_("q_7.predict_shape").format())
        y_hat = y_hat.reshape(4, 1).astype(float)
        if not np.all(np.isfinite(y_hat)):
            raise Incorrect(_("q_7.diverged").format())
        final = cmp.as_array(final_loss)
        if final is None or final.size != 1 or final.dtype.kind not in "biuf" \
                or not np.isfinite(float(final.reshape(-1)[0])):
            raise Incorrect(_("q_7.final_loss_type").format())
        report = {"loss": float(np.mean((y_hat - XOR_Y) ** 2)), "y_hat": y_hat,
                  "final_loss": float(final.reshape(-1)[0])}
        if report["loss"] < self.max_loss and report["final_loss"] < self.max_loss:
            return None
        for mistake in self.mistakes:
            if mistake.matches(report):
                raise Incorrect(mistake.message("net"))
        raise Incorrect(_("q_7.loss_too_high").format(
            loss=f"{report['loss']:.4g}", final=f"{report['final_loss']:.4g}",
            max=self.max_loss))


def _solved(r):
    return np.array_equal((r["y_hat"] > 0.5).astype(float), XOR_Y)


q_7 = TrainedXorQuestion(
    mistakes=[
        Mistake(_("q_7.mistake.constant"), matches=lambda r: np.ptp(r["y_hat"]) < 0.05),
        Mistake(_("q_7.mistake.other_run"), matches=lambda r: r["final_loss"] < 0.01 <= r["loss"]),
        Mistake(_("q_7.mistake.not_last"),
                matches=lambda r: r["loss"] < 0.01 and r["final_loss"] > 0.05),
        Mistake(_("q_7.mistake.almost"), matches=_solved),
        Mistake(_("q_7.mistake.not_yet"), matches=lambda r: True),
    ],
    hints=[_("q_7.hint.1"), _("q_7.hint.2"), _("q_7.hint.3")],
)
