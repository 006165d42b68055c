import datetime

import pytest
from django.utils import timezone

from mattran.models import Body, Membership, Person, ResidentialArea, Term

pytestmark = pytest.mark.django_db

URL = "/to-chuc/"


def _roster(members_per_board):
    year = timezone.localdate().year
    current = Term.objects.create(start_year=year - 1, end_year=year + 3)
    old = Term.objects.create(start_year=year - 6, end_year=year - 1)
    standing = Body.objects.create(name="Ban Thường trực", kind=Body.Kind.STANDING_BOARD)
    area = ResidentialArea.objects.create(name="Khu phố 1")
    board = Body.objects.create(
        name="Ban công tác Mặt trận khu phố 1", kind=Body.Kind.AREA_BOARD, area=area
    )
    chair = Person.objects.create(full_name="Nguyễn Lê Bích Nga")
    Membership.objects.create(
        person=chair, body=standing, term=current, position=Membership.Position.CHAIR
    )
    for name in ["Trần Văn Vũ", "Đỗ Thị An", "Lê Văn Bình"][:members_per_board]:
        Membership.objects.create(
            person=Person.objects.create(full_name=name),
            body=standing,
            term=current,
            position=Membership.Position.VICE_CHAIR,
        )
    Membership.objects.create(
        person=Person.objects.create(full_name="Phạm Văn Cũ"),
        body=standing,
        term=old,
        position=Membership.Position.CHAIR,
    )
    Membership.objects.create(
        person=Person.objects.create(full_name="Lê Thuý Lan"),
        body=board,
        term=current,
        position=Membership.Position.HEAD,
        started_on=datetime.date(year - 1, 1, 18),
    )
    for n in range(members_per_board):
        Membership.objects.create(
            person=Person.objects.create(full_name=f"Thành Viên Số {n}"),
            body=board,
            term=current,
            position=Membership.Position.BOARD_MEMBER,
        )


def test_roster_shows_current_term_by_rank_then_vietnamese_name(client):
    _roster(3)

    page = client.get(URL).content.decode()

    standing = page.split("Ban Thường trực", 2)[2].split("</section>", 1)[0]
    names = ["Nguyễn Lê Bích Nga", "Đỗ Thị An", "Lê Văn Bình", "Trần Văn Vũ"]
    assert [standing.index(n) for n in names] == sorted(standing.index(n) for n in names)
    assert "Phạm Văn Cũ" not in page  # the previous term's chair
    board = page.split("Ban công tác Mặt trận khu phố 1", 1)[1]
    assert board.index("Lê Thuý Lan") < board.index("Thành Viên Số 0")
    assert "Trưởng ban" in board


@pytest.mark.parametrize("size", [5, 200])
def test_roster_queries_do_not_grow_with_members(client, django_assert_num_queries, size):
    _roster(size)
    client.get(URL)  # the ward record is cached after the first page

    # memberships with person, body, area and term in one query
    with django_assert_num_queries(1):
        assert client.get(URL).status_code == 200
