"""tmux harness for driving the real clerk-tui binary's widget gallery in a real pty (a private tmux server, keys sent
with `send-keys`, screens read with `capture-pane`)."""

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tmux_driver.py

from tmux_driver import BINARY, ProgramPane  # noqa: E402


class Pane(ProgramPane):
    """`clerk-tui ui-gallery ARGS` in its own tmux server, with a private home."""

    def __init__(self, work: Path, env: dict, args: list, width: int, height: int):
        environment = {"LANG": "C.UTF-8", "HOME": str(work), "XDG_DATA_HOME": str(work / "data"), **env}
        super().__init__(work, environment, ["ui-gallery", *args], width, height)


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
