"""English texts of exercise 2, "Broadcasting" (learntools_lite/ex2_broadcasting/).

Keys: `ex2_broadcasting.<question>.<kind>`; `{name}` is the learner's
variable or function. Hints go from the idea, to the shapes, to a skeleton
that still leaves the key line to the learner.
"""

MESSAGES = {
    # ---- q_1a-q_1c: result shapes (shared texts first) --------------------------
    "ex2_broadcasting.shapes.mistake.left_aligned":
        "`{name}`: you lined the shapes up from the left. NumPy lines them up from the "
        "right (trailing axes first) and puts the missing axes in front.",
    "ex2_broadcasting.shapes.mistake.should_error":
        "`{name}`: these shapes do not broadcast. Set `{name}` to the string \"error\": "
        "some pair of axes differs and neither of the two is 1.",
    "ex2_broadcasting.shapes.mistake.does_broadcast":
        "`{name}`: these shapes do broadcast. Compare them axis by axis from the right: "
        "each pair is equal, or one of the two is 1.",
    "ex2_broadcasting.shapes.mistake.rule":
        "`{name}` is not what NumPy's rule gives. Write the shapes right-aligned, one "
        "above the other, and fill the missing axes with 1: each pair of axes must be "
        "equal or contain a 1, and the result takes the larger of the two.",
    "ex2_broadcasting.shapes.mistake.outer":
        "`{name}`: you expected an element-by-element result, as if both held the same "
        "7 numbers side by side. NumPy does not know that: right-aligned, `(7,)` becomes "
        "`(1, 7)`, a row, and meets the column `(7, 1)`. Both axes have a 1 to stretch. "
        "Which shape comes out, and what does it hold?",
    "ex2_broadcasting.shapes.hint.1":
        "Broadcasting lines the two shapes up on the right. Missing axes count as 1; "
        "two axes fit when they are equal or one of them is 1, and the result takes "
        "the larger length. One pair that does not fit makes the whole operation fail.",
    "ex2_broadcasting.q_1a.hint.2":
        "Right-aligned, the shapes read `(_, 2, 1, 6)` over `(4, 1, 1, 6)`, where `_` is "
        "a missing axis. Compare the four columns one at a time, from the right.",
    "ex2_broadcasting.q_1a.hint.3":
        "Column by column from the right: 6 with 6 gives 6; 1 with 1 gives 1; 2 with 1 "
        "gives ____; a missing axis with 4 gives ____. Write the four lengths from left "
        "to right as a tuple.",
    "ex2_broadcasting.q_1b.hint.2":
        "Right-aligned: `(_, 7)` over `(7, 1)`. The vector gets a new axis in front, so "
        "it acts as a row of shape (1, 7).",
    "ex2_broadcasting.q_1b.hint.3":
        "(1, 7) over (7, 1): the last axes are 7 and 1, the first are 1 and 7. Each "
        "column stretches its 1, so the result is (____, ____).",
    "ex2_broadcasting.q_1c.hint.2":
        "Right-aligned: `(8, 3, 4)` over `(_, 8, 1)`. The 8 of the second shape does not "
        "meet the 8 of the first.",
    "ex2_broadcasting.q_1c.hint.3":
        "Column by column from the right: 4 with 1 fits; 3 with 8 ____. If one column "
        "does not fit, the answer is the string \"error\" (to line the 8s up, the second "
        "array would need the shape (8, 1, 1)).",
    # ---- q_2: the value of the broken loss ---------------------------------------
    "ex2_broadcasting.q_2.mistake.zero":
        "`{name}` = 0 is what the loss should be: every prediction equals its target. "
        "But `y_hat - y` is not shape (4,) here. Work out its shape first (as in "
        "q_1b), then average all of its entries.",
    "ex2_broadcasting.q_2.mistake.sum":
        "`{name}` is the sum of all the entries of `(y_hat - y)  2`; `np.mean` "
        "divides that sum by how many entries there are.",
    "ex2_broadcasting.q_2.mistake.divided_by_n":
        "`{name}` divides by 4, the number of samples. But `(y_hat - y)  2` has more "
        "entries than that, and `np.mean` averages every one of them.",
    "ex2_broadcasting.q_2.hint.1":
        "`y_hat` has shape (4, 1) and `y` shape (4,): the (n,) versus (n, 1) pair of "
        "q_1b. Broadcasting pairs every prediction with every target, not each "
        "prediction with its own.",
    "ex2_broadcasting.q_2.hint.2":
        "`y_hat - y` is a 4 x 4 table: entry [i, j] is y_hat[i] - y[j] = i - j. Its "
        "diagonal is 0; the rest is not.",
    "ex2_broadcasting.q_2.hint.3":
        "Write out the squares (i - j)  2 for i, j in 0 ... 3: the row for i = 0 is "
        "0, 1, 4, 9. Add up all 16 squares and divide by ____.",
    # ---- q_3: find the bug, standardising a batch of sequences ----------------------
    "ex2_broadcasting.q_3.mistake.unfixed":
        "`{name}` still computes the mean and standard deviation of each recording on "
        "its own (over its timesteps, axis 1). Every recording then looks the same on "
        "average, and what tells them apart, their level, is gone. The statistics must "
        "be shared by all recordings.",
    "ex2_broadcasting.q_3.mistake.std_unfixed":
        "`{name}` fixed the mean but still divides by each recording's own standard "
        "deviation (axis 1): the two statistics must be taken over the same axes.",
    "ex2_broadcasting.q_3.mistake.mean_unfixed":
        "`{name}` fixed the standard deviation but still subtracts each recording's own "
        "mean (axis 1): the two statistics must be taken over the same axes.",
    "ex2_broadcasting.q_3.mistake.per_timestep":
        "`{name}` takes the statistics over the recordings only (axis 0), so every "
        "timestep gets a mean of its own. A sensor's reading at step 3 and at step 4 "
        "are the same kind of number: reduce over the timesteps too.",
    "ex2_broadcasting.q_3.mistake.per_sample":
        "`{name}` still standardises each recording on its own, now over its "
        "timesteps and features together. Reduce over the recordings and the "
        "timesteps, never over the features.",
    "ex2_broadcasting.q_3.mistake.across_features":
        "`{name}` takes the statistics across the features (the last axis), mixing "
        "temperatures with pressures. Each feature needs its own mean and standard "
        "deviation.",
    "ex2_broadcasting.q_3.mistake.whole_array":
        "`{name}` uses one mean and one standard deviation for the whole array. Each "
        "feature needs its own: reduce over every axis except the features.",
    "ex2_broadcasting.q_3.hint.1":
        "`axis` names the axes a reduction collapses. Ask which numbers should share "
        "one mean: here, every value of one feature, whichever recording and "
        "timestep it comes from.",
    "ex2_broadcasting.q_3.hint.2":
        "X has shape (recordings, timesteps, features). The statistics should have "
        "shape (1, 1, features) with `keepdims=True`, one number per feature, so they "
        "broadcast over the first two axes. `axis` also takes a tuple of axes.",
    "ex2_broadcasting.q_3.hint.3":
        "Only the `axis=` of the two reductions is wrong: "
        "`mu = X.mean(axis=____, keepdims=True)` and "
        "`sigma = X.std(axis=____, keepdims=True)`, both of shape (1, 1, features).",
    # ---- q_4: one bias per channel ---------------------------------------------------
    "ex2_broadcasting.q_4.mistake.last_axis":
        "`{name}` adds the bias along the last axis (the width): `Z + b` lines `b` up "
        "with the last axis. Give `b` a shape that lines it up with the channels.",
    "ex2_broadcasting.q_4.mistake.height_axis":
        "`{name}` adds the bias along the height axis: a bias of shape (channels, 1) "
        "lines up with (height, width). One axis of length 1 is still missing.",
    "ex2_broadcasting.q_4.hint.1":
        "Right-align the shapes: (batch, channels, height, width) over (channels,). "
        "Which axis of `Z` does `b` meet? Broadcasting adds axes only in front, so you "
        "must add the ones after the channels yourself.",
    "ex2_broadcasting.q_4.hint.2":
        "`b` needs the shape (channels, 1, 1): right-aligned, its channels then meet "
        "the channels of `Z`, and its two 1s stretch over height and width. "
        "`np.newaxis` (or `None`) in an index, or `reshape`, adds axes of length 1.",
    "ex2_broadcasting.q_4.hint.3":
        "In `add_bias`: `b_column = ____`, of shape (channels, 1, 1), then "
        "`return Z + b_column` (a new array; `Z` stays unchanged).",
    # ---- q_5: find the bug, a loss that broadcasts -------------------------------------
    "ex2_broadcasting.q_5.mistake.unfixed":
        "`{name}` still broadcasts (n,) against (n, 1) into an (n, n) table of every "
        "label with every prediction, and averages all n * n entries. Make `y` and `p` "
        "the same shape before they meet.",
    "ex2_broadcasting.q_5.mistake.only_one_flat":
        "`{name}` makes `{arg}` flat or a row (with `.T`, `np.ravel` or `reshape(-1)`) "
        "but leaves `{other}` as it comes. That works while `{other}` is flat, and the "
        "(n, n) table is back when `{other}` is the column (n, 1). `.T` could not fix "
        "`{other}` either: the transpose of a flat (n,) array is the same (n,) array. "
        "Give both arguments one shape, whatever they come as.",
    "ex2_broadcasting.q_5.mistake.only_one_column":
        "`{name}` makes `{arg}` a column (n, 1) but leaves `{other}` as it comes: that "
        "works while `{other}` is a column too, and broadcasts to (n, n) again when it "
        "is flat. Give both arguments the same shape.",
    "ex2_broadcasting.q_5.mistake.sum":
        "`{name}` sums the losses of the samples; the loss is their mean.",
    "ex2_broadcasting.q_5.hint.1":
        "Print the shape of `losses` for `y` of shape (5,) and `p` of shape (5, 1). A "
        "loss of one number per sample should have 5 entries, not 25.",
    "ex2_broadcasting.q_5.hint.2":
        "The line that reads the arguments must give both the same shape, (n,), "
        "whichever of (n,) and (n, 1) each comes as. `np.ravel`, `reshape(-1)` and "
        "`squeeze` all flatten; `.T` does not (the transpose of an (n,) array is itself).",
    "ex2_broadcasting.q_5.hint.3":
        "Only the first line of the function changes: `y, p = ____, ____`, both of "
        "shape (n,), as floats.",
    # ---- q_6: the memory of the (n, m, d) intermediate -------------------------------------
    "ex2_broadcasting.q_6.mistake.float64":
        "`{name}` counts 8 bytes per number, the size of a float64. These arrays are "
        "float32: 4 bytes per number (`np.dtype(np.float32).itemsize`).",
    "ex2_broadcasting.q_6.mistake.entries":
        "`{name}` is the number of entries of the intermediate; each entry takes "
        "the itemsize of float32 in bytes.",
    "ex2_broadcasting.q_6.mistake.bits":
        "`{name}` is in bits; the question asks for bytes (8 bits each).",
    "ex2_broadcasting.q_6.mistake.answer_size":
        "`{name}` is the size of the (n, m) matrix of distances, the answer. The "
        "intermediate holds a whole difference vector of d numbers for every pair.",
    "ex2_broadcasting.q_6.mistake.inputs_size":
        "`{name}` is the size of the inputs `A` and `B`. Broadcasting makes no copies "
        "of them, but the difference is a new array, and it has one entry per "
        "(query, reference, feature).",
    "ex2_broadcasting.q_6.hint.1":
        "Broadcasting never copies its inputs, but the result of `A[:, None, :] - "
        "B[None, :, :]` is a new array that NumPy allocates in full. Its size in bytes "
        "is (number of entries) x (bytes per entry).",
    "ex2_broadcasting.q_6.hint.2":
        "`A[:, None, :]` has shape (2000, 1, 128) and `B[None, :, :]` shape "
        "(1, 3000, 128): work out the broadcast shape, count its entries, and look up "
        "how many bytes one float32 takes.",
    "ex2_broadcasting.q_6.hint.3":
        "`diff_bytes = ____ * ____ * ____ * ____`: queries x references x features x "
        "bytes per float32.",
    # ---- q_7: a numerically stable softmax over rows ------------------------------------
    "ex2_broadcasting.q_7.mistake.no_shift":
        "`{name}` takes `exp` of the logits as they are: `np.exp(1000.0)` overflows to "
        "inf (and `np.exp(-1500.0)` underflows to 0), and the division gives NaN. "
        "Subtract each row's largest logit first: softmax does not change when one "
        "number is subtracted from a whole row.",
    "ex2_broadcasting.q_7.mistake.whole_array_max":
        "`{name}` subtracts the largest logit of the whole array. A row far below it "
        "still underflows to all zeros, and 0 / 0 is NaN. The shift must be one number "
        "per row: that row's own maximum.",
    "ex2_broadcasting.q_7.mistake.column_max":
        "`{name}` subtracts the maximum of each column. That changes the softmax of "
        "every row: only a constant for the whole row leaves it unchanged. Take the "
        "maximum along the classes axis instead.",
    "ex2_broadcasting.q_7.mistake.columns":
        "`{name}` normalises each column (it sums over axis 0, the samples): here "
        "every row must sum to 1, one probability distribution per sample.",
    "ex2_broadcasting.q_7.mistake.not_normalised":
        "`{name}` returns the exponentials without dividing by their row sums: the "
        "rows do not sum to 1.",
    "ex2_broadcasting.q_7.mistake.whole_sum":
        "`{name}` divides by the sum of the whole array (`e.sum()` without an axis): all "
        "the entries together sum to 1, not each row. Divide each row by its own sum, "
        "taken along the classes axis.",
    "ex2_broadcasting.q_7.hint.1":
        "softmax(z)_k = exp(z_k) / sum_j exp(z_j) for each row z. Subtracting any "
        "number c from every entry of a row leaves its softmax unchanged (exp(z - c) = "
        "exp(z) / exp(c), and the exp(c) cancels), so choose c per row to keep `exp` in range.",
    "ex2_broadcasting.q_7.hint.2":
        "Z is (samples, classes). The row maxima and the row sums reduce over axis 1; "
        "with `keepdims=True` they have shape (samples, 1) and broadcast back over the "
        "classes. After the shift the largest entry of each row is exp(0) = 1, so the "
        "sum is at least 1: no overflow and no 0 / 0.",
    "ex2_broadcasting.q_7.hint.3":
        "In `softmax`: `shifted = ____`, so that each row's largest entry is 0; "
        "`e = np.exp(shifted)`; then `return e / ____`, dividing by each row's sum, "
        "of shape (samples, 1).",
    # ---- q_8: thought question -------------------------------------------------------------
    "ex2_broadcasting.q_8.hint.1":
        "Look back at the bugs of this exercise that raised no error: which shapes made "
        "them pass silently, and what did the wrong result still look like?",
    "ex2_broadcasting.q_8.hint.2":
        "Think about the sizes in a test: what happens to a wrongly shaped bias when the "
        "batch has 1 sample, or as many samples as the layer has units? What happens to "
        "an axis mix-up in a square table?",
    "ex2_broadcasting.q_8.hint.3":
        "A good answer names at least two situations where broadcasting hides a bug "
        "(what the shapes were, why no error came) and at least two habits, in your code "
        "or in your tests, that would have caught each of them.",
    "ex2_broadcasting.q_8.discussion":
        "Broadcasting raises an error only when a pair of axes disagrees and neither is "
        "1, so a bug hides whenever the wrong shapes still fit:\n\n"
        "- (n,) meets (n, 1). The vector becomes a row, the column stretches, and "
        "`y_hat - y` is an (n, n) table of every prediction against every target. A "
        "loss averaged over it is a plausible number (far from 0 for the perfect model of "
        "q_2), and training on it pulls every prediction towards the mean target.\n"
        "- A 1 that stretches. A column bias (units, 1) added to a batch of one "
        "(1, units) gives a (units, units) matrix; a batch of exactly `units` samples "
        "gives the right shape with the wrong numbers.\n"
        "- Equal lengths on different axes. A reduction over the wrong axis, or a "
        "bias lined up with the wrong axis, runs without a word when the lengths happen "
        "to match: square tables, square images, as many channels as pixels per side, "
        "a test batch of the same size as the features.\n"
        "- A wrong statistic with a fitting shape. Means taken over the wrong "
        "axes, like q_3's per-recording ones of shape (recordings, 1, features), "
        "broadcast back onto `X` as well as the right (1, 1, features) ones do: the "
        "output has the right shape and even looks standardised.\n\n"
        "Habits that catch these:\n\n"
        "- Assert shapes at the boundaries: `assert y.shape == y_hat.shape`, "
        "`assert Z.shape == (len(X), units)`. One line, and the silent bug becomes a "
        "loud one. Flatten (or `reshape`) the inputs of a loss deliberately instead of "
        "relying on how they arrive.\n"
        "- Test with sizes that cannot be confused: 3 samples, 5 features, 4 "
        "channels, 7 timesteps, never square and never all equal; and run one test "
        "with a batch of 1 and one with a batch larger than 1.\n"
        "- Compare with a slow, obvious version on a tiny input: a loop over the "
        "samples or the channels (as these checks do), or a library function "
        "(`scipy`, a Keras layer). Check a known value too: the loss of a perfect "
        "prediction is 0.\n"
        "- Say which axis you mean: `keepdims=True`, explicit new axes (`np.newaxis`) rather "
        "than relying on implicit alignment, `np.einsum` with explicit subscripts, "
        "named constants for axes; and keep vectors in the layout Keras uses (a bias "
        "of shape (units,)).\n"
        "- Preview a broadcast with `np.broadcast_shapes(a.shape, b.shape)` when in "
        "doubt, and print shapes, not only values, while debugging.",
}
