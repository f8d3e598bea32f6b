"""Sources: the articles read (publication date, whether it was inferred, events found) and what was skipped."""

import streamlit as st

from dashboard import db, ui

ARTICLE_COLUMNS = ("doc", "published", "date_inferred", "n_events", "outlet", "status", "title", "published_precision",
                   "published_basis", "skip_reason", "path")


def body() -> None:
    st.title("Sources", anchor=False)
    f = ui.filters()
    s = db.summary()
    st.caption(f"{s['n_articles']:,} article(s) read, {s['n_events']:,} event(s) · {db.data_version()} · "
               f"database `{db.db_path()}`")
    articles = db.run("articles_table", f)
    st.subheader("Articles", anchor=False)
    st.caption("Filtered by outlet, source article and publication date (the other filters are about events). "
               "*date_inferred*: no date was given with the article, it was guessed from the text.")
    ui.notes(articles)
    if articles.frame.empty:
        st.info("No articles match the outlet, article and date filters.")
    else:
        ui.show_table_exports(articles, "articles", f, "src_export")
        st.dataframe(ui.blank_missing(articles.frame), hide_index=True, height=ui.dataframe_height(articles.frame),
                     column_order=ARTICLE_COLUMNS,
                     column_config={"published": st.column_config.TextColumn("published"),
                                    "date_inferred": st.column_config.CheckboxColumn("date inferred"),
                                    "n_events": st.column_config.NumberColumn("events"),
                                    "title": st.column_config.TextColumn("title", width="large")})
    st.subheader("Skipped inputs", anchor=False)
    skipped = db.run("skipped_inputs")
    ui.notes(skipped)
    if skipped.frame.empty:
        st.caption("Nothing was skipped in the latest runs.")
    else:
        st.caption("Inputs skipped (or read with a warning) in their latest run, with the reason.")
        st.dataframe(ui.blank_missing(skipped.frame), hide_index=True, height=ui.dataframe_height(skipped.frame, 10))


ui.page(body, needs="store")
