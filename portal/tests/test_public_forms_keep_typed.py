"""Public forms that refuse what was typed say why in Vietnamese and keep it in the box.

The date picker and the leaders' login have their own tests (news/tests/test_pages.py,
portal/tests/test_leaders_page.py); these cover the filters and the search box.
"""

import re

import pytest

from documents.tests.documents import make_document
from mattran.lib.text import nfc

pytestmark = pytest.mark.django_db


def test_document_filter_refuses_an_unknown_year_in_vietnamese_and_keeps_the_words(client):
    make_document()
    words = "kế hoạch " + "x" * 200

    response = client.get("/van-ban/", {"q": words, "nam": "1999"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ. 1999 không phải là một trong các lựa chọn" in page
    assert "tối đa 200 kí tự (hiện có 209)" in page
    assert f'value="{words}"' in page


def test_meeting_filter_refuses_an_unknown_kind_in_vietnamese(client):
    response = client.get("/hoi-nghi/", {"loai": "hop-kin", "nam": "abc"})

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("Hãy chọn một lựa chọn hợp lệ.") == 2
    assert "hop-kin không phải là một trong các lựa chọn" in page


@pytest.mark.parametrize(
    "typed",
    ["Đa\u0323i đoàn <b>kết</b>", "Привет 中文 😀", "\u202eđại hội"],
)
def test_search_box_keeps_what_was_typed(client, typed):
    response = client.get("/tim-kiem/", {"q": typed})

    page = response.content.decode()
    assert response.status_code == 200
    # Kept as typed, composed to NFC as every Vietnamese keyboard sends it; invisible
    # control characters (a right-to-left override could disguise the text) are dropped.
    kept = "".join(ch for ch in nfc(typed) if ch.isprintable())
    shown = kept.replace("<", "&lt;").replace(">", "&gt;")
    assert re.search(rf'name="q"\s+value="{re.escape(shown)}"', page)
