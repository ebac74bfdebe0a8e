"""The JSON Lines loop shared by both command-line tools.

Reads {"id", "text"} objects, processes them in batches (as many lines as are
already waiting, up to a limit, so it streams interactively and batches in
bulk), writes one result per good line in input order. A malformed line gets
an error object on stderr and no output line; the exit status is then 1.
"""
from __future__ import annotations

import json
import select
from typing import Callable, TextIO

MAX_BATCH = 256
Handler = Callable[[list[str]], list[dict]]


def _parse(line: str) -> tuple[object, str]:
    record = json.loads(line)
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    if not isinstance(record.get("text"), str):
        raise ValueError('expected a string "text" field')
    return record.get("id"), record["text"]


def _more_waiting(stream: TextIO) -> bool:
    try:
        return bool(select.select([stream], [], [], 0)[0])
    except (OSError, ValueError, TypeError):   # not a selectable stream (tests, StringIO)
        return True


def run(handler: Handler, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    errors = 0
    batch: list[tuple[int, object, str]] = []

    def report(number: int, message: str) -> None:
        nonlocal errors
        errors += 1
        stderr.write(json.dumps({"line": number, "error": message}) + "\n")
        stderr.flush()

    def flush() -> None:
        try:
            results = handler([text for _, _, text in batch])
        except Exception as err:  # a bug must not lose the batch silently or print a traceback
            for number, _, _ in batch:
                report(number, f"could not process: {type(err).__name__}: {err}")
            results = []
        for (_, rec_id, _), result in zip(batch, results):
            stdout.write(json.dumps({"id": rec_id, **result}, ensure_ascii=False) + "\n")
        stdout.flush()
        batch.clear()

    for number, line in enumerate(iter(stdin.readline, ""), 1):
        if line.strip():
            try:
                batch.append((number, *_parse(line)))
            except ValueError as err:   # json.JSONDecodeError is a ValueError
                report(number, str(err))
        if batch and (len(batch) >= MAX_BATCH or not _more_waiting(stdin)):
            flush()
    if batch:
        flush()
    return 1 if errors else 0
