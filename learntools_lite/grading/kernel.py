"""Running a submission's cells: a sandboxed kernel and an executor that survives hostile code.

`SandboxedKernelManager` starts the kernel inside `Sandbox`. The kernel talks
to the grader over ZeroMQ *ipc* sockets (Unix socket files in a directory
bound into the sandbox), because the sandbox has its own network namespace:
TCP on 127.0.0.1 inside it is not the grader's loopback. Its working
directory is a scratch copy of the submission's files without the notebooks:
during autograde the notebook on disk holds the restored hidden tests. Its
client (`kernel_client.PromptKernelClient`) counts the kernel as ready as soon
as it answers, and its exit is polled every 10 ms, not 100.

`SafeExecute` is nbgrader's `Execute` with three additions, each a failure
plain nbgrader does not survive or does not bound:
- a kernel that dies (os._exit, segfault, memory or CPU limit) fails the
  rest of the notebook's cells instead of the whole submission, so the
  tests that already ran keep their points;
- a cell that runs past the timeout and ignores the interrupt gets its
  kernel stopped, instead of every later cell waiting out its own timeout;
- recorded output is capped (`Limits.output_bytes`: printed text, rich data,
  error tracebacks, display updates and widget messages all count), so a
  flood cannot exhaust the grader's memory; an error past the cap is kept,
  shortened, because it is how a failed test is seen.
"""
from __future__ import annotations

import asyncio
import os
import queue
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from nbclient.exceptions import DeadKernelError
from nbclient.util import ensure_async, run_hook, run_sync
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute
from traitlets import Bool, Integer, Type

from . import kernel_package
from .kernel_client import EXIT_POLL_SECONDS, PromptKernelClient
from .queries import KernelQueries
from .sandbox import Sandbox
from .verdicts import TestCellJudge

