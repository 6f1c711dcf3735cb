"""`/v1/me`: GET, PATCH, DELETE, picking the session by `_clerk_session_id` or the last active one."""
from flows import PASSWORD, me_params, mint_token, sign_in, password_attempt, sign_up
from settings import settings

SETTINGS = settings(profile={"first_name": "optional", "last_name": "optional"})


def test_get_me(native):
    client = native()
    user = sign_up(client)
    reply = client.get("/v1/me", params=me_params(user["session_id"])).expect(200)
    me = reply.response
    assert me["object"] == "user" and me["id"] == user["user_id"] and me["id"].startswith("user_")
    assert me["password_enabled"] is True and me["totp_enabled"] is False
    assert me["email_addresses"][0]["email_address"] == user["email"]
    assert me["email_addresses"][0]["verification"]["status"] == "verified"
    assert me["primary_email_address_id"] == me["email_addresses"][0]["id"]
    for key in ("image_url", "has_image", "backup_code_enabled", "two_factor_enabled", "delete_self_enabled",
                "create_organization_enabled", "phone_numbers", "external_accounts", "passkeys",
                "created_at", "updated_at"):
        assert key in me, f"User.{key} is required by clerk-ios"
    assert PASSWORD not in reply.text
    # Without _clerk_session_id the last active session acts.
    assert client.get("/v1/me").expect(200).response["id"] == user["user_id"]


def test_me_follows_clerk_session_id(native):
    client = native()
    first, second = sign_up(native()), sign_up(native())
    a = sign_in(client, first["email"])["created_session_id"]
    b = sign_in(client, second["email"])["created_session_id"]
    assert client.get("/v1/me", params=me_params(a)).expect(200).response["id"] == first["user_id"]
    assert client.get("/v1/me", params=me_params(b)).expect(200).response["id"] == second["user_id"]
    assert client.get("/v1/me").expect(200).response["id"] == second["user_id"]


def test_patch_me(native):
    client = native()
    user = sign_up(client)
    reply = client.patch("/v1/me", {"first_name": "Grace", "last_name": "Hopper"},
                         params=me_params(user["session_id"])).expect(200)
    assert reply.response["first_name"] == "Grace" and reply.response["last_name"] == "Hopper"
    fetched = client.get("/v1/me").expect(200).response
    assert (fetched["first_name"], fetched["last_name"]) == ("Grace", "Hopper")
    session = next(s for s in reply.client["sessions"] if s["id"] == user["session_id"])
    assert session["public_user_data"]["first_name"] == "Grace"


def test_patch_me_with_method_override(browser):
    client = browser()
    sign_up(client)
    reply = client.patch("/v1/me", {"first_name": "Lin"}).expect(200)  # POST ?_method=PATCH on the wire
    assert reply.response["first_name"] == "Lin"


def test_patch_me_rejects_unknown_types(native):
    client = native()
    user = sign_up(client)
    reply = client.patch("/v1/me", {"unsafe_metadata": "{not json"}, params=me_params(user["session_id"]))
    assert reply.status in (400, 422), reply.describe()


def test_delete_me(native):
    client = native()
    user = sign_up(client)
    laptop = native()
    other = sign_in(laptop, user["email"])["created_session_id"]
    env = client.get("/v1/environment").expect(200).body
    assert env["user_settings"]["actions"]["delete_self"] is True
    reply = client.delete("/v1/me", params=me_params(user["session_id"])).expect(200)
    assert reply.response["deleted"] is True and reply.response["object"] == "user"
    assert reply.response.get("id") in (None, user["user_id"])
    for device, session_id in ((client, user["session_id"]), (laptop, other)):
        denied = mint_token(device, session_id)
        assert 400 <= denied.status < 500, f"a deleted user's sessions end; {denied.describe()}"
    password_attempt(native(), user["email"], PASSWORD).expect_error("form_identifier_not_found", 422)
