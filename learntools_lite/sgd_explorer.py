"""The SGD explorer behind `animate_sgd`: watch mini-batch SGD fit a line, and change it as it runs.

Kaggle Learn's `animate_sgd` trains with TensorFlow inside matplotlib's
frame callback and needs ffmpeg. This one computes the whole run in NumPy at
once (`sgd_trajectory`) and updates one figure in place (`sgd_figure`), so
it answers as fast as a slider moves, and needs neither.

Usage for chapter authors
-------------------------
In a chapter (executed by the book build, read without a kernel) ask for
the static animation explicitly, as the last expression of a cell::

    from learntools_lite import animate_sgd
    animate_sgd(learning_rate=0.05, batch_size=32, live=False)

That is a self-contained HTML player (play/pause and a step slider over one
pre-rendered frame per step, plus the start), with no ffmpeg and no kernel.
Compare settings with one call each, e.g. `optimizer="momentum"` or
`"adam"`, `batch_size=1` (noisy steps) or `batch_size=256` (full batch), or a
learning rate that diverges (`learning_rate=1.2`): the run stops at the step
where the loss blew up and the plot says so.

In an exercise or in JupyterLab, leave `live` out: in a kernel with
ipywidgets the call returns the live explorer (sliders for the learning rate
on a log scale, batch size, number of examples and steps, an optimizer menu,
and a step scrubber with Play). Anywhere else it returns the static player.

Parameter names follow Kaggle Learn (`learning_rate`, `batch_size`,
`num_examples`, `steps`, `true_w`, `true_b`, `seed`), so its notebooks work
unchanged when called with keywords. Bad settings raise a ValueError that
says what to change, before anything is drawn.
"""
from __future__ import annotations

import base64
import dataclasses
import html
import importlib.util
import json
import math
import string
import sys
import uuid

from .sgd_figure import DPI, FIGSIZE, SGDFigure, step_caption
from .sgd_trajectory import OPTIMIZERS, Settings, check_number, simulate

__all__ = ["animate_sgd", "SGDExplorer", "SGDAnimation"]


def animate_sgd(learning_rate=0.05, batch_size=32, num_examples=256, steps=50,
                true_w=3.0, true_b=2.0, seed=0, optimizer="sgd", live=None,
                interval=100):
    """Show mini-batch gradient descent fitting y = w x + b to noisy data.

    Data: x ~ N(0, 1), y = true_w x + true_b + N(0, 1) noise. The model
    starts at w = b = -1 and minimises the mean squared error with
    `optimizer` ("sgd", "momentum" or "adam") on mini-batches of
    `batch_size` drawn without replacement, reshuffled every epoch.

    live: True for the ipywidgets explorer (returns `SGDExplorer`), False
    for the static HTML animation (returns `SGDAnimation`), None to choose
    live exactly when running in a Jupyter kernel that has ipywidgets.
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
    return SGDExplorer(settings, interval) if live else SGDAnimation(settings, interval)


def _in_kernel_with_widgets():
    """True in a Jupyter kernel (not a plain IPython terminal) with ipywidgets."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython else None
    return (getattr(shell, "kernel", None) is not None
            and importlib.util.find_spec("ipywidgets") is not None)


class SGDExplorer:
    """The live explorer: controls, a step scrubber with Play, and the figure.

    The figure is shown as an `ipywidgets.Image` holding PNG bytes of the one
    `SGDFigure`, re-rendered in place on every change: that updates in
    JupyterLab without ipympl, and costs a single draw, where re-displaying
    the figure in an Output widget costs a full draw plus a tight-bbox pass
    and flickers. Displays as `widget` when it is a cell's last expression.
    """

    def __init__(self, settings: Settings, interval=100):
        import ipywidgets as widgets

        self.settings = settings
        self.view = SGDFigure()
        self.controls = _controls(widgets, settings)
        self.play = widgets.Play(interval=interval, description="play")
        self.step = widgets.IntSlider(description="step")
        widgets.jslink((self.play, "value"), (self.step, "value"))
        self.image = widgets.Image(format="png",
                                   layout=widgets.Layout(max_width="100%"))
        self.caption = widgets.HTML()
        c = self.controls
        self.widget = widgets.VBox([
            widgets.HBox([c["learning_rate"], c["optimizer"]]),
            widgets.HBox([c["batch_size"], c["num_examples"], c["steps"]]),
            widgets.HBox([self.play, self.step]),
            self.image,
            self.caption,
        ])
        self._quiet = False
        for control in self.controls.values():
            control.observe(self._on_settings, "value")
        self.step.observe(self._on_step, "value")
        self.show(settings)

    @property
    def figure(self):
        """The matplotlib Figure: the same object for the explorer's lifetime."""
        return self.view.figure

    @property
    def trajectory(self):
        return self.view.trajectory

    def show(self, settings: Settings):
        """Run `settings` and show its last step (what every control change does)."""
        self.settings = settings
        trajectory = simulate(settings)
        self.view.set_trajectory(trajectory)
        self._quiet = True
        try:  # slider limits first, so setting a value is never clamped
            for slider in (self.play, self.step):
                slider.max = max(trajectory.n_steps, slider.value)
                slider.value = trajectory.n_steps
                slider.max = trajectory.n_steps
        finally:
            self._quiet = False
        self._redraw()

    def _on_settings(self, change):
        if not self._quiet:
            self.show(self._settings_from_controls())

    def _on_step(self, change):
        if not self._quiet:
            self.view.show_step(change["new"])
            self._redraw()

    def _settings_from_controls(self):
        """Read the controls, first capping batch_size at num_examples (a
        mini-batch is drawn without replacement)."""
        c = self.controls
        self._quiet = True
        try:
            c["batch_size"].max = c["num_examples"].value
        finally:
            self._quiet = False
        return dataclasses.replace(self.settings, **{
            name: control.value for name, control in c.items()})

    def _redraw(self):
        self.image.value = self.view.render_png()
        self.caption.value = _caption_html(self.trajectory, self.view.step)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def _controls(widgets, s):
    """One widget per setting, named like the Settings field it sets."""
    exponent = math.log10(s.learning_rate)
    return {
        "learning_rate": widgets.FloatLogSlider(
            value=s.learning_rate, base=10, step=0.05,
            min=min(-4, math.floor(exponent)), max=max(1, math.ceil(exponent)),
            readout_format=".3g", description="learning rate"),
        "optimizer": widgets.Dropdown(
            options=OPTIMIZERS, value=s.optimizer,
            description="optimizer"),
        "batch_size": widgets.IntSlider(
            value=s.batch_size, min=1, max=s.num_examples, description="batch size"),
        "num_examples": widgets.IntSlider(
            value=s.num_examples, min=2, max=max(1024, s.num_examples),
            description="examples"),
        "steps": widgets.IntSlider(
            value=s.steps, min=1, max=max(200, s.steps), description="steps"),
    }


