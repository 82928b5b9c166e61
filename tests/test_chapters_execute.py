"""Does every chapter notebook run top to bottom with a real kernel?

The book build executes each chapter once, with a real kernel, into the
execution cache (and fails on any error: `allow_errors: false`). This test
reads those executed notebooks from the cache rather than running every
chapter a second time; a chapter whose current code was not executed by the
build (the cache has no match) fails here.
"""
import pytest

from book import ensure_book, executed
from notebooks import ROOT, chapters, errors

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built():
    ensure_book()


@pytest.mark.parametrize("path", chapters(), ids=lambda p: p.name)
def test_chapter_executes(path, built):
    try:
        nb = executed(path)
    except KeyError:
        pytest.fail(f"{path.relative_to(ROOT)}: the book build has no execution of its current code")
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.get("execution_count") for c in code), \
        f"{path.relative_to(ROOT)}: not every code cell was executed"
    failed = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and errors(c)]
    assert not failed, f"{path.relative_to(ROOT)}: cells {failed} raised"
