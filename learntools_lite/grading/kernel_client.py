"""A kernel client that is ready as soon as its kernel is.

jupyter_client's `wait_for_ready` ends by reading iopub until it has been
silent for 0.2 s, and its shutdown polls the kernel's process every 0.1 s:
about 0.3 s per submission during which nothing runs, a fifth of what grading
an ex1 submission costs. Here the readiness check is the same (a
`kernel_info_reply` on shell, then a first message on iopub, which shows that
its subscription is connected), but what is already queued on iopub is dropped
without waiting for more: nbclient ignores any message whose parent is not the
cell it runs, so a late status message changes nothing.
"""
from __future__ import annotations

import asyncio
import queue
import time

from jupyter_client.asynchronous import AsyncKernelClient

# How often a kernel that was asked to stop is checked for having stopped (jupyter_client: 0.1 s).
EXIT_POLL_SECONDS = 0.01


class PromptKernelClient(AsyncKernelClient):
    """AsyncKernelClient whose `wait_for_ready` returns once the kernel answers, with no idle wait."""

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            if await self._info_reply(min(1.0, max(0.0, deadline - time.monotonic()))):
                if await self._get(self.iopub_channel, 0.2) is not None:
                    break  # iopub is connected: it delivered the request's status
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")
        while await self._get(self.iopub_channel, 0) is not None:
            pass  # drop what is queued, wait for nothing more

    async def _info_reply(self, seconds: float) -> bool:
        """Did a kernel_info_reply arrive on shell within `seconds`? (Any one will do: the kernel answers.)"""
        end = time.monotonic() + seconds
        while (msg := await self._get(self.shell_channel, max(0.0, end - time.monotonic()))) is not None:
            if msg["msg_type"] == "kernel_info_reply":
                self._handle_kernel_info_reply(msg)
                return True
        return False

    @staticmethod
    async def _get(channel, seconds: float):
        try:
            return await channel.get_msg(timeout=seconds)
        except (queue.Empty, asyncio.TimeoutError, TimeoutError):
            return None
