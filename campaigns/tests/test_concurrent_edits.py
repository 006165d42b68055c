"""Two staff members correct one campaign figure: the later save is refused, shows the
other's figure next to the one typed, and the first figure stands."""

import datetime

import pytest

from campaigns.models import Entry
from mattran.tests.concurrent_edits import conflict_table, open_form, staff_client

pytestmark = pytest.mark.django_db

FORM = "entry_form"


@pytest.fixture
def two_accountants(django_user_model):
    first = django_user_model.objects.create_superuser(
        "ketoan1", password="x", first_name="Phạm Thu Hà"
    )
    second = django_user_model.objects.create_superuser("ketoan2", password="x")
    return staff_client(first), staff_client(second)


@pytest.fixture
def entry(fund_indicator, areas):
    return Entry.objects.create(
        indicator=fund_indicator,
        date=datetime.date(2024, 6, 30),
        area=areas[0],
        money=5_000_000,
        participants=40,
    )


def test_later_entry_save_is_refused_with_the_other_persons_figure(two_accountants, entry):
    first, second = two_accountants
    url = f"/quan-tri/campaigns/entry/{entry.pk}/change/"
    mine = open_form(second, url, FORM)
    theirs = open_form(first, url, FORM)
    assert mine["money"] == "5.000.000"

    assert first.post(url, theirs | {"money": "9.000.000"}).status_code == 302
    refused = second.post(url, mine | {"participants": "45", "source": "Báo cáo khu phố 1"})

    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Kết quả đã được Phạm Thu Hà sửa lúc" in page
    assert conflict_table(refused) == {"Số tiền (đồng)": ("9.000.000", "5.000.000")}
    assert 'value="45"' in page and 'value="Báo cáo khu phố 1"' in page
    entry.refresh_from_db()
    assert (entry.money, entry.participants, entry.source) == (9_000_000, 40, "")


def test_a_flag_set_by_the_other_person_shows_next_to_what_was_typed(two_accountants, entry):
    # Even when the first person changed nothing the second typed, the second is told.
    first, second = two_accountants
    url = f"/quan-tri/campaigns/entry/{entry.pk}/change/"
    mine = open_form(second, url, FORM)
    assert (
        first.post(
            url, open_form(first, url, FORM) | {"doubtful": "on", "doubt_note": "Kiểm tra lại"}
        ).status_code
        == 302
    )

    refused = second.post(url, mine | {"money": "6.000.000"})

    assert refused.status_code == 200
    table = conflict_table(refused)
    assert table["Số liệu cần xác minh"] == ("Có", "Không")
    assert table["Lý do nghi vấn"] == ("Kiểm tra lại", "(trống)")
    assert 'value="6.000.000"' in refused.content.decode()
    entry.refresh_from_db()
    assert (entry.money, entry.doubtful) == (5_000_000, True)
