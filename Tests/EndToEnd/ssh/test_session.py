"""A session is a portal child on its own pty: TERM, size, filtered env, resize, reaping, state clean-up."""
from __future__ import annotations

import re
import signal
import stat
import subprocess
import urllib.request

from sshserver import process_environment, process_state, wait_for

FORM = "Terminal UI gallery"
HINT = "tab next"


def open_session(server, tmux, key, name="s", width=100, height=30, extra=(), term="xterm-256color"):
    tmux.open(name, server.ssh_command(key, "-t", *extra), width=width, height=height, term=term)
    tmux.wait_text(name, FORM)
    return wait_for(lambda: server.children(), what="the session's child")[0]


def test_resize_mid_form_relayouts_the_child(start_server, tmux, key):
    server = start_server()
    open_session(server, tmux, key, width=100, height=30)
    tmux.type("s", "Ada")
    tmux.wait_text("s", "Name: 3 chars")
    assert HINT in tmux.lines("s")[29]

    tmux.resize("s", 60, 20)
    # The child redraws for 60x20: the key hints move to the new last row and the typed text survives.
    wait_for(lambda: HINT in tmux.lines("s")[19], what=f"relayout at 60x20:\n{tmux.screen('s')}")
    screen = tmux.screen("s")
    assert "› Ada" in screen
    assert all(len(line.rstrip()) <= 60 for line in tmux.lines("s"))
    disconnect = server.log_events("disconnect")
    assert disconnect == []  # still connected


def test_child_gets_pty_term_filtered_env_and_remote_markers(start_server, tmux, key):
    server = start_server()
    pid = open_session(server, tmux, key, term="screen-256color", extra=(
        "-o", "SetEnv=LANG=fr_FR.UTF-8 NO_COLOR=1 COLORTERM=truecolor SECRET_TOKEN=leak LD_PRELOAD=/x.so"))
    environment = process_environment(pid)
    assert environment["TERM"] == "screen-256color"
    assert environment["LANG"] == "fr_FR.UTF-8"
    assert environment["NO_COLOR"] == "1" and environment["COLORTERM"] == "truecolor"
    assert "SECRET_TOKEN" not in environment and "LD_PRELOAD" not in environment
    assert environment["CLERK_TUI_REMOTE"] == "1"
    assert environment["SSH_CONNECTION"].startswith("127.0.0.1 ")
    assert environment["SSH_CONNECTION"].endswith(f" {server.port}")
    assert environment["CLERK_FRONTEND_API"].startswith("http://127.0.0.1:")
    # Its client token goes to a per-session directory under the server's temp dir, not the server's state.
    state = environment["XDG_STATE_HOME"]
    assert state.startswith(str(server.temp_dir))
    assert stat.S_IMODE(__import__("os").stat(state).st_mode) == 0o700
    # The pty is the child's controlling terminal and it leads its own session.
    stat_fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    session_id, tty_nr = int(stat_fields[3]), int(stat_fields[4])
    assert session_id == pid and tty_nr != 0


def test_disconnect_mid_flow_reaps_child_and_removes_its_state(start_server, tmux, key):
    server = start_server()
    pid = open_session(server, tmux, key)
    tmux.type("s", "half-typed")
    tmux.wait_text("s", "Name: 10 chars")
    state = process_environment(pid)["XDG_STATE_HOME"]

    tmux.kill("s")  # the client vanishes mid-form

    wait_for(lambda: process_state(pid) is None, what="the child to be reaped")
    assert server.children() == []
    wait_for(lambda: not __import__("os").path.exists(state), what="the session state directory to be removed")
    [event] = wait_for(lambda: server.log_events("disconnect"), what="the disconnect log line")
    assert event["outcome"] == "client_closed"
    assert event["ip"] == "127.0.0.1" and event["duration_ms"] > 0
    assert event["key"].startswith("SHA256:")


def test_child_exit_ends_the_connection(start_server, tmux, key):
    server = start_server()
    pid = open_session(server, tmux, key)
    tmux.keys("s", "C-c")
    tmux.wait_text("s", "SSH-EXIT=0")
    wait_for(lambda: process_state(pid) is None, what="the child to be reaped")
    [event] = wait_for(lambda: server.log_events("disconnect"), what="the disconnect log line")
    assert event["outcome"] == "portal_exited"


def test_sigterm_tells_sessions_then_closes_them(start_server, tmux, key):
    server = start_server()
    pid = open_session(server, tmux, key)
    server.process.send_signal(signal.SIGTERM)
    tmux.wait_text("s", "The server is shutting down.")
    assert server.process.wait(15) == 0
    assert process_state(pid) is None
    [event] = server.log_events("disconnect")
    assert event["outcome"] == "shutdown"


def test_idle_session_is_closed_with_a_message(start_server, tmux, key):
    server = start_server("--idle-timeout", "2")
    pid = open_session(server, tmux, key)
    tmux.wait_text("s", "Session closed after 2 seconds without input.")
    wait_for(lambda: process_state(pid) is None, what="the idle child to be reaped")


def test_a_visitor_without_a_key_gets_in_by_pressing_enter_with_no_password(start_server, tmux):
    server = start_server()
    tmux.open("v", ["ssh", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                    "-o", "PubkeyAuthentication=no", "-p", str(server.port), "-t", "127.0.0.1"])
    tmux.wait_text("v", "password:")
    tmux.keys("v", "Enter")
    tmux.wait_text("v", FORM)
    tmux.kill("v")


def test_log_never_contains_the_password(start_server, tmux, tmp_path):
    server = start_server()
    # No key: the client falls back to the password prompt, where anything is accepted and nothing kept.
    tmux.open("p", ["ssh", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                    "-o", "PubkeyAuthentication=no", "-o", "LogLevel=ERROR", "-p", str(server.port), "-t",
                    "127.0.0.1"])
    tmux.wait_text("p", "password:")
    tmux.type("p", "hunter2-secret")
    tmux.keys("p", "Enter")
    tmux.wait_text("p", FORM)
    tmux.kill("p")
    wait_for(lambda: server.log_events("disconnect"), what="the disconnect log line")
    assert "hunter2" not in server.log_path.read_text()
    assert subprocess.run(["grep", "-r", "hunter2", str(server.root)], capture_output=True).returncode == 1


def active_sessions(metrics_url):
    """The `clerk_tui_ssh_active_sessions` gauge's value, or None before it exists."""
    text = urllib.request.urlopen(metrics_url, timeout=5).read().decode()
    match = re.search(r"^clerk_tui_ssh_active_sessions(?:\{[^}]*\})? (\d+(?:\.\d+)?)$", text, re.M)
    return float(match.group(1)) if match else None


def test_metrics_port_counts_active_sessions(start_server, tmux, key):
    server = start_server("--metrics-port", "0")
    metrics_url = wait_for(lambda: re.search(r"Metrics listening on (\S+)", server.stdout_path.read_text()),
                           what="the metrics line").group(1)
    open_session(server, tmux, key, name="a")
    open_session(server, tmux, key, name="b")
    wait_for(lambda: active_sessions(metrics_url) == 2, what="two active sessions in the metrics")
    tmux.kill("a")
    wait_for(lambda: active_sessions(metrics_url) == 1, what="one active session after a disconnect")
