"""The spaCy pipeline: sentence splitting for German news and vocabulary annotation."""

import pytest

from pipeline.nlp import SentenceSplitter, load_nlp


@pytest.mark.parametrize("text, expected", [
    ("Am 8. November gratulierte Putin. Er sprach lange.", ["Am 8. November gratulierte Putin.", "Er sprach lange."]),
    ("Das gilt z. B. für Nr. 5 und Dr. Müller. Dann kam er.", ["Das gilt z. B. für Nr. 5 und Dr. Müller.", "Dann kam er."]),
    ("Er zog sich 2019 zurück. Die USA folgten.", ["Er zog sich 2019 zurück.", "Die USA folgten."]),
    ("Russland griff im Jahr 2022. Die Ukraine wehrte sich.", ["Russland griff im Jahr 2022.", "Die Ukraine wehrte sich."]),
    ("„Wir gehen.“ Dann sagte er nichts.", ["„Wir gehen.“", "Dann sagte er nichts."]),
    ("Die Lage in Kursk\nRussland hat Truppen zusammengezogen.", ["Die Lage in Kursk", "Russland hat Truppen zusammengezogen."]),
    ("der 2. Weltkrieg endete 1945. Danach", ["der 2. Weltkrieg endete 1945.", "Danach"]),
])
def test_nlp_sentences(text, expected):
    doc = load_nlp()(text)
    assert [s.text.strip() for s in doc.sents if s.text.strip()] == expected


def test_nlp_long_line_without_punctuation_is_cut():
    nlp = load_nlp()
    text = "wort " * 5000
    splitter = SentenceSplitter(300)
    doc = splitter(nlp.make_doc(text))
    assert max(len(s.text) for s in doc.sents) <= 320


@pytest.mark.parametrize("text, group, label", [
    ("Der Kreml warnte.", "actors", "Russia"),
    ("Russische Truppen rücken vor.", "actors", "Russian Armed Forces"),
    ("Russische Panzer rücken vor.", "actors", "Russia"),
    ("Ein US-Beamter sagte das.", "actors", "United States"),
    ("Kämpfe in der Region Kursk.", "places", "Kursk Oblast"),
    ("Angriff auf Saporischschja.", "places", "Zaporizhzhia"),
])
def test_nlp_lexicon_marks_vocabulary(text, group, label):
    doc = load_nlp()(text)
    assert label in {sp.label_ for sp in doc.spans[group]}


def test_nlp_lexicon_compound_triggers_and_exclusions():
    doc = load_nlp()("Nach Drohnenangriffen im Wahlkampf.")
    words = {sp.text for sp in doc.spans["triggers"]}
    assert "Drohnenangriffen" in words and "Wahlkampf" not in words
