"""The three panels of animate_sgd, drawn once and then updated in place.

`SGDFigure` owns one matplotlib Figure on an Agg canvas (no pyplot, so
Jupyter's inline backend never shows or leaks it) and three methods that the
live explorer and the static animation share:

- `set_trajectory(trajectory)`: new data for the artists that depend on the
  run (all points, true line, loss surface, markers, view limits);
- `show_step(i)`: new data for the artists that move with the step;
- `render_png()`: the figure as PNG bytes.

Drawing text (tick labels above all) is by far the slowest thing matplotlib
does, so a render repaints only what changed, in three layers:

1. background -- axes, ticks, labels; redrawn only when a view limit
   changes, and view limits are rounded to steps (tick values, powers of ten,
   doublings) so most slider moves keep them;
2. scene -- the artists of one run (points, surface, markers); drawn over a
   copy of the background once per `set_trajectory`;
3. moving -- the artists of one step; drawn over a copy of the scene.

Text that never changes (titles, axis labels, legends) is drawn once and its
pixels are pasted on top of every render.
"""
from __future__ import annotations

import contextlib
import io

import numpy as np
from matplotlib import colormaps
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullLocator
from PIL import Image

FIGSIZE = (10.0, 3.4)     # inches; 800 x 272 pixels at DPI
DPI = 80
FONT = 9
TICKS = 4                 # at most this many intervals per axis: tick labels are costly text
SURFACE_GRID = 96         # loss-surface samples per parameter axis
SURFACE_BANDS = 12        # colour bands, so the surface reads like a contour map
PNG_COLOURS = 128         # a palette PNG is ~3x smaller and faster to encode


