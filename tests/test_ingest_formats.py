"""iter_inputs per format: encodings, line endings, HTML, JSONL, manifests, front matter, date lines."""

from __future__ import annotations

import codecs
import json
from datetime import date
from pathlib import Path

import pytest

from tests.test_ingest import run  # the shared helper: (articles by doc, skip reasons by doc, notices)

GERMAN = "Die Bundesregierung kündigte am Montag weitere Hilfe für die Ukraine an. Präsident Selenskyj begrüßte das.\n"


def write(folder: Path, files: dict[str, bytes | str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    return folder


# -- encodings and line endings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (GERMAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + GERMAN.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + GERMAN.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + GERMAN.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + GERMAN.encode("utf-32-le"), "utf-32-le"),
        (codecs.BOM_UTF32_BE + GERMAN.encode("utf-32-be"), "utf-32-be"),
        (GERMAN.encode("utf-16-le"), "utf-16-le"),
        (GERMAN.encode("latin-1"), "cp1252"),
        (GERMAN.replace("Hilfe", "„Hilfe“ – 5 €").encode("cp1252"), "cp1252"),
    ],
)
def test_ingest_decodes_encodings(tmp_path, data, encoding):
    expected = GERMAN.replace("Hilfe", "„Hilfe“ – 5 €") if "€".encode("cp1252") in data else GERMAN
    write(tmp_path, {"a.txt": data})
    articles, skipped, _ = run(tmp_path)
    assert skipped == {}
    article = articles["a.txt"]
    assert article.encoding == encoding
    assert article.text == expected


def test_ingest_latin1_byte_without_cp1252_mapping(tmp_path):
    # 0x81 has no cp1252 character: the text is read as latin-1
    data = GERMAN.encode("latin-1") + b"\x81\n"
    write(tmp_path, {"a.txt": data})
    articles, skipped, _ = run(tmp_path)
    assert skipped == {}
    assert articles["a.txt"].encoding == "latin-1"


def test_ingest_bad_utf16_after_bom(tmp_path):
    write(tmp_path, {"a.txt": codecs.BOM_UTF16_LE + b"\x00\xd8\x41\x00", "ok.txt": GERMAN})
    articles, skipped, _ = run(tmp_path)
    assert skipped == {
        "a.txt": "starts with a UTF-16 byte-order mark but is not valid UTF-16 (bad bytes at offset 2); re-save it as UTF-8"
    }
    assert list(articles) == ["ok.txt"]


def test_ingest_keeps_line_endings_so_offsets_stay_true(tmp_path):
    text = "Titel der Meldung\r\n\r\nErster Absatz am Montag.\rZweiter Absatz.\nSchreibe einen Kommentar\r\n"
    write(tmp_path, {"mixed.txt": text.encode("utf-8")})
    articles, _, _ = run(tmp_path)
    article = articles["mixed.txt"]
    assert article.text == text
    assert [article.text[a:b] for a, b in article.furniture] == ["Schreibe einen Kommentar"]
    assert article.title == "Titel der Meldung"


# -- date line and front matter ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "precision", "body"),
    [
        (" date 2024-11 Berlin taz | Das russische Militär rückt vor.", date(2024, 11, 1), "month", "Berlin taz |"),
        ("date 2024-11-03\n\nKiew meldet Angriffe.", date(2024, 11, 3), "day", "Kiew meldet"),
        ("Datum: 03.12.2024\nKiew meldet Angriffe.", date(2024, 12, 3), "day", "Kiew meldet"),
        ("date 2024 Kiew meldet Angriffe.", date(2024, 1, 1), "year", "Kiew meldet"),
        ("date 2024-13-45 Kiew meldet Angriffe.", None, "unknown", "date 2024-13"),
        ("dated text: Kiew meldet Angriffe.", None, "unknown", "dated text"),
    ],
)
def test_ingest_date_line(tmp_path, text, published, precision, body):
    write(tmp_path, {"a.txt": text})
    articles, _, _ = run(tmp_path)
    article = articles["a.txt"]
    assert (article.published, article.published_precision) == (published, precision)
    assert article.published_basis == ("date_line" if published else "unknown")
    assert article.text == text
    assert article.text[article.body_start :].startswith(body)


