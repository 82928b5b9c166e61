"""Does a learner see working checks and widgets in JupyterLab?

A real `jupyter lab` server on localhost (token, temporary settings and a
temporary copy of the exercises), driven in headless Chromium: run all cells
of exercise 1, see the "Fill in" labels, type a correct answer, see
"Correct"; a wrong first answer leaves a later question Correct; an
unanswered thought question keeps its discussion back; a hint that does not
exist says so; find nbgrader's JupyterLab extension and read its Validate
dialog (one short line per failed question); every feedback label keeps
WCAG AA contrast in the light and the dark theme; no exercise opens as
modified; TensorFlow's start-up log shows in no cell of exercise 3. (The
animate_sgd explorer in JupyterLab is tested in test_browser_explorer.py, on
this server.)
"""
from __future__ import annotations

import shutil

import nbformat
import pytest

from browser import chromium, jupyter_lab, screenshot
from notebooks import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"
KINDS = ["correct", "incorrect", "blank", "uncheckable", "hint", "solution", "discussion"]
# One cell that shows a feedback label of every kind, the way check(), hint() and solution() do.
LABELS_CELL = ("from IPython.display import display\n"
               "from learntools_lite.core.display import Feedback\n"
               f"for kind in {KINDS!r}:\n"
               "    display(Feedback(kind, 'the text after the label, with `code`'))")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a copy of exercises/ plus a live animate_sgd notebook."""
    home = tmp_path_factory.mktemp("lab")
    work = home / "work"
    shutil.copytree(ROOT / "exercises", work)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "from learntools_lite import animate_sgd\nanimate_sgd(steps=30, live=True)")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, work / "explore_sgd.ipynb")
    labels = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(LABELS_CELL)])
    labels.metadata["kernelspec"] = nb.metadata["kernelspec"]
    nbformat.write(labels, work / "labels.ipynb")
    with jupyter_lab(home, work) as (url, token, _):
        yield url, token, work


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def open_notebook(browser, lab, path, reset=False):
    """A page with `path` open and its kernel idle; `reset`: in a fresh workspace (no other tabs)."""
    url, token, _ = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{url}/lab/tree/{path}?token={token}" + ("&reset" if reset else ""))
    page.wait_for_selector(NOTEBOOK, timeout=90000)
    # The notebook in front: a workspace may restore other tabs, whose indicators are hidden.
    page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator[data-status=idle]",
                           timeout=90000)
    # The kernel must be connected, not just started, before Run All (else nothing runs).
    page.wait_for_function(
        "() => document.querySelector('#jp-main-statusbar').textContent.includes('Idle')",
        timeout=90000)
    page.wait_for_timeout(3000)
    return page


def run_all(page, timeout=180):
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll(
              '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')];
            return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""", timeout=timeout * 1000)


def cell_with(page, text):
    """The code cell whose source contains `text`."""
    return page.locator(f"{NOTEBOOK} .jp-CodeCell").filter(
        has=page.locator(".cm-content", has_text=text)).first


def run_cell(page, cell):
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+Enter")


def test_exercise_checks_render_and_a_correct_answer_says_correct(browser, lab):
    page = open_notebook(browser, lab, "ex1_tensors/ex1_tensors.ipynb")
    try:
        run_all(page)
        blanks = page.locator(f"{NOTEBOOK} .learntools-blank")
        assert blanks.count() >= 6, "the checks should ask to fill in the blanks"
        blanks.first.scroll_into_view_if_needed()
        label = blanks.first.locator("span").first
        assert "Fill in" in label.text_content()
        assert label.evaluate("e => getComputedStyle(e).color") != "rgb(0, 0, 0)", "label is not coloured"
        screenshot(page, "lab-ex1-blanks")

        answer = cell_with(page, "series_shape = (")
        answer.locator(".cm-content").click()
        page.keyboard.press("Control+A")
        page.keyboard.insert_text("series_shape = (250, 390, 3)")
        page.keyboard.press("Control+Enter")
        check = cell_with(page, "q_2.check()")
        run_cell(page, check)
        check.locator(".learntools-correct").wait_for(timeout=60000)
        assert "Correct" in check.locator(".jp-OutputArea-output").text_content()
        screenshot(page, "lab-ex1-correct")
    finally:
        page.close()


