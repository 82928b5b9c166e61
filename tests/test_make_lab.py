"""Does `make lab` open a self-study learner's JupyterLab: Validate, and no exchange or instructor panels?

The very command of the README (`make lab`, on free ports through LAB_ARGS),
with temporary Jupyter settings, driven in headless Chromium. It runs as
whoever runs the tests: as root (CI, a container) it must start all the same.
"""
from __future__ import annotations

import os
import secrets
import signal
import subprocess

import pytest

import hub_pages as ui
from browser import chromium, free_port, lab_env, screenshot, wait_for_server
from notebooks import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    home = tmp_path_factory.mktemp("make-lab")
    env = lab_env(home)
    env.pop("JUPYTER_CONFIG_PATH", None)
    port, token = free_port(), secrets.token_hex(16)
    args = (f"--no-browser --ip=127.0.0.1 --port={port} --ServerApp.port_retries=0 "
            f"--IdentityProvider.token={token}")
    log_path = home / "lab.log"
    with open(log_path, "w") as log:
        # `-o .venv/.installed`: the suite's environment is set up; never reinstall it from a test.
        make = subprocess.Popen(["make", "-s", "-o", ".venv/.installed", "lab", f"LAB_ARGS={args}"],
                                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_for_server(f"{url}/api/status?token={token}", make, log_path, "make lab", 180)
            yield url, token
        finally:
            os.killpg(make.pid, signal.SIGTERM)  # make and the server it started, one process group
            try:
                make.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(make.pid, signal.SIGKILL)
                make.wait()


def test_the_learner_has_validate_and_no_exchange_errors_or_instructor_tools(lab):
    url, token = lab
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{url}/lab/tree/ex1_tensors/ex1_tensors.ipynb?token={token}")
        page.wait_for_selector(ui.NOTEBOOK, timeout=120_000)
        page.wait_for_timeout(3000)  # time for any panel to complain
        assert page.locator(".nbgrader-ErrorDialog, .jp-Dialog").count() == 0, \
            page.locator(".jp-Dialog").all_inner_texts()
        menu = ui.menu_items(page, "Nbgrader") if "Nbgrader" in ui.top_menus(page) else []
        for tool in ("Assignment List", "Formgrader", "Course List"):
            assert tool not in menu, menu
        toolbar = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Toolbar")
        assert toolbar.get_by_text("Validate").count() >= 1, "no Validate button"
        assert page.get_by_title("Create Assignment").count() == 0
        screenshot(page, "make-lab-learner")
        for api in ("assignments", "formgrader", "formgrader/api/assignments"):
            status = page.request.get(f"{url}/{api}?token={token}").status
            assert status == 404, f"/{api} answers {status}: an instructor or exchange tool is on"
        assert not errors, errors
