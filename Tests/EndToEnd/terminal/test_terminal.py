"""The real clerk-tui binary in tmux: resize, paste, signals, terminfo fallback, NO_COLOR.

Run: CLERK_TUI_BIN=.build/debug/clerk-tui python3 -m pytest Tests/EndToEnd/terminal
"""

import os
import re
import signal
import subprocess

import pytest

from conftest import BINARY

SGR = re.compile(r"\x1b\[([0-9;]*)m")
# Foreground/background colours: 30-38, 40-48, 90-97, 100-107 (39 and 49 only reset to default).
COLOUR_CODES = {*range(30, 39), *range(40, 49), *range(90, 98), *range(100, 108)}
READY = r"Terminal UI gallery"


def colour_codes(screen: str) -> set:
    return {int(code) for params in SGR.findall(screen) for code in params.split(";") if code} & COLOUR_CODES


def name_line(screen: str) -> str:
    return next(line for line in screen.splitlines() if line.startswith(" Name "))


def test_resize_while_typing(gallery):
    pane = gallery()
    pane.wait_for(READY)
    pane.type("hello")
    pane.wait_for(r"Name: 5 chars")
    pane.resize(50, 14)
    pane.type(" wörld")
    pane.wait_for(r"Name: 11 chars")
    pane.resize(30, 8)
    screen = pane.wait_for(r"Terminal too small")
    assert "30x8, needs 40x12" in screen
    pane.type(" 世界")  # typing continues while the notice shows
    pane.resize(80, 24)
    screen = pane.wait_for(r"Name: 14 chars")
    assert "hello wörld 世界" in name_line(screen)
    assert "Terminal too small" not in screen
    # Still the same field: more typing lands at the caret.
    pane.type("!")
    assert "hello wörld 世界!" in name_line(pane.wait_for(r"Name: 15 chars"))


def test_bracketed_paste_is_one_edit_and_never_a_hotkey(gallery):
    pane = gallery()
    pane.wait_for(READY)
    # Tab, Enter and "?" inside a paste are text, not focus moves, submits or help.
    pane.paste("pa?te\tq\nx")
    screen = pane.wait_for(r"Name: 9 chars")
    assert "pa?te q x" in name_line(screen)
    assert "less" not in screen and "shift+tab" not in screen
    pane.type("Z")
    assert "pa?te q xZ" in name_line(pane.wait_for(r"Name: 10 chars"))
    # On the checkbox, where space, x and ? are hotkeys, a paste changes nothing.
    pane.keys("Tab", "Tab", "Tab")
    pane.wait_for(r"space toggle")
    pane.paste("? x\t")
    pane.keys("Tab")  # proves the loop is alive and the checkbox still had focus
    screen = pane.wait_for(r"↑/↓ choose|enter next")
    assert "[ ] Remember this device" in screen
    assert "Remember" not in screen.splitlines()[-2]  # the status line: not checked
    assert "less" not in screen


def test_secret_never_reaches_the_screen_or_scrollback(gallery):
    pane = gallery()
    pane.wait_for(READY)
    pane.keys("Tab")
    pane.type("hunter2")
    screen = pane.wait_for(r"Password: entered")
    assert "hunter2" not in screen and "•••••••" in screen
    pane.keys("C-c")
    pane.exit_status()
    history = pane.history()
    assert "hunter2" not in history


def test_ctrl_c_quits_and_restores_stty(gallery):
    pane = gallery()
    pane.wait_for(READY)
    pane.type("abc")
    pane.keys("C-c")
    assert pane.exit_status() == 0
    before, after = pane.stty()
    assert before == after
    assert "Terminal UI gallery" not in pane.screen()  # the alternate screen is gone


def test_sigterm_restores_stty(gallery):
    pane = gallery()
    pane.wait_for(READY)
    pane.type("abc")
    pane.wait_for(r"Name: 3 chars")
    os.kill(pane.pid(), signal.SIGTERM)
    assert pane.exit_status() == 128 + signal.SIGTERM
    before, after = pane.stty()
    assert before == after
    assert "Terminal UI gallery" not in pane.screen()


def test_sighup_restores_stty(gallery):
    pane = gallery()
    pane.wait_for(READY)
    os.kill(pane.pid(), signal.SIGHUP)
    assert pane.exit_status() == 128 + signal.SIGHUP
    before, after = pane.stty()
    assert before == after