def test_nbgrader_extension_is_loaded_with_the_learners_tools(browser, lab):
    page = open_notebook(browser, lab, "ex1_tensors/ex1_tensors.ipynb")
    try:
        menubar = page.locator("#jp-MainMenu")
        assert menubar.get_by_text("Nbgrader", exact=True).count() == 1, "no Nbgrader menu"
        menubar.get_by_text("Nbgrader", exact=True).click()
        items = page.get_by_role("menuitem")
        names = " | ".join(items.all_inner_texts())
        assert "Assignment List" not in names and "Formgrader" not in names, names  # lab/: self-study
        page.keyboard.press("Escape")
        assert page.get_by_role("button", name="Validate").count() >= 1 or \
            page.locator(".jp-Toolbar").get_by_text("Validate").count() >= 1, "no Validate button"
    finally:
        page.close()


def set_cell(page, marker, source):
    """Replace the source of the code cell containing `marker` and run it."""
    cell = cell_with(page, marker)
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(source)
    page.keyboard.press("Control+Enter")
    return cell


def run_and_read(page, marker, timeout=60000):
    """Run the code cell containing `marker`; its output text once there is one."""
    cell = cell_with(page, marker)
    before = cell.locator(".jp-InputArea-prompt").text_content()
    run_cell(page, cell)
    cell.locator(".jp-OutputArea-output").first.wait_for(timeout=timeout)
    page.wait_for_function(
        "([el, before]) => { const p = el.querySelector('.jp-InputArea-prompt').textContent;"
        " return /\\[\\d+\\]/.test(p) && p !== before; }",
        arg=[cell.element_handle(), before], timeout=timeout)
    return cell.locator(".jp-OutputArea").text_content()


def test_answers_are_judged_one_by_one_and_thought_and_hints_behave(browser, lab):
    """Does an unscaled q_1 leave a later correct answer Correct? Does an unanswered thought
    question keep its discussion back, and a hint that does not exist say so?"""
    page = open_notebook(browser, lab, "ex1_tensors/ex1_tensors.ipynb")
    try:
        run_all(page)
        set_cell(page, "batch = (", "batch = train_images[:4]")                 # unscaled: wrong
        assert "Incorrect" in run_and_read(page, "q_1.check()")
        set_cell(page, "predicted_shape = (", "predicted_shape = (64, 20, 14)")
        assert "Correct" in run_and_read(page, "q_3.check()")
        set_cell(page, "def dense_forward(", "def dense_forward(X, W, b):\n"
                 "    return np.maximum(X @ W.T + b, 0)")
        assert run_and_read(page, "q_4.check()").strip().startswith("Correct")

        thought = run_and_read(page, "q_8.check()")                              # still ____
        assert "Fill in" in thought and "uncrumpling" not in thought, thought

        set_cell(page, "#q_1.hint()", "q_1.hint(9)")
        hint = cell_with(page, "q_1.hint(9)")  # the cell, found by its new text
        hint.locator(".jp-OutputArea-output").first.wait_for(timeout=60000)
        text = hint.locator(".jp-OutputArea").text_content()
        assert "There is no hint 9" in text, text
        assert "astype" not in text, "hint(9) repeats the last hint: " + text
        screenshot(page, "lab-ex1-independent-answers")
    finally:
        page.close()


def test_validate_dialog_lists_one_short_line_per_failed_question(browser, lab):
    """Does nbgrader's Validate dialog show each failed question as one plain line, no traceback?"""
    page = open_notebook(browser, lab, "ex1_tensors/ex1_tensors.ipynb")
    try:
        page.get_by_role("button", name="Validate").first.click()
        dialog = page.locator(".jp-Dialog")  # shown once nbgrader has run the whole notebook
        dialog.wait_for(timeout=400000)
        text = dialog.locator(".jp-Dialog-body").inner_text()
        screenshot(page, "lab-ex1-validate")
        for qid in ("q_1", "q_2", "q_3", "q_4", "q_5a", "q_5b", "q_6"):
            assert f"{qid}: Fill in: " in text, (qid, text)
        assert "q_7: Incorrect: " in text, text  # find the bug: released with the buggy code
        for noise in ("Traceback", "AssertionError", 'File "', "`", "\x1b["):
            assert noise not in text, (noise, text)
    finally:
        page.close()


