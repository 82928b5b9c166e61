"""Show feedback: a coloured label in Jupyter, plain text anywhere else.

A Feedback object carries both renderings; IPython picks HTML in a notebook
(JupyterLab, the built book) and nbgrader's logs and terminals get the plain
text. Nothing here imports IPython unless a notebook kernel is running.
"""
from __future__ import annotations

import html
import re
import sys

from ..messages import text

# Each label is a badge: white text on a colour of its own, so its contrast does not
# depend on the page behind it (JupyterLab's light and dark themes, the book). Every
# colour gives white text at least 4.5:1 (WCAG AA); tests/test_browser_lab.py measures it.
BADGE_TEXT = "#ffffff"
COLOURS = {
    "correct": "#2e7d32",
    "incorrect": "#c62828",
    "blank": "#1565c0",
    "uncheckable": "#a84300",
    "hint": "#6a1b9a",
    "solution": "#00695c",
    "discussion": "#00695c",
}
OTHER_COLOUR = "#424242"
BADGE_STYLE = ("color:{text};background-color:{colour};font-weight:bold;"
               "padding:0 0.35em;border-radius:3px")


class Feedback:
    """One piece of feedback: a label ("Correct", "Hint" ...) and a body."""

    def __init__(self, kind: str, body: str = "", code: str | None = None,
                 label: str | None = None):
        self.kind = kind
        self.body = str(body) if body is not None else ""
        self.code = code
        self._label = label

    @property
    def label(self) -> str:
        return self._label or text(f"label.{self.kind}")

    def __str__(self) -> str:
        head = f"{self.label}: {self.body}" if self.body else self.label
        return head + (f"\n{self.code}" if self.code else "")

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        style = BADGE_STYLE.format(text=BADGE_TEXT, colour=COLOURS.get(self.kind, OTHER_COLOUR))
        parts = [
            f'<div class="learntools-feedback learntools-{self.kind}">'
            f'<span class="learntools-label" style="{style}">{html.escape(self.label)}</span>'
        ]
        if self.body:
            parts.append(": " + _inline_code(html.escape(self.body)))
        if self.code:
            parts.append(f"<pre><code>{html.escape(self.code)}</code></pre>")
        parts.append("</div>")
        return "".join(parts)


# **bold** outside code, as the catalogue's texts write emphasis (ASCII letters and digits
# around the stars mean arithmetic, `size**2`, not emphasis; CJK text around them is fine).
_BOLD = re.compile(r"(?<![A-Za-z0-9_*])\*\*(?=\S)(.+?)(?<=\S)\*\*(?![A-Za-z0-9_*])")


def _inline_code(escaped: str) -> str:
    """Turn `backticks` into <code> and **bold** (outside code) into <strong>, in
    already-escaped text."""
    out, inside = [], False
    for piece in escaped.split("`"):
        out.append(f"<code>{piece}</code>" if inside else _BOLD.sub(r"<strong>\1</strong>", piece))
        inside = not inside
    if not inside:  # odd number of backticks: leave the code as it was
        return _BOLD.sub(r"<strong>\1</strong>", escaped)
    return "".join(out)


def in_notebook() -> bool:
    """True when running inside a Jupyter kernel (not a terminal IPython)."""
    if "IPython" not in sys.modules or "ipykernel" not in sys.modules:
        return False
    try:
        from IPython import get_ipython

        shell = get_ipython()
        return shell is not None and getattr(shell, "kernel", None) is not None
    except Exception:
        return False


def show(feedback: Feedback) -> None:
    if in_notebook():
        from IPython.display import display

        display(feedback)
    else:
        print(str(feedback))
