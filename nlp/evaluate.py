"""python -m nlp.evaluate: scores on the held-out files, next to a TF-IDF + LR baseline.

Reflections: per-label precision/recall/F1 per facet, locality and ward accuracy,
personal-data recall per tag (a gold item counts as removed when every character
of it is inside a redacted span; "rules only" shows what the trained ner adds),
and the share of must-keep words that survive. Questions: whole-parse exact
match and per-field accuracy. `--readme README.md` writes the tables between
the <!-- nlp-eval:start/end --> markers.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from .api import GapNLP
from .baseline import Baseline
from .corpus import CORPUS_DIR, HELDOUT_FILE, QUERIES_HELDOUT_FILE, gold_cats, read_jsonl, training_records
from .decide import all_facets
from .metrics import facet_score, per_label
from .pii import rule_spans
from .readme import publish
from .taxonomy import FACETS, QUERY_FIELDS
from .train import split, tune_on_cats

TARGETS = {"service_areas": 0.85, "gap_type": 0.75, "cohorts": 0.80, "risks": 0.80}
MARKERS = ("<!-- nlp-eval:start -->", "<!-- nlp-eval:end -->")


def _covered(start: int, end: int, spans) -> bool:
    """Every character of [start, end) lies inside some redacted span."""
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, end))


def fit_baseline(gap: GapNLP) -> tuple[Baseline, dict[str, float]]:
    """The baseline gets what the pipeline gets: thresholds tuned on the same dev split of
    the training files, then a fit on all of them."""
    train_part, dev_part = split(training_records())
    probe = Baseline(gap.taxonomy).fit(train_part)
    thresholds = tune_on_cats(probe.cats([r["text"] for r in dev_part]), dev_part, gap.taxonomy)
    return Baseline(gap.taxonomy).fit(training_records()), thresholds


def reflection_report(gap: GapNLP, records: list[dict], baseline: Baseline,
                      baseline_thresholds: dict[str, float]) -> list[str]:
    tax = gap.taxonomy
    texts = [r["text"] for r in records]
    docs = list(gap.nlp.pipe(texts))
    results = [gap._classification(doc) for doc in docs]
    gold = [all_facets(tax, gold_cats(r, tax)) for r in records]
    ours = [{"service_areas": c.service_areas, "gap_type": [c.gap_type], "cohorts": c.cohorts, "risks": c.risks}
            for c in results]
    theirs = [all_facets(tax, cats, baseline_thresholds) for cats in baseline.cats(texts)]
    out = [f"Held-out reflections: {len(records)} ({HELDOUT_FILE}). Both models are trained on the training "
           "files only; multi-label thresholds of both are tuned on a dev split of the training files.", "",
           "| facet | metric | spaCy pipeline | TF-IDF + LR | target |", "|---|---|---|---|---|"]
    for facet in FACETS:
        labels = tax.facet_labels(facet)
        g = [set(x[facet]) for x in gold]
        metric = "macro-F1" if facet == "gap_type" else "micro-F1"
        ours_s = facet_score(facet, g, [set(x[facet]) for x in ours], labels)
        base_s = facet_score(facet, g, [set(x[facet]) for x in theirs], labels)
        out.append(f"| {facet} | {metric} | {ours_s:.3f} | {base_s:.3f} | >= {TARGETS[facet]} |")
    for field, target in (("locality", 0.95), ("neighbourhood", 0.90)):
        acc = sum(getattr(c, field) == r[field] for c, r in zip(results, records)) / len(records)
        base = sum(p == r[field] for p, r in zip(baseline.place(texts, field), records)) / len(records)
        out.append(f"| {field} | accuracy | {acc:.3f} | {base:.3f} | >= {target} |")
    out += ["", "Per label (spaCy pipeline):", "", "| facet | label | P | R | F1 | support |", "|---|---|---|---|---|---|"]
    for facet in FACETS:
        scores = per_label([set(x[facet]) for x in gold], [set(x[facet]) for x in ours], tax.facet_labels(facet))
        out += [f"| {facet} | {label} | {s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f} | {s.support} |"
                for label, s in scores.items()]
    out += ["", *pii_report(records, docs)]
    return out


def pii_report(records: list[dict], docs) -> list[str]:
    found, found_rules, total = Counter(), Counter(), Counter()
    kept = keep_total = 0
    for rec, doc in zip(records, docs):
        rules = rule_spans(rec["text"])
        for span in rec["pii"]:
            total[span["label"]] += 1
            found[span["label"]] += _covered(span["start"], span["end"], doc._.pii)
            found_rules[span["label"]] += _covered(span["start"], span["end"], rules)
        for word in rec.get("keep", []):
            start = rec["text"].find(word)
            keep_total += 1
            kept += all(s.end <= start or s.start >= start + len(word) for s in doc._.pii)
    all_total = sum(total.values())
    lines = ["| personal data | items | recall (pipeline) | recall (rules only) | target |", "|---|---|---|---|---|"]
    for tag in sorted(total):
        target = "1.0" if tag in ("NHS_NUMBER", "EMAIL", "PHONE", "POSTCODE") else ""
        lines.append(f"| {tag} | {total[tag]} | {found[tag] / total[tag]:.3f} | "
                     f"{found_rules[tag] / total[tag]:.3f} | {target} |")
    lines.append(f"| **all** | {all_total} | {sum(found.values()) / all_total:.3f} | "
                 f"{sum(found_rules.values()) / all_total:.3f} | >= 0.97 |")
    lines += ["", f"Must-keep words surviving redaction: {kept}/{keep_total} = {kept / keep_total:.3f} (target >= 0.97)"]
    return lines


def query_report(gap: GapNLP, records: list[dict]) -> list[str]:
    fields = ["intent", *QUERY_FIELDS, "since", "until"]
    right, exact, dated, dated_right = Counter(), 0, 0, 0
    for rec in records:
        got = gap.parse_query(rec["text"], date.fromisoformat(rec["today"])).to_json()
        ok = {f: got[f] == rec[f] for f in fields}
        right.update(f for f, v in ok.items() if v)
        exact += all(ok.values())
        if rec["since"] or rec["until"]:
            dated += 1
            dated_right += ok["since"] and ok["until"]
    n = len(records)
    lines = [f"Held-out questions: {n} ({QUERIES_HELDOUT_FILE}).", "",
             f"Whole-parse exact match: {exact}/{n} = {exact / n:.3f} (target >= 0.85); "
             f"questions with dates, both dates right: {dated_right}/{dated}", "",
             "| field | accuracy |", "|---|---|"]
    lines += [f"| {f} | {right[f] / n:.3f} |" for f in fields]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--readme", type=Path, help="write the tables into this README")
    args = parser.parse_args(argv)
    gap = GapNLP.load(args.model)
    heldout = read_jsonl(CORPUS_DIR / HELDOUT_FILE)
    print("training the TF-IDF + LR baseline ...", file=sys.stderr)
    baseline, thresholds = fit_baseline(gap)
    lines = [*reflection_report(gap, heldout, baseline, thresholds), "",
             *query_report(gap, read_jsonl(CORPUS_DIR / QUERIES_HELDOUT_FILE)), "",
             "Produced by `python -m nlp.evaluate`."]
    publish(lines, args.readme, MARKERS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
