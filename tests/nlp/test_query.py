from datetime import date

import pytest

NOV22 = date(2026, 11, 22)


def parse(gap, text, today=NOV22):
    return gap.parse_query(text, today).to_json()


@pytest.mark.parametrize("text, intent", [
    ("befriending gaps in north Manchester since March", "summary"),
    ("what's waiting for review", "review"),
    ("anything to screen?", "review"),
    ("export autism support gaps as csv pls", "export"),
    ("can u send me a spreadsheet of the south gaps", "export"),
    ("help", "help"),
    ("what can you do?", "help"),
    ("how do i export?", "help"),
])
def test_intents(gap, text, intent):
    assert parse(gap, text)["intent"] == intent


def test_the_contract_example(gap):
    assert parse(gap, "befriending gaps in north Manchester since March") == {
        "intent": "summary", "service_areas": ["befriending"], "cohorts": [], "gap_types": [], "risks": [],
        "localities": ["north"], "neighbourhoods": [], "since": "2026-03-01", "until": None}


def test_a_ward_fills_neighbourhoods_only_and_a_spanning_area_fills_localities(gap):
    got = parse(gap, "homecare in Gorton and Wythenshawe")
    assert got["neighbourhoods"] == ["Gorton & Abbey Hey"]
    assert got["localities"] == ["south"]


def test_out_of_area_places(gap):
    assert parse(gap, "care home gaps in Stockport")["localities"] == ["out_of_area"]


def test_autism_support_is_a_service_and_autistic_adults_a_cohort(gap):
    got = parse(gap, "autism support gaps for autistic adults")
    assert got["service_areas"] == ["autism_support"]
    assert got["cohorts"] == ["autism"]


def test_carers_support_is_a_service_and_unpaid_carers_a_cohort(gap):
    assert parse(gap, "carers support gaps")["service_areas"] == ["carer_support"]
    assert parse(gap, "carers support gaps")["cohorts"] == []
    assert parse(gap, "gaps for unpaid carers")["cohorts"] == ["unpaid_carer"]


def test_gap_types_and_risks(gap):
    got = parse(gap, "waiting list issues for dom care, carer breakdown risk, last month")
    assert got["service_areas"] == ["homecare"]
    assert got["gap_types"] == ["capacity"]
    assert got["risks"] == ["carer_breakdown"]
    assert (got["since"], got["until"]) == ("2026-10-01", "2026-10-31")


def test_misspelt_ward_in_a_question(gap):
    assert parse(gap, "gaps in levenshume last month")["neighbourhoods"] == ["Levenshulme"]


def test_a_help_question_carries_no_filters(gap):
    got = parse(gap, "how do dates work - can I say last quarter?")
    assert got["intent"] == "help"
    assert (got["since"], got["until"]) == (None, None)


