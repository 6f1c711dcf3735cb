"""Harness for the portal end-to-end tests: the real clerk-tui binary in a private tmux server, the real Frontend API.

Each test gets its own XDG_DATA_HOME / XDG_STATE_HOME / XDG_CONFIG_HOME, so the embedded instance
(`$XDG_DATA_HOME/clerk-tui/local`) and the client token start empty.
"""

import json
import os
import re
import shlex
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
BINARY = Path(os.environ.get("CLERK_TUI_BIN", REPO / ".build/debug/clerk-tui")).resolve()
WIDTH, HEIGHT = 100, 30
SIGN_IN = r"Sign in to clerk-tui"
HOME = r"Signed in as "

# Runs inside the pane: records the tty settings, runs the portal (its pid in a file), records its exit
# status and the tty settings again, then idles so the final screen stays readable.
RUNNER = """#!/bin/sh
trap : INT
export TERM="$PANE_TERM"
stty -a > "$WORK/stty.before"
sh -c 'echo $$ > "$WORK/pid"; exec "$@"' sh "$BINARY" "$@"
echo "EXIT=$?"
stty -a > "$WORK/stty.after"
exec sleep 600
"""


def base_env(home: Path) -> dict:
    """The environment of every clerk-tui process of one test: private XDG directories, UTF-8."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LANG": "C.UTF-8",
            "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state"),
            "XDG_CONFIG_HOME": str(home / "config")}


class Pane:
    """One private tmux server with one 100x30 window running `clerk-tui ARGS`."""

    def __init__(self, work: Path, env: dict, args: list):
        self.work = work
        self.socket = f"clerk-tui-portal-{uuid.uuid4().hex[:8]}"
        runner = work / "run.sh"
        runner.write_text(RUNNER)
        runner.chmod(0o755)
        environment = {**env, "PANE_TERM": "xterm-256color", "WORK": str(work), "BINARY": str(BINARY)}
        flags = [arg for key, value in environment.items() for arg in ("-e", f"{key}={value}")]
        command = " ".join(shlex.quote(part) for part in [str(runner), *args])
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", str(WIDTH), "-y", str(HEIGHT),
                  *flags, command)
        self.tmux("set-option", "-g", "status", "off")
        self.tmux("set-option", "-g", "history-limit", "10000")
        self.socket_path = Path(self.tmux("display-message", "-p", "#{socket_path}").strip())

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True, capture_output=True, text=True).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t")

    def history(self) -> str:
        """Everything the pane ever showed, scrollback included."""
        return self.tmux("capture-pane", "-p", "-S", "-", "-t", "t")

    def wait_for(self, pattern: str, timeout: float = 20.0) -> str:
        """Polls the screen until `pattern` (a regex) appears; fails with the last screen."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen()
            if re.search(pattern, text):
                return text
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {pattern!r}; screen was:\n{text}")
            time.sleep(0.05)

    def wait_gone(self, pattern: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen()
            if not re.search(pattern, text):
                return text
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {pattern!r} to go; screen was:\n{text}")
            time.sleep(0.05)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "t", *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "t", "-l", text)

    def pid(self) -> int:
        deadline = time.monotonic() + 10
        while not (self.work / "pid").exists():
            if time.monotonic() > deadline:
                pytest.fail("the portal never started")
            time.sleep(0.05)
        return int((self.work / "pid").read_text())

    def exit_status(self, timeout: float = 20.0) -> int:
        return int(self.wait_for(r"EXIT=\d+", timeout).split("EXIT=")[1].split()[0])

    def stty(self) -> tuple:
        after = self.work / "stty.after"
        deadline = time.monotonic() + 10
        while not after.exists() or not after.read_text():
            if time.monotonic() > deadline:
                pytest.fail("stty -a was not recorded after exit")
            time.sleep(0.05)
        return (self.work / "stty.before").read_text(), after.read_text()

    def quit(self) -> None:
        """Ctrl-C; asserts a clean exit with the terminal restored."""
        self.keys("C-c")
        assert self.exit_status() == 0
        before, after = self.stty()
        assert before == after

    def assert_never_shown(self, *secrets: str) -> None:
        """Neither the screen nor the scrollback ever held any of `secrets`."""
        history = self.history()
        for secret in secrets:
            assert secret not in history, f"a secret reached the pane:\n{history}"

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        self.socket_path.unlink(missing_ok=True)


class Server:
    """`clerk-tui serve --port 0` on a data directory (possibly the embedded instance's, SQLite WAL allows both)."""

    def __init__(self, env: dict, data_dir: Path, config: Path | None = None, port: int = 0):
        self.env, self.data_dir, self.config = env, data_dir, config
        self.process = None
        self.url = None
        self.start(port)

    def start(self, port: int = 0) -> None:
        args = [str(BINARY), "serve", "--port", str(port), "--data-dir", str(self.data_dir)]
        if self.config:
            args += ["--config", str(self.config)]
        self.process = subprocess.Popen(args, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"Frontend API listening on (http://\S+)", line)
        if not match:
            self.process.kill()
            pytest.fail(f"serve did not start: {line!r} {self.process.stderr.read()}")
        self.url = match.group(1)

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()


class World:
    """One test's private home: panes, servers, the outbox, the embedded instance's data directory."""

    def __init__(self, home: Path):
        self.home = home
        self.env = base_env(home)
        for key in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
            Path(self.env[key]).mkdir(parents=True, exist_ok=True)
        self.local_data = Path(self.env["XDG_DATA_HOME"]) / "clerk-tui" / "local"
        self.panes: list[Pane] = []
        self.servers: list[Server] = []

    def portal(self, *args: str) -> Pane:
        work = self.home / f"pane{len(self.panes)}"
        work.mkdir()
        pane = Pane(work, self.env, list(args))
        self.panes.append(pane)
        return pane

    def serve(self, data_dir: Path | None = None, config: str | None = None, port: int = 0) -> Server:
        config_path = None
        if config is not None:
            config_path = self.home / f"instance{len(self.servers)}.toml"
            config_path.write_text(config)
        server = Server(self.env, data_dir or self.local_data, config_path, port)
        self.servers.append(server)
        return server

    def run(self, *args: str, check: bool = True, **kwargs) -> subprocess.CompletedProcess:
        result = subprocess.run([str(BINARY), *args], env=self.env, capture_output=True, text=True, timeout=60,
                                **kwargs)
        if check:
            assert result.returncode == 0, f"clerk-tui {' '.join(args)} failed: {result.stderr}"
        return result

    def outbox(self, data_dir: Path | None = None) -> list[dict]:
        directory = data_dir or self.local_data
        out = self.run("outbox", "--data-dir", str(directory), "--json").stdout
        return [json.loads(line) for line in out.splitlines() if line.strip()]

    def wait_for_code(self, recipient: str, purpose: str, seen: int = 0, data_dir: Path | None = None,
                      timeout: float = 20.0) -> str:
        """The newest code sent to `recipient` for `purpose` once more than `seen` such messages exist."""
        deadline = time.monotonic() + timeout
        while True:
            messages = [m for m in self.outbox(data_dir) if m.get("to") == recipient and m.get("purpose") == purpose]
            if len(messages) > seen:
                return messages[-1]["code"]
            if time.monotonic() > deadline:
                pytest.fail(f"no {purpose} code for {recipient} in the outbox: {self.outbox(data_dir)}")
            time.sleep(0.1)

    def close(self) -> None:
        for pane in self.panes:
            pane.close()
        for server in self.servers:
            server.stop()
