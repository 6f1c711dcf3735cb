"""Sign-up mode `waitlist` (Config/examples/waitlist.toml): a plain sign-up is refused with Clerk's code, people join
the waitlist (`joinWaitlist`), the operator invites them (`clerk-tui admin waitlist invite`), and the invitation's
link signs them up with the address already verified."""
from flows import PASSWORD, unique_email
from settings import example
from ways import outbox_link, ticket_of

SETTINGS = example("waitlist.toml")


def test_environment_reports_waitlist(native):
    assert native().get("/v1/environment").expect(200).body["user_settings"]["sign_up"]["mode"] == "waitlist"


def test_a_plain_sign_up_is_refused_with_the_waitlist_code(native):
    reply = native().post("/v1/client/sign_ups", {"email_address": unique_email("plain"), "password": PASSWORD})
    reply.expect_error("sign_up_restricted_waitlist", 403)


def test_joining_twice_answers_the_same_entry(native, browser):
    email = unique_email("join")
    first = native().post("/v1/waitlist", {"email_address": email}).expect(200).body
    assert first["object"] == "waitlist_entry" and first["id"].startswith("wle_")
    again = browser().post("/v1/waitlist", {"email_address": email.upper()}).expect(200).body
    assert again["id"] == first["id"]


def test_a_bad_address_is_refused(native):
    native().post("/v1/waitlist", {"email_address": "not an address"}).expect_error("form_param_format_invalid", 422)
    native().post("/v1/waitlist", {}).expect_error("form_param_missing", 422)


def test_the_operator_invites_and_the_link_signs_up(server, native):
    email = unique_email("waiting", test_identity=False)
    native().post("/v1/waitlist", {"email_address": email}).expect(200)
    assert [e["status"] for e in server.admin_json("waitlist", "list") if e["email_address"] == email] == ["pending"]
    server.admin("waitlist", "invite", email)
    link = outbox_link(server, email, "invitation")
    assert "__clerk_status=sign_up" in link
    client = native()
    created = client.post("/v1/client/sign_ups", {"strategy": "ticket", "ticket": ticket_of(link)}).expect(200).response
    assert created["email_address"] == email and created["verifications"]["email_address"]["status"] == "verified"
    assert created["status"] == "missing_requirements" and created["missing_fields"] == ["password"]
    done = client.patch(f"/v1/client/sign_ups/{created['id']}",
                        {"strategy": "ticket", "ticket": ticket_of(link), "password": PASSWORD}).expect(200)
    assert done.response["status"] == "complete", done.describe()
    entry = next(e for e in server.admin_json("waitlist", "list") if e["email_address"] == email)
    assert entry["status"] == "completed" and entry["invitation"]["status"] == "accepted"
    again = native().post("/v1/client/sign_ups", {"strategy": "ticket", "ticket": ticket_of(link), "password": PASSWORD})
    again.expect_error("invitation_already_accepted", 400)


def test_someone_with_an_account_cannot_join(server, native):
    email = unique_email("member", test_identity=False)
    server.admin("invitations", "create", email)
    ticket = ticket_of(outbox_link(server, email, "invitation"))
    native().post("/v1/client/sign_ups", {"strategy": "ticket", "ticket": ticket, "password": PASSWORD}).expect(200)
    native().post("/v1/waitlist", {"email_address": email}).expect_error("form_identifier_exists", 422)
