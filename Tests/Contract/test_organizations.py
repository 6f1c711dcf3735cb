"""Organizations on the ready instance Config/examples/organizations.toml: create, read, update, delete, logos,
memberships, leaving, switching, the session token's `o` claim and the organization errors."""
import uuid

from flows import me_params, sign_up, unique_email
from orgs import create_org, multipart, org_permissions_of, png, session_in, token_claims, touch
from settings import example

SETTINGS = example("organizations.toml")


def name(tag: str = "Org") -> str:
    return f"{tag} {uuid.uuid4().hex[:8]}"


def member_of(native, admin_client, org_id: str, role: str = "org:member") -> dict:
    """A new user who joined `org_id` with `role` through an accepted invitation; returns the user with its client."""
    client = native()
    email = unique_email("member")
    admin_client.post(f"/v1/organizations/{org_id}/invitations", {"email_address": email, "role": role}).expect(200)
    user = sign_up(client, email)
    invitation = client.get("/v1/me/organization_invitations", params={"status": "pending"}).expect(200).response["data"][0]
    client.post(f"/v1/me/organization_invitations/{invitation['id']}/accept").expect(200)
    return {**user, "client": client}


def test_environment_reflects_the_organization_settings(native):
    env = native().get("/v1/environment").expect(200).body
    settings = env["organization_settings"]
    assert settings["enabled"] is True and settings["max_allowed_memberships"] == 5
    assert settings["actions"] == {"admin_delete": True} and settings["slug"] == {"disabled": False}
    assert settings["creator_role"] == "org:admin"
    assert settings["domains"] == {"enabled": True, "default_role": "org:member",
                                   "enrollment_modes": ["manual_invitation", "automatic_invitation", "automatic_suggestion"]}
    assert "force_organization_selection" not in settings, "sent only when on (the spec does not list it yet)"
    assert env["user_settings"]["actions"]["create_organization"] is True


def test_create_organization_makes_the_creator_an_admin(native):
    client = native()
    user = sign_up(client)
    org = create_org(client, user["session_id"], "Analytical Engines, Ltd.")
    assert org["slug"].startswith("analytical-engines-ltd"), "slug derived like clerk-js createSlug, trimmed"
    assert org["members_count"] == 1 and org["pending_invitations_count"] == 0
    assert org["max_allowed_memberships"] == 5 and org["admin_delete_enabled"] is True and org["has_image"] is False
    me = client.get("/v1/me").expect(200).response
    assert me["create_organization_enabled"] is True
    membership = next(m for m in me["organization_memberships"] if m["organization"]["id"] == org["id"])
    assert membership["id"].startswith("orgmem_") and membership["role"] == "org:admin" and membership["role_name"] == "Admin"
    assert {"org:sys_profile:manage", "org:sys_profile:delete", "org:sys_memberships:manage",
            "org:sys_domains:manage", "org:sys_billing:manage"} <= set(membership["permissions"])
    assert membership["public_user_data"]["identifier"] == user["email"]


def test_slugs_are_unique_and_editable(native):
    client = native()
    user = sign_up(client)
    slug = f"acme-{uuid.uuid4().hex[:8]}"
    first = create_org(client, user["session_id"], "Acme", slug=slug)
    assert first["slug"] == slug
    taken = client.post("/v1/organizations", {"name": "Acme Again", "slug": slug})
    error = taken.expect_error("form_identifier_exists", 422)
    assert error["meta"]["param_name"] == "slug"
    base = name("Twin")
    one, two = create_org(client, user["session_id"], base), create_org(client, user["session_id"], base)
    assert two["slug"] == one["slug"] + "-2", "a derived slug that is taken gets a number"
    renamed = client.patch(f"/v1/organizations/{first['id']}", {"slug": slug + "-new", "name": "Acme Renamed"}).expect(200)
    assert renamed.response["slug"] == slug + "-new" and renamed.response["name"] == "Acme Renamed"
    client.patch(f"/v1/organizations/{first['id']}", {"slug": one["slug"]}).expect_error("form_identifier_exists", 422)


def test_create_rejects_bad_input(native):
    client = native()
    sign_up(client)
    for fields in ({}, {"name": ""}, {"name": "   "}):
        error = client.post("/v1/organizations", fields).expect_error("form_param_missing", 422)
        assert error["meta"]["param_name"] == "name"
    client.post("/v1/organizations", {"name": "x" * 257}).expect_error("form_param_max_length_exceeded", 422)
    client.post("/v1/organizations", {"name": "<b>Acme</b>"}).expect_error("form_param_value_invalid", 422)
    error = client.post("/v1/organizations", {"name": "Acme", "slug": "Not A Slug"}).expect_error("form_param_format_invalid", 422)
    assert error["meta"]["param_name"] == "slug"


