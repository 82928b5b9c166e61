"""Does the animate_sgd explorer work for a reader of the book and a learner in JupyterLab?

The same front end (learntools_lite/static/sgd_explorer.js) in both: in the
built book, with no kernel, every control redraws the figure from the
embedded grid; in JupyterLab, the widget's kernel computes settings off any
grid. Each test also measures how long the explorer takes from the input
event to the frame that shows its answer, and prints the median (no timing
assertion: the machine may be busy).
"""
from __future__ import annotations

import re
import statistics

import pytest

from browser import ARTIFACTS, chromium
from test_browser_book import HTML, book, pages, visit  # noqa: F401  (book is a fixture)
from test_browser_lab import NOTEBOOK, lab, open_notebook, run_all  # noqa: F401  (lab is a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Records, for each draw of an explorer, the time from the input event that
# caused it to the end of the draw (in its animation frame), and to the first
# task after that frame, i.e. after it was painted.
TIMING = """
window.sgdTimes = [];
new MutationObserver((records) => {
  for (const r of records) {
    const root = r.target;
    if (root.inputToDraw === undefined || root.inputToDraw === root.lastReported) continue;
    root.lastReported = root.inputToDraw;
    const drawn = root.inputToDraw, at = root.drawnAt;
    setTimeout(() => window.sgdTimes.push({drawn, painted: drawn + performance.now() - at}), 0);
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-drawn"]});
"""


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def explorer_pages():
    return [name for name in pages()
            if (HTML / name).is_file() and "sgd-explorer-host" in (HTML / name).read_text("utf-8")]


def picture(explorer):
    """The three panels' pixels, as data URLs (to see that the figure changed)."""
    return explorer.evaluate("e => [...e.querySelectorAll('canvas')].map(c => c.toDataURL())")


def drawn(explorer):
    return int(explorer.get_attribute("data-drawn"))


def wait_for_redraw(page, explorer, before, timeout=15000):
    page.wait_for_function("([e, n]) => Number(e.dataset.drawn) > n",
                           arg=[explorer.element_handle(), before], timeout=timeout)


def change_and_see(page, explorer, act, what):
    """Do `act`, wait for the redraw; assert the panels and caption changed."""
    pixels, caption, count = picture(explorer), explorer.locator(".sgd-caption").text_content(), drawn(explorer)
    act()
    wait_for_redraw(page, explorer, count)
    assert picture(explorer) != pixels, f"{what}: the figure did not change"
    assert explorer.locator(".sgd-caption").text_content() != caption, f"{what}: caption unchanged"


def report(label, times):
    drawn_ms = statistics.median(t["drawn"] for t in times)
    painted_ms = statistics.median(t["painted"] for t in times)
    print(f"\n{label}: {len(times)} inputs, median input -> frame drawn {drawn_ms:.1f} ms, "
          f"-> painted {painted_ms:.1f} ms")
    return drawn_ms, painted_ms


def check_readable(explorer, ratio):
    """Labels whole, sliders wide, canvases sharp at the device pixel ratio."""
    for label in explorer.locator("label").all():
        assert label.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), label.text_content()
    assert explorer.locator("label").first.text_content() == "learning rate"
    lr = explorer.locator("input[type=range]").first
    width = lr.evaluate("e => e.getBoundingClientRect().width")
    assert width >= 200, f"learning-rate slider only {width} px wide"
    for slider in explorer.locator("input[type=range]").all():
        assert slider.evaluate("e => e.getBoundingClientRect().width") >= 150
    for canvas in explorer.locator("canvas").all():
        size = canvas.evaluate("c => [c.width, c.clientWidth, c.height, c.clientHeight]")
        assert abs(size[0] - round(size[1] * ratio)) <= 1 and abs(size[2] - round(size[3] * ratio)) <= 1, size
    return width


def snapshot(explorer, name):
    """A picture of the explorer alone (a whole chapter at 2x is too large)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    explorer.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def luminance(css_colour):
    """0 (black) .. 1 (white) for an "rgb(r, g, b)" colour."""
    r, g, b = (float(v) / 255 for v in re.findall(r"[\d.]+", css_colour)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def corner_is_transparent(explorer):
    """No painted background: the page's (light or dark) shows through."""
    return explorer.locator("canvas").first.evaluate(
        "c => c.getContext('2d').getImageData(1, 1, 1, 1).data[3] === 0")


