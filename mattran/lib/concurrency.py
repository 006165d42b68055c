"""Two staff members editing one record: the later save is refused, nothing is lost.

A guarded model has `version`, a counter bumped by every save through its admin.
The change form carries the version it was opened at, in a hidden field, with a short
digest of each field's value (and of each inline's rows) at that moment.

- Sequential saves: the form's clean() sees that the row moved on and refuses, so the
  admin shows the form again with what the user typed, a Vietnamese message naming who
  saved and when, and, field by field, what that person changed (their value next to
  the one typed). The refused form then carries the current version: saving it again
  is a deliberate choice to replace the other person's work.
- Saves at the same instant: both may pass clean(); saving then claims the row with one
  conditional UPDATE ... WHERE version = <opened>. The database lets only one of them
  match; the other raises StaleEdit before anything is written, its transaction rolls
  back, and the view runs once more, when clean() sees the winner's committed row.

Workflow buttons under the change form post the same form, so they pass the same check;
inline rows are saved with their parent, so a change to them bumps the parent's version.
A save from the list's editable columns (`list_editable`) bumps the version too.
"""

import copy
import datetime
import hashlib
import json
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.db.models.fields.files import FieldFile
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from mattran.lib.text import format_number_vi

FIELD = "edit_version"
EMPTY = "(trống)"
MISSING_VERSION = (
    "Trang sửa này không cho biết bạn đã mở bản nào, nên chưa có gì được lưu. "
    "Hãy xem bảng khác biệt bên dưới, sửa lại nếu cần rồi bấm Lưu lần nữa."
)
# django-reversion's restore writes an old version number back; remember the live one.
_RESTORE_ATTR = "_version_before_restore"


class StaleEdit(Exception):
    """The row was saved by someone else after this form was opened."""


class Opened:
    """What the hidden field says: the version the form was opened at and digests."""

    def __init__(self, version=None, digests=None):
        self.version = version
        self.digests = digests or {}

    @classmethod
    def parse(cls, text):
        text = (text or "").strip()
        if text.isdigit():  # a bare number: no digests, every difference is shown
            return cls(int(text))
        try:
            data = json.loads(text)
            version, digests = int(data["v"]), dict(data.get("d", {}))
        except (ValueError, TypeError, KeyError, AttributeError):
            return cls()
        return cls(version, {str(k): str(v) for k, v in digests.items()})

    def dump(self):
        return json.dumps({"v": self.version, "d": self.digests}, separators=(",", ":"))


def digest(value):
    if isinstance(value, list | tuple | set):
        value = sorted(str(getattr(item, "pk", item)) for item in value)
    elif isinstance(value, FieldFile):
        value = value.name or ""
    elif value is None:
        value = ""
    return hashlib.blake2s(repr(value).encode(), digest_size=4).hexdigest()


def display(formfield, value):
    """A value as staff read it: labels for choices, names for links, short text."""
    if value in (None, "", [], ()):
        return EMPTY
    if isinstance(formfield, forms.ModelMultipleChoiceField) or isinstance(value, list | tuple):
        items = list(value)
        if isinstance(formfield, forms.ModelChoiceField) and items and not hasattr(items[0], "pk"):
            items = list(formfield.queryset.filter(pk__in=items))
        return ", ".join(sorted(str(item) for item in items)) or EMPTY
    if isinstance(formfield, forms.ModelChoiceField) and not hasattr(value, "pk"):
        value = formfield.queryset.filter(pk=value).first() or value
    if isinstance(formfield, forms.BooleanField) or isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(formfield, forms.ChoiceField) and not isinstance(
        formfield, forms.ModelChoiceField
    ):
        value = dict(_flat(formfield.choices)).get(value, value)
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%H:%M %d/%m/%Y")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return format_number_vi(value)
    if isinstance(value, FieldFile):
        return value.name or EMPTY
    if isinstance(value, list):  # a multi-value widget's raw data
        value = " ".join(str(part) for part in value)
    text = " ".join(strip_tags(str(value)).split())
    return Truncator(text).chars(200) or EMPTY


def _flat(choices):
    for key, label in choices:
        if isinstance(label, list | tuple):
            yield from label
        else:
            yield key, label


def _guarded_fields(form):
    return [name for name in form.fields if name != FIELD and name in form.initial]


def _inline_fields(formset):
    model_fields = {f.name for f in formset.model._meta.concrete_fields}
    skip = {"id", "DELETE", "ORDER", formset.fk.name}
    return [name for name in formset.form.base_fields if name in model_fields - skip]


def _inline_rows(formset):
    """The inline's rows in the database and their values.

    A bound formset has written what was typed into the rows it read, so those are read
    again; an unbound one has just read them (no extra query).
    """
    fields = _inline_fields(formset)
    rows = formset.get_queryset()
    rows = list(rows.all() if formset.is_bound else rows)
    values = [
        [str(row._meta.get_field(name).value_from_object(row)) for name in fields] for row in rows
    ]
    return rows, values


def _row_text(formset, value_of):
    shown = []
    for name in _inline_fields(formset):
        text = display(formset.form.base_fields[name], value_of(name))
        if text != EMPTY:
            shown.append(text)
    return " · ".join(shown)


def _inline_key(formset):
    return f"inline:{formset.prefix}"


def _inline_label(formset):
    return str(formset.model._meta.verbose_name_plural).capitalize()


def _typed_inline_rows(formset):
    rows = []
    for form in formset.forms:
        cleaned = getattr(form, "cleaned_data", None) or {}
        if cleaned.get("DELETE") or (form.instance.pk is None and not form.has_changed()):
            continue
        rows.append(_row_text(formset, lambda name, form=form: form[name].value()))
    return rows


