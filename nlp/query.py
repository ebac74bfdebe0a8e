"""Commissioners' questions -> intent and filters (the parse_query contract).

Rules over the wording tables in phrases.json: measured on the training
questions they beat a trained classifier on whole-parse exact match, and they
are easy to correct when a commissioner's phrasing is missed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable

from spacy.tokens import Doc

from .dates import parse_dates
from .fuzzy import FuzzyIndex, osa_distance
from .places import Place, PlaceFinder
from .taxonomy import QUERY_FIELDS

DEFAULT_INTENT = "summary"
SPELL_MIN_LEN, SPELL_TWO_LEN = 5, 9   # letters before one / two typos are corrected
HELP_INTENT = "help"        # a question about the bot itself: its words are not filters
HELP_WORD = "help"          # a message that is this one word, typed with up to one typo ("hlep"), asks for help
_SPACES = re.compile(r"[ \t]{2,}")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})   # phone keyboards type ’
_PHRASE_WORD = re.compile(r"(?<![a-z\\])[a-z]{%d,}(?![a-z(\\])" % SPELL_MIN_LEN)   # whole words in a pattern
# "safeguarding-related", "autism-linked", "LD-flagged": the label word stands on its own (a space keeps offsets)
_HYPHEN_SUFFIX = re.compile(r"(?<=[a-z0-9])-(?=(?:related|flagged|linked|tagged|type|specific|based|focus+ed)\b)", re.I)


@dataclass(frozen=True)
class QueryFilter:
    intent: str
    service_areas: list[str] = field(default_factory=list)
    cohorts: list[str] = field(default_factory=list)
    gap_types: list[str] = field(default_factory=list)
    risks: list[str] = field(default_factory=list)
    localities: list[str] = field(default_factory=list)
    neighbourhoods: list[str] = field(default_factory=list)
    since: date | None = None
    until: date | None = None

    def to_json(self) -> dict:
        """The parse_query contract fields (minus "id"); dates as ISO strings."""
        out: dict = {"intent": self.intent}
        out.update({name: list(getattr(self, name)) for name in QUERY_FIELDS})
        out["since"] = self.since.isoformat() if self.since else None
        out["until"] = self.until.isoformat() if self.until else None
        return out


class QueryParser:
    """Intent: the first intent in phrases.json (help, export, review) with a matching
    pattern, else summary. Filters: places first, then the longest wording-table phrases
    in what is left, after spelling correction."""

    def __init__(self, phrases: dict, places: PlaceFinder, make_doc: Callable[[str], Doc],
                 lexicon: Iterable[str] = ()) -> None:
        self._places = places
        # the wording tables' own words are spelt right too: never "correct" them away
        self._known = set(lexicon) | {w for table in (phrases["query_filters"], *phrases["intents"].values())
                                      for pattern in table for w in _PHRASE_WORD.findall(pattern)}
        self._speller = FuzzyIndex(self._known, SPELL_MIN_LEN, SPELL_TWO_LEN)
        self._make_doc = make_doc
        self._intents = [(intent, [re.compile(p, re.I) for p in patterns])
                         for intent, patterns in phrases["intents"].items()]
        self._filters = [(re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.I), [t.split(":", 1) for t in targets])
                         for p, targets in phrases["query_filters"].items()]
        # a label id typed as it is spelt ("reablement_discharge", "no-provision gaps") is that label
        ids = sorted({tuple(t.split(":", 1)) for targets in phrases["query_filters"].values() for t in targets
                      if "_" in t.split(":", 1)[1]})
        self._filters += [(re.compile(rf"(?<![\w-]){label.replace('_', '[_ -]')}s?(?![\w-])", re.I), [[name, label]])
                          for name, label in ids]

    def parse(self, text: str, today: date) -> QueryFilter:
        text = _HYPHEN_SUFFIX.sub(" ", text.translate(_APOSTROPHES))
        intent = self._intent(text)
        if intent == DEFAULT_INTENT and self._is_help_typo(text):
            intent = HELP_INTENT
        if intent == HELP_INTENT:
            return QueryFilter(intent=intent)
        dates = parse_dates(text, today)
        values: dict[str, set[str]] = {name: set() for name in QUERY_FIELDS}
        doc = self._make_doc(text)
        places = self._places.find(doc)
        if intent == DEFAULT_INTENT:   # "exprot", "reveiw": read the intent again with the spelling corrected
            intent = self._intent(self._rest(doc, []))
            if intent == HELP_INTENT:
                intent = DEFAULT_INTENT
        for place in places:
            if place.ward is not None:
                values["neighbourhoods"].add(place.ward)
            else:
                values["localities"].add(place.locality)
        for field_name, label in self._phrase_hits(self._rest(doc, places)):
            values[field_name].add(label)
        return QueryFilter(intent=intent, since=dates.since, until=dates.until,
                           **{name: sorted(vals) for name, vals in values.items()})

    def _rest(self, doc: Doc, places: list[Place]) -> str:
        """The question without its places, each word spelt as the training texts spell it.
        Runs of spaces become one, so a phrase reads across a removed place ("hard for people
        in Clayton to find out")."""
        out = []
        for token in doc:
            inside = any(p.start <= token.idx < p.end for p in places)
            out.append(" " * len(token.text) if inside else self._spelling(token.text))
            out.append(token.whitespace_)
        return _SPACES.sub(" ", "".join(out))

    def _spelling(self, word: str) -> str:
        lower = word.lower()
        if len(lower) < SPELL_MIN_LEN or not lower.isalpha() or lower in self._known:
            return word
        return self._speller.nearest(lower) or word

    @staticmethod
    def _is_help_typo(text: str) -> bool:
        words = re.findall(r"[a-z]+", text.lower())
        return len(words) == 1 and len(words[0]) >= len(HELP_WORD) - 1 \
            and osa_distance(words[0], HELP_WORD, 1) <= 1

    def _intent(self, text: str) -> str:
        for intent, patterns in self._intents:
            if any(p.search(text) for p in patterns):
                return intent
        return DEFAULT_INTENT

    def _phrase_hits(self, text: str) -> list[tuple[str, str]]:
        """(field, label) for the longest non-overlapping phrase matches."""
        hits = [(m.start(), m.end(), targets) for rx, targets in self._filters for m in rx.finditer(text)]
        hits.sort(key=lambda h: (h[0] - h[1], h[0]))
        taken: list[tuple[int, int]] = []
        out: list[tuple[str, str]] = []
        for start, end, targets in hits:
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
                out += [(f, label) for f, label in targets]
        return out