def test_get_update_and_delete(native):
    client = native()
    user = sign_up(client)
    org = create_org(client, user["session_id"], name())
    assert client.get(f"/v1/organizations/{org['id']}").expect(200).response["id"] == org["id"]
    client.patch(f"/v1/organizations/{org['id']}", {"name": ""}).expect_error("form_param_missing", 422)
    touch(client, user["session_id"], org["id"]).expect(200)
    deleted = client.delete(f"/v1/organizations/{org['id']}").expect(200)
    assert deleted.response == {"object": "organization", "id": org["id"], "deleted": True}
    assert session_in(deleted, user["session_id"])["last_active_organization_id"] is None, "the deleted org is no longer active"
    client.get(f"/v1/organizations/{org['id']}").expect_error("organization_not_found_or_unauthorized", 404)
    assert all(m["organization"]["id"] != org["id"] for m in client.get("/v1/me").expect(200).response["organization_memberships"])


def test_outsiders_get_not_found_or_unauthorized(native):
    owner, outsider = native(), native()
    user = sign_up(owner)
    sign_up(outsider)
    org = create_org(owner, user["session_id"], name())
    for reply in (outsider.get(f"/v1/organizations/{org['id']}"),
                  outsider.patch(f"/v1/organizations/{org['id']}", {"name": "Mine now"}),
                  outsider.delete(f"/v1/organizations/{org['id']}"),
                  outsider.get("/v1/organizations/org_doesnotexist0000000000000"),
                  outsider.delete(f"/v1/me/organization_memberships/{org['id']}")):
        reply.expect_error("organization_not_found_or_unauthorized", 404)


def test_members_without_permission_are_refused(native):
    admin = native()
    owner = sign_up(admin)
    org = create_org(admin, owner["session_id"], name())
    member = member_of(native, admin, org["id"])
    client = member["client"]
    assert client.get(f"/v1/organizations/{org['id']}").expect(200).response["members_count"] == 2
    error = client.patch(f"/v1/organizations/{org['id']}", {"name": "Hijacked"}).expect_error("missing_organization_permission", 403)
    assert error["meta"]["permissions"] == ["org:sys_profile:manage"]
    client.delete(f"/v1/organizations/{org['id']}").expect_error("missing_organization_permission", 403)
    client.put(f"/v1/organizations/{org['id']}/logo", raw_body=png(),
               headers={"Content-Type": "application/octet-stream"}).expect_error("missing_organization_permission", 403)
    invite = client.post(f"/v1/organizations/{org['id']}/invitations", {"email_address": unique_email(), "role": "org:member"})
    assert invite.expect_error("missing_organization_permission", 403)["meta"]["permissions"] == ["org:sys_memberships:manage"]
    client.post(f"/v1/organizations/{org['id']}/invitations/bulk",
                {"email_address": [unique_email()], "role": "org:member"}).expect_error("missing_organization_permission", 403)


def test_logo_upload_and_removal(native):
    client = native()
    user = sign_up(client)
    org = create_org(client, user["session_id"], name())
    body, content_type = multipart("file", "logo.png", png())
    uploaded = client.put(f"/v1/organizations/{org['id']}/logo", raw_body=body, headers={"Content-Type": content_type}).expect(200)
    logo = uploaded.response
    assert logo["has_image"] is True and logo["image_url"].endswith(".png") and "/v1/images/img_" in logo["image_url"]
    served = client.http.get(logo["image_url"])
    assert served.status_code == 200 and served.content == png() and served.headers["Content-Type"] == "image/png"
    client.put(f"/v1/organizations/{org['id']}/logo", raw_body=b"not an image",
               headers={"Content-Type": "application/octet-stream"}).expect_error("form_param_format_invalid", 422)
    removed = client.delete(f"/v1/organizations/{org['id']}/logo").expect(200)
    assert removed.response["object"] == "image" and removed.response["id"].startswith("img_") and removed.response["deleted"]
    assert client.get(f"/v1/organizations/{org['id']}").expect(200).response["has_image"] is False
    client.delete(f"/v1/organizations/{org['id']}/logo").expect_error("image_not_found", 404)


def test_memberships_list_pages(native):
    client = native()
    user = sign_up(client)
    created = [create_org(client, user["session_id"], name(f"Page{i}")) for i in range(3)]
    page = client.get("/v1/me/organization_memberships", params={"paginated": "true", "limit": "2", "offset": "1"}).expect(200)
    assert page.response["total_count"] == 3 and len(page.response["data"]) == 2
    newest_first = [m["organization"]["id"] for m in
                    client.get("/v1/me/organization_memberships", params={"paginated": "true"}).expect(200).response["data"]]
    assert newest_first == [o["id"] for o in reversed(created)]
    bare = client.get("/v1/me/organization_memberships").expect(200)
    assert isinstance(bare.response, list) and len(bare.response) == 3, "without paginated=true the page is a bare array"
    for bad in ({"limit": "0"}, {"limit": "501"}, {"offset": "-1"}, {"limit": "ten"}):
        client.get("/v1/me/organization_memberships", params=bad).expect_error("form_param_format_invalid", 422)


