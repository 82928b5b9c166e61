"""The book's launch buttons: Binder and Colab always, JupyterHub only when a URL is set.

Each case builds a one-notebook book with the course's own _config.yml and
extensions (a real Jupyter Book build) and reads the launch links in its HTML.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import nbformat
import pytest
import yaml

from notebooks import ROOT

pytestmark = pytest.mark.slow

HUB = "https://hub.example.edu/course"


def build(tmp_path: Path, jupyterhub_url: str | None) -> subprocess.CompletedProcess:
    book = tmp_path / "book"
    shutil.copytree(ROOT / "book" / "_ext", book / "book" / "_ext")
    shutil.copy(ROOT / "book" / "favicon.png", book / "book")
    shutil.copy(ROOT / "_config.yml", book)
    (book / "_toc.yml").write_text("format: jb-book\nroot: page\n")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# A page\n\nText.")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, book / "page.ipynb")
    env = {k: v for k, v in os.environ.items() if k != "JUPYTERHUB_URL"}
    if jupyterhub_url is not None:
        env["JUPYTERHUB_URL"] = jupyterhub_url
    jb = Path(sys.executable).parent / "jupyter-book"
    return subprocess.run([str(jb), "build", str(book), "-W", "-n", "--keep-going"], cwd=book,
                          env=env, capture_output=True, text=True, timeout=600)


def hrefs(tmp_path: Path) -> list[str]:
    html = (tmp_path / "book" / "_build" / "html" / "page.html").read_text(encoding="utf-8")
    return [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', html)]


def repository() -> dict:
    return yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]


def test_without_a_hub_url_there_is_no_jupyterhub_button(tmp_path):
    done = build(tmp_path, None)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    links = hrefs(tmp_path)
    assert not [h for h in links if "/hub/user-redirect/" in h], links
    assert not [h for h in links if "example.org" in h]
    repo = repository()["url"].removeprefix("https://github.com/")
    assert any(h.startswith(f"https://mybinder.org/v2/gh/{repo}/") for h in links), links
    assert any(h.startswith(f"https://colab.research.google.com/github/{repo}/blob/") for h in links), links


def test_the_hub_url_setting_makes_a_jupyterhub_button(tmp_path):
    done = build(tmp_path, HUB + "/")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    hub = [h for h in hrefs(tmp_path) if h.startswith(f"{HUB}/hub/user-redirect/git-pull?")]
    assert len(hub) == 1, hrefs(tmp_path)
    query = parse_qs(urlparse(hub[0]).query)
    assert query["repo"] == [repository()["url"]] and query["branch"] == [repository()["branch"]]


def test_a_hub_url_that_is_not_a_url_stops_the_build_with_the_reason(tmp_path):
    done = build(tmp_path, "hub.example.edu")
    assert done.returncode != 0
    assert "JUPYTERHUB_URL='hub.example.edu' is not a JupyterHub URL" in done.stdout + done.stderr
