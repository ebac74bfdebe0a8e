"""CSV export of reflections (text is stored redacted, so the export holds no personal data)."""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from storage.models import Reflection

COLUMNS = ("ref", "created_at", "assessment_for", "service_areas", "gap_type", "cohorts", "risks",
           "neighbourhood", "locality", "status", "text")


def write_csv(rows: Iterable[Reflection], out: TextIO) -> int:
    """Write one CSV row per reflection (multi-labels joined with ';'); returns the row count."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for row in rows:
        writer.writerow([
            row.ref, row.created_at.isoformat(timespec="seconds"), row.assessment_for,
            ";".join(row.service_areas), row.gap_type, ";".join(row.cohorts), ";".join(row.risks),
            row.neighbourhood or "", row.locality or "", row.status, row.text,
        ])
        count += 1
    return count
