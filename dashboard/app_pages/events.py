"""Events: the filtered table (sortable, searchable, exportable); a selected row shows its sources."""

import streamlit as st

from dashboard import db, detail, ui

COLUMNS = {
    "date_start": st.column_config.TextColumn("from"),
    "date_end": st.column_config.TextColumn("to"),
    "actors": st.column_config.ListColumn("actors"),
    "targets": st.column_config.ListColumn("targets"),
    "evidence": st.column_config.TextColumn("evidence", width="large"),
    "amount": st.column_config.NumberColumn("amount", format="%,.0f"),
    "troops": st.column_config.NumberColumn("troops", format="%,.0f"),
}
ORDER = ("date_start", "date_end", "type", "actors", "evidence", "targets", "location", "date_text", "precision",
         "modality", "confidence", "troops", "amount", "currency", "killed", "wounded", "n_sources", "first_doc",
         "event_id")


def body() -> None:
    st.title("Events", anchor=False)
    f = ui.filters()
    result = db.run("events_table", f)
    if result.frame.empty:
        ui.nothing_matches(f)
        return
    ui.sentence(f"{f.describe()} · {result.total:,} event(s)", "events")
    ui.notes(result)
    ui.show_event_exports(f, "events", "ev_export", result.notes)
    picked = st.dataframe(ui.blank_missing(result.frame), hide_index=True, column_config=COLUMNS, column_order=ORDER, on_select="rerun",
                          selection_mode="single-row", key="ev_table", height=ui.dataframe_height(result.frame))
    chosen = ui.selected_row_value(result, picked, "event_id")
    if chosen:
        detail.show_event(chosen)
    else:
        st.caption("Select a row (the box at its left) to read its sources.")


ui.page(body)
