"""Social sign-in through the development provider (`strategy=oauth_<provider>`, `/v1/oauth_callback`, then
`rotating_token_nonce`): the sign-in waits for the browser, the provider's callback signs in or leaves the profile
transferable, the client collects its rotated token, and a transferred sign-up creates the user with the connected
account. Every JSON body is checked against the spec."""
import re
from urllib.parse import parse_qs, urlparse

import requests

from fapi import NativeClient
from flows import PASSWORD, mint_token, sign_up, unique_email
from settings import settings

SETTINGS = settings(social={"providers": ["google", "github"]})
REDIRECT = "clerktui://oauth-callback"


def start(client, strategy="oauth_google"):
    reply = client.post("/v1/client/sign_ins", {"strategy": strategy, "redirect_url": REDIRECT}).expect(200)
    return reply.response


def browse(url: str, email: str, decision: str = "allow", first_name: str = "Ada") -> requests.Response:
    """What the person does in the browser: open the provider page, choose the account, follow the redirects."""
    page = requests.get(url, timeout=10)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html"), page.text
    state = re.search(r'name="state" value="([^"]+)"', page.text).group(1)
    base = url.split("/v1/")[0]
    answer = requests.post(base + "/v1/dev_oauth/authorize", allow_redirects=False, timeout=10,
                           data={"state": state, "email_address": email, "first_name": first_name, "decision": decision})
    assert answer.status_code == 303, answer.text
    callback = requests.get(answer.headers["Location"], allow_redirects=False, timeout=10)
    assert callback.status_code == 303, callback.text
    return callback


def provider_url(sign_in_response: dict) -> str:
    verification = sign_in_response["first_factor_verification"]
    assert verification["object"] == "verification_oauth" and verification["status"] == "unverified"
    return verification["external_verification_redirect_url"]


def test_environment_lists_the_providers(native):
    social = native().get("/v1/environment").expect(200).body["user_settings"]["social"]
    assert set(social) == {"oauth_google", "oauth_github"}
    assert social["oauth_google"]["enabled"] and social["oauth_google"]["name"] == "Google"


def test_a_new_account_is_transferred_to_a_sign_up(native):
    client = native()
    created = start(client)
    assert created["status"] == "needs_identifier"
    callback = browse(provider_url(created), unique_email("oauth-new"))
    assert callback.headers["Location"] == REDIRECT  # no session yet, so no nonce

    waiting = client.get(f"/v1/client/sign_ins/{created['id']}").expect(200).response
    assert waiting["first_factor_verification"]["status"] == "transferable"
    assert waiting["first_factor_verification"]["error"]["code"] == "external_account_not_found"

    before = client.token
    signed_up = client.post("/v1/client/sign_ups", {"transfer": "true"}).expect(200)
    sign_up_response = signed_up.response
    assert sign_up_response["status"] == "complete", signed_up.describe()
    assert sign_up_response["verifications"]["external_account"]["status"] == "verified"
    assert sign_up_response["verifications"]["email_address"]["status"] == "verified"
    assert client.token != before  # a sign-in rotates the client token
    [session] = signed_up.client["sessions"]
    [account] = session["user"]["external_accounts"]
    assert account["provider"] == "google" and account["first_name"] == "Ada"
    assert account["identification_id"] == session["user"]["primary_email_address_id"]


