"""Joining organizations on Config/examples/organizations.toml: invitations (single, bulk, to people with no account
yet, revoked, over quota), verified domains and the automatic invitations and suggestions they make."""
import uuid

from flows import TEST_CODE, outbox_code, sign_up, unique_email
from orgs import create_org
from settings import example

SETTINGS = example("organizations.toml")


def admin_with_org(native, email: str | None = None) -> tuple:
    client = native()
    user = sign_up(client, email)
    return client, user, create_org(client, user["session_id"], f"Org {uuid.uuid4().hex[:8]}")


def domain_name() -> str:
    return f"d{uuid.uuid4().hex[:10]}.example"


def test_invitation_to_someone_without_an_account(server, native):
    admin, _, org = admin_with_org(native)
    email = unique_email("invitee", test_identity=False)
    invited = admin.post(f"/v1/organizations/{org['id']}/invitations", {"email_address": email, "role": "org:member"}).expect(200)
    invitation = invited.response
    assert invitation["id"].startswith("orginv_") and invitation["status"] == "pending"
    assert invitation["email_address"] == email and invitation["role"] == "org:member" and invitation["role_name"] == "Member"
    assert invitation["organization_id"] == org["id"] and "__clerk_ticket=" in invitation["url"]
    assert invitation["expires_at"] - invitation["created_at"] == 30 * 24 * 3600 * 1000
    assert any(m.get("to") == email and m.get("purpose") == "organization_invitation" and m.get("code") == invitation["url"]
               for m in server.outbox()), "a development instance sends invitations, with their link, to the outbox"
    assert admin.get(f"/v1/organizations/{org['id']}").expect(200).response["pending_invitations_count"] == 1
    invitee = native()
    sign_up(invitee, email, server=server)
    listed = invitee.get("/v1/me/organization_invitations", params={"status": "pending"}).expect(200).response
    assert listed["total_count"] == 1 and listed["data"][0]["id"] == invitation["id"]
    assert listed["data"][0]["public_organization_data"] == {
        "id": org["id"], "name": org["name"], "slug": org["slug"], "image_url": "", "has_image": False}
    accepted = invitee.post(f"/v1/me/organization_invitations/{invitation['id']}/accept").expect(200)
    assert accepted.response["status"] == "accepted" and accepted.response["public_organization_data"]["id"] == org["id"]
    memberships = invitee.get("/v1/me/organization_memberships", params={"paginated": "true"}).expect(200).response["data"]
    assert [(m["organization"]["id"], m["role"]) for m in memberships] == [(org["id"], "org:member")]
    invitee.post(f"/v1/me/organization_invitations/{invitation['id']}/accept").expect_error(
        "organization_invitation_not_pending", 404)
    assert invitee.get("/v1/me/organization_invitations", params={"status": "pending"}).expect(200).response["data"] == []


def test_bulk_invitations_and_their_errors(native):
    admin, _, org = admin_with_org(native)
    first, second = unique_email("bulk"), unique_email("bulk")
    bulk = admin.post(f"/v1/organizations/{org['id']}/invitations/bulk",
                      {"email_address": [first, second], "role": "org:billing"}).expect(200)
    assert isinstance(bulk.response, list) and {i["email_address"] for i in bulk.response} == {first, second}
    assert all(i["role"] == "org:billing" and i["role_name"] == "Billing" for i in bulk.response)
    duplicate = admin.post(f"/v1/organizations/{org['id']}/invitations/bulk",
                           {"email_address": [first, unique_email("bulk")], "role": "org:member"})
    assert duplicate.expect_error("duplicate_record", 400)["meta"]["email_addresses"] == [first]
    admin.post(f"/v1/organizations/{org['id']}/invitations", {"email_address": second, "role": "org:member"}).expect_error(
        "duplicate_record", 400)
    invalid = admin.post(f"/v1/organizations/{org['id']}/invitations/bulk",
                         {"email_address": ["not-an-email", unique_email()], "role": "org:member"})
    assert invalid.expect_error("form_param_format_invalid", 422)["meta"]["email_addresses"] == ["not-an-email"]
    admin.post(f"/v1/organizations/{org['id']}/invitations",
               {"email_address": unique_email(), "role": "org:nope"}).expect_error("resource_not_found", 404)
    admin.post(f"/v1/organizations/{org['id']}/invitations", {"role": "org:member"}).expect_error("form_param_missing", 422)
    listed = admin.get(f"/v1/organizations/{org['id']}/invitations", params={"status": "pending"}).expect(200).response
    assert listed["total_count"] == 2


def test_inviting_a_member_is_refused(native):
    admin, owner, org = admin_with_org(native)
    error = admin.post(f"/v1/organizations/{org['id']}/invitations",
                       {"email_address": owner["email"], "role": "org:member"}).expect_error("already_a_member_in_organization", 400)
    assert owner["email"] in error["long_message"], "clerk-js reads the address from the message"


