"""Small builders for records in tests."""

from __future__ import annotations

from datetime import date

from pipeline.model import Event, Source


def mention(event_id="m1", type="troop_deployment", start=date(2024, 11, 10), end=None, precision="day",
            basis="text", actors=("North Korea",), targets=(), location="Kursk region", quantity=None,
            article="a1", doc="a.txt", sentence="Nordkorea schickt Truppen.", char_start=0, published=date(2024, 11, 11),
            modality="asserted", confidence=0.8) -> Event:
    quantity = quantity or {}
    src = Source(article_id=article, doc=doc, sentence=sentence, char_start=char_start,
                 char_end=char_start + len(sentence), published=published, quantity=quantity)
    return Event(event_id=event_id, type=type, date_start=start, date_end=end or start, precision=precision,
                 date_basis=basis, date_text=None, actors=tuple(actors), targets=tuple(targets), location=location,
                 quantity=quantity, modality=modality, confidence=confidence, sources=(src,))
