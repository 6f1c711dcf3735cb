"""The request sequences a native Clerk SDK sends, reused by many tests: sign up, sign in, enrol TOTP, mint tokens."""
from __future__ import annotations

import re
import time
import uuid

import pyotp

from fapi import NativeClient, Reply, form

TEST_CODE = "424242"
PASSWORD = "correct horse battery staple"


def unique_email(tag: str = "user", *, test_identity: bool = True) -> str:
    """A fresh address; `+clerk_test` makes a development instance accept code 424242."""
    suffix = "+clerk_test" if test_identity else ""
    return f"{tag}-{uuid.uuid4().hex[:12]}{suffix}@example.com"


def unique_phone() -> str:
    """A fictional number +1 XXX 555-01YY, which a development instance verifies with 424242."""
    area = 200 + uuid.uuid4().int % 700
    return f"+1{area}5550{100 + uuid.uuid4().int % 100}"


def factor(items: list | None, strategy: str) -> dict | None:
    for item in items or []:
        if item.get("strategy") == strategy:
            return item
    return None


def session_of(reply: Reply, session_id: str) -> dict:
    client = reply.client if reply.client is not None else reply.response
    for session in (client or {}).get("sessions", []):
        if session["id"] == session_id:
            return session
    raise AssertionError(f"session {session_id} not in client payload; {reply.describe()}")


def create_sign_up(client: NativeClient, email: str, password: str | None = PASSWORD, **extra) -> Reply:
    return client.post("/v1/client/sign_ups", form(email_address=email, password=password, **extra))


def sign_up(client: NativeClient, email: str | None = None, password: str = PASSWORD, *,
            code: str | None = None, server=None, **extra) -> dict:
    """Creates a user by sign-up with email + password + email code; returns ids and credentials."""
    email = email or unique_email("signup")
    created = create_sign_up(client, email, password, **extra).expect(200)
    sign_up_id = created.response["id"]
    assert created.response["status"] == "missing_requirements", created.describe()
    client.post(f"/v1/client/sign_ups/{sign_up_id}/prepare_verification",
                {"strategy": "email_code"}).expect(200)
    if code is None:
        code = TEST_CODE if "+clerk_test" in email else outbox_code(server, email)
    done = client.post(f"/v1/client/sign_ups/{sign_up_id}/attempt_verification",
                       {"strategy": "email_code", "code": code}).expect(200)
    signup = done.response
    assert signup["status"] == "complete", done.describe()
    assert signup["created_session_id"] and signup["created_user_id"], done.describe()
    assert done.client["last_active_session_id"] == signup["created_session_id"], done.describe()
    return {"email": email, "password": password, "user_id": signup["created_user_id"],
            "session_id": signup["created_session_id"], "sign_up_id": sign_up_id, "reply": done}


def sign_in_password(client: NativeClient, identifier: str, password: str) -> Reply:
    """One-shot password sign-in (clerk-ios `signInWithPassword`)."""
    return client.post("/v1/client/sign_ins", {"identifier": identifier, "password": password})


def password_attempt(client: NativeClient, identifier: str, password: str) -> Reply:
    """Two-step password sign-in (clerk-js UI): identifier, then `attempt_first_factor`; returns the reply
    that decided (the create's error, or the attempt)."""
    created = client.post("/v1/client/sign_ins", {"identifier": identifier})
    if created.status != 200:
        return created
    return client.post(f"/v1/client/sign_ins/{created.response['id']}/attempt_first_factor",
                       {"strategy": "password", "password": password})


def sign_in(client: NativeClient, identifier: str, password: str = PASSWORD) -> dict:
    """Signs in with identifier + password (two steps) and asserts completion; returns the sign-in object."""
    reply = password_attempt(client, identifier, password).expect(200)
    assert reply.response["status"] == "complete", reply.describe()
    assert reply.client["last_active_session_id"] == reply.response["created_session_id"], reply.describe()
    return reply.response


def start_sign_in(client: NativeClient, identifier: str) -> Reply:
    reply = client.post("/v1/client/sign_ins", {"identifier": identifier}).expect(200)
    assert reply.response["status"] == "needs_first_factor", reply.describe()
    return reply


def mint_token(client: NativeClient, session_id: str, **data) -> Reply:
    return client.post(f"/v1/client/sessions/{session_id}/tokens", data or {"organization_id": ""})


def me_params(session_id: str | None) -> dict:
    return {"_clerk_session_id": session_id} if session_id else {}


def enroll_totp(client: NativeClient, session_id: str) -> dict:
    """`/v1/me/totp` then `attempt_verification` with the current code; returns secret and backup codes."""
    created = client.post("/v1/me/totp", params=me_params(session_id)).expect(200)
    totp = created.response
    assert totp["object"] == "totp" and totp["verified"] is False, created.describe()
    secret = totp["secret"]
    assert totp["uri"].startswith("otpauth://totp/") and f"secret={secret}" in totp["uri"], created.describe()
    code = pyotp.TOTP(secret).now()
    verified = client.post("/v1/me/totp/attempt_verification", {"code": code},
                           params=me_params(session_id)).expect(200)
    assert verified.response["verified"] is True, verified.describe()
    codes = verified.response.get("backup_codes") or []
    return {"secret": secret, "enrollment_code": code, "backup_codes": codes, "step": int(time.time()) // 30}


def next_totp(secret: str, step_offset: int = 1) -> str:
    """The code of a later 30 s step (still within the ±1 window), so it was never used before."""
    return pyotp.TOTP(secret).at(time.time() + 30 * step_offset)


CODE_PATTERN = re.compile(r"\b(\d{6})\b")


def outbox_code(server, recipient: str, *, exclude: set | None = None) -> str:
    """The newest 6-digit code the development outbox "sent" to `recipient`, ignoring message ids in `exclude`."""
    assert server is not None, "outbox_code needs the server"
    exclude = exclude or set()
    deadline = time.monotonic() + 10
    while True:
        entries = [e for e in server.outbox() if _addressed_to(e, recipient) and str(e.get("id")) not in exclude]
        for entry in reversed(entries):
            code = _code_of(entry)
            if code:
                return code
        if time.monotonic() > deadline:
            raise AssertionError(f"no code for {recipient} in the outbox: {len(server.outbox())} messages")
        time.sleep(0.2)


def _addressed_to(entry: dict, recipient: str) -> bool:
    for key in ("to", "recipient", "email_address", "phone_number", "identifier", "address"):
        if str(entry.get(key, "")).lower() == recipient.lower():
            return True
    return False


def _code_of(entry: dict) -> str | None:
    for key in ("code", "otp", "otp_code"):
        if entry.get(key):
            return str(entry[key])
    for key in ("body", "text", "message", "subject"):
        match = CODE_PATTERN.search(str(entry.get(key, "")))
        if match:
            return match.group(1)
    return None
