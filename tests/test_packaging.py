"""Is learntools_lite a package one can publish and install the same way everywhere?

pyproject.toml must declare every distribution the package imports; the
versions it admits must include the ones the course is tested with
(constraints.txt); requirements.txt and constraints.txt must agree, and this
environment must be exactly what they describe.
"""
from __future__ import annotations

import ast
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from notebooks import ROOT

PACKAGE = ROOT / "learntools_lite"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def pins(path: Path) -> dict[str, str]:
    """{canonical name: version} of a requirements-style file of exact `name==version` lines."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            req = Requirement(line)
            spec = list(req.specifier)
            assert len(spec) == 1 and spec[0].operator == "==", f"{path.name}: {line!r} is not an exact pin"
            found[canonicalize_name(req.name)] = spec[0].version
    return found


def declared() -> list[Requirement]:
    reqs = [Requirement(r) for r in PROJECT["dependencies"]]
    for extra in PROJECT["optional-dependencies"].values():
        reqs += [Requirement(r) for r in extra if not r.startswith("learntools_lite")]
    return reqs


def imported_top_level_modules() -> set[str]:
    """Every module outside the standard library that learntools_lite imports, anywhere."""
    names = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in ("learntools_lite", "__future__")}


def test_pyproject_declares_every_distribution_the_package_imports():
    owners = metadata.packages_distributions()
    names = {canonicalize_name(r.name) for r in declared()}
    names |= {"tensorflow-cpu"} if "tensorflow" in names else set()  # one module, two distributions
    missing = {}
    for module in imported_top_level_modules():
        dists = {canonicalize_name(d) for d in owners.get(module, [])}
        assert dists, f"learntools_lite imports {module!r}, which no installed distribution provides"
        if not dists & names:
            missing[module] = sorted(dists)
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_declared_ranges_admit_the_tested_versions():
    locked = pins(ROOT / "constraints.txt")
    for req in declared():
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue  # another platform's requirement
        name = canonicalize_name(req.name)
        assert name in locked, f"{req} is declared but not in constraints.txt"
        assert req.specifier.contains(locked[name], prereleases=True), \
            f"pyproject.toml says {req}, but the course is tested with {name}=={locked[name]}"


def test_requirements_and_constraints_agree():
    wanted, locked = pins(ROOT / "requirements.txt"), pins(ROOT / "constraints.txt")
    disagree = {n: (v, locked.get(n)) for n, v in wanted.items() if locked.get(n) != v}
    assert not disagree, f"requirements.txt vs constraints.txt (run `make lock`): {disagree}"


def test_this_environment_is_the_locked_one():
    locked = pins(ROOT / "constraints.txt")
    # Only what is installed in this environment's site-packages: setuptools puts the
    # packages it vendors on sys.path once imported, and those are not installs.
    paths = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    installed = {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions(path=paths)}
    installed.pop("learntools-lite", None)
    installed.pop("pip", None)
    wrong = {n: (v, locked.get(n)) for n, v in installed.items() if locked.get(n) != v}
    assert not wrong, f"installed (version, locked version) differ; run `make venv`: {wrong}"


def test_pip_check_passes():
    done = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
                    "--wheel-dir", str(out), str(ROOT)], check=True)
    [built] = out.glob("learntools_lite-*.whl")
    return built


def test_the_wheel_carries_metadata_good_enough_to_publish(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        meta = zf.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "learntools_lite/data/winequality-red.csv.gz" in names
    assert not any(n.startswith(("tests/", "solutions/", "book/")) for n in names)
    for field in ("License-Expression: MIT", "Author:", "Project-URL: Source", "Classifier: ",
                  "Requires-Python: >=3.11", "Description-Content-Type: text/markdown",
                  "Provides-Extra: learner", "Provides-Extra: grading", "Provides-Extra: book"):
        assert field in meta, f"METADATA lacks {field!r}"
    assert "MIT License" in (ROOT / "LICENSE").read_text()


def test_the_environment_is_byte_compiled():
    """The install script leaves .pyc files (uv writes none unless asked): sandboxed kernels
    see the environment read-only, so without them each would compile NumPy on every start."""
    import numpy

    assert any((Path(numpy.__file__).parent / "__pycache__").glob("__init__.cpython-*.pyc"))


def test_every_install_runs_the_one_install_script():
    """make venv, the Dockerfile and Binder install with the same steps, on the same Python."""
    script = "scripts/install_env.sh"
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert f"/opt/course-src/{script} /opt/course/bin/python" in dockerfile
    assert f"COPY {script} " in dockerfile
    assert f"\n{script} python\n" in (ROOT / "binder" / "postBuild").read_text()
    assert (ROOT / "binder" / "postBuild").stat().st_mode & 0o111, "binder/postBuild must be executable"
    makefile = (ROOT / "Makefile").read_text()
    assert f"\t{script} $(BIN)/python --editable\n" in makefile
    python = PROJECT["requires-python"].removeprefix(">=")
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == f"python-{python}"
    assert f"FROM python:{python}-" in dockerfile
    # The image copies every file the script reads.
    for name in ("requirements.txt", "constraints.txt", "pyproject.toml", "README.md", "LICENSE"):
        assert name in dockerfile.split("COPY ", 2)[1].split("\n")[0], f"the Dockerfile does not copy {name}"
