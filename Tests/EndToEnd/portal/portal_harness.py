"""Harness for the portal end-to-end tests: the real clerk-tui binary in a private tmux server, the real Frontend API.

Each test gets its own XDG_DATA_HOME / XDG_STATE_HOME / XDG_CONFIG_HOME, so the embedded instance
(`$XDG_DATA_HOME/clerk-tui/local`) and the client token start empty.
"""

import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest
from tmux_driver import BINARY, ProgramPane

WIDTH, HEIGHT = 100, 30
SIGN_IN = r"Sign in to clerk-tui"
HOME = r"Signed in as "


def base_env(home: Path) -> dict:
    """The environment of every clerk-tui process of one test: private XDG directories, UTF-8, a local terminal
    with no display (whatever the machine running the tests is: an SSH login would hide the social buttons, a
    display would open a browser)."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LANG": "C.UTF-8",
            "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state"),
            "XDG_CONFIG_HOME": str(home / "config"), "SSH_CONNECTION": "", "SSH_TTY": "", "CLERK_TUI_REMOTE": "",
            "DISPLAY": "", "WAYLAND_DISPLAY": ""}


class Pane(ProgramPane):
    """One private tmux server with one 100x30 window running `clerk-tui ARGS`."""

    def __init__(self, work: Path, env: dict, args: list):
        super().__init__(work, env, args, WIDTH, HEIGHT, prefix="clerk-tui-portal")


class Server:
    """`clerk-tui serve --port 0` on a data directory (possibly the embedded instance's, SQLite WAL allows both)."""

    def __init__(self, env: dict, data_dir: Path, config: Path | None = None, port: int = 0, log: Path | None = None):
        self.env, self.data_dir, self.config, self.log = env, data_dir, config, log
        self.process = None
        self.url = None
        self.start(port)

    def start(self, port: int = 0) -> None:
        args = [str(BINARY), "serve", "--port", str(port), "--data-dir", str(self.data_dir)]
        if self.config:
            args += ["--config", str(self.config)]
        # A log a test reads goes to a file: a pipe nobody reads would stall a server that logs a lot.
        stderr = self.log.open("a") if self.log else subprocess.PIPE
        self.process = subprocess.Popen(args, env=self.env, stdout=subprocess.PIPE, stderr=stderr, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"Frontend API listening on (http://\S+)", line)
        if not match:
            self.process.kill()
            pytest.fail(f"serve did not start: {line!r} {self.log.read_text() if self.log else self.process.stderr.read()}")
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

    def portal(self, *args: str, device: str | None = None) -> Pane:
        """The portal; with `device`, as another device (its own client token), for a second user."""
        work = self.home / f"pane{len(self.panes)}"
        work.mkdir()
        pane = Pane(work, self.device_env(device), list(args))
        self.panes.append(pane)
        return pane

    def device_env(self, device: str | None) -> dict:
        """The environment of this test's own device, or of another one (a separate client-token store)."""
        if device is None:
            return self.env
        state = self.home / f"state-{device}"
        state.mkdir(exist_ok=True)
        return {**self.env, "XDG_STATE_HOME": str(state)}

    def serve(self, data_dir: Path | None = None, config: str | None = None, port: int = 0,
              config_file: Path | None = None, log: Path | None = None) -> Server:
        """`clerk-tui serve` with the settings in `config` (TOML text) or `config_file` (a ready instance); its log
        (stderr) in `log` when given."""
        config_path = config_file
        if config is not None:
            config_path = self.home / f"instance{len(self.servers)}.toml"
            config_path.write_text(config)
        server = Server(self.env, data_dir or self.local_data, config_path, port, log)
        self.servers.append(server)
        return server

    def run(self, *args: str, check: bool = True, device: str | None = None, **kwargs) -> subprocess.CompletedProcess:
        result = subprocess.run([str(BINARY), *args], env=self.device_env(device), capture_output=True, text=True,
                                timeout=60, **kwargs)
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
