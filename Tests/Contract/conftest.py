"""Fixtures: one fresh `clerk-tui serve` per test module, in its own temporary data dir.

A module may set `SETTINGS` (a dict written as the `--config` TOML) to run its server with other settings.
"""
from __future__ import annotations

import pytest

from fapi import COVERAGE, BrowserClient, NativeClient
from server import Server
from settings import ALLOWED_ORIGIN, BASE


@pytest.fixture(scope="module")
def server(request, tmp_path_factory):
    settings = getattr(request.module, "SETTINGS", BASE)
    name = request.module.__name__.rsplit(".", 1)[-1]
    instance = Server(tmp_path_factory.mktemp(name) / "data", settings)
    instance.start()
    yield instance
    died = instance.process is not None and not instance.alive
    if died:
        instance.kill9()
    else:
        instance.stop()
    assert not died, f"server died during {name}; log tail:\n{instance.log_tail()}"


@pytest.fixture
def native(server):
    """A factory of native clients (a new device each call)."""
    return lambda **kw: NativeClient(server.url, **kw)


@pytest.fixture
def browser(server):
    """A factory of browser clients from the allowed origin (or `origin=`)."""
    return lambda origin=ALLOWED_ORIGIN: BrowserClient(server.url, origin)


# Operations of issue 2 (the implemented surface); the summary shows which ones this run exercised.
IMPLEMENTED = [
    "getEnvironment", "getClient", "postClient", "putClient", "deleteClientSessions",
    "removeClientSessionsAndRetainCookie", "createSignIn", "getSignIn", "prepareSignInFactorOne",
    "attemptSignInFactorOne", "prepareSignInFactorTwo", "attemptSignInFactorTwo", "resetPassword",
    "createSignUps", "getSignUps", "updateSignUps", "prepareSignUpsVerification", "attemptSignUpsVerification",
    "getSession", "touchSession", "endSession", "removeSession", "createSessionToken",
    "createSessionTokenWithTemplate", "getUser", "patchUser", "deleteUser", "postTOTP", "verifyTOTP", "deleteTOTP",
    "createBackupCodes", "getUsersSessions", "getSessions", "revokeSession", "postOAuthAccounts",
    "reauthorizeExternalAccount", "deleteExternalAccount", "getJWKS",
    "getOpenIDConfiguration",
    "getHealth",
]


def pytest_terminal_summary(terminalreporter):
    if not COVERAGE.seen:
        return
    answered = [op for op in IMPLEMENTED if any(200 <= s < 300 for s in COVERAGE.seen.get(op, ()))]
    missing = [op for op in IMPLEMENTED if op not in answered]
    terminalreporter.section("FAPI operations of issue 2 answered with 2xx")
    terminalreporter.write_line(f"{len(answered)}/{len(IMPLEMENTED)} operations")
    for operation_id in missing:
        statuses = sorted(COVERAGE.seen.get(operation_id, ()))
        terminalreporter.write_line(f"  never 2xx: {operation_id} (statuses seen: {statuses or 'none'})")
