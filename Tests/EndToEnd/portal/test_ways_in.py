"""Every way in, end to end, in tmux against `clerk-tui serve` running the ready instances of Config/examples: the
waitlist and the operator's invitation (`clerk-tui admin`), restricted sign-up and tickets, email links followed by an
HTTP client while the portal waits, the setup-MFA task the server makes, and API keys."""

import json
import re
import subprocess
from pathlib import Path

import pyotp
import requests

from organization_steps import EXAMPLES, claims, serve, sign_up
from portal_harness import BINARY, HOME, SIGN_IN
from portal_api import Api
from portal_steps import PASSWORD, choose, email, open_menu, open_sign_up

WAITLIST = r"Join the waitlist"
JOINED = r"Thanks for joining the waitlist!"
RESTRICTED = r"Access restricted"


def admin(world, example: str, *args: str) -> str:
    """`clerk-tui admin` on the instance a `serve` of `example` runs on (the same data directory)."""
    return world.run("admin", "--data-dir", str(world.local_data), "--config", str(EXAMPLES / example), *args).stdout


def outbox_link(world, recipient: str, purpose: str) -> str:
    links = [m["code"] for m in world.outbox() if m.get("to") == recipient and m.get("purpose") == purpose
             and m.get("code", "").startswith("http")]
    assert links, f"no {purpose} link for {recipient}: {world.outbox()}"
    return links[-1]


def join_waitlist(pane, address: str) -> None:
    """From the sign-in card: "Join waitlist" (its last control), the address, then the thanks."""
    pane.wait_for(SIGN_IN)
    pane.keys("BTab", "Enter")
    pane.wait_for(WAITLIST + r"[\s\S]*Email address")
    pane.type(address)
    pane.keys("Enter")
    pane.wait_for(JOINED)


def finish_ticket_sign_up(pane, address: str) -> None:
    """A ticket sign-up asks only for what the invitation leaves missing: the password."""
    pane.wait_for(r"Fill in missing fields[\s\S]*Password")
    pane.type(PASSWORD)
    pane.keys("Enter")
    pane.wait_for(HOME + re.escape(address))


def test_waitlist_join_then_the_operator_invites_and_the_link_signs_up(world):
    server = serve(world, "waitlist.toml")
    address = email("wendy")
    pane = world.portal("--frontend-api", server.url)
    join_waitlist(pane, address)
    listed = [json.loads(line) for line in admin(world, "waitlist.toml", "waitlist", "list", "--json").splitlines()]
    assert [entry["email_address"] for entry in listed] == [address], listed
    admin(world, "waitlist.toml", "waitlist", "invite", address)
    link = outbox_link(world, address, "invitation")
    pane.quit()

    invited = world.portal("--frontend-api", server.url, "--ticket", link)
    finish_ticket_sign_up(invited, address)
    invited.quit()
    invited.assert_never_shown(PASSWORD)


def test_restricted_sign_up_is_refused_and_a_pasted_invitation_link_signs_up(world):
    server = serve(world, "restricted.toml")
    address = email("rita")
    pane = world.portal("--frontend-api", server.url)
    open_sign_up_restricted(pane)
    pane.wait_for(r"Sign ups are currently disabled\. If you believe you should have")
    admin(world, "restricted.toml", "invitations", "create", address)
    link = outbox_link(world, address, "invitation")
    pane.paste(link)
    pane.keys("Enter")
    finish_ticket_sign_up(pane, address)
    ticket = re.search(r"__clerk_ticket=([^&]+)", link).group(1)
    pane.quit()
    pane.assert_never_shown(PASSWORD, ticket)


def open_sign_up_restricted(pane) -> None:
    """The sign-in card's "Sign up" leads to "Access restricted", with the invitation link field focused."""
    pane.wait_for(SIGN_IN)
    pane.keys("BTab", "Enter")
    pane.wait_for(RESTRICTED + r"[\s\S]*Invitation link")


def follow(link: str) -> requests.Response:
    """Opens an email link as a mail reader's browser on another device does: no cookies, no client."""
    response = requests.get(link, allow_redirects=False, timeout=30)
    assert response.status_code == 200, response.text[:300]
    return response