def test_a_hung_up_terminal_without_sighup_ends_the_program(tmp_path):
    """A pty that is not the program's controlling terminal hangs up with no SIGHUP: the program must end, not spin."""
    import fcntl
    import pty
    import select
    import struct
    import termios
    import time

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    environment = {"PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": str(tmp_path)}
    program = subprocess.Popen([str(BINARY), "ui-gallery"], stdin=slave, stdout=slave, stderr=slave, env=environment,
                               start_new_session=True)
    os.close(slave)
    output, deadline = b"", time.monotonic() + 20
    while READY.encode() not in output and time.monotonic() < deadline:
        if select.select([master], [], [], 0.2)[0]:
            output += os.read(master, 65536)
    assert READY.encode() in output, output[-400:]
    os.close(master)
    try:
        assert program.wait(timeout=10) == 128 + signal.SIGHUP
    finally:
        program.kill()


def test_a_crash_signal_restores_stty_before_dying(gallery):
    pane = gallery()
    pane.wait_for(READY)
    os.kill(pane.pid(), signal.SIGSEGV)
    assert pane.exit_status() == 128 + signal.SIGSEGV
    before, after = pane.stty()
    assert before == after
    assert "Terminal UI gallery" not in pane.screen()


def test_a_swift_runtime_trap_restores_the_terminal_first(gallery):
    # The runtime's backtracer runs after the restore; keep it from waiting for a key.
    pane = gallery({"SWIFT_BACKTRACE": "interactive=no"}, args=["--trap-on-f12"])
    pane.wait_for(READY)
    pane.keys("F12")
    status = pane.exit_status()
    assert status in (128 + signal.SIGILL, 128 + signal.SIGTRAP), status
    before, after = pane.stty()
    assert before == after
    history = pane.history()
    assert "deliberate trap" in history  # the crash report reached a readable screen
    assert "Terminal UI gallery" not in pane.screen()


def test_missing_terminfo_falls_back_to_xterm_256color(gallery):
    assert subprocess.run(["infocmp", "xterm-kitty"], capture_output=True).returncode != 0, "xterm-kitty terminfo is installed"
    pane = gallery({"PANE_TERM": "xterm-kitty"})
    screen = pane.wait_for(READY, colours=True)
    assert "\x1b[38;5;" in screen  # 256 colours, from the fallback entry
    pane.keys("C-c")
    assert pane.exit_status() == 0


def test_no_color_renders_without_colour(gallery):
    coloured = gallery().wait_for(READY, colours=True)
    assert colour_codes(coloured), "the reference run should have colour"
    plain = gallery({"NO_COLOR": "1"}).wait_for(READY, colours=True)
    assert not colour_codes(plain), repr(plain[:400])
    assert "\x1b[1m" in plain  # emphasis survives without colour


@pytest.mark.parametrize("term, expected", [
    ("xterm-direct", {38}),          # truecolor: 38;2;r;g;b, only with a -direct terminfo entry
    ("xterm-256color", {38}),        # 38;5;n
    ("xterm-16color", {30, 90}),     # bright colours appear
    ("xterm", {30}),                 # the 8 ANSI colours only
    ("vt100", set()),                # no colour at all
])
def test_colour_level_follows_terminfo(gallery, term, expected):
    screen = gallery({"PANE_TERM": term}).wait_for(READY, colours=True)
    codes = colour_codes(screen)
    if not expected:
        assert not codes
        return
    families = {38 if code in (38, 48) else (90 if code >= 90 else 30) for code in codes}
    assert expected <= families and families <= expected | {30}
    if term == "xterm-direct":
        assert "38;2;" in screen and "38;5;" not in screen
    if term == "xterm-256color":
        assert "38;5;" in screen and "38;2;" not in screen


def test_plain_mode_when_stdin_is_not_a_terminal(tmp_path):
    answers = "Zoë\nsecret\n123456\ny\n2\n"
    result = subprocess.run([str(BINARY), "ui-gallery"], input=answers, capture_output=True, text=True, timeout=30,
                            env={**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "Name: " in result.stdout and "Choose 1-5:" in result.stdout
    assert "Name: 3 chars · Password: entered · Code: 6/6 · Remember · Color: Green" in result.stdout
    assert "secret" not in result.stdout.replace("Password: entered", "")
