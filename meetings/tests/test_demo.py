import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from mattran.models import Membership, Person
from meetings.models import Attachment, Attendance, Election, Meeting, ResolutionTarget

pytestmark = pytest.mark.django_db


def _snapshot():
    return {
        "meetings": Meeting.objects.count(),
        "attendances": Attendance.objects.count(),
        "people": Person.objects.count(),
        "targets": ResolutionTarget.objects.count(),
        "memberships": Membership.objects.count(),
        "papers": Attachment.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_load_demo_twice_gives_the_same_data(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    first = _snapshot()

    call_command("load_demo", stdout=io.StringIO())

    assert _snapshot() == first
    assert first["meetings"] == 6
    assert first["papers"] == 1


def test_demo_holds_the_five_seed_meetings_and_one_for_leaders_only(demo):
    public = Meeting.objects.public()
    assert public.count() == 5
    assert sorted(f"{m.local_start:%Y-%m-%d}" for m in public) == [
        "2020-01-13",
        "2022-06-17",
        "2024-01-18",
        "2024-05-17",
        "2024-07-08",
    ]
    internal = Meeting.objects.get(visibility="leaders")
    minutes = internal.attachments.get()
    assert minutes.kind == Attachment.Kind.MINUTES
    with minutes.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_demo_election_is_confirmed_into_a_membership(demo):
    election = Election.objects.get()
    assert election.seats == 8 and election.confirmed_at is not None
    head = Membership.objects.get(body=election.body, term=election.term)
    assert head.person.full_name == "Lê Thuý Lan"
    assert head.position == Membership.Position.HEAD


def test_demo_accounts_are_created_and_printed_only_with_debug(settings):
    settings.DEBUG = False
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert not get_user_model().objects.exists()
    assert "mật khẩu" not in out.getvalue()

    settings.DEBUG = True
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    users = get_user_model().objects.order_by("username")
    assert [u.username for u in users] == [
        "bientap",
        "duyettin",
        "khupho1",
        "lanhdao",
        "nhapsolieu",
        "quantri",
        "thuky",
    ]
    assert users.get(username="thuky").groups.filter(name="Thư ký").exists()
    assert users.get(username="nhapsolieu").groups.filter(name="Nhập số liệu").exists()
    area_staff = users.get(username="khupho1")
    assert list(area_staff.staff_areas.areas.values_list("name", flat=True)) == ["Khu phố 1"]
    assert users.get(username="lanhdao").groups.filter(name="Lãnh đạo").exists()
    assert users.get(username="quantri").is_superuser
    assert "lanhdao" in out.getvalue() and "mattran-demo-2024" in out.getvalue()


def test_demo_links_each_meeting_to_the_article_the_news_demo_made(db):
    from mattran import demo as mattran_demo
    from mattran.lib.text import slugify_vi
    from meetings import demo as meetings_demo
    from news.models import Article, Category

    title = "Khu phố 1: Hội nghị Công tác Mặt trận khu phố nhiệm kỳ 2024- 2026 thành công tốt đẹp."
    article = Article.objects.create(
        title=title,
        slug=slugify_vi(title),
        category=Category.objects.create(name="Khu dân cư"),
        status=Article.Status.PUBLISHED,
    )

    mattran_demo.load(io.StringIO())
    meetings_demo.load(io.StringIO())

    meeting = Meeting.objects.get(article=article)
    assert meeting.elections.exists()
    assert Meeting.objects.filter(article__isnull=False).count() == 1  # the others: no article yet
