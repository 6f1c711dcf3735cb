"""API keys (the spec's API Keys tag) on Config/examples/api-keys.toml, called as clerk-js calls them: `/api_keys`
without `/v1`, JSON bodies, the session token as `Authorization: Bearer`. A user's own keys and an organization's,
for members whose role grants `org:sys_api_keys:read` / `:manage`; the secret once; revoked and expired keys out of
the default list."""
import uuid

from flows import sign_up
from orgs import admin_with_org, member_of
from settings import ALLOWED_ORIGIN, example
from ways import APIKeysClient, jwt_claims, session_token

SETTINGS = example("api-keys.toml")


def keys_of(server, client, session_id: str) -> APIKeysClient:
    return APIKeysClient(server.url, session_token(client, session_id), origin=ALLOWED_ORIGIN)


def test_environment_enables_api_keys(native):
    settings = native().get("/v1/environment").expect(200).body["api_keys_settings"]
    assert settings == {"enabled": True, "user_api_keys_enabled": True, "orgs_api_keys_enabled": True}


def test_a_user_creates_lists_updates_and_revokes_a_key(server, native):
    client = native()
    user = sign_up(client)
    keys = keys_of(server, client, user["session_id"])
    subject = user["user_id"]
    created = keys.create(subject, "CI deploys", seconds_until_expiration=86400).expect(201).body
    assert created["secret"].startswith("ak_") and created["id"].startswith("ak_") and created["created_by"] == subject
    assert created["expiration"] - created["created_at"] == 86_400_000 and created["expired"] is False
    listed = keys.list(subject).expect(200).body
    assert listed["total_count"] == 1 and listed["data"][0]["id"] == created["id"]
    assert "secret" not in listed["data"][0], "the secret is shown once"
    updated = keys.update(created["id"], description="Deploys from CI").expect(200).body
    assert updated["description"] == "Deploys from CI"
    revoked = keys.revoke(created["id"], "Rotated").expect(200).body
    assert revoked["revoked"] is True and revoked["revocation_reason"] == "Rotated"
    assert keys.list(subject).expect(200).body["total_count"] == 0
    assert keys.list(subject, include_invalid="true").expect(200).body["data"][0]["revoked"] is True


def test_names_are_unique_among_usable_keys(server, native):
    client = native()
    user = sign_up(client)
    keys = keys_of(server, client, user["session_id"])
    first = keys.create(user["user_id"], "Backups").expect(201).body
    keys.create(user["user_id"], "Backups").expect_error("token_creation_conflict", 409)
    keys.revoke(first["id"]).expect(200)
    keys.create(user["user_id"], "Backups").expect(201)


def test_search_and_pages(server, native):
    client = native()
    user = sign_up(client)
    keys = keys_of(server, client, user["session_id"])
    for name in ("alpha one", "alpha two", "beta"):
        keys.create(user["user_id"], name).expect(201)
    found = keys.list(user["user_id"], query="ALPHA").expect(200).body
    assert found["total_count"] == 2 and {k["name"] for k in found["data"]} == {"alpha one", "alpha two"}
    page = keys.list(user["user_id"], limit="1", offset="1").expect(200).body
    assert page["total_count"] == 3 and len(page["data"]) == 1 and page["data"][0]["name"] == "alpha two"


def test_bad_input_and_authentication(server, native):
    client = native()
    user = sign_up(client)
    keys = keys_of(server, client, user["session_id"])
    keys.create(user["user_id"], "ab").expect_error("form_param_format_invalid", 400)
    keys.create(user["user_id"], " padded ").expect_error("form_param_format_invalid", 400)
    keys.create("user_short", "Valid name").expect_error("form_param_format_invalid", 400)
    keys.request("POST", "/api_keys", {"name": "Valid name", "subject": user["user_id"], "extra": 1}) \
        .expect_error("form_param_unknown", 400)
    keys.create(user["user_id"], "Valid name", seconds_until_expiration=-5).expect_error("form_param_format_invalid", 400)
    keys.list(user["user_id"], token="").expect_error("authentication_invalid", 401)
    forged = keys.token[:-6] + ("AAAAAA" if not keys.token.endswith("AAAAAA") else "BBBBBB")
    keys.list(user["user_id"], token=forged).expect_error("authentication_invalid", 401)
    keys.update("ak_" + uuid.uuid4().hex, description="x").expect_error("resource_not_found", 404)


def test_someone_elses_keys_are_not_there(server, native):
    owner_client, other_client = native(), native()
    owner = sign_up(owner_client)
    other = sign_up(other_client)
    key = keys_of(server, owner_client, owner["session_id"]).create(owner["user_id"], "Mine").expect(201).body
    theirs = keys_of(server, other_client, other["session_id"])
    theirs.list(owner["user_id"]).expect_error("resource_not_found", 404)
    theirs.revoke(key["id"]).expect_error("resource_not_found", 404)


def test_organization_keys_follow_the_role(server, native):
    admin, admin_user, org = admin_with_org(native)
    admin_keys = APIKeysClient(server.url, session_token(admin, admin_user["session_id"]), origin=ALLOWED_ORIGIN)
    key = admin_keys.create(org["id"], "Org key").expect(201).body
    assert key["subject"] == org["id"]
    member = member_of(native, admin, org["id"])
    member_token = session_token(member["client"], member["session_id"])
    assert jwt_claims(member_token)["sid"] == member["session_id"]
    member_keys = APIKeysClient(server.url, member_token, origin=ALLOWED_ORIGIN)
    member_keys.list(org["id"]).expect_error("missing_organization_permission", 403)
    member_keys.revoke(key["id"]).expect_error("missing_organization_permission", 403)
    listed = admin_keys.list(org["id"]).expect(200).body
    assert [k["id"] for k in listed["data"]] == [key["id"]]
