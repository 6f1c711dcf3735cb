"""What the portal writes to its terminal, read as bytes straight from a pty (tmux would re-draw on its own terms).
Run: CLERK_TUI_BIN=.build/debug/clerk-tui python3 -m pytest Tests/EndToEnd/portal
"""

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time

from portal_harness import BINARY, HEIGHT, WIDTH


def read_until_quiet(fd: int, quiet: float, limit: float = 30.0) -> bytes:
    """Everything written until nothing more comes for `quiet` seconds."""
    output, deadline = b"", time.monotonic() + limit
    while time.monotonic() < deadline and select.select([fd], [], [], quiet)[0]:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the pty's other side is gone
            break
        if not chunk:
            break
        output += chunk
    return output


def test_a_keystroke_in_the_email_field_writes_only_its_character(world):
    """The field's colours are the terminal's normal ones, so ncurses sends neither the colours before a character
    nor its reset after it: one byte per keystroke, where the field's 256-colour pair would cost 36 more."""
    server = world.serve(world.home / "served")
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(str(BINARY), [str(BINARY), "--frontend-api", server.url], {**world.env, "TERM": "xterm-256color"})
    try:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", HEIGHT, WIDTH, 0, 0))
        os.kill(pid, signal.SIGWINCH)
        screen = read_until_quiet(fd, quiet=1.0)
        assert b"Email address" in screen, screen[-400:]
        os.write(fd, b"a")  # the first one also clears the placeholder
        assert read_until_quiet(fd, quiet=0.3).startswith(b"a")
        for key in b"da@example.com":
            os.write(fd, bytes([key]))
            assert read_until_quiet(fd, quiet=0.3) == bytes([key])
    finally:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
        os.close(fd)
