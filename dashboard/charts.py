"""Chart builders: pure `build_x(frame) -> go.Figure`, no Streamlit.

Every text that came from an article (evidence sentences, titles, file names) is HTML-escaped before it goes
into a label or hover: plotly renders a subset of HTML (`<a href>`, `<b>`, `<br>`) in those, and an article
must never be able to put a link or markup into the page.
"""

from __future__ import annotations

import hashlib
import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.filters import type_label
from pipeline.model import EVENT_TYPES

FONT = "DejaVu Sans, Arial, sans-serif"
TYPE_COLORS = dict(zip(EVENT_TYPES, ("#1f77b4", "#2ca02c", "#7f7f7f", "#d62728", "#9467bd", "#ff7f0e", "#8c564b",
                                     "#e377c2"), strict=True))
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf", "#393b79", "#637939")
TOPOJSON_SCOPE_RES = 50
DAY_MS = 86_400_000
MAP_LABELS = 6
"""Only the busiest places get a name on the map (the others on hover): names of close places would overlap."""
MAP_LABEL_GAP = (6.0, 3.0)
"""(lon, lat) degrees: a place this close to a busier labelled one is named on hover only (Kyiv beside the
centre point of Ukraine)."""


def safe(text: object, width: int = 0) -> str:
    """Article text made inert for plotly labels (escaped), optionally wrapped with <br> every `width` chars."""
    s = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    if width:
        return "<br>".join(html.escape(line) for line in textwrap.wrap(s, width) or [""])
    return html.escape(s)


def _layout(fig: go.Figure, height: int = 480, **kwargs) -> go.Figure:
    # No plotly template here: validating one costs ~10-15 ms per figure and adds ~8 kB to each chart sent;
    # in the app Streamlit's theme styles the chart, and exports add plotly_white (exporting.captioned).
    fig.update_layout(height=height, font={"family": FONT, "size": 13},
                      margin={"l": 10, "r": 10, "t": 30, "b": 10},
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0}, **kwargs)
    return fig


def color_of(event_type: str) -> str:
    return TYPE_COLORS.get(event_type, "#333333")


def _jitter(event_id: str) -> float:
    """A stable offset in [-0.3, 0.3] so that events on the same day in one lane do not hide each other."""
    return (int(hashlib.blake2b(event_id.encode(), digest_size=2).hexdigest(), 16) / 65535 - 0.5) * 0.6


def count_marks(fig: go.Figure) -> int:
    """How many marks (points, bars, cells) a figure sends to the browser."""
    n = 0
    for trace in fig.data:
        for attr in ("z", "x", "lat", "value", "y"):
            values = getattr(trace, attr, None)
            if values is not None:
                try:
                    n += sum(len(row) for row in values) if attr == "z" else len(values)
                except TypeError:
                    n += 1
                break
    return n


# ---------------------------------------------------------------- date axes

DATE_TICKS = (
    # Never hours: a day is the finest a date in this data can be. Days and weeks, months, years.
    {"dtickrange": [None, "M1"], "value": "%d %b %Y"},
    {"dtickrange": ["M1", "M12"], "value": "%b %Y"},
    {"dtickrange": ["M12", None], "value": "%Y"},
)
MIN_DAYS = 14
"""The narrowest date axis shown: a few events on one day must not give an axis in hours."""
DENSE_LOW = 0.10
"""Without a date filter the axis opens on the events from this quantile of their dates on (outliers reachable
by zooming out)."""


def date_axis(fig: go.Figure, lo=None, hi=None, min_days: int = MIN_DAYS, **kwargs) -> None:
    """Date-only ticks on every x-axis of `fig`; with `lo`/`hi`, the range they span (at least `min_days`)."""
    fig.update_xaxes(type="date", tickformatstops=list(DATE_TICKS), hoverformat="%d %b %Y", **kwargs)
    if lo is not None and hi is not None:
        lo, hi = pd.Timestamp(lo), pd.Timestamp(hi)
        short = max(pd.Timedelta(days=min_days) - (hi - lo), pd.Timedelta(0)) / 2
        fig.update_xaxes(range=[lo - short, hi + short])


