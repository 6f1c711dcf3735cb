"""Every administration operation against every kind of member on Config/examples/organizations.toml: the built-in
`org:admin` and `org:member` roles and the custom `org:billing` role (members and billing, no management). A hand-made
request from someone whose role lacks the permission gets Clerk's 403 `missing_organization_permission` naming it,
never a 2xx, and changes nothing; an outsider gets 404 `organization_not_found_or_unauthorized`; an admin succeeds."""
import uuid

import pytest

from fapi import NativeClient
from flows import TEST_CODE, sign_up, unique_email
from orgs import admin_with_org, domain_name, member_of, multipart, png
from settings import example

# Unlimited seats, so that the admin's run of every operation is not stopped by the quota.
SETTINGS = example("organizations.toml", organizations={"max_allowed_memberships": 0})

PROFILE_MANAGE, PROFILE_DELETE = "org:sys_profile:manage", "org:sys_profile:delete"
MEMBERS_READ, MEMBERS_MANAGE = "org:sys_memberships:read", "org:sys_memberships:manage"
DOMAINS_READ, DOMAINS_MANAGE = "org:sys_domains:read", "org:sys_domains:manage"


def administered_org(native) -> dict:
    """An organization with something for every operation to act on: a verified domain in automatic_suggestion mode,
    an unverified one, a pending invitation, two pending membership requests, a member to change and one to remove, a
    user to add, and a logo."""
    domain = domain_name()
    admin, owner, org = admin_with_org(native, f"admin-{uuid.uuid4().hex[:6]}+clerk_test@{domain}")
    base = f"/v1/organizations/{org['id']}"
    verified = admin.post(f"{base}/domains", {"name": domain}).expect(200).response
    admin.post(f"{base}/domains/{verified['id']}/update_enrollment_mode", {"enrollment_mode": "automatic_suggestion"}).expect(200)
    unverified = admin.post(f"{base}/domains", {"name": domain_name()}).expect(200).response
    for _ in range(2):
        newcomer = native()
        sign_up(newcomer, f"new-{uuid.uuid4().hex[:6]}+clerk_test@{domain}")
        suggestion = newcomer.get("/v1/me/organization_suggestions").expect(200).response["data"][0]
        newcomer.post(f"/v1/me/organization_suggestions/{suggestion['id']}/accept").expect(200)
    requests = admin.get(f"{base}/membership_requests", params={"status": "pending"}).expect(200).response["data"]
    body, content_type = multipart("file", "logo.png", png())
    admin.put(f"{base}/logo", raw_body=body, headers={"Content-Type": content_type}).expect(200)
    outsider = native()
    addable = sign_up(outsider)
    return {
        "admin": admin, "owner": owner, "org": org, "base": base, "verified": verified, "unverified": unverified,
        "requests": [r["id"] for r in requests], "outsider": outsider, "addable": addable["user_id"],
        "invitation": admin.post(f"{base}/invitations", {"email_address": unique_email(), "role": "org:member"}).expect(200).response,
        "member": member_of(native, admin, org["id"]), "leaving": member_of(native, admin, org["id"]),
        "billing": member_of(native, admin, org["id"], role="org:billing"),
    }