@pytest.mark.parametrize("text, intent", [
    # waiting / needing / not yet checked: the review queue
    ("any new reflections waiting to be checked", "review"),
    ("are there any reflections waiting to be approved", "review"),
    ("anything waiting for sign off?", "review"),
    ("new gap reflections needing a look in gorton", "review"),
    ("reflections that need approval", "review"),
    ("which ones haven't been approved yet", "review"),
    ("nobody has looked at these", "review"),
    ("what's new?", "review"),
    # a copy of the data is an export
    ("can I get a copy of the homecare gaps", "export"),
    ("send them over as an excel file", "export"),
    # a one-word request for help, typo or not; a summary that merely mentions help is not
    ("hlep", "help"),
    ("Help!", "help"),
    ("help me please", "help"),
    ("gaps where people needed help with shopping", "summary"),
    # spelling is corrected before the intent is read
    ("exprot homecare gaps", "export"),
    # a question that merely mentions "new" or a copy is a summary
    ("any new gaps this week", "summary"),
    # a backlog is the review queue only with a review-ish word; otherwise it is a capacity gap (filters below)
    ("show me the backlog for screening", "review"),
    ("whats in my backlog", "review"),
    ("backlog of reflections in the north", "review"),
    ("OT adaptations backlog south", "summary"),
    ("homecare backlog in gorton", "summary"),
    # questions about the bot's vocabulary, filters and data are help
    ("What does 'gap type' mean?", "help"),
    ("what does TEC stand for", "help"),
    ("what do you mean by capacity", "help"),
    ("what's the definition of awareness", "help"),
    ("whats the difference between capacity and no provision", "help"),
    ("what are the gap categories you use?", "help"),
    ("which cohorts do you track?", "help"),
    ("what service areas are there?", "help"),
    ("list the gap types", "help"),
    ("Can you tell me how to filter by ward?", "help"),
    ("I'm new to the team, where do I start with this?", "help"),
    ("what kind of data have you got", "help"),
    ("what sort of data is in here", "help"),
    # ... but the same words asking for gaps are a summary
    ("what does this mean for carers in moston", "summary"),
    ("the definition of eligibility isn't clear to families", "summary"),
    ("what gap types are there in moston", "summary"),
    ("which cohorts have the most gaps", "summary"),
    ("list the service areas with most gaps", "summary"),
    ("what kind of gaps are there in north", "summary"),
    ("what data do you have on homecare in the north", "summary"),
    ("where do I start with the moston homecare gaps", "summary"),
    ("what's the difference between north and south for homecare", "summary"),
    ("how to find homecare in gorton", "summary"),
    # quoted label names, how the bot works, texting shorthand
    ("What does 'Respite & short breaks' cover?", "help"),
    ("what does “No provision” include", "help"),
    ("What's the difference between 'No capacity' and 'No provision'?", "help"),
    ("please outline how Gap Bot works and what a gap reflection is", "help"),
    ("wats a gap reflection", "help"),
    ("wat can u do", "help"),
    ("Could you advise how I might filter results by locality or ward?", "help"),
    ("how we might reduce waiting lists for homecare gaps", "summary"),
    ("whats the difference between homecare gaps in north and south", "summary"),
    ("dl data on self neglect risk", "export"),
    ("dl the data", "export"),
    ("download data", "export"),
    # reviewing commissioning plans is not the review queue
    ("We are reviewing commissioning intentions for advocacy; please summarise", "summary"),
    ("review the dementia gaps", "review"),
    ("For the weekly quality check, please open the review queue", "review"),
    # wordings from the formal, terse, analyst and plain-words dev sets
    ("Could you please set out how this assistant may be used?", "help"),
    ("What can't you do? Like can you tell me about individual people?", "help"),
    ("can i change a label after screening", "help"),
    ("diff between review and summary?", "help"),
    ("what does the 'no gap' label mean in your answers?", "help"),
    ("json dump of all Crumpsall reflections for the calendar year to date", "export"),
    ("Please let me have a file containing all reflections concerning Salford", "export"),
    ("list the notes nobody's checked yet from this month", "review"),
    ("What's in the not-yet-checked pile for Wythenshawe?", "review"),
    # "review" after a plan or paper is not the queue
    ("telecare gaps for the TEC contract review", "summary"),
    ("day activities gaps, it's for the day services review paper", "summary"),
    ("Things nobody's vetted yet from the last fortnight?", "review"),
])
def test_more_intent_wordings(gap, text, intent):
    assert parse(gap, text)["intent"] == intent


