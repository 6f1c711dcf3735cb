"""UserProfile end to end: the real portal in tmux manages its own account against the embedded local Frontend API.

Each test signs in through the portal, opens "Manage account", and checks the result both on screen and through
the Frontend API (a second native client, or signing in again).
"""

import re
import subprocess
import time

import pyotp

from portal_api import Api
from portal_harness import BINARY, HOME, SIGN_IN
from portal_steps import (NEW_PASSWORD, PASSWORD, TWO_STEP, choose, email, open_menu, sign_in_with_password,
                          user_with_password)

ACCOUNT = r"Manage your account info\."
SECURITY_PAGE = r"Manage your security preferences\."


def open_profile(pane, page: str = "Account"):
    open_menu(pane)
    choose(pane, "Manage account")
    pane.wait_for(ACCOUNT)
    if page == "Security":
        choose(pane, "Security ›")
        pane.wait_for(r"Active devices")


def signed_in_profile(world, address: str, page: str = "Account"):
    user_with_password(world, address)
    pane = world.portal()
    sign_in_with_password(pane, address, PASSWORD)
    pane.wait_for(HOME + re.escape(address))
    open_profile(pane, page)
    return pane


def api_sign_in(world, address: str, password: str):
    """A password sign-in from another client of the embedded instance; the response."""
    server = world.serve()
    try:
        return Api(server.url).password_sign_in(address, password)
    finally:
        server.stop()


def test_add_and_verify_an_email_then_make_it_primary(world):
    first, second = email("gina"), email("gina-work")
    pane = signed_in_profile(world, first)
    choose(pane, "+ Add email address")
    pane.wait_for(r"You'll need to verify this email address")
    pane.type(second)
    pane.keys("Enter")
    pane.wait_for(r"Verify email address")
    code = world.wait_for_code(second, "verify_email_address")
    pane.type(code)
    screen = pane.wait_for(re.escape(second) + r" has been added to your account\.")
    assert re.search(re.escape(second) + r"\s+$", screen, re.M) or "Unverified" not in screen

    choose(pane, second)
    pane.wait_for(r"Set as primary")
    choose(pane, "Set as primary")
    screen = pane.wait_for(re.escape(second) + r" is now your primary\.")
    rows = [line for line in screen.split("Email addresses")[1].splitlines() if "@example.com" in line]
    assert second in rows[0] and "Primary" in rows[0], screen

    pane.keys("Escape")
    pane.wait_for(HOME + re.escape(second))
    pane.quit()


def test_wrong_email_code_is_rejected_and_the_address_stays_unverified(world):
    first, second = email("hal"), email("hal-alt")
    pane = signed_in_profile(world, first)
    choose(pane, "+ Add email address")
    pane.type(second)
    pane.keys("Enter")
    pane.wait_for(r"Verify email address")
    code = world.wait_for_code(second, "verify_email_address")
    pane.type("000000" if code != "000000" else "111111")
    pane.wait_for(r"(?i)incorrect")
    pane.keys("Escape")
    screen = pane.wait_for(ACCOUNT)
    assert re.search(re.escape(second) + r"\s+Unverified", screen), screen
    pane.quit()


def change_password(pane, new_password: str, sign_out_others: bool) -> str:
    choose(pane, "Update password")
    pane.wait_for(r"Sign out of all other devices")
    pane.type(new_password)
    pane.keys("Tab")
    pane.type(new_password)
    if not sign_out_others:
        pane.keys("Tab", "Space")
        pane.wait_for(r"\[ \] Sign out of all other devices")
        pane.keys("BTab")
    pane.keys("Enter")
    return pane.wait_for(r"Your password has been updated\.")


def test_change_password_signing_out_the_other_devices(world):
    address = email("ivy")
    pane = signed_in_profile(world, address, "Security")
    other = world.serve()
    other_api = Api(other.url)
    response = other_api.password_sign_in(address, PASSWORD)
    assert response.status_code == 200, response.text
    other_session = response.json()["response"]["created_session_id"]

    screen = change_password(pane, NEW_PASSWORD, sign_out_others=True)
    assert "All other devices have been signed out." in " ".join(screen.split())
    # The other device lost its session; this one kept its own.
    assert other_api.post(f"/v1/client/sessions/{other_session}/tokens").status_code in (401, 404, 422)
    other.stop()
    assert api_sign_in(world, address, PASSWORD).status_code == 422
    assert api_sign_in(world, address, NEW_PASSWORD).status_code == 200
    pane.keys("Escape")
    pane.wait_for(HOME + re.escape(address))
    pane.quit()
    pane.assert_never_shown(PASSWORD, NEW_PASSWORD)


