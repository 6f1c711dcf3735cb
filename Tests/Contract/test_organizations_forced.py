"""Forced organization selection on Config/examples/organizations-forced.toml: a session without an organization is
`pending` with the task `choose-organization` (`sts: "pending"` in its token) until the user selects or creates one."""
import uuid

from flows import sign_in, sign_up, unique_email
from orgs import (create_org, session_in, token_claims, touch, validate_environment_with_forced_selection,
                  validate_with_pending_sessions)
from settings import example

SETTINGS = example("organizations-forced.toml")

CHOOSE = [{"key": "choose-organization"}]


def test_environment_says_selection_is_forced(native):
    reply = native().request("GET", "/v1/environment", validate=False)
    assert reply.status == 200
    validate_environment_with_forced_selection(reply)
    assert reply.body["organization_settings"]["force_organization_selection"] is True


def test_a_new_session_is_pending_until_an_organization_is_created(native):
    client = native()
    user = sign_up(client)
    session = session_in(user["reply"], user["session_id"])
    assert session["status"] == "pending" and session["tasks"] == CHOOSE
    assert session["last_active_token"] is not None, "a pending session still gets tokens"
    claims = token_claims(client, user["session_id"])
    assert claims["sts"] == "pending" and "o" not in claims
    defaults = client.request("GET", "/v1/me/organization_creation_defaults", validate=False)
    assert defaults.status == 200, defaults.describe()
    validate_with_pending_sessions("GET", "/v1/me/organization_creation_defaults", defaults)
    org = create_org(client, user["session_id"], f"Forced {uuid.uuid4().hex[:8]}")
    after = client.get(f"/v1/client/sessions/{user['session_id']}").expect(200).response
    assert after["status"] == "active" and after["tasks"] is None
    assert after["last_active_organization_id"] == org["id"], "creating an organization completes the task"
    claims = token_claims(client, user["session_id"])
    assert claims["sts"] == "active" and claims["o"]["id"] == org["id"]


def test_an_empty_organization_keeps_the_previous_one(native):
    client = native()
    user = sign_up(client)
    org = create_org(client, user["session_id"], f"Kept {uuid.uuid4().hex[:8]}")
    kept = touch(client, user["session_id"], "").expect(200)
    assert kept.response["last_active_organization_id"] == org["id"], "no personal account under forced selection"
    assert token_claims(client, user["session_id"], organization_id="")["o"]["id"] == org["id"]


def test_selecting_an_organization_completes_the_task(native):
    admin = native()
    owner = sign_up(admin)
    org = create_org(admin, owner["session_id"], f"Select {uuid.uuid4().hex[:8]}")
    email = unique_email("chooser")
    admin.post(f"/v1/organizations/{org['id']}/invitations", {"email_address": email, "role": "org:member"}).expect(200)
    client = native()
    user = sign_up(client, email)
    assert session_in(user["reply"], user["session_id"])["status"] == "pending"
    invitation = client.get("/v1/me/organization_invitations", params={"status": "pending"}).expect(200).response["data"][0]
    client.post(f"/v1/me/organization_invitations/{invitation['id']}/accept").expect(200)
    still = client.get("/v1/client").expect(200).response["sessions"][0]
    assert still["status"] == "pending", "joining is not selecting"
    selected = touch(client, user["session_id"], org["id"]).expect(200)
    assert selected.response["status"] == "active" and selected.response["tasks"] is None
    assert token_claims(client, user["session_id"])["o"]["rol"] == "member"
    other = native()
    again = sign_in(other, email)
    assert session_in(other.get("/v1/client").expect(200), again["created_session_id"])["status"] == "pending", \
        "every new session starts without an organization"
    left = client.delete(f"/v1/me/organization_memberships/{org['id']}").expect(200)
    assert session_in(left, user["session_id"])["status"] == "pending", "leaving the active organization reopens the task"
