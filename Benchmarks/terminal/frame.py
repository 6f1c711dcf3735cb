"""Per-keystroke cost of a text field: the portal's email field and clerk-tui ui-gallery against
`dialog --inputbox`, same run.

Every program runs on a pty of the same size. After the first screen settles, each keystroke is
written alone and the reply is read until the terminal has been quiet for QUIET seconds. Reported:
bytes written to the terminal per keystroke, keystroke-to-last-byte latency, and clerk-tui's own
time per frame (view + ncurses copy and refresh) from `--frame-stats`. The portal types into the
sign-in card's email field, against a `clerk-tui serve` started here; the gallery's form also
counts the characters on its status line, which a keystroke redraws too.
"""

import argparse
import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import tempfile
import termios
import time

QUIET = 0.05


def spawn(argv, env, width, height):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    return pid, fd


def drain(fd, quiet=QUIET, limit=5.0):
    """Reads until nothing arrives for `quiet` seconds; returns (bytes, seconds to the last byte)."""
    start = time.monotonic()
    total, last = 0, start
    while time.monotonic() - start < limit:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        total += len(chunk)
        last = time.monotonic()
    return total, last - start


def measure(argv, env, keys, width, height, quit_bytes):
    pid, fd = spawn(argv, env, width, height)
    drain(fd, quiet=0.5, limit=30.0)  # the first full screen
    sizes, latencies = [], []
    for key in keys:
        os.write(fd, key)
        size, latency = drain(fd)
        sizes.append(size)
        latencies.append(latency)
    os.write(fd, quit_bytes)
    drain(fd, quiet=0.3)
    os.waitpid(pid, 0)
    os.close(fd)
    return sizes, latencies


def measure_portal(binary, env, work, keys, width, height):
    """The sign-in card's email field (focused first), against a `clerk-tui serve` of its own."""
    private = {**env, "HOME": work, "XDG_DATA_HOME": os.path.join(work, "data"),
               "XDG_STATE_HOME": os.path.join(work, "state"), "XDG_CONFIG_HOME": os.path.join(work, "config")}
    server = subprocess.Popen([binary, "serve", "--port", "0", "--data-dir", os.path.join(work, "served")],
                              env=private, stdout=subprocess.PIPE, text=True)
    try:
        url = re.search(r"listening on (http://\S+)", server.stdout.readline()).group(1)
        return measure([binary, "--frontend-api", url], private, keys, width, height, b"\x03")
    finally:
        server.terminate()
        server.wait(15)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", default=os.environ.get("CLERK_TUI_BIN", ".build/debug/clerk-tui"))
    parser.add_argument("--keystrokes", type=int, default=60)
    parser.add_argument("--width", type=int, default=80)
    parser.add_argument("--height", type=int, default=24)
    parser.add_argument("--rounds", type=int, default=3, help="each program this many times; the round with the "
                        "median portal latency ratio is shown (bytes are the same every round)")
    args = parser.parse_args()

    env = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8"}
    env.pop("LINES", None)
    env.pop("COLUMNS", None)
    text = ("the quick brown fox jumps over the lazy dog " * 4)[: args.keystrokes]
    keys = [character.encode() for character in text]

    rounds = []
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as work:
            stats_path = os.path.join(work, "frames.txt")
            ours = measure([args.binary, "ui-gallery", "--frame-stats", stats_path], env, keys, args.width, args.height,
                           b"\x03")
            stats = dict(item.split("=") for item in open(stats_path).read().split())
            portal = measure_portal(args.binary, env, work, keys, args.width, args.height)
        reference = measure(["dialog", "--inputbox", "Name", "10", "60"], env, keys, args.width, args.height, b"\x1b")
        rounds.append((ours, stats, portal, reference))
    rounds.sort(key=lambda r: statistics.mean(r[2][1]) / statistics.mean(r[3][1]))
    ours, stats, portal, reference = rounds[len(rounds) // 2]

    def line(name, sizes, latencies):
        return (f"{name:<22} bytes/keystroke mean {statistics.mean(sizes):7.1f}  median {statistics.median(sizes):6.0f}  "
                f"latency mean {statistics.mean(latencies) * 1000:6.2f} ms")

    # The median is the steady-state keystroke: dialog's mean also holds the redraws of its narrower field scrolling.
    def ratio(name, sizes, latencies):
        return (f"ratio {name}/dialog".ljust(34) + f"bytes {statistics.mean(sizes) / statistics.mean(reference[0]):.2f} "
                f"(median {statistics.median(sizes) / statistics.median(reference[0]):.2f})  "
                f"latency {statistics.mean(latencies) / statistics.mean(reference[1]):.2f}")

    print(f"{args.keystrokes} keystrokes into a text field, {args.width}x{args.height}, TERM=xterm-256color, "
          f"median-latency round of {len(rounds)}")
    print(line("portal email field", *portal))
    print(line("clerk-tui ui-gallery", *ours))
    print(line("dialog --inputbox", *reference))
    print(ratio("portal email field", *portal))
    print(ratio("ui-gallery", *ours))
    frames = int(stats["frames"])
    print(f"clerk-tui frames {frames}, time per frame {int(stats['ns_per_frame']) / 1000:.1f} us "
          f"(view {int(stats['view_ns']) / frames / 1000:.1f} us + draw {int(stats['draw_ns']) / frames / 1000:.1f} us)")


if __name__ == "__main__":
    main()