class SGDFigure:
    """One figure for one explorer or animation: its artists are created
    here, once, and only their data changes afterwards."""

    def __init__(self):
        self.figure = Figure(figsize=FIGSIZE, dpi=DPI)
        self.canvas = FigureCanvasAgg(self.figure)
        self.figure.subplots_adjust(left=0.065, right=0.99, bottom=0.14,
                                    top=0.84, wspace=0.28)
        self.ax_data, self.ax_loss, self.ax_params = self.figure.subplots(1, 3)
        self._build_data_panel(self.ax_data)
        self._build_loss_panel(self.ax_loss)
        self._build_params_panel(self.ax_params)
        self.warning = self.figure.text(0.5, 0.975, "", va="top", ha="center",
                                        color="C3", fontsize=FONT + 2,
                                        fontweight="bold")
        # Layers, each in drawing order.
        self.scene = [self.surface, self.all_points, self.true_line,
                      self.start_point, self.true_point, self.optimum_point,
                      self.warning]
        self.moving = [self.batch_points, self.fitted_line, self.batch_loss_line,
                       self.full_loss_line, self.loss_marker, self.path_line,
                       self.current_point]
        self.fixed_text = [artist for ax in self.figure.axes for artist in
                           (ax.title, ax.xaxis.label, ax.yaxis.label, ax.get_legend())]
        self.trajectory = None
        self.step = 0
        self._views = None
        self._background = self._scene_pixels = self._fixed_text_pixels = None

    # -- building (once) ----------------------------------------------------

    def _build_data_panel(self, ax):
        _decorate(ax, "data and fitted line", "x", "y")
        self.all_points, = ax.plot([], [], "o", ms=2.5, color="0.7",
                                   label="examples")
        self.true_line, = ax.plot([], [], "--", color="C2", lw=1.2,
                                  label="true line")
        self.batch_points, = ax.plot([], [], "o", ms=3.5, color="C3",
                                     label="mini-batch of this step")
        self.fitted_line, = ax.plot([], [], "-", color="k", lw=2,
                                    label="fitted line")
        ax.legend(loc="upper left", fontsize=FONT - 2, framealpha=1)

    def _build_loss_panel(self, ax):
        _decorate(ax, "loss (mean squared error)", "step", None)
        ax.set_yscale("log")
        ax.yaxis.set_major_locator(LogLocator())
        ax.yaxis.set_minor_locator(NullLocator())
        # "0.1, 1, 10" reads as easily as 10^-1 and is cheaper to draw than mathtext.
        ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
        self.batch_loss_line, = ax.plot([], [], color="C0", lw=1, alpha=0.8,
                                        label="mini-batch loss")
        self.full_loss_line, = ax.plot([], [], color="C1", lw=2,
                                       label="full-data loss")
        self.loss_marker, = ax.plot([], [], "o", color="C1", ms=5)
        ax.legend(loc="upper right", fontsize=FONT - 2, framealpha=1)

    def _build_params_panel(self, ax):
        _decorate(ax, "path of (w, b) over the loss", "w", "b")
        cmap = colormaps["viridis"].resampled(SURFACE_BANDS)
        self.surface = ax.imshow(np.zeros((2, 2)), origin="lower", aspect="auto",
                                 cmap=cmap, interpolation="nearest")
        self.path_line, = ax.plot([], [], "-o", color="w", lw=1, ms=2)
        self.current_point, = ax.plot([], [], "o", color="C3", ms=6,
                                      mec="w", label="(w, b) now")
        self.start_point, = ax.plot([], [], "s", color="w", ms=5, mec="k",
                                    label="start")
        self.true_point, = ax.plot([], [], "X", color="C2", ms=8, mec="k",
                                   label="true (w, b)")
        self.optimum_point, = ax.plot([], [], "*", color="gold", ms=10, mec="k",
                                      label="least-squares optimum")
        ax.legend(loc="lower right", fontsize=FONT - 2, framealpha=1)

    # -- updating -----------------------------------------------------------

    def set_trajectory(self, trajectory):
        """Point the artists at a new run and show its last step."""
        self.trajectory = t = trajectory
        s = t.settings
        views = (_nice_limits(t.x), _nice_limits(t.y),
                 (0.0, float(s.steps)),
                 _decades(t.full_loss, t.batch_loss),
                 *_doubling_view(t))
        if views != self._views:
            self._views, self._background = views, None
            for ax, limits in zip(self.figure.axes, np.reshape(views, (3, 2, 2))):
                ax.set(xlim=limits[0], ylim=limits[1])
        self._scene_pixels = None

        xs = np.array(views[0])
        self.all_points.set_data(t.x, t.y)
        self.true_line.set_data(xs, s.true_w * xs + s.true_b)
        self.start_point.set_data([t.w[0]], [t.b[0]])
        self.true_point.set_data([s.true_w], [s.true_b])
        self.optimum_point.set_data([t.optimum[0]], [t.optimum[1]])
        self._show_surface(t, views[4], views[5])
        self.warning.set_text(t.message)
        self.show_step(t.n_steps)

    def _show_surface(self, trajectory, w_limits, b_limits):
        w = np.linspace(*w_limits, SURFACE_GRID)
        b = np.linspace(*b_limits, SURFACE_GRID)[:, None]
        log_loss = np.log10(trajectory.loss_surface(w, b))
        self.surface.set_data(log_loss)
        self.surface.set_extent((*w_limits, *b_limits))
        self.surface.set_clim(log_loss.min(), log_loss.max())

    def show_step(self, i):
        """Move the step-dependent artists to frame i (0 = start)."""
        t = self.trajectory
        self.step = i = int(np.clip(i, 0, t.n_steps))
        batch = t.batches[i - 1] if i else slice(0, 0)
        self.batch_points.set_data(t.x[batch], t.y[batch])
        xs = np.array(self.ax_data.get_xlim())
        self.fitted_line.set_data(xs, t.w[i] * xs + t.b[i])
        self.full_loss_line.set_data(np.arange(i + 1), t.full_loss[:i + 1])
        self.batch_loss_line.set_data(np.arange(1, i + 1), t.batch_loss[:i])
        self.loss_marker.set_data([i], [t.full_loss[i]])
        self.path_line.set_data(t.w[:i + 1], t.b[:i + 1])
        self.current_point.set_data([t.w[i]], [t.b[i]])

    # -- rendering ----------------------------------------------------------

    def render_png(self) -> bytes:
        """The figure as it is now, as PNG bytes (repaints only what changed)."""
        if self._scene_pixels is None:
            if self._background is None:
                self._background = self._draw_background()
            self.canvas.restore_region(self._background)
            self._draw(self.scene)
            self._scene_pixels = self.canvas.copy_from_bbox(self.figure.bbox)
        else:
            self.canvas.restore_region(self._scene_pixels)
        self._draw(self.moving)
        for pixels in self._fixed_text_pixels:
            self.canvas.restore_region(pixels)
        return _encode_png(self.canvas.buffer_rgba())

    def _draw_background(self):
        """Axes, ticks and (the first time only) the fixed text."""
        if self._fixed_text_pixels is None:
            with _hidden(self.scene + self.moving):
                self.canvas.draw()
            renderer = self.canvas.get_renderer()
            self._fixed_text_pixels = [
                self.canvas.copy_from_bbox(artist.get_window_extent(renderer))
                for artist in self.fixed_text]
        else:
            with _hidden(self.scene + self.moving + self.fixed_text):
                self.canvas.draw()
        return self.canvas.copy_from_bbox(self.figure.bbox)

    def _draw(self, artists):
        for artist in artists:
            self.figure.draw_artist(artist)


