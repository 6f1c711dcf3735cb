"""Clerk Billing end to end on `Config/examples/billing.toml`: a new user opens the pricing table from the home,
subscribes to the monthly Plus plan; the declined test card shows Clerk's error and charges nothing, the 4242 card
pays; the table shows "Renews …" and the session token names the plan. UserProfile's Billing page shows the statement
and the payment, and cancelling shows when the plan ends; a card without funds is refused, another saved, made the
default, the first removed. The card numbers typed never reach the pane, its
scrollback, the portal's or the server's log (both at trace level), or the server's database. An organization's admin
pays for the Team plan with Clerk's test card (the path of a Clerk development instance) and finds it on the
organization's Billing page. A trial of Pro starts with a card, charges nothing today and shows when it ends.
"""

import re
from pathlib import Path

from organization_steps import EXAMPLES, create_organization, sign_up, token
from portal_harness import HOME
from portal_steps import choose, email, open_menu

GOOD_CARD = "4242424242424242"
DECLINED_CARD = "4000000000000002"
NO_FUNDS_CARD = "4000000000009995"
MASTERCARD = "5555555555554444"
DATE = r"\w{3} \d{1,2}, \d{4}"
LONG_DATE = r"\w+ \d{1,2}, \d{4}"


def card_numbers() -> list[str]:
    """Every way a typed card number could be written down: as typed, and in Stripe's groups of four."""
    typed = [GOOD_CARD, DECLINED_CARD, NO_FUNDS_CARD, MASTERCARD]
    return typed + [" ".join(number[i:i + 4] for i in range(0, 16, 4)) for number in typed]


def type_card(pane, number: str) -> None:
    """Fills the checkout's card (the number field has the cursor) and pays."""
    pane.type(number)
    pane.keys("Tab")
    pane.type("12/34")
    pane.keys("Tab")
    pane.type("123")
    pane.keys("Enter")


def subscribe_to_plus_monthly(pane) -> None:
    """From the home: "Plans", billed monthly, Plus, "Subscribe", a declined card, then the 4242 card."""
    choose(pane, "Plans")
    pane.wait_for(r"\[x\] Billed annually[\s\S]*Plus\s+\$40\.00 / Month")
    pane.keys("Enter")  # the period toggle has the focus first
    pane.wait_for(r"\[ \] Billed annually[\s\S]*Plus\s+\$50\.00 / Month")
    choose(pane, "Plus")
    pane.wait_for(r"Priority support[\s\S]*\[ Subscribe \]")
    pane.keys("Tab", "Enter")  # past the period toggle
    pane.wait_for(r"Total due today\s+\$50\.00[\s\S]*Card number[\s\S]*\[ Pay \$50\.00 \]")

    type_card(pane, DECLINED_CARD)
    pane.wait_for(r"Your card was declined\.")
    pane.keys("BTab", "BTab", "C-u")  # back to the number, emptied; the expiry and the code stay
    pane.wait_for(r"Card number\s+›\s*\n")
    pane.type(GOOD_CARD)
    pane.keys("Enter")
    pane.wait_for(r"Payment was successful![\s\S]*Total paid\s+\$50\.00[\s\S]*Visa ⋯ 4242")
    pane.keys("Enter")  # Continue: back to the table
    pane.wait_for(r"Plus\s+\$50\.00 / Month · Active · Renews " + DATE)


def open_billing_page(pane) -> str:
    """From the home: "Manage account", then its Billing page once every list has answered."""
    open_menu(pane)
    choose(pane, "Manage account")
    choose(pane, "Billing ›")
    return pane.wait_for(r"Subscription[\s\S]*Statements\s+\w+ \d{4}\s+\$50\.00[\s\S]*Payments\s+" + LONG_DATE)


def manage_cards(pane) -> None:
    """On the Billing page: a card without funds is refused, a Mastercard is saved and made the default, the Visa
    removed."""
    choose(pane, "+ Add new payment method")
    pane.wait_for(r"Add a new payment method to your account\.[\s\S]*Card number\s+›")
    type_card(pane, NO_FUNDS_CARD)
    pane.wait_for(r"Your card has insufficient funds\.")
    pane.keys("BTab", "BTab", "C-u")
    pane.wait_for(r"Card number\s+›\s*\n")
    pane.type(MASTERCARD)
    pane.keys("Enter")
    pane.wait_for(r"Visa ⋯ 4242\s+Default\s+Mastercard ⋯ 4444\s")
    choose(pane, "Mastercard ⋯ 4444")
    choose(pane, "Make default")
    pane.wait_for(r"Mastercard ⋯ 4444\s+Default\s+Visa ⋯ 4242\s")
    choose(pane, "Visa ⋯ 4242")
    choose(pane, "Remove")
    pane.wait_for(r"Visa ⋯ 4242 will be removed from this account\.")
    pane.keys("Enter")
    pane.wait_for(r"Visa ⋯ 4242 has been removed from your account\.[\s\S]*"
                  r"Payment methods\s+Mastercard ⋯ 4444\s+Default\s+\+ Add new payment method")


