"""The admin of the static pages: CKEditor 5, a menu reordered in the list, history."""

from django import forms
from django.contrib import admin
from django_ckeditor_5.widgets import CKEditor5Widget

from mattran import roles
from mattran.admin_rights import GuardedVersionAdmin, PublishGateAdmin
from mattran.lib.concurrency import ConcurrentEditAdmin
from pages.models import Page


class PageAdminForm(forms.ModelForm):
    """The body is sanitised again by Page.save() whatever the editor sends."""

    class Meta:
        model = Page
        fields = [
            "title",
            "slug",
            "body",
            "menu_order",
            "show_in_menu",
            "is_published",
            "show_contact",
            "map_url",
        ]
        widgets = {"body": CKEditor5Widget(config_name="news")}


@admin.register(Page)
class PageAdmin(PublishGateAdmin, ConcurrentEditAdmin, GuardedVersionAdmin):
    form = PageAdminForm
    publish_permission = roles.PUBLISH_PAGE
    list_display = ["title", "slug", "menu_order", "show_in_menu", "is_published", "updated_at"]
    list_editable = ["menu_order", "show_in_menu", "is_published"]
    list_filter = ["is_published", "show_in_menu"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "body"]}),
        ("Menu và hiển thị", {"fields": ["menu_order", "show_in_menu", "is_published"]}),
        (
            "Trang liên hệ",
            {
                "fields": ["show_contact", "map_url"],
                "description": "Dùng cho trang “Liên hệ”: địa chỉ và điện thoại lấy từ "
                "“Thông tin phường”, kèm đường dẫn bản đồ.",
            },
        ),
    ]
