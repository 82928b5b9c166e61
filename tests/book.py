"""The built book the tests share: built once (under a lock) as `make book` builds it.

Parallel test workers, or two test runs, wait for the one that builds, then
find the book up to date. The build executes every chapter with a real kernel
into the execution cache (jupyter-cache, `_build/.jupyter_cache`); the
chapter test reads the executed notebooks from there instead of running them
a second time.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
from filelock import FileLock

from notebooks import ROOT

HTML = ROOT / "_build" / "html"
CACHE = ROOT / "_build" / ".jupyter_cache"
# Touched after every build the tests made: Sphinx rewrites only the pages that
# changed, so no page's time says when the book was last brought up to date.
STAMP = ROOT / "_build" / ".built-for-tests"


def build_book(env_overrides: dict | None = None, force: bool = False, log=None) -> None:
    """Build the book into _build/html if it is missing or older than its sources
    (`log`: a file for the build's output; default: the caller's)."""
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
            STAMP.unlink(missing_ok=True)
            subprocess.run([sys.executable, str(ROOT / "scripts" / "build_book.py")], cwd=ROOT,
                           check=True, env=env, stdout=log, stderr=log)
            STAMP.touch()


def ensure_book(log=None) -> None:
    """The book built as `make book` builds it without a JupyterHub URL (a build with one is redone)."""
    index = HTML / "index.html"
    built_for_a_hub = index.is_file() and any(
        "/hub/user-redirect/" in p.read_text(encoding="utf-8") for p in HTML.glob("book/*.html"))
    build_book({"JUPYTERHUB_URL": ""}, force=built_for_a_hub, log=log)


def executed(path: Path) -> nbformat.NotebookNode:
    """The notebook at `path` as the book build executed it (from the execution cache).

    Raises KeyError if the cache holds no execution of the notebook's current code."""
    from jupyter_cache import get_cache

    cache = get_cache(str(CACHE))
    record = cache.match_cache_notebook(nbformat.read(path, as_version=4))
    return cache.get_cache_bundle(record.pk).nb


def _sources_newer_than_build() -> bool:
    if not STAMP.is_file():
        return True
    built = STAMP.stat().st_mtime
    sources = [ROOT / "_toc.yml", ROOT / "_config.yml", *ROOT.glob("book/*"), *ROOT.glob("book/_ext/*.py"),
               *ROOT.glob("book/_ext/*/*"), *ROOT.glob("exercises/*/*.ipynb"), ROOT / "scripts" / "build_book.py",
               *ROOT.glob("locales/*/LC_MESSAGES/**/*.po")]
    return any(p.stat().st_mtime > built for p in sources if p.is_file())
