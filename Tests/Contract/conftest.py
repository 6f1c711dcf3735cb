"""Fixtures: one fresh `clerk-tui serve` per test module, in its own temporary data dir.

A module may set `SETTINGS` (a dict written as the `--config` TOML) to run its server with other settings, and
`SERVER_ENVIRONMENT` (a dict) to add environment variables to its process.
"""
from __future__ import annotations

import pytest

from fapi import COVERAGE, BrowserClient, NativeClient
from server import make_server
from settings import ALLOWED_ORIGIN, BASE


@pytest.fixture(scope="module")
def server(request, tmp_path_factory):
    settings = getattr(request.module, "SETTINGS", BASE)
    name = request.module.__name__.rsplit(".", 1)[-1]
    instance = make_server(tmp_path_factory.mktemp(name) / "data", settings, getattr(request.module, "SERVER_ENVIRONMENT", None))
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


# Operations of issue 2 (the first implemented surface); the summary shows which ones this run exercised.
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

# Operations of issue 12 (organizations, part 1), and the organization routes they rely on.
ORGANIZATIONS = [
    "createOrganization", "getOrganization", "updateOrganization", "deleteOrganization", "updateOrganizationLogo",
    "deleteOrganizationLogo", "getOrganizationMemberships", "deleteOrganizationMemberships",
    "getUsersOrganizationInvitations", "acceptOrganizationInvitation", "getOrganizationSuggestions",
    "acceptOrganizationSuggestion", "getOrganizationCreationDefaults", "createOrganizationInvitations",
    "bulkCreateOrganizationInvitations", "getOrganizationInvitations", "revokePendingOrganizationInvitation",
    "ListOrganizationMemberships", "UpdateOrganizationMembership", "ListOrganizationRoles", "CreateOrganizationDomain",
    "ListOrganizationDomains", "GetOrganizationDomain", "deleteOrganizationDomain",
    "UpdateOrganizationDomainEnrollmentMode", "prepareOrganizationDomainVerification",
    "attemptOrganizationDomainVerification",
]

# Operations of issue 13 (organizations, part 2: administering an organization, invitation tickets). With
# ORGANIZATIONS: the spec's 33 organization operations, plus `acceptTicket`.
ORGANIZATION_ADMIN = [
    "CreateOrganizationMembership", "removeOrganizationMember", "getAllPendingOrganizationInvitations",
    "listOrganizationMembershipRequests", "acceptOrganizationMembershipRequest", "rejectOrganizationMembershipRequest",
    "acceptTicket",
]

# Operations of issue 14 (billing): the spec's 30 billing operations.
BILLING = [
    "GetUserMainBillingSubscription", "GetUserBillingSubscriptionItems", "DeleteUserBillingSubscriptionItem",
    "GetUserPaymentMethods", "CreateUserPaymentMethod", "InitializeUserPaymentMethod", "DeleteUserPaymentMethod",
    "CreateUserBillingCheckout", "GetUserBillingCheckout", "ConfirmUserBillingCheckout", "GetUserPaymentAttempts",
    "GetUserPaymentAttempt", "SetUserDefaultPaymentMethod", "GetUserStatements", "GetUserStatement",
    "CreateOrganizationBillingCheckout", "GetOrganizationBillingCheckout", "ConfirmOrganizationBillingCheckout",
    "GetOrganizationPaymentMethods", "CreateOrganizationPaymentMethod", "InitializeOrganizationPaymentMethod",
    "DeleteOrganizationPaymentMethod", "GetOrganizationStatements", "GetOrganizationStatement",
    "SetOrganizationDefaultPaymentMethod", "GetOrganizationBillingSubscription", "GetOrganizationBillingSubscriptionItems",
    "DeleteOrganizationBillingSubscriptionItem", "GetBillingPlanList", "GetBillingPlan",
]

# Operations of issue 15 (passkeys: registration, sign-in and reverification with WebAuthn).
PASSKEYS = [
    "postPasskey", "attemptPasskeyVerification", "prepareSessionReverificationFirstFactor",
    "attemptSessionReverificationFirstFactor", "startSessionReverification",
]

# Operations of issue 16 (every way in): the waitlist, following an email link, and the API Keys tag.
WAYS_IN = ["joinWaitlist", "verify", "getApiKeys", "createApiKey", "updateApiKey", "revokeApiKey"]

# Operations whose success is a redirect rather than a 2xx.
REDIRECTING = {"acceptTicket", "verify"}


def pytest_terminal_summary(terminalreporter):
    if not COVERAGE.seen:
        return
    implemented = IMPLEMENTED + ORGANIZATIONS + ORGANIZATION_ADMIN + BILLING + PASSKEYS + WAYS_IN
    # acceptTicket and verify succeed with a 303 (verify also with a 200 page); every other operation with a 2xx.
    answered = [op for op in implemented if any(200 <= s < 300 or (op in REDIRECTING and s == 303)
                                                for s in COVERAGE.seen.get(op, ()))]
    missing = [op for op in implemented if op not in answered]
    terminalreporter.section("Implemented FAPI operations answered with success")
    terminalreporter.write_line(f"{len(answered)}/{len(implemented)} operations")
    for operation_id in missing:
        statuses = sorted(COVERAGE.seen.get(operation_id, ()))
        terminalreporter.write_line(f"  never succeeded: {operation_id} (statuses seen: {statuses or 'none'})")
    if COVERAGE.undeclared:
        terminalreporter.section("Statuses the spec does not declare for their operation (Tests/Contract/README.md)")
        for operation_id, status, code in sorted(COVERAGE.undeclared):
            terminalreporter.write_line(f"  {status} {operation_id} ({code})")

