import datetime
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from campaigns.models import Campaign, Entry, Indicator, Target
from mattran.models import Body, Membership, Person, ResidentialArea, Term, WardSettings
from meetings.models import Meeting, Visibility

pytestmark = pytest.mark.django_db

WARD_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
URL = "/khu-dan-cu/khu-pho-1/"


@pytest.fixture
def ward(db):
    # Cached on every page; loaded once so query counts are the page's own.
    return WardSettings.current()


def _area_data(size):
    """Khu phố 1 with its board, meetings and figures, and a neighbour with the same
    of each that must not show; `size` scales members, meetings and entries."""
    year = timezone.localdate().year
    term = Term.objects.create(start_year=year - 1, end_year=year + 1)
    old_term = Term.objects.create(start_year=year - 4, end_year=year - 2)
    committee = Body.objects.create(name="Ủy ban MTTQ phường An Hòa", kind=Body.Kind.COMMITTEE)
    fund = Campaign.objects.create(name="Quỹ “Vì người nghèo”", body=committee)
    money = Indicator.objects.create(
        campaign=fund, name="Vận động Quỹ", unit=Indicator.Unit.DONG, kind=Indicator.Kind.MONEY
    )
    gifts = Indicator.objects.create(
        campaign=fund, name="Quà Tết", unit=Indicator.Unit.GIFT, kind=Indicator.Kind.COUNT
    )
    areas = {}
    for number in (1, 2):
        area = ResidentialArea.objects.create(name=f"Khu phố {number}", order=number)
        board = Body.objects.create(
            name=f"Ban công tác Mặt trận khu phố {number}", kind=Body.Kind.AREA_BOARD, area=area
        )
        Membership.objects.create(
            person=Person.objects.create(full_name=f"Trưởng Ban Khu {number}"),
            body=board,
            term=term,
            position=Membership.Position.HEAD,
        )
        for n in range(size):
            Membership.objects.create(
                person=Person.objects.create(full_name=f"Thành Viên {number}-{n}"),
                body=board,
                term=term,
                position=Membership.Position.BOARD_MEMBER,
            )
        Membership.objects.create(
            person=Person.objects.create(full_name=f"Người Cũ Khu {number}"),
            body=board,
            term=old_term,
            position=Membership.Position.HEAD,
        )
        for n in range(size):
            Meeting.objects.create(
                body=board,
                title=f"Sinh hoạt khu phố {number} lần {n}",
                starts_at=datetime.datetime(year - 1, 1, 1, 8, tzinfo=WARD_TZ)
                + datetime.timedelta(days=n),
            )
        Meeting.objects.create(
            body=board,
            title=f"Họp nội bộ khu phố {number}",
            starts_at=datetime.datetime(year, 1, 1, 8, tzinfo=WARD_TZ),
            visibility=Visibility.LEADERS,
        )
        Target.for_year(year, indicator=money, area=area, value=Decimal(10_000_000)).save()
        Entry.objects.bulk_create(
            Entry(indicator=money, date=datetime.date(year, 1, 1), area=area, money=1_000_000)
            for _ in range(size)
        )
        Entry.objects.create(indicator=gifts, date=datetime.date(year, 1, 2), area=area, quantity=7)
        areas[number] = area
    # Ward-wide figures belong to no area's page.
    Entry.objects.create(indicator=money, date=datetime.date(year, 1, 1), money=99_000_000)
    return areas


def test_area_index_lists_every_area(client):
    _area_data(1)

    html = client.get("/khu-dan-cu/").content.decode()

    assert 'href="/khu-dan-cu/khu-pho-1/"' in html
    assert 'href="/khu-dan-cu/khu-pho-2/"' in html


def test_area_page_shows_its_current_board_by_rank(client):
    _area_data(3)

    response = client.get(URL)

    assert response.status_code == 200
    board = response.content.decode().split('id="ban-cong-tac"', 1)[1].split("</section>")[0]
    assert board.index("Trưởng Ban Khu 1") < board.index("Thành Viên 1-0")
    assert board.index("Thành Viên 1-0") < board.index("Thành Viên 1-2")
    assert "Trưởng ban" in board
    assert "Người Cũ Khu 1" not in board  # the previous term
    assert "Khu 2" not in board and "2-0" not in board  # the neighbour's board