def operations(setup: dict) -> list:
    """(operation id, permission it needs, request) for every administration operation, in an order an admin can run
    them all (deleting the organization last)."""
    base, unverified = setup["base"], setup["unverified"]["id"]
    body, content_type = multipart("file", "logo.png", png())
    return [
        ("updateOrganization", PROFILE_MANAGE, lambda c: c.patch(base, {"name": "Renamed"})),
        ("updateOrganizationLogo", PROFILE_MANAGE,
         lambda c: c.put(f"{base}/logo", raw_body=body, headers={"Content-Type": content_type})),
        ("deleteOrganizationLogo", PROFILE_MANAGE, lambda c: c.delete(f"{base}/logo")),
        ("getOrganizationInvitations", MEMBERS_MANAGE, lambda c: c.get(f"{base}/invitations", params={"status": "pending"})),
        ("getAllPendingOrganizationInvitations", MEMBERS_MANAGE, lambda c: c.get(f"{base}/invitations/pending")),
        ("createOrganizationInvitations", MEMBERS_MANAGE,
         lambda c: c.post(f"{base}/invitations", {"email_address": unique_email(), "role": "org:member"})),
        ("bulkCreateOrganizationInvitations", MEMBERS_MANAGE,
         lambda c: c.post(f"{base}/invitations/bulk", {"email_address": [unique_email()], "role": "org:member"})),
        ("revokePendingOrganizationInvitation", MEMBERS_MANAGE,
         lambda c: c.post(f"{base}/invitations/{setup['invitation']['id']}/revoke")),
        ("CreateOrganizationMembership", MEMBERS_MANAGE,
         lambda c: c.post(f"{base}/memberships", {"user_id": setup["addable"], "role": "org:member"})),
        ("UpdateOrganizationMembership", MEMBERS_MANAGE,
         lambda c: c.patch(f"{base}/memberships/{setup['member']['user_id']}", {"role": "org:admin"})),
        ("removeOrganizationMember", MEMBERS_MANAGE, lambda c: c.delete(f"{base}/memberships/{setup['leaving']['user_id']}")),
        ("listOrganizationMembershipRequests", MEMBERS_MANAGE,
         lambda c: c.get(f"{base}/membership_requests", params={"status": "pending"})),
        ("acceptOrganizationMembershipRequest", MEMBERS_MANAGE,
         lambda c: c.post(f"{base}/membership_requests/{setup['requests'][0]}/accept")),
        ("rejectOrganizationMembershipRequest", MEMBERS_MANAGE,
         lambda c: c.post(f"{base}/membership_requests/{setup['requests'][1]}/reject")),
        ("ListOrganizationDomains", DOMAINS_READ, lambda c: c.get(f"{base}/domains")),
        ("GetOrganizationDomain", DOMAINS_READ, lambda c: c.get(f"{base}/domains/{unverified}")),
        ("CreateOrganizationDomain", DOMAINS_MANAGE, lambda c: c.post(f"{base}/domains", {"name": domain_name()})),
        ("UpdateOrganizationDomainEnrollmentMode", DOMAINS_MANAGE,
         lambda c: c.post(f"{base}/domains/{unverified}/update_enrollment_mode", {"enrollment_mode": "manual_invitation"})),
        ("prepareOrganizationDomainVerification", DOMAINS_MANAGE,
         lambda c: c.post(f"{base}/domains/{unverified}/prepare_affiliation_verification",
                          {"affiliation_email_address": f"it+clerk_test@{setup['unverified']['name']}"})),
        ("attemptOrganizationDomainVerification", DOMAINS_MANAGE,
         lambda c: c.post(f"{base}/domains/{unverified}/attempt_affiliation_verification", {"code": TEST_CODE})),
        ("deleteOrganizationDomain", DOMAINS_MANAGE, lambda c: c.delete(f"{base}/domains/{unverified}")),
        ("deleteOrganization", PROFILE_DELETE, lambda c: c.delete(base)),
    ]


@pytest.fixture(scope="module")
def setup(server):
    return administered_org(lambda **kw: NativeClient(server.url, **kw))


@pytest.mark.parametrize("role", ["member", "billing"])
def test_members_without_the_permission_get_403_and_change_nothing(setup, role):
    client = setup[role]["client"]
    for operation_id, permission, call in operations(setup):
        reply = call(client)
        assert reply.operation_id == operation_id, reply.describe()
        error = reply.expect_error("missing_organization_permission", 403)
        assert error["meta"]["permissions"] == [permission], f"{operation_id}: {reply.describe()}"
    admin, base = setup["admin"], setup["base"]
    org = admin.get(base).expect(200).response
    assert org["name"] == setup["org"]["name"] and org["has_image"] is True and org["members_count"] == 4
    assert admin.get(f"{base}/membership_requests", params={"status": "pending"}).expect(200).response["total_count"] == 2
    assert [i["id"] for i in admin.get(f"{base}/invitations/pending").expect(200).response] == [setup["invitation"]["id"]]
    assert admin.get(f"{base}/domains").expect(200).response["total_count"] == 2


@pytest.mark.parametrize("role", ["member", "billing"])
def test_members_read_members_and_roles(setup, role):
    client, base = setup[role]["client"], setup["base"]
    assert client.get(base).expect(200).response["id"] == setup["org"]["id"]
    assert client.get(f"{base}/memberships", params={"paginated": "true"}).expect(200).response["total_count"] == 4
    assert client.get(f"{base}/roles").expect(200).response["total_count"] == 3


def test_outsiders_get_not_found_or_unauthorized(setup):
    for operation_id, _, call in operations(setup) + [("ListOrganizationMemberships", None,
                                                       lambda c: c.get(f"{setup['base']}/memberships"))]:
        reply = call(setup["outsider"])
        assert reply.operation_id == operation_id
        reply.expect_error("organization_not_found_or_unauthorized", 404)


def test_an_admin_may_do_all_of_it(setup):
    """Last in this module: it changes and finally deletes the organization."""
    for operation_id, _, call in operations(setup):
        reply = call(setup["admin"])
        assert reply.operation_id == operation_id and 200 <= reply.status < 300, reply.describe()
    setup["admin"].get(setup["base"]).expect_error("organization_not_found_or_unauthorized", 404)
