"""English texts of exercise 4, "Backpropagation" (learntools_lite/ex4_backprop/).

Keys are `ex4_backprop.q_<n>.<kind>`; `{name}` is the learner's variable.
No text here holds a line of a solution: hints end in a skeleton with the
key line(s) left as `____`.
"""

MESSAGES = {
    # ---- q_1: predict the shapes ------------------------------------------------------
    "ex4_backprop.q_1.not_dict":
        "`{name}` should be a dict with exactly the keys {keys}, each a shape such as "
        "`(3, 2)`.",
    "ex4_backprop.q_1.not_shape":
        "`{name}[\"{entry}\"]` should be a shape, a tuple of whole numbers such as `(3, 2)`, "
        "but it is {actual}.",
    "ex4_backprop.q_1.wrong.output_error":
        "The shape of `output_error` is not {shape}. The first Dense layer receives "
        "dE/dY1, the gradient with respect to its own output Y1: one entry per sample "
        "and per value that Y1 holds.",
    "ex4_backprop.q_1.wrong.dW":
        "The shape of `dW` is not {shape}. Each weight gets one partial derivative, so "
        "dW has exactly the shape of the first layer's W.",
    "ex4_backprop.q_1.wrong.db":
        "The shape of `db` is not {shape}. There is one bias per unit of the first "
        "layer, and db has the shape of b.",
    "ex4_backprop.q_1.wrong.dX":
        "The shape of `dX` is not {shape}. dX = dE/dX has one entry per entry of the "
        "layer's input X.",
    "ex4_backprop.q_1.mistake.network_output_error":
        "`output_error` = {shape} is the shape of the error at the network's OUTPUT "
        "(2 values per sample). The first Dense layer receives the error of its own "
        "output, after the second layer and the ReLU have passed it back.",
    "ex4_backprop.q_1.mistake.error_is_input":
        "`output_error` = {shape} is the shape of the layer's input X; the error the "
        "layer receives has the shape of its output Y1.",
    "ex4_backprop.q_1.mistake.dW_transposed":
        "`dW` = {shape} is transposed. A gradient has the shape of the thing it is the "
        "gradient of: W of the first layer maps 5 features to 4 units.",
    "ex4_backprop.q_1.mistake.dW_second_layer":
        "`dW` = {shape} is the shape of the SECOND layer's weights; the question asks "
        "about the first Dense layer.",
    "ex4_backprop.q_1.mistake.dW_per_sample":
        "`dW` = {shape} has one row per sample, but the layer has one weight matrix for "
        "the whole batch: the samples' contributions are added up, and dW has the shape "
        "of W.",
    "ex4_backprop.q_1.mistake.db_per_sample":
        "`db` = {shape} keeps the samples apart, but the whole batch shares one bias "
        "vector: the contributions of the 16 samples are added up, so db has the shape "
        "of b.",
    "ex4_backprop.q_1.mistake.db_second_layer":
        "`db` = {shape} is the shape of the SECOND layer's bias; the question asks about "
        "the first Dense layer.",
    "ex4_backprop.q_1.mistake.dX_output_shape":
        "`dX` = {shape} is the shape of the layer's OUTPUT. dX = dE/dX is what the layer "
        "passes back to the layer before it, so it has the shape of its input X.",
    "ex4_backprop.q_1.mistake.dX_transposed":
        "`dX` = {shape} is transposed: it has the shape of X, samples first.",
    "ex4_backprop.q_1.hint.1":
        "Every gradient has the shape of the quantity it is the gradient of: dW like W, "
        "db like b, dX like X, and the error a layer receives like that layer's output.",
    "ex4_backprop.q_1.hint.2":
        "Write down the shapes of the forward pass first: X is (16, 5); the first Dense "
        "layer's W is (inputs, units) and b is (units,); its output Y1 is (samples, "
        "units). The ReLU does not change a shape.",
    "ex4_backprop.q_1.hint.3":
        "`predicted_shapes = {{\"output_error\": (16, ____), \"dW\": (____, ____), "
        "\"db\": (____,), \"dX\": (____, 5)}}`",

    # ---- q_2: fc_backward, find the bug -----------------------------------------------
    "ex4_backprop.q_2.mistake.bias_one_sample":
        "`{name}` takes the bias gradient from ONE sample, `output_error[0]`: the shape "
        "is right, (units,), but the other samples' errors are thrown away. The bias is "
        "added to every sample's output, so its gradient adds up the contributions of "
        "ALL samples in the batch.",
    "ex4_backprop.q_2.mistake.bias_last_sample":
        "`{name}` takes the bias gradient from the LAST sample, `output_error[-1]`: still "
        "one sample. The bias acts on every sample, so its gradient adds up all of their "
        "contributions.",
    "ex4_backprop.q_2.mistake.bias_per_sample":
        "`{name}` returns `output_error` itself as `db`, one row per sample: the bias "
        "gradient adds up the samples' contributions, giving one number per unit, shape "
        "(units,).",
    "ex4_backprop.q_2.mistake.bias_mean":
        "`{name}` averages the bias gradient over the batch. That looks like a fix, but "
        "the loss's derivative already divides by n (as in the chapter), so dividing "
        "again makes db n times too small while dW stays a sum: add the samples' "
        "contributions up instead.",
    "ex4_backprop.q_2.mistake.bias_wrong_axis":
        "`{name}` sums the bias gradient over the units (axis 1), giving one number per "
        "sample. The sum runs over the samples, axis 0, leaving one number per unit.",
    "ex4_backprop.q_2.mistake.bias_total":
        "`{name}` adds up every entry of `output_error` into one number, so all units get "
        "the same bias gradient. Each unit's bias gets the sum of its own column only.",
    "ex4_backprop.q_2.mistake.no_transpose_X":
        "`{name}` computes `dW` as `X @ output_error`: X needs a transpose, so that dW "
        "has shape (features, units) like W.",
    "ex4_backprop.q_2.mistake.no_transpose_W":
        "`{name}` computes `dX` as `output_error @ W`: W needs a transpose, so that dX "
        "has shape (samples, features) like X.",
    "ex4_backprop.q_2.mistake.sign":
        "`{name}` returns the gradients with the wrong sign. They are derivatives of the "
        "error; the minus sign belongs to the update `W -= lr * dW`.",
    "ex4_backprop.q_2.hint.1":
        "The bias b is added to the output of EVERY sample in the batch, so a change in "
        "b changes the error through every sample. By the chain rule, contributions "
        "along several paths add up.",
    "ex4_backprop.q_2.hint.2":
        "`output_error` has shape (samples, units) and db must have shape (units,): "
        "db[j] is the sum over the samples i of output_error[i, j]. Which line of the "
        "function does something else?",
    "ex4_backprop.q_2.hint.3":
        "Replace the bias line with `db = output_error.____(axis=____)`; the lines for "
        "dW and dX are right.",

    # ---- q_3: sigmoid from its cached output ------------------------------------------
    "ex4_backprop.q_3.mistake.sigmoid_of_output":
        "`{name}` applies the sigmoid again, to `Y`: `Y` is already the layer's OUTPUT, "
        "sigma(Z). Written in terms of the output, sigma'(Z) needs no sigmoid at all.",
    "ex4_backprop.q_3.mistake.no_output_error":
        "`{name}` returns sigma'(Z) alone: multiply it, entry by entry, by the error "
        "arriving from the next layer, `output_error`.",
    "ex4_backprop.q_3.mistake.tanh_derivative":
        "`{name}` uses `1 - Y ** 2`: that is the derivative of tanh written with its "
        "output. The sigmoid's derivative in terms of its output is a different product.",
    "ex4_backprop.q_3.mistake.missing_factor":
        "`{name}` uses only one of the two factors of sigma'(Z) = sigma(Z) (1 - sigma(Z)); "
        "with `Y` = sigma(Z) both factors are at hand.",
    "ex4_backprop.q_3.mistake.output_itself":
        "`{name}` multiplies `Y` by itself: the second factor of sigma'(Z) is "
        "1 - sigma(Z), not sigma(Z).",
    "ex4_backprop.q_3.mistake.sign":
        "`{name}` has the sign flipped: the sigmoid is increasing, so sigma'(Z) is "
        "positive.",
    "ex4_backprop.q_3.mistake.matrix_product":
        "`{name}` uses a matrix product (`@`): an activation acts on every entry "
        "separately, so its backward pass is the element-wise product `*`.",
    "ex4_backprop.q_3.hint.1":
        "Each output entry depends only on the input entry at the same position, so "
        "dE/dZ = dE/dY * sigma'(Z), entry by entry. The layer cached its output "
        "Y = sigma(Z), not Z: write sigma'(Z) using sigma(Z) only.",
    "ex4_backprop.q_3.hint.2":
        "sigma'(z) = sigma(z) (1 - sigma(z)). Here `Y` holds sigma(Z) for every entry, "
        "with the same shape as `output_error`; no exponential is needed.",
    "ex4_backprop.q_3.hint.3":
        "`return output_error * ____` where the blank is sigma'(Z) written with `Y`.",

    # ---- q_4: Huber loss ----------------------------------------------------------------
    "ex4_backprop.q_4.mistake.scalar":
        "`{name}` returns one number: the derivative has one entry per prediction, the "
        "same shape as `y_pred`.",
    "ex4_backprop.q_4.mistake.no_mean":
        "`{name}` does not divide by n: the loss is a MEAN over all n = `y_true.size` "
        "entries, so every entry of its derivative carries a factor 1/n.",
    "ex4_backprop.q_4.mistake.rows":
        "`{name}` divides by the number of rows, `len(y_true)`; the loss averages over "
        "every entry, so divide by `y_true.size`.",
    "ex4_backprop.q_4.mistake.sign":
        "`{name}` has the sign flipped: the loss grows when `y_pred` moves away from "
        "`y_true`, so the derivative has the sign of y_pred - y_true.",
    "ex4_backprop.q_4.mistake.no_clip":
        "`{name}` treats every residual as if it were small (the quadratic piece). "
        "Beyond |r| = delta the loss grows linearly, and its slope there is +-delta: "
        "that limit is what makes the Huber loss robust to outliers.",
    "ex4_backprop.q_4.mistake.lost_sign":
        "`{name}` gives a large residual the slope +delta whatever its sign. On the "
        "linear piece the slope is delta times the sign of the residual: -delta for a "
        "prediction far below its target.",
    "ex4_backprop.q_4.mistake.delta_times_r":
        "`{name}` uses delta * r on the linear piece. The loss there is "
        "delta * (|r| - delta / 2), whose derivative does not grow with r: it is "
        "+-delta.",
    "ex4_backprop.q_4.mistake.pieces_swapped":
        "`{name}` has the two pieces swapped: the slope is r where |r| <= delta (the "
        "quadratic piece) and +-delta beyond it.",
    "ex4_backprop.q_4.hint.1":
        "Differentiate one entry's term with respect to its prediction, piece by piece, "
        "with r = y_pred - y_true: the quadratic piece 0.5 r**2 and the linear piece "
        "delta (|r| - delta / 2). Then remember the mean over all entries.",
    "ex4_backprop.q_4.hint.2":
        "The slope is r where |r| <= delta and delta * sign(r) beyond: r limited to the "
        "interval [-delta, delta]. NumPy limits every entry of an array to an interval "
        "in one call. Divide by n = `y_true.size`.",
    "ex4_backprop.q_4.hint.3":
        "`r = y_pred - y_true`, then `return np.clip(r, ____, ____) / ____`",

    # ---- q_5: by hand -------------------------------------------------------------------
    "ex4_backprop.q_5.wrong":
        "`{name}` is not right: entry {index} (and maybe others) differs from the slope "
        "measured by finite differences. Go through the chain step by step: y_hat, "
        "dE/dy_hat, dE/dh, then through the ReLU, then the weights.",
    "ex4_backprop.q_5.mistake.no_relu_slope":
        "`{name}` passes the error through the ReLU unchanged. The second hidden unit's "
        "input is negative, so the ReLU's slope there is 0 and that unit's weights get "
        "no gradient from this sample: a whole column of dW1 is 0.",
    "ex4_backprop.q_5.mistake.transposed":
        "`{name}` is transposed: dW1 has the shape of W1, (inputs, hidden units), and "
        "entry [i, j] is input i times the error at hidden unit j.",
    "ex4_backprop.q_5.mistake.sign":
        "`{name}` has the sign flipped: with E = 0.5 (y_hat - t)**2, dE/dy_hat is "
        "y_hat - t (prediction minus target).",
    "ex4_backprop.q_5.mistake.factor_two":
        "`{name}` is twice too large: the loss is 0.5 (y_hat - t)**2, and the 0.5 "
        "cancels the 2 of the square.",
    "ex4_backprop.q_5.mistake.delta_only":
        "`{name}` has one entry per hidden unit: that is the error at the hidden layer's "
        "input, delta1. dW1 multiplies it by the inputs: one entry per weight, shape "
        "(2, 2).",
    "ex4_backprop.q_5.mistake.dW2":
        "`{name}` has the shape of W2: the question asks for the gradient of the FIRST "
        "layer's weights, W1, shape (2, 2).",
    "ex4_backprop.q_5.hint.1":
        "Backpropagation goes from the loss back to W1, multiplying local derivatives: "
        "dE/dy_hat, then the second layer (its weights W2), then the ReLU (its slope at "
        "each hidden input), then the first layer's weights (the input x).",
    "ex4_backprop.q_5.hint.2":
        "Forward: z1 = x W1 + b1, h = relu(z1), y_hat = h W2 + b2. Backward: "
        "g = y_hat - t (a number), dE/dh = g W2^T (shape (1, 2)), delta1 = dE/dh times "
        "relu'(z1) entry by entry (1 where z1 > 0, else 0), dW1 = x^T delta1.",
    "ex4_backprop.q_5.hint.3":
        "`dW1_by_hand = np.array([[____, ____], [____, ____]])`: row i is input x_i "
        "times delta1. Compute z1 first: one of its entries is negative.",

    # ---- q_6: gradient checker --------------------------------------------------------
    "ex4_backprop.q_6.mistake.forward_differences":
        "`{name}` uses forward differences, (f(x + h) - f(x)) / h, whose error is of "
        "order h; central differences (f(x + h) - f(x - h)) / (2h) are accurate to "
        "order h**2, and the question asks for them.",
    "ex4_backprop.q_6.mistake.no_two":
        "`{name}` divides (f(x + h) - f(x - h)) by h: the two points are 2h apart, so "
        "divide by 2h.",
    "ex4_backprop.q_6.mistake.not_restored":
        "`{name}` does not put each entry back after nudging it, so later entries are "
        "estimated at a shifted point: restore the old value after each entry.",
    "ex4_backprop.q_6.mistake.absolute":
        "`{name}` returns the absolute error ||a - n||; divide it by ||a|| + ||n|| to "
        "make it relative.",
    "ex4_backprop.q_6.mistake.numeric_norm_only":
        "`{name}` divides by ||n|| (the numerical gradient) only; the question asks for "
        "||a - n|| / (||a|| + ||n||), which lies between 0 and 1.",
    "ex4_backprop.q_6.hint.1":
        "The numerical gradient has one entry per entry of x: nudge that entry alone up "
        "by h and down by h, evaluate f both times, and take the slope between the two "
        "points. Then compare it with `analytic_grad` as the relative error.",
    "ex4_backprop.q_6.hint.2":
        "Work on a float copy of x, so the caller's array never changes. Visit every "
        "index of an array of any shape (`np.ndindex(x.shape)` gives them all, or work "
        "on a flat view `x.reshape(-1)`); for each: keep the old value, evaluate f at "
        "old + h and at old - h, put the old value back. Norms: `np.linalg.norm`.",
    "ex4_backprop.q_6.hint.3":
        "Skeleton, for `x` a float copy and `numeric = np.zeros_like(x)`: "
        "`for i in np.ndindex(x.shape):` then `old = x[i]`; `x[i] = old + h`; "
        "`up = f(x)`; `x[i] = old - h`; `down = f(x)`; `x[i] = old`; "
        "`numeric[i] = ____`. After the loop, return `____` (0.0 when "
        "||a|| + ||n|| is 0).",

    # ---- q_7: XOR ---------------------------------------------------------------------
    "ex4_backprop.q_7.no_predict":
        "`net` has no `predict` method: keep the trained `Network` in `net`.",
    "ex4_backprop.q_7.predict_timeout":
        "`net.predict(X_xor)` took longer than {seconds:g} s and was stopped.",
    "ex4_backprop.q_7.predict_raised":
        "`net.predict(X_xor)` raised {error}.",
    "ex4_backprop.q_7.predict_shape":
        "`net.predict(X_xor)` should return 4 numbers, shape (4, 1).",
    "ex4_backprop.q_7.diverged":
        "`net.predict(X_xor)` contains NaN or infinite values: training diverged. Use a "
        "smaller `lr`.",
    "ex4_backprop.q_7.final_loss_type":
        "`final_loss` should be a number: the last entry of the loss history that `fit` "
        "returns.",
    "ex4_backprop.q_7.loss_too_high":
        "The loss of `net` on XOR is {loss} and `final_loss` is {final}; both "
        "must be below {max}.",
    "ex4_backprop.q_7.mistake.constant":
        "`{name}` gives (almost) the same output for all four inputs: it has not "
        "learned. Check that there is a `Tanh()` after the hidden layer (without it the "
        "network is linear and cannot fit XOR), that `fit` ran with a positive `lr`, and "
        "that questions 2 and 3 are Correct: the network calls your `fc_backward` and "
        "`sigmoid_backward`.",
    "ex4_backprop.q_7.mistake.other_run":
        "`final_loss` is below 0.01 but `net` does not fit XOR that well: did you train "
        "another network after setting `final_loss`? Set both from the same run.",
    "ex4_backprop.q_7.mistake.not_last":
        "`net` fits XOR, but `final_loss` is far above its loss: use the LAST entry of "
        "the history.",
    "ex4_backprop.q_7.mistake.almost":
        "`{name}` classifies all four points correctly, but its loss is still above "
        "0.01: train for more epochs (or with a larger `lr`).",
    "ex4_backprop.q_7.mistake.not_yet":
        "`{name}` has not fit XOR yet. Train longer or with a larger `lr`, or try "
        "another seed. If the loss hardly goes down at all, make sure questions 2 and 3 "
        "are Correct first: the network uses your functions.",
    "ex4_backprop.q_7.hint.1":
        "XOR is not linearly separable: the network needs a hidden layer with a "
        "non-linearity. Two inputs, a few hidden units with `Tanh()`, one output "
        "squashed into (0, 1) by your `Sigmoid()`.",
    "ex4_backprop.q_7.hint.2":
        "The layers in order: Dense(2 inputs, 3 hidden units), Tanh, Dense(3, 1), "
        "Sigmoid. Full-batch gradient descent on 4 points is cheap: a thousand epochs "
        "take well under a second; learning rates between 0.5 and 2 work.",
    "ex4_backprop.q_7.hint.3":
        "`net = Network([Dense(2, ____, rng), Tanh(), Dense(____, 1, rng), ____])`; if "
        "the loss stalls, change the seed of `rng` or train longer.",

    # ---- q_8: diagnosis -----------------------------------------------------------------
    "ex4_backprop.q_8.option.a":
        "`mse_prime` does not divide by n, so the gradient is a sum over the batch: with "
        "256 samples each step is about 256 times larger.",
    "ex4_backprop.q_8.option.b":
        "`X.T @ output_error` is only right for one sample; a batch needs a loop over the "
        "samples.",
    "ex4_backprop.q_8.option.c": "tanh saturates when the batch is large.",
    "ex4_backprop.q_8.option.d": "`db` must be averaged over the batch instead of summed.",
    "ex4_backprop.q_8.explain.a":
        "Without the 1/n, the loss is a sum over the samples, and so are its gradients: "
        "the step grows with the batch size, and a learning rate that was fine for one "
        "sample overshoots. Dividing by n (a mean) makes the step size independent of "
        "the batch size.",
    "ex4_backprop.q_8.explain.b":
        "`X.T @ output_error` already sums over the samples: that is what the matrix "
        "product does. No loop is needed.",
    "ex4_backprop.q_8.explain.c":
        "Saturation depends on the size of each input to tanh, not on how many samples "
        "are in the batch.",
    "ex4_backprop.q_8.explain.d":
        "With the loss's derivative dividing by n, the column sum is exactly the "
        "gradient of the mean loss. Averaging db alone would leave dW as large as before.",
    "ex4_backprop.q_8.hint.1":
        "Which of these makes the size of a gradient step depend on the number of "
        "samples in the batch?",
    "ex4_backprop.q_8.hint.2":
        "The layers' sums over the batch (`X.T @ output_error`, the column sums of the "
        "error) add one term per sample. What keeps that total from growing with the "
        "batch size?",
    "ex4_backprop.q_8.hint.3":
        "Compare 2 * (y_pred - y_true) with 2 * (y_pred - y_true) / n, summed over a "
        "batch of 1 and of 256 samples.",

    # ---- q_9: thought question ----------------------------------------------------------
    "ex4_backprop.q_9.hint.1":
        "A finite difference makes two kinds of error: the formula's own (truncation: "
        "how far a secant is from the tangent) and rounding (f is computed with a "
        "limited number of digits, and the difference of two nearly equal numbers "
        "loses them).",
    "ex4_backprop.q_9.hint.2":
        "Expand f(x + h) and f(x - h) in a Taylor series: which terms cancel in the "
        "central difference and not in the forward one? Rounding adds an error of "
        "about eps |f| / h, where eps is about 1e-16 in float64 and 1e-7 in float32.",
    "ex4_backprop.q_9.hint.3":
        "Add the two errors, c1 h**2 + eps / h for central differences, and find the h "
        "that makes the sum smallest, for float64 and for float32. How small a relative "
        "error can each reach, and would it separate a small bug from rounding?",
    "ex4_backprop.q_9.discussion":
        "**Truncation.** By Taylor, f(x + h) = f(x) + h f'(x) + h**2/2 f''(x) + "
        "h**3/6 f'''(x) + ... The forward difference (f(x + h) - f(x)) / h keeps the "
        "h/2 f''(x) term: its error is of order h. In the central difference "
        "(f(x + h) - f(x - h)) / (2h) the even terms cancel, leaving an error of order "
        "h**2 (h**2/6 f'''(x)). For the same h the central estimate is far more "
        "accurate; it costs two evaluations per entry instead of one more, which is "
        "cheap for a check. **Rounding.** f is computed with a relative precision eps "
        "(about 1.1e-16 in float64, 6e-8 in float32). f(x + h) - f(x - h) subtracts two "
        "nearly equal numbers, so their rounding errors, about eps |f|, are divided by "
        "2h: an error of order eps / h that GROWS as h shrinks. That is why h = 1e-12 is "
        "worse than h = 1e-5. The total c1 h**2 + c2 eps / h is smallest near "
        "h ~ eps**(1/3): about 5e-6 in float64, where the estimate is good to roughly "
        "eps**(2/3) ~ 1e-10 relative. In float32 the best h is about 4e-3 and the best "
        "relative error about 1e-5 to 1e-4, no smaller than the error a real but small "
        "bug produces (a missing factor on one entry of a large gradient, a bias from one "
        "sample in a big batch), so a check in float32 can neither pass a correct "
        "gradient confidently nor flag a subtle wrong one. With float64 and central "
        "differences a correct backward pass shows relative errors of 1e-8 or less, and "
        "anything above about 1e-4 is a bug. Two practical notes: a kink (ReLU at 0, "
        "max, abs, the Huber loss at +-delta) inside [x - h, x + h] makes even a correct "
        "gradient look wrong, so check at points away from kinks; and the relative error "
        "||a - n|| / (||a|| + ||n||) is used because gradients can be tiny or huge, and "
        "an absolute threshold means nothing without their scale.",
}
