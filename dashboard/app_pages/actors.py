"""Actors: who does what (actor × event type), and who acts on whom (acting side × target)."""

import streamlit as st

from dashboard import charts, db, ui


def body() -> None:
    st.title("Actors", anchor=False)
    f = ui.filters()
    types = db.run("actor_type_matrix", f)
    if types.frame.empty:
        ui.nothing_matches(f)
        return
    st.subheader("Events per actor and type", anchor=False)
    st.caption("The 25 actors with most matching events; an event counts once for each of its actors.")
    ui.show_figure(charts.build_actor_types(types.frame), "actors_by_type", f, "ac_types")
    st.subheader("Who acts on whom", anchor=False)
    pairs = db.run("actor_target_matrix", f)
    if pairs.frame.empty:
        st.caption("None of the matching events names a target.")
    else:
        st.caption("Acting side (rows) against the actor acted upon (columns): the 15 busiest of each.")
        ui.show_figure(charts.build_actor_targets(pairs.frame), "actors_on_targets", f, "ac_targets")


ui.page(body)
