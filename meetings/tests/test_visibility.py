"""A leaders-only meeting does not exist for anyone outside the "Lãnh đạo" group."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps.views import sitemap
from django.test import RequestFactory
from django.urls import reverse

from meetings import queries
from meetings.sitemaps import SITEMAPS
from meetings.tests.factories import at, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def future_internal(body, term):
    return make_meeting(
        body,
        "Họp kín chuẩn bị nhân sự đại hội",
        at(2099, 1, 5),
        term=term,
        visibility="leaders",
    )


@pytest.fixture
def future_public(body, term):
    return make_meeting(body, "Hội nghị tiếp xúc cử tri cuối năm", at(2099, 1, 6), term=term)


def test_leaders_only_meeting_is_404_for_anonymous(client, internal_meeting):
    assert client.get(internal_meeting.get_absolute_url()).status_code == 404
    assert client.get(internal_meeting.get_print_url()).status_code == 404


def test_leaders_only_meeting_is_404_for_staff_outside_leaders(
    client, staff_outside_leaders, internal_meeting
):
    client.force_login(staff_outside_leaders)

    assert client.get(internal_meeting.get_absolute_url()).status_code == 404
    assert client.get(internal_meeting.get_print_url()).status_code == 404


def test_leader_sees_leaders_only_meeting(client, leader, internal_meeting):
    client.force_login(leader)

    response = client.get(internal_meeting.get_absolute_url())

    assert response.status_code == 200
    assert "Hồ sơ nội bộ" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_leaders_only_meeting_is_absent_from_the_list(
    client, staff_outside_leaders, internal_meeting, future_internal, public_meeting
):
    for user in (None, staff_outside_leaders):
        if user:
            client.force_login(user)
        page = client.get(reverse("meetings:index")).content.decode()
        assert public_meeting.title in page
        assert internal_meeting.title not in page
        assert future_internal.title not in page
        # Not even its year (2099 has only the leaders-only meeting) leaks through the filter.
        assert "2099" not in page


def test_leaders_only_meeting_is_absent_from_counts_and_search(
    staff_outside_leaders, leader, internal_meeting, public_meeting
):
    for outsider in (AnonymousUser(), staff_outside_leaders):
        assert queries.count(outsider) == 1
        assert list(queries.search("ban thuong truc nhan su", outsider)) == []
        assert list(queries.search("hoi nghi", outsider)) == [public_meeting]
    assert queries.count(leader) == 2
    assert list(queries.search("ban thuong truc nhan su", leader)) == [internal_meeting]


def test_leaders_only_meeting_is_absent_from_the_sitemap(internal_meeting, public_meeting):
    request = RequestFactory().get("/sitemap.xml")

    xml = sitemap(request, sitemaps=SITEMAPS).render().content.decode()

    assert public_meeting.get_absolute_url() in xml
    assert internal_meeting.slug not in xml


def test_leaders_only_meeting_is_absent_from_the_calendar_even_for_leaders(
    client, leader, future_internal, future_public
):
    client.force_login(leader)

    ics = client.get(reverse("meetings:calendar")).content.decode()

    assert "Hội nghị tiếp xúc cử tri cuối năm" in ics
    assert "Họp kín" not in ics


def test_leaders_only_meeting_is_absent_from_upcoming_on_the_list(
    client, future_internal, future_public
):
    page = client.get(reverse("meetings:index")).content.decode()
    upcoming = page.split("Sắp diễn ra", 1)[1].split("Đã diễn ra", 1)[0]

    assert future_public.title in upcoming
    assert future_internal.title not in upcoming


def test_search_finds_a_meeting_by_an_attendee_named_without_diacritics(
    client, staff_outside_leaders, public_meeting
):
    public_meeting.update_search_text()

    assert list(queries.search("huynh thanh vinh", AnonymousUser())) == [public_meeting]
    assert list(queries.search("Huỳnh Thanh Vinh", staff_outside_leaders)) == [public_meeting]
