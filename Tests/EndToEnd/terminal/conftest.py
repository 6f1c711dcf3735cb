"""tmux harness for driving the real clerk-tui binary in a real pty (see tui.md §6.1)."""

import os
import re
import shlex
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
BINARY = Path(os.environ.get("CLERK_TUI_BIN", REPO / ".build/debug/clerk-tui")).resolve()

# Runs inside the pane: records the tty settings, run the gallery (its pid in a file, so a test can
# signal exactly that process), record its exit status and the tty settings again, then idle.
# Ctrl-C reaches the whole foreground process group; an interactive shell would have put the
# gallery in its own group, so the runner catches SIGINT to survive it (the gallery gets SIG_DFL).
# tmux sets TERM in the pane itself, so the wanted TERM travels as PANE_TERM.
RUNNER = """#!/bin/sh
trap : INT
export TERM="$PANE_TERM"
stty -a > "$WORK/stty.before"
sh -c 'echo $$ > "$WORK/pid"; exec "$@"' sh "$BINARY" ui-gallery "$@"
echo "EXIT=$?"
stty -a > "$WORK/stty.after"
exec sleep 600
"""


class Pane:
    """One tmux server (private socket) with one window running the gallery."""

    def __init__(self, work: Path, env: dict, args: list, width: int, height: int):
        self.work = work
        self.socket = f"clerk-tui-e2e-{uuid.uuid4().hex[:8]}"
        runner = work / "run.sh"
        runner.write_text(RUNNER)
        runner.chmod(0o755)
        environment = {"LANG": "C.UTF-8", "PANE_TERM": "xterm-256color", "WORK": str(work), "BINARY": str(BINARY),
                       "HOME": str(work), "XDG_DATA_HOME": str(work / "data")}
        environment.update(env)
        flags = [arg for key, value in environment.items() for arg in ("-e", f"{key}={value}")]
        command = " ".join(shlex.quote(part) for part in [str(runner), *args])
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height), *flags, command)
        self.tmux("set-option", "-g", "status", "off")
        self.socket_path = Path(self.tmux("display-message", "-p", "#{socket_path}").strip())

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True, capture_output=True, text=True).stdout

    def screen(self, colours: bool = False) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t", *(["-e"] if colours else []))

    def wait_for(self, pattern: str, colours: bool = False, timeout: float = 10.0) -> str:
        """Polls the screen until `pattern` (a regex) appears; fails with the last screen."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen(colours)
            if re.search(pattern, text):
                return text
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {pattern!r}; screen was:\n{text}")
            time.sleep(0.05)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "t", *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "t", "-l", text)

    def paste(self, text: str) -> None:
        """A bracketed paste, as a terminal sends it when the app asked for bracketed paste mode."""
        self.tmux("set-buffer", "-b", "p", text)
        self.tmux("paste-buffer", "-p", "-d", "-b", "p", "-t", "t")

    def resize(self, width: int, height: int) -> None:
        self.tmux("resize-window", "-t", "t", "-x", str(width), "-y", str(height))

    def pid(self) -> int:
        deadline = time.monotonic() + 10
        while not (self.work / "pid").exists():
            if time.monotonic() > deadline:
                pytest.fail("the gallery never started")
            time.sleep(0.05)
        return int((self.work / "pid").read_text())

    def exit_status(self) -> int:
        return int(self.wait_for(r"EXIT=\d+").split("EXIT=")[1].split()[0])

    def stty(self) -> tuple:
        after = self.work / "stty.after"
        deadline = time.monotonic() + 10
        while not after.exists() or not after.read_text():
            if time.monotonic() > deadline:
                pytest.fail("stty -a was not recorded after exit")
            time.sleep(0.05)
        return (self.work / "stty.before").read_text(), after.read_text()

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        self.socket_path.unlink(missing_ok=True)


@pytest.fixture
def gallery(tmp_path):
    """Starts the gallery; call it with env overrides, extra args and a size."""
    if not BINARY.exists():
        pytest.fail(f"no clerk-tui binary at {BINARY} (build it, or set CLERK_TUI_BIN)")
    if shutil.which("tmux") is None:
        pytest.fail("tmux is required")
    panes = []

    def start(env=None, args=(), width=80, height=24):
        work = tmp_path / f"pane{len(panes)}"
        work.mkdir()
        pane = Pane(work, env or {}, list(args), width, height)
        panes.append(pane)
        return pane

    yield start
    for pane in panes:
        pane.close()