def test_a_known_account_signs_in_and_the_client_collects_its_token(native):
    email = unique_email("oauth-known")
    first = native()
    browse(provider_url(start(first)), email)
    first.post("/v1/client/sign_ups", {"transfer": "true"}).expect(200)

    client = native()
    created = start(client)
    callback = browse(provider_url(created), email)
    nonce = parse_qs(urlparse(callback.headers["Location"]).query)["rotating_token_nonce"][0]
    old = client.token

    wrong = client.get(f"/v1/client/sign_ins/{created['id']}", params={"rotating_token_nonce": "x" + nonce})
    wrong.expect_error("form_param_format_invalid")
    done = client.get(f"/v1/client/sign_ins/{created['id']}", params={"rotating_token_nonce": nonce}).expect(200)
    assert done.response["status"] == "complete" and done.response["created_session_id"]
    assert client.token != old
    assert done.client["last_active_session_id"] == done.response["created_session_id"]
    assert done.client["last_authentication_strategy"] == "oauth_google"
    stale = NativeClient(client.base_url)
    stale.token = old  # the token from before the sign-in no longer acts for the client
    assert stale.get("/v1/client").expect(200).response is None
    mint_token(stale, done.response["created_session_id"]).expect_error("authentication_invalid", 401)


def test_a_verified_email_joins_the_existing_user(native):
    email = unique_email("oauth-link")
    owner = native()
    session_id = sign_up(owner, email, PASSWORD)["session_id"]
    client = native()
    created = start(client)
    browse(provider_url(created), email)
    done = client.get(f"/v1/client/sign_ins/{created['id']}").expect(200)  # a polling client: no nonce
    assert done.response["status"] == "complete"
    user = next(s for s in done.client["sessions"] if s["id"] == done.response["created_session_id"])["user"]
    assert user["external_accounts"][0]["email_address"] == email
    assert session_id not in [s["id"] for s in done.client["sessions"]]  # another device's session stays there


def test_cancelling_at_the_provider_is_replayed_on_the_sign_in(native):
    client = native()
    created = start(client, "oauth_github")
    callback = browse(provider_url(created), unique_email("oauth-deny"), decision="deny")
    assert callback.headers["Location"] == REDIRECT
    failed = client.get(f"/v1/client/sign_ins/{created['id']}").expect(200).response["first_factor_verification"]
    assert failed["status"] == "failed" and failed["error"]["code"] == "oauth_access_denied"
    assert "GitHub" in failed["error"]["long_message"]


def test_the_callback_refuses_a_wrong_code_and_a_reused_state(native, server):
    client = native()
    url = provider_url(start(client))
    state = parse_qs(urlparse(url).query)["state"][0]
    forged = requests.get(server.url + "/v1/oauth_callback", params={"state": state, "code": "forged"}, timeout=10)
    assert forged.status_code == 422 and forged.headers["Content-Type"].startswith("text/html")
    browse(url, unique_email("oauth-once"))
    replay = requests.get(server.url + "/v1/oauth_callback", params={"state": state, "code": "again"}, timeout=10)
    assert replay.status_code == 422
    assert requests.get(url, timeout=10).status_code == 422  # the provider page is gone with the flow


def test_unknown_or_disabled_providers_and_bad_redirects_are_refused(native):
    client = native()
    client.post("/v1/client/sign_ins", {"strategy": "oauth_facebook", "redirect_url": REDIRECT}) \
        .expect_error("form_param_format_invalid")
    client.post("/v1/client/sign_ins", {"strategy": "oauth_google"}).expect_error("form_param_missing")
    client.post("/v1/client/sign_ins", {"strategy": "oauth_google", "redirect_url": "no scheme"}) \
        .expect_error("form_param_format_invalid")
    native().post("/v1/client/sign_ups", {"transfer": "true"}).expect_error("form_param_format_invalid")


def test_the_provider_page_escapes_what_it_shows(server):
    page = requests.get(server.url + "/v1/dev_oauth/authorize", params={"state": '"><script>'}, timeout=10)
    assert page.status_code == 422 and "<script>" not in page.text


def test_a_connected_account_can_be_removed(native):
    email = unique_email("oauth-remove")
    client = native()
    browse(provider_url(start(client)), email)
    signed_up = client.post("/v1/client/sign_ups", {"transfer": "true"}).expect(200)
    session_id = signed_up.response["created_session_id"]
    account = signed_up.client["sessions"][0]["user"]["external_accounts"][0]
    params = {"_clerk_session_id": session_id}
    client.delete(f"/v1/me/external_accounts/{account['id']}", params=params).expect(200)
    me = client.get("/v1/me", params=params).expect(200).response
    assert me["external_accounts"] == []
    assert me["email_addresses"][0]["verification"]["status"] == "verified"  # the address stays the user's


