"""Phone numbers as identifier and factor: sign-up `phone_code` verification, sign-in `phone_code` first factor,
`reset_password_phone_code`, and `phone_code` as a second factor. Fictional numbers +1 XXX 555-01YY verify
with 424242 on a development instance; other numbers get their code through the outbox."""
import uuid

import pytest

from fapi import NativeClient
from flows import PASSWORD, TEST_CODE, factor, me_params, outbox_code, password_attempt, unique_email, unique_phone
from settings import settings

SETTINGS = settings(
    identifiers={"phone_number": {"enabled": True, "required": False, "used_for_sign_in": True}},
    first_factors={"phone_code": True},
    mfa={"phone_code": True},
)


def sign_up_with_phone(client, phone, *, server=None, code=TEST_CODE):
    email = unique_email("phone")
    created = client.post("/v1/client/sign_ups",
                          {"email_address": email, "phone_number": phone, "password": PASSWORD}).expect(200)
    signup = created.response
    assert signup["phone_number"] == phone
    assert {"email_address", "phone_number"} <= set(signup["unverified_fields"]), created.describe()
    sua = signup["id"]
    client.post(f"/v1/client/sign_ups/{sua}/prepare_verification", {"strategy": "email_code"}).expect(200)
    client.post(f"/v1/client/sign_ups/{sua}/attempt_verification",
                {"strategy": "email_code", "code": TEST_CODE}).expect(200)
    prepared = client.post(f"/v1/client/sign_ups/{sua}/prepare_verification", {"strategy": "phone_code"}).expect(200)
    assert prepared.response["verifications"]["phone_number"]["next_action"] == "needs_attempt"
    if code is None:
        code = outbox_code(server, phone)
    done = client.post(f"/v1/client/sign_ups/{sua}/attempt_verification",
                       {"strategy": "phone_code", "code": code}).expect(200).response
    assert done["status"] == "complete", done
    return {"email": email, "phone": phone, "session_id": done["created_session_id"],
            "user_id": done["created_user_id"]}


def test_environment_lists_phone(native):
    env = native().get("/v1/environment").expect(200).body
    phone = env["user_settings"]["attributes"]["phone_number"]
    assert phone["enabled"] is True and phone["used_for_first_factor"] is True
    assert "phone_code" in phone.get("first_factors", [])


def test_sign_up_and_sign_in_with_phone_code(native):
    user = sign_up_with_phone(native(), unique_phone())
    client = native()
    started = client.post("/v1/client/sign_ins", {"identifier": user["phone"]}).expect(200).response
    assert started["status"] == "needs_first_factor"
    phone_factor = factor(started["supported_first_factors"], "phone_code")
    assert phone_factor and phone_factor["phone_number_id"].startswith("idn_"), started
    assert phone_factor["safe_identifier"] == started["identifier"]
    prepared = client.post(f"/v1/client/sign_ins/{started['id']}/prepare_first_factor",
                           {"strategy": "phone_code", "phone_number_id": phone_factor["phone_number_id"]})
    assert prepared.expect(200).response["first_factor_verification"]["strategy"] == "phone_code"
    client.post(f"/v1/client/sign_ins/{started['id']}/attempt_first_factor",
                {"strategy": "phone_code", "code": "000000"}).expect_error("form_code_incorrect", 422)
    done = client.post(f"/v1/client/sign_ins/{started['id']}/attempt_first_factor",
                       {"strategy": "phone_code", "code": TEST_CODE}).expect(200)
    assert done.response["status"] == "complete"


def test_phone_code_from_outbox(server, native):
    phone = f"+1415555{1000 + uuid.uuid4().int % 9000}"  # 555-1000..9999: not a test number
    sign_up_with_phone(native(), phone, server=server, code=None)


def test_reset_password_with_phone_code(native):
    user = sign_up_with_phone(native(), unique_phone())
    client = native()
    started = client.post("/v1/client/sign_ins", {"identifier": user["phone"]}).expect(200).response
    reset = factor(started["supported_first_factors"], "reset_password_phone_code")
    assert reset, started
    client.post(f"/v1/client/sign_ins/{started['id']}/prepare_first_factor",
                {"strategy": "reset_password_phone_code", "phone_number_id": reset["phone_number_id"]}).expect(200)
    attempted = client.post(f"/v1/client/sign_ins/{started['id']}/attempt_first_factor",
                            {"strategy": "reset_password_phone_code", "code": TEST_CODE}).expect(200)
    assert attempted.response["status"] == "needs_new_password"
    done = client.post(f"/v1/client/sign_ins/{started['id']}/reset_password",
                       {"password": "a fresh phone passphrase"}).expect(200)
    assert done.response["status"] == "complete"
    assert password_attempt(NativeClient(client.base_url), user["email"], "a fresh phone passphrase") \
        .expect(200).response["status"] == "complete"


def test_phone_code_as_second_factor(native):
    client = native()
    user = sign_up_with_phone(client, unique_phone())
    me = client.get("/v1/me", params=me_params(user["session_id"])).expect(200).response
    phone_id = me["phone_numbers"][0]["id"]
    reserve = client.patch(f"/v1/me/phone_numbers/{phone_id}", {"reserved_for_second_factor": "true"},
                           params=me_params(user["session_id"]))
    if reserve.status != 200:
        pytest.fail("phone_code as a second factor needs a way to enrol the phone; "
                    f"PATCH /v1/me/phone_numbers/{{id}} reserved_for_second_factor=true gave {reserve.describe()}")
    device = native()
    signin = password_attempt(device, user["email"], PASSWORD).expect(200).response
    assert signin["status"] == "needs_second_factor", signin
    second = factor(signin["supported_second_factors"], "phone_code")
    assert second, signin
    prepared = device.post(f"/v1/client/sign_ins/{signin['id']}/prepare_second_factor",
                           {"strategy": "phone_code", "phone_number_id": second["phone_number_id"]}).expect(200)
    assert prepared.response["second_factor_verification"]["strategy"] == "phone_code"
    device.post(f"/v1/client/sign_ins/{signin['id']}/attempt_second_factor",
                {"strategy": "phone_code", "code": "000000"}).expect_error("form_code_incorrect", 422)
    done = device.post(f"/v1/client/sign_ins/{signin['id']}/attempt_second_factor",
                       {"strategy": "phone_code", "code": TEST_CODE}).expect(200)
    assert done.response["status"] == "complete"
