"""Marks the words a visitor searched for in the original text, diacritics kept.

Matching happens on `fold_aligned(text)`, which has one character for each character of
the NFC text, so "nha tinh thuong" marks "nhà tình thương". Everything outside the
marks is escaped: a title or a query holding "<script>" is shown, never run.
"""

import re

from django.utils.html import format_html, format_html_join

from mattran.lib.text import nfc
from mattran.search.text import fold_aligned

EXCERPT_CHARS = 240


def _spans(folded, words):
    """(start, end) of every whole-word occurrence of `words` in `folded`, adjacent ones
    (only spaces between) merged, so a phrase is one mark."""
    if not words:
        return []
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")
    spans = []
    for found in pattern.finditer(folded):
        start, end = found.span()
        if spans and not folded[spans[-1][1] : start].strip():
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _render(text, spans, offset=0):
    pairs, position = [], offset
    for start, end in spans:
        pairs.append(
            (text[position - offset : start - offset], text[start - offset : end - offset])
        )
        position = end
    # format_html escapes every piece of the visitor's text; only <mark> is ours.
    marked = format_html_join("", "{}<mark>{}</mark>", pairs)
    return format_html("{}{}", marked, text[position - offset :])


def highlight(text, words):
    """The whole `text`, escaped, with each searched word in <mark>."""
    text = nfc(text)
    return _render(text, _spans(fold_aligned(text), words))


def has_match(text, words):
    return bool(_spans(fold_aligned(nfc(text)), words))


def excerpt(text, words, length=EXCERPT_CHARS):
    """About `length` characters of `text` around its first match (the start when there
    is none), cut at spaces, "…" where it was cut, matches marked."""
    text = " ".join(nfc(text).split())
    if not text:
        return ""
    spans = _spans(fold_aligned(text), words)
    if len(text) <= length:
        return _render(text, spans)
    first = spans[0][0] if spans else 0
    start = max(0, first - length // 4)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    inside = [(max(a, start), min(b, end)) for a, b in spans if a < end and b > start]
    shown = _render(text[start:end], inside, offset=start)
    return format_html("{}{}{}", "… " if start else "", shown, " …" if end < len(text) else "")
