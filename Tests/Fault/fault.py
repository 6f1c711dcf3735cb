"""Fault test of two `clerk-tui serve` nodes on one PostgreSQL database (run.sh starts the database).

Under a write load (sign-ups completing, sessions touched, tokens minted, each request to the next node in turn),
one node is killed with SIGKILL and restarted 10 times, and the database is restarted once. Afterwards every write
that was answered 2xx must be in the database, and the only errors the load saw must be connection errors to a node
that had been killed. Then, without load, the database is stopped for longer: `/v1/health` must answer 503 with
Retry-After, and 200 again by itself once the database is back. Prints the counts; exits non-zero on any failure.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "Tests" / "Contract"))

import server as harness  # noqa: E402
from fapi import NativeClient  # noqa: E402
from flows import PASSWORD, TEST_CODE, unique_email  # noqa: E402
from settings import example  # noqa: E402

# The ready instance; each node's --database (the test's own database) wins over its [database] url.
SETTINGS = example("postgres.toml", rate_limits={"enabled": False})
POSTGRES = str(REPO / "Tests" / "Support" / "postgres.sh")


class Ledger:
    """What the load saw: writes answered 2xx, and every error with the node it went to."""

    def __init__(self):
        self.lock = threading.Lock()
        self.users: dict[str, str] = {}  # user id -> email
        self.touches: dict[str, int] = {}  # session id -> last_active_at answered by the latest touch
        self.tokens = 0
        self.killed_urls: set[str] = set()
        self.expected_errors = 0
        self.unexpected: list[str] = []

    def error(self, url: str, error: Exception | str) -> None:
        with self.lock:
            if isinstance(error, requests.ConnectionError) and url in self.killed_urls:
                self.expected_errors += 1
            else:
                self.unexpected.append(f"{url}: {error!r}"[:300])


class Abandon(Exception):
    pass


def worker(cluster, ledger: Ledger, stop: threading.Event, offset: int) -> None:
    turn = offset

    def send(client: NativeClient, method: str, path: str, data=None):
        nonlocal turn
        node = cluster.nodes[turn % len(cluster.nodes)]
        turn += 1
        url = node.url
        if url is None:  # between a kill and its restart
            raise Abandon()
        client.base_url = url
        try:
            reply = client.request(method, path, data)
        except requests.ConnectionError as error:
            ledger.error(url, error)
            raise Abandon() from error
        except AssertionError as error:  # the client's own checks: a 5xx, a body that is not Clerk's
            ledger.error(url, f"{method} {path}: {error}")
            raise Abandon() from error
        if not 200 <= reply.status < 300:
            ledger.error(url, f"{method} {path} answered {reply.status}: {str(reply.body)[:200]}")
            raise Abandon()
        return reply

    while not stop.is_set():
        client = NativeClient("http://unset", validate=False)
        email = unique_email("fault")
        try:
            created = send(client, "POST", "/v1/client/sign_ups", {"email_address": email, "password": PASSWORD})
            sign_up_id = created.response["id"]
            send(client, "POST", f"/v1/client/sign_ups/{sign_up_id}/prepare_verification", {"strategy": "email_code"})
            done = send(client, "POST", f"/v1/client/sign_ups/{sign_up_id}/attempt_verification",
                        {"strategy": "email_code", "code": TEST_CODE})
            with ledger.lock:
                ledger.users[done.response["created_user_id"]] = email
            session = done.response["created_session_id"]
            for _ in range(3):
                touched = send(client, "POST", f"/v1/client/sessions/{session}/touch")
                with ledger.lock:
                    ledger.touches[session] = touched.response["last_active_at"]
                send(client, "POST", f"/v1/client/sessions/{session}/tokens")
                with ledger.lock:
                    ledger.tokens += 1
        except Abandon:
            time.sleep(0.05)


def psql(url: str, query: str) -> list[list[str]]:
    output = subprocess.run(["psql", url, "-At", "-F", "\t", "-c", query], check=True, capture_output=True, text=True,
                            timeout=60).stdout
    return [row.split("\t") for row in output.splitlines() if row]


def verify(database_url: str, ledger: Ledger) -> list[str]:
    """Every 2xx write present: each user, each touched session with at least the answered last_active_at."""
    problems = []
    users = {row[0]: row[1] for row in psql(database_url, "SELECT users.id, identifications.value FROM users "
                                                          "JOIN identifications ON identifications.user_id = users.id")}
    for user_id, email in ledger.users.items():
        if users.get(user_id) != email:
            problems.append(f"user {user_id} ({email}) answered 2xx is missing")
    sessions = {row[0]: int(row[1]) for row in psql(database_url, "SELECT id, last_active_at FROM sessions")}
    for session_id, last_active in ledger.touches.items():
        if session_id not in sessions:
            problems.append(f"session {session_id} answered 2xx is missing")
        elif sessions[session_id] < last_active:
            problems.append(f"session {session_id}: touch answered last_active_at {last_active}, "
                            f"stored {sessions[session_id]}")
    return problems


def database_loss(url: str) -> list[str]:
    """Stops the database: health must turn 503 with Retry-After, then 200 again once it is back."""
    problems = []
    subprocess.run([POSTGRES, "stop"], check=True)
    try:
        lost = requests.get(url + "/v1/health", timeout=30)
        if lost.status_code != 503 or not lost.headers.get("Retry-After") or lost.json().get("status") != "unhealthy":
            problems.append(f"health without the database: {lost.status_code} {lost.headers.get('Retry-After')} {lost.text[:200]}")
    finally:
        subprocess.run([POSTGRES, "start"], check=True, capture_output=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        back = requests.get(url + "/v1/health", timeout=30)
        if back.status_code == 200:
            return problems
        time.sleep(0.5)
    return problems + [f"health still {back.status_code} 30 s after the database came back"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--interval", type=float, default=3.0, help="seconds of load between faults")
    args = parser.parse_args()
    if not harness.TEST_DATABASE:
        print("CLERK_TUI_TEST_DATABASE is not set (run.sh starts the PostgreSQL server)", file=sys.stderr)
        return 2
    ledger = Ledger()
    with tempfile.TemporaryDirectory(prefix="clerk-fault-") as scratch:
        cluster = harness.Cluster(Path(scratch) / "fault" / "data", SETTINGS, nodes=2)
        cluster.start()
        stop = threading.Event()
        threads = [threading.Thread(target=worker, args=(cluster, ledger, stop, index)) for index in range(args.workers)]
        for thread in threads:
            thread.start()
        restarts_database_after = args.kills // 2
        try:
            for kill in range(args.kills):
                time.sleep(args.interval)
                node = cluster.nodes[kill % len(cluster.nodes)]
                with ledger.lock:
                    ledger.killed_urls.add(node.url)
                node.kill9()
                node.url = None
                time.sleep(0.5)
                node.start()
                if kill + 1 == restarts_database_after:
                    time.sleep(args.interval)
                    subprocess.run([POSTGRES, "stop"], check=True)
                    subprocess.run([POSTGRES, "start"], check=True, capture_output=True)
            time.sleep(args.interval)
        finally:
            stop.set()
            for thread in threads:
                thread.join()
        try:
            problems = verify(cluster.nodes[0].database_url, ledger)
            problems += database_loss(cluster.nodes[1].url)
        finally:
            alive = cluster.alive
            log_tail = cluster.log_tail()
            cluster.stop()
    print("\n== Fault test: 2 nodes on PostgreSQL under write load ==")
    print(f"node kills (SIGKILL, then restart): {args.kills}; database restarts (fast shutdown, start): 1")
    print(f"sign-ups completed (2xx): {len(ledger.users)}; sessions touched (2xx): {len(ledger.touches)}; "
          f"tokens minted (2xx): {ledger.tokens}")
    print(f"connection errors to a killed node: {ledger.expected_errors}; other errors: {len(ledger.unexpected)}; "
          f"other problems (2xx writes missing, health during a database loss): {len(problems)}")
    for line in (ledger.unexpected + problems)[:20]:
        print("  !!", line)
    if not alive:
        print("a node died on its own; log tail:\n" + log_tail)
    return 0 if alive and not ledger.unexpected and not problems and ledger.users else 1


if __name__ == "__main__":
    sys.exit(main())
