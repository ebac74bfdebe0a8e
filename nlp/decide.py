"""From classifier probabilities to labels: the one place the decision rules live."""
from __future__ import annotations

from typing import Mapping

from .taxonomy import EXCLUSIVE_FACETS, FACETS, Taxonomy

THRESHOLD = 0.5          # multi-label default; the trained model's meta carries tuned ones
#: unpaid_carer probability bands for Classification.assessment_for
CARER_COHORT = "unpaid_carer"
CARER_ABOVE, CITIZEN_BELOW = 0.7, 0.3
#: facets that must have at least one label (the taxonomy: service_areas ">= 1")
NON_EMPTY_FACETS = frozenset({"service_areas"})


def decide(facet: str, labels: list[str], cats: Mapping[str, float], threshold: float = THRESHOLD) -> list[str]:
    """Labels of one facet: the best one for exclusive facets; otherwise every label at or
    above the threshold (the best one if none is, for facets that cannot be empty)."""
    best = max(labels, key=lambda label: cats.get(label, 0.0))
    if facet in EXCLUSIVE_FACETS:
        return [best]
    chosen = [label for label in labels if cats.get(label, 0.0) >= threshold]
    return chosen or ([best] if facet in NON_EMPTY_FACETS else [])


def assessment_for(cats: Mapping[str, float]) -> str | None:
    """"carer" when the unpaid_carer cohort is confident, "citizen" when it is confidently
    absent, None in between (the bot then asks whose assessment it was)."""
    p = cats.get(CARER_COHORT, 0.0)
    return "carer" if p >= CARER_ABOVE else "citizen" if p <= CITIZEN_BELOW else None


def all_facets(taxonomy: Taxonomy, cats: Mapping[str, float],
               thresholds: Mapping[str, float] | None = None) -> dict[str, list[str]]:
    thresholds = thresholds or {}
    return {facet: decide(facet, taxonomy.facet_labels(facet), cats, thresholds.get(facet, THRESHOLD))
            for facet in FACETS}
