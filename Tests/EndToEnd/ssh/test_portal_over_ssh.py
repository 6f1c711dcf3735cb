"""The real portal over SSH: sign up, sign in, resize mid-form, and the session signed out when the connection
drops. The default child (no --child-argument) is the portal itself."""
from __future__ import annotations

import uuid
from pathlib import Path

import requests

from dev_browser import browse, provider_link
from fapi_client import NativeClient
from sshserver import SSHServer, process_environment, process_state, wait_for

SIGN_IN = "Sign in to clerk-tui"
HOME = "Signed in as "
PASSWORD = "Tr0ub4dor-horse-41"


def portal_server(start_server):
    return start_server(child=())


def open_portal(server, tmux, key, name, width=100, height=30):
    before = set(server.children())
    tmux.open(name, server.ssh_command(key, "-t"), width=width, height=height)
    tmux.wait_text(name, SIGN_IN, timeout=30)
    return wait_for(lambda: set(server.children()) - before, what="the portal child").pop()


def code_for(server, address: str, purpose: str) -> str:
    def newest():
        codes = [m["code"] for m in server.outbox() if m.get("to") == address and m.get("purpose") == purpose]
        return codes[-1] if codes else None
    return wait_for(newest, timeout=20, what=f"a {purpose} code for {address}")


def stored_token(pid: int) -> tuple[str, str]:
    """The child's client token as its token store keeps it, and the instance URL."""
    environment = process_environment(pid)
    path = Path(environment["XDG_STATE_HOME"]) / "clerk-tui" / "local" / "client_token"
    return wait_for(lambda: path.exists() and path.read_text().strip(), what="the child's client token"), \
        environment["CLERK_FRONTEND_API"]


def test_sign_up_over_ssh_resize_mid_form_then_disconnect_signs_out(start_server, tmux, key):
    server = portal_server(start_server)
    pid = open_portal(server, tmux, key, "up")
    assert process_environment(pid)["CLERK_TUI_REMOTE"] == "1"
    tmux.keys("up", "Tab", "Tab", "Tab", "Tab", "Enter")
    tmux.wait_text("up", "Create your account")
    address = f"ssh-{uuid.uuid4().hex[:8]}@example.com"
    tmux.type("up", address)

    tmux.resize("up", 72, 24)  # mid-form: the portal relayouts for the new size and keeps what was typed
    def relaid_out():
        lines = tmux.screen("up").rstrip("\n").split("\n")
        return len(lines) == 24 and "quit" in lines[-1] and "\n".join(lines)
    screen = wait_for(relaid_out, what=f"relayout at 72x24:\n{tmux.screen('up')}")
    assert "Create your account" in screen and address in screen

    tmux.keys("up", "Tab")
    tmux.type("up", PASSWORD)
    tmux.keys("up", "Enter")
    tmux.wait_text("up", "Verify your email")
    code = code_for(server, address, "sign_up")
    tmux.type("up", code)
    tmux.wait_text("up", HOME + address)

    token, api = stored_token(pid)
    client = NativeClient(api, token)
    [session_id] = client.active_sessions()
    state = Path(process_environment(pid)["XDG_STATE_HOME"])

    tmux.kill("up")  # the connection drops while signed in

    wait_for(lambda: process_state(pid) is None, what="the portal child to be reaped")
    wait_for(lambda: not state.exists(), what="the session state to be removed")
    assert wait_for(lambda: client.active_sessions() == [], what="the session to be signed out") is True
    log = server.log_path.read_text()
    assert PASSWORD not in log and code not in log


def test_sign_in_over_ssh_with_password(start_server, tmux, key):
    server = portal_server(start_server)
    pid = open_portal(server, tmux, key, "in")
    address = f"ssh-{uuid.uuid4().hex[:8]}+clerk_test@example.com"
    # The account exists already (made through the API on the same embedded instance).
    setup = NativeClient(process_environment(pid)["CLERK_FRONTEND_API"])
    created = setup.request("POST", "/v1/client/sign_ups", {"email_address": address, "password": PASSWORD})
    sign_up_id = created["response"]["id"]
    setup.request("POST", f"/v1/client/sign_ups/{sign_up_id}/prepare_verification", {"strategy": "email_code"})
    setup.request("POST", f"/v1/client/sign_ups/{sign_up_id}/attempt_verification",
                  {"strategy": "email_code", "code": "424242"})

    tmux.type("in", address)
    tmux.keys("in", "Tab")
    tmux.type("in", PASSWORD)
    tmux.keys("in", "Enter")
    screen = tmux.wait_text("in", HOME + address)
    assert PASSWORD not in screen
    # Its own device: a client distinct from the one that signed up.
    token, api = stored_token(pid)
    assert token != setup.token
    assert len(NativeClient(api, token).active_sessions()) == 1


def social_server(root: Path, *args: str) -> SSHServer:
    """`clerk-tui ssh ARGS` whose embedded instance enables Google."""
    server = SSHServer(root, *args)
    config = server.root / "config" / "clerk-tui"
    config.mkdir(parents=True)
    (config / "local.toml").write_text('[social]\nproviders = ["google"]\n')
    return server.start()


def test_no_social_buttons_when_the_remote_browser_cannot_reach_the_embedded_instance(tmp_path, tmux, key):
    # The embedded instance enables Google, but its provider pages are on the server's loopback.
    server = social_server(tmp_path / "social")
    try:
        pid = open_portal(server, tmux, key, "social")
        frontend_api = process_environment(pid)["CLERK_FRONTEND_API"]
        environment = requests.get(frontend_api + "/v1/environment", timeout=10).json()
        assert "oauth_google" in environment["user_settings"]["social"]
        screen = tmux.wait_text("social", "Email address")
        assert "Continue with Google" not in screen
    finally:
        server.stop()


def test_social_sign_in_over_ssh_shows_the_link_copies_it_to_the_users_clipboard_and_polls(tmp_path, tmux, key):
    # With a redirect URL given to `clerk-tui ssh`, sessions offer Google; the portal opens no browser, shows the
    # link, and `c` puts it on the SSH user's own clipboard (OSC 52 through the channel to the client's terminal).
    done_url = "https://app.example/oauth-done"
    server = social_server(tmp_path / "google", "--oauth-redirect-url", done_url)
    try:
        pid = open_portal(server, tmux, key, "google")
        tmux.run("set-option", "-g", "set-clipboard", "on")  # this tmux is the SSH user's terminal
        assert process_environment(pid)["CLERK_TUI_OAUTH_REDIRECT_URL"] == done_url
        assert "only this machine can reach" in server.log_path.read_text()  # the operator is told about tunnels
        tmux.wait_text("google", "Continue with Google")
        tmux.keys("google", "BTab", "Enter")  # from the email field up to the button
        shown = provider_link(tmux.wait_text("google", "Finish signing in with Google in your browser"))
        tmux.keys("google", "c")
        tmux.wait_text("google", "Copied!")
        link = tmux.run("show-buffer")
        assert link == shown
        address = f"ssh-google-{uuid.uuid4().hex[:8]}@example.com"
        browse(link, address, stop_at=done_url)  # the user's browser, on their machine
        tmux.wait_text("google", HOME + address, timeout=20)  # the portal polled the sign-in to its end
    finally:
        server.stop()
