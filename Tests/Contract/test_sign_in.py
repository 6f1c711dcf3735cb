"""Sign-ins: create, get, first factors (password, email_code, reset_password_email_code), reset_password."""
import pytest

from fapi import NativeClient
from flows import (PASSWORD, TEST_CODE, factor, mint_token, outbox_code, password_attempt, sign_in,
                   sign_in_password, sign_up,
                   start_sign_in, unique_email)


@pytest.fixture(scope="module")
def account(server):
    """A user with email + password, created once for the module (code from the outbox)."""
    email = unique_email("signin", test_identity=False)
    return sign_up(NativeClient(server.url), email, server=server)


def test_one_shot_password_sign_in(native, account):
    client = native()
    reply = sign_in_password(client, account["email"], PASSWORD).expect(200)
    signin = reply.response
    assert signin["object"] == "sign_in_attempt" and signin["id"].startswith("sia_")
    assert signin["status"] == "complete"
    assert signin["created_session_id"].startswith("sess_")
    assert client.token, "tokenless native sign-in must return a client token"
    session = next(s for s in reply.client["sessions"] if s["id"] == signin["created_session_id"])
    assert session["status"] == "active" and session["user"]["id"] == account["user_id"]
    assert session["last_active_token"]["jwt"]
    assert reply.client["last_active_session_id"] == signin["created_session_id"]
    assert PASSWORD not in reply.text, "the password must never be echoed"
    mint_token(client, signin["created_session_id"]).expect(200)


def test_two_step_password_sign_in(native, account):
    client = native()
    started = start_sign_in(client, account["email"]).response
    assert started["identifier"] == account["email"]
    assert "email_address" in started["supported_identifiers"]
    strategies = {f["strategy"] for f in started["supported_first_factors"]}
    assert {"password", "email_code"} <= strategies, started
    email_factor = factor(started["supported_first_factors"], "email_code")
    assert email_factor["safe_identifier"] == started["identifier"], "clerk-ios matches safe_identifier"
    assert email_factor["email_address_id"].startswith("idn_")
    fetched = client.get(f"/v1/client/sign_ins/{started['id']}").expect(200)
    assert fetched.response["id"] == started["id"] and fetched.client["sign_in"]["id"] == started["id"]
    done = client.post(f"/v1/client/sign_ins/{started['id']}/attempt_first_factor",
                       {"strategy": "password", "password": PASSWORD}).expect(200)
    assert done.response["status"] == "complete"
    assert done.response["first_factor_verification"]["status"] == "verified"


def test_email_code_sign_in_from_outbox(server, native, account):
    client = native()
    started = start_sign_in(client, account["email"]).response
    email_factor = factor(started["supported_first_factors"], "email_code")
    before = server.outbox_ids()
    prepared = client.post(f"/v1/client/sign_ins/{started['id']}/prepare_first_factor",
                           {"strategy": "email_code", "email_address_id": email_factor["email_address_id"]})
    verification = prepared.expect(200).response["first_factor_verification"]
    assert verification["object"] == "verification_otp" and verification["strategy"] == "email_code"
    assert verification["status"] == "unverified"
    assert verification["expire_at"] > 10**12
    code = outbox_code(server, account["email"], exclude=before)
    assert code not in prepared.text, "the code must not be in the response"
    wrong = "%06d" % ((int(code) + 1) % 10**6)
    client.post(f"/v1/client/sign_ins/{started['id']}/attempt_first_factor",
                {"strategy": "email_code", "code": wrong}).expect_error("form_code_incorrect", 422)
    done = client.post(f"/v1/client/sign_ins/{started['id']}/attempt_first_factor",
                       {"strategy": "email_code", "code": code}).expect(200)
    assert done.response["status"] == "complete"


def test_create_with_strategy_prepares_at_once(native):
    """clerk-ios sends `identifier=…&strategy=email_code`: create and prepare in one call."""
    client = native()
    user = sign_up(native())
    reply = client.post("/v1/client/sign_ins", {"identifier": user["email"], "strategy": "email_code"}).expect(200)
    verification = reply.response["first_factor_verification"]
    assert verification and verification["strategy"] == "email_code", reply.describe()
    done = client.post(f"/v1/client/sign_ins/{reply.response['id']}/attempt_first_factor",
                       {"strategy": "email_code", "code": TEST_CODE}).expect(200)
    assert done.response["status"] == "complete"


def test_verification_fails_after_five_wrong_codes(server, native):
    account = sign_up(native(), unique_email("fivewrong", test_identity=False), server=server)
    client = native()
    started = start_sign_in(client, account["email"]).response
    email_factor = factor(started["supported_first_factors"], "email_code")
    before = server.outbox_ids()
    client.post(f"/v1/client/sign_ins/{started['id']}/prepare_first_factor",
                {"strategy": "email_code", "email_address_id": email_factor["email_address_id"]}).expect(200)
    code = outbox_code(server, account["email"], exclude=before)
    wrong = "%06d" % ((int(code) + 1) % 10**6)
    for _ in range(5):
        reply = client.post(f"/v1/client/sign_ins/{started['id']}/attempt_first_factor",
                            {"strategy": "email_code", "code": wrong})
        assert reply.error_code in ("form_code_incorrect", "verification_failed"), reply.describe()
    final = client.post(f"/v1/client/sign_ins/{started['id']}/attempt_first_factor",
                        {"strategy": "email_code", "code": code})
    final.expect_error("verification_failed")
    state = client.get(f"/v1/client/sign_ins/{started['id']}").expect(200).response
    assert state["status"] != "complete"
    assert state["first_factor_verification"]["status"] == "failed", state


