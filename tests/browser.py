"""Shared set-up for the browser tests: Debian's Chromium driven by Playwright.

The tests install what they need themselves: Chromium from Debian's packages
(when running as root and it is missing); Playwright is a pinned Python
dependency. Playwright cannot download its own browser here, so it launches
/usr/bin/chromium.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import itertools
import json
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from notebooks import ROOT
from system_packages import ensure

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts" / "browser"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-quic"]
# JupyterLab user settings for a test server: a news toast would cover the page;
# autosave would write outputs into the notebook under test.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}


def ensure_chromium() -> str:
    """Path of Chromium, installing Debian's package first if we can."""
    return ensure(CHROMIUM, "chromium")


_draws = itertools.count()


def free_port() -> int:
    """A free localhost port. Under pytest-xdist each worker draws from its own
    range, so two workers never pick the same port between probe and bind."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if worker.startswith("gw") and worker[2:].isdigit():
        first = 30000 + 200 * int(worker[2:])
        for _ in range(200):  # successive calls move on, even before the caller binds
            port = first + next(_draws) % 200
            with socket.socket() as s:
                try:
                    s.bind(("127.0.0.1", port))
                except OSError:
                    continue
                return port
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """Serve `folder` on localhost; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium():
    """A Playwright Chromium browser (headless, Debian's binary)."""
    from playwright.sync_api import sync_playwright

    path = ensure_chromium()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, headless=True, args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def screenshot(page, name: str, full_page: bool = False) -> None:
    """Save what the page shows into test-artifacts/browser/<name>.png (the window; the
    whole page with `full_page`: 4-7 CPU-s for a long chapter, more than loading it)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # A full-page shot of a long chapter (chapter 3's explorers) can take well over
    # Playwright's default 30 s while the whole suite loads both cores.
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page, timeout=120_000)


def wait_for_server(url: str, process, log: Path, what: str, timeout: float) -> None:
    """Return once `url` answers; fail with the server's log if `process` exits or time runs out."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited ({process.returncode}):\n{Path(log).read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(1)
    raise RuntimeError(f"{what} did not answer in {timeout} s:\n{Path(log).read_text()}")


def lab_env(home: Path) -> dict:
    """The environment of a test's JupyterLab: its Jupyter, JupyterLab, IPython and
    matplotlib folders in `home`, with LAB_SETTINGS as the user's settings."""
    settings = home / "settings"
    for name, value in LAB_SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value))
    return dict(os.environ, JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_DATA_DIR=str(home / "data"),
                JUPYTER_RUNTIME_DIR=str(home / "runtime"), JUPYTERLAB_SETTINGS_DIR=str(settings),
                JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"), IPYTHONDIR=str(home / "ipython"),
                MPLCONFIGDIR=str(home / "mpl"))


@contextlib.contextmanager
def jupyter_lab(home: Path, root_dir: Path, *args: str):
    """`jupyter lab` on 127.0.0.1 over `root_dir`, with the learner's server config (lab/,
    as `make lab` gives it) and `lab_env(home)`; `args` go to its command line. Yields
    (url, token, the server's pid); stops it at the end."""
    env = dict(lab_env(home), JUPYTER_CONFIG_PATH=str(ROOT / "lab"))
    port, token = free_port(), secrets.token_hex(16)
    log_path = home / "lab.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
             "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", "--allow-root",
             f"--ServerApp.root_dir={root_dir}", *args], env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_for_server(f"{url}/api/status?token={token}", server, log_path, "jupyter lab", 120)
            yield url, token, server.pid
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