def _caption_html(trajectory, i):
    text = html.escape(step_caption(trajectory, i))
    if trajectory.message:
        text += (f' <b style="color:#c62828">{html.escape(trajectory.message)}'
                 '.</b>')
    return f'<span class="sgd-caption">{text}</span>'


class SGDAnimation:
    """The static animation: a self-contained HTML player over one PNG frame
    per step (plus the start), rendered when created.

    `to_html()` (also `_repr_html_`, so it shows as a cell's last
    expression) needs no kernel, no ffmpeg and no network.
    """

    def __init__(self, settings: Settings, interval=100):
        self.settings = settings
        view = SGDFigure()
        view.set_trajectory(simulate(settings))
        self.trajectory = t = view.trajectory
        frames = []
        for i in range(t.n_steps + 1):
            view.show_step(i)
            frames.append(view.render_png())
        captions = [step_caption(t, i) for i in range(t.n_steps + 1)]
        self._html = _player_html(frames, captions, t.message, interval)

    @property
    def n_frames(self):
        return self.trajectory.n_steps + 1

    def to_html(self) -> str:
        return self._html

    def _repr_html_(self):
        return self._html

    def __repr__(self):
        s = self.settings
        return (f"<SGDAnimation: {self.n_frames} frames of {s.optimizer} with "
                f"learning_rate={s.learning_rate:g}, batch_size={s.batch_size}, "
                f"num_examples={s.num_examples}; .to_html() gives the player>")


_PLAYER = string.Template("""\
<div class="sgd-animation" id="$uid" data-frames="$count" style="max-width:${width}px">
<img src="$last" alt="$alt" style="max-width:100%">
<div style="display:flex;align-items:center;gap:0.6em">
<button type="button">&#9654; play</button>
<input type="range" min="0" max="$max_step" value="$max_step" style="flex:1"
 aria-label="step">
</div>
<div class="sgd-caption" style="font-size:90%">$caption</div>$warning
<script type="application/json" class="sgd-frames">$frames</script>
<script type="application/json" class="sgd-captions">$captions</script>
<script>
(function () {
  var root = document.getElementById("$uid");
  var read = function (cls) {
    return JSON.parse(root.querySelector("." + cls).textContent);
  };
  var frames = read("sgd-frames"), captions = read("sgd-captions");
  var img = root.querySelector("img"), slider = root.querySelector("input"),
      button = root.querySelector("button"),
      caption = root.querySelector(".sgd-caption"), timer = null;
  function show(i) {
    img.src = frames[i]; img.alt = captions[i];
    slider.value = i; caption.textContent = captions[i];
  }
  function stop() {
    clearInterval(timer); timer = null; button.innerHTML = "&#9654; play";
  }
  button.onclick = function () {
    if (timer !== null) { stop(); return; }
    var i = Number(slider.value) >= frames.length - 1 ? 0 : Number(slider.value);
    show(i);
    button.innerHTML = "&#10074;&#10074; pause";
    timer = setInterval(function () {
      i += 1;
      if (i < frames.length) { show(i); } else { stop(); }
    }, $interval);
  };
  slider.oninput = function () { stop(); show(Number(slider.value)); };
})();
</script>
</div>""")


def _player_html(frames, captions, warning, interval):
    """The player: frames and captions as JSON data, the last frame shown
    first (and alone where scripts do not run, e.g. GitHub's viewer)."""
    uris = ["data:image/png;base64," + base64.b64encode(f).decode("ascii")
            for f in frames]
    return _PLAYER.substitute(
        uid="sgd-" + uuid.uuid4().hex[:12],
        count=len(uris),
        width=round(FIGSIZE[0] * DPI),
        last=uris[-1],
        alt=html.escape(captions[-1]),
        max_step=len(uris) - 1,
        caption=html.escape(captions[-1]),
        warning=(f'\n<div style="color:#c62828;font-weight:bold">'
                 f'{html.escape(warning)}.</div>' if warning else ""),
        frames=_json_in_script(uris),
        captions=_json_in_script(captions),
        interval=int(round(interval)),
    )


def _json_in_script(value):
    """JSON that cannot close the <script> element holding it."""
    return json.dumps(value).replace("<", "\\u003c")
