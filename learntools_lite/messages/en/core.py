"""English messages of the checker core (the English catalogue is the reference: every key lives there).

Placeholders are `str.format` fields; every translation must use the same
fields (a test checks this). Texts quoting code use `backticks`, which the
notebook display turns into <code>.
"""

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
    "blank": "replace `____`{where} with your answer, then check again.",
    "blank.where_var": " in `{name}`",
    "undefined": "`{name}` is not defined yet. Run the cell that defines `{name}`, "
                 "then check again.",
    # Could not check.
    "could_not_check": "{why}",
    "learner_raised": "using `{name}` raised {error}. Make `{name}` an ordinary value "
                      "(a number, a list, a NumPy array ...) and check again.",
    "check_timeout": "checking `{name}` took longer than {seconds:g} s and was stopped.",
    "internal_error": "the checker failed ({error}). Your answer was not judged; "
                      "please report this to the course maintainers.",
    # Hints and solutions.
    "hint.none": "This question has no hints.",
    "hint.label_n": "Hint {n} of {count}",
    "hint.out_of_range.one": "There is no hint {n}: this question has one hint, `{qid}.hint()`.",
    "hint.out_of_range.other": "There is no hint {n}: this question has {count} hints, "
                               "`{qid}.hint(1)` to `{qid}.hint({count})`.",
    "solution.released": "Solutions are not handed out for graded work. "
                         "Ask your instructor after the deadline.",
    "solution.missing": "No solution was found for this question.",
    "multipart.parts": "This question has parts {parts}: check each one, "
                       "e.g. `{example}.check()`.",
    # Kinds of values, used inside other messages.
    "type.number": "a number",
    "type.real_number": "a real number",
    "type.array": "a NumPy array of numbers",
    "type.string": "a string",
    "type.set": "a set",
    "type.set_simple": "a set of simple values",
    "type.sequence": "a {kind} of {n} values",
    "type.tuple_of": "a tuple of {n} values",
    "type.real": "real",
    "type.words": "a string: your answer in your own words",
    "type.ndarray": "a NumPy array of shape {shape} and dtype {dtype}",
    "type.none": "`None`",
    "type.other": "{article} {name}",
    # Values.
    "wrong_type": "`{name}` should be {expected}, but it is {actual}.",
    "wrong_value": "`{name}` should be {expected!r}, but it is {actual!r}.",
    "wrong_number": "`{name}` = {actual} is not right{detail}.",
    "not_finite": "`{name}` contains NaN or infinite values.",
    "shape": "`{name}` has shape {actual}, but should have shape {expected}.",
    "shape.transposed": "`{name}` has shape {actual}: it looks transposed (expected {expected}).",
    "shape.ones": "`{name}` has shape {actual} instead of {expected}: an axis of length 1 "
                  "is extra or missing (`keepdims`, `reshape` or `squeeze`?).",
    "shape.reshape": "`{name}` has the right number of values but shape {actual} "
                     "instead of {expected}.",
    "shape.length": "`{name}` has {length} items along its first axis, "
                    "but should have shape {expected}.",
    "dtype": "`{name}` has dtype {actual}, but should have a {expected} dtype.",
    "dtype.integer": "`{name}` has an integer dtype ({actual}); it should hold "
                     "floating-point numbers.",
    "dtype.bool": "`{name}` holds booleans ({actual}); it should hold floating-point numbers.",
    "values": "`{name}` has the right shape but wrong values{detail}.",
    "values.factor": " (it is off by a constant factor of about {factor:.4g})",
    "values.offset": " (it is off by a constant {offset:.4g})",
    "values.first_diff": " (first difference at index {index}: {actual!r} instead of {expected!r})",
    "set": "`{name}` should contain exactly the expected items{detail}.",
    "set.missing": " (missing {missing})",
    "set.extra": " (unexpected {extra})",
    "set.size": " (it has {size} items; {expected} are expected)",
    "choice.invalid": "`{name}` should be one of {options}, but it is {actual!r}.",
    "choice.wrong": "{explanation}",
    "choice.other": "`{name}` = {actual!r} is not the right option.",
    # Generic mistakes (see core/mistakes.py, axis_mistakes).
    "axis.n": "axis {n}",
    "axis.all": "all axes",
    "mistake.axis": "`{name}` reduces over {used}; the question asks for {expected}.",
    "mistake.sum_not_mean": "`{name}` sums where it should average: divide by the "
                            "number of values (or use `mean`).",
    "mistake.mean_not_sum": "`{name}` averages where it should sum.",
    # Functions.
    "not_callable": "`{name}` should be a function, but it is {actual}.",
    "call.arg": "argument {n}",
    "call.result": "the result",
    "call.raised": "Calling `{call}` raised {error}.",
    "call.timeout": "Calling `{call}` did not finish within {seconds:g} s "
                    "(is there an endless loop?).",
    "call.wrong": "`{call}` returned a wrong result: {why}",
    "call.returned_none": "`{call}` returned None: did you forget a `return`?",
    "call.mutated": "`{call}` changed its input ({arg}) in place; compute a new array instead.",
    # Keras.
    "keras.not_model": "`{name}` should be a Keras model, but it is {actual}.",
    "keras.not_compiled": "`{name}` has not been compiled yet: call `{name}.compile(...)`.",
    "keras.what.optimizer": "optimizer",
    "keras.what.loss": "loss",
    "keras.what.metric": "metric",
    "keras.what.learning_rate": "learning rate",
    "keras.compile": "`{name}` was compiled with {what} {actual}, "
                     "but the question asks for {expected}.",
    "keras.metrics": "`{name}` was compiled with metrics {actual}, "
                     "but the question asks for {expected}.",
    "keras.metrics.none": "none",
    "keras.no_history": "`{name}` should be the History returned by `model.fit(...)`, "
                        "but it is {actual}.",
    "keras.fit.epochs": "`fit` was called with epochs={actual}, but the question asks "
                        "for epochs={expected}.",
    "keras.fit.stopped": "`len({name}.history['loss'])` is {actual}, but the question asks "
                         "for epochs={expected} (did training stop early, or was it "
                         "interrupted?).",
    "keras.fit.batch_size": "`fit` ran with steps_per_epoch={steps} on {samples} samples, "
                            "which means a batch size of about {actual}; the question asks "
                            "for batch_size={expected} (steps_per_epoch={expected_steps}).",
    "keras.fit.batch_size_split": "`fit` ran with steps_per_epoch={steps}; with "
                                  "batch_size={expected} and validation_split={split}, Keras "
                                  "trains on {kept} of the {samples} samples, which gives "
                                  "steps_per_epoch={expected_steps}: check `batch_size` and "
                                  "`validation_split`.",
    "keras.rejected": "`{name}` was compiled with {what} {actual!r}, which Keras does not "
                      "accept ({error}); the question asks for {expected}.",
    "keras.fit.validation_split": "`fit` ran {steps} steps per epoch, fewer than the "
                                  "{expected_steps} that {samples} training samples make in "
                                  "batches of {batch_size}: that is what `validation_split` does, "
                                  "holding back part of the training data. The question gives "
                                  "you the validation data: pass `validation_data=...` instead "
                                  "of `validation_split`, and fit again.",
    "keras.fit.no_steps": "`{name}` does not record the steps per epoch, so the batch size "
                          "cannot be checked.",
    "keras.fit.no_validation": "`{name}.history` has no `val_loss`: pass "
                               "`validation_data=...` (or `validation_split=...`) to `fit`.",
    "keras.fit.metric": "`{name}.history` has no `{metric}`: compile the model with "
                        "`metrics=[...]` and fit again.",
    "keras.layers": "The model should have {expected} layers, but it has {actual}.",
    "keras.layer": "Layer {index} should be {expected}, but it is {actual}.",
    "keras.input_shape": "The model's input shape is {actual}, but the question asks "
                         "for {expected}.",
    "keras.not_built": "`{name}` does not know its input shape yet: start it with "
                       "`keras.Input(shape=...)`.",
    "keras.params": "The model has {actual} parameters, but should have {expected}.",
    # Thought questions.
    "thought": "There is no single right answer here; compare your thinking "
               "with the discussion.",
    "thought.blank": "write your answer in your own words in `{name}` first (a string, "
                     "e.g. `{name} = \"...\"`), then check again to see the discussion.",
    "thought.too_short": "`{name}` is too short to compare with the discussion: write at "
                         "least {n} words in your own words, then check again.",
    # Languages (set_language).
    "language.set": "Messages are now shown in English (`{code}`).",
    "language.unknown": "There are no messages in {lang}; the languages available are "
                        "{available}. The language was not changed.",
    # The kernel's copy of an exercise while a submission is graded.
    "grading.outside": "This notebook is being graded: `{qid}` is judged by the grader, "
                       "outside this kernel, on the values your cells computed.",
    # animate_sgd settings (sgd_trajectory.py).
    "sgd.not_number": "{name} must be a number, like {example}; got {value!r}.",
    "sgd.not_finite": "{name} must be a finite number; got {value!r}.",
    "sgd.not_positive": "{name} must be greater than 0; got {value!r}.",
    "sgd.not_whole": "{name} must be a whole number, like {example}; got {value!r}.",
    "sgd.too_small": "{name} must be at least {low}; got {value!r}.",
    "sgd.too_large": "{name} must be at most {high}; got {value!r}.",
    "sgd.batch_too_large": "batch_size ({batch_size}) can't be larger than "
                       "num_examples ({num_examples}): a mini-batch is drawn from "
                       "the examples without replacement. Use a batch_size of "
                       "at most {num_examples}.",
    "sgd.unknown_optimizer": "optimizer must be one of {choices}; got {value!r}.",
    "sgd.diverged": "diverged at step {step}: try a smaller learning rate",
}