def test_ingest_front_matter(tmp_path):
    text = (
        "---\ntitle: Angriff auf Kiew\ndate: 2024-11-10\nsource: taz\nurl: https://taz.de/x\n---\n\n"
        "Russland griff am Sonntag Kiew an.\n"
    )
    write(tmp_path, {"a.md": text})
    articles, skipped, notices = run(tmp_path)
    article = articles["a.md"]
    assert (skipped, notices) == ({}, [])
    assert (article.title, article.published, article.published_precision, article.published_basis) == (
        "Angriff auf Kiew", date(2024, 11, 10), "day", "front_matter",
    )  # fmt: skip
    assert (article.source, article.url) == ("taz", "https://taz.de/x")
    assert article.text == text
    assert article.text[article.body_start :] == "Russland griff am Sonntag Kiew an.\n"


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("title: [unclosed\n", "front matter is not valid YAML at line 3; fix it (its metadata is ignored)"),
        ("- a\n- b\n", "front matter is not a list of `key: value` lines; its metadata is ignored"),
        (
            "date: gestern\n",
            "front matter date: 'gestern' is not a date; write YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY or an ISO "
            "date-time (date left unknown)",
        ),
        ("title: {a: 1}\n", "front matter title should be text, not a dict; ignored"),
    ],
)
def test_ingest_front_matter_problems_are_notices(tmp_path, front, message):
    write(tmp_path, {"a.md": f"---\n{front}---\nRussland griff am Sonntag Kiew an.\n"})
    articles, skipped, notices = run(tmp_path)
    assert skipped == {}
    assert notices == [("a.md", message)]
    assert articles["a.md"].text[articles["a.md"].body_start :] == "Russland griff am Sonntag Kiew an.\n"


# -- manifest ----------------------------------------------------------------------------------------------


def test_ingest_manifest_rows_and_problems(tmp_path):
    manifest = (
        "file,published,published_precision,source,language,note,title,url\n"
        "a.txt,2024-11-10,day,taz,de,,Titel A,https://a\n"
        "b.txt,2024-13-45,day,,de,,,\n"
        "c.txt,10.11.2024,,,de,,,\n"
        "d.txt,2024-11,,,de,,,\n"
        "a.txt,2024-01-01,day,,de,,,\n"
        "gone.txt,2024-11-10,day,,de,,,\n"
        "E.TXT,2024,,,de,,,\n"
    )
    write(
        tmp_path,
        {
            "manifest.csv": manifest,
            "a.txt": GERMAN,
            "b.txt": "date 2024-11\n" + GERMAN.replace("Montag", "Dienstag"),
            "c.txt": GERMAN.replace("Montag", "Mittwoch"),
            "d.txt": "date 2024-11-05\n" + GERMAN.replace("Montag", "Freitag"),
            "e.txt": GERMAN.replace("Montag", "Samstag"),
            "f.txt": GERMAN.replace("Montag", "Sonntag"),
        },
    )
    articles, skipped, notices = run(tmp_path)
    assert skipped == {
        "manifest.csv#7": "manifest.csv row 7 names missing file gone.txt; fix the name or remove the row",
        "manifest.csv#8": "manifest.csv row 8 names missing file E.TXT (did you mean e.txt?); fix the name or remove the row",
    }
    assert notices == [
        ("manifest.csv", "manifest.csv rows 2 and 6 both describe a.txt; row 2 is used, remove the other"),
        (
            "b.txt",
            "manifest.csv row 3: published '2024-13-45' is not a date (YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY or "
            "an ISO date-time); used the date line date 2024-11-01 instead",
        ),
    ]
    got = {doc: (a.published, a.published_precision, a.published_basis) for doc, a in articles.items()}
    assert got == {
        "a.txt": (date(2024, 11, 10), "day", "manifest"),
        "b.txt": (date(2024, 11, 1), "month", "date_line"),
        "c.txt": (date(2024, 11, 10), "day", "manifest"),
        "d.txt": (date(2024, 11, 1), "month", "manifest"),  # manifest wins over the date line
        "e.txt": (None, "unknown", "unknown"),
        "f.txt": (None, "unknown", "unknown"),
    }
    assert (articles["a.txt"].title, articles["a.txt"].source, articles["a.txt"].url) == ("Titel A", "taz", "https://a")


