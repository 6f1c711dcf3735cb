"""Runs `clerk-tui serve` as a child process: start, stop (SIGTERM), kill -9, restart on the same data dir.

With CLERK_TUI_TEST_DATABASE (the admin URL of the suite's own PostgreSQL server, Tests/Support/postgres.sh) each
module's server keeps its state in a fresh PostgreSQL database instead, run by CLERK_TUI_TEST_NODES nodes (default 1)
that share it and the data key, each with its own empty data dir; clients alternate between the nodes (`fapi.NODES`).
"""
from __future__ import annotations

import base64
import itertools
import json
import os
import queue
import re
import resource
import signal
import subprocess
import threading
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
READY_LINE = re.compile(r"^Frontend API listening on (http://\S+)\s*$")
START_TIMEOUT = 60
TEST_DATABASE = os.environ.get("CLERK_TUI_TEST_DATABASE", "")
TEST_NODES = int(os.environ.get("CLERK_TUI_TEST_NODES", "1") or "1")


def binary() -> str:
    path = os.environ.get("CLERK_TUI_BIN", ".build/debug/clerk-tui")
    resolved = Path(path) if os.path.isabs(path) else REPO_ROOT / path
    if not resolved.exists():
        raise RuntimeError(f"clerk-tui binary not found at {resolved}: build it with "
                           "`swift build --product clerk-tui` or set CLERK_TUI_BIN")
    return str(resolved)


def to_toml(settings: dict) -> str:
    """A small TOML writer for the settings file: scalars and lists first, then one [table] per dict and one
    [[table]] per dict of a list of dicts."""
    def scalar(value) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return repr(value)
        if isinstance(value, str):
            return json.dumps(value)
        if isinstance(value, (list, tuple)):
            return "[" + ", ".join(scalar(v) for v in value) + "]"
        raise TypeError(f"cannot write {value!r} as TOML")

    lines: list[str] = []

    def is_table_list(value) -> bool:
        return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)

    def table(prefix: str, values: dict) -> None:
        plain = {k: v for k, v in values.items() if not isinstance(v, dict) and not is_table_list(v)}
        nested = {k: v for k, v in values.items() if isinstance(v, dict)}
        arrays = {k: v for k, v in values.items() if is_table_list(v)}
        if prefix and (plain or not (nested or arrays)):
            lines.append(f"\n[{prefix}]")
        for key, value in plain.items():
            lines.append(f"{key} = {scalar(value)}")
        for key, value in nested.items():
            table(f"{prefix}.{key}" if prefix else key, value)
        for key, items in arrays.items():  # arrays of tables: [[prefix.key]]
            for item in items:
                lines.append(f"\n[[{prefix}.{key}]]" if prefix else f"\n[[{key}]]")
                for name, value in item.items():
                    lines.append(f"{name} = {scalar(value)}")

    table("", settings)
    return "\n".join(lines).lstrip() + "\n"


def merge(base: dict, override: dict) -> dict:
    """Deep merge of two settings dicts (override wins)."""
    result = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = value
    return result


