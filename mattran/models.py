"""The Front itself: the ward's identity, its residential areas, bodies, terms and people."""

import re

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from mattran import cache as page_cache
from mattran.lib import names
from mattran.lib.colours import AA_NORMAL_TEXT, HEX_COLOUR, contrast_with_white, ratio_vi
from mattran.lib.fields import WebURLField
from mattran.lib.folded_search import matching_every_word
from mattran.lib.images import picture, prepare_photo, validate_image
from mattran.lib.text import fold, nfc, slugify_vi

HEX_PATTERN = re.compile(HEX_COLOUR.regex.pattern)
SOCIAL_URL = URLValidator(
    schemes=["https"], message="Xin nhập địa chỉ đầy đủ, bắt đầu bằng https://"
)
# Checked again when shown: a value saved past the form must not become a `javascript:` link.
SOCIAL_URL_PATTERN = re.compile(r"^https://[^\s\"'<>]+$")


class WardSettings(models.Model):
    """The one editable record of who the portal belongs to, shown in header and footer."""

    CACHE_KEY = "mattran:ward-settings"

    ward_name = models.CharField("tên phường", max_length=200, default="Phường An Hòa")
    committee_name = models.CharField(
        "tên Ủy ban",
        max_length=300,
        default="Ủy ban Mặt trận Tổ quốc Việt Nam phường An Hòa",
    )
    address = models.CharField("địa chỉ", max_length=300, blank=True)
    phone = models.CharField("điện thoại", max_length=50, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    logo = models.ImageField(
        "logo",
        upload_to="ward/",
        blank=True,
        validators=[validate_image],
        help_text="Ảnh vuông JPEG, PNG hoặc WebP; để trống để dùng logo Mặt trận mặc định.",
    )
    logo_renditions = models.JSONField(default=dict, blank=True, editable=False)
    banner = models.ImageField(
        "ảnh banner đầu trang",
        upload_to="ward/",
        blank=True,
        validators=[validate_image],
        help_text="Ảnh ngang, nên rộng 1200 điểm ảnh; hiện dưới đầu trang của trang chủ.",
    )
    banner_renditions = models.JSONField(default=dict, blank=True, editable=False)
    primary_color = models.CharField(
        "màu chính",
        max_length=7,
        default="#a50e25",
        validators=[HEX_COLOUR],
        help_text="Nền đầu trang và màu liên kết, dạng #rrggbb. Chữ trắng trên màu này phải "
        "đạt độ tương phản 4,5:1.",
    )
    accent_color = models.CharField(
        "màu nhấn",
        max_length=7,
        default="#7d0a1c",
        validators=[HEX_COLOUR],
        help_text="Nền thanh menu, dạng #rrggbb; cũng phải đạt 4,5:1 với chữ trắng.",
    )
    footer_text = models.TextField("chữ ở chân trang", blank=True)
    facebook_url = WebURLField(
        "trang Facebook", max_length=300, blank=True, validators=[SOCIAL_URL]
    )
    zalo_url = WebURLField(
        "Zalo",
        max_length=300,
        blank=True,
        validators=[SOCIAL_URL],
        help_text="Ví dụ https://zalo.me/…",
    )
    youtube_url = WebURLField("kênh YouTube", max_length=300, blank=True, validators=[SOCIAL_URL])

    class Meta:
        verbose_name = "thông tin phường"
        verbose_name_plural = "thông tin phường"
        # The core's one right that is not about its own rows (mattran.roles.SEE_INTERNAL).
        permissions = [("view_internal_records", "Xem hồ sơ nội bộ (chỉ lãnh đạo)")]
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="ward_settings_singleton")]

    def __str__(self):
        return self.committee_name

    def save(self, *args, **kwargs):
        # The first save is current()'s get_or_create with the defaults pages already
        # showed: nothing cached is stale then.
        changed = not self._state.adding
        self.pk = 1
        self.primary_color = self.primary_color.lower()
        self.accent_color = self.accent_color.lower()
        # A new logo or banner is checked, re-encoded without EXIF and cut into renditions.
        self.logo_renditions = prepare_photo(self.logo, self.logo_renditions)
        self.banner_renditions = prepare_photo(self.banner, self.banner_renditions)
        super().save(*args, **kwargs)
        if changed:
            # The cached record, and header and footer in every cached page, are stale.
            page_cache.forget_cached_pages()

    def clean(self):
        errors = {}
        for field in ("primary_color", "accent_color"):
            value = getattr(self, field)
            if not value or not HEX_PATTERN.match(value):
                continue  # the field's own validator has said why
            ratio = contrast_with_white(value)
            if ratio < AA_NORMAL_TEXT:
                label = self._meta.get_field(field).verbose_name
                errors[field] = (
                    f"{label.capitalize()} {value} chỉ đạt độ tương phản {ratio_vi(ratio)} với "
                    f"chữ trắng; cần ít nhất {ratio_vi(AA_NORMAL_TEXT)} (chuẩn WCAG AA). "
                    "Hãy chọn màu đậm hơn."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def theme_css(self):
        """The colours as CSS custom properties for the page's <style>: only values that
        are hex colours get there (one saved past the form falls back to the default)."""
        colours = []
        for field, variable in (("primary_color", "--red"), ("accent_color", "--red-dark")):
            value = getattr(self, field)
            if not HEX_PATTERN.match(value or ""):
                value = self._meta.get_field(field).default
            colours.append(f"{variable}:{value.lower()}")
        return ":root{" + ";".join(colours) + "}"

    @property
    def logo_picture(self):
        return picture(self.logo_renditions, self.logo.storage, preferred_width=400)

    @property
    def banner_picture(self):
        return picture(self.banner_renditions, self.banner.storage, preferred_width=1200)

    @property
    def social_links(self):
        """(name, url) of the social pages the ward filled in, for the footer."""
        pairs = [
            ("Facebook", self.facebook_url),
            ("Zalo", self.zalo_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in pairs if url and SOCIAL_URL_PATTERN.match(url)]

    def delete(self, *args, **kwargs):
        raise ValidationError("Không thể xóa thông tin phường.")

    @classmethod
    def current(cls):
        """The ward's record, from the cache when it can be (it is on every page)."""
        key = page_cache.content_key(cls.CACHE_KEY)
        settings = cache.get(key)
        if settings is None:
            settings, _ = cls.objects.get_or_create(pk=1)
            cache.set(key, settings, page_cache.CONTENT_KEY_SECONDS)
        return settings


class ResidentialArea(models.Model):
    """Khu phố, khóm, ấp or tổ dân phố under the ward."""

    class Kind(models.TextChoices):
        KHU_PHO = "khu-pho", "Khu phố"
        KHOM = "khom", "Khóm"
        AP = "ap", "Ấp"
        TO_DAN_PHO = "to-dan-pho", "Tổ dân phố"
        KHU_DAN_CU = "khu-dan-cu", "Khu dân cư"

    name = models.CharField("tên", max_length=200, unique=True)
    slug = models.SlugField("đường dẫn", max_length=200, unique=True, blank=True)
    kind = models.CharField("loại", max_length=20, choices=Kind.choices, default=Kind.KHU_PHO)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    description = models.TextField("giới thiệu", blank=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "khu dân cư"
        verbose_name_plural = "khu dân cư"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name).strip()
        if not self.slug:
            self.slug = slugify_vi(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("areas:detail", args=[self.slug])


class Body(models.Model):
    """A body of the Front: the ward committee, its standing board, an area's board."""

    class Kind(models.TextChoices):
        COMMITTEE = "committee", "Ủy ban MTTQ phường"
        STANDING_BOARD = "standing", "Ban Thường trực"
        AREA_BOARD = "area", "Ban công tác Mặt trận"

    name = models.CharField("tên", max_length=300)
    slug = models.SlugField("đường dẫn", max_length=300, unique=True, blank=True)
    kind = models.CharField("loại", max_length=20, choices=Kind.choices)
    area = models.ForeignKey(
        ResidentialArea,
        verbose_name="khu dân cư",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "tổ chức"
        verbose_name_plural = "các tổ chức"
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="area", area__isnull=False) | ~Q(kind="area"),
                name="area_board_has_area",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify_vi(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        if self.kind == self.Kind.AREA_BOARD and not self.area_id:
            raise ValidationError({"area": "Ban công tác Mặt trận phải thuộc một khu dân cư."})


class TermQuerySet(models.QuerySet):
    def covering(self, day):
        return self.filter(start_year__lte=day.year, end_year__gte=day.year)


class Term(models.Model):
    """Nhiệm kỳ: 2024–2029 for the ward committee, 2024–2026 for a khu phố board."""

    start_year = models.PositiveSmallIntegerField("năm bắt đầu")
    end_year = models.PositiveSmallIntegerField("năm kết thúc")

    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["-start_year", "-end_year"]
        verbose_name = "nhiệm kỳ"
        verbose_name_plural = "nhiệm kỳ"
        constraints = [
            models.UniqueConstraint(fields=["start_year", "end_year"], name="unique_term_years"),
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")),
                name="term_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"Nhiệm kỳ {self.label}"

    @property
    def label(self):
        return f"{self.start_year}–{self.end_year}"

    def clean(self):
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": "Năm kết thúc phải sau hoặc bằng năm bắt đầu."})


class PersonQuerySet(models.QuerySet):
    def search(self, query):
        """Every word typed, with or without diacritics, in the name: "thuy lan" finds
        "Lê Thuý Lan" and "Lê Thúy Lan" alike."""
        return matching_every_word(self, query, field="search_name")


class Person(models.Model):
    """Somebody who holds a position or attends meetings, named as printed."""

    full_name = models.CharField("họ và tên", max_length=200)
    title = models.CharField("chức danh", max_length=500, blank=True)
    search_name = models.CharField(max_length=200, editable=False, db_index=True)
    # Given name first, Vietnamese letter order (mattran.lib.names): the database orders by it.
    sort_key = models.CharField(max_length=400, editable=False, db_index=True, default="")

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["sort_key", "pk"]
        verbose_name = "cá nhân"
        verbose_name_plural = "cá nhân"

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.full_name = " ".join(nfc(self.full_name).split())
        self.search_name = fold(self.full_name)
        self.sort_key = names.sort_key(self.full_name)
        super().save(*args, **kwargs)


class MembershipQuerySet(models.QuerySet):
    def current(self, day):
        """Positions held on `day`: the term covers it and the dates, where given, too."""
        return self.filter(term__start_year__lte=day.year, term__end_year__gte=day.year).filter(
            Q(started_on__isnull=True) | Q(started_on__lte=day),
            Q(ended_on__isnull=True) | Q(ended_on__gte=day),
        )

    def overlapping(self, started_on, ended_on):
        """Memberships whose dates meet [started_on, ended_on]; a missing date is open."""
        condition = Q()
        if ended_on:
            condition &= Q(started_on__isnull=True) | Q(started_on__lte=ended_on)
        if started_on:
            condition &= Q(ended_on__isnull=True) | Q(ended_on__gte=started_on)
        return self.filter(condition)


class Membership(models.Model):
    """A person's position in a body for a term."""

    class Position(models.TextChoices):
        CHAIR = "chu-tich", "Chủ tịch"
        VICE_CHAIR = "pho-chu-tich", "Phó Chủ tịch"
        STANDING_MEMBER = "uy-vien-thuong-truc", "Ủy viên Thường trực"
        MEMBER = "uy-vien", "Ủy viên"
        HEAD = "truong-ban", "Trưởng ban"
        DEPUTY_HEAD = "pho-truong-ban", "Phó Trưởng ban"
        BOARD_MEMBER = "thanh-vien", "Thành viên"

    person = models.ForeignKey(
        Person,
        verbose_name="cá nhân",
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    body = models.ForeignKey(
        Body,
        verbose_name="tổ chức",
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    term = models.ForeignKey(
        Term,
        verbose_name="nhiệm kỳ",
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    position = models.CharField("chức vụ", max_length=30, choices=Position.choices)
    started_on = models.DateField("từ ngày", null=True, blank=True)
    ended_on = models.DateField("đến ngày", null=True, blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["body", "order", "pk"]
        verbose_name = "chức vụ"
        verbose_name_plural = "chức vụ"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "body", "term", "position"],
                name="unique_membership",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(started_on__isnull=True)
                | Q(ended_on__gte=models.F("started_on")),
                name="membership_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_position_display()}, {self.body}"

    # Positions one person holds at a time in a body; others (Ủy viên, Phó Chủ tịch) have many.
    SINGLE_SEATS = {Position.CHAIR, Position.HEAD}
    # Rank on rosters: the order a body's members are printed in.
    RANK = [
        Position.CHAIR,
        Position.HEAD,
        Position.VICE_CHAIR,
        Position.DEPUTY_HEAD,
        Position.STANDING_MEMBER,
        Position.MEMBER,
        Position.BOARD_MEMBER,
    ]

    @property
    def rank(self):
        return self.RANK.index(self.position)

    def clean(self):
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": "Ngày kết thúc phải sau ngày bắt đầu."})
        if not (self.body_id and self.term_id and self.position):
            return
        clash = self._overlapping_seat()
        if clash is not None:
            raise ValidationError(
                f"Chức vụ {self.get_position_display()} của {self.body}, nhiệm kỳ "
                f"{clash.term.label} đã do {clash.person} đảm nhiệm trong cùng thời gian "
                f"({clash.period_label}). Hãy ghi ngày kết thúc cho người trước hoặc "
                "chọn chức vụ khác."
            )

    def _overlapping_seat(self):
        others = Membership.objects.exclude(pk=self.pk).filter(
            body_id=self.body_id, term_id=self.term_id, position=self.position
        )
        if self.position not in self.SINGLE_SEATS:
            # A shared position still cannot be held twice by the same person at once.
            others = others.filter(person_id=self.person_id)
        return (
            others.overlapping(self.started_on, self.ended_on)
            .select_related("person", "term")
            .first()
        )

    @property
    def period_label(self):
        start = f"{self.started_on:%d/%m/%Y}" if self.started_on else "đầu nhiệm kỳ"
        end = f"{self.ended_on:%d/%m/%Y}" if self.ended_on else "cuối nhiệm kỳ"
        return f"từ {start} đến {end}"


from mattran.notices import NoticePreference  # noqa: E402, F401  (who gets e-mail notices)
from mattran.staff_areas import StaffAreas  # noqa: E402, F401  (area-scoped staff accounts)
