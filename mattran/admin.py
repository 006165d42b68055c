from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db import models

from mattran.admin_rights import GuardedVersionAdmin
from mattran.area_scope import AreaScopedAdmin
from mattran.lib.images import PhotoFormField
from mattran.lib.upload_errors import StorageErrorAdminMixin
from mattran.models import (
    Body,
    Membership,
    NoticePreference,
    Person,
    ResidentialArea,
    StaffAreas,
    Term,
    WardSettings,
)


@admin.register(WardSettings)
class WardSettingsAdmin(StorageErrorAdminMixin, GuardedVersionAdmin):
    list_display = ["committee_name", "ward_name", "phone", "email"]
    # Logo and banner: refusals that say why (too big, not an image, SVG).
    formfield_overrides = {models.ImageField: {"form_class": PhotoFormField}}
    fieldsets = [
        (None, {"fields": ["ward_name", "committee_name"]}),
        ("Liên hệ", {"fields": ["address", "phone", "email"]}),
        (
            "Giao diện",
            {
                "fields": ["logo", "banner", "primary_color", "accent_color"],
                "description": "Màu dạng mã hex, ví dụ #a50e25. Chữ trắng đặt trên hai màu "
                "này nên mỗi màu phải đạt độ tương phản ít nhất 4,5:1 (chuẩn WCAG AA).",
            },
        ),
        (
            "Chân trang và mạng xã hội",
            {"fields": ["footer_text", "facebook_url", "zalo_url", "youtube_url"]},
        ),
    ]

    def has_add_permission(self, request):
        # The one record is made by WardSettings.current() on first use; staff edit it.
        # (No exists() query here: the admin asks this on every page's sidebar.)
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ResidentialArea)
class ResidentialAreaAdmin(AreaScopedAdmin, GuardedVersionAdmin):
    # An area's board sees its own areas only, here and in every area autocomplete.
    area_lookup = "pk"
    list_display = ["name", "kind", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Body)
class BodyAdmin(GuardedVersionAdmin):
    list_display = ["name", "kind", "area", "order"]
    list_filter = ["kind"]
    list_select_related = ["area"]
    search_fields = ["name"]


@admin.register(Term)
class TermAdmin(GuardedVersionAdmin):
    list_display = ["__str__", "start_year", "end_year"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["body", "term", "position", "started_on", "ended_on", "order"]


@admin.register(Person)
class PersonAdmin(GuardedVersionAdmin):
    list_display = ["full_name", "title"]
    search_fields = ["full_name", "title"]
    ordering = ["sort_key", "pk"]
    inlines = [MembershipInline]

    def get_search_results(self, request, queryset, search_term):
        # Also by the folded name, so "thuy lan", "Thúy Lan" and "Thuý Lan" find one person
        # (this serves the autocomplete of every person field too).
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            results |= queryset.search(search_term)
        return results, may_have_duplicates


@admin.register(Membership)
class MembershipAdmin(GuardedVersionAdmin):
    list_display = ["person", "position", "body", "term", "started_on", "ended_on"]
    list_filter = ["position", "body", "term"]
    list_select_related = ["person", "body", "term"]
    search_fields = ["person__full_name", "person__search_name"]
    autocomplete_fields = ["person"]


class StaffAreasInline(admin.StackedInline):
    model = StaffAreas
    can_delete = False
    filter_horizontal = ["areas"]
    verbose_name_plural = "khu dân cư phụ trách (Ban công tác Mặt trận khu dân cư)"


class NoticePreferenceInline(admin.StackedInline):
    model = NoticePreference
    can_delete = False
    verbose_name_plural = "thông báo qua thư điện tử"


# Django's own account screens, plus the areas an account works for.
User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, StaffAreasInline, NoticePreferenceInline]
