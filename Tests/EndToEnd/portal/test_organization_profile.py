"""OrganizationProfile end to end, two and three users on `Config/examples/organizations.toml`: an admin invites a
member from the Members page, who joins by the invitation's ticket link with no second email code; the admin
promotes and demotes them, and the token follows; a member cannot manage members; a verified domain's suggestion
brings a third user, whose request the admin approves.
"""

import re

from organization_steps import create_organization, serve, sign_up, token
from portal_api import Api
from portal_harness import HOME
from portal_steps import PASSWORD, choose, email

MEMBERS = r"Invitations"


def open_members(pane) -> None:
    """From the home: "Manage organization", then its Members page."""
    choose(pane, "Manage organization")
    pane.wait_for(r"General")
    choose(pane, "Members ›")
    pane.wait_for(r"Search")


def reopen_members(pane) -> None:
    """Reloads the Members page by going to General and back."""
    choose(pane, "General ›")
    pane.wait_for(r"Danger")
    choose(pane, "Members ›")
    pane.wait_for(r"Search")


def invite(world, pane, address: str) -> str:
    """Invites `address` as a Member from the Members page; returns the link the outbox holds for it."""
    choose(pane, "+ Invite")
    pane.wait_for(r"Invite new members")
    pane.type(address)
    pane.keys("Tab")
    choose(pane, "Member")
    pane.wait_for(r"Member\s+✓")
    pane.keys("Tab", "Tab", "Enter")  # past Billing, to "Send invitations"
    pane.wait_for(r"Invitations successfully sent")
    messages = [m for m in world.outbox(world.servers[-1].data_dir) if m.get("to") == address]
    links = [m["code"] for m in messages if m.get("purpose") == "organization_invitation"]
    assert links, f"no invitation link for {address} in the outbox: {messages}"
    return links[-1]


def set_role(pane, who: str, role: str) -> None:
    choose(pane, who)
    pane.wait_for(r"Remove member")
    choose(pane, role)
    pane.wait_for(re.escape(who) + r"\s+" + role)


def test_a_member_joins_by_ticket_is_promoted_then_demoted_and_cannot_manage_members(world):
    server = serve(world, "organizations.toml")
    admin_address, member_address = email("ann", test_identity=True), email("b", test_identity=True)
    admin = world.portal("--frontend-api", server.url)
    sign_up(admin, admin_address)
    create_organization(admin, "Acme Inc")
    open_members(admin)
    link = invite(world, admin, member_address)

    member = world.portal("--frontend-api", server.url, "--ticket", link, device="b")
    member.wait_for(r"Fill in missing fields[\s\S]*Password")  # the ticket proved the address: only the password is missing
    member.type(PASSWORD)
    member.keys("Enter")
    member.wait_for(HOME + re.escape(member_address))
    member.assert_never_shown(r"Verify your email")
    reopen_members(admin)
    admin.wait_for(re.escape(member_address) + r"\s+Member")

    set_role(admin, member_address, "Admin")
    if "Personal account" in member.screen():
        choose(member, "Personal account")
        choose(member, "Acme Inc")
        member.wait_for(HOME)
    promoted = token(world, server.url, device="b")["o"]
    assert promoted["rol"] == "admin" and "per" in promoted and "fpm" in promoted
    set_role(admin, member_address, "Member")
    assert token(world, server.url, device="b")["o"]["rol"] == "member"

    # As a member, B sees the members but no invitations and nothing to change.
    member.wait_for(r"Manage organization")
    open_members(member)
    screen = member.screen()
    assert admin_address in screen and MEMBERS not in screen and "+ Invite" not in screen
    api = Api(server.url)
    assert api.password_sign_in(member_address, PASSWORD).status_code == 200
    organization = promoted["id"]
    listed = api.get(f"/v1/organizations/{organization}/memberships", {"paginated": "true"})
    assert listed.status_code == 200, listed.text
    admin_id = next(m["public_user_data"]["user_id"] for m in listed.json()["response"]["data"] if m["role"] == "org:admin")
    refused = api.delete(f"/v1/organizations/{organization}/memberships/{admin_id}")
    assert refused.status_code == 403, refused.text
    assert refused.json()["errors"][0]["code"] == "missing_organization_permission"
    admin.quit()
    member.quit()


def test_a_verified_domains_suggestion_brings_a_request_the_admin_approves(world):
    server = serve(world, "organizations.toml")
    admin_address = email("ann", test_identity=True)
    newcomer = email("cara", test_identity=True).replace("@example.com", "@acmelabs.io")
    admin = world.portal("--frontend-api", server.url)
    sign_up(admin, admin_address)
    create_organization(admin, "Acme Labs")
    choose(admin, "Manage organization")
    admin.wait_for(r"Verified domains")
    choose(admin, "+ Add domain")
    admin.type("acmelabs.io")
    admin.keys("Enter")
    # The admin has no address there: the domain is verified by a code sent to one (a test address takes 424242).
    admin.wait_for(r"Verify domain")
    admin.type("it+clerk_test")
    admin.keys("Enter")
    admin.wait_for(r"verification code was sent")
    admin.type("424242")
    admin.wait_for(r"Update acmelabs\.io")
    choose(admin, "Automatic suggestions")
    admin.keys("Tab", "Tab", "Enter")  # past "Delete pending", to Save
    admin.wait_for(r"acmelabs\.io\s+Automatic suggestions")

    visitor = world.portal("--frontend-api", server.url, device="c")
    sign_up(visitor, newcomer)
    choose(visitor, "Personal account")
    visitor.wait_for(r"Acme Labs\s+Request to join")
    choose(visitor, "Acme Labs")
    visitor.wait_for(r"Acme Labs\s+Pending approval")

    choose(admin, "Members ›")
    admin.wait_for(re.escape(newcomer))
    choose(admin, newcomer)
    choose(admin, "Approve")
    admin.wait_for(re.escape(newcomer) + r"\s+Member")
    admin.quit()
    visitor.quit()
