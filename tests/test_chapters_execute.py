"""Does every chapter notebook run top to bottom with a real kernel?"""
import pytest

from notebooks import ROOT, chapters, errors, execute

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("path", chapters(), ids=lambda p: p.name)
def test_chapter_executes(path):
    nb = execute(path)
    failed = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and errors(c)]
    assert not failed, f"{path.relative_to(ROOT)}: cells {failed} raised"
