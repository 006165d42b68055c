import datetime

from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone

from mattran.lib.text import nfc
from meetings.models.meeting import Meeting, Visibility


class Resolution(models.Model):
    """Nghị quyết: what a meeting decided, made of targets (chỉ tiêu)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name="hội nghị", on_delete=models.CASCADE, related_name="resolutions"
    )
    title = models.CharField("tên nghị quyết", max_length=500)
    number = models.CharField("số hiệu", max_length=50, blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "nghị quyết"
        verbose_name_plural = "nghị quyết"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title = nfc(self.title).strip()
        super().save(*args, **kwargs)


class TargetQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=ResolutionTarget.Status.DONE)

    def visible_to(self, user):
        return self.filter(resolution__meeting__in=Meeting.objects.visible_to(user))

    def overdue_first(self, today=None):
        """Overdue ones first (oldest deadline on top), then by deadline, undated last."""
        today = today or timezone.localdate()
        return self.annotate(
            urgency=Case(
                When(deadline__lt=today, then=Value(0)),
                When(deadline__isnull=False, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        ).order_by("urgency", "deadline", "pk")

    def public(self):
        return self.filter(resolution__meeting__visibility=Visibility.PUBLIC)


class ResolutionTarget(models.Model):
    """Chỉ tiêu: one target of a resolution, followed until it is done."""

    class Status(models.TextChoices):
        NOT_STARTED = "chua-thuc-hien", "Chưa thực hiện"
        IN_PROGRESS = "dang-thuc-hien", "Đang thực hiện"
        DONE = "hoan-thanh", "Đã hoàn thành"

    resolution = models.ForeignKey(
        Resolution, verbose_name="nghị quyết", on_delete=models.CASCADE, related_name="targets"
    )
    text = models.CharField("chỉ tiêu", max_length=500)
    number = models.DecimalField("số lượng", max_digits=14, decimal_places=2, null=True, blank=True)
    unit = models.CharField("đơn vị", max_length=50, blank=True, help_text="căn, đồng, cuộc, %…")
    deadline = models.DateField("thời hạn", null=True, blank=True, help_text="Ví dụ: 31/12/2024")
    status = models.CharField(
        "tình trạng", max_length=20, choices=Status.choices, default=Status.IN_PROGRESS
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    objects = TargetQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"
        indexes = [models.Index(fields=["status", "deadline"], name="target_open_deadline")]
        constraints = [
            models.CheckConstraint(
                condition=Q(number__isnull=True) | Q(number__gte=0),
                name="target_number_positive",
                violation_error_message="Số lượng của chỉ tiêu không được âm.",
            )
        ]

    def __str__(self):
        return self.text

    def save(self, *args, **kwargs):
        self.text = nfc(self.text).strip()
        super().save(*args, **kwargs)

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return (
            self.status != self.Status.DONE
            and isinstance(self.deadline, datetime.date)
            and self.deadline < today
        )