def test_ingest_manifest_bad_date_without_fallback(tmp_path):
    write(tmp_path, {"manifest.csv": "file,published\na.txt,gestern\n", "a.txt": GERMAN})
    articles, _, notices = run(tmp_path)
    assert notices == [
        (
            "a.txt",
            "manifest.csv row 2: published 'gestern' is not a date (YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY or an ISO "
            "date-time); date left unknown (it is inferred from the text later)",
        )
    ]
    assert articles["a.txt"].published is None


@pytest.mark.parametrize(
    ("manifest", "reason"),
    [
        (
            'file,published\n"a.txt,2024-11-10\n',
            "manifest.csv is not valid CSV (line 2: unexpected end of data); fix it (quotes must be closed); "
            "its rows are not used",
        ),
        (
            "datei,datum\na.txt,2024-11-10\n",
            "manifest.csv has no 'file' column (header: datei,datum); the first line must name the columns, e.g. "
            "file,published,published_precision,source; its rows are not used",
        ),
        ("\n\n", "manifest.csv is empty; give it a header line `file,published,...` or remove it; its rows are not used"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00",
            "a PNG image, not text (starts with 89 50 4e 47 0d 0a 1a 0a); remove it or replace it with the article "
            "text; its rows are not used",
        ),
    ],
)
def test_ingest_unusable_manifest_is_one_skip_and_articles_are_read(tmp_path, manifest, reason):
    write(tmp_path, {"manifest.csv": manifest, "a.txt": "date 2024-11\n" + GERMAN})
    articles, skipped, _ = run(tmp_path)
    assert skipped == {"manifest.csv": reason}
    assert articles["a.txt"].published_basis == "date_line"


def test_ingest_manifest_excel_semicolons_and_precision(tmp_path):
    manifest = "\ufefffile;published;published_precision;source\na.txt;2024-11-15;month;Spiegel\nb.txt;2024;day;\n"
    write(tmp_path, {"manifest.csv": manifest.encode("cp1252", "ignore"), "a.txt": GERMAN, "b.txt": GERMAN + "Mehr."})
    articles, skipped, notices = run(tmp_path)
    assert skipped == {}
    assert (articles["a.txt"].published, articles["a.txt"].published_precision) == (date(2024, 11, 1), "month")
    assert articles["a.txt"].source == "Spiegel"
    assert (articles["b.txt"].published, articles["b.txt"].published_precision) == (date(2024, 1, 1), "year")
    assert notices == [("b.txt", "manifest.csv row 3: precision 'day' is finer than the date, kept 'year'")]


def test_ingest_manifest_in_parent_names_subfolder_file(tmp_path):
    write(tmp_path, {"manifest.csv": "file,published\nsub/a.txt,2024-11-10\n"})
    write(tmp_path / "sub", {"a.txt": GERMAN})
    articles, skipped, notices = run(tmp_path)
    assert (skipped, notices) == ({}, [])
    assert articles["a.txt"].published == date(2024, 11, 10)


# -- HTML --------------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<title>Seitentitel | Zeitung</title>
<meta property="og:title" content="Drohnenangriff auf Kiew">
<meta property="og:site_name" content="Die Zeitung">
<meta property="article:published_time" content="2024-11-10T23:30:00+01:00">
<link rel="canonical" href="https://zeitung.example/kiew">
<script>document.write("SCRIPT-TEXT")</script>
<style>.x { content: "STYLE-TEXT" }</style>
</head>
<body onload="alert('ONLOAD-TEXT')">
<header><nav><a href="/">Startseite</a> NAV-TEXT</nav></header>
<div class="cookie-consent">COOKIE-TEXT Wir verwenden Cookies.</div>
<article>
  <header><h1>Drohnenangriff auf Kiew</h1><p class="byline">Von Anna Schmidt</p></header>
  <p>Russland hat in der Nacht zum Sonntag Kiew mit <b>Drohnen</b> angegriffen.<img src="x" onerror="alert('ONERROR-TEXT')"></p>
  <iframe src="https://evil.example/">IFRAME-TEXT</iframe>
  <!-- COMMENT-TEXT -->
  <p>Die Luftabwehr meldete 30 Abschüsse.<br>Zwei Menschen wurden verletzt.</p>
  <figure><img src="a.jpg" alt="ALT-TEXT"><figcaption>Foto: CAPTION-TEXT/dpa</figcaption></figure>
  <noscript>NOSCRIPT-TEXT</noscript>
  <form><input value="FORM-TEXT"><button>BUTTON-TEXT</button></form>
  <svg><text>SVG-TEXT</text></svg>
  <template><p>TEMPLATE-TEXT</p></template>
  <div hidden>HIDDEN-TEXT</div>
  <ul><li>Erster Punkt</li><li>Zweiter Punkt</li></ul>
