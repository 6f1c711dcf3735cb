"""Sessions: get, touch, end, remove, revoke, `/v1/me/sessions[/active]`, and session tokens (RS256 JWTs)."""
import time

import jwt
import pytest

from fapi import BrowserClient
from flows import me_params, mint_token, sign_in, sign_up
from settings import ALLOWED_ORIGIN


def jwks(client):
    return jwt.PyJWKSet.from_dict(client.get("/.well-known/jwks.json").expect(200).body)


def verify(client, token: str, *, keyset=None) -> tuple[dict, dict]:
    """Verifies an RS256 session token against the published JWKS; returns (header, claims)."""
    keyset = keyset or jwks(client)
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "RS256" and header.get("typ") == "JWT", header
    key = next((k for k in keyset.keys if k.key_id == header["kid"]), None)
    assert key is not None, f"kid {header['kid']} is not in the JWKS"
    claims = jwt.decode(token, key.key, algorithms=["RS256"], options={"verify_aud": False}, leeway=5)
    return header, claims


def assert_session_claims(claims: dict, user: dict, session_id: str, issuer: str | None = None):
    assert claims["sub"] == user["user_id"]
    assert claims["sid"] == session_id
    assert claims["exp"] - claims["iat"] == 60, claims
    assert claims["nbf"] <= claims["iat"] <= time.time() + 5
    assert claims["v"] == 2
    assert claims["sts"] == "active"
    assert isinstance(claims["fva"], list) and len(claims["fva"]) == 2 and claims["fva"][0] >= 0
    assert isinstance(claims["jti"], str) and claims["jti"]
    assert isinstance(claims["iss"], str) and claims["iss"].startswith("http")
    if issuer:
        assert claims["iss"] == issuer
    assert "o" not in claims, "no org is active"


def test_get_session(native):
    client = native()
    user = sign_up(client)
    reply = client.get(f"/v1/client/sessions/{user['session_id']}").expect(200)
    session = reply.response
    assert session["object"] == "session" and session["id"] == user["session_id"] and session["status"] == "active"
    for key in ("expire_at", "abandon_at", "last_active_at", "created_at", "updated_at"):
        assert isinstance(session[key], int) and session[key] > 10**12, f"{key} in ms"
    week = 7 * 24 * 3600 * 1000
    assert abs(session["expire_at"] - session["created_at"] - week) < 60_000, "default max lifetime is 7 days"
    assert session["user"]["id"] == user["user_id"]
    assert session["public_user_data"]["identifier"] == user["email"]


def test_session_token_is_verifiable_rs256(server, native):
    client = native()
    user = sign_up(client)
    reply = mint_token(client, user["session_id"]).expect(200)
    assert set(reply.body) <= {"object", "jwt"} and reply.body.get("object", "token") == "token", \
        "tokens are bare {object, jwt}"
    openid = client.get("/.well-known/openid-configuration").expect(200).body
    header, claims = verify(client, reply.body["jwt"])
    assert header["kid"]
    assert_session_claims(claims, user, user["session_id"], issuer=openid["issuer"])
    second = mint_token(client, user["session_id"]).expect(200).body["jwt"]
    assert verify(client, second)[1]["jti"] != claims["jti"], "jti is unique per token"


def test_token_body_conventions(native):
    """`organization_id` present-but-empty (iOS) and absent (clerk-js) both mint a personal token."""
    client = native()
    user = sign_up(client)
    for body in ({"organization_id": ""}, None):
        reply = client.post(f"/v1/client/sessions/{user['session_id']}/tokens", body).expect(200)
        claims = verify(client, reply.body["jwt"])[1]
        assert "o" not in claims and claims["sid"] == user["session_id"]


def test_last_active_token_verifies(native):
    client = native()
    user = sign_up(client)
    current = client.get("/v1/client").expect(200).response
    keyset = jwks(client)
    for session in current["sessions"]:
        if session["status"] == "active":
            _, claims = verify(client, session["last_active_token"]["jwt"], keyset=keyset)
            assert_session_claims(claims, user, session["id"])


def test_browser_token_carries_azp(browser):
    client = browser()
    user = sign_up(client)
    token = client.post(f"/v1/client/sessions/{user['session_id']}/tokens", {}).expect(200).body["jwt"]
    _, claims = verify(client, token)
    assert_session_claims(claims, user, user["session_id"])
    assert claims["azp"] == ALLOWED_ORIGIN, claims


def test_template_tokens(native):
    client = native()
    user = sign_up(client)
    reply = client.post(f"/v1/client/sessions/{user['session_id']}/tokens/no_such_template", {})
    reply.expect_error("resource_not_found", 404)


