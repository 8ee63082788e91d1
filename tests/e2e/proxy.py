"""A TCP proxy on 127.0.0.1 in front of a database server, cut and restored to make an outage."""

from __future__ import annotations

import asyncio
import contextlib

CHUNK = 65536


class Proxy:
    """Forwards connections to a server; `cut` drops them all and refuses new ones until `restore`."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.port = 0  # chosen when first started, kept across a cut
        self.listener: asyncio.Server | None = None
        self.links: set[asyncio.StreamWriter] = set()
        self.pipes: set[asyncio.Task[None]] = set()

    async def restore(self) -> None:
        """Listen (again, on the same port) and forward what connects."""
        self.listener = await asyncio.start_server(self._link, "127.0.0.1", self.port)
        self.port = self.listener.sockets[0].getsockname()[1]

    async def cut(self) -> None:
        """Stop listening (connections are refused) and drop every open connection, both ways."""
        if self.listener is not None:
            self.listener.close()
            self.listener = None
        for writer in self.links:
            writer.transport.abort()
        self.links.clear()
        await asyncio.gather(*self.pipes, return_exceptions=True)

    async def _link(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        """Connect a client to the server and copy bytes both ways until either side closes."""
        try:
            server_reader, server_writer = await asyncio.open_connection(*self.target)
        except OSError:
            client_writer.transport.abort()
            return
        self.links |= {client_writer, server_writer}
        pipes = {
            asyncio.create_task(_copy(client_reader, server_writer)),
            asyncio.create_task(_copy(server_reader, client_writer)),
        }
        self.pipes |= pipes
        await asyncio.gather(*pipes)
        self.pipes -= pipes
        self.links -= {client_writer, server_writer}


async def _copy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Copy bytes until the reading side ends, then close the writing side."""
    with contextlib.suppress(OSError):
        while data := await reader.read(CHUNK):
            writer.write(data)
            await writer.drain()
    writer.close()