# What happened while grading the current submission (read by the worker).
EVENTS: list[str] = []


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels run inside the process-wide `sandbox`."""

    sandbox: Sandbox | None = None   # set by the worker before grading
    answer_free_package = True       # bind the package without answers (off only to measure the harness)
    work_root: str | None = None     # where per-kernel scratch folders go
    client_factory = Type(PromptKernelClient, klass=PromptKernelClient)

    async def _async_wait(self, pollinterval: float = EXIT_POLL_SECONDS) -> None:
        await super()._async_wait(pollinterval=EXIT_POLL_SECONDS)  # not jupyter_client's 0.1 s

    async def _async_pre_start_kernel(self, **kw):
        sandbox = type(self).sandbox
        if sandbox is None:
            kernel_cmd, kw = await super()._async_pre_start_kernel(**kw)
            return _safe_path(kernel_cmd), kw
        work = Path(tempfile.mkdtemp(prefix="kernel-", dir=type(self).work_root))
        conn, files = work / "conn", work / "files"
        conn.mkdir()
        # The kernel's learntools_lite holds no answers (question names only).
        package = kernel_package.build(work / "package") if type(self).answer_free_package else None
        cwd = str(kw.get("cwd") or os.getcwd())
        shutil.copytree(cwd, files, ignore=shutil.ignore_patterns("*.ipynb"), symlinks=False,
                        ignore_dangling_symlinks=True)
        self.transport = "ipc"
        self.ip = str(conn / "k")
        self.connection_file = str(conn / "kernel.json")
        # SIGINT to bwrap would not reach the kernel: ask the kernel to interrupt itself.
        self.kernel_spec.interrupt_mode = "message"
        kernel_cmd, kw = await super()._async_pre_start_kernel(**kw)
        kernel_cmd = _safe_path(kernel_cmd)
        uid = sandbox.kernel_uid()
        if uid is not None:
            for root, dirs, names in os.walk(work):
                for name in [root, *(os.path.join(root, n) for n in dirs + names)]:
                    os.lchown(name, uid, uid)
        kw["env"] = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
        kw["preexec_fn"] = sandbox.preexec
        # What matters comes over ZeroMQ; the kernel's own stdout/stderr is console noise.
        kw["stdout"] = kw["stderr"] = subprocess.DEVNULL
        kw.pop("cwd", None)
        writable = [str(conn), (str(files), cwd)]
        if package is not None:
            writable += [(str(package), str(kernel_package.PACKAGE)),
                         (str(package), f"{kernel_package.SEARCH_PATH}/learntools_lite")]
        env = {"PYTHONPATH": kernel_package.SEARCH_PATH} if package is not None else {}
        return sandbox.wrap(kernel_cmd, cwd=cwd, writable=writable, uid=uid, env=env), kw


def _safe_path(kernel_cmd: list[str]) -> list[str]:
    """`python -P -m ipykernel_launcher ...`: neither the kernel's cwd nor '' on sys.path.

    With -P (PYTHONSAFEPATH) Python does not put the working directory first,
    and IPython's own `init_path` leaves '' out too, so a `numpy.py` or a
    `learntools_lite/` folder submitted beside the notebook shadows nothing.
    """
    if len(kernel_cmd) > 1 and kernel_cmd[1] == "-m" and "python" in Path(kernel_cmd[0]).name:
        return [kernel_cmd[0], "-P", *kernel_cmd[1:]]
    return kernel_cmd


class SafeExecute(Execute):
    """nbgrader's Execute, bounded: kernel death, unstoppable cells and output floods."""

    output_bytes = Integer(1 << 20, help="Most output text (bytes) recorded per notebook.").tag(config=True)
    interrupt_grace = Integer(10, help="Seconds a timed-out cell gets to stop after the interrupt.").tag(
        config=True)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("kernel_manager_class", SandboxedKernelManager)
        super().__init__(*args, **kwargs)
        # Test cells that run in the kernel (judge_outside off) need the real checkers there.
        SandboxedKernelManager.answer_free_package = self.judge_outside

    query_timeout = Integer(60, help="Seconds the kernel gets to answer one data query of the "
                            "grader (a model's weights, a variable).").tag(config=True)
    call_timeout = Integer(10, help="Seconds a learner function gets per call on the grader's "
                           "inputs.").tag(config=True)
    query_bytes = Integer(64 << 20, help="Largest answer (bytes) the kernel may give one "
                          "query.").tag(config=True)
    judge_timeout = Integer(600, help="Seconds the grader spends judging one test cell, its "
                            "queries included.").tag(config=True)
    judge_outside = Bool(True, help="Judge test cells in this process on data the kernel "
                         "returns (never run them in the kernel).").tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        self._stopped: str | None = None
        self._output_seen = 0
        self._output_capped = False
        self._judge: TestCellJudge | None = None
        self._sources: dict[str, str] | None = None  # the gradebook's cell texts, by grade_id
        try:
            return super().preprocess(nb, resources, km)
        finally:
            self._judge = None

    zero_restored_cells = Bool(True, help="A graded test cell deleted by the student is restored "
                               "(OverwriteCells.add_missing_cells) but not run, so it scores 0.").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        nbgrader_meta = cell.metadata.get("nbgrader", {})
        if (self.zero_restored_cells and cell.cell_type == "code" and nbgrader_meta.get("grade")
                and "was missing from the submission" in cell.source.split("\n", 1)[0]):
            cell.outputs = [_error("MissingCell", "this test cell was deleted from the submission; "
                                   "it was put back and scores 0")]
            return cell, self.resources
        if self._stopped and cell.cell_type == "code":
            cell.outputs = [_error("KernelStopped", f"not run: {self._stopped}")]
            return cell, self.resources
        if (self.judge_outside and cell.cell_type == "code" and nbgrader_meta.get("grade")
                and not nbgrader_meta.get("solution")):
            # Judged here, not run in the kernel: progress still hears that the cell starts.
            run_sync(run_hook)(self.on_cell_start, cell=cell, cell_index=index)
            cell.outputs = self._judge_test_cell(nbgrader_meta.get("grade_id"))
            return cell, self.resources
        try:
            return super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self._stopped = "the kernel died in an earlier cell"
            EVENTS.append(f"kernel died in cell {index} (crash, or a memory/CPU/process limit)")
            cell.outputs.append(_error("DeadKernelError", "the kernel died while running this cell "
                                       "(a crash, or a memory/CPU/process limit)"))
            return cell, self.resources

    def _judge_test_cell(self, grade_id: str | None) -> list:
        """The verdict of a test cell, decided here on data from the kernel (see verdicts.py)."""
        source = self._instructor_source(grade_id)
        if source is None:
            EVENTS.append(f"a graded cell with an unknown grade_id {grade_id!r}: scored 0")
            return [_error("UnknownTestCell", "this test cell is not in the gradebook: not graded")]
        if self._judge is None:
            info = self.km.get_connection_info()
            self._judge = TestCellJudge(
                lambda: KernelQueries(info, timeout=self.query_timeout, max_bytes=self.query_bytes,
                                      interrupt_grace=self.interrupt_grace),
                EVENTS, call_timeout=self.call_timeout, cell_timeout=self.judge_timeout)
        try:
            return self._judge.judge(grade_id, source)
        finally:
            run_sync(self._drain_iopub)()

    async def _drain_iopub(self, most: int = 100_000, seconds: float = 5.0) -> None:
        """Drop the judge's query traffic from our own iopub queue before the next cell runs.

        Otherwise thousands of stale messages fill the queue (ZeroMQ's high-water
        mark) and the next cell's own messages are dropped. Only what has arrived is
        dropped, with no wait for silence (that was 50 ms per test cell): a message
        still on its way belongs to a query, and nbclient ignores messages whose
        parent is not the cell it runs.
        """
        deadline = time.monotonic() + seconds
        for _ in range(most):
            if time.monotonic() > deadline:
                return
            try:
                await ensure_async(self.kc.iopub_channel.get_msg(timeout=0))
            except (queue.Empty, asyncio.TimeoutError, TimeoutError):
                return

    def _instructor_source(self, grade_id: str | None) -> str | None:
        """The test cell's text as the gradebook holds it (hidden tests included); the
        gradebook is read once per notebook, for all its cells."""
        from nbgrader.api import Gradebook, MissingEntry

        info = (self.resources or {}).get("nbgrader", {})
        if not grade_id or "db_url" not in info:
            return None
        if self._sources is None:
            with Gradebook(info["db_url"]) as gb:
                try:
                    cells = gb.find_notebook(info["notebook"], info["assignment"]).source_cells
                    self._sources = {cell.name: cell.source for cell in cells}
                except MissingEntry:
                    self._sources = {}
        return self._sources.get(grade_id)

    async def _async_handle_timeout(self, timeout, cell=None):
        reply = await super()._async_handle_timeout(timeout, cell)
        EVENTS.append(f"a cell ran past the {timeout} s time limit")
        if not await self._responds(self.interrupt_grace):
            EVENTS.append("the cell ignored the interrupt: kernel stopped")
            self._stopped = "the kernel was stopped after a cell ignored the time limit"
            await ensure_async(self.km.shutdown_kernel(now=True))
            raise DeadKernelError("kernel stopped after a timeout")
        return reply

    async def _responds(self, grace: float) -> bool:
        """Does the kernel answer a kernel_info request within `grace` seconds (after an interrupt)?"""
        msg_id = self.kc.kernel_info()
        deadline = time.monotonic() + grace
        while (left := deadline - time.monotonic()) > 0:
            try:
                msg = await ensure_async(self.kc.shell_channel.get_msg(timeout=left))
            except (queue.Empty, asyncio.TimeoutError, TimeoutError):
                return False
            if msg["parent_header"].get("msg_id") == msg_id:
                return True
        return False

    def output(self, outs, msg, display_id, cell_index):
        if self._over_output_cap(msg, outs):
            if msg.get("msg_type") != "error":
                return None
            # An error is how nbgrader sees a failed test: keep it, shortened, even past the cap.
            content = msg["content"]
            msg = {**msg, "content": {**content, "evalue": str(content.get("evalue", ""))[:200],
                                      "traceback": []}}
        return super().output(outs, msg, display_id, cell_index)

    def process_message(self, msg, cell, cell_index):
        # Display updates and widget messages change output without passing through output().
        if msg.get("msg_type") in ("update_display_data", "comm_open", "comm_msg") and \
                self._over_output_cap(msg, cell.outputs):
            return None
        return super().process_message(msg, cell, cell_index)

    def _over_output_cap(self, msg, outs) -> bool:
        """Count this message's output (text, data, traceback); True once the notebook is over the cap."""
        content = msg.get("content", {})
        data = content.get("data", {}) or {}
        size = (len(str(content.get("text", ""))) + len(str(content.get("evalue", "")))
                + sum(len(str(line)) for line in content.get("traceback", []) or [])
                + sum(len(str(v)) for v in (data.values() if isinstance(data, dict) else [data])))
        self._output_seen += size
        if self._output_seen <= self.output_bytes:
            return False
        if not self._output_capped:
            self._output_capped = True
            EVENTS.append(f"output over {self.output_bytes} bytes (text, tracebacks and display updates "
                          "counted): the rest was not recorded")
            outs.append(new_output("stream", name="stderr",
                                   text=f"\n[output truncated: over {self.output_bytes} bytes]\n"))
        return True


def _error(ename: str, evalue: str):
    return new_output("error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])
