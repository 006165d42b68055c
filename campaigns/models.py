"""Campaigns and movements, what they count, the targets set for them and the results.

One `Entry` is one figure as reported: "cất mới 10 căn nhà … tổng trị giá 438.000.000 đ"
is a single entry with a quantity and a money value. Totals are always asked of the
database through `EntryQuerySet`, never summed over rows in Python.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import TruncMonth, TruncYear
from django.db.models.lookups import IsNull

from mattran.lib.paths import slug_url
from mattran.lib.text import format_money_vi, format_number_vi, nfc, slugify_vi
from mattran.lib.versioned import Versioned
from mattran.models import Body, ResidentialArea


class CampaignQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("body").prefetch_related("indicators")


class Campaign(models.Model):
    """Cuộc vận động or phong trào, run by one body of the Front."""

    class Kind(models.TextChoices):
        CAMPAIGN = "cuoc-van-dong", "Cuộc vận động"
        MOVEMENT = "phong-trao", "Phong trào"
        FUND = "quy", "Quỹ"

    kind = models.CharField("loại", max_length=20, choices=Kind.choices, default=Kind.CAMPAIGN)
    name = models.CharField("tên", max_length=300, unique=True)
    slug = models.SlugField("đường dẫn", max_length=200, unique=True, blank=True)
    description = models.TextField("giới thiệu", blank=True)
    start = models.DateField("bắt đầu", null=True, blank=True)
    end = models.DateField("kết thúc", null=True, blank=True)
    body = models.ForeignKey(
        Body,
        verbose_name="đơn vị chủ trì",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="campaigns",
    )
    articles = models.ManyToManyField(
        "news.Article", verbose_name="tin bài liên quan", blank=True, related_name="campaigns"
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "cuộc vận động"
        verbose_name_plural = "cuộc vận động, phong trào"
        permissions = [("export_campaign", "Được xuất danh sách cuộc vận động ra tệp")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=F("start")),
                name="campaign_ends_after_start",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name).strip()
        if not self.slug:
            self.slug = slugify_vi(self.name)[:200]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("campaigns:detail", self.slug)

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "Ngày kết thúc phải sau ngày bắt đầu."})


class Indicator(models.Model):
    """What a campaign counts: houses, dong, kilograms of rice, gifts, sessions, people."""

    class Unit(models.TextChoices):
        HOUSE = "can-nha", "căn nhà"
        DONG = "dong", "đồng"
        KG = "kg", "kg"
        GIFT = "phan-qua", "phần quà"
        SESSION = "cuoc", "cuộc"
        VISIT = "luot-nguoi", "lượt người"
        PERSON = "nguoi", "người"
        OPINION = "luot-y-kien", "lượt ý kiến"

    class Kind(models.TextChoices):
        COUNT = "count", "Số lượng"
        MONEY = "money", "Số tiền"
        WEIGHT = "weight", "Khối lượng"

    campaign = models.ForeignKey(
        Campaign, verbose_name="cuộc vận động", on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField("tên chỉ tiêu", max_length=300)
    unit = models.CharField("đơn vị tính", max_length=20, choices=Unit.choices)
    kind = models.CharField("loại số liệu", max_length=10, choices=Kind.choices)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ["campaign", "order", "pk"]
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"
        permissions = [("export_indicator", "Được xuất danh sách chỉ tiêu ra tệp")]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "name"], name="unique_indicator_name"),
            models.CheckConstraint(
                condition=Q(kind="money", unit="dong") | (~Q(kind="money") & ~Q(unit="dong")),
                name="money_indicator_counts_dong",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_unit_display()})"

    def save(self, *args, **kwargs):
        self.name = nfc(self.name).strip()
        super().save(*args, **kwargs)

    def clean(self):
        if (self.kind == self.Kind.MONEY) != (self.unit == self.Unit.DONG):
            raise ValidationError(
                {"unit": "Chỉ tiêu loại “Số tiền” tính bằng đồng, và chỉ loại đó tính bằng đồng."}
            )

    @property
    def is_money(self):
        return self.kind == self.Kind.MONEY

    @property
    def measure(self):
        """The entry field that is this indicator's result: money or quantity."""
        return "money" if self.is_money else "quantity"


