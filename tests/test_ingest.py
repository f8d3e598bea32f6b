"""iter_inputs end to end: every bad input gives its exact one-line reason, and everything else is still read."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.ingest import iter_inputs
from pipeline.model import Article, Notice, Skipped

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOOD = "Russland hat am Sonntag Kiew mit Drohnen angegriffen. Die Ukraine meldete zwölf Tote.\n"


def run(*paths):
    items = list(iter_inputs([str(p) for p in paths]))
    articles = {i.doc: i for i in items if isinstance(i, Article)}
    skipped = {i.doc: i.reason for i in items if isinstance(i, Skipped)}
    notices = [(i.doc, i.message) for i in items if isinstance(i, Notice)]
    return articles, skipped, notices


def folder_with(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return folder


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "file is empty (0 bytes); remove it or put the article text in it"),
        ("blank.txt", b"  \n\t\r\n  \n", "file holds only whitespace; remove it or put the article text in it"),
        (
            "paper.txt",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
            "a PDF document, not text (starts with %PDF); convert it to text first (e.g. pdftotext) and save "
            "that as .txt",
        ),
        (
            "image.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
            "a PNG image, not text (starts with 89 50 4e 47 0d 0a 1a 0a); remove it or replace it with the "
            "article text",
        ),
        (
            "random.txt",
            bytes(range(256)) * 4,
            "binary data, not text (NUL byte at offset 0); save the article as plain text (.txt, UTF-8)",
        ),
        (
            "controls.txt",
            b"abc\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14 text",
            "binary data, not text (65% control characters); save the article as plain text (.txt, UTF-8)",
        ),
        (
            "digits.txt",
            b"12345 -- 678 !!",
            "file holds no letters (only digits, punctuation or symbols); is it really an article?",
        ),
        (
            "dateonly.txt",
            b"date 2024-11-03\n\n",
            "has a date line or front matter but no article text after it; add the text",
        ),
        (
            "report.pdf",
            b"%PDF-1.4",
            "unsupported file type .pdf; convert it to .txt (supported: .htm, .html, .jsonl, .markdown, .md, "
            ".ndjson, .text, .txt, .xhtml)",
        ),
        (
            "README",
            b"notes",
            "no file extension; rename it to .txt if it is plain text (supported: .htm, .html, .jsonl, "
            ".markdown, .md, .ndjson, .text, .txt, .xhtml)",
        ),
        (
            "page.html",
            b"<html><body><script>alert(1)</script><nav>Menu</nav></body></html>",
            "HTML page has no visible article text; save the article's page, not an empty frame",
        ),
        (
            "russian.txt",
            "Россия атаковала Киев беспилотниками в воскресенье, сообщили украинские власти. "
            "Погибли двенадцать человек, десятки ранены.".encode("cp1251"),
            "not UTF-8 and not German text in cp1252/latin-1 (charset-normalizer guesses cp1251); "
            "re-save it as UTF-8",
        ),
    ],
)
def test_ingest_bad_file_gives_reason_and_keeps_the_rest(tmp_path, name, content, reason):
    folder = folder_with(tmp_path, {name: content})
    articles, skipped, notices = run(folder)
    assert skipped == {name: reason}
    assert list(articles) == ["good.txt"]
    assert articles["good.txt"].text == GOOD


def test_ingest_missing_path_raises_input_error(tmp_path):
    with pytest.raises(InputError, match=r"input '.*nowhere' does not exist; check the path \(no such file or folder\)"):
        list(iter_inputs([tmp_path / "nowhere"]))


def test_ingest_missing_path_raises_before_anything_is_read(tmp_path):
    folder = folder_with(tmp_path, {})
    stream = iter_inputs([folder, tmp_path / "nowhere"])
    with pytest.raises(InputError):
        next(stream)


def test_ingest_seeds_folder(tmp_path):
    if not SEEDS.is_dir():
        pytest.skip("seeds/ is not in the checkout")
    articles, skipped, notices = run(SEEDS)
    assert (skipped, notices) == ({}, [])
    assert len(articles) == 5
    got = {doc[:3]: (a.published, a.published_precision, a.published_basis) for doc, a in articles.items()}
    assert got == {
        "000": (date(2024, 12, 3), "day", "manifest"),
        "001": (date(2024, 12, 4), "day", "manifest"),
        "002": (date(2024, 11, 11), "day", "manifest"),
        "003": (date(2025, 4, 28), "day", "manifest"),
        "004": (date(2024, 11, 1), "month", "manifest"),
    }
    by_prefix = {doc[:3]: a for doc, a in articles.items()}
    assert by_prefix["004"].source == "taz"
    assert by_prefix["004"].text.startswith(" date 2024-11 Berlin taz |")
    assert by_prefix["004"].text[by_prefix["004"].body_start :].startswith("Berlin taz | Das russische")

    def furniture_text(article):
        return [article.text[a:b] for a, b in article.furniture]

    assert {prefix: furniture_text(a) for prefix, a in by_prefix.items()} == {
        "000": ["Mit zusätzlicher Berichterstattung von Christina Grube"],
        "001": ["Weiterführende Informationen – Liveticker zum Ukraine-Krieg\n\nSchreibe einen Kommentar"],
        "002": [
            "Für diese Berichterstattung trugen CNNs Jack Forrest, Helen Regan, Svitlana Vlasova, Tara John, "
            "Victoria Butenko, Nic Robertson, Kristen Holmes, Natasha Bertrand, Haley Britzky und Oren Liebermann "
            "bei."
        ],
        "003": [
            "Harald Neuber\n\nBild: Joshua Sukoff/ Shutterstock.com",
            "Empfohlener redaktioneller Inhalt\n\nMit Ihrer Zustimmung wird hier ein externer Podcast (Podigee GmbH) "
            "geladen.\n\nIch bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Damit können "
            "personenbezogene Daten an Drittplattformen (Podigee GmbH) übermittelt werden. Mehr dazu in unserer "
            "Datenschutzerklärung.",
        ],
        "004": ["Berlin taz |"],
    }
    # furniture never swallows the article: every seed keeps more than 90 % of its body
    for article in articles.values():
        covered = sum(b - a for a, b in article.furniture)
        assert covered < 0.1 * len(article.text)


def test_ingest_article_ids_and_hash(tmp_path):
    import hashlib

    folder = folder_with(tmp_path, {})
    articles, _, _ = run(folder)
    digest = hashlib.sha256(GOOD.encode("utf-8")).hexdigest()
    article = articles["good.txt"]
    assert (article.article_id, article.content_hash) == (digest[:16], digest)
    assert article.path == str(folder / "good.txt")
    assert (article.published, article.published_precision, article.published_basis) == (None, "unknown", "unknown")


def test_ingest_same_text_twice(tmp_path):
    folder = folder_with(tmp_path, {"copy.txt": GOOD})
    articles, skipped, _ = run(folder)
    assert list(articles) == ["copy.txt"]
    assert skipped == {"good.txt": "same text as copy.txt; remove one of the copies"}


def test_ingest_same_file_given_twice(tmp_path):
    folder = folder_with(tmp_path, {})
    articles, skipped, _ = run(folder, folder / "good.txt")
    assert list(articles) == ["good.txt"]
    assert skipped == {"good.txt": "already read (the same file was given twice)"}


def test_ingest_size_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("CT_MAX_FILE_MB", "1")
    folder = folder_with(tmp_path, {"big.txt": b"a" * (1024 * 1024 + 10)})
    articles, skipped, _ = run(folder)
    assert skipped == {"big.txt": "file is 1.0 MB, over the 1 MB limit; split it or raise the limit, e.g. CT_MAX_FILE_MB=2"}
    assert list(articles) == ["good.txt"]


def test_ingest_symlink_outside_is_not_followed(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("Geheimer Text über etwas anderes.", encoding="utf-8")
    folder = folder_with(tmp_path, {})
    (folder / "link.txt").symlink_to(outside)
    (folder / "inside.txt").symlink_to(folder / "good.txt")
    (folder / "broken.txt").symlink_to(tmp_path / "gone.txt")
    articles, skipped, _ = run(folder)
    assert skipped == {
        "link.txt": f"symlink to {outside.resolve()} points outside the input folder {folder.resolve()}; "
        "not followed (copy the file into the folder to read it)",
        "broken.txt": f"broken symlink to {tmp_path / 'gone.txt'}; fix the link or remove it",
        "inside.txt": "same text as good.txt; remove one of the copies",
    }
    assert list(articles) == ["good.txt"]


def test_ingest_unreadable_file(tmp_path, monkeypatch):
    folder = folder_with(tmp_path, {"locked.txt": GOOD.replace("zwölf", "elf")})
    if os.geteuid() == 0:
        # root reads through chmod 000: simulate the permission error the OS gives other users
        real_open = Path.open

        def deny(self, *args, **kwargs):
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", deny)
    else:
        (folder / "locked.txt").chmod(0)
    articles, skipped, _ = run(folder)
    assert skipped == {"locked.txt": "permission denied; make it readable (chmod +r) or remove it"}
    assert list(articles) == ["good.txt"]


def test_ingest_hidden_files_ignored_and_subfolders_sorted(tmp_path):
    folder = folder_with(
        tmp_path,
        {
            ".DS_Store": b"\x00\x00\x00\x01Bud1",
            ".git/config": "[core]",
            "b/zwei.txt": GOOD.replace("Sonntag", "Montag"),
            "a/eins.md": GOOD.replace("Sonntag", "Dienstag"),
        },
    )
    items = list(iter_inputs([folder]))
    assert [i.doc for i in items] == ["eins.md", "zwei.txt", "good.txt"]


def test_ingest_fifo_is_not_opened(tmp_path):
    folder = folder_with(tmp_path, {})
    os.mkfifo(folder / "pipe.txt")
    articles, skipped, _ = run(folder)
    assert skipped == {"pipe.txt": "not a regular file (a named pipe); remove it from the input"}
    assert list(articles) == ["good.txt"]


def test_ingest_single_file_uses_its_folders_manifest(tmp_path):
    folder = folder_with(tmp_path, {"manifest.csv": "file,published,source\ngood.txt,2024-11-10,taz\nother.txt,2024,x\n"})
    articles, skipped, notices = run(folder / "good.txt")
    assert (skipped, notices) == ({}, [])
    assert (articles["good.txt"].published, articles["good.txt"].source) == (date(2024, 11, 10), "taz")


def test_ingest_copies_of_seeds_are_read_like_the_seeds(tmp_path):
    if not SEEDS.is_dir():
        pytest.skip("seeds/ is not in the checkout")
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    articles, skipped, _ = run(copy)
    assert len(articles) == 5 and not skipped


def test_ingest_folder_link_loop_is_not_followed(tmp_path):
    folder = folder_with(tmp_path, {})
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    articles, skipped, _ = run(folder)
    assert skipped == {"loop": f"folder link to {folder.resolve()}, which is already being read; not followed"}
    assert list(articles) == ["good.txt"]


def test_ingest_folder_link_inside_is_followed(tmp_path):
    folder = folder_with(tmp_path, {"real/a.txt": GOOD.replace("Sonntag", "Montag")})
    (folder / "z-link").symlink_to(folder / "real", target_is_directory=True)
    articles, skipped, _ = run(folder)
    assert list(articles) == ["good.txt", "a.txt"]
    assert articles["a.txt"].path == str(folder / "real" / "a.txt")
    assert skipped == {"a.txt": f"same text as {folder / 'real' / 'a.txt'}; remove one of the copies"}
