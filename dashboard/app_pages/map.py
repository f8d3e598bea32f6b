"""Map: matching events per known place, on plotly's own outline map (works without internet)."""

import streamlit as st

from dashboard import charts, db, ui


def body() -> None:
    st.title("Map", anchor=False)
    f = ui.filters()
    result = db.run("places", f)
    if result.frame.empty and not result.total:
        ui.nothing_matches(f)
        return
    ui.notes(result)
    if result.frame.empty:
        st.info("None of the matching events has a known place.")
        return
    region = st.segmented_control("Show", list(charts.REGIONS), default="Europe", key="map_region") or "Europe"
    st.caption("Marker area grows with the number of events at a place; colour: the most frequent event type there. "
               "Hover a marker for its counts.")
    ui.show_figure(charts.build_map(result.frame, region), "map", f, "map_chart")


ui.page(body)