class Server:
    """One `clerk-tui serve` process on 127.0.0.1 with a port chosen by the kernel."""

    def __init__(self, data_dir: Path, settings: dict | None, environment: dict | None = None, *,
                 descriptor_limit: int | None = None, create_data_dir: bool = True,
                 database_url: str | None = None, config_path: Path | None = None):
        # The URL clients reach the instance at, when another node's (`Cluster`): its tokens' issuer.
        self.public_url: str | None = None
        self.data_dir = Path(data_dir)
        # Extra environment variables for the server process (e.g. LOG_LEVEL).
        self.environment = environment or {}
        # The server's `ulimit -n`, when a test wants it lower than the suite's.
        self.descriptor_limit = descriptor_limit
        self.database_url = database_url
        if create_data_dir:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        else:
            self.data_dir.parent.mkdir(parents=True, exist_ok=True)
        self.config_path: Path | None = config_path
        if settings is not None and config_path is None:
            self.config_path = self.data_dir.parent / f"{self.data_dir.name}.toml"
            self.config_path.write_text(to_toml(settings))
        self.log_path = self.data_dir.parent / f"{self.data_dir.name}.log"
        self.process: subprocess.Popen | None = None
        self.url: str | None = None
        self.starts = 0

    def command(self) -> list[str]:
        command = [binary(), "serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", str(self.data_dir)]
        if self.config_path:
            command += ["--config", str(self.config_path)]
        if self.database_url:
            command += ["--database", self.database_url]
        if self.public_url:
            command += ["--public-url", self.public_url]
        return command

    def start(self) -> str:
        assert self.process is None, "already running"
        log = open(self.log_path, "ab")
        limit = self.descriptor_limit

        def lower_descriptor_limit():
            if limit is not None:
                resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))

        self.process = subprocess.Popen(self.command(), stdout=subprocess.PIPE, stderr=log,
                                        stdin=subprocess.DEVNULL, cwd=REPO_ROOT, env={**os.environ, **self.environment},
                                        preexec_fn=lower_descriptor_limit if limit is not None else None)
        log.close()
        lines: queue.Queue = queue.Queue()
        stdout = self.process.stdout

        def pump():
            # Keeps draining stdout so the server never blocks on a full pipe; mirrors it into the log.
            for raw in iter(stdout.readline, b""):
                lines.put(raw.decode(errors="replace"))
                with open(self.log_path, "ab") as sink:
                    sink.write(raw)
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        deadline = time.monotonic() + START_TIMEOUT
        seen = []
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=0.5)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            if line is None:
                break
            seen.append(line)
            match = READY_LINE.match(line)
            if match:
                self.url = match.group(1)
                forget_rotation(self.url)  # the kernel may hand out a stopped cluster's port again
                self.starts += 1
                return self.url
        self.kill9()
        raise RuntimeError(f"server did not announce itself within {START_TIMEOUT}s; stdout={seen!r}; "
                           f"log tail:\n{self.log_tail()}")

    def stop(self, timeout: float = 20) -> int:
        """SIGTERM, then waits for a clean exit; returns the exit status."""
        if self.process is None:
            return 0
        self.process.send_signal(signal.SIGTERM)
        try:
            status = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            self.process = None
            raise AssertionError(f"server ignored SIGTERM for {timeout}s")
        self.process = None
        return status

    def kill9(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def restart(self) -> str:
        self.stop()
        return self.start()

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self, size: int = 4000) -> str:
        try:
            return self.log_path.read_bytes()[-size:].decode(errors="replace")
        except OSError:
            return ""

    def log_text(self) -> str:
        try:
            return self.log_path.read_bytes().decode(errors="replace")
        except OSError:
            return ""

    def outbox(self) -> list[dict]:
        """What a development instance "sent", oldest first: `clerk-tui outbox --data-dir DIR --json`
        (one JSON object per line)."""
        command = [binary(), "outbox", "--data-dir", str(self.data_dir), "--json", "--limit", "100000"]
        if self.database_url:
            command += ["--database", self.database_url]
        result = subprocess.run(command, capture_output=True, timeout=60, cwd=REPO_ROOT)
        assert result.returncode == 0, f"outbox failed: {result.stderr.decode(errors='replace')}"
        return [json.loads(line) for line in result.stdout.decode().splitlines() if line.strip()]

    def admin(self, *args: str) -> str:
        """Runs `clerk-tui admin --data-dir DIR --config FILE ARGS…` beside the running server; its standard output."""
        command = [binary(), "admin", "--data-dir", str(self.data_dir)]
        if self.config_path:
            command += ["--config", str(self.config_path)]
        if self.database_url:
            command += ["--database", self.database_url, "--public-url", self.public_url or self.url]
        result = subprocess.run(command + list(args), capture_output=True, timeout=60, cwd=REPO_ROOT,
                                env={**os.environ, **self.environment})
        assert result.returncode == 0, f"admin {' '.join(args)} failed: {result.stderr.decode(errors='replace')}"
        return result.stdout.decode()

    def admin_json(self, *args: str) -> list[dict]:
        """An `admin … list --json` as a list of objects."""
        return [json.loads(line) for line in self.admin(*args, "--json").splitlines() if line.strip()]

    def outbox_ids(self) -> set[str]:
        return {str(entry.get("id")) for entry in self.outbox()}


