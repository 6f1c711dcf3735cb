"""Verification codes and email links expire: with `verification.code_lifetime_minutes = 1` the right code, submitted
after the minute, gets `verification_expired`, and so does the link, which its waiting sign-in then reads as expired
(real clock: one wait of 61 s covers a sign-up, a sign-in and an email link)."""
import time

from flows import TEST_CODE, factor, sign_up, start_sign_in, unique_email
from settings import settings
from ways import follow, outbox_link

SETTINGS = settings(verification={"code_lifetime_minutes": 1, "resend_cooldown_seconds": 0},
                    first_factors={"email_link": True})


def test_expired_codes(server, native):
    signing_up = native()
    sua = signing_up.post("/v1/client/sign_ups", {"email_address": unique_email("exp"),
                                                  "password": "expiry test passphrase"}).expect(200).response["id"]
    prepared = signing_up.post(f"/v1/client/sign_ups/{sua}/prepare_verification", {"strategy": "email_code"})
    sign_up_expiry = prepared.expect(200).response["verifications"]["email_address"]["expire_at"]

    account = sign_up(native())
    signing_in = native()
    started = start_sign_in(signing_in, account["email"]).response
    email_factor = factor(started["supported_first_factors"], "email_code")
    prepared = signing_in.post(f"/v1/client/sign_ins/{started['id']}/prepare_first_factor",
                               {"strategy": "email_code", "email_address_id": email_factor["email_address_id"]})
    sign_in_expiry = prepared.expect(200).response["first_factor_verification"]["expire_at"]
    linking = native()
    by_link = start_sign_in(linking, account["email"]).response
    linking.post(f"/v1/client/sign_ins/{by_link['id']}/prepare_first_factor", {"strategy": "email_link"}).expect(200)
    link = outbox_link(server, account["email"], "sign_in")
    for expire_at in (sign_up_expiry, sign_in_expiry):
        assert 0 < expire_at / 1000 - time.time() <= 61, "expire_at = now + the configured minute"

    time.sleep(max(sign_up_expiry, sign_in_expiry) / 1000 - time.time() + 1.5)

    late = signing_up.post(f"/v1/client/sign_ups/{sua}/attempt_verification",
                           {"strategy": "email_code", "code": TEST_CODE})
    late.expect_error("verification_expired")
    state = signing_up.get(f"/v1/client/sign_ups/{sua}").expect(200).response
    assert state["verifications"]["email_address"]["status"] == "expired"

    late = signing_in.post(f"/v1/client/sign_ins/{started['id']}/attempt_first_factor",
                           {"strategy": "email_code", "code": TEST_CODE})
    late.expect_error("verification_expired")
    state = signing_in.get(f"/v1/client/sign_ins/{started['id']}").expect(200).response
    assert state["status"] != "complete" and state["first_factor_verification"]["status"] == "expired"

    follow(link).expect_error("verification_expired", 400)
    waiting = linking.get(f"/v1/client/sign_ins/{by_link['id']}").expect(200).response
    assert waiting["status"] == "needs_first_factor" and waiting["first_factor_verification"]["status"] == "expired"
