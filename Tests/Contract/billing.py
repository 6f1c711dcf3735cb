"""Billing request sequences shared by the billing tests, on the ready instance Config/examples/billing.toml: cards
through the development gateway, saving them, checkouts and their confirmation, plans by slug."""
from __future__ import annotations

from fapi import Reply

VISA = "4242424242424242"
MASTERCARD = "5555555555554444"
DECLINED = "4000000000000002"
INSUFFICIENT_FUNDS = "4000000000009995"
# Saved without trouble; every charge to it is declined.
CHARGES_FAIL = "4000000000000341"
TOKENS_PATH = "/v1/dev_gateway/payment_tokens"


def card_reply(client, number: str = VISA, exp_month: str = "12", exp_year: str = "2034", cvc: str = "123") -> Reply:
    """The development gateway's answer to a card (not a spec operation: checked for Clerk's error shape only)."""
    return client.post(TOKENS_PATH, {"number": number, "exp_month": exp_month, "exp_year": exp_year, "cvc": cvc},
                       validate=False)


def card_token(client, number: str = VISA, **fields) -> str:
    reply = card_reply(client, number, **fields)
    assert reply.status == 200 and set(reply.body) == {"payment_token"}, reply.describe()
    token = reply.body["payment_token"]
    assert token.startswith("tok_dev_"), reply.describe()
    return token


def add_card(client, number: str = VISA, base: str = "/v1/me/billing") -> dict:
    """Saves a card through the development gateway; returns the payment method."""
    reply = client.post(f"{base}/payment_methods", {"gateway": "development", "payment_token": card_token(client, number)})
    return reply.expect(200).response


def plan(client, slug: str) -> dict:
    return client.get(f"/v1/billing/plans/{slug}").expect(200).body


def checkout(client, slug: str, period: str = "month", base: str = "/v1/me/billing", **fields) -> Reply:
    return client.post(f"{base}/checkouts", {"plan_id": plan(client, slug)["id"], "plan_period": period, **fields})


def confirm(client, checkout_id: str, base: str = "/v1/me/billing", **fields) -> Reply:
    return client.patch(f"{base}/checkouts/{checkout_id}/confirm", fields or None)


def subscribe(client, slug: str, period: str = "month", base: str = "/v1/me/billing", **fields) -> dict:
    """Checkout and confirm (with `fields`, else the default card); returns the completed checkout."""
    created = checkout(client, slug, period, base).expect(200).response
    done = confirm(client, created["id"], base, **fields).expect(200).response
    assert done["status"] == "completed", done
    return done


def item_states(client, base: str = "/v1/me/billing") -> list[str]:
    """`plan:status` of each item of the subscription."""
    items = client.get(f"{base}/subscription").expect(200).response["subscription_items"]
    return [f"{item['plan']['slug']}:{item['status']}" for item in items]


def money(value: dict | None) -> int | None:
    return None if value is None else value["amount"]
