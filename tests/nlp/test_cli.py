"""Both command-line contracts, run as the outside world runs them."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLASSIFY_KEYS = {"id", "service_areas", "gap_type", "cohorts", "risks", "neighbourhood", "locality",
                 "redacted_text", "scores"}
QUERY_KEYS = {"id", "intent", "service_areas", "cohorts", "gap_types", "risks", "localities",
              "neighbourhoods", "since", "until"}


def run(module: str, lines: list[str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", module, *args], input="\n".join(lines) + "\n",
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.fixture(scope="module")
def classified():
    lines = [json.dumps({"id": "a", "text": "Mrs Begum in Levenshume, tel 07700 900123, no respite available"}),
             "this is not json",
             json.dumps({"id": 2, "text": "befriending worked well for him in Moston"}),
             json.dumps({"id": 3}),
             json.dumps(["a", "list"]),
             json.dumps({"id": None, "text": ""})]
    return run("nlp.classify", lines)


def test_classify_writes_the_contract_in_input_order(classified, gap):
    out = [json.loads(line) for line in classified.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 2, None]
    for o in out:
        assert set(o) == CLASSIFY_KEYS
        assert set(o["scores"]) == set(gap.taxonomy.all_labels)
        assert all(0.0 <= p <= 1.0 for p in o["scores"].values())
        assert o["gap_type"] in gap.taxonomy.gap_types
        assert o["service_areas"]
    assert out[0]["redacted_text"] == "[PERSON] in Levenshume, tel [PHONE], no respite available"
    assert (out[0]["neighbourhood"], out[0]["locality"]) == ("Levenshulme", "central")


def test_classify_reports_malformed_lines_and_exits_non_zero(classified):
    assert classified.returncode == 1
    assert "Traceback" not in classified.stderr
    errors = [json.loads(line) for line in classified.stderr.splitlines()]
    assert [e["line"] for e in errors] == [2, 4, 5]
    assert all(e["error"] for e in errors)


def test_parse_query_contract_with_today():
    lines = [json.dumps({"id": 1, "text": "carer breakdown risk reflections last 4 weeks"}),
             "{broken",
             json.dumps({"id": 2, "text": "export homecare gaps in Gorton since 1 September"})]
    result = run("nlp.parse_query", lines, "--today", "2026-11-22")
    assert result.returncode == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(set(o) == QUERY_KEYS for o in out)
    assert out[0] == {"id": 1, "intent": "summary", "service_areas": [], "cohorts": [], "gap_types": [],
                      "risks": ["carer_breakdown"], "localities": [], "neighbourhoods": [],
                      "since": "2026-10-25", "until": "2026-11-22"}
    assert out[1]["intent"] == "export"
    assert out[1]["neighbourhoods"] == ["Gorton & Abbey Hey"]
    assert out[1]["since"] == "2026-09-01"
    assert json.loads(result.stderr)["line"] == 2


def test_clean_input_exits_zero():
    result = run("nlp.parse_query", [json.dumps({"id": 1, "text": "help"})], "--today", "2026-11-22")
    assert result.returncode == 0
    assert result.stderr == ""
    assert json.loads(result.stdout)["intent"] == "help"


def test_bad_today_is_a_clear_usage_error():
    result = run("nlp.parse_query", [], "--today", "22/11/2026")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--today" in result.stderr


def test_parse_query_streams_an_answer_before_input_ends():
    proc = subprocess.Popen([sys.executable, "-m", "nlp.parse_query", "--today", "2026-11-22"], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        proc.stdin.write(json.dumps({"id": "first", "text": "respite in Moston"}) + "\n")
        proc.stdin.flush()
        answer = json.loads(proc.stdout.readline())      # stdin is still open
        assert answer["id"] == "first" and answer["neighbourhoods"] == ["Moston"]
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)
    assert proc.returncode == 0
