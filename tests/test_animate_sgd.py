"""Tests of animate_sgd: the math against a step-by-step reference, the
data the one front end draws (embedded in the book, sent by the live
widget), the widget's answers to any setting, and bad input."""
import base64
import re
import subprocess
import sys
import warnings
import zlib

import numpy as np
import pytest
from hypothesis import given, settings as hsettings, strategies as st

import learntools_lite.sgd_explorer as animate_module
import learntools_lite.sgd_payload as payload_module
import learntools_lite.sgd_widget as widget_module
from learntools_lite.sgd_explorer import SGDAnimation, animate_sgd, front_end
from learntools_lite.sgd_payload import CODE_MAX, RUN_HEADER, dequantise
from learntools_lite.sgd_trajectory import DIVERGENCE_FACTOR, Settings, simulate
from learntools_lite.sgd_views import parameter_view
from learntools_lite.sgd_widget import SGDExplorer


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
    """Is a diverging run cut before the first step whose loss is
    DIVERGENCE_FACTOR times the start loss, with a message naming that step?"""
    t = simulate(Settings(learning_rate=1.2))
    assert t.diverged_at is not None and t.n_steps == t.diverged_at - 1
    assert np.all(np.isfinite(t.w)) and np.all(np.isfinite(t.full_loss))
    assert t.message == f"diverged at step {t.diverged_at}: try a smaller learning rate"
    s = t.settings
    _, _, _, full = reference_run(t.x, t.y, simulate(Settings(
        learning_rate=1e-9, steps=t.diverged_at)).batches, s.learning_rate, "sgd")
    limit = DIVERGENCE_FACTOR * full[0]
    assert np.all(full[1:-1] <= limit) and full[-1] > limit


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
    (dict(interval=0), "interval must be greater than 0"),
])
@pytest.mark.parametrize("live", [False, True])
def test_bad_input_is_a_clear_value_error_before_anything_is_computed(
        kwargs, words, live, monkeypatch):
    """Does bad input raise a ValueError that says what to change, before a
    run is simulated or packed?"""
    def nothing_yet(*args, **kwargs):
        raise AssertionError("a run was computed before the input was checked")
    for module in (animate_module, widget_module, payload_module):
        monkeypatch.setattr(module, "simulate", nothing_yet)
    with pytest.raises(ValueError, match=re.escape(words)):
        animate_sgd(**{"live": live, **kwargs})


# -- the data the front end draws ---------------------------------------------------

def decode_bundle(bundle):
    """Read a bundle the way static/sgd_explorer.js does, written from the
    format in sgd_payload's docstring: (blob, runs in grid order)."""
    blob = base64.b64decode(bundle["blob"])
    if bundle["compression"] == "deflate":
        blob = zlib.decompress(blob)
    split = section(blob, bundle["codes"], np.uint8)
    half = len(split) // 2
    deltas = split[:half].astype(np.uint16) | (split[half:].astype(np.uint16) << 8)
    runs, at = [], 0
    for i in range(bundle["run_count"]):
        frames, diverged, view, low, high, *ranges = RUN_HEADER.unpack_from(
            blob, bundle["runs"][0] + i * RUN_HEADER.size)
        arrays = []
        for k, count in enumerate((frames, frames, frames, frames - 1)):
            codes = np.cumsum(deltas[at:at + count], dtype=np.int64) % 2**16
            at += count
            arrays.append(dequantise(codes, ranges[2 * k], ranges[2 * k + 1]))
        w, b, full, batch = arrays
        runs.append(dict(frames=frames, diverged_at=diverged or None, view=view,
                         decades=(low, high), w=w, b=b, full_loss=10 ** full,
                         batch_loss=10 ** batch))
    assert at == len(deltas)
    return blob, runs


