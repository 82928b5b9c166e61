"""What the explorer's panels show besides the run itself: view limits and
the loss-surface picture.

Computed in Python, once per data set and view, so the browser only draws:
the limits are rounded to steps (tick values, powers of ten, doublings) so
that most slider moves keep the same view, and the loss surface under the
(w, b) path is a small colour-banded PNG the browser stretches over the
panel.
"""
from __future__ import annotations

import base64
import io

import numpy as np

TICKS = 4                 # at most this many intervals per axis
SURFACE_GRID = 96         # loss-surface samples per parameter axis
SURFACE_BANDS = 12        # colour bands, so the surface reads like a contour map


def nice_limits(values, margin=0.08):
    """Limits around `values` with a margin, rounded out to tick values, so a
    small change of the values keeps the same limits."""
    from matplotlib.ticker import MaxNLocator

    lo, hi = float(np.min(values)), float(np.max(values))
    pad = margin * (hi - lo)
    ticks = MaxNLocator(nbins=TICKS).tick_values(lo - pad, hi + pad)
    return float(ticks[0]), float(ticks[-1])


def loss_decades(trajectory):
    """Log-axis limits of the loss panel, as whole powers of ten (exponents)."""
    values = np.concatenate([trajectory.full_loss, trajectory.batch_loss])
    exponents = np.log10(values[np.isfinite(values) & (values > 0)])
    return int(np.floor(exponents.min())), int(np.ceil(exponents.max() + 1e-9))


def parameter_view(trajectory):
    """(w limits, b limits): the box around start, truth and optimum, doubled
    about its centre until it holds the whole path. Learning rates that stay
    near the optimum share one view; an overshooting path zooms out in steps."""
    s = trajectory.settings
    limits = []
    for path, truth, optimum in ((trajectory.w, s.true_w, trajectory.optimum[0]),
                                 (trajectory.b, s.true_b, trajectory.optimum[1])):
        anchors = (path[0], truth, optimum)
        centre = (min(anchors) + max(anchors)) / 2
        half = (max(anchors) - min(anchors)) / 2 + 0.5
        reach = np.max(np.abs(path - centre))
        doublings = int(np.ceil(np.log2(max(reach / half, 1.0))))
        limits.append(nice_limits([centre - half * 2**doublings,
                                   centre + half * 2**doublings], margin=0))
    return tuple(limits)


def surface_png(trajectory, w_limits, b_limits) -> bytes:
    """The full-data loss over the view as a palette PNG: log10 loss in
    SURFACE_BANDS viridis bands, first row at the lowest b."""
    from matplotlib import colormaps
    from PIL import Image

    w = np.linspace(*w_limits, SURFACE_GRID)
    b = np.linspace(*b_limits, SURFACE_GRID)[:, None]
    log_loss = np.log10(np.maximum(trajectory.loss_surface(w, b), 1e-300))
    lo, hi = log_loss.min(), log_loss.max()
    bands = np.clip(((log_loss - lo) / max(hi - lo, 1e-12) * SURFACE_BANDS).astype(int),
                    0, SURFACE_BANDS - 1)
    colours = colormaps["viridis"].resampled(SURFACE_BANDS)(np.arange(SURFACE_BANDS))
    image = Image.fromarray(bands[::-1].astype(np.uint8), mode="P")  # PNG rows go top down
    image.putpalette((colours[:, :3] * 255).round().astype(np.uint8).ravel().tolist())
    out = io.BytesIO()
    image.save(out, format="png", optimize=True)
    return out.getvalue()


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
