"""English texts of exercise 5, "Convolutional networks" (learntools_lite/ex5_cnn/).

Keys: `ex5_cnn.<question>.hint.<n>` (concept, then shapes or pseudocode, then a
skeleton that leaves the key line blank), `.mistake.<what>` (`{name}` is the
learner's variable), `.discussion`, and the trained CNN's messages.
"""

MESSAGES = {
    # ---- q_1: find the bug in conv_output_size --------------------------------
    "ex5_cnn.q_1.mistake.no_plus_one":
        "`{name}` still has the bug: it counts the steps between window starts, not the "
        "starts. A window that fits exactly (n + 2p = k) gives one output, not zero, so "
        "one start is missing.",
    "ex5_cnn.q_1.mistake.plus_one_inside":
        "`{name}` adds the 1 before dividing by the stride, which is right for stride 1 "
        "only. With n = 29, k = 3, s = 2, p = 0 the windows start at 0, 2, ..., 26: "
        "14 of them, but (29 - 3 + 1) // 2 is 13. Count the steps first (divide), then "
        "add the first window.",
    "ex5_cnn.q_1.mistake.one_side":
        "`{name}` pads only one side: padding p adds p pixels on EACH side, so the padded "
        "size is n + 2p, not n + p.",
    "ex5_cnn.q_1.mistake.ceil":
        "`{name}` rounds up (ceil): a window that would stick out past the edge is not "
        "used, so the division rounds down.",
    "ex5_cnn.q_1.mistake.true_division":
        "`{name}` uses true division `/`, which gives a fraction when s does not divide "
        "n + 2p - k; use floor division `//`.",
    "ex5_cnn.q_1.mistake.no_stride":
        "`{name}` ignores the stride: with stride s the window jumps s pixels, so the "
        "distance n + 2p - k is divided by s.",
    "ex5_cnn.q_1.hint.1":
        "List the positions where the window can start: 0, s, 2s, ... as long as the "
        "window still fits. How many numbers are in that list? Try n = 5, k = 5, s = 1, "
        "p = 0: the window fits exactly once.",
    "ex5_cnn.q_1.hint.2":
        "The last start is at most n + 2p - k. The number of whole strides from 0 to "
        "there is (n + 2p - k) // s; the count of starts is one more than the count of "
        "steps between them (fence posts, not fence panels).",
    "ex5_cnn.q_1.hint.3":
        "The function returns the number of steps; change the one line so that it "
        "returns `number_of_steps ____` (the first window, at position 0, is a start "
        "too). Leave the division as it is.",

    # ---- q_2a, q_2b: predict the shape and parameter count --------------------
    "ex5_cnn.q_2a.mistake.no_padding":
        "`{name}` leaves out the ZeroPadding2D(4) layer: it makes the image 4 + 30 + 4 "
        "= 38 pixels wide before the convolution.",
    "ex5_cnn.q_2a.mistake.one_side":
        "`{name}` pads one side only: ZeroPadding2D(4) adds 4 zeros on each side, so "
        "n + 2p = 38.",
    "ex5_cnn.q_2a.mistake.ceil":
        "`{name}` rounds up: a 7-wide window that would stick out past the padded edge "
        "is not used, so (38 - 7) / 2 = 15.5 rounds down.",
    "ex5_cnn.q_2a.mistake.no_plus_one":
        "`{name}` counts the strides between window starts, not the starts: add the "
        "first window (the bug of question 1).",
    "ex5_cnn.q_2a.mistake.no_stride":
        "`{name}` ignores `strides=2`: the window jumps 2 pixels at a time.",
    "ex5_cnn.q_2a.mistake.input_channels":
        "`{name}` keeps the 3 input channels; a Conv2D outputs one channel per filter.",
    "ex5_cnn.q_2a.mistake.channels_first":
        "`{name}` puts the channels first; Keras is channels-last: (height, width, "
        "channels).",
    "ex5_cnn.q_2a.mistake.batch_axis":
        "`{name}` includes the batch axis (None): give (height, width, channels) only.",
    "ex5_cnn.q_2a.hint.1":
        "Padding, then the convolution: each spatial axis is computed with the output-size "
        "formula of question 1, and a Conv2D outputs as many channels as it has filters.",
    "ex5_cnn.q_2a.hint.2":
        "Along each axis: n = 30, p = 4, k = 7, s = 2. Height and width are the same "
        "here; the channel axis is the number of filters, 8.",
    "ex5_cnn.q_2a.hint.3":
        "`side = (30 + 2 * ____ - 7) // ____ + 1`, then "
        "`predicted_shape = (side, side, ____)`.",
    "ex5_cnn.q_2b.mistake.no_bias":
        "`{name}` counts the weights only: every filter also has one bias.",
    "ex5_cnn.q_2b.mistake.no_input_channels":
        "`{name}` counts a filter as k x k weights: each filter spans ALL 3 input "
        "channels, so it has k x k x C_in weights.",
    "ex5_cnn.q_2b.mistake.bias_per_input_channel":
        "`{name}` gives each filter one bias per input channel; a filter has a single "
        "bias, added once per output value.",
    "ex5_cnn.q_2b.mistake.padding_counted":
        "`{name}` makes the kernel as large as the padded window; padding adds zeros to "
        "the image, not weights: the kernel stays 7 x 7.",
    "ex5_cnn.q_2b.hint.1":
        "Padding and stride change where the kernel goes, not how many weights it has. "
        "ZeroPadding2D has no parameters.",
    "ex5_cnn.q_2b.hint.2":
        "A Conv2D has C_out filters of k x k x C_in weights, and one bias per filter.",
    "ex5_cnn.q_2b.hint.3":
        "`predicted_params = (7 * 7 * ____ + ____) * 8`.",

    # ---- q_3: one output value by hand --------------------------------------------
    "ex5_cnn.q_3.mistake.no_stride":
        "`{name}` is the value at position (1, 0) with stride 1; with stride 2, output "
        "row 1 reads input rows 2 and 3.",
    "ex5_cnn.q_3.mistake.one_channel":
        "`{name}` uses one channel only: the filter spans both input channels, so add "
        "the products of channel 0 AND channel 1.",
    "ex5_cnn.q_3.mistake.no_bias":
        "`{name}` leaves out the bias b = 4.",
    "ex5_cnn.q_3.mistake.bias_per_channel":
        "`{name}` adds the bias once per input channel; it is added once per output "
        "value, after summing over the channels.",
    "ex5_cnn.q_3.mistake.flipped":
        "`{name}` flips the kernel (a true convolution); Conv2D multiplies K[i, j] with "
        "the pixel i rows down and j columns right of the window's corner, no flip.",
    "ex5_cnn.q_3.mistake.row_column":
        "`{name}` is the value at position (0, 1): the first index is the row. Output "
        "(1, 0) is the second row, first column.",
    "ex5_cnn.q_3.hint.1":
        "One output value is one window of the input times the kernel, summed over the "
        "window's rows, columns AND channels, plus the bias of that output channel.",
    "ex5_cnn.q_3.hint.2":
        "With stride 2, output (1, 0) reads the 2 x 2 window at rows 2-3 and columns "
        "0-1 of each channel. Multiply it element by element with that channel's kernel "
        "and add the 8 products, then add b.",
    "ex5_cnn.q_3.hint.3":
        "`y_10 = (2*1 + 1*(-1) + 1*2 + 2*0) + (____) + (____)`: the first bracket is "
        "channel 0, the second channel 1, the third the bias.",

    # ---- q_4: find the bug in conv2d_forward -----------------------------------
    "ex5_cnn.q_4.mistake.flipped":
        "`{name}` still flips the kernel in both spatial axes: that is a true "
        "convolution. Keras's Conv2D (and this question) computes a cross-correlation: "
        "the sum of X[h*s + i, w*s + j] * K[i, j], with no flip.",
    "ex5_cnn.q_4.mistake.flip_rows_only":
        "`{name}` still flips the kernel's rows (axis 0); a cross-correlation uses K as "
        "it is, in both spatial axes.",
    "ex5_cnn.q_4.mistake.flip_columns_only":
        "`{name}` still flips the kernel's columns (axis 1); a cross-correlation uses K "
        "as it is, in both spatial axes.",
    "ex5_cnn.q_4.mistake.flip_every_axis":
        "`{name}` flips every axis of K, the channel axes too (`np.flip` without "
        "`axis`): input channel c now meets the weights of another channel. Use K as "
        "it is.",
    "ex5_cnn.q_4.mistake.transposed":
        "`{name}` swaps the kernel's height and width axes (K transposed). A transpose "
        "is not the undo of a flip: K[i, j] multiplies the pixel i rows down and j "
        "columns right.",
    "ex5_cnn.q_4.mistake.bias_per_input_channel":
        "`{name}` adds the bias once per input channel (b * C_in): add b[d] once per "
        "output value, after summing over the input channels.",
    "ex5_cnn.q_4.mistake.no_bias":
        "`{name}` leaves out the bias b.",
    "ex5_cnn.q_4.mistake.one_side":
        "`{name}` pads only one side of the image: padding p adds p zeros before AND "
        "after each spatial axis.",
    "ex5_cnn.q_4.mistake.no_stride":
        "`{name}` ignores the stride: the window moves `stride` pixels at a time, so "
        "output (h, w) reads the input from (h * stride, w * stride).",
    "ex5_cnn.q_4.hint.1":
        "Chapter 5, section 2: a true convolution runs over the kernel backwards, which "
        "is the same as cross-correlating with the kernel flipped. Keras's Conv2D does "
        "not flip. Which line of the function runs over the kernel backwards?",
    "ex5_cnn.q_4.hint.2":
        "The padding, the output size and the windows are right: `window` has shape "
        "(N, kh, kw, C_in) and `np.tensordot(..., axes=3)` sums it against a "
        "(kh, kw, C_in, C_out) kernel, giving (N, C_out). Only what goes in as the "
        "kernel is wrong.",
    "ex5_cnn.q_4.hint.3":
        "In the line that fills `Y[:, h, w, :]`, replace the flipped kernel by ____ "
        "(the kernel exactly as it was passed in), and keep `+ b`.",

    # ---- q_5: average pooling backward -----------------------------------------------
    "ex5_cnn.q_5.mistake.not_shared":
        "`{name}` copies each output's whole gradient to every pixel of its window; "
        "each pixel counted for 1 / size**2 of the mean, so it gets that share.",
    "ex5_cnn.q_5.mistake.divided_by_size":
        "`{name}` divides by `size`; a window has size * size pixels, so each gets "
        "1 / size**2 of the gradient.",
    "ex5_cnn.q_5.mistake.overwrites":
        "`{name}` overwrites where windows overlap (`=` instead of `+=`): a pixel that "
        "lies in two windows affected both outputs, so its gradient is the SUM of both "
        "shares.",
    "ex5_cnn.q_5.mistake.routed_like_max":
        "`{name}` sends each output's gradient to one pixel of its window, as max "
        "pooling would; average pooling shares it among all the pixels of the window.",
    "ex5_cnn.q_5.hint.1":
        "Each output is the mean of size * size inputs, so dY/dX is 1 / size**2 for "
        "every input of its window and 0 elsewhere. Where windows overlap (stride < "
        "size), a pixel receives a share from every window it is in: the shares add up. "
        "Pixels in no window (cut off at the edge) get 0.",
    "ex5_cnn.q_5.hint.2":
        "Start from zeros of shape `input_shape`. For each output position (h, w), the "
        "window covers rows h*stride to h*stride + size - 1 and the same for columns; "
        "add `output_error[:, h, w, :] / size**2` to all of them (it broadcasts over the "
        "window's two spatial axes once you keep them as axes of length 1).",
    "ex5_cnn.q_5.hint.3":
        "```\n"
        "dX = np.zeros(input_shape)\n"
        "H_out, W_out = output_error.shape[1:3]\n"
        "for h in range(H_out):\n"
        "    for w in range(W_out):\n"
        "        top, left = h * stride, w * stride\n"
        "        dX[:, top:top + size, left:left + size, :] += ____\n"
        "return dX\n"
        "```\n"
        "The blank is the share of output (h, w) for one pixel, with shape (N, 1, 1, C).",

    # ---- q_6: Conv2D backward -------------------------------------------------------
    "ex5_cnn.q_6.mistake.db_times_c_out":
        "`{name}` returns `db` scaled by the number of output channels: db was "
        "accumulated inside a loop over the output channels (each pass added the sums "
        "of ALL channels). b[d] is added once per output value of channel d, so "
        "db[d] is the sum of output_error[..., d] over the batch and the positions.",
    "ex5_cnn.q_6.mistake.db_times_c_in":
        "`{name}` returns `db` scaled by the number of input channels: db was "
        "accumulated inside the loop over input channels. b[d] is added once per output "
        "value, after the sum over input channels, so db[d] is the sum of "
        "output_error[..., d].",
    "ex5_cnn.q_6.mistake.db_batch_mean":
        "`{name}` averages `db` over the batch; the error adds up every sample's "
        "contribution, so sum over the batch too.",
    "ex5_cnn.q_6.mistake.db_position_mean":
        "`{name}` averages `db` over the output positions; the bias was added at EVERY "
        "position, so the gradients of all positions add up.",
    "ex5_cnn.q_6.mistake.db_mean":
        "`{name}` averages `db` over the batch and the output positions; the bias was "
        "added at every position of every sample, so db[d] is the SUM of "
        "output_error[..., d].",
    "ex5_cnn.q_6.mistake.db_one_sample":
        "`{name}` takes `db` from the first image only; sum over the whole batch.",
    "ex5_cnn.q_6.mistake.dK_batch_mean":
        "`{name}` averages `dK` over the batch; sum every sample's contribution.",
    "ex5_cnn.q_6.mistake.dK_channels_swapped":
        "`{name}` returns `dK` with its channel axes swapped, (kh, kw, C_out, C_in): dK "
        "must have K's shape (kh, kw, C_in, C_out).",
    "ex5_cnn.q_6.mistake.dK_flipped":
        "`{name}` returns `dK` rotated by 180 degrees (both spatial axes reversed): "
        "dK[i, j] collects the input pixels that K[i, j] multiplied, X[n, h + i, w + j] "
        "times output_error[n, h, w], so it is a correlation of X with output_error, "
        "with nothing flipped.",
    "ex5_cnn.q_6.mistake.dX_unflipped":
        "`{name}` computes `dX` with the kernel unflipped: the gradient with respect to "
        "the input is a FULL convolution of output_error with K (the kernel rotated by "
        "180 degrees when written as a correlation).",
    "ex5_cnn.q_6.hint.1":
        "Go back to the forward pass: Y[n, h, w, d] = sum over i, j, c of "
        "X[n, h + i, w + j, c] * K[i, j, c, d] + b[d]. Each product sends "
        "output_error[n, h, w, d] * K[i, j, c, d] to dX[n, h + i, w + j, c] and "
        "output_error[n, h, w, d] * X[n, h + i, w + j, c] to dK[i, j, c, d]; b[d] was "
        "added at every (n, h, w).",
    "ex5_cnn.q_6.hint.2":
        "Shapes: dX like X (N, H, W, C_in), dK like K (kh, kw, C_in, C_out), db like b "
        "(C_out,). For a fixed kernel offset (i, j), K[i, j] (C_in, C_out) met the "
        "patch X[:, i:i + H_out, j:j + W_out, :]; dK[i, j] sums patch times output_error "
        "over n, h and w; the same patch of dX receives output_error times K[i, j] "
        "summed over d. db sums output_error over every axis but the last.",
    "ex5_cnn.q_6.hint.3":
        "```\n"
        "kh, kw, c_in, c_out = K.shape\n"
        "H_out, W_out = output_error.shape[1:3]\n"
        "dX = np.zeros_like(X, dtype=float)\n"
        "dK = np.zeros_like(K, dtype=float)\n"
        "for i in range(kh):\n"
        "    for j in range(kw):\n"
        "        patch = X[:, i:i + H_out, j:j + W_out, :]   # what K[i, j] multiplied\n"
        "        dK[i, j] = np.einsum(____, patch, output_error)\n"
        "        dX[:, i:i + H_out, j:j + W_out, :] += ____\n"
        "db = ____\n"
        "return dX, dK, db\n"
        "```",

    # ---- q_7: your own CNN ----------------------------------------------------------
    "ex5_cnn.q_7.wrong_input":
        "`{name}` takes inputs of shape {shape}; the question asks for MNIST images of "
        "shape (28, 28, 1).",
    "ex5_cnn.q_7.predict_raised":
        "`{name}.predict` on the held-out images raised {error}.",
    "ex5_cnn.q_7.wrong_output":
        "`{name}` outputs shape {shape} per image; it should output 10 scores per image "
        "(Dense(10)).",
    "ex5_cnn.q_7.no_conv":
        "`{name}` has no Conv2D layer: the question asks for a convolutional network "
        "(Conv2D and MaxPooling2D blocks, then Flatten and Dense).",
    "ex5_cnn.q_7.raw_pixels":
        "`{name}` was trained on raw pixel values 0..255: scale the images by 1/255 "
        "before training (the checker feeds images in [0, 1]).",
    "ex5_cnn.q_7.untrained":
        "`{name}` classifies {accuracy} of the held-out images correctly, about chance: "
        "has it been trained? Call `{name}.fit(...)` (sparse_categorical_crossentropy "
        "for integer labels).",
    "ex5_cnn.q_7.too_low":
        "`{name}` classifies {accuracy} of 2,000 held-out test images correctly; the "
        "question asks for at least {wanted}. Train on more images or for another epoch, "
        "or add filters.",
    "ex5_cnn.q_7.correct":
        "Test accuracy {accuracy} on 2,000 held-out MNIST test images.",
    "ex5_cnn.q_7.hint.1":
        "A small CNN is enough: one or two blocks of a Conv2D with ReLU followed by a "
        "2 x 2 MaxPooling2D, then Flatten and a Dense layer with one unit per class. "
        "Integer labels go with the loss sparse_categorical_crossentropy.",
    "ex5_cnn.q_7.hint.2":
        "Shapes: (28, 28, 1) -> Conv2D(16, 3) -> (26, 26, 16) -> pool -> (13, 13, 16) "
        "-> Conv2D(32, 3) -> (11, 11, 32) -> pool -> (5, 5, 32) -> Flatten -> 800 -> "
        "Dense(10). Compile with optimizer='adam' and metrics=['accuracy']; two epochs "
        "on the 20,000 prepared images are enough.",
    "ex5_cnn.q_7.hint.3":
        "```\n"
        "model = keras.Sequential()\n"
        "model.add(keras.Input((28, 28, 1)))\n"
        "model.add(keras.layers.Conv2D(16, 3, activation='relu'))\n"
        "model.add(keras.layers.MaxPooling2D(2))\n"
        "model.add(____)   # block 2: 32 filters, then 2 x 2 pooling (two add calls)\n"
        "model.add(keras.layers.Flatten())\n"
        "model.add(____)   # 10 scores per image\n"
        "model.compile(optimizer='adam', loss=____, metrics=['accuracy'])\n"
        "model.fit(X_train, y_train, epochs=____, batch_size=32, verbose=2)\n"
        "```",

    # ---- q_8: why weight sharing generalises -------------------------------------------
    "ex5_cnn.q_8.hint.1":
        "Count what each layer can fit: a Dense layer on the flattened image has a "
        "separate weight for every (pixel, unit) pair, a Conv2D one small kernel reused "
        "at every position.",
    "ex5_cnn.q_8.hint.2":
        "Chapter 6: a model with more freedom than the data pins down memorises the "
        "training set. What does a Dense layer that has seen a stroke at one place know "
        "about the same stroke three pixels to the right? What does a convolution know?",
    "ex5_cnn.q_8.hint.3":
        "Write two or three sentences: (1) how many parameters each has and what that "
        "means for overfitting, (2) what the convolution assumes about images (locality, "
        "the same feature anywhere) and where that assumption is true, (3) one case "
        "where it could hurt.",
    "ex5_cnn.q_8.discussion":
        "A Dense layer on a 28 x 28 image has a separate weight for every pixel and unit: "
        "with 128 units that is 100,480 parameters, and nothing ties the weights of "
        "neighbouring pixels or of two positions together. With 60,000 training "
        "images it can fit details that belong to particular images (chapter 6's "
        "overfitting: the training loss keeps falling while the validation loss turns "
        "up). A Conv2D of 16 3 x 3 filters has 160 parameters whatever the image size. "
        "Weight sharing is a strong, mostly true assumption about images built into the "
        "architecture (an inductive bias): a feature is local, and what makes a stroke "
        "a stroke does not depend on where it is. Every position of every training image "
        "is then a training example for the same kernel, so each weight is estimated "
        "from far more data, and what is learned at one place works everywhere "
        "(translation equivariance; pooling adds a little invariance to small shifts). "
        "A dense network must see a '7' at each position to recognise it there. So the "
        "CNN fits fewer accidental patterns: a smaller gap between training and "
        "validation accuracy, the way weight decay or dropout narrow it, but without "
        "throwing capacity away. The assumption can also be wrong: when position matters "
        "(a face's eyes above its mouth, MNIST digits that are always centred), "
        "convolutions need depth, pooling and a final dense layer to bring location "
        "back, and on data without spatial structure (a table of wine measurements) "
        "sharing weights across columns would make no sense at all.",
}
