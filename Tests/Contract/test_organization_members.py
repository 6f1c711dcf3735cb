"""Administering members on Config/examples/organizations.toml: adding a user by id, removing members, the last admin
rule, membership requests from verified-domain suggestions, and the deprecated pending-invitations list."""
import uuid

from flows import sign_up, unique_email
from orgs import admin_with_org, domain_name, member_of, token_claims, touch
from settings import example

SETTINGS = example("organizations.toml")


def test_adding_a_user_by_id(native):
    admin, _, org = admin_with_org(native)
    newcomer = native()
    user = sign_up(newcomer)
    added = admin.post(f"/v1/organizations/{org['id']}/memberships", {"user_id": user["user_id"], "role": "org:billing"}).expect(200)
    membership = added.response
    assert membership["object"] == "organization_membership" and membership["id"].startswith("orgmem_")
    assert membership["role"] == "org:billing" and membership["role_name"] == "Billing"
    assert membership["public_user_data"]["user_id"] == user["user_id"] and membership["organization"]["id"] == org["id"]
    assert membership["organization"]["members_count"] == 2
    mine = newcomer.get("/v1/me/organization_memberships").expect(200).response
    assert [(m["organization"]["id"], m["role"]) for m in mine] == [(org["id"], "org:billing")]
    admin.post(f"/v1/organizations/{org['id']}/memberships", {"user_id": user["user_id"], "role": "org:member"}) \
        .expect_error("already_a_member_in_organization", 400)
    unknown = admin.post(f"/v1/organizations/{org['id']}/memberships", {"user_id": "user_nobody000000000000000000", "role": "org:member"})
    assert unknown.expect_error("resource_not_found", 404)["meta"]["param_name"] == "user_id"
    other = native()
    other_user = sign_up(other)
    admin.post(f"/v1/organizations/{org['id']}/memberships", {"user_id": other_user["user_id"], "role": "org:nope"}) \
        .expect_error("resource_not_found", 404)
    admin.post(f"/v1/organizations/{org['id']}/memberships", {"role": "org:member"}).expect_error("form_param_missing", 422)
    admin.post(f"/v1/organizations/{org['id']}/memberships", {"user_id": other_user["user_id"]}).expect_error("form_param_missing", 422)


def test_adding_counts_pending_invitations_against_the_quota(native):
    admin, _, org = admin_with_org(native)
    admin.post(f"/v1/organizations/{org['id']}/invitations/bulk",
               {"email_address": [unique_email("seat") for _ in range(3)], "role": "org:member"}).expect(200)
    users = []
    for _ in range(2):
        client = native()
        users.append(sign_up(client))
    admin.post(f"/v1/organizations/{org['id']}/memberships", {"user_id": users[0]["user_id"], "role": "org:member"}).expect(200)
    full = admin.post(f"/v1/organizations/{org['id']}/memberships", {"user_id": users[1]["user_id"], "role": "org:member"})
    full.expect_error("organization_membership_quota_exceeded", 403)


def test_removing_a_member(native):
    admin, _, org = admin_with_org(native)
    member = member_of(native, admin, org["id"])
    client, session_id = member["client"], member["session_id"]
    touch(client, session_id, org["id"]).expect(200)
    assert token_claims(client, session_id)["o"]["id"] == org["id"]
    removed = admin.delete(f"/v1/organizations/{org['id']}/memberships/{member['user_id']}").expect(200)
    assert removed.response["object"] == "organization_membership" and removed.response["role"] == "org:member"
    assert removed.response["public_user_data"]["user_id"] == member["user_id"]
    assert removed.response["organization"]["members_count"] == 1
    assert "o" not in token_claims(client, session_id), "the removed member's session falls back to the personal account"
    assert client.get("/v1/me/organization_memberships").expect(200).response == []
    client.get(f"/v1/organizations/{org['id']}").expect_error("organization_not_found_or_unauthorized", 404)
    admin.delete(f"/v1/organizations/{org['id']}/memberships/{member['user_id']}").expect_error("resource_not_found", 404)
    members = admin.get(f"/v1/organizations/{org['id']}/memberships", params={"paginated": "true"}).expect(200).response
    assert members["total_count"] == 1


def test_the_last_admin_cannot_be_removed_or_demoted(native):
    admin, owner, org = admin_with_org(native)
    path = f"/v1/organizations/{org['id']}/memberships/{owner['user_id']}"
    admin.delete(path).expect_error("organization_minimum_permissions_needed", 400)
    admin.patch(path, {"role": "org:member"}).expect_error("organization_minimum_permissions_needed", 400)
    admin.patch(path, {"role": "org:billing"}).expect_error("organization_minimum_permissions_needed", 400)
    second = member_of(native, admin, org["id"], role="org:admin")
    second["client"].delete(path).expect(200)
    assert admin.get("/v1/me/organization_memberships").expect(200).response == []
    own = f"/v1/organizations/{org['id']}/memberships/{second['user_id']}"
    second["client"].delete(own).expect_error("organization_minimum_permissions_needed", 400)


def test_an_admin_removing_themselves_leaves(native):
    admin, owner, org = admin_with_org(native)
    member_of(native, admin, org["id"], role="org:admin")
    left = admin.delete(f"/v1/organizations/{org['id']}/memberships/{owner['user_id']}").expect(200)
    assert left.response["public_user_data"]["user_id"] == owner["user_id"]
    admin.get(f"/v1/organizations/{org['id']}").expect_error("organization_not_found_or_unauthorized", 404)