def test_membership_quota_counts_pending_invitations(native):
    admin, _, org = admin_with_org(native)
    four = [unique_email("seat") for _ in range(4)]
    admin.post(f"/v1/organizations/{org['id']}/invitations/bulk", {"email_address": four, "role": "org:member"}).expect(200)
    admin.post(f"/v1/organizations/{org['id']}/invitations", {"email_address": unique_email("seat"), "role": "org:member"}) \
        .expect_error("organization_membership_quota_exceeded", 403)


def test_accepting_a_revoked_invitation(native):
    admin, _, org = admin_with_org(native)
    email = unique_email("revoked")
    invitation = admin.post(f"/v1/organizations/{org['id']}/invitations", {"email_address": email, "role": "org:member"}) \
        .expect(200).response
    revoked = admin.post(f"/v1/organizations/{org['id']}/invitations/{invitation['id']}/revoke").expect(200)
    assert revoked.response["status"] == "revoked"
    admin.post(f"/v1/organizations/{org['id']}/invitations/{invitation['id']}/revoke").expect_error(
        "organization_invitation_not_pending", 404)
    invitee = native()
    sign_up(invitee, email)
    listed = invitee.get("/v1/me/organization_invitations", params={"status": "revoked"}).expect(200).response["data"]
    assert [i["id"] for i in listed] == [invitation["id"]]
    invitee.post(f"/v1/me/organization_invitations/{invitation['id']}/accept").expect_error("organization_invitation_not_pending", 404)
    assert invitee.get("/v1/me/organization_memberships").expect(200).response == []
    invitee.post("/v1/me/organization_invitations/orginv_unknown00000000000000000/accept").expect_error(
        "organization_invitation_not_found", 404)
    stranger = native()
    sign_up(stranger)
    stranger.post(f"/v1/me/organization_invitations/{invitation['id']}/accept").expect_error(
        "organization_invitation_not_found", 404)


def test_a_domain_the_admin_has_an_address_at_is_verified_at_once(native):
    domain = domain_name()
    admin, _, org = admin_with_org(native, f"admin-{uuid.uuid4().hex[:6]}+clerk_test@{domain}")
    created = admin.post(f"/v1/organizations/{org['id']}/domains", {"name": domain.upper()}).expect(200).response
    assert created["id"].startswith("orgdmn_") and created["name"] == domain
    assert created["verification"]["status"] == "verified" and created["verification"]["strategy"] == "email_code"
    assert created["enrollment_mode"] == "manual_invitation" and created["affiliation_email_address"].endswith("@" + domain)
    listed = admin.get(f"/v1/organizations/{org['id']}/domains", params={"verified": "true"}).expect(200).response
    assert [d["id"] for d in listed["data"]] == [created["id"]]
    assert admin.get(f"/v1/organizations/{org['id']}/domains/{created['id']}").expect(200).response["name"] == domain
    admin.post(f"/v1/organizations/{org['id']}/domains", {"name": domain}).expect_error("organization_domain_already_exists", 422)
    other_admin, _, other_org = admin_with_org(native, f"other+clerk_test@{domain}")
    other_admin.post(f"/v1/organizations/{other_org['id']}/domains", {"name": domain}).expect_error(
        "organization_domain_already_exists", 422)
    deleted = admin.delete(f"/v1/organizations/{org['id']}/domains/{created['id']}").expect(200)
    assert deleted.response == {"object": "organization_domain", "id": created["id"], "deleted": True}


def test_automatic_suggestions(native):
    domain = domain_name()
    admin, _, org = admin_with_org(native, f"admin+clerk_test@{domain}")
    created = admin.post(f"/v1/organizations/{org['id']}/domains", {"name": domain}).expect(200).response
    mode = admin.post(f"/v1/organizations/{org['id']}/domains/{created['id']}/update_enrollment_mode",
                      {"enrollment_mode": "automatic_suggestion"}).expect(200)
    assert mode.response["enrollment_mode"] == "automatic_suggestion"
    newcomer = native()
    sign_up(newcomer, f"new-{uuid.uuid4().hex[:6]}+clerk_test@{domain}")
    listed = newcomer.get("/v1/me/organization_suggestions", params={"status": ["pending", "accepted"]}).expect(200).response
    assert listed["total_count"] == 1
    suggestion = listed["data"][0]
    assert suggestion["id"].startswith("orgsugg_") and suggestion["status"] == "pending"
    assert suggestion["public_organization_data"]["id"] == org["id"]
    assert admin.get(f"/v1/organizations/{org['id']}/domains/{created['id']}").expect(200).response["total_pending_suggestions"] == 1
    accepted = newcomer.post(f"/v1/me/organization_suggestions/{suggestion['id']}/accept").expect(200)
    assert accepted.response["status"] == "accepted", "shown as Pending approval"
    newcomer.post(f"/v1/me/organization_suggestions/{suggestion['id']}/accept").expect_error(
        "organization_suggestion_already_accepted", 400)
    assert newcomer.get("/v1/me/organization_suggestions", params={"status": "pending"}).expect(200).response["data"] == []
    assert newcomer.get("/v1/me/organization_memberships").expect(200).response == [], "an admin still has to approve"
    newcomer.post("/v1/me/organization_suggestions/orgsugg_unknown0000000000000000/accept").expect_error("resource_not_found", 404)


