"""Rules of events/timing.py, one behaviour per test, on invented sentences (real model and resolver)."""

from datetime import date

import pytest

pytestmark = pytest.mark.model


def test_the_start_of_a_span_does_not_date_the_act(coded):
    events, _ = coded("Russia shelled Ukraine's ports on Monday, as it has since February 2022.", published=date(2025, 3, 12))
    acts = [e for e in events if e.root in ("18", "19", "20")]
    assert acts and all(e.date == date(2025, 3, 10) for e in acts)


@pytest.mark.parametrize("text, dated", [
    # acts at untold times across months (codebook: the month is null where the text gives no way to tell)
    ("Russia has shelled Ukraine's ports since February 2022.", None),
    ("Since January, Brazil has held several calls with Argentina.", None),
    # a span that began this month keeps the document's day; a simple past is one act
    ("Brazil has held several calls with Argentina since March 3.", date(2025, 3, 12)),
    ("Since January, Brazil held a call with Argentina.", date(2025, 3, 12)),
])
def test_an_act_over_a_span_from_an_earlier_month_is_undated(coded, text, dated):
    events, trace = coded(text, published=date(2025, 3, 12))
    acts = [e for e in events if e.target]
    assert acts and all(e.date == dated for e in acts)
    assert all(("timing.since_span" in trace.fired.get(e.event_id, ())) == (dated is None) for e in acts)


def test_a_caption_gives_no_event(coded):
    events, trace = coded("Putin meets Modi in New Delhi, Dec. 5, 2024. (AP Photo/Jane Roe)")
    assert not [e for e in events if e.target]
    assert "timing.caption" in {d["rule"] for d in trace.dropped}


def test_a_time_stamp_does_not_date_the_act(coded):
    events, _ = coded("Updated 10:32 GMT, January 3, 2024: Iran condemned Israel's strike.", published=date(2025, 3, 12))
    acts = [e for e in events if e.target]
    assert acts and all(e.date == date(2025, 3, 12) for e in acts)


def test_a_landmark_named_by_the_act_dates_it(coded):
    events, trace = coded("Europe has struggled to answer Russia's full-scale invasion of Ukraine.", published=date(2025, 3, 12))
    invasion = [e for e in events if e.trigger == "invasion"]
    assert invasion and invasion[0].date == date(2022, 2, 24) and invasion[0].date_precision == "day"
    assert "timing.landmark" in trace.fired[invasion[0].event_id]


def test_a_landmark_named_as_a_time_reference_is_no_act(coded):
    events, trace = coded("When fuel prices spiked after Russia's invasion of Ukraine, the government cut taxes.",
                          published=date(2025, 3, 12))
    assert not [e for e in events if e.source == "RUS" and e.target == "UKR"]
    assert any(d["rule"] == "timing.landmark_reference" for d in trace.dropped)


def test_a_landmark_in_another_acts_phrase_does_not_date_it(coded):
    events, _ = coded("Germany has sent Ukraine tanks since Russia's full-scale invasion.", published=date(2025, 3, 12))
    sent = [e for e in events if e.source == "DEU"]
    assert sent and all(e.date == date(2025, 3, 12) for e in sent)


def test_the_year_of_publication_dates_an_act_by_the_publication(coded):
    events, trace = coded("In 2025, the United States imposed sanctions on Iran.", published=date(2025, 3, 12))
    sanctions = [e for e in events if e.target == "IRN"]
    assert sanctions and sanctions[0].date == date(2025, 3, 12) and sanctions[0].date_precision == "doc"
    assert "timing.this_year" in trace.fired[sanctions[0].event_id]


def test_an_earlier_year_keeps_its_year(coded):
    events, _ = coded("In 2019, the United States imposed sanctions on Iran.", published=date(2025, 3, 12))
    sanctions = [e for e in events if e.target == "IRN"]
    assert sanctions and sanctions[0].date == date(2019, 1, 1) and sanctions[0].date_precision == "year"


def test_the_anniversary_of_a_landmark_does_not_date_the_landmark(coded):
    events, _ = coded("The call fell on the third anniversary of Russia's full-scale invasion of Ukraine.",
                      published=date(2025, 2, 24))
    invasion = [e for e in events if e.trigger == "invasion"]
    assert invasion and invasion[0].date == date(2022, 2, 24)


def test_a_landmark_does_not_date_an_act_in_an_undated_text(coded):
    events, _ = coded("Europe has struggled to answer Russia's full-scale invasion of Ukraine.", published=None)
    invasion = [e for e in events if e.trigger == "invasion"]
    assert invasion and invasion[0].date is None


