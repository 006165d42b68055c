"""The admin as an area's board sees it: only the rows of its own residential areas.

`AreaScopedAdmin` goes first in a ModelAdmin's bases, with `area_lookup` naming the path
from the model to its residential area ("area", "body__area", "meeting__body__area";
"pk" for the areas themselves). For an area-scoped account (`roles.staff_areas`):

- lists, search, autocomplete and export hold only rows of its areas (they all start
  from get_queryset; an autocomplete of another model asks that model's admin);
- the field that carries the area (the first step of the path) offers only its areas'
  records and must be filled: an area's board never writes a ward-wide row; its list
  filter offers only those records too;
- a row of another area is 404 on its change, delete, history and revision pages, the
  same answer as for a row that does not exist, so nothing tells that it does;
- "khôi phục đã xóa" is the ward staff's: the list of deleted rows spans every area.

Ward staff (no areas) and superusers see everything, as before.
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404

from mattran.roles import staff_areas


class AreaScopedListFilter(admin.RelatedFieldListFilter):
    """The list filter of the field that carries the area: only the account's records."""

    def field_choices(self, field, request, model_admin):
        areas = staff_areas(request.user)
        if areas is None:
            return super().field_choices(field, request, model_admin)
        rest = model_admin.area_lookup.partition("__")[2]
        return field.get_choices(
            include_blank=False,
            ordering=self.field_admin_ordering(field, request, model_admin),
            limit_choices_to={f"{rest or 'pk'}__in": areas},
        )


class AreaScopedAdmin:
    area_lookup = "area"

    def get_list_filter(self, request):
        field_name = self.area_lookup.partition("__")[0]
        return [
            (name, AreaScopedListFilter) if name == field_name else name
            for name in super().get_list_filter(request)
        ]

    def get_queryset(self, request):
        return self.limit_to_areas(request, super().get_queryset(request))

    def limit_to_areas(self, request, queryset):
        """For an admin whose get_queryset does not call super(): call this on its result."""
        areas = staff_areas(request.user)
        if areas is None:
            return queryset
        return queryset.filter(**{f"{self.area_lookup}__in": areas})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        areas = staff_areas(request.user)
        field_name, _, rest = self.area_lookup.partition("__")
        if areas is None or db_field.name != field_name:
            return super().formfield_for_foreignkey(db_field, request, **kwargs)
        choices = db_field.remote_field.model._default_manager.filter(
            **{f"{rest or 'pk'}__in": areas}
        )
        formfield = super().formfield_for_foreignkey(db_field, request, queryset=choices, **kwargs)
        formfield.required = True
        return formfield

    # --- one row: 404 outside the account's areas ---------------------------------

    def _in_scope_or_404(self, request, object_id):
        if staff_areas(request.user) is None:
            return
        if self.get_object(request, unquote(object_id)) is None:
            raise Http404(f"Không có {self.opts.verbose_name} này trong khu dân cư bạn phụ trách.")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._in_scope_or_404(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self._in_scope_or_404(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        # django-reversion's history lists versions by id alone, without get_queryset.
        self._in_scope_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Checked before reversion writes the old version back: that version may name
        # one of the account's areas while the row now belongs to another.
        self._in_scope_or_404(request, object_id)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if staff_areas(request.user) is not None:
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        # A deleted row is outside every queryset, so the change form that reversion runs
        # after restoring it answers with a redirect, which reversion takes for a save.
        if staff_areas(request.user) is not None:
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)
