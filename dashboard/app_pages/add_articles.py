"""Add articles: upload .txt, .md, .html or .jsonl files; they run through the pipeline and show up at once."""

import streamlit as st

from dashboard import db, ingesting, ui
from dashboard.uploads import ALLOWED_SUFFIXES
from pipeline.settings import get_int

STATUS_ICONS = {"ingested": ":material/check_circle:", "replaced": ":material/check_circle:",
                "unchanged": ":material/info:", "warning": ":material/warning:", "skipped": ":material/block:"}


def _show_outcome(outcome: ingesting.Outcome) -> None:
    """Every file's line of the run report, with the whole reason (file names and reasons are escaped)."""
    for problem in outcome.refused:
        st.error(ui.md_escape(problem), icon=":material/block:")
    if outcome.report is None:
        return
    for row in outcome.report.itertuples():
        text = ui.md_escape(f"{row.file}" + (f" ({row.doc})" if row.doc and row.doc != row.file else "")
                            + f": {row.status}, {row.message}")
        show = st.error if row.status == "skipped" else st.warning if row.status == "warning" else st.info
        show(text, icon=STATUS_ICONS.get(row.status, ":material/info:"))


def body() -> None:
    st.title("Add articles", anchor=False)
    limit = get_int("upload_max_mb")
    st.caption(f"Plain text (.txt, .md), web pages (.html) or JSON Lines (.jsonl, one article per line), up to "
               f"{limit} MB each. Accepted files are kept in the `uploads` folder next to the database and read by "
               "the same pipeline as the command line (`conflict-timeline ingest`); a file that is skipped is "
               "deleted again.")
    # A new key after each add empties the uploader, so the same files are not sent twice by accident.
    key = f"up_files_{st.session_state.get('up_round', 0)}"
    files = st.file_uploader("Articles", type=[s.lstrip(".") for s in ALLOWED_SUFFIXES], accept_multiple_files=True,
                             max_upload_size=limit, key=key)
    published = st.date_input("Publication date (leave empty to infer it from the text)", value=None, key="up_date",
                              format="DD.MM.YYYY",
                              help="Only used for files that do not state their own date. Empty: the date is "
                                   "taken from the article (a dateline, a date in the text).")
    if st.button("Add to the database", type="primary", disabled=not files, key="up_go"):
        with st.status("Reading and extracting events…", expanded=True) as status:
            outcome = ingesting.add_files([(f.name, f.getvalue()) for f in files], db.db_path(), published, limit)
            status.update(label=outcome.headline, state="complete" if outcome.ok else "error")
        st.session_state["up_last"] = outcome
        if outcome.report is not None:
            db.clear_caches()
        st.session_state["up_round"] = st.session_state.get("up_round", 0) + 1
        st.rerun()  # the sidebar (data version, counts) and the emptied uploader show the new state
    outcome = st.session_state.get("up_last")
    if outcome is not None:
        (st.success if outcome.ok else st.error)(outcome.headline)
        _show_outcome(outcome)
        if outcome.ok:
            st.caption("The other pages now include these articles.")


ui.page(body, needs="nothing")
