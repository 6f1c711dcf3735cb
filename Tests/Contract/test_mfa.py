"""Second factors: TOTP enrolment (`/v1/me/totp`), sign-in with TOTP and backup codes, `/v1/me/backup_codes`."""
import threading

import pyotp

from flows import (PASSWORD, enroll_totp, factor, me_params, next_totp, password_attempt, sign_up)


def start_mfa_sign_in(client, email):
    reply = password_attempt(client, email, PASSWORD).expect(200)
    signin = reply.response
    assert signin["status"] == "needs_second_factor", reply.describe()
    assert signin["created_session_id"] is None
    strategies = {f["strategy"] for f in signin["supported_second_factors"]}
    return signin, strategies


def mfa_session(native, user, totp):
    """A new device signed in with password + a fresh TOTP step: its session has just verified both factors,
    so sensitive `/v1/me` changes need no reverification."""
    device = native()
    signin, _ = start_mfa_sign_in(device, user["email"])
    done = device.post(f"/v1/client/sign_ins/{signin['id']}/attempt_second_factor",
                       {"strategy": "totp", "code": next_totp(totp["secret"])}).expect(200)
    assert done.response["status"] == "complete", done.describe()
    return device, done.response["created_session_id"]


def test_enroll_totp_and_sign_in_with_it(native):
    client = native()
    user = sign_up(client)
    totp = enroll_totp(client, user["session_id"])
    assert len(pyotp.TOTP(totp["secret"]).byte_secret()) >= 20, "TOTP secret of at least 160 bits"
    assert len(totp["backup_codes"]) >= 10, "at least 10 backup codes on enrolment"
    me = client.get("/v1/me", params=me_params(user["session_id"])).expect(200).response
    assert me["totp_enabled"] is True and me["two_factor_enabled"] is True and me["backup_code_enabled"] is True

    device = native()
    signin, strategies = start_mfa_sign_in(device, user["email"])
    assert {"totp", "backup_code"} <= strategies, signin
    # The enrolment code was used for its time step: it must not open a session.
    reused = device.post(f"/v1/client/sign_ins/{signin['id']}/attempt_second_factor",
                         {"strategy": "totp", "code": totp["enrollment_code"]})
    reused.expect_error("form_code_incorrect", 422)
    code = next_totp(totp["secret"])
    done = device.post(f"/v1/client/sign_ins/{signin['id']}/attempt_second_factor",
                       {"strategy": "totp", "code": code}).expect(200)
    assert done.response["status"] == "complete"
    assert done.response["second_factor_verification"]["status"] == "verified"
    assert done.response["second_factor_verification"]["strategy"] == "totp"
    assert done.client["last_active_session_id"] == done.response["created_session_id"]

    # The same step's code is accepted once per user.
    replay_device = native()
    again, _ = start_mfa_sign_in(replay_device, user["email"])
    replay_device.post(f"/v1/client/sign_ins/{again['id']}/attempt_second_factor",
                       {"strategy": "totp", "code": code}).expect_error("form_code_incorrect", 422)


def test_wrong_totp(native):
    client = native()
    user = sign_up(client)
    totp = enroll_totp(client, user["session_id"])
    device = native()
    signin, _ = start_mfa_sign_in(device, user["email"])
    valid = {next_totp(totp["secret"], k) for k in (-1, 0, 1)}
    wrong = next(c for c in ("000000", "111111", "123456", "999999") if c not in valid)
    device.post(f"/v1/client/sign_ins/{signin['id']}/attempt_second_factor",
                {"strategy": "totp", "code": wrong}).expect_error("form_code_incorrect", 422)
    far = pyotp.TOTP(totp["secret"]).at(0)  # a code from 1970: far outside ±1 step
    if far not in valid:
        device.post(f"/v1/client/sign_ins/{signin['id']}/attempt_second_factor",
                    {"strategy": "totp", "code": far}).expect_error("form_code_incorrect", 422)


def test_parallel_totp_submissions_one_wins(native):
    client = native()
    user = sign_up(client)
    totp = enroll_totp(client, user["session_id"])
    code = next_totp(totp["secret"])
    devices = [native() for _ in range(4)]
    attempts = [start_mfa_sign_in(d, user["email"])[0] for d in devices]
    results = [None] * len(devices)

    def submit(i):
        results[i] = devices[i].post(f"/v1/client/sign_ins/{attempts[i]['id']}/attempt_second_factor",
                                     {"strategy": "totp", "code": code})

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(len(devices))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wins = [r for r in results if r.status == 200]
    assert len(wins) == 1, f"one TOTP step must open exactly one session: {[r.describe() for r in results]}"
    for r in results:
        if r.status != 200:
            r.expect_error("form_code_incorrect")


