"""Tests of animate_sgd: the math against a step-by-step reference, the
live explorer's in-place updates, the static player, and bad input."""
import base64
import json
import re
import subprocess
import sys
import warnings

import numpy as np
import pytest
from hypothesis import given, settings as hsettings, strategies as st

import learntools_lite.sgd_explorer as animate_module
from learntools_lite.sgd_explorer import SGDAnimation, SGDExplorer, animate_sgd
from learntools_lite.sgd_trajectory import Settings, simulate


def reference_run(x, y, batches, learning_rate, optimizer):
    """Mini-batch descent written out the plain way: one step at a time,
    residuals on the batch, textbook update rules."""
    w, b = -1.0, -1.0
    ws, bs, batch_losses = [w], [b], []
    velocity = np.zeros(2)
    m, v = np.zeros(2), np.zeros(2)
    for t, idx in enumerate(batches, start=1):
        xb, yb = x[idx], y[idx]
        residual = w * xb + b - yb
        batch_losses.append(np.mean(residual ** 2))
        grad = np.array([2 * np.mean(residual * xb), 2 * np.mean(residual)])
        if optimizer == "sgd":
            step = -learning_rate * grad
        elif optimizer == "momentum":
            velocity = 0.9 * velocity - learning_rate * grad
            step = velocity
        else:  # adam, Kingma & Ba Algorithm 1
            m = 0.9 * m + 0.1 * grad
            v = 0.999 * v + 0.001 * grad ** 2
            m_hat, v_hat = m / (1 - 0.9 ** t), v / (1 - 0.999 ** t)
            step = -learning_rate * m_hat / (np.sqrt(v_hat) + 1e-8)
        w, b = w + step[0], b + step[1]
        ws.append(w)
        bs.append(b)
    full_losses = [np.mean((wi * x + bi - y) ** 2) for wi, bi in zip(ws, bs)]
    return np.array(ws), np.array(bs), np.array(batch_losses), np.array(full_losses)


def assert_matches_reference(trajectory):
    s = trajectory.settings
    w, b, batch_loss, full_loss = reference_run(
        trajectory.x, trajectory.y, trajectory.batches, s.learning_rate, s.optimizer)
    for ours, theirs in ((trajectory.w, w), (trajectory.b, b),
                         (trajectory.batch_loss, batch_loss),
                         (trajectory.full_loss, full_loss)):
        np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-12)


# -- the math -----------------------------------------------------------------

@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
@pytest.mark.parametrize("batch_size,learning_rate", [
    (1, 0.01), (32, 0.05), (100, 0.3), (256, 0.5), (7, 0.1)])
def test_trajectory_equals_step_by_step_reference(optimizer, batch_size, learning_rate):
    """Does the vectorised run equal plain per-step updates on the same batches?"""
    trajectory = simulate(Settings(learning_rate=learning_rate, batch_size=batch_size,
                                   steps=80, optimizer=optimizer))
    assert trajectory.n_steps == 80 and trajectory.diverged_at is None
    assert_matches_reference(trajectory)


@hsettings(max_examples=25, deadline=None)
@given(learning_rate=st.floats(1e-3, 0.4), batch_size=st.integers(1, 40),
       extra=st.integers(0, 60), steps=st.integers(1, 60), seed=st.integers(0, 10**6),
       optimizer=st.sampled_from(["sgd", "momentum", "adam"]))
def test_trajectory_equals_reference_for_any_settings(
        learning_rate, batch_size, extra, steps, seed, optimizer):
    """Does the agreement hold for arbitrary (converging) settings?"""
    trajectory = simulate(Settings(
        learning_rate=learning_rate, batch_size=batch_size,
        num_examples=max(2, batch_size + extra), steps=steps, seed=seed,
        optimizer=optimizer))
    assert_matches_reference(trajectory)


def test_data_is_the_documented_line_plus_noise():
    """Are x standard normal and y = true_w x + true_b + unit noise, with the
    least-squares optimum where NumPy's own fit puts it?"""
    t = simulate(Settings(num_examples=20_000, true_w=-1.5, true_b=4.0, steps=1))
    noise = t.y - (-1.5 * t.x + 4.0)
    assert abs(t.x.mean()) < 0.05 and abs(t.x.std() - 1) < 0.05
    assert abs(noise.mean()) < 0.05 and abs(noise.std() - 1) < 0.05
    np.testing.assert_allclose(t.optimum, np.polyfit(t.x, t.y, 1), rtol=1e-9)


def test_minibatches_are_drawn_without_replacement_per_epoch():
    """Is each epoch a permutation of all examples, cut into batches, and
    reshuffled between epochs?"""
    n, batch_size, per_epoch = 50, 7, 8          # 7 * 7 + 1: a short last batch
    t = simulate(Settings(num_examples=n, batch_size=batch_size, steps=3 * per_epoch))
    assert [len(batch) for batch in t.batches[:per_epoch]] == [7] * 7 + [1]
    epochs = [np.concatenate(t.batches[k * per_epoch:(k + 1) * per_epoch])
              for k in range(3)]
    for epoch in epochs:
        assert sorted(epoch) == list(range(n))
    assert not np.array_equal(epochs[0], epochs[1])


