"""Sign-ups: create, get, update (PATCH), prepare/attempt verification, and their error codes."""
import pytest

from flows import (PASSWORD, TEST_CODE, create_sign_up, outbox_code, password_attempt, sign_in, sign_up,
                   unique_email)


def test_sign_up_with_outbox_code(server, native):
    client = native()
    email = unique_email("outbox", test_identity=False)
    created = create_sign_up(client, email).expect(200)
    signup = created.response
    assert signup["object"] == "sign_up_attempt" and signup["id"].startswith("sua_")
    assert signup["status"] == "missing_requirements"
    assert signup["email_address"] == email and signup["password_enabled"] is True
    assert "email_address" in signup["unverified_fields"]
    verification = signup["verifications"]["email_address"]
    assert verification["status"] == "unverified" and verification["next_action"] == "needs_prepare"
    assert "email_code" in verification["supported_strategies"]
    assert client.token, "a tokenless native sign-up must create a client and return its token"
    assert PASSWORD not in created.text, "the password must never be echoed"

    prepared = client.post(f"/v1/client/sign_ups/{signup['id']}/prepare_verification",
                           {"strategy": "email_code"}).expect(200)
    verification = prepared.response["verifications"]["email_address"]
    assert verification["next_action"] == "needs_attempt" and verification["strategy"] == "email_code"
    assert verification["expire_at"] > 10**12
    code = outbox_code(server, email)
    assert len(code) == 6 and code.isdigit()
    done = client.post(f"/v1/client/sign_ups/{signup['id']}/attempt_verification",
                       {"strategy": "email_code", "code": code}).expect(200)
    assert done.response["status"] == "complete"
    assert done.response["created_user_id"].startswith("user_")
    assert done.response["created_session_id"].startswith("sess_")
    assert done.client["last_active_session_id"] == done.response["created_session_id"]
    session = next(s for s in done.client["sessions"] if s["id"] == done.response["created_session_id"])
    assert session["last_active_token"]["jwt"], "the new session carries last_active_token at once"
    # The new user can sign in from another device.
    sign_in(native(), email)


def test_get_sign_up(native):
    client = native()
    created = create_sign_up(client, unique_email()).expect(200).response
    fetched = client.get(f"/v1/client/sign_ups/{created['id']}").expect(200)
    assert fetched.response["id"] == created["id"]
    assert fetched.client["sign_up"]["id"] == created["id"], "the client carries its current sign-up"


def test_update_sign_up_supplies_missing_password(native):
    client = native()
    email = unique_email("patch")
    created = client.post("/v1/client/sign_ups", {"email_address": email}).expect(200).response
    assert "password" in created["missing_fields"], created
    updated = client.patch(f"/v1/client/sign_ups/{created['id']}",
                           {"password": PASSWORD, "first_name": "Ada"}).expect(200).response
    assert "password" not in updated["missing_fields"]
    assert updated["password_enabled"] is True
    client.post(f"/v1/client/sign_ups/{created['id']}/prepare_verification", {"strategy": "email_code"}).expect(200)
    done = client.post(f"/v1/client/sign_ups/{created['id']}/attempt_verification",
                       {"strategy": "email_code", "code": TEST_CODE}).expect(200).response
    assert done["status"] == "complete"
    user = client.get("/v1/me", params={"_clerk_session_id": done["created_session_id"]}).expect(200).response
    assert user["first_name"] == "Ada"


def test_sign_up_form_conventions(native):
    """Booleans as 1/0, JSON-string unsafe_metadata, %20 and + for spaces (clerk-ios and clerk-js form encodings)."""
    client = native()
    email = unique_email("form")
    body = (f"email_address={email.replace('+', '%2B').replace('@', '%40')}&password=correct+horse%20battery+staple"
            "&unsafe_metadata=%7B%22plan%22%3A%22pro%22%7D&legal_accepted=1&locale=en-US").encode()
    created = client.post("/v1/client/sign_ups", raw_body=body).expect(200).response
    assert created["email_address"] == email
    assert created["unsafe_metadata"] == {"plan": "pro"}
    client.post(f"/v1/client/sign_ups/{created['id']}/prepare_verification", {"strategy": "email_code"}).expect(200)
    done = client.post(f"/v1/client/sign_ups/{created['id']}/attempt_verification",
                       {"strategy": "email_code", "code": TEST_CODE}).expect(200).response
    assert done["status"] == "complete"
    sign_in(native(), email, "correct horse battery staple")


def test_identifier_exists(native):
    user = sign_up(native())
    reply = create_sign_up(native(), user["email"])
    error = reply.expect_error("form_identifier_exists", 422)
    assert error.get("meta", {}).get("param_name") == "email_address", reply.describe()


def test_wrong_code_then_right_code(native):
    client = native()
    signup = create_sign_up(client, unique_email()).expect(200).response
    client.post(f"/v1/client/sign_ups/{signup['id']}/prepare_verification", {"strategy": "email_code"}).expect(200)
    wrong = client.post(f"/v1/client/sign_ups/{signup['id']}/attempt_verification",
                        {"strategy": "email_code", "code": "000000"})
    wrong.expect_error("form_code_incorrect", 422)
    done = client.post(f"/v1/client/sign_ups/{signup['id']}/attempt_verification",
                       {"strategy": "email_code", "code": TEST_CODE}).expect(200)
    assert done.response["status"] == "complete"


