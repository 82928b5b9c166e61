"""Are committed notebooks free of outputs (the build and the tests execute them)?"""
import json

import pytest

from notebooks import ROOT

NOTEBOOKS = sorted(p for folder in ("book", "solutions", "exercises")
                   for p in (ROOT / folder).rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def test_there_are_notebooks():
    assert any(p.parts[-3] == "solutions" for p in NOTEBOOKS)
    assert any(p.parent.name == "book" for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"cell {i} of {path.name} has outputs"
            assert cell.get("execution_count") is None, f"cell {i} of {path.name} has an execution count"
