"""Kernel websockets that send each message at once (TCP_NODELAY), for JupyterLab.

jupyter_server leaves Nagle's algorithm on for the websocket between a kernel
and the browser (Tornado's default). A kernel often answers with two small
messages in a row, as a widget does with its echo and its new state; the
second then waits for the browser's delayed ACK, about 40 ms on Linux,
measured here on every request of the live animate_sgd explorer (its kernel
answers in about 4 ms). This connection class turns the delay off on each
kernel websocket; the course's server configs name it:

    "ServerApp": {"kernel_websocket_connection_class":
                  "learntools_lite.kernel_websocket.NoDelayKernelWebsocketConnection"}
"""
from __future__ import annotations

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection


class NoDelayKernelWebsocketConnection(ZMQChannelsWebsocketConnection):
    """jupyter_server's kernel websocket connection, with TCP_NODELAY on its socket."""

    def connect(self):
        self.websocket_handler.set_nodelay(True)
        return super().connect()
