"""Fixtures: a factory of `clerk-tui ssh` servers (stopped at teardown), a private tmux, client keys."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tmux_driver.py, dev_browser.py

from sshserver import SSHServer, Tmux, make_key  # noqa: E402


# Most tests check the front door itself on a stable form: the hidden widget gallery, not the portal.
GALLERY = ("--child-argument", "ui-gallery")


@pytest.fixture
def start_server(tmp_path):
    servers = []

    def start(*args: str, child: tuple[str, ...] = GALLERY) -> SSHServer:
        server = SSHServer(tmp_path / f"server{len(servers)}", *child, *args).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def tmux():
    driver = Tmux()
    yield driver
    driver.close()


@pytest.fixture
def key(tmp_path):
    return make_key(tmp_path, "id_alice")


@pytest.fixture
def other_key(tmp_path):
    return make_key(tmp_path, "id_bob")
