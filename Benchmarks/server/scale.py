"""Sign-in plus token mint per second and p99, in one run, for 1 node on SQLite, 1 node on PostgreSQL and 2 nodes
on PostgreSQL (clients alternating between the nodes), reported as ratios to the SQLite figure (run.sh runs it).
Not a test: it asserts nothing about speed."""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "Tests" / "Contract"))

import server as harness  # noqa: E402
from bench import SETTINGS  # noqa: E402
from fapi import NativeClient  # noqa: E402
from flows import PASSWORD, sign_up, unique_email  # noqa: E402


def one_pair(url: str, email: str) -> float:
    """A new device signs in with a password (one request) and mints a session token; returns the seconds taken."""
    started = time.perf_counter()
    client = NativeClient(url, validate=False)
    reply = client.post("/v1/client/sign_ins", {"identifier": email, "password": PASSWORD})
    assert reply.status == 200 and reply.response["status"] == "complete", reply.describe()
    session = reply.response["created_session_id"]
    minted = client.post(f"/v1/client/sessions/{session}/tokens")
    assert minted.status == 200, minted.describe()
    return time.perf_counter() - started


def load(url: str, emails: list[str], *, workers: int, seconds: float) -> dict:
    """`workers` threads doing pairs back to back for `seconds`; pairs per second and the p99 of one pair."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker(index: int) -> None:
        turn = 0
        while time.monotonic() < deadline:
            email = emails[(index + turn * workers) % len(emails)]
            turn += 1
            try:
                taken = one_pair(url, email)
            except Exception as error:  # noqa: BLE001 - counted and reported
                with lock:
                    errors.append(repr(error)[:200])
                continue
            with lock:
                latencies.append(taken)

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(index,)) for index in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else float("nan")
    return {"pairs_per_s": len(latencies) / elapsed, "p99_ms": p99 * 1000, "pairs": len(latencies),
            "errors": errors, "median_ms": statistics.median(latencies) * 1000 if latencies else float("nan")}


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of one process so far (0 once it is gone)."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def postgres_pids() -> list[int]:
    """The PostgreSQL server's processes (postmaster and backends; pooled connections live through a round)."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if open(f"/proc/{entry}/comm").read().strip() == "postgres":
                    pids.append(int(entry))
            except OSError:
                pass
    return pids


def measured_round(url: str, emails: list[str], node_pids: list[int], *, workers: int, seconds: float) -> dict:
    """One round of `load`, with the CPU time per pair spent by the nodes, PostgreSQL and this load generator."""
    database = postgres_pids()
    before = (sum(map(cpu_seconds, node_pids)), sum(map(cpu_seconds, database)), time.process_time())
    result = load(url, emails, workers=workers, seconds=seconds)
    after = (sum(map(cpu_seconds, node_pids)), sum(map(cpu_seconds, database)), time.process_time())
    pairs = max(1, result["pairs"])
    result["cpu_ms"] = {part: (after[index] - before[index]) * 1000 / pairs
                        for index, part in enumerate(("nodes", "postgres", "client"))}
    return result


def measure(name: str, make, *, users: int, workers: int, seconds: float, rounds: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="clerk-scale-") as scratch:
        cluster = make(Path(scratch) / name / "data")
        url = cluster.start()
        try:
            setup = NativeClient(url, validate=False)
            emails = [sign_up(setup, unique_email("bench"))["email"] for _ in range(users)]
            load(url, emails, workers=workers, seconds=2)  # warm-up: connections, caches
            node_pids = [node.process.pid for node in getattr(cluster, "nodes", [cluster])]
            results = [measured_round(url, emails, node_pids, workers=workers, seconds=seconds) for _ in range(rounds)]
        finally:
            cluster.stop()
    best = sorted(results, key=lambda r: r["pairs_per_s"])[len(results) // 2]
    best["rounds"] = [round(r["pairs_per_s"], 1) for r in results]
    return best


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--users", type=int, default=16)
    args = parser.parse_args()
    if not harness.TEST_DATABASE:
        print("CLERK_TUI_TEST_DATABASE is not set (run.sh starts the PostgreSQL server)", file=sys.stderr)
        return 2
    load_at_start = " ".join(f"{x:.1f}" for x in os.getloadavg())
    options = {"users": args.users, "workers": args.workers, "seconds": args.seconds, "rounds": args.rounds}
    setups = [
        ("1 node, SQLite", lambda data: harness.Server(data, SETTINGS)),
        ("1 node, PostgreSQL", lambda data: harness.Cluster(data, SETTINGS, nodes=1)),
        ("2 nodes, PostgreSQL", lambda data: harness.Cluster(data, SETTINGS, nodes=2)),
    ]
    results = [(name, measure(f"setup{index}", make, **options)) for index, (name, make) in enumerate(setups)]
    reference = results[0][1]
    binary = os.environ.get("CLERK_TUI_BIN", "")
    kind = "DEBUG build: figures not representative" if "/debug/" in binary else "release build"
    print("\n== Scale-out: password sign-in + session-token mint, a new device each time ==")
    print(f"server: {binary} ({kind}); machine: {os.cpu_count()} cores, load average at start {load_at_start}")
    print(f"{args.workers} client threads, {args.users} users (bcrypt cost 10), {args.seconds:.0f} s per round after "
          f"a 2 s warm-up, {args.rounds} rounds (median shown); PostgreSQL {harness.TEST_DATABASE.rsplit('@', 1)[-1]}")
    for name, result in results:
        ratio = result["pairs_per_s"] / reference["pairs_per_s"]
        p99_ratio = result["p99_ms"] / reference["p99_ms"]
        text = (f"  {name:<22} {result['pairs_per_s']:>7.1f} pairs/s  p99 {result['p99_ms']:>7.1f} ms  "
                f"(median {result['median_ms']:.1f} ms)   ratio {ratio:.2f} of pairs/s, {p99_ratio:.2f}x p99   "
                f"rounds {result['rounds']}")
        cpu = result["cpu_ms"]
        text += (f"\n  {'':<22} CPU per pair: nodes {cpu['nodes']:.1f} ms, PostgreSQL {cpu['postgres']:.1f} ms, "
                 f"load generator {cpu['client']:.1f} ms")
        if result["errors"]:
            text += f"   !! {len(result['errors'])} errors, first: {result['errors'][0]}"
        print(text)
    cpu = results[2][1]["cpu_ms"]
    busy = sum(cpu.values())
    print(f"  What limits it here: the {os.cpu_count()} cores, shared by the nodes, PostgreSQL and the load generator "
          f"({busy:.0f} ms of CPU per pair at 2 nodes: {cpu['nodes']:.0f} in the nodes, mostly bcrypt).")
    if cpu["postgres"] > 0:
        print(f"  Prediction: nodes on cores of their own scale until PostgreSQL's share saturates it, about "
              f"{1000 / cpu['postgres']:.0f} pairs/s per PostgreSQL core; each node core adds about "
              f"{1000 / max(cpu['nodes'], 0.1):.0f} pairs/s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