def dense_window(starts: pd.Series, ends: pd.Series | None = None, weights: pd.Series | None = None,
                 low: float = DENSE_LOW) -> tuple[pd.Timestamp, pd.Timestamp, int]:
    """(first, last, left out): the padded date range from the `low` quantile of the (weighted) start dates to
    the last end date, and how many events start before it. Outliers years before the rest (a "first term"
    interval, a mis-dated report) would otherwise squash every other event into a sliver of the axis."""
    starts = pd.to_datetime(pd.Series(starts)).reset_index(drop=True)
    ends = starts if ends is None else pd.to_datetime(pd.Series(ends)).reset_index(drop=True)
    w = pd.Series(1, index=starts.index) if weights is None else pd.Series(weights).reset_index(drop=True)
    keep = starts.notna() & (w > 0)  # empty periods of a filled count grid are no events
    starts, ends, w = starts[keep], ends[keep].fillna(starts[keep]), w[keep]
    if starts.empty:
        return pd.NaT, pd.NaT, 0
    order = starts.sort_values().index
    cum = w[order].cumsum() / max(w.sum(), 1)
    q = starts[order][cum >= low].iloc[0] if (cum >= low).any() else starts.min()
    last = max(ends.max(), starts.max())
    # Walk back from the quantile over events close to the ones kept: the quantile only marks the dense core,
    # the view must not cut the cluster it sits in, only isolated outliers.
    reach = max((last - q) * 0.15, pd.Timedelta(days=14))
    for earlier in sorted(set(starts[starts < q]), reverse=True):
        if q - earlier > reach:
            break
        q = earlier
    pad = max((last - q) * 0.04, pd.Timedelta(days=3))
    lo = q - pad
    if lo <= starts.min():  # nothing far out: show everything
        lo = starts.min() - pad
    left_out = int(w[(ends < lo)].sum())
    return lo, last + pad, left_out


def open_on(fig: go.Figure, starts: pd.Series, ends: pd.Series | None = None, weights: pd.Series | None = None,
            x_range: tuple | None = None, what: str = "events") -> None:
    """The opening x-range: the filter's dates when set, else where the events are (`dense_window`), with a
    note when some are outside it."""
    date_axis(fig)
    if x_range and all(x_range):
        date_axis(fig, pd.Timestamp(x_range[0]) - pd.Timedelta(days=1), pd.Timestamp(x_range[1]) + pd.Timedelta(days=2))
        return
    lo, hi, left_out = dense_window(starts, ends, weights)
    if pd.isna(lo):
        return
    date_axis(fig, lo, hi)
    if left_out:
        # Under the axis, in its title: above the plot it would collide with the legend.
        title = fig.layout.xaxis.title.text
        note = f"{left_out:,} earlier {what} outside this view: double-click the chart (or zoom out) to show all dates"
        fig.update_xaxes(title={"text": f"{title} · {note}" if title else note, "font": {"size": 12}})


def integer_axis(fig: go.Figure, top: float, **kwargs) -> None:
    """Counts have whole-number ticks: one per unit up to 10, otherwise plotly's (integer) steps."""
    fig.update_yaxes(rangemode="tozero", tickformat=",d", **({"dtick": 1} if top <= 10 else {}), **kwargs)


# ---------------------------------------------------------------- timeline