def test_backup_codes_are_single_use(native):
    client = native()
    user = sign_up(client)
    totp = enroll_totp(client, user["session_id"])
    backup = totp["backup_codes"][0]
    device = native()
    signin, _ = start_mfa_sign_in(device, user["email"])
    done = device.post(f"/v1/client/sign_ins/{signin['id']}/attempt_second_factor",
                       {"strategy": "backup_code", "code": backup}).expect(200)
    assert done.response["status"] == "complete"
    assert done.response["second_factor_verification"]["strategy"] == "backup_code"
    reuse_device = native()
    again, _ = start_mfa_sign_in(reuse_device, user["email"])
    reuse_device.post(f"/v1/client/sign_ins/{again['id']}/attempt_second_factor",
                      {"strategy": "backup_code", "code": backup}).expect_error("form_code_incorrect", 422)
    # Another unused code still works.
    ok = reuse_device.post(f"/v1/client/sign_ins/{again['id']}/attempt_second_factor",
                           {"strategy": "backup_code", "code": totp["backup_codes"][1]}).expect(200)
    assert ok.response["status"] == "complete"


def test_regenerated_backup_codes_revoke_the_old_set(native):
    client = native()
    user = sign_up(client)
    totp = enroll_totp(client, user["session_id"])
    device, session_id = mfa_session(native, user, totp)
    reply = device.post("/v1/me/backup_codes", params=me_params(session_id)).expect(200)
    fresh = reply.response
    assert fresh["object"] == "backup_code" and len(fresh["codes"]) >= 10
    assert not set(fresh["codes"]) & set(totp["backup_codes"])
    other = native()
    signin, _ = start_mfa_sign_in(other, user["email"])
    other.post(f"/v1/client/sign_ins/{signin['id']}/attempt_second_factor",
               {"strategy": "backup_code", "code": totp["backup_codes"][2]}).expect_error("form_code_incorrect", 422)
    other.post(f"/v1/client/sign_ins/{signin['id']}/attempt_second_factor",
               {"strategy": "backup_code", "code": fresh["codes"][0]}).expect(200)


def test_totp_enrolment_errors(native):
    client = native()
    user = sign_up(client)
    created = client.post("/v1/me/totp", params=me_params(user["session_id"])).expect(200).response
    wrong = "000000" if pyotp.TOTP(created["secret"]).now() != "000000" else "111111"
    reply = client.post("/v1/me/totp/attempt_verification", {"code": wrong}, params=me_params(user["session_id"]))
    reply.expect_error("form_code_incorrect", 422)
    me = client.get("/v1/me", params=me_params(user["session_id"])).expect(200).response
    assert me["totp_enabled"] is False, "an unverified TOTP is not enabled"


def test_delete_totp_turns_mfa_off(native):
    client = native()
    user = sign_up(client)
    totp = enroll_totp(client, user["session_id"])
    device, session_id = mfa_session(native, user, totp)
    second = device.post("/v1/me/totp", params=me_params(session_id))
    assert 400 <= second.status < 500, f"a second TOTP while one exists must be refused; {second.describe()}"
    deleted = device.delete("/v1/me/totp", params=me_params(session_id)).expect(200).response
    assert deleted["deleted"] is True and deleted["object"] == "totp"
    signin = password_attempt(native(), user["email"], PASSWORD).expect(200).response
    assert signin["status"] == "complete", "without a second factor a password completes the sign-in"
    me = device.get("/v1/me", params=me_params(session_id)).expect(200).response
    assert me["totp_enabled"] is False
    assert me["two_factor_enabled"] is False, "backup codes alone are no second factor"


def test_prepare_second_factor_totp_needs_no_prepare(native):
    """TOTP has no prepare step; prepare_second_factor with an unsupported strategy is a 4xx, not a 5xx."""
    client = native()
    user = sign_up(client)
    enroll_totp(client, user["session_id"])
    device = native()
    signin, strategies = start_mfa_sign_in(device, user["email"])
    reply = device.post(f"/v1/client/sign_ins/{signin['id']}/prepare_second_factor", {"strategy": "totp"})
    assert 400 <= reply.status < 500, reply.describe()
    if "email_code" in strategies:
        second = factor(signin["supported_second_factors"], "email_code")
        device.post(f"/v1/client/sign_ins/{signin['id']}/prepare_second_factor",
                    {"strategy": "email_code", "email_address_id": second["email_address_id"]}).expect(200)
