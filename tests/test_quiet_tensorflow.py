"""Do kernels of the course environment keep TensorFlow's start-up lines out of outputs?"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import nbclient
import nbformat
import pytest

from learntools_lite import quiet_tensorflow as quiet

ONEDNN = ("I0000 00:00:1796149359.180103   22711 port.cc:153] oneDNN custom operations are "
          "on. You may see slightly different numerical results due to floating-point "
          "round-off errors from different computation orders. To turn them off, set the "
          "environment variable `TF_ENABLE_ONEDNN_OPTS=0`.")
ABSL = "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR"
CPU = ("To enable the following instructions: AVX2 AVX512F FMA, in other operations, "
       "rebuild TensorFlow with the appropriate compiler flags.")


def test_only_the_informational_start_up_lines_are_dropped():
    real = ["W0000 00:00:1796149359.1   22711 env.cc:12] a real warning",
            "E0000 00:00:1796149359.1   22711 env.cc:12] a real error",
            "Traceback (most recent call last):", "UserWarning: something"]
    text = "\n".join([ABSL, ONEDNN, *real, CPU, ABSL]) + "\n"
    assert quiet.without_start_up_lines(text) == "\n".join(real) + "\n"


def test_other_output_written_during_the_watched_import_still_shows(tmp_path):
    """Is a C-level write that is not start-up noise passed on, and the noise dropped?"""
    (tmp_path / "noisy_module.py").write_text(textwrap.dedent(f"""
        import os
        os.write(2, {(ABSL + chr(10) + ONEDNN + chr(10)).encode()!r})
        os.write(2, b"a real problem\\n")
    """))
    script = ("from learntools_lite import quiet_tensorflow as q\n"
              "q.install(['noisy_module'])\n"
              "import noisy_module\n"
              "import os; os.write(2, b'after the import\\n')\n")
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "a real problem\nafter the import\n"


def test_the_extension_turns_off_the_onednn_notice_unless_set(monkeypatch):
    """Does loading the extension set TF_ENABLE_ONEDNN_OPTS=0, and keep a value already set?"""
    before = list(sys.meta_path)
    try:
        monkeypatch.delenv("TF_ENABLE_ONEDNN_OPTS", raising=False)
        quiet.load_ipython_extension(None)
        assert os.environ["TF_ENABLE_ONEDNN_OPTS"] == "0"
        monkeypatch.setenv("TF_ENABLE_ONEDNN_OPTS", "1")
        quiet.load_ipython_extension(None)
        assert os.environ["TF_ENABLE_ONEDNN_OPTS"] == "1"
    finally:
        sys.meta_path[:] = before  # the import watchers it added go again


def test_install_writes_the_kernel_config_once(tmp_path):
    path = quiet.write_kernel_config(tmp_path)
    quiet.write_kernel_config(tmp_path)
    assert path == tmp_path / "etc" / "ipython" / "ipython_kernel_config.py"
    assert path.read_text().count(quiet.CONFIG_LINE) == 1


KERNEL_RUN = """
import json, sys
import nbclient, nbformat
nb = nbformat.v4.new_notebook(cells=[
    nbformat.v4.new_code_cell("import keras\\nprint(keras.backend.backend())"),
    nbformat.v4.new_code_cell("import os, time\\nos.write(2, b'still visible\\\\n')\\n"
                              "time.sleep(1)  # the kernel forwards descriptor 2 in a thread"),
])
nbclient.NotebookClient(nb, kernel_name="python3", timeout=600).execute()
json.dump([[(o.name, o.text) for o in c.outputs if o.output_type == "stream"]
           for c in nb.cells], sys.stdout)
"""


@pytest.mark.slow
def test_a_kernel_importing_keras_shows_no_stderr():
    """The real mechanism: the venv's kernel config, a real kernel, a real TensorFlow.

    ipykernel forwards descriptor 2 into cells only outside pytest (it checks
    PYTEST_CURRENT_TEST), so the kernel is started from a clean environment.
    """
    config = Path(sys.prefix) / "etc" / "ipython" / "ipython_kernel_config.py"
    assert config.is_file() and quiet.CONFIG_LINE in config.read_text(), \
        "run `make venv` (it installs the kernel config)"
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    proc = subprocess.run([sys.executable, "-c", KERNEL_RUN], env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    first, second = json.loads(proc.stdout)
    assert first == [["stdout", "tensorflow\n"]], f"start-up lines in the output: {first}"
    assert second == [["stderr", "still visible\n"]]
