"""Account lockout with the default settings: 10 failed attempts lock the user for 60 minutes (403
`user_locked` with `meta.lockout_expires_in_seconds`); a success resets the count; locked users get no tokens."""
from flows import PASSWORD, mint_token, sign_in, password_attempt, sign_up

WRONG = "definitely not the password"


def fail_password(native, email, times):
    replies = [password_attempt(native(), email, f"{WRONG} {i}") for i in range(times)]
    return replies


def test_lockout_after_ten_failures(server, native):
    owner = native()
    user = sign_up(owner)
    replies = fail_password(native, user["email"], 10)
    for reply in replies[:9]:
        reply.expect_error("form_password_incorrect", 422)
    assert replies[9].error_code in ("form_password_incorrect", "user_locked"), replies[9].describe()

    locked = password_attempt(native(), user["email"], PASSWORD)
    error = locked.expect_error("user_locked", 403)
    remaining = error["meta"]["lockout_expires_in_seconds"]
    assert isinstance(remaining, int) and 3000 < remaining <= 3600, locked.describe()

    denied = mint_token(owner, user["session_id"])
    assert 400 <= denied.status < 500, f"a locked user's sessions get no tokens; {denied.describe()}"

    server.restart()
    after = password_attempt(native(), user["email"], PASSWORD)
    after.expect_error("user_locked", 403)


def test_success_resets_the_count(native):
    user = sign_up(native())
    for reply in fail_password(native, user["email"], 9):
        reply.expect_error("form_password_incorrect", 422)
    sign_in(native(), user["email"])
    for reply in fail_password(native, user["email"], 9):
        reply.expect_error("form_password_incorrect", 422)
    sign_in(native(), user["email"])


def test_wrong_codes_count_too(native):
    user = sign_up(native())
    for reply in fail_password(native, user["email"], 5):
        reply.expect_error("form_password_incorrect", 422)
    client = native()
    started = client.post("/v1/client/sign_ins", {"identifier": user["email"], "strategy": "email_code"})
    sia = started.expect(200).response["id"]
    codes = []
    for i in range(5):
        reply = client.post(f"/v1/client/sign_ins/{sia}/attempt_first_factor",
                            {"strategy": "email_code", "code": "%06d" % (i + 1)})
        codes.append(reply)
    assert all(r.error_code in ("form_code_incorrect", "verification_failed", "user_locked") for r in codes), \
        [r.describe() for r in codes]
    password_attempt(native(), user["email"], PASSWORD).expect_error("user_locked", 403)
