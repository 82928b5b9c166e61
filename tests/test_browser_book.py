"""Does a reader see a working book? Every built page, visited in headless Chromium."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from filelock import FileLock

from browser import chromium, screenshot, serve
from notebooks import ROOT, chapters

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HTML = ROOT / "_build" / "html"


@pytest.fixture(scope="module")
def book():
    """The built book (built here if missing; the build is cached), served on localhost."""
    # Built as `make book` does without a JupyterHub URL (a build with one is rebuilt).
    index = HTML / "index.html"
    built_for_a_hub = index.is_file() and any(
        "/hub/user-redirect/" in p.read_text(encoding="utf-8") for p in HTML.glob("book/*.html"))
    build_book({"JUPYTERHUB_URL": ""}, force=built_for_a_hub)
    with serve(HTML) as url:
        yield url


def build_book(env_overrides: dict | None = None, force: bool = False) -> None:
    """Build the book into _build/html if it is missing or older than its sources.

    One build at a time: parallel test workers (or two test runs) wait for the
    one that builds, then find the book up to date."""
    (ROOT / "_build").mkdir(exist_ok=True)
    with FileLock(ROOT / "_build" / ".build.lock"):
        editions = [HTML / "index.html", HTML / "zh_CN" / "index.html"]
        if force or not all(p.is_file() for p in editions) or _sources_newer_than_build():
            # Build as `make book` does: inline plots (no MPLBACKEND), and no
            # PYTEST_CURRENT_TEST, without which ipykernel would not forward C-level
            # stderr into cells and the pages could hide what a reader would see.
            env = {k: v for k, v in os.environ.items()
                   if k not in ("MPLBACKEND", "PYTEST_CURRENT_TEST")}
            env.update(env_overrides or {})
            # Both editions, as `make book` builds them (English, then Chinese from the cache).
            subprocess.run([sys.executable, str(ROOT / "scripts" / "build_book.py")], cwd=ROOT,
                           check=True, env=env)


def _sources_newer_than_build() -> bool:
    built = min((HTML / "index.html").stat().st_mtime, (HTML / "zh_CN" / "index.html").stat().st_mtime)
    sources = [ROOT / "_toc.yml", ROOT / "_config.yml", *ROOT.glob("book/*"), *ROOT.glob("book/_ext/*.py"),
               *ROOT.glob("book/_ext/*/*"), *ROOT.glob("exercises/*/*.ipynb"), ROOT / "scripts" / "build_book.py",
               *ROOT.glob("locales/*/LC_MESSAGES/**/*.po")]
    return any(p.stat().st_mtime > built for p in sources if p.is_file())


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


def test_the_book_has_every_chapter_and_exercise(book):
    built = {p.relative_to(HTML).as_posix() for p in HTML.rglob("*.html")}
    assert set(pages()) <= built
    for notebook in chapters():
        assert page_of(notebook) in built
    for exercise in (ROOT / "exercises").glob("*/*.ipynb"):
        assert page_of(exercise) in built


@pytest.mark.parametrize("name", pages())
def test_page_loads_cleanly_with_working_links_and_images(book, browser, name):
    page, problems = visit(browser, f"{book}/{name}", name)
    try:
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
        math = page.locator(".math")
        if math.count():
            page.wait_for_selector("mjx-container", state="attached", timeout=30000)
            assert page.locator("mjx-container").count() >= 1, "math was not typeset by MathJax"
    finally:
        page.close()


@pytest.mark.parametrize("notebook", chapters(), ids=lambda p: p.stem)
def test_chapter_page_shows_outputs_and_buttons(book, browser, notebook):
    name = page_of(notebook)
    page, problems = visit(browser, f"{book}/{name}", f"chapter-{notebook.stem}")
    try:
        assert page.locator(".cell_output").count() > 0, "no executed outputs on the page"
        assert page.locator(".cell_output img").count() > 0, "no plot on the page"
        html = page.content()
        for launcher in ("mybinder.org", "colab.research.google.com"):
            assert launcher in html, f"launch button for {launcher} missing"
        assert "/hub/user-redirect/" not in html, "a JupyterHub button, though JUPYTERHUB_URL is unset"
        assert page.locator(".dropdown-download-buttons").count() > 0, "download buttons missing"
        assert page.locator("mjx-container").count() > 0 or page.locator(".math").count() == 0
    finally:
        page.close()
