"""English texts of exercise 3, "Stochastic gradient descent" (learntools_lite/ex3_sgd/).

Keys: ex3_sgd.<question>.hint.<n>, .mistake.<what>, .discussion. `{name}` is
the learner's variable or function; texts quoting code use `backticks`.
Every text goes through str.format, so a literal brace would be written twice.
"""

MESSAGES = {
    # ---- q_1a: factors of one step on f(w) = 2.5 w1^2 + 0.5 w2^2, lr = 0.5
    "ex3_sgd.q_1a.hint.1":
        "Along each coordinate f is a parabola whose curvature c (its second derivative) "
        "is constant. A gradient step subtracts the learning rate times the slope c w, so "
        "it multiplies that coordinate by the same number at every step.",
    "ex3_sgd.q_1a.hint.2":
        "The gradient is (5 w1, w2): the curvatures are 5 and 1, not the coefficients 2.5 "
        "and 0.5. One step: w_i <- w_i - lr c_i w_i = (1 - lr c_i) w_i. `factors` is a "
        "tuple of two numbers, the one for w1 first.",
    "ex3_sgd.q_1a.hint.3":
        "`factors = (1 - 0.5 * ____, 1 - 0.5 * ____)`, with the curvature of each "
        "coordinate in its blank.",
    "ex3_sgd.q_1a.mistake.coefficient":
        "`{name}` uses the coefficients 2.5 and 0.5 as the curvatures. The curvature is the "
        "second derivative: 2.5 w1^2 has the slope 5 w1 and the curvature 5.",
    "ex3_sgd.q_1a.mistake.step":
        "`{name}` is how much of w_i one step takes away (lr c_i), not what it multiplies "
        "w_i by: the new w_i is w_i - lr c_i w_i = (1 - lr c_i) w_i.",
    "ex3_sgd.q_1a.mistake.ascent":
        "`{name}` adds the gradient; gradient descent subtracts it, w <- w - lr grad f, "
        "so each factor is 1 - lr c_i.",
    "ex3_sgd.q_1a.mistake.magnitude":
        "`{name}` has the right sizes but drops a sign: 1 - 0.5 * 5 is negative. A "
        "negative factor means that every step jumps over the minimum to the other side; "
        "with a size above 1 it also lands further away each time.",
    "ex3_sgd.q_1a.mistake.swapped":
        "`{name}` has the two factors the wrong way round: the first is for w1 "
        "(curvature 5), the second for w2 (curvature 1).",
    # ---- q_1b: the largest stable learning rate, 2 / 5
    "ex3_sgd.q_1b.hint.1":
        "A coordinate converges when its factor shrinks it at every step, whatever its "
        "sign: |1 - lr c| < 1. As lr grows, which of the two coordinates fails first?",
    "ex3_sgd.q_1b.hint.2":
        "|1 - lr c| < 1 means 0 < lr < 2 / c. Both coordinates must converge, so the "
        "smaller of the two limits counts: the one of the largest curvature.",
    "ex3_sgd.q_1b.hint.3":
        "`largest_stable_lr = 2 / ____`, with the largest curvature in the blank.",
    "ex3_sgd.q_1b.mistake.one_step":
        "`{name}` = 1 / c is the learning rate that reaches the minimum of w1 in one step "
        "(factor 0). Larger rates still converge, jumping from side to side, as long as "
        "|1 - lr c| < 1, which holds up to 2 / c.",
    "ex3_sgd.q_1b.mistake.flat":
        "`{name}` is the limit of the flat direction w2 (curvature 1). Every direction must "
        "converge, and the steepest one (curvature 5) breaks first.",
    "ex3_sgd.q_1b.mistake.coefficient":
        "`{name}` uses the coefficient 2.5 as the curvature; the second derivative of "
        "2.5 w1^2 is 5.",
    "ex3_sgd.q_1b.mistake.flat_one_step":
        "`{name}` is the rate that reaches the minimum of the flat direction w2 in one "
        "step, but at that rate w1's factor is 1 - 5 = -4: it diverges. The steepest "
        "direction sets the limit, 2 / c.",
    # ---- q_2: find the bug in train_linear_sgd
    "ex3_sgd.q_2.hint.1":
        "Run the loop with the full batch, `batch_size=len(X)`: then it works. A "
        "mini-batch gradient is a mean over the rows of the batch, so what the gradient "
        "is divided by has to follow the batch.",
    "ex3_sgd.q_2.hint.2":
        "The batch's loss is (1/m) sum (y_hat_i - y_i)^2 over its m rows, so its gradient "
        "has the factor 2/m. Compare m with what the loop divides by, and remember the "
        "last batch of an epoch: 50 samples in batches of 16 leave 2.",
    "ex3_sgd.q_2.hint.3":
        "Only the two lines that compute `grad_w` and `grad_b` change; each becomes "
        "`2 / ____ * ...` with the number of rows of this batch in the blank (the rest "
        "of both lines stays as it is).",
    "ex3_sgd.q_2.mistake.unfixed":
        "`{name}` still has the bug of the loop as given: each step is len(y) / m times "
        "smaller than the step for a batch of m rows should be, so SGD crawls. With the "
        "full batch, `batch_size=len(X)`, the step is right: what in the loop does not "
        "follow the batch?",
    "ex3_sgd.q_2.mistake.batch_size":
        "`{name}` divides by `batch_size`: right for every full batch, but the last batch "
        "of an epoch has fewer rows when `batch_size` does not divide the number of "
        "samples (50 samples in batches of 16 leave a last batch of 2), and then its "
        "gradient comes out too small. Divide by the number of rows the batch has.",
    "ex3_sgd.q_2.mistake.bias_unfixed":
        "`{name}` fixes `grad_w`, but `grad_b` still divides by the number of all "
        "samples: the bias learns len(y) / m times too slowly.",
    "ex3_sgd.q_2.mistake.weights_unfixed":
        "`{name}` fixes `grad_b`, but `grad_w` still divides by the number of all "
        "samples: the weights learn len(y) / m times too slowly.",
    "ex3_sgd.q_2.mistake.full_data":
        "`{name}` takes the gradient on all the data (`X`, `y`) at every step: that is "
        "full-batch gradient descent, repeated once per batch at the cost of a whole "
        "pass each time. An SGD step uses the rows of its batch only.",
    "ex3_sgd.q_2.mistake.no_factor_2":
        "`{name}` averages over the batch but drops the factor 2: the derivative of "
        "(y_hat - y)^2 is 2 (y_hat - y).",
    "ex3_sgd.q_2.mistake.sum":
        "`{name}` no longer divides at all: the gradient is now the batch's SUM, so each "
        "step grows with the number of rows and a learning rate that suits one batch size "
        "overshoots with a larger one. The loss is a mean over the batch: divide by the "
        "number of rows this batch has.",
    # ---- q_3a, q_3b: the Keras training's batches
    "ex3_sgd.q_3a.hint.1":
        "One epoch shows the network every training car once, `batch_size` cars per "
        "step. The last step takes whatever is left.",
    "ex3_sgd.q_3a.hint.2":
        "With n samples and batch size B, the first floor(n / B) steps take B samples "
        "each; when B does not divide n, one more step takes the rest. That is n / B "
        "rounded up.",
    "ex3_sgd.q_3a.hint.3":
        "`steps_per_epoch = math.____(len(X_train) / batch_size)`",
    "ex3_sgd.q_3a.mistake.floor":
        "`{name}` leaves out the last, smaller batch: an epoch uses every training car, "
        "so round up (`math.ceil`), not down.",
    "ex3_sgd.q_3a.mistake.fraction":
        "`{name}` is not a whole number: a step processes one batch, and the last, "
        "smaller batch is a step too. Round up.",
    "ex3_sgd.q_3a.mistake.samples":
        "`{name}` is the number of cars in an epoch; each step processes a whole batch "
        "of them.",
    "ex3_sgd.q_3a.mistake.all_cars":
        "`{name}` counts all 392 cars; `fit` trains on the cars of `X_train` only (the "
        "validation cars are only evaluated).",
    "ex3_sgd.q_3b.hint.1":
        "All batches but the last hold `batch_size` cars; the last one gets the cars "
        "that are left over.",
    "ex3_sgd.q_3b.hint.2":
        "`steps_per_epoch - 1` full batches, then the rest: n - B * floor(n / B), which "
        "Python writes `n % B` (when B divides n, the last batch is a full one).",
    "ex3_sgd.q_3b.hint.3":
        "`last_batch_size = len(X_train) - batch_size * ____`, with the number of full "
        "batches in the blank.",
    "ex3_sgd.q_3b.mistake.full":
        "`{name}` is the full batch size, but 294 is not a multiple of 64: the last batch "
        "holds only what is left after the full ones.",
    "ex3_sgd.q_3b.mistake.missing":
        "`{name}` is how many cars the last batch lacks to be full, not how many it has.",
    "ex3_sgd.q_3b.mistake.all_cars":
        "`{name}` is the last batch of all 392 cars; `fit` trains on the cars of "
        "`X_train` only.",
    "ex3_sgd.q_3b.mistake.whole":
        "`{name}` is the whole training set; an epoch cuts it into `steps_per_epoch` "
        "batches, and the question asks for the size of the last one.",
    "ex3_sgd.q_3b.mistake.fraction":
        "`{name}` is the fraction of a batch that is left over; the question asks for "
        "the number of cars in the last batch.",
    # ---- q_4: one Adam step by hand
    "ex3_sgd.q_4.hint.1":
        "Adam keeps running averages of the gradient (m) and of its square (v), both "
        "starting at 0, and corrects their bias towards that start: at step t, "
        "m_hat = m / (1 - beta_1^t) and v_hat = v / (1 - beta_2^t). Then "
        "w <- w - lr m_hat / (sqrt(v_hat) + eps), coordinate by coordinate.",
    "ex3_sgd.q_4.hint.2":
        "After the first step (t = 1), m = (1 - 0.9) g = 0.1 g and v = (1 - 0.999) g^2 = "
        "0.001 g^2. The corrections divide them by 0.1 and 0.001 again: m_hat = g and "
        "v_hat = g^2. What is g / sqrt(g^2) for each coordinate?",
    "ex3_sgd.q_4.hint.3":
        "`m_hat = ____` and `v_hat = ____` (both from `g`), then one update of `w_start` "
        "with the learning rate 0.01 and eps = 1e-7; `w_after_adam` holds two numbers.",
    "ex3_sgd.q_4.mistake.sgd":
        "`{name}` is a plain SGD step, w - lr g. Adam divides each coordinate's step by "
        "the root of its average squared gradient, so both coordinates move by about "
        "the same amount, whatever the size of their gradient.",
    "ex3_sgd.q_4.mistake.no_correction":
        "`{name}` leaves out the bias correction: after one step m = 0.1 g and "
        "v = 0.001 g^2 are both pulled towards their zero start. Divide m by "
        "1 - beta_1 = 0.1 and v by 1 - beta_2 = 0.001 before the update.",
    "ex3_sgd.q_4.mistake.m_only":
        "`{name}` corrects m but not v: v = 0.001 g^2 is still a thousand times too "
        "small, so the step is about 32 times too large. Divide v by 1 - beta_2 = 0.001 "
        "too.",
    "ex3_sgd.q_4.mistake.v_only":
        "`{name}` corrects v but not m: m = 0.1 g is still ten times too small. Divide m "
        "by 1 - beta_1 = 0.1 too.",
    "ex3_sgd.q_4.mistake.ascent":
        "`{name}` moves each weight in the direction of its gradient; Adam, like every "
        "descent method, moves against it.",
    "ex3_sgd.q_4.mistake.no_sqrt":
        "`{name}` divides by v_hat instead of its square root: Adam divides by "
        "sqrt(v_hat) + eps, which has the units of the gradient.",
    # ---- q_5: warm-up then cosine decay
    "ex3_sgd.q_5.hint.1":
        "Split the steps into three ranges, the warm-up (t < `warmup_steps`), the decay "
        "(up to `total_steps`) and after the end, and write one formula for each. The "
        "decay is the chapter's cosine decay, started at `warmup_steps` instead of 0.",
    "ex3_sgd.q_5.hint.2":
        "Warm-up: lr0 * t / W. Decay: the progress p = (t - W) / (T - W) runs from 0 to 1, "
        "and lr0 * (1 + cos(pi p)) / 2 runs from lr0 down to 0. After T the progress "
        "stays at 1.",
    "ex3_sgd.q_5.hint.3":
        "A skeleton: while the warm-up lasts, return `lr0 * ____`; after it, compute the "
        "decay's progress `p = min(1.0, ____)` and return the chapter's cosine decay of "
        "lr0 at that progress.",
    "ex3_sgd.q_5.mistake.no_offset":
        "`{name}` runs the cosine from step 0 instead of from the end of the warm-up: "
        "measure the decay's progress from `warmup_steps`, (t - W) / (T - W), so that the "
        "rate is lr0 when the warm-up ends and 0 at `total_steps`.",
    "ex3_sgd.q_5.mistake.no_clamp":
        "`{name}` keeps following the cosine after `total_steps`, so the rate climbs "
        "back up. After the end the rate stays at 0: stop the progress at 1.",
    "ex3_sgd.q_5.mistake.warmup_shift":
        "`{name}` warms up with (t + 1) / W: the warm-up starts from 0 at step 0 and "
        "reaches lr0 at step W, lr0 * t / W.",
    "ex3_sgd.q_5.mistake.plain_cos":
        "`{name}` uses lr0 * cos(pi p), which ends at -lr0: a negative rate climbs the "
        "loss. Half a cosine from lr0 down to 0 is lr0 * (1 + cos(pi p)) / 2.",
    "ex3_sgd.q_5.mistake.no_warmup":
        "`{name}` has no warm-up: the rate should rise from 0 at step 0 to lr0 at step "
        "`warmup_steps`.",
    # ---- q_6, q_7: Keras
    "ex3_sgd.q_6.hint.1":
        "`compile` fixes how the weights are updated (the optimizer) and what is "
        "minimised (the loss). Keras accepts both as names (strings) or as objects.",
    "ex3_sgd.q_6.hint.2":
        "The optimizer is Adam and the loss the mean absolute error. Keras's names are "
        "lower case, such as `\"adam\"` and `\"mae\"`; the objects are "
        "`keras.optimizers.Adam()` and `keras.losses.MeanAbsoluteError()`.",
    "ex3_sgd.q_6.hint.3":
        "`model.compile(optimizer=____, loss=____)`",
    "ex3_sgd.q_7.hint.1":
        "`model.fit` trains the model and returns a History whose `history` dict holds "
        "the loss of every epoch; given validation data it adds the validation loss.",
    "ex3_sgd.q_7.hint.2":
        "Give `fit` the training arrays, `validation_data=(X_valid, y_valid)`, "
        "`batch_size`, `epochs` and `verbose=0`. If you ran `fit` before, run the cell "
        "that builds the model and the compile cell again first, so that training "
        "starts afresh.",
    "ex3_sgd.q_7.hint.3":
        "`history = model.fit(X_train, y_train, validation_data=____, "
        "batch_size=____, epochs=____, verbose=0)`",
    # ---- q_8: the loss curves, in the learner's words
    "ex3_sgd.q_8.hint.1":
        "Look at three things: how fast the losses fall at first, when they flatten, and "
        "how far the validation loss stays from the training loss.",
    "ex3_sgd.q_8.hint.2":
        "A gap that opens while the training loss keeps falling means the network learns "
        "things about the training cars that do not hold for other cars. Where would you "
        "have stopped training?",
    "ex3_sgd.q_8.hint.3":
        "What does an absolute error of 0.1 in log(MPG) mean for the MPG itself? "
        "(log(a) - log(b) = log(a / b), and exp(0.1) is about 1.105.) Compare it with "
        "the median baseline.",
    "ex3_sgd.q_8.discussion":
        "Both losses fall steeply during the first epochs: the network starts with "
        "outputs near 0 while log(MPG) is about 3, so it first learns the overall level, "
        "then how weight, horsepower, year and origin move it. After that the curves "
        "flatten. The training loss keeps creeping down (with small wiggles: each step "
        "sees only 64 cars), while the validation loss levels off a little above it. "
        "That gap is the start of **overfitting**: the network keeps getting better at "
        "the 294 training cars, not at cars it has not seen. Here the validation loss "
        "hardly climbs, so the extra epochs waste time rather than ruin the model; "
        "stopping where the validation loss stops improving (early stopping, "
        "`keras.callbacks.EarlyStopping`) would give the same model in a fraction of "
        "the epochs. Because the target is log(MPG), a mean absolute error of 0.1 means "
        "predictions off by about 10 % of the fuel economy (exp(0.1) - 1 is about "
        "0.105), for a thirsty truck and a frugal compact alike; compare it with the "
        "baseline printed below the plot, which predicts the median for every car. If "
        "the validation loss were far above the training loss from the start, or rose "
        "early, the model would be too large for 294 cars or would need regularisation; "
        "if both stayed high, the model would be too small or the learning rate wrong. "
        "Keep in mind that the validation set holds only 98 cars: its loss is itself "
        "noisy, so a difference of a few thousandths between two epochs means little.",
    # ---- q_9: the explorer, in the learner's words
    "ex3_sgd.q_9.hint.1":
        "Change one setting at a time and watch the loss curve and the (w, b) path: is "
        "it smooth or jittery, does it settle, does it blow up?",
    "ex3_sgd.q_9.hint.2":
        "Use question 1: the loss here is curved about 2 in both w and b. What does "
        "that predict for the largest learning rate that still converges?",
    "ex3_sgd.q_9.hint.3":
        "How many steps make one epoch? Work out num_examples / batch_size for the "
        "batch sizes you tried, and compare the noise of the path with the batch size.",
    "ex3_sgd.q_9.discussion":
        "**Learning rate.** A small learning rate (0.005) moves the line slowly: after "
        "50 steps it is still far from the data, and the loss curve is a slow slope. "
        "From about 0.05 to 0.5 the line settles within a few dozen steps. For this data "
        "the mean squared error is curved about equally in w and b (curvature about 2, "
        "since x has mean 0 and variance 1), so by question 1 the limit is about "
        "2 / 2 = 1: above it each step overshoots the minimum by more than it started "
        "away from it, the (w, b) path zig-zags outwards, the loss grows by orders of "
        "magnitude and the run **diverges**, as it does at 1.2. **Batch size.** The "
        "gradient of a mini-batch estimates the gradient on all the data, and the "
        "smaller the batch the noisier the estimate: with batch size 1 the line jumps "
        "from step to step and the path wanders around the minimum instead of settling; "
        "with the full batch (batch size = number of examples) the path is smooth and "
        "the loss falls at every step. Noise and learning rate go together: a noisy "
        "gradient needs a smaller step, or a schedule that shrinks it (question 5), to "
        "settle. **Epochs and steps.** `steps` counts updates, one per mini-batch. An "
        "epoch is num_examples / batch_size steps (rounded up), so 50 steps with 256 "
        "examples are about 6 epochs at batch size 32, 50 epochs at batch size 256, and "
        "a fifth of an epoch at batch size 1. More examples with the same batch size "
        "give more steps per epoch, not less noise per step: the noise depends on the "
        "batch size. Each step costs about batch_size examples of computation, so batch "
        "size 1 makes cheap noisy steps and the full batch expensive exact ones; "
        "mini-batches of a few dozen are the usual compromise.",
}
