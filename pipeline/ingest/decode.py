"""Bytes to text: byte-order marks, strict UTF-8, then Western single-byte codes for German text.

Pure functions. `decode` either returns the text and the name of the encoding it was decoded from, or raises
`InputError` whose message is the one-line reason an ingest report shows (what is wrong, how to fix it).
The text is kept exactly as decoded (line endings included), so that offsets into it stay true.
"""

from __future__ import annotations

import codecs
import re

from pipeline.errors import InputError

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE mark.
# (mark, encoding recorded in Article.encoding, codec that strips the mark)
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# (magic bytes, what the file is, how to fix it)
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF", "a PDF document", "convert it to text first (e.g. pdftotext) and save that as .txt"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "remove it or replace it with the article text"),
    (b"\xff\xd8\xff", "a JPEG image", "remove it or replace it with the article text"),
    (b"GIF87a", "a GIF image", "remove it or replace it with the article text"),
    (b"GIF89a", "a GIF image", "remove it or replace it with the article text"),
    (b"PK\x03\x04", "a ZIP archive (e.g. .docx, .odt, .epub)", "unpack it or save the article as .txt"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc)", "save the article as .txt"),
    (b"{\\rtf", "an RTF document", "save the article as plain text (.txt, UTF-8)"),
    (b"\x1f\x8b", "a gzip archive", "unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it first"),
    (b"Rar!\x1a\x07", "a RAR archive", "unpack it first"),
    (b"\x7fELF", "a program (ELF binary)", "remove it from the input folder"),
    (b"SQLite format 3\x00", "an SQLite database", "remove it from the input folder"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video", "remove it from the input folder"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video", "remove it from the input folder"),
)
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}

# Encodings a German text that is not UTF-8 is realistically in (Windows and old Unix/Mac exports).
_WESTERN = ("cp1252", "latin_1", "iso8859_15", "cp850", "mac_roman", "iso8859_1")
_GERMAN_WORD = re.compile(r"\b\w*[äöüÄÖÜß]\w*\b")
_GERMAN_FUNCTION_WORDS = re.compile(r"\b(?:der|die|das|und|nicht|mit|von|für|auf|ist|den|dem|ein|eine)\b", re.I)
# Unicode category Cc without \t \n \v \f \r.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_LETTER = re.compile(r"[^\W\d_]")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_a-zA-Z]")
_MAX_CONTROL_RATIO = 0.02


def sniff_binary(data: bytes) -> str | None:
    """The one-line reason why `data` is not text (magic number, NUL bytes), or None when it may be text.

    Files that start with a Unicode byte-order mark are not judged here (UTF-16/32 text holds NUL bytes).
    """
    if any(data.startswith(bom) for bom, _, _ in _BOMS):
        return None
    for magic, what, fix in _MAGIC:
        if data.startswith(magic):
            return f"{what}, not text (starts with {_show(magic)}); {fix}"
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return f"{_RIFF_KINDS[data[8:12]]}, not text; remove it from the input folder"
    nul = data.find(b"\x00")
    if nul >= 0 and _utf16_without_bom(data) is None:
        return (
            f"binary data, not text (NUL byte at offset {nul}); save the article as plain text (.txt, UTF-8)"
        )
    return None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode `data` to text; returns (text, encoding name as recorded in Article.encoding).

    Order: a byte-order mark; a UTF-16 file without one; strict UTF-8; the encoding the document declares
    (`declared`, e.g. an HTML meta charset) when it decodes cleanly; cp1252 or latin-1 when the text looks
    German (charset-normalizer decides between the Western codes).

    Raises:
        InputError: the bytes are binary or cannot be decoded as text; the message is the skip reason.
    """
    reason = sniff_binary(data)
    if reason:
        raise InputError(reason)
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                label = codec.upper().removesuffix("-SIG")
                raise InputError(
                    f"starts with a {label} byte-order mark but is not valid {label} "
                    f"(bad bytes at offset {exc.start}); re-save it as UTF-8"
                ) from None
            return _checked(text), name
    # Plain UTF-16 always holds NUL bytes; sniff_binary has already rejected NUL bytes that are not UTF-16.
    guessed = _utf16_without_bom(data) if b"\x00" in data else None
    if guessed:
        return _checked(data.decode(guessed)), guessed
    text = _try_codec(data, "utf-8")
    if text is not None:
        return _checked(text), "utf-8"
    text = _try_codec(data, declared) if declared else None
    if text is not None:
        return _checked(text), codecs.lookup(declared).name
    return _decode_western(data)


def control_ratio(text: str) -> float:
    """Share of control characters other than tab, newlines and form feed: high for binary junk."""
    if not text:
        return 0.0
    return len(_CONTROLS.findall(text)) / len(text)


def _checked(text: str) -> str:
    ratio = control_ratio(text)
    if ratio > _MAX_CONTROL_RATIO:
        raise InputError(
            f"binary data, not text ({ratio:.0%} control characters); save the article as plain text "
            "(.txt, UTF-8)"
        )
    return text


def _try_codec(data: bytes, codec: str) -> str | None:
    """`data` decoded strictly with `codec`, or None when the codec is unknown or the bytes do not fit."""
    try:
        codecs.lookup(codec)
        return data.decode(codec)
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_western(data: bytes) -> tuple[str, str]:
    """cp1252 (or latin-1 when cp1252 cannot map a byte) if the text looks German, else an InputError."""
    try:
        text, name = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, name = data.decode("latin-1"), "latin-1"
    if _looks_german(text):
        return _checked(text), name
    best = _best_match(data)
    if _normalizer_says_western(best) and control_ratio(text) <= _MAX_CONTROL_RATIO:
        return _checked(text), name
    guess = best.encoding if best is not None else None
    hint = f" (charset-normalizer guesses {guess})" if guess else ""
    raise InputError(
        f"not UTF-8 and not German text in cp1252/latin-1{hint}; re-save it as UTF-8"
    )


def _looks_german(text: str) -> bool:
    """Plausible German: few non-ASCII letters (umlauts are ~1-2 % of letters; mojibake of Cyrillic or Greek
    is nearly all non-ASCII) and German function words or umlaut words."""
    if control_ratio(text) > _MAX_CONTROL_RATIO:
        return False
    letters = len(_LETTER.findall(text))
    if not letters or len(_NON_ASCII_LETTER.findall(text)) / letters > 0.15:
        return False
    words = len(text.split()) or 1
    function_words = len(_GERMAN_FUNCTION_WORDS.findall(text))
    return function_words / words >= 0.03 or len(_GERMAN_WORD.findall(text)) >= 1


def _best_match(data: bytes):
    from charset_normalizer import from_bytes

    return from_bytes(data[:200_000]).best()


def _normalizer_says_western(best) -> bool:
    """Whether charset-normalizer's best match (`_best_match`) is a Western code or German text."""
    if best is None:
        return False
    return best.encoding in _WESTERN or "German" in best.languages


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when `data` is plainly UTF-16 text without a byte-order mark, else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    for zeros, other, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * half and other.count(0) == 0:
            try:
                data.decode(name)
            except UnicodeDecodeError:
                return None
            return name
    return None


def _show(magic: bytes) -> str:
    printable = magic.decode("latin-1")
    if all(32 <= ord(c) < 127 for c in printable):
        return printable
    return magic.hex(" ")
