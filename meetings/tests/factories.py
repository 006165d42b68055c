"""Meeting test data: one builder style, plain ORM calls, shared by every meetings test."""

import datetime
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile

from meetings.models import Attachment, Meeting, Visibility

WARD_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def at(year, month, day, hour=8, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=WARD_TZ)


def make_meeting(body, title, starts_at, **extra):
    return Meeting.objects.create(body=body, title=title, starts_at=starts_at, **extra)


def make_attachment(meeting, title="Biên bản", visibility=Visibility.PUBLIC, **extra):
    paper = Attachment(meeting=meeting, title=title, visibility=visibility, **extra)
    paper.file.save("x.pdf", ContentFile(PDF_BYTES), save=False)
    paper.save()
    return paper
