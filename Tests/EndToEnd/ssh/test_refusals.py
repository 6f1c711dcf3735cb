"""What the front door refuses: commands, pty-less sessions, a full house, unknown keys, floods."""
from __future__ import annotations

from sshserver import wait_for

FORM = "Terminal UI gallery"


def test_exec_request_is_refused_with_a_message(start_server, key):
    server = start_server()
    result = server.run_ssh(key, command="cat /etc/passwd")
    assert result.returncode == 1
    assert "does not run commands" in result.stderr
    assert "root:" not in result.stdout
    assert server.children() == []
    [event] = wait_for(lambda: server.log_events("disconnect"), what="the disconnect log line")
    assert event["outcome"] == "exec_refused"


def test_session_without_pty_gets_one_line_and_is_closed(start_server, key):
    server = start_server()
    result = server.run_ssh(key, "-T")
    assert result.returncode == 1
    assert result.stderr.strip() == "clerk-tui needs an interactive terminal. Connect with ssh -t, without a command."


def test_forwarding_is_refused(start_server, key):
    server = start_server()
    result = server.run_ssh(key, "-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:9", command="true")
    assert result.returncode == 255
    assert "forwarding failed" in result.stderr.lower()


def test_session_cap_tells_newcomers_the_server_is_busy(start_server, tmux, key):
    server = start_server("--max-sessions", "2")
    for name in ("a", "b"):
        tmux.open(name, server.ssh_command(key, "-t"))
        tmux.wait_text(name, FORM)
    tmux.open("c", server.ssh_command(key, "-t"))
    screen = tmux.wait_text("c", "SSH-EXIT=1")
    assert "The server is busy. Try again in a few minutes." in screen
    assert len(server.children()) == 2

    tmux.kill("a")
    wait_for(lambda: len(server.children()) == 1, what="the first child to go")
    tmux.open("d", server.ssh_command(key, "-t"))
    tmux.wait_text("d", FORM)
    outcomes = sorted(event["outcome"] for event in server.log_events("disconnect"))
    assert outcomes == ["busy", "client_closed"]


def test_authorized_keys_allowlist(start_server, tmux, key, other_key, tmp_path):
    allowed = tmp_path / "authorized_keys"
    allowed.write_text("# the team\n" + 'from="127.0.0.1" ' + (key.with_suffix(".pub")).read_text())
    server = start_server("--authorized-keys", str(allowed))

    refused = server.run_ssh(other_key, "-t", "-t")
    assert refused.returncode == 255
    assert "Permission denied (publickey)" in refused.stderr
    # No password fallback with an allowlist.
    no_key = server.run_ssh(None, "-o", "PubkeyAuthentication=no", "-t", "-t")
    assert no_key.returncode == 255

    tmux.open("ok", server.ssh_command(key, "-t"))
    tmux.wait_text("ok", FORM)
    outcomes = [event["outcome"] for event in server.log_events("disconnect")]
    assert outcomes == ["auth_failed", "auth_failed"]
    # Each refused key is a security event line of its own, with the client's address and no key material.
    failures = server.log_events("auth_failure")
    assert failures and all(f["ip"] == "127.0.0.1" and f["method"] == "publickey" for f in failures), failures


def test_connection_rate_limit_per_ip(start_server, key):
    server = start_server("--connections-per-minute", "3")
    results = [server.run_ssh(key, command="x") for _ in range(5)]
    assert [result.returncode for result in results[:3]] == [1, 1, 1]
    assert all(result.returncode == 255 for result in results[3:])
    # The refused client may return before the server has logged its disconnect.
    wait_for(lambda: [event["outcome"] for event in server.log_events("disconnect")].count("rate_limited") == 2,
             what="two rate_limited disconnect log lines")


def test_authentication_timeout_closes_silent_connections(start_server):
    import socket
    server = start_server("--auth-timeout", "1")
    with socket.create_connection(("127.0.0.1", server.port)) as connection:
        connection.settimeout(10)
        assert connection.recv(64).startswith(b"SSH-2.0-")
        received = b""
        while chunk := connection.recv(4096):  # the server closes: recv returns b""
            received += chunk
    [event] = wait_for(lambda: server.log_events("disconnect"), what="the disconnect log line")
    assert event["outcome"] == "auth_timeout"


def test_connections_carry_tcp_keepalive_so_half_open_ones_are_reaped(start_server):
    import socket
    server = start_server()
    with socket.create_connection(("127.0.0.1", server.port)) as connection:
        connection.settimeout(10)
        assert connection.recv(64).startswith(b"SSH-2.0-")
        # /proc/net/tcp: the server's end (local port = the server's) has its keepalive timer armed (tr = 02).
        rows = [line.split() for line in open("/proc/net/tcp").read().splitlines()[1:]]
        timers = [row[5].split(":")[0] for row in rows
                  if int(row[1].split(":")[1], 16) == server.port and row[3] == "01"]
        assert timers == ["02"], timers
