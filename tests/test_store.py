import duckdb
import pytest

from pipeline import store
from pipeline.errors import StoreError
from pipeline.model import Article, Skipped
from tests.factories import mention


def _article(text="Russland greift an.", doc="a.txt"):
    import hashlib

    h = hashlib.sha256(text.encode()).hexdigest()
    return Article(article_id=h[:16], doc=doc, path=f"/in/{doc}", text=text, content_hash=h, furniture=((0, 3),))


def test_store_write_then_read_round_trips_articles_and_mentions(tmp_path):
    db = tmp_path / "e.duckdb"
    art = _article()
    m = mention("m1", article=art.article_id, doc=art.doc, quantity={"killed": 3})
    with store.writing(db) as con:
        store.insert_articles(con, [(art, [m])])
    con = store.connect_read(db)
    try:
        (back,) = store.ingested_articles(con)
        (got,) = store.read_mentions(con)
    finally:
        con.close()
    assert back == art
    assert got == m


def test_store_failed_write_leaves_previous_file_untouched(tmp_path):
    db = tmp_path / "e.duckdb"
    with store.writing(db) as con:
        store.insert_articles(con, [(_article(), [])])
    before = db.read_bytes()
    with pytest.raises(RuntimeError), store.writing(db) as con:
        store.insert_articles(con, [(_article("Anderer Text.", "b.txt"), [])])
        raise RuntimeError("killed half-way")
    assert db.read_bytes() == before
    assert not list(tmp_path.glob(".e.duckdb.tmp-*"))


def test_store_leftover_temp_file_from_a_killed_writer_is_removed(tmp_path):
    db = tmp_path / "e.duckdb"
    leftover = tmp_path / ".e.duckdb.tmp-99999"
    leftover.write_bytes(b"half written")
    with store.writing(db) as con:
        store.insert_skipped(con, [(Skipped("/in/x.pdf", "x.pdf", "binary"), "skip-1")])
    assert not leftover.exists()


def test_store_readers_keep_reading_while_a_writer_works(tmp_path):
    db = tmp_path / "e.duckdb"
    with store.writing(db) as con:
        store.insert_articles(con, [(_article(), [])])
    reader = store.connect_read(db)
    with store.writing(db) as con:
        store.insert_articles(con, [(_article("Zweiter.", "b.txt"), [])])
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    reader.close()
    reader = store.connect_read(db)
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    reader.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no event database at"), (b"not a database at all" * 100, "is not a usable DuckDB database")],
)
def test_store_connect_read_explains_a_missing_or_broken_file(tmp_path, content, message):
    db = tmp_path / "e.duckdb"
    if content is not None:
        db.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        store.connect_read(db)


def test_store_refuses_a_database_of_another_schema_version(tmp_path):
    db = tmp_path / "e.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '0')")
    con.close()
    with pytest.raises(StoreError, match="schema version 0"):
        store.connect_read(db)
