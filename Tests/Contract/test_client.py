"""`/v1/client` (GET, POST, PUT, DELETE) and `DELETE /v1/client/sessions`, as a native client."""
import pytest

from fapi import NativeClient
from flows import mint_token, sign_in, sign_up


def test_get_client_without_token_is_null(native):
    client = native()
    reply = client.get("/v1/client").expect(200)
    assert reply.body["response"] is None, reply.describe()
    # clerk-ios: a client in GET /v1/client needs either a request token or a response Authorization header.
    if reply.body.get("client") is not None:
        assert reply.headers.get("Authorization"), reply.describe()


@pytest.mark.parametrize("method", ["POST", "PUT"])
def test_create_client_returns_token(native, method):
    client = native()
    reply = client.request(method, "/v1/client").expect(200)
    created = reply.response
    assert created["object"] == "client" and created["id"].startswith("client_"), reply.describe()
    assert created["sessions"] == [] and created["last_active_session_id"] is None
    assert isinstance(created["updated_at"], int) and created["updated_at"] > 10**12, "timestamps in ms"
    assert client.token, "a created native client must come with its token in the Authorization header"
    again = client.get("/v1/client").expect(200)
    assert again.response["id"] == created["id"], again.describe()


@pytest.mark.parametrize("flag", ["true", "1"])
def test_native_flag_values_and_bearer_prefix(server, flag):
    raw = NativeClient(server.url, native_flag=flag)
    created = raw.post("/v1/client").expect(200).response
    bearer = NativeClient(server.url, bearer=True, native_flag=flag)
    bearer.token = raw.token
    reply = bearer.get("/v1/client").expect(200)
    assert reply.response["id"] == created["id"], "a `Bearer ` token must find the same client"


def test_empty_authorization_is_no_token(server):
    client = NativeClient(server.url)
    reply = client.get("/v1/client", headers={"Authorization": ""}).expect(200)
    assert reply.response is None, reply.describe()


def test_client_lists_signed_in_session_with_fresh_token(native):
    client = native()
    user = sign_up(client)
    reply = client.get("/v1/client").expect(200)
    current = reply.response
    assert current["last_active_session_id"] == user["session_id"]
    session = next(s for s in current["sessions"] if s["id"] == user["session_id"])
    assert session["status"] == "active" and session["object"] == "session"
    assert session["user"]["id"] == user["user_id"]
    assert session["public_user_data"]["identifier"] == user["email"]
    assert session["actor"] is None, "clerk-ios types actor as String?: send null"
    token = session["last_active_token"]
    assert token["object"] == "token" and token["jwt"].count(".") == 2, "active sessions carry last_active_token"


def test_delete_client_destroys_it(native):
    client = native()
    user = sign_up(client)
    old_token = client.token
    reply = client.delete("/v1/client").expect(200)
    assert reply.body["client"] is None, reply.describe()
    stale = NativeClient(client.base_url)
    stale.token = old_token
    after = stale.get("/v1/client")
    if after.status == 200:
        assert after.response is None or after.response["sessions"] == [] or all(
            s["status"] != "active" for s in after.response["sessions"]), after.describe()
    else:
        after.expect_error("authentication_invalid", 401)
    denied = mint_token(stale, user["session_id"])
    assert 400 <= denied.status < 500, f"a destroyed client's session must not mint tokens; {denied.describe()}"


def test_delete_client_sessions_signs_out_everything(native):
    client = native()
    first = sign_up(client)
    second = sign_up(client)
    client_id = client.get("/v1/client").expect(200).response["id"]
    reply = client.delete("/v1/client/sessions").expect(200)
    remaining = reply.response
    if remaining is not None:
        assert remaining["id"] == client_id, "the client is retained"
        assert remaining["last_active_session_id"] is None, reply.describe()
        assert all(s["status"] != "active" for s in remaining["sessions"]), reply.describe()
    after = client.get("/v1/client").expect(200).response
    assert after is not None and after["id"] == client_id, "DELETE /v1/client/sessions keeps the client"
    assert after["last_active_session_id"] is None
    for user in (first, second):
        denied = mint_token(client, user["session_id"])
        assert 400 <= denied.status < 500, denied.describe()
    # The retained client can sign in again.
    sign_in(client, first["email"])
