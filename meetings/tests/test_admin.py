"""The admin as ward staff use it: Vietnamese errors, nothing saved half-way."""

import pytest

from mattran import roles
from mattran.models import Body, Membership, Person, Term
from mattran.tests.accounts import make_user
from meetings.models import (
    Attendance,
    ElectedMember,
    Election,
    Meeting,
    Resolution,
    ResolutionTarget,
)
from meetings.tests.admin_forms import form_values, post_form
from meetings.tests.factories import at, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, django_user_model):
    """An editor: records meetings and people with the group's own permissions."""
    user = make_user(django_user_model, "thuky", roles.EDITORS, is_staff=True)
    client.force_login(user)
    return user


@pytest.fixture
def election(body, term):
    meeting = make_meeting(body, "Hội nghị hiệp thương", at(2024, 1, 18), term=term)
    return Election.objects.create(meeting=meeting, body=body, term=term, seats=2)


def _people(*names):
    return [Person.objects.create(full_name=name) for name in names]


def test_more_elected_members_than_seats_is_refused_in_vietnamese(client, staff, election):
    people = _people("Lê Thuý Lan", "Trần Văn Bình", "Ngô Thị Hoa")
    rows = {"members-TOTAL_FORMS": "3"}
    for n, person in enumerate(people):
        rows |= {
            f"members-{n}-person": str(person.pk),
            f"members-{n}-position": "thanh-vien",
            f"members-{n}-order": str(n),
        }

    response = post_form(
        client, f"/quan-tri/meetings/election/{election.pk}/change/", "election_form", rows
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Danh sách có 3 người nhưng chỉ có 2 thành viên được hiệp thương cử" in page
    assert not ElectedMember.objects.exists()
    assert f'value="{people[2].pk}" selected' in page  # what was typed is kept


def test_members_within_seats_are_saved_and_confirmed_by_the_admin_action(client, staff, election):
    lan, binh = _people("Lê Thuý Lan", "Trần Văn Bình")
    response = post_form(
        client,
        f"/quan-tri/meetings/election/{election.pk}/change/",
        "election_form",
        {
            "members-TOTAL_FORMS": "2",
            "members-0-person": str(lan.pk),
            "members-0-position": "truong-ban",
            "members-1-person": str(binh.pk),
            "members-1-position": "thanh-vien",
            "members-1-order": "1",  # a row added with "Thêm" starts from the defaults
        },
    )
    assert response.status_code == 302

    for _ in range(2):
        response = client.post(
            "/quan-tri/meetings/election/",
            {"action": "confirm", "_selected_action": [election.pk]},
            follow=True,
        )
    assert "đã xác nhận trước đây, không có gì mới" in response.content.decode()
    assert Membership.objects.filter(body=election.body, term=election.term).count() == 2


def test_overlapping_membership_for_the_same_seat_is_refused_in_vietnamese(client, staff):
    board = Body.objects.create(name="Ban Thường trực", kind=Body.Kind.STANDING_BOARD)
    term = Term.objects.create(start_year=2024, end_year=2029)
    nga, hoa = _people("Nguyễn Lê Bích Nga", "Ngô Thị Hoa")
    Membership.objects.create(person=nga, body=board, term=term, position=Membership.Position.CHAIR)

    response = post_form(
        client,
        "/quan-tri/mattran/membership/add/",
        "membership_form",
        {
            "person": str(hoa.pk),
            "body": str(board.pk),
            "term": str(term.pk),
            "position": "chu-tich",
            "started_on": "01/06/2025",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Chức vụ Chủ tịch của Ban Thường trực, nhiệm kỳ 2024–2029 đã do" in page
    assert "Nguyễn Lê Bích Nga đảm nhiệm trong cùng thời gian" in page
    assert 'value="01/06/2025"' in page
    assert Membership.objects.count() == 1


def test_a_successor_after_the_end_date_is_accepted_with_dates_typed_dd_mm_yyyy(client, staff):
    board = Body.objects.create(name="Ban Thường trực", kind=Body.Kind.STANDING_BOARD)
    term = Term.objects.create(start_year=2024, end_year=2029)
    nga, hoa = _people("Nguyễn Lê Bích Nga", "Ngô Thị Hoa")
    Membership.objects.create(
        person=nga,
        body=board,
        term=term,
        position=Membership.Position.CHAIR,
        ended_on="2025-05-31",
    )

    response = post_form(
        client,
        "/quan-tri/mattran/membership/add/",
        "membership_form",
        {
            "person": str(hoa.pk),
            "body": str(board.pk),
            "term": str(term.pk),
            "position": "chu-tich",
            "started_on": "01/06/2025",
        },
    )

    assert response.status_code == 302
    assert str(Membership.objects.get(person=hoa).started_on) == "2025-06-01"


def test_attendance_row_offers_adding_a_new_person(client, staff, public_meeting):
    page = client.get(f"/quan-tri/meetings/meeting/{public_meeting.pk}/change/").content.decode()

    # The autocomplete of the person field, with its "+" that opens the person form.
    assert 'data-model-name="person"' in page or "admin-autocomplete" in page
    assert "/quan-tri/mattran/person/add/?_to_field=id&amp;_popup=1" in page


def test_person_added_from_the_popup_can_be_chosen_on_an_attendance_row(
    client, staff, public_meeting
):
    response = post_form(
        client,
        "/quan-tri/mattran/person/add/?_to_field=id&_popup=1",
        "person_form",
        {"full_name": "Hoàng  Xuân Dĩa", "title": "Phó Chủ tịch"},
    )
    assert response.status_code == 200  # the popup's closing page
    person = Person.objects.get(full_name="Hoàng Xuân Dĩa")

    found = client.get(
        "/quan-tri/autocomplete/",
        {
            "term": "xuan dia",
            "app_label": "meetings",
            "model_name": "attendance",
            "field_name": "person",
        },
    ).json()
    assert [r["id"] for r in found["results"]] == [str(person.pk)]

    response = post_form(
        client,
        f"/quan-tri/meetings/meeting/{public_meeting.pk}/change/",
        "meeting_form",
        {
            "attendances-1-person": str(person.pk),
            "attendances-1-role": "3",
            "attendances-1-title_as_printed": "Phó Chủ tịch Ủy ban MTTQ Việt Nam phường",
        },
    )
    assert response.status_code == 302
    assert Attendance.objects.filter(meeting=public_meeting, person=person).exists()


def test_meeting_dates_are_typed_the_vietnamese_way(client, staff, body):
    values = form_values(client, "/quan-tri/meetings/meeting/add/", "meeting_form")
    values |= {
        "kind": "hoi-nghi",
        "title": "Hội nghị tổng kết năm 2024",
        "body": str(body.pk),
        "starts_at_0": "13/01/2025",
        "starts_at_1": "07:30",
        "visibility": "public",
    }

    response = client.post("/quan-tri/meetings/meeting/add/", values)

    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = Meeting.objects.get()
    assert meeting.slug == "hoi-nghi-tong-ket-nam-2024"
    assert f"{meeting.local_start:%d/%m/%Y %H:%M}" == "13/01/2025 07:30"


def test_person_admin_lists_people_in_vietnamese_name_order(client, staff):
    _people("Lê Thuý Lan", "Đinh Văn Công", "Trần Dũng", "Hoàng Xuân Dĩa")

    page = client.get("/quan-tri/mattran/person/").content.decode()

    names = ["Đinh Văn Công", "Hoàng Xuân Dĩa", "Trần Dũng", "Lê Thuý Lan"]
    assert [page.index(n) for n in names] == sorted(page.index(n) for n in names)


def test_person_admin_finds_thuy_with_either_tone_placement(client, staff):
    _people("Lê Thuý Lan", "Lê Văn Tám")

    for term in ["Thúy Lan", "thuy lan", "Thuý"]:
        page = client.get("/quan-tri/mattran/person/", {"q": term}).content.decode()
        assert "Lê Thuý Lan" in page and "Lê Văn Tám" not in page


def test_attendance_row_without_a_name_is_refused_in_vietnamese(client, staff, public_meeting):
    response = post_form(
        client,
        f"/quan-tri/meetings/meeting/{public_meeting.pk}/change/",
        "meeting_form",
        {"attendances-1-title_as_printed": "Bí thư Chi bộ", "attendances-1-role": "4"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("Hãy chọn một cá nhân hoặc ghi tên khách.") == 1
    assert 'value="Bí thư Chi bộ"' in page
    assert public_meeting.attendances.count() == 1


def test_each_resolution_on_the_meeting_links_to_adding_its_targets(client, staff, public_meeting):
    counted = Resolution.objects.create(meeting=public_meeting, title="Nghị quyết số 1")
    ResolutionTarget.objects.create(resolution=counted, text="100% hộ nghèo được thăm hỏi")
    empty = Resolution.objects.create(meeting=public_meeting, title="Nghị quyết số 2")

    page = client.get(f"/quan-tri/meetings/meeting/{public_meeting.pk}/change/").content.decode()

    resolution_page = f"/quan-tri/meetings/resolution/{counted.pk}/change/#targets-group"
    assert f'<a href="{resolution_page}">1 chỉ tiêu · thêm, sửa</a>' in page
    empty_page = f"/quan-tri/meetings/resolution/{empty.pk}/change/#targets-group"
    assert f'<a href="{empty_page}">Thêm chỉ tiêu</a>' in page
    # The resolution's page is where the targets are typed: its inline is there.
    target_form = client.get(resolution_page.split("#")[0]).content.decode()
    assert 'id="targets-group"' in target_form