def test_domain_verified_by_code_then_automatic_invitations(native):
    admin, _, org = admin_with_org(native)
    domain = domain_name()
    created = admin.post(f"/v1/organizations/{org['id']}/domains", {"name": domain}).expect(200).response
    assert created["verification"] is None and created["affiliation_email_address"] is None
    admin.post(f"/v1/organizations/{org['id']}/domains/{created['id']}/prepare_affiliation_verification",
               {"affiliation_email_address": "someone@elsewhere.example"}).expect_error("organization_domain_mismatch", 422)
    prepared = admin.post(f"/v1/organizations/{org['id']}/domains/{created['id']}/prepare_affiliation_verification",
                          {"affiliation_email_address": f"it+clerk_test@{domain}"}).expect(200).response
    assert prepared["verification"]["status"] == "unverified" and prepared["affiliation_email_address"] == f"it+clerk_test@{domain}"
    admin.post(f"/v1/organizations/{org['id']}/domains/{created['id']}/attempt_affiliation_verification",
               {"code": "000000"}).expect_error("form_code_incorrect", 422)
    verified = admin.post(f"/v1/organizations/{org['id']}/domains/{created['id']}/attempt_affiliation_verification",
                          {"code": TEST_CODE}).expect(200).response
    assert verified["verification"]["status"] == "verified"
    admin.post(f"/v1/organizations/{org['id']}/domains/{created['id']}/update_enrollment_mode",
               {"enrollment_mode": "automatic_invitation"}).expect(200)
    newcomer = native()
    sign_up(newcomer, f"new+clerk_test@{domain}")
    invitation = newcomer.get("/v1/me/organization_invitations").expect(200).response["data"][0]
    assert invitation["status"] == "pending" and invitation["role"] == "org:member" and invitation["organization_id"] == org["id"]
    newcomer.post(f"/v1/me/organization_invitations/{invitation['id']}/accept").expect(200)
    assert newcomer.get("/v1/me/organization_memberships").expect(200).response[0]["organization"]["id"] == org["id"]


def test_affiliation_code_goes_to_the_address_at_the_domain(server, native):
    admin, _, org = admin_with_org(native)
    domain = domain_name()
    created = admin.post(f"/v1/organizations/{org['id']}/domains", {"name": domain}).expect(200).response
    address = f"it-{uuid.uuid4().hex[:6]}@{domain}"
    admin.post(f"/v1/organizations/{org['id']}/domains/{created['id']}/prepare_affiliation_verification",
               {"affiliation_email_address": address}).expect(200)
    sent = [m for m in server.outbox() if m.get("to") == address]
    assert [m["purpose"] for m in sent] == ["verify_organization_domain"], sent
    verified = admin.post(f"/v1/organizations/{org['id']}/domains/{created['id']}/attempt_affiliation_verification",
                          {"code": outbox_code(server, address)}).expect(200).response
    assert verified["verification"]["status"] == "verified" and verified["affiliation_email_address"] == address


def test_domain_errors(native):
    admin, _, org = admin_with_org(native)
    for common in ("gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "GMail.com"):
        error = admin.post(f"/v1/organizations/{org['id']}/domains", {"name": common}).expect_error("organization_domain_common", 422)
        assert error["meta"]["param_name"] == "name"
    for disposable in ("mailinator.com", "yopmail.com", "10minutemail.com"):
        error = admin.post(f"/v1/organizations/{org['id']}/domains", {"name": disposable}).expect_error("organization_domain_blocked", 422)
        assert error["meta"]["param_name"] == "name"
    admin.post(f"/v1/organizations/{org['id']}/domains", {"name": "not a domain"}).expect_error("form_param_format_invalid", 422)
    created = admin.post(f"/v1/organizations/{org['id']}/domains", {"name": domain_name()}).expect(200).response
    admin.post(f"/v1/organizations/{org['id']}/domains/{created['id']}/update_enrollment_mode",
               {"enrollment_mode": "everyone"}).expect_error("form_param_value_invalid", 422)
    admin.get(f"/v1/organizations/{org['id']}/domains/orgdmn_unknown000000000000000000").expect_error("resource_not_found", 404)
