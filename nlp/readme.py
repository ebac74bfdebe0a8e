"""Writing generated tables into markdown files between two marker comments."""
from __future__ import annotations

from pathlib import Path


def write_between_markers(path: Path, lines: list[str], markers: tuple[str, str]) -> None:
    """Replace what lies between the two markers in a markdown file."""
    text = path.read_text(encoding="utf-8")
    start, end = markers
    if start not in text or end not in text:
        raise SystemExit(f"{path}: markers {start} ... {end} not found")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    path.write_text(head + start + "\n" + "\n".join(lines) + "\n" + end + tail, encoding="utf-8")


def publish(lines: list[str], path: Path | None, markers: tuple[str, str]) -> None:
    """Print a generated table, and write it into a markdown file when one is given."""
    print("\n".join(lines))
    if path is not None:
        write_between_markers(path, lines, markers)
