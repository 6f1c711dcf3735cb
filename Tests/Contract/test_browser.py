"""Browser clients (clerk-js): the `__client` cookie, CORS for allowed origins, the Origin check on
cookie-authenticated writes, and `POST ?_method=…` in place of PATCH/PUT/DELETE."""
import requests

from fapi import BrowserClient, NativeClient
from flows import PASSWORD, TEST_CODE, mint_token, sign_up, unique_email
from settings import ALLOWED_ORIGIN, EVIL_ORIGIN


def test_cookie_is_set_httponly_lax(browser):
    client = browser()
    reply = client.post("/v1/client/sign_ups", {"email_address": unique_email("cookie"), "password": PASSWORD})
    reply.expect(200)
    cookie = client.set_cookie("__client")
    assert cookie is not None, f"a browser sign-up must set the __client cookie; headers={dict(reply.headers)}"
    assert cookie["httponly"], "__client must be HttpOnly"
    assert cookie["samesite"].lower() == "lax", "__client must be SameSite=Lax"
    assert cookie["path"] == "/"
    assert not reply.headers.get("Authorization"), "browsers get a cookie, not an Authorization header"


def test_cors_for_allowed_origin(browser):
    client = browser()
    reply = client.get("/v1/environment").expect(200)
    assert reply.headers.get("Access-Control-Allow-Origin") == ALLOWED_ORIGIN, dict(reply.headers)
    assert reply.headers.get("Access-Control-Allow-Credentials") == "true", dict(reply.headers)


def test_cors_preflight(server):
    response = requests.options(server.url + "/v1/client/sign_ins", headers={
        "Origin": ALLOWED_ORIGIN, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"}, timeout=10)
    assert response.status_code in (200, 204), (response.status_code, response.text)
    assert response.headers.get("Access-Control-Allow-Origin") == ALLOWED_ORIGIN
    assert response.headers.get("Access-Control-Allow-Credentials") == "true"
    assert "POST" in response.headers.get("Access-Control-Allow-Methods", "").upper()


def test_no_cors_for_other_origins(server):
    client = BrowserClient(server.url, EVIL_ORIGIN)
    reply = client.get("/v1/environment")
    assert reply.headers.get("Access-Control-Allow-Origin") not in (EVIL_ORIGIN, "*"), dict(reply.headers)


def test_browser_sign_up_and_session(browser):
    client = browser()
    user = sign_up(client)
    current = client.get("/v1/client").expect(200).response
    assert current["last_active_session_id"] == user["session_id"]
    token = client.post(f"/v1/client/sessions/{user['session_id']}/tokens", {}).expect(200).body["jwt"]
    assert token.count(".") == 2


def test_origin_check_on_cookie_writes(server, browser):
    client = browser()
    user = sign_up(client)
    attacker = BrowserClient(server.url, EVIL_ORIGIN)
    attacker.cookies = dict(client.cookies)  # the victim's browser sends its cookie cross-site
    reply = attacker.post(f"/v1/client/sessions/{user['session_id']}/end")
    assert reply.status == 403, f"a cookie write from a foreign Origin must be refused; {reply.describe()}"
    still = client.get(f"/v1/client/sessions/{user['session_id']}").expect(200).response
    assert still["status"] == "active"


def test_native_requests_ignore_cookies(server, browser):
    client = browser()
    sign_up(client)
    native = NativeClient(server.url)
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    reply = native.get("/v1/client", headers={"Cookie": cookie}).expect(200)
    assert reply.response is None, "with _is_native the cookie must not authenticate"


def test_method_override_delete_signs_out(browser):
    client = browser()
    user = sign_up(client)
    reply = client.delete("/v1/client/sessions").expect(200)  # POST ?_method=DELETE
    if reply.response is not None:
        assert reply.response["last_active_session_id"] is None
    after = client.get("/v1/client").expect(200).response
    assert after is None or after["last_active_session_id"] is None
    denied = client.post(f"/v1/client/sessions/{user['session_id']}/tokens", {})
    assert 400 <= denied.status < 500, denied.describe()


def test_method_override_patch_sign_up(browser):
    client = browser()
    created = client.post("/v1/client/sign_ups", {"email_address": unique_email("override")}).expect(200).response
    updated = client.patch(f"/v1/client/sign_ups/{created['id']}", {"password": PASSWORD}).expect(200).response
    assert "password" not in updated["missing_fields"] and updated["password_enabled"] is True


def test_method_override_delete_client_clears_cookie(browser):
    client = browser()
    sign_up(client)
    client.delete("/v1/client").expect(200)
    cookie = client.set_cookie("__client")
    if cookie is not None:
        assert cookie.value == "" or cookie["max-age"] == "0" or cookie["expires"], "the cookie must be cleared"
    after = client.get("/v1/client").expect(200).response
    assert after is None or after["sessions"] == [] or all(s["status"] != "active" for s in after["sessions"])


def test_cookie_rotates_on_sign_in(server, browser):
    """The `__client` cookie's rotating token changes on every sign-in: the pre-sign-in cookie cannot read the new session
    or mint its tokens."""
    account = sign_up(NativeClient(server.url))
    client = browser()
    started = client.post("/v1/client/sign_ins", {"identifier": account["email"]}).expect(200).response
    before = dict(client.cookies)
    assert "__client" in before
    done = client.post(f"/v1/client/sign_ins/{started['id']}/attempt_first_factor",
                       {"strategy": "password", "password": PASSWORD}).expect(200).response
    assert done["status"] == "complete"
    assert client.cookies.get("__client") != before["__client"], "the __client cookie must rotate on sign-in"
    stale = BrowserClient(server.url, ALLOWED_ORIGIN)
    stale.cookies = before
    denied = mint_token(stale, done["created_session_id"], organization_id="")
    assert 400 <= denied.status < 500, f"a pre-sign-in cookie must not mint tokens; {denied.describe()}"


def test_browser_sign_up_with_code(browser):
    client = browser()
    email = unique_email("browser")
    sua = client.post("/v1/client/sign_ups", {"email_address": email, "password": PASSWORD}).expect(200).response
    client.post(f"/v1/client/sign_ups/{sua['id']}/prepare_verification", {"strategy": "email_code"}).expect(200)
    done = client.post(f"/v1/client/sign_ups/{sua['id']}/attempt_verification",
                       {"strategy": "email_code", "code": TEST_CODE}).expect(200)
    assert done.response["status"] == "complete"
