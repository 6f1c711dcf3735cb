"""Billing off (the default) on an instance with organizations: the environment says so, and the billing routes of
users and organizations answer 403 `feature_not_enabled`, as Clerk's Frontend API does."""
import uuid

from flows import sign_up
from orgs import create_org
from settings import example

SETTINGS = example("organizations.toml")


def test_billing_is_off_by_default(native):
    client = native()
    billing = client.get("/v1/environment").expect(200).body["commerce_settings"]["billing"]
    assert billing["user"] == {"enabled": False, "has_paid_plans": False}
    assert billing["organization"] == {"enabled": False, "has_paid_plans": False}
    assert client.get("/v1/billing/plans").expect(200).body == {"data": [], "total_count": 0}
    client.get("/v1/billing/plans", params={"payer_type": "user"}).expect_error("feature_not_enabled", 403)
    client.get("/v1/billing/plans/pro").expect_error("resource_not_found", 404)
    user = sign_up(client)
    for path in ("subscription", "payment_methods", "statements", "payment_attempts", "subscription_items"):
        client.get(f"/v1/me/billing/{path}").expect_error("feature_not_enabled", 403)
    client.post("/v1/me/billing/payment_methods/initialize").expect_error("feature_not_enabled", 403)
    org = create_org(client, user["session_id"], f"Off {uuid.uuid4().hex[:8]}")
    for path in ("subscription", "payment_methods", "statements"):
        client.get(f"/v1/organizations/{org['id']}/billing/{path}").expect_error("feature_not_enabled", 403)
    claims_reply = client.post(f"/v1/client/sessions/{user['session_id']}/tokens").expect(200)
    import jwt
    claims = jwt.decode(claims_reply.body["jwt"], options={"verify_signature": False})
    assert "pla" not in claims and "fea" not in claims, "no plans without billing"
