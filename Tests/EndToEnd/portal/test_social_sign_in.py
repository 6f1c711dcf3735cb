"""Social sign-in in the portal, end to end: the embedded instance has Google enabled, the portal shows the provider
link, and the test plays the browser against the local server's development provider (real HTTP, no mocks)."""

import re
import time

from dev_browser import browse, provider_link
from portal_harness import HOME, SIGN_IN
from portal_steps import PASSWORD, choose, email, open_menu, sign_in_with_password, user_with_password
from test_profile import open_profile

GOOGLE = r"\[ Continue with Google( · Last used)? \]"
WAITING = r"Finish signing in with Google in your browser"
# A control drawn in reverse video is the focused one.
FOCUSED_GOOGLE = r"\x1b\[[\d;]*\b7m(?:\x1b\[[\d;]*m)*" + GOOGLE


def enable_google(world, *others: str, extra: str = "") -> None:
    """The embedded instance's settings file, as a user would write it."""
    config = world.home / "config" / "clerk-tui"
    config.mkdir(parents=True, exist_ok=True)
    providers = ", ".join(f'"{name}"' for name in ("google", *others))
    (config / "local.toml").write_text(f"[social]\nproviders = [{providers}]\n{extra}")


def continue_with_google(pane) -> str:
    """Tabs to "Continue with Google", presses it, and returns the provider link."""
    pane.wait_for(GOOGLE)
    for _ in range(10):
        if re.search(FOCUSED_GOOGLE, pane.screen(colours=True)):
            break
        pane.keys("Tab")
    else:
        raise AssertionError("Tab never reached Continue with Google")
    pane.keys("Enter")
    return provider_link(pane.wait_for(WAITING))


def test_sign_up_with_google_then_sign_in_again(world):
    enable_google(world)
    address = email("ada")
    pane = world.portal()
    pane.wait_for(SIGN_IN)
    link = continue_with_google(pane)
    done = browse(link, address)
    assert done.status_code == 200 and "Return to your terminal" in done.text
    assert "rotating_token_nonce=" not in done.url  # a new account: the portal moves on to a sign-up first
    pane.wait_for(HOME + re.escape(address))
    assert address in world.run("status").stdout

    open_menu(pane)
    choose(pane, "Sign out")
    pane.wait_for(r"\[ Continue with Google · Last used \]")  # the client remembers how it signed in
    done = browse(continue_with_google(pane), address)
    assert "rotating_token_nonce=" in done.url  # the same Google account signs straight in
    pane.wait_for(HOME + re.escape(address))
    pane.quit()


def test_c_copies_the_provider_link_to_the_terminal_clipboard(world):
    enable_google(world)
    address = email("cam")
    pane = world.portal()
    pane.tmux("set-option", "-g", "set-clipboard", "on")  # tmux keeps what an application copies (OSC 52)
    pane.wait_for(SIGN_IN)
    shown = continue_with_google(pane)
    pane.wait_for(r"c copy •")
    pane.keys("c")
    pane.wait_for(r"Copied!")
    copied = pane.tmux("show-buffer")
    assert copied == shown
    done = browse(copied, address)  # the copied link is the whole link: it works in the browser
    assert "Return to your terminal" in done.text
    pane.wait_for(HOME + re.escape(address))
    pane.quit()


