"""Rule-based personal-data recognisers and the redaction step.

Patterns carry their own validation (a phone number must parse as a UK
number; a postcode must have a valid inward code; a date is a date of birth
after "DOB"/"born"/... or when it is old enough). Names are found by context
(a title, a relationship, an age or contact detail right after); those the
patterns miss are left to the trained `ner` and the name gazetteer, and
`merge_spans` combines them.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Iterator

import phonenumbers

from .places import STREET_WORDS, TITLES

PERSON, ADDRESS = "PERSON", "ADDRESS"


@dataclass(frozen=True, order=True)
class PIISpan:
    start: int
    end: int
    label: str


DIGIT = re.compile(r"\d")
# Where a full UK number can start (0..., +44, 0044, 44); phonenumbers' own scan is slow,
# so texts without one skip it.
_PHONE_START = re.compile(r"(?<!\d)(?:\(?0|\+|44)")
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_POSTCODE = re.compile(
    r"(?<![\w-])(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})(?![\w-])", re.I)
_NI = re.compile(r"(?<![\w-])[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D](?![\w-])", re.I)
# 3-3-4 digits, spaced, dashed or run together; a leading 0 is a phone number instead.
_NHS = re.compile(r"(?<![\w+-])[1-9]\d{2}([ -]?)\d{3}\1\d{4}(?![\w-])")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE = (rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+\d{{2,4}}"
         rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})")
#: A full date this far back is someone's birth date in this domain (reflections are about now).
ADULT_YEARS = 16
_FULL_DATE = re.compile(
    rf"(?<![\w/.-])(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?P<y1>(?:19|20)\d\d)|(?P<y2>(?:19|20)\d\d)-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+(?P<y3>(?:19|20)\d\d)"
    rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<y4>(?:19|20)\d\d))(?![\w/-])", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")
_DOB = re.compile(
    rf"\b(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s?date|born(?:\s+on)?|b\.)\s*(?:is|was|[:=-])?\s*({_DATE})(?!\d)",
    re.I)
_STREET = "(?:" + "|".join(STREET_WORDS) + ")"
_NOT_STREET_WORD = (r"(?!(?:years?|yrs?|weeks?|wks?|days?|months?|hours?|hrs?|times?|the|a|of|old|and|or"
                    r"|by|at|to|for|on|in|with|from|since|per|x)\b)")
_ADDRESS = re.compile(
    rf"\b(?:(?:flat|apartment|apt|unit|room)\s+\d+[a-z]?,?\s+)?\d{{1,3}}[a-z]?\s+"
    rf"(?:{_NOT_STREET_WORD}[A-Za-z'’]+\s+){{1,3}}{_STREET}\b\.?", re.I)
_UPPER = "A-ZĄĆĘŁŃÓŚŹŻÀ-ÖØ-Þ"
# A capitalised name: letters (any script), inner apostrophes/hyphens: "O'Connor", "Wiśniewska", "Lloyd-Jones"
_NAME = rf"[{_UPPER}](?:[^\W\d_]|['’-](?=[^\W\d_]{{2}}))+"
# a surname after a first name or title: not an all-capitals acronym ("Ms Adeyemi's CPN")
_SURNAME = rf"(?![{_UPPER}]{{2,}}\b){_NAME}"
# "Mrs Okafor", "Dr Patel", "mr osei" (a lower-case title still names someone; "the dr" alone does not)
_PERSON_TITLE = re.compile(
    rf"\b(?:(?:{'|'.join(t.capitalize() for t in TITLES)})\.?\s+{_NAME}(?:\s+{_SURNAME})?"
    rf"|(?:mr|mrs|ms|miss)\.?\s+(?:{_NAME}(?:\s+{_SURNAME})?|[a-z][a-z'’-]+))")
RELATIONS = ("mum", "mom", "dad", "wife", "husband", "son", "daughter", "brother", "sister", "nan", "nana",
             "gran", "grandma", "grandad", "grandson", "granddaughter", "partner", "carer", "neighbour",
             "nephew", "niece", "aunt", "auntie", "uncle", "friend", "cousin", "fiance", "fiancee",
             "stepson", "stepdaughter", "caller", "dtr")
# "her son Tariq", "Wife Maureen", "daughter Joy Mensah": a capitalised word after a relationship


def word_trie(words: Iterable[str]) -> str:
    """An alternation of the words as a prefix tree ("s(?:ister|on)"): Python's re tries
    alternatives one at a time, so sharing prefixes halves the work of a long list."""
    branches: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        branches.setdefault(word[:1], []).append(word[1:])
    parts = []
    for head, tails in branches.items():
        if len(tails) == 1:
            parts.append(re.escape(head + tails[0]))
            continue
        rest = [tail for tail in tails if tail]
        optional = "?" if len(rest) < len(tails) else ""
        parts.append(f"{re.escape(head)}(?:{word_trie(rest)}){optional}")
    return "|".join(parts)


_PERSON_RELATION = re.compile(
    rf"\b(?i:{word_trie(RELATIONS)})\s+({_NAME}(?:\s+{_SURNAME})?)")


def _phones(text: str) -> Iterator[PIISpan]:
    """UK phone numbers: phonenumbers finds and parses them; we keep those written in a
    full UK form (0 + 9-10 digits, or +44) so that bare counts and years are not phones."""
    for m in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
        digits = re.sub(r"\D", "", m.raw_string)
        full_uk = (digits.startswith("0") and not digits.startswith("00") and len(digits) in (10, 11)) \
            or (digits.startswith("44") and len(digits) in (11, 12)) \
            or (digits.startswith("0044") and len(digits) in (13, 14))
        if full_uk and m.number.country_code == 44:
            yield PIISpan(m.start, m.end, "PHONE")


def _may_name_a_birth(lower: str) -> bool:
    """Whether a _DOB keyword can be in the text: "dob" (spaces and dots aside), "birth", "born", "b."."""
    return "birth" in lower or "born" in lower or "b." in lower or "dob" in lower.replace(".", "").replace(" ", "")


def _birth_dates(text: str, lower: str) -> Iterator[PIISpan]:
    """Dates after "DOB"/"born"/..., and any full date old enough to be an adult's birth.
    Both patterns are slow; a keyword (for the first) and a four-digit year (for the second)
    are cheap to look for first."""
    if _may_name_a_birth(lower):
        yield from _regex(_DOB, "DATE_OF_BIRTH", text, group=1)
    if not _YEAR.search(text):
        return
    latest = date.today().year - ADULT_YEARS
    for m in _FULL_DATE.finditer(text):
        if int(next(y for y in m.group("y1", "y2", "y3", "y4") if y)) <= latest:
            yield PIISpan(m.start(), m.end(), "DATE_OF_BIRTH")


_CONTACT_WORDS = frozenset({"tel", "telephone", "phone", "mob", "mobile", "landline", "contact", "call", "ring",
                            "text", "email", "emailed", "number", "no", "on", "is", "at", "or", "and"})
_BEFORE_CONTACT = re.compile(
    rf"((?:{_NAME}\s+)?{_NAME})[\s,(:-]*(?:(?i:on|is|ni|nhs|dob|d\.o\.b|no|number|tel|mob|mobile|email)\b[\s:.,-]*)*$")
CONTACT_TAGS = frozenset({"PHONE", "EMAIL", "NI_NUMBER", "NHS_NUMBER", "DATE_OF_BIRTH"})


def _names_before_contacts(text: str, spans: list[PIISpan]) -> Iterator[PIISpan]:
    """"Moira 0161 496 0547", "Bill Murphy (NHS 485...)": one or two capitalised words right
    before a phone number, email, NI/NHS number or date of birth are someone's name."""
    not_names = _CONTACT_WORDS | set(RELATIONS) | set(TITLES)
    for span in spans:
        if span.label in CONTACT_TAGS:
            offset = max(0, span.start - 40)
            m = _BEFORE_CONTACT.search(text[offset:span.start])
            if not m:
                continue
            words = list(re.finditer(r"\S+", m.group(1)))
            while words and words[0].group().lower() in not_names:   # "Tel Moira": Moira
                words.pop(0)
            if words and any(c.islower() for c in m.group(1)):
                start = offset + m.start(1)
                yield PIISpan(start + words[0].start(), start + words[-1].end(), PERSON)


