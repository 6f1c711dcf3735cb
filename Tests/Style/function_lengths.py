#!/usr/bin/env python3
"""Fails when a function, initializer, computed property or closure-free body in the given Swift source folders is
longer than the limit (80 lines by default): the portal's machines and views stay small as pages are added.

Usage: function_lengths.py [--limit N] DIR...   (prints the longest bodies with --report)
"""
import argparse
import pathlib
import re
import sys

DECLARATION = re.compile(
    r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|static|mutating|nonmutating|override|"
    r"final|nonisolated|@discardableResult)\s+)*(?:func\s+[^\s(<]+|init[?!]?|subscript|var\s+\w+\s*:[^=]*)\s*[(<{:]?"
)


def strip(line: str) -> str:
    """The line without string literals and comments, so braces inside them do not count."""
    line = re.sub(r'"(?:\\.|[^"\\])*"', '""', line)
    return line.split("//", 1)[0]


def bodies(path: pathlib.Path):
    """(name, first line, length) of every declaration body in `path`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    in_block_string = False
    cleaned = []
    for line in lines:
        if line.count('"""') % 2 == 1:
            in_block_string = not in_block_string
            cleaned.append("")
            continue
        cleaned.append("" if in_block_string else strip(line))
    for index, line in enumerate(cleaned):
        if not DECLARATION.match(line) or line.rstrip().endswith(("}", ")")) and "{" not in line:
            continue
        if re.match(r"^\s*(?:\w+\s+)*var\s", line) and "{" not in line:
            continue  # a stored or local variable, not a computed property
        depth, started = 0, False
        for end in range(index, len(cleaned)):
            depth += cleaned[end].count("{") - cleaned[end].count("}")
            started = started or "{" in cleaned[end]
            if started and depth <= 0:
                yield line.strip(), index + 1, end - index + 1
                break
            if not started and end > index + 8:
                break


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=80)
    parser.add_argument("--report", action="store_true")
    parser.add_argument("folders", nargs="+")
    arguments = parser.parse_args()
    found = []
    for folder in arguments.folders:
        for path in sorted(pathlib.Path(folder).rglob("*.swift")):
            found += [(length, f"{path}:{start}", name) for name, start, length in bodies(path)]
    found.sort(reverse=True)
    if arguments.report:
        for length, where, name in found[:10]:
            print(f"{length:4d}  {where}  {name[:80]}")
    too_long = [entry for entry in found if entry[0] > arguments.limit]
    for length, where, name in too_long:
        print(f"{where}: {length} lines (limit {arguments.limit}): {name[:80]}", file=sys.stderr)
    return 1 if too_long else 0


if __name__ == "__main__":
    sys.exit(main())
