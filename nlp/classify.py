"""python -m nlp.classify: reflections in ({"id","text"} per line), classifications out."""
from __future__ import annotations

import argparse
import sys

from . import jsonl
from .api import GapNLP


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=None, help="pipeline directory (default nlp/model)")
    args = parser.parse_args(argv)
    gap = GapNLP.load(args.model)
    return jsonl.run(lambda texts: [c.to_json() for c in gap.classify(texts)], sys.stdin, sys.stdout, sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