#: Words for a person that are not a name, as in "Woman, 45".
PERSON_NOUNS = frozenset({"man", "woman", "lady", "gent", "gentleman", "male", "female", "client", "patient",
                          "person", "boy", "girl", "chap", "resident", "tenant", "adult", "service", "user"})
# "Tyrone, autistic, 24" is not caught, "Tyrone, 24" and "Sunny Young (34, LD)" are
_BEFORE_AGE = re.compile(
    rf"(?<![\w'’-])({_NAME}(?:\s+{_NAME})?)\s*[,(]\s*(?:aged\s+)?\d{{1,3}}(?:\s*(?:yo|y/o|yrs?|years?))?\b"
    r"(?!\s*(?:%|am|pm|hrs?|hours?|mins?|minutes?|days?|weeks?|wks?|months?|calls?|times?|miles?)\b)")


def _names_before_ages(text: str) -> Iterator[PIISpan]:
    for m in _BEFORE_AGE.finditer(text):
        words = m.group(1).lower().split()
        if any(c.islower() for c in m.group(1)) and not set(words) & (PERSON_NOUNS | set(RELATIONS) | set(TITLES)):
            yield PIISpan(m.start(1), m.end(1), PERSON)


def _regex(pattern: re.Pattern, label: str, text: str, group: int = 0) -> Iterator[PIISpan]:
    for m in pattern.finditer(text):
        yield PIISpan(m.start(group), m.end(group), label)


