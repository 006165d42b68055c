"""Every page's query count is pinned, and the same with 5 or 200 meetings of 30 attendees."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mattran.models import Membership, Person
from meetings.models import (
    Attendance,
    AttendingGroup,
    ElectedMember,
    Election,
    Meeting,
    Resolution,
    ResolutionTarget,
)
from meetings.tests.factories import make_attachment

ATTENDEES = 30
SIZES = [5, 200]


@pytest.fixture(params=SIZES, ids=lambda n: f"{n}-meetings")
def many_meetings(request, body, term):
    """Half past, half upcoming; every third leaders-only; 30 attendees each, groups,
    a resolution with targets, an election, and papers on the first one."""
    count = request.param
    now = timezone.now()
    meetings = Meeting.objects.bulk_create(
        Meeting(
            body=body,
            term=term,
            title=f"Hội nghị số {n}",
            slug=f"hoi-nghi-so-{n}",
            kind=Meeting.Kind.CONFERENCE,
            starts_at=now + datetime.timedelta(days=n - count // 2),
            visibility="leaders" if n % 3 == 0 else "public",
            search_text=f"hoi nghi so {n}",
        )
        for n in range(count)
    )
    people = Person.objects.bulk_create(
        Person(full_name=f"Người Dự {n}", search_name=f"nguoi du {n}", sort_key=f"{n:05}")
        for n in range(ATTENDEES)
    )
    Attendance.objects.bulk_create(
        Attendance(meeting=m, person=p, role=1 + i % 5, title_as_printed="Ủy viên")
        for m in meetings
        for i, p in enumerate(people)
    )
    AttendingGroup.objects.bulk_create(
        AttendingGroup(meeting=m, description="Đại diện các khu dân cư", headcount=40)
        for m in meetings
    )
    resolutions = Resolution.objects.bulk_create(
        Resolution(meeting=m, title=f"Nghị quyết {m.pk}") for m in meetings
    )
    ResolutionTarget.objects.bulk_create(
        ResolutionTarget(
            resolution=r, text=f"Chỉ tiêu {i}", deadline=now.date() + datetime.timedelta(days=i)
        )
        for r in resolutions
        for i in range(-2, 3)
    )
    elections = Election.objects.bulk_create(
        Election(meeting=m, body=body, term=term, seats=ATTENDEES) for m in meetings
    )
    ElectedMember.objects.bulk_create(
        ElectedMember(election=e, person=p) for e in elections for p in people
    )
    target = meetings[1]
    make_attachment(target, "Chương trình")
    make_attachment(target, "Biên bản", visibility="leaders", kind="bien-ban")
    make_attachment(meetings[0], "Biên bản kín", visibility="leaders", kind="bien-ban")
    return target


def _measure(client, url, django_assert_num_queries, expected):
    client.get(url)  # the ward record is cached after the first page
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.django_db
def test_list_page_queries(client, django_assert_num_queries, many_meetings):
    # bodies for the filter, years for the filter, upcoming, past count, past page
    _measure(client, reverse("meetings:index"), django_assert_num_queries, 5)


@pytest.mark.django_db
def test_filtered_list_page_queries(client, django_assert_num_queries, many_meetings):
    url = reverse("meetings:index") + f"?loai=hoi-nghi&nam={timezone.now().year}&page=2"
    # bodies, years, upcoming, past count, past page
    _measure(client, url, django_assert_num_queries, 5)


@pytest.mark.django_db
def test_meeting_page_queries(client, django_assert_num_queries, many_meetings):
    # meeting with body, term and article; attendances with people; attending groups;
    # resolutions; targets; elections with body and term; elected members with people;
    # visible attachments
    response = _measure(client, many_meetings.get_absolute_url(), django_assert_num_queries, 8)
    assert len(response.context["meeting"].attendances.all()) == ATTENDEES


@pytest.mark.django_db
def test_print_page_queries(client, django_assert_num_queries, many_meetings):
    # the same eight as the meeting page
    _measure(client, many_meetings.get_print_url(), django_assert_num_queries, 8)


@pytest.mark.django_db
def test_calendar_queries(client, django_assert_num_queries, many_meetings):
    # upcoming public meetings with their body
    _measure(client, reverse("meetings:calendar"), django_assert_num_queries, 1)


@pytest.mark.django_db
def test_roster_page_queries(client, django_assert_num_queries, body, term, many_meetings):
    elected = many_meetings.elections.get()
    # Everyone elected at the meeting now sits on the board: a roster of 30.
    Membership.objects.bulk_create(
        Membership(person=m.person, body=body, term=term, position="uy-vien")
        for m in elected.members.all()
    )
    # memberships with person, body, area and term
    response = _measure(client, reverse("committee:index"), django_assert_num_queries, 1)
    assert response.content.decode().count("roster__person") == ATTENDEES


@pytest.mark.django_db
def test_meeting_page_queries_for_a_leader(
    client, leader, django_assert_num_queries, many_meetings
):
    client.force_login(leader)
    # session, user, one leader group check (remembered for the request), then the eight
    # of the public page
    _measure(client, many_meetings.get_absolute_url(), django_assert_num_queries, 11)
