"""Opens N concurrent SSH sessions to `clerk-tui ssh`, types into each session's form, and reports keystroke-echo
latency (p50/p99), RSS per session and CPU. Two references are measured in the same run just before each level:
the same typing into the same number of children on local ptys with no SSH in between (the cost SSH adds), and,
when `--openssh-port` is given, the same SSH client typing into the same children served by OpenSSH's sshd (the
cost of our server against the usual one). Latencies are also given as ratios to both.

Usage: bench.py --binary PATH --port PORT --server-pid PID --sessions 1,50,200 [--keys 20] [--workers 2] [--rounds 3]
                [--openssh-port PORT --client-key FILE]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import pty
import statistics
import time
from typing import NamedTuple

import asyncssh

# What each child shows when its form is ready: the portal's sign-in card, or the widget gallery.
FORMS = {"portal": b"Sign in to clerk-tui", "gallery": b"Terminal UI gallery"}
FORM = FORMS["portal"]
# Letters that no xterm escape sequence ends with, so their appearance in the output is the echo.
KEYS = "zqwvyxk"


# The reference children's environment (the portal needs its instance).
LOCAL_ENVIRONMENT: dict[str, str] = {}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def cpu_seconds(pid: int) -> float | None:
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        return None  # gone
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_used(before: dict[int, float | None]) -> float:
    """CPU seconds the processes sampled in `before` have used since, counting those still there."""
    used = 0.0
    for pid, started in before.items():
        now = cpu_seconds(pid)
        if started is not None and now is not None:
            used += now - started
    return used


def rss_kib(pid: int) -> int:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def pss_kib(pid: int) -> int:
    """Proportional set size: shared pages (the binary, libraries) split between the processes sharing them."""
    try:
        for line in open(f"/proc/{pid}/smaps_rollup"):
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def process_table() -> dict[int, tuple[int, str]]:
    """pid → (parent pid, command name) of every process, read from /proc in one pass."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            text = open(f"/proc/{entry}/stat").read()
        except OSError:
            continue
        name = text[text.index("(") + 1:text.rindex(")")]
        table[int(entry)] = (int(text.rsplit(")", 1)[1].split()[1]), name)
    return table


class LocalSession:
    """The same child on a local pty with no SSH in between: the reference."""

    def __init__(self, binary: str):
        self.pid, self.master = pty.fork()
        if self.pid == 0:
            arguments = [binary, "ui-gallery"] if FORM == FORMS["gallery"] else [binary]
            os.execve(binary, arguments, {**LOCAL_ENVIRONMENT, "TERM": "xterm-256color", "LANG": "C.UTF-8"})
        os.set_blocking(self.master, False)
        self.buffer = b""
        self.arrived = asyncio.Event()
        asyncio.get_running_loop().add_reader(self.master, self._readable)

    def _readable(self):
        try:
            self.buffer += os.read(self.master, 65536)
        except OSError:
            self.buffer += b"\0closed"
        self.arrived.set()

    async def read_until(self, marker: bytes, timeout: float = 60):
        while marker not in self.buffer:
            self.arrived.clear()
            await asyncio.wait_for(self.arrived.wait(), timeout)
        self.buffer = b""

    def write(self, data: bytes):
        os.write(self.master, data)

    def close(self):
        asyncio.get_running_loop().remove_reader(self.master)
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        os.close(self.master)


async def local_reference(binary: str, sessions: int, keys: int) -> list[float]:
    """Echo latencies of `sessions` children typing concurrently on local ptys (no SSH)."""
    opened = []
    for _ in range(sessions):
        session = LocalSession(binary)
        await session.read_until(FORM)
        opened.append(session)
    latencies: list[float] = []
    start = asyncio.Event()
    typing = [asyncio.create_task(type_keys(session, keys, latencies, start)) for session in opened]
    start.set()
    await asyncio.gather(*typing)
    for session in opened:
        session.close()
    return latencies


class Session:
    def __init__(self, process: asyncssh.SSHClientProcess):
        self.process = process
        self.buffer = b""

    def write(self, data: bytes):
        self.process.stdin.write(data)

    async def read_until(self, marker: bytes, timeout: float = 60):
        while marker not in self.buffer:
            chunk = await asyncio.wait_for(self.process.stdout.read(65536), timeout)
            if not chunk:
                raise ConnectionError("session closed")
            self.buffer += chunk
        self.buffer = b""


async def open_session(port: int, username: str, key, gate: asyncio.Semaphore, width=80, height=24):
    async with gate:
        connection = await asyncssh.connect("127.0.0.1", port, known_hosts=None, username=username,
                                            client_keys=[key], encoding=None)
        process = await connection.create_process(term_type="xterm-256color", term_size=(width, height),
                                                  encoding=None)
        session = Session(process)
        await session.read_until(FORM)
        return connection, session


async def type_keys(session: Session, keys: int, latencies: list[float], start: asyncio.Event):
    await start.wait()
    for index in range(keys):
        # Spread the sessions out like people typing (about 5 keys per second each).
        await asyncio.sleep(0.1 + (hash((id(session), index)) % 200) / 1000)
        key = KEYS[index % len(KEYS)].encode()
        started = time.perf_counter()
        session.write(key)
        await session.read_until(key)
        latencies.append((time.perf_counter() - started) * 1000)