class TargetQuerySet(models.QuerySet):
    def ward_wide(self):
        return self.filter(area__isnull=True)

    def with_results(self):
        """Each target with its recorded quantity and money: inside its period, and in
        its residential area (a ward-wide target counts every entry)."""

        def summed(field):
            entries = (
                Entry.objects.filter(
                    Q(IsNull(OuterRef("area"), True)) | Q(area=OuterRef("area")),
                    indicator=OuterRef("indicator"),
                    date__gte=OuterRef("period_start"),
                    date__lte=OuterRef("period_end"),
                )
                .order_by()
                .values("indicator")
                .annotate(total=Sum(field))
                .values("total")
            )
            return Subquery(entries[:1], output_field=Entry._meta.get_field(field))

        return self.annotate(result_quantity=summed("quantity"), result_money=summed("money"))


class Target(models.Model):
    """Chỉ tiêu: the value an indicator should reach in a period, ward-wide or in one area."""

    indicator = models.ForeignKey(
        Indicator, verbose_name="chỉ tiêu", on_delete=models.CASCADE, related_name="targets"
    )
    period_start = models.DateField("từ ngày")
    period_end = models.DateField("đến ngày")
    area = models.ForeignKey(
        ResidentialArea,
        verbose_name="khu dân cư",
        help_text="Để trống: chỉ tiêu của toàn phường.",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="campaign_targets",
    )
    value = models.DecimalField("mức chỉ tiêu", max_digits=18, decimal_places=2)
    note = models.CharField("ghi chú", max_length=300, blank=True)
    resolution_target = models.ForeignKey(
        "meetings.ResolutionTarget",
        verbose_name="chỉ tiêu nghị quyết",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="campaign_targets",
        help_text="Chỉ tiêu trong nghị quyết mà mức này thực hiện, nếu có.",
    )

    objects = TargetQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "-period_start", "area"]
        verbose_name = "mức chỉ tiêu"
        verbose_name_plural = "mức chỉ tiêu"
        permissions = [("export_target", "Được xuất mức chỉ tiêu ra tệp")]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="target_period_in_order"
            ),
            models.CheckConstraint(condition=Q(value__gt=0), name="target_value_positive"),
            models.UniqueConstraint(
                fields=["indicator", "area", "period_start", "period_end"],
                name="unique_target_period_area",
            ),
        ]

    def __str__(self):
        return f"{self.indicator.name}: {self.period_label}"

    @classmethod
    def for_year(cls, year, **fields):
        return cls(
            period_start=datetime.date(year, 1, 1), period_end=datetime.date(year, 12, 31), **fields
        )

    @property
    def period_label(self):
        start, end = self.period_start, self.period_end
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            return f"năm {start.year}" if start.year == end.year else f"{start.year}–{end.year}"
        return f"{start:%d/%m/%Y} – {end:%d/%m/%Y}"

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": "Ngày kết thúc phải sau ngày bắt đầu."})
        whole_only = self.indicator_id and self.indicator.kind != Indicator.Kind.WEIGHT
        if whole_only and self.value is not None and self.value % 1:
            raise ValidationError({"value": "Chỉ tiêu này phải là số nguyên."})


class EntryQuerySet(models.QuerySet):
    def in_year(self, year):
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        return self.filter(date__gte=first, date__lte=last)

    def of_campaign(self, campaign):
        return self.filter(indicator__campaign=campaign)

    def totals(self):
        """One row of sums for the whole queryset."""
        return self.aggregate(**_SUMS)

    def totals_by(self, *fields, **expressions):
        """Sums grouped in the database by fields (and computed groups such as a month)."""
        grouped = self.order_by()
        if expressions:
            grouped = grouped.annotate(**expressions)
        names = [*fields, *expressions]
        return grouped.values(*names).annotate(**_SUMS).order_by(*names)

    def by_indicator(self):
        return self.totals_by("indicator")

    def by_area(self):
        return self.totals_by("indicator", "area")

    def by_year(self):
        return self.totals_by("indicator", period=TruncYear("date"))

    def by_month(self):
        return self.totals_by("indicator", period=TruncMonth("date"))


_SUMS = {
    "quantity": Sum("quantity"),
    "money": Sum("money"),
    "participants": Sum("participants"),
    "entries": Count("pk"),
    "doubtful_entries": Count("pk", filter=Q(doubtful=True)),
}


