from datetime import date

import pytest

from nlp.dates import parse_dates

NOV22 = date(2026, 11, 22)


@pytest.mark.parametrize("text, today, since, until", [
    # the documented expressions (taxonomy.md section 7)
    ("since March", NOV22, "2026-03-01", None),
    ("since March", date(2026, 2, 10), "2025-03-01", None),
    ("last month", NOV22, "2026-10-01", "2026-10-31"),
    ("last month", date(2026, 1, 5), "2025-12-01", "2025-12-31"),
    ("last 4 weeks", NOV22, "2026-10-25", "2026-11-22"),
    ("past 30 days", NOV22, "2026-10-23", "2026-11-22"),
    ("this month", NOV22, "2026-11-01", "2026-11-22"),
    ("this quarter", NOV22, "2026-10-01", "2026-11-22"),
    ("this quarter", date(2027, 3, 15), "2027-01-01", "2027-03-15"),
    ("this year", NOV22, "2026-01-01", "2026-11-22"),
    ("last quarter", NOV22, "2026-07-01", "2026-09-30"),
    ("last quarter", date(2026, 2, 10), "2025-10-01", "2025-12-31"),
    ("last year", NOV22, "2025-01-01", "2025-12-31"),
    ("Q2", date(2026, 9, 8), "2026-04-01", "2026-06-30"),
    ("Q3", date(2026, 4, 30), "2025-07-01", "2025-09-30"),
    ("q1 2025", NOV22, "2025-01-01", "2025-03-31"),
    # other expressions the corpus uses
    ("last week", NOV22, "2026-11-15", "2026-11-22"),
    ("past fortnight", NOV22, "2026-11-08", "2026-11-22"),
    ("last 6 months", NOV22, "2026-05-22", "2026-11-22"),
    ("last three months", NOV22, "2026-08-22", "2026-11-22"),
    ("past month", date(2026, 7, 1), "2026-06-01", "2026-07-01"),
    ("yesterday", date(2026, 9, 8), "2026-09-07", "2026-09-07"),
    ("today", NOV22, "2026-11-22", "2026-11-22"),
    ("in 2025", NOV22, "2025-01-01", "2025-12-31"),
    ("2026 so far", date(2026, 9, 8), "2026-01-01", "2026-09-08"),
    ("in october", NOV22, "2026-10-01", "2026-10-31"),
    ("gaps for march", NOV22, "2026-03-01", "2026-03-31"),
    ("since 1 September", NOV22, "2026-09-01", None),
    ("since September 1st", date(2026, 9, 8), "2026-09-01", None),
    ("since 14 september 2026", NOV22, "2026-09-14", None),
    ("since the 1st", NOV22, "2026-11-01", None),
    ("since the start of august", NOV22, "2026-08-01", None),
    ("since july 2025", NOV22, "2025-07-01", None),
    ("june onwards", date(2026, 9, 8), "2026-06-01", None),
    ("before june", NOV22, None, "2026-05-31"),
    ("between march and june", NOV22, "2026-03-01", "2026-06-30"),
    ("from 1 april to 30 september", NOV22, "2026-04-01", "2026-09-30"),
    ("between january and march", date(2026, 4, 30), "2026-01-01", "2026-03-31"),
    ("the first quarter of the year", date(2026, 9, 8), "2026-01-01", "2026-03-31"),
    ("since 2026-03-01", NOV22, "2026-03-01", None),
    ("march to june", NOV22, "2026-03-01", "2026-06-30"),
    ("from march to may", NOV22, "2026-03-01", "2026-05-31"),
    ("until the end of june", NOV22, None, "2026-06-30"),
    ("since last month", NOV22, "2026-10-01", None),
    ("this financial year", NOV22, "2026-04-01", "2026-11-22"),
    ("last financial year", date(2026, 2, 10), "2024-04-01", "2025-03-31"),
    ("since christmas", date(2026, 2, 10), "2025-12-25", None),
    # the start of a period is its first day; year to date ends today
    ("since the start of the year", date(2026, 9, 15), "2026-01-01", None),
    ("since start of yr", date(2027, 4, 14), "2027-01-01", None),
    ("since the beginning of the year", NOV22, "2026-01-01", None),
    ("from the start of this year", NOV22, "2026-01-01", None),
    ("since the start of 2025", NOV22, "2025-01-01", None),
    ("since the start of the month", NOV22, "2026-11-01", None),
    ("since the start of the quarter", NOV22, "2026-10-01", None),
    ("since the start of the financial year", date(2026, 2, 10), "2025-04-01", None),
    ("since the start of august 2025", NOV22, "2025-08-01", None),
    ("year to date", NOV22, "2026-01-01", "2026-11-22"),
    ("year-to-date", NOV22, "2026-01-01", "2026-11-22"),
    ("ytd", NOV22, "2026-01-01", "2026-11-22"),
    # calendar periods, a month naming a meeting, typos
    ("during this calendar year", date(2026, 6, 30), "2026-01-01", "2026-06-30"),
    ("over the previous calendar month", date(2026, 3, 15), "2026-02-01", "2026-02-28"),
    ("from the last calendar year", date(2026, 3, 3), "2025-01-01", "2025-12-31"),
    ("respite 4 unpaid carers last mnth", date(2026, 7, 9), "2026-06-01", "2026-06-30"),
    ("For the September board, homecare gaps during August", date(2026, 9, 4), "2026-08-01", "2026-08-31"),
    ("For the October board, isolation risks during September", date(2026, 10, 2), "2026-09-01", "2026-09-30"),
    # financial years named, halves, "to date" periods, periods compared
    ("over the financial year 2025/26", NOV22, "2025-04-01", "2026-03-31"),
    ("for 2026/27 financial year so far", date(2027, 1, 19), "2026-04-01", "2027-01-19"),
    ("financial year 2026-27, xlsx", date(2027, 5, 3), "2026-04-01", "2027-03-31"),
    ("over the financial year to date", date(2026, 12, 9), "2026-04-01", "2026-12-09"),
    ("in the current financial year", date(2027, 1, 27), "2026-04-01", "2027-01-27"),
    ("quarter to date", date(2027, 8, 12), "2027-07-01", "2027-08-12"),
    ("during the current quarter", date(2026, 11, 26), "2026-10-01", "2026-11-26"),
    ("spreadsheet of D2A this mth", date(2026, 2, 25), "2026-02-01", "2026-02-25"),
    ("H1 2026", date(2026, 7, 22), "2026-01-01", "2026-06-30"),
    ("in the second half of 2026", date(2027, 3, 9), "2026-07-01", "2026-12-31"),
    ("2026 Q3", date(2026, 10, 28), "2026-07-01", "2026-09-30"),
    ("during the first three months of 2027", date(2027, 5, 2), "2027-01-01", "2027-03-31"),
    ("over the twelve months to date", date(2027, 5, 27), "2026-05-27", "2027-05-27"),
    ("for the month before last", date(2026, 4, 9), "2026-02-01", "2026-02-28"),
    ("unscreened ones from yday", date(2026, 10, 13), "2026-10-12", "2026-10-12"),
    ("reflections from September 2026", date(2026, 10, 20), "2026-09-01", "2026-09-30"),
    ("turned away from extra care, 2025 vs 2026?", date(2027, 1, 20), "2025-01-01", "2026-12-31"),
    ("in 2027 so far compared with the whole of 2026", date(2027, 10, 20), "2026-01-01", "2027-10-20"),
    ("nobody has reviewed yet from before the end of June", date(2026, 8, 11), None, "2026-06-30"),
    ("benefits advice in Cheetham since last June", date(2027, 3, 10), "2026-06-01", None),
    ("older people in the 3 weeks up to today", date(2027, 8, 9), "2027-07-19", "2027-08-09"),
    ("themes in the last ninety days", date(2026, 12, 1), "2026-09-02", "2026-12-01"),
    ("from the start of the year to the end of March", date(2026, 6, 1), "2026-01-01", "2026-03-31"),
    ("everything about dementia since the start of Q3", date(2027, 9, 5), "2027-07-01", None),
    ("submissions dated on or after 14 September 2026", date(2026, 10, 30), "2026-09-14", None),
    ("records on or before 31 May 2026", date(2026, 7, 7), None, "2026-05-31"),
    ("submitted up to and including 31 December 2026", date(2027, 2, 14), None, "2026-12-31"),
    ("anything after 30 June", date(2026, 9, 1), "2026-07-01", None),
    ("crisis support so far in 2026", date(2026, 8, 8), "2026-01-01", "2026-08-08"),
])
def test_date_expressions(text, today, since, until):
    got = parse_dates(text, today)
    assert (got.since and got.since.isoformat(), got.until and got.until.isoformat()) == (since, until)


@pytest.mark.parametrize("text", ["homecare gaps", "board meeting tomorrow", "they may need respite",
                                  "gaps year on year", "a chart by month", "a fresh start for the year ahead",
                                  "gaps for the October board", "the march meeting papers", "the June report",
                                  "anything for the 18 to 25s", "between 2025/27 and more"])
def test_no_dates(text):
    got = parse_dates(text, NOV22)
    assert (got.since, got.until) == (None, None)
