"""The staff's screens for campaigns: indicators and targets inline, entries with import.

Exporting needs the model's "export_<model>" right (IMPORT_EXPORT_EXPORT_PERMISSION_CODE
in settings), which only the data roles hold; importing entries needs the rights to add
and to change them, since a file does both.
"""

import reversion
from django.contrib import admin
from import_export.admin import ExportMixin, ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX

from campaigns.forms import EntryForm
from campaigns.models import Campaign, Entry, Indicator, Target
from campaigns.resources import (
    CampaignResource,
    EntryResource,
    IndicatorResource,
    TargetResource,
)
from mattran.admin_rights import GuardedVersionAdmin, InternalChoicesAdmin
from mattran.admin_styles import StaffStylesAdmin
from mattran.area_scope import AreaScopedAdmin
from mattran.lib.concurrency import ConcurrentEditAdmin
from mattran.roles import staff_areas

EXPORT_FORMATS = [XLSX, CSV]

# A campaign's revision follows its indicators (its inline), and each indicator its targets,
# so recovering a deleted campaign brings them all back. Registered before the admins below,
# because VersionAdmin registers an inline's model without its children.
reversion.register(Target)
reversion.register(Indicator, follow=["targets"])


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ["name", "unit", "kind", "order"]
    show_change_link = True


class TargetInline(InternalChoicesAdmin, admin.TabularInline):
    model = Target
    extra = 0
    fields = ["period_start", "period_end", "area", "value", "resolution_target", "note"]
    autocomplete_fields = ["area", "resolution_target"]


@admin.register(Campaign)
class CampaignAdmin(ExportMixin, GuardedVersionAdmin):
    resource_classes = [CampaignResource]
    formats = EXPORT_FORMATS
    list_display = ["name", "kind", "body", "start", "end"]
    list_filter = ["kind"]
    list_select_related = ["body"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["body", "articles"]
    inlines = [IndicatorInline]


@admin.register(Indicator)
class IndicatorAdmin(ExportMixin, GuardedVersionAdmin):
    resource_classes = [IndicatorResource]
    formats = EXPORT_FORMATS
    list_display = ["name", "campaign", "unit", "kind", "order"]
    list_filter = ["kind", "unit", "campaign"]
    list_select_related = ["campaign"]
    search_fields = ["name", "campaign__name"]
    autocomplete_fields = ["campaign"]
    inlines = [TargetInline]


@admin.register(Target)
class TargetAdmin(InternalChoicesAdmin, ExportMixin, GuardedVersionAdmin):
    resource_classes = [TargetResource]
    formats = EXPORT_FORMATS
    list_display = ["indicator", "period_start", "period_end", "area", "value"]
    list_filter = ["indicator__campaign"]
    list_select_related = ["indicator", "area"]
    autocomplete_fields = ["indicator", "area", "resolution_target"]
    search_fields = ["indicator__name"]


@admin.register(Entry)
class EntryAdmin(
    StaffStylesAdmin,
    AreaScopedAdmin,
    ConcurrentEditAdmin,
    ImportExportModelAdmin,
    GuardedVersionAdmin,
):
    area_lookup = "area"
    form = EntryForm
    resource_classes = [EntryResource]
    formats = EXPORT_FORMATS
    list_display = [
        "indicator",
        "date",
        "area",
        "quantity",
        "money",
        "participants",
        "doubtful",
        "entered_by",
    ]
    list_filter = ["doubtful", "indicator__campaign", "area", "date"]
    list_select_related = ["indicator", "area", "entered_by"]
    search_fields = ["indicator__name", "source", "as_printed"]
    autocomplete_fields = ["indicator", "area"]
    date_hierarchy = "date"
    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["indicator", "date", "period_start", "period_label", "area"]}),
        ("Số liệu", {"fields": ["quantity", "money", "participants", "as_printed", "source"]}),
        ("Xác minh", {"fields": ["doubtful", "doubt_note"]}),
    ]

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def get_import_resource_kwargs(self, request, **kwargs):
        # An area's board imports rows of its own areas only (EntryResource says why not).
        return {
            **super().get_import_resource_kwargs(request, **kwargs),
            "areas": staff_areas(request.user),
        }

    def save_model(self, request, obj, form, change):
        if not change:
            obj.entered_by = request.user
        super().save_model(request, obj, form, change)

    def process_dataset(self, dataset, form, request, **kwargs):
        """The confirmed import, as one revision: each imported row gets a history entry
        that says who imported it and from which file (the resource bumps each changed
        entry's version, so a change form opened before the import is refused)."""
        name = form.cleaned_data.get("original_file_name") or ""
        try:
            with reversion.create_revision():
                reversion.set_user(request.user)
                reversion.set_comment(f"Nhập từ tệp “{name}”" if name else "Nhập từ tệp")
                result = super().process_dataset(dataset, form, request, **kwargs)
                if result.has_errors() or result.has_validation_errors():
                    raise _ImportRolledBack(result)
        except _ImportRolledBack as refused:
            return refused.result  # nothing was saved: no revision either
        return result


class _ImportRolledBack(Exception):
    def __init__(self, result):
        super().__init__()
        self.result = result
