"""HTML to the visible article text, plus what the page head says (title, date, outlet, URL).

Parsing only: BeautifulSoup with lxml's HTML parser (no XML parser, no entity resolution, no DTD, nothing
fetched: scripts never run, images and iframes are never loaded). Pure: markup in, `Page` out.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, ProcessingInstruction, Tag
from bs4.element import CData, Declaration

from pipeline.errors import DateError
from pipeline.ingest.metadata import Meta, date_from_value

# Never visible, or page chrome rather than the article.
_DROP = frozenset({
    "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "canvas", "svg",
    "math", "template", "form", "button", "input", "select", "option", "textarea", "label", "nav", "aside",
    "dialog", "menu", "audio", "video", "picture", "source", "track", "map", "head", "link", "meta", "base",
    "figcaption",
})  # fmt: skip
# Page header/footer are dropped; a <header>/<footer> inside <article>/<main> holds its headline and is kept.
_CHROME = frozenset({"header", "footer"})
_BLOCK = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
    "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "figure",
    "address", "details", "summary", "hr", "header", "footer", "body", "html", "center", "hgroup",
})  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search"})
# class/id words that mark page chrome on German news sites (cookie walls, share bars, teasers to other pages).
_CHROME_WORDS = re.compile(
    r"(?:^|[\s_-])(?:cookie|consent|cmp|gdpr|newsletter|share|sharing|social|breadcrumbs?|advert\w*|ad-slot|"
    r"paywall|comments?|kommentare|related|recommend\w*|teaser-list|sidebar|subscribe|abo-?box)(?:$|[\s_-])",
    re.I,
)
_DATE_META = (
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("property", "og:article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "date"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "publish-date"),
    ("name", "dc.date.issued"),
    ("name", "dc.date"),
    ("name", "dcterms.date"),
    ("name", "dcterms.created"),
    ("name", "sailthru.date"),
    ("name", "parsely-pub-date"),
)
# Every (attribute, name) `_meta_content` looks up, with its case-insensitive exact-value pattern.
_META_PATTERNS = {
    (attr, name): re.compile(rf"^{re.escape(name)}$", re.I)
    for attr, name in (
        ("property", "og:title"),
        ("name", "twitter:title"),
        ("property", "og:url"),
        ("property", "og:site_name"),
        *_DATE_META,
    )
}
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BREAK = "\x00"  # a <br> inside a paragraph: becomes a line break, not a paragraph break
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class Page:
    text: str
    """Visible text: one paragraph per block element, paragraphs separated by a blank line."""
    meta: Meta
    """Title, date (basis `html_meta`: the page's own metadata), outlet, canonical URL."""


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag within its first 4 KB, or None."""
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def parse_html(markup: str) -> Page:
    """Visible article text and head metadata of an HTML page."""
    soup = BeautifulSoup(markup, "lxml")
    meta = _head_meta(soup)
    root = _article_root(soup)
    blocks: list[str] = []
    current: list[str] = []
    _walk(root, blocks, current, inside_article=root.name in ("article", "main"))
    _flush(blocks, current)
    return Page(text="\n\n".join(blocks), meta=meta)


def _article_root(soup: BeautifulSoup) -> Tag:
    """The single <article> (or <main>) when the page has exactly one, else <body> (or the whole document)."""
    for name in ("article", "main"):
        found = soup.find_all(name)
        if len(found) == 1 and found[0].get_text(strip=True):
            return found[0]
    return soup.body or soup


def _walk(node: Tag, blocks: list[str], current: list[str], inside_article: bool) -> None:
    for child in node.children:
        if isinstance(child, Comment | Doctype | ProcessingInstruction | Declaration | CData):
            continue
        if isinstance(child, NavigableString):
            current.append(str(child))
            continue
        if not isinstance(child, Tag) or _invisible(child, inside_article):
            continue
        name = child.name
        if name == "br":
            current.append(_BREAK)
            continue
        block = name in _BLOCK
        if block:
            _flush(blocks, current)
        if name == "pre":
            blocks.append(child.get_text().strip("\n"))
            continue
        _walk(child, blocks, current, inside_article or name in ("article", "main"))
        if block:
            _flush(blocks, current)


def _invisible(tag: Tag, inside_article: bool) -> bool:
    if tag.name in _DROP:
        return True
    if tag.name in _CHROME and not inside_article:
        return True
    attrs = tag.attrs or {}
    if "hidden" in attrs or str(attrs.get("aria-hidden", "")).lower() == "true":
        return True
    if _HIDDEN_STYLE.search(str(attrs.get("style", ""))):
        return True
    if str(attrs.get("role", "")).lower() in _CHROME_ROLES:
        return True
    marks = " ".join([*(attrs.get("class") or []), str(attrs.get("id", ""))])
    return bool(marks.strip()) and bool(_CHROME_WORDS.search(marks))


def _flush(blocks: list[str], current: list[str]) -> None:
    pieces = (_SPACES.sub(" ", piece).strip() for piece in "".join(current).split(_BREAK))
    text = "\n".join(piece for piece in pieces if piece)
    current.clear()
    if text:
        blocks.append(text)


def _head_meta(soup: BeautifulSoup) -> Meta:
    title = _meta_content(soup, ("property", "og:title")) or _meta_content(soup, ("name", "twitter:title"))
    if not title and soup.title and soup.title.string:
        title = soup.title.string
    if not title:
        h1 = soup.find("h1")
        title = h1.get_text(" ", strip=True) if h1 else None
    published = precision = None
    for raw in _date_candidates(soup):
        try:
            published, precision = date_from_value(raw.strip())
            break
        except DateError:
            continue
    canonical = soup.find("link", rel="canonical")
    url = _meta_content(soup, ("property", "og:url")) or (canonical.get("href") if canonical else None)
    return Meta(
        title=_clean(title),
        published=published,
        precision=precision,
        basis="html_meta" if published else None,
        source=_clean(_meta_content(soup, ("property", "og:site_name"))),
        url=_clean(url if isinstance(url, str) else None),
    )


def _date_candidates(soup: BeautifulSoup):
    for pair in _DATE_META:
        value = _meta_content(soup, pair)
        if value:
            yield value
    for script in soup.find_all("script", type="application/ld+json"):
        yield from _json_ld_dates(script.string or "")
    for time in soup.find_all("time"):
        value = time.get("datetime")
        if isinstance(value, str) and value.strip():
            yield value
            break


def _json_ld_dates(raw: str):
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, RecursionError):
        return
    stack = [data]
    seen = 0
    while stack and seen < 200:
        seen += 1
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            value = item.get("datePublished")
            if isinstance(value, str):
                yield value
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(graph)


def _meta_content(soup: BeautifulSoup, pair: tuple[str, str]) -> str | None:
    attr, name = pair
    pattern = _META_PATTERNS.get(pair) or re.compile(rf"^{re.escape(name)}$", re.I)
    tag = soup.find("meta", attrs={attr: pattern})
    content = tag.get("content") if tag else None
    return content if isinstance(content, str) and content.strip() else None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    return _SPACES.sub(" ", value).strip() or None