def suggestion_request(native, admin, org: dict, domain: str) -> dict:
    """A newcomer at `domain` who accepted the suggestion to join `org`: their membership request is pending."""
    newcomer = native()
    user = sign_up(newcomer, f"new-{uuid.uuid4().hex[:6]}+clerk_test@{domain}")
    suggestion = newcomer.get("/v1/me/organization_suggestions").expect(200).response["data"][0]
    newcomer.post(f"/v1/me/organization_suggestions/{suggestion['id']}/accept").expect(200)
    return {**user, "client": newcomer}


def suggesting_org(native) -> tuple:
    domain = domain_name()
    admin, _, org = admin_with_org(native, f"admin+clerk_test@{domain}")
    created = admin.post(f"/v1/organizations/{org['id']}/domains", {"name": domain}).expect(200).response
    admin.post(f"/v1/organizations/{org['id']}/domains/{created['id']}/update_enrollment_mode",
               {"enrollment_mode": "automatic_suggestion"}).expect(200)
    return admin, org, domain


def test_accepting_a_membership_request(native):
    admin, org, domain = suggesting_org(native)
    requester = suggestion_request(native, admin, org, domain)
    listed = admin.get(f"/v1/organizations/{org['id']}/membership_requests", params={"status": "pending"}).expect(200).response
    assert listed["total_count"] == 1
    request = listed["data"][0]
    assert request["object"] == "organization_membership_request" and request["id"].startswith("orgreq_")
    assert request["organization_id"] == org["id"] and request["status"] == "pending"
    assert request["public_user_data"]["user_id"] == requester["user_id"]
    accepted = admin.post(f"/v1/organizations/{org['id']}/membership_requests/{request['id']}/accept").expect(200)
    assert accepted.response["status"] == "accepted" and accepted.response["id"] == request["id"]
    mine = requester["client"].get("/v1/me/organization_memberships").expect(200).response
    assert [(m["organization"]["id"], m["role"]) for m in mine] == [(org["id"], "org:member")], "the default role"
    suggestions = requester["client"].get("/v1/me/organization_suggestions", params={"status": ["pending", "accepted"]})
    assert suggestions.expect(200).response["data"] == [], "no longer shown as Pending approval"
    admin.post(f"/v1/organizations/{org['id']}/membership_requests/{request['id']}/accept").expect_error("resource_not_found", 404)
    admin.post(f"/v1/organizations/{org['id']}/membership_requests/{request['id']}/reject").expect_error("resource_not_found", 404)
    assert admin.get(f"/v1/organizations/{org['id']}/membership_requests",
                     params={"status": "pending"}).expect(200).response["total_count"] == 0


def test_rejecting_a_membership_request(native):
    admin, org, domain = suggesting_org(native)
    requester = suggestion_request(native, admin, org, domain)
    request = admin.get(f"/v1/organizations/{org['id']}/membership_requests").expect(200).response["data"][0]
    rejected = admin.post(f"/v1/organizations/{org['id']}/membership_requests/{request['id']}/reject").expect(200)
    assert rejected.response["status"] == "rejected"
    assert requester["client"].get("/v1/me/organization_memberships").expect(200).response == []
    listed = admin.get(f"/v1/organizations/{org['id']}/membership_requests", params={"status": "rejected"}).expect(200).response
    assert [r["id"] for r in listed["data"]] == [request["id"]]
    admin.post(f"/v1/organizations/{org['id']}/membership_requests/orgreq_unknown00000000000000000/accept") \
        .expect_error("resource_not_found", 404)


def test_membership_requests_page_and_need_manage(native):
    admin, org, domain = suggesting_org(native)
    for _ in range(3):
        suggestion_request(native, admin, org, domain)
    page = admin.get(f"/v1/organizations/{org['id']}/membership_requests",
                     params={"status": "pending", "limit": "2", "offset": "1"}).expect(200).response
    assert page["total_count"] == 3 and len(page["data"]) == 2
    member = member_of(native, admin, org["id"])
    request = page["data"][0]
    for reply in (member["client"].get(f"/v1/organizations/{org['id']}/membership_requests"),
                  member["client"].post(f"/v1/organizations/{org['id']}/membership_requests/{request['id']}/accept"),
                  member["client"].post(f"/v1/organizations/{org['id']}/membership_requests/{request['id']}/reject")):
        assert reply.expect_error("missing_organization_permission", 403)["meta"]["permissions"] == ["org:sys_memberships:manage"]
    outsider = native()
    sign_up(outsider)
    outsider.get(f"/v1/organizations/{org['id']}/membership_requests").expect_error("organization_not_found_or_unauthorized", 404)


def test_the_deprecated_pending_invitations_list(native):
    admin, _, org = admin_with_org(native)
    first = admin.post(f"/v1/organizations/{org['id']}/invitations", {"email_address": unique_email(), "role": "org:member"}) \
        .expect(200).response
    second = admin.post(f"/v1/organizations/{org['id']}/invitations", {"email_address": unique_email(), "role": "org:member"}) \
        .expect(200).response
    admin.post(f"/v1/organizations/{org['id']}/invitations/{first['id']}/revoke").expect(200)
    pending = admin.get(f"/v1/organizations/{org['id']}/invitations/pending").expect(200).response
    assert [i["id"] for i in pending] == [second["id"]]
    member = member_of(native, admin, org["id"])
    member["client"].get(f"/v1/organizations/{org['id']}/invitations/pending").expect_error("missing_organization_permission", 403)
