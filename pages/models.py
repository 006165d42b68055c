"""Static pages under /gioi-thieu/: history, functions and duties, organisation, contact.

Staff write them with the same CKEditor 5 as the news, and `Page.save()` sanitises the
body whatever the path (admin, shell, demo). The header's menu is read on every page, so
it is cached as plain tuples and forgotten whenever a page is saved or deleted.
"""

from typing import NamedTuple

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse

from mattran import cache as page_cache
from mattran.lib.html import html_to_text, sanitize_html
from mattran.lib.images import size_body_images
from mattran.lib.text import nfc, slugify_vi
from mattran.lib.versioned import Versioned

MENU_CACHE_KEY = "mattran:pages-menu"
MAP_URL_VALIDATOR = URLValidator(schemes=["https"])


class MenuItem(NamedTuple):
    """A menu entry as plain data: it caches without model instances."""

    title: str
    url: str
    show_in_menu: bool


class HttpsURLField(models.URLField):
    """A URL field whose form assumes https for an address typed without a scheme."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def in_menu_order(self):
        return self.order_by("menu_order", "title", "pk")

    def side_menu(self):
        """Every published page in menu order as `MenuItem`s; cached, one query when cold."""
        key = page_cache.content_key(MENU_CACHE_KEY)
        items = cache.get(key)
        if items is None:
            rows = self.model.objects.published().in_menu_order()
            items = [
                MenuItem(title, reverse("pages:detail", args=[slug]), show_in_menu)
                for title, slug, show_in_menu in rows.values_list("title", "slug", "show_in_menu")
            ]
            cache.set(key, items, page_cache.CONTENT_KEY_SECONDS)
        return items

    def menu(self):
        """What the header offers: the published pages staff chose to show, in order."""
        return [item for item in self.side_menu() if item.show_in_menu]


class Page(Versioned):
    """One page of "Giới thiệu"."""

    title = models.CharField("tiêu đề", max_length=200)
    slug = models.SlugField(
        "đường dẫn",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Để trống để tạo tự động từ tiêu đề, ví dụ “lich-su”.",
    )
    body = models.TextField("nội dung", blank=True)
    menu_order = models.PositiveSmallIntegerField(
        "thứ tự trong menu", default=0, help_text="Số nhỏ đứng trước."
    )
    show_in_menu = models.BooleanField("hiện trên menu đầu trang", default=True)
    is_published = models.BooleanField(
        "công khai", default=False, help_text="Bỏ chọn để ẩn trang khỏi người xem."
    )
    show_contact = models.BooleanField(
        "hiện thông tin liên hệ",
        default=False,
        help_text="Hiện địa chỉ, điện thoại, thư điện tử của phường (lấy từ “Thông tin phường”).",
    )
    map_url = HttpsURLField(
        "đường dẫn bản đồ",
        max_length=500,
        blank=True,
        validators=[MAP_URL_VALIDATOR],
        help_text="Ví dụ đường dẫn Google Maps hoặc OpenStreetMap, bắt đầu bằng https://",
    )
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    objects = PageQuerySet.as_manager()

    class Meta:
        db_table = "mattran_page"  # made by the core app before pages had an app of its own
        ordering = ["menu_order", "title", "pk"]
        verbose_name = "trang giới thiệu"
        verbose_name_plural = "trang giới thiệu"
        permissions = [("publish_page", "Xuất bản hoặc gỡ trang giới thiệu")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Derive what is stored from what staff typed; never trust the body as given."""
        self.title = nfc(self.title).strip()
        if not self.slug:
            self.slug = slugify_vi(self.title)
        self.body = size_body_images(sanitize_html(nfc(self.body)))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("pages:detail", args=[self.slug])

    @property
    def is_public(self):
        return self.is_published

    def get_preview_url(self):
        # The page's own address shows staff who may view pages an unpublished page.
        return self.get_absolute_url()

    def clean(self):
        # Derive the slug here too, so a clash shows as a form error, not a failed save.
        if not self.slug and self.title:
            self.slug = slugify_vi(nfc(self.title))
            if not self.slug:
                raise ValidationError({"slug": "Xin nhập đường dẫn bằng chữ hoặc số."})

    @property
    def summary(self):
        return html_to_text(self.body)

    @property
    def map_link(self):
        """The map URL only if it is https: a value saved past the form (shell, import)
        must not put a `javascript:` link on the page."""
        try:
            MAP_URL_VALIDATOR(self.map_url)
        except ValidationError:
            return ""
        return self.map_url


@receiver(post_save, sender=Page)
@receiver(post_delete, sender=Page)
def refresh_menu(sender, raw=False, **kwargs):
    """The menu and every cached page showing it are stale once a page changes."""
    if raw:
        return
    page_cache.forget_cached_pages()