def test_a_caption_opening_the_next_paragraph_does_not_drop_this_one(coded):
    events, _ = coded("Japan criticized China over the drills.\n\nFILE - Xi meets Putin in Moscow, March 21, 2023.")
    assert ("JPN", "CHN") in {(e.source, e.target) for e in events}


def test_a_wire_dateline_is_no_caption(coded):
    events, trace = coded("TOKYO, March 11 (Reuters) - Japan criticized China over the drills on Tuesday.")
    assert ("JPN", "CHN") in {(e.source, e.target) for e in events}
    assert "timing.caption" not in {d["rule"] for d in trace.dropped}


def test_a_credit_line_run_into_the_next_paragraph_marks_only_its_line(coded):
    events, _ = coded("Xi hosted Putin in Beijing. Photograph: Jane Roe/Getty Images\n\nJapan criticized China over the drills.")
    assert ("JPN", "CHN") in {(e.source, e.target) for e in events}
    assert not [e for e in events if e.source == "CHN" and e.target == "RUS"]


@pytest.fixture(scope="module")
def classifying_coder():
    from multipolar.events.coder import EventCoder
    from multipolar.settings import Settings

    return EventCoder(Settings(event_classifier=True))


def test_a_caption_the_rules_leave_silent_is_not_classified(classifying_coder):
    events = classifying_coder.code_text("Image caption, Putin met Xi in Beijing in May 2024\n\nThe talks lasted two hours.",
                                         doc_id="t", published=date(2025, 3, 12))
    assert not [e for e in events if {e.source, e.target} == {"CHN", "RUS"}]


def test_a_time_stamp_leaves_the_acts_own_date(coded):
    events, _ = coded("Updated 10:32 GMT, March 12, 2025\nOn March 2, Iran condemned Israel's strike.", published=date(2025, 3, 12))
    acts = [e for e in events if e.target == "ISR"]
    assert acts and all(e.date == date(2025, 3, 2) for e in acts)


def test_the_start_of_a_year_as_a_span_start_does_not_date_the_act(coded):
    events, trace = coded("Germany has sent weapons to Ukraine since the start of 2024.", published=date(2025, 3, 12))
    acts = [e for e in events if e.source == "DEU" and e.target == "UKR"]
    assert acts and all(e.date is None for e in acts)  # not 2024-01; over 15 months: no month (timing.since_span)
    assert {"timing.since", "timing.since_span"} <= set(trace.fired[acts[0].event_id])


def test_a_month_named_without_its_year_as_a_span_start_does_not_date_the_act(coded):
    events, trace = coded("Since January, Germany has sent weapons to Ukraine twice.", published=date(2025, 5, 12))
    acts = [e for e in events if e.source == "DEU" and e.target == "UKR"]
    assert acts and all(e.date is None for e in acts)  # not 2025-01; twice between January and May: no month
    assert {"timing.since", "timing.since_span"} <= set(trace.fired[acts[0].event_id])
    events, _ = coded("On January 14, Germany sent weapons to Ukraine.", published=date(2025, 5, 12))
    dated = [e for e in events if e.source == "DEU" and e.target == "UKR"]
    assert dated and all(e.date == date(2025, 1, 14) for e in dated)


def test_the_year_in_a_laws_name_does_not_date_the_act(coded):
    events, trace = coded("Under section 614 of the Foreign Assistance Act of 1961, the United States sent military aid "
                          "to Jordan.", published=date(2025, 3, 12))
    aid = [e for e in events if e.target == "JOR"]
    assert aid and all(e.date == date(2025, 3, 12) for e in aid)
    assert "timing.statute" in trace.fired[aid[0].event_id]


def test_the_date_of_a_cited_order_does_not_date_the_act(coded):
    events, _ = coded("Pursuant to Executive Order 14024 of April 15, 2021, the United States imposed sanctions on Russia.",
                      published=date(2025, 3, 12))
    sanctions = [e for e in events if e.target == "RUS"]
    assert sanctions and all(e.date == date(2025, 3, 12) for e in sanctions)


def test_an_act_on_the_named_instrument_keeps_its_year(coded):
    events, _ = coded("Russia signed the Treaty of 1987 with the United States.", published=date(2025, 3, 12))
    signed = [e for e in events if e.source == "RUS"]
    assert signed and signed[0].date == date(1987, 1, 1)


