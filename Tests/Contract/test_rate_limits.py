"""Clerk's per-IP rate limits (5/10 s create sign-in/up, 3/10 s attempts), the resend cooldown, 429 +
Retry-After, and durable counters. Each test speaks from its own loopback address (127.0.0.x) so that the
per-IP windows of different tests do not mix."""
import time

import pytest

from fapi import NativeClient
from flows import PASSWORD, factor, sign_up, start_sign_in, unique_email
from settings import settings

SETTINGS = settings(rate_limits={"enabled": True, "scale": 1.0}, verification={"resend_cooldown_seconds": 30})


def from_address(server, address: str) -> NativeClient:
    return NativeClient(server.url, source=address)


def assert_rate_limited(reply):
    assert reply.status == 429, reply.describe()
    retry_after = reply.headers.get("Retry-After")
    assert retry_after and retry_after.isdigit() and 1 <= int(retry_after) <= 60, \
        f"429 needs an integer Retry-After in seconds; {reply.describe()}"
    return int(retry_after)


def first_limited(replies):
    return next((r for r in replies if r.status == 429), None)


def test_create_sign_in_limit(server):
    replies = [from_address(server, "127.0.0.11").post("/v1/client/sign_ins",
                                                       {"identifier": unique_email("rl")}) for _ in range(6)]
    assert all(r.status != 429 for r in replies[:5]), [r.describe() for r in replies[:5]]
    wait = assert_rate_limited(replies[5])
    time.sleep(wait + 0.5)
    after = from_address(server, "127.0.0.11").post("/v1/client/sign_ins", {"identifier": unique_email("rl")})
    assert after.status != 429, f"after Retry-After the limit must be lifted; {after.describe()}"


def test_create_sign_up_limit(server):
    replies = [from_address(server, "127.0.0.12").post("/v1/client/sign_ups", {"email_address": unique_email("rl")})
               for _ in range(6)]
    assert all(r.status != 429 for r in replies[:5]), [r.describe() for r in replies[:5]]
    assert_rate_limited(replies[5])


def test_other_addresses_are_not_limited(server):
    for _ in range(6):
        from_address(server, "127.0.0.13").post("/v1/client/sign_ins", {"identifier": unique_email("rl")})
    reply = from_address(server, "127.0.0.14").post("/v1/client/sign_ins", {"identifier": unique_email("rl")})
    assert reply.status != 429, "limits are per IP"


def test_attempt_first_factor_limit(server):
    account = sign_up(from_address(server, "127.0.0.15"))
    client = from_address(server, "127.0.0.16")
    started = start_sign_in(client, account["email"]).response
    replies = [client.post(f"/v1/client/sign_ins/{started['id']}/attempt_first_factor",
                           {"strategy": "password", "password": f"wrong password {i}"}) for i in range(4)]
    for reply in replies[:3]:
        reply.expect_error("form_password_incorrect", 422)
    assert_rate_limited(replies[3])


def test_attempt_sign_up_verification_limit(server):
    client = from_address(server, "127.0.0.17")
    created = client.post("/v1/client/sign_ups", {"email_address": unique_email("rl"), "password": PASSWORD})
    sua = created.expect(200).response["id"]
    client.post(f"/v1/client/sign_ups/{sua}/prepare_verification", {"strategy": "email_code"}).expect(200)
    replies = [client.post(f"/v1/client/sign_ups/{sua}/attempt_verification",
                           {"strategy": "email_code", "code": "000001"}) for _ in range(4)]
    assert all(r.status != 429 for r in replies[:3]), [r.describe() for r in replies[:3]]
    assert_rate_limited(replies[3])


def test_resend_cooldown(server):
    account = sign_up(from_address(server, "127.0.0.18"))
    client = from_address(server, "127.0.0.19")
    started = start_sign_in(client, account["email"]).response
    email_factor = factor(started["supported_first_factors"], "email_code")
    body = {"strategy": "email_code", "email_address_id": email_factor["email_address_id"]}
    client.post(f"/v1/client/sign_ins/{started['id']}/prepare_first_factor", body).expect(200)
    again = client.post(f"/v1/client/sign_ins/{started['id']}/prepare_first_factor", body)
    assert again.status == 429, f"a second send within the 30 s cooldown must be refused; {again.describe()}"
    assert again.headers.get("Retry-After", "").isdigit()


def test_counters_survive_restart(server):
    for _ in range(5):
        reply = from_address(server, "127.0.0.20").post("/v1/client/sign_ins", {"identifier": unique_email("rl")})
        assert reply.status != 429, reply.describe()
    server.restart()
    reply = from_address(server, "127.0.0.20").post("/v1/client/sign_ins", {"identifier": unique_email("rl")})
    if reply.status != 429:
        pytest.fail(f"rate-limit counters must be durable across a restart; {reply.describe()}")