def _decorate(ax, title, xlabel, ylabel):
    """Titles and labels at fixed positions: matplotlib otherwise measures
    every tick label on every draw to place them."""
    ax.set_title(title, fontsize=FONT + 1, y=1.01)
    ax.set_xlabel(xlabel, fontsize=FONT)
    ax.xaxis.set_label_coords(0.5, -0.1)
    if ylabel:
        ax.set_ylabel(ylabel, fontsize=FONT, rotation=0)
        ax.yaxis.set_label_coords(-0.16, 0.5)
    ax.tick_params(labelsize=FONT - 1)
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_locator(MaxNLocator(nbins=TICKS))


def _nice_limits(values, margin=0.08):
    """Limits around `values` with a margin, rounded out to tick values, so a
    small change of the values keeps the same limits."""
    lo, hi = float(np.min(values)), float(np.max(values))
    pad = margin * (hi - lo)
    ticks = MaxNLocator(nbins=TICKS).tick_values(lo - pad, hi + pad)
    return float(ticks[0]), float(ticks[-1])


def _decades(*losses):
    """Log-axis limits: whole powers of ten around every loss."""
    values = np.concatenate(losses)
    exponents = np.log10(values[np.isfinite(values) & (values > 0)])
    return 10.0 ** np.floor(exponents.min()), 10.0 ** np.ceil(exponents.max() + 1e-9)


def _doubling_view(trajectory):
    """(w, b) limits: the box around start, truth and optimum, doubled about
    its centre until it holds the whole path. Learning rates that stay near
    the optimum share one view; an overshooting path zooms out in steps."""
    s = trajectory.settings
    limits = []
    for path, truth, optimum in ((trajectory.w, s.true_w, trajectory.optimum[0]),
                                 (trajectory.b, s.true_b, trajectory.optimum[1])):
        anchors = (path[0], truth, optimum)
        centre = (min(anchors) + max(anchors)) / 2
        half = (max(anchors) - min(anchors)) / 2 + 0.5
        reach = np.max(np.abs(path - centre))
        doublings = int(np.ceil(np.log2(max(reach / half, 1.0))))
        limits.append(_nice_limits([centre - half * 2**doublings,
                                    centre + half * 2**doublings], margin=0))
    return limits


@contextlib.contextmanager
def _hidden(artists):
    """Leave `artists` out of a draw without marking them 'animated', so a
    plain `figure.savefig` still shows everything."""
    for artist in artists:
        artist.set_visible(False)
    try:
        yield
    finally:
        for artist in artists:
            artist.set_visible(True)


def _encode_png(rgba) -> bytes:
    image = Image.frombuffer("RGBA", (rgba.shape[1], rgba.shape[0]), rgba,
                             "raw", "RGBA", 0, 1)
    palette = image.convert("RGB").quantize(PNG_COLOURS,
                                            method=Image.Quantize.FASTOCTREE)
    out = io.BytesIO()
    palette.save(out, format="png", compress_level=6)
    return out.getvalue()


def step_caption(trajectory, i):
    """One line of text for frame i, shown under the figure by the players
    as HTML (which costs nothing to update, unlike text in the figure)."""
    s = trajectory.settings
    return (f"{s.optimizer}, learning rate {s.learning_rate:.3g}, batches of "
            f"{s.batch_size} from {s.num_examples} examples. Step {i} of "
            f"{s.steps}: w = {trajectory.w[i]:.3f}, b = {trajectory.b[i]:.3f}, "
            f"full-data loss {trajectory.full_loss[i]:.3g}")
