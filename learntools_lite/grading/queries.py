"""Data queries to the learner's kernel over Jupyter's own channels, bounded and distrusted.

`KernelQueries` is a second, blocking client of the kernel that the
executor started. `ask(request)` sends a fixed query (the text of
`answerer.py` plus one call) as an execute request and waits for the one
display_data message of our MIME type that answers it, on the request's
own iopub messages. Every query has a timeout (the kernel is interrupted
when it runs over; a kernel that ignores the interrupt gets no more
queries) and a size cap (ZeroMQ drops a larger message: `MAXMSGSIZE`).
A reply that is missing, late, too big or malformed raises `QueryFailed`
with a reason fit for the record.
"""
from __future__ import annotations

import json
import queue
import time
import uuid
from pathlib import Path

import zmq
from jupyter_client.blocking import BlockingKernelClient

ANSWERER = (Path(__file__).with_name("answerer.py")).read_text()
MIME = "application/vnd.learntools-lite.reply+json"


def _query_code(request: dict) -> str:
    """One line that runs answerer.py's text (a string literal, exec'd in a fresh namespace) on `request`.

    The same code as a cell of its own would cost IPython's input transformers and
    AST passes over 170 lines per query (about 40 ms); as one literal they see a
    single line, and the kernel's user namespace gains no name.
    """
    return (f"(lambda ns: (exec({ANSWERER!r}, ns), ns['_ltl_answer']("
            f"__import__('json').loads({json.dumps(request)!r}), globals())))({{}})\n")


class QueryFailed(Exception):
    """The kernel gave no usable answer; `str()` says why (recorded, scores 0)."""


class KernelQueries:
    """Ask a running kernel for data. Not thread-safe: one question at a time."""

    def __init__(self, connection_info: dict, timeout: float = 30.0, max_bytes: int = 64 << 20,
                 interrupt_grace: float = 10.0):
        self.timeout, self.max_bytes, self.interrupt_grace = timeout, max_bytes, interrupt_grace
        self.connection_info = connection_info
        self.asked = 0
        self.failures: list[str] = []   # why each failed query failed, in order
        self.broken: str | None = None
        self.client: BlockingKernelClient | None = None
        self._connect(timeout)

    def _connect(self, timeout: float) -> None:
        context = zmq.Context()
        # Set before the sockets connect: a larger message is dropped, never buffered.
        context.setsockopt(zmq.MAXMSGSIZE, self.max_bytes + 65536)
        self.client = BlockingKernelClient(context=context)
        self.client.load_connection_info(self.connection_info)
        self.client.start_channels(shell=True, iopub=True, stdin=False, hb=False, control=True)
        if not self._ready(timeout):
            self.broken = f"the kernel stopped answering the grader (no kernel_info reply within {timeout:g} s)"

    def _ready(self, timeout: float) -> bool:
        """Whether the kernel answers a kernel_info request on shell and its status shows on iopub.

        jupyter_client's `wait_for_ready` checks the same, then waits for 0.2 s of
        silence on iopub: one connection per test cell made that idle wait most of
        the harness's cost. Stale iopub messages need no flush here: `ask` reads only
        the messages of its own request.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg_id = self.client.kernel_info()
            replied = seen = False
            round_end = min(deadline, time.monotonic() + 1.0)  # iopub may subscribe late: ask again
            while time.monotonic() < round_end and not (replied and seen):
                replied = replied or self._got(self.client.get_shell_msg, msg_id, "kernel_info_reply")
                seen = seen or self._got(self.client.get_iopub_msg, msg_id, "status")
            if replied and seen:
                return True
        return False

    @staticmethod
    def _got(get_msg, msg_id: str, msg_type: str) -> bool:
        """Whether the next message of a channel (waiting briefly) is `msg_type` for `msg_id`."""
        try:
            msg = get_msg(timeout=0.02)
        except queue.Empty:
            return False
        return msg.get("parent_header", {}).get("msg_id") == msg_id and msg.get("msg_type") == msg_type

    def close(self) -> None:
        if self.client is not None:
            self.client.stop_channels()
            self.client.context.destroy(linger=0)
            self.client = None

    def failed(self, reason: str) -> QueryFailed:
        """Record that an answer was unusable (found after `ask`, e.g. while decoding it)."""
        self.failures.append(reason)
        return QueryFailed(reason)

    def ask(self, request: dict, timeout: float | None = None) -> dict:
        """The kernel's reply to `request` (a JSON object, not yet validated)."""
        try:
            return self._ask(request, timeout)
        except QueryFailed as failed:
            self.failures.append(str(failed))
            raise

    def _ask(self, request: dict, timeout: float | None) -> dict:
        if self.broken:
            raise QueryFailed(self.broken)
        self.asked += 1
        self._drain()  # stale output of the learner's cells would fill the queue and drop our answer
        request = dict(request, id=uuid.uuid4().hex)
        code = _query_code(request)
        msg_id = self.client.execute(code, silent=True, store_history=False, allow_stdin=False)
        limit = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + limit
        reply = None
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise QueryFailed(f"no answer within {limit:g} s")
                try:
                    msg = self.client.get_iopub_msg(timeout=left)
                except queue.Empty:
                    continue
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind, content = msg.get("msg_type"), msg.get("content", {})
                if kind == "display_data" and reply is None:
                    text = content.get("data", {}).get(MIME)
                    if text is not None:
                        reply = self._parse(text, request["id"])
                elif kind == "status" and content.get("execution_state") == "idle":
                    break
        except BaseException:
            self._recover(msg_id)
            raise
        if reply is None:
            raise QueryFailed("the kernel finished without answering")
        if "failed" in reply:
            raise QueryFailed(f"the kernel could not answer: {str(reply['failed'])[:200]}")
        return reply

    def _drain(self, most: int = 100_000) -> None:
        socket = self.client.iopub_channel.socket
        for _ in range(most):
            if not socket.poll(0):
                return
            socket.recv_multipart()

    def _parse(self, text, request_id) -> dict:
        if not isinstance(text, str) or len(text) > self.max_bytes:
            raise QueryFailed(f"an answer over {self.max_bytes} bytes, or not text")
        try:
            reply = json.loads(text)
        except (ValueError, RecursionError):
            raise QueryFailed("an answer that is not JSON (or nested too deeply)") from None
        if not isinstance(reply, dict) or reply.get("id") != request_id:
            raise QueryFailed("an answer to another question")
        return reply

    def _recover(self, msg_id: str) -> None:
        """After a late, oversized or broken answer: interrupt, then reconnect.

        Fresh sockets (a message over MAXMSGSIZE disconnects the old ones);
        `wait_for_ready` returns once the kernel has finished the request and
        answers again. A kernel that ignores the interrupt gets no more queries.
        """
        try:
            self.client.control_channel.send(self.client.session.msg("interrupt_request", {}))
        except Exception:
            pass
        self.close()
        self._connect(self.interrupt_grace)
