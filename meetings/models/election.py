from django.core.exceptions import ValidationError
from django.db import models

from mattran.models import Body, Membership, Person, Term
from meetings.models.meeting import Meeting


class Election(models.Model):
    """Hiệp thương cử or bầu cử at a meeting, filling a body's seats for a term.

    Confirming it (meetings.services.confirm_election) turns its elected members into
    memberships of that body and term."""

    class Method(models.TextChoices):
        CONSULTATIVE = "hiep-thuong-cu", "Hiệp thương cử"
        BALLOT = "bau-cu", "Bầu cử"

    meeting = models.ForeignKey(
        Meeting, verbose_name="hội nghị", on_delete=models.CASCADE, related_name="elections"
    )
    method = models.CharField(
        "hình thức", max_length=20, choices=Method.choices, default=Method.CONSULTATIVE
    )
    body = models.ForeignKey(
        Body, verbose_name="tổ chức được kiện toàn", on_delete=models.PROTECT, related_name="+"
    )
    term = models.ForeignKey(
        Term, verbose_name="nhiệm kỳ", on_delete=models.PROTECT, related_name="+"
    )
    seats = models.PositiveSmallIntegerField(
        "số thành viên",
        help_text="Số vị được cử hoặc bầu; danh sách dưới đây không vượt quá số này.",
    )
    confirmed_at = models.DateTimeField("xác nhận lúc", null=True, blank=True, editable=False)

    class Meta:
        ordering = ["meeting", "pk"]
        verbose_name = "kết quả bầu / hiệp thương"
        verbose_name_plural = "kết quả bầu / hiệp thương"

    def __str__(self):
        return f"{self.get_method_display()} {self.body}, nhiệm kỳ {self.term.label}"

    def clean(self):
        if self.pk and self.seats is not None:
            self.check_seats(self.members.count())

    def check_seats(self, member_count):
        if self.seats is not None and member_count > self.seats:
            raise ValidationError(
                f"Danh sách có {member_count} người nhưng chỉ có {self.seats} "
                f"thành viên được {self.get_method_display().lower()}. "
                "Hãy bớt người hoặc sửa số thành viên."
            )


class ElectedMember(models.Model):
    election = models.ForeignKey(
        Election, verbose_name="kết quả", on_delete=models.CASCADE, related_name="members"
    )
    person = models.ForeignKey(
        Person, verbose_name="cá nhân", on_delete=models.PROTECT, related_name="elected_in"
    )
    position = models.CharField(
        "chức vụ",
        max_length=30,
        choices=Membership.Position.choices,
        default=Membership.Position.BOARD_MEMBER,
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "người trúng cử"
        verbose_name_plural = "người trúng cử"
        constraints = [
            models.UniqueConstraint(fields=["election", "person"], name="elected_once"),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_position_display()}"

    @property
    def rank(self):
        return Membership.RANK.index(self.position)
