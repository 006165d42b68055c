"""Files for download, in the layout the admin imports, so every export re-imports.

`EntryResource.export()` builds a model instance and calls fifteen widgets per row,
about a millisecond a row; a public link must not cost a minute for 100,000 entries.
`entries_dataset` reads plain values in one query and formats them with the same rules
(a test holds the two outputs equal), and finished files are cached until an entry,
indicator or campaign changes. Text that a spreadsheet program would run as a formula
is escaped in every file (`mattran.lib.spreadsheet`).
"""

from decimal import Decimal

import tablib
from django.http import HttpResponse
from import_export.formats.base_formats import CSV, XLSX

from campaigns import cache
from campaigns.models import Indicator
from campaigns.resources import COLUMNS, DATE_FORMAT, YES, plain_number
from mattran.lib.spreadsheet import escape

FORMATS = {
    "csv": (CSV, "text/csv; charset=utf-8"),
    "xlsx": (XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}
VALUES = [
    "pk",
    "indicator__campaign__name",
    "indicator__name",
    "indicator__unit",
    "date",
    "period_start",
    "period_label",
    "area__name",
    "quantity",
    "money",
    "participants",
    "as_printed",
    "source",
    "doubtful",
    "doubt_note",
]
UNITS = dict(Indicator.Unit.choices)


def entries_dataset(entries, native_numbers):
    """The entries as rows of the import layout; numbers native for XLSX, plain for CSV."""

    def number(value):
        return value if native_numbers else plain_number(value)

    def day(value):
        return value.strftime(DATE_FORMAT) if value else ""

    dataset = tablib.Dataset(headers=list(COLUMNS.values()))
    rows = entries.order_by("indicator__campaign__name", "indicator__order", "date", "pk")
    for row in rows.values_list(*VALUES).iterator(chunk_size=5000):
        (pk, campaign, indicator, unit, date, start, label, area) = row[:8]
        (quantity, money, participants, printed, source, doubtful, note) = row[8:]
        dataset.append(
            [
                number(pk),
                escape(campaign),
                escape(indicator),
                UNITS.get(unit, unit),
                day(date),
                day(start),
                escape(label),
                escape(area or ""),
                number(quantity),
                number(money),
                number(participants),
                escape(printed),
                escape(source),
                YES if doubtful else "",
                escape(note),
            ]
        )
    return dataset


SUMMARY_HEADERS = [
    "Cuộc vận động",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Bảng",
    "Kỳ / khu dân cư",
    "Kết quả",
    "Trị giá (đồng)",
    "Lượt người",
    "Mức chỉ tiêu",
    "Tỷ lệ đạt (%)",
]


def _number(value):
    """21090.00 -> 21090: sums of decimals keep the column's places, a reader needs none."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


def summary_dataset(reports, period_table):
    """The tables a page shows (targets, periods, areas, totals) as rows of one sheet.

    Numbers stay numbers: the file is for people who will sum and chart them again.
    """
    dataset = tablib.Dataset(headers=SUMMARY_HEADERS)

    def add(row):
        # Campaign, indicator and area names are typed by staff: escape them too.
        dataset.append([escape(cell) for cell in row])

    for report in reports:
        indicator = report.indicator
        start = [indicator.campaign.name, indicator.name, indicator.get_unit_display()]
        for progress in report.targets:
            add(
                [
                    *start,
                    "Chỉ tiêu",
                    progress.target.period_label,
                    _number(progress.result or 0),
                    None,
                    None,
                    _number(progress.target.value),
                    progress.percent,
                ]
            )
        for table, rows in ((period_table, report.series), ("Khu dân cư", report.areas)):
            for row in [*rows, report.total]:
                label = "Cộng" if row is report.total else row.label
                figures = [_number(row.value), row.money, row.participants]
                add([*start, table, label, *figures, None, None])
    return dataset


def summary_response(reports, period_table, file_format, filename):
    format_class, content_type = FORMATS[file_format]
    data = format_class().export_data(summary_dataset(reports, period_table))
    if isinstance(data, str):
        data = ("\ufeff" + data).encode("utf-8")
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response


def entries_file(entries, file_format):
    """The bytes of `entries` as CSV (UTF-8 with BOM, for Excel) or XLSX."""
    format_class, _ = FORMATS[file_format]
    dataset = entries_dataset(entries, native_numbers=file_format == "xlsx")
    data = format_class().export_data(dataset)
    if isinstance(data, str):
        # The BOM makes Excel read the Vietnamese letters as UTF-8.
        data = ("\ufeff" + data).encode("utf-8")
    return data


def entries_response(entries, file_format, filename, cache_key=None):
    _, content_type = FORMATS[file_format]
    if cache_key is None:
        data = entries_file(entries, file_format)
    else:
        key = ("export", *cache_key, file_format)
        data = cache.remember(key, entries_file, entries, file_format)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response
