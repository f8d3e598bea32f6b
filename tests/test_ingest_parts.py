"""The pure parts of ingest: date parsing, decoding, furniture rules; and a property test over any bytes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import DateError, InputError, VocabularyError
from pipeline.ingest import iter_inputs
from pipeline.ingest.decode import decode
from pipeline.ingest.furniture import find_furniture, load_rules
from pipeline.ingest.metadata import parse_date
from pipeline.model import Article, Notice, Skipped


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-11-10", (date(2024, 11, 10), "day")),
        ("2024-11", (date(2024, 11, 1), "month")),
        ("2024", (date(2024, 1, 1), "year")),
        ("2024-11-10T23:30:00+01:00", (date(2024, 11, 10), "day")),
        ("2024-11-10 08:15", (date(2024, 11, 10), "day")),
        ("2024-11-10T08:15:00.123Z", (date(2024, 11, 10), "day")),
        ("10.11.2024", (date(2024, 11, 10), "day")),
        ("3.2.2022", (date(2022, 2, 3), "day")),
        ("11.2024", (date(2024, 11, 1), "month")),
        ("2024/11/10", (date(2024, 11, 10), "day")),
        (" 2024-11-10 ", (date(2024, 11, 10), "day")),
    ],
)
def test_ingest_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-13-01", "'2024-13-01' is not a real calendar date; write YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY or an ISO date-time"),
        ("2023-02-29", "'2023-02-29' is not a real calendar date; write YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY or an ISO date-time"),
        ("gestern", "'gestern' is not a date; write YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY or an ISO date-time"),
        ("10. November 2024", "'10. November 2024' is not a date; write YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY or an ISO date-time"),
        ("0024-01-01", "'0024-01-01': year 24 is out of range; write YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY or an ISO date-time"),
        ("", "'' is not a date; write YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY or an ISO date-time"),
    ],
)
def test_ingest_parse_date_rejects(value, message):
    with pytest.raises(DateError) as caught:
        parse_date(value)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"GIF89a\x01\x00", "a GIF image, not text (starts with GIF89a); remove it or replace it with the article text"),
        (b"PK\x03\x04\x14\x00", "a ZIP archive (e.g. .docx, .odt, .epub), not text (starts with 50 4b 03 04); unpack it or save the article as .txt"),
        (b"{\\rtf1\\ansi Kiew}", "an RTF document, not text (starts with {\\rtf); save the article as plain text (.txt, UTF-8)"),
        (b"\x7fELF\x02\x01", "a program (ELF binary), not text (starts with 7f 45 4c 46); remove it from the input folder"),
        (b"Text\x00mit NUL", "binary data, not text (NUL byte at offset 4); save the article as plain text (.txt, UTF-8)"),
    ],
)
def test_ingest_decode_rejects_binary(data, message):
    with pytest.raises(InputError) as caught:
        decode(data)
    assert str(caught.value) == message


def test_ingest_decode_prefers_declared_charset():
    data = "Łódź und Kraków: Hilfe für die Ukraine".encode("iso8859_2")
    assert decode(data, declared="iso-8859-2") == ("Łódź und Kraków: Hilfe für die Ukraine", "iso8859-2")


# -- furniture ---------------------------------------------------------------------------------------------

HEADLINE = "Russland verstärkt Angriffe im Osten der Ukraine"
BODY = (
    "Die russische Armee hat ihre Angriffe im Gebiet Donezk nach Angaben aus Kiew deutlich verstärkt. "
    "Der Generalstab meldete am Dienstag mehr als 150 Gefechte."
)


@pytest.mark.parametrize(
    "line",
    [
        "Empfohlener redaktioneller Inhalt",
        "Mit Ihrer Zustimmung wird hier ein externer Inhalt (YouTube) geladen.",
        "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Damit können personenbezogene "
        "Daten an Drittplattformen übermittelt werden. Mehr dazu in unserer Datenschutzerklärung.",
        "Externe Inhalte aktivieren",
        "An dieser Stelle finden Sie einen externen Inhalt von X, der den Artikel ergänzt. Sie können ihn sich mit "
        "einem Klick anzeigen lassen und wieder ausblenden. Ich bin damit einverstanden, dass mir externe Inhalte "
        "angezeigt werden.",
        "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
        "Schreibe einen Kommentar",
        "Kommentare (12)",
        "Ihre E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
        "Weiterführende Informationen – Liveticker zum Ukraine-Krieg",
        "Liveticker zum Krieg in Nahost",
        "Lesen Sie auch: Was Putin mit der neuen Atomdoktrin bezweckt",
        "Mehr zum Thema",
        "Alle aktuellen Entwicklungen im Ukraine-Krieg finden Sie in unserem Newsblog.",
        "Das könnte Sie auch interessieren",
        "Bild: Joshua Sukoff/ Shutterstock.com",
        "Foto: Michael Kappeler/dpa",
        "© REUTERS/Valentyn Ogirenko",
        "Michael Kappeler/dpa",
        "Ein Soldat an der Front bei Bachmut. Foto: Libkos/AP",
        "Mit zusätzlicher Berichterstattung von Christina Grube",
        "Für diese Berichterstattung trugen CNNs Jack Forrest und Helen Regan bei.",
        "Mit Material von dpa und AFP",
        "Mitarbeit: Anna Schmidt",
        "dpa/AFP",
        "(afp/dpa/rtr)",
        "jk/dpa",
        "Newsletter abonnieren",
        "Jetzt kostenlos registrieren und weiterlesen",
        "Artikel teilen",
        "WhatsApp",
        "3 Min. Lesezeit",
        "Stand: 10.11.2024 12:03 Uhr",
        "Aktualisiert am 10.11.2024, 14:00 Uhr",
        "Dieser Artikel erschien zuerst in der Printausgabe.",
        "Anzeige",
        "Sie haben bereits ein Abo? Hier anmelden",
        "Dieser Artikel ist nur für Abonnenten verfügbar.",
        "SPIEGEL+",
    ],
)
def test_ingest_furniture_lines(line):
    text = f"{HEADLINE}\n\n{BODY}\n\n{line}\n\n{BODY}\n"
    start = text.index(line)
    assert find_furniture(text) == ((start, start + len(line)),)


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("Harald Neuber", "top"),
        ("Von Harald Neuber", "top"),
        ("Von Svitlana Vlasova und Nic Robertson, Kiew", "top"),
        ("Anna Schmidt und Max Müller", "top"),
        ("Christina Grube", "end"),
    ],
)
def test_ingest_furniture_bylines(line, where):
    text = f"{HEADLINE}\n\n{line}\n\n{BODY}\n" if where == "top" else f"{HEADLINE}\n\n{BODY}\n\n{line}\n"
    start = text.index(line)
    assert find_furniture(text) == ((start, start + len(line)),)


@pytest.mark.parametrize(
    "line",
    [
        "Von Kiew aus starteten in der Nacht Dutzende Drohnen in Richtung Westen.",
        "Weitere Informationen lagen zunächst nicht vor.",
        "Quelle der Angaben war das Verteidigungsministerium in Moskau.",
        "Russlands Offensive",
        "Putins Krieg",
        "Erster Punkt",
        "Olaf Scholz sagte am Montag, Deutschland werde die Ukraine weiter unterstützen.",
        "Stand der Verhandlungen ist unklar, sagte ein Sprecher am Montag in Brüssel, wo die Außenminister tagten.",
        "Die Kommentare des Kremls zu den Angriffen fielen knapp aus.",
        "Folgen des Krieges",
        "Spannungen zwischen USA und Ukraine",
        "Jetzt offiziell: Nordkorea schickt Truppen zur Unterstützung Russlands",
        "Die Situation in der Region Kursk",
        "Anzeige gegen den Kommandeur erstattet",
    ],
)
def test_ingest_furniture_leaves_article_lines_alone(line):
    for text in (f"{HEADLINE}\n\n{line}\n\n{BODY}\n", f"{HEADLINE}\n\n{BODY}\n\n{line}\n\n{BODY}\n"):
        assert find_furniture(text) == ()


def test_ingest_furniture_dateline_prefix_and_body_start():
    text = "date 2024-11 Berlin taz | Das russische Militär rückt vor.\n\nKIEW – Die Ukraine meldet Angriffe."
    body_start = text.index("Berlin")
    assert [text[a:b] for a, b in find_furniture(text, body_start)] == ["Berlin taz |", "KIEW –"]
    text = "Überschrift\n\nBerlin (dpa) - Die Bundesregierung sagt Hilfe zu."
    assert [text[a:b] for a, b in find_furniture(text)] == ["Berlin (dpa) -"]


def test_ingest_furniture_rules_file_errors(tmp_path):
    bad = tmp_path / "furniture.yaml"
    bad.write_text("groups:\n  - name: x\n    lines: ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"pattern '\(unclosed' in x is not a valid regex"):
        load_rules(bad)
    bad.write_text("[1, 2", encoding="utf-8")
    with pytest.raises(VocabularyError, match="cannot read the furniture rules"):
        load_rules(bad)


def test_ingest_furniture_rules_are_extensible(tmp_path):
    custom = tmp_path / "furniture.yaml"
    custom.write_text("groups:\n  - name: mine\n    lines: ['hausmitteilung:.*']\n", encoding="utf-8")
    text = f"{HEADLINE}\n\nHausmitteilung: Wir ziehen um.\n\n{BODY}"
    start = text.index("Hausmitteilung")
    assert find_furniture(text, 0, load_rules(custom)) == ((start, start + len("Hausmitteilung: Wir ziehen um.")),)


# -- property: any bytes ---------------------------------------------------------------------------------


ANY_BYTES = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.text(alphabet="<>/=\"' abcpstyrhmlixe-!{}[]:,\n", max_size=300).map(str.encode),
)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".jsonl"])
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=ANY_BYTES)
def test_ingest_any_bytes_give_an_article_or_a_skip(tmp_path: Path, suffix: str, data: bytes):
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    items = list(iter_inputs([path]))
    kinds = [type(i) for i in items if not isinstance(i, Notice)]
    if suffix == ".jsonl":  # one item per non-blank line, or one Skipped for the file
        assert kinds and set(kinds) <= {Article, Skipped}
    else:
        assert kinds in ([Article], [Skipped])
    _check_items(items)


def _check_items(items):
    for item in items:
        if isinstance(item, Skipped):
            assert item.reason and "\n" not in item.reason
        if isinstance(item, Article):
            assert 0 <= item.body_start <= len(item.text)
            assert all(0 <= a < b <= len(item.text) for a, b in item.furniture)
