"""Running the app with uvicorn on the settings' host and port."""

from __future__ import annotations

import socket
from collections.abc import Callable

from speechgen.web.settings import WebSettings


def listening_socket(host: str, port: int) -> socket.socket:
    """Return a socket bound to host:port (OSError when the port is taken or the address is not ours)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError:
        sock.close()
        raise
    return sock


def serve(settings: WebSettings, *, on_ready: Callable[[], None] | None = None) -> None:
    """Serve the app until interrupted (Ctrl+C); ``on_ready()`` is called once it listens. Raises
    OSError before anything starts when the address cannot be bound."""
    import uvicorn

    from speechgen.web.app import create_app

    sock = listening_socket(settings.host, settings.port)
    config = uvicorn.Config(create_app(settings), log_level="warning", access_log=False, server_header=False,
                            timeout_graceful_shutdown=3, lifespan="on")
    server = uvicorn.Server(config)
    if on_ready is not None:
        original = server.startup

        async def startup(sockets: list[socket.socket] | None = None) -> None:
            await original(sockets)
            if server.started:
                on_ready()

        server.startup = startup  # type: ignore[method-assign]
    server.run(sockets=[sock])