@pytest.mark.parametrize("text, field, labels", [
    # gap types
    ("mh support not suitable for people who dont speak english", "gap_types", ["accessibility"]),
    ("services that dont fit round peoples lives", "gap_types", ["accessibility"]),
    ("nothing was in easy read", "gap_types", ["accessibility"]),
    ("nobody knew about the carers helpline", "gap_types", ["awareness"]),
    ("families had never heard of the service", "gap_types", ["awareness"]),
    ("where did we meet the need for people with learning disabilities", "gap_types", ["no_gap"]),
    ("we haven't met the need for respite", "gap_types", []),
    ("no specialist autism provider anywhere in the area", "gap_types", ["no_provision"]),
    ("no providers picking up packages", "gap_types", ["capacity"]),
    ("couldn't find a provider for double ups", "gap_types", ["capacity"]),
    ("care agencies cancelling visits", "gap_types", ["quality"]),
    # risks
    ("older people ending up in hospital", "risks", ["hospital_admission"]),
    ("people who end up in A&E", "risks", ["hospital_admission"]),
    ("transport to hospital appointments", "risks", []),
    ("people with mh issues who were self neglecting", "risks", ["self_neglect"]),
    ("men neglecting themselves", "risks", ["self_neglect"]),
    ("unpaid carers burning out", "risks", ["carer_breakdown"]),
    ("burnt out carers", "risks", ["carer_breakdown"]),
    ("tenancies at risk after the provider gave notice", "risks", ["placement_breakdown"]),
    # cohorts
    ("OAPs waiting for homecare", "cohorts", ["older_people"]),
    ("over 75s in chorlton", "cohorts", ["older_people"]),
    ("senior social worker feedback", "cohorts", []),
    ("wheelchair users who cant get transport", "cohorts", ["physical_disability"]),
    ("people with memory problems", "cohorts", ["dementia"]),
    ("college places for young people with LD", "cohorts", ["learning_disability", "young_adult"]),
    ("young adults coming through from childrens services", "cohorts", ["young_adult"]),
    ("homecare gaps from 18 to 25 november", "cohorts", []),
    ("people with aspergers", "cohorts", ["autism"]),
    # service areas (taxonomy section 1 wordings)
    ("carer’s assessment delays", "service_areas", ["carer_support"]),
    ("key safes and falls sensors", "service_areas", ["assistive_technology"]),
    ("bed blocking on the wards", "service_areas", ["reablement_discharge"]),
    ("of course I mean homecare", "service_areas", ["homecare"]),
    # a hyphenated "-related/-flagged/-linked" form is the label word
    ("safeguarding-related gaps in Cheetham Hill", "risks", ["safeguarding"]),
    ("the safeguarding-flagged reflections", "risks", ["safeguarding"]),
    ("dementia-linked reflections", "cohorts", ["dementia"]),
    ("autism-related gaps", "cohorts", ["autism"]),
    ("carer-related gaps", "cohorts", ["unpaid_carer"]),
    ("funding-related gaps", "gap_types", ["eligibility_funding"]),
    ("autism-specific services", "service_areas", ["autism_support"]),
    ("non-safeguarding gaps", "risks", []),
    # a label id typed as it is spelt, with _ - or a space
    ("Capacity gaps for reablement_discharge", "service_areas", ["reablement_discharge"]),
    ("export: employment_skills, autism cohort", "service_areas", ["employment_skills"]),
    ("no-provision gaps for befriending", "gap_types", ["no_provision"]),
    ("social_isolation and self-neglect", "risks", ["self_neglect", "social_isolation"]),
    ("mental-health-support gaps", "service_areas", ["mental_health_support"]),
    ("young_adult gaps", "cohorts", ["young_adult"]),
    # service wordings
    ("LD day ops gaps north?", "service_areas", ["day_support"]),
    ("OT adaptations backlog south", "gap_types", ["capacity"]),
    ("screening backlog for homecare", "gap_types", []),
    ("where did the agency keep missing visits", "service_areas", ["homecare"]),
    ("turning up late for the calls", "service_areas", ["homecare"]),
    ("someone to speak up for the person at their assessment", "service_areas", ["advocacy"]),
    ("people who can't speak up for themselves", "service_areas", ["advocacy"]),
    ("a break from looking after a relative", "service_areas", ["short_breaks"]),
    ("a break from looking after a relative", "cohorts", ["unpaid_carer"]),
    ("people caring for their elderly mum", "cohorts", ["unpaid_carer"]),
    ("people looking after themselves", "cohorts", []),
    # "for MH" after a mental health service is that service, not the cohort; "MH clients" is the cohort
    ("peer support for MH in north manc", "cohorts", []),
    ("peer support for MH in north manc", "service_areas", ["mental_health_support"]),
    ("support workers for MH clients", "cohorts", ["mental_health"]),
    ("no provision for MH in Clayton", "cohorts", ["mental_health"]),
    # cohorts, risks, gap types
    ("volunteering for autistic young ppl", "cohorts", ["autism", "young_adult"]),
    ("people at risk of becoming cut off from everyone", "risks", ["social_isolation"]),
    ("nobody to talk to all week", "risks", ["social_isolation"]),
    ("funding was cut off", "risks", []),
    ("supported living where placements are breaking down", "risks", ["placement_breakdown"]),
    ("the placement has broken down", "risks", ["placement_breakdown"]),
    ("Where is there literally no autistic-friendly provider?", "gap_types", ["no_provision"]),
    ("there's just no respite in moston", "gap_types", ["no_provision"]),
    ("no providers at all for double ups", "gap_types", ["no_provision"]),
    ("literally no one picked it up", "gap_types", ["capacity"]),   # taxonomy: "no provider picked it up"
    # dev3 families
    ("Autism specialist support: what did practitioners say didn't exist at all?", "gap_types", ["no_provision"]),
    ("supported accommodation is unavailable because no such provision exists", "gap_types", ["no_provision"]),
    ("interpreting gaps where services were English-only", "gap_types", ["accessibility"]),
    ("services were not available in the person's first language", "gap_types", ["accessibility"]),
    ("advocacy not available in Urdu", "gap_types", ["accessibility"]),
    ("homecare not available in the north", "gap_types", ["no_provision"]),
    ("services exist but could not accommodate the person's needs", "gap_types", ["accessibility"]),
    ("the person's need was fully met", "gap_types", ["no_gap"]),
    ("the need was not fully met", "gap_types", []),
    ("Before the quality panel meets, show me reflections awaiting review", "gap_types", []),
    ("For the weekly quality check, please open the review queue", "gap_types", []),
    ("quality issues with homecare", "gap_types", ["quality"]),
    ("phys disab equipment cant afford", "cohorts", ["physical_disability"]),
    ("taxi cost gaps phys disabled", "cohorts", ["physical_disability"]),
    ("the carer was at risk of breakdown", "risks", ["carer_breakdown"]),
    ("risk of carer breakdown", "risks", ["carer_breakdown"]),
    # carers under strain are a risk; the unpaid-carer cohort needs the carers themselves as the subject
    ("carers at breaking point in the south", "cohorts", []),
    ("carers at breaking point in the south", "risks", ["carer_breakdown"]),
    ("respite where family about to crack last 2 wks", "risks", ["carer_breakdown"]),
    ("mums and dads who are still looking after their grown-up kids", "cohorts", ["unpaid_carer"]),
    ("homecare visits were rushed, or carers failed to arrive at all", "cohorts", []),
    ("autism outreach for autistic adults without a learning disability", "cohorts", ["autism"]),
    ("people at risk of losing their supported living tenancy", "service_areas", ["supported_accommodation"]),
    ("people at risk of losing their supported living tenancy", "risks", ["placement_breakdown"]),
    ("pensioners who couldn't get a nursing home bed because there were none free", "gap_types", ["capacity"]),
    ("folk who can't get out to the shops or the doctor's", "service_areas", ["transport"]),
    ("where the service only works online and they can't use a computer", "gap_types", ["accessibility"]),
    # a phrase reads across a place taken out of the question
    ("Are carers' groups hard for people in Clayton to find out about?", "gap_types", ["awareness"]),
    ("Trafford residents whose residential placement broke down", "risks", ["placement_breakdown"]),
    ("Trafford residents whose residential placement broke down", "service_areas", ["care_homes"]),
    ("day opps that won't take people with sensory needs", "service_areas", ["day_support"]),
    ("day opps that won't take people with sensory needs", "gap_types", ["accessibility"]),
    ("gaps around IMCA - is that independent mental capacity advocate?", "gap_types", []),
    ("Pull up the review queue for s117 aftercare cases", "cohorts", ["mental_health"]),
    ("respite so unpaid carers could get a break, in Ardwick", "cohorts", ["unpaid_carer"]),
    ("people refused day opportunities because they don't meet the funding threshold", "service_areas", ["day_support"]),
])
def test_more_filter_wordings(gap, text, field, labels):
    assert parse(gap, text)[field] == labels


def test_a_day_range_in_a_question(gap):
    got = parse(gap, "gaps for older people in north manchester between 1 and 15 october")
    assert (got["since"], got["until"]) == ("2026-10-01", "2026-10-15")
    assert got["localities"] == ["north"] and got["cohorts"] == ["older_people"]