def test_the_last_admin_cannot_leave(native):
    admin = native()
    owner = sign_up(admin)
    org = create_org(admin, owner["session_id"], name())
    admin.delete(f"/v1/me/organization_memberships/{org['id']}").expect_error("organization_minimum_permissions_needed", 400)
    member = member_of(native, admin, org["id"])
    admin.delete(f"/v1/me/organization_memberships/{org['id']}").expect_error("organization_minimum_permissions_needed", 400)
    promoted = admin.patch(f"/v1/organizations/{org['id']}/memberships/{member['user_id']}", {"role": "org:admin"}).expect(200)
    assert promoted.response["role"] == "org:admin"
    left = admin.delete(f"/v1/me/organization_memberships/{org['id']}").expect(200)
    assert left.response["object"] == "organization_membership" and left.response["deleted"] is True
    assert admin.get(f"/v1/organizations/{org['id']}").status == 404
    members = member["client"].get(f"/v1/organizations/{org['id']}/memberships", params={"paginated": "true"}).expect(200)
    assert [m["public_user_data"]["user_id"] for m in members.response["data"]] == [member["user_id"]]


def test_switching_organizations_and_the_o_claim(native):
    client = native()
    user = sign_up(client)
    org = create_org(client, user["session_id"], name())
    switched = touch(client, user["session_id"], org["id"]).expect(200)
    assert switched.response["last_active_organization_id"] == org["id"]
    assert session_in(switched, user["session_id"])["last_active_organization_id"] == org["id"]
    claims = token_claims(client, user["session_id"])
    assert claims["v"] == 2 and claims["sts"] == "active"
    assert claims["o"] == {"id": org["id"], "slg": org["slug"], "rol": "admin", "per": "", "fpm": "0"}
    assert claims["fea"] == "o:invoices", "the instance's custom feature, for o.fpm"
    assert "org_id" not in claims, "v2 tokens have no v1 org_* claims"
    personal = touch(client, user["session_id"], "").expect(200)
    assert personal.response["last_active_organization_id"] is None
    assert "o" not in token_claims(client, user["session_id"]) and "fea" not in token_claims(client, user["session_id"])
    by_slug = touch(client, user["session_id"], org["slug"]).expect(200)
    assert by_slug.response["last_active_organization_id"] == org["id"], "active_organization_id may be a slug"
    kept = touch(client, user["session_id"], None).expect(200)
    assert kept.response["last_active_organization_id"] == org["id"], "no active_organization_id keeps the organization"


def test_tokens_for_another_organization_and_personal(native):
    client = native()
    user = sign_up(client)
    first, second = create_org(client, user["session_id"], name()), create_org(client, user["session_id"], name())
    touch(client, user["session_id"], first["id"]).expect(200)
    assert token_claims(client, user["session_id"])["o"]["id"] == first["id"], "absent organization_id: the active one"
    assert token_claims(client, user["session_id"], organization_id=second["id"])["o"]["id"] == second["id"]
    assert "o" not in token_claims(client, user["session_id"], organization_id=""), "empty: the personal account"
    assert client.get(f"/v1/client/sessions/{user['session_id']}").expect(200).response["last_active_organization_id"] == first["id"]


def test_switching_to_someone_elses_organization_is_refused(native):
    owner, stranger = native(), native()
    owner_user, stranger_user = sign_up(owner), sign_up(stranger)
    org = create_org(owner, owner_user["session_id"], name())
    touch(stranger, stranger_user["session_id"], org["id"]).expect_error("not_a_member_in_organization", 403)
    touch(stranger, stranger_user["session_id"], "org_doesnotexist0000000000000").expect_error(
        "organization_not_found_or_unauthorized", 404)
    touch(stranger, stranger_user["session_id"], "no-such-slug").expect_error("organization_not_found_or_unauthorized", 404)
    stranger.post(f"/v1/client/sessions/{stranger_user['session_id']}/tokens",
                  {"organization_id": org["id"]}).expect_error("not_a_member_in_organization", 403)
    assert stranger.get("/v1/client").expect(200).response["sessions"][0]["last_active_organization_id"] is None


