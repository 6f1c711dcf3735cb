""""Keep me signed in on this key", driven through the real portal over SSH: the checkbox on the home card creates
the front door's file, so the sign-in survives the connection; unticking it signs out at the next close."""
from __future__ import annotations

import uuid
from pathlib import Path

from fapi_client import NativeClient
from sshserver import process_environment, wait_for
from test_portal_over_ssh import HOME, PASSWORD, open_portal, portal_server, stored_token

KEEP = "Keep me signed in on this key"


def make_user(api: str) -> str:
    address = f"keep-{uuid.uuid4().hex[:8]}+clerk_test@example.com"
    setup = NativeClient(api)
    created = setup.request("POST", "/v1/client/sign_ups", {"email_address": address, "password": PASSWORD})
    sign_up = f"/v1/client/sign_ups/{created['response']['id']}"
    setup.request("POST", f"{sign_up}/prepare_verification", {"strategy": "email_code"})
    setup.request("POST", f"{sign_up}/attempt_verification", {"strategy": "email_code", "code": "424242"})
    return address


def test_the_checkbox_keeps_the_sign_in_for_this_key_and_unticking_it_signs_out(start_server, tmux, key):
    server = portal_server(start_server)
    pid = open_portal(server, tmux, key, "first")
    address = make_user(process_environment(pid)["CLERK_FRONTEND_API"])
    tmux.type("first", address)
    tmux.keys("first", "Tab")
    tmux.type("first", PASSWORD)
    tmux.keys("first", "Enter")
    screen = tmux.wait_text("first", "[ ] " + KEEP)
    assert HOME + address in screen
    keep_file = Path(process_environment(pid)["CLERK_TUI_KEEP_SIGNED_IN_FILE"])
    token, api = stored_token(pid)
    client = NativeClient(api, token)

    tmux.keys("first", "Tab", "Space")  # from the account to the checkbox
    tmux.wait_text("first", "[x] " + KEEP)
    wait_for(keep_file.exists, what="the keep-signed-in file")
    tmux.kill("first")
    wait_for(lambda: not keep_file.parent.exists(), what="the session state to be kept")
    assert len(client.active_sessions()) == 1

    # The same key comes back signed in, the box ticked; unticking it signs out when the connection closes.
    before = set(server.children())
    tmux.open("again", server.ssh_command(key, "-t"))
    tmux.wait_text("again", "[x] " + KEEP, timeout=30)
    pid = wait_for(lambda: set(server.children()) - before, what="the portal child").pop()
    kept_file = Path(process_environment(pid)["CLERK_TUI_KEEP_SIGNED_IN_FILE"])
    tmux.keys("again", "Tab", "Space")
    tmux.wait_text("again", "[ ] " + KEEP)
    wait_for(lambda: not kept_file.exists(), what="the keep-signed-in file to go")
    tmux.kill("again")
    assert wait_for(lambda: client.active_sessions() == [], what="the session to be signed out") is True
