"""Invitation tickets on Config/examples/organizations.toml: every invitation's link and its ticket, `acceptTicket`,
the development landing page, and signing in or up with `strategy=ticket` (clerk-js `SignInStart` / `SignUpStart`
with `__clerk_ticket`)."""
from urllib.parse import parse_qs, urlsplit

import requests

from flows import PASSWORD, enroll_totp, next_totp, sign_up, unique_email
from orgs import admin_with_org
from settings import example

SETTINGS = example("organizations.toml")


def invite(admin, org: dict, email: str, role: str = "org:member") -> dict:
    return admin.post(f"/v1/organizations/{org['id']}/invitations", {"email_address": email, "role": role}).expect(200).response


def query_of(url: str) -> dict:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def ticket_of(invitation: dict) -> str:
    return query_of(invitation["url"])["__clerk_ticket"]


def test_every_invitation_carries_a_ticket_link(server, native):
    admin, _, org = admin_with_org(native)
    plain, tester = unique_email("plain", test_identity=False), unique_email("tester")
    bulk = admin.post(f"/v1/organizations/{org['id']}/invitations/bulk",
                      {"email_address": [plain, tester], "role": "org:billing"}).expect(200).response
    for invitation in bulk:
        assert invitation["url"].startswith(server.url + "/v1/dev_invitation?"), invitation
        query = query_of(invitation["url"])
        assert query["__clerk_status"] == "sign_up" and query["__clerk_ticket"].count(".") == 2
        sent = [m for m in server.outbox() if m["to"] == invitation["email_address"] and m["purpose"] == "organization_invitation"]
        assert [m["code"] for m in sent] == [invitation["url"]], "every address gets the link, +clerk_test included"
    listed = admin.get(f"/v1/organizations/{org['id']}/invitations", params={"status": "pending"}).expect(200).response["data"]
    assert {i["id"]: i["url"] for i in listed} == {i["id"]: i["url"] for i in bulk}, "the same link on every read"
    revoked = admin.post(f"/v1/organizations/{org['id']}/invitations/{bulk[0]['id']}/revoke").expect(200).response
    assert revoked["url"] is None, "only a pending invitation shows its link"


def test_accept_ticket_redirects_to_the_landing_page(server, native):
    admin, _, org = admin_with_org(native)
    email = unique_email("landing")
    invitation = invite(admin, org, email)
    ticket = ticket_of(invitation)
    visitor = native()
    accepted = visitor.get("/v1/tickets/accept", params={"ticket": ticket}).expect(303)
    assert accepted.operation_id == "acceptTicket"
    location = accepted.headers["Location"]
    assert location == invitation["url"] and query_of(location) == {"__clerk_ticket": ticket, "__clerk_status": "sign_up"}
    page = requests.get(location, timeout=30)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assert org["name"] in page.text and email in page.text and "clerk-tui" in page.text
    sign_up(native(), email)
    after = visitor.get("/v1/tickets/accept", params={"ticket": ticket}).expect(303)
    assert query_of(after.headers["Location"])["__clerk_status"] == "sign_in", "someone has verified the address now"
    visitor.get("/v1/tickets/accept", params={"ticket": ticket[:-4] + "AAAA"}).expect_error("ticket_invalid_code", 400)
    visitor.get("/v1/tickets/accept", params={"ticket": "nonsense"}).expect_error("ticket_invalid_code", 400)
    visitor.get("/v1/tickets/accept").expect_error("form_param_missing", 422)
    broken = requests.get(server.url + "/v1/dev_invitation", params={"__clerk_ticket": "nonsense"}, timeout=30)
    assert broken.status_code == 400 and "invalid" in broken.text


def test_signing_up_with_a_ticket(native):
    admin, _, org = admin_with_org(native)
    email = unique_email("ticket-up", test_identity=False)
    invitation = invite(admin, org, email, role="org:billing")
    client = native()
    created = client.post("/v1/client/sign_ups", {"strategy": "ticket", "ticket": ticket_of(invitation)}).expect(200).response
    assert created["status"] == "missing_requirements" and created["email_address"] == email
    assert created["missing_fields"] == ["password"] and created["unverified_fields"] == []
    verification = created["verifications"]["email_address"]
    assert (verification["object"], verification["strategy"], verification["status"]) == ("verification_ticket", "ticket", "verified")
    client.post(f"/v1/client/sign_ups/{created['id']}/prepare_verification", {"strategy": "email_code"}) \
        .expect_error("verification_already_verified", 400)
    # clerk-js sends the ticket again with the missing fields (`signUp.upsert`).
    done = client.patch(f"/v1/client/sign_ups/{created['id']}",
                         {"strategy": "ticket", "ticket": ticket_of(invitation), "password": PASSWORD}).expect(200)
    assert done.response["status"] == "complete" and done.client["last_authentication_strategy"] == "ticket"
    memberships = client.get("/v1/me/organization_memberships").expect(200).response
    assert [(m["organization"]["id"], m["role"]) for m in memberships] == [(org["id"], "org:billing")]
    me = client.get("/v1/me").expect(200).response
    assert me["email_addresses"][0]["email_address"] == email and me["email_addresses"][0]["verification"]["status"] == "verified"
    listed = admin.get(f"/v1/organizations/{org['id']}/invitations", params={"status": "accepted"}).expect(200).response
    assert [i["id"] for i in listed["data"]] == [invitation["id"]]
    for reply in (native().post("/v1/client/sign_ups", {"strategy": "ticket", "ticket": ticket_of(invitation)}),
                  native().post("/v1/client/sign_ins", {"strategy": "ticket", "ticket": ticket_of(invitation)}),
                  native().get("/v1/tickets/accept", params={"ticket": ticket_of(invitation)})):
        reply.expect_error("organization_invitation_already_accepted", 400)