def test_the_browser_opens_on_a_local_display_and_never_over_ssh(world):
    enable_google(world)
    opened = world.home / "xdg-open.log"
    tools = world.home / "bin"
    tools.mkdir()
    (tools / "xdg-open").write_text(f'#!/bin/sh\necho "$1" >> {opened}\n')
    (tools / "xdg-open").chmod(0o755)
    world.env.update(PATH=f"{tools}:{world.env['PATH']}", DISPLAY=":0")
    pane = world.portal()
    pane.wait_for(SIGN_IN)
    link = continue_with_google(pane)
    deadline = time.monotonic() + 10
    while not opened.exists():
        assert time.monotonic() < deadline, "xdg-open was never run"
        time.sleep(0.05)
    assert opened.read_text() == link + "\n"  # and the link is still shown, in case the browser is elsewhere
    pane.quit()

    # An SSH login with a display (X forwarding): the browser would open on this machine, not the user's.
    world.env.update(SSH_CONNECTION="192.0.2.7 52814 192.0.2.1 22")
    pane = world.portal("--oauth-redirect-url", "https://app.example/oauth-done")
    pane.wait_for(SIGN_IN)
    browse(continue_with_google(pane), email("dee"), stop_at="https://app.example/oauth-done")
    pane.wait_for(HOME)  # done by polling; any xdg-open would have run when the link was shown
    assert opened.read_text() == link + "\n"
    pane.quit()


def test_cancelling_in_the_browser_is_explained_on_the_sign_in_card(world):
    enable_google(world)
    pane = world.portal()
    pane.wait_for(SIGN_IN)
    browse(continue_with_google(pane), email("bo"), decision="deny")
    screen = pane.wait_for(r"You did not grant access to your Google account\.")
    assert re.search(SIGN_IN, screen)
    pane.quit()


def test_connect_a_github_account_from_the_profile(world):
    enable_google(world, "github")
    address, work = email("cy"), email("cy-github")
    user_with_password(world, address)
    pane = world.portal()
    sign_in_with_password(pane, address, PASSWORD)
    pane.wait_for(HOME + re.escape(address))
    open_profile(pane)
    choose(pane, "+ Connect account")
    pane.wait_for(r"GitHub")
    choose(pane, "GitHub")
    screen = pane.wait_for(r"Connect GitHub account")
    done = browse(provider_link(screen), work)
    assert "Return to your terminal" in done.text
    screen = pane.wait_for(r"Your GitHub account has been connected\.")
    rows = screen.split("Connected accounts")[1]
    assert "GitHub" in rows and work in rows, screen
    pane.quit()


def test_social_sign_in_in_plain_mode(world):
    enable_google(world)
    address = email("pat")
    pane = world.portal("--plain")
    # The ways in come before the fields: Google, or the fields themselves.
    screen = pane.wait_for(r"1\) Continue with Google\s+2\) Enter email address and password\s+Choose 1-2:")
    pane.type("2")
    pane.keys("Enter")
    pane.wait_for(r"Email address:")
    pane.keys("Enter")  # nothing typed: Google is offered again, last, after the fields
    pane.wait_for(r"Password:")
    pane.keys("Enter")
    last_choice = r"1\) Continue\n(?:.*\n)*?\s*(\d+)\) Continue with Google\s+Choose 1-\d+:"
    pane.type(re.findall(last_choice, pane.wait_for(last_choice))[-1])
    pane.keys("Enter")
    screen = pane.wait_for(r"\d+\) Try again")
    link = re.search(r"http://\S+/v1/dev_oauth/authorize\?state=\w+", screen).group(0)  # one line: copyable
    browse(link, address)
    pane.type(re.search(r"(\d+)\) Try again", screen).group(1))
    pane.keys("Enter")
    pane.wait_for(HOME + re.escape(address))
    pane.keys("C-d")
    assert pane.exit_status() == 0


def test_a_google_sign_up_asks_for_what_the_instance_still_requires(world):
    enable_google(world, extra="[identifiers.username]\nenabled = true\nrequired = true\n")
    address, username = email("dee"), "dee_" + email("x")[2:10]
    pane = world.portal()
    pane.wait_for(SIGN_IN)
    browse(continue_with_google(pane), address)
    screen = pane.wait_for(r"Fill in missing fields")
    assert "Username" in screen and "Password" not in screen  # the provider vouched for the email: no password
    pane.type(username)
    pane.keys("Enter")
    pane.wait_for(HOME + re.escape(address))
    pane.quit()
