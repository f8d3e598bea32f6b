"""One event in full: its fields, all its sources, and each source's article with the evidence sentence marked.

Article text is shown only through `st.text` / `st.code`, which display characters literally: an article can
contain `<script>`, HTML or Markdown links and they must appear as the text they are, never be rendered.
"""

from __future__ import annotations

import json

import streamlit as st

from dashboard import db
from dashboard.filters import format_day, type_label

CONTEXT_CHARS = 1200
"""Characters of article text shown before and after the evidence sentence (the rest behind an expander)."""


def split_highlight(text: str, char_start: int | None, char_end: int | None, sentence: str) -> tuple[str, str, str]:
    """(before, evidence, after): the offsets when they point at the sentence, else the sentence's first
    occurrence, else the whole text before an empty evidence (the article changed since extraction)."""
    if (char_start is not None and char_end is not None and 0 <= char_start <= char_end <= len(text)
            and text[char_start:char_end] == sentence):
        return text[:char_start], sentence, text[char_end:]
    at = text.find(sentence) if sentence else -1
    if at >= 0:
        return text[:at], sentence, text[at + len(sentence):]
    return text, "", ""


def _quantity(raw) -> str:
    try:
        q = json.loads(raw) if isinstance(raw, str) else (raw or {})
    except ValueError:
        return str(raw)
    if not q:
        return "–"
    return ", ".join(f"{k}: {v}" for k, v in q.items()) if isinstance(q, dict) else str(q)


def show_event(event_id: str) -> None:
    """Render one event: what, when (as written and as an interval), who, where, and every source."""
    event = db.run("event_detail", event_id)
    if event is None:
        st.warning("That event is no longer in the database (it was re-ingested); choose another one.")
        return
    start, end = event["date_start"], event["date_end"]
    when = "undated" if start is None or str(start) == "NaT" else (
        format_day(start) if start == end else f"{format_day(start)} – {format_day(end)}")
    st.subheader(f"{type_label(event['type'])}: {when}", anchor=False)
    fields = {
        "Date as written": event["date_text"] or "–",
        "Precision / basis": f"{event['precision']} / {event['date_basis']}",
        "Actors": ", ".join(event["actors"]) or "–",
        "Targets": ", ".join(event["targets"]) or "–",
        "Place": event["location"] or "–",
        "Quantity": _quantity(event["quantity"]),
        "Modality": event["modality"],
        "Confidence": f"{event['confidence']:.2f}",
        "Trigger": event["trigger"] or "–",
        "Event id": event_id,
    }
    # st.dataframe, not st.table: table cells render Markdown, and date_text and trigger come from the article.
    st.dataframe({"field": list(fields), "value": [str(v) for v in fields.values()]}, hide_index=True,
                 width="stretch")
    sources = db.run("event_sources", event_id)
    st.markdown(f"**Sources ({len(sources)})**")
    for i, src in enumerate(sources.itertuples(index=False), start=1):
        published = format_day(src.published) if src.published is not None and str(src.published) != "NaT" else "undated"
        inferred = " (date inferred)" if src.published_basis == "inferred" else ""
        with st.expander(f"{i}. {src.doc} · {src.outlet or 'outlet unknown'} · {published}{inferred}", expanded=i == 1):
            show_article(src.article_id, src.char_start, src.char_end, src.sentence, src.title)


def show_article(article_id: str, char_start: int, char_end: int, sentence: str, title: str | None) -> None:
    """The article text with the evidence sentence set apart, all as literal text."""
    found = db.run("article_text", article_id)
    if found is None:
        st.text(sentence)
        st.caption("The article text is not stored.")
        return
    stored_title, text = found
    before, evidence, after = split_highlight(text, char_start, char_end, sentence)
    st.caption("Article: " + (title or stored_title).replace("\n", " ")[:200])
    if not evidence:
        st.caption("The evidence sentence was not found in the stored text; it reads:")
        st.code(sentence, language=None, wrap_lines=True)
    head = before[-CONTEXT_CHARS:]
    if len(before) > CONTEXT_CHARS:
        head = "…" + head
    st.text(head)
    if evidence:
        st.caption(":material/format_quote: Evidence sentence")
        st.code(evidence, language=None, wrap_lines=True)
    tail = after[:CONTEXT_CHARS] + ("…" if len(after) > CONTEXT_CHARS else "")
    st.text(tail)
    if len(before) > CONTEXT_CHARS or len(after) > CONTEXT_CHARS:
        with st.expander("Whole article text"):
            st.text(text)


def event_labels(frame, limit: int = 3000) -> dict[str, str]:
    """event_id -> "12 Oct 2024 · Attack · Russia · evidence…" for a select box (one entry per event)."""
    out: dict[str, str] = {}
    for row in frame.drop_duplicates("event_id").head(limit).itertuples(index=False):
        day = format_day(row.date_start) if row.date_start is not None else "undated"
        out[row.event_id] = f"{day} · {type_label(row.type)} · {row.actors or '–'} · {row.evidence[:70]}"
    return out