class Entry(Versioned):
    """Kết quả đạt được: one figure reported for a day or a period, an area or the ward."""

    indicator = models.ForeignKey(
        Indicator, verbose_name="chỉ tiêu", on_delete=models.PROTECT, related_name="entries"
    )
    date = models.DateField(
        "ngày", help_text="Ngày ghi nhận; với số liệu của một kỳ, ghi ngày cuối kỳ."
    )
    period_start = models.DateField(
        "từ ngày", null=True, blank=True, help_text="Chỉ điền khi số liệu là tổng của một kỳ."
    )
    period_label = models.CharField(
        "tên kỳ", max_length=100, blank=True, help_text="Ví dụ: 6 tháng đầu năm 2024."
    )
    area = models.ForeignKey(
        ResidentialArea,
        verbose_name="khu dân cư",
        help_text="Để trống: số liệu chung của toàn phường.",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="campaign_entries",
    )
    quantity = models.DecimalField(
        "số lượng", max_digits=14, decimal_places=2, null=True, blank=True
    )
    money = models.BigIntegerField(
        "số tiền (đồng)", null=True, blank=True, help_text="Số nguyên, tính bằng đồng."
    )
    participants = models.PositiveIntegerField("lượt người tham gia", null=True, blank=True)
    as_printed = models.CharField(
        "số liệu như bản gốc", max_length=200, blank=True, help_text="Ví dụ: “1.151.800đ”."
    )
    source = models.CharField("nguồn", max_length=300, blank=True)
    doubtful = models.BooleanField("số liệu cần xác minh", default=False)
    doubt_note = models.TextField("lý do nghi vấn", blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nhập",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField("ngày nhập", auto_now_add=True)
    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "kết quả"
        verbose_name_plural = "kết quả đạt được"
        # Exporting from the admin is a right of its own (settings: the export permission
        # code), held by the data roles only (mattran/roles.py).
        permissions = [("export_entry", "Được xuất kết quả đạt được ra tệp")]
        indexes = [
            models.Index(fields=["indicator", "date"], name="entry_indicator_date"),
            models.Index(fields=["indicator", "area"], name="entry_indicator_area"),
            models.Index(fields=["date"], name="entry_date"),
            # Few entries are doubtful; every campaign page lists them.
            models.Index(
                fields=["indicator", "date"], condition=Q(doubtful=True), name="entry_doubtful"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__isnull=False) | Q(money__isnull=False),
                name="entry_has_a_figure",
            ),
            models.CheckConstraint(
                condition=Q(quantity__isnull=True) | Q(quantity__gte=0),
                name="entry_quantity_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(money__isnull=True) | Q(money__gte=0), name="entry_money_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True) | Q(period_start__lte=F("date")),
                name="entry_period_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.indicator.name} – {self.date:%d/%m/%Y}"

    def clean(self):
        errors = {}
        if self.quantity is None and self.money is None:
            errors["quantity"] = "Cần ghi số lượng hoặc số tiền (hoặc cả hai)."
        if self.period_start and self.date and self.period_start > self.date:
            errors["period_start"] = "Ngày bắt đầu kỳ phải trước ngày ghi nhận."
        whole_only = self.indicator_id and self.indicator.kind != Indicator.Kind.WEIGHT
        if whole_only and self.quantity is not None and self.quantity % 1:
            errors["quantity"] = "Số lượng của chỉ tiêu này phải là số nguyên."
        if self.indicator_id and self.indicator.is_money and self.money is None:
            errors["money"] = "Chỉ tiêu tính bằng đồng cần ghi số tiền."
        if self.doubtful and not self.doubt_note.strip():
            errors["doubt_note"] = "Hãy ghi lý do số liệu cần xác minh."
        if errors:
            raise ValidationError(errors)

    @property
    def value(self):
        """The figure this entry adds to its indicator's result."""
        return getattr(self, self.indicator.measure)

    @property
    def period_text(self):
        return self.period_label or f"{self.date:%d/%m/%Y}"

    @property
    def printed(self):
        """The figure as the source printed it, else as we format it."""
        if self.as_printed:
            return self.as_printed
        if self.indicator.is_money:
            return format_money_vi(self.money)
        return format_number_vi(self.quantity)
