"""Starter code for find-the-bug questions: what a released answer cell shows.

nbgrader replaces every `### BEGIN SOLUTION` ... `### END SOLUTION` region
with one stub (`____`). A find-the-bug question needs the released cell to
show the *buggy* code instead, so the learner can find and fix it. Such an
answer cell carries its starter text in its metadata:

    "metadata": {"learntools": {"starter": "db = output_error[0]"}, "nbgrader": {...}}

and this preprocessor (it takes ClearSolutions' place in
`c.GenerateAssignment.preprocessors`, nbgrader_config.py) puts that text,
indented like the region, where the solution was. Every other cell is
cleared exactly as ClearSolutions does. The starter metadata is removed from
the released cell: the student notebook holds the buggy code once, in the cell.
"""
from __future__ import annotations

from nbgrader.preprocessors import ClearSolutions


def starter_of(cell) -> str | None:
    """The starter text of a find-the-bug answer cell, or None."""
    meta = cell.get("metadata", {}).get("learntools", {})
    starter = meta.get("starter") if isinstance(meta, dict) else None
    return starter if isinstance(starter, str) and cell.get("cell_type") == "code" else None


class ClearSolutionsKeepStarter(ClearSolutions):
    """ClearSolutions, except that a cell's `learntools.starter` replaces its solution region."""

    def preprocess_cell(self, cell, resources, cell_index):
        starter = starter_of(cell)
        if starter is None:
            return super().preprocess_cell(cell, resources, cell_index)
        saved = self.code_stub
        self.code_stub = {**saved, resources["language"]: starter}
        try:
            cell, resources = super().preprocess_cell(cell, resources, cell_index)
        finally:
            self.code_stub = saved
        cell.metadata.pop("learntools", None)
        return cell, resources
