"""Does a learner who opens the Chinese exercise 2 in JupyterLab get Chinese feedback?

The same real JupyterLab server and headless Chromium as test_browser_lab.py
(its fixtures and page helpers), on exercises/zh_CN/: run all, see the
Chinese "fill in" label, a wrong answer judged 不正确, a Chinese hint, and a
correct answer judged 正确.
"""
from __future__ import annotations

import pytest

from browser import screenshot
from test_browser_lab import NOTEBOOK, browser, cell_with, lab, open_notebook, run_all, run_cell  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def replace_cell(page, cell, source):
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(source)
    page.keyboard.press("Control+Enter")


def test_chinese_exercise_speaks_chinese(browser, lab):  # noqa: F811
    page = open_notebook(browser, lab, "zh_CN/ex2_broadcasting/ex2_broadcasting.ipynb")
    try:
        assert page.locator(f"{NOTEBOOK} h1").first.text_content().startswith("练习 2：广播")
        run_all(page)
        blank = page.locator(f"{NOTEBOOK} .learntools-blank").first
        blank.scroll_into_view_if_needed()
        assert "请" in blank.text_content(), blank.text_content()

        answer = cell_with(page, "shape_a = (")
        check = cell_with(page, "q_1a.check()")
        replace_cell(page, answer, "shape_a = (2, 1, 6)")
        run_cell(page, check)
        check.locator(".learntools-incorrect").wait_for(timeout=60000)
        said = check.locator(".jp-OutputArea-output").text_content()
        assert "不正确" in said and "Incorrect" not in said, said
        screenshot(page, "lab-zh-ex2-incorrect")

        replace_cell(page, cell_with(page, "#q_1a.hint()"), "q_1a.hint()")
        hint = cell_with(page, "q_1a.hint()")  # found again: its text changed
        hint.locator(".jp-OutputArea-output").first.wait_for(timeout=60000)
        shown = hint.locator(".jp-OutputArea-output").text_content()
        assert "提示" in shown and "Hint" not in shown, shown

        replace_cell(page, answer, "shape_a = (4, 2, 1, 6)")
        run_cell(page, check)
        check.locator(".learntools-correct").wait_for(timeout=60000)
        said = check.locator(".jp-OutputArea-output").text_content()
        assert "正确" in said and "不正确" not in said and "Correct" not in said, said
        screenshot(page, "lab-zh-ex2-correct")
    finally:
        page.close()
