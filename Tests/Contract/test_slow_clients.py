"""Slow and idle clients against `serve`: 2,000 idle sockets from one address and 200 connections that trickle
their request head from another, also with the server's descriptor limit at 256 (`ulimit -n 256`). Meanwhile
`/v1/health`, asked from a third address, answers fast and the server stays nearly idle; every one of those sockets
is closed by the server within a minute (refused at once past the per-address cap, or closed by the idle timeout).

Correctness with generous bounds, not a benchmark: the median health answer within 100 ms and none over a second,
under 10% of a core over the hold, everything closed within 60 s."""
import http.client
import os
import resource
import selectors
import socket
import time

import pytest

from security_log import security_events
from server import Server
from settings import settings

IDLE, SLOW = 2000, 200
IDLE_TIMEOUT = 8
SETTINGS = settings(connections={"idle_timeout_seconds": IDLE_TIMEOUT})
IDLE_ADDRESS, SLOW_ADDRESS, HEALTH_ADDRESS = "127.0.0.2", "127.0.0.3", "127.0.0.1"
SLOW_HEAD = b"GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "


def raise_own_descriptor_limit(needed):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= needed:
        return
    if hard != resource.RLIM_INFINITY and hard < needed:
        pytest.skip(f"this test needs {needed} descriptors; the hard limit is {hard}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (needed, hard))


def connect(port, source, count, first_bytes=b""):
    sockets = []
    for _ in range(count):
        sock = socket.socket()
        sock.bind((source, 0))
        sock.settimeout(10)
        sock.connect(("127.0.0.1", port))
        if first_bytes:
            sock.sendall(first_bytes)
        sock.setblocking(False)
        sockets.append(sock)
    return sockets


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def health_latencies(port, count=10):
    latencies = []
    for _ in range(count):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5, source_address=(HEALTH_ADDRESS, 0))
        started = time.monotonic()
        connection.request("GET", "/v1/health")
        response = connection.getresponse()
        response.read()
        latencies.append(time.monotonic() - started)
        connection.close()
        assert response.status == 200, response.status
        time.sleep(0.2)
    return sorted(latencies)


class Watch:
    """Tells which sockets the server has closed (EOF or reset, after any refusal it wrote)."""

    def __init__(self, idle, slow):
        self.selector = selectors.DefaultSelector()
        self.slow = set(slow)
        self.open = set(idle) | self.slow
        self.refused = 0
        for sock in self.open:
            self.selector.register(sock, selectors.EVENT_READ)

    def poll(self, seconds):
        for key, _ in self.selector.select(timeout=seconds):
            sock = key.fileobj
            try:
                data = sock.recv(4096)
            except (ConnectionResetError, BlockingIOError):
                data = b""
            if data.startswith(b"HTTP/1.1 503"):
                self.refused += 1
            if not data:
                self.close(sock)

    def trickle(self):
        """One more header byte on every slow connection still open."""
        for sock in list(self.slow & self.open):
            try:
                sock.send(b"a")
            except (BrokenPipeError, ConnectionResetError, BlockingIOError):
                pass

    def close(self, sock):
        self.selector.unregister(sock)
        self.open.discard(sock)
        sock.close()


@pytest.mark.parametrize("descriptor_limit", [None, 256], ids=["default-limit", "ulimit-256"])
def test_idle_and_slow_clients_are_shed(tmp_path, descriptor_limit):
    raise_own_descriptor_limit(IDLE + SLOW + 256)
    server = Server(tmp_path / "data", SETTINGS, descriptor_limit=descriptor_limit)
    port = int(server.start().rsplit(":", 1)[1])
    try:
        started = time.monotonic()
        watch = Watch(connect(port, IDLE_ADDRESS, IDLE), connect(port, SLOW_ADDRESS, SLOW, SLOW_HEAD))
        cpu_before, window_start = cpu_seconds(server.process.pid), time.monotonic()
        latencies = health_latencies(port)
        for _ in range(2):
            watch.trickle()
            watch.poll(0.5)
        cpu_share = (cpu_seconds(server.process.pid) - cpu_before) / (time.monotonic() - window_start)
        assert latencies[len(latencies) // 2] < 0.1 and latencies[-1] < 1.0, f"health latencies {latencies}"
        assert cpu_share < 0.10, f"the server used {cpu_share:.0%} of a core holding idle sockets"

        while watch.open and time.monotonic() - started < 60:
            watch.trickle()
            watch.poll(1.0)
        assert not watch.open, f"{len(watch.open)} sockets still open after 60 s"
        assert watch.refused > 0, "connections past the per-address cap are refused with 503"
        assert security_events(server, event="connection_refused", ip=IDLE_ADDRESS)
        assert health_latencies(port, count=1)
    finally:
        server.stop()
