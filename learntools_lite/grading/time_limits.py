"""Time limits per assignment, declared in the course's nbgrader_config.py.

One cell timeout for the whole course is either too long for exercise 1
(NumPy cells that take milliseconds: a looping student would hold a worker
for minutes) or too short for exercise 5 (a CNN that trains for a minute).
So each assignment gets its own, next to nbgrader's own settings:

    c.GradingTimes.cell_timeout = {"ex1_tensors": 30, "ex5_cnn": 300}
    c.GradingTimes.submission_timeout = {"ex1_tensors": 300, "ex5_cnn": 1200}

An assignment not listed falls back to `c.Execute.timeout` (nbgrader's cell
timeout) and to `default_submission_timeout`. A command-line option
(`--cell-timeout`, `--time-limit`) overrides both for one run. `release`
grades the solutions with the same limits, so a limit too tight for the
solution is found before students submit.
"""
from __future__ import annotations

from pathlib import Path

from traitlets import Dict, Int, Unicode
from traitlets.config import Configurable

from .course import load_config


class GradingTimes(Configurable):
    """Per-assignment cell and submission time limits for autograde and release."""

    cell_timeout = Dict(key_trait=Unicode(), value_trait=Int(), default_value={},
                        help="Seconds a cell may run, per assignment name.").tag(config=True)
    submission_timeout = Dict(key_trait=Unicode(), value_trait=Int(), default_value={},
                              help="Wall-clock seconds a whole submission may take, per assignment.").tag(
                                  config=True)
    default_submission_timeout = Int(1800, help="Seconds per submission for assignments not listed.").tag(
        config=True)


def times_for(root: Path, assignment: str, cell_timeout: int | None = None,
              submission_timeout: float | None = None) -> tuple[int, float]:
    """(cell timeout, submission timeout) in seconds for `assignment`; given values win."""
    cfg = load_config(root)
    times = GradingTimes(config=cfg)
    cell = cell_timeout or times.cell_timeout.get(assignment) or int(cfg.Execute.get("timeout", 30))
    whole = submission_timeout or times.submission_timeout.get(assignment) or times.default_submission_timeout
    return cell, float(whole)
