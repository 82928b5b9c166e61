"""Does every course server send kernel messages at once (TCP_NODELAY on the kernel websocket)?

Every server config of the course (`make lab`'s lab/, the hub's student and
instructor servers, the container image's deploy/, which the Dockerfile puts
in /etc/jupyter) names learntools_lite.kernel_websocket's connection class.
A real JupyterLab server with the learner's config on 127.0.0.1 serves a
kernel through it: a websocket client gets the kernel's reply, and the
server's own end of that websocket has TCP_NODELAY set (read from the server
process's socket with pidfd_getfd).
"""
from __future__ import annotations

import asyncio
import ctypes
import json
import os
import socket
import uuid

import pytest
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

from browser import jupyter_lab
from notebooks import ROOT

CLASS = "learntools_lite.kernel_websocket.NoDelayKernelWebsocketConnection"
CONFIGS = [ROOT / "lab", ROOT / "hub" / "student", ROOT / "hub" / "instructor", ROOT / "deploy"]
SYS_PIDFD_GETFD = 438  # x86_64 and aarch64 alike


@pytest.mark.parametrize("folder", CONFIGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_server_config_names_the_connection_class(folder):
    config = json.loads((folder / "jupyter_server_config.json").read_text())
    assert config["ServerApp"]["kernel_websocket_connection_class"] == CLASS


def test_the_image_installs_its_server_config():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "COPY deploy/jupyter_server_config.json /etc/jupyter/jupyter_server_config.json" in dockerfile


def server_socket(pid: int, peer: tuple) -> socket.socket:
    """A duplicate of the socket of process `pid` whose peer is `peer`."""
    libc = ctypes.CDLL(None, use_errno=True)
    pidfd = os.pidfd_open(pid)
    try:
        for name in os.listdir(f"/proc/{pid}/fd"):
            if not os.readlink(f"/proc/{pid}/fd/{name}").startswith("socket:"):
                continue
            fd = libc.syscall(SYS_PIDFD_GETFD, pidfd, int(name), 0)
            if fd < 0:
                raise OSError(ctypes.get_errno(), f"pidfd_getfd of the server's fd {name}")
            sock = socket.socket(fileno=fd)
            try:
                if sock.family == socket.AF_INET and sock.getpeername() == peer:
                    return sock
            except OSError:
                pass
            sock.close()
    finally:
        os.close(pidfd)
    raise AssertionError(f"no socket of the server is connected to {peer}")


async def kernel_reply_and_nodelay(url: str, token: str, pid: int) -> tuple[str, int]:
    http = AsyncHTTPClient()
    reply = await http.fetch(HTTPRequest(f"{url}/api/kernels?token={token}", method="POST", body="{}"))
    kernel = json.loads(reply.body)["id"]
    session = uuid.uuid4().hex
    ws = await websocket_connect(f"{url.replace('http', 'ws')}/api/kernels/{kernel}/channels"
                                 f"?token={token}&session_id={session}")
    try:
        header = {"msg_id": uuid.uuid4().hex, "username": "test", "session": session,
                  "msg_type": "kernel_info_request", "version": "5.3", "date": ""}
        await ws.write_message(json.dumps({"header": header, "parent_header": {}, "metadata": {},
                                           "content": {}, "channel": "shell", "buffers": []}))
        while True:
            message = json.loads(await asyncio.wait_for(ws.read_message(), 60))
            if message["msg_type"] == "kernel_info_reply":
                break
        own_end = ws.protocol.stream.socket.getsockname()
        with server_socket(pid, own_end) as sock:
            nodelay = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        return message["content"]["status"], nodelay
    finally:
        ws.close()
        await http.fetch(HTTPRequest(f"{url}/api/kernels/{kernel}?token={token}", method="DELETE"))


def test_the_learners_server_sets_tcp_nodelay_on_kernel_websockets(tmp_path):
    with jupyter_lab(tmp_path, tmp_path) as (url, token, pid):
        status, nodelay = asyncio.run(kernel_reply_and_nodelay(url, token, pid))
    assert status == "ok"
    assert nodelay, "the server's end of the kernel websocket has Nagle's algorithm on"
