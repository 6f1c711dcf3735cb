"""Passkeys on the ready instance Config/examples/passkeys.toml: registration (`none`, `packed` self and x5c;
ES256, EdDSA, RS256), sign-in (discoverable and after an identifier), reverification, and each refusal: a tampered
signature, another RP ID, another origin, a counter that goes back, a replayed challenge, an unknown credential.
Credentials come from `webauthn.TestAuthenticator`; every answer is validated against the spec."""
from __future__ import annotations

import json

import pytest

from flows import factor, sign_up
from settings import example
from webauthn import TestAuthenticator, b64url, validate_sign_in

SETTINGS = example("passkeys.toml")


def register(client, authenticator: TestAuthenticator, session_id: str, **tamper):
    """Adds a passkey as clerk-js `Passkey.registerPasskey` does; returns the attempt's reply."""
    params = {"_clerk_session_id": session_id}
    created = client.post("/v1/me/passkeys", params=params).expect(200).response
    verification = created["verification"]
    assert created["id"].startswith("pk_") and verification["status"] == "unverified", created
    credential = authenticator.create(verification["nonce"], **tamper)
    return client.post(f"/v1/me/passkeys/{created['id']}/attempt_verification",
                       {"strategy": "passkey", "public_key_credential": credential}, params=params)


def user_with_passkey(native, authenticator: TestAuthenticator) -> dict:
    client = native()
    user = sign_up(client)
    registered = register(client, authenticator, user["session_id"]).expect(200).response
    assert registered["verification"]["status"] == "verified", registered
    return {**user, "client": client, "passkey": registered}


def discoverable_sign_in(native, authenticator: TestAuthenticator, **tamper):
    """`authenticateWithPasskey({flow: 'discoverable'})` on a new device: (client, attempt reply)."""
    client = native()
    created = validate_sign_in(client.post("/v1/client/sign_ins", {"strategy": "passkey"}, validate=False)).expect(200)
    nonce = created.response["first_factor_verification"]["nonce"]
    assert json.loads(nonce)["allowCredentials"] == [], nonce
    attempt = client.post(f"/v1/client/sign_ins/{created.response['id']}/attempt_first_factor",
                          {"strategy": "passkey", "public_key_credential": authenticator.get(nonce, **tamper)},
                          validate=False)
    return client, validate_sign_in(attempt)


def test_environment_offers_passkeys(native):
    environment = native().get("/v1/environment").expect(200).body
    attribute = environment["user_settings"]["attributes"]["passkey"]
    assert attribute["enabled"] and attribute["used_for_first_factor"] and attribute["first_factors"] == ["passkey"]
    assert "passkey" in environment["auth_config"]["first_factors"]
    assert environment["user_settings"]["passkey_settings"] == {"allow_autofill": True, "show_sign_in_button": True}


def test_creation_options_are_clerk_js_shaped(native):
    client = native()
    user = sign_up(client)
    created = client.post("/v1/me/passkeys", params={"_clerk_session_id": user["session_id"]}).expect(200).response
    options = json.loads(created["verification"]["nonce"])
    assert options["rp"] == {"id": "localhost", "name": "clerk-tui passkeys"}
    assert options["user"]["name"] == user["email"] and options["user"]["id"] == b64url(user["user_id"].encode())
    assert [p["alg"] for p in options["pubKeyCredParams"]] == [-7, -8, -257]
    assert options["authenticatorSelection"]["residentKey"] == "required" and options["excludeCredentials"] == []
    assert len(options["challenge"]) == 43 and options["timeout"] == 300_000


@pytest.mark.parametrize("alg,attestation", [("ES256", "none"), ("ES256", "packed"), ("ES256", "packed-x5c"),
                                             ("EdDSA", "none"), ("EdDSA", "packed"), ("RS256", "packed")])
