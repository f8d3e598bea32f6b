"""Add articles: upload .txt, .html or .jsonl files; they run through the pipeline and show up at once."""

import streamlit as st

from dashboard import db, ingesting, ui
from pipeline.settings import get_int


def body() -> None:
    st.title("Add articles", anchor=False)
    limit = get_int("upload_max_mb")
    st.caption(f"Plain text (.txt), web pages (.html) or JSON Lines (.jsonl, one article per line), up to {limit} MB "
               "each. The files are saved under the data folder and read by the same pipeline as `make data`.")
    files = st.file_uploader("Articles", type=["txt", "html", "htm", "jsonl"], accept_multiple_files=True,
                             max_upload_size=limit, key="up_files")
    known = st.checkbox("I know the publication date", key="up_known",
                        help="Used for files that do not state their own date; otherwise it is inferred from the text.")
    published = st.date_input("Publication date", key="up_date", disabled=not known, format="DD.MM.YYYY")
    if st.button("Add to the database", type="primary", disabled=not files, key="up_go"):
        with st.status("Reading and extracting events…", expanded=True) as status:
            outcome = ingesting.add_files([(f.name, f.getvalue()) for f in files], db.db_path(),
                                          published if known else None, limit)
            status.update(label=outcome.headline, state="complete" if outcome.ok else "error")
        for problem in outcome.refused:
            st.error(problem)
        if outcome.report is not None:
            st.dataframe(outcome.report, hide_index=True)
            db.clear_caches()
            if outcome.ok:
                st.success("Done: the other pages now include these articles.")


ui.page(body, needs="nothing")