def test_a_ticket_sign_up_in_one_request(native):
    admin, _, org = admin_with_org(native)
    email = unique_email("one-shot")
    invitation = invite(admin, org, email)
    client = native()
    done = client.post("/v1/client/sign_ups", {"strategy": "ticket", "ticket": ticket_of(invitation), "password": PASSWORD,
                                                "email_address": unique_email("ignored")}).expect(200)
    assert done.response["status"] == "complete" and done.response["email_address"] == email, "the ticket's address wins"
    assert client.get("/v1/me/organization_memberships").expect(200).response[0]["organization"]["id"] == org["id"]


def test_a_ticket_for_a_taken_address_cannot_sign_up(native):
    admin, _, org = admin_with_org(native)
    email = unique_email("taken")
    invitation = invite(admin, org, email)
    sign_up(native(), email)
    native().post("/v1/client/sign_ups", {"strategy": "ticket", "ticket": ticket_of(invitation)}) \
        .expect_error("organization_invitation_identification_already_exists", 400)


def test_signing_in_with_a_ticket(native):
    admin, _, org = admin_with_org(native)
    email = unique_email("ticket-in")
    user = sign_up(native(), email)
    invitation = invite(admin, org, email, role="org:billing")
    assert query_of(invitation["url"])["__clerk_status"] == "sign_in"
    client = native()
    done = client.post("/v1/client/sign_ins", {"strategy": "ticket", "ticket": ticket_of(invitation)}).expect(200)
    signin = done.response
    assert signin["status"] == "complete" and signin["identifier"] == email
    first = signin["first_factor_verification"]
    assert (first["object"], first["strategy"], first["status"]) == ("verification_ticket", "ticket", "verified")
    assert done.client["last_active_session_id"] == signin["created_session_id"]
    assert done.client["last_authentication_strategy"] == "ticket"
    memberships = client.get("/v1/me/organization_memberships").expect(200).response
    assert [(m["organization"]["id"], m["role"], m["public_user_data"]["user_id"]) for m in memberships] == \
        [(org["id"], "org:billing", user["user_id"])]
    client.post("/v1/client/sign_ins", {"strategy": "ticket", "ticket": ticket_of(invitation)}) \
        .expect_error("organization_invitation_already_accepted", 400)


def test_a_ticket_sign_in_still_asks_for_the_second_factor(native):
    admin, _, org = admin_with_org(native)
    email = unique_email("ticket-mfa")
    owner = native()
    user = sign_up(owner, email)
    totp = enroll_totp(owner, user["session_id"])
    invitation = invite(admin, org, email)
    client = native()
    started = client.post("/v1/client/sign_ins", {"strategy": "ticket", "ticket": ticket_of(invitation)}).expect(200).response
    assert started["status"] == "needs_second_factor" and started["created_session_id"] is None
    assert owner.get("/v1/me/organization_memberships").expect(200).response == [], "joins only once signed in"
    done = client.post(f"/v1/client/sign_ins/{started['id']}/attempt_second_factor",
                       {"strategy": "totp", "code": next_totp(totp["secret"])}).expect(200).response
    assert done["status"] == "complete"
    assert client.get("/v1/me/organization_memberships").expect(200).response[0]["organization"]["id"] == org["id"]


def test_a_ticket_with_no_account_yet_goes_on_to_sign_up(native):
    admin, _, org = admin_with_org(native)
    invitation = invite(admin, org, unique_email("nobody"))
    client = native()
    error = client.post("/v1/client/sign_ins", {"strategy": "ticket", "ticket": ticket_of(invitation)}) \
        .expect_error("invitation_account_not_exists", 400)
    assert error["long_message"] == "This invitation refers to a non-existing identification."
    done = client.post("/v1/client/sign_ups", {"strategy": "ticket", "ticket": ticket_of(invitation), "password": PASSWORD})
    assert done.expect(200).response["status"] == "complete"


def test_refused_tickets(native):
    admin, owner, org = admin_with_org(native)
    email = unique_email("revoked")
    revoked = invite(admin, org, email)
    admin.post(f"/v1/organizations/{org['id']}/invitations/{revoked['id']}/revoke").expect(200)
    for path in ("/v1/client/sign_ins", "/v1/client/sign_ups"):
        native().post(path, {"strategy": "ticket", "ticket": ticket_of(revoked)}).expect_error("organization_invitation_revoked_code", 400)
        native().post(path, {"strategy": "ticket", "ticket": "eyJhbGciOiJIUzI1NiJ9.e30.AAAA"}).expect_error("ticket_invalid_code", 400)
        native().post(path, {"strategy": "ticket"}).expect_error("form_param_missing", 422)
    native().get("/v1/tickets/accept", params={"ticket": ticket_of(revoked)}).expect_error("organization_invitation_revoked_code", 400)
    pending = invite(admin, org, unique_email("orphan"))
    admin.delete(f"/v1/organizations/{org['id']}").expect(200)
    native().post("/v1/client/sign_ups", {"strategy": "ticket", "ticket": ticket_of(pending)}) \
        .expect_error("organization_invitation_to_deleted_organization", 400)


def test_a_ticket_for_someone_already_signed_in_on_this_client(native):
    admin, _, org = admin_with_org(native)
    email = unique_email("here")
    client = native()
    user = sign_up(client, email)
    invitation = invite(admin, org, email)
    error = client.post("/v1/client/sign_ins", {"strategy": "ticket", "ticket": ticket_of(invitation)}) \
        .expect_error("identifier_already_signed_in", 400)
    assert error["meta"]["session_id"] == user["session_id"]
