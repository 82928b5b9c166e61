"""English messages (the reference catalogue: every key lives here)."""

MESSAGES = {
    # Labels shown in front of feedback.
    "label.correct": "Correct",
    "label.incorrect": "Incorrect",
    "label.blank": "Fill in",
    "label.uncheckable": "Could not check",
    "label.hint": "Hint",
    "label.solution": "Solution",
    "label.discussion": "Discussion",
    # Binder and blanks.
    "not_bound": "Run `from learntools_lite.core import binder; binder.bind(globals())` "
                 "in the first cell of the notebook, then check again.",
    "blank": "Fill in the blank{where}, then check again.",
    "blank.where_var": " in `{name}`",
    "undefined": "`{name}` is not defined yet. Run the cell that defines `{name}`, then check again.",
    # Generic verdicts.
    "correct": "",
    "could_not_check": "{why}",
    "internal_error": "the checker failed ({error}). Your answer was not judged; "
                      "please report this to the course maintainers.",
    # Hints and solutions.
    "hint.none": "This question has no hints.",
    "hint.out_of_range": "There are only {count} hint(s) for this question; showing hint {count}.",
    "hint.first": "Hint {n} of {count}:",
    "solution.released": "Solutions are not handed out for graded work. "
                         "Ask your instructor after the deadline.",
    "solution.missing": "No solution was found for this question.",
    "multipart.parts": "This question has parts {parts}: check each one, e.g. `{example}.check()`.",
    # Values.
    "wrong_type": "`{name}` should be {expected}, but it is {actual}.",
    "wrong_value": "`{name}` should be {expected!r}, but it is {actual!r}.",
    "wrong_number": "`{name}` = {actual} is not right{detail}.",
    "not_finite": "`{name}` contains NaN or infinite values.",
    "shape": "`{name}` has shape {actual}, but should have shape {expected}.",
    "shape.transposed": "`{name}` has shape {actual}: it looks transposed (expected {expected}).",
    "dtype": "`{name}` has dtype {actual}, but should have a {expected} dtype.",
    "dtype.integer": "`{name}` has an integer dtype ({actual}); it should hold floating-point numbers.",
    "values": "`{name}` has the right shape but wrong values{detail}.",
    "values.factor": " (it is off by a constant factor of about {factor:.4g})",
    "values.offset": " (it is off by a constant {offset:.4g})",
    "values.first_diff": " (first difference at index {index}: {actual!r} instead of {expected!r})",
    "set": "`{name}` should contain exactly the expected items{detail}.",
    "set.missing": " (missing {missing})",
    "set.extra": " (unexpected {extra})",
    "choice.invalid": "`{name}` should be one of {options}, but it is {actual!r}.",
    "choice.wrong": "{explanation}",
    # Functions.
    "not_callable": "`{name}` should be a function, but it is {actual}.",
    "call.raised": "Calling `{call}` raised {error}.",
    "call.timeout": "Calling `{call}` did not finish within {seconds:g} s (is there an endless loop?).",
    "call.wrong": "`{call}` returned a wrong result: {why}",
    "call.returned_none": "`{call}` returned None: did you forget a `return`?",
    "call.mutated": "`{call}` changed its input `{arg}` in place; compute a new array instead.",
    # Mistakes named by question definitions (formatted with `name`).
    "mistake": "{description}",
    # Keras.
    "keras.not_model": "`{name}` should be a Keras model, but it is {actual}.",
    "keras.not_compiled": "`{name}` has not been compiled yet: call `{name}.compile(...)`.",
    "keras.compile": "The model was compiled with {what} {actual}, but the question asks for {expected}.",
    "keras.no_history": "`{name}` should be the History returned by `model.fit(...)`, but it is {actual}.",
    "keras.fit": "`fit` was called with {what}={actual}, but the question asks for {expected}.",
    "keras.layers": "The model should have {expected} layers, but it has {actual}.",
    "keras.layer": "Layer {index} should be {expected}, but it is {actual}.",
    # Thought questions.
    "thought": "There is no single right answer here; compare your thinking with the discussion.",
}
