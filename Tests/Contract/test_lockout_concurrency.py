"""Lockout under concurrency: a burst of wrong guesses from ten client addresses evaluates at most `max_attempts` of
them, whatever their interleaving, for passwords and for TOTP codes; the lock set during the burst wins over the
right answer that follows; and a locked account gets no codes sent.

Each guess comes from one of 127.0.0.2 … 127.0.0.11 (the server counts the socket's address; it trusts no
forwarding header). Per-IP and per-identifier limits are on, scaled up so that only the lockout decides. Which
guesses were evaluated is read from the server's security events: every evaluated wrong guess is either a
`form_password_incorrect` / `form_code_incorrect` refusal or the one `account_locked` event."""
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pyotp

from flows import PASSWORD, enroll_totp, password_attempt, sign_up, unique_email
from security_log import security_events
from settings import settings

MAX_ATTEMPTS = 5
GUESSES = 50
ADDRESSES = [f"127.0.0.{n}" for n in range(2, 12)]
SETTINGS = settings(lockout={"max_attempts": MAX_ATTEMPTS, "duration_minutes": 1},
                    rate_limits={"enabled": True, "scale": 100.0})


def burst(count, guess):
    """Runs `guess(index, client_address)` `count` times at once (a barrier releases them together)."""
    barrier = threading.Barrier(count)

    def one(index):
        return guess(index, ADDRESSES[index % len(ADDRESSES)], barrier)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(one, range(count)))


def assert_at_most_max_attempts_evaluated(server, user, replies, incorrect_code):
    """Every guess was refused as wrong or locked out; the security events show exactly one lock and at most
    `MAX_ATTEMPTS` evaluated guesses (the wrong ones answered as such, plus the one that locked)."""
    codes = [reply.error_code for reply in replies]
    assert set(codes) <= {incorrect_code, "user_locked"}, [r.describe() for r in replies]
    incorrect = len(security_events(server, user_id=user["user_id"], code=incorrect_code))
    locks = len(security_events(server, user_id=user["user_id"], event="account_locked"))
    assert locks == 1, f"exactly one guess locks the account; {codes}"
    assert incorrect + locks <= MAX_ATTEMPTS, f"{incorrect + locks} guesses evaluated; {codes}"
    assert codes.count(incorrect_code) == incorrect


def assert_locked(reply):
    error = reply.expect_error("user_locked", 403)
    remaining = error["meta"]["lockout_expires_in_seconds"]
    assert isinstance(remaining, int) and 0 < remaining <= 60, reply.describe()


def test_parallel_wrong_passwords_evaluate_at_most_max_attempts(server, native):
    user = sign_up(native())

    def guess(index, address, barrier):
        client = native(source=address)
        started = client.post("/v1/client/sign_ins", {"identifier": user["email"]}).expect(200)
        barrier.wait()
        return client.post(f"/v1/client/sign_ins/{started.response['id']}/attempt_first_factor",
                           {"strategy": "password", "password": f"wrong password {index}"})

    assert_at_most_max_attempts_evaluated(server, user, burst(GUESSES, guess), "form_password_incorrect")

    assert_locked(password_attempt(native(source=ADDRESSES[0]), user["email"], PASSWORD))


def test_parallel_wrong_totp_codes_evaluate_at_most_max_attempts(server, native):
    owner = native()
    user = sign_up(owner)
    totp = enroll_totp(owner, user["session_id"])
    sign_ins = {}
    for address in ADDRESSES:  # one sign-in per address, past the password (a success clears the count)
        client = native(source=address)
        reply = password_attempt(client, user["email"], PASSWORD).expect(200)
        assert reply.response["status"] == "needs_second_factor", reply.describe()
        sign_ins[address] = (client, reply.response["id"])
    valid = {pyotp.TOTP(totp["secret"]).at(time.time() + 30 * step) for step in range(-2, 4)}
    wrong = [code for code in (f"{n:06d}" for n in range(100000, 200000, 1999)) if code not in valid]

    def guess_on_own_client(index, address, barrier):
        shared, sign_in_id = sign_ins[address]
        client = native(source=address)
        client.token = shared.token
        barrier.wait()
        return client.post(f"/v1/client/sign_ins/{sign_in_id}/attempt_second_factor",
                           {"strategy": "totp", "code": wrong[index]})

    assert_at_most_max_attempts_evaluated(server, user, burst(GUESSES, guess_on_own_client), "form_code_incorrect")

    client, sign_in_id = sign_ins[ADDRESSES[0]]
    right = client.post(f"/v1/client/sign_ins/{sign_in_id}/attempt_second_factor",
                        {"strategy": "totp", "code": pyotp.TOTP(totp["secret"]).now()})
    assert_locked(right)


def test_a_locked_account_gets_no_codes(server, native):
    # A real address (no +clerk_test): codes for it land in the outbox.
    user = sign_up(native(), unique_email("locked", test_identity=False), server=server)
    for index in range(MAX_ATTEMPTS):
        password_attempt(native(), user["email"], f"wrong {index}")
    client = native()
    started = client.post("/v1/client/sign_ins", {"identifier": user["email"]}).expect(200)
    sent_before = len(server.outbox())
    for strategy in ("email_code", "reset_password_email_code"):
        email_id = next(f["email_address_id"] for f in started.response["supported_first_factors"]
                        if f["strategy"] == strategy)
        prepared = client.post(f"/v1/client/sign_ins/{started.response['id']}/prepare_first_factor",
                               {"strategy": strategy, "email_address_id": email_id})
        assert_locked(prepared)
    assert len(server.outbox()) == sent_before, "a locked account was sent a code"
