"""The staff's daily screens on a 1280 px laptop: the article list's titles read on a
line or two, and the meeting form (its attendees table included) fits the screen.

The measured widths are printed (pytest -s) and the screenshots kept under
test-output/screenshots/<test name>/.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings

from mattran.tests.accounts import make_user
from mattran.tests.photos import jpeg_bytes
from meetings.models import Attendance, Meeting
from news.models import Article
from news.tests.browser_steps import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDEST = "document.documentElement.scrollWidth"


@pytest.fixture
def staff(django_user_model):
    return make_user(django_user_model, "quantri-thu", is_staff=True, is_superuser=True)


@override_settings(PAGE_CACHE_SECONDS=0)
def test_article_list_gives_titles_room_at_1280(live_server, desktop_page, staff, screenshot_dir):
    call_command("load_demo", stdout=io.StringIO())
    pictured = Article.objects.order_by("pk").first()
    pictured.cover = SimpleUploadedFile("bia.jpg", jpeg_bytes(1200, 800), "image/jpeg")
    pictured.save()
    page = desktop_page
    log_in(page, live_server, staff)
    page.goto(f"{live_server.url}/quan-tri/news/article/")

    title_width = page.evaluate(
        "document.querySelector('#result_list tbody .field-title').getBoundingClientRect().width"
    )
    widest = page.evaluate(WIDEST)
    page.screenshot(path=screenshot_dir / "article-list-1280.png", full_page=True)
    print(f"\narticle list at 1280 px: title column {title_width:.0f} px, widest {widest} px")

    assert title_width >= 300
    assert widest <= 1280
    # Every column shows: the list does not scroll sideways inside its box either.
    assert page.evaluate(
        "(r => r.scrollWidth <= r.clientWidth)(document.querySelector('.results'))"
    )
    # Every header reads whole ("Tin nổi bật" was cut to "Tin nổi").
    header = page.locator("#result_list th.column-featured")
    assert header.inner_text().strip().lower() == "tin nổi bật"
    assert header.evaluate("th => th.scrollWidth <= th.clientWidth")
    assert page.locator("#result_list img.list-thumbnail").count() == 1
    assert page.locator("#result_list .status-label").count() == Article.objects.count()

    # The other lists staff keep show every column at 1280 px too.
    for name in ["meetings/meeting", "documents/document", "campaigns/entry"]:
        page.goto(f"{live_server.url}/quan-tri/{name}/")
        shown = page.evaluate(
            "(r => [r.scrollWidth, r.clientWidth])(document.querySelector('.results'))"
        )
        page.screenshot(path=screenshot_dir / f"{name.replace('/', '-')}-list-1280.png")
        print(f"{name} list at 1280 px: table {shown[0]} px in {shown[1]} px")
        assert shown[0] <= shown[1], name


@override_settings(PAGE_CACHE_SECONDS=0)
def test_meeting_form_fits_1280_and_a_phone(
    live_server, desktop_page, phone_page, staff, screenshot_dir
):
    call_command("load_demo", stdout=io.StringIO())
    meeting = (
        Meeting.objects.filter(attendances__isnull=False).order_by("pk").first()
        or Meeting.objects.order_by("pk").first()
    )
    Attendance.objects.create(
        meeting=meeting,
        guest_name="Nguyễn Thị Thanh Hương",
        title_as_printed="Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam phường",
        role_note="Chủ trì hội nghị",
    )
    url = f"{live_server.url}/quan-tri/meetings/meeting/{meeting.pk}/change/"

    log_in(desktop_page, live_server, staff)
    desktop_page.goto(url)
    widest = desktop_page.evaluate(WIDEST)
    desktop_page.screenshot(path=screenshot_dir / "meeting-form-1280.png", full_page=True)
    print(f"\nmeeting form at 1280 px: widest element {widest} px")
    assert widest <= 1280

    log_in(phone_page, live_server, staff)
    phone_page.goto(url)
    narrow = phone_page.evaluate(WIDEST)
    phone_page.screenshot(path=screenshot_dir / "meeting-form-390.png", full_page=True)
    print(f"meeting form at 390 px: widest element {narrow} px")
    assert narrow <= 390
