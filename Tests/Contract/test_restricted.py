"""Sign-up mode `restricted` (Config/examples/restricted.toml): a public sign-up is refused with Clerk's
`sign_up_mode_restricted`; an application invitation (`clerk-tui admin invitations create`) signs its invitee up by
ticket, works once, and stops working when revoked; `acceptTicket` sends its link's browser to the landing page."""
from urllib.parse import urlsplit

from flows import PASSWORD, sign_in_password, unique_email
from settings import example
from ways import outbox_link, ticket_of

SETTINGS = example("restricted.toml")


def test_environment_reports_restricted(native):
    env = native().get("/v1/environment").expect(200).body
    assert env["user_settings"]["sign_up"]["mode"] == "restricted"


def test_public_sign_up_is_refused(native):
    reply = native().post("/v1/client/sign_ups", {"email_address": unique_email("restricted"), "password": PASSWORD})
    reply.expect_error("sign_up_mode_restricted", 403)
    assert "invited" in reply.errors[0]["long_message"]


def test_the_waitlist_is_not_open(native):
    native().post("/v1/waitlist", {"email_address": unique_email("wl")}).expect_error("feature_not_enabled", 403)


def test_an_invitation_signs_up_once(server, native):
    email = unique_email("invited", test_identity=False)
    server.admin("invitations", "create", email)
    listed = [i for i in server.admin_json("invitations", "list") if i["email_address"] == email]
    assert [i["status"] for i in listed] == ["pending"] and listed[0]["id"].startswith("inv_")
    link = outbox_link(server, email, "invitation")
    accepted = native().get("/v1/tickets/accept", params={"ticket": ticket_of(link)}).expect(303)
    assert urlsplit(accepted.headers["Location"]).path == "/v1/dev_invitation"
    client = native()
    done = client.post("/v1/client/sign_ups", {"strategy": "ticket", "ticket": ticket_of(link), "password": PASSWORD})
    assert done.expect(200).response["status"] == "complete" and done.response["email_address"] == email
    assert [i["status"] for i in server.admin_json("invitations", "list") if i["email_address"] == email] == ["accepted"]
    native().post("/v1/client/sign_ups", {"strategy": "ticket", "ticket": ticket_of(link), "password": PASSWORD}) \
        .expect_error("invitation_already_accepted", 400)
    sign_in_password(native(), email, PASSWORD).expect(200)


def test_a_revoked_invitation_stops_working(server, native):
    email = unique_email("revoked", test_identity=False)
    server.admin("invitations", "create", email)
    link = outbox_link(server, email, "invitation")
    server.admin("invitations", "revoke", email)
    native().post("/v1/client/sign_ups", {"strategy": "ticket", "ticket": ticket_of(link), "password": PASSWORD}) \
        .expect_error("invitation_revoked", 400)
    native().get("/v1/tickets/accept", params={"ticket": ticket_of(link)}).expect_error("invitation_revoked", 400)


def test_an_altered_ticket_is_invalid(server, native):
    email = unique_email("altered", test_identity=False)
    server.admin("invitations", "create", email)
    ticket = ticket_of(outbox_link(server, email, "invitation"))
    forged = ticket[:-4] + ("AAAA" if not ticket.endswith("AAAA") else "BBBB")
    native().post("/v1/client/sign_ups", {"strategy": "ticket", "ticket": forged}).expect_error("ticket_invalid_code", 400)


def test_the_invited_address_is_taken_once_it_signs_up(server, native):
    email = unique_email("twice", test_identity=False)
    server.admin("invitations", "create", email)
    first = ticket_of(outbox_link(server, email, "invitation"))
    native().post("/v1/client/sign_ups", {"strategy": "ticket", "ticket": first, "password": PASSWORD}).expect(200)
    # A second invitation to an address with an account is refused by the operator's command itself.
    command_failed = False
    try:
        server.admin("invitations", "create", email)
    except AssertionError as failure:
        command_failed = "taken" in str(failure)
    assert command_failed