def create_database(name: str) -> str:
    """A fresh database on the suite's PostgreSQL server; returns its URL."""
    safe = "t_" + re.sub(r"[^a-z0-9_]", "_", name.lower())[:40] + f"_{os.getpid()}"
    admin = TEST_DATABASE
    for statement in (f"DROP DATABASE IF EXISTS {safe} WITH (FORCE)", f"CREATE DATABASE {safe}"):
        subprocess.run(["psql", admin, "-q", "-v", "ON_ERROR_STOP=1", "-c", statement], check=True, capture_output=True,
                       timeout=60)
    return admin.rsplit("/", 1)[0] + "/" + safe


def forget_rotation(url: str | None) -> None:
    """Clients of `url` stop alternating between a cluster's nodes: they are stopped, or their port is reused."""
    import fapi
    fapi.NODES.pop(url, None)


class Cluster:
    """`TEST_NODES` `clerk-tui serve` nodes on one PostgreSQL database, with Server's interface: every operation
    applies to each node; `url` is the first node's, and clients built on it alternate between all of them."""

    def __init__(self, data_dir: Path, settings: dict | None, environment: dict | None = None, nodes: int = TEST_NODES):
        data_dir = Path(data_dir)
        database_url = create_database(data_dir.parent.name)
        shared = {**(environment or {}), "CLERK_TUI_DATA_KEY": base64.b64encode(os.urandom(32)).decode()}
        first = Server(data_dir, settings, shared, database_url=database_url)
        self.nodes = [first] + [Server(data_dir.parent / f"{data_dir.name}-node{index}", None, shared, database_url=database_url,
                                       config_path=first.config_path) for index in range(1, nodes)]

    def __getattr__(self, name):
        # data_dir, config_path, environment, outbox, outbox_ids: the first node's (the outbox is the database's).
        return getattr(self.nodes[0], name)

    @property
    def url(self) -> str | None:
        return self.nodes[0].url

    @property
    def process(self):
        return next((node.process for node in self.nodes if node.process is not None), None)

    @property
    def alive(self) -> bool:
        return all(node.alive for node in self.nodes)

    def start(self) -> str:
        import fapi
        first = self.nodes[0].start()
        for node in self.nodes[1:]:
            node.public_url = first  # one instance: every node issues tokens as the first
            node.start()
        fapi.NODES[first] = itertools.cycle([node.url for node in self.nodes])
        return first

    def stop(self, timeout: float = 20) -> int:
        forget_rotation(self.url)
        statuses = [node.stop(timeout) for node in self.nodes]
        return next((status for status in statuses if status != 0), 0)

    def kill9(self) -> None:
        forget_rotation(self.url)
        for node in self.nodes:
            node.kill9()

    def restart(self) -> str:
        self.stop()
        return self.start()

    def log_tail(self, size: int = 4000) -> str:
        return "\n".join(f"-- node {index}:\n{node.log_tail(size)}" for index, node in enumerate(self.nodes))

    def log_text(self) -> str:
        return "\n".join(node.log_text() for node in self.nodes)


def make_server(data_dir: Path, settings: dict | None, environment: dict | None = None):
    """A Server on SQLite, or a Cluster on the suite's PostgreSQL server when CLERK_TUI_TEST_DATABASE is set."""
    return Cluster(data_dir, settings, environment) if TEST_DATABASE else Server(data_dir, settings, environment)
