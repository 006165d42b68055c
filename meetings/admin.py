"""Staff record meetings here: attendees (adding a new person from the row), papers,
resolutions with their targets, and election results they then confirm."""

import reversion
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html

from mattran.admin_rights import GuardedVersionAdmin, InternalRecordsAdmin
from mattran.admin_styles import LabelledInline, StaffStylesAdmin
from mattran.area_scope import AreaScopedAdmin
from mattran.lib.concurrency import ConcurrentEditAdmin
from mattran.lib.upload_errors import StorageErrorAdminMixin
from meetings.models import (
    Attachment,
    Attendance,
    AttendingGroup,
    ElectedMember,
    Election,
    Meeting,
    Resolution,
    ResolutionTarget,
)
from meetings.services import confirm_election

# Deleting a meeting deletes its resolutions' targets and its elections' members too. The
# meeting's revision follows its inlines (VersionAdmin does that), and these follow their own
# children, so recovering a deleted meeting brings every row back. Registered here, before
# the admins below, because VersionAdmin registers an inline's model without its children.
reversion.register(ResolutionTarget)
reversion.register(ElectedMember)
reversion.register(Resolution, follow=["targets"])
reversion.register(Election, follow=["members"])


class AttendanceInline(LabelledInline, admin.TabularInline):
    model = Attendance
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["role", "person", "guest_name", "title_as_printed", "role_note", "order"]
    # The columns share the page width: static/css/admin.css (#attendances-group).


class AttendingGroupInline(LabelledInline, admin.TabularInline):
    model = AttendingGroup
    extra = 0
    fields = ["description", "headcount", "order"]


class _StoredPaper:
    """What the file widget shows for a saved paper: its serving view, never a storage URL."""

    def __init__(self, paper):
        self.url = paper.get_absolute_url()
        self.label = paper.title

    def __str__(self):
        return self.label


class PaperFileInput(forms.ClearableFileInput):
    """Django's widget asks the file for its URL, which the private storage refuses to
    give (ValueError, a 500 on the meeting's change page); the saved row answers instead."""

    def _saved(self, value):
        paper = getattr(value, "instance", None)
        return bool(value) and paper is not None and paper.pk is not None

    def is_initial(self, value):
        return self._saved(value) or super().is_initial(value)

    def format_value(self, value):
        if self._saved(value):
            return _StoredPaper(value.instance)
        return super().format_value(value)


