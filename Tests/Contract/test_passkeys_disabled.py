"""Passkeys off (the default): nothing offers them, and their operations are refused with Clerk's errors."""
from __future__ import annotations

from flows import factor, sign_up


def test_passkeys_are_neither_offered_nor_accepted(native):
    environment = native().get("/v1/environment").expect(200).body
    assert environment["user_settings"]["attributes"]["passkey"]["enabled"] is False
    assert "passkey" not in environment["auth_config"]["first_factors"]
    client = native()
    user = sign_up(client)
    client.post("/v1/me/passkeys", params={"_clerk_session_id": user["session_id"]}).expect_error("passkeys_not_enabled", 403)
    native().post("/v1/client/sign_ins", {"strategy": "passkey"}).expect_error("strategy_for_user_invalid")
    signing_in = native()
    created = signing_in.post("/v1/client/sign_ins", {"identifier": user["email"]}).expect(200).response
    assert factor(created["supported_first_factors"], "passkey") is None
    signing_in.post(f"/v1/client/sign_ins/{created['id']}/prepare_first_factor", {"strategy": "passkey"}) \
        .expect_error("strategy_for_user_invalid")
    signing_in.post(f"/v1/client/sign_ins/{created['id']}/attempt_first_factor",
                    {"strategy": "passkey", "public_key_credential": "{}"}).expect_error("strategy_for_user_invalid")
