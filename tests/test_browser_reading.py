"""Can a reader read every page comfortably, at the book's desktop width?

Three things a reader notices at once and a build does not: a stderr block
(a log line or warning shown as output), a figure the page shrinks below 80%
of its natural width (its fonts shrink with it), and a code cell wider than
the column (it scrolls sideways). Each page of the table of contents is
opened in headless Chromium at a desktop viewport; every offending element
is listed with where it is. The layout measured (the width of the content
column and of a cell's output area) is written to
test-artifacts/browser/layout.json: a figure up to that output width, at
100 dpi, displays unshrunk.
"""
from __future__ import annotations

import json

import pytest

from browser import ARTIFACTS
from test_browser_book import book, browser, pages  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DESKTOP = {"width": 1440, "height": 900}
MIN_SCALE = 0.8

# myst-nb renders a cell's stderr stream as <div class="output stderr">
STDERR = "div.cell_output .output.stderr, div.cell_output .stderr"

MEASURE = """() => {
  const where = el => {
    const cell = el.closest('.cell');
    let h = el.closest('section');
    const heading = h ? (h.querySelector('h1, h2, h3') || {}).textContent : '';
    const all = Array.from(document.querySelectorAll('div.cell'));
    return `cell ${all.indexOf(cell)} under "${(heading || '').replace('#', '').trim()}"`;
  };
  const shrunk = Array.from(document.querySelectorAll('article img'))
    .filter(img => img.naturalWidth > 0 && img.getBoundingClientRect().width > 0)
    .map(img => ({where: where(img), natural: img.naturalWidth,
                  shown: Math.round(img.getBoundingClientRect().width)}))
    .filter(i => i.shown < 0.8 * i.natural);
  const wide = Array.from(document.querySelectorAll('div.cell_input pre'))
    .filter(pre => pre.scrollWidth > pre.clientWidth + 1)
    .map(pre => ({where: where(pre), scroll: pre.scrollWidth, client: pre.clientWidth,
                  line: pre.textContent.split('\\n')
                    .reduce((a, b) => (b.length > a.length ? b : a), '')}));
  const stderr = Array.from(document.querySelectorAll(arguments_stderr))
    .map(el => ({where: where(el), text: el.textContent.slice(0, 300)}));
  const article = document.querySelector('article.bd-article') ||
                  document.querySelector('article');
  const output = document.querySelector('div.cell_output');
  return {shrunk, wide, stderr,
          column: article ? article.clientWidth : null,
          output: output ? output.clientWidth : null};
}"""


def measure(page) -> dict:
    return page.evaluate(MEASURE.replace("arguments_stderr", json.dumps(STDERR)))


@pytest.fixture(scope="module")
def layout(book, browser):  # noqa: F811  (pytest fixtures)
    """What each page shows, measured once per page at the desktop width."""
    results = {}
    context = browser.new_context(viewport=DESKTOP)
    try:
        context.set_default_timeout(120_000)  # a loaded CI machine renders slowly
        for name in pages():
            page = context.new_page()
            page.goto(f"{book}/{name}", wait_until="load")
            page.wait_for_function(
                "Array.from(document.images).every(i => i.complete)")
            results[name] = measure(page)
            page.close()
    finally:
        context.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    summary = {name: {"column_px": r["column"], "output_px": r["output"]}
               for name, r in results.items()}
    (ARTIFACTS / "layout.json").write_text(json.dumps(summary, indent=2))
    return results


def _report(items, fmt) -> str:
    return "\n".join(fmt(i) for i in items)


@pytest.mark.parametrize("name", pages())
def test_no_stderr_block_on_the_page(layout, name):
    found = layout[name]["stderr"]
    assert not found, f"{name}: stderr output shown to readers:\n" + _report(
        found, lambda i: f"  {i['where']}: {i['text']!r}")


@pytest.mark.parametrize("name", pages())
def test_no_figure_is_shrunk_below_80_percent(layout, name):
    found = layout[name]["shrunk"]
    assert not found, f"{name}: figures shrunk below {MIN_SCALE:.0%}:\n" + _report(
        found, lambda i: f"  {i['where']}: {i['natural']} px shown at {i['shown']} px "
                         f"({i['shown'] / i['natural']:.0%})")


@pytest.mark.parametrize("name", pages())
def test_no_code_cell_is_wider_than_the_column(layout, name):
    found = layout[name]["wide"]
    assert not found, f"{name}: code cells that scroll sideways:\n" + _report(
        found, lambda i: f"  {i['where']}: {i['scroll']} px in {i['client']} px; "
                         f"longest line {len(i['line'])} chars: {i['line']!r}")


def test_a_figure_of_6_5_inches_fits_a_chapter_output(layout):
    """The chapters size figures up to 6.5 in at 100 dpi: does the column hold 650 px?"""
    widths = {name: r["output"] for name, r in layout.items()
              if name.startswith("book/0") and r["output"]}
    assert widths, "no chapter page with outputs"
    assert min(widths.values()) >= 650, f"output area narrower than 650 px: {widths}"


@pytest.mark.parametrize("name", [p for p in pages() if p.startswith("exercises/")])
def test_exercise_page_shows_checks_not_the_autograder(book, browser, name):  # noqa: F811
    """Does the built page show the check calls and a check's feedback, and no test cells?"""
    page = browser.new_page()
    try:
        page.goto(f"{book}/{name}", wait_until="load")
        code = "\n".join(page.locator("div.cell_input pre").all_text_contents())
        assert ".check()" in code and "____" in code
        assert "learntools_lite.testcell" not in code, f"{name} shows autograder test cells"
        feedback = page.locator("div.cell_output .learntools-feedback")
        assert feedback.count() >= 1 and "Fill in" in feedback.first.text_content()
    finally:
        page.close()