def test_a_user_subscribes_with_the_test_cards_sees_the_charge_and_cancels(world, tmp_path):
    world.env["LOG_LEVEL"] = "trace"  # the portal's log (replayed to the pane when it exits) and the server's
    server_log = tmp_path / "serve.log"
    server = world.serve(config_file=EXAMPLES / "billing.toml", log=server_log)
    address = email("payer", test_identity=True)
    pane = world.portal("--frontend-api", server.url)
    sign_up(pane, address)

    subscribe_to_plus_monthly(pane)
    assert "u:plus" in token(world, server.url)["pla"]

    pane.keys("Escape")
    pane.wait_for(HOME + re.escape(address))
    page = open_billing_page(pane)
    assert re.search(r"Payments\s+" + LONG_DATE + r"\s+\$50\.00 · Paid\s", page), page
    assert "Failed" not in page, "the declined card charged something"  # one payment: the one that went through

    choose(pane, "Plus")
    pane.wait_for(r"Renews at\s+" + LONG_DATE + r"[\s\S]*Next payment amount\s+\$50\.00")
    choose(pane, "Cancel subscription")
    pane.wait_for(r"Cancel Plus Subscription\?[\s\S]*You can keep using 'Plus' features until " + LONG_DATE)
    pane.keys("Enter")
    pane.wait_for(r"Plus\s+\$50\.00 / month · Active · Canceled • Ends " + DATE)
    manage_cards(pane)

    pane.quit()
    server.stop()
    numbers = card_numbers()
    pane.assert_never_shown(*numbers)
    log = server_log.read_text()
    assert "checkout completed" in log, "the server logged nothing: the grep below would prove nothing"
    stored = [path for directory in (server.data_dir, Path(world.env["XDG_STATE_HOME"]))
              for path in directory.rglob("*") if path.is_file()]
    for number in numbers:
        assert number not in log, "a card number reached the server's log"
        for path in stored:
            assert number.encode() not in path.read_bytes(), f"a card number reached {path}"


def test_an_organization_pays_with_clerks_test_card_and_sees_it_on_its_billing_page(world):
    server = world.serve(config_file=EXAMPLES / "billing.toml")
    address = email("admin", test_identity=True)
    pane = world.portal("--frontend-api", server.url)
    sign_up(pane, address)
    create_organization(pane, "Acme Inc")

    choose(pane, "Plans")  # the active organization's plans
    pane.wait_for(r"Plans\s+Acme Inc[\s\S]*Team\s+\$79\.00 / Month")
    choose(pane, "Team")
    pane.wait_for(r"Up to 5 seats[\s\S]*Invoices[\s\S]*\[ Subscribe \]")
    pane.keys("Tab", "Enter")  # past the period toggle
    pane.wait_for(r"x12 \$79\.00 per month[\s\S]*Total due today\s+\$948\.00[\s\S]*Pay with test card")
    pane.keys("Tab", "Tab", "Tab", "Tab", "Enter")  # past the card's fields and "Pay $948.00"
    pane.wait_for(r"Payment was successful![\s\S]*Total paid\s+\$948\.00")
    pane.keys("Enter")
    pane.wait_for(r"Team\s+\$79\.00 / Month · Active · Renews " + DATE)
    assert "o:team" in token(world, server.url)["pla"]

    pane.keys("Escape")
    choose(pane, "Manage organization")
    choose(pane, "Billing ›")
    pane.wait_for(r"Subscription\s+Team\s+\$948\.00 / year · Renews " + DATE
                  + r"[\s\S]*Payments\s+" + LONG_DATE + r"\s+\$948\.00 · Paid")


def test_a_free_trial_starts_with_a_card_and_shows_when_it_ends(world):
    server = world.serve(config_file=EXAMPLES / "billing.toml")
    pane = world.portal("--frontend-api", server.url)
    sign_up(pane, email("trial", test_identity=True))
    choose(pane, "Plans")
    choose(pane, "Pro")  # billed annually, as the table starts
    pane.wait_for(r"\$16\.00 / Month[\s\S]*\[ Start 14-day free trial \]")
    pane.keys("Tab", "Enter")
    pane.wait_for(r"Pro\s+x12 \$16\.00 per month · Free trial[\s\S]*Total Due after trial ends in 14 days\s+\$192\.00"
                  r"[\s\S]*Total due today\s+\$0\.00[\s\S]*\[ Start free trial \]")
    type_card(pane, GOOD_CARD)
    pane.wait_for(r"Trial successfully started![\s\S]*Trial ends on\s+" + LONG_DATE + r"[\s\S]*Visa ⋯ 4242")
    pane.keys("Enter")
    pane.wait_for(r"Pro\s+\$16\.00 / Month · Free trial · Trial ends " + DATE)
    assert "u:pro" in token(world, server.url)["pla"]
