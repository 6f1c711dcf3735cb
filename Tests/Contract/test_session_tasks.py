"""Session tasks the server sets, on Config/examples/mfa-required.toml: a user with no second factor has a `pending`
session with the task `setup-mfa` (`sts: "pending"` in its tokens) until they add an authenticator app or an SMS code;
a password the operator marks compromised (`clerk-tui admin users mark-compromised`) is refused at sign-in and gives
every session of the user the task `reset-password` until a new password is chosen."""
from flows import PASSWORD, TEST_CODE, enroll_totp, sign_up, unique_email, unique_phone
from orgs import session_in, token_claims, validate_with_pending_sessions
from settings import example

SETTINGS = example("mfa-required.toml")


def pending_reply(client, method: str, path: str, data=None):
    """A call whose answer holds a pending session, held to the spec with the allowance for `pending`."""
    reply = client.request(method, path, data=data, validate=False)
    assert 200 <= reply.status < 300, reply.describe()
    validate_with_pending_sessions(method, path, reply)
    return reply


def test_environment_requires_a_second_factor(native):
    assert native().get("/v1/environment").expect(200).body["user_settings"]["sign_in"]["second_factor"]["required"]


def test_a_new_user_sets_up_an_authenticator_app(native):
    client = native()
    user = sign_up(client)
    session = session_in(user["reply"], user["session_id"])
    assert session["status"] == "pending" and session["tasks"] == [{"key": "setup-mfa"}]
    assert token_claims(client, user["session_id"])["sts"] == "pending"
    enroll_totp(client, user["session_id"])
    after = client.get(f"/v1/client/sessions/{user['session_id']}").expect(200).response
    assert after["status"] == "active" and after["tasks"] is None
    assert token_claims(client, user["session_id"])["sts"] == "active"


def test_a_new_user_sets_up_sms_codes(native):
    client = native()
    user = sign_up(client)
    phone = pending_reply(client, "POST", "/v1/me/phone_numbers", {"phone_number": unique_phone()}).response
    pending_reply(client, "POST", f"/v1/me/phone_numbers/{phone['id']}/prepare_verification", {"strategy": "phone_code"})
    pending_reply(client, "POST", f"/v1/me/phone_numbers/{phone['id']}/attempt_verification", {"code": TEST_CODE})
    reserved = client.patch(f"/v1/me/phone_numbers/{phone['id']}", {"reserved_for_second_factor": "true"}).expect(200)
    assert reserved.response["backup_codes"], "the first second factor comes with backup codes"
    assert session_in(reserved, user["session_id"])["status"] == "active"
    assert token_claims(client, user["session_id"])["sts"] == "active"


def test_a_compromised_password_must_be_reset(server, native):
    owner = native()
    user = sign_up(owner, unique_email("compromised"))
    server.admin("users", "mark-compromised", user["email"])
    assert [u["password_compromised"] for u in server.admin_json("users", "list") if u["id"] == user["user_id"]] == [True]
    session = pending_reply(owner, "GET", f"/v1/client/sessions/{user['session_id']}").response
    assert session["tasks"] == [{"key": "reset-password"}, {"key": "setup-mfa"}], "at once, while signed in"
    assert token_claims(owner, user["session_id"])["sts"] == "pending"
    refused = native().post("/v1/client/sign_ins", {"identifier": user["email"], "password": PASSWORD})
    refused.expect_error("form_password_compromised", 422)
    changed = pending_reply(owner, "POST", "/v1/me/change_password", {"new_password": "a brand new passphrase"})
    assert session_in(changed, user["session_id"])["tasks"] == [{"key": "setup-mfa"}], "the reset is done"
    assert [u["password_compromised"] for u in server.admin_json("users", "list") if u["id"] == user["user_id"]] == [False]