def test_area_page_shows_its_public_meetings_never_leaders_only_ones(client):
    _area_data(2)

    html = client.get(URL).content.decode()

    assert "Sinh hoạt khu phố 1 lần 0" in html
    assert "Sinh hoạt khu phố 1 lần 1" in html
    assert "Sinh hoạt khu phố 2" not in html
    assert "Họp nội bộ khu phố 1" not in html


def test_leaders_see_the_areas_leaders_only_meetings(client, leader):
    _area_data(1)
    client.force_login(leader)

    assert "Họp nội bộ khu phố 1" in client.get(URL).content.decode()


def test_area_page_shows_its_own_campaign_figures_against_its_target(client):
    _area_data(3)

    html = client.get(URL).content.decode()
    results = html.split('id="ket-qua-van-dong"', 1)[1]

    assert "Quỹ “Vì người nghèo”" in results
    assert "3.000.000 đ" in results  # three entries of 1.000.000 đ in this area only
    assert "10.000.000 đ" in results  # the area's target
    assert "30 %" in results
    assert "7 phần quà" in results
    assert "99.000.000" not in results and "102.000.000" not in results


def test_unknown_area_is_not_found(client):
    assert client.get("/khu-dan-cu/khong-co/").status_code == 404


def test_area_links_from_its_model():
    area = ResidentialArea.objects.create(name="Khóm Tân An")
    assert area.get_absolute_url() == "/khu-dan-cu/khom-tan-an/"


@pytest.mark.parametrize("size", [2, 80])
def test_area_page_queries_do_not_grow_with_data(client, django_assert_num_queries, ward, size):
    _area_data(size)

    # area; board members with person, body, area, term; meetings with body and term;
    # the area's totals by indicator; its targets with results; their indicators and campaigns;
    # the footer's "Giới thiệu" menu and links (cached after this first visit),
    # the content version and the ward record (the fixtures' writes retired them: mattran/cache.py)
    with django_assert_num_queries(10):
        assert client.get(URL).status_code == 200
    # the campaign figures are cached until campaign data changes: area, board, meetings
    with django_assert_num_queries(3):
        assert client.get(URL).status_code == 200


@pytest.mark.parametrize("size", [2, 80])
def test_area_index_queries_do_not_grow_with_data(client, django_assert_num_queries, ward, size):
    for number in range(size):
        ResidentialArea.objects.create(name=f"Ấp {number}")

    # the areas, the footer's menu and links (cold),
    # the content version and the ward record (the fixtures' writes retired them: mattran/cache.py)
    with django_assert_num_queries(5):
        assert client.get("/khu-dan-cu/").status_code == 200


def test_demo_area_page_shows_the_board_of_khu_pho_1(client):
    call_command("load_demo", stdout=StringIO())

    response = client.get(URL)

    assert response.status_code == 200
    assert "Ban công tác Mặt trận khu phố 1" in response.content.decode()


def test_area_page_lists_its_ten_newest_meetings_and_links_to_the_rest(client):
    _area_data(12)

    html = client.get(URL).content.decode()

    assert "Sinh hoạt khu phố 1 lần 11" in html and "Sinh hoạt khu phố 1 lần 2<" in html
    assert "Sinh hoạt khu phố 1 lần 1<" not in html
    assert "/hoi-nghi/?to_chuc=ban-cong-tac-mat-tran-khu-pho-1" in html
    rest = client.get("/hoi-nghi/?to_chuc=ban-cong-tac-mat-tran-khu-pho-1").content.decode()
    assert "Sinh hoạt khu phố 1 lần 1<" in rest
    assert "Sinh hoạt khu phố 2" not in rest


def test_a_new_figure_shows_on_the_area_page_at_once(client):
    areas = _area_data(1)
    client.get(URL)  # the figures are now cached
    gifts = Indicator.objects.get(name="Quà Tết")

    Entry.objects.create(
        indicator=gifts, date=timezone.localdate(), area=areas[1], quantity=Decimal(5)
    )

    assert "12 phần quà" in client.get(URL).content.decode()