def test_email_links_sign_up_and_sign_in_while_the_portal_waits(world):
    server = serve(world, "email-links.toml")
    address = email("lina")
    pane = world.portal("--frontend-api", server.url)
    open_sign_up(pane)
    pane.type(address)
    pane.keys("Tab")
    pane.type(PASSWORD)
    pane.keys("Enter")
    pane.wait_for(r"Use the verification link sent to your email address")
    page = follow(outbox_link(world, address, "sign_up"))
    assert "Return to your terminal to continue" in page.text
    pane.wait_for(HOME + re.escape(address))

    open_menu(pane)
    choose(pane, "Sign out")
    pane.wait_for(SIGN_IN)
    pane.type(address)
    pane.keys("Enter")
    pane.wait_for(r"Enter your password")
    pane.keys("Tab", "Tab", "Tab", "Enter")  # past Continue and "Forgot password?" to "Use another method"
    pane.wait_for(r"Facing issues\?")
    choose(pane, "Email link to " + address)
    pane.wait_for(r"Check your email[\s\S]*Use the verification link sent to your email")
    page = follow(outbox_link(world, address, "sign_in"))
    assert "Successfully signed in" in page.text
    pane.wait_for(HOME + re.escape(address))
    pane.quit()
    pane.assert_never_shown(PASSWORD)


def test_required_mfa_is_a_task_right_after_sign_up_and_the_session_is_pending_until_it_is_done(world):
    server = serve(world, "mfa-required.toml")
    address = email("mona", test_identity=True)
    pane = world.portal("--frontend-api", server.url)
    sign_up_with_optional_phone(pane, address)
    pane.wait_for(r"Set up two-step verification")
    assert claims(world.run("token", "--frontend-api", server.url).stdout).get("sts") == "pending"
    choose(pane, "Authenticator application")
    pane.wait_for(r"Set up a new sign-in method")
    pane.keys("Tab", "Tab", "Enter")  # past Continue to "Can't scan QR code?"
    screen = pane.wait_for(r"otpauth://")
    secret = re.search(r"^\s*([A-Z2-7]{16,})\s*$", screen, re.M).group(1)
    pane.keys("BTab", "BTab")
    pane.type(pyotp.TOTP(secret).now())
    screen = pane.wait_for(r"Authenticator application verification enabled")
    assert re.search(r"^\s*[a-z0-9]{8}\s*$", screen, re.M), screen  # the backup codes, shown once
    assert claims(world.run("token", "--frontend-api", server.url).stdout).get("sts") == "active"
    pane.keys("Tab", "Enter")  # past "Copy all" to Continue
    pane.wait_for(HOME + re.escape(address))
    pane.quit()
    pane.assert_never_shown(PASSWORD, secret)


def test_required_mfa_can_be_set_up_with_sms_codes(world):
    server = serve(world, "mfa-required.toml")
    address = email("sami", test_identity=True)
    pane = world.portal("--frontend-api", server.url)
    sign_up_with_optional_phone(pane, address)
    pane.wait_for(r"Set up two-step verification")
    choose(pane, "SMS code")
    pane.wait_for(r"Add SMS code verification")
    pane.type("+15555550142")  # a test number: its code is 424242
    pane.keys("Enter")
    pane.wait_for(r"Verify your phone number")
    pane.type("424242")
    screen = pane.wait_for(r"SMS code verification enabled")
    assert re.search(r"^\s*[a-z0-9]{8}\s*$", screen, re.M), screen
    assert claims(world.run("token", "--frontend-api", server.url).stdout).get("sts") == "active"
    pane.keys("Tab", "Enter")  # past "Copy all" to Continue
    pane.wait_for(HOME + re.escape(address))
    pane.quit()


def sign_up_with_optional_phone(pane, address: str) -> None:
    """Signs a `+clerk_test` address up where the form also has an optional phone number."""
    open_sign_up(pane)
    pane.type(address)
    pane.keys("Tab", "Tab")  # past the optional phone number
    pane.type(PASSWORD)
    pane.keys("Enter")
    pane.wait_for(r"Verify your email")
    pane.type("424242")