def test_change_password_keeping_the_other_devices(world):
    address = email("jack")
    pane = signed_in_profile(world, address, "Security")
    other = world.serve()
    other_api = Api(other.url)
    other_session = other_api.password_sign_in(address, PASSWORD).json()["response"]["created_session_id"]

    screen = change_password(pane, NEW_PASSWORD, sign_out_others=False)
    assert "All other devices have been signed out." not in " ".join(screen.split())
    assert other_api.post(f"/v1/client/sessions/{other_session}/tokens").status_code == 200
    other.stop()
    assert api_sign_in(world, address, NEW_PASSWORD).status_code == 200
    pane.quit()
    pane.assert_never_shown(PASSWORD, NEW_PASSWORD)


def enable_totp(pane) -> tuple[str, list[str], str]:
    """Adds an authenticator through the portal, reading the secret from the screen; the secret, backup codes and
    the code used."""
    choose(pane, "+ Add two-step verification")
    choose(pane, "Authenticator application")
    pane.wait_for(r"Set up a new sign-in method")  # the authenticator's key has arrived
    choose_link(pane, "Can't scan QR code?")
    screen = pane.wait_for(r"otpauth://")
    secret = re.search(r"^\s*([A-Z2-7]{16,})\s*$", screen, re.M).group(1)
    assert re.search(r"otpauth://totp/\S+secret=" + secret, "".join(line.strip() for line in screen.splitlines()))
    code = pyotp.TOTP(secret).now()
    pane.keys("BTab", "BTab")  # back from the link to the code field
    pane.type(code)
    screen = pane.wait_for(r"Authenticator application verification enabled")
    codes = backup_codes_on(screen)
    assert len(codes) >= 8, screen
    return secret, codes, code


def backup_codes_on(screen: str) -> list[str]:
    """The backup codes on the card: the lines made only of 8-character codes."""
    lines = [line.split() for line in screen.splitlines()]
    return [code for words in lines if words and all(re.fullmatch(r"[a-z0-9]{8}", w) for w in words) for code in words]


def finish_codes(pane) -> None:
    """Leaves the backup codes card: from the file path, past "Save to file", to "Finish"."""
    pane.keys("Tab", "Tab", "Enter")


def choose_link(pane, label: str) -> None:
    """Tabs from the code field past Continue to the inline link `label` and opens it (links show focus in
    reverse video only, so the count is the card's focus order)."""
    assert label in pane.screen()
    pane.keys("Tab", "Tab", "Enter")


def sign_out(pane) -> None:
    pane.wait_for(HOME)
    open_menu(pane)
    choose(pane, "Sign out")
    pane.wait_for(SIGN_IN)


def test_enable_totp_then_sign_in_with_it_and_a_reused_code_is_rejected(world):
    address = email("kim")
    pane = signed_in_profile(world, address, "Security")
    secret, codes, used = enable_totp(pane)
    finish_codes(pane)
    screen = pane.wait_for(r"Authenticator application\s+Default")
    assert "Backup codes" in screen

    pane.keys("Escape")
    sign_out(pane)
    sign_in_with_password(pane, address, PASSWORD)
    pane.wait_for(TWO_STEP)
    # The code used at enrolment was consumed: the same time step is refused.
    pane.type(used)
    pane.wait_for(r"(?i)incorrect|already been used|invalid")
    next_code = pyotp.TOTP(secret).at(time.time() + 30)
    pane.type(next_code)
    # Clerk allows 3 attempts per 10 s: the portal shows the wait, then the same code goes through.
    screen = pane.wait_for(HOME + re.escape(address) + r"|Too many requests")
    if "Too many requests" in screen:
        pane.wait_gone(r"Too many requests")
        pane.keys("Enter")
        pane.wait_for(HOME + re.escape(address))
    pane.quit()
    pane.assert_never_shown(PASSWORD)


