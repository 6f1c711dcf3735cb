"""Cold start to the first sign-in frame: clerk-tui's portal against `dialog --msgbox`, same run, same pty.

Each run forks the program on a fresh pty (100x30, TERM=xterm-256color) and reads its output until
"Sign in to" has been drawn; the time from fork to that byte is one sample. The program is then
stopped (SIGTERM) and reaped before the next run. Variants:

- portal, embedded server, existing instance: the embedded local Frontend API starts in-process on a data
  directory made by an earlier run (the usual case);
- portal, embedded server, first run: an empty data directory (the database and signing key are created);
- portal, --frontend-api: against a `clerk-tui serve` started once before the runs;
- dialog --msgbox "Sign in to clerk-tui": the reference, measured in the same run.

Those runs each have their own empty XDG_STATE_HOME (no client token, no cached view). The "cached" variants are
the usual second start instead: a state directory an earlier run left, holding the last environment and client,
which the portal draws from before its refresh answers.
Reported: median and min/max per variant, and each median as a ratio to dialog's.
"""

import argparse
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import tempfile
import termios
import fcntl
import time

WIDTH, HEIGHT = 100, 30
MARKER = b"Sign in to"
ESCAPE = re.compile(rb"\x1b(\[[0-9;?]*[ -/]*[@-~]|[()][0-9A-Za-z]|[=>78M])")


def drawn(buffer: bytes) -> bool:
    """The marker in the raw stream, or with escape sequences between its words (cursor moves for blanks)."""
    if MARKER in buffer:
        return True
    return re.search(rb"Sign\s+in\s+to", ESCAPE.sub(b" ", buffer)) is not None


def first_frame(argv: list, env: dict, timeout: float = 60.0) -> float:
    """Seconds from fork to the output that completes the marker; stops the program afterwards."""
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", HEIGHT, WIDTH, 0, 0))
        os.execvpe(argv[0], argv, env)
    buffer = b""
    elapsed = None
    try:
        while time.monotonic() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            buffer += chunk
            if drawn(buffer):
                elapsed = time.monotonic() - start
                break
    finally:
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                ready, _, _ = select.select([fd], [], [], 0.1)
                if ready and not os.read(fd, 65536):
                    break
            except OSError:
                break
            if os.waitpid(pid, os.WNOHANG) != (0, 0):
                pid = 0
                break
        if pid:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        os.close(fd)
    if elapsed is None:
        raise SystemExit(f"{argv[0]}: no {MARKER!r} within {timeout} s; output: {buffer[-600:]!r}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.environ.get("CLERK_TUI_BIN", ".build/release/clerk-tui"))
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)

    root = tempfile.mkdtemp(prefix="clerk-tui-cold-start-")
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": root, "LANG": "C.UTF-8",
            "TERM": "xterm-256color", "XDG_CONFIG_HOME": os.path.join(root, "config")}
    shared_data = os.path.join(root, "shared-data")
    served_data = os.path.join(root, "served-data")

    counter = iter(range(10**6))

    def portal_env(data_home: str) -> dict:
        return {**base, "XDG_DATA_HOME": data_home, "XDG_STATE_HOME": os.path.join(root, f"state{next(counter)}")}

    def fresh_data_home() -> str:
        return os.path.join(root, f"data{next(counter)}")

    server = subprocess.Popen([binary, "serve", "--port", "0", "--data-dir", served_data],
                              env={**base, "XDG_DATA_HOME": served_data}, stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    match = re.search(r"listening on (http://\S+)", line)
    if not match:
        server.kill()
        raise SystemExit(f"serve did not start: {line!r}")
    url = match.group(1)

    embedded_cached = {**portal_env(shared_data), "XDG_STATE_HOME": os.path.join(root, "state-embedded-cached")}
    served_cached = {**portal_env(fresh_data_home()), "XDG_STATE_HOME": os.path.join(root, "state-served-cached")}
    variants = {
        "dialog --msgbox": lambda: first_frame(["dialog", "--msgbox", "Sign in to clerk-tui", "10", "40"],
                                               {**base}),
        "portal, embedded, existing instance": lambda: first_frame([binary], portal_env(shared_data)),
        "portal, embedded, existing, cached": lambda: first_frame([binary], embedded_cached),
        "portal, embedded, first run": lambda: first_frame([binary], portal_env(fresh_data_home())),
        "portal, --frontend-api to serve": lambda: first_frame([binary, "--frontend-api", url],
                                                               portal_env(fresh_data_home())),
        "portal, --frontend-api, cached": lambda: first_frame([binary, "--frontend-api", url], served_cached),
    }
    try:
        first_frame([binary], portal_env(shared_data))  # creates the shared instance; not counted
        first_frame([binary], embedded_cached)  # leave the cached views of the second starts; not counted
        first_frame([binary, "--frontend-api", url], served_cached)
        samples = {name: [] for name in variants}
        for _ in range(args.runs):  # interleaved, so load changes hit every variant alike
            for name, run in variants.items():
                samples[name].append(run())
    finally:
        server.terminate()
        server.wait(15)
        shutil.rmtree(root, ignore_errors=True)

    reference = statistics.median(samples["dialog --msgbox"])
    print(f"cold start to the first sign-in frame, {args.runs} runs each, {WIDTH}x{HEIGHT} pty, binary {binary}")
    print(f"{'variant':40} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'x dialog':>9}")
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"{name:40} {median * 1000:10.1f} {min(values) * 1000:8.1f} {max(values) * 1000:8.1f} "
              f"{median / reference:9.1f}")


if __name__ == "__main__":
    main()