def test_api_keys_create_copy_the_secret_once_list_and_revoke(world):
    server = serve(world, "api-keys.toml")
    address = email("abe", test_identity=True)
    pane = world.portal("--frontend-api", server.url)
    sign_up(pane, address)
    open_menu(pane)
    choose(pane, "Manage account")
    pane.wait_for(r"Manage your account info\.")
    choose(pane, "API keys ›")
    pane.wait_for(r"No API keys found")
    choose(pane, "+ Add new key")
    pane.wait_for(r"Add new API key")
    pane.type("Nightly build")
    pane.keys("Enter")
    screen = pane.wait_for(r'Copy your "Nightly build" API Key now[\s\S]*Copy key')
    secret = re.search(r"view it again later\.\s*\n\s*(\S+)\s*\n", screen).group(1)
    pane.tmux("set-option", "-g", "set-clipboard", "on")  # tmux keeps what an application copies (OSC 52)
    pane.keys("Enter")  # "Copy key" has the focus
    pane.wait_for(r"Copied!")
    assert pane.tmux("show-buffer") == secret
    pane.keys("Tab", "Enter")  # Done
    screen = pane.wait_for(r"Nightly build\s+Created .* • Never expires")
    assert secret not in screen

    choose(pane, "Nightly build")
    pane.wait_for(r'Revoke "Nightly build" secret key\?')
    pane.type("Revoke")
    pane.keys("Enter")
    pane.wait_for(r"No API keys found")
    pane.quit()
    pane.assert_never_shown(PASSWORD)


# --plain: the same flows as numbered choices, answered through a pipe (the choice numbers are the cards' actions).

def plain(world, server, answers: list[str]) -> str:
    result = subprocess.run([str(BINARY), "--plain", "--frontend-api", server.url], input="\n".join(answers) + "\n",
                            capture_output=True, text=True, timeout=60, env=world.env)
    assert result.returncode == 0, result.stderr
    assert "\x1b[" not in result.stdout
    return result.stdout


def test_plain_waitlist_then_a_pasted_invitation_link_signs_up(world):
    server = serve(world, "waitlist.toml")
    address = email("paula")
    # Sign-in card: no address, no password, then "3) Join waitlist"; the address, "1) Join the waitlist".
    out = plain(world, server, ["", "", "3", address, "1"])
    assert "Join the waitlist" in out and "Thanks for joining the waitlist!" in out
    admin(world, "waitlist.toml", "waitlist", "invite", address)
    link = outbox_link(world, address, "invitation")
    # Sign-in card, "3) Join waitlist", then the waitlist form takes the link in its email field.
    out = plain(world, server, ["", "", "3", link, "1", PASSWORD, "1"])
    assert "Fill in missing fields" in out and "Signed in as " + address in out
    assert PASSWORD not in out


def test_plain_restricted_sign_up_takes_the_invitation_link(world):
    server = serve(world, "restricted.toml")
    address = email("petra")
    admin(world, "restricted.toml", "invitations", "create", address)
    link = outbox_link(world, address, "invitation")
    # Sign-in card, "3) Sign up"; "Access restricted" asks for the link, "1) Accept invitation"; the password.
    out = plain(world, server, ["", "", "3", link, "1", PASSWORD, "1"])
    assert "Access restricted" in out and "Sign ups are currently disabled." in out
    assert "Signed in as " + address in out


def test_plain_api_keys_create_list_and_revoke(world):
    server = serve(world, "api-keys.toml")
    address = email("pia", test_identity=True)
    Api(server.url).sign_up(address, PASSWORD)
    out = plain(world, server, [
        address, PASSWORD, "1",        # sign in
        "1", "1", "2",                 # the account menu, Manage account, "API keys ›"
        "3", "Nightly", "9",           # "+ Add new key", the name, "Create key"
        "1",                           # Done
        "4", "Revoke", "1",            # the key, the word, "Revoke key"
    ])
    secret = re.search(r"view it again later\.\n(\S+)\n", out).group(1)
    listed = out.split(secret, 1)[1]
    assert "Nightly — Created" in listed and secret not in listed
    assert listed.rstrip().endswith("Choose 1-4:") and "No API keys found" in listed


