"""Passkeys end to end on the ready instance Config/examples/passkeys.toml, with the software authenticator
(`--authenticator file:PATH`): a user adds a passkey in the profile, signs out, signs in with "Use passkey instead"
and no password, then a sensitive change reverifies with the same passkey."""

import json
import re
import sqlite3
import stat

from organization_steps import serve, status
from portal_api import Api
from portal_harness import HOME
from portal_steps import PASSWORD, choose, email, sign_in_with_password
from test_profile import open_profile, sign_out

PASSKEY_ADDED = r"Passkey added\."
REVERIFY = r"Using your passkey confirms your identity"


def age_session(world, minutes: int) -> None:
    """Moves the sessions' factor verifications `minutes` into the past, as waiting that long would (the server
    asks again for a factor after 10 minutes; no API turns its clock)."""
    with sqlite3.connect(world.local_data / "fapi.sqlite") as db:
        db.execute("UPDATE sessions SET first_factor_at = first_factor_at - ?, second_factor_at = second_factor_at - ?",
                   (minutes * 60_000, minutes * 60_000))


def test_add_a_passkey_sign_in_with_it_and_reverify_with_it(world):
    server = serve(world, "passkeys.toml")
    address = email("pia", test_identity=True)
    Api(server.url).sign_up(address, PASSWORD)
    keys = world.home / "passkeys.json"
    pane = world.portal("--frontend-api", server.url, "--authenticator", f"file:{keys}")

    sign_in_with_password(pane, address, PASSWORD)
    pane.wait_for(HOME + re.escape(address))
    open_profile(pane, "Security")
    choose(pane, "+ Add a passkey")
    screen = pane.wait_for(PASSKEY_ADDED)
    assert "Passkeys" in screen
    assert stat.S_IMODE(keys.stat().st_mode) == 0o600
    assert len(json.loads(keys.read_text())["credentials"]) == 1

    pane.keys("Escape")
    sign_out(pane)
    # Start card: identifier, password, Continue, "Forgot password?", then "Use passkey instead".
    pane.keys("Tab", "Tab", "Tab", "Tab")
    pane.wait_for(r"Use passkey instead")
    pane.keys("Enter")
    pane.wait_for(HOME + re.escape(address))
    assert status(world, server.url)["last_authentication_strategy"] == "passkey"

    age_session(world, 11)
    open_profile(pane, "Security")
    choose(pane, "+ Add two-step verification")
    choose(pane, "Authenticator application")
    pane.wait_for(REVERIFY)
    pane.keys("Enter")
    pane.wait_for(r"Set up a new sign-in method")
    pane.quit()
    pane.assert_never_shown(PASSWORD)


def test_without_a_security_key_the_card_says_none_was_found(world):
    """The default authenticator is libfido2's: on a machine with no key plugged in, enumeration finds none."""
    server = serve(world, "passkeys.toml")
    pane = world.portal("--frontend-api", server.url, "--authenticator", "security-key")
    pane.wait_for(r"Use passkey instead")
    pane.keys("Tab", "Tab", "Tab", "Tab", "Enter")
    pane.wait_for(r"No security key found\. Plug in your security key and try")
    pane.wait_for(r"Use your passkey")