def rule_spans(text: str) -> list[PIISpan]:
    """Every personal-data item the patterns find (most specific recogniser wins an overlap).
    Cheap checks skip recognisers that cannot match (most notes have no digits or "@")."""
    spans: list[PIISpan] = []
    lower = text.lower()
    if "@" in text:
        spans += _regex(_EMAIL, "EMAIL", text)
    digits = len(DIGIT.findall(text))
    if digits >= 3:   # the shortest date of birth: "1 May 50"
        spans += _birth_dates(text, lower)
    if digits:
        if digits >= 9:
            if _PHONE_START.search(text):
                spans += _phones(text)
            spans += _regex(_NHS, "NHS_NUMBER", text)
        if digits >= 6:
            spans += _regex(_NI, "NI_NUMBER", text)
        spans += _regex(_POSTCODE, "POSTCODE", text)
        spans += _regex(_ADDRESS, ADDRESS, text)
    spans += _regex(_PERSON_TITLE, PERSON, text)
    if any(word in lower for word in RELATIONS):   # substring test first: the pattern is slow
        spans += _regex(_PERSON_RELATION, PERSON, text, group=1)
    spans += _names_before_contacts(text, spans)
    if digits:
        spans += _names_before_ages(text)
    return merge_spans(spans, [])


def merge_spans(preferred: Iterable[PIISpan], extra: Iterable[PIISpan], text: str = "") -> list[PIISpan]:
    """Non-overlapping spans in text order: the preferred list wins (first come first
    served within it), then extra spans that overlap nothing kept. Given the text, names
    separated only by spaces become one ("Sunny" "Young" -> one [PERSON])."""
    kept: list[PIISpan] = []
    for span in [*preferred, *extra]:
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    merged: list[PIISpan] = []
    for span in sorted(kept):
        last = merged[-1] if merged else None
        if text and last and last.label == span.label == PERSON and not text[last.end:span.start].strip():
            merged[-1] = PIISpan(last.start, span.end, PERSON)
        else:
            merged.append(span)
    return merged


def redact(text: str, spans: Iterable[PIISpan]) -> tuple[str, dict[str, int]]:
    """Replace each span by its bracketed tag; return the text and counts per tag."""
    out, pos, counts = [], 0, Counter()
    for span in sorted(spans):
        out += [text[pos:span.start], f"[{span.label}]"]
        pos = span.end
        counts[span.label] += 1
    out.append(text[pos:])
    return "".join(out), dict(counts)