def test_verification_fails_after_five_wrong_codes(server, native):
    client = native()
    email = unique_email("fivewrong", test_identity=False)
    signup = create_sign_up(client, email).expect(200).response
    client.post(f"/v1/client/sign_ups/{signup['id']}/prepare_verification", {"strategy": "email_code"}).expect(200)
    right = outbox_code(server, email)
    wrong = "%06d" % ((int(right) + 1) % 10**6)
    for attempt in range(5):
        reply = client.post(f"/v1/client/sign_ups/{signup['id']}/attempt_verification",
                            {"strategy": "email_code", "code": wrong})
        assert reply.status in (400, 422), reply.describe()
        assert reply.error_code in ("form_code_incorrect", "verification_failed"), reply.describe()
    final = client.post(f"/v1/client/sign_ups/{signup['id']}/attempt_verification",
                        {"strategy": "email_code", "code": right})
    final.expect_error("verification_failed")
    state = client.get(f"/v1/client/sign_ups/{signup['id']}").expect(200).response
    assert state["status"] != "complete"
    assert state["verifications"]["email_address"]["status"] == "failed", state
    # A fresh prepare starts a fresh verification.
    client.post(f"/v1/client/sign_ups/{signup['id']}/prepare_verification", {"strategy": "email_code"}).expect(200)
    fresh = outbox_code(server, email)
    done = client.post(f"/v1/client/sign_ups/{signup['id']}/attempt_verification",
                       {"strategy": "email_code", "code": fresh}).expect(200)
    assert done.response["status"] == "complete"


def test_code_is_single_use(native):
    client = native()
    signup = create_sign_up(client, unique_email()).expect(200).response
    client.post(f"/v1/client/sign_ups/{signup['id']}/prepare_verification", {"strategy": "email_code"}).expect(200)
    client.post(f"/v1/client/sign_ups/{signup['id']}/attempt_verification",
                {"strategy": "email_code", "code": TEST_CODE}).expect(200)
    replay = client.post(f"/v1/client/sign_ups/{signup['id']}/attempt_verification",
                         {"strategy": "email_code", "code": TEST_CODE})
    assert 400 <= replay.status < 500, f"a verified sign-up must not verify twice; {replay.describe()}"
    sessions = [s for s in client.get("/v1/client").expect(200).response["sessions"] if s["status"] == "active"]
    assert len(sessions) == 1, "a replayed code must never create a second session"


def test_code_is_bound_to_its_sign_up(server, native):
    first, second = native(), native()
    email_a = unique_email("bound-a", test_identity=False)
    a = create_sign_up(first, email_a).expect(200).response
    b = create_sign_up(second, unique_email("bound-b", test_identity=False)).expect(200).response
    first.post(f"/v1/client/sign_ups/{a['id']}/prepare_verification", {"strategy": "email_code"}).expect(200)
    second.post(f"/v1/client/sign_ups/{b['id']}/prepare_verification", {"strategy": "email_code"}).expect(200)
    code_a = outbox_code(server, email_a)
    reply = second.post(f"/v1/client/sign_ups/{b['id']}/attempt_verification",
                        {"strategy": "email_code", "code": code_a})
    if reply.status == 200:
        pytest.fail(f"code of sign-up A verified sign-up B (or the codes collided); {reply.describe()}")
    reply.expect_error("form_code_incorrect")


def test_pwned_password(native):
    reply = create_sign_up(native(), unique_email(), "password123")
    error = reply.expect_error("form_password_pwned", 422)
    assert error.get("meta", {}).get("param_name") == "password", reply.describe()


def test_password_too_short(native):
    reply = create_sign_up(native(), unique_email(), "Xk9#qz1")
    reply.expect_error("form_password_length_too_short", 422)


def test_password_counts_code_points(native):
    """Eight emoji are eight characters (32 UTF-8 bytes): accepted; seven are too short."""
    create_sign_up(native(), unique_email(), "\U0001F600" * 7).expect_error("form_password_length_too_short", 422)
    create_sign_up(native(), unique_email(), "\U0001F600\U0001F680\U0001F30D\U0001F34E" * 2).expect(200)


def test_password_too_long(native):
    env = native().get("/v1/environment").expect(200).body
    maximum = env["user_settings"]["password_settings"]["max_length"]
    assert maximum >= 64
    create_sign_up(native(), unique_email(), "q" * 64).expect(200)
    create_sign_up(native(), unique_email(), "w" * (maximum + 1)).expect_error("form_password_length_too_long", 422)


def test_bcrypt_never_truncates(native):
    """A 75-byte password must not be accepted as its first 72 bytes (bcrypt truncates at 72; NIST SP 800-63B: no truncation)."""
    long_password = "a" * 72 + "XYZ"
    client = native()
    reply = create_sign_up(client, unique_email("trunc"), long_password)
    if reply.status != 200:
        reply.expect_error("form_password_length_too_long", 422)
        return
    email = reply.response["email_address"]
    client.post(f"/v1/client/sign_ups/{reply.response['id']}/prepare_verification",
                {"strategy": "email_code"}).expect(200)
    client.post(f"/v1/client/sign_ups/{reply.response['id']}/attempt_verification",
                {"strategy": "email_code", "code": TEST_CODE}).expect(200)
    truncated = password_attempt(native(), email, "a" * 72)
    truncated.expect_error("form_password_incorrect", 422)
    sign_in(native(), email, long_password)


def test_unknown_sign_up_is_not_found(native):
    client = native()
    client.post("/v1/client").expect(200)
    client.get("/v1/client/sign_ups/sua_doesnotexist0000000000").expect_error("resource_not_found", 404)


def test_sign_up_of_another_client_is_not_found(native):
    owner, stranger = native(), native()
    signup = create_sign_up(owner, unique_email()).expect(200).response
    stranger.post("/v1/client").expect(200)
    stranger.get(f"/v1/client/sign_ups/{signup['id']}").expect_error("resource_not_found", 404)
    reply = stranger.post(f"/v1/client/sign_ups/{signup['id']}/attempt_verification",
                          {"strategy": "email_code", "code": TEST_CODE})
    reply.expect_error("resource_not_found", 404)