def test_registers_and_signs_in_without_identifier(native, alg, attestation):
    authenticator = TestAuthenticator(alg=alg, attestation=attestation)
    user = user_with_passkey(native, authenticator)
    listed = user["client"].get("/v1/me").expect(200).response["passkeys"]
    assert [p["id"] for p in listed] == [user["passkey"]["id"]] and listed[0]["name"] == "Security key"
    client, attempt = discoverable_sign_in(native, authenticator)
    sign_in = attempt.expect(200).response
    assert sign_in["status"] == "complete" and sign_in["identifier"] == user["email"], attempt.describe()
    assert attempt.client["last_authentication_strategy"] == "passkey", attempt.describe()
    me = client.get("/v1/me").expect(200).response
    assert me["id"] == user["user_id"] and me["passkeys"][0]["last_used_at"] is not None


def test_signs_in_after_an_identifier(native):
    authenticator = TestAuthenticator(user_verified=False)
    user = user_with_passkey(native, authenticator)
    client = native()
    created = client.post("/v1/client/sign_ins", {"identifier": user["email"]}).expect(200).response
    assert factor(created["supported_first_factors"], "passkey") == {"strategy": "passkey"}
    prepared = validate_sign_in(client.post(f"/v1/client/sign_ins/{created['id']}/prepare_first_factor",
                                            {"strategy": "passkey"}, validate=False)).expect(200).response
    options = json.loads(prepared["first_factor_verification"]["nonce"])
    assert [c["id"] for c in options["allowCredentials"]] == [b64url(authenticator.credentials[0].credential_id)]
    attempt = validate_sign_in(client.post(
        f"/v1/client/sign_ins/{created['id']}/attempt_first_factor",
        {"strategy": "passkey", "public_key_credential": authenticator.get(prepared["first_factor_verification"]["nonce"])},
        validate=False)).expect(200)
    assert attempt.response["status"] == "complete", attempt.describe()


def test_reverification_accepts_a_passkey(native):
    authenticator = TestAuthenticator(alg="EdDSA")
    user = user_with_passkey(native, authenticator)
    client, session_id = user["client"], user["session_id"]
    started = client.post(f"/v1/client/sessions/{session_id}/verify", {"level": "first_factor"}).expect(200).response
    assert factor(started["supported_first_factors"], "passkey") is not None, started
    prepared = client.post(f"/v1/client/sessions/{session_id}/verify/prepare_first_factor",
                           {"strategy": "passkey"}).expect(200).response
    nonce = prepared["first_factor_verification"]["nonce"]
    attempted = client.post(f"/v1/client/sessions/{session_id}/verify/attempt_first_factor",
                            {"strategy": "passkey", "public_key_credential": authenticator.get(nonce)}).expect(200).response
    assert attempted["status"] == "complete" and attempted["first_factor_verification"]["status"] == "verified"
    assert attempted["session"]["factor_verification_age"][0] == 0
    replay = client.post(f"/v1/client/sessions/{session_id}/verify/attempt_first_factor",
                         {"strategy": "passkey", "public_key_credential": authenticator.get(nonce)})
    replay.expect_error("strategy_for_user_invalid")


@pytest.mark.parametrize("tamper,reason", [({"tamper_signature": True}, "signature is not valid"),
                                           ({"rp_id": "evil.example"}, "another relying party"),
                                           ({"origin": "https://evil.example"}, "origin https://evil.example")])
def test_registration_refusals(native, tamper, reason):
    client = native()
    user = sign_up(client)
    refused = register(client, TestAuthenticator(attestation="packed"), user["session_id"], **tamper)
    error = refused.expect_error("passkey_verification_failed", 400)
    assert reason in error["long_message"], refused.describe()
    assert client.get("/v1/me").expect(200).response["passkeys"] == []


@pytest.mark.parametrize("tamper,reason", [({"tamper_signature": True}, "signature is not valid"),
                                           ({"rp_id": "evil.example"}, "another relying party"),
                                           ({"origin": "https://evil.example"}, "origin https://evil.example")])
