"""Speed of the checkers: median check() time per question kind (display off)
and the import time of learntools_lite.core in a fresh process.

    .venv/bin/python bench/checks.py

Reference (FIELD-NOTES, Kaggle learntools under TF 2.21): check() about 37 us
with display stubbed, ~200 us with display; its helpers import TensorFlow
at import (3.1-3.5 s). Kaggle's learntools is not installed here, so those
figures are quoted, not re-measured.
"""
import os
import statistics
import subprocess
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402

from learntools_lite.core import FunctionQuestion, MultipleChoice, ValueQuestion  # noqa: E402
from learntools_lite.core import question  # noqa: E402

question.show = lambda feedback: None  # display off: measure the checking only


def median_us(fn, repeat=200):
    fn()  # warm up (lazy expected values, caches)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e6


def import_time(module="learntools_lite.core", runs=7):
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(runs)]
    return statistics.median(times), min(times)


def main():
    rows = []
    number = ValueQuestion(var="x", expected=2.5)
    rows.append(("value: number (correct)", median_us(lambda: number.check({"x": 2.5}))))
    rows.append(("value: number (wrong, factor named)", median_us(lambda: number.check({"x": 5.0}))))
    e = np.random.default_rng(0).normal(size=(4, 28, 28)).astype("float32")
    array = ValueQuestion(var="x", expected=e)
    rows.append(("value: array 4x28x28 (correct)", median_us(lambda: array.check({"x": e.copy()}))))
    rows.append(("value: array 4x28x28 (transposed)", median_us(lambda: array.check({"x": e.T}))))
    string = ValueQuestion(var="x", expected="mean_absolute_error")
    rows.append(("value: string", median_us(lambda: string.check({"x": "Mean_Absolute_Error"}))))
    shape = ValueQuestion(var="x", expected=(250, 390, 3))
    rows.append(("value: tuple", median_us(lambda: shape.check({"x": [250, 390, 3]}))))
    relu = FunctionQuestion(var="f", oracle=lambda x: np.maximum(x, 0.0),
                            cases=[(np.arange(6.0).reshape(2, 3) - 3,)],
                            random_cases=lambda rng: (rng.normal(size=(3, 4)),), n_random=3)
    rows.append(("function: 4 calls vs oracle", median_us(
        lambda: relu.check({"f": lambda x: np.maximum(x, 0)}))))
    choice = MultipleChoice(var="a", options={"a": "", "b": ""}, answer="a")
    rows.append(("multiple choice", median_us(lambda: choice.check({"a": "a"}))))

    import keras  # imported only now: the rows above do not need it

    from learntools_lite.keras_checks import KerasCompileQuestion, KerasFitQuestion
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4, activation="relu"),
                              keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mae")
    history = model.fit(np.zeros((20, 3)), np.zeros(20), epochs=2, batch_size=4, verbose=0)
    comp = KerasCompileQuestion(var="model", optimizer="adam", loss="mae")
    fit = KerasFitQuestion(var="history", epochs=2, batch_size=4, num_samples=20)
    rows.append(("keras compile", median_us(lambda: comp.check({"model": model}))))
    rows.append(("keras fit", median_us(lambda: fit.check({"history": history}))))

    med, best = import_time()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print(f"{'question kind':40s} {'median check() us':>18s}")
    for name, us in rows:
        print(f"{name:40s} {us:18.1f}")
    print(f"{'import learntools_lite.core':40s} {med:17.3f}s (median of 7; best {best:.3f}s)")
    print("Kaggle learntools (FIELD-NOTES): check() ~37 us display stubbed; "
          "import of its DL helpers 3.1-3.5 s (TensorFlow)")


if __name__ == "__main__":
    main()