def build_timeline(frame: pd.DataFrame, lane_title: str = "Actor", x_range: tuple | None = None) -> go.Figure:
    """Events in swimlanes: an exact date as a point, an interval (week, month, ...) as a bar over its span.
    Each mark carries the event id as customdata, for selection."""
    lanes = list(dict.fromkeys(frame["lane"]))
    if lane_title == "Type":
        lanes = [t for t in EVENT_TYPES if t in lanes] + [t for t in lanes if t not in EVENT_TYPES]
    index = {lane: i for i, lane in enumerate(lanes)}
    fig = go.Figure()
    df = frame.assign(y=[index[lane] + _jitter(eid) for lane, eid in zip(frame["lane"], frame["event_id"], strict=True)])
    df["hover"] = [
        f"<b>{safe(type_label(t))}</b> ({safe(m)})<br>{safe(dt) or 'no date in the text'}: {s:%d %b %Y}"
        + ("" if s == e else f" – {e:%d %b %Y}") + f"<br>{safe(a)}<br><i>{safe(ev, 90)}</i><br>{safe(doc)}"
        for t, m, dt, s, e, a, ev, doc in zip(df["type"], df["modality"], df["date_text"], df["date_start"],
                                               df["date_end"], df["actors"], df["evidence"], df["first_doc"],
                                               strict=True)
    ]
    exact = df["date_start"] == df["date_end"]
    for event_type, group in df.groupby("type", sort=False):
        color = color_of(event_type)
        name = type_label(event_type, plural=True)
        spans = group[~exact.loc[group.index]]
        if len(spans):
            start = pd.to_datetime(spans["date_start"])
            length = (pd.to_datetime(spans["date_end"]) - start).dt.days.add(1) * DAY_MS
            fig.add_trace(go.Bar(
                base=start, x=length, y=spans["y"], orientation="h", width=0.07, marker={"color": color},
                opacity=0.45, name=name, legendgroup=event_type, showlegend=False,
                customdata=spans["event_id"], hovertext=spans["hover"], hovertemplate="%{hovertext}<extra></extra>"))
        points = group[exact.loc[group.index]]
        fig.add_trace(go.Scatter(
            x=pd.to_datetime(points["date_start"]), y=points["y"], mode="markers", name=name, legendgroup=event_type,
            marker={"color": color, "size": 9, "line": {"width": 0.5, "color": "white"}},
            customdata=points["event_id"], hovertext=points["hover"], hovertemplate="%{hovertext}<extra></extra>"))
    _layout(fig, height=max(320, 70 * len(lanes) + 140), barmode="overlay", hovermode="closest",
            clickmode="event+select", dragmode="zoom")
    fig.update_yaxes(tickvals=list(range(len(lanes))), ticktext=[safe(_lane_label(x, lane_title)) for x in lanes],
                     range=[len(lanes) - 0.5, -0.5], title=lane_title, showgrid=False, zeroline=False)
    fig.update_xaxes(title="Date (bars: the interval an imprecise date stands for)")
    per_event = frame.drop_duplicates("event_id")
    open_on(fig, per_event["date_start"], per_event["date_end"], x_range=x_range)
    # Lane separators in one go: add_hline re-validates every shape added so far (12 lanes took ~80 ms).
    fig.update_layout(shapes=[{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": i - 0.5, "y1": i - 0.5,
                               "line": {"color": "#dddddd", "width": 1}, "layer": "below"}
                              for i in range(1, len(lanes))])
    return fig


def _lane_label(lane: str, lane_title: str) -> str:
    return type_label(lane, plural=True) if lane_title == "Type" else lane


def build_timeline_counts(frame: pd.DataFrame, lane_title: str = "Actor") -> go.Figure:
    """Too many events to draw one by one: counts per lane and period as a heatmap."""
    pivot = frame.pivot_table(index="lane", columns="period", values="n", aggfunc="sum", fill_value=0)
    order = pivot.sum(axis=1).sort_values(ascending=False).index
    pivot = pivot.loc[order]
    fig = go.Figure(go.Heatmap(
        z=pivot.to_numpy(), x=pd.to_datetime(pivot.columns), y=[safe(_lane_label(x, lane_title)) for x in pivot.index],
        colorscale="Blues", colorbar={"title": "events"},
        hovertemplate="%{y}<br>%{x|%d %b %Y}: %{z:,} events<extra></extra>"))
    _layout(fig, height=max(320, 40 * len(pivot) + 140))
    fig.update_yaxes(title=lane_title, autorange="reversed")
    fig.update_xaxes(title="Date (start of period)")
    date_axis(fig)
    return fig


# ---------------------------------------------------------------- trends


def fill_periods(frame: pd.DataFrame, period: str) -> pd.DataFrame:
    """Every (period, key) between the first and last period, with 0 where nothing happened (an empty period
    is a real zero, not a gap to bridge)."""
    if frame.empty:
        return frame
    freq = "MS" if period == "month" else "W-MON"
    periods = pd.date_range(pd.Timestamp(frame["period"].min()), pd.Timestamp(frame["period"].max()), freq=freq)
    keys = list(dict.fromkeys(frame["key"]))
    full = pd.MultiIndex.from_product([periods, keys], names=["period", "key"])
    out = frame.assign(period=pd.to_datetime(frame["period"])).groupby(["period", "key"])["n"].sum()
    return out.reindex(full, fill_value=0).reset_index()


def period_span(starts: pd.Series, period: str) -> tuple[pd.Series, pd.Series]:
    """(middle, length in ms) of each period starting at `starts`: a bar or cell then covers its own month
    (or week), rather than being centred on its first day and reaching half into the one before."""
    start = pd.to_datetime(pd.Series(starts)).reset_index(drop=True)
    end = start + (pd.DateOffset(months=1) if period == "month" else pd.Timedelta(days=7))
    length = (end - start).dt.total_seconds() * 1000
    return start + (end - start) / 2, length