def test_sign_in_refusals(native, tamper, reason):
    authenticator = TestAuthenticator()
    user_with_passkey(native, authenticator)
    _, attempt = discoverable_sign_in(native, authenticator, **tamper)
    error = attempt.expect_error("passkey_verification_failed", 400)
    assert reason in error["long_message"], attempt.describe()
    _, again = discoverable_sign_in(native, authenticator)
    assert again.expect(200).response["status"] == "complete", "an honest assertion still works"


def test_a_counter_that_goes_back_is_refused_and_flags_the_passkey(native):
    authenticator = TestAuthenticator(counter_step=5)
    user = user_with_passkey(native, authenticator)
    assert discoverable_sign_in(native, authenticator)[1].expect(200).response["status"] == "complete"
    _, rolled_back = discoverable_sign_in(native, authenticator, count=3)
    assert "counter went back" in rolled_back.expect_error("passkey_verification_failed", 400)["long_message"]
    _, afterwards = discoverable_sign_in(native, authenticator, count=100)
    afterwards.expect_error("passkey_not_found", 422)
    created = native().post("/v1/client/sign_ins", {"identifier": user["email"]}).expect(200).response
    assert factor(created["supported_first_factors"], "passkey") is None, "a flagged passkey is not offered"


def test_replayed_challenge_and_unknown_credential_are_refused(native):
    authenticator = TestAuthenticator()
    user_with_passkey(native, authenticator)
    client = native()
    created = validate_sign_in(client.post("/v1/client/sign_ins", {"strategy": "passkey"}, validate=False)).expect(200)
    nonce = created.response["first_factor_verification"]["nonce"]
    path = f"/v1/client/sign_ins/{created.response['id']}/attempt_first_factor"
    stranger = TestAuthenticator()
    stranger.credentials = []
    unknown = stranger_credential(stranger, nonce)
    validate_sign_in(client.post(path, {"strategy": "passkey", "public_key_credential": unknown}, validate=False)) \
        .expect_error("passkey_not_found", 422)
    # The challenge was answered once (by the unknown credential): even a valid assertion over it is refused now.
    replayed = client.post(path, {"strategy": "passkey", "public_key_credential": authenticator.get(nonce)}, validate=False)
    validate_sign_in(replayed).expect_error("verification_missing", 422)
    other_client = native()
    fresh = validate_sign_in(other_client.post("/v1/client/sign_ins", {"strategy": "passkey"}, validate=False)).expect(200)
    stale = validate_sign_in(other_client.post(
        f"/v1/client/sign_ins/{fresh.response['id']}/attempt_first_factor",
        {"strategy": "passkey", "public_key_credential": authenticator.get(nonce)}, validate=False))
    assert "challenge" in stale.expect_error("passkey_verification_failed", 400)["long_message"]


def stranger_credential(authenticator: TestAuthenticator, nonce: str) -> str:
    """An assertion from a credential this instance never registered."""
    authenticator.create(json.dumps({"rp": {"id": "localhost"}, "user": {"id": b64url(b"nobody")},
                                     "challenge": b64url(b"x" * 32), "pubKeyCredParams": [{"alg": -7}]}))
    return authenticator.get(nonce)


def test_malformed_credentials_are_clear_errors(native):
    client = native()
    user = sign_up(client)
    created = client.post("/v1/me/passkeys", params={"_clerk_session_id": user["session_id"]}).expect(200).response
    path = f"/v1/me/passkeys/{created['id']}/attempt_verification"
    client.post(path, {"strategy": "passkey"}).expect_error("form_param_missing", 422)
    client.post(path, {"strategy": "passkey", "public_key_credential": "not json"}) \
        .expect_error("passkey_verification_failed", 400)
    valid = TestAuthenticator().create(created["verification"]["nonce"])
    client.post(path, {"strategy": "passkey", "public_key_credential": valid}).expect_error("verification_missing", 422)
    client.post("/v1/me/passkeys/pk_unknown/attempt_verification",
                {"strategy": "passkey", "public_key_credential": valid}).expect_error("resource_not_found", 404)
