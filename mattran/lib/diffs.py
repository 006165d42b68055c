"""What changed between two saved versions of a row, field by field, for the history screen.

Works on django-reversion's `Version.field_dict` (values by attname, many-to-many as lists
of keys). Only the fields staff edit are compared: bookkeeping the form never shows
(`editable=False`: the edit version, search keys, renditions, counters, timestamps) and the
few named below stay out. Long texts, rich-text bodies included, are compared as their plain
words (HTML stripped by `html_to_text`), so stored markup is never rendered: every piece is
escaped by format_html.
"""

import difflib
import re
from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from mattran.lib.html import html_to_text

# Never shown even where a model leaves them editable: internal by name.
INTERNAL_FIELDS = {
    "version",
    "edit_version",
    "search_text",
    "search_vector",
    "search_name",
    "sort_key",
    "view_count",
    "download_count",
}
EMPTY = "(trống)"
HIDDEN = "(mục bạn không có quyền xem)"
# A run of unchanged words longer than this is cut to its ends: the change is what matters.
KEPT_CONTEXT = 12


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str  # plain text, escaped where shown; empty for a text diff
    after: str
    text_diff: str = ""  # safe HTML with <del>/<ins>, for long texts


def compared_fields(model):
    """The model's fields staff edit, in form order."""
    opts = model._meta
    fields = [*opts.concrete_fields, *opts.many_to_many]
    return [
        field
        for field in fields
        if field.editable
        and not field.primary_key
        and field.name not in INTERNAL_FIELDS
        and not field.name.endswith("_renditions")
    ]


def changes(model, before, after, hidden=lambda row: False):
    """FieldChange for every compared field whose value differs between two field_dicts.

    `hidden(row)` says which related rows the reader may not see: those are named
    HIDDEN, not by their title (an old save may point at a leaders-only meeting)."""
    found = []
    for field in compared_fields(model):
        key = field.name if field.many_to_many else field.attname
        old, new = before.get(key), after.get(key)
        if field.many_to_many:
            if not all(isinstance(v, list | tuple | None) for v in (old, new)):
                continue  # not kept by the version (taggit's tags): nothing to compare
            old, new = sorted(old or []), sorted(new or [])
        if old == new:
            continue
        label = str(field.verbose_name)
        label = label[:1].upper() + label[1:]
        if isinstance(field, models.TextField):
            diff = text_diff(html_to_text(str(old or "")), html_to_text(str(new or "")))
            found.append(FieldChange(label, "", "", diff))
        else:
            found.append(FieldChange(label, shown(field, old, hidden), shown(field, new, hidden)))
    return found


def shown(field, value, hidden=lambda row: False):
    """A stored value as staff read it (choice labels, related rows' names, dd/mm/yyyy)."""
    if value is None or value == "" or value == []:
        return EMPTY
    if field.many_to_many or field.many_to_one or field.one_to_one:
        keys = value if isinstance(value, list) else [value]
        related = field.related_model._base_manager.in_bulk(keys)
        return ", ".join(_related_name(related.get(key), key, hidden) for key in keys)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return local.strftime("%d/%m/%Y %H:%M:%S")
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, FieldFile):
        return value.name or EMPTY
    return str(value)


def _related_name(row, key, hidden):
    if row is None:
        return f"#{key} (đã xóa)"
    return HIDDEN if hidden(row) else str(row)


def text_diff(old, new):
    """The words of `new` against `old`: removed words in <del>, added ones in <ins>."""
    a, b = _words(old), _words(new)
    pieces = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(format_html("{}", _shortened(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            pieces.append(format_html("<del>{}</del>", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            pieces.append(format_html("<ins>{}</ins>", "".join(b[j1:j2])))
    return format_html_join("", "{}", ((piece,) for piece in pieces))


def _words(text):
    """Words with the space after each, so that joined pieces read as the text did."""
    return re.findall(r"\S+\s*", text)


def _shortened(words):
    if len(words) <= 2 * KEPT_CONTEXT:
        return "".join(words)
    return "".join(words[:KEPT_CONTEXT]) + "… " + "".join(words[-KEPT_CONTEXT:])
