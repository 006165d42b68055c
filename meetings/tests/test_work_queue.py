"""The leaders' and secretaries' "Việc cần làm" on the admin home, and the daily digest
of overdue targets (`manage.py send_overdue_digest`)."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from mattran import roles
from mattran.notices import NoticePreference
from mattran.tests.accounts import make_user
from mattran.visibility import Visibility
from meetings.models import Attachment, Resolution, ResolutionTarget
from meetings.tests.factories import make_attachment, make_meeting

pytestmark = pytest.mark.django_db

HOME = "/quan-tri/"
DONE = ResolutionTarget.Status.DONE


@pytest.fixture
def staff_leader(db, django_user_model):
    return make_user(
        django_user_model, "lanhdao-bt", roles.LEADERS, is_staff=True, email="ld@example.vn"
    )


@pytest.fixture
def targets(body, term):
    today = timezone.localdate()
    meeting = make_meeting(body, "Hội nghị sơ kết quý III", timezone.now())
    resolution = Resolution.objects.create(meeting=meeting, title="Nghị quyết quý IV")
    make = lambda text, days, **kw: ResolutionTarget.objects.create(  # noqa: E731
        resolution=resolution, text=text, deadline=today + datetime.timedelta(days), **kw
    )
    return {
        "late": make("Xây 2 căn nhà đại đoàn kết", -10),
        "later": make("Vận động 20 triệu đồng", -2),
        "done": make("Thăm hỏi hộ nghèo", -30, status=DONE),
        "future": make("Tổ chức ngày hội", 5),
    }


def test_leader_sees_overdue_targets_oldest_deadline_first(client, staff_leader, targets):
    client.force_login(staff_leader)
    page = client.get(HOME).content.decode()
    assert "Chỉ tiêu nghị quyết quá hạn" in page
    assert page.index("Xây 2 căn nhà") < page.index("Vận động 20 triệu")
    assert "quá hạn 10 ngày" in page
    assert "Thăm hỏi hộ nghèo" not in page
    assert "Tổ chức ngày hội" not in page
    assert 'Chỉ tiêu nghị quyết quá hạn <span class="work-queue-count">(2)</span>' in page


def test_editor_sees_no_targets(client, editor, targets):
    client.force_login(editor)
    assert "Chỉ tiêu nghị quyết quá hạn" not in client.get(HOME).content.decode()


def test_secretary_sees_held_meetings_without_minutes(client, secretary, body):
    now = timezone.now()
    waiting = make_meeting(body, "Hội nghị tổng kết khu 5", now - datetime.timedelta(days=3))
    recorded = make_meeting(body, "Hội nghị đã có biên bản", now - datetime.timedelta(days=4))
    make_attachment(recorded, kind=Attachment.Kind.MINUTES)
    make_meeting(body, "Hội nghị tuần sau", now + datetime.timedelta(days=7))
    make_meeting(
        body, "Hội nghị nội bộ", now - datetime.timedelta(days=1), visibility=Visibility.LEADERS
    )
    client.force_login(secretary)
    page = client.get(HOME).content.decode()
    assert 'Hội nghị chưa có biên bản <span class="work-queue-count">(2)</span>' in page
    assert "Hội nghị (2 chưa có biên bản)" in page
    assert waiting.title in page
    assert "Hội nghị nội bộ" in page  # the secretary records leaders-only meetings too
    assert recorded.title not in page
    assert "Hội nghị tuần sau" not in page


def test_digest_mails_each_leader_the_overdue_targets(staff_leader, targets, secretary):
    secretary.email = "tk@example.vn"
    secretary.save()
    call_command("send_overdue_digest", stdout=io.StringIO())
    assert sorted(m.to[0] for m in mail.outbox) == ["ld@example.vn", "tk@example.vn"]
    body = mail.outbox[0].body
    assert mail.outbox[0].subject == "2 chỉ tiêu nghị quyết quá hạn"
    assert body.index("Xây 2 căn nhà") < body.index("Vận động 20 triệu")
    assert "Thăm hỏi hộ nghèo" not in body


def test_digest_respects_the_opt_out_and_sends_nothing_when_none_is_late(
    staff_leader, targets, editor
):
    editor.email = "bt@example.vn"
    editor.save()  # not a leader: never in the digest
    NoticePreference.objects.create(user=staff_leader, by_email=False)
    call_command("send_overdue_digest", stdout=io.StringIO())
    assert mail.outbox == []
    NoticePreference.objects.filter(user=staff_leader).update(by_email=True)
    ResolutionTarget.objects.update(status=DONE)
    call_command("send_overdue_digest", stdout=io.StringIO())
    assert mail.outbox == []
