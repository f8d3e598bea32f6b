"""Timeline: events on a time axis in swimlanes by actor or type; pick one to see it with all its sources."""

import streamlit as st

from dashboard import charts, db, detail, ui


def body() -> None:
    st.title("Timeline", anchor=False)
    f = ui.filters()
    lane = st.segmented_control("Swimlanes by", ["Actor", "Type"], default="Actor", key="tl_lane") or "Actor"
    result = db.run("timeline", f, lane=lane.lower())
    if result.total == 0 and result.frame.empty:
        ui.nothing_matches(f)
        return
    ui.notes(result)
    if result.truncated:
        ui.show_figure(charts.build_timeline_counts(result.frame, lane), "timeline", f, key="tl_counts")
        return
    fig = charts.build_timeline(result.frame, lane, x_range=(f.date_from, f.date_to))
    event = ui.show_figure(fig, "timeline", f, key="tl_chart", select=True)
    picked = [p.get("customdata") for p in (event.selection.points if event else []) if p.get("customdata")]
    labels = detail.event_labels(result.frame)
    choice = st.selectbox("Event", list(labels), format_func=labels.get, index=None, key="tl_event",
                          placeholder="Click a mark in the chart, or choose an event here")
    chosen = picked[0] if picked else choice
    if chosen:
        detail.show_event(chosen)


ui.page(body)
