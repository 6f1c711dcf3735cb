"""A second start draws the last card at once from the cached environment and client, then what the server says
now (the refresh replaces it). Run: CLERK_TUI_BIN=.build/debug/clerk-tui python3 -m pytest Tests/EndToEnd/portal
"""

import re
import shutil
import signal
import stat
from pathlib import Path

from portal_api import Api
from portal_harness import HOME, SIGN_IN
from portal_steps import PASSWORD, email, sign_in_with_password


def test_a_second_start_draws_the_cached_card_then_the_server_side_change(world):
    address = email("cached")
    data = world.home / "served"
    server = world.serve(data)
    Api(server.url).sign_up(address, PASSWORD, lambda: world.wait_for_code(address, "sign_up", data_dir=data))
    first = world.portal("--frontend-api", server.url)
    sign_in_with_password(first, address, PASSWORD)
    first.wait_for(HOME + re.escape(address), timeout=60)
    first.quit()

    state = Path(world.env["XDG_STATE_HOME"]) / "clerk-tui"
    instance = next(path for path in state.iterdir() if (path / "client.json").exists())
    for name in ("client.json", "environment.json", "client_token"):
        assert stat.S_IMODE((instance / name).stat().st_mode) == 0o600
    cached_client = (instance / "client.json").read_text()
    assert address in cached_client and "last_active_token\":{" not in cached_client

    # Meanwhile the device's client is signed out elsewhere (another process holding the same token).
    shutil.copytree(state, world.home / "state-elsewhere" / "clerk-tui")
    world.run("sign-out", "--all", "--frontend-api", server.url, device="elsewhere")

    # While the server answers nothing, the second start shows the cached home; once it answers, the sign-in card.
    server.process.send_signal(signal.SIGSTOP)
    try:
        second = world.portal("--frontend-api", server.url)
        second.wait_for(HOME + re.escape(address), timeout=60)
    finally:
        server.process.send_signal(signal.SIGCONT)
    second.wait_for(SIGN_IN)
    second.wait_gone(HOME)
    second.quit()
    second.assert_never_shown(PASSWORD)
