import uuid

from django.db import models
from django.urls import reverse

from mattran import roles
from mattran.lib import files
from mattran.lib.files import PDF, FileCheck
from meetings.models.meeting import Meeting, Visibility

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

# A PDF by its content, not by its name, and not too large (the check is shared with
# the core's documents; the migrations name these two by this module's path).
validate_pdf = FileCheck([PDF], MAX_ATTACHMENT_BYTES)
private_storage = files.private_storage


def attachment_path(instance, filename):
    # A random name: the name a staff member's file had tells nothing and may leak.
    return f"meetings/{uuid.uuid4().hex}.pdf"


class AttachmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An attachment is seen only where its meeting is, and a leaders-only one
        only by leaders."""
        if roles.is_leader(user):
            return self
        return self.filter(visibility=Visibility.PUBLIC, meeting__visibility=Visibility.PUBLIC)

    def internal_minutes(self):
        return self.filter(kind=Attachment.Kind.MINUTES).filter(
            models.Q(visibility=Visibility.LEADERS)
            | models.Q(meeting__visibility=Visibility.LEADERS)
        )


class Attachment(models.Model):
    class Kind(models.TextChoices):
        AGENDA = "chuong-trinh", "Chương trình"
        MINUTES = "bien-ban", "Biên bản"
        REPORT = "bao-cao", "Báo cáo"
        RESOLUTION = "nghi-quyet", "Nghị quyết"
        OTHER = "khac", "Tài liệu khác"

    meeting = models.ForeignKey(
        Meeting, verbose_name="hội nghị", on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField("loại", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField("tên tài liệu", max_length=300)
    file = models.FileField(
        "tệp PDF",
        upload_to=attachment_path,
        storage=private_storage,
        validators=[validate_pdf],
        max_length=200,
        help_text="Chỉ nhận PDF, tối đa 10 MB.",
    )
    size = models.PositiveIntegerField("dung lượng (byte)", default=0, editable=False)
    visibility = models.CharField(
        "hiển thị", max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "tài liệu"
        verbose_name_plural = "tài liệu"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:attachment", kwargs={"slug": self.meeting.slug, "pk": self.pk})

    @property
    def is_internal(self):
        return (
            self.visibility == Visibility.LEADERS or self.meeting.visibility == Visibility.LEADERS
        )
