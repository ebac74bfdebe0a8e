"""How far independent annotators agree on the labels (python -m nlp.agreement).

The targets ask for cohort and risk F1 of 0.80 and question exact match of 0.85
against labels one writer chose. This measures what that writer's labels are worth:
annotators who saw only shared/taxonomy.md relabelled texts blind, and their labels
(no texts) are in nlp/corpus/agreement/. Figures: annotator vs writer, annotator vs
annotator, and one more annotator vs the held-out labels (a human ceiling for the
held-out scores).
"""
from __future__ import annotations

import argparse
import sys
from itertools import combinations
from pathlib import Path

from .corpus import CORPUS_DIR, HELDOUT_FILE, QUERIES_HELDOUT_FILE, read_jsonl
from .metrics import micro_f1
from .readme import publish
from .taxonomy import QUERY_FIELDS

AGREEMENT_DIR = CORPUS_DIR / "agreement"
MARKERS = ("<!-- agreement:start -->", "<!-- agreement:end -->")
MULTI_LABEL = ("cohorts", "risks")
PARSE_FIELDS = ("intent", *QUERY_FIELDS, "since", "until")
Labels = dict


def _f1(gold: list[Labels], pred: list[Labels], facet: str) -> float:
    return micro_f1([set(g[facet]) for g in gold], [set(p[facet]) for p in pred])


def _exact(gold: list[Labels], pred: list[Labels]) -> float:
    def same(g: Labels, p: Labels) -> bool:
        return all(sorted(g[f]) == sorted(p[f]) if isinstance(g[f], list) else g[f] == p[f] for f in PARSE_FIELDS)
    return sum(same(g, p) for g, p in zip(gold, pred)) / len(gold)


def reflection_rows(directory: Path = AGREEMENT_DIR) -> list[tuple[str, int, dict[str, float]]]:
    """(comparison, records, {facet: micro-F1}) for the cohort and risk labels."""
    sample = read_jsonl(directory / "reflections_sample.jsonl")
    writer = [r["writer"] for r in sample]
    annotators = [[r["annotators"][i] for r in sample] for i in range(len(sample[0]["annotators"]))]
    rows = []
    for i, labels in enumerate(annotators, 1):
        rows.append((f"annotator {i} vs the training files' writers", len(sample),
                     {f: _f1(writer, labels, f) for f in MULTI_LABEL}))
    for (i, a), (j, b) in combinations(enumerate(annotators, 1), 2):
        rows.append((f"annotator {i} vs annotator {j}", len(sample), {f: _f1(a, b, f) for f in MULTI_LABEL}))
    heldout = read_jsonl(CORPUS_DIR / HELDOUT_FILE)
    annotator = [r["annotator"] for r in sorted(read_jsonl(directory / "reflections_heldout.jsonl"),
                                                key=lambda r: r["line"])]
    rows.append(("another annotator vs the held-out writer", len(heldout),
                 {f: _f1(heldout, annotator, f) for f in MULTI_LABEL}))
    return rows


def question_rows(directory: Path = AGREEMENT_DIR) -> list[tuple[str, int, float]]:
    """(comparison, questions, whole-parse exact match)."""
    sample = read_jsonl(directory / "questions_sample.jsonl")
    files = {name: read_jsonl(CORPUS_DIR / name) for name in {r["file"] for r in sample}}
    writer = [files[r["file"]][r["line"]] for r in sample]
    annotators = [[r["annotators"][i] for r in sample] for i in range(len(sample[0]["annotators"]))]
    rows = [(f"annotator {i} vs the dev questions' writers", len(sample), _exact(writer, labels))
            for i, labels in enumerate(annotators, 1)]
    rows += [(f"annotator {i} vs annotator {j}", len(sample), _exact(a, b))
             for (i, a), (j, b) in combinations(enumerate(annotators, 1), 2)]
    heldout = read_jsonl(CORPUS_DIR / QUERIES_HELDOUT_FILE)
    annotator = [r["annotator"] for r in sorted(read_jsonl(directory / "questions_heldout.jsonl"),
                                                key=lambda r: r["line"])]
    rows.append(("another annotator vs the held-out writer", len(heldout), _exact(heldout, annotator)))
    return rows


def report() -> list[str]:
    lines = ["| reflections: cohorts and risks | records | cohorts micro-F1 | risks micro-F1 |", "|---|---|---|---|"]
    lines += [f"| {name} | {n} | {s['cohorts']:.3f} | {s['risks']:.3f} |" for name, n, s in reflection_rows()]
    lines += ["", "| questions | questions | whole-parse exact match |", "|---|---|---|"]
    lines += [f"| {name} | {n} | {s:.3f} |" for name, n, s in question_rows()]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readme", type=Path, help="write the tables into this README")
    args = parser.parse_args(argv)
    lines = report()
    publish(lines, args.readme, MARKERS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