def build_counts(frame: pd.DataFrame, by: str = "type", period: str = "month", x_range: tuple | None = None
                 ) -> go.Figure:
    """Events per period: stacked bars by type, or a heatmap actor × period (empty periods count as 0).
    Each bar spans its period; the axis opens on the filter's dates, or on where the events are."""
    if by != "type":
        return _counts_heatmap(fill_periods(frame, period), period, x_range)
    fig = go.Figure()
    keys = list(dict.fromkeys(frame["key"]))
    keys = [t for t in EVENT_TYPES if t in keys] + [k for k in keys if k not in EVENT_TYPES]
    hover = "%{customdata|%b %Y}" if period == "month" else "week of %{customdata|%d %b %Y}"
    for key in keys:
        sub = frame[frame["key"] == key]
        name = type_label(key, plural=True)
        middle, length = period_span(sub["period"], period)
        fig.add_trace(go.Bar(x=middle, y=sub["n"].to_numpy(), width=length * 0.92, name=name,
                             marker={"color": color_of(key)}, customdata=pd.to_datetime(sub["period"]),
                             hovertemplate=f"{name}<br>{hover}: %{{y:,}}<extra></extra>"))
    _layout(fig, barmode="stack")
    top = frame.groupby("period")["n"].sum().max() if len(frame) else 0
    integer_axis(fig, top, title=f"events per {period}")
    fig.update_xaxes(title=None)
    starts = pd.to_datetime(frame["period"])
    ends = starts + (pd.DateOffset(months=1) if period == "month" else pd.Timedelta(days=7)) - pd.Timedelta(days=1)
    open_on(fig, starts, ends, frame["n"], x_range=x_range)
    return fig


def _counts_heatmap(frame: pd.DataFrame, period: str, x_range: tuple | None = None) -> go.Figure:
    """Actors (rows, busiest first) × periods: readable for a handful of events and for a million alike."""
    pivot = frame.pivot_table(index="key", columns="period", values="n", aggfunc="sum", fill_value=0)
    pivot = pivot.loc[pivot.sum(axis=1).sort_values(ascending=False).index]
    starts = pd.to_datetime(pd.Series(pivot.columns))
    middle, _ = period_span(starts, period)
    hover = "%{customdata|%b %Y}" if period == "month" else "week of %{customdata|%d %b %Y}"
    z = pivot.to_numpy()
    top = int(z.max()) if z.size else 0
    fig = go.Figure(go.Heatmap(
        z=z, x=middle, y=[safe(k) for k in pivot.index], colorscale="Blues",
        customdata=[list(starts)] * len(pivot),
        colorbar={"title": "events", "tickformat": ",d", **({"dtick": 1} if top <= 10 else {})},
        xgap=1, ygap=1, hovertemplate=f"%{{y}}<br>{hover}: %{{z:,}} events<extra></extra>"))
    _layout(fig, height=max(300, 34 * len(pivot) + 140))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=None)
    ends = starts + (pd.DateOffset(months=1) if period == "month" else pd.Timedelta(days=7)) - pd.Timedelta(days=1)
    open_on(fig, starts, ends, pd.Series(pivot.sum(axis=0).to_numpy()), x_range=x_range)
    return fig


def pad_dates(fig: go.Figure, dates: pd.Series, min_days: int = 60) -> None:
    """Show at least `min_days` around the data: a few reports on nearby days must not give an axis in hours."""
    if len(dates) == 0:
        return
    lo, hi = pd.Timestamp(dates.min()), pd.Timestamp(dates.max())
    pad = (hi - lo) * 0.03
    date_axis(fig, lo - pad, hi + pad, min_days=min_days)