def test_regenerate_backup_codes_and_sign_in_with_one_only_once(world):
    address = email("lea")
    pane = signed_in_profile(world, address, "Security")
    _, first_codes, _ = enable_totp(pane)
    finish_codes(pane)
    pane.wait_for(r"Backup codes\s+Regenerate codes")
    choose(pane, "Backup codes")
    pane.wait_for(r"Prior backup codes will\s+be deleted")
    pane.keys("Enter")
    screen = pane.wait_for(r"Store them securely and keep them secret\.")
    codes = backup_codes_on(screen)
    assert len(codes) >= 8 and not set(codes) & set(first_codes), screen
    assert re.search(r"~/clerk-tui_backup_codes\.txt", screen)  # Clerk's download name, prefilled
    pane.tmux("set-option", "-g", "set-clipboard", "on")  # tmux keeps what an application copies (OSC 52)
    pane.keys("BTab", "Enter")  # "Copy all", above the path field
    pane.wait_for(r"Copied!")
    assert pane.tmux("show-buffer").split("\n") == codes
    pane.keys("Tab")  # back to the path field
    saved = world.home / "codes.txt"
    pane.keys("C-u")
    pane.type(str(saved))
    pane.keys("Enter")
    pane.wait_for(r"Backup codes saved to")
    assert saved.read_text().split() == codes
    assert saved.stat().st_mode & 0o777 == 0o600
    pane.keys("Enter")  # saved: Enter now finishes
    pane.wait_for(SECURITY_PAGE)
    pane.keys("Escape")

    sign_out(pane)
    sign_in_with_password(pane, address, PASSWORD)
    pane.wait_for(TWO_STEP)
    pane.keys("Tab", "Enter")  # Use another method
    choose(pane, "Use a backup code")
    pane.wait_for(r"Enter a backup code")
    pane.type(codes[0])
    pane.keys("Enter")
    screen = pane.wait_for(HOME + re.escape(address) + r"|Too many requests")
    if "Too many requests" in screen:
        pane.wait_gone(r"Too many requests")
        pane.keys("Enter")
        pane.wait_for(HOME + re.escape(address))

    # The same code a second time, and a code from before the regeneration, are both refused.
    server = world.serve()
    for code in (codes[0], first_codes[1]):
        api = Api(server.url)
        attempt = api.password_sign_in(address, PASSWORD).json()["response"]
        refused = api.patient_post(f"/v1/client/sign_ins/{attempt['id']}/attempt_second_factor",
                                   {"strategy": "backup_code", "code": code})
        assert refused.status_code == 422, refused.text
    server.stop()
    pane.quit()
    pane.assert_never_shown(PASSWORD)


def test_revoke_another_devices_session(world):
    address = email("mo")
    user_with_password(world, address)
    other = world.serve()
    other_api = Api(other.url)
    other_session = other_api.password_sign_in(address, PASSWORD).json()["response"]["created_session_id"]
    pane = world.portal()
    sign_in_with_password(pane, address, PASSWORD)
    pane.wait_for(HOME + re.escape(address))
    open_profile(pane, "Security")
    screen = pane.wait_for(r"This device")
    # The test's own API client (python-requests, a native client: x-mobile) made the sign-up session and the other's.
    others = [line for line in screen.split("Active devices")[1].splitlines() if "python-requests" in line]
    assert len(others) >= 2, screen
    assert all("on Mobile device" in line for line in others), screen
    assert other_api.post(f"/v1/client/sessions/{other_session}/tokens").status_code == 200
    for _ in others:
        choose(pane, others[0].strip().split("  ")[0])
        pane.wait_for(r"This device will be signed out of your account\.")
        pane.keys("Enter")
        pane.wait_for(r"The device has been signed out\.")
    screen = pane.screen()
    devices = screen.split("Active devices")[1]
    assert "python-requests" not in devices and re.search(r"clerk-tui [\d.]+ on Linux\s+This device", devices), screen
    # Revocation reaches every server process within moments (a process may reuse a lookup for up to 1 s).
    deadline = time.monotonic() + 10
    while other_api.post(f"/v1/client/sessions/{other_session}/tokens").status_code == 200:
        assert time.monotonic() < deadline, "the revoked session still gets tokens"
        time.sleep(0.2)
    other.stop()
    pane.quit()


def test_delete_the_account(world):
    address = email("nia")
    pane = signed_in_profile(world, address, "Security")
    choose(pane, "Delete account")
    pane.wait_for(r'Type "Delete account" below to continue\.')
    pane.type("Delete acc")
    pane.keys("Enter")
    time.sleep(0.3)
    pane.wait_for(r'Type "Delete account"')  # not yet: the confirmation must match exactly
    pane.type("ount")
    pane.keys("Enter")
    pane.wait_for(SIGN_IN)
    assert "sess_" not in world.run("status", check=False).stdout
    assert api_sign_in(world, address, PASSWORD).status_code == 422
    pane.quit()


