"""Staff import entries in the admin; residents download the same table."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from import_export.formats.base_formats import CSV

from campaigns.exports import entries_dataset
from campaigns.models import Entry
from campaigns.resources import EntryResource

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:campaigns_entry_import")
PROCESS_URL = reverse("admin:campaigns_entry_process_import")
FORMAT = {"xlsx": "0", "csv": "1"}
HEADER = "Mã,Cuộc vận động,Chỉ tiêu,Ngày,Khu dân cư,Số lượng,Số tiền (đồng),Lượt người"


def upload(client, content, file_format="csv"):
    """The first step of the admin import: send the file, get the preview."""
    if isinstance(content, str):
        content = content.encode("utf-8")
    data = {
        "resource": "0",
        "format": FORMAT[file_format],
        "import_file": SimpleUploadedFile(f"ket-qua.{file_format}", content),
    }
    return client.post(IMPORT_URL, data)


def confirm(client, preview):
    """The second step: the staff member presses "Xác nhận" under the preview."""
    form = preview.context["confirm_form"]
    assert form is not None, "the preview offered no confirmation"
    return client.post(PROCESS_URL, form.initial, follow=True)


def snapshot():
    return list(
        Entry.objects.order_by("pk").values_list(
            "pk",
            "indicator",
            "date",
            "period_start",
            "period_label",
            "area",
            "quantity",
            "money",
            "participants",
            "as_printed",
            "source",
            "doubtful",
            "doubt_note",
        )
    )


def test_vietnamese_typed_rice_imports_as_21090_kg(admin_client, rice, poor_day, areas):
    content = f"{HEADER}\n,{poor_day.name},{rice.name},31/12/2019,Khu phố 1,21.090,,\n"

    preview = upload(admin_client, content)
    assert Entry.objects.count() == 0  # the preview saves nothing
    confirm(admin_client, preview)

    entry = Entry.objects.get()
    assert entry.quantity == Decimal(21090)
    assert entry.date == datetime.date(2019, 12, 31)
    assert entry.area == areas[0]
    assert entry.entered_by.username == "admin"


def test_house_entry_with_count_and_money_imports_as_one_entry(admin_client, houses, poor_day):
    content = f'{HEADER}\n,{poor_day.name},{houses.name},31/12/2019,,10,"438.000.000 đ",\n'

    confirm(admin_client, upload(admin_client, content))

    entry = Entry.objects.get()
    assert (entry.quantity, entry.money) == (Decimal(10), 438_000_000)


def test_import_with_one_bad_row_saves_nothing_and_names_the_row(
    admin_client, rice, houses, poor_day
):
    rows = [
        f",{poor_day.name},{rice.name},01/03/2024,,100,,",
        f",{poor_day.name},{houses.name},02/03/2024,,2,300.000.000,",
        f",{poor_day.name},{houses.name},03/03/2024,,1,1.5,",  # line 4 of the file
        f",{poor_day.name},{rice.name},04/03/2024,,200,,",
    ]

    preview = upload(admin_client, "\n".join([HEADER, *rows]) + "\n")

    page = preview.content.decode()
    assert "Một số dòng có lỗi; chưa dòng nào được lưu" in page
    assert "Dòng 4: số tiền không hợp lệ" in page
    assert "“1.5”" in page
    assert preview.context.get("confirm_form") is None
    assert PROCESS_URL not in page
    assert Entry.objects.count() == 0


def test_bad_rows_are_each_named(admin_client, rice, poor_day):
    rows = [
        f",{poor_day.name},{rice.name},31/02/2024,,100,,",
        f",{poor_day.name},Không có chỉ tiêu này,01/03/2024,,100,,",
        f",{poor_day.name},{rice.name},01/03/2024,Khu phố 99,21,090,",
    ]

    page = upload(admin_client, "\n".join([HEADER, *rows]) + "\n").content.decode()

    assert "Dòng 2: ngày không hợp lệ" in page
    assert "Dòng 3: chỉ tiêu không hợp lệ" in page
    assert "Dòng 4: khu dân cư không hợp lệ" in page
    assert Entry.objects.count() == 0


def test_ambiguous_quantity_is_refused_not_guessed(admin_client, rice, poor_day):
    content = f'{HEADER}\n,{poor_day.name},{rice.name},01/03/2024,,"21,090",,\n'

    page = upload(admin_client, content).content.decode()

    assert "Dòng 2: số lượng không hợp lệ" in page
    assert "không rõ nghĩa" in page
    assert Entry.objects.count() == 0


def test_import_as_a_whole_rolls_back_when_a_row_fails(rice, houses, poor_day):
    # Even without the admin's preview, the resource saves the whole file or nothing.
    content = "\n".join(
        [
            HEADER,
            f",{poor_day.name},{rice.name},01/03/2024,,100,,",
            f",{poor_day.name},{houses.name},03/03/2024,,1,-5,",
        ]
    )
    dataset = CSV().create_dataset(content)

    result = EntryResource().import_data(dataset, dry_run=False)

    assert result.has_validation_errors()
    assert Entry.objects.count() == 0


@pytest.fixture
def recorded(houses, rice, poor_day, areas):
    Entry.objects.create(
        indicator=houses,
        date=datetime.date(2019, 12, 31),
        period_start=datetime.date(2019, 1, 1),
        period_label="Năm 2019",
        quantity=10,
        money=438_000_000,
        source="Báo cáo tổng kết công tác khối vận năm 2019",
    )
    Entry.objects.create(
        indicator=rice, date=datetime.date(2019, 12, 31), area=areas[1], quantity=Decimal("21090")
    )
    Entry.objects.create(
        indicator=rice,
        date=datetime.date(2020, 2, 3),
        area=areas[2],
        quantity=Decimal("12.5"),
        participants=40,
        as_printed="12,5 kg",
        doubtful=True,
        doubt_note="Chưa rõ, cần hỏi lại khu phố; có dấu “ngoặc”, phẩy.",
    )
    return poor_day


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_then_import_changes_nothing(admin_client, recorded, file_format):
    before = snapshot()
    exported = admin_client.get(reverse("campaigns:export", args=[recorded.slug, file_format]))
    assert exported.status_code == 200

    preview = upload(admin_client, exported.content, file_format)
    assert preview.context["result"].totals["skip"] == 3
    confirm(admin_client, preview)

    assert snapshot() == before


def test_csv_export_has_vietnamese_headers_dates_and_plain_numbers(client, recorded):
    response = client.get(reverse("campaigns:export", args=[recorded.slug, "csv"]))

    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="van-dong-ngay-vi-nguoi-ngheo.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    header, *lines = text.splitlines()
    assert header.startswith("Mã,Cuộc vận động,Chỉ tiêu,Đơn vị tính,Ngày,Từ ngày")
    assert "31/12/2019,01/01/2019,Năm 2019,,10,438000000," in lines[0]
    assert ",căn nhà," in lines[0]
    assert any(",12,5," in line or ',"12,5",' in line for line in lines)


def test_xlsx_export_holds_numbers_as_numbers(client, recorded):
    response = client.get(reverse("campaigns:export", args=[recorded.slug, "xlsx"]))

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    first = dict(zip(header, rows[1], strict=True))
    assert first["Số tiền (đồng)"] == 438_000_000
    assert isinstance(first["Số tiền (đồng)"], int)
    assert first["Số lượng"] == 10
    assert first["Ngày"] == "31/12/2019"


def test_xlsx_typed_the_vietnamese_way_imports(admin_client, rice, houses, poor_day):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append([None, poor_day.name, rice.name, "31/12/2019", None, "21.090", None, None])
    sheet.append([None, poor_day.name, houses.name, "31/12/2019", None, 3, "438.000.000đ", None])
    buffer = io.BytesIO()
    book.save(buffer)

    confirm(admin_client, upload(admin_client, buffer.getvalue(), "xlsx"))

    assert sorted(Entry.objects.values_list("quantity", "money")) == [
        (Decimal(3), 438_000_000),
        (Decimal(21090), None),
    ]


def test_fast_public_export_matches_the_import_resource(recorded):
    entries = Entry.objects.all()
    for native in (False, True):
        ours = entries_dataset(entries, native_numbers=native)
        resource = EntryResource().export(entries, force_native_type=native)
        assert ours.headers == resource.headers
        assert [list(row) for row in ours] == [list(row) for row in resource]


def test_summary_tables_download_with_the_page_figures(client, fund_raised, fund):
    response = client.get(reverse("campaigns:summary", args=[fund.slug, "xlsx"]))

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [dict(zip(sheet[1], row, strict=True)) for row in sheet.iter_rows(2, values_only=True)]
    rows = [{cell.value: value for cell, value in row.items()} for row in rows]
    target = next(row for row in rows if row["Bảng"] == "Chỉ tiêu")
    assert (target["Kết quả"], target["Mức chỉ tiêu"], target["Tỷ lệ đạt (%)"]) == (
        8_000_000,
        21_000_000,
        38,
    )
    areas = [row for row in rows if row["Bảng"] == "Khu dân cư"]
    assert [row["Kỳ / khu dân cư"] for row in areas][-2:] == ["Chung toàn phường", "Cộng"]
    assert sum(row["Kết quả"] or 0 for row in areas[:-1]) == areas[-1]["Kết quả"] == 8_000_000


def test_year_summary_downloads_as_csv(client, fund_raised):
    response = client.get(reverse("campaigns:year_summary", args=[2024, "csv"]))

    text = response.content.decode("utf-8-sig")
    assert text.startswith("Cuộc vận động,Chỉ tiêu,Đơn vị tính,Bảng,Kỳ / khu dân cư,Kết quả")
    assert "Tháng,T6/2024,8000000" in text


def test_summary_writes_whole_kilograms_without_decimals(client, recorded):
    text = client.get(reverse("campaigns:summary", args=[recorded.slug, "csv"])).content.decode()

    assert "Năm,2019,21090," in text
    assert "21090.00" not in text


def test_an_unknown_id_is_refused_not_created(admin_client, rice, poor_day):
    content = f"{HEADER}\n987654,{poor_day.name},{rice.name},01/03/2024,,100,,\n"

    page = upload(admin_client, content).content.decode()

    assert "Dòng 2: không có số liệu mã 987654" in page
    assert Entry.objects.count() == 0