def signed_in_user(native, tag: str):
    """A password user, signed in: the client and the `_clerk_session_id` parameters of its session."""
    client = native()
    session_id = sign_up(client, unique_email(tag), PASSWORD)["session_id"]
    return client, {"_clerk_session_id": session_id}


def connect(client, params, strategy="oauth_github") -> dict:
    reply = client.post("/v1/me/external_accounts", {"strategy": strategy, "redirect_url": REDIRECT}, params=params)
    account = reply.expect(200).response
    assert account["object"] == "external_account" and account["id"].startswith("eac_")
    assert account["verification"]["status"] == "unverified"
    return account


def test_an_account_is_connected_from_the_profile_and_reauthorized(native):
    client, params = signed_in_user(native, "oauth-connect")
    pending = connect(client, params)
    listed = client.get("/v1/me", params=params).expect(200).response["external_accounts"]
    assert [a["id"] for a in listed] == [pending["id"]] and listed[0]["verification"]["status"] == "unverified"

    work_email = unique_email("oauth-work")
    callback = browse(pending["verification"]["external_verification_redirect_url"], work_email)
    assert callback.headers["Location"] == REDIRECT
    me = client.get("/v1/me", params=params).expect(200).response
    [account] = me["external_accounts"]
    assert account["id"] == pending["id"] and account["verification"]["status"] == "verified"
    assert account["email_address"] == work_email and account["provider"] == "github"
    address = next(e for e in me["email_addresses"] if e["email_address"] == work_email)
    assert address["verification"]["status"] == "verified" and address["id"] == account["identification_id"]

    again = client.patch(f"/v1/me/external_accounts/{account['id']}/reauthorize", {"redirect_url": REDIRECT},
                         params=params).expect(200).response
    assert again["id"] == account["id"] and again["verification"]["status"] == "unverified"
    browse(again["verification"]["external_verification_redirect_url"], work_email, first_name="Grace")
    [refreshed] = client.get("/v1/me", params=params).expect(200).response["external_accounts"]
    assert refreshed["verification"]["status"] == "verified" and refreshed["first_name"] == "Grace"


def test_an_account_connected_to_someone_else_is_refused(native):
    email = unique_email("oauth-taken")
    owner = native()
    browse(provider_url(start(owner, "oauth_github")), email)
    owner.post("/v1/client/sign_ups", {"transfer": "true"}).expect(200)

    client, params = signed_in_user(native, "oauth-second")
    pending = connect(client, params)
    browse(pending["verification"]["external_verification_redirect_url"], email)
    [failed] = client.get("/v1/me", params=params).expect(200).response["external_accounts"]
    assert failed["verification"]["status"] == "failed"
    assert failed["verification"]["error"]["code"] == "external_account_exists"
    client.delete(f"/v1/me/external_accounts/{failed['id']}", params=params).expect(200)
    assert client.get("/v1/me", params=params).expect(200).response["external_accounts"] == []


def test_connecting_needs_an_enabled_provider_and_a_redirect(native):
    client, params = signed_in_user(native, "oauth-bad-connect")
    client.post("/v1/me/external_accounts", {"strategy": "oauth_apple", "redirect_url": REDIRECT}, params=params) \
        .expect_error("form_param_format_invalid")
    client.post("/v1/me/external_accounts", {"strategy": "oauth_google"}, params=params) \
        .expect_error("form_param_missing")
    client.patch("/v1/me/external_accounts/eac_unknown/reauthorize", {"redirect_url": REDIRECT}, params=params) \
        .expect_error("resource_not_found")
