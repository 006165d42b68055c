"""A resident on a phone finds a document without typing diacritics and downloads it."""

import datetime

import pytest

from documents.models import Document
from documents.tests.documents import PDF_BYTES, make_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_resident_finds_and_downloads_a_plan_on_a_phone(live_server, phone_page, screenshot_dir):
    plan = make_document(
        number="12/KH-MTTQ",
        summary="Kế hoạch tổ chức sinh hoạt “Không gian đại đoàn kết” năm 2024",
        kind=Document.Kind.PLAN,
        issued_on=datetime.date(2024, 5, 2),
    )
    make_document(number="20/BC-MTTQ", summary="Báo cáo sơ kết 6 tháng", kind="bao-cao")
    make_document(
        number="08/CV-BTT",
        summary="Công văn nội bộ về kế hoạch phân công",
        kind="cong-van",
        visibility=Document.Visibility.LEADERS,
    )
    page = phone_page

    page.goto(f"{live_server.url}/van-ban/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=screenshot_dir / "1-list.png", full_page=True)

    page.get_by_label("Từ khóa").fill("ke hoach")
    page.get_by_role("button", name="Tìm văn bản").click()
    page.wait_for_url("**/van-ban/?q=ke+hoach*")
    results = page.locator(".document-row")
    assert results.count() == 1  # the leaders-only letter also says "kế hoạch"
    assert page.get_by_role("link", name=plan.summary).is_visible()
    page.screenshot(path=screenshot_dir / "2-search.png", full_page=True)

    page.get_by_role("link", name=plan.summary).click()
    page.wait_for_url(f"{live_server.url}{plan.get_absolute_url()}")
    assert page.get_by_text("Thứ Năm, 02/05/2024").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=screenshot_dir / "3-document.png", full_page=True)

    with page.expect_download() as waiting:
        page.get_by_role("link", name="Tải văn bản").click()
    download = waiting.value
    assert download.suggested_filename == (
        "12-KH-MTTQ Kế hoạch tổ chức sinh hoạt “Không gian đại đoàn kết” năm 2024.pdf"
    )
    assert download.path().read_bytes() == PDF_BYTES
    plan.refresh_from_db()
    assert plan.download_count == 1
