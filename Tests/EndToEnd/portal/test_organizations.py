"""Organizations, the member's side, end to end: create and switch from the home's OrganizationSwitcher, join by
invitation, and the choose-organization task, in tmux against `clerk-tui serve` running the ready instances of
Config/examples; `clerk-tui status`, `token` and `switch` must agree with the screen.
"""

import re

from organization_steps import SWITCHER, serve, sign_up, status, token
from portal_api import Api
from portal_harness import HOME
from portal_steps import PASSWORD, choose, email


def test_create_an_organization_then_switch_between_it_and_the_personal_account(world):
    server = serve(world, "organizations.toml")
    address = email("olga", test_identity=True)
    pane = world.portal("--frontend-api", server.url)
    sign_up(pane, address)
    pane.wait_for(r"Personal account")

    choose(pane, "Personal account")
    pane.wait_for(SWITCHER)
    choose(pane, "Create organization")
    pane.wait_for(r"Slug")
    pane.type("Acme Inc")
    pane.wait_for(r"acme-inc")
    pane.keys("Enter")
    pane.wait_for(HOME)
    pane.wait_for(r"Acme Inc")

    active = status(world, server.url)["sessions"][0]
    assert active["active_organization"]["slug"] == "acme-inc" and active["active_organization"]["role"] == "org:admin"
    organization = token(world, server.url)["o"]
    assert organization["id"] == active["active_organization_id"]
    assert organization["slg"] == "acme-inc" and organization["rol"] == "admin"

    choose(pane, "Acme Inc")
    pane.wait_for(SWITCHER)
    choose(pane, "Personal account")
    pane.wait_for(HOME)
    pane.wait_for(r"Personal account")
    assert status(world, server.url)["sessions"][0]["active_organization_id"] is None
    assert "o" not in token(world, server.url)

    switched = world.run("switch", "acme-inc", "--frontend-api", server.url).stdout
    assert "Switched to Acme Inc (acme-inc)." in switched
    assert status(world, server.url)["active_organization_id"] == organization["id"]
    pane.quit()
    pane.assert_never_shown(PASSWORD)


def test_an_invited_user_signs_up_and_joins_from_the_switcher(world):
    server = serve(world, "organizations.toml")
    admin, invitee = email("amy", test_identity=True), email("ivan", test_identity=True)
    api = Api(server.url)
    session = api.sign_up(admin, PASSWORD)
    params = {"_clerk_session_id": session}
    organization = api.ok("/v1/organizations", {"name": "Acme Inc"}, params)["response"]
    api.ok(f"/v1/organizations/{organization['id']}/invitations/bulk",
           {"email_address": [invitee], "role": "org:member"}, params)

    pane = world.portal("--frontend-api", server.url)
    sign_up(pane, invitee)
    pane.wait_for(r"Personal account\s+\(1\)")
    choose(pane, "Personal account")
    screen = pane.wait_for(r"Acme Inc\s+Join")
    assert "Create organization" in screen
    choose(pane, "Acme Inc")
    pane.wait_for(r"Acme Inc\s+Member")
    choose(pane, "Acme Inc")
    pane.wait_for(HOME)
    pane.wait_for(r"Acme Inc")
    active = status(world, server.url)["sessions"][0]["active_organization"]
    assert active["id"] == organization["id"] and active["role"] == "org:member"
    pane.quit()


def test_the_choose_organization_task_comes_right_after_sign_in(world):
    server = serve(world, "organizations-forced.toml")
    address = email("tess", test_identity=True)
    pane = world.portal("--frontend-api", server.url)
    sign_up(pane, address, home=False)
    # Nothing to choose from: the task starts with creating one.
    pane.wait_for(r"Setup your organization")
    assert "Personal account" not in pane.screen()
    assert status(world, server.url)["sessions"][0]["status"] == "pending"
    pane.type("Tess Labs")
    pane.wait_for(r"tess-labs")
    pane.keys("Enter")
    pane.wait_for(HOME + re.escape(address))
    pane.wait_for(r"Tess Labs")
    claims = token(world, server.url)
    assert claims["sts"] == "active" and claims["o"]["slg"] == "tess-labs"
    pane.quit()