def test_profile_pages_and_adding_an_email_in_plain_mode(world):
    address = email("oz")
    second = email("oz-alt", test_identity=True)
    user_with_password(world, address)
    # Sign in (Continue is 1), open the account menu (1), Manage account (1); "+ Add email address" (4), the
    # address, Add (1), the test identity's code; then the Security page (1).
    answers = f"{address}\n{PASSWORD}\n1\n1\n1\n4\n{second}\n1\n424242\n1\n"
    result = subprocess.run([str(BINARY), "--plain"], input=answers, capture_output=True, text=True, timeout=60,
                            env=world.env)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    account = out.split("Account\nManage your account info.")[1]
    assert re.search(r"\d+\) " + re.escape(address) + r" — Primary", account), out
    assert "+ Add email address" in account
    assert "Verify email address" in out and f"{second} has been added to your account." in out
    after = out.split(f"{second} has been added to your account.")[1]
    assert re.search(r"\d+\) " + re.escape(second) + r"\n", after), out  # verified: no Unverified badge
    security = out.split("Security\nManage your security preferences.")[1]
    assert "Update password" in security and "This device" in security and "Delete account" in security, out
    assert PASSWORD not in out + result.stderr



PROFILE_SETTINGS = """
[identifiers.phone_number]
enabled = true

[identifiers.username]
enabled = true

[profile]
first_name = "optional"
last_name = "optional"

[mfa]
phone_code = true
"""


def tiny_png(path) -> None:
    """A valid 1x1 PNG, written by hand so the test needs no imaging library."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def test_names_image_username_phone_and_sms_second_factor(world):
    (world.home / "config" / "clerk-tui").mkdir(parents=True, exist_ok=True)
    (world.home / "config" / "clerk-tui" / "local.toml").write_text(PROFILE_SETTINGS)
    address = email("pat")
    pane = signed_in_profile(world, address)

    image = world.home / "avatar.png"
    tiny_png(image)
    (world.home / "notes.txt").write_text("not an image")
    choose(pane, "Update profile")
    pane.wait_for(r"First name")
    pane.type("Ada")
    pane.keys("Tab")
    pane.type("Lovelace")
    pane.keys("Tab")
    pane.type(str(world.home / "notes.txt"))
    pane.keys("Enter")
    pane.wait_for(r"File type not supported")  # checked before anything is sent, and nothing typed is lost
    pane.keys("C-u")
    pane.type(str(image))
    pane.keys("Enter")
    screen = pane.wait_for(r"Your profile has been updated\.")
    assert "[AL] Ada Lovelace" in screen
    choose(pane, "Update profile")
    pane.wait_for(r"Remove image")  # the server has the picture now
    pane.keys("Tab", "Tab", "Tab", "Enter")  # past first name, last name and the file path
    pane.wait_for(r"Profile image will be removed from this account\.")
    pane.keys("Enter")
    pane.wait_for(r"Your profile image has been removed\.")
    choose(pane, "Update profile")
    pane.wait_for(r"Upload an image")
    assert "Remove image" not in pane.screen()
    pane.keys("Escape")

    username = "ada_" + address.split("-")[1][:6]
    choose(pane, "Set username")
    pane.type(username)
    pane.keys("Enter")
    screen = pane.wait_for(r"Your username has been updated\.")
    assert username in screen

    choose(pane, "+ Add phone number")
    pane.wait_for(r"Country code")  # filled in (+1): the cursor waits in the number
    pane.type("(201) 555-0123")  # a test number: the code is 424242
    pane.keys("Enter")
    pane.wait_for(r"Verify phone number")
    pane.type("424242")
    screen = pane.wait_for(r"\+12015550123 has been added to your account\.")
    assert re.search(r"\+12015550123\s*$", screen, re.M) or "+12015550123" in screen

    choose(pane, "Security ›")
    pane.wait_for(SECURITY_PAGE)
    choose(pane, "+ Add two-step verification")
    choose(pane, "SMS code")
    pane.wait_for(r"Add SMS code verification")
    choose(pane, "+12015550123")
    screen = pane.wait_for(r"SMS code verification enabled")
    assert len(backup_codes_on(screen)) >= 8, screen
    finish_codes(pane)
    screen = pane.wait_for(r"SMS code \+12015550123")
    pane.keys("Escape")

    sign_out(pane)
    sign_in_with_password(pane, address, PASSWORD)
    pane.wait_for(r"Check your phone")  # the SMS second factor, sent to the test number
    pane.type("424242")
    pane.wait_for(HOME)
    pane.quit()
    pane.assert_never_shown(PASSWORD)
