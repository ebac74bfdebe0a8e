"""Date expressions in commissioners' questions, resolved against "today".

Every expression is read as a period (first day, last day). Its role word
decides what the filter takes: "since/from/after X" -> since; "before X" ->
until the day before; "until/till/up to X" -> until X's end; "between X and Y",
"from X to Y" -> both; anything else ("in March", "last quarter", "2025") -> both
ends of the period. Two days sharing one month ("between 1 and 15 october",
"from 3 to 10 may", "1st-15th oct", "oct 1-15") are one period, first day to
last. A month or day without a year is its latest occurrence that has
started by today. Documented conventions: "last month/quarter/year"
are the previous calendar period; "last/past N days|weeks|months|years" and
"last/past week|fortnight", "past month|year" count back from today; "this
week/month/quarter/year", "year to date"/"ytd" end on today; financial years
start on 1 April. "The start of the year/month/quarter/financial year/2026/
august" is its first day, so "since the start of the year" is since 1 January
of today's year.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {name: i for i, names in enumerate((
    (), ("jan", "january"), ("feb", "february", "febuary"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december"))) for name in names}
NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                                                     "ninety": 90, "a": 1, "an": 1}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

_MON = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_NUM = r"(?:\d{1,3}|" + "|".join(NUMBERS) + ")"
_UNIT = r"(?:day|week|wk|fortnight|month|mnth|mth|year|yr)s?"
# "the September board", "the October meeting": a month naming a meeting or paper is no period
_MEETING = r"(?:board|meeting|report|paper|panel|committee|forum|briefing|update|return|submission|newsletter|edition)s?\b"
# "2025/26", "2025-26", "2025/2026": a financial year (checked: the second year follows the first)
_FY = r"20\d\d\s*[/-]\s*(?:20)?\d\d(?![\d/-])"
_DAY_LINK = r"\s*(?:-|–|to|and|until|till|through|thru)\s*(?:the\s+)?"   # "1-15", "1st to the 15th"

PERIOD = "|".join(f"(?P<{name}>{rx})" for name, rx in (
    ("iso", r"\d{4}-\d\d-\d\d"),
    ("dmy", r"\d{1,2}/\d{1,2}/\d{2,4}"),
    ("count", rf"(?:last|past|previous|prev)\s+{_NUM}\s+{_UNIT}|(?:the\s+)?{_NUM}\s+{_UNIT}\s+(?:up\s+)?to\s+(?:today|date|now)"),
    ("rolling", r"(?:last|past)\s+(?:week|wk|fortnight)|past\s+(?:month|year|12\s+months)"
                r"|(?:the\s+)?(?:12|twelve)\s+months\s+to\s+date"),
    ("before_last", r"(?:the\s+)?month\s+before\s+last"),
    ("previous", r"(?:last|previous|prev)\s+(?:calendar\s+)?(?:months?|mnths?|mths?|quarter|qtr|q|year|yr)(?!\s*\d)"),
    ("fiscal_named", rf"(?:(?:financial|fiscal)\s+year\s+|fy\s*)?{_FY}(?:\s+(?:financial|fiscal)\s+year)?"),
    ("fiscal", r"(?:this|current|last|previous)\s+(?:financial|fiscal)\s+year|(?:this|last|current)\s+fy"
               r"|(?:the\s+)?(?:financial|fiscal)\s+year[\s-]+to[\s-]+date|fytd"),
    ("current", r"(?:this|current)\s+(?:calendar\s+)?(?:week|wk|month|mnth|mth|quarter|qtr|year|yr)"
                r"|(?:the\s+)?(?:calendar\s+)?(?:year|quarter|month)(?:[\s-]+to[\s-]+date|\s+so\s+far)|ytd|qtd|mtd"),
    ("year_so_far", rf"so\s+far\s+in\s+{_YEAR}"),
    ("half", rf"h[12](?:\s*{_YEAR})?|{_YEAR}\s+h[12]|(?:the\s+)?(?:first|second|1st|2nd)\s+half\s+of\s+"
             rf"(?:the\s+year|{_YEAR})"),
    ("holiday", r"(?:the\s+)?new\s+year|christmas|xmas"),
    ("day_word", r"yesterday|yday|today"),
    ("quarter", rf"q[1-4](?:\s*(?:of\s+)?{_YEAR})?|{_YEAR}\s+q[1-4]|(?:the\s+)?first\s+(?:three|3)\s+months\s+of\s+(?:the\s+year|this\s+year|{_YEAR})|(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
                rf"(?:\s+of\s+(?:the\s+year|{_YEAR}))?"),
    ("start_of", rf"(?:the\s+)?(?:start|beginning)\s+of\s+(?:(?:the|this)\s+)?(?:(?:calendar\s+)?(?:year|yr)(?![\s-]+to[\s-]+date\b)"
                 rf"|(?:financial|fiscal)\s+year|fy|month|quarter|qtr|q[1-4]|{_MON}(?:\s+{_YEAR})?|{_YEAR})"),
    ("day_range", rf"(?:the\s+)?{_DAY}{_DAY_LINK}{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?"
                  rf"|{_MON}\s+(?:the\s+)?{_DAY}{_DAY_LINK}{_DAY}(?:,?\s+{_YEAR})?(?!\d|\s+(?:of\s+)?{_MON})"),
    ("day_month", rf"{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?"),
    ("month_day", rf"{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?(?!\d)"),
    ("the_day", rf"the\s+{_DAY}(?!\s+(?:of\s+)?{_MON}|\s*(?:to|-)\s*\d|s\b|\s+{_UNIT}\b)"),   # not "the 18 to 25s", "the 3 weeks"
    ("month", rf"{_MON}(?!(?:\s+{_YEAR})?\s+{_MEETING})(?:\s+{_YEAR})?"),
    ("year", _YEAR),
))
_ROLE = (r"(?P<role>since|on\s+or\s+after|after|from|on\s+or\s+before|before|until|till|til"
         r"|up\s+to(?:\s+and\s+including)?|between|in|during|for|over)\s+"
         r"(?:the\s+end\s+of\s+)?(?:the\s+)?(?:last\s+(?=[a-z]{3}))?")
_EXPR = re.compile(rf"\b(?:{_ROLE})?(?:{PERIOD})\b(?P<tail>\s+(?:onwards|so\s+far))?", re.I)
_LINK = re.compile(r"^\s*(?:and|to|until|till|through|-|–)\s*(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?$", re.I)
_BARE_LINK = re.compile(r"^\s*(?:to|until|till|through|-|–)\s*$", re.I)   # "march to june", "march-june"
_MONTH_WORDS = ("to", "and", "until", "till", "through", "of", "from", "since", "in", "before", "after", "-", "–")


#: inclusive role words read as their plain forms ("on or after 1 May" is since 1 May)
ROLE_SYNONYMS = {"on or after": "since", "on or before": "until", "up to and including": "until"}
#: "from September 2026", "from 2025": a named whole period after "from" is that period, not "since"
WHOLE_PERIODS = ("year", "day_range", "month", "quarter", "half", "fiscal_named")


@dataclass(frozen=True)
class DateFilter:
    since: date | None
    until: date | None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _minus_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 - months, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _quarter(y: int, q: int) -> tuple[date, date]:
    return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)


def _latest_year(month: int, day: int, today: date, after: date | None) -> int:
    """Year for a month/day given without one: the latest occurrence already started
    (or, for the end of a range, the first one on or after its start)."""
    if after is not None:
        return after.year if (month, day) >= (after.month, after.day) else after.year + 1
    return today.year if (month, day) <= (today.month, today.day) else today.year - 1


def _month_of(text: str) -> int:
    return MONTHS[re.match(r"[a-z]+", text.lower()).group(0)]


def _period(kind: str, text: str, today: date, after: date | None) -> tuple[date, date]:
    t = " ".join(text.lower().split())
    year_m = re.search(_YEAR, t)
    year = int(year_m.group(0)) if year_m else None
    if kind == "iso":
        d = date.fromisoformat(t)
        return d, d
    if kind == "dmy":
        dd, mm, yy = (int(x) for x in t.split("/"))
        d = date(yy + 2000 if yy < 100 else yy, mm, dd)
        return d, d
    if kind == "count":
        n_text, unit = re.search(rf"({_NUM})\s+({_UNIT})", t).groups()
        n = int(n_text) if n_text.isdigit() else NUMBERS[n_text]
        return _count_back(today, n, unit), today
    if kind == "rolling":
        if re.search(r"\b(?:12|twelve) months", t):
            return _count_back(today, 12, "months"), today
        return _count_back(today, 1, t.split()[-1]), today
    if kind == "before_last":
        start = _minus_months(today.replace(day=1), 2)
        return start, _month_end(start.year, start.month)
    if kind == "previous":
        unit = t.split()[-1]
        if unit.startswith(("month", "mnth", "mth")):
            start = _minus_months(today.replace(day=1), 1)
            return start, _month_end(start.year, start.month)
        if unit.startswith(("q", "qtr")) and not unit.startswith("y"):
            q = (today.month - 1) // 3
            return _quarter(today.year, q) if q else _quarter(today.year - 1, 4)
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if kind == "fiscal_named":
        start_year = int(re.search(r"20\d\d", t).group(0))
        return date(start_year, 4, 1), date(start_year + 1, 3, 31)
    if kind == "year_so_far":
        return date(year, 1, 1), today
    if kind == "half":
        second = re.search(r"h2|second|2nd", t) is not None
        y = year or (today.year if not second or today.month > 6 else today.year - 1)
        return (date(y, 7, 1), date(y, 12, 31)) if second else (date(y, 1, 1), date(y, 6, 30))
    if kind == "fiscal":
        start_year = today.year if today.month >= 4 else today.year - 1
        if t.startswith(("last", "previous")):
            return date(start_year - 1, 4, 1), date(start_year, 3, 31)
        return date(start_year, 4, 1), today
    if kind == "holiday":
        if "new" in t:
            d = date(today.year, 1, 1)
        else:
            d = date(today.year if today >= date(today.year, 12, 25) else today.year - 1, 12, 25)
        return d, d
    if kind == "current":
        unit = re.search(r"week|wk|month|mnth|mth|quarter|qtr|qtd|mtd|year|yr|ytd", t).group(0)
        if unit in ("week", "wk"):
            return today - timedelta(days=today.weekday()), today
        if unit in ("month", "mnth", "mth", "mtd"):
            return today.replace(day=1), today
        if unit in ("quarter", "qtr", "qtd"):
            return _quarter(today.year, (today.month - 1) // 3 + 1)[0], today
        return date(today.year, 1, 1), today
    if kind == "day_word":
        d = today if t == "today" else today - timedelta(days=1)   # yesterday, yday
        return d, d
    if kind == "quarter":
        m = re.search(r"q([1-4])", t)
        q = int(m.group(1)) if m else 1 if "months" in t else ORDINALS[t.split()[0]]
        if year is None:
            year = today.year if _quarter(today.year, q)[0] <= today else today.year - 1
        return _quarter(year, q)
    if kind == "start_of":
        what = t.split(" of ", 1)[1]
        if re.search(r"(?:financial|fiscal) year|\bfy$", what):
            d = date(today.year if today.month >= 4 else today.year - 1, 4, 1)
        elif re.search(r"\b(?:year|yr)$", what):
            d = date(today.year, 1, 1)
        elif what.endswith("month"):
            d = today.replace(day=1)
        elif what.endswith(("quarter", "qtr")):
            d = _quarter(today.year, (today.month - 1) // 3 + 1)[0]
        elif re.fullmatch(r"q[1-4]", what):
            q = int(what[1])
            d = _quarter(today.year if _quarter(today.year, q)[0] <= today else today.year - 1, q)[0]
        elif re.fullmatch(_YEAR, what):
            d = date(int(what), 1, 1)
        else:
            month = _month_of(what.split()[-2] if year_m else what.split()[-1])
            d = date(year or _latest_year(month, 1, today, after), month, 1)
        return d, d
    if kind == "day_range":
        # "1-15 october", "between 1 and 15 oct", "oct 1st to 15th": the month (and year) apply to both
        # days; when the first day is the larger ("28-3 november") it is in the month before
        month = _month_of(re.search(_MON, t).group(0))
        first, last = (int(x) for x in re.findall(r"(?<!\d)\d{1,2}(?!\d)", t)[:2])
        start_month = month if first <= last else month - 1 or 12
        if year is not None:
            start_year = year - (start_month > month)
        else:
            start_year = _latest_year(start_month, first, today, after)
        end_year = start_year + (start_month > month)
        return (date(start_year, start_month, min(first, calendar.monthrange(start_year, start_month)[1])),
                date(end_year, month, min(last, calendar.monthrange(end_year, month)[1])))
    if kind in ("day_month", "month_day"):
        month = _month_of(re.search(_MON, t).group(0))
        day = int(re.search(r"(?<!\d)\d{1,2}(?!\d)", t).group(0))
        d = date(year or _latest_year(month, day, today, after), month, day)
        return d, d
    if kind == "the_day":
        day = int(re.search(r"\d+", t).group(0))
        d = today.replace(day=day) if day <= today.day else _minus_months(today.replace(day=1), 1).replace(day=day)
        return d, d
    if kind == "month":
        month = _month_of(t)
        y = year or _latest_year(month, 1, today, after)
        return date(y, month, 1), _month_end(y, month)
    return date(year, 1, 1), date(year, 12, 31)


def _count_back(today: date, n: int, unit: str) -> date:
    if unit.startswith(("day",)):
        return today - timedelta(days=n)
    if unit.startswith(("week", "wk")):
        return today - timedelta(weeks=n)
    if unit.startswith("fortnight"):
        return today - timedelta(weeks=2 * n)
    if unit.startswith(("month", "mnth", "mth")):
        return _minus_months(today, n)
    return _minus_months(today, 12 * n)


def _is_bare_may(m: re.Match, text: str) -> bool:
    """"may" is a month only with a role or linking word, a day or a year: not in "may need"."""
    before = text[:m.start()].split()
    return m.group("role") is None and (m.group("month") or "").strip().lower() == "may" \
        and not (before and before[-1].lower() in _MONTH_WORDS)


def _is_false_fy(m: re.Match) -> bool:
    """"2025/27" is no financial year: its second year must follow the first."""
    if not m.group("fiscal_named"):
        return False
    first, second = re.findall(r"\d+", re.search(_FY, m.group("fiscal_named")).group(0))
    return (int(first) + 1) % 100 != int(second) % 100


def parse_dates(text: str, today: date) -> DateFilter:
    """The since/until filter a question asks for (both None when it names no period)."""
    matches = [m for m in _EXPR.finditer(text) if not _is_bare_may(m, text) and not _is_false_fy(m)]
    kinds = [next(k for k in _kinds() if m.group(k)) for m in matches]
    # a range: "between X and Y", "from X to Y"
    for i in range(len(matches) - 1):
        role = (matches[i].group("role") or "").lower()
        gap = text[matches[i].end():matches[i + 1].start()] + (matches[i + 1].group("role") or "")
        if (role in ("between", "from") and _LINK.match(gap + " ")) or (not role and _BARE_LINK.match(gap)):
            start, _ = _period(kinds[i], matches[i].group(kinds[i]), today, None)
            _, end = _period(kinds[i + 1], matches[i + 1].group(kinds[i + 1]), today, start)
            return DateFilter(start, end)
    open_ended, periods = [], []
    for m, kind in zip(matches, kinds):
        role = " ".join((m.group("role") or "").lower().split())
        role = ROLE_SYNONYMS.get(role, role)
        tail = (m.group("tail") or "").lower()
        start, end = _period(kind, m.group(kind), today, None)
        if kind in ("count", "rolling", "before_last", "previous", "current", "fiscal", "day_word", "quarter") \
                and role not in ("since", "after"):
            role = ""
        if "so far" in tail:
            end = today
        periods.append((start, end))
        if role in ("since", "after") or "onwards" in tail or (role == "from" and kind not in WHOLE_PERIODS):
            open_ended.append(DateFilter(start + timedelta(days=role == "after" and start == end), None))
        elif role == "before":   # "before June": until 31 May; "before the end of June": until 30 June
            open_ended.append(DateFilter(None, end if "end of" in m.group(0).lower() else start - timedelta(days=1)))
        elif role in ("until", "till", "til", "up to"):
            open_ended.append(DateFilter(None, end))
    if open_ended:
        return DateFilter(next((f.since for f in open_ended if f.since), None),
                          next((f.until for f in open_ended if f.until), None))
    if periods:   # one period, or several compared ("2025 vs 2026"): from the first start to the last end
        return DateFilter(min(start for start, _ in periods), max(end for _, end in periods))
    return DateFilter(None, None)


def _kinds() -> list[str]:
    return re.findall(r"\?P<(\w+)>", PERIOD)
