"""The grading kernel's client (learntools_lite/grading/kernel_client.py): ready without an idle
wait, and nothing lost of the first cell's messages; a kernel stopped at once leaves nothing running;
a sandboxed kernel imports the answer-free learntools_lite."""
from __future__ import annotations

import asyncio
import os

import pytest

from learntools_lite.grading import kernel_package
from learntools_lite.grading.kernel import SandboxedKernelManager
from learntools_lite.grading.kernel_client import PromptKernelClient
from learntools_lite.grading.sandbox import Limits, Sandbox


async def _run_one_cell(km: SandboxedKernelManager, code: str) -> tuple[list, dict]:
    """Start the kernel, wait until ready, run `code`: (its iopub messages, its execute_reply)."""
    await km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        await kc.wait_for_ready(timeout=120)
        msg_id = kc.execute(code)
        reply = await kc.get_shell_msg(timeout=60)
        seen = []
        while True:  # up to this request's own idle status: every message it caused
            msg = await kc.get_iopub_msg(timeout=30)
            if msg["parent_header"].get("msg_id") == msg_id:
                seen.append(msg)
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    return seen, reply
    finally:
        kc.stop_channels()


@pytest.mark.parametrize("sandboxed", [False, True], ids=["plain", "sandboxed"])
def test_ready_kernel_runs_its_first_cell_and_stops_at_once(sandboxed, tmp_path, monkeypatch):
    """Is the client ours, the first cell's output all there, and the kernel gone after an immediate stop?"""
    sandbox = Sandbox(Limits(threads=1)) if sandboxed else None
    if sandboxed and not sandbox.bwrap:
        pytest.skip("bubblewrap not installed")
    monkeypatch.setattr(SandboxedKernelManager, "sandbox", sandbox)
    (tmp_path / "work").mkdir()
    (tmp_path / "notebook").mkdir()
    monkeypatch.setattr(SandboxedKernelManager, "work_root", str(tmp_path / "work"))
    monkeypatch.chdir(tmp_path / "notebook")
    km = SandboxedKernelManager()
    assert km.client_factory is PromptKernelClient

    async def flow():
        seen, reply = await _run_one_cell(km, "import os, learntools_lite\nprint('answer', 6 * 7)\n"
                                              "print('package', learntools_lite.__file__)\nos.getpid()")
        pid = km.provisioner.pid
        await km.shutdown_kernel(now=True)
        return seen, reply, pid

    seen, reply, pid = asyncio.run(flow())
    assert reply["content"]["status"] == "ok"
    kinds = [m["msg_type"] for m in seen]
    assert kinds[0] == "status" and "execute_input" in kinds, kinds  # busy first: nothing was dropped
    printed = "".join(m["content"]["text"] for m in seen if m["msg_type"] == "stream")
    assert printed.startswith("answer 42\n"), seen
    if sandboxed:  # the answer-free build, first on the kernel's path, whatever its Python resolves
        assert f"package {kernel_package.SEARCH_PATH}/learntools_lite/__init__.py" in printed, printed
    assert any(m["msg_type"] == "execute_result" for m in seen), seen
    assert not km.has_kernel
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # reaped: not even a zombie of it is left