def test_touch_selects_session(native):
    client = native()
    first, second = sign_up(native()), sign_up(native())
    a = sign_in(client, first["email"])["created_session_id"]
    b = sign_in(client, second["email"])["created_session_id"]
    assert client.get("/v1/client").expect(200).response["last_active_session_id"] == b
    reply = client.post(f"/v1/client/sessions/{a}/touch",
                        {"active_organization_id": "", "intent": "select_session"}).expect(200)
    assert reply.response["id"] == a and reply.response["status"] == "active"
    assert reply.response["last_active_organization_id"] is None
    assert client.get("/v1/client").expect(200).response["last_active_session_id"] == a
    client.post(f"/v1/client/sessions/{b}/touch", {"intent": "focus"}).expect(200)


def test_end_session(native):
    client = native()
    user = sign_up(client)
    reply = client.post(f"/v1/client/sessions/{user['session_id']}/end").expect(200)
    assert reply.response["status"] == "ended"
    assert reply.client["last_active_session_id"] != user["session_id"]
    denied = mint_token(client, user["session_id"])
    assert 400 <= denied.status < 500, f"an ended session must not mint tokens; {denied.describe()}"
    session = client.get(f"/v1/client/sessions/{user['session_id']}")
    if session.status == 200:
        assert session.response["status"] == "ended"
        assert session.response.get("last_active_token") is None
    after = client.get("/v1/client").expect(200).response
    for s in after["sessions"]:
        if s["status"] != "active":
            assert s.get("last_active_token") is None, "no token for a session that is not active"


def test_remove_session(native):
    client = native()
    user = sign_up(client)
    reply = client.post(f"/v1/client/sessions/{user['session_id']}/remove").expect(200)
    assert reply.response["status"] == "removed"
    assert reply.client["last_active_session_id"] is None
    denied = mint_token(client, user["session_id"])
    assert 400 <= denied.status < 500, denied.describe()


def test_me_sessions_lists_and_revokes_other_devices(native):
    phone, laptop = native(), native()
    user = sign_up(phone)
    other = sign_in(laptop, user["email"])["created_session_id"]
    listed = phone.get("/v1/me/sessions", params=me_params(user["session_id"])).expect(200).body
    ids = {s["id"] for s in listed}
    assert {user["session_id"], other} <= ids, listed
    active = phone.get("/v1/me/sessions/active", params=me_params(user["session_id"])).expect(200).body
    assert isinstance(active, list), "`/v1/me/sessions/active` is a bare list"
    assert {user["session_id"], other} <= {s["id"] for s in active}
    for entry in active:
        assert entry["latest_activity"]["object"] == "session_activity" and entry["latest_activity"]["id"]
    revoked = phone.post(f"/v1/me/sessions/{other}/revoke", params=me_params(user["session_id"])).expect(200)
    assert revoked.response["id"] == other and revoked.response["status"] == "revoked"
    denied = mint_token(laptop, other)
    assert 400 <= denied.status < 500, f"a revoked session must not mint tokens; {denied.describe()}"
    after = laptop.get("/v1/client").expect(200).response
    assert after["last_active_session_id"] != other
    still = phone.get("/v1/me/sessions/active", params=me_params(user["session_id"])).expect(200).body
    assert other not in {s["id"] for s in still}


def test_cannot_revoke_someone_elses_session(native):
    mine, theirs = native(), native()
    me = sign_up(mine)
    them = sign_up(theirs)
    reply = mine.post(f"/v1/me/sessions/{them['session_id']}/revoke", params=me_params(me["session_id"]))
    assert reply.status in (403, 404), reply.describe()
    mint_token(theirs, them["session_id"]).expect(200)


def test_unknown_session_is_not_found(native):
    client = native()
    sign_up(client)
    client.get("/v1/client/sessions/sess_doesnotexist00000000000").expect_error("resource_not_found", 404)
    mint_token(client, "sess_doesnotexist00000000000").expect_error("resource_not_found", 404)
    client.post("/v1/client/sessions/sess_doesnotexist00000000000/touch", {}).expect_error("resource_not_found", 404)


def test_session_of_another_client_is_not_found(native):
    owner, stranger = native(), native()
    user = sign_up(owner)
    sign_up(stranger)
    stranger.get(f"/v1/client/sessions/{user['session_id']}").expect_error("resource_not_found", 404)
    denied = mint_token(stranger, user["session_id"])
    assert denied.status in (401, 404), f"another client's session must not mint tokens; {denied.describe()}"


def test_browser_tokens_need_the_cookie(server):
    anonymous = BrowserClient(server.url, ALLOWED_ORIGIN)
    reply = anonymous.post("/v1/client/sessions/sess_doesnotexist00000000000/tokens", {})
    assert reply.status in (401, 404), reply.describe()


@pytest.mark.parametrize("path", ["/v1/me", "/v1/me/sessions", "/v1/me/sessions/active"])
def test_me_without_session_is_unauthenticated(native, path):
    client = native()
    client.post("/v1/client").expect(200)
    reply = client.get(path)
    assert reply.status == 401, reply.describe()
    assert reply.error_code in ("authentication_invalid", "signed_out"), reply.describe()


def test_garbage_token_is_authentication_invalid(native):
    client = native()
    client.token = "not-a-real-client-token"
    client.get("/v1/me").expect_error("authentication_invalid", 401)
