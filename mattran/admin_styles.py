"""The staff's stylesheet and labels for the admin screens they live in: list columns
sized for Vietnamese titles, coloured status labels, forms that fit 1280 px, and a name for
every box a screen reader meets (static/css/admin.css, static/js/admin-labels.js)."""

from django import forms
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.utils.text import capfirst

STAFF_MEDIA = forms.Media(css={"all": ["css/admin.css"]}, js=["js/admin-labels.js"])

# A split date and time shows "Ngày:" and "Giờ:" as loose text, which names neither box.
SPLIT_PARTS = ("ngày", "giờ")


class LabelledWidgetsAdmin:
    """Gives the boxes the admin leaves unnamed an aria-label: both halves of a date and
    time, and in a table of inline rows every box (only the column header names it)."""

    label_every_box = False

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is None:
            return field
        name = str(field.label or capfirst(db_field.verbose_name))
        widget = field.widget
        if isinstance(widget, RelatedFieldWidgetWrapper):
            widget = widget.widget
        if isinstance(widget, forms.SplitDateTimeWidget):
            for part, words in zip(widget.widgets, SPLIT_PARTS, strict=True):
                part.attrs["aria-label"] = f"{name}: {words}"
        elif self.label_every_box:
            widget.attrs["aria-label"] = name
        return field


class LabelledInline(LabelledWidgetsAdmin):
    """For a TabularInline: each row's boxes carry their column's name, and its "delete"
    tick says what it deletes."""

    label_every_box = True

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class LabelledFormSet(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                if "DELETE" in form.fields:
                    form.fields["DELETE"].widget.attrs["aria-label"] = "Xoá dòng này"

        return LabelledFormSet


class StaffStylesAdmin(LabelledWidgetsAdmin):
    """Mixed into a ModelAdmin: its list and form pages load the stylesheet and the labels'
    script, and its list takes the page's whole width.

    At 1280 px the menu down the left (300 px) and the filters on the right left a list
    about 600 px: the title column shrank to 78 px and the status and date columns slid
    out of sight. The menu repeats the home page's list of sections, so a list goes without
    it; the breadcrumbs lead back.
    """

    @property
    def media(self):
        return super().media + STAFF_MEDIA

    def changelist_view(self, request, extra_context=None):
        extra_context = {"is_nav_sidebar_enabled": False, **(extra_context or {})}
        return super().changelist_view(request, extra_context)