def test_optimizers_see_the_same_data_and_batches():
    """Can learners compare optimizers: same data, same batches, different paths?"""
    runs = [simulate(Settings(optimizer=name)) for name in ("sgd", "momentum", "adam")]
    for run in runs[1:]:
        np.testing.assert_array_equal(run.x, runs[0].x)
        assert all(np.array_equal(a, b) for a, b in zip(run.batches, runs[0].batches))
        assert not np.allclose(run.w, runs[0].w)


def test_more_examples_keep_the_old_points():
    """Does growing num_examples add points instead of redrawing the cloud?"""
    small, large = (simulate(Settings(num_examples=n, steps=1)) for n in (100, 300))
    np.testing.assert_array_equal(large.x[:100], small.x)
    np.testing.assert_array_equal(large.y[:100], small.y)


# -- divergence ---------------------------------------------------------------

def test_divergent_run_is_cut_where_the_loss_blew_up():
    """Is a diverging run cut before the first step whose loss is 1e6 times
    the start loss, with a message naming that step?"""
    t = simulate(Settings(learning_rate=1.2))
    assert t.diverged_at is not None and t.n_steps == t.diverged_at - 1
    assert np.all(np.isfinite(t.w)) and np.all(np.isfinite(t.full_loss))
    assert t.message == f"diverged at step {t.diverged_at}: try a smaller learning rate"
    s = t.settings
    _, _, _, full = reference_run(t.x, t.y, simulate(Settings(
        learning_rate=1e-9, steps=t.diverged_at)).batches, s.learning_rate, "sgd")
    assert np.all(full[1:-1] <= 1e6 * full[0]) and full[-1] > 1e6 * full[0]


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_overflowing_learning_rate_neither_crashes_nor_warns(optimizer):
    """Does a learning rate that overflows at once give a one-frame run and
    a message, with no NaN, exception or warning?"""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        animation = animate_sgd(learning_rate=1e300, optimizer=optimizer, live=False)
    assert animation.trajectory.diverged_at == 1
    assert animation.n_frames == 1
    assert "diverged at step 1: try a smaller learning rate" in animation.to_html()


# -- bad input ----------------------------------------------------------------

@pytest.mark.parametrize("kwargs,words", [
    (dict(batch_size=300, num_examples=256), "can't be larger than num_examples"),
    (dict(learning_rate=0), "learning_rate must be greater than 0"),
    (dict(learning_rate=-0.1), "learning_rate must be greater than 0"),
    (dict(learning_rate=float("nan")), "learning_rate must be a finite number"),
    (dict(learning_rate=float("inf")), "learning_rate must be a finite number"),
    (dict(learning_rate="0.1"), "learning_rate must be a number"),
    (dict(steps=0), "steps must be greater than 0"),
    (dict(steps=2.5), "steps must be a whole number"),
    (dict(steps=float("inf")), "steps must be a finite number"),
    (dict(batch_size=0), "batch_size must be greater than 0"),
    (dict(num_examples=0), "num_examples must be at least 2"),
    (dict(num_examples=-5), "num_examples must be at least 2"),
    (dict(true_w=float("nan")), "true_w must be a finite number"),
    (dict(true_b=float("-inf")), "true_b must be a finite number"),
    (dict(optimizer="rmsprop"), "optimizer must be one of 'sgd', 'momentum', 'adam'"),
    (dict(live="yes"), "live must be True, False or None"),
])
@pytest.mark.parametrize("live", [False, True])
def test_bad_input_is_a_clear_value_error_before_any_plotting(
        kwargs, words, live, monkeypatch):
    """Does bad input raise a ValueError that says what to change, before a
    figure is made?"""
    def no_figure():
        raise AssertionError("a figure was made before the input was checked")
    monkeypatch.setattr(animate_module, "SGDFigure", no_figure)
    with pytest.raises(ValueError, match=re.escape(words)):
        animate_sgd(**{"live": live, **kwargs})


# -- the live explorer --------------------------------------------------------

@pytest.fixture
def explorer():
    return animate_sgd(steps=20, live=True)


def test_slider_change_updates_the_same_figure_in_place(explorer):
    """Does moving a slider give new data to the same Figure and Line2D
    objects, and a new image, instead of a new figure?"""
    assert isinstance(explorer, SGDExplorer)
    figure, view = explorer.figure, explorer.view
    lines = {name: getattr(view, name) for name in
             ("fitted_line", "path_line", "full_loss_line", "batch_loss_line")}
    before = {name: line.get_xydata().copy() for name, line in lines.items()}
    image_before = explorer.image.value

    explorer.controls["learning_rate"].value = 0.2

    assert explorer.figure is figure
    assert all(getattr(view, name) is line for name, line in lines.items())
    assert lines["fitted_line"] in figure.axes[0].lines
    assert explorer.trajectory.settings.learning_rate == 0.2
    for name, line in lines.items():
        assert not np.array_equal(line.get_xydata(), before[name]), name
    np.testing.assert_allclose(lines["path_line"].get_xdata(), explorer.trajectory.w)
    assert explorer.image.value != image_before


