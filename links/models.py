"""Liên kết và banner: links and banners staff manage, shown on the home page and footer.

Each one has a place (a banner on the home page, the home page's link block, the footer),
an order staff change in the admin list, dates it shows between and an on/off switch.
The footer is on every page, so what shows is cached as plain data for the day and
forgotten whenever a link is saved or deleted; a page costs no query for it once warm.
"""

import datetime
from typing import NamedTuple

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from mattran import cache as page_cache
from mattran.lib.fields import WebURLField
from mattran.lib.images import picture, prepare_photo, validate_image
from mattran.lib.text import nfc

CACHE_KEY = "mattran:links"
URL_VALIDATOR = URLValidator(
    schemes=["http", "https"],
    message="Xin nhập một địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https://",
)
END_BEFORE_START = "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu."


class ShownLink(NamedTuple):
    """A link as plain data: it caches without model instances or file lookups."""

    title: str
    url: str
    placement: str
    picture: dict | None


class LinkQuerySet(models.QuerySet):
    def current(self, now):
        """What shows at `now` (a datetime or a date): switched on, and `now` falls on or
        between its start and end dates (either may be left empty), in staff's order."""
        day = timezone.localdate(now) if isinstance(now, datetime.datetime) else now
        return self.filter(
            Q(starts_on__isnull=True) | Q(starts_on__lte=day),
            Q(ends_on__isnull=True) | Q(ends_on__gte=day),
            is_active=True,
        ).order_by("placement", "order", "title", "pk")


class Link(models.Model):
    class Placement(models.TextChoices):
        BANNER = "banner", "Banner trên trang chủ"
        BLOCK = "block", "Khối liên kết trên trang chủ"
        FOOTER = "footer", "Chân trang"

    title = models.CharField("tiêu đề", max_length=200)
    url = WebURLField(
        "địa chỉ liên kết",
        max_length=500,
        validators=[URL_VALIDATOR],
        help_text="Bắt đầu bằng http:// hoặc https://, ví dụ https://dichvucong.gov.vn",
    )
    image = models.ImageField(
        "ảnh",
        upload_to="links/%Y/%m/",
        blank=True,
        validators=[validate_image],
        help_text="Không bắt buộc. Ảnh JPEG, PNG, WebP hoặc GIF; banner nên rộng 1200 điểm ảnh.",
    )
    image_renditions = models.JSONField(default=dict, blank=True, editable=False)
    placement = models.CharField(
        "vị trí", max_length=10, choices=Placement.choices, default=Placement.BLOCK
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0, help_text="Số nhỏ đứng trước.")
    starts_on = models.DateField(
        "hiện từ ngày", null=True, blank=True, help_text="Để trống để hiện ngay."
    )
    ends_on = models.DateField(
        "hiện đến hết ngày", null=True, blank=True, help_text="Để trống để hiện mãi."
    )
    is_active = models.BooleanField("đang bật", default=True)

    objects = LinkQuerySet.as_manager()

    class Meta:
        db_table = "mattran_link"  # made by the core app before links had an app of their own
        ordering = ["placement", "order", "title", "pk"]
        verbose_name = "liên kết / banner"
        verbose_name_plural = "liên kết và banner"
        permissions = [("publish_link", "Bật hoặc tắt liên kết / banner")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="link_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title = nfc(self.title).strip()
        # The same rule as the form, for a value saved past it (shell, import): no
        # `javascript:` or other scheme ever reaches a page.
        URL_VALIDATOR(self.url)
        # A new image is checked, re-encoded without EXIF and cut into renditions here.
        self.image_renditions = prepare_photo(self.image, self.image_renditions)
        super().save(*args, **kwargs)

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": END_BEFORE_START})

    def has_safe_url(self):
        """A row changed past save() (a bulk update) must not put `javascript:` on a page."""
        try:
            URL_VALIDATOR(self.url)
        except ValidationError:
            return False
        return True

    def shown(self):
        return ShownLink(
            self.title,
            self.url,
            self.placement,
            picture(self.image_renditions, self.image.storage, preferred_width=1200),
        )


def current_links(now=None):
    """{placement: [ShownLink, ...]} of what shows today; one query when the cache is cold.

    Dates are whole days, so the cached answer is kept with its day and made again when
    the day turns."""
    today = timezone.localdate(now)
    key = page_cache.content_key(CACHE_KEY)
    cached = cache.get(key)
    if cached is not None and cached["day"] == today.isoformat():
        return cached["links"]
    links = {placement: [] for placement in Link.Placement.values}
    for link in Link.objects.current(today):
        if link.has_safe_url():
            links[link.placement].append(link.shown())
    cache.set(key, {"day": today.isoformat(), "links": links}, page_cache.CONTENT_KEY_SECONDS)
    return links


def next_midnight():
    """Cached pages carrying links end at the day's turn, when a link may start or end."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))


page_cache.register_next_change(next_midnight)


@receiver(post_save, sender=Link)
@receiver(post_delete, sender=Link)
def forget_links(sender, raw=False, **kwargs):
    """Links and every cached page showing them are stale once one changes."""
    page_cache.forget_cached_pages()