@pytest.mark.parametrize(("text", "rule"), [
    ("I met Prime Minister Ishiba when I was in Tokyo.", "timing.recalled"),
    ("I had a long conversation recently with President Lula.", "timing.recalled"),
    ("We imposed sanctions on Iran years ago.", "timing.recalled"),
    ("I remember the first time I met the Brazilian president in Rome.", "timing.recalled"),
    ("The last time I spoke with the Turkish president was in Madrid.", "timing.recalled"),
    ("As you may remember, I went to Kenya to see President Ruto.", "timing.recalled"),
    ("In the beginning, we rallied the world to support Ukraine.", "timing.recalled"),
    # the past progressive, and what the speaker remembers in any tense
    ("At the time, we were working closely with Mexico on the border.", "timing.recalled"),
    ("I remember our talks with Chile in Santiago.", "timing.recalled"),
    # an account of acts repeated over an untold stretch
    ("I have met President Lula many times.", "timing.experience"),
    ("We have imposed sanctions on Iran time and again.", "timing.experience"),
    ("I spoke with the Brazilian president more than any other leader has.", "timing.experience"),
    ("We have held talks with Brazil in this administration.", "timing.experience"),
    ("We have consulted Brazil from the beginning.", "timing.experience"),
])
def test_a_speakers_recollection_gets_no_publication_date(official, text, rule):
    events, trace = official(text)
    acts = [e for e in events if e.source == "USA" and e.target]
    assert acts and all(e.date is None and e.date_precision is None for e in acts)
    assert rule in trace.fired[acts[0].event_id]


@pytest.mark.parametrize(("text", "day", "precision"), [
    ("Yesterday I met Prime Minister Ishiba in Tokyo.", date(2025, 3, 11), "day"),
    ("I met Prime Minister Ishiba in Tokyo.", date(2025, 3, 12), "doc"),  # no cue: an act of the day reported
    ("We are imposing sanctions on Iran, as we did once before.", date(2025, 3, 12), "doc"),  # not in the past
    # the act's own "when" clause names the call it speaks of, not an untold earlier time
    ("When I spoke to President Lula, I shared my belief that dialogue was essential.", date(2025, 3, 12), "doc"),
    ("I have met President Lula.", date(2025, 3, 12), "doc"),  # no count: an act reported now
    ("The United States has imposed sanctions on Iran many times.", date(2025, 3, 12), "doc"),  # not the speaker
])
def test_an_act_without_a_recall_cue_keeps_its_date(official, text, day, precision):
    events, _ = official(text)
    acts = [e for e in events if e.source == "USA" and e.target]
    assert acts and all(e.date == day and e.date_precision == precision for e in acts)


@pytest.mark.parametrize(("text", "day", "rule"), [
    ("In Proclamation 9704 of March 8, 2018, the United States imposed a tariff on aluminum from Canada.",
     date(2018, 3, 8), "timing.framing_instrument"),
    ("Pursuant to Proclamation 9704 of March 8, 2018, the United States imposed a tariff on aluminum from Canada.",
     date(2025, 3, 12), "timing.statute"),  # the authority invoked, not where the act was done
])
def test_an_instrument_the_act_was_done_in_dates_it(coded, text, day, rule):
    events, trace = coded(text, published=date(2025, 3, 12))
    tariffs = [e for e in events if e.target == "CAN"]
    assert tariffs and all(e.date == day for e in tariffs)
    assert rule in trace.fired[tariffs[0].event_id]


def test_a_date_in_another_nouns_clause_does_not_date_the_act(coded):
    events, trace = coded("The United States and the Philippines are working together through the framework launched "
                          "in 2022.", published=date(2025, 3, 12))
    acts = [e for e in events if e.target in ("PHL", "USA")]
    assert acts and all(e.date == date(2025, 3, 12) for e in acts)
    assert "timing.other_clause" in trace.fired[acts[0].event_id]


def test_a_clause_of_the_acts_own_noun_still_dates_it(coded):
    events, _ = coded("China's blockade of the Philippines, which began in June 2024, angered Manila.",
                      published=date(2025, 3, 12))
    blockade = [e for e in events if e.trigger.startswith("blockade")]
    assert blockade and blockade[0].date == date(2024, 6, 1)


def _meetings(events):
    return [e for e in events if {e.source, e.target} == {"USA", "RUS"} and e.plover == "CONSULT"]


def test_a_span_before_after_dates_the_clause_by_that_span(coded):
    events, trace = coded("The new sanctions came two months after Trump met Putin in Alaska.", published=date(2025, 10, 24))
    met = _meetings(events)
    assert met and all(e.date == date(2025, 8, 24) and e.date_precision == "month" for e in met)
    assert "timing.interval" in trace.fired[met[0].event_id]


