"""Billing for users on the ready instance Config/examples/billing.toml: the environment, the plans, the subscription,
payment methods, checkouts, statements, payment attempts, cancellation and the session token's `pla`/`fea` claims.
Every answer is validated against the spec (fapi.py)."""
from billing import (MASTERCARD, VISA, add_card, checkout, confirm, item_states, money, plan, subscribe)
from flows import sign_up
from orgs import token_claims
from settings import example

SETTINGS = example("billing.toml")


def test_environment_reflects_the_billing_settings(native):
    billing = native().get("/v1/environment").expect(200).body["commerce_settings"]["billing"]
    assert billing == {"stripe_publishable_key": None, "free_trial_requires_payment_method": True,
                       "user": {"enabled": True, "has_paid_plans": True},
                       "organization": {"enabled": True, "has_paid_plans": True}}


def test_plans_are_listed_bare_by_payer_type(native):
    client = native()
    users = client.get("/v1/billing/plans", params={"payer_type": "user"}).expect(200).body
    assert users["total_count"] == 3 and [p["slug"] for p in users["data"]] == ["free_user", "pro", "plus"]
    free, pro, plus = users["data"]
    assert free["is_default"] and free["fee"]["amount"] == 0 and free["annual_fee"] is None and not free["is_recurring"]
    assert pro["fee"] == {"amount": 2000, "amount_formatted": "20.00", "currency": "USD", "currency_symbol": "$"}
    assert pro["annual_monthly_fee"]["amount_formatted"] == "16.00" and pro["annual_fee"]["amount"] == 19200
    assert pro["free_trial_enabled"] is True and pro["free_trial_days"] == 14 and pro["id"].startswith("cplan_")
    assert plus["free_trial_enabled"] is False and plus["free_trial_days"] is None
    assert [f["slug"] for f in plus["features"]] == ["dashboard", "reports", "priority_support"]
    orgs = client.get("/v1/billing/plans", params={"payer_type": "org"}).expect(200).body
    team = next(p for p in orgs["data"] if p["slug"] == "team")
    assert team["for_payer_type"] == "org" and team["unit_prices"][0]["tiers"][0]["ends_after_block"] == 5
    page = client.get("/v1/billing/plans", params={"payer_type": "user", "limit": "1", "offset": "1"}).expect(200).body
    assert page["total_count"] == 3 and [p["slug"] for p in page["data"]] == ["pro"]
    assert client.get("/v1/billing/plans").expect(200).body["total_count"] == 5
    client.get("/v1/billing/plans", params={"payer_type": "team"}).expect_error("form_param_format_invalid", 422)


def test_a_plan_by_id_or_slug(native):
    client = native()
    by_slug = plan(client, "pro")
    assert client.get(f"/v1/billing/plans/{by_slug['id']}").expect(200).body == by_slug
    client.get("/v1/billing/plans/enterprise").expect_error("resource_not_found", 404)


def test_a_new_user_is_on_the_free_default_plan(native):
    client = native()
    user = sign_up(client)
    subscription = client.get("/v1/me/billing/subscription").expect(200).response
    assert subscription["status"] == "active" and subscription["eligible_for_free_trial"] is True
    assert subscription["next_payment"] is None and subscription["id"].startswith("csub_")
    (item,) = subscription["subscription_items"]
    assert item["plan"]["slug"] == "free_user" and item["status"] == "active" and item["period_end"] is None
    assert item["payer_id"] == subscription["payer_id"]
    items = client.get("/v1/me/billing/subscription_items").expect(200).response
    assert items["total_count"] == 1 and items["data"][0]["id"] == item["id"]
    claims = token_claims(client, user["session_id"])
    assert claims["pla"] == "u:free_user" and claims["fea"] == "u:dashboard"


