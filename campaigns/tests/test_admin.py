"""Ward staff work on campaigns in the Vietnamese admin."""

import datetime

import pytest
from django.urls import reverse

from campaigns.models import Entry
from campaigns.tests.factories import make_entries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["campaign", "indicator", "target", "entry"])
def test_admin_lists_open_in_vietnamese(admin_client, model, fund_raised, houses):
    response = admin_client.get(reverse(f"admin:campaigns_{model}_changelist"))

    assert response.status_code == 200
    assert 'lang="vi"' in response.content.decode()


@pytest.mark.parametrize("size", [10, 1000])
def test_entry_list_queries_do_not_grow(admin_client, django_assert_num_queries, rice, areas, size):
    make_entries(rice, size, areas)
    # session and user, then the changelist's own: counts, one page of entries joined to
    # indicator, area and user, the choices of the filters and of the date hierarchy;
    # reversion runs the list in a revision (for list edits): one savepoint, released;
    # the content version the fixtures' writes moved on (mattran/cache.py)
    with django_assert_num_queries(15):
        response = admin_client.get(reverse("admin:campaigns_entry_changelist"))
    assert response.status_code == 200
    assert "Nhập từ tệp" in response.content.decode()
    assert "Xuất tệp" in response.content.decode()


def test_entry_added_in_admin_records_who_entered_it(admin_client, houses):
    data = {
        "indicator": houses.pk,
        "date": "2019-12-31",  # what the admin's calendar writes
        "period_start": "",
        "period_label": "Năm 2019",
        "area": "",
        "quantity": "10",
        "money": "438.000.000 đ",
        "participants": "",
        "as_printed": "",
        "source": "",
        "doubt_note": "",
    }

    response = admin_client.post(reverse("admin:campaigns_entry_add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = Entry.objects.get()
    assert entry.entered_by.username == "admin"
    assert (entry.quantity, entry.money) == (10, 438_000_000)
    assert entry.date == datetime.date(2019, 12, 31)


def test_doubtful_entry_needs_a_reason(admin_client, houses):
    data = {
        "indicator": houses.pk,
        "date": "2019-12-31",
        "quantity": "10",
        "doubtful": "on",
        "doubt_note": "",
    }

    response = admin_client.post(reverse("admin:campaigns_entry_add"), data)

    assert response.status_code == 200
    assert "Hãy ghi lý do số liệu cần xác minh." in response.content.decode()
    assert Entry.objects.count() == 0


def test_ambiguous_money_typed_in_admin_is_refused_and_kept(admin_client, houses):
    data = {"indicator": houses.pk, "date": "2019-12-31", "quantity": "10", "money": "438.000,5"}

    response = admin_client.post(reverse("admin:campaigns_entry_add"), data)

    page = response.content.decode()
    assert "Số tiền không hợp lệ" in page
    assert 'value="438.000,5"' in page  # the form keeps what was typed
    assert Entry.objects.count() == 0


def test_indicator_page_edits_targets_inline(admin_client, fund_raised):
    response = admin_client.get(reverse("admin:campaigns_indicator_change", args=[fund_raised.pk]))

    assert response.status_code == 200
    assert "mức chỉ tiêu" in response.content.decode().lower()


@pytest.mark.parametrize(
    ("model", "header"),
    [
        ("campaign", ["Tên", "Loại", "Đơn vị chủ trì", "Bắt đầu", "Kết thúc", "Giới thiệu"]),
        ("indicator", ["Cuộc vận động", "Chỉ tiêu", "Đơn vị tính", "Loại số liệu", "Thứ tự"]),
        (
            "target",
            ["Cuộc vận động", "Chỉ tiêu", "Từ ngày", "Đến ngày", "Khu dân cư", "Mức chỉ tiêu"],
        ),
    ],
)
def test_admin_exports_each_table_with_vietnamese_headers(admin_client, fund_raised, model, header):
    url = reverse(f"admin:campaigns_{model}_export")
    form = admin_client.get(url).context["form"]
    data = {"format": "1", "resource": "0"}
    data.update({name: "on" for name in form.fields if name not in [*data, "export_items"]})

    response = admin_client.post(url, data)

    assert response.status_code == 200
    first_line = response.content.decode("utf-8-sig").splitlines()[0]
    assert first_line.split(",")[: len(header)] == header