def test_the_o_claim_follows_a_role_change(native):
    admin = native()
    owner = sign_up(admin)
    org = create_org(admin, owner["session_id"], name())
    member = member_of(native, admin, org["id"], role="org:billing")
    client, session_id = member["client"], member["session_id"]
    switched = touch(client, session_id, org["id"]).expect(200)
    claims = token_claims(client, session_id)
    assert claims["o"] == {"id": org["id"], "slg": org["slug"], "rol": "billing", "per": "create,read", "fpm": "3"}
    assert claims["fea"] == "o:invoices"
    assert sorted(org_permissions_of(claims)) == ["org:invoices:create", "org:invoices:read"]
    cached = switched.response["last_active_token"]["jwt"]
    admin.patch(f"/v1/organizations/{org['id']}/memberships/{member['user_id']}", {"role": "org:member"}).expect(200)
    demoted = token_claims(client, session_id)
    assert demoted["o"]["rol"] == "member" and demoted["o"]["per"] == "" and org_permissions_of(demoted) == []
    fresh = client.get("/v1/client").expect(200).response["sessions"][0]["last_active_token"]["jwt"]
    assert fresh != cached, "the client's last_active_token is not reused across a role change"
    admin.patch(f"/v1/organizations/{org['id']}/memberships/{member['user_id']}",
                {"role": "org:nope"}).expect_error("resource_not_found", 404)


def test_user_and_session_payloads(native):
    client = native()
    user = sign_up(client)
    org = create_org(client, user["session_id"], name())
    reply = touch(client, user["session_id"], org["id"]).expect(200)
    session = session_in(reply, user["session_id"])
    assert session["status"] == "active" and session["tasks"] is None
    memberships = session["user"]["organization_memberships"]
    assert [m["organization"]["id"] for m in memberships] == [org["id"]]
    assert memberships[0]["organization"]["slug"] == org["slug"]
    assert session["user"]["create_organizations_limit"] == 0


def test_roles_list(native):
    client = native()
    user = sign_up(client)
    org = create_org(client, user["session_id"], name())
    roles = client.get(f"/v1/organizations/{org['id']}/roles").expect(200).response
    assert roles["total_count"] == 3
    by_key = {role["key"]: role for role in roles["data"]}
    assert set(by_key) == {"org:admin", "org:member", "org:billing"}
    assert by_key["org:admin"]["is_creator_eligible"] is True and by_key["org:member"]["is_creator_eligible"] is False
    member_permissions = {p["key"]: p["type"] for p in by_key["org:member"]["permissions"]}
    assert member_permissions == {"org:sys_memberships:read": "system", "org:sys_billing:read": "system"}
    assert {p["key"]: p["type"] for p in by_key["org:billing"]["permissions"]}["org:invoices:create"] == "user"


def test_creation_defaults(native):
    client = native()
    sign_up(client, unique_email("ada").replace("@example.com", "@analytical-engines.example"))
    defaults = client.get("/v1/me/organization_creation_defaults").expect(200).response
    assert defaults["form"]["name"] == "Analytical Engines" and defaults["form"]["slug"] == "analytical-engines"
    assert defaults["advisory"] is None


def test_sessions_and_me_follow_clerk_session_id(native):
    client = native()
    first, second = sign_up(native()), sign_up(native())
    from flows import sign_in
    a = sign_in(client, first["email"])["created_session_id"]
    b = sign_in(client, second["email"])["created_session_id"]
    org = create_org(client, a, name())
    assert client.get("/v1/me/organization_memberships", params=me_params(b)).expect(200).response == []
    assert len(client.get("/v1/me/organization_memberships", params=me_params(a)).expect(200).response) == 1
    client.get(f"/v1/organizations/{org['id']}", params=me_params(b)).expect_error("organization_not_found_or_unauthorized", 404)


def test_members_list_filters_by_role_and_query(native):
    admin = native()
    owner = sign_up(admin)
    org = create_org(admin, owner["session_id"], name())
    member = member_of(native, admin, org["id"], role="org:billing")
    listed = admin.get(f"/v1/organizations/{org['id']}/memberships", params={"paginated": "true"}).expect(200).response
    assert listed["total_count"] == 2 and [m["role"] for m in listed["data"]] == ["org:admin", "org:billing"]
    by_role = admin.get(f"/v1/organizations/{org['id']}/memberships", params={"role": "org:billing"}).expect(200).response
    assert [m["public_user_data"]["user_id"] for m in by_role] == [member["user_id"]]
    local_part = member["email"].split("@")[0].upper()
    by_query = admin.get(f"/v1/organizations/{org['id']}/memberships",
                         params={"paginated": "true", "query": local_part}).expect(200).response
    assert [m["public_user_data"]["user_id"] for m in by_query["data"]] == [member["user_id"]]
