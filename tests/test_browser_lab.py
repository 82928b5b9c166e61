"""Does a learner see working checks and widgets in JupyterLab?

A real `jupyter lab` server on localhost (token, temporary settings and a
temporary copy of the exercises), driven in headless Chromium: run all cells
of exercise 1, see the "Fill in" labels, type a correct answer, see
"Correct"; find nbgrader's JupyterLab extension. (The animate_sgd explorer
in JupyterLab is tested in test_browser_explorer.py, on this server.)
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from browser import LAB_SETTINGS, chromium, free_port, screenshot, wait_for_server
from notebooks import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"


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
    settings = home / "settings"
    for name, value in LAB_SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value))
    env = dict(os.environ,
               JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_DATA_DIR=str(home / "data"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"), JUPYTERLAB_SETTINGS_DIR=str(settings),
               JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"), IPYTHONDIR=str(home / "ipython"),
               MPLCONFIGDIR=str(home / "mpl"))
    port, token = free_port(), secrets.token_hex(16)
    log = open(home / "lab.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", "--allow-root",
         f"--ServerApp.root_dir={work}"], env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_server(f"{url}/api/status?token={token}", server, home / "lab.log", "jupyter lab", 120)
        yield url, token, work
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def open_notebook(browser, lab, path):
    url, token, _ = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{url}/lab/tree/{path}?token={token}")
    page.wait_for_selector(NOTEBOOK, timeout=90000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status=idle]", timeout=90000)
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


def test_nbgrader_extension_is_loaded(browser, lab):
    page = open_notebook(browser, lab, "ex1_tensors/ex1_tensors.ipynb")
    try:
        menubar = page.locator("#jp-MainMenu")
        assert menubar.get_by_text("Nbgrader", exact=True).count() == 1, "no Nbgrader menu"
        menubar.get_by_text("Nbgrader", exact=True).click()
        items = page.get_by_role("menuitem")
        names = " | ".join(items.all_inner_texts())
        assert "Assignment List" in names, names
        page.keyboard.press("Escape")
        assert page.get_by_role("button", name="Validate").count() >= 1 or \
            page.locator(".jp-Toolbar").get_by_text("Validate").count() >= 1, "no Validate button"
    finally:
        page.close()