def test_unknown_identifier(native):
    reply = native().post("/v1/client/sign_ins", {"identifier": unique_email("nobody")})
    error = reply.expect_error("form_identifier_not_found", 422)
    assert error.get("meta", {}).get("param_name") == "identifier", reply.describe()


def test_unknown_identifier_one_shot(native):
    reply = sign_in_password(native(), unique_email("nobody"), PASSWORD)
    reply.expect_error("form_identifier_not_found", 422)


def test_wrong_password(native, account):
    reply = sign_in_password(native(), account["email"], "not the password at all")
    error = reply.expect_error("form_password_incorrect", 422)
    assert error.get("meta", {}).get("param_name") == "password", reply.describe()
    client = native()
    started = start_sign_in(client, account["email"]).response
    client.post(f"/v1/client/sign_ins/{started['id']}/attempt_first_factor",
                {"strategy": "password", "password": "still not it"}).expect_error("form_password_incorrect", 422)


def test_identifier_already_signed_in(native, account):
    client = native()
    first = sign_in(client, account["email"])
    reply = client.post("/v1/client/sign_ins", {"identifier": account["email"], "password": PASSWORD})
    error = reply.expect_error("identifier_already_signed_in")
    assert error["meta"]["session_id"] == first["created_session_id"], reply.describe()


def test_multi_session_two_users_one_client(native):
    client = native()
    first, second = sign_up(native()), sign_up(native())
    a = sign_in(client, first["email"])
    b = sign_in(client, second["email"])
    current = client.get("/v1/client").expect(200).response
    active = {s["id"] for s in current["sessions"] if s["status"] == "active"}
    assert {a["created_session_id"], b["created_session_id"]} <= active
    assert current["last_active_session_id"] == b["created_session_id"]


def test_reset_password_with_email_code(server, native):
    email = unique_email("reset", test_identity=False)
    user = sign_up(native(), email, server=server)
    other_device = native()
    other = sign_in(other_device, email)
    client = native()
    started = start_sign_in(client, email).response
    reset_factor = factor(started["supported_first_factors"], "reset_password_email_code")
    assert reset_factor, f"reset_password_email_code must be offered; {started}"
    before = server.outbox_ids()
    client.post(f"/v1/client/sign_ins/{started['id']}/prepare_first_factor",
                {"strategy": "reset_password_email_code",
                 "email_address_id": reset_factor["email_address_id"]}).expect(200)
    code = outbox_code(server, email, exclude=before)
    attempted = client.post(f"/v1/client/sign_ins/{started['id']}/attempt_first_factor",
                            {"strategy": "reset_password_email_code", "code": code}).expect(200)
    assert attempted.response["status"] == "needs_new_password", attempted.describe()
    client.post(f"/v1/client/sign_ins/{started['id']}/reset_password",
                {"password": "password123"}).expect_error("form_password_pwned", 422)
    client.post(f"/v1/client/sign_ins/{started['id']}/reset_password",
                {"password": "short"}).expect_error("form_password_length_too_short", 422)
    new_password = "a brand new passphrase"
    done = client.post(f"/v1/client/sign_ins/{started['id']}/reset_password",
                       {"password": new_password, "sign_out_of_other_sessions": "true"}).expect(200)
    assert done.response["status"] == "complete"
    assert new_password not in done.text
    password_attempt(native(), email, user["password"]).expect_error("form_password_incorrect", 422)
    sign_in(native(), email, new_password)
    # sign_out_of_other_sessions ended the session on the other device.
    denied = mint_token(other_device, other["created_session_id"])
    assert 400 <= denied.status < 500, f"other sessions must end on reset; {denied.describe()}"


def test_reset_password_before_verification_is_refused(native, account):
    client = native()
    started = start_sign_in(client, account["email"]).response
    reply = client.post(f"/v1/client/sign_ins/{started['id']}/reset_password", {"password": "another passphrase"})
    assert 400 <= reply.status < 500, f"reset_password needs a verified reset code; {reply.describe()}"
    sign_in(native(), account["email"])


def test_unknown_sign_in_is_not_found(native):
    client = native()
    client.post("/v1/client").expect(200)
    client.get("/v1/client/sign_ins/sia_doesnotexist0000000000").expect_error("resource_not_found", 404)
    client.post("/v1/client/sign_ins/sia_doesnotexist0000000000/attempt_first_factor",
                {"strategy": "password", "password": PASSWORD}).expect_error("resource_not_found", 404)


def test_sign_in_of_another_client_is_not_found(native, account):
    owner, stranger = native(), native()
    started = start_sign_in(owner, account["email"]).response
    stranger.post("/v1/client").expect(200)
    stranger.get(f"/v1/client/sign_ins/{started['id']}").expect_error("resource_not_found", 404)
    stranger.post(f"/v1/client/sign_ins/{started['id']}/attempt_first_factor",
                  {"strategy": "password", "password": PASSWORD}).expect_error("resource_not_found", 404)

