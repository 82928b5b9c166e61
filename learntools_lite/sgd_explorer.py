"""The SGD explorer behind `animate_sgd`: watch mini-batch SGD fit a line, and change it as it runs.

Kaggle Learn's `animate_sgd` trains with TensorFlow inside matplotlib's
frame callback and needs ffmpeg. This one computes whole runs in NumPy
(`sgd_trajectory`), packs what is drawn (`sgd_payload`) and leaves the
drawing to one front end in the browser (`static/sgd_explorer.js`), which
serves the book and JupyterLab alike.

Usage for chapter authors
-------------------------
In a chapter (executed by the book build, read without a kernel) ask for
the static explorer explicitly, as the last expression of a cell::

    from learntools_lite import animate_sgd
    animate_sgd(learning_rate=0.05, batch_size=32, live=False)

That is a self-contained HTML explorer with working sliders and no kernel:
learning rate (log scale), batch size and optimizer move over a grid of
runs computed when the cell ran (the call's own values are on the grid),
and a step scrubber with Play. No CDN, no require.js, no ffmpeg.

In an exercise or in JupyterLab, leave `live` out: in a kernel with
anywidget the call returns the live explorer, the same front end whose
Python side computes any setting, typed exactly (plus the number of
examples and of steps). Anywhere else it returns the static explorer.

Parameter names follow Kaggle Learn (`learning_rate`, `batch_size`,
`num_examples`, `steps`, `true_w`, `true_b`, `seed`), so its notebooks work
unchanged when called with keywords. Bad settings raise a ValueError that
says what to change, before anything is computed or drawn.
"""
from __future__ import annotations

import html
import importlib.util
import json
import sys
import uuid
from importlib import resources

from .sgd_payload import grid_bundle
from .sgd_trajectory import Settings, check_number, simulate

__all__ = ["animate_sgd", "SGDExplorer", "SGDAnimation"]


def animate_sgd(learning_rate=0.05, batch_size=32, num_examples=256, steps=50,
                true_w=3.0, true_b=2.0, seed=0, optimizer="sgd", live=None,
                interval=100):
    """Show mini-batch gradient descent fitting y = w x + b to noisy data.

    Data: x ~ N(0, 1), y = true_w x + true_b + N(0, 1) noise. The model
    starts at w = b = -1 and minimises the mean squared error with
    `optimizer` ("sgd", "momentum" or "adam") on mini-batches of
    `batch_size` drawn without replacement, reshuffled every epoch.

    live: True for the live widget (returns `SGDExplorer`), False for the
    static HTML explorer (returns `SGDAnimation`), None to choose live
    exactly when running in a Jupyter kernel that has anywidget.
    interval: milliseconds between frames when playing.
    """
    settings = Settings(learning_rate=learning_rate, batch_size=batch_size,
                        num_examples=num_examples, steps=steps, true_w=true_w,
                        true_b=true_b, seed=seed, optimizer=optimizer)
    check_number("interval", interval, "100", positive=True)
    if live not in (None, True, False):
        raise ValueError(f"live must be True, False or None; got {live!r}.")
    if live is None:
        live = _in_kernel_with_widgets()
    if live:
        from .sgd_widget import SGDExplorer
        return SGDExplorer(settings, interval)
    return SGDAnimation(settings, interval)


def __getattr__(name):
    if name == "SGDExplorer":  # the widget needs anywidget: import it when asked for
        from .sgd_widget import SGDExplorer
        return SGDExplorer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _in_kernel_with_widgets():
    """True in a Jupyter kernel (not a plain IPython terminal) with anywidget."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython else None
    return (getattr(shell, "kernel", None) is not None
            and importlib.util.find_spec("anywidget") is not None)


def front_end(name: str) -> str:
    """The text of static/sgd_explorer.js or .css, as installed with the package."""
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


class SGDAnimation:
    """The static explorer: a grid of runs around `settings`, embedded as
    compact data with the front end, computed when created.

    `to_html()` (also `_repr_html_`, so it shows as a cell's last
    expression) needs no kernel, no ffmpeg and no network. `trajectory` is
    the run of `settings` itself.
    """

    def __init__(self, settings: Settings, interval=100):
        self.settings = settings
        self.trajectory = simulate(settings)
        self.bundle = grid_bundle(settings, interval)
        self._html = explorer_html(self.bundle, self.trajectory)

    @property
    def n_frames(self):
        return self.trajectory.n_steps + 1

    def to_html(self) -> str:
        return self._html

    def _repr_html_(self):
        return self._html

    def __repr__(self):
        s, b = self.settings, self.bundle
        return (f"<SGDAnimation: {s.optimizer} with learning_rate={s.learning_rate:g}, "
                f"batch_size={s.batch_size}, num_examples={s.num_examples}, and "
                f"{b['run_count']} runs to explore; .to_html() gives the explorer>")


def explorer_html(bundle, trajectory) -> str:
    """The explorer as one HTML fragment: the front end's module inline (no
    file to serve, no CDN) followed by the call that mounts it, the bundle as
    JSON, and a line of text for readers whose viewer runs no scripts."""
    uid = "sgd-" + uuid.uuid4().hex[:12]
    module = front_end("sgd_explorer.js")
    if "</script" in module.lower():
        raise ValueError("static/sgd_explorer.js must not contain '</script'")
    fallback = html.escape(trajectory.message or
                           f"{trajectory.settings.optimizer}, learning rate "
                           f"{trajectory.settings.learning_rate}: loss "
                           f"{trajectory.full_loss[0]:.3g} -> {trajectory.full_loss[-1]:.3g}")
    return (
        f'<div class="sgd-explorer-host" id="{uid}">'
        f'<p class="sgd-fallback">{fallback} (the explorer needs JavaScript)</p></div>\n'
        f'<style>{front_end("sgd_explorer.css")}</style>\n'
        f'<script type="application/json" id="{uid}-data">{_json_in_script(bundle)}</script>\n'
        f'<script type="module">\n{module}\n'
        f'const host = document.getElementById("{uid}");\n'
        'host.querySelector(".sgd-fallback").remove();\n'
        f'mountStatic(host, JSON.parse(document.getElementById("{uid}-data").textContent));\n'
        '</script>')


def _json_in_script(value):
    """JSON that cannot close the <script> element holding it."""
    return json.dumps(value, separators=(",", ":")).replace("<", "\\u003c")
