"""Files for download: the same resource the admin imports, so every export re-imports."""

from django.http import HttpResponse
from import_export.formats.base_formats import CSV, XLSX

from campaigns.resources import EntryResource

FORMATS = {
    "csv": (CSV, "text/csv; charset=utf-8"),
    "xlsx": (XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def entries_file(entries, file_format):
    """The bytes of `entries` as CSV (UTF-8 with BOM, for Excel) or XLSX."""
    format_class, _ = FORMATS[file_format]
    native = file_format == "xlsx"  # XLSX cells hold real numbers; CSV holds plain digits
    dataset = EntryResource().export(entries, force_native_type=native)
    data = format_class().export_data(dataset)
    if isinstance(data, str):
        # The BOM makes Excel read the Vietnamese letters as UTF-8.
        data = "\ufeff" + data
        data = data.encode("utf-8")
    return data


def entries_response(entries, file_format, filename):
    _, content_type = FORMATS[file_format]
    response = HttpResponse(entries_file(entries, file_format), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response
