"""Steps shared by the organization end-to-end tests: the ready instances, signing up, creating an organization,
reading the session token and `clerk-tui status`."""

import base64
import json
import re
from pathlib import Path

from portal_harness import HOME
from portal_steps import PASSWORD, choose, open_sign_up

EXAMPLES = Path(__file__).resolve().parents[3] / "Config" / "examples"
SWITCHER = r"Choose an account"


def serve(world, example: str):
    """`clerk-tui serve` running one of the ready instances of Config/examples."""
    return world.serve(config_file=EXAMPLES / example)


def claims(jwt: str) -> dict:
    payload = jwt.strip().split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def token(world, url: str, device: str | None = None) -> dict:
    return claims(world.run("token", "--frontend-api", url, device=device).stdout)


def status(world, url: str, device: str | None = None) -> dict:
    return json.loads(world.run("status", "--json", "--frontend-api", url, device=device).stdout)


def sign_up(pane, address: str, home: bool = True) -> None:
    """Signs a `+clerk_test` address up on the portal's sign-up card (the test code needs no outbox), and waits for the
    home unless a session task comes first."""
    open_sign_up(pane)
    pane.type(address)
    pane.keys("Tab")
    pane.type(PASSWORD)
    pane.keys("Enter")
    pane.wait_for(r"Verify your email")
    pane.type("424242")
    if home:
        pane.wait_for(HOME + re.escape(address))


def create_organization(pane, name: str) -> None:
    """From the home: the switcher, "Create organization", the name (its slug follows), then back home in it."""
    choose(pane, "Personal account")
    pane.wait_for(SWITCHER)
    choose(pane, "Create organization")
    pane.wait_for(r"Slug")
    pane.type(name)
    pane.keys("Enter")
    pane.wait_for(HOME)
    pane.wait_for(re.escape(name))
