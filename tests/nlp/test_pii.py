import pytest

from nlp.pii import rule_spans


@pytest.mark.parametrize("text, tag", [
    ("NHS no 485 777 3456 on file", "NHS_NUMBER"),
    ("nhs 4857773456", "NHS_NUMBER"),
    ("NI QQ 12 34 56 C", "NI_NUMBER"),
    ("ni qq123456c", "NI_NUMBER"),
    ("ring 07700 900123 after 5", "PHONE"),
    ("landline 0161 496 0000", "PHONE"),
    ("mob +44 7700 900456", "PHONE"),
    ("tel 0161-496-0123", "PHONE"),
    ("tel (0161) 4960999", "PHONE"),
    ("07700900789", "PHONE"),
    ("email jo.bloggs@example.org today", "EMAIL"),
    ("postcode M22 5RX", "POSTCODE"),
    ("postcode m14 4pq", "POSTCODE"),
    ("lives at 14 Rose Street", "ADDRESS"),
    ("at flat 3, 20 Kings Road", "ADDRESS"),
    ("DOB 12/03/1958", "DATE_OF_BIRTH"),
    ("born 3 May 1990", "DATE_OF_BIRTH"),
    ("Mr Oyelaran (07/06/1951) cares for his wife", "DATE_OF_BIRTH"),
])
def test_each_tag_is_redacted_with_its_bracketed_tag(gap, text, tag):
    result = gap.redact(text)
    assert f"[{tag}]" in result.text
    assert result.removed.get(tag) == 1


def test_redaction_keeps_everything_else_as_typed(gap):
    text = "Spoke to Mrs Okafor, DOB 12/03/1958, tel 07700 900123. Gaddum carers  helpline, Moss Side!"
    result = gap.redact(text)
    assert result.text == ("Spoke to [PERSON], DOB [DATE_OF_BIRTH], tel [PHONE]. Gaddum carers  helpline, "
                           "Moss Side!")
    assert result.removed == {"PERSON": 1, "DATE_OF_BIRTH": 1, "PHONE": 1}


@pytest.mark.parametrize("text, name", [
    ("her son Tariq does all the shopping", "Tariq"),
    ("wife Maureen is exhausted", "Maureen"),
    ("Mr Dennis Ashworth hasnt left the flat", "Dennis Ashworth"),
    ("Dr Patel at the surgery says no", "Patel"),
    ("mr osei went home", "osei"),
    ("Mr O'Connor has dementia", "O'Connor"),
    ("Ms Wiśniewska can cook for herself", "Wiśniewska"),
    ("left a message for Moira 0161 496 0547", "Moira"),
    ("Hamza (26, LD) has been waiting", "Hamza"),
    ("trying to get Bill Murphy (NHS 4857773456) seen", "Bill"),
    ("worked well for Bill Taylor, DOB 17 Feb 1944", "Bill"),
    ("diagnosed at 42 by Dr Williams, masked all her life", "Williams"),
])
def test_names_are_redacted(gap, text, name):
    result = gap.redact(text)
    assert name not in result.text
    assert "[PERSON]" in result.text


@pytest.mark.parametrize("text, keep", [
    ("referred to Gaddum for carers support in Moss Side", ["Gaddum", "Moss Side"]),
    ("Hope Street day centre has a waiting list", ["Hope Street day centre"]),
    ("the LD team said no, the Dr agreed", ["the LD team", "Dr"]),
    ("Age UK befriending in Northenden, M22 area", ["Age UK", "Northenden", "M22"]),
    ("Manchester Carers Network were brilliant", ["Manchester Carers Network"]),
    ("waited 14 months, 3 calls a day, 2024 review", ["14 months", "3 calls", "2024"]),
    ("Fallowfield, 84yo, lives alone", ["Fallowfield"]),
    ("Grace House were brilliant, Woman, 45, settled", ["Grace House", "Woman"]),
])
def test_place_service_and_organisation_names_survive(gap, text, keep):
    result = gap.redact(text)
    for word in keep:
        assert word in result.text
    assert result.removed == {}


def test_patterns_do_not_fire_on_counts_years_or_outward_codes():
    assert rule_spans("seen 3 times since 2019, 12 calls, M22 and M14, ref 123456, 14 months") == []


def test_a_recent_date_is_not_a_date_of_birth():
    assert rule_spans("referred on 12/03/2026, reviewed 1 May 2026") == []


def test_a_possessive_or_an_acronym_after_a_name_is_not_part_of_it(gap):
    assert gap.redact("Ms Adeyemi's CPN went on long term sick").text == "[PERSON]'s CPN went on long term sick"
