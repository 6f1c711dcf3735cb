"""The development gateway on Config/examples/billing.toml: its card endpoint and errors, Stripe's test cards when a
card is saved and when a checkout is confirmed, Clerk's `use_test_card`, single-use tokens, a confirm already running
(409), and card numbers that never reach the database or the log. The gateway answers after 800 ms here, so that a
second confirm can arrive while the first runs."""
import threading
import time

from billing import (CHARGES_FAIL, DECLINED, INSUFFICIENT_FUNDS, VISA, add_card, card_reply, card_token, checkout,
                     confirm, item_states, money)
from flows import sign_up
from settings import example

SETTINGS = example("billing.toml", billing={"gateway_latency_ms": 800})
SERVER_ENVIRONMENT = {"LOG_LEVEL": "trace"}


def test_the_card_endpoint_checks_cards_like_stripe(native):
    client = native()
    for fields, code, param in (
            ({"number": "4242424242424241"}, "invalid_number", "number"),
            ({"number": "4242 4242"}, "invalid_number", "number"),
            ({"number": "4242424242424242x"}, "invalid_number", "number"),
            ({"exp_month": "13"}, "invalid_expiry_month", "exp_month"),
            ({"exp_month": "1", "exp_year": "2020"}, "expired_card", "exp_year"),
            ({"exp_year": "1999"}, "expired_card", "exp_year"),
            ({"cvc": "12"}, "invalid_cvc", "cvc"),
            ({"number": "378282246310005", "cvc": "123"}, "invalid_cvc", "cvc"),
            ({"number": ""}, "form_param_missing", "number")):
        reply = card_reply(client, **{"number": VISA, **fields})
        error = reply.expect_error(code, 422)
        assert error["meta"]["param_name"] == param and reply.body["clerk_trace_id"], reply.describe()
    tokens = {card_token(client, VISA), card_token(client, "4242-4242-4242-4242", exp_year="34")}
    assert len(tokens) == 2 and all(t.startswith("tok_dev_") for t in tokens)


def test_test_cards_when_saved(native):
    client = native()
    sign_up(client)
    visa = add_card(client, VISA)
    assert visa["last4"] == "4242" and visa["card_type"] == "visa"
    for number, code in ((DECLINED, "card_declined"), (INSUFFICIENT_FUNDS, "insufficient_funds")):
        token = card_token(client, number)
        reply = client.post("/v1/me/billing/payment_methods", {"gateway": "development", "payment_token": token})
        error = reply.expect_error(code, 422)
        assert error["meta"]["param_name"] == "payment_token"
        again = client.post("/v1/me/billing/payment_methods", {"gateway": "development", "payment_token": token})
        again.expect_error("form_param_value_invalid", 422)  # the declined attempt spent the token
    assert add_card(client, CHARGES_FAIL)["last4"] == "0341", "saved fine; its charges fail"
    listed = client.get("/v1/me/billing/payment_methods").expect(200).response
    assert [m["last4"] for m in listed["data"]] == ["4242", "0341"]
    for fields in ({"gateway": "development", "payment_token": "tok_dev_unknown"},
                   {"gateway": "stripe", "payment_token": "tok_unknown"}):
        client.post("/v1/me/billing/payment_methods", fields).expect_error("form_param_value_invalid", 422)
    client.post("/v1/me/billing/payment_methods", {"gateway": "paypal", "payment_token": "x"}).expect_error(
        "form_param_value_invalid", 422)
    client.post("/v1/me/billing/payment_methods", {"payment_token": "x"}).expect_error("form_param_missing", 422)
    stripe = client.post("/v1/me/billing/payment_methods", {"gateway": "stripe", "payment_token": "pm_card_mastercard"})
    assert stripe.expect(200).response["card_type"] == "mastercard"


def test_a_declined_confirm_charges_nothing_and_can_be_retried(native):
    client = native()
    sign_up(client)
    created = checkout(client, "plus").expect(200).response
    for number, code in ((DECLINED, "card_declined"), (INSUFFICIENT_FUNDS, "insufficient_funds")):
        reply = confirm(client, created["id"], gateway="development", payment_token=card_token(client, number))
        assert reply.expect_error(code, 422)["meta"]["decline_code"] in ("generic_decline", "insufficient_funds")
    failing = add_card(client, CHARGES_FAIL)
    confirm(client, created["id"], payment_method_id=failing["id"]).expect_error("card_declined", 422)
    assert client.get("/v1/me/billing/payment_attempts").expect(200).response["total_count"] == 0
    assert item_states(client) == ["free_user:active"]
    assert client.get(f"/v1/me/billing/checkouts/{created['id']}").expect(200).response["status"] == "needs_confirmation"
    done = confirm(client, created["id"], gateway="development", payment_token=card_token(client, VISA)).expect(200).response
    assert done["status"] == "completed" and done["payment_method"]["last4"] == "4242"
    assert money(done["totals"]["total_due_now"]) == 5000
    (attempt,) = client.get("/v1/me/billing/payment_attempts").expect(200).response["data"]
    assert attempt["status"] == "paid" and attempt["payment_method"]["last4"] == "4242"


def test_use_test_card_with_stripe_succeeds(native):
    client = native()
    sign_up(client)
    created = checkout(client, "plus", "annual").expect(200).response
    done = confirm(client, created["id"], gateway="stripe", use_test_card="true").expect(200).response
    assert done["status"] == "completed" and done["payment_method"]["card_type"] == "visa"


def test_a_confirm_already_running_answers_409(native):
    client = native()
    sign_up(client)
    add_card(client)
    created = checkout(client, "plus").expect(200).response
    results = {}

    def first():
        results["first"] = confirm(client, created["id"])

    runner = threading.Thread(target=first)
    runner.start()
    time.sleep(0.3)
    second = confirm(client, created["id"])
    runner.join()
    second.expect_error("checkout_already_in_progress", 409)
    assert results["first"].expect(200).response["status"] == "completed"
    assert client.get("/v1/me/billing/payment_attempts").expect(200).response["total_count"] == 1


def test_card_numbers_never_reach_the_database_or_the_log(server, native):
    client = native()
    sign_up(client)
    add_card(client, VISA)
    client.post("/v1/me/billing/payment_methods", {"gateway": "development", "payment_token": card_token(client, DECLINED)})
    card_reply(client, "4242424242424241", cvc="987")
    created = checkout(client, "plus").expect(200).response
    confirm(client, created["id"], gateway="development", payment_token=card_token(client, INSUFFICIENT_FUNDS))
    confirm(client, created["id"]).expect(200)
    server.restart()  # the WAL is checkpointed into fapi.sqlite on a clean stop
    stored = b"".join(path.read_bytes() for path in server.data_dir.iterdir() if path.is_file())
    log = server.log_text()
    assert "checkout completed" in log, "the server logged at trace level"
    for number in (VISA, DECLINED, INSUFFICIENT_FUNDS, "4242424242424241"):
        assert number.encode() not in stored, f"{number} is in the data directory"
        assert number not in log, f"{number} is in the log"
    assert "cvc" not in log.lower(), "no field of the card form is logged"