def build_aid(frame: pd.DataFrame) -> go.Figure:
    """Cumulative aid amounts per donor over time, one panel per currency (amounts are never converted).

    The panels are laid out by hand (one y-axis per currency over a shared x-axis): plotly's make_subplots
    validates a whole layout grid and took ~100 ms for two panels, most of this chart's time."""
    currencies = sorted(frame["currency"].unique()) or ["(none)"]
    n = len(currencies)
    gap = 0.12 if n > 1 else 0.0
    height = (1 - gap * (n - 1)) / n
    donors = list(dict.fromkeys(frame.sort_values("cumulative", ascending=False)["donor"]))
    colors = {d: PALETTE[i % len(PALETTE)] for i, d in enumerate(donors)}
    traces, shown, axes, titles = [], set(), {}, []
    for row, currency in enumerate(currencies):
        suffix = "" if row == 0 else str(row + 1)
        top = 1 - row * (height + gap)
        axes[f"yaxis{suffix}"] = {"domain": [max(round(top - height, 6), 0.0), min(round(top, 6), 1.0)], "title": {"text": safe(currency)},
                                  "rangemode": "tozero", "tickformat": "~s", "anchor": "x"}
        titles.append({"text": f"Cumulative aid in {safe(currency)}", "x": 0.5, "y": top, "xref": "paper",
                       "yref": "paper", "xanchor": "center", "yanchor": "bottom", "showarrow": False,
                       "font": {"size": 14}})
        by_donor = frame[frame["currency"] == currency].groupby("donor", sort=False)
        for donor in donors:
            if donor not in by_donor.groups:
                continue
            sub = by_donor.get_group(donor)
            traces.append(go.Scatter(
                x=sub["period"], y=sub["cumulative"], mode="lines+markers", yaxis=f"y{suffix}",
                line={"shape": "hv", "color": colors[donor]}, name=safe(donor), legendgroup=donor,
                showlegend=donor not in shown,
                hovertemplate=f"{safe(donor)}<br>%{{x|%b %Y}}: %{{y:,.0f}} {safe(currency)} in total<extra></extra>"))
            shown.add(donor)
    fig = go.Figure(data=traces, layout={**axes, "annotations": titles})
    pad_dates(fig, frame["period"], min_days=90)
    return _layout(fig, height=260 * n + 120)


def _escaped(values: pd.Series, width: int = 0) -> pd.Series:
    """Vectorised `safe()` for hover columns (thousands of rows)."""
    out = values.fillna("").astype(str).str.replace("&", "&amp;").str.replace("<", "&lt;").str.replace(">", "&gt;")
    if not width:
        return out
    # a line break after each run of up to `width` characters that ends at a space (regex: much faster than wrap)
    return out.str.replace(rf"(.{{1,{width}}})(?:\s+|$)", r"\1<br>", regex=True).str.removesuffix("<br>")


def build_troops(frame: pd.DataFrame) -> go.Figure:
    """Troop numbers as reported, coloured by the acting side: one point per report, or (when the query cut
    them) the largest number per month as a line per acting side (frame column `n` > 1)."""
    fig = go.Figure()
    aggregated = "evidence" not in frame.columns
    actors = list(frame.groupby("actor")["n"].sum().sort_values(ascending=False).index)
    for i, actor in enumerate(actors):
        sub = frame[frame["actor"] == actor]
        color = PALETTE[i % len(PALETTE)]
        if aggregated:
            fig.add_trace(go.Scatter(
                x=pd.to_datetime(sub["date_start"]), y=sub["troops"], mode="lines+markers", name=safe(actor),
                line={"color": color}, customdata=sub["n"],
                hovertemplate=f"{safe(actor)}<br>%{{x|%b %Y}}: up to %{{y:,.0f}} troops "
                              "(%{customdata:,} reports)<extra></extra>"))
            continue
        custom = pd.DataFrame({"when": _escaped(sub["date_text"]), "evidence": _escaped(sub["evidence"], 90)})
        fig.add_trace(go.Scattergl(
            x=pd.to_datetime(sub["date_start"]), y=sub["troops"], mode="markers", name=safe(actor),
            marker={"color": color, "size": 7, "opacity": 0.8}, customdata=custom.to_numpy(),
            hovertemplate=f"{safe(actor)}: %{{y:,.0f}} troops<br>%{{customdata[0]}} (%{{x|%d %b %Y}})"
                          "<br><i>%{customdata[1]}</i><extra></extra>"))
    _layout(fig)
    spread = len(frame) and frame["troops"].max() > 100 * max(frame["troops"].min(), 1)
    fig.update_yaxes(title="troops reported", type="log" if spread else "linear")
    pad_dates(fig, frame["date_start"])
    return fig


# ---------------------------------------------------------------- actors


