"""Does a reader see a working book? Every built page, visited in headless Chromium."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from browser import chromium, screenshot, serve
from book import HTML, ensure_book
from notebooks import ROOT, chapters

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def book():
    """The built book (built here if missing; the build is cached), served on localhost."""
    ensure_book()
    with serve(HTML) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def pages() -> list[str]:
    """Every page of the book (relative to _build/html), from the table of contents.

    Read from _toc.yml, not from the build, so the list is known before the
    book fixture builds it.
    """
    import yaml

    def files(entries):
        for entry in entries or []:
            if "file" in entry:
                yield entry["file"]
            yield from files(entry.get("sections"))
            yield from files(entry.get("chapters"))

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    names = ["index", toc["root"], *files(toc.get("parts")), *files(toc.get("chapters"))]
    return [f"{name}.html" for name in names]


def page_of(notebook: Path) -> str:
    return notebook.relative_to(ROOT).with_suffix(".html").as_posix()


def visit(browser, url: str, name: str):
    """Open `url`; return (page, problems) where problems lists console errors and failed loads."""
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    page.goto(url, wait_until="networkidle")
    screenshot(page, name.replace("/", "__").removesuffix(".html"))
    return page, problems


def switch_link(page):
    """The language switch's link to the page in the other edition."""
    return page.locator(".language-switch a.language-switch-link")


@pytest.fixture(scope="module")
def opened(browser):
    """`opened(url, name)`: visit() each URL once per module; the page stays open for
    every test that reads it (a chapter costs Chromium a few CPU-seconds to lay out and
    typeset), and closes when the module ends. For tests that only read the page."""
    seen: dict[str, tuple] = {}

    def open_once(url: str, name: str):
        if url not in seen:
            seen[url] = visit(browser, url, name)
        return seen[url]

    yield open_once
    for page, _ in seen.values():
        page.close()


def test_the_book_has_every_chapter_and_exercise(book):
    built = {p.relative_to(HTML).as_posix() for p in HTML.rglob("*.html")}
    assert set(pages()) <= built
    for notebook in chapters():
        assert page_of(notebook) in built
    for exercise in (ROOT / "exercises").glob("*/*.ipynb"):
        assert page_of(exercise) in built


@pytest.mark.parametrize("name", pages())
def test_page_loads_cleanly_with_working_links_and_images(book, opened, name):
    page, problems = opened(f"{book}/{name}", name)
    assert not problems, "\n".join(problems)
    images = page.eval_on_selector_all(
        "img", "els => els.filter(e => !(e.complete && e.naturalWidth > 0)).map(e => e.src)")
    assert not images, f"broken images: {images}"
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    for href in hrefs:
        target = urlparse(href)
        if target.netloc != urlparse(book).netloc:
            continue
        path = HTML / target.path.lstrip("/")
        if target.path.endswith("/"):
            path = path / "index.html"
        assert path.exists(), f"broken internal link on {name}: {href}"
    if name != "index.html":  # a bare redirect to the root page
        switch = switch_link(page).evaluate("a => a.href")
        assert switch == f"{book}/zh_CN/{name}", f"the language switch leads elsewhere: {switch}"
    math = page.locator(".math")
    if math.count():
        page.wait_for_selector("mjx-container", state="attached", timeout=30000)
        assert page.locator("mjx-container").count() >= 1, "math was not typeset by MathJax"


@pytest.mark.parametrize("notebook", chapters(), ids=lambda p: p.stem)
def test_chapter_page_shows_outputs_and_buttons(book, opened, notebook):
    name = page_of(notebook)
    page, _ = opened(f"{book}/{name}", name)
    assert page.locator(".cell_output").count() > 0, "no executed outputs on the page"
    assert page.locator(".cell_output img").count() > 0, "no plot on the page"
    html = page.content()
    for launcher in ("mybinder.org", "colab.research.google.com"):
        assert launcher in html, f"launch button for {launcher} missing"
    assert "/hub/user-redirect/" not in html, "a JupyterHub button, though JUPYTERHUB_URL is unset"
    assert page.locator(".dropdown-download-buttons").count() > 0, "download buttons missing"
    assert page.locator("mjx-container").count() > 0 or page.locator(".math").count() == 0
