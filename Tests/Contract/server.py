"""Runs `clerk-tui serve` as a child process: start, stop (SIGTERM), kill -9, restart on the same data dir."""
from __future__ import annotations

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
                 descriptor_limit: int | None = None, create_data_dir: bool = True):
        self.data_dir = Path(data_dir)
        # Extra environment variables for the server process (e.g. LOG_LEVEL).
        self.environment = environment or {}
        # The server's `ulimit -n`, when a test wants it lower than the suite's.
        self.descriptor_limit = descriptor_limit
        if create_data_dir:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        else:
            self.data_dir.parent.mkdir(parents=True, exist_ok=True)
        self.config_path: Path | None = None
        if settings is not None:
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
        result = subprocess.run([binary(), "outbox", "--data-dir", str(self.data_dir), "--json", "--limit", "100000"],
                                capture_output=True, timeout=60, cwd=REPO_ROOT)
        assert result.returncode == 0, f"outbox failed: {result.stderr.decode(errors='replace')}"
        return [json.loads(line) for line in result.stdout.decode().splitlines() if line.strip()]

    def admin(self, *args: str) -> str:
        """Runs `clerk-tui admin --data-dir DIR --config FILE ARGS…` beside the running server; its standard output."""
        command = [binary(), "admin", "--data-dir", str(self.data_dir)]
        if self.config_path:
            command += ["--config", str(self.config_path)]
        result = subprocess.run(command + list(args), capture_output=True, timeout=60, cwd=REPO_ROOT)
        assert result.returncode == 0, f"admin {' '.join(args)} failed: {result.stderr.decode(errors='replace')}"
        return result.stdout.decode()

    def admin_json(self, *args: str) -> list[dict]:
        """An `admin … list --json` as a list of objects."""
        return [json.loads(line) for line in self.admin(*args, "--json").splitlines() if line.strip()]

    def outbox_ids(self) -> set[str]:
        return {str(entry.get("id")) for entry in self.outbox()}
