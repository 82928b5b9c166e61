"""Does a Chinese reader see a working book? Every page of the Chinese edition, in headless Chromium.

Each page loads without console errors or failed requests, its math is
typeset, a chapter shows its plots, its Chinese text is drawn with a CJK font
(not boxes), and the language switch in the top bar leads to the same page of
the English edition and back (followed on one page of each kind).
"""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from browser import serve
from system_packages import ensure
from book import HTML, ensure_book
from test_browser_book import browser, opened, pages, switch_link, visit  # noqa: F401  (fixtures)
from test_i18n_catalogues import declared_translated

pytestmark = [pytest.mark.browser, pytest.mark.slow]

EDITION = "zh_CN"
# Debian's CJK fonts; without them Chromium draws Chinese as empty boxes.
CJK_FONT_FILE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CJK = "[\u3400-\u4dbf\u4e00-\u9fff]"


@pytest.fixture(scope="module")
def book():
    """Both editions built (the build is cached), served from the English root."""
    ensure(CJK_FONT_FILE, "fonts-noto-cjk")
    ensure_book()
    with serve(HTML) as url:
        yield url


def fonts_drawing(page, selector: str) -> list[dict]:
    """The fonts Chromium actually used to draw the text of the first element matching `selector`."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert node, f"no element {selector!r}"
        return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        cdp.detach()


# index.html is not a page but a bare redirect to the root page (sphinx-external-toc):
# it is checked by test_the_chinese_index_redirects_inside_the_edition.
PAGES = [n for n in pages() if n != "index.html"]


def test_the_chinese_index_redirects_inside_the_edition(book, browser):
    page = browser.new_page()
    try:
        page.goto(f"{book}/{EDITION}/index.html")
        page.wait_for_url(f"{book}/{EDITION}/book/intro.html", timeout=60000)
        assert page.get_attribute("html", "lang") == "zh-CN"
    finally:
        page.close()


@pytest.mark.parametrize("name", PAGES)
def test_chinese_page_loads_typeset_and_drawn_in_a_cjk_font(book, opened, name):
    page, problems = opened(f"{book}/{EDITION}/{name}", f"zh-{name}")
    assert not problems, "\n".join(problems)
    assert page.get_attribute("html", "lang") == "zh-CN"
    images = page.eval_on_selector_all(
        "img", "els => els.filter(e => !(e.complete && e.naturalWidth > 0)).map(e => e.src)")
    assert not images, f"broken images: {images}"
    for href in page.eval_on_selector_all("article a[href]", "els => els.map(e => e.href)"):
        target = urlparse(href)
        if target.netloc == urlparse(book).netloc and not target.path.startswith("/_"):
            assert target.path.startswith(f"/{EDITION}/"), f"a link leaves the Chinese edition: {href}"
    if page.locator(".math").count():
        page.wait_for_selector("mjx-container", state="attached", timeout=30000)
        assert page.locator("mjx-container").count() >= 1, "math was not typeset by MathJax"
    # The language switch leads to the same page of the English edition.
    assert switch_link(page).evaluate("a => a.href") == f"{book}/{name}"
    # The navigation's captions (from _toc.yml) are Chinese too.
    page.wait_for_selector(".bd-sidebar-primary .caption-text", state="attached", timeout=30000)
    captions = page.locator(".bd-sidebar-primary .caption-text").all_inner_texts()
    assert captions and all(page.evaluate(f"t => /{CJK}/.test(t)", c) for c in captions), \
        f"navigation captions not in Chinese: {captions}"
    # Chinese text is drawn with a CJK font, not boxes: the switch's 中文 on
    # every page, and the title of every page declared translated.
    drawn = ["nav.language-switch [aria-current=page]"]
    if name.removesuffix(".html") in declared_translated():
        heading = page.locator("article h1").first.inner_text()
        assert page.evaluate(f"t => /{CJK}/.test(t)", heading), f"the title is not Chinese: {heading!r}"
        drawn.append("article h1")
    for selector in drawn:
        fonts = fonts_drawing(page, selector)
        assert any("CJK" in f["familyName"] and f["glyphCount"] > 0 for f in fonts), \
            f"the Chinese text of {selector!r} is not drawn with a CJK font: {fonts}"


@pytest.mark.parametrize("name", [n for n in pages() if n.startswith("book/0")])
def test_chinese_chapter_shows_its_plots(book, opened, name):
    page, problems = opened(f"{book}/{EDITION}/{name}", f"zh-{name}")
    assert not problems, "\n".join(problems)
    assert page.locator(".cell_output img").count() > 0, "no plot on the page"
    widths = page.eval_on_selector_all(".cell_output img", "els => els.map(e => e.naturalWidth)")
    assert all(w > 0 for w in widths), f"a plot did not load: {widths}"


# Followed in the browser (by keyboard, then by a click) on one page of each kind: the
# book's root page, a chapter, an exercise page one folder deeper. Every page's links
# are checked by the page tests (here for Chinese to English, in test_browser_book for
# English to Chinese); tests/test_language_switch.py computes them.
FOLLOWED = ["book/intro.html", "book/01_tensors.html", "exercises/ex1_tensors/ex1_tensors.html"]


@pytest.mark.parametrize("name", FOLLOWED)
def test_language_switch_goes_to_the_same_page_and_back(book, browser, name):
    page, problems = visit(browser, f"{book}/{name}", f"switch-{name}")
    try:
        assert page.locator(".language-switch [aria-current=page]").inner_text() == "English"
        link = switch_link(page)
        assert link.inner_text() == "中文"
        # A reader on the keyboard: focus the link and press Enter.
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(f"{book}/{EDITION}/{name}", timeout=60000)  # the same Chinese page
        assert page.get_attribute("html", "lang") == "zh-CN"
        assert page.locator(".language-switch [aria-current=page]").inner_text() == "中文"
        back = switch_link(page)
        assert back.inner_text() == "English"
        back.click()
        page.wait_for_url(f"{book}/{name}", timeout=60000)  # the same English page
        assert page.get_attribute("html", "lang") == "en"
        assert not problems, "\n".join(problems)
    finally:
        page.close()


def test_search_finds_chinese_words(book, browser):
    page, problems = visit(browser, f"{book}/{EDITION}/search.html?q=张量", "zh-search")
    try:
        page.wait_for_selector("#search-results li", timeout=60000)
        results = page.locator("#search-results li a").all_inner_texts()
        assert results, "searching 张量 found no page"
        assert not problems, "\n".join(problems)
    finally:
        page.close()