class AttachmentInline(LabelledInline, InternalRecordsAdmin, admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["kind", "title", "file", "visibility", "order"]
    formfield_overrides = {models.FileField: {"widget": PaperFileInput}}


class ResolutionInline(LabelledInline, admin.TabularInline):
    """A resolution's targets are added on the resolution's own page (its "Chỉ tiêu" link):
    Django has no nested inlines, and a target inline on the meeting could not point at a
    resolution typed in the same form, which has no row yet."""

    model = Resolution
    extra = 0
    fields = ["title", "number", "order", "targets_link"]
    readonly_fields = ["targets_link"]

    def get_queryset(self, request):
        # The count in the link, for every row at once.
        return super().get_queryset(request).annotate(target_count=Count("targets"))

    @admin.display(description="chỉ tiêu")
    def targets_link(self, resolution):
        if resolution.pk is None:
            return "Lưu hội nghị rồi thêm chỉ tiêu"
        url = reverse("admin:meetings_resolution_change", args=[resolution.pk])
        count = getattr(resolution, "target_count", None)
        label = f"{count} chỉ tiêu · thêm, sửa" if count else "Thêm chỉ tiêu"
        return format_html('<a href="{}#targets-group">{}</a>', url, label)


class ElectionInline(LabelledInline, admin.TabularInline):
    model = Election
    extra = 0
    fields = ["method", "body", "term", "seats"]
    show_change_link = True  # elected members are listed on the election's own page


@admin.register(Meeting)
class MeetingAdmin(
    StaffStylesAdmin,
    AreaScopedAdmin,
    InternalRecordsAdmin,
    StorageErrorAdminMixin,
    ConcurrentEditAdmin,
    GuardedVersionAdmin,
):
    area_lookup = "body__area"  # an area's board records its own meetings only
    list_display = ["title", "kind", "starts_at", "body", "visibility"]
    list_filter = ["kind", "visibility", "body", "term"]
    list_select_related = ["body"]
    search_fields = ["title", "search_text"]
    date_hierarchy = "starts_at"
    show_full_result_count = False
    internal_children = ("attachments",)
    autocomplete_fields = ["article"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "visibility"]}),
        ("Thời gian, địa điểm", {"fields": ["starts_at", "time_of_day", "place"]}),
        ("Tổ chức", {"fields": ["body", "term"]}),
        ("Nội dung", {"fields": ["summary", "article"]}),
    ]
    inlines = [
        AttendanceInline,
        AttendingGroupInline,
        ResolutionInline,
        ElectionInline,
        AttachmentInline,
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Attendees are saved after the meeting: search them now.
        form.instance.update_search_text()


class TargetInline(LabelledInline, admin.TabularInline):
    model = ResolutionTarget
    extra = 1
    fields = ["text", "number", "unit", "deadline", "status", "order"]


@admin.register(Resolution)
class ResolutionAdmin(StaffStylesAdmin, AreaScopedAdmin, InternalRecordsAdmin, GuardedVersionAdmin):
    internal_lookups = ("meeting__visibility",)
    area_lookup = "meeting__body__area"
    list_display = ["title", "meeting", "number"]
    list_select_related = ["meeting"]
    search_fields = ["title", "meeting__title"]
    autocomplete_fields = ["meeting"]
    inlines = [TargetInline]


@admin.register(ResolutionTarget)
class ResolutionTargetAdmin(AreaScopedAdmin, InternalRecordsAdmin, GuardedVersionAdmin):
    """Leaders and staff follow targets across resolutions: deadline and status at a glance."""

    internal_lookups = ("resolution__meeting__visibility",)
    area_lookup = "resolution__meeting__body__area"

    list_display = ["text", "resolution", "deadline", "status"]
    list_editable = ["status"]
    list_filter = ["status"]
    list_select_related = ["resolution"]
    search_fields = ["text", "resolution__title"]
    autocomplete_fields = ["resolution"]


class ElectedMemberFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        seats = self.instance.seats
        if seats is not None and len(kept) > seats:
            raise ValidationError(
                f"Danh sách có {len(kept)} người nhưng chỉ có {seats} thành viên được "
                f"{self.instance.get_method_display().lower()}. "
                "Hãy bớt người hoặc sửa số thành viên."
            )


class ElectedMemberInline(LabelledInline, admin.TabularInline):
    model = ElectedMember
    formset = ElectedMemberFormSet
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["person", "position", "order"]


@admin.register(Election)
class ElectionAdmin(StaffStylesAdmin, AreaScopedAdmin, InternalRecordsAdmin, GuardedVersionAdmin):
    internal_lookups = ("meeting__visibility",)
    area_lookup = "meeting__body__area"
    list_display = ["__str__", "meeting", "seats", "confirmed"]
    list_select_related = ["meeting", "body", "term"]
    list_filter = ["method", "body", "term"]
    autocomplete_fields = ["meeting"]
    readonly_fields = ["confirmed_at"]
    inlines = [ElectedMemberInline]
    actions = ["confirm"]

    @admin.display(description="đã xác nhận", boolean=True)
    def confirmed(self, election):
        return election.confirmed_at is not None

    @admin.action(description="Xác nhận kết quả bầu")
    def confirm(self, request, queryset):
        for election in queryset:
            try:
                created = confirm_election(election)
            except ValidationError as error:
                self.message_user(
                    request,
                    format_html("{}: {}", election, " ".join(error.messages)),
                    messages.ERROR,
                )
                continue
            self.message_user(
                request,
                f"{election}: đã tạo {created} chức vụ mới."
                if created
                else f"{election}: đã xác nhận trước đây, không có gì mới.",
                messages.SUCCESS,
            )