async def worker_sessions(target: "Target", sessions: int, keys: int, opened_barrier, go_barrier, typed_barrier) -> dict:
    """One client process: opens its share of the sessions, waits for all workers and the CPU sample, types,
    reports latencies."""
    key = asyncssh.read_private_key(target.key_file)
    gate = asyncio.Semaphore(8)  # handshakes in flight at once
    results = await asyncio.gather(*(open_session(target.port, target.username, key, gate) for _ in range(sessions)),
                                   return_exceptions=True)
    opened = [result for result in results if not isinstance(result, BaseException)]
    failures = [repr(result) for result in results if isinstance(result, BaseException)]
    await asyncio.to_thread(opened_barrier.wait)
    await asyncio.to_thread(go_barrier.wait)
    cpu_started = time.process_time()
    latencies: list[float] = []
    start = asyncio.Event()
    typing = [asyncio.create_task(type_keys(session, keys, latencies, start)) for _, session in opened]
    start.set()
    typed = await asyncio.gather(*typing, return_exceptions=True)
    client_cpu = time.process_time() - cpu_started
    await asyncio.to_thread(typed_barrier.wait)
    await asyncio.to_thread(go_barrier.wait)  # the CPU sample is taken before the sessions close
    for connection, _ in opened:
        connection.close()
    await asyncio.sleep(0.5)
    return {"opened": len(opened), "failures": failures[:3], "latencies": latencies, "client_cpu": client_cpu,
            "typing_failures": sum(isinstance(result, BaseException) for result in typed)}


def worker(arguments):
    return asyncio.run(worker_sessions(*arguments))


class Target(NamedTuple):
    """An SSH server to type through: its port, the user and key to log in with, and the pid whose children are
    the session portals."""
    port: int
    username: str
    key_file: str
    server_pid: int
    binary: str


def server_and_portals(target: Target) -> tuple[list[int], list[int]]:
    """The server's processes and the session portals. Ours is one process whose children are the portals;
    sshd forks per connection, the portal running under those forks."""
    table = process_table()
    below, pending = [], [target.server_pid]
    while pending:
        parent = pending.pop()
        kids = [pid for pid, (ppid, _) in table.items() if ppid == parent]
        below += kids
        pending += kids
    portal_name = os.path.basename(target.binary)[:15]  # the kernel's `comm` keeps 15 characters
    portals = [pid for pid in below if table[pid][1] == portal_name]
    return [target.server_pid] + [pid for pid in below if pid not in portals], portals