</article>
<aside>ASIDE-TEXT</aside>
<footer>FOOTER-TEXT Impressum</footer>
</body></html>
"""


def test_ingest_html_visible_text_only(tmp_path):
    write(tmp_path, {"page.html": PAGE})
    articles, skipped, notices = run(tmp_path)
    assert (skipped, notices) == ({}, [])
    article = articles["page.html"]
    assert article.text == (
        "Drohnenangriff auf Kiew\n\nVon Anna Schmidt\n\n"
        "Russland hat in der Nacht zum Sonntag Kiew mit Drohnen angegriffen.\n\n"
        "Die Luftabwehr meldete 30 Abschüsse.\nZwei Menschen wurden verletzt.\n\n"
        "Erster Punkt\n\nZweiter Punkt"
    )
    assert "-TEXT" not in article.text
    assert (article.title, article.source, article.url) == (
        "Drohnenangriff auf Kiew", "Die Zeitung", "https://zeitung.example/kiew",
    )  # fmt: skip
    assert (article.published, article.published_precision, article.published_basis) == (
        date(2024, 11, 10), "day", "html_meta",
    )  # fmt: skip
    assert [article.text[a:b] for a, b in article.furniture] == ["Von Anna Schmidt"]


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2024-03-05"}]}</script>', date(2024, 3, 5)),
        ('<meta name="date" content="2023-02-24">', date(2023, 2, 24)),
        ('<meta itemprop="datePublished" content="2022-02-24T05:00:00Z">', date(2022, 2, 24)),
        ('<meta name="date" content="kaputt">', None),
    ],
)
def test_ingest_html_date_sources(tmp_path, head, published):
    html = f"<html><head>{head}</head><body><p>Kiew meldet Angriffe in der Nacht.</p></body></html>"
    write(tmp_path, {"a.htm": html})
    articles, _, _ = run(tmp_path)
    assert articles["a.htm"].published == published


def test_ingest_html_time_element_and_declared_charset(tmp_path):
    html = (
        '<html><head><meta charset="windows-1252"></head><body><article><time datetime="2024-11">Nov</time>'
        "<p>Präsident Selenskyj äußerte sich in Kiew.</p></article></body></html>"
    ).encode("cp1252")
    write(tmp_path, {"a.html": html})
    articles, _, _ = run(tmp_path)
    article = articles["a.html"]
    assert (article.published, article.published_precision, article.encoding) == (date(2024, 11, 1), "month", "cp1252")
    assert "Präsident Selenskyj äußerte" in article.text


def test_ingest_html_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("GEHEIM", encoding="utf-8")
    html = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<html><body><p>Text &xxe; Ende mit Kiew.</p></body></html>"
    )
    write(tmp_path / "in", {"a.html": html})
    articles, _, _ = run(tmp_path / "in")
    assert "GEHEIM" not in articles["a.html"].text
    assert "Kiew" in articles["a.html"].text


# -- JSONL -------------------------------------------------------------------------------------------------


def test_ingest_jsonl_good_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"text": GERMAN, "title": "Hilfe", "published": "2024-11-11", "source": "dpa", "url": "u", "id": "a1"}),
        "{broken",
        json.dumps({"title": "no text"}),
        json.dumps({"text": 42}),
        json.dumps(["text"]),
        "",
        json.dumps({"text": "   "}),
        json.dumps({"text": "Kiew meldet Angriffe.", "title": ["x"]}),
        json.dumps({"text": "Moskau meldet Abschüsse.", "published": "gestern"}),
        json.dumps({"text": "Berlin kündigt Hilfe an.", "published": 2024}),
        json.dumps({"text": "Paris kündigt Hilfe an.", "id": "a1"}),
        json.dumps({"text": GERMAN}),
        json.dumps({"text": "Rom sagt nichts.", "published": {"y": 2024}}),
        json.dumps({"text": "Madrid\u2028sagt etwas.", "id": 7}),
    ]
    write(tmp_path, {"batch.jsonl": "\n".join(lines) + "\n"})
    articles, skipped, notices = run(tmp_path)
    assert skipped == {
        "batch.jsonl#2": "line 2 is not valid JSON (Expecting property name enclosed in double quotes at column 2); "
        "each line must be one complete JSON object",
        "batch.jsonl#3": 'line 3 has no "text" field; every line needs the article text',
        "batch.jsonl#4": 'line 4: "text" is a number, not a string; give the article text',
        "batch.jsonl#5": 'line 5 is a list, not a JSON object; write {"text": "..."} on each line',
        "batch.jsonl#7": 'line 7: "text" is empty; remove the line or give the article text',
        "batch.jsonl#8": 'line 8: "title" is a list, not a string; fix or drop it',
        "batch.jsonl#12": "same text as a1; remove one of the copies",
        "batch.jsonl#13": 'line 13: "published" is an object, not a date string (YYYY-MM-DD, YYYY-MM, YYYY, '
        "DD.MM.YYYY or an ISO date-time); fix or drop it",
    }
    assert notices == [
        (
            "batch.jsonl#9",
            "line 9: \"published\" 'gestern' is not a date; write YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY or an ISO "
            "date-time; date left unknown",
        ),
        ("batch.jsonl#11", 'line 11 repeats id "a1" of line 1; named batch.jsonl#11 instead, give each line its own id'),
    ]
    assert list(articles) == ["a1", "batch.jsonl#9", "batch.jsonl#10", "batch.jsonl#11", "7"]
    first = articles["a1"]
    assert (first.title, first.published, first.published_basis, first.source, first.url) == (
        "Hilfe", date(2024, 11, 11), "jsonl", "dpa", "u",
    )  # fmt: skip
    assert (articles["batch.jsonl#10"].published, articles["batch.jsonl#10"].published_precision) == (date(2024, 1, 1), "year")
    assert articles["7"].text == "Madrid\u2028sagt etwas."


def test_ingest_manifest_small_problems_are_notices(tmp_path):
    manifest = (
        "file,published,language,remarks\n"
        "./a.txt,2024-11-10,de,x\n"
        ",2024-11-10,de,\n"
        "b.txt,2024-11-11,en,,surplus\n"
    )
    write(tmp_path, {"manifest.csv": manifest, "a.txt": GERMAN, "b.txt": GERMAN + "Mehr."})
    articles, skipped, notices = run(tmp_path)
    assert skipped == {}
    assert notices == [
        ("manifest.csv", "manifest.csv: unknown column(s) remarks ignored; known: file, published, "
         "published_precision, source, language, note, title, url"),  # fmt: skip
        ("manifest.csv", "manifest.csv row 3 has no file name; row ignored"),
        ("manifest.csv", "manifest.csv row 4 has more cells than the header; the extra ones are ignored"),
        ("b.txt", "manifest.csv row 4 says the language is 'en'; the extractors read German, so events may be missed"),
    ]
    assert (articles["a.txt"].published, articles["b.txt"].published) == (date(2024, 11, 10), date(2024, 11, 11))


def test_ingest_jsonl_language_notice(tmp_path):
    write(tmp_path, {"a.jsonl": json.dumps({"text": "Kyiv reports drone attacks.", "language": "en"}) + "\n"})
    articles, skipped, notices = run(tmp_path)
    assert skipped == {}
    assert notices == [("a.jsonl#1", "line 1 says the language is 'en'; the extractors read German, so events may be missed")]
    assert list(articles) == ["a.jsonl#1"]


def test_ingest_jsonl_that_is_binary_or_empty(tmp_path):
    write(tmp_path, {"a.jsonl": b"\x89PNG\r\n\x1a\n\x00", "b.jsonl": b"\n\n", "c.txt": GERMAN})
    articles, skipped, _ = run(tmp_path)
    assert skipped == {
        "a.jsonl": "a PNG image, not text (starts with 89 50 4e 47 0d 0a 1a 0a); remove it or replace it with the "
        "article text",
        "b.jsonl": "file holds only whitespace; remove it or put the article text in it",
    }
    assert list(articles) == ["c.txt"]


def test_ingest_manifest_given_directly(tmp_path):
    write(tmp_path, {"manifest.csv": "file,published\na.txt,2024\n", "a.txt": GERMAN})
    articles, skipped, _ = run(tmp_path / "manifest.csv")
    assert articles == {}
    assert skipped == {"manifest.csv": "manifest.csv is metadata, not an article; give the folder that holds it"}
