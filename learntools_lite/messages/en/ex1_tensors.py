"""English messages of exercise 1, "Tensors" (learntools_lite/ex1_tensors.py).

Hints come in three levels: the idea, then the shapes or the steps, then a
skeleton that still leaves the key part as `____`.
"""

MESSAGES = {
    # q_1: a batch of images
    "ex1_tensors.q_1.hint.1": "Slicing along the first axis (the batch axis) selects images. "
                              "The pixels are integers from 0 to 255; a network wants "
                              "floating-point numbers between 0 and 1.",
    "ex1_tensors.q_1.hint.2": "`start:stop` stops *before* `stop`, so the first four images are "
                              "a slice of shape (4, 28, 28) with dtype uint8. Convert it to "
                              "`float32`, then divide by the largest pixel value.",
    "ex1_tensors.q_1.hint.3": "`batch = train_images[____].astype(\"float32\") / ____`",
    "ex1_tensors.q_1.mistake.unscaled": "`{name}` holds raw pixel values (0 to 255): divide by "
                                        "255 so they lie in [0, 1].",
    "ex1_tensors.q_1.mistake.floor_division": "`{name}` is 1 where a pixel is 255 and 0 "
                                              "everywhere else: `//` is integer (floor) "
                                              "division. Use `/` on floating-point numbers.",
    "ex1_tensors.q_1.mistake.last_four": "`{name}` holds the last four images; take the first "
                                         "four.",
    # q_2: time series
    "ex1_tensors.q_2.hint.1": "A data tensor always starts with the samples axis. For a time "
                              "series, time comes next and the features of one timestep last.",
    "ex1_tensors.q_2.hint.2": "One sample is one day; a day is a sequence of minutes "
                              "(timesteps); each minute has three numbers (features).",
    "ex1_tensors.q_2.hint.3": "`series_shape = (samples, timesteps, features)`, each one of the "
                              "counts in the text: `(____, ____, ____)`.",
    "ex1_tensors.q_2.mistake.features_last": "Features go on the last axis: "
                                             "(samples, timesteps, features).",
    "ex1_tensors.q_2.mistake.samples_first": "The first axis is the samples axis (one sample "
                                             "per day): (samples, timesteps, features).",
    "ex1_tensors.q_2.mistake.no_timesteps": "A time series is a rank-3 tensor: keep the "
                                            "timestep axis.",
    # q_3: predict a slice's shape
    "ex1_tensors.q_3.hint.1": "Work out each axis on its own: a slice `start:stop:step` along an "
                              "axis keeps the entries from `start` up to, not including, `stop`, "
                              "every `step`-th one.",
    "ex1_tensors.q_3.hint.2": "Axis 0 has 60000 entries, axes 1 and 2 have 28. A negative index "
                              "counts from the end, and a missing start or stop means the edge "
                              "of the axis. `len(range(start, stop, step))` counts what a slice "
                              "keeps.",
    "ex1_tensors.q_3.hint.3": "`predicted_shape = (164 - 100, ____, ____)`: `4:-4` keeps "
                              "`range(4, 28 - 4)`, `::2` keeps `range(0, 28, 2)`.",
    "ex1_tensors.q_3.mistake.stop_included": "Along axis 0, `100:164` stops before 164: it "
                                             "keeps 164 - 100 images.",
    "ex1_tensors.q_3.mistake.negative_stop": "Along axis 1, `4:-4` drops 4 rows at the top "
                                             "and 4 at the bottom: `-4` means 28 - 4.",
    "ex1_tensors.q_3.mistake.step": "Along axis 2, `::2` keeps every second column of all 28, "
                                    "starting with column 0.",
    "ex1_tensors.q_3.mistake.rank": "Slicing never removes an axis: `{name}` should have one "
                                    "entry per axis, three in all.",
    # q_4: a Dense layer with W stored (units, features)
    "ex1_tensors.q_4.hint.1": "The layer computes the same relu(weighted sum + bias) as in the "
                              "chapter; only the layout of `W` is different. Which of "
                              "`W`'s axes has to meet `X`'s features axis in the product?",
    "ex1_tensors.q_4.hint.2": "`X` is (samples, features) and `W` is (units, features). A "
                              "matrix product needs (a, b) @ (b, c), so first turn `W` into "
                              "(features, units); then add `b`, shape (units,), to every row "
                              "and take the element-wise maximum with 0.",
    "ex1_tensors.q_4.hint.3": "`return np.maximum(X @ ____ + b, 0.0)`",
    "ex1_tensors.q_4.mistake.no_transpose": "`{name}` multiplies by `W` as it is stored; "
                                            "`W` is (units, features): use its transpose, "
                                            "so that features meet features.",
    "ex1_tensors.q_4.mistake.no_bias": "`{name}` leaves out the bias: add `b` before the "
                                       "activation.",
    "ex1_tensors.q_4.mistake.no_relu": "`{name}` leaves out the ReLU: take the element-wise "
                                       "maximum with 0 at the end.",
    "ex1_tensors.q_4.mistake.bias_after_relu": "`{name}` adds the bias after the ReLU; the "
                                               "bias goes inside: relu(weighted sum + b).",
    # q_5a, q_5b: a network with new sizes
    "ex1_tensors.q_5a.hint.1": "Each Dense layer maps (samples, its inputs) to "
                               "(samples, its units); the samples axis passes through.",
    "ex1_tensors.q_5a.hint.2": "(32, 20) goes into the first layer and comes out as "
                               "(32, number of units of that layer); that goes into the "
                               "second layer.",
    "ex1_tensors.q_5a.hint.3": "`dense_output_shape = (32, ____)`: the units of the last layer.",
    "ex1_tensors.q_5a.mistake.first_layer": "(32, 64) is what the first layer gives; the second "
                                            "layer maps it on to its own units.",
    "ex1_tensors.q_5a.mistake.no_batch": "The samples (batch) axis passes through every layer: "
                                         "keep it first.",
    "ex1_tensors.q_5a.mistake.transposed": "Samples come first: (samples, units), one row per "
                                           "sample.",
    "ex1_tensors.q_5b.hint.1": "A Dense layer has one weight per (input, unit) pair and one "
                               "bias per unit; the parameters of a network are those of its "
                               "layers, added up. The batch size plays no part.",
    "ex1_tensors.q_5b.hint.2": "Layer 1: `W1` is (20, 64) and `b1` is (64,); layer 2: `W2` is "
                               "(64, 3) and `b2` is (3,). Count the numbers in each array.",
    "ex1_tensors.q_5b.hint.3": "`dense_params = (20 * 64 + ____) + (64 * 3 + ____)`",
    "ex1_tensors.q_5b.mistake.no_biases": "`{name}` counts the weight matrices only: each unit "
                                          "also has a bias.",
    "ex1_tensors.q_5b.mistake.first_layer": "`{name}` is the first layer's count; add the "
                                            "second layer's weights and biases.",
    "ex1_tensors.q_5b.mistake.last_layer": "`{name}` is the second layer's count; add the "
                                           "first layer's weights and biases.",
    "ex1_tensors.q_5b.mistake.batch": "`{name}` grows with the batch size, but the same "
                                      "weights serve every sample: count them once.",
    # q_6: video
    "ex1_tensors.q_6.hint.1": "A video is a sequence of frames, and each frame is a colour "
                              "image.",
    "ex1_tensors.q_6.hint.2": "Start from a batch of colour images, (samples, height, width, "
                              "channels), and add one axis for time.",
    "ex1_tensors.q_6.hint.3": "The samples axis stays first and the channels stay last "
                              "(channels-last); the frames axis goes right after the samples.",
    "ex1_tensors.q_6.explain.a": "A video is a sequence of frames, each frame an image: "
                                 "(samples, frames, height, width, channels), a rank-5 tensor.",
    "ex1_tensors.q_6.explain.b": "That is a batch of images: the frames axis is missing.",
    "ex1_tensors.q_6.explain.c": "The batch (samples) axis comes first, then the frames.",
    "ex1_tensors.q_6.explain.d": "Keras's default is channels-last: "
                                 "(samples, frames, height, width, channels).",
    # q_7: find the bug in to_channels_last
    "ex1_tensors.q_7.hint.1": "`reshape` keeps the values in their order and only cuts them up "
                              "anew; moving an axis to another place changes the order. Which "
                              "operation of the chapter moves axes?",
    "ex1_tensors.q_7.hint.2": "`np.transpose(images, axes)`: `axes[k]` is the *old* axis that "
                              "becomes new axis k. Old axes: 0 samples, 1 channels, 2 height, "
                              "3 width; new order: samples, height, width, channels.",
    "ex1_tensors.q_7.hint.3": "`return np.transpose(images, (0, ____, ____, ____))`",
    "ex1_tensors.q_7.mistake.reshape": "`{name}` has the right shape but mixes the values: "
                                       "`reshape` keeps their order, so each new pixel takes "
                                       "numbers from several channels and places. Move the "
                                       "channels axis instead.",
    "ex1_tensors.q_7.mistake.inverse_permutation": "`{name}` uses the inverse permutation: "
                                                   "`axes[k]` names the old axis that becomes "
                                                   "new axis k, so new axis 1 (height) is old "
                                                   "axis 2.",
    "ex1_tensors.q_7.mistake.height_width_swapped": "`{name}` moves the channels last but swaps "
                                                    "height and width: each image comes out "
                                                    "transposed.",
    "ex1_tensors.q_7.mistake.all_axes_reversed": "`{name}` reverses every axis, the samples "
                                                 "axis too: keep axis 0 first.",
    # q_8: the geometric view, in your words
    "ex1_tensors.q_8.hint.1": "Picture each sample as a point, and the batch as a cloud of "
                              "points. What does a matrix do to a point? What does adding the "
                              "same vector to every point do?",
    "ex1_tensors.q_8.hint.2": "Take the three steps one at a time: `X @ W`, then `+ b`, then "
                              "`relu`. Which of them keep straight lines straight?",
    "ex1_tensors.q_8.hint.3": "For the last part, write two layers without activation as one "
                              "expression: `(X @ W1 + b1) @ W2 + b2 = X @ ____ + ____`.",
    "ex1_tensors.q_8.discussion": (
        "`X @ W` applies one linear map to every sample: it rotates, scales, reflects and "
        "shears the cloud of points, and can change its dimension (from features to units); "
        "the origin stays where it is and straight lines stay straight. `+ b` translates the "
        "whole cloud by the same vector. `relu` folds space: every negative coordinate is "
        "flattened onto 0, so points on different sides of an axis are treated differently, "
        "and the result is no longer a linear function of the input. Without the `relu`, two "
        "Dense layers collapse into one: `(X @ W1 + b1) @ W2 + b2 = X @ (W1 @ W2) + "
        "(b1 @ W2 + b2)`, a single linear map plus a translation, so the second layer adds "
        "nothing a single layer could not do. With it, each layer adds a fold, and a stack "
        "of layers can bend the cloud step by step until the classes come apart, like "
        "uncrumpling a paper ball one small move at a time."),
}
