from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from mattran.lib import names
from mattran.lib.text import nfc
from mattran.models import Person
from meetings.models.meeting import Meeting


class Attendance(models.Model):
    """One person at a meeting, with the title printed beside the name that day."""

    class Role(models.IntegerChoices):
        # The order a report prints them in.
        CHAIR = 1, "Chủ trì"
        REPORT = 2, "Báo cáo"
        DIRECTING = 3, "Phát biểu chỉ đạo"
        DELEGATE = 4, "Đại biểu"
        GUEST = 5, "Khách mời"

    meeting = models.ForeignKey(
        Meeting, verbose_name="hội nghị", on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.ForeignKey(
        Person,
        verbose_name="cá nhân",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
        help_text="Chọn người đã có, hoặc bấm «+» để thêm người mới.",
    )
    guest_name = models.CharField(
        "hoặc tên khách",
        max_length=200,
        blank=True,
        help_text="Khi không cần lưu thành cá nhân: ghi tên như khi in.",
    )
    title_as_printed = models.CharField(
        "chức danh (như khi in)",
        max_length=500,
        blank=True,
        help_text="Ví dụ: «Ủy viên Ban Thường vụ Thành ủy, Chủ tịch Ủy ban MTTQ thành phố».",
    )
    role = models.PositiveSmallIntegerField("vai trò", choices=Role.choices, default=Role.DELEGATE)
    role_note = models.CharField(
        "ghi chú vai trò",
        max_length=200,
        blank=True,
        help_text="Ví dụ: «phát biểu tiếp thu», «quán triệt Kết luận số 01-KL/TW».",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    sort_key = models.CharField(max_length=400, editable=False, default="")

    class Meta:
        # Within a role, the order as printed (by rank), then the Vietnamese name order.
        ordering = ["role", "order", "sort_key", "pk"]
        verbose_name = "người tham dự"
        verbose_name_plural = "người tham dự"
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(guest_name=""),
                name="attendance_names_someone",
                violation_error_message="Hãy chọn một cá nhân hoặc ghi tên khách.",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.guest_name = " ".join(nfc(self.guest_name).split())
        self.title_as_printed = nfc(self.title_as_printed).strip()
        self.sort_key = names.sort_key(self.person.full_name if self.person_id else self.guest_name)
        super().save(*args, **kwargs)

    @property
    def name(self):
        return self.person.full_name if self.person_id else self.guest_name

    def clean(self):
        # "Neither a person nor a guest" is the constraint's own Vietnamese message.
        if self.person_id and self.guest_name.strip():
            raise ValidationError(
                {"guest_name": "Đã chọn cá nhân thì để trống tên khách (chỉ ghi một trong hai)."}
            )


class AttendingGroup(models.Model):
    """Those present as a group: "thành viên ban Công tác Mặt trận 3 khu dân cư"."""

    meeting = models.ForeignKey(
        Meeting, verbose_name="hội nghị", on_delete=models.CASCADE, related_name="attending_groups"
    )
    description = models.CharField("thành phần (như khi in)", max_length=500)
    headcount = models.PositiveIntegerField("số người", null=True, blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "thành phần tham dự"
        verbose_name_plural = "thành phần tham dự"

    def __str__(self):
        return self.description