def test_book_explorer_has_working_sliders_without_a_kernel(book, browser):  # noqa: F811
    names = explorer_pages()
    assert names, "no page of the book embeds the animate_sgd explorer"
    page = browser.new_page(viewport={"width": 1024, "height": 900}, device_scale_factor=2)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.add_init_script(TIMING)
    try:
        page.goto(f"{book}/{names[0]}", wait_until="networkidle")
        hosts = page.locator(".sgd-explorer-host")
        page.wait_for_function(
            "() => [...document.querySelectorAll('.sgd-explorer-host')].every(h => h.dataset.ready)",
            timeout=30000)
        explorer = page.locator(".sgd-explorer").first
        explorer.scroll_into_view_if_needed()
        assert explorer.locator("output").first.text_content() == "0.05"
        width = check_readable(explorer, 2)
        decades = explorer.locator("input[type=range]").first.evaluate(
            "e => e.max")  # the slider's positions span 0.001 .. 2: 3.3 decades
        print(f"\n{hosts.count()} explorers; learning-rate slider {width:.0f} px, "
              f"{width / 3.3:.0f} px per decade over {int(decades) + 1} values")
        assert corner_is_transparent(explorer)
        text, background = explorer.evaluate(
            "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
        assert luminance(text) < 0.5 < luminance(background), (text, background)

        lr, bs, step = (explorer.locator("input[type=range]").nth(i) for i in range(3))
        change_and_see(page, explorer, lambda: (lr.focus(), page.keyboard.press("ArrowRight")),
                       "learning rate")
        change_and_see(page, explorer, lambda: (bs.focus(), page.keyboard.press("ArrowLeft")),
                       "batch size")
        change_and_see(page, explorer,
                       lambda: explorer.locator("select").select_option("adam"), "optimizer")
        change_and_see(page, explorer, lambda: (step.focus(), page.keyboard.press("Home")), "step")
        assert explorer.get_attribute("data-step") == "0"
        count = drawn(explorer)
        explorer.locator("button").click()           # Play from step 0
        page.wait_for_function("([e, n]) => Number(e.dataset.drawn) > n + 3",
                               arg=[explorer.element_handle(), count], timeout=15000)
        assert int(explorer.get_attribute("data-step")) > 0, "Play did not advance"
        explorer.locator("button").click()           # pause

        # lr 0.5 with batches of 1 blows up, and says so
        explorer.locator("select").select_option("sgd")
        lr.fill(str(explorer.evaluate(
            "e => JSON.parse(document.getElementById(e.parentElement.id + '-data')"
            ".textContent).learning_rates.indexOf(0.5)")))
        bs.focus()
        page.keyboard.press("Home")
        page.wait_for_function("e => e.textContent.includes('learning rate 0.5, batches of 1 ')",
                               arg=explorer.locator(".sgd-caption").element_handle(), timeout=10000)
        assert "diverged at step" in explorer.locator(".sgd-message").text_content()
        snapshot(explorer, "explorer-book-light")

        # Timing: sweep the learning-rate slider back and forth.
        page.evaluate("() => { window.sgdTimes = []; }")
        lr.focus()
        for key in ["ArrowLeft"] * 15 + ["ArrowRight"] * 15:
            count = drawn(explorer)
            page.keyboard.press(key)
            wait_for_redraw(page, explorer, count)
        page.wait_for_timeout(200)
        times = page.evaluate("() => window.sgdTimes")
        assert len(times) >= 25
        report("book explorer, learning-rate slider (target < 16 ms)", times)

        # Dark theme: the page's background shows through, text turns light.
        page.evaluate("() => { document.documentElement.dataset.theme = 'dark'; }")
        page.wait_for_timeout(300)
        text, background = explorer.evaluate(
            "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
        assert luminance(text) > 0.5 > luminance(background), (text, background)
        assert corner_is_transparent(explorer)
        snapshot(explorer, "explorer-book-dark")
        assert not problems, "\n".join(problems)
    finally:
        page.close()


def test_lab_explorer_computes_settings_off_the_grid(browser, lab):  # noqa: F811
    page = open_notebook(browser, lab, "explore_sgd.ipynb")
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.evaluate(TIMING)
    try:
        run_all(page)
        explorer = page.locator(f"{NOTEBOOK} .sgd-explorer").first
        explorer.wait_for(timeout=60000)
        page.wait_for_function("e => Number(e.dataset.drawn) > 0",
                               arg=explorer.element_handle(), timeout=60000)
        explorer.scroll_into_view_if_needed()
        check_readable(explorer, 1)
        caption = explorer.locator(".sgd-caption")
        typed = explorer.locator("input[type=number]").first

        def type_value(text):
            count = drawn(explorer)
            typed.fill(text)
            typed.press("Enter")
            wait_for_redraw(page, explorer, count, timeout=30000)

        type_value("1.2")                                   # exactly as typed
        assert "learning rate 1.2," in caption.text_content()
        assert typed.input_value() == "1.2"
        assert "diverged at step" in explorer.locator(".sgd-message").text_content()
        type_value("0.05")
        assert "learning rate 0.05," in caption.text_content()
        change_and_see(page, explorer, lambda: explorer.locator("select").select_option("momentum"),
                       "optimizer (kernel)")

        page.evaluate("() => { window.sgdTimes = []; }")
        for k in range(12):                                 # values on no grid
            type_value(f"0.0{k + 11}3")
            assert f"learning rate 0.0{k + 11}3," in caption.text_content()
        page.wait_for_timeout(200)
        report("JupyterLab explorer, typed off-grid learning rate (target < 50 ms)",
               page.evaluate("() => window.sgdTimes"))

        page.evaluate("() => { window.sgdTimes = []; }")
        lr = explorer.locator("input[type=range]").first
        lr.focus()
        for key in ["ArrowLeft"] * 10:
            count = drawn(explorer)
            page.keyboard.press(key)
            wait_for_redraw(page, explorer, count, timeout=30000)
        page.wait_for_timeout(200)
        report("JupyterLab explorer, learning-rate slider through the kernel",
               page.evaluate("() => window.sgdTimes"))
        snapshot(explorer, "explorer-lab")
        assert not problems, "\n".join(problems)
    finally:
        page.close()