def _contrast(rgb_a, rgb_b) -> float:
    """WCAG 2 contrast ratio of two sRGB colours given as (r, g, b) in 0..255."""
    def luminance(rgb):
        c = [v / 255 for v in rgb]
        c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    hi, lo = sorted([luminance(rgb_a), luminance(rgb_b)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


MEASURE_LABELS = """() => [...document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .learntools-feedback')].map(fb => {
  const label = fb.firstElementChild;
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 4).map(Number);
  let el = label, bg = null;
  while (el) {  // the first ancestor (or the label) with an opaque background
    const c = rgb(getComputedStyle(el).backgroundColor);
    if (c.length < 4 || c[3] > 0.99) { bg = c.slice(0, 3); break; }
    el = el.parentElement;
  }
  return {kind: fb.className, text: label.textContent,
          fg: rgb(getComputedStyle(label).color).slice(0, 3), bg: bg || [255, 255, 255]};
})"""


def _measured_labels(page):
    labels = page.evaluate(MEASURE_LABELS)
    assert len(labels) == len(KINDS), labels
    return {l["text"]: round(_contrast(l["fg"], l["bg"]), 2) for l in labels}


def test_feedback_labels_keep_aa_contrast_in_light_and_dark_theme(browser, lab):
    """Is every label (Correct ... Discussion) at least 4.5:1 against what is behind it, in both themes?"""
    page = open_notebook(browser, lab, "labels.ipynb")
    try:
        run_all(page)
        page.locator(f"{NOTEBOOK} .learntools-feedback").nth(len(KINDS) - 1).wait_for(timeout=60000)
        light = _measured_labels(page)
        assert page.evaluate("() => document.body.dataset.jpThemeLight") == "true"
        page.locator("#jp-MainMenu").get_by_text("Settings", exact=True).click()
        page.locator(".lm-Menu-itemLabel", has_text="Theme").first.hover()
        page.locator(".lm-Menu-itemLabel", has_text="JupyterLab Dark").first.click()
        page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'", timeout=60000)
        page.wait_for_timeout(1000)
        dark = _measured_labels(page)
        screenshot(page, "lab-labels-dark")
        low = {theme: {k: v for k, v in ratios.items() if v < 4.5}
               for theme, ratios in (("light", light), ("dark", dark))}
        assert low == {"light": {}, "dark": {}}, (light, dark)
    finally:
        page.close()


EXERCISES = sorted(p.parent.name for p in (ROOT / "exercises").glob("*/*.ipynb"))


@pytest.mark.parametrize("exercise", EXERCISES)
def test_an_untouched_exercise_does_not_open_as_modified(browser, lab, exercise):
    """Once the kernel is idle, is the opened exercise still unmodified (no dirty mark)?"""
    page = open_notebook(browser, lab, f"{exercise}/{exercise}.ipynb", reset=True)
    try:
        page.wait_for_timeout(2000)
        tabs = page.locator("#jp-main-dock-panel .lm-TabBar-tab")
        assert tabs.count() == 1, tabs.all_inner_texts()
        assert "jp-mod-dirty" not in tabs.first.get_attribute("class"), f"{exercise} opens as modified"
    finally:
        page.close()


def test_tensorflow_start_up_log_shows_in_no_cell(browser, lab):
    """Do exercise 3's set-up cells, which import Keras and TensorFlow, show no stderr block?"""
    page = open_notebook(browser, lab, "ex3_sgd/ex3_sgd.ipynb")
    try:
        out = run_and_read(page, "# Set up the checks and the data", timeout=180000)
        assert "Setup complete" in out, out
        page.wait_for_timeout(2000)  # the kernel forwards descriptor 2 from a thread
        stderr = page.locator(f"{NOTEBOOK} .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert stderr.count() == 0, stderr.all_inner_texts()
    finally:
        page.close()