def section(blob, where, dtype):
    offset, length = where
    return np.frombuffer(blob, dtype, length // np.dtype(dtype).itemsize, offset)


def batches_of(blob, entry, num_examples, steps):
    if entry["kind"] == "mask":
        bits = section(blob, entry["data"], np.uint8).reshape(steps, entry["row_bytes"])
        mask = np.unpackbits(bits, axis=1, bitorder="little")[:, :num_examples]
        return [set(np.flatnonzero(row)) for row in mask]
    starts = section(blob, entry["starts"], "<u4")
    flat = section(blob, entry["data"], "<u2" if entry["index_bytes"] == 2 else "<u4")
    return [set(flat[starts[i]:starts[i + 1]]) for i in range(steps)]


def assert_run_is_the_simulation(run, t, bundle, blob):
    """Is a decoded run sgd_trajectory's run, to within its quantisation?"""
    assert run["frames"] == t.n_steps + 1 and run["diverged_at"] == t.diverged_at
    for name in ("w", "b"):
        ours = getattr(t, name)
        step = np.ptp(ours) / CODE_MAX          # one quantisation step of this array
        np.testing.assert_allclose(run[name], ours, rtol=0,
                                   atol=0.51 * step + 1e-6 * np.abs(ours).max())
    for name in ("full_loss", "batch_loss"):
        ours = getattr(t, name)
        step = np.ptp(np.log10(ours)) / CODE_MAX if len(ours) else 0
        np.testing.assert_allclose(np.log10(run[name]), np.log10(ours), rtol=0,
                                   atol=0.51 * step + 1e-6)
    view = bundle["views"][run["view"]]
    assert (tuple(view["w"]), tuple(view["b"])) == parameter_view(t)
    assert base64.b64decode(view["image"].removeprefix("data:image/png;base64,")).startswith(
        b"\x89PNG")
    d = bundle["dataset"]
    np.testing.assert_array_equal(section(blob, d["x"], "<f4"), t.x.astype(np.float32))
    np.testing.assert_array_equal(section(blob, d["y"], "<f4"), t.y.astype(np.float32))


@pytest.fixture(scope="module")
def chapter_explorer():
    return animate_sgd(learning_rate=0.05, batch_size=32, live=False)


def test_grid_holds_the_calls_values_exactly(chapter_explorer):
    """Are the call's learning rate and batch size on the book's sliders as
    given (0.05, not 0.0501), next to round values such as 0.005, 0.5 and 1.2?"""
    b = chapter_explorer.bundle
    assert b["initial"] == {"learning_rate": 0.05, "batch_size": 32, "optimizer": "sgd"}
    for lr in (0.05, 0.005, 0.5, 1.2, 0.001, 2.0, 0.01, 0.1):
        assert lr in b["learning_rates"]
    assert b["batch_sizes"] == [1, 2, 4, 8, 16, 32, 64, 128, 256]
    assert b["optimizers"] == ["sgd", "momentum", "adam"]
    assert b["slider"]["learning_rates"] == b["learning_rates"]
    odd = animate_sgd(learning_rate=0.0123, batch_size=7, num_examples=100, steps=5,
                      live=False).bundle
    assert 0.0123 in odd["learning_rates"] and 7 in odd["batch_sizes"]
    assert 100 in odd["batch_sizes"] and max(odd["batch_sizes"]) == 100


@pytest.mark.parametrize("optimizer,batch_size,learning_rate", [
    ("sgd", 32, 0.05), ("sgd", 1, 0.5), ("momentum", 256, 0.01), ("adam", 8, 1.2),
    ("sgd", 32, 1.2), ("adam", 1, 0.001), ("momentum", 64, 2.0)])
def test_embedded_runs_are_sgd_trajectory_runs(chapter_explorer, optimizer, batch_size,
                                               learning_rate):
    """Does the book's embedded data, read back, equal sgd_trajectory's
    output for grid settings: path, losses, divergence, view, data, batches?"""
    b = chapter_explorer.bundle
    assert b["compression"] == "deflate"
    blob, runs = decode_bundle(b)
    index = ((b["optimizers"].index(optimizer) * len(b["batch_sizes"])
              + b["batch_sizes"].index(batch_size)) * len(b["learning_rates"])
             + b["learning_rates"].index(learning_rate))
    t = simulate(Settings(learning_rate=learning_rate, batch_size=batch_size,
                          optimizer=optimizer))
    assert_run_is_the_simulation(runs[index], t, b, blob)
    drawn = batches_of(blob, b["batches"][str(batch_size)], 256, 50)
    assert drawn[:t.n_steps] == [set(batch) for batch in t.batches]


def test_static_explorer_is_small_self_contained_html(chapter_explorer):
    """Is the book's explorer under 300 KB, with the front end's own module
    and stylesheet inline (no CDN, no require.js) and the call's run as its
    trajectory?"""
    html = chapter_explorer.to_html()
    assert len(html.encode()) < 300_000, len(html.encode())
    assert "http://" not in html and "https://" not in html and "require(" not in html
    assert f'<script type="module">\n{front_end("sgd_explorer.js")}' in html
    assert f'<style>{front_end("sgd_explorer.css")}</style>' in html
    assert "export default" in front_end("sgd_explorer.js")
    assert chapter_explorer.trajectory.settings == Settings()
    assert chapter_explorer._repr_html_() == html


def test_static_html_of_a_divergent_run_says_so():
    """Does a diverged run's explorer carry the message, for readers with
    and without scripts, and stop its run before the bad step?"""
    animation = animate_sgd(learning_rate=1.2, live=False)
    k = animation.trajectory.diverged_at
    assert k is not None and animation.n_frames == k
    assert f"diverged at step {k}: try a smaller learning rate" in animation.to_html()
    assert animation.bundle["diverged_message"] == (
        "diverged at step {step}: try a smaller learning rate")


def test_a_run_that_blows_up_is_called_diverged():
    """Does learning rate 0.5 with batches of 1 (its loss climbs to many
    times where it started) get the diverged note, like 1.26 does?"""
    t = simulate(Settings(learning_rate=0.5, batch_size=1))
    assert t.diverged_at is not None, t.full_loss.max() / t.full_loss[0]
    assert simulate(Settings(learning_rate=0.05, batch_size=1)).diverged_at is None
    assert simulate(Settings(learning_rate=0.5, batch_size=256)).diverged_at is None


def test_live_none_outside_a_kernel_is_static():
    """Does live=None give the static explorer when no kernel is running?"""
    assert isinstance(animate_sgd(steps=2), SGDAnimation)


# -- the live widget ----------------------------------------------------------------

@pytest.fixture
def explorer():
    return animate_sgd(steps=20, live=True)


def test_live_explorer_is_the_same_front_end_as_an_anywidget(explorer):
    """Is the live explorer an anywidget whose module and style are the book's?"""
    assert isinstance(explorer, SGDExplorer)
    assert explorer._esm == front_end("sgd_explorer.js")
    assert explorer._css == front_end("sgd_explorer.css")
    data, _ = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data


def test_widget_recomputes_any_setting_off_the_grid(explorer):
    """Does a request for values on no grid (as typed: 0.0123, 7 of 90
    examples, adam, 33 steps) come back as exactly that run?"""
    explorer.request = {"learning_rate": 0.0123, "batch_size": 7, "optimizer": "adam",
                        "num_examples": 90, "steps": 33, "id": 4}
    s = explorer.settings
    assert (s.learning_rate, s.batch_size, s.optimizer, s.num_examples, s.steps) == (
        0.0123, 7, "adam", 90, 33)
    b = explorer.bundle
    assert b["request_id"] == 4 and b["initial"]["learning_rate"] == 0.0123
    assert b["learning_rates"] == [0.0123] and 0.0123 in b["slider"]["learning_rates"]
    assert b["compression"] == "none"  # the browser decodes it in the task that received it
    blob, (run,) = decode_bundle(b)
    t = simulate(s)
    assert_run_is_the_simulation(run, t, b, blob)
    assert batches_of(blob, b["batches"]["7"], 90, 33) == [set(x) for x in t.batches]
    assert_matches_reference(explorer.trajectory)


def test_typed_values_are_taken_as_typed(explorer):
    """Is a typed 1.2 run at 1.2 (not snapped to a slider step) and said to diverge?"""
    explorer.request = {"learning_rate": 1.2, "id": 1}
    assert explorer.settings.learning_rate == 1.2
    assert explorer.bundle["initial"]["learning_rate"] == 1.2
    assert explorer.trajectory.diverged_at is not None


def test_bad_request_shows_an_error_and_keeps_the_run(explorer):
    """Does an impossible request say what is wrong and leave the last run shown?"""
    explorer.request = {"learning_rate": 0.2, "id": 1}
    shown = explorer.bundle
    for request, words in (({"learning_rate": -1}, "learning_rate must be greater than 0"),
                           ({"steps": 2.5}, "steps must be a whole number"),
                           ({"optimizer": "rmsprop"}, "optimizer must be one of")):
        explorer.request = {**request, "id": 2}
        assert words in explorer.error
        assert explorer.bundle is shown and explorer.settings.learning_rate == 0.2
    explorer.request = {"learning_rate": 0.3, "id": 3}
    assert explorer.error == "" and explorer.bundle["request_id"] == 3


def test_fewer_examples_than_the_batch_size_caps_the_batch(explorer):
    """Does shrinking num_examples below batch_size cap the batch size
    instead of raising?"""
    explorer.request = {"num_examples": 10, "batch_size": 32, "id": 1}
    assert explorer.settings.batch_size == 10 == explorer.bundle["initial"]["batch_size"]
    assert explorer.error == ""


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
