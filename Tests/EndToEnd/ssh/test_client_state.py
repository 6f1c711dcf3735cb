"""Each session is its own Clerk client: nothing kept on the server's disk and signed out at close, unless the
key opted into "Keep me signed in on this key". The portal's sign-in is simulated by a real FAPI sign-up against
the shared embedded instance whose client token is put where the child's token store keeps it."""
from __future__ import annotations

import os
import stat
from pathlib import Path

from fapi_client import NativeClient
from sshserver import SSHServer, process_environment, wait_for

FORM = "Terminal UI gallery"


def sign_in_as_child(pid: int) -> tuple[NativeClient, Path]:
    """Signs a new user up on the session's instance and stores the client token as the child's store would."""
    environment = process_environment(pid)
    api = environment["CLERK_FRONTEND_API"]
    client = NativeClient(api)
    session_id = client.sign_up()
    assert client.active_sessions() == [session_id]
    # The embedded instance is filed under `local` whatever port it got this time.
    store = Path(environment["XDG_STATE_HOME"]) / "clerk-tui" / "local"
    store.mkdir(parents=True, mode=0o700)
    (store / "client_token").write_text(client.token)
    os.chmod(store / "client_token", 0o600)
    return client, Path(environment["XDG_STATE_HOME"])


def open_session(server, tmux, key, name, form=FORM):
    before = set(server.children())
    tmux.open(name, server.ssh_command(key, "-t"))
    tmux.wait_text(name, form, timeout=30)
    return wait_for(lambda: set(server.children()) - before, what="the session's child").pop()


def test_closing_a_session_signs_its_client_out_and_leaves_nothing(start_server, tmux, key):
    server = start_server()
    pid = open_session(server, tmux, key, "s")
    client, state = sign_in_as_child(pid)

    tmux.kill("s")

    wait_for(lambda: not state.exists(), what="the session state to be removed")
    assert client.active_sessions() == []
    assert list(server.temp_dir.iterdir()) == []
    assert not (server.root / "state/clerk-tui/ssh-keys").exists()


def test_keep_me_signed_in_on_this_key(start_server, tmux, key, other_key):
    server = start_server()
    pid = open_session(server, tmux, key, "first")
    client, state = sign_in_as_child(pid)
    keep_file = Path(process_environment(pid)["CLERK_TUI_KEEP_SIGNED_IN_FILE"])
    assert keep_file.parent == state
    keep_file.touch()  # what the portal's "Keep me signed in on this key" does
    tmux.kill("first")
    wait_for(lambda: not state.exists(), what="the temporary state to move")
    session_ids = client.active_sessions()
    assert len(session_ids) == 1  # still signed in

    # The same key comes back to its kept state (0700, token 0600); another key does not see it.
    pid = open_session(server, tmux, key, "again")
    kept = Path(process_environment(pid)["XDG_STATE_HOME"])
    assert kept.parent == server.root / "state/clerk-tui/ssh-keys"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o700
    [token_file] = kept.glob("clerk-tui/*/client_token")
    assert token_file.read_text() == client.token
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    other_pid = open_session(server, tmux, other_key, "other")
    assert Path(process_environment(other_pid)["XDG_STATE_HOME"]).parent == server.temp_dir

    # Opting out signs out at the next close.
    (kept / "keep-signed-in").unlink()
    tmux.kill("again")
    wait_for(lambda: not kept.exists(), what="the kept state to be discarded")
    assert client.active_sessions() == []


def test_a_kept_sign_in_survives_a_server_restart(start_server, tmux, key):
    server = start_server()
    pid = open_session(server, tmux, key, "first")
    client, state = sign_in_as_child(pid)
    first_api = process_environment(pid)["CLERK_FRONTEND_API"]
    Path(process_environment(pid)["CLERK_TUI_KEEP_SIGNED_IN_FILE"]).touch()
    tmux.kill("first")
    wait_for(lambda: not state.exists(), what="the temporary state to move")
    assert server.stop() == 0

    # Same directories, a new random port for the embedded instance, the real portal as the child.
    restarted = SSHServer(server.root).start()
    try:
        pid = open_session(restarted, tmux, key, "again", form="Signed in as " + client.email)
        api = process_environment(pid)["CLERK_FRONTEND_API"]
        assert api != first_api
        assert len(NativeClient(api, client.token).active_sessions()) == 1
    finally:
        restarted.stop()
