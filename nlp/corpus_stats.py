"""Counts per label in the shipped corpus (python -m nlp.corpus_stats [--write]).

--write puts the tables into nlp/corpus/README.md between the
<!-- counts:start --> and <!-- counts:end --> markers.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter

from .corpus import CORPUS_DIR, HELDOUT_FILE, QUERIES_HELDOUT_FILE, QUERIES_TRAIN_FILE, read_jsonl, train_files
from .readme import publish
from .taxonomy import FACETS, QUERY_FIELDS, load_taxonomy

MARKERS = ("<!-- counts:start -->", "<!-- counts:end -->")
README = CORPUS_DIR / "README.md"


def _reflection_counts(records: list[dict]) -> Counter:
    c: Counter = Counter()
    for r in records:
        for facet in FACETS:
            c.update((facet, v) for v in (r[facet] if isinstance(r[facet], list) else [r[facet]]))
        c[("locality", r["locality"] or "(none)")] += 1
        c[("neighbourhood", "a ward" if r["neighbourhood"] else "(none)")] += 1
        c.update(("personal data", s["label"]) for s in r["pii"])
        c[("personal data", "(records with any)")] += bool(r["pii"])
        c[("keep words", "(total)")] += len(r.get("keep", []))
        c[("kind", r.get("kind", "reflection"))] += 1
    return c


def _query_counts(records: list[dict]) -> Counter:
    c: Counter = Counter(("intent", r["intent"]) for r in records)
    for r in records:
        for name in QUERY_FIELDS:
            c.update((name, "(any)") for _ in r[name][:1])
        c[("dates", "(any)")] += bool(r["since"] or r["until"])
    return c


def tables() -> list[str]:
    tax = load_taxonomy()
    train = [r for path in train_files() for r in read_jsonl(path)]
    heldout = read_jsonl(CORPUS_DIR / HELDOUT_FILE)
    ct, ch = _reflection_counts(train), _reflection_counts(heldout)
    lines = [f"Reflections: {len(train)} training ({', '.join(p.name for p in train_files())}), "
             f"{len(heldout)} held-out ({HELDOUT_FILE}).", "",
             "| facet | label | training | held-out |", "|---|---|---|---|"]
    order = [(facet, label) for facet in FACETS for label in tax.facet_labels(facet)]
    order += [("locality", loc) for loc in [*tax.localities, "(none)"]]
    order += [("neighbourhood", "a ward"), ("neighbourhood", "(none)")]
    order += [("personal data", tag) for tag in [*tax.pii_tags, "(records with any)"]]
    order += [("keep words", "(total)"), ("kind", "reflection"), ("kind", "pen_picture")]
    lines += [f"| {f} | {label} | {ct[(f, label)]} | {ch[(f, label)]} |" for f, label in order]
    qt, qh = read_jsonl(CORPUS_DIR / QUERIES_TRAIN_FILE), read_jsonl(CORPUS_DIR / QUERIES_HELDOUT_FILE)
    cq, cqh = _query_counts(qt), _query_counts(qh)
    lines += ["", f"Questions: {len(qt)} training, {len(qh)} held-out (questions with the field set).", "",
              "| field | value | training | held-out |", "|---|---|---|---|"]
    keys = [("intent", i) for i in ("summary", "review", "export", "help")]
    keys += [(name, "(any)") for name in QUERY_FIELDS] + [("dates", "(any)")]
    lines += [f"| {f} | {v} | {cq[(f, v)]} | {cqh[(f, v)]} |" for f, v in keys]
    return lines + ["", "Computed by `python -m nlp.corpus_stats`."]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"update {README}")
    args = parser.parse_args(argv)
    lines = tables()
    publish(lines, README if args.write else None, MARKERS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
