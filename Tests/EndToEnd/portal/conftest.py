"""Fixtures of the portal end-to-end tests (the harness itself is in portal_harness.py)."""

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tmux_driver.py, dev_browser.py

from portal_harness import BINARY, World  # noqa: E402


@pytest.fixture
def world(tmp_path):
    if not BINARY.exists():
        pytest.fail(f"no clerk-tui binary at {BINARY} (build it, or set CLERK_TUI_BIN)")
    if shutil.which("tmux") is None:
        pytest.fail("tmux is required")
    world = World(tmp_path)
    yield world
    world.close()
