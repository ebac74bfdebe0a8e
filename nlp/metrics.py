"""Scores shared by training (dev split), architecture comparison and evaluation."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float
    support: int


def prf(tp: int, fp: int, fn: int) -> PRF:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0, tp + fn)


def per_label(gold: Sequence[set[str]], pred: Sequence[set[str]], labels: Sequence[str]) -> dict[str, PRF]:
    out = {}
    for label in labels:
        tp = sum(label in g and label in p for g, p in zip(gold, pred))
        fp = sum(label not in g and label in p for g, p in zip(gold, pred))
        fn = sum(label in g and label not in p for g, p in zip(gold, pred))
        out[label] = prf(tp, fp, fn)
    return out


def micro_f1(gold: Sequence[set[str]], pred: Sequence[set[str]]) -> float:
    tp = sum(len(g & p) for g, p in zip(gold, pred))
    return prf(tp, sum(len(p - g) for g, p in zip(gold, pred)), sum(len(g - p) for g, p in zip(gold, pred))).f1


def macro_f1(gold: Sequence[set[str]], pred: Sequence[set[str]], labels: Sequence[str]) -> float:
    scores = [s.f1 for s in per_label(gold, pred, labels).values() if s.support]
    return sum(scores) / len(scores) if scores else 0.0


def facet_score(facet: str, gold: Sequence[set[str]], pred: Sequence[set[str]], labels: Sequence[str]) -> float:
    """The headline figure of a facet: macro-F1 for the single-label gap type, micro-F1 otherwise."""
    return macro_f1(gold, pred, labels) if facet == "gap_type" else micro_f1(gold, pred)