def plain_choose(pane, card: str, label: str) -> None:
    """Waits for `card`'s numbered choice (the last thing on screen) and picks `label`."""
    screen = pane.wait_for(card + r"[\s\S]*Choose 1-\d+:\s*$")
    number = re.findall(r"(\d+)\) " + re.escape(label), screen)[-1]
    pane.type(number)
    pane.keys("Enter")


def plain_type(pane, prompt: str, text: str) -> None:
    pane.wait_for(prompt + r":\s*$")
    if text:
        pane.type(text)
    pane.keys("Enter")


def test_plain_email_links_sign_up_then_sign_in_while_the_prompt_waits(world):
    server = serve(world, "email-links.toml")
    address = email("pete")
    pane = world.portal("--frontend-api", server.url, "--plain")
    plain_type(pane, "Email address", "")
    plain_type(pane, "Password", "")
    plain_choose(pane, "Sign in to", "Sign up")
    plain_type(pane, "Create your account[\\s\\S]*Email address", address)
    plain_type(pane, "Password", PASSWORD)
    plain_choose(pane, "Create your account", "Continue")
    pane.wait_for(r"Verify your email[\s\S]*Choose 1-\d+:\s*$")
    follow(outbox_link(world, address, "sign_up"))
    plain_choose(pane, "Verify your email", "Try again")  # the sign-up is read at once
    pane.wait_for(HOME + re.escape(address))

    plain_choose(pane, HOME, address)
    plain_choose(pane, "Account actions", "Sign out")
    plain_type(pane, "Sign in to[\\s\\S]*Email address", address)
    plain_type(pane, "Password", "")
    plain_choose(pane, "Sign in to", "Continue")
    plain_type(pane, "Enter your password[\\s\\S]*Password", "")
    plain_choose(pane, "Enter your password", "Use another method")
    plain_choose(pane, "Use another method", "Email link to " + address)
    pane.wait_for(r"Check your email[\s\S]*Choose 1-\d+:\s*$")
    follow(outbox_link(world, address, "sign_in"))
    plain_choose(pane, "Check your email", "Try again")
    pane.wait_for(r"Signed in as " + re.escape(address) + r"[\s\S]*Choose 1-\d+:\s*$")
    pane.keys("C-d")
    assert pane.exit_status() == 0
    pane.assert_never_shown(PASSWORD)


def test_plain_required_mfa_task_after_sign_up(world):
    server = serve(world, "mfa-required.toml")
    address = email("pola", test_identity=True)
    pane = world.portal("--frontend-api", server.url, "--plain")
    plain_type(pane, "Email address", "")
    plain_type(pane, "Password", "")
    plain_choose(pane, "Sign in to", "Sign up")
    plain_type(pane, "Create your account[\\s\\S]*Email address", address)
    plain_type(pane, r"Phone number \(Optional\)", "")
    plain_type(pane, "Password", PASSWORD)
    plain_choose(pane, "Create your account", "Continue")
    plain_type(pane, "Verify your email[\\s\\S]*Verification code", "424242")
    plain_choose(pane, "Set up two-step verification", "Authenticator application")
    screen = pane.wait_for(r"Add authenticator application[\s\S]*Verification code:\s*$")
    secret = re.findall(r"^\s*([A-Z2-7]{16,})\s*$", screen, re.M)[-1]
    assert claims(world.run("token", "--frontend-api", server.url).stdout).get("sts") == "pending"
    pane.type(pyotp.TOTP(secret).now())
    pane.keys("Enter")
    plain_choose(pane, "Authenticator application verification enabled", "Continue")
    pane.wait_for(r"Signed in as " + re.escape(address) + r"[\s\S]*Choose 1-\d+:\s*$")
    assert claims(world.run("token", "--frontend-api", server.url).stdout).get("sts") == "active"
    pane.keys("C-d")
    assert pane.exit_status() == 0
    pane.assert_never_shown(PASSWORD)
