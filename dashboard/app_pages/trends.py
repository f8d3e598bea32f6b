"""Trends: events per week or month by type and by actor, aid amounts by donor, troop numbers reported."""

import streamlit as st

from dashboard import charts, db, ui


def body() -> None:
    st.title("Trends", anchor=False)
    f = ui.filters()
    period = st.segmented_control("Per", ["week", "month"], default="month", key="tr_period") or "month"
    by_type = db.run("counts_by_type", f, period=period)
    if by_type.frame.empty:
        ui.nothing_matches(f)
        return
    st.subheader(f"Events per {period}, by type", anchor=False)
    dates = (f.date_from, f.date_to)
    ui.show_figure(charts.build_counts(by_type.frame, "type", period, dates), f"events_per_{period}_by_type", f,
                   "tr_types")
    st.subheader(f"Events per {period}, by actor", anchor=False)
    by_actor = db.run("counts_by_actor", f, period=period)
    ui.notes(by_actor)
    ui.show_figure(charts.build_counts(by_actor.frame, "actor", period, dates), f"events_per_{period}_by_actor", f,
                   "tr_actors")
    st.subheader("Aid pledged or delivered, cumulative by donor", anchor=False)
    aid = db.run("aid_cumulative", f, period=period)
    if aid.frame.empty:
        st.caption("No aid packages with an amount match these filters.")
    else:
        st.caption("Sums of the amounts reported per aid package, in the currency reported (never converted); "
                   "the first actor is taken as the donor.")
        ui.show_figure(charts.build_aid(aid.frame), "aid_by_donor", f, "tr_aid")
    st.subheader("Troop numbers reported", anchor=False)
    troops = db.run("troop_reports", f)
    ui.notes(troops)
    if troops.frame.empty:
        st.caption("No troop deployments with a number match these filters.")
    else:
        ui.show_figure(charts.build_troops(troops.frame), "troops_reported", f, "tr_troops")


ui.page(body)
