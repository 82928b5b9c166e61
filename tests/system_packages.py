"""Debian packages some tests need (Chromium, bubblewrap), installed by the tests themselves.

As root with apt-get (CI, a fresh machine) a missing package is installed;
otherwise the caller learns the exact command to run.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from filelock import FileLock


class MissingPackage(RuntimeError):
    pass


def ensure(binary: str, package: str) -> str:
    """The path of `binary`, installing Debian's `package` first if it is missing and we can."""
    found = shutil.which(binary) or (binary if os.path.isabs(binary) and os.path.exists(binary) else None)
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise MissingPackage(f"`{binary}` is missing: install Debian's `{package}` package "
                             f"(sudo apt-get install -y {package})")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    # Parallel test workers needing the same package: one installs, the others wait for it.
    with FileLock(Path(tempfile.gettempdir()) / "learntools-tests-apt.lock"):
        if not (shutil.which(binary) or os.path.exists(binary)):
            subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
            subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, env=env)
    found = shutil.which(binary) or (binary if os.path.exists(binary) else None)
    if not found:
        raise MissingPackage(f"installing `{package}` did not provide `{binary}`")
    return found


def available(binary: str, package: str) -> bool:
    """Like `ensure`, but answers False instead of raising (for skipif)."""
    try:
        ensure(binary, package)
        return True
    except (MissingPackage, subprocess.CalledProcessError):
        return False
