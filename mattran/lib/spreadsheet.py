"""Cells that are safe in a spreadsheet file, going out and coming in.

Out: a text cell that begins with = + - @ (or a tab or carriage return) runs as a
formula when the file is opened in Excel or LibreOffice ("CSV injection"). Such text
gets a leading single quote, the OWASP rule. Numbers stay numbers, and text that is
only a number ("-5", "12,5": how a CSV writes figures) is no formula and stays too.
Characters an XLSX file cannot hold at all are replaced by django-import-export
(`IMPORT_EXPORT_ESCAPE_ILLEGAL_CHARS_ON_EXPORT` in the settings), so old data never
fails a download.

In: `unescape` takes the quote off again, so a downloaded file imports back unchanged,
and `control_characters` names what an import must refuse.
"""

import re
import unicodedata

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")
# Line breaks and tabs belong in multi-line text; nowhere else.
_MULTILINE_WHITESPACE = frozenset("\n\r\t")


def escape(value):
    """`value` as a cell no spreadsheet program will run: "=1+2" -> "'=1+2"."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return QUOTE + value
    return value


def unescape(text):
    """The text `escape` was given: "'=1+2" -> "=1+2"; any other text as it is."""
    if text.startswith(QUOTE) and escape(text[1:]) != text[1:]:
        return text[1:]
    return text


def control_characters(text, multiline=False):
    """The control characters (C0, DEL, C1) in `text`, each once, in order of appearance.

    Multi-line text may hold line breaks and tabs; a one-line field holds none.
    """
    found = []
    for character in text:
        if unicodedata.category(character) != "Cc" or character in found:
            continue
        if multiline and character in _MULTILINE_WHITESPACE:
            continue
        found.append(character)
    return found


def codepoints(characters):
    """How a message names invisible characters: "U+000B, U+0000"."""
    return ", ".join(f"U+{ord(character):04X}" for character in characters)


class EscapedExport:
    """For a django-import-export resource: every exported cell goes through `escape`.

    The library's own `IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT` only drops a leading
    "=" (changing the text), turns numbers into text and lets + - @ through.
    """

    def export_resource(self, instance, selected_fields=None, **kwargs):
        cells = super().export_resource(instance, selected_fields=selected_fields, **kwargs)
        return [escape(cell) for cell in cells]
