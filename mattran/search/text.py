"""Search keys: the folded, whole-word form of a record's text, in weighted sections.

A record keeps `search_text` = "title words | summary words | body words": each section
folded (`mattran.lib.text.fold`), cut into words (letters and digits only) and joined by
single spaces. The same cutting serves the query, so a word matches a whole word on
SQLite (" nha " is not in " nhan ") and on PostgreSQL, whose tsvector column is built
from these sections (title A, summary B, the rest C).
"""

import re

from mattran.lib.text import fold, nfc

SECTION = " | "
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 16
# Letters and digits; "_" splits words as it does in PostgreSQL's parser.
WORD = re.compile(r"[^\W_]+")


def words(text):
    """The folded words of a text: "Đại đoàn kết, 2024!" -> ["dai", "doan", "ket", "2024"]."""
    return WORD.findall(fold(text))


def search_key(*sections):
    """The stored search text of a record, its sections in falling weight."""
    return SECTION.join(" ".join(words(section)) for section in sections)


def clean_query(raw):
    """What a visitor typed, made safe to show and to search: NFC (so "Đa\\u0323i" is
    "Đại"), control characters (NUL included) dropped, cut to MAX_QUERY_CHARS."""
    text = nfc((raw or "")[: MAX_QUERY_CHARS * 4])
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())[:MAX_QUERY_CHARS].strip()


def query_words(query):
    """The words a query must match, each once, in typed order."""
    return list(dict.fromkeys(words(query)))[:MAX_QUERY_WORDS]


class _FoldTable(dict):
    """ord(ch) -> ch folded to one character, worked out once per character (for
    str.translate: a page of results folds its texts in microseconds)."""

    def __missing__(self, code):
        ch = chr(code)
        if ch.isspace():
            folded = " "
        else:
            folded = fold(ch)
            if len(folded) != 1:
                folded = ch.lower() if len(ch.lower()) == 1 else ch
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold_aligned(text):
    """`text` folded character by character: same length, so a match found in the
    folded string marks the same characters of the original. Vietnamese NFC letters fold
    to one letter each ("ệ" -> "e", "Đ" -> "d"); a character whose folding is longer
    ("ß" -> "ss") is only lower-cased; any space becomes " "."""
    return text.translate(_FOLD_TABLE)


def text_score(wanted, title, *rest):
    """For a short list searched in Python: None unless every wanted word is in the
    texts; else (holds the phrase, rank), ranked as on SQLite: 2 for the phrase in the
    title, 1 more when every word is in it."""
    title_key = f" {' '.join(words(title))} "
    full_key = f" {' '.join([title_key.strip(), *(' '.join(words(t)) for t in rest)])} "
    if not all(f" {word} " in full_key for word in wanted):
        return None
    phrase = f" {' '.join(wanted)} "
    rank = 2 * (phrase in title_key) + all(f" {word} " in title_key for word in wanted)
    return (phrase in full_key, rank)
