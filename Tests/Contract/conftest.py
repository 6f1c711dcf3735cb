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
    "createBackupCodes", "getUsersSessions", "getSessions", "revokeSession", "getJWKS", "getOpenIDConfiguration",
    "getHealth",
]


def pytest_terminal_summary(terminalreporter):
    if not COVERAGE.seen:
        return
    terminalreporter.section("FAPI operations exercised (operationId: statuses seen)")
    for operation_id in IMPLEMENTED:
        statuses = sorted(COVERAGE.seen.get(operation_id, []))
        ok = any(200 <= s < 300 for s in statuses)
        mark = "ok " if ok else "-- "
        terminalreporter.write_line(f"{mark}{operation_id}: {statuses or 'never called'}")
