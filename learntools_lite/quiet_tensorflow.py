"""Keep TensorFlow's start-up log lines out of notebook outputs.

Importing TensorFlow 2.21 writes informational lines such as

    WARNING: All log messages before absl::InitializeLog() is called are written to STDERR
    I0000 00:00:1796149359.180103   22711 port.cc:153] oneDNN custom operations are on. ...

straight to file descriptor 2, twice, before its logging is set up, so
`TF_CPP_MIN_LOG_LEVEL` cannot silence them. A Jupyter kernel forwards that
descriptor into the output of whichever cell first imports TensorFlow (or
Keras), where a reader takes them for errors.

This module is an IPython extension that every kernel of the course
environment loads (`make venv` runs `python -m learntools_lite.quiet_tensorflow
install`, which writes `<venv>/etc/ipython/ipython_kernel_config.py`; IPython
reads that folder for every kernel started with the venv's Python). It wraps
the first import of `tensorflow`: while it runs, descriptor 2 goes to a
temporary file; afterwards the known informational lines are dropped and
everything else is written to stderr as before, so a real warning or error
still shows. The extension also sets TF_ENABLE_ONEDNN_OPTS=0 for the kernel
(unless it is set), which stops the oneDNN notice at its source. Nothing is
imported early and nothing else is touched. `scripts/install_env.sh` writes
the kernel config, so Binder's and the container image's kernels (the hub's
too) load it as `make venv`'s do.
"""
from __future__ import annotations

import contextlib
import importlib.abc
import importlib.util
import os
import re
import sys
import tempfile
from pathlib import Path

WRAPPED = ("tensorflow",)

# Only absl's INFO lines, its "before InitializeLog" notice, and the second
# line of the CPU-features notice; warnings (W...) and errors (E...) are kept.
START_UP_LINE = re.compile(
    r"^(WARNING: All log messages before absl::InitializeLog\(\) is called are written"
    r" to STDERR"
    r"|I\d{4} \d\d:\d\d:[\d.]+\s+\d+ [\w.\-/]+:\d+\] .*"
    r"|To enable the following instructions: .* rebuild TensorFlow with the"
    r" appropriate compiler flags\.)$")

CONFIG_LINE = 'c.InteractiveShellApp.extensions.append("learntools_lite.quiet_tensorflow")'


def without_start_up_lines(text: str) -> str:
    """`text` minus TensorFlow's informational start-up lines."""
    kept = [line for line in text.splitlines(keepends=True)
            if not START_UP_LINE.match(line.rstrip("\r\n"))]
    return "".join(kept)


@contextlib.contextmanager
def filtered_fd2():
    """Send descriptor 2 to a file for the block, then pass on what is not start-up noise."""
    for stream in (sys.stderr, sys.__stderr__):
        with contextlib.suppress(Exception):
            stream.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as capture:
        os.dup2(capture.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            capture.seek(0)
            rest = without_start_up_lines(capture.read().decode("utf-8", "replace"))
            if rest:
                sys.stderr.write(rest)
                sys.stderr.flush()


class QuietImportFinder(importlib.abc.MetaPathFinder):
    """Finds nothing itself: it wraps the real loader of the names it watches."""

    def __init__(self, names=WRAPPED):
        self.names = set(names)

    def find_spec(self, fullname, path=None, target=None):
        if fullname not in self.names:
            return None
        self.names.discard(fullname)  # the first import only; then it is in sys.modules
        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        real_exec = spec.loader.exec_module

        def exec_module(module):
            with filtered_fd2():
                real_exec(module)

        spec.loader.exec_module = exec_module
        return spec


def install(names=WRAPPED) -> QuietImportFinder | None:
    """Watch the first import of each of `names` (unless already imported)."""
    pending = [name for name in names if name not in sys.modules]
    if not pending:
        return None
    finder = QuietImportFinder(pending)
    sys.meta_path.insert(0, finder)
    return finder


# The one start-up notice that a variable turns off at its source (TensorFlow reads
# it when it is imported): "oneDNN custom operations are on ...".
QUIET_ENV = {"TF_ENABLE_ONEDNN_OPTS": "0"}


def load_ipython_extension(ipython) -> None:
    for name, value in QUIET_ENV.items():
        os.environ.setdefault(name, value)  # a value the learner set is kept
    install()


def write_kernel_config(prefix: Path = Path(sys.prefix)) -> Path:
    """Make every IPython kernel of the environment at `prefix` load this extension."""
    path = prefix / "etc" / "ipython" / "ipython_kernel_config.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = path.read_text().splitlines() if path.is_file() else []
    if CONFIG_LINE not in lines:
        lines += ["# Keep TensorFlow's start-up log lines out of cell outputs",
                  "# (written by `python -m learntools_lite.quiet_tensorflow install`).",
                  CONFIG_LINE]
        path.write_text("\n".join(lines) + "\n")
    return path


if __name__ == "__main__":
    if sys.argv[1:] != ["install"]:
        sys.exit("usage: python -m learntools_lite.quiet_tensorflow install")
    print("kernel config:", write_kernel_config())
