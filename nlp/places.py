"""Find Manchester places in text: wards, their aliases, areas spanning wards,
locality phrases ("north Manchester") and places outside the city.

Matching is over token windows, case-insensitive and blind to spacing,
hyphens and "&"/"and"; longer names win ("Higher Blackley" over "Blackley").
Names of 7+ letters also match with one typo (two for 11+), e.g. "Wythenshaw",
"Fallowfeild" (see fuzzy.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping

from spacy.attrs import ORTH
from spacy.tokens import Doc

from .fuzzy import FuzzyIndex
from .taxonomy import OUT_OF_AREA, Taxonomy

#: Words after a name that make it a street ("Rochdale Road", "Hyde Rd"), not a place.
STREET_WORDS = ("street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "close", "cl", "drive", "dr",
                "court", "ct", "way", "grove", "gr", "place", "pl", "crescent", "cres", "terrace", "walk",
                "gardens", "gdns", "square", "sq", "parade", "mews", "row", "rise", "fold", "brow", "croft",
                "boulevard", "vale", "view", "green", "hill", "park")
TITLES = ("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "cllr", "sr")

#: "over Beswick way", "Baguley way?": the colloquial "around there", not a street called Way
AREA_WAY_BEFORE = ("over", "round", "around", "up", "down", "out", "that")

MAX_WINDOW = 6          # tokens: "Chorlton - cum - Hardy" is five
FUZZY_MIN_LEN = 7       # letters of a name before one typo is tolerated (the typed word may be one shorter)
FUZZY_TWO_LEN = 11      # letters before two typos are tolerated
FUZZY_TOKENS = 3


@dataclass(frozen=True)
class Place:
    start: int                 # character offsets in the text
    end: int
    text: str
    ward: str | None           # a ward name from the taxonomy, or None for areas/localities
    locality: str              # a locality id


@lru_cache(maxsize=100000)
def normalise(name: str) -> str:
    """Comparison key: lower case letters and digits only, "&" read as "and"."""
    return re.sub(r"[^a-z0-9]", "", name.lower().replace("&", "and"))


class PlaceFinder:
    """Resolves place mentions against the taxonomy's place tables."""

    def __init__(self, taxonomy: Taxonomy, locality_phrases: Mapping[str, Iterable[str]],
                 capitalised_only: Iterable[str] = ()) -> None:
        self._names: dict[str, tuple[str | None, str]] = {}
        for ward, locality in taxonomy.wards.items():
            self._names[normalise(ward)] = (ward, locality)
        for alias, ward in taxonomy.ward_aliases.items():
            self._names[normalise(alias)] = (ward, taxonomy.wards[ward])
        for area, locality in taxonomy.area_localities.items():
            self._names[normalise(area)] = (None, locality)
        for name in taxonomy.out_of_area:
            self._names[normalise(name)] = (None, OUT_OF_AREA)
        self._phrases: dict[str, str] = {}
        for locality, phrases in locality_phrases.items():
            if locality not in taxonomy.localities:
                raise ValueError(f"locality phrase table names unknown locality {locality!r}")
            for phrase in phrases:
                self._phrases[normalise(phrase)] = locality
        self._capitalised_only = {normalise(n) for n in capitalised_only}
        fuzzy = FuzzyIndex((k for k in self._names if k not in self._capitalised_only),
                                 FUZZY_MIN_LEN, FUZZY_TWO_LEN)
        self._prefixes = {key[:k] for key in [*self._names, *self._phrases] for k in range(1, len(key) + 1)}
        self._near = lru_cache(maxsize=50000)(fuzzy.nearest)
        self._fuzzy_starts = {key[:2] for key in self._names}
        self._word_keys: dict[int, tuple[str, bool]] = {}

    def find(self, doc: Doc) -> list[Place]:
        """All place mentions in the doc, left to right, longest first, not overlapping."""
        keys, alpha = self._keys(doc)
        places: list[Place] = []
        i = 0
        while i < len(keys):
            could_start = alpha[i] and (keys[i] in self._prefixes or keys[i][:2] in self._fuzzy_starts)
            hit = self._match_at(doc, keys, alpha, i) if could_start else None
            if hit is None:
                i += 1
                continue
            end, (ward, locality) = hit
            span = doc[i:end]
            if not self._is_street_or_name(span):
                places.append(Place(span.start_char, span.end_char, span.text, ward, locality))
            i = end
        return places

    def _keys(self, doc: Doc) -> tuple[list[str], list[bool]]:
        """Each token's comparison key and whether it is all letters, from the ORTH array
        (a per-word cache: building spaCy Token objects for every word costs more)."""
        keys, alpha = [], []
        strings, cache = doc.vocab.strings, self._word_keys
        for orth in doc.to_array(ORTH).tolist():
            entry = cache.get(orth)
            if entry is None:
                text = strings[orth]
                entry = cache[orth] = (normalise(text), text.isalpha())
            keys.append(entry[0])
            alpha.append(entry[1])
        return keys, alpha

    def _match_at(self, doc: Doc, keys: list[str], alpha: list[bool], i: int):
        """(end token, (ward, locality)) of the longest name starting at token i, if any."""
        key, best = "", None
        for j in range(i, min(i + MAX_WINDOW, len(doc))):
            key += keys[j]
            if key not in self._prefixes:
                break
            if alpha[j] and (key in self._phrases or key in self._names):
                best = (j + 1, key)
        if best is not None:
            end, key = best
            if key in self._phrases:
                return end, (None, self._phrases[key])
            if key not in self._capitalised_only or doc[i].text[:1].isupper():
                return end, self._names[key]
            return None
        # one typo: the longest window of up to FUZZY_TOKENS words ("Moss Sde", "chorlton cum hardy")
        if keys[i][:2] not in self._fuzzy_starts:
            return None
        key = ""
        hits = []
        for j in range(i, min(i + FUZZY_TOKENS, len(doc))):
            if not alpha[j]:
                break
            key += keys[j]
            near = self._near(key)
            if near is not None:
                hits.append((j + 1, self._names[near]))
        return hits[-1] if hits else None

    def choose(self, places: list[Place]) -> Place | None:
        """The reflection's place: its first ward, else its first area or locality.
        (On the training split this beats "first mention" and "after a 'lives in' cue".)"""
        return next((p for p in places if p.ward), places[0] if places else None)

    @staticmethod
    def _is_street_or_name(span) -> bool:
        doc = span.doc
        after = doc[span.end].lower_.rstrip(".") if span.end < len(doc) else ""
        before = doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
        if after == "way" and _is_area_way(span, before):
            return False
        return after in STREET_WORDS or before in TITLES


def _is_area_way(span, before: str) -> bool:
    doc = span.doc
    ends = span.end + 1 >= len(doc) or doc[span.end + 1].is_punct
    return ends or before in AREA_WAY_BEFORE