def run_level(target: Target, sessions: int, keys: int, workers: int) -> dict:
    import multiprocessing
    workers = max(1, min(workers, sessions))
    manager = multiprocessing.Manager()
    opened_barrier, go_barrier, typed_barrier = (manager.Barrier(workers + 1) for _ in range(3))
    shares = [sessions // workers + (1 if index < sessions % workers else 0) for index in range(workers)]
    opened_at = time.perf_counter()
    with multiprocessing.Pool(workers) as pool:
        pending = pool.map_async(
            worker, [(target, share, keys, opened_barrier, go_barrier, typed_barrier) for share in shares])
        opened_barrier.wait()
        open_seconds = time.perf_counter() - opened_at
        servers, kids = server_and_portals(target)
        child_rss = sum(rss_kib(pid) for pid in kids)
        child_pss = sum(pss_kib(pid) for pid in kids)
        server_rss = sum(rss_kib(pid) for pid in servers)
        server_cpu_before = {pid: cpu_seconds(pid) for pid in servers}
        kids_cpu_before = {pid: cpu_seconds(pid) for pid in kids}
        wall_started = time.perf_counter()
        go_barrier.wait()
        typed_barrier.wait()
        wall = time.perf_counter() - wall_started
        server_cpu = cpu_used(server_cpu_before)
        kids_cpu = cpu_used(kids_cpu_before)
        go_barrier.wait()
        reports = pending.get()
    time.sleep(1)
    latencies = [value for report in reports for value in report["latencies"]]
    return {
        "sessions": sessions, "opened": sum(report["opened"] for report in reports),
        "open_failures": [failure for report in reports for failure in report["failures"]][:3],
        "typing_failures": sum(report["typing_failures"] for report in reports),
        "open_seconds": round(open_seconds, 2), "keystrokes": len(latencies),
        "p50_ms": round(statistics.median(latencies), 2) if latencies else None,
        "p99_ms": round(percentile(latencies, 0.99), 2) if latencies else None,
        "child_rss_mib_per_session": round(child_rss / max(1, len(kids)) / 1024, 1),
        "child_pss_mib_per_session": round(child_pss / max(1, len(kids)) / 1024, 1),
        "server_rss_mib": round(server_rss / 1024, 1),
        "server_cpu_percent_of_one_core": round(100 * server_cpu / wall, 1),
        "children_cpu_percent_of_one_core": round(100 * kids_cpu / wall, 1),
        "client_cpu_percent_of_one_core": round(100 * sum(report["client_cpu"] for report in reports) / wall, 1),
        "load_average_1m": os.getloadavg()[0],
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--server-pid", type=int, required=True)
    parser.add_argument("--sessions", default="1,50,200")
    parser.add_argument("--keys", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="client processes")
    parser.add_argument("--child", choices=sorted(FORMS), default="portal")
    parser.add_argument("--frontend-api", help="the instance the reference children use (the server's)")
    parser.add_argument("--state-dir", help="XDG_STATE_HOME of the local-pty reference children")
    parser.add_argument("--openssh-port", type=int, help="an sshd on loopback serving the same child")
    parser.add_argument("--openssh-pid", type=int, help="that sshd's pid")
    parser.add_argument("--client-key", required=True, help="the client's private key (sshd authorizes it)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per level; the summary gives each median")
    arguments = parser.parse_args()
    global FORM
    FORM = FORMS[arguments.child]
    LOCAL_ENVIRONMENT.update({"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/")})
    if arguments.frontend_api:
        LOCAL_ENVIRONMENT["CLERK_FRONTEND_API"] = arguments.frontend_api
    if arguments.state_dir:
        LOCAL_ENVIRONMENT["XDG_STATE_HOME"] = arguments.state_dir
    ours = Target(arguments.port, "bench", arguments.client_key, arguments.server_pid, arguments.binary)
    openssh = arguments.openssh_port and Target(arguments.openssh_port, os.environ.get("USER") or "root",
                                                arguments.client_key, arguments.openssh_pid, arguments.binary)

    for level in [int(n) for n in arguments.sessions.split(",")]:
        rounds = [one_round(level, arguments, ours, openssh) for _ in range(arguments.rounds)]
        print(json.dumps(median_of_rounds(level, rounds)), flush=True)


def one_round(level: int, arguments, ours: Target, openssh: Target | None) -> dict:
    """The three measurements of one level, one after the other: local ptys, OpenSSH, ours."""
    reference = asyncio.run(local_reference(arguments.binary, level, arguments.keys))
    reference_p50, reference_p99 = statistics.median(reference), percentile(reference, 0.99)
    print(json.dumps({"reference": "same typing, local ptys, no SSH", "sessions": level,
                      "p50_ms": round(reference_p50, 2), "p99_ms": round(reference_p99, 2),
                      "load_average_1m": os.getloadavg()[0]}), flush=True)
    sshd = None
    if openssh:
        sshd = run_level(openssh, level, arguments.keys, arguments.workers)
        print(json.dumps({"reference": "same client and children, OpenSSH sshd", **sshd}), flush=True)
    result = run_level(ours, level, arguments.keys, arguments.workers)
    if result["p50_ms"] is not None:
        result["p50_vs_local_pty"] = round(result["p50_ms"] / reference_p50, 2)
        result["p99_vs_local_pty"] = round(result["p99_ms"] / reference_p99, 2)
        if sshd and sshd["p50_ms"]:
            result["p50_vs_openssh"] = round(result["p50_ms"] / sshd["p50_ms"], 2)
            result["p99_vs_openssh"] = round(result["p99_ms"] / sshd["p99_ms"], 2)
            result["server_cpu_vs_openssh"] = round(
                result["server_cpu_percent_of_one_core"] / max(0.1, sshd["server_cpu_percent_of_one_core"]), 2)
    print(json.dumps(result), flush=True)
    print(json.dumps(where_the_time_goes(result)), flush=True)
    return result


def median_of_rounds(level: int, rounds: list[dict]) -> dict:
    """Each figure's median over the rounds (every round measured its references beside ours)."""
    keys = ["p50_ms", "p99_ms", "p50_vs_local_pty", "p99_vs_local_pty", "p50_vs_openssh", "p99_vs_openssh",
            "child_pss_mib_per_session", "server_cpu_percent_of_one_core", "children_cpu_percent_of_one_core",
            "client_cpu_percent_of_one_core"]
    summary = {"summary": f"median of {len(rounds)} rounds", "sessions": level,
               "opened": min(result["opened"] for result in rounds)}
    for key in keys:
        values = [result[key] for result in rounds if result.get(key) is not None]
        if values:
            summary[key] = round(statistics.median(values), 2)
    return summary


def where_the_time_goes(result: dict) -> dict:
    """CPU while typing (percent of one core) of the three parties of every echo, the largest named: the session
    children redrawing, the server relaying channel data between sockets and ptys, the client."""
    shares = {"children (redraws)": result["children_cpu_percent_of_one_core"],
              "server (channel reads and writes)": result["server_cpu_percent_of_one_core"],
              "client": result["client_cpu_percent_of_one_core"]}
    total = sum(shares.values()) or 1.0
    return {"sessions": result["sessions"], "cpu_percent_of_one_core": shares,
            "share_of_cpu": {name: round(value / total, 2) for name, value in shares.items()},
            "most_in": max(shares, key=shares.get), "cores": os.cpu_count()}


if __name__ == "__main__":
    main()