def test_every_control_reruns_the_simulation(explorer):
    """Does each control (found through the widget tree) change the run?"""
    c = explorer.controls
    first_row = explorer.widget.children[0].children
    assert first_row[0] is c["learning_rate"] and first_row[1] is c["optimizer"]
    c["optimizer"].value = "adam"
    c["batch_size"].value = 8
    c["steps"].value = 30
    c["num_examples"].value = 100
    s = explorer.trajectory.settings
    assert (s.optimizer, s.batch_size, s.steps, s.num_examples) == ("adam", 8, 30, 100)
    assert explorer.trajectory.n_steps == 30 == explorer.step.max == explorer.play.max
    assert_matches_reference(explorer.trajectory)


def test_fewer_examples_than_the_batch_size_caps_the_batch(explorer):
    """Does shrinking num_examples below batch_size cap the batch size
    instead of raising?"""
    explorer.controls["num_examples"].value = 10
    assert explorer.controls["batch_size"].value == 10
    assert explorer.trajectory.settings.batch_size == 10


def test_step_scrubber_moves_the_step_artists(explorer):
    """Does the step slider show that step's batch, line and path?"""
    t, view = explorer.trajectory, explorer.view
    explorer.step.value = 5
    assert len(view.path_line.get_xdata()) == 6
    np.testing.assert_array_equal(view.batch_points.get_xdata(), t.x[t.batches[4]])
    np.testing.assert_allclose(view.fitted_line.get_ydata(),
                               t.w[5] * view.fitted_line.get_xdata() + t.b[5])
    assert "Step 5 of 20" in explorer.caption.value


def test_live_divergence_is_shown(explorer):
    """Does a diverging learning rate show the message in the figure and caption?"""
    explorer.controls["learning_rate"].value = 1.5
    message = explorer.trajectory.message
    assert message.startswith("diverged at step")
    assert explorer.view.warning.get_text() == message
    assert message in explorer.caption.value
    assert explorer.step.max == explorer.trajectory.n_steps


def test_explorer_displays_as_a_widget(explorer):
    """Does the explorer show as its widget when it is a cell's last expression?"""
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


# -- the static player --------------------------------------------------------

def frames_in(html):
    block = re.search(r'class="sgd-frames">(.*?)</script>', html, re.S).group(1)
    return json.loads(block)


@pytest.mark.parametrize("steps", [1, 12])
def test_static_html_holds_one_png_frame_per_step_plus_the_start(steps):
    """Does the player hold steps + 1 distinct PNG frames and no ffmpeg video?"""
    animation = animate_sgd(steps=steps, live=False)
    assert isinstance(animation, SGDAnimation)
    html = animation._repr_html_()
    frames = frames_in(html)
    assert len(frames) == steps + 1 == animation.n_frames
    assert f'data-frames="{steps + 1}"' in html
    pngs = [base64.b64decode(f.removeprefix("data:image/png;base64,")) for f in frames]
    assert all(png.startswith(b"\x89PNG\r\n\x1a\n") for png in pngs)
    assert len(set(pngs)) == steps + 1
    assert "<video" not in html and "<script>" in html


def test_static_html_of_a_divergent_run_stops_and_says_so():
    """Does a diverged animation stop before the bad step and say so?"""
    animation = animate_sgd(learning_rate=1.2, live=False)
    k = animation.trajectory.diverged_at
    assert len(frames_in(animation.to_html())) == k
    assert f"diverged at step {k}: try a smaller learning rate" in animation.to_html()


def test_live_none_outside_a_kernel_is_static():
    """Does live=None give the static player when no kernel is running?"""
    assert isinstance(animate_sgd(steps=2), SGDAnimation)


# -- importing ----------------------------------------------------------------

def test_imports_do_not_import_tensorflow():
    """Do the package and the explorer stay free of TensorFlow (and the
    package free of matplotlib until animate_sgd is used)?"""
    code = (
        "import sys\n"
        "import learntools_lite\n"
        "assert 'matplotlib' not in sys.modules\n"
        "import learntools_lite.sgd_explorer\n"
        "from learntools_lite import animate_sgd\n"
        "animate_sgd(steps=2, live=False)\n"
        "animate_sgd(steps=2, live=True)\n"
        "assert 'tensorflow' not in sys.modules, 'tensorflow was imported'\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_package_attribute_is_callable_in_any_import_order():
    """Does `from learntools_lite import animate_sgd` give something callable
    whichever modules were imported before?"""
    code = (
        "import learntools_lite.sgd_explorer\n"
        "from learntools_lite import animate_sgd\n"
        "print(type(animate_sgd(steps=2, live=False)).__name__)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "SGDAnimation", result.stderr