def test_a_span_before_after_counts_from_a_dated_day(coded):
    events, _ = coded("On 12 March, two days after Trump met Putin, the Kremlin criticized Ukraine.",
                      published=date(2025, 3, 20))
    met = _meetings(events)
    assert met and all(e.date == date(2025, 3, 10) and e.date_precision == "day" for e in met)


def test_before_does_not_count_from_the_publication_date(coded):
    events, _ = coded("The sanctions came two months before Trump met Putin in Alaska.", published=date(2025, 10, 24))
    met = _meetings(events)
    assert met and all(e.date == date(2025, 10, 24) for e in met)


def test_a_vague_span_dates_nothing(coded):
    events, trace = coded("The new sanctions came several weeks after Trump met Putin in Alaska.",
                          published=date(2025, 10, 24))
    met = _meetings(events)
    assert met and all(e.date == date(2025, 10, 24) for e in met)
    assert all("timing.interval" not in trace.fired.get(e.event_id, []) for e in met)


def test_the_clauses_own_date_phrase_dates_it(coded):
    events, _ = coded("The new sanctions came two months after Trump met Putin on 15 August.", published=date(2025, 10, 24))
    met = _meetings(events)
    assert met and all(e.date == date(2025, 8, 15) for e in met)


def test_the_act_the_clause_is_set_against_keeps_its_date(coded):
    events, _ = coded("Two days after Trump met Putin, the United States imposed sanctions on Iran.",
                      published=date(2025, 10, 24))
    sanctions = [e for e in events if e.target == "IRN"]
    assert sanctions and all(e.date == date(2025, 10, 24) for e in sanctions)


def test_a_date_in_the_planned_act_does_not_date_the_agreement(coded):
    events, trace = coded("Russia and China agreed on 3 March to hold joint naval drills in September.",
                          published=date(2025, 3, 5))
    agreed = [e for e in events if {e.source, e.target} == {"RUS", "CHN"} and e.plover == "AGREE"]
    assert agreed and all(e.date == date(2025, 3, 3) for e in agreed)


def test_a_date_in_the_planned_act_alone_leaves_the_document_date(coded):
    events, trace = coded("Russia and China agreed to hold joint naval drills in September.", published=date(2025, 3, 5))
    agreed = [e for e in events if {e.source, e.target} == {"RUS", "CHN"} and e.plover == "AGREE"]
    assert agreed and all(e.date == date(2025, 3, 5) for e in agreed)
    assert "timing.planned_clause" in trace.fired[agreed[0].event_id]


def test_the_act_set_against_a_dated_clause_is_dated_by_the_span_from_it(coded):
    events, trace = coded("Trump spoke to Putin three weeks after he met Xi on May 2.", published=date(2025, 6, 10))
    call = [e for e in events if {e.source, e.target} == {"USA", "RUS"}]
    assert call and all(e.date == date(2025, 5, 23) and e.date_precision == "month" for e in call)
    assert "timing.anchor_clause" in trace.fired[call[0].event_id]
    met = [e for e in events if {e.source, e.target} == {"USA", "CHN"}]
    assert met and all(e.date == date(2025, 5, 2) for e in met)


def test_the_date_of_an_after_clause_without_a_span_does_not_date_the_main_act(coded):
    events, _ = coded("China imposed tariffs on Canada after Canada arrested a Chinese executive on December 1.",
                      published=date(2025, 6, 10))
    tariffs = [e for e in events if (e.source, e.target) == ("CHN", "CAN")]
    assert tariffs and all(e.date == date(2025, 6, 10) for e in tariffs)


def test_a_date_of_comparison_does_not_date_the_act(coded):
    # timing.comparison: "as four years ago" is when there were fewer
    events, trace = coded("Canada sent twice as many troops to Latvia as four years ago.", published=date(2025, 6, 1))
    sent = [e for e in events if (e.source, e.target) == ("CAN", "LVA")]
    assert sent and all(e.date == date(2025, 6, 1) for e in sent)
    assert "timing.comparison" in trace.fired[sent[0].event_id]


def test_an_act_of_a_pronoun_takes_the_day_of_the_sentence_it_refers_back_to(coded):
    # timing.antecedent_day: "He" is Ruto at Friday's visit; the story came out two days later, in the next month
    events, trace = coded("Kenyan President William Ruto hosted Brazilian President Luiz Inacio Lula da Silva in "
                          "Nairobi on Friday. He pledged more maize exports to Brazil.", published=date(2025, 6, 1))
    pledged = [e for e in events if (e.source, e.target) == ("KEN", "BRA") and e.root == "03"]
    assert pledged and all(e.date == date(2025, 5, 30) for e in pledged)
    assert "timing.antecedent_day" in trace.fired[pledged[0].event_id]
