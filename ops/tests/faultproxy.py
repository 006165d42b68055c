"""A loopback TCP proxy that can pass, refuse or drop traffic: network faults on demand.

    with FaultProxy(upstream_port) as proxy:   # listens on 127.0.0.1:proxy.port
        proxy.mode = DROP                      # every connection hangs from now on
        proxy.mode = PASS                      # and the service is back

PASS    bytes go both ways.
REFUSE  new connections are reset at once and open ones are cut: a stopped server.
DROP    new connections are accepted and never answered, open ones stop carrying bytes
        either way: a server or network that stopped answering (packets dropped, a
        frozen host). What a client then waits for is its own timeouts.

Threads and sockets only; everything on 127.0.0.1.
"""

import contextlib
import select
import socket
import struct
import threading

PASS = "pass"
REFUSE = "refuse"
DROP = "drop"


class FaultProxy:
    def __init__(self, upstream_port, upstream_host="127.0.0.1"):
        self.upstream = (upstream_host, upstream_port)
        self.mode = PASS
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self._pairs = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self._stopping.set()
        self._thread.join(timeout=2)
        self._listener.close()
        with self._lock:
            for pair in self._pairs:
                for sock in pair:
                    with contextlib.suppress(OSError):
                        sock.close()
            self._pairs.clear()

    def _accept_loop(self):
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self.mode == REFUSE:
                _reset(client)
                continue
            if self.mode == DROP:
                self._keep(client)  # accepted, never answered
                continue
            try:
                upstream = socket.create_connection(self.upstream, timeout=2)
            except OSError:
                _reset(client)
                continue
            self._keep(client, upstream)
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()

    def _keep(self, *sockets):
        with self._lock:
            self._pairs.append(sockets)

    def _pipe(self, client, upstream):
        ends = {client: upstream, upstream: client}
        try:
            while not self._stopping.is_set():
                readable, _, _ = select.select(list(ends), [], [], 0.05)
                if self.mode == REFUSE:  # checked once bytes wait, so none slips through
                    _reset(client)
                    return
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    if self.mode != DROP:  # dropped bytes are gone, never delivered late
                        ends[sock].sendall(data)
        except OSError:
            return
        finally:
            for sock in (client, upstream):
                with contextlib.suppress(OSError):
                    sock.close()


def _reset(sock):
    """Close with an RST, as a port where nothing listens answers."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
