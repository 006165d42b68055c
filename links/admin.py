"""The admin of links and banners: reordered in the list, dated, switched on and off."""

from django.contrib import admin
from django.db import models
from django.utils import timezone

from links.models import Link
from mattran import roles
from mattran.admin_rights import GuardedVersionAdmin, PublishGateAdmin
from mattran.lib.images import PhotoFormField


class ShowingFilter(admin.SimpleListFilter):
    title = "đang hiện"
    parameter_name = "dang-hien"

    def lookups(self, request, model_admin):
        return [("co", "Đang hiện hôm nay"), ("khong", "Không hiện hôm nay")]

    def queryset(self, request, queryset):
        current = Link.objects.current(timezone.localdate())
        if self.value() == "co":
            return queryset.filter(pk__in=current.values("pk"))
        if self.value() == "khong":
            return queryset.exclude(pk__in=current.values("pk"))
        return queryset


@admin.register(Link)
class LinkAdmin(PublishGateAdmin, GuardedVersionAdmin):
    publish_field = "is_active"
    publish_permission = roles.PUBLISH_LINK
    list_display = ["title", "placement", "order", "starts_on", "ends_on", "is_active", "url"]
    list_display_links = ["title"]
    # Staff reorder by typing numbers in the list: works with a keyboard and a screen reader.
    list_editable = ["order", "is_active"]
    list_filter = ["placement", "is_active", ShowingFilter]
    search_fields = ["title", "url"]
    # Refusals that say why: too big, not an image, SVG (mattran/lib/images.py).
    formfield_overrides = {models.ImageField: {"form_class": PhotoFormField}}
    fieldsets = [
        (None, {"fields": ["title", "url", "image"]}),
        (
            "Vị trí và thời gian hiện",
            {
                "fields": ["placement", "order", "starts_on", "ends_on", "is_active"],
                "description": "Liên kết hiện từ ngày bắt đầu đến hết ngày kết thúc; "
                "số thứ tự nhỏ đứng trước trong cùng vị trí.",
            },
        ),
    ]
