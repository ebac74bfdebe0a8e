"""The taxonomy data file (nlp/taxonomy.json) as a typed, read-only object.

Every label id, ward and place name the NLP uses comes from here; modules never
spell label strings themselves.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

DEFAULT_PATH = Path(__file__).with_name("taxonomy.json")

#: Facet name in the classify contract -> key of its label table in the data file.
FACETS: Mapping[str, str] = MappingProxyType(
    {"service_areas": "service_areas", "gap_type": "gap_types", "cohorts": "cohorts", "risks": "risks"}
)
#: Facets with exactly one label per text (the others are multi-label).
EXCLUSIVE_FACETS = frozenset({"gap_type"})
#: The locality id for places outside Manchester (must exist in the data file's localities).
OUT_OF_AREA = "out_of_area"


@dataclass(frozen=True)
class Taxonomy:
    """Label tables (id -> human label) and the place tables of the taxonomy."""

    service_areas: Mapping[str, str]
    gap_types: Mapping[str, str]
    cohorts: Mapping[str, str]
    risks: Mapping[str, str]
    localities: Mapping[str, str]
    wards: Mapping[str, str]
    ward_aliases: Mapping[str, str]
    area_localities: Mapping[str, str]
    out_of_area: tuple[str, ...]
    pii_tags: tuple[str, ...]

    @classmethod
    def from_dict(cls, data: dict) -> "Taxonomy":
        tax = cls(
            **{k: MappingProxyType(dict(data[k])) for k in (
                "service_areas", "gap_types", "cohorts", "risks", "localities",
                "wards", "ward_aliases", "area_localities")},
            out_of_area=tuple(data["out_of_area"]),
            pii_tags=tuple(data["pii_tags"]),
        )
        tax._validate()
        return tax

    def to_dict(self) -> dict:
        data = {k: dict(getattr(self, k)) for k in (
            "service_areas", "gap_types", "cohorts", "risks", "localities",
            "wards", "ward_aliases", "area_localities")}
        data["out_of_area"] = list(self.out_of_area)
        data["pii_tags"] = list(self.pii_tags)
        return data

    def facet_labels(self, facet: str) -> list[str]:
        """Label ids of a classify facet ("service_areas", "gap_type", "cohorts", "risks")."""
        return list(getattr(self, FACETS[facet]))

    @property
    def all_labels(self) -> list[str]:
        return [label for facet in FACETS for label in self.facet_labels(facet)]

    def _validate(self) -> None:
        if OUT_OF_AREA not in self.localities:
            raise ValueError(f"localities must include {OUT_OF_AREA!r}")
        labels = self.all_labels
        if len(labels) != len(set(labels)):
            raise ValueError("label ids must be unique across facets (they share one scores map)")
        for ward, locality in self.wards.items():
            if locality not in self.localities:
                raise ValueError(f"ward {ward!r} has unknown locality {locality!r}")
        for alias, ward in self.ward_aliases.items():
            if ward not in self.wards:
                raise ValueError(f"alias {alias!r} points at unknown ward {ward!r}")
        for area, locality in self.area_localities.items():
            if locality not in self.localities:
                raise ValueError(f"area {area!r} has unknown locality {locality!r}")


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Read the taxonomy data file (default: nlp/taxonomy.json)."""
    with open(path or DEFAULT_PATH, encoding="utf-8") as f:
        return Taxonomy.from_dict(json.load(f))


PHRASES_PATH = Path(__file__).with_name("phrases.json")
#: Query filter fields -> the taxonomy table their values come from.
QUERY_FIELDS: Mapping[str, str] = MappingProxyType({
    "service_areas": "service_areas", "cohorts": "cohorts", "gap_types": "gap_types", "risks": "risks",
    "localities": "localities", "neighbourhoods": "wards"})


def load_phrases(taxonomy: Taxonomy, path: str | Path | None = None) -> dict:
    """Read the wording tables (nlp/phrases.json), checking every label id they name."""
    with open(path or PHRASES_PATH, encoding="utf-8") as f:
        data = json.load(f)
    for locality in data["locality_phrases"]:
        if locality not in taxonomy.localities:
            raise ValueError(f"phrases: unknown locality {locality!r}")
    for phrase, targets in data["query_filters"].items():
        for target in targets:
            field, _, label = target.partition(":")
            if field not in QUERY_FIELDS or label not in getattr(taxonomy, QUERY_FIELDS[field]):
                raise ValueError(f"phrases: {phrase!r} maps to unknown {target!r}")
    return data