def test_payment_methods_add_list_default_and_remove(native):
    client = native()
    sign_up(client)
    initialized = client.post("/v1/me/billing/payment_methods/initialize").expect(200).response
    assert initialized["external_gateway_id"] == "development" and initialized["payment_method_order"] == ["card"]
    first = add_card(client, VISA)
    assert first["last4"] == "4242" and first["card_type"] == "visa" and first["is_default"] is True
    assert first["gateway"] == "development" and first["expiry_month"] == 12 and first["expiry_year"] == 2034
    second = add_card(client, MASTERCARD)
    assert second["card_type"] == "mastercard" and second["is_default"] is False
    listed = client.get("/v1/me/billing/payment_methods").expect(200).response
    assert [m["id"] for m in listed["data"]] == [first["id"], second["id"]] and listed["total_count"] == 2
    made = client.put("/v1/me/billing/payers/default_payment_method", {"payment_method_id": second["id"]}).expect(200)
    assert made.response["is_default"] is True
    assert client.get("/v1/me/billing/payment_methods").expect(200).response["data"][0]["id"] == second["id"], "default first"
    removed = client.delete(f"/v1/me/billing/payment_methods/{first['id']}").expect(200).response
    assert removed["id"] == first["id"] and removed["status"] == "disconnected"
    assert client.get("/v1/me/billing/payment_methods").expect(200).response["total_count"] == 1
    client.delete(f"/v1/me/billing/payment_methods/{first['id']}").expect_error("resource_not_found", 404)
    client.put("/v1/me/billing/payers/default_payment_method",
               {"payment_method_id": "cpm_unknown"}).expect_error("resource_not_found", 404)
    client.put("/v1/me/billing/payers/default_payment_method").expect_error("form_param_missing", 422)


def test_the_default_card_of_a_paid_plan_cannot_be_removed(native):
    client = native()
    sign_up(client)
    card = add_card(client)
    subscribe(client, "plus")
    assert client.get("/v1/me/billing/payment_methods").expect(200).response["data"][0]["is_removable"] is False
    client.delete(f"/v1/me/billing/payment_methods/{card['id']}").expect_error("payment_method_not_removable", 422)


def test_a_checkout_with_a_free_trial(native):
    client = native()
    user = sign_up(client)
    created = checkout(client, "pro").expect(200).response
    assert created["status"] == "needs_confirmation" and created["id"].startswith("cchk_")
    assert created["needs_payment_method"] is True and created["is_immediate_plan_change"] is True
    totals = created["totals"]
    assert money(totals["total_due_now"]) == 0 and money(totals["total_due_after_free_trial"]) == 2000
    assert money(totals["total_due_per_period"]) == 2000 and created["free_trial_ends_at"] > created["plan_period_start"]
    assert client.get(f"/v1/me/billing/checkouts/{created['id']}").expect(200).response["id"] == created["id"]
    confirm(client, created["id"]).expect_error("form_param_missing", 422)
    done = confirm(client, created["id"], gateway="stripe", use_test_card="true").expect(200).response
    assert done["status"] == "completed" and done["subscription_item"]["is_free_trial"] is True
    assert done["payment_method"]["last4"] == "4242" and done["payment_method"]["gateway"] == "stripe"
    assert item_states(client) == ["pro:active"]
    subscription = client.get("/v1/me/billing/subscription").expect(200).response
    assert subscription["eligible_for_free_trial"] is False
    assert subscription["next_payment"]["amount"]["amount"] == 2000
    assert subscription["next_payment"]["date"] == done["free_trial_ends_at"]
    claims = token_claims(client, user["session_id"])
    assert claims["pla"] == "u:pro" and claims["fea"] == "u:dashboard,u:reports"
    assert client.get("/v1/me/billing/payment_attempts").expect(200).response["total_count"] == 0, "a trial charges nothing"


def test_subscribing_charges_now_with_a_statement_and_a_payment_attempt(native):
    client = native()
    user = sign_up(client)
    card = add_card(client)
    done = subscribe(client, "plus", "annual")
    assert money(done["totals"]["total_due_now"]) == 48000 and done["plan_period"] == "annual"
    attempts = client.get("/v1/me/billing/payment_attempts").expect(200).response
    (attempt,) = attempts["data"]
    assert attempt["status"] == "paid" and attempt["charge_type"] == "checkout" and money(attempt["amount"]) == 48000
    assert attempt["payment_method_id"] == card["id"] and attempt["subscription_item"]["plan"]["slug"] == "plus"
    assert attempt["payee"]["gateway_type"] == "development" and attempt["gateway_external_id"].startswith("ch_dev_")
    assert client.get(f"/v1/me/billing/payment_attempts/{attempt['id']}").expect(200).response["id"] == attempt["id"]
    statements = client.get("/v1/me/billing/statements").expect(200).response
    (statement,) = statements["data"]
    assert statement["status"] == "open" and money(statement["totals"]["grand_total"]) == 48000
    assert statement["groups"][0]["items"][0]["id"] == attempt["id"] and attempt["statement_id"] == statement["id"]
    assert client.get(f"/v1/me/billing/statements/{statement['id']}").expect(200).response == statement
    item = client.get("/v1/me/billing/subscription").expect(200).response["subscription_items"][0]
    assert money(item["lifetime_paid"]) == 48000 and item["next_payment"]["amount"]["amount"] == 48000
    assert token_claims(client, user["session_id"])["pla"] == "u:plus"
    client.get("/v1/me/billing/statements/cstmt_unknown").expect_error("resource_not_found", 404)
    client.get("/v1/me/billing/payment_attempts/cpay_unknown").expect_error("resource_not_found", 404)


