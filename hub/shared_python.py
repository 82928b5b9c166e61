"""The course's environment as every user of the hub can run it.

Each user's server and kernels run as that user, so the interpreter of the
course's venv must be readable by everyone. A venv made from a Python in a
private home (pyenv under /root, say) is not. Then the hub runs users on a
*shared view* next to the venv (`.venv/shared/`):

- `python/`: the same interpreter (not another build: Debian's 3.11.2, for
  one, fails on a regular expression that nbconvert's HTML export uses),
  hard-linked from the private install (no copy on the same file system),
  its executable's library path made relative with `patchelf`;
- `venv/`: a venv of that interpreter whose site-packages, Jupyter data and
  config are the course venv's own (symlinks), with the course's data files
  hard-linked in (the grading sandbox binds the venv and must find them
  without following a link out of it), and the venv's commands re-pointed
  at its interpreter.

Nothing is installed twice.
"""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import sysconfig
from pathlib import Path

DATA = "learntools_lite"  # <prefix>/share/learntools_lite, read by learntools_lite.datasets
VERSION = f"python{sys.version_info.major}.{sys.version_info.minor}"


def readable_by_all(path: Path) -> bool:
    """Can any user open `path` (following links): every folder on the way searchable, the file readable?"""
    path = Path(path).resolve()
    for folder in path.parents:
        if not os.stat(folder).st_mode & stat.S_IXOTH:
            return False
    return bool(os.stat(path).st_mode & stat.S_IROTH)


def users_python(shared: Path) -> Path:
    """The interpreter users' servers run: this venv's own if everyone can run it, else a shared view."""
    if readable_by_all(Path(sys.executable)) and readable_by_all(Path(sysconfig.get_path("stdlib"))):
        return Path(sys.executable)
    return build_shared_view(Path(sys.prefix), Path(shared))


def build_shared_view(venv: Path, shared: Path) -> Path:
    """Make (or refresh) the shared view of `venv` under `shared`; return its interpreter."""
    dest = shared / "venv"
    if not (dest / "pyvenv.cfg").exists():
        subprocess.run([str(shared_interpreter(shared / "python")), "-m", "venv", "--without-pip", str(dest)],
                       check=True)
    _link(dest / "lib" / VERSION / "site-packages", Path(sysconfig.get_path("purelib")))
    _link(dest / "etc" / "jupyter", venv / "etc" / "jupyter")
    for entry in (venv / "share").iterdir():
        if entry.name == DATA:
            _hardlink_tree(entry, dest / "share" / DATA)
        else:
            _link(dest / "share" / entry.name, entry)
    python = dest / "bin" / "python"
    for script in (venv / "bin").iterdir():
        if script.name.startswith(("python", "activate", "Activate", "pip")) or not script.is_file():
            continue
        first_line = script.read_bytes()[:512].split(b"\n", 1)[0]
        if first_line.startswith(b"#!") and str(venv).encode() in first_line:
            target = dest / "bin" / script.name
            target.write_text(f"#!{python}\n" + script.read_text().split("\n", 1)[1])
            target.chmod(0o755)
    return python


def shared_interpreter(dest: Path) -> Path:
    """A hard-linked copy of this venv's base interpreter at `dest`, runnable by every user."""
    base = Path(sys.base_prefix).resolve()
    _hardlink_tree(base / "lib" / VERSION, dest / "lib" / VERSION, skip={"site-packages", "test"})
    for lib in (base / "lib").glob(f"lib{VERSION}*.so*"):
        _hardlink(lib, dest / "lib" / lib.name)
    exe = dest / "bin" / VERSION
    if not exe.exists():
        exe.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(Path(sys.executable).resolve(), exe)
        try:
            _relative_library_path(exe, base)
        except BaseException:
            exe.unlink()
            raise
    return exe


def _relative_library_path(exe: Path, base: Path) -> None:
    """Point the executable's RUNPATH at its own lib/ if it points into the private install."""
    if not any((base / "lib").glob("libpython*.so*")):
        return  # a static interpreter
    patchelf = shutil.which("patchelf")
    if not patchelf:
        raise RuntimeError(f"the course's Python ({base}) is not readable by the hub's users; to share it "
                           "the hub needs patchelf (Debian: apt-get install -y patchelf), or recreate .venv "
                           "with a Python every user can run (make venv PYTHON=...)")
    runpath = subprocess.run([patchelf, "--print-rpath", str(exe)], capture_output=True, text=True,
                             check=True).stdout.strip()
    if str(base) in runpath:
        subprocess.run([patchelf, "--set-rpath", "$ORIGIN/../lib", str(exe)], check=True)


def _link(link: Path, target: Path) -> None:
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.is_symlink() and Path(os.readlink(link)) == target:
        return
    if link.is_symlink() or link.is_file():
        link.unlink()
    elif link.is_dir():
        shutil.rmtree(link)
    link.symlink_to(target)


def _hardlink_tree(src: Path, dest: Path, skip=frozenset()) -> None:
    """`dest` holds the files of `src` (minus the top-level names in `skip`), hard-linked or copied."""
    for folder, dirs, files in os.walk(src):
        if Path(folder) == src:
            dirs[:] = [d for d in dirs if d not in skip]
        out = dest / Path(folder).relative_to(src)
        out.mkdir(parents=True, exist_ok=True)
        for name in files:
            _hardlink(Path(folder) / name, out / name)


def _hardlink(src: Path, target: Path) -> None:
    """Hard-link `src` at `target` when on the same file system, else copy it."""
    if target.exists() or target.is_symlink():
        return
    if src.is_symlink():
        target.symlink_to(os.readlink(src))
        return
    try:
        os.link(src, target)
    except OSError:
        shutil.copy2(src, target)
