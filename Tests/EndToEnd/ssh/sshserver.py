"""A `clerk-tui ssh` process under test, the OpenSSH client command line, and a tmux driver."""
from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import time
from pathlib import Path

from tmux_driver import BINARY, TmuxServer, Window



def wait_for(predicate, timeout=10.0, interval=0.1, what="condition"):
    """Polls `predicate` until it returns something truthy; fails with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(interval)


class SSHServer:
    """`clerk-tui ssh --port 0 …` in its own XDG directories; `stop()` sends SIGTERM."""

    def __init__(self, root: Path, *args: str):
        self.root = root
        self.args = list(args)
        self.env = {
            "PATH": os.environ["PATH"], "HOME": str(root / "home"), "LANG": "C.UTF-8",
            "XDG_DATA_HOME": str(root / "data"), "XDG_STATE_HOME": str(root / "state"),
            "XDG_CONFIG_HOME": str(root / "config"), "TMPDIR": str(root / "tmp"),
        }
        for name in ("home", "tmp"):
            (root / name).mkdir(parents=True, exist_ok=True)
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.fingerprint = ""
        self.log_path = root / "server.log"

    def start(self) -> "SSHServer":
        self.stdout_path = self.root / "server.out"
        self.process = subprocess.Popen(
            [str(BINARY), "ssh", "--port", "0", *self.args], env=self.env,
            stdout=open(self.stdout_path, "w"), stderr=open(self.log_path, "w"))
        line = wait_for(lambda: self._ready_line(), timeout=30, what="the server's ready line")
        self.port = int(line)
        self.fingerprint = re.search(r"SSH host key (SHA256:\S+)", self.stdout_path.read_text()).group(1)
        return self

    def _ready_line(self):
        if self.process.poll() is not None:
            raise AssertionError(f"server exited {self.process.returncode}: {self.log_path.read_text()}")
        match = re.search(r"SSH portal listening on [\d.]+:(\d+)", self.stdout_path.read_text())
        return match and match.group(1)

    def outbox(self) -> list[dict]:
        """What the embedded instance has "sent" (`clerk-tui outbox --json` on its data directory)."""
        import json
        result = subprocess.run([str(BINARY), "outbox", "--json", "--data-dir", str(self.root / "data/clerk-tui/local")],
                                env=self.env, capture_output=True, text=True, timeout=30, check=True)
        return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]

    def stop(self, timeout=15) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout)

    @property
    def temp_dir(self) -> Path:
        return self.root / "tmp"

    def children(self) -> list[int]:
        """Pids of the server's direct children (the session portals)."""
        result = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True)
        return [int(pid) for pid in result.stdout.split()]

    def log_events(self, event: str) -> list[dict]:
        import json
        events = []
        for line in self.log_path.read_text().splitlines():
            if line.startswith("{"):
                record = json.loads(line)
                if record.get("event") == event:
                    events.append(record)
        return events

    def ssh_command(self, key: Path | None, *extra: str) -> list[str]:
        command = ["ssh", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                   "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "-p", str(self.port)]
        if key is not None:
            command += ["-i", str(key), "-o", "IdentitiesOnly=yes"]
        return command + list(extra) + ["127.0.0.1"]

    def run_ssh(self, key: Path | None, *extra: str, command: str | None = None, timeout=20):
        argv = self.ssh_command(key, *extra) + ([command] if command else [])
        return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def process_state(pid: int) -> str | None:
    """The `State:` letter of `pid`, or None once it is gone (reaped)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("State:"):
                return line.split()[1]
    except FileNotFoundError:
        return None
    return None


def process_environment(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode().split("=", 1) for item in raw if b"=" in item)


class Tmux(TmuxServer):
    """A private tmux server running one session per SSH client, addressed by name."""

    def __init__(self):
        super().__init__("clerk-ssh")

    def open(self, name: str, argv: list[str], width=100, height=30, term="xterm-256color") -> Window:
        # The trailing sleep keeps the pane (and what the client printed last) around after ssh exits.
        # tmux sets TERM in the pane itself, so the client's TERM is set in the command.
        command = f"TERM={shlex.quote(term)} {shlex.join(argv)}; echo SSH-EXIT=$?; sleep 60"
        return super().open(name, f"sh -c {shlex.quote(command)}", width, height)

    def screen(self, name: str) -> str:
        return Window(self, name).screen()

    def lines(self, name: str) -> list[str]:
        return self.screen(name).split("\n")

    def wait_text(self, name: str, text: str, timeout=15.0) -> str:
        return Window(self, name).wait_for(re.escape(text), timeout)

    def keys(self, name: str, *keys: str):
        Window(self, name).keys(*keys)

    def type(self, name: str, text: str):
        Window(self, name).type(text)

    def resize(self, name: str, width: int, height: int):
        Window(self, name).resize(width, height)

    def kill(self, name: str):
        Window(self, name).kill()


def make_key(directory: Path, name: str) -> Path:
    path = directory / name
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(path)], check=True)
    return path