def opened_state(form, inline_formsets, version):
    digests = {name: digest(form.initial.get(name)) for name in _guarded_fields(form)}
    for formset in inline_formsets:
        digests[_inline_key(formset)] = digest(_inline_rows(formset)[1])
    return Opened(version, digests)


def conflict_rows(form, inline_formsets, opened):
    """(label, their value, value typed here) for what changed since the form opened."""
    rows = []
    for name in _guarded_fields(form):
        theirs = form.initial.get(name)
        if opened.digests.get(name) == digest(theirs):
            continue
        field = form.fields[name]
        if name in getattr(form, "cleaned_data", {}):
            typed = form.cleaned_data[name]
        else:
            typed = form[name].data
        if not opened.digests and display(field, theirs) == display(field, typed):
            continue  # without digests, show only the differences
        label = str(field.label or name).capitalize()
        rows.append((label, display(field, theirs), display(field, typed)))
    for formset in inline_formsets:
        current, values = _inline_rows(formset)
        if opened.digests.get(_inline_key(formset)) == digest(values):
            continue
        theirs = (
            "; ".join(
                _row_text(
                    formset, lambda name, row=row: row._meta.get_field(name).value_from_object(row)
                )
                for row in current
            )
            or EMPTY
        )
        typed = "; ".join(_typed_inline_rows(formset)) or EMPTY
        if not opened.digests and theirs == typed:
            continue
        rows.append(
            (_inline_label(formset), Truncator(theirs).chars(300), Truncator(typed).chars(300))
        )
    return rows


def last_change(obj):
    """(who, when) of the latest admin save of `obj`, from the admin's own log."""
    entry = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
        )
        .select_related("user")
        .order_by("-action_time", "-pk")
        .first()
    )
    if entry is None:
        return None, None
    return entry.user, entry.action_time


def stale_message(request, obj):
    who, when = last_change(obj)
    noun = str(obj._meta.verbose_name).capitalize()
    if who is None:
        by = "người khác"
    elif who == request.user:
        by = "chính bạn (ở một thẻ hay cửa sổ khác)"
    else:
        by = who.get_full_name() or who.get_username()
    at = f" lúc {timezone.localtime(when):%H:%M:%S %d/%m/%Y}" if when else ""
    return (
        f"{noun} đã được {by} sửa{at} sau khi bạn mở trang này. Chưa có gì được lưu: "
        "những gì bạn gõ vẫn còn nguyên bên dưới. Hãy xem các thay đổi của họ trong bảng, "
        "sửa lại nếu cần rồi bấm Lưu lần nữa."
    )


class ConcurrentEditAdmin:
    """ModelAdmin mixin (put it first among the bases) for a model with `version`."""

    change_form_template = "admin/concurrent_change_form.html"

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        fieldsets = copy.deepcopy(list(fieldsets))
        name, options = fieldsets[0]
        options["fields"] = [*options["fields"], FIELD]
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = kwargs.pop("form", self.form)
        restoring = hasattr(request, _RESTORE_ATTR)

        class VersionedForm(base):
            edit_version = forms.CharField(widget=forms.HiddenInput, required=False)

            def clean(self):
                cleaned = super().clean()
                if self.instance.pk is None or restoring:
                    return cleaned
                self.opened = Opened.parse(self.data.get(self.add_prefix(FIELD)))
                if self.opened.version is None:
                    # Not from our page (a script, or a page cached from before versions).
                    self.edit_conflict = True
                    raise forms.ValidationError(MISSING_VERSION)
                if self.opened.version != self.instance.version:
                    self.edit_conflict = True
                    raise forms.ValidationError(stale_message(request, self.instance))
                return cleaned

        VersionedForm.__name__ = base.__name__
        return super().get_form(request, obj, change, form=VersionedForm, **kwargs)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        for _attempt in range(3):
            try:
                return super().changeform_view(request, object_id, form_url, extra_context)
            except StaleEdit:
                # Rolled back; run again, now that the other save has committed.
                continue
        messages.error(request, "Có người khác đang lưu bản ghi này; xin mở lại và thử lần nữa.")
        return HttpResponseRedirect(request.path)

    def save_model(self, request, obj, form, change):
        if change:
            restored_over = getattr(request, _RESTORE_ATTR, None)
            if restored_over is not None:
                obj.version = restored_over + 1
            elif not hasattr(form, "opened"):
                # A row of the list's editable columns: read just now, saved whole; a
                # change form opened before it is refused.
                obj.version += 1
            else:
                seen = form.opened.version
                claimed = (
                    type(obj)
                    ._default_manager.filter(pk=obj.pk, version=seen)
                    .update(version=F("version") + 1)
                )
                if not claimed:
                    raise StaleEdit
                obj.version = seen + 1
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        if obj is not None and obj.pk is not None and FIELD in form.fields:
            formsets = [inline.formset for inline in context.get("inline_admin_formsets", [])]
            current = opened_state(form, formsets, obj.version)
            if getattr(form, "edit_conflict", False):
                context["edit_conflict"] = conflict_rows(form, formsets, form.opened)
                form.data = form.data.copy()
                form.data[form.add_prefix(FIELD)] = current.dump()
            elif not form.is_bound:
                form.initial[FIELD] = current.dump()
        return super().render_change_form(request, context, add, change, form_url, obj)

    # django-reversion's history screens (only on a VersionAdmin).

    def revision_view(self, request, object_id, version_id, extra_context=None):
        self._remember_version(request, object_id)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        setattr(request, _RESTORE_ATTR, 0)
        return super().recover_view(request, version_id, extra_context)

    def _remember_version(self, request, object_id):
        live = self.model._default_manager.filter(pk=object_id).values_list("version", flat=True)
        setattr(request, _RESTORE_ATTR, next(iter(live), 0))
