"""python -m nlp.parse_query [--today YYYY-MM-DD]: questions in, intent and filters out."""
from __future__ import annotations

import argparse
import sys
from datetime import date

from . import jsonl
from .api import GapNLP


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(),
                        help="the date relative expressions count from (default: today)")
    parser.add_argument("--model", default=None, help="pipeline directory (default nlp/model)")
    args = parser.parse_args(argv)
    gap = GapNLP.load(args.model)
    return jsonl.run(lambda texts: [gap.parse_query(t, args.today).to_json() for t in texts],
                     sys.stdin, sys.stdout, sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