def test_plan_changes(native):
    client = native()
    sign_up(client)
    add_card(client)
    subscribe(client, "plus")
    checkout(client, "plus").expect_error("invalid_plan_change", 400)
    upgrade = checkout(client, "plus", "annual").expect(200).response
    assert upgrade["is_immediate_plan_change"] is True and money(upgrade["totals"]["credit"]) > 0
    down = checkout(client, "pro").expect(200).response
    assert down["is_immediate_plan_change"] is False and money(down["totals"]["total_due_now"]) == 0
    confirm(client, down["id"]).expect(200)
    assert item_states(client) == ["plus:canceled", "pro:upcoming"]
    confirm(client, upgrade["id"]).expect(200)
    assert item_states(client) == ["plus:active"], "the upgrade replaces the scheduled downgrade"
    checkout(client, "team").expect_error("resource_not_found", 404)
    client.post("/v1/me/billing/checkouts", {"plan_period": "month"}).expect_error("form_param_missing", 422)
    client.post("/v1/me/billing/checkouts",
                {"plan_id": plan(client, "pro")["id"], "plan_period": "weekly"}).expect_error("form_param_format_invalid", 422)
    client.get("/v1/me/billing/checkouts/cchk_unknown").expect_error("resource_not_found", 404)


def test_cancelling_and_resubscribing(native):
    client = native()
    sign_up(client)
    add_card(client)
    item = subscribe(client, "plus")["subscription_item"]
    canceled = client.delete(f"/v1/me/billing/subscription_items/{item['id']}").expect(200).response
    assert canceled["status"] == "canceled" and canceled["canceled_at"] and canceled["period_end"] == item["period_end"]
    assert item_states(client) == ["plus:canceled", "free_user:upcoming"]
    client.delete(f"/v1/me/billing/subscription_items/{item['id']}").expect_error("subscription_item_not_cancelable", 400)
    resubscribed = subscribe(client, "plus")
    assert money(resubscribed["totals"]["total_due_now"]) == 0
    assert item_states(client) == ["plus:active"]
    free = client.get("/v1/me/billing/subscription_items").expect(200).response["data"]
    assert len(free) == 1
    client.delete("/v1/me/billing/subscription_items/csubi_unknown").expect_error("resource_not_found", 404)


def test_the_free_plan_cannot_be_cancelled(native):
    client = native()
    sign_up(client)
    (item,) = client.get("/v1/me/billing/subscription").expect(200).response["subscription_items"]
    client.delete(f"/v1/me/billing/subscription_items/{item['id']}").expect_error("subscription_item_not_cancelable", 400)


def test_the_session_token_changes_after_a_checkout(native):
    client = native()
    user = sign_up(client)
    before = token_claims(client, user["session_id"])
    add_card(client)
    subscribe(client, "plus")
    after = token_claims(client, user["session_id"])
    assert (before["pla"], after["pla"]) == ("u:free_user", "u:plus")
    assert after["fea"] == "u:dashboard,u:reports,u:priority_support"
    session = next(s for s in client.get("/v1/client").expect(200).response["sessions"] if s["id"] == user["session_id"])
    import jwt
    assert jwt.decode(session["last_active_token"]["jwt"], options={"verify_signature": False})["pla"] == "u:plus"


def test_billing_needs_a_signed_in_user(native, browser):
    anonymous = native()
    anonymous.get("/v1/me/billing/subscription").expect(401)
    page = browser()
    page.get("/v1/billing/plans", params={"payer_type": "user"}).expect(200)


def test_a_browser_client_pays_like_clerk_js(browser):
    client = browser()
    client.post("/v1/client").expect(200)
    sign_up(client)
    created = checkout(client, "plus").expect(200).response
    done = confirm(client, created["id"], gateway="stripe", use_test_card="true").expect(200).response
    assert done["status"] == "completed" and money(done["totals"]["total_due_now"]) == 5000
