"""The state of one tagging pass: the document date, the dates mentioned so far, and sentence tense.

Narrative text ("Im Juni 1941 ... Drei Tage später ...") anchors underspecified expressions to the date last
mentioned; news anchors them to the document creation time (DCT). `Context.anchor` decides between the two.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from pipeline.temporal import resolve
from pipeline.temporal.patterns import SENTENCE_END

RECENT = 600
"""A month or date with an explicit year, written within this many characters, anchors month and day names in news
too (when nothing dated came between)."""

CHRONICLE = 2
"""A text whose explicit far-past years outnumber this many times its news evidence (recent years, DCT-relative
expressions) is a chronicle: month and day names follow its timeline however far back its last date was."""

HEADING_CHARS = 60
"""A line this short without closing punctuation is a heading."""


class Draft(NamedTuple):
    """A normalized expression before its interval is computed."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    anchored: bool = False
    """True when the value was computed from the document creation time."""


@dataclass
class Context:
    """Mutable state of one `tag()` call; created per text, never shared."""

    text: str
    dct: date | None
    ref: date | None = None
    """The last date mentioned (start of its interval)."""
    ref_unit: str = "Y"
    """Its granularity: D, M or Y."""
    ref_pos: int = -(10**9)
    """Where the last explicit year was written."""
    ref_year_explicit: int | None = None
    last_pos: int = -(10**9)
    """Where the last date (of any granularity) was mentioned."""
    far_years: int = 0
    """Explicit years written so far that lie more than two years before the DCT, and the others."""
    near_years: int = 0
    far_headings: int = 0
    """Of the far years, those written in a heading line."""
    dct_relative: int = 0
    """Expressions resolved from the DCT so far ("am Montag", "letzten Monat", "am 8. November"): news evidence."""
    _bounds: list[int] | None = field(default=None, repr=False)
    _tense: dict[int, int] = field(default_factory=dict, repr=False)
    _sentence_tenses: dict[int, int] = field(default_factory=dict, repr=False)

    def sentence_index(self, pos: int) -> int:
        """The number of the sentence containing pos (0 for the first)."""
        if self._bounds is None:
            self._bounds = [m.end() for m in SENTENCE_END.finditer(self.text)]
        return bisect.bisect_right(self._bounds, pos)

    def sentence(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence containing pos."""
        return self._span(self.sentence_index(pos))

    def _span(self, i: int) -> tuple[int, int]:
        """(start, end) of sentence number i."""
        start = self._bounds[i - 1] if i else 0
        end = self._bounds[i] if i < len(self._bounds) else len(self.text)
        return start, end

    def tense(self, pos: int) -> int:
        """The tense of the clause (else the sentence) containing pos, cached per position."""
        if pos not in self._tense:
            start, end = self.sentence(pos)
            self._tense[pos] = resolve.tense_at(self.text[start:end], pos - start)
        return self._tense[pos]

    def tense_is_local(self, pos: int) -> bool:
        """True when the clause containing pos shows its tense itself (not only the rest of the sentence)."""
        start, end = self.sentence(pos)
        return resolve.clause_tense(self.text[start:end], pos - start) != resolve.NONE

    @property
    def narrative(self) -> bool:
        """True when the text tells of a past far from the DCT (history), or there is no DCT."""
        if self.dct is None:
            return True
        last_far = self.ref_year_explicit is not None and self.ref_year_explicit < self.dct.year - 2
        # one year named in passing ("Er zog sich 2019 zurück") does not turn news into history; one heading
        # ("1861", "Westfront 1944/1945") over the text does
        framed = self.far_years > 1 or self.far_headings > 0
        return last_far and self.far_years > self.near_years and framed

    @property
    def historical(self) -> bool:
        """True when the text is mostly about a distant past (history): "heute" then means the present at large."""
        return self.dct is None or (
            self.narrative and self.far_years >= 3 and self.far_years > 2 * self.near_years
        )

    def anchor(self, pos: int, prefer_ref: bool = False) -> tuple[date | None, bool]:
        """(anchor date, from_dct) for an underspecified expression at pos.

        The last mentioned date when the text is narrative, `prefer_ref` is set (anaphora: "am folgenden Tag"),
        or it is a month or date with its year written shortly before; otherwise the DCT.
        """
        # news: "Der Lehrgang soll im Frühjahr 2015 starten ... im April" continues a written month or date;
        # a bare year ("Jahrgang 2013", "im Jahr 2014 geborenen", "Saison 2014/15") or a later date does not
        recent = (
            pos - self.ref_pos < RECENT
            and self.last_pos == self.ref_pos
            and self.ref_unit != "Y"
            and (self.dct is None or self.ref.year != self.dct.year)
        )
        if self.ref is not None and (prefer_ref or recent or (self.narrative and self.continues(pos))):
            return self.ref, False
        if self.dct is not None:
            return self.dct, True
        return self.ref, False

    def continues(self, pos: int) -> bool:
        """True when an expression at pos continues the narrative's timeline rather than the DCT.

        In a chronicle (far years outweigh what was resolved from the DCT) always; in news that looks back only in
        the sentence of the date last mentioned, the next one ("Im Juni 2019 ... Im Oktober erreichte ..."), or
        after past-tense sentences that go on telling that story. A sentence in another tense between them returns
        to the time of writing: "Er zog sich 2019 zurück. Putin ist offen ... Der Gipfel im Oktober" is this
        year's October.
        """
        if self.far_years > CHRONICLE * (self.near_years + self.dct_relative):
            return True
        between = range(self.sentence_index(self.last_pos) + 1, self.sentence_index(pos))
        return all(self._sentence_tense(i) == resolve.PAST for i in between)

    def _sentence_tense(self, i: int) -> int:
        """The tense of sentence number i, cached."""
        if i not in self._sentence_tenses:
            start, end = self._span(i)
            self._sentence_tenses[i] = resolve.tense_of(self.text[start:end])
        return self._sentence_tenses[i]

    def remember(self, d: date, unit: str, pos: int, explicit_year: bool, anchor: bool = True) -> None:
        """Record a resolved date as the anchor of what follows.

        `anchor` False: a side reference ("seit 1939", "im Vorjahr") that leaves the timeline's anchor alone
        but still counts towards telling history from news.
        """
        if anchor:
            self.ref, self.ref_unit, self.last_pos = d, unit, pos
        if explicit_year:
            if anchor:
                self.ref_pos = pos
                self.ref_year_explicit = d.year
            if self.dct is not None and d.year < self.dct.year - 2:
                self.far_years += 1
                self.far_headings += self.in_heading(pos)
            else:
                self.near_years += 1

    def in_heading(self, pos: int) -> bool:
        """True when pos lies on a short line without closing punctuation: a heading such as "1861"."""
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        line = self.text[start : end if end >= 0 else len(self.text)].strip()
        return len(line) <= HEADING_CHARS and not line.endswith((".", "!", "?", ":", '"', "“"))

    def saw_news_cue(self) -> None:
        """Count a DCT-bound word ("gestern", "morgen", "am morgigen Sonntag") as evidence of news, like a recent
        year: a listing of today's events that mentions "1943 bis 1945" in passing is not history."""
        self.near_years += 1

    def sentence_initial(self, pos: int) -> bool:
        """True when pos starts a sentence, a line or a quotation."""
        before = self.text[max(0, pos - 3) : pos].rstrip()
        return not before or before[-1] in '.!?:"„“»('