def _heatmap(frame: pd.DataFrame, rows: str, cols: str, x_title: str, y_title: str, col_label=None) -> go.Figure:
    pivot = frame.pivot_table(index=rows, columns=cols, values="n", aggfunc="sum", fill_value=0)
    pivot = pivot.loc[pivot.sum(axis=1).sort_values(ascending=False).index]
    pivot = pivot[pivot.sum(axis=0).sort_values(ascending=False).index]
    x = [safe(col_label(c) if col_label else c) for c in pivot.columns]
    fig = go.Figure(go.Heatmap(z=pivot.to_numpy(), x=x, y=[safe(r) for r in pivot.index], colorscale="Blues",
                               text=pivot.to_numpy(), texttemplate="%{text:,}", colorbar={"title": "events"},
                               hovertemplate=f"{y_title}: %{{y}}<br>{x_title}: %{{x}}<br>%{{z:,}} events<extra></extra>"))
    _layout(fig, height=max(360, 28 * len(pivot) + 160))
    fig.update_yaxes(title=y_title, autorange="reversed")
    fig.update_xaxes(title=x_title, tickangle=-30)
    return fig


def build_actor_types(frame: pd.DataFrame) -> go.Figure:
    """Events per actor (rows) and type (columns)."""
    return _heatmap(frame, "actor", "type", "Event type", "Actor", col_label=lambda t: type_label(t, plural=True))


def build_actor_targets(frame: pd.DataFrame) -> go.Figure:
    """Who acts on whom: acting side (rows) against target (columns)."""
    return _heatmap(frame, "actor", "target", "Target (acted upon)", "Acting side")


# ---------------------------------------------------------------- map


REGIONS = {
    # lon range, lat range; None: fit to the places shown
    "Ukraine and neighbours": ((20.0, 50.0), (43.0, 57.0)),
    "Europe": ((-12.0, 60.0), (34.0, 66.0)),
    "World": None,
}


def map_labels(frame: pd.DataFrame, limit: int = MAP_LABELS, gap: tuple[float, float] = MAP_LABEL_GAP) -> set[str]:
    """The places named on the map: the busiest `limit`, skipping any within `gap` of a busier named one."""
    chosen: list[tuple[float, float]] = []
    names: set[str] = set()
    for loc, lat, lon in frame.sort_values(["n", "location"], ascending=[False, True])[["location", "lat", "lon"]
                                                                                       ].itertuples(index=False):
        if len(names) >= limit:
            break
        if any(abs(lon - x) < gap[0] and abs(lat - y) < gap[1] for x, y in chosen):
            continue
        chosen.append((lon, lat))
        names.add(loc)
    return names


def build_map(frame: pd.DataFrame, region: str = "Europe") -> go.Figure:
    """Events per place on plotly's own outline map (no web tiles): marker area ~ number of events."""
    fig = go.Figure()
    biggest = max(int(frame["n"].max()), 1) if len(frame) else 1
    labelled = map_labels(frame)
    for event_type, group in frame.groupby("main_type", sort=False):
        hover = [f"<b>{safe(loc)}</b><br>{n:,} events<br>{safe(types)}"
                 for loc, n, types in zip(group["location"], group["n"], group["types"], strict=True)]
        fig.add_trace(go.Scattergeo(
            lat=group["lat"], lon=group["lon"], mode="markers+text", text=[safe(x) if x in labelled else "" for x in group["location"]],
            textposition="top center", textfont={"size": 12, "color": "#222222"},
            name=f"mostly {type_label(event_type, plural=True).lower()}",
            marker={"size": [8 + 32 * (n / biggest) ** 0.5 for n in group["n"]], "color": color_of(event_type),
                    "opacity": 0.75, "line": {"width": 0.5, "color": "white"}},
            hovertext=hover, hovertemplate="%{hovertext}<extra></extra>"))
    fig.update_geos(resolution=TOPOJSON_SCOPE_RES, showcountries=True, countrycolor="#999999", showland=True,
                    landcolor="#f3f1ec", showocean=True, oceancolor="#e8f0f8", showlakes=False,
                    showframe=False, projection_type="natural earth")
    box = REGIONS.get(region)
    if box:
        fig.update_geos(lonaxis_range=list(box[0]), lataxis_range=list(box[1]))
    elif len(frame):
        fig.update_geos(fitbounds="locations")
    _layout(fig, height=640)
    fig.update_layout(margin={"l": 0, "r": 0, "t": 40, "b": 0})
    return fig
