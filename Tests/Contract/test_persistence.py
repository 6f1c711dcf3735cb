"""Durability: a clean restart keeps all state; `kill -9` during writes loses nothing answered with 2xx;
SIGTERM stops the server cleanly; secrets never reach the server's output."""
import threading
import time

import jwt
import pyotp

from fapi import NativeClient
from flows import (PASSWORD, TEST_CODE, enroll_totp, mint_token, next_totp, sign_in, password_attempt, sign_up,
                   unique_email)


def test_restart_keeps_state(server):
    client = NativeClient(server.url)
    user = sign_up(client)
    totp = enroll_totp(client, user["session_id"])
    before_jwks = client.get("/.well-known/jwks.json").expect(200).body
    old_jwt = mint_token(client, user["session_id"]).expect(200).body["jwt"]
    client_id = client.get("/v1/client").expect(200).response["id"]

    assert server.restart().startswith("http://127.0.0.1:")
    client.base_url = server.url

    after = client.get("/v1/client").expect(200).response
    assert after["id"] == client_id, "the client token still finds its client"
    assert after["last_active_session_id"] == user["session_id"]
    after_jwks = client.get("/.well-known/jwks.json").expect(200).body
    assert {k["kid"] for k in before_jwks["keys"]} <= {k["kid"] for k in after_jwks["keys"]}, \
        "signing keys persist across restarts"
    keys = jwt.PyJWKSet.from_dict(after_jwks)
    kid = jwt.get_unverified_header(old_jwt)["kid"]
    key = next(k for k in keys.keys if k.key_id == kid)
    jwt.decode(old_jwt, key.key, algorithms=["RS256"], options={"verify_aud": False}, leeway=5)
    mint_token(client, user["session_id"]).expect(200)
    me = client.get("/v1/me").expect(200).response
    assert me["totp_enabled"] is True
    device = NativeClient(server.url)
    signin = password_attempt(device, user["email"], PASSWORD).expect(200).response
    assert signin["status"] == "needs_second_factor"
    done = device.post(f"/v1/client/sign_ins/{signin['id']}/attempt_second_factor",
                       {"strategy": "totp", "code": next_totp(totp["secret"])}).expect(200)
    assert done.response["status"] == "complete"
    assert pyotp.TOTP(totp["secret"])  # the secret enrolled before the restart still verifies codes


def test_sigterm_is_a_clean_exit(server):
    status = server.stop()
    assert status == 0, f"SIGTERM must stop the server cleanly (exit {status}); log:\n{server.log_tail()}"
    server.start()
    NativeClient(server.url).get("/v1/health").expect(200)


def test_kill_9_loses_no_acknowledged_sign_up(server):
    """Writers sign up (create → prepare → attempt) until the server is killed with SIGKILL; after a restart
    every step that was answered 2xx must be there."""
    acknowledged_created: list[tuple[NativeClient, str]] = []  # (device, sign_up id)
    acknowledged_complete: list[dict] = []
    interrupted: set[int] = set()
    stop = threading.Event()
    url = server.url

    def writer():
        while not stop.is_set():
            client = NativeClient(url)
            email = unique_email("crash")
            try:
                created = client.post("/v1/client/sign_ups", {"email_address": email, "password": PASSWORD},
                                      validate=False)
                if created.status != 200:
                    continue
                acknowledged_created.append((client, created.response["id"]))
                sua = created.response["id"]
                if client.post(f"/v1/client/sign_ups/{sua}/prepare_verification", {"strategy": "email_code"},
                               validate=False).status != 200:
                    continue
                done = client.post(f"/v1/client/sign_ups/{sua}/attempt_verification",
                                   {"strategy": "email_code", "code": TEST_CODE}, validate=False)
                if done.status == 200:
                    acknowledged_complete.append({"email": email, "device": client,
                                                  "session_id": done.response["created_session_id"]})
            except Exception:
                # Connection reset by the kill: that request was not acknowledged, and a token rotation it
                # may have committed never reached this device.
                interrupted.add(id(client))
                continue

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 30
    while len(acknowledged_complete) < 8 and time.monotonic() < deadline:
        time.sleep(0.1)
    server.kill9()
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    assert acknowledged_complete, "no sign-up completed before the kill; the writers could not run"

    server.start()
    for device, sign_up_id in acknowledged_created:
        client = NativeClient(server.url)
        client.token = device.token  # the newest token that device was given
        reply = client.get(f"/v1/client/sign_ups/{sign_up_id}")
        if reply.status == 401 and id(device) in interrupted:
            continue  # its last token may have been rotated by the request the kill interrupted
        assert reply.status == 200, f"acknowledged sign-up {sign_up_id} lost by kill -9; {reply.describe()}"
    for record in acknowledged_complete:
        client = NativeClient(server.url)
        client.token = record["device"].token
        current = client.get("/v1/client").expect(200).response
        assert current["last_active_session_id"] == record["session_id"], \
            f"completed sign-up {record['email']} lost its session after kill -9"
        sign_in(NativeClient(server.url), record["email"])
    # Writes still work after the crash.
    sign_up(NativeClient(server.url))


def test_no_secrets_in_server_output(server):
    canary_password = "canary passphrase 7f3a9c"
    client = NativeClient(server.url)
    user = sign_up(client, unique_email("canary", test_identity=False), canary_password, server=server)
    totp = enroll_totp(client, user["session_id"])
    jwt_value = mint_token(client, user["session_id"]).expect(200).body["jwt"]
    password_attempt(NativeClient(server.url), user["email"], "wrong " + canary_password)
    codes = [str(entry.get("code", "")) for entry in server.outbox() if entry.get("code")]
    server.restart()  # flush whatever the process buffered
    log = server.log_text()
    secrets = {"password": canary_password, "client token": client.token, "session JWT": jwt_value,
               "TOTP secret": totp["secret"], "backup code": totp["backup_codes"][0]}
    for name, value in secrets.items():
        assert value and value not in log, f"{name} appears in the server's output"
    for code in codes:
        assert f"code={code}" not in log and f"\"{code}\"" not in log, "a verification code appears in the log"
