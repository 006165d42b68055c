"""Meeting test data: one builder style, plain ORM calls, shared by every meetings test."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile

from conftest import make_user
from mattran import demo as mattran_demo
from mattran.models import Body, Person, Term
from meetings import demo as meetings_demo
from meetings.models import Attachment, Attendance, Meeting, Visibility

WARD_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _private_media_in_tmp(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


@pytest.fixture
def staff_outside_leaders(db, django_user_model):
    """A ward staff member (editor) who is not in the "Lãnh đạo" group."""
    from mattran import roles

    return make_user(django_user_model, "canbo", roles.EDITORS, is_staff=True)


@pytest.fixture
def body(db):
    return Body.objects.create(name="Ủy ban MTTQ Việt Nam phường An Hòa", kind=Body.Kind.COMMITTEE)


@pytest.fixture
def term(db):
    return Term.objects.create(start_year=2024, end_year=2029)


def at(year, month, day, hour=8, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=WARD_TZ)


def make_meeting(body, title, starts_at, **extra):
    return Meeting.objects.create(body=body, title=title, starts_at=starts_at, **extra)


def make_attachment(meeting, title="Biên bản", visibility=Visibility.PUBLIC, **extra):
    paper = Attachment(meeting=meeting, title=title, visibility=visibility, **extra)
    paper.file.save("x.pdf", ContentFile(PDF_BYTES), save=False)
    paper.save()
    return paper


@pytest.fixture
def public_meeting(body, term):
    meeting = make_meeting(
        body,
        "Hội nghị Ủy ban MTTQ phường lần thứ II",
        at(2024, 7, 8),
        term=term,
        place="Hội trường Ủy ban nhân dân phường",
    )
    Attendance.objects.create(
        meeting=meeting,
        person=Person.objects.create(full_name="Huỳnh Thanh Vinh"),
        title_as_printed="Bí thư Đảng ủy, Chủ tịch UBND Phường 2",
        role=Attendance.Role.DIRECTING,
    )
    return meeting


@pytest.fixture
def internal_meeting(body, term):
    return make_meeting(
        body,
        "Họp Ban Thường trực bàn nhân sự",
        at(2024, 9, 10),
        term=term,
        summary="Biên bản nội bộ về nhân sự",
        visibility=Visibility.LEADERS,
    )


@pytest.fixture
def demo(db):
    """The demo data made from the seed articles, as `manage.py load_demo` loads it."""
    out = io.StringIO()
    mattran_demo.load(out)
    meetings_demo.load(out)
    return out.getvalue()
