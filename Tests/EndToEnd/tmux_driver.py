"""The tmux driver shared by the end-to-end suites (terminal, portal, ssh): a private tmux server per test,
screens read only once they have settled, keys and text sent as a terminal would (tmux `send-keys`, bracketed
paste with `paste-buffer -p`).

Each suite's conftest puts this folder on sys.path.
"""

import os
import re
import shlex
import subprocess
import time
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("CLERK_TUI_BIN", REPO / ".build/debug/clerk-tui")).resolve()

# A capture can land while a frame is half written (ncurses paints a frame in several writes); a screen
# is read as settled once two captures this far apart agree.
SETTLE_SECONDS = 0.05


class TmuxServer:
    """A tmux server on a private socket, without a status line, killed (socket removed) by `close`."""

    def __init__(self, prefix: str):
        self.socket = f"{prefix}-{uuid.uuid4().hex[:8]}"
        self.socket_path: Path | None = None

    def run(self, *args: str, check: bool = True) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=check, capture_output=True, text=True).stdout

    def open(self, name: str, command: str, width: int, height: int, env: dict | None = None) -> "Window":
        """A new session `name` (one window) running the shell `command`; `env` is set in that window only."""
        flags = [arg for key, value in (env or {}).items() for arg in ("-e", f"{key}={value}")]
        first = self.socket_path is None
        self.run(*(["-f", "/dev/null"] if first else []), "new-session", "-d", "-s", name,
                 "-x", str(width), "-y", str(height), *flags, command)
        if first:
            self.run("set-option", "-g", "status", "off")
            self.run("set-option", "-g", "history-limit", "10000")
            self.socket_path = Path(self.run("display-message", "-p", "#{socket_path}").strip())
        return Window(self, name)

    def close(self) -> None:
        self.run("kill-server", check=False)
        if self.socket_path:
            self.socket_path.unlink(missing_ok=True)


class Window:
    """One tmux session of a `TmuxServer`: what it shows, and the keys it receives."""

    def __init__(self, server: TmuxServer, name: str):
        self.server, self.name = server, name

    def tmux(self, *args: str) -> str:
        return self.server.run(*args)

    def capture(self, colours: bool = False) -> str:
        """What the window shows this instant, possibly a frame half painted; tests read `screen`."""
        return self.tmux("capture-pane", "-p", "-t", self.name, *(["-e"] if colours else []))

    def history(self) -> str:
        """Everything the window ever showed, scrollback included."""
        return self.tmux("capture-pane", "-p", "-S", "-", "-t", self.name)

    def screen(self, colours: bool = False) -> str:
        """The screen once two captures `SETTLE_SECONDS` apart agree (a frame is never read half painted)."""
        text = self.capture(colours)
        deadline = time.monotonic() + 2  # something animating never settles: then the latest capture
        while time.monotonic() < deadline:
            time.sleep(SETTLE_SECONDS)
            again = self.capture(colours)
            if again == text:
                return text
            text = again
        return text

    def wait_for(self, pattern: str, timeout: float = 20.0, colours: bool = False) -> str:
        """Polls until the settled screen matches `pattern` (a regex) and returns it; fails with the last screen."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen(colours)
            if re.search(pattern, text):
                return text
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {pattern!r} on {self.name}; screen was:\n{text}")

    def wait_gone(self, pattern: str, timeout: float = 20.0) -> str:
        """Polls until the settled screen no longer matches `pattern`."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen()
            if not re.search(pattern, text):
                return text
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {pattern!r} to go from {self.name}; screen was:\n{text}")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.name, "-l", text)

    def paste(self, text: str) -> None:
        """A bracketed paste, as a terminal sends it when the program asked for bracketed paste mode."""
        self.tmux("set-buffer", "-b", "p", text)
        self.tmux("paste-buffer", "-p", "-d", "-b", "p", "-t", self.name)

    def resize(self, width: int, height: int) -> None:
        self.tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))

    def kill(self) -> None:
        self.server.run("kill-session", "-t", self.name, check=False)


# Runs inside the pane: records the tty settings, runs clerk-tui (its pid in a file, so a test can signal
# exactly that process), records its exit status and the tty settings again, then idles so the final
# screen stays readable. Ctrl-C reaches the whole foreground process group; an interactive shell would have
# put clerk-tui in its own group, so the runner catches SIGINT to survive it (clerk-tui gets SIG_DFL).
# tmux sets TERM in the pane itself, so the wanted TERM travels as PANE_TERM.
RUNNER = """#!/bin/sh
trap : INT
export TERM="$PANE_TERM"
export PATH="$PANE_PATH"
stty -a > "$WORK/stty.before"
sh -c 'echo $$ > "$WORK/pid"; exec "$@"' sh "$BINARY" "$@"
echo "EXIT=$?"
stty -a > "$WORK/stty.after"
exec sleep 600
"""


class ProgramPane(Window):
    """`clerk-tui ARGS` alone in a private tmux server, with its pid, exit status and tty settings recorded."""

    def __init__(self, work: Path, env: dict, args: list, width: int, height: int, prefix: str = "clerk-tui-e2e"):
        super().__init__(TmuxServer(prefix), "t")
        self.work = work
        runner = work / "run.sh"
        runner.write_text(RUNNER)
        runner.chmod(0o755)
        environment = {"PANE_TERM": "xterm-256color", "WORK": str(work), "BINARY": str(BINARY), **env}
        # tmux gives a new pane its own PATH whatever `-e` says (as it does TERM): the runner sets both back.
        environment["PANE_PATH"] = environment.get("PATH", os.environ["PATH"])
        command = " ".join(shlex.quote(part) for part in [str(runner), *args])
        self.server.open(self.name, command, width, height, environment)

    def pid(self) -> int:
        return int(self._recorded("pid", "clerk-tui never started"))

    def exit_status(self, timeout: float = 20.0) -> int:
        return int(self.wait_for(r"EXIT=\d+", timeout).split("EXIT=")[1].split()[0])

    def stty(self) -> tuple:
        """The tty settings before clerk-tui started and after it exited."""
        after = self._recorded("stty.after", "stty -a was not recorded after exit")
        return (self.work / "stty.before").read_text(), after

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
        self.server.close()

    def _recorded(self, name: str, failure: str) -> str:
        path = self.work / name
        deadline = time.monotonic() + 10
        while not path.exists() or not path.read_text():
            if time.monotonic() > deadline:
                pytest.fail(failure)
            time.sleep(0.05)
        return path.read_text()
