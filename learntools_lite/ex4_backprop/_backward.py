"""What the backward-pass questions share: a FunctionQuestion that names the
parts of a tuple result (`dW`, `db`, `dX`) in its messages and can diagnose a
mistake that raises on the usual inputs, plus the random inputs they use."""
import numpy as np

from ..core import FunctionQuestion
from ..core import compare as cmp
from ..core.safe import call_safely, copy_args
from ..core.verdict import Incorrect


def same(value, wanted) -> bool:
    return cmp.compare("_", value, wanted, rtol=1e-5, atol=1e-7) is None


class BackwardQuestion(FunctionQuestion):
    """A FunctionQuestion for backward passes (the parts of a tuple result are
    named by the core's `output_names`: `dW`, `db`, `dX`).

    - `normalise(result)` turns an accepted alternative form into the expected one;
    - `square_cases`: a missing transpose raises on non-square arrays before
      its output can be compared with the catalogued mistakes; when the
      learner's function fails, it is run on square arrays, where that mistake
      runs (wrongly) and can be named.
    """

    normalise = None
    square_cases = ()
    atol = 1e-7

    def _compare(self, label, actual, expected):
        # The whole result only: the core compares its parts through this method too.
        if self.normalise is not None and isinstance(expected, tuple):
            actual = self.normalise(actual)
        return super()._compare(label, actual, expected)

    def _check(self, func):
        try:
            return super()._check(func)
        except Incorrect as failure:
            if str(failure) in {m.message(self.name) for m in self.mistakes}:
                raise
            named = self._diagnose(func)
            if named is None:
                raise
            raise Incorrect(named) from None

    def _diagnose(self, func):
        outputs = []
        cases = self.square_cases() if callable(self.square_cases) else self.square_cases
        for args in cases:
            result = call_safely(func, copy_args(args), timeout=self.timeout)
            if result.timed_out or result.error is not None:
                return None
            outputs.append((args, None, result.value))
        return self._named_mistake(outputs) if outputs else None


def distinct_sizes(rng, count):
    """`count` different sizes between 2 and 6, so a missing transpose cannot go unseen."""
    return [int(v) for v in rng.choice(np.arange(2, 7), size=count, replace=False)]
