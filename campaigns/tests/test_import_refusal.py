"""A refused import shows each bad row as the file had it, keeps the chosen format and
saves nothing, so staff fix the file where the message points."""

import re

import pytest

from campaigns.models import Entry
from campaigns.tests.test_import_export import HEADER, upload

pytestmark = pytest.mark.django_db


def test_a_refused_row_is_shown_as_typed_with_the_format_kept(admin_client, rice, poor_day):
    rows = [
        f",{poor_day.name},{rice.name},01/03/2024,,100,,12",
        f',{poor_day.name},{rice.name},02/03/2024,,"21,090",,30',
    ]

    page = upload(admin_client, "\n".join([HEADER, *rows]) + "\n").content.decode()

    assert "Một số dòng có lỗi; chưa dòng nào được lưu" in page
    assert "Dòng 3: số lượng không hợp lệ: “21,090” không rõ nghĩa" in page
    refused_row = re.search(r"<td>02/03/2024</td>.*?</tr>", page, re.S).group(0)
    assert "<td>21,090</td>" in refused_row and "<td>30</td>" in refused_row
    assert re.search(r'<option value="1" selected>\s*csv', page)
    assert Entry.objects.count() == 0
